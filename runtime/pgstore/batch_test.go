package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// claimed creates n jobs of name "a" in s and claims them all for owner "w"
// with an hour's lease.
func claimed(t *testing.T, s *Store, n int) []fsm.JobRecord {
	t.Helper()
	for i := range n {
		mustCreate(t, s, fmt.Sprintf("job-%03d", i), "a")
	}
	recs, err := s.Claim(context.Background(), fsm.ClaimRequest{Owner: "w", Now: time.Now(), Limit: n, Lease: time.Hour, Names: []string{"a"}})
	if err != nil || len(recs) != n {
		t.Fatalf("Claim: %d jobs, %v", len(recs), err)
	}
	return recs
}

// Apply calls made at once share transactions, and each still succeeds or
// fails on its own: a fenced one alone, a refused one alone (its batch is
// written again one Apply at a time), the others committed.
func TestApplyBatched(t *testing.T) {
	s := open(t, pgtest.Schema(t))
	ctx := context.Background()
	const n = 120
	recs := claimed(t, s, n)
	errRefused := errors.New("refused by the test")
	fenced := func(i int) bool { return i%5 == 1 }
	refused := func(i int) bool { return i%7 == 3 && !fenced(i) }
	bad := map[string]bool{}
	for i, r := range recs {
		if refused(i) {
			bad[r.ID] = true
		}
	}
	s.testFailApply = func(u fsm.Update) func(pgx.Tx) error {
		if !bad[u.ID] {
			return nil
		}
		return func(pgx.Tx) error { return errRefused }
	}
	before, _ := s.BatchStats()

	start := make(chan struct{})
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i, r := range recs {
		u := fsm.Update{ID: r.ID, Version: r.Version, Status: fsm.StatusSucceeded, RunAt: fsm.Never, Error: fmt.Sprint("done ", i),
			Events: []fsm.Event{{Seq: 1, Time: time.Now(), Kind: fsm.EventFinished, Detail: fmt.Sprint("finished ", i)}}}
		if fenced(i) {
			u.Version++
		}
		wg.Go(func() {
			<-start
			_, errs[i] = s.Apply(ctx, u)
		})
	}
	close(start)
	wg.Wait()

	for i, r := range recs {
		got, err := s.Job(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case fenced(i):
			if !errors.Is(errs[i], fsm.ErrLeaseLost) || got.Version != r.Version {
				t.Errorf("fenced %s: Apply %v, version %d; want ErrLeaseLost and version %d", r.ID, errs[i], got.Version, r.Version)
			}
		case refused(i):
			if !errors.Is(errs[i], errRefused) || got.Version != r.Version {
				t.Errorf("refused %s: Apply %v, version %d; want the refusal and version %d", r.ID, errs[i], got.Version, r.Version)
			}
		default:
			if errs[i] != nil || got.Version != r.Version+1 || got.Status != fsm.StatusSucceeded || got.Error != fmt.Sprint("done ", i) {
				t.Errorf("%s: Apply %v, stored version %d status %s error %q; want it written", r.ID, errs[i], got.Version, got.Status, got.Error)
			}
		}
		evs, err := s.History(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := 1 // created
		if !fenced(i) && !refused(i) {
			want = 2
		}
		if len(evs) != want {
			t.Errorf("%s: %d events, want %d", r.ID, len(evs), want)
		}
	}
	txs, applies := s.BatchStats()
	txs -= before
	t.Logf("%d Apply calls written in %d transactions", applies, txs)
	if applies < n || txs >= applies {
		t.Errorf("%d Apply calls in %d transactions: want batches of more than one", applies, txs-before)
	}
}

// An Apply whose caller gives up before a committer takes it is never
// written; one already taken completes.
func TestApplyAbandoned(t *testing.T) {
	s := open(t, pgtest.Schema(t))
	mustCreate(t, s, "job-1", "a")
	recs, err := s.Claim(context.Background(), fsm.ClaimRequest{Owner: "w", Now: time.Now(), Limit: 1, Lease: time.Hour, Names: []string{"a"}})
	if err != nil || len(recs) != 1 {
		t.Fatalf("Claim: %v %v", recs, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	u := fsm.Update{ID: "job-1", Version: recs[0].Version, Status: fsm.StatusSucceeded, RunAt: fsm.Never}
	if _, err := s.Apply(ctx, u); !errors.Is(err, context.Canceled) {
		t.Fatalf("Apply with a cancelled context: %v", err)
	}
	got, err := s.Job(context.Background(), "job-1")
	if err != nil || got.Version != recs[0].Version {
		t.Fatalf("after an abandoned Apply: version %d (%v), want %d", got.Version, err, recs[0].Version)
	}
}

// Batches of Apply and lease renewals lock the same rows; they take them in
// the same order (by id), so that under load they wait for each other rather
// than deadlock (PostgreSQL would abort one with "deadlock detected").
func TestBatchesAndLeaseRenewals(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	s := open(t, pgtest.Schema(t))
	ctx := context.Background()
	const n = 48
	recs := claimed(t, s, n)
	ids := make([]string, n)
	for i, r := range recs {
		ids[i] = r.ID
	}
	deadline := time.Now().Add(1500 * time.Millisecond)
	var mu sync.Mutex
	var errs []error
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	var wg sync.WaitGroup
	// Each job's own goroutine writes steps for it, in reverse id order of
	// arrival at first, so that batches hold rows in every order.
	for i := n - 1; i >= 0; i-- {
		r := recs[i]
		wg.Go(func() {
			v := r.Version
			for time.Now().Before(deadline) {
				u := fsm.Update{ID: r.ID, Version: v, Status: fsm.StatusRunning, KeepLease: true,
					LeaseUntil: time.Now().Add(time.Hour), RunAt: time.Now()}
				nv, err := s.Apply(ctx, u)
				if err != nil {
					fail(fmt.Errorf("Apply %s: %w", r.ID, err))
					return
				}
				v = nv
			}
		})
	}
	for range 2 {
		wg.Go(func() {
			for time.Now().Before(deadline) {
				if _, err := s.ExtendLeases(ctx, "w", ids, time.Now().Add(time.Hour)); err != nil {
					fail(fmt.Errorf("ExtendLeases: %w", err))
					return
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	if n := s.retried.Load(); n > 0 {
		t.Errorf("%d transactions were tried again after a deadlock or a serialization failure", n)
	}
}
