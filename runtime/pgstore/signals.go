package pgstore

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// SendSignal stores a signal named name for the job jobID and wakes the job:
// its WakeSeq goes up and, when it is waiting, it becomes pending with RunAt
// now. It fails with an error wrapping fsm.ErrNotFound for an unknown job and
// fsm.ErrJobEnded for one that has ended, storing nothing. A nil payload is
// kept as nil, an empty one as empty.
func (s *Store) SendSignal(ctx context.Context, jobID, name string, payload []byte) error {
	if err := s.check(); err != nil {
		return err
	}
	if err := noSuchID(jobID); err != nil {
		return err
	}
	if !storeutil.ValidText(name) {
		return fmt.Errorf("pgstore: signal name %q: names must be UTF-8 text without NUL bytes", name)
	}
	now := s.nowNano()
	return s.do(ctx, func(tx pgx.Tx) (bool, error) {
		if _, err := wake(ctx, tx, jobID, now, false); err != nil {
			return false, err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO signals (job_id, name, payload, sent_at) VALUES ($1, $2, $3, $4)", jobID, name, payload, now); err != nil {
			return false, fmt.Errorf("pgstore: sending signal %q to job %s: %w", name, jobID, err)
		}
		return true, nil
	})
}

// RequestCancel marks the job id to be cancelled (CancelRequested), records an
// fsm.EventCancel in its history and wakes it, as SendSignal does. It fails
// with an error wrapping fsm.ErrNotFound for an unknown job and
// fsm.ErrJobEnded for one that has ended, changing nothing.
func (s *Store) RequestCancel(ctx context.Context, id string) error {
	if err := s.check(); err != nil {
		return err
	}
	if err := noSuchID(id); err != nil {
		return err
	}
	t := s.now()
	now, _ := storeutil.EncodeTime(t)
	return s.do(ctx, func(tx pgx.Tx) (bool, error) {
		if _, err := wake(ctx, tx, id, now, false); err != nil {
			return false, err
		}
		var seq, stateNum int64
		if err := tx.QueryRow(ctx, "UPDATE jobs SET cancel_requested = true WHERE id = $1 RETURNING seq, state_num", id).Scan(&seq, &stateNum); err != nil {
			return false, fmt.Errorf("pgstore: cancelling job %s: %w", id, err)
		}
		ev := fsm.Event{Seq: seq, Time: t, Kind: fsm.EventCancel, StateNum: int(stateNum)}
		if err := insertEvents(ctx, tx, id, []fsm.Event{ev}); err != nil {
			return false, err
		}
		return true, nil
	})
}

// Signals returns the signals sent to the job jobID and not consumed yet,
// oldest first; none for an unknown job.
func (s *Store) Signals(ctx context.Context, jobID string) ([]fsm.SignalRecord, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if !storeutil.ValidText(jobID) {
		return nil, nil // no job has it
	}
	rows, err := s.pool.Query(ctx, "SELECT "+signalColumns+" FROM signals WHERE job_id = $1 ORDER BY id", jobID)
	if err != nil {
		return nil, fmt.Errorf("pgstore: reading the signals of job %s: %w", jobID, err)
	}
	defer rows.Close()
	var sigs []fsm.SignalRecord
	for rows.Next() {
		sig, err := scanSignal(rows)
		if err != nil {
			return nil, fmt.Errorf("pgstore: reading the signals of job %s: %w", jobID, err)
		}
		sigs = append(sigs, sig)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pgstore: reading the signals of job %s: %w", jobID, err)
	}
	return sigs, nil
}
