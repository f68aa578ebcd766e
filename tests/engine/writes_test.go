package engine

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// countingStore counts the writes that carry an outcome.
type countingStore struct {
	fsm.Store
	mu       sync.Mutex
	outcomes []int // per such write, how many outcomes it carries
}

func (c *countingStore) Apply(ctx context.Context, u fsm.Update) (int64, error) {
	n := 0
	for _, e := range u.Events {
		if e.Kind == fsm.EventOutcome {
			n++
		}
	}
	if n > 0 {
		c.mu.Lock()
		c.outcomes = append(c.outcomes, n)
		c.mu.Unlock()
	}
	return c.Store.Apply(ctx, u)
}

// TestOutcomesSettledAtOnceAreWritten: an outcome goes into the commit of
// the next checkpoint, but a job whose awaits settle at once (signals sent
// before it waits) still makes its progress durable as it goes: no write
// carries more than two outcomes, and the job does not hold them all for
// its last write.
func TestOutcomesSettledAtOnceAreWritten(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs := &countingStore{Store: s}
	e, err := fsm.NewEngine(ctx, cs, fsm.Options{Workers: 2, Poll: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	const n = 6
	// The engine runs once the signals are sent.
	id, err := fsm.Start(ctx, e, ApprovalsJob, n)
	if err != nil {
		t.Fatal(err)
	}
	for range n {
		if err := ApprovalSignal.Send(ctx, e, id, Approval{By: "x", OK: true}); err != nil {
			t.Fatal(err)
		}
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- e.Run(runCtx) }()
	got, err := fsm.Wait(ctx, e, ApprovalsJob, id)
	stop()
	if rerr := <-done; rerr != nil {
		t.Error(rerr)
	}
	if err != nil || got != n {
		t.Fatalf("Wait = %d, %v", got, err)
	}
	cs.mu.Lock()
	defer cs.mu.Unlock()
	total := 0
	for _, k := range cs.outcomes {
		total += k
		if k > 2 {
			t.Errorf("a write carried %d outcomes, want at most 2", k)
		}
	}
	if total != n || len(cs.outcomes) < n/2 {
		t.Errorf("writes with outcomes: %v; want %d outcomes in at least %d writes", cs.outcomes, n, n/2)
	}
}
