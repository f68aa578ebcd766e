package sqlitestore

import (
	"context"
	"fmt"

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
	now := s.nowNano()
	return s.do(ctx, func(tx *wtx) (bool, error) {
		if _, err := liveStatus(tx, jobID); err != nil {
			return false, err
		}
		if _, err := tx.Exec("INSERT INTO signals (job_id, name, payload, sent_at) VALUES (?, ?, ?, ?)", jobID, name, payload, now); err != nil {
			return false, fmt.Errorf("sqlitestore: sending signal %q to job %s: %w", name, jobID, err)
		}
		return true, wake(tx, jobID, now)
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
	t := s.now()
	now, _ := storeutil.EncodeTime(t)
	return s.do(ctx, func(tx *wtx) (bool, error) {
		if _, err := liveStatus(tx, id); err != nil {
			return false, err
		}
		var seq, stateNum int64
		if err := tx.QueryRow("UPDATE jobs SET cancel_requested = 1 WHERE id = ? RETURNING seq, state_num", id).Scan(&seq, &stateNum); err != nil {
			return false, fmt.Errorf("sqlitestore: cancelling job %s: %w", id, err)
		}
		ev := fsm.Event{Seq: seq, Time: t, Kind: fsm.EventCancel, StateNum: int(stateNum)}
		if err := insertEvents(tx, id, []fsm.Event{ev}); err != nil {
			return false, err
		}
		return true, wake(tx, id, now)
	})
}

// Signals returns the signals sent to the job jobID and not consumed yet,
// oldest first; none for an unknown job.
func (s *Store) Signals(ctx context.Context, jobID string) ([]fsm.SignalRecord, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	rows, err := s.rdb.QueryContext(ctx, "SELECT "+signalColumns+" FROM signals WHERE job_id = ? ORDER BY id", jobID)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: reading the signals of job %s: %w", jobID, err)
	}
	defer rows.Close()
	var sigs []fsm.SignalRecord
	for rows.Next() {
		vals, err := scanAny(rows, nSignalColumns)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: reading the signals of job %s: %w", jobID, err)
		}
		sig, err := decodeSignal(vals)
		if err != nil {
			return nil, err
		}
		sigs = append(sigs, sig)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitestore: reading the signals of job %s: %w", jobID, err)
	}
	return sigs, nil
}
