package sqlitestore

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// The schema is the migrations in migrations/, named NNNN_what.sql and
// numbered from 1 without gaps. The database's user_version is the number of
// the last one applied.

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrate brings the database of db up to the newest schema. A database
// whose schema is newer than that is left as it is.
func migrate(ctx context.Context, db *sql.DB, file string) error {
	ms, err := storeutil.Migrations(migrationFiles)
	if err != nil {
		return err
	}
	newer := func(v int) error {
		return fmt.Errorf("sqlitestore: %s: %w (schema version %d, this fsmgen knows up to %d); upgrade fsmgen", file, fsm.ErrNewerSchema, v, len(ms))
	}
	// Look first, outside a transaction and before WAL mode is set, so that
	// a newer file is not written at all.
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("sqlitestore: opening %s: %w", file, err)
	}
	if v > len(ms) {
		return newer(v)
	}
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return fmt.Errorf("sqlitestore: opening %s: setting WAL mode: %w", file, err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("sqlitestore: opening %s: the database stays in journal mode %q, not WAL", file, mode)
	}
	if v == len(ms) {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlitestore: opening %s: %w", file, err)
	}
	defer tx.Rollback()
	// Another process may have migrated the file meanwhile.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("sqlitestore: opening %s: %w", file, err)
	}
	if v > len(ms) {
		return newer(v)
	}
	for _, m := range ms[v:] {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("sqlitestore: %s: migration %s: %w", file, m.Name, err)
		}
	}
	// PRAGMA takes no parameters; the version is a number of ours.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(ms))); err != nil {
		return fmt.Errorf("sqlitestore: %s: %w", file, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlitestore: %s: migrating: %w", file, err)
	}
	return nil
}
