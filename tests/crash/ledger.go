package crash

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

// Ledger is the effects database: what the activities do to the world, kept
// apart from the jobs' store as a real service's data would be. Every effect
// is made in one transaction with its idempotency key, so that an attempt
// run again after a crash finds the key and changes nothing.
type Ledger struct {
	db *sql.DB
}

// ledger is the Ledger the activities of this process write to; the worker
// process sets it before it runs jobs.
var ledger *Ledger

const ledgerSchema = `
CREATE TABLE IF NOT EXISTS applied (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS attempts (n INTEGER PRIMARY KEY, key TEXT NOT NULL, pid INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS balances (account INTEGER PRIMARY KEY, cents INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS receipts (n INTEGER PRIMARY KEY, job TEXT NOT NULL, text TEXT NOT NULL);
`

// OpenLedger opens (creating it) the effects database at path.
func OpenLedger(ctx context.Context, path string) (*Ledger, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	// Synchronous NORMAL survives the crash of a process, which is all this
	// test makes; one connection keeps the process's writes in one queue.
	db, err := sql.Open("sqlite", u.String()+"?_busy_timeout=10000&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, ledgerSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("ledger: creating %s: %w", path, err)
	}
	return &Ledger{db: db}, nil
}

// Close closes the database.
func (l *Ledger) Close() error { return l.db.Close() }

// post adds p.Delta to p.Account's balance unless key was applied already.
func (l *Ledger) post(ctx context.Context, key string, p Posting) error {
	return l.once(ctx, key, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO balances (account, cents) VALUES (?, ?)
			ON CONFLICT (account) DO UPDATE SET cents = cents + excluded.cents`, p.Account, p.Delta)
		return err
	})
}

// receipt appends r to the receipts unless key was applied already.
func (l *Ledger) receipt(ctx context.Context, key string, r ReceiptReq) error {
	return l.once(ctx, key, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO receipts (job, text) VALUES (?, ?)", r.ID, r.Text)
		return err
	})
}

// once records an attempt at key (in a transaction of its own, so that every
// attempt is counted), then, in one transaction, marks key applied and makes
// the effect, or does nothing when key was applied before.
func (l *Ledger) once(ctx context.Context, key string, effect func(*sql.Tx) error) error {
	if l == nil {
		return errors.New("ledger: no effects database in this process")
	}
	if _, err := l.db.ExecContext(ctx, "INSERT INTO attempts (key, pid) VALUES (?, ?)", key, os.Getpid()); err != nil {
		return fmt.Errorf("ledger: %w", err)
	}
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("ledger: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, "INSERT INTO applied (key) VALUES (?) ON CONFLICT DO NOTHING", key)
	if err != nil {
		return fmt.Errorf("ledger: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err // applied before: the effect is there already
	}
	if err := effect(tx); err != nil {
		return fmt.Errorf("ledger: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("ledger: %w", err)
	}
	return nil
}
