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

// write is one change queued for the writer.
type write struct {
	ctx context.Context
	// fn makes the change in tx, and reports whether it may have made jobs
	// claimable. Results go to variables fn closes over; they are read only
	// when the write's error is nil.
	fn   func(tx *sql.Tx) (notify bool, err error)
	err  error
	done chan struct{}
}

// do runs fn in the writer's next transaction and returns once that
// transaction is committed (or fn failed). A ctx done before fn starts fails
// the write with ctx's error; once fn has started, the write completes.
func (s *Store) do(ctx context.Context, fn func(tx *sql.Tx) (bool, error)) error {
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
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fail(err)
	}
	for _, w := range batch {
		if err := w.ctx.Err(); err != nil {
			w.err = err
			continue
		}
		if _, err := tx.Exec("SAVEPOINT write"); err != nil {
			_ = tx.Rollback()
			return fail(err)
		}
		n, err := w.fn(tx)
		if err != nil {
			w.err = err
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
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return notify
}
