package pgbench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/pgstore"
	"github.com/fsmgen/fsmgen/tests/engine"
)

// workerEnv, set to a connection string, makes the test binary a worker on
// that store instead of running tests.
const workerEnv = "FSMGEN_PGBENCH_WORKER"

func TestMain(m *testing.M) {
	if cs := os.Getenv(workerEnv); cs != "" {
		if err := work(cs); err != nil {
			fmt.Fprintln(os.Stderr, "pgbench worker:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// work runs jobs on the store cs names until its standard input closes.
func work(cs string) error {
	ctx, stop := context.WithCancel(context.Background())
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()
	s, err := pgstore.Open(ctx, cs)
	if err != nil {
		return err
	}
	defer s.Close()
	e, err := fsm.NewEngine(ctx, s, fsm.Options{
		Workers: 64, Lease: 10 * time.Second, Poll: 100 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		return err
	}
	if err := e.Run(ctx); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}

// startWorkers starts n worker processes on the store cs names; they stop
// when tb ends.
func startWorkers(tb testing.TB, cs string, n int) {
	tb.Helper()
	for range n {
		cmd := exec.Command(os.Args[0], "-test.run=^$", "-test.bench=^$")
		cmd.Env = append(os.Environ(), workerEnv+"="+cs)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		stdin, err := cmd.StdinPipe()
		if err != nil {
			tb.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() {
			stdin.Close()
			if err := cmd.Wait(); err != nil {
				tb.Errorf("worker process: %v", err)
			}
		})
	}
}

// client opens the store cs names for starting and waiting for jobs; its
// engine never runs, the worker processes do the work.
func client(tb testing.TB, cs string) (*fsm.Engine, fsm.Store) {
	tb.Helper()
	ctx := context.Background()
	s, err := pgstore.Open(ctx, cs)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = s.Close() })
	e, err := fsm.NewEngine(ctx, s, fsm.Options{Poll: 5 * time.Millisecond, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		tb.Fatal(err)
	}
	return e, s
}

// runCounters starts jobs Counter jobs of awaits awaits each at once and
// waits for them all, checking each result; it returns how long each took
// from its creation to its end, as the store recorded them (fsm.Wait polls,
// so the moment it returns would measure its polling too).
func runCounters(tb testing.TB, e *fsm.Engine, s fsm.Store, jobs, awaits int) []time.Duration {
	tb.Helper()
	ctx := context.Background()
	ids := make([]string, jobs)
	var wg sync.WaitGroup
	for i := range jobs {
		id, err := fsm.Start(ctx, e, engine.CounterJob, awaits)
		if err != nil {
			tb.Fatal(err)
		}
		ids[i] = id
		wg.Go(func() {
			got, err := fsm.Wait(ctx, e, engine.CounterJob, id)
			if err != nil || got != awaits*(awaits-1)/2 {
				tb.Errorf("job %s: Wait = %d, %v; want %d", id, got, err, awaits*(awaits-1)/2)
			}
		})
	}
	wg.Wait()
	took := make([]time.Duration, jobs)
	for i, id := range ids {
		rec, err := s.Job(ctx, id)
		if err != nil {
			tb.Fatal(err)
		}
		took[i] = rec.UpdatedAt.Sub(rec.CreatedAt)
	}
	return took
}

// Two worker processes on one schema finish every job with its result: the
// harness the benchmark relies on works.
func TestWorkersFinishJobs(t *testing.T) {
	cs := pgtest.Schema(t)
	startWorkers(t, cs, 2)
	e, s := client(t, cs)
	runCounters(t, e, s, 40, 5)
}

// BenchmarkAwaits runs Counter jobs of 20 awaits on 1, 2 and 4 worker
// processes sharing one PostgreSQL schema: 64 jobs at once (awaits/s, and
// each job's start-to-finish latency under that load) and one job at a time
// (latency alone).
func BenchmarkAwaits(b *testing.B) {
	const awaits = 20
	for _, workers := range []int{1, 2, 4} {
		for _, jobs := range []int{1, 64} {
			b.Run(fmt.Sprintf("workers=%d/jobs=%d", workers, jobs), func(b *testing.B) {
				cs := pgtest.Schema(b)
				startWorkers(b, cs, workers)
				e, s := client(b, cs)
				runCounters(b, e, s, workers, awaits) // warm up: connections, LISTEN
				var all []time.Duration
				b.ResetTimer()
				start := time.Now()
				for range b.N {
					all = append(all, runCounters(b, e, s, jobs, awaits)...)
				}
				el := time.Since(start)
				b.StopTimer()
				slices.Sort(all)
				b.ReportMetric(float64(b.N*jobs*awaits)/el.Seconds(), "awaits/s")
				b.ReportMetric(float64(all[len(all)/2].Microseconds())/1000, "p50-ms/job")
				b.ReportMetric(float64(all[len(all)*99/100].Microseconds())/1000, "p99-ms/job")
			})
		}
	}
}
