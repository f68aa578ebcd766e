package equiv

import (
	"strconv"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// ClosureCounter holds a closure across awaits: it is made again after each
// resume over the restored count it captures and changes.
//
//fsmgen:job
func ClosureCounter(ctx fsm.Context, k int) (int, error) {
	count := 0
	bump := func(by int) int {
		count += by
		return count
	}
	bump(k)
	x := v(fsm.Await(ctx, Echo.Call(bump(1))))
	bump(x)
	y := v(fsm.Await(ctx, Echo.Call(count)))
	return bump(y), nil
}

// ClosureNested holds only g across the await; g calls f, which captures a
// variable the await assigns.
//
//fsmgen:job
func ClosureNested(ctx fsm.Context, a int) (string, error) {
	prefix := "p"
	f := func(s string) string { return prefix + s }
	g := func(n int) string { return f(strconv.Itoa(n + a)) }
	prefix = v(fsm.Await(ctx, Str.Call(prefix+"q")))
	return g(1), nil
}

// ClosureLoop makes a closure in each iteration over the iteration's
// element, and calls it after the iteration's await.
//
//fsmgen:job
func ClosureLoop(ctx fsm.Context, xs []int) (int, error) {
	total := 0
	for _, x := range xs {
		double := func() int { return 2 * x }
		r := v(fsm.Await(ctx, Echo.Call(x)))
		total += double() + r
	}
	return total, nil
}

// seqGen counts through a method with a pointer receiver.
type seqGen struct{ n int }

func (s *seqGen) next() int {
	s.n++
	return s.n
}

// OpChangesLive makes each op with a call that changes a variable saved at
// that await: the machine saves it after making the op, as the plain
// function's await sees it.
//
//fsmgen:job
func OpChangesLive(ctx fsm.Context) (int, error) {
	var s seqGen
	a := v(fsm.Await(ctx, Echo.Call(s.next())))
	b := v(fsm.Await(ctx, Echo.Call(s.next())))
	return a*10 + b + s.n*100, nil
}
