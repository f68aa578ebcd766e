package orders

import (
	"context"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// RunDirect calls ProcessOrder as the plain function it is, under a direct
// context, as a job that got decision (nil: no decision in time) runs under
// an engine: every op runs inline, sleeps end at once, and the approval's
// timer fires only when no decision comes. Tests and the demo compare its
// receipt with the engine's.
//
// RunDirect tells the approval's timer from the cool-off by its duration, so
// ApprovalTimeout and CoolOff must differ.
func RunDirect(ctx context.Context, order Order, decision *Approval) (Receipt, error) {
	timeout := ApprovalTimeout // the timer the job will set
	env := fsm.DirectEnv{
		Sleep: func(ctx context.Context, d time.Duration) error {
			if decision != nil && d == timeout {
				// The decision comes first: this timer never fires.
				<-ctx.Done()
				return ctx.Err()
			}
			return ctx.Err()
		},
		Signal: func(ctx context.Context, name string) (any, error) {
			if decision == nil || name != Approvals.Name() {
				<-ctx.Done() // nothing comes; the timeout ends the wait
				return nil, ctx.Err()
			}
			return *decision, nil
		},
	}
	return ProcessOrder(fsm.DirectWith(ctx, env), order)
}
