package sqlitestore

import (
	"context"
	"errors"
	"fmt"
	"sync"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// AcquireWorker makes this Store the one worker of its database file, for the
// engine named owner. It takes an exclusive lock on the file path+"-worker.lock"
// (an flock, which the operating system drops when the process ends) and
// fails with an error wrapping fsm.ErrLocked when another Store, in this
// process or another, holds it.
//
// Holding the lock means no other worker is alive, so the leases of running
// jobs, left by a worker that died, are ended: those jobs can be claimed at
// once instead of when their leases run out.
//
// release gives the lock back; it may be called more than once. Close gives
// it back too. Stores that never call AcquireWorker (tools that list, show,
// signal or cancel jobs) work alongside the worker.
func (s *Store) AcquireWorker(ctx context.Context, owner string) (release func(), err error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if owner == "" {
		return nil, errors.New("sqlitestore: AcquireWorker with no owner")
	}
	s.lockMu.Lock()
	defer s.lockMu.Unlock()
	if s.lock != nil {
		return nil, fmt.Errorf("sqlitestore: %w: this store is a worker already (%s)", fsm.ErrLocked, s.lockPath)
	}
	f, err := lockFile(s.lockPath)
	if err != nil {
		return nil, err
	}
	err = s.do(ctx, func(tx *wtx) (bool, error) {
		res, err := tx.Exec("UPDATE jobs SET lease_until = ? WHERE status = 'running' AND lease_until <> ?", int64(storeutil.ZeroTime), int64(storeutil.ZeroTime))
		if err != nil {
			return false, fmt.Errorf("sqlitestore: handing back the jobs of a previous worker: %w", err)
		}
		n, err := res.RowsAffected()
		return n > 0, err
	})
	if err != nil {
		return nil, errors.Join(err, unlockFile(f))
	}
	s.lock = f
	var once sync.Once
	return func() {
		once.Do(func() {
			s.lockMu.Lock()
			defer s.lockMu.Unlock()
			if s.lock == f {
				_ = unlockFile(f)
				s.lock = nil
			}
		})
	}, nil
}
