// Package child holds jobs that refer to handles fsmgen has not generated
// yet: the package must generate all the same. It has no generated file on
// purpose.
package child

import (
	"context"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var Echo = fsm.NewActivity("child.echo", func(_ context.Context, x int) (int, error) { return x, nil })

//fsmgen:job
func Ship(ctx fsm.Context, n int) (int, error) {
	return fsm.Await(ctx, Echo.Call(n))
}

//fsmgen:job
func Order(ctx fsm.Context, n int) (int, error) {
	shipped, err := fsm.Await(ctx, fsm.Child(ShipJob, n))
	if err != nil {
		return 0, err
	}
	return shipped + 1, nil
}
