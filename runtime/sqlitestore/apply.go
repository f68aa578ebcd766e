package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// Apply writes one step of a job, all of it or none: the job's row, its new
// history events, its children (each created unless a job of its ID exists),
// the deletion of the signals it consumed (signals of other jobs are left
// alone) and the wake-up of the jobs in u.Wake (unknown and ended ones are
// skipped). It returns the job's new Version, u.Version+1.
//
// The write is fenced: when the stored Version is not u.Version, Apply
// changes nothing and fails with an error wrapping fsm.ErrLeaseLost (or
// fsm.ErrNotFound when there is no such job). When u.Status is
// fsm.StatusWaiting and the stored WakeSeq is greater than u.WakeSeq, the job
// is stored as fsm.StatusPending with RunAt now instead.
//
// Apply calls running at the same time are committed together, with one
// sync to disk; each returns once its own change is durable, and one failing
// does not fail the others.
func (s *Store) Apply(ctx context.Context, u fsm.Update) (int64, error) {
	if err := s.check(); err != nil {
		return 0, err
	}
	a, err := prepareApply(u)
	if err != nil {
		return 0, err
	}
	now := s.nowNano()
	err = s.do(ctx, func(tx *wtx) (bool, error) { return a.run(tx, now) })
	if err != nil {
		return 0, err
	}
	return u.Version + 1, nil
}

// apply is an Update checked and with its times encoded.
type apply struct {
	u                 fsm.Update
	runAt, leaseUntil int64
	keepEnd           bool // KeepLease with the lease's end as stored
}

func prepareApply(u fsm.Update) (*apply, error) {
	runAt, leaseUntil, err := storeutil.CheckUpdate(u)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: %w", err)
	}
	return &apply{u: u, runAt: runAt, leaseUntil: leaseUntil, keepEnd: u.KeepLease && u.LeaseUntil.IsZero()}, nil
}

// The statements of a step that keeps its lease, with a new lease end and
// with the stored one: they change nothing unless the job is running with
// run_at as given (see run).
const (
	stepKeepingLease = `UPDATE jobs SET
			seq = ?1, state_num = ?2, state = ?3, layout = ?4, op = ?5, progress = ?6, outcome = ?7,
			attempts = ?8, last_error = ?9, error = ?10, lease_until = ?11,
			cancel_requested = CASE WHEN ?12 THEN 0 ELSE cancel_requested END,
			updated_at = ?13, version = version + 1
		WHERE id = ?14 AND version = ?15 AND status = 'running' AND run_at = ?16`
	stepKeepingLeaseEnd = `UPDATE jobs SET
			seq = ?1, state_num = ?2, state = ?3, layout = ?4, op = ?5, progress = ?6, outcome = ?7,
			attempts = ?8, last_error = ?9, error = ?10,
			cancel_requested = CASE WHEN ?12 THEN 0 ELSE cancel_requested END,
			updated_at = ?13, version = version + 1
		WHERE id = ?14 AND version = ?15 AND status = 'running' AND run_at = ?16`
)

// run makes the change in tx, at the store time now.
func (a *apply) run(tx *wtx, now int64) (notify bool, err error) {
	u := a.u
	var status string
	if u.KeepLease {
		// Most writes are steps of a job its worker goes on holding: its
		// status and run_at stay as stored, and this statement leaves them
		// out so that the indexes on them are not rewritten (three of the
		// five on jobs). It changes nothing unless the row is running with
		// run_at as given; then the general statement below does the write,
		// or says why it cannot.
		// A write that keeps the lease's end as stored leaves lease_until
		// out too: then no index of jobs is rewritten at all.
		q := stepKeepingLease
		if a.keepEnd {
			q = stepKeepingLeaseEnd
		}
		res, err := tx.Exec(q,
			u.Seq, u.StateNum, u.State, u.Layout, u.Op, u.Progress, u.Outcome,
			u.Attempts, u.LastError, u.Error, a.leaseUntil, encodeBool(u.ClearCancel),
			now, u.ID, u.Version, a.runAt)
		if err != nil {
			return false, fmt.Errorf("sqlitestore: job %s: writing a step: %w", u.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return false, fmt.Errorf("sqlitestore: job %s: writing a step: %w", u.ID, err)
		} else if n == 1 {
			return a.rest(tx, now, false)
		}
	}
	err = tx.QueryRow(`UPDATE jobs SET
			status = CASE WHEN ?1 = 'waiting' AND wake_seq > ?2 THEN 'pending' ELSE ?1 END,
			run_at = CASE WHEN ?1 = 'waiting' AND wake_seq > ?2 THEN ?3 ELSE ?4 END,
			seq = ?5, state_num = ?6, state = ?7, layout = ?8, op = ?9, progress = ?10, outcome = ?11,
			attempts = ?12, last_error = ?13, error = ?14,
			lease_owner = CASE WHEN ?15 THEN lease_owner ELSE '' END,
			lease_until = CASE WHEN ?20 THEN lease_until ELSE ?16 END,
			cancel_requested = CASE WHEN ?17 THEN 0 ELSE cancel_requested END,
			updated_at = ?3, version = version + 1
		WHERE id = ?18 AND version = ?19
		RETURNING status`,
		string(u.Status), u.WakeSeq, now, a.runAt,
		u.Seq, u.StateNum, u.State, u.Layout, u.Op, u.Progress, u.Outcome,
		u.Attempts, u.LastError, u.Error,
		encodeBool(u.KeepLease), a.leaseUntil, encodeBool(u.ClearCancel),
		u.ID, u.Version, encodeBool(a.keepEnd),
	).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		var v int64
		err := tx.QueryRow("SELECT version FROM jobs WHERE id = ?", u.ID).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return false, fmt.Errorf("sqlitestore: job %s: %w", u.ID, fsm.ErrNotFound)
		}
		if err != nil {
			return false, fmt.Errorf("sqlitestore: job %s: %w", u.ID, err)
		}
		return false, fmt.Errorf("sqlitestore: job %s is at version %d, not %d: %w", u.ID, v, u.Version, fsm.ErrLeaseLost)
	}
	if err != nil {
		return false, fmt.Errorf("sqlitestore: job %s: writing a step: %w", u.ID, err)
	}
	// Only a job left claimable now is news to idle workers; one that ended
	// or waits for later is not.
	return a.rest(tx, now, !u.KeepLease && storeutil.ClaimableNow(fsm.Status(status), a.runAt, now))
}

// rest writes what an Update adds to the job's row: its events, children,
// consumed signals and wake-ups. notify says whether the row's write may
// have made a job claimable.
func (a *apply) rest(tx *wtx, now int64, notify bool) (bool, error) {
	u := a.u
	if err := insertEvents(tx, u.ID, u.Events); err != nil {
		return false, err
	}
	for _, c := range u.Children {
		created, err := insertJob(tx, c, now)
		if err != nil {
			return false, err
		}
		notify = notify || created
	}
	for _, id := range u.Consumed {
		if _, err := tx.Exec("DELETE FROM signals WHERE id = ? AND job_id = ?", id, u.ID); err != nil {
			return false, fmt.Errorf("sqlitestore: job %s: deleting signal %d: %w", u.ID, id, err)
		}
	}
	for _, id := range u.Wake {
		st, err := liveStatus(tx, id)
		if errors.Is(err, fsm.ErrNotFound) || errors.Is(err, fsm.ErrJobEnded) {
			continue
		}
		if err != nil {
			return false, err
		}
		if err := wake(tx, id, now); err != nil {
			return false, err
		}
		notify = notify || st == fsm.StatusWaiting
	}
	return notify, nil
}

// liveStatus returns the status of job id, or an error wrapping
// fsm.ErrNotFound when there is no such job and fsm.ErrJobEnded when it has
// ended.
func liveStatus(tx *wtx, id string) (fsm.Status, error) {
	vals, err := scanAny(tx.QueryRow("SELECT status FROM jobs WHERE id = ?", id), 1)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("sqlitestore: job %s: %w", id, fsm.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("sqlitestore: reading job %s: %w", id, err)
	}
	c := columns{vals: vals}
	st := c.status("status")
	if err := c.done(); err != nil {
		return "", fmt.Errorf("sqlitestore: job %s: %w", id, err)
	}
	if st.Finished() {
		return st, fmt.Errorf("sqlitestore: job %s is %s: %w", id, st, fsm.ErrJobEnded)
	}
	return st, nil
}

// wake raises the WakeSeq of job id and, when it is waiting, makes it pending
// with RunAt now.
func wake(tx *wtx, id string, now int64) error {
	_, err := tx.Exec(`UPDATE jobs SET
			wake_seq = wake_seq + 1,
			status = CASE WHEN status = 'waiting' THEN 'pending' ELSE status END,
			run_at = CASE WHEN status = 'waiting' THEN ?2 ELSE run_at END,
			updated_at = ?2
		WHERE id = ?1`, id, now)
	if err != nil {
		return fmt.Errorf("sqlitestore: waking job %s: %w", id, err)
	}
	return nil
}
