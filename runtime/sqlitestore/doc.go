// Package sqlitestore is the embedded store of the durable job engine: an
// fsm.Store kept in one SQLite database file, with no server to run and
// nothing to configure but the file's path.
//
//	store, err := sqlitestore.Open(ctx, "jobs.db")
//	if err != nil {
//		log.Fatal(err)
//	}
//	defer store.Close()
//	engine, err := fsm.NewEngine(ctx, store, fsm.Options{})
//
// # Files
//
// A store at path jobs.db is four files side by side:
//
//   - jobs.db, the database: jobs, their history, their pending signals and
//     the metadata tools read. Its schema version is SQLite's user_version;
//     Open applies the migrations this package embeds, and refuses (with an
//     error wrapping fsm.ErrNewerSchema, changing nothing) a file written by
//     a newer fsmgen.
//   - jobs.db-wal and jobs.db-shm, SQLite's write-ahead log and its index,
//     there while the database is open. They are part of the database: copy
//     or move the three together, or copy jobs.db alone only when no process
//     has it open.
//   - jobs.db-worker.lock, empty, locked by the one process that runs jobs
//     (see Store.AcquireWorker). It may be left behind; it is the lock held
//     on it, not the file, that counts.
//
// # Durability
//
// The database is in WAL mode with synchronous=FULL: every write is in the
// log on disk before the method that made it returns, and a crash, of the
// process or of the machine, loses no write that returned. A write is one
// transaction: it is there whole after a crash, or not at all.
//
// # Concurrency
//
// All writes of a Store go through one goroutine, the writer, which owns the
// only write connection. It commits whatever writes are queued when it comes
// to them in one transaction, each in a savepoint of its own, so that many
// engine workers checkpointing at once share one sync to disk, and one write
// failing (an Apply that lost its lease) fails alone. Reads use a separate
// pool of read-only connections and never wait for the writer.
//
// Several processes may open the same file: a worker that runs jobs and
// tools that list, show, signal or cancel them. Their writes take turns on
// SQLite's lock, waiting for it up to ten seconds. Only one process at a time
// may be a worker; a second one's Store.AcquireWorker fails with an error
// wrapping fsm.ErrLocked. The file must be on a local disk: SQLite's locks
// and shared memory do not work over network file systems.
//
// # Values
//
// Times are stored as Unix nanoseconds and read back in UTC, to the
// nanosecond; the zero time and fsm.Never are kept as such, and any time
// after the year 2262 is kept as fsm.Never. Byte slices keep the difference
// between nil and empty. Values read from the file are checked: a row this
// package would not have written (a status it does not know, a value of the
// wrong type) gives an error naming the job and the column.
package sqlitestore
