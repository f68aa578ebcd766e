package pgstore

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Group commit. Apply, the write of every step, goes through a few
// committer goroutines. Each takes the first Apply queued, then every other
// already waiting (up to maxBatch), and writes them all in one transaction:
// one round trip to commit and one WAL flush for the lot, where one
// transaction each would wait for a flush each. The statements of steps that
// write their row and one event are sent together, in one round trip. Other writes (creating jobs,
// signals, claims) are rarer and keep a transaction of their own.
//
// A fenced Apply that lost its lease writes nothing before it fails, so it
// fails alone and the others of its batch still commit. Any other failure
// inside the transaction aborts it (PostgreSQL aborts a transaction at its
// first error); then each Apply of the batch is tried again in a transaction
// of its own, so that only the one at fault fails. That is safe because every
// Apply is fenced by the job's Version: one that did commit cannot be
// written twice.

const (
	// committers is how many batches may be in flight at once. More than one,
	// so that a batch fills while another commits; few, so that batches form.
	committers = 2

	// maxBatch bounds a batch, and so a transaction's size and how long its
	// row locks are held.
	maxBatch = 64

	// batchTimeout bounds how long a batch's transaction may take, so that a
	// server that stops answering fails the writes rather than wedges them.
	batchTimeout = time.Minute
)

// queuedApply is one Apply waiting for a committer.
type queuedApply struct {
	a *apply

	// state goes from queued to taken, when a committer starts on it, or
	// to abandoned, when its caller stops waiting first; an abandoned Apply
	// is never written.
	state atomic.Int32

	notify bool  // whether the write may have made jobs claimable
	err    error // set before done is closed
	done   chan struct{}
}

const (
	queued int32 = iota
	taken
	abandoned
)

// applyBatched queues a for a committer and returns once its transaction
// is committed or a has failed. When ctx ends before a committer has taken
// a, nothing is written and the error is ctx's; once taken, a completes.
func (s *Store) applyBatched(ctx context.Context, a *apply) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	q := &queuedApply{a: a, done: make(chan struct{})}
	select {
	case s.applies <- q:
	case <-s.quit:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-q.done:
		return q.err
	case <-ctx.Done():
		if q.state.CompareAndSwap(queued, abandoned) {
			return ctx.Err()
		}
	case <-s.quit:
		if q.state.CompareAndSwap(queued, abandoned) {
			return ErrClosed
		}
	}
	<-q.done // a committer has it
	return q.err
}

// committer writes queued Applies in batches until Close.
func (s *Store) committer() {
	defer s.committersDone.Done()
	batch := make([]*queuedApply, 0, maxBatch)
	for {
		batch = batch[:0]
		select {
		case <-s.quit:
			return
		case q := <-s.applies:
			batch = takeInto(batch, q)
		}
	more:
		for len(batch) < maxBatch {
			select {
			case q := <-s.applies:
				batch = takeInto(batch, q)
			default:
				break more
			}
		}
		if len(batch) == 0 {
			continue
		}
		s.writeBatch(batch)
		notify := false
		for _, q := range batch {
			notify = notify || (q.err == nil && q.notify)
			close(q.done)
		}
		if notify {
			s.notify()
		}
	}
}

// takeInto appends q to batch unless its caller has stopped waiting.
func takeInto(batch []*queuedApply, q *queuedApply) []*queuedApply {
	if !q.state.CompareAndSwap(queued, taken) {
		return batch
	}
	return append(batch, q)
}

// errBatchAborted wraps the error that aborted a batch's transaction.
type errBatchAborted struct{ err error }

func (e errBatchAborted) Error() string { return e.err.Error() }
func (e errBatchAborted) Unwrap() error { return e.err }

// writeBatch writes batch in one transaction and sets each one's result.
func (s *Store) writeBatch(batch []*queuedApply) {
	s.batches.Add(1)
	s.batched.Add(int64(len(batch)))
	// Rows are locked in the order of their ids, as ExtendLeases locks
	// them, so that the two do not deadlock.
	slices.SortFunc(batch, func(a, b *queuedApply) int { return strings.Compare(a.a.u.ID, b.a.u.ID) })
	// The transaction is shared: one caller giving up must not undo the
	// others' writes, so it runs under a context of its own.
	ctx, cancel := context.WithTimeout(context.Background(), batchTimeout)
	defer cancel()
	now := s.nowNano()
	err := s.do(ctx, func(tx pgx.Tx) (bool, error) {
		notify := false
		for i := 0; i < len(batch); {
			if j := pipelinable(batch, i); j-i > 1 {
				n, err := pipeline(ctx, tx, now, batch[i:j])
				if err != nil {
					return false, err
				}
				notify = notify || n
				i = j
				continue
			}
			q := batch[i]
			i++
			q.err, q.notify = nil, false
			n, err := q.a.run(ctx, tx, now)
			if err != nil {
				if fenced(err) {
					q.err = err // it wrote nothing; the others go on
					continue
				}
				return false, errBatchAborted{err}
			}
			q.notify = n
			notify = notify || n
		}
		return notify, nil
	})
	if err == nil {
		return
	}
	var aborted errBatchAborted
	if !errors.As(err, &aborted) || len(batch) == 1 {
		// The commit itself failed, or the batch could not begin: whether
		// it was written is unknown, and each caller is told so. (A worker
		// that writes the step again is fenced if it was.)
		for _, q := range batch {
			if q.err == nil || !fenced(q.err) {
				q.err = unwrapAborted(err)
			}
			q.notify = false
		}
		return
	}
	for _, q := range batch {
		q.err = s.do(ctx, func(tx pgx.Tx) (bool, error) {
			n, err := q.a.run(ctx, tx, now)
			q.notify = n
			return n, err
		})
	}
}

// pipelinable returns the end of the run of Applies from batch[i] on that
// are one statement each (apply.single, no test hook).
func pipelinable(batch []*queuedApply, i int) int {
	for i < len(batch) && batch[i].a.fail == nil && batch[i].a.single() {
		i++
	}
	return i
}

// pipeline writes qs, Applies of one statement each, by sending their
// statements in one round trip (in order, so rows are locked in the order
// of their ids still), then sets each one's result as writeBatch does.
func pipeline(ctx context.Context, tx pgx.Tx, now int64, qs []*queuedApply) (notify bool, err error) {
	b := &pgx.Batch{}
	for _, q := range qs {
		sql, args := q.a.statement(now)
		b.Queue(sql, args...)
	}
	br := tx.SendBatch(ctx, b)
	statuses := make([]string, len(qs))
	errs := make([]error, len(qs))
	for k := range qs {
		errs[k] = br.QueryRow().Scan(&statuses[k])
	}
	if err := br.Close(); err != nil {
		return false, errBatchAborted{err}
	}
	for k, q := range qs {
		q.err, q.notify = nil, false
		n, err := q.a.rest(ctx, tx, now, statuses[k], errs[k])
		if err != nil {
			if fenced(err) {
				q.err = err // it wrote nothing; the others go on
				continue
			}
			return false, errBatchAborted{err}
		}
		q.notify = n
		notify = notify || n
	}
	return notify, nil
}

// unwrapAborted returns the error inside an errBatchAborted, or err.
func unwrapAborted(err error) error {
	var aborted errBatchAborted
	if errors.As(err, &aborted) {
		return aborted.err
	}
	return err
}

// fenced reports whether err is an Apply's refusal that wrote nothing: the
// job is at another Version, or gone.
func fenced(err error) bool {
	return errors.Is(err, fsm.ErrLeaseLost) || errors.Is(err, fsm.ErrNotFound)
}

// BatchStats returns how many transactions have written Apply calls, and
// how many Apply calls they wrote, since Open: their ratio is the mean batch
// size. It is meant for benchmarks and tests.
func (s *Store) BatchStats() (transactions, applies int64) {
	return s.batches.Load(), s.batched.Load()
}
