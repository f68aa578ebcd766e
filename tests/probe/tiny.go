package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Tiny and odd-shaped jobs.

// TinyEmpty has an empty body.
//
//fsmgen:job
func TinyEmpty(ctx fsm.Context) {}

// TinyBareNamed returns its zero named result.
//
//fsmgen:job
func TinyBareNamed(ctx fsm.Context) (n int) { return }

// TinyOnlyAwait only awaits, discarding.
//
//fsmgen:job
func TinyOnlyAwait(ctx fsm.Context) { fsm.Await(ctx, Echo.Call(1)) }

// TinyDoubleLabel puts two labels on one loop, jumping to the outer one and
// continuing the inner one.
//
//fsmgen:job
func TinyDoubleLabel(ctx fsm.Context) (int, error) {
	n := 0
A:
B:
	for i := 0; i < 3; i++ {
		n += v(fsm.Await(ctx, Echo.Call(i)))
		if i == 0 {
			continue B
		}
	}
	if n < 6 {
		goto A
	}
	return n, nil
}

// TinyGotoFirst starts with a label that the end jumps back to.
//
//fsmgen:job
func TinyGotoFirst(ctx fsm.Context, k int) (int, error) {
start:
	k = v(fsm.Await(ctx, Inc.Call(k)))
	if k < 3 {
		goto start
	}
	return k, nil
}
