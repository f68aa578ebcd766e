package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
	"github.com/fsmgen/fsmgen/tests/engine"
)

// fsmgenWorkers is the engine's Workers option: how many jobs one engine
// runs at once.
const fsmgenWorkers = 256

// fsmgenSQLite runs the chains as Counter jobs on one engine over one SQLite
// file: every await is a checkpoint committed before its activity starts and
// an outcome committed after it.
func fsmgenSQLite(ctx context.Context, c *config) (float64, error) {
	s, err := sqlitestore.Open(ctx, filepath.Join(c.dir, fmt.Sprintf("fsmgen-%d.db", time.Now().UnixNano())))
	if err != nil {
		return 0, err
	}
	defer s.Close()
	e, err := fsm.NewEngine(ctx, s, fsm.Options{Workers: fsmgenWorkers, Poll: 10 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return 0, err
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- e.Run(runCtx) }()
	defer func() { stop(); <-done }()
	el, err := runCounters(ctx, e, s, c.jobs, c.steps)
	if err != nil {
		return 0, err
	}
	return float64(c.jobs*c.steps) / el.Seconds(), nil
}

// starters is how many goroutines start the jobs: each Start is a durable
// write, and starts made at once share commits, as River's InsertMany puts
// all its chains in one transaction.
const starters = 64

// startCounters starts jobs Counter jobs of steps awaits from starters
// goroutines at once and returns their ids.
func startCounters(ctx context.Context, e *fsm.Engine, jobs, steps int) ([]string, error) {
	ids := make([]string, jobs)
	errs := make([]error, starters)
	var wg sync.WaitGroup
	for g := range min(starters, jobs) {
		wg.Go(func() {
			for i := g; i < jobs; i += starters {
				id, err := fsm.Start(ctx, e, engine.CounterJob, steps)
				if err != nil {
					errs[g] = err
					return
				}
				ids[i] = id
			}
		})
	}
	wg.Wait()
	return ids, errors.Join(errs...)
}

// runCounters starts jobs Counter jobs of steps awaits, waits until the
// store counts them all ended, and checks every one's result; it returns the
// time from the first start to the moment the last end was seen (to within
// 5 ms).
func runCounters(ctx context.Context, e *fsm.Engine, s fsm.Store, jobs, steps int) (time.Duration, error) {
	want := steps * (steps - 1) / 2
	ended := func() (int, map[fsm.Status]int, error) {
		n, err := s.Counts(ctx, "")
		return n[fsm.StatusSucceeded] + n[fsm.StatusFailed] + n[fsm.StatusCancelled] + n[fsm.StatusAttention], n, err
	}
	before, _, err := ended()
	if err != nil {
		return 0, err
	}
	start := time.Now()
	ids, err := startCounters(ctx, e, jobs, steps)
	if err != nil {
		return 0, err
	}
	deadline := time.Now().Add(10 * time.Minute)
	for {
		k, n, err := ended()
		if err != nil {
			return 0, err
		}
		if k-before >= jobs {
			break
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("%d of %d jobs ended after 10 minutes: %v", k-before, jobs, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	el := time.Since(start)
	for _, id := range ids {
		got, done, err := fsm.Result(ctx, e, engine.CounterJob, id)
		switch {
		case err != nil:
			return 0, fmt.Errorf("job %s: %w", id, err)
		case !done || got != want:
			return 0, fmt.Errorf("job %s: result %d (done %v), want %d", id, got, done, want)
		}
	}
	return el, nil
}
