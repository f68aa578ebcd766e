package ui

import (
	"context"
	"log/slog"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/tests/engine"
)

var quiet = slog.New(slog.DiscardHandler)

// hostile is a value that would run as a script if a page did not escape it.
const hostile = `<script>document.title="pwned"</script>`

// fixture starts jobs of tests/engine on store and runs an engine until they
// are where the tests want them: order-1 and order-evil paused at their
// approval await, patient-1 waiting for a signal, quick-1 succeeded,
// parent-1 done with its children. With keep, the engine keeps running
// (until the test ends), so that signals and cancellations take effect.
func fixture(t *testing.T, store fsm.Store, keep bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	e, err := fsm.NewEngine(ctx, store, fsm.Options{Poll: 5 * time.Millisecond, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	start := func(id string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("starting %s: %v", id, err)
		}
	}
	_, err = fsm.Start(ctx, e, engine.QuickJob, engine.Order{ID: "q-1", Amount: 3}, fsm.WithID("quick-1"))
	start("quick-1", err)
	_, err = fsm.Start(ctx, e, engine.ParentJob, []engine.Order{{ID: "c-1", Amount: 1}, {ID: "c-2", Amount: 2}}, fsm.WithID("parent-1"))
	start("parent-1", err)
	_, err = fsm.Start(ctx, e, engine.PatientJob, "p-1", fsm.WithID("patient-1"))
	start("patient-1", err)
	_, err = fsm.Start(ctx, e, engine.CheckoutJob, engine.Order{ID: hostile, Amount: 9, Items: []string{`<img src=x onerror=alert(1)>`}, Wait: time.Hour}, fsm.WithID("order-evil"))
	start("order-evil", err)
	items := []string{"lamp"}
	for i := range 12 {
		items = append(items, "a long item name to make the value large "+string(rune('a'+i)))
	}
	_, err = fsm.Start(ctx, e, engine.CheckoutJob, engine.Order{ID: "o-1", Amount: 25, Items: items, Wait: time.Hour}, fsm.WithID("order-1"))
	start("order-1", err)

	runCtx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.Run(runCtx) }()
	stopped := false
	halt := func() {
		if stopped {
			return
		}
		stopped = true
		stop()
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	want := map[string]fsm.Status{"order-1": fsm.StatusWaiting, "order-evil": fsm.StatusWaiting, "patient-1": fsm.StatusWaiting, "quick-1": fsm.StatusSucceeded, "parent-1": fsm.StatusSucceeded}
	for id, st := range want {
		for {
			rec, err := store.Job(ctx, id)
			if err != nil {
				halt()
				t.Fatal(err)
			}
			if rec.Status == st {
				break
			}
			if ctx.Err() != nil {
				halt()
				t.Fatalf("job %s is %s, want %s", id, rec.Status, st)
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	if keep {
		t.Cleanup(halt)
		return
	}
	halt()
}
