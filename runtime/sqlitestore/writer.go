package sqlitestore

import (
	"context"
	"database/sql"
	"fmt"
)

// Group commit. Every change goes through one goroutine, the writer, which
// owns the only write connection. It takes the first write queued, then every
// other already waiting (up to maxBatch), and runs them in one transaction:
// one fsync for all. Each write runs inside a savepoint of its own, so one
// that fails (a fenced Apply that lost its lease) is undone alone and the
// others still commit. Each caller gets its own result once the transaction
// is committed.
//
// Statements are prepared once on the write connection and reused by every
// transaction after (see wtx): parsing SQL was a third of the writer's CPU.

// write is one change queued for the writer.
type write struct {
	ctx context.Context
	// fn makes the change in tx, and reports whether it may have made jobs
	// claimable. Results go to variables fn closes over; they are read only
	// when the write's error is nil.
	fn   func(tx *wtx) (notify bool, err error)
	err  error
	done chan struct{}
}

// do runs fn in the writer's next transaction and returns once that
// transaction is committed (or fn failed). A ctx done before fn starts fails
// the write with ctx's error; once fn has started, the write completes.
func (s *Store) do(ctx context.Context, fn func(tx *wtx) (bool, error)) error {
	if err := s.check(); err != nil {
		return err
	}
	w := &write{ctx: ctx, fn: fn, done: make(chan struct{})}
	select {
	case s.writes <- w:
	case <-s.quit:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	<-w.done
	return w.err
}

// writer runs the queued writes until Close.
func (s *Store) writer() {
	defer close(s.writerDone)
	defer s.stmts.close()
	batch := make([]*write, 0, maxBatch)
	for {
		batch = batch[:0]
		select {
		case <-s.quit:
			return
		case w := <-s.writes:
			batch = append(batch, w)
		}
	more:
		for len(batch) < maxBatch {
			select {
			case w := <-s.writes:
				batch = append(batch, w)
			default:
				break more
			}
		}
		if s.commit(batch) {
			s.notify()
		}
		for _, w := range batch {
			close(w.done)
		}
	}
}

// commit runs the writes of batch in one transaction and sets each one's
// error. It reports whether any write that committed asked for a
// notification.
func (s *Store) commit(batch []*write) (notify bool) {
	// Statements run under a context of their own: the transaction is
	// shared, and one caller giving up must not undo the others' writes.
	ctx := context.Background()
	s.txs.Add(1)
	s.nwrite.Add(int64(len(batch)))
	fail := func(err error) bool {
		err = fmt.Errorf("sqlitestore: writing to %s: %w", s.path, err)
		for _, w := range batch {
			if w.err == nil {
				w.err = err
			}
		}
		return false
	}
	s.stmts.prepareWanted(s.wdb)
	sqltx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	tx := s.stmts.begin(sqltx)
	for _, w := range batch {
		if err := w.ctx.Err(); err != nil {
			w.err = err
			continue
		}
		if _, err := tx.Exec("SAVEPOINT write"); err != nil {
			_ = tx.Rollback()
			return fail(err)
		}
		mark := len(tx.events)
		n, err := w.fn(tx)
		if err != nil {
			w.err = err
			tx.events = tx.events[:mark]
			// When SQLite has rolled the whole transaction back by itself
			// (an I/O error, a full disk), the savepoint is gone and the
			// writes before this one with it: fail them all.
			if _, rerr := tx.Exec("ROLLBACK TO write"); rerr != nil {
				_ = tx.Rollback()
				return fail(fmt.Errorf("%w (after %v)", rerr, err))
			}
		} else if n {
			notify = true
		}
		if _, err := tx.Exec("RELEASE write"); err != nil {
			_ = tx.Rollback()
			return fail(err)
		}
	}
	if err := tx.flushEvents(); err != nil {
		_ = tx.Rollback()
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return notify
}

// flushEvents inserts the events the transaction's writes queued, in the
// order they were queued, a few statements of many rows each: the statement
// a row costs was as much as the row.
func (t *wtx) flushEvents() error {
	ev := t.events
	for len(ev) > 0 {
		rows := len(ev) / eventValues
		n := eventChunks[len(eventChunks)-1]
		for _, c := range eventChunks {
			if c <= rows {
				n = c
				break
			}
		}
		if _, err := t.Exec(eventInserts[n], ev[:n*eventValues]...); err != nil {
			return fmt.Errorf("writing history: %w", err)
		}
		ev = ev[n*eventValues:]
	}
	t.events = t.events[:0]
	return nil
}

// wtx is a transaction of the writer. Its Exec, Query and QueryRow run
// statements prepared on the write connection: a query seen for the first
// time is prepared for this transaction alone, and on the connection before
// the next one begins (the connection is the transaction's until then).
type wtx struct {
	tx    *sql.Tx
	cache *stmtCache
	stmts map[string]*sql.Stmt // this transaction's handles
	// events are the values of the history rows queued by insertEvents,
	// eventValues a row, written by flushEvents before the commit.
	events []any
}

func (t *wtx) stmt(q string) (*sql.Stmt, error) {
	if st, ok := t.stmts[q]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if p, ok := t.cache.prepared[q]; ok {
		st = t.tx.Stmt(p)
	} else {
		var err error
		if st, err = t.tx.Prepare(q); err != nil {
			return nil, err
		}
		if len(t.cache.prepared)+len(t.cache.wanted) < maxPrepared {
			t.cache.wanted[q] = true
		}
	}
	t.stmts[q] = st
	return st, nil
}

// Exec runs q, which changes rows, in the transaction.
func (t *wtx) Exec(q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

// Query runs q, which returns rows, in the transaction.
func (t *wtx) Query(q string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(q)
	if err != nil {
		return nil, err
	}
	return st.Query(args...)
}

// QueryRow runs q, which returns at most one row, in the transaction.
func (t *wtx) QueryRow(q string, args ...any) *sql.Row {
	st, err := t.stmt(q)
	if err != nil {
		return t.tx.QueryRow(q, args...) // which reports the error
	}
	return st.QueryRow(args...)
}

func (t *wtx) Commit() error   { return t.tx.Commit() }
func (t *wtx) Rollback() error { return t.tx.Rollback() }

// maxPrepared bounds the statements kept prepared; the store's queries are a
// few dozen (a claim's depends on the names of the jobs it claims).
const maxPrepared = 256

// stmtCache holds the statements prepared on the write connection. Only the
// writer goroutine uses it.
type stmtCache struct {
	prepared map[string]*sql.Stmt
	wanted   map[string]bool // seen in a transaction, to prepare after it
}

func newStmtCache() *stmtCache {
	return &stmtCache{prepared: map[string]*sql.Stmt{}, wanted: map[string]bool{}}
}

// prepareWanted prepares on db the statements seen since the last call. db's
// only connection must be free. A statement that fails to prepare is left to
// be prepared in each transaction, which reports its error.
func (c *stmtCache) prepareWanted(db *sql.DB) {
	for q := range c.wanted {
		if st, err := db.Prepare(q); err == nil {
			c.prepared[q] = st
		}
		delete(c.wanted, q)
	}
}

func (c *stmtCache) begin(tx *sql.Tx) *wtx {
	return &wtx{tx: tx, cache: c, stmts: make(map[string]*sql.Stmt, 8)}
}

func (c *stmtCache) close() {
	for q, st := range c.prepared {
		_ = st.Close()
		delete(c.prepared, q)
	}
}
