package stores

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	"github.com/fsmgen/fsmgen/runtime/pgstore"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

func TestIsPostgres(t *testing.T) {
	for loc, want := range map[string]bool{
		"postgres://u@h/db":        true,
		"postgresql://h:5432/db":   true,
		"jobs.db":                  false,
		"/var/lib/app/jobs.db":     false,
		"./postgres://not-a-url":   false,
		"file:jobs.db":             false,
		"host=localhost dbname=db": false,
	} {
		if got := IsPostgres(loc); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", loc, got, want)
		}
	}
}

func TestOpenSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jobs.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*sqlitestore.Store); !ok {
		t.Errorf("Open(%q) = %T, want *sqlitestore.Store", path, s)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the file was not created: %v", err)
	}
}

// TestOpenPostgres opens a URL whose search_path is a schema of its own, so
// that the migration it runs touches nothing else.
func TestOpenPostgres(t *testing.T) {
	cs := pgtest.Schema(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.DSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	u, err := url.Parse(cs)
	if err != nil {
		t.Fatal(err)
	}
	schema := u.Query().Get("search_path")

	s, err := Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*pgstore.Store); !ok {
		t.Errorf("Open(%q) = %T, want *pgstore.Store", u, s)
	}
	var tables int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'jobs'", schema).Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 1 {
		t.Errorf("no jobs table in schema %s after Open", schema)
	}
}
