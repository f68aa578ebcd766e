package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"time"

	_ "modernc.org/sqlite"
)

// sqliteDSN is the data source name of a database file in WAL mode with
// synchronous=FULL, the settings of fsmgen's SQLite store, through the same
// pure-Go driver.
func sqliteDSN(path string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	return u.String() + "?_busy_timeout=10000&_journal_mode=WAL&_synchronous=FULL&_txlock=immediate"
}

// ceiling measures raw SQLite: rows of 16 bytes inserted perCommit to a
// transaction, one writer, for about two seconds.
func ceiling(perCommit int) func(context.Context, *config) (float64, error) {
	return func(ctx context.Context, c *config) (float64, error) {
		path := filepath.Join(c.dir, fmt.Sprintf("ceiling-%d-%d.db", perCommit, time.Now().UnixNano()))
		db, err := sql.Open("sqlite", sqliteDSN(path))
		if err != nil {
			return 0, err
		}
		defer db.Close()
		db.SetMaxOpenConns(1)
		if err := checkPragmas(ctx, db); err != nil {
			return 0, err
		}
		if _, err := db.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)"); err != nil {
			return 0, err
		}
		payload := make([]byte, 16)
		rows := 0
		start := time.Now()
		for time.Since(start) < 2*time.Second {
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				return 0, err
			}
			for range perCommit {
				if _, err := tx.ExecContext(ctx, "INSERT INTO t (v) VALUES (?)", payload); err != nil {
					tx.Rollback()
					return 0, err
				}
			}
			if err := tx.Commit(); err != nil {
				return 0, err
			}
			rows += perCommit
		}
		el := time.Since(start)
		var n int
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil {
			return 0, err
		}
		if n != rows {
			return 0, fmt.Errorf("%d rows in the table, %d inserted", n, rows)
		}
		return float64(rows) / el.Seconds(), nil
	}
}

// checkPragmas makes sure the DSN's settings took: a ceiling measured with
// weaker durability than the contenders would flatter nobody.
func checkPragmas(ctx context.Context, db *sql.DB) error {
	var mode string
	var sync int
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return err
	}
	if err := db.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync); err != nil {
		return err
	}
	if mode != "wal" || sync != 2 {
		return fmt.Errorf("journal_mode=%s synchronous=%d, want wal and 2 (FULL)", mode, sync)
	}
	return nil
}
