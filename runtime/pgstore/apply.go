package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

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
// fsm.ErrNotFound when there is no such job). Of two Apply calls with the
// same Version, in any processes, one wins and the other fails so. When
// u.Status is fsm.StatusWaiting and the stored WakeSeq is greater than
// u.WakeSeq, the job is stored as fsm.StatusPending with RunAt now instead.
//
// Apply calls made at once, from many goroutines, share a transaction (see
// batch.go); each still succeeds or fails on its own.
func (s *Store) Apply(ctx context.Context, u fsm.Update) (int64, error) {
	if err := s.check(); err != nil {
		return 0, err
	}
	if err := noSuchID(u.ID); err != nil {
		return 0, err
	}
	a, err := prepareApply(u)
	if err != nil {
		return 0, err
	}
	if s.testFailApply != nil {
		a.fail = s.testFailApply(u)
	}
	if err := s.applyBatched(ctx, a); err != nil {
		return 0, err
	}
	return u.Version + 1, nil
}

// apply is an Update checked and with its times encoded.
type apply struct {
	u                 fsm.Update
	runAt, leaseUntil int64

	// fail, when set (by tests), runs first in the transaction: an error
	// from it stands for a write the server refused.
	fail func(tx pgx.Tx) error
}

func prepareApply(u fsm.Update) (*apply, error) {
	runAt, leaseUntil, err := storeutil.CheckUpdate(u)
	if err != nil {
		return nil, fmt.Errorf("pgstore: %w", err)
	}
	return &apply{u: u, runAt: runAt, leaseUntil: leaseUntil}, nil
}

// stepColumns sets the columns of a job's row that an Update writes; its
// parameters are those of apply.run.
const stepColumns = `
	status = CASE WHEN $1::text = 'waiting' AND wake_seq > $2::bigint THEN 'pending' ELSE $1::text END,
	run_at = CASE WHEN $1::text = 'waiting' AND wake_seq > $2::bigint THEN $3::bigint ELSE $4::bigint END,
	seq = $5, state_num = $6, state = $7, layout = $8, op = $9, progress = $10, outcome = $11,
	attempts = $12, last_error = $13, error = $14,
	lease_owner = CASE WHEN $15::boolean THEN lease_owner ELSE '' END,
	lease_until = CASE WHEN $20::boolean THEN lease_until ELSE $16::bigint END,
	cancel_requested = CASE WHEN $17::boolean THEN false ELSE cancel_requested END,
	updated_at = $3::bigint, version = version + 1`

// stepOnly writes a job's row.
const stepOnly = `UPDATE jobs SET ` + stepColumns + ` WHERE id = $18 AND version = $19 RETURNING status`

// maxSingleEvents is how many events a step's one statement writes beside
// its row: one, or two for the outcome of an op and the checkpoint after it,
// which the engine writes together.
const maxSingleEvents = 2

// stepWithEvents[n-1] writes a job's row and, if its fence held, n events of
// its history, in order ($21 on, nine parameters each).
var stepWithEvents = func() (out [maxSingleEvents]string) {
	for n := 1; n <= maxSingleEvents; n++ {
		var rows []string
		for i := range n {
			p := 21 + 9*i
			rows = append(rows, fmt.Sprintf("(%d, $%d::bigint, $%d::bigint, $%d::text, $%d::bigint, $%d::bytea, $%d::text, $%d::bytea, $%d::bytea, $%d::bytea)",
				i, p, p+1, p+2, p+3, p+4, p+5, p+6, p+7, p+8))
		}
		out[n-1] = `WITH step AS (
		UPDATE jobs SET ` + stepColumns + `
		WHERE id = $18 AND version = $19
		RETURNING status
	), event AS (
		INSERT INTO events (job_id, seq, time, kind, state_num, state, layout, op, outcome, detail)
		SELECT $18, e.seq, e.time, e.kind, e.state_num, e.state, e.layout, e.op, e.outcome, e.detail
		FROM step, (VALUES ` + strings.Join(rows, ", ") + `) AS e(n, seq, time, kind, state_num, state, layout, op, outcome, detail)
		ORDER BY e.n
	)
	SELECT status FROM step`
	}
	return out
}()

// single reports whether a writes its row and one or two events and nothing
// else: one statement, which a batch may send along with others (see
// pipeline).
func (a *apply) single() bool {
	u := a.u
	return len(u.Events) >= 1 && len(u.Events) <= maxSingleEvents && len(u.Children) == 0 && len(u.Consumed) == 0 && len(u.Wake) == 0
}

// statement returns the statement that writes a's row (and its event, when
// single), returning the status stored, and its arguments.
func (a *apply) statement(now int64) (string, []any) {
	u := a.u
	args := []any{
		string(u.Status), u.WakeSeq, now, a.runAt,
		u.Seq, int64(u.StateNum), u.State, u.Layout, u.Op, u.Progress, u.Outcome,
		int64(u.Attempts), textBytes(u.LastError), textBytes(u.Error),
		u.KeepLease, a.leaseUntil, u.ClearCancel,
		u.ID, u.Version, u.KeepLease && u.LeaseUntil.IsZero(),
	}
	if !a.single() {
		return stepOnly, args
	}
	// Most steps write their row and one or two events: one statement, one
	// round trip, writes them all (the events only when the row's fence
	// held).
	for _, e := range u.Events {
		t, _ := storeutil.EncodeTime(e.Time)
		args = append(args, e.Seq, t, string(e.Kind), int64(e.StateNum), e.State, e.Layout, e.Op, e.Outcome, textBytes(e.Detail))
	}
	return stepWithEvents[len(u.Events)-1], args
}

// run makes the change in tx, at the store time now.
func (a *apply) run(ctx context.Context, tx pgx.Tx, now int64) (notify bool, err error) {
	if a.fail != nil {
		if err := a.fail(tx); err != nil {
			return false, err
		}
	}
	q, args := a.statement(now)
	var status string
	err = tx.QueryRow(ctx, q, args...).Scan(&status)
	return a.rest(ctx, tx, now, status, err)
}

// rest finishes the change once the row's statement has run, with the
// status it returned or its error: it reports a fenced write, and writes
// what a single statement does not hold.
func (a *apply) rest(ctx context.Context, tx pgx.Tx, now int64, status string, err error) (notify bool, _ error) {
	u := a.u
	if errors.Is(err, pgx.ErrNoRows) {
		var v int64
		err := tx.QueryRow(ctx, "SELECT version FROM jobs WHERE id = $1", u.ID).Scan(&v)
		if errors.Is(err, pgx.ErrNoRows) {
			return false, fmt.Errorf("pgstore: job %s: %w", u.ID, fsm.ErrNotFound)
		}
		if err != nil {
			return false, fmt.Errorf("pgstore: job %s: %w", u.ID, err)
		}
		return false, fmt.Errorf("pgstore: job %s is at version %d, not %d: %w", u.ID, v, u.Version, fsm.ErrLeaseLost)
	}
	if err != nil {
		return false, fmt.Errorf("pgstore: job %s: writing a step: %w", u.ID, err)
	}
	// Only a job left claimable now is news to idle workers; one that ended
	// or waits for later is not.
	notify = !u.KeepLease && storeutil.ClaimableNow(fsm.Status(status), a.runAt, now)
	if a.single() {
		return notify, nil
	}
	if err := insertEvents(ctx, tx, u.ID, u.Events); err != nil {
		return false, err
	}
	for _, c := range u.Children {
		created, err := insertJob(ctx, tx, c, now)
		if err != nil {
			return false, err
		}
		notify = notify || created
	}
	if len(u.Consumed) > 0 {
		if _, err := tx.Exec(ctx, "DELETE FROM signals WHERE id = ANY($1::bigint[]) AND job_id = $2", u.Consumed, u.ID); err != nil {
			return false, fmt.Errorf("pgstore: job %s: deleting signals: %w", u.ID, err)
		}
	}
	for _, id := range u.Wake {
		woke, err := wake(ctx, tx, id, now, true)
		if err != nil {
			return false, err
		}
		notify = notify || woke
	}
	return notify, nil
}

// wake raises the WakeSeq of job id and, when it is waiting, makes it pending
// with RunAt now; it reports whether the job was waiting. A job that has
// ended, or does not exist, is left alone: skip says to do so quietly, else
// wake fails with an error wrapping fsm.ErrJobEnded or fsm.ErrNotFound.
func wake(ctx context.Context, tx pgx.Tx, id string, now int64, skip bool) (bool, error) {
	if err := noSuchID(id); err != nil {
		if skip {
			return false, nil
		}
		return false, err
	}
	var st string
	err := tx.QueryRow(ctx, "SELECT status FROM jobs WHERE id = $1 FOR UPDATE", id).Scan(&st)
	if errors.Is(err, pgx.ErrNoRows) {
		if skip {
			return false, nil
		}
		return false, fmt.Errorf("pgstore: job %s: %w", id, fsm.ErrNotFound)
	}
	if err != nil {
		return false, fmt.Errorf("pgstore: reading job %s: %w", id, err)
	}
	if fsm.Status(st).Finished() {
		if skip {
			return false, nil
		}
		return false, fmt.Errorf("pgstore: job %s is %s: %w", id, st, fsm.ErrJobEnded)
	}
	_, err = tx.Exec(ctx, `UPDATE jobs SET
			wake_seq = wake_seq + 1,
			status = CASE WHEN status = 'waiting' THEN 'pending' ELSE status END,
			run_at = CASE WHEN status = 'waiting' THEN $2 ELSE run_at END,
			updated_at = $2
		WHERE id = $1`, id, now)
	if err != nil {
		return false, fmt.Errorf("pgstore: waking job %s: %w", id, err)
	}
	return st == string(fsm.StatusWaiting), nil
}
