package engine

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fxamacker/cbor/v2"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// The benchmarks of this file measure what a suspended or checkpointed job
// costs in space: the memory of jobs waiting on durable timers in a running
// worker, and the bytes of a checkpoint against the live variables it holds.

// runEngine starts an engine on a new SQLite store in dir and returns it
// with the function that stops it.
func runEngine(b *testing.B, dir string, workers int) (*fsm.Engine, *sqlitestore.Store, func()) {
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, filepath.Join(dir, "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	e, err := fsm.NewEngine(ctx, s, fsm.Options{Workers: workers, Poll: 10 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- e.Run(runCtx) }()
	return e, s, func() {
		stop()
		if err := <-done; err != nil {
			b.Error(err)
		}
		s.Close()
	}
}

// memory returns the process's resident set (VmRSS) and the Go heap in use
// after a collection, in bytes.
func memory(b *testing.B) (rss, heap uint64) {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Skip("no /proc/self/status to read the resident set from")
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb << 10, ms.HeapInuse
		}
	}
	b.Fatal("no VmRSS in /proc/self/status")
	return 0, 0
}

// BenchmarkSuspendedTimers starts 100,000 Sleeper jobs of an hour's durable
// sleep on one running engine (Workers 256, SQLite) and waits until every one
// is suspended on its timer (StatusWaiting); it reports how much resident
// memory and Go heap that added, measured after a collection with the engine
// still running, against the same engine before the jobs. Suspended jobs
// live in the store: the target is 50 MB at most. One iteration is enough
// (-benchtime 1x); -short runs 10,000 jobs.
func BenchmarkSuspendedTimers(b *testing.B) {
	jobs := 100_000
	if testing.Short() {
		jobs = 10_000
	}
	ctx := context.Background()
	for range b.N {
		b.StopTimer()
		e, s, stop := runEngine(b, b.TempDir(), 256)
		rss0, heap0 := memory(b)
		b.StartTimer()
		const starters = 64
		var wg sync.WaitGroup
		errs := make([]error, starters)
		for g := range starters {
			wg.Go(func() {
				for i := g; i < jobs; i += starters {
					if _, err := fsm.Start(ctx, e, SleeperJob, time.Hour); err != nil {
						errs[g] = err
						return
					}
				}
			})
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		deadline := time.Now().Add(10 * time.Minute)
		for {
			n, err := s.Counts(ctx, "")
			if err != nil {
				b.Fatal(err)
			}
			if n[fsm.StatusWaiting] == jobs {
				break
			}
			if n[fsm.StatusWaiting]+n[fsm.StatusPending]+n[fsm.StatusRunning] != jobs || time.Now().After(deadline) {
				b.Fatalf("jobs by status: %v, want %d waiting", n, jobs)
			}
			time.Sleep(20 * time.Millisecond)
		}
		b.StopTimer()
		rss1, heap1 := memory(b)
		stop()
		b.StartTimer()
		b.ReportMetric(float64(int64(rss1)-int64(rss0))/1e6, "MB-RSS-added")
		b.ReportMetric(float64(int64(heap1)-int64(heap0))/1e6, "MB-heap-added")
		b.ReportMetric(float64(jobs), "jobs")
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s-to-suspend-all")
}

// BenchmarkCheckpointBytes runs jobs on a real engine and compares, at every
// checkpoint of their histories, the bytes of the stored state with the CBOR
// size of the live variables it holds: the encoding of each variable the
// state's layout names, as the codec writes it (for Counter, checked against
// fxamacker/cbor's own encoding of n, sum and i). The target is state bytes
// ≤ live bytes + 16; the metrics are the mean of both and the largest
// overhead seen.
func BenchmarkCheckpointBytes(b *testing.B) {
	cases := []struct {
		name string
		run  func(ctx context.Context, e *fsm.Engine) (string, error)
	}{
		{"Counter", func(ctx context.Context, e *fsm.Engine) (string, error) {
			id, err := fsm.Start(ctx, e, CounterJob, 20)
			if err != nil {
				return "", err
			}
			_, err = fsm.Wait(ctx, e, CounterJob, id)
			return id, err
		}},
		{"Checkout", func(ctx context.Context, e *fsm.Engine) (string, error) {
			o := Order{ID: "o-" + fsm.NewID(), Amount: 1999, Items: []string{"book", "lamp", "mug"}, Wait: time.Minute}
			id, err := fsm.Start(ctx, e, CheckoutJob, o)
			if err != nil {
				return "", err
			}
			for {
				// Send the approval once the job waits for it.
				rec, err := e.Store().Job(ctx, id)
				if err != nil {
					return "", err
				}
				if rec.Seq == 2 {
					break
				}
				time.Sleep(time.Millisecond)
			}
			if err := ApprovalSignal.Send(ctx, e, id, Approval{By: "ann", OK: true}); err != nil {
				return "", err
			}
			_, err = fsm.Wait(ctx, e, CheckoutJob, id)
			return id, err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			ctx := context.Background()
			e, s, stop := runEngine(b, b.TempDir(), 16)
			defer stop()
			var ids []string
			for b.Loop() {
				id, err := c.run(ctx, e)
				if err != nil {
					b.Fatal(err)
				}
				ids = append(ids, id)
			}
			b.StopTimer()
			var state, live, n, worst int
			for _, id := range ids {
				rec, err := s.Job(ctx, id)
				if err != nil {
					b.Fatal(err)
				}
				info, _ := fsm.JobByName(rec.Name)
				evs, err := s.History(ctx, id)
				if err != nil {
					b.Fatal(err)
				}
				for _, ev := range evs {
					if ev.Kind != fsm.EventCheckpoint {
						continue
					}
					lb, err := liveBytes(info, ev.StateNum, ev.State)
					if err != nil {
						b.Fatal(err)
					}
					if c.name == "Counter" {
						checkCounterVars(b, ev.State, lb)
					}
					state += len(ev.State)
					live += lb
					n++
					worst = max(worst, len(ev.State)-lb)
				}
			}
			if n == 0 {
				b.Fatal("no checkpoints")
			}
			if worst > 16 {
				b.Errorf("a checkpoint is %d bytes more than its live variables (target: 16 at most)", worst)
			}
			b.ReportMetric(float64(state)/float64(n), "B/checkpoint")
			b.ReportMetric(float64(live)/float64(n), "B-live-vars/checkpoint")
			b.ReportMetric(float64(worst), "B-overhead-max")
		})
	}
}

// liveBytes returns the CBOR size of the variables saved in state, a state
// of job info at state number num: the sum of the encodings of the values the
// layout names.
func liveBytes(info *fsm.JobInfo, num int, state []byte) (int, error) {
	layout, ok := info.State(num)
	if !ok {
		return 0, fmt.Errorf("job %s has no state %d", info.Name, num)
	}
	var items []cbor.RawMessage
	if err := cbor.Unmarshal(state, &items); err != nil {
		return 0, err
	}
	if len(items) != 1+len(layout.Vars) {
		return 0, fmt.Errorf("state %d holds %d values for %d variables", num, len(items)-1, len(layout.Vars))
	}
	n := 0
	for _, it := range items[1:] {
		n += len(it)
	}
	return n, nil
}

// checkCounterVars checks, for a state of Counter, that the live bytes are
// what fxamacker/cbor writes for its variables n, sum and i on its own.
func checkCounterVars(b *testing.B, state []byte, lb int) {
	var items []int
	if err := cbor.Unmarshal(state, &items); err != nil || len(items) != 4 {
		b.Fatalf("Counter state %x: %v, want 4 integers", state, err)
	}
	want := 0
	for _, v := range items[1:] {
		enc, err := cbor.Marshal(v)
		if err != nil {
			b.Fatal(err)
		}
		want += len(enc)
	}
	if lb != want {
		b.Fatalf("Counter state %x: live bytes %d, fxamacker/cbor gives %d", state, lb, want)
	}
}
