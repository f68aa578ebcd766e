package probe

import (
	"context"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

func deadlineSet(c context.Context, x int) int {
	if _, ok := c.Deadline(); ok {
		return x * 2
	}
	return x
}

// CtxDerived derives a context with a timeout between awaits and cancels it
// before the next await.
//
//fsmgen:job
func CtxDerived(ctx fsm.Context) (int, error) {
	x := v(fsm.Await(ctx, Echo.Call(1)))
	c, cancel := context.WithTimeout(ctx, time.Hour)
	y := deadlineSet(c, x)
	cancel()
	for i := range 2 {
		c2, cancel2 := context.WithCancel(ctx)
		y += deadlineSet(c2, i)
		cancel2()
		y += v(fsm.Await(ctx, Echo.Call(i)))
	}
	return v(fsm.Await(ctx, Echo.Call(y))), nil
}

// CtxLocalTypesInLoop declares a generic instance of a local type across
// awaits.
//
//fsmgen:job
func CtxLocalTypesInLoop(ctx fsm.Context) (int, error) {
	type loc struct{ N int }
	b := Box[loc]{V: loc{N: 1}}
	for i := range 3 {
		b.V.N += v(fsm.Await(ctx, Echo.Call(i)))
	}
	bs := []Box[loc]{b}
	fsm.Await(ctx, Echo.Call(0))
	return bs[0].V.N, nil
}
