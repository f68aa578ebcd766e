package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// History returns the events of the job id in the order they were written,
// or an error wrapping fsm.ErrNotFound when there is no such job.
func (s *Store) History(ctx context.Context, id string) ([]fsm.Event, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: reading the history of job %s: %w", id, err)
	}
	defer tx.Rollback()
	var one int
	err = tx.QueryRowContext(ctx, "SELECT 1 FROM jobs WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlitestore: job %s: %w", id, fsm.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: reading the history of job %s: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+eventColumns+" FROM events WHERE job_id = ? ORDER BY id", id)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: reading the history of job %s: %w", id, err)
	}
	defer rows.Close()
	var events []fsm.Event
	for rows.Next() {
		vals, err := scanAny(rows, nEventColumns)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: reading the history of job %s: %w", id, err)
		}
		e, err := decodeEvent(vals)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: job %s: %w", id, err)
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitestore: reading the history of job %s: %w", id, err)
	}
	return events, nil
}
