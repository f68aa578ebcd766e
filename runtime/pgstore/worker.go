package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// AcquireWorker registers this Store as a worker named owner. Any number of
// workers, of any names, may run at once on one database; the name must be
// unique among the live ones. AcquireWorker takes a session-level advisory
// lock of (schema, owner) on a connection of its own, which the server drops
// when that connection ends (the process died, the network is gone), and
// fails with an error wrapping fsm.ErrLocked when another live worker holds
// that name.
//
// Holding the name means no other live worker has it, so the leases that
// owner still holds, left by an earlier process of that name that died, are
// ended: those jobs can be claimed at once instead of when their leases run
// out. Jobs of other owners are taken over when their leases end.
//
// release gives the name back; it may be called more than once. Close gives
// it back too. Stores that never call AcquireWorker (tools that list, show,
// signal or cancel jobs) work alongside the workers.
func (s *Store) AcquireWorker(ctx context.Context, owner string) (release func(), err error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if owner == "" {
		return nil, errors.New("pgstore: AcquireWorker with no owner")
	}
	conn, err := pgx.ConnectConfig(ctx, s.connCfg.Copy())
	if err != nil {
		return nil, fmt.Errorf("pgstore: connecting for the worker lock: %w", err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock(hashtext($1::text), hashtext($2::text))", s.schema, owner).Scan(&ok); err != nil {
		_ = conn.Close(context.Background())
		return nil, fmt.Errorf("pgstore: taking the worker lock of %s: %w", owner, err)
	}
	if !ok {
		_ = conn.Close(context.Background())
		return nil, fmt.Errorf("pgstore: %w: a live worker is named %s already", fsm.ErrLocked, owner)
	}
	err = s.do(ctx, func(tx pgx.Tx) (bool, error) {
		tag, err := tx.Exec(ctx, "UPDATE jobs SET lease_until = $1 WHERE status = 'running' AND lease_owner = $2 AND lease_until <> $1", int64(storeutil.ZeroTime), owner)
		if err != nil {
			return false, fmt.Errorf("pgstore: handing back the jobs of a previous worker %s: %w", owner, err)
		}
		return tag.RowsAffected() > 0, nil
	})
	if err != nil {
		return nil, errors.Join(err, conn.Close(context.Background()))
	}
	s.workersMu.Lock()
	if s.closed.Load() {
		s.workersMu.Unlock()
		_ = conn.Close(context.Background())
		return nil, ErrClosed
	}
	s.workers[conn] = true
	s.workersMu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.workersMu.Lock()
			defer s.workersMu.Unlock()
			if s.workers[conn] {
				delete(s.workers, conn)
				_ = conn.Close(context.Background())
			}
		})
	}, nil
}
