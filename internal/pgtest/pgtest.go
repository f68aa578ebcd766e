// Package pgtest gives tests a PostgreSQL schema of their own on the server
// FSMGEN_TEST_POSTGRES names (by default the one on 127.0.0.1:5432, database
// test, trust auth). When the server cannot be reached the tests that need
// it are skipped, unless CI=true, when they fail: CI must not pass by
// skipping them.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// DefaultDSN is the server the tests use when FSMGEN_TEST_POSTGRES is unset.
const DefaultDSN = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// DSN returns the connection string of the test server.
func DSN() string {
	if v := os.Getenv("FSMGEN_TEST_POSTGRES"); v != "" {
		return v
	}
	return DefaultDSN
}

var (
	reachOnce sync.Once
	reachErr  error
)

// Server skips tb, or fails it under CI=true, when the test server cannot be
// reached.
func Server(tb testing.TB) {
	tb.Helper()
	reachOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, DSN())
		if err == nil {
			err = conn.Ping(ctx)
			_ = conn.Close(ctx)
		}
		reachErr = err
	})
	if reachErr != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("PostgreSQL at %s (FSMGEN_TEST_POSTGRES) is not reachable: %v", DSN(), reachErr)
		}
		tb.Skipf("PostgreSQL at %s (FSMGEN_TEST_POSTGRES) is not reachable: %v", DSN(), reachErr)
	}
}

// Exec runs q with args on a connection of its own to the test database
// and returns how many rows it affected.
func Exec(tb testing.TB, q string, args ...any) int64 {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, DSN())
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	tag, err := conn.Exec(ctx, q, args...)
	if err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	return tag.RowsAffected()
}

// Schema makes an empty schema, dropped when tb ends, and returns a
// connection string to the test server whose search_path is it, with
// params ("key=value") added to its query. Unless DSN or params say
// otherwise, the pool holds at most 4 connections, so that many tests side
// by side stay within the server's limit.
func Schema(tb testing.TB, params ...string) string {
	tb.Helper()
	Server(tb)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "fsmgen_test_" + hex.EncodeToString(b[:])
	Exec(tb, "CREATE SCHEMA "+schema)
	tb.Cleanup(func() { Exec(tb, "DROP SCHEMA "+schema+" CASCADE") })
	u, err := url.Parse(DSN())
	if err != nil {
		tb.Fatalf("FSMGEN_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	if q.Get("pool_max_conns") == "" {
		q.Set("pool_max_conns", "4")
	}
	for _, p := range params {
		k, v, _ := strings.Cut(p, "=")
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	return u.String()
}
