package pgstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// PutMeta sets the value under key, replacing any value it had. A nil value
// is kept as nil, an empty one as empty.
func (s *Store) PutMeta(ctx context.Context, key string, value []byte) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.do(ctx, func(tx pgx.Tx) (bool, error) {
		_, err := tx.Exec(ctx, "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
		if err != nil {
			return false, fmt.Errorf("pgstore: writing meta %q: %w", key, err)
		}
		return false, nil
	})
}

// Meta returns the value under key, or an error wrapping fsm.ErrNotFound
// when there is none.
func (s *Store) Meta(ctx context.Context, key string) ([]byte, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var v []byte
	err := s.pool.QueryRow(ctx, "SELECT value FROM meta WHERE key = $1", key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("pgstore: meta %q: %w", key, fsm.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("pgstore: reading meta %q: %w", key, err)
	}
	return v, nil
}

// History returns the events of the job id in the order they were written,
// or an error wrapping fsm.ErrNotFound when there is no such job.
func (s *Store) History(ctx context.Context, id string) ([]fsm.Event, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if err := noSuchID(id); err != nil {
		return nil, err
	}
	fail := func(err error) error { return fmt.Errorf("pgstore: reading the history of job %s: %w", id, err) }
	// One snapshot for both queries.
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fail(err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	var exists bool
	if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM jobs WHERE id = $1)", id).Scan(&exists); err != nil {
		return nil, fail(err)
	}
	if !exists {
		return nil, fmt.Errorf("pgstore: job %s: %w", id, fsm.ErrNotFound)
	}
	rows, err := tx.Query(ctx, "SELECT "+eventColumns+" FROM events WHERE job_id = $1 ORDER BY id", id)
	if err != nil {
		return nil, fail(err)
	}
	defer rows.Close()
	var events []fsm.Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, fail(err)
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fail(err)
	}
	return events, nil
}
