package engine

import (
	"reflect"
	"strings"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// TestGenericJobAcrossRestart starts an instantiation of a generic job by
// its handle, restarts the engine while it sleeps, and gets its result;
// the store knows the job by the instantiation's name.
func TestGenericJobAcrossRestart(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	type item = Order
	id, err := fsm.Start(ctx, r.e, BatchJob[Order](), BatchArgs[Order]{Items: []Order{{ID: "g1"}, {ID: "g2"}}, Pause: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	rec := r.waitStatus(id, fsm.StatusWaiting)
	if want := "github.com/fsmgen/fsmgen/tests/engine.Batch[github.com/fsmgen/fsmgen/tests/engine.Order]"; rec.Name != want {
		t.Errorf("stored as %s, want %s", rec.Name, want)
	}
	r.shutdown()
	r.start()
	got, err := fsm.Wait(ctx, r.e, BatchJob[item](), id)
	if err != nil || !reflect.DeepEqual(got, []Order{{ID: "g1"}, {ID: "g2"}}) {
		t.Fatalf("Wait = %v, %v", got, err)
	}
}

// TestGenericChildren runs two instantiations of a generic job as child
// jobs of one parent.
func TestGenericChildren(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, BatchesJob, BatchesArgs{Names: []string{"x", "y"}, Sizes: []int{3}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := fsm.Wait(ctx, r.e, BatchesJob, id)
	if err != nil || got != "[x y] [3]" {
		t.Fatalf("Wait = %q, %v", got, err)
	}
	kids, err := r.store.Jobs(ctx, fsm.JobFilter{Parent: id})
	if err != nil || len(kids) != 2 {
		t.Fatalf("children: %v, %v", kids, err)
	}
	names := []string{kids[0].Name, kids[1].Name}
	if !strings.HasSuffix(names[0], "Batch[string]") && !strings.HasSuffix(names[1], "Batch[string]") {
		t.Errorf("children %v: want Batch[string] and Batch[int]", names)
	}
}

// TestGenericUnseenInstantiation: an instantiation fsmgen has not seen
// (here made in generic code) has no machine; Start says what to do and
// stores nothing.
func TestGenericUnseenInstantiation(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	_, err := startBatch[uint8](r, []uint8{1})
	if err == nil || !strings.Contains(err.Error(), "Batch[uint8] (an instantiation fsmgen has not seen: name it once in the job's package") {
		t.Fatalf("Start = %v, want the unseen instantiation named", err)
	}
	jobs, err := r.store.Jobs(ctx, fsm.JobFilter{})
	if err != nil || len(jobs) != 0 {
		t.Errorf("jobs after a refused Start: %v, %v", jobs, err)
	}
}

func startBatch[T any](r *rig, items []T) (string, error) {
	return fsm.Start(r.ctx(), r.e, BatchJob[T](), BatchArgs[T]{Items: items})
}
