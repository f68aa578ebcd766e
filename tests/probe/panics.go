package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Operands that panic, left of an await: whether the await's op runs first
// must match the plain function (compiled by gc).

// PanicIndexLeft indexes out of range left of an await.
//
//fsmgen:job
func PanicIndexLeft(ctx fsm.Context, i int) (int, error) {
	xs := []int{1, 2}
	return xs[i] + v(fsm.Await(ctx, Echo.Call(1))), nil
}

// PanicDivLeft divides by zero left of an await.
//
//fsmgen:job
func PanicDivLeft(ctx fsm.Context, d int) (int, error) {
	return 10/d + v(fsm.Await(ctx, Echo.Call(1))), nil
}

// PanicNilDerefLeft dereferences nil left of an await.
//
//fsmgen:job
func PanicNilDerefLeft(ctx fsm.Context, nilp bool) (int, error) {
	p := &Point{X: 1}
	if nilp {
		p = nil
	}
	return p.X + v(fsm.Await(ctx, Echo.Call(1))), nil
}

// PanicIndexAssignLeft assigns to an element out of range, with an await on
// the right.
//
//fsmgen:job
func PanicIndexAssignLeft(ctx fsm.Context, i int) ([]int, error) {
	xs := []int{1, 2}
	xs[i] = v(fsm.Await(ctx, Echo.Call(5)))
	return xs, nil
}

// PanicNilMapAssign assigns into a nil map with an await on the right.
//
//fsmgen:job
func PanicNilMapAssign(ctx fsm.Context) (map[string]int, error) {
	m := nilMap()
	m["k"] = v(fsm.Await(ctx, Echo.Call(5)))
	return m, nil
}

func nilMap() map[string]int { return nil }
