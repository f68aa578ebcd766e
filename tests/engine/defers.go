package engine

import (
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Audited waits for an approval with two defers registered before the wait:
// they run once, after the restart that delivers the approval, on the values
// saved with the checkpoint; one of them recovers the panic of a rejection.
//
//fsmgen:job
func Audited(ctx fsm.Context, id string) (note string, err error) {
	opened := id + " opened"
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: recovered %v", opened, r)
		}
	}()
	defer func() { note = "[" + note + "]" }()
	a, err := fsm.Await(ctx, ApprovalSignal.Wait())
	if err != nil {
		return "", err
	}
	if !a.OK {
		panic("rejected by " + a.By)
	}
	return opened + ", approved by " + a.By, nil
}
