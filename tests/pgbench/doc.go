// Package pgbench measures the engine on the PostgreSQL store with several
// worker processes sharing one database: checkpointed awaits per second and
// a job's start-to-finish latency, with 1, 2 and 4 workers. The test binary
// starts copies of itself as the workers. See docs/benchmarks.md.
//
// Like the store's own tests, it runs against the server FSMGEN_TEST_POSTGRES
// names (postgres://postgres@127.0.0.1:5432/test by default), in a schema of
// its own, and is skipped when the server cannot be reached unless CI=true.
package pgbench
