package equiv

import fsm "github.com/fsmgen/fsmgen/runtime"

// PanicAfterAwait panics with an index out of range after an await: the
// machine must panic with the same value, and the panic's stack must point at
// this file's line, through the generated file's //line directives.
//
//fsmgen:job
func PanicAfterAwait(ctx fsm.Context, i int) (int, error) {
	xs := []int{1, 2, 3}
	n := v(fsm.Await(ctx, Echo.Call(i)))
	return xs[n], nil // the line panicLine names
}
