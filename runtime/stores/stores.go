// Package stores opens the store a location names: a PostgreSQL connection
// string (postgres:// or postgresql://) opens the PostgreSQL store, anything
// else is the path of an SQLite file. Programs that take a store from their
// command line or environment, as `fsmgen jobs --db` does, open it through
// Open, so that one flag serves both stores.
package stores

import (
	"context"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/pgstore"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// IsPostgres reports whether location is a PostgreSQL connection string
// rather than a file path.
func IsPostgres(location string) bool {
	return strings.HasPrefix(location, "postgres://") || strings.HasPrefix(location, "postgresql://")
}

// Open opens the store at location: pgstore.Open for a PostgreSQL URL,
// sqlitestore.Open (which creates the file if need be) for a path.
func Open(ctx context.Context, location string) (fsm.Store, error) {
	if IsPostgres(location) {
		return pgstore.Open(ctx, location)
	}
	return sqlitestore.Open(ctx, location)
}
