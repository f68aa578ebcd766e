package probe

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Odds and ends.

// MiscCtxNamedIn names its Context in, and has locals named like the
// machine's receiver and state variable.
//
//fsmgen:job
func MiscCtxNamedIn(in fsm.Context, m int) (int, error) {
	st := m * 2
	ctx := v(fsm.Await(in, Echo.Call(st)))
	return ctx + m, nil
}

// MiscNoResults has no results at all.
//
//fsmgen:job
func MiscNoResults(ctx fsm.Context, x int) {
	for i := range x {
		fsm.Await(ctx, Echo.Call(i))
	}
}

// MiscErrorOnly returns only an error.
//
//fsmgen:job
func MiscErrorOnly(ctx fsm.Context, fail bool) error {
	if fail {
		_, err := fsm.Await(ctx, Fail.Call("only"))
		return err
	}
	_, err := fsm.Await(ctx, Echo.Call(1))
	return err
}

// MiscLabelAtEnd jumps to a label on the empty statement at the end of a job
// without results.
//
//fsmgen:job
func MiscLabelAtEnd(ctx fsm.Context, n int) {
	for i := 0; ; i++ {
		if v(fsm.Await(ctx, Echo.Call(i))) >= n {
			goto done
		}
	}
done:
}

// MiscLabelEmptyInLoop jumps to a label at the end of a loop body.
//
//fsmgen:job
func MiscLabelEmptyInLoop(ctx fsm.Context) (int, error) {
	s := 0
	for i := 0; i < 4; i++ {
		x := v(fsm.Await(ctx, Echo.Call(i)))
		if x%2 == 1 {
			goto next
		}
		s += x
	next:
	}
	return s, nil
}

// MiscShadowCtx declares a local named ctx after an await in a block.
//
//fsmgen:job
func MiscShadowCtx(ctx fsm.Context) (string, error) {
	s := ""
	{
		x := v(fsm.Await(ctx, Echo.Call(4)))
		ctx := "shadow"
		s = ctx + strconv.Itoa(x)
	}
	s += v(fsm.Await(ctx, Str.Call("!")))
	return s, nil
}

// Tally is a map type with a value-receiver job.
type Tally map[string]int

// Add adds awaited counts to the receiver map.
//
//fsmgen:job
func (t Tally) Add(ctx fsm.Context, keys ...string) (Tally, error) {
	for _, k := range keys {
		t[k] += v(fsm.Await(ctx, Echo.Call(len(k))))
	}
	return t, nil
}

// Vec is an array type with a value-receiver job.
type Vec [3]int

// Scale scales the receiver by awaited factors.
//
//fsmgen:job
func (v3 Vec) Scale(ctx fsm.Context) (Vec, error) {
	for i := range v3 {
		v3[i] *= v(fsm.Await(ctx, Echo.Call(i+1)))
	}
	return v3, nil
}

// MiscRangeLitWithAwaits ranges over a literal built from awaits.
//
//fsmgen:job
func MiscRangeLitWithAwaits(ctx fsm.Context) (int, error) {
	s := 0
	for i, x := range []int{v(fsm.Await(ctx, Echo.Call(1))), v(fsm.Await(ctx, Echo.Call(2)))} {
		s += i*100 + v(fsm.Await(ctx, Echo.Call(x)))
	}
	return s, nil
}

// MiscContinueInTypeSwitch continues a loop that awaits from inside a type
// switch without awaits.
//
//fsmgen:job
func MiscContinueInTypeSwitch(ctx fsm.Context) (int, error) {
	s := 0
	for i := range 4 {
		var x any = i
		if i%2 == 1 {
			x = strconv.Itoa(i)
		}
		switch x.(type) {
		case string:
			continue
		case int:
			if i == 2 {
				break
			}
			s += 1000
		}
		s += v(fsm.Await(ctx, Echo.Call(i+1)))
	}
	return s, nil
}

// MiscBreakLabeledSwitch breaks a labeled switch that awaits from a loop
// without awaits inside it.
//
//fsmgen:job
func MiscBreakLabeledSwitch(ctx fsm.Context, k int) (int, error) {
	s := 0
sw:
	switch v(fsm.Await(ctx, Echo.Call(k))) {
	case 1:
		for i := 0; i < 10; i++ {
			if i == 3 {
				break sw
			}
			s += i
		}
		s += 1000
	case 2:
		s = v(fsm.Await(ctx, Echo.Call(20)))
	}
	return s, nil
}

// MiscIfFalseAwait has awaits in branches that constants rule out.
//
//fsmgen:job
func MiscIfFalseAwait(ctx fsm.Context) (int, error) {
	const debug = false
	n := 1
	if debug {
		n = v(fsm.Await(ctx, Echo.Call(100)))
	}
	for false {
		fsm.Await(ctx, Echo.Call(0))
	}
	switch {
	case false:
		fsm.Await(ctx, Echo.Call(0))
	}
	return n + v(fsm.Await(ctx, Echo.Call(1))), nil
}

// MiscParams takes parameters of several kinds and holds them across awaits.
//
//fsmgen:job
func MiscParams(ctx fsm.Context, a [2]int, m map[string][]int, p *Point, t time.Time, d time.Duration, f float64, b []byte) (string, error) {
	fsm.Await(ctx, Echo.Call(0))
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fsm.Await(ctx, Echo.Call(1))
	return fmt.Sprint(a, keys, m["x"], *p, t.Year(), d, f, string(b)), nil
}

// MiscRangeIndexOnlyAppend ranges over a slice by index only, appending to
// it: only the original length is needed.
//
//fsmgen:job
func MiscRangeIndexOnlyAppend(ctx fsm.Context, xs []int) ([]int, error) {
	for i := range xs {
		xs = append(xs, v(fsm.Await(ctx, Echo.Call(i*10))))
	}
	return xs, nil
}

// MiscLoopCondAnd has a loop condition with && and an await on the right.
//
//fsmgen:job
func MiscLoopCondAnd(ctx fsm.Context) (int, error) {
	i := 0
	for i < 5 && v(fsm.Await(ctx, Pos.Call(3-i))) {
		i++
	}
	return i, nil
}

// Inner is embedded in Outer.
type Inner struct {
	IX, IY int
}

// Outer embeds Inner and *Point.
type Outer struct {
	Inner
	*Point
	Z int
}

// MiscEmbeddedFields assigns promoted fields from awaits.
//
//fsmgen:job
func MiscEmbeddedFields(ctx fsm.Context) (Inner, Point, int, error) {
	o := Outer{Point: &Point{}}
	o.IX = v(fsm.Await(ctx, Echo.Call(1)))
	o.Inner.IY, o.Y = v(fsm.Await(ctx, Echo.Call(2))), v(fsm.Await(ctx, Echo.Call(3)))
	o.X += v(fsm.Await(ctx, Echo.Call(4)))
	o.Z = o.IX + o.Inner.IY + o.Point.X + o.Y
	return o.Inner, *o.Point, o.Z, nil
}

// MiscReturnAwaitDirect returns an await's two results directly.
//
//fsmgen:job
func MiscReturnAwaitDirect(ctx fsm.Context, k int) (int, error) {
	if k > 0 {
		return fsm.Await(ctx, Odd.Call(k))
	}
	return fsm.Await(ctx, Fail.Call("neg"))
}

// MiscSelectNoAwait has a select without awaits in a job that awaits.
//
//fsmgen:job
func MiscSelectNoAwait(ctx fsm.Context) (int, error) {
	n := v(fsm.Await(ctx, Echo.Call(1)))
	ch := make(chan int, 1)
	ch <- n
	select {
	case x := <-ch:
		n += x
	default:
		n = -1
	}
	return n + v(fsm.Await(ctx, Echo.Call(1))), nil
}

// MiscNoAwait never awaits and uses defer and recover.
//
//fsmgen:job
func MiscNoAwait(ctx fsm.Context, x int) (r int, err error) {
	defer func() {
		if p := recover(); p != nil {
			r = -1
		}
	}()
	if x == 0 {
		panic("zero")
	}
	return 10 / x, nil
}

// MiscDeferModifiesResult never awaits; a deferred call changes its named
// result after the return statement.
//
//fsmgen:job
func MiscDeferModifiesResult(ctx fsm.Context, x int) (r int, err error) {
	defer func() { r *= 2 }()
	return x + 1, nil
}
