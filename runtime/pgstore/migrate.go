package pgstore

import (
	"context"
	"embed"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// The schema is the migrations in migrations/, named NNNN_what.sql and
// numbered from 1 without gaps. The table fsmgen_schema holds the number of
// the last one applied.

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrate brings the tables in schema up to the newest version, in one
// transaction that holds an advisory lock of the schema, so that processes
// opening the store at once wait for each other and migrate it once. A schema
// newer than this package knows is left as it is. desc names the database
// and schema in errors.
func migrate(ctx context.Context, pool *pgxpool.Pool, schema, desc string) error {
	ms, err := storeutil.Migrations(migrationFiles)
	if err != nil {
		return err
	}
	newer := func(v int) error {
		return fmt.Errorf("pgstore: %s: %w (schema version %d, this fsmgen knows up to %d); upgrade fsmgen", desc, fsm.ErrNewerSchema, v, len(ms))
	}
	fail := func(err error) error { return fmt.Errorf("pgstore: opening %s: %w", desc, err) }
	// Look first, without a lock: once migrated, opening takes none.
	v, err := schemaVersion(ctx, pool, schema)
	if err != nil {
		return fail(err)
	}
	if v > len(ms) {
		return newer(v)
	}
	if v == len(ms) {
		return nil
	}
	tx, err := pool.Begin(ctx)
	if err != nil {
		return fail(err)
	}
	defer func() { _ = tx.Rollback(context.WithoutCancel(ctx)) }()
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtextextended('fsmgen migrate ' || $1::text, 0))", schema); err != nil {
		return fail(err)
	}
	// Another process may have migrated the schema meanwhile.
	if v, err = schemaVersion(ctx, tx, schema); err != nil {
		return fail(err)
	}
	if v > len(ms) {
		return newer(v)
	}
	if v == len(ms) {
		return nil
	}
	if v == 0 {
		if _, err := tx.Exec(ctx, "CREATE TABLE fsmgen_schema (version integer NOT NULL)"); err != nil {
			return fail(err)
		}
		if _, err := tx.Exec(ctx, "INSERT INTO fsmgen_schema (version) VALUES (0)"); err != nil {
			return fail(err)
		}
	}
	for _, m := range ms[v:] {
		if _, err := tx.Exec(ctx, m.SQL); err != nil {
			return fmt.Errorf("pgstore: %s: migration %s: %w", desc, m.Name, err)
		}
	}
	if _, err := tx.Exec(ctx, "UPDATE fsmgen_schema SET version = $1", len(ms)); err != nil {
		return fail(err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("pgstore: %s: migrating: %w", desc, err)
	}
	return nil
}

// querier is what pgxpool.Pool and pgx.Tx have in common.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// schemaVersion returns the version of the tables in schema, 0 when there
// are none.
func schemaVersion(ctx context.Context, q querier, schema string) (int, error) {
	var exists bool
	err := q.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'fsmgen_schema')", schema).Scan(&exists)
	if err != nil || !exists {
		return 0, err
	}
	var v int
	if err := q.QueryRow(ctx, "SELECT max(version) FROM fsmgen_schema").Scan(&v); err != nil {
		return 0, fmt.Errorf("reading the schema version: %w", err)
	}
	return v, nil
}
