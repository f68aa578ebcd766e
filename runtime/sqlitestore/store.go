package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Store is an fsm.Store kept in one SQLite database file. It is safe for
// concurrent use by multiple goroutines, and several Stores, in one process
// or several, may have the same file open; only one of them at a time can be
// a worker (see AcquireWorker).
type Store struct {
	path     string
	lockPath string

	wdb *sql.DB // one connection, used only by the writer goroutine
	rdb *sql.DB // a pool of read-only connections

	writes     chan *write
	stmts      *stmtCache    // the writer's prepared statements
	quit       chan struct{} // closed by Close
	writerDone chan struct{} // closed when the writer goroutine has returned
	changed    chan struct{}
	closed     atomic.Bool

	lockMu sync.Mutex
	lock   *os.File // the worker lock, while held

	now func() time.Time

	// Counters of the writer, for tests: transactions committed or rolled
	// back, and the writes they held.
	txs    atomic.Int64
	nwrite atomic.Int64
}

var _ fsm.Store = (*Store)(nil)

// ErrClosed is returned by the methods of a Store after Close.
var ErrClosed = errors.New("sqlitestore: store is closed")

const (
	// busyTimeout is how long a connection waits for a lock that another
	// connection (another process's writer, a checkpoint) holds.
	busyTimeout = 10 * time.Second
	// readers is the size of the pool of read connections.
	readers = 4
	// maxBatch is the most writes the writer commits in one transaction.
	maxBatch = 256
)

// Open opens the store in the SQLite database file at path, creating the
// file if it does not exist and bringing its schema up to date. Nothing but
// path configures it: the database is put in WAL mode with synchronous=FULL,
// so that a write is on disk when it returns.
//
// When the file was written by a newer fsmgen, whose schema this one does not
// know, Open changes nothing and fails with an error wrapping
// fsm.ErrNewerSchema.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlitestore: Open with an empty path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: %w", err)
	}
	// temp_store=MEMORY keeps the writer's sub-journals (the undo of the
	// savepoint of each write of a batch) in memory instead of a temporary
	// file: they serve only to undo one write of an uncommitted transaction,
	// never to recover from a crash.
	wdb, err := openDB(abs, "_txlock=immediate&_foreign_keys=1&_synchronous=FULL&_pragma=temp_store(MEMORY)", 1)
	if err != nil {
		return nil, err
	}
	if err := migrate(ctx, wdb, path); err != nil {
		wdb.Close()
		return nil, err
	}
	rdb, err := openDB(abs, "_foreign_keys=1&_query_only=1", readers)
	if err != nil {
		wdb.Close()
		return nil, err
	}
	if err := rdb.PingContext(ctx); err != nil {
		rdb.Close()
		wdb.Close()
		return nil, fmt.Errorf("sqlitestore: opening %s: %w", path, err)
	}
	s := &Store{
		path:       path,
		lockPath:   path + "-worker.lock",
		wdb:        wdb,
		rdb:        rdb,
		writes:     make(chan *write),
		stmts:      newStmtCache(),
		quit:       make(chan struct{}),
		writerDone: make(chan struct{}),
		changed:    make(chan struct{}, 1),
		now:        time.Now,
	}
	go s.writer()
	return s, nil
}

// openDB opens a pool of at most n connections to the file at the absolute
// path abs, each set up by the driver parameters in params.
func openDB(abs, params string, n int) (*sql.DB, error) {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	dsn := fmt.Sprintf("%s?_busy_timeout=%d&%s", u.String(), busyTimeout.Milliseconds(), params)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: opening %s: %w", abs, err)
	}
	db.SetMaxOpenConns(n)
	db.SetMaxIdleConns(n)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return db, nil
}

// Changed returns a channel that receives a value after a write that may have
// made jobs claimable: a job created, a job given back or made pending, a
// signal sent, a cancellation requested, a job woken, leases handed back.
// Values are coalesced (the channel holds at most one). The channel is never
// closed.
func (s *Store) Changed() <-chan struct{} { return s.changed }

func (s *Store) notify() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// Close waits for the writes under way, closes the database and releases the
// worker lock if this Store holds it. Calls after Close, Close included,
// return an error wrapping ErrClosed.
func (s *Store) Close() error {
	if !s.closed.CompareAndSwap(false, true) {
		return ErrClosed
	}
	close(s.quit)
	<-s.writerDone
	err := errors.Join(s.rdb.Close(), s.wdb.Close())
	s.lockMu.Lock()
	if s.lock != nil {
		err = errors.Join(err, unlockFile(s.lock))
		s.lock = nil
	}
	s.lockMu.Unlock()
	if err != nil {
		return fmt.Errorf("sqlitestore: closing %s: %w", s.path, err)
	}
	return nil
}

// check returns ErrClosed after Close.
func (s *Store) check() error {
	if s.closed.Load() {
		return ErrClosed
	}
	return nil
}
