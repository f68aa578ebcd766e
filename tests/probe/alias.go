package probe

import (
	rt "github.com/fsmgen/fsmgen/runtime"
)

// This file imports the runtime as rt, and its jobs use locals named fsm.

// AliasLocalFsm declares a local named fsm in a file whose runtime import is
// named rt.
//
//fsmgen:job
func AliasLocalFsm(ctx rt.Context) (int, error) {
	fsm := v(rt.Await(ctx, Echo.Call(2)))
	for i := range fsm {
		fsm += v(rt.Await(ctx, Echo.Call(i)))
	}
	return fsm, nil
}

// AliasLocalRt declares a local named rt after its last use of package rt in
// a block.
//
//fsmgen:job
func AliasLocalRt(ctx rt.Context) (int, error) {
	n := 0
	for i := range 2 {
		n += v(rt.Await(ctx, Echo.Call(i+1)))
		rt := n * 10
		n += rt
	}
	return n, nil
}
