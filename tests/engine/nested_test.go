package engine

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// TestNestedJobAcrossRestarts runs a job that calls another job as a function
// on a real engine: the nested machine is checkpointed inside the caller's
// state at each of its awaits, the engine is restarted while the nested job
// waits for a signal, and the job still ends as the plain function does, with
// every effect done once.
func TestNestedJobAcrossRestarts(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	orders := []Order{
		{ID: "n-1", Amount: 10, Items: []string{"pen", "ink"}, Wait: time.Minute},
		{ID: "n-2", Amount: 20, Items: []string{"cup"}, Wait: time.Minute},
	}
	id, err := fsm.Start(ctx, r.e, ComposedJob, orders)
	if err != nil {
		t.Fatal(err)
	}
	approvals := []Approval{{By: "ann", OK: true}, {By: "bob", OK: false}}
	var seq int64 = -1
	for _, a := range approvals {
		rec := r.waitApproval(id, seq)
		seq = rec.Seq
		info, ok := fsm.JobByName(rec.Name)
		if !ok {
			t.Fatalf("job %s is not registered", rec.Name)
		}
		st, ok := info.State(rec.StateNum)
		if !ok || st.Pos != "nested.go:17:13" {
			t.Errorf("waiting at state %d (%+v), want the call of Checkout at nested.go:17:13", rec.StateNum, st)
		}
		r.shutdown()
		r.start()
		if err := ApprovalSignal.Send(ctx, r.e, id, a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := fsm.Wait(ctx, r.e, ComposedJob, id)
	if err != nil {
		t.Fatal(err)
	}
	if n := done.count("charge n-1") + done.count("charge n-2"); n != 2 {
		t.Errorf("%d charges, want one per order", n)
	}
	if n := done.count("ship pen") + done.count("ship ink"); n != 2 {
		t.Errorf("%d shipments of the first order, want 2", n)
	}
	if n := done.count("ship cup"); n != 0 {
		t.Errorf("the rejected order was shipped %d times", n)
	}
	i := 0
	pctx := fsm.DirectWith(context.Background(), fsm.DirectEnv{
		Signal: func(ctx context.Context, name string) (any, error) {
			a := approvals[i]
			i++
			return a, nil
		},
	})
	want, werr := Composed(pctx, orders)
	if werr != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("machine gave %q, plain function %q, %v", got, want, werr)
	}
}

// waitApproval waits until the job waits for the approval signal at a
// checkpoint after after.
func (r *rig) waitApproval(id string, after int64) fsm.JobRecord {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rec, err := r.store.Job(context.Background(), id)
		if err != nil {
			r.t.Fatal(err)
		}
		if rec.Status == fsm.StatusWaiting && rec.Seq > after {
			op, err := fsm.DescribeOp(rec.Op, rec.Progress)
			if err != nil {
				r.t.Fatal(err)
			}
			if strings.Contains(op.String(), "engine.approval") {
				return rec
			}
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("job %s is %s at checkpoint %d, not waiting for an approval after checkpoint %d\nlog:\n%s", id, rec.Status, rec.Seq, after, r.logBuf)
		}
		time.Sleep(2 * time.Millisecond)
	}
}
