package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Jobs that never await.

// NoAwaitPanics panics without recovering.
//
//fsmgen:job
func NoAwaitPanics(ctx fsm.Context, x int) (int, error) {
	defer func() { _ = x }()
	if x == 0 {
		panic("zero")
	}
	return x, nil
}

// NoAwaitMethod is a value-receiver method job that never awaits.
//
//fsmgen:job
func (c Counter) NoAwaitMethod(ctx fsm.Context, xs ...int) (Counter, error) {
	for _, x := range xs {
		c += Counter(x)
	}
	return c, nil
}

// NoAwaitLocalType declares a local type in a job that never awaits.
//
//fsmgen:job
func NoAwaitLocalType(ctx fsm.Context) (int, error) {
	type slot struct{ N int }
	const k = 4
	var a [k]slot
	return len(a) + a[0].N, nil
}
