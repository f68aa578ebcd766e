package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// PutMeta sets the value under key, replacing any value it had. A nil value
// is kept as nil, an empty one as empty.
func (s *Store) PutMeta(ctx context.Context, key string, value []byte) error {
	if err := s.check(); err != nil {
		return err
	}
	return s.do(ctx, func(tx *wtx) (bool, error) {
		_, err := tx.Exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
		if err != nil {
			return false, fmt.Errorf("sqlitestore: writing meta %q: %w", key, err)
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
	vals, err := scanAny(s.rdb.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key), 1)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlitestore: meta %q: %w", key, fsm.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: reading meta %q: %w", key, err)
	}
	c := columns{vals: vals}
	v := c.bytes("value")
	if err := c.done(); err != nil {
		return nil, fmt.Errorf("sqlitestore: meta %q: %w", key, err)
	}
	return v, nil
}
