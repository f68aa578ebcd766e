package equiv

import fsm "github.com/fsmgen/fsmgen/runtime"

// Tally has a method with a pointer receiver.
type Tally struct{ N int }

// Bump adds one.
func (t *Tally) Bump() { t.N++ }

// PointerMethodAcrossAwaits calls a pointer-receiver method on a local before
// and after an await: the address is taken only for the call, so the local
// may be saved.
//
//fsmgen:job
func PointerMethodAcrossAwaits(ctx fsm.Context) (int, error) {
	var t Tally
	t.Bump()
	fsm.Await(ctx, Echo.Call(1))
	t.Bump()
	t.N += v(fsm.Await(ctx, Echo.Call(10)))
	return t.N, nil
}

// PointerNotLive takes a local's address, but neither the local nor the
// pointer is held across the await.
//
//fsmgen:job
func PointerNotLive(ctx fsm.Context) (int, error) {
	x := 1
	p := &x
	*p = 5
	y := x
	fsm.Await(ctx, Echo.Call(y))
	return y, nil
}
