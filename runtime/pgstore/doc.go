// Package pgstore is an fsm.Store kept in a PostgreSQL database, for running
// many worker processes, on many machines, on the same jobs.
//
// A connection string is the whole configuration:
//
//	store, err := pgstore.Open(ctx, "postgres://app@db.internal:5432/shop?search_path=jobs")
//
// Every parameter of github.com/jackc/pgx/v5/pgxpool is understood (pool_max_conns,
// sslmode, ...). The tables are made in the first schema of the search_path
// (the database's default, usually public, when the string names none), so a
// search_path parameter keeps several stores apart in one database. One
// parameter is this package's own and is not sent to the server:
// fsmgen_listen=false turns LISTEN off, for connection poolers in transaction
// mode that do not carry notifications; workers then find new work by polling
// (fsm.Options.Poll).
//
// # Schema
//
// The schema is migrated on Open, in a transaction holding a transaction-level
// advisory lock, so that workers starting at once migrate it once. A schema
// written by a newer fsmgen is refused with an error wrapping
// fsm.ErrNewerSchema, and left as it is.
//
// # Workers
//
// Any number of Stores, in any number of processes, may be workers at once
// (AcquireWorker). Claim takes jobs with SELECT ... FOR UPDATE SKIP LOCKED, so
// that concurrent claims never block on each other nor hand out one job
// twice; each claim is a lease that ends unless the engine renews it
// (ExtendLeases), after which another worker takes the job over. Every Apply
// is fenced by the job's Version: a worker that lost its lease fails with
// fsm.ErrLeaseLost and writes nothing.
//
// # Group commit
//
// Apply calls made at once, by the goroutines of one engine, share
// transactions: a committer takes every Apply waiting (up to 64) and commits
// them together, so that a busy worker pays one commit, and one WAL flush,
// for many steps. Each Apply still succeeds or fails on its own.
//
// # Text
//
// Error texts and event details are stored as bytes, exactly, whatever they
// hold. Ids and names are text: CreateJob refuses one with a NUL byte or
// invalid UTF-8 (which PostgreSQL text cannot hold), and looking one up finds
// no job.
//
// # Wake-ups
//
// Writes that may make jobs claimable send a NOTIFY, which every Store of the
// same schema LISTENs for and passes on through Changed. Each Store also
// watches the next due timer and lease end of its schema and signals Changed
// when it comes, so idle workers need not poll for them. Polling remains the
// fallback when the listening connection is down.
package pgstore
