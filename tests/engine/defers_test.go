package engine

import (
	"context"
	"fmt"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// TestDefersAcrossRestart starts jobs whose defers are registered before an
// await, restarts the engine while they wait, and checks that the deferred
// calls ran once after the restart, as in the plain function: one changes the
// named result, the other recovers a panic into the job's error.
func TestDefersAcrossRestart(t *testing.T) {
	for _, a := range []Approval{{By: "ann", OK: true}, {By: "bob", OK: false}} {
		t.Run(a.By, func(t *testing.T) {
			r := newRig(t)
			ctx := r.ctx()
			id, err := fsm.Start(ctx, r.e, AuditedJob, "order-"+a.By)
			if err != nil {
				t.Fatal(err)
			}
			r.waitApproval(id, -1)
			r.shutdown()
			r.start()
			if err := ApprovalSignal.Send(ctx, r.e, id, a); err != nil {
				t.Fatal(err)
			}
			got, err := fsm.Wait(ctx, r.e, AuditedJob, id)
			pctx := fsm.DirectWith(context.Background(), fsm.DirectEnv{
				Signal: func(context.Context, string) (any, error) { return a, nil },
			})
			want, werr := Audited(pctx, "order-"+a.By)
			if got != want || fmt.Sprint(err) != fmt.Sprint(werr) {
				t.Errorf("machine gave %q, %v; plain function %q, %v", got, err, want, werr)
			}
			if a.OK && want != "[order-ann opened, approved by ann]" || !a.OK && fmt.Sprint(werr) != "order-bob opened: recovered rejected by bob" {
				t.Errorf("plain function gave %q, %v", want, werr)
			}
		})
	}
}
