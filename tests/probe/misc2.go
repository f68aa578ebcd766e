package probe

import (
	"context"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Box is a generic struct used as an activity's argument and result.
type Box[T any] struct {
	V T
}

// BoxInt echoes a Box[int].
var BoxInt = fsm.NewActivity("probe.boxint", func(_ context.Context, b Box[int]) (Box[int], error) { return b, nil })

// Misc2GenericTypes holds generic instances across awaits.
//
//fsmgen:job
func Misc2GenericTypes(ctx fsm.Context) (Box[int], Box[string], error) {
	b := v(fsm.Await(ctx, BoxInt.Call(Box[int]{V: 3})))
	s := Box[string]{V: "x"}
	b.V += v(fsm.Await(ctx, Echo.Call(b.V)))
	return b, s, nil
}

// Misc2Builtins awaits inside builtin calls.
//
//fsmgen:job
func Misc2Builtins(ctx fsm.Context) ([]int, map[string]int, int, error) {
	xs := append([]int{1}, v(fsm.Await(ctx, Echo.Call(2))), 3)
	dst := make([]int, 2)
	n := copy(dst, v(fsm.Await(ctx, Ints.Call([]int{7, 8, 9}))))
	m := map[string]int{"a": 1, "b": 2}
	delete(m, v(fsm.Await(ctx, Str.Call("a"))))
	lo := min(5, v(fsm.Await(ctx, Echo.Call(4))), 6) + max(v(fsm.Await(ctx, Echo.Call(1))), 0)
	xs = append(xs, dst...)
	return xs, m, n*100 + lo + len(v(fsm.Await(ctx, Str.Call("abc")))), nil
}

// Misc2SliceOfPointers awaits per element of a []*Point and changes them.
//
//fsmgen:job
func Misc2SliceOfPointers(ctx fsm.Context, ps []*Point) (int, error) {
	s := 0
	for _, p := range ps {
		p.X = v(fsm.Await(ctx, Echo.Call(p.X*2)))
		s += p.X
	}
	return s, nil
}

// Misc2BlankResult has a blank named result and a bare return.
//
//fsmgen:job
func Misc2BlankResult(ctx fsm.Context) (_ int, err error) {
	_, err = fsm.Await(ctx, Fail.Call("blank"))
	return
}

// Misc2ParenPanic ends in a parenthesized panic.
//
//fsmgen:job
func Misc2ParenPanic(ctx fsm.Context, k int) int {
	if v(fsm.Await(ctx, Echo.Call(k))) > 0 {
		return k
	}
	(panic("non-positive"))
}

// Misc2FieldNamedLikeLocal uses struct literal keys and selectors named like
// locals that get renamed.
//
//fsmgen:job
func Misc2FieldNamedLikeLocal(ctx fsm.Context) (Point, error) {
	X := v(fsm.Await(ctx, Echo.Call(1)))
	var p Point
	{
		X := v(fsm.Await(ctx, Echo.Call(2)))
		Y := X * 10
		p = Point{X: X, Y: Y}
	}
	p.X += X
	return p, nil
}

// Misc2ChainedCalls chains methods on awaited values and spills a receiver
// built by a call.
//
//fsmgen:job
func Misc2ChainedCalls(ctx fsm.Context) (string, string, error) {
	resetTrace()
	s := tr("p", Point{X: 1, Y: 2}).Add(v(fsm.Await(ctx, Echo.Call(3)))).String()
	return s, traceStr(), nil
}

// Add returns p moved by d in both directions.
func (p Point) Add(d int) Point { return Point{X: p.X + d, Y: p.Y + d} }

// Misc2Goroutine starts a goroutine without awaits, waits for it, then
// awaits.
//
//fsmgen:job
func Misc2Goroutine(ctx fsm.Context) (int, error) {
	n := v(fsm.Await(ctx, Echo.Call(2)))
	done := make(chan int)
	go func() { done <- n * 3 }()
	n = <-done
	return n + v(fsm.Await(ctx, Echo.Call(1))), nil
}
