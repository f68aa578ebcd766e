package sqlitestore

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// BenchmarkApply measures checkpoints written per second: an Apply of a
// 200-byte state, an op and a checkpoint event, durable when it returns.
// Serial is one writer waiting for each write; Parallel is many writers at
// once, whose writes the store commits together.
func BenchmarkApply(b *testing.B) {
	b.Run("Serial", func(b *testing.B) {
		s := open(b, filepath.Join(b.TempDir(), "jobs.db"))
		rec := claimAll(b, s, 1)[0]
		txs := s.txs.Load()
		b.ResetTimer()
		for i := range b.N {
			v, err := s.Apply(context.Background(), checkpoint(rec, int64(i+1)))
			if err != nil {
				b.Fatal(err)
			}
			rec.Version = v
		}
		report(b, s, txs)
	})
	b.Run("Parallel", func(b *testing.B) {
		const jobs = 256
		s := open(b, filepath.Join(b.TempDir(), "jobs.db"))
		recs := claimAll(b, s, jobs)
		var next atomic.Int64
		txs := s.txs.Load()
		b.SetParallelism(16) // 16 writers a core, like an engine's workers
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			i := next.Add(1) - 1
			if i >= jobs {
				b.Error("more writers than jobs")
				return
			}
			rec := recs[i]
			seq := int64(0)
			for pb.Next() {
				seq++
				v, err := s.Apply(context.Background(), checkpoint(rec, seq))
				if err != nil {
					b.Error(err)
					return
				}
				rec.Version = v
			}
		})
		report(b, s, txs)
	})
}

// report adds writes a second and writes a transaction to b's results.
func report(b *testing.B, s *Store, txs0 int64) {
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "writes/s")
	if txs := s.txs.Load() - txs0; txs > 0 {
		b.ReportMetric(float64(b.N)/float64(txs), "writes/tx")
	}
}
