package probe

import (
	"context"
	"errors"
	"math"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Values through ops and across awaits.

// Activities with more result types.
var (
	DictAct  = fsm.NewActivity("probe.dict", func(_ context.Context, m map[string]int) (map[string]int, error) { return m, nil })
	PointPtr = fsm.NewActivity("probe.pointptr", func(_ context.Context, p *Point) (*Point, error) { return p, nil })
	When     = fsm.NewActivity("probe.when", func(_ context.Context, t time.Time) (time.Time, error) { return t, nil })
	Empty    = fsm.NewActivity("probe.empty", func(_ context.Context, _ struct{}) (struct{}, error) { return struct{}{}, nil })
	Nested   = fsm.NewActivity("probe.nested", func(_ context.Context, x [][]string) ([][]string, error) { return x, nil })
)

// ValuesEmptyVsNil passes empty and nil slices and maps through ops and
// across awaits.
//
//fsmgen:job
func ValuesEmptyVsNil(ctx fsm.Context) ([]int, []int, map[string]int, map[string]int, error) {
	a := v(fsm.Await(ctx, Ints.Call([]int{})))
	b := v(fsm.Await(ctx, Ints.Call(nil)))
	c := v(fsm.Await(ctx, DictAct.Call(map[string]int{})))
	d := v(fsm.Await(ctx, DictAct.Call(nil)))
	fsm.Await(ctx, Empty.Call(struct{}{}))
	return a, b, c, d, nil
}

// ValuesPointers passes nil and non-nil pointers through ops.
//
//fsmgen:job
func ValuesPointers(ctx fsm.Context) (*Point, bool, error) {
	p := v(fsm.Await(ctx, PointPtr.Call(&Point{X: 1})))
	q := v(fsm.Await(ctx, PointPtr.Call(nil)))
	p.Y = 2
	return p, q == nil, nil
}

// ValuesTime passes times with zones and monotonic readings through ops and
// keeps them across awaits.
//
//fsmgen:job
func ValuesTime(ctx fsm.Context, t time.Time) (string, bool, error) {
	u := v(fsm.Await(ctx, When.Call(t)))
	z := v(fsm.Await(ctx, When.Call(time.Time{})))
	fsm.Await(ctx, Echo.Call(0))
	return u.Format(time.RFC3339Nano), z.IsZero() && u.Equal(t), nil
}

// ValuesNestedEmpty passes nested empty and nil slices.
//
//fsmgen:job
func ValuesNestedEmpty(ctx fsm.Context) ([][]string, error) {
	x := v(fsm.Await(ctx, Nested.Call([][]string{nil, {}, {""}})))
	fsm.Await(ctx, Echo.Call(0))
	return x, nil
}

// ValuesFloatsSpecial keeps special floats across awaits.
//
//fsmgen:job
func ValuesFloatsSpecial(ctx fsm.Context) ([]float64, error) {
	var zero float64
	negZero := -zero
	xs := []float64{negZero, math.Inf(1), math.Inf(-1), 5e-324, math.NaN()}
	fsm.Await(ctx, Echo.Call(0))
	xs = append(xs, v(fsm.Await(ctx, F64.Call(negZero))))
	return xs, nil
}

// ValuesInvalidUTF8 keeps strings with invalid UTF-8 across awaits and sends
// them through ops.
//
//fsmgen:job
func ValuesInvalidUTF8(ctx fsm.Context) (string, []string, map[string]int, error) {
	s := "a\xffb\xc0"
	xs := []string{"\xed\xa0\x80", "ok"}
	m := map[string]int{"\xfe": 1}
	fsm.Await(ctx, Echo.Call(0))
	t := v(fsm.Await(ctx, Str.Call(s+"\x80")))
	return t, xs, m, nil
}

var errSentinel = errors.New("sentinel")

// ValuesErrorIdentity compares an error kept across an await with a
// sentinel.
//
//fsmgen:job
func ValuesErrorIdentity(ctx fsm.Context) (bool, bool, error) {
	err := errSentinel
	fsm.Await(ctx, Echo.Call(0))
	return err == errSentinel, errors.Is(err, errSentinel), nil
}

// ArgAlias writes through one argument and reads another that the caller
// made share its array.
//
//fsmgen:job
func ArgAlias(ctx fsm.Context, a, b []int) ([]int, error) {
	a[0] = 9
	fsm.Await(ctx, Echo.Call(0))
	return b, nil
}
