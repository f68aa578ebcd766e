package engine

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// BenchmarkCheckpointedAwaits runs Counter jobs of 20 awaits each on an engine
// on a SQLite store, one at a time and 64 at once. Every await is two durable
// writes (the checkpoint before the activity starts, its outcome after), so
// awaits/s is the figure to compare; many jobs share fsyncs (group commit).
func BenchmarkCheckpointedAwaits(b *testing.B) {
	for _, jobs := range []int{1, 64} {
		b.Run(map[int]string{1: "jobs=1", 64: "jobs=64"}[jobs], func(b *testing.B) {
			const awaits = 20
			ctx := context.Background()
			s, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			var bytes, checkpoints atomic.Int64
			e, err := fsm.NewEngine(ctx, s, fsm.Options{
				Workers: 64, Poll: time.Millisecond,
				Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Hooks: fsm.Hooks{Checkpoint: func(_, _ string, _ int, n int) {
					bytes.Add(int64(n))
					checkpoints.Add(1)
				}},
			})
			if err != nil {
				b.Fatal(err)
			}
			runCtx, stop := context.WithCancel(ctx)
			done := make(chan error, 1)
			go func() { done <- e.Run(runCtx) }()
			defer func() { stop(); <-done }()

			b.ResetTimer()
			start := time.Now()
			for range b.N {
				var wg sync.WaitGroup
				for range jobs {
					id, err := fsm.Start(ctx, e, CounterJob, awaits)
					if err != nil {
						b.Fatal(err)
					}
					wg.Go(func() {
						if got, err := fsm.Wait(ctx, e, CounterJob, id); err != nil || got != awaits*(awaits-1)/2 {
							b.Errorf("Wait = %d, %v", got, err)
						}
					})
				}
				wg.Wait()
			}
			el := time.Since(start)
			b.StopTimer()
			b.ReportMetric(float64(b.N*jobs*awaits)/el.Seconds(), "awaits/s")
			if n := checkpoints.Load(); n > 0 {
				b.ReportMetric(float64(bytes.Load())/float64(n), "B/checkpoint")
			}
		})
	}
}

// BenchmarkPlainCounter is the same work as one Counter job, as the plain
// function under a direct context: the cost the engine adds is the
// difference.
func BenchmarkPlainCounter(b *testing.B) {
	ctx := fsm.Direct(context.Background())
	for range b.N {
		if got, err := Counter(ctx, 20); err != nil || got != 190 {
			b.Fatal(got, err)
		}
	}
}
