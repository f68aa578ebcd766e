package pgstore

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// A store made by the first migration, with jobs in it, is brought up to
// date on Open and keeps what it held.
func TestMigrateFromVersion1(t *testing.T) {
	cs := pgtest.Schema(t)
	ms, err := storeutil.Migrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(cs) // which knows pool_max_conns
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.ConnectConfig(ctx, cfg.ConnConfig)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, q := range []string{
		"CREATE TABLE fsmgen_schema (version integer NOT NULL)",
		"INSERT INTO fsmgen_schema (version) VALUES (1)",
		ms[0].SQL,
		`INSERT INTO jobs (id, name, status, run_at, created_at, updated_at, lease_until, last_error, error)
			VALUES ('old-1', 'a', 'failed', 0, 0, 0, 0, 'timeout', 'gave up: ünïcode')`,
		`INSERT INTO events (job_id, seq, time, kind, state_num, detail) VALUES ('old-1', 0, 0, 'started', 0, 'made by version 1')`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	s := open(t, cs)
	rec, err := s.Job(ctx, "old-1")
	if err != nil {
		t.Fatal(err)
	}
	if rec.LastError != "timeout" || rec.Error != "gave up: ünïcode" {
		t.Errorf("after migrating: LastError %q, Error %q; want what version 1 held", rec.LastError, rec.Error)
	}
	evs, err := s.History(ctx, "old-1")
	if err != nil || len(evs) != 1 || evs[0].Detail != "made by version 1" {
		t.Errorf("after migrating: history %+v, %v", evs, err)
	}
	var v int
	if err := s.pool.QueryRow(ctx, "SELECT version FROM fsmgen_schema").Scan(&v); err != nil || v != len(ms) {
		t.Errorf("schema version %d (%v), want %d", v, err, len(ms))
	}
	// A new job gets the new defaults.
	mustCreate(t, s, "new-1", "a")
	if rec, err := s.Job(ctx, "new-1"); err != nil || rec.LastError != "" || rec.Error != "" {
		t.Errorf("a job created after migrating: %+v, %v", rec, err)
	}
}
