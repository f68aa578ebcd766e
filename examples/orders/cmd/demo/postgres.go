package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/fsmgen/fsmgen/runtime/stores"
)

// newSchema creates a schema of the demo's own on the PostgreSQL server at
// server and returns a URL whose search_path is it, so that the demo starts
// from an empty store whatever the database holds, and a function that drops
// it.
func newSchema(ctx context.Context, server string) (scoped string, drop func() error, err error) {
	u, err := url.Parse(server)
	if err != nil {
		return "", nil, fmt.Errorf("-db %q: %v", server, err)
	}
	conn, err := pgx.Connect(ctx, server)
	if err != nil {
		return "", nil, fmt.Errorf("connecting to the PostgreSQL server of -db: %w", err)
	}
	defer conn.Close(ctx)
	var b [4]byte
	_, _ = rand.Read(b[:])
	schema := "fsmgen_demo_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("creating the demo's schema: %w", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	drop = func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		c, err := pgx.Connect(ctx, server)
		if err != nil {
			return fmt.Errorf("dropping the demo's schema %s: %w", schema, err)
		}
		defer c.Close(ctx)
		if _, err := c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			return fmt.Errorf("dropping the demo's schema %s: %w", schema, err)
		}
		return nil
	}
	return u.String(), drop, nil
}

// dbName is the store as the demo's commands show it: the file's name, or
// the PostgreSQL URL.
func (d *demo) dbName() string {
	if stores.IsPostgres(d.db) {
		return d.db
	}
	return filepath.Base(d.db)
}
