package pgstore

import (
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// jobColumns are the columns scanJob reads, in order.
const jobColumns = `num, id, name, status, parent, seq, state_num, state, layout, op, progress, outcome,
	attempts, last_error, run_at, wake_seq, cancel_requested, error, created_at, updated_at,
	lease_owner, lease_until, version`

// listColumns are jobColumns with NULL for the bytes Jobs leaves out.
const listColumns = `num, id, name, status, parent, seq, state_num, NULL::bytea, layout, NULL::bytea, NULL::bytea, NULL::bytea,
	attempts, last_error, run_at, wake_seq, cancel_requested, error, created_at, updated_at,
	lease_owner, lease_until, version`

// scanner is what pgx.Row and pgx.Rows have in common.
type scanner interface {
	Scan(dest ...any) error
}

// scanJob reads a row of jobColumns or listColumns.
func scanJob(r scanner) (fsm.JobRecord, error) {
	var (
		j                                       fsm.JobRecord
		status                                  string
		stateNum, attempts                      int64
		runAt, createdAt, updatedAt, leaseUntil int64
		lastError, jobError                     []byte
	)
	err := r.Scan(&j.Num, &j.ID, &j.Name, &status, &j.Parent, &j.Seq, &stateNum, &j.State, &j.Layout,
		&j.Op, &j.Progress, &j.Outcome, &attempts, &lastError, &runAt, &j.WakeSeq, &j.CancelRequested,
		&jobError, &createdAt, &updatedAt, &j.LeaseOwner, &leaseUntil, &j.Version)
	if err != nil {
		return fsm.JobRecord{}, err
	}
	j.LastError, j.Error = string(lastError), string(jobError)
	j.Status = fsm.Status(status)
	if !j.Status.Valid() {
		return fsm.JobRecord{}, fmt.Errorf("pgstore: job %q: unknown job status %q", j.ID, status)
	}
	if int64(int(stateNum)) != stateNum || int64(int(attempts)) != attempts {
		return fsm.JobRecord{}, fmt.Errorf("pgstore: job %q: state_num or attempts out of range", j.ID)
	}
	j.StateNum, j.Attempts = int(stateNum), int(attempts)
	j.RunAt, j.CreatedAt, j.UpdatedAt, j.LeaseUntil = storeutil.DecodeTime(runAt), storeutil.DecodeTime(createdAt), storeutil.DecodeTime(updatedAt), storeutil.DecodeTime(leaseUntil)
	return j, nil
}

// eventColumns are the columns scanEvent reads, in order.
const eventColumns = `seq, time, kind, state_num, state, layout, op, outcome, detail`

// scanEvent reads a row of eventColumns.
func scanEvent(r scanner) (fsm.Event, error) {
	var (
		e      fsm.Event
		t, sn  int64
		kind   string
		detail []byte
	)
	if err := r.Scan(&e.Seq, &t, &kind, &sn, &e.State, &e.Layout, &e.Op, &e.Outcome, &detail); err != nil {
		return fsm.Event{}, err
	}
	e.Detail = string(detail)
	if int64(int(sn)) != sn {
		return fsm.Event{}, fmt.Errorf("pgstore: event: state_num %d out of range", sn)
	}
	e.Time, e.Kind, e.StateNum = storeutil.DecodeTime(t), fsm.EventKind(kind), int(sn)
	return e, nil
}

// signalColumns are the columns scanSignal reads, in order.
const signalColumns = `id, job_id, name, payload, sent_at`

// scanSignal reads a row of signalColumns.
func scanSignal(r scanner) (fsm.SignalRecord, error) {
	var (
		sig fsm.SignalRecord
		t   int64
	)
	if err := r.Scan(&sig.ID, &sig.JobID, &sig.Name, &sig.Payload, &t); err != nil {
		return fsm.SignalRecord{}, err
	}
	sig.SentAt = storeutil.DecodeTime(t)
	return sig, nil
}

// textBytes returns s as the bytes of a NOT NULL bytea column: never nil,
// which pgx would send as NULL.
func textBytes(s string) []byte {
	if s == "" {
		return []byte{}
	}
	return []byte(s)
}
