package ui

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// BenchmarkListPage serves the jobs list of an SQLite store holding 1,000 and
// 100,000 jobs: the first page, a page 1,000 jobs back (keyset paging with
// older=), and the first page filtered by a name one job in ten has. The page should cost about
// the same at both sizes; compare the ns/op of the two sizes side by side.
func BenchmarkListPage(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		s := benchStore(b, n)
		srv, err := New(s, Options{ReadOnly: true, Logger: quiet, SourceDirs: []string{"."}})
		if err != nil {
			b.Fatal(err)
		}
		recs, err := s.Jobs(context.Background(), fsm.JobFilter{Newest: true, Limit: 1})
		if err != nil || len(recs) == 0 {
			b.Fatal(err)
		}
		deep := recs[0].Num - 1_000
		for _, p := range []struct{ name, url string }{
			{"first", "/"},
			{"deep", fmt.Sprintf("/?older=%d", deep)},
			{"name", "/?name=bench.rare"},
		} {
			b.Run(fmt.Sprintf("%s/jobs=%d", p.name, n), func(b *testing.B) {
				for b.Loop() {
					w := httptest.NewRecorder()
					srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, p.url, nil))
					if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "bench-") {
						b.Fatalf("GET %s: %d\n%s", p.url, w.Code, w.Body.String())
					}
				}
			})
		}
	}
}

// benchStore makes a store with n jobs, one in ten of them named bench.rare.
func benchStore(b *testing.B, n int) fsm.Store {
	b.Helper()
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "jobs.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	now := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 64 { // the store batches concurrent writes into one commit
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 64 {
				id := fmt.Sprintf("bench-%06d", i)
				name := "bench.job"
				if i%10 == 0 {
					name = "bench.rare"
				}
				if _, _, err := s.CreateJob(ctx, fsm.JobSpec{ID: id, Name: name, RunAt: now}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	return s
}
