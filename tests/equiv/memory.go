package equiv

import (
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

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

// RangeNestedShared writes through the element variable of an outer range:
// the inner slices are shared with the outer one, in the plain function and,
// across every checkpoint, in the machine.
//
//fsmgen:job
func RangeNestedShared(ctx fsm.Context, rows [][]int) ([][]int, error) {
	for _, row := range rows {
		for j := range row {
			row[j] += v(fsm.Await(ctx, Echo.Call(j+1)))
		}
	}
	return rows, nil
}

// RangeElementReplaced replaces the element variable in the body: from then
// on it no longer shares the outer slice's array, and is saved by itself.
//
//fsmgen:job
func RangeElementReplaced(ctx fsm.Context, rows [][]int) ([][]int, []int, error) {
	var last []int
	for _, row := range rows {
		row = append([]int(nil), row...)
		row[0] = v(fsm.Await(ctx, Echo.Call(100)))
		last = row
	}
	return rows, last, nil
}

// RangePointers ranges over pointers and changes what they point to after
// an await: the element variable and the slice share the targets.
//
//fsmgen:job
func RangePointers(ctx fsm.Context, ts []*Tally) (int, error) {
	for _, t := range ts {
		t.N += v(fsm.Await(ctx, Echo.Call(5)))
	}
	sum := 0
	for _, t := range ts {
		sum += t.N
	}
	return sum, nil
}

// ScanAcrossAwait passes a local's address to fmt.Sscan, which does not keep
// it, and holds the local across an await.
//
//fsmgen:job
func ScanAcrossAwait(ctx fsm.Context, in string) (int, error) {
	var n int
	if _, err := fmt.Sscan(in, &n); err != nil {
		return 0, err
	}
	m := v(fsm.Await(ctx, Echo.Call(n)))
	return n + m, nil
}

// AppendAfterAwait appends within a slice's spare capacity after an await,
// so the new slice shares the array of the saved one, as in the plain run.
//
//fsmgen:job
func AppendAfterAwait(ctx fsm.Context) ([]int, []int, int, error) {
	a := make([]int, 1, 4)
	a[0] = v(fsm.Await(ctx, Echo.Call(1)))
	fsm.Await(ctx, Echo.Call(2))
	b := append(a, 5)
	b[0] = 9
	return a, b, cap(a), nil
}
