package pgstore

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/tests/engine"
)

// Two engines, on two Stores of one schema (as two processes), run Counter
// jobs to their ends, each job once.
func TestEngines(t *testing.T) {
	cs := pgtest.Schema(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	var engines []*fsm.Engine
	done := make(chan error, 2)
	runCtx, stop := context.WithCancel(ctx)
	for range 2 {
		s := open(t, cs)
		e, err := fsm.NewEngine(ctx, s, fsm.Options{Workers: 4, Poll: 200 * time.Millisecond, Lease: 3 * time.Second, ShutdownGrace: time.Second, Logger: log})
		if err != nil {
			t.Fatal(err)
		}
		engines = append(engines, e)
		go func() { done <- e.Run(runCtx) }()
	}
	const jobs, awaits = 20, 5
	var ids []string
	for i := range jobs {
		id, err := fsm.Start(ctx, engines[i%2], engine.CounterJob, awaits)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for i, id := range ids {
		got, err := fsm.Wait(ctx, engines[(i+1)%2], engine.CounterJob, id)
		if err != nil || got != awaits*(awaits-1)/2 {
			t.Errorf("job %s: %v, %v; want %d", id, got, err, awaits*(awaits-1)/2)
		}
	}
	stop()
	for range 2 {
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	}
}
