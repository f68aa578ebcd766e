package equiv

import (
	"errors"
	"fmt"
	"strconv"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Composition: jobs calling jobs of the same package as functions. The
// callee's machine nests in the caller's state, and each of its awaits
// suspends the caller.

// Double awaits twice; most of the jobs below call it.
//
//fsmgen:job
func Double(ctx fsm.Context, x int) (int, error) {
	a := v(fsm.Await(ctx, Echo.Call(x)))
	b, err := fsm.Await(ctx, Echo.Call(x))
	return a + b, err
}

// ComposeSeq calls Double twice, with variables of its own live across the
// calls.
//
//fsmgen:job
func ComposeSeq(ctx fsm.Context, x int) (int, error) {
	total := x
	d, err := Double(ctx, x)
	if err != nil {
		return 0, err
	}
	total += d
	d2, err := Double(ctx, total)
	return total*1000 + d2, err
}

// ComposeLoop calls a job in a loop, inside an expression.
//
//fsmgen:job
func ComposeLoop(ctx fsm.Context, xs []int) (int, error) {
	sum := 0
	for i, x := range xs {
		sum += (i + 1) * v(Double(ctx, x))
	}
	return sum, nil
}

// ComposeOrder evaluates operands left to right: the helper calls to the left
// of each job call run before it, those to the right after.
//
//fsmgen:job
func ComposeOrder(ctx fsm.Context, a, b int) (string, error) {
	resetTrace()
	s := fmt.Sprint(tr("left", a), v(Double(ctx, a))+v(Double(ctx, b)), tr("right", b))
	return s + " " + traceStr(), nil
}

// Triple has one result, no error.
//
//fsmgen:job
func Triple(ctx fsm.Context, x int) int {
	return v(fsm.Await(ctx, Echo.Call(x))) * 3
}

// Note has no results.
//
//fsmgen:job
func Note(ctx fsm.Context, s string) {
	fsm.Await(ctx, Record.Call(s))
}

// ComposeKinds calls jobs with one result, none, and in a condition.
//
//fsmgen:job
func ComposeKinds(ctx fsm.Context, x int) (string, error) {
	n := Triple(ctx, x) + 1
	Note(ctx, "after "+strconv.Itoa(n))
	if Triple(ctx, n) > 20 {
		return "big " + strconv.Itoa(n), nil
	}
	return "small " + strconv.Itoa(n), nil
}

// Failing fails with the activity's error.
//
//fsmgen:job
func Failing(ctx fsm.Context, s string) (int, error) {
	n, err := fsm.Await(ctx, Fail.Call(s))
	if err != nil {
		return -1, fmt.Errorf("failing %s: %w", s, err)
	}
	return n, nil
}

// ComposeError sees the nested job's error, wrapped, as the function does.
//
//fsmgen:job
func ComposeError(ctx fsm.Context, s string) (string, error) {
	n, err := Failing(ctx, s)
	if err != nil {
		return fmt.Sprintf("%d %v %t", n, err, errors.Unwrap(err) != nil), nil
	}
	return "no error", nil
}

// ComposeReturn returns a job's results directly, and passes them on as all
// the arguments of a call.
//
//fsmgen:job
func ComposeReturn(ctx fsm.Context, x int) (int, error) {
	if x < 0 {
		return Double(ctx, -x)
	}
	s := pairText(Double(ctx, x))
	return len(s), nil
}

func pairText(n int, err error) string { return fmt.Sprint(n, err) }

// ComposeDeep nests three levels: ComposeDeep → ComposeSeq → Double.
//
//fsmgen:job
func ComposeDeep(ctx fsm.Context, x int) (int, error) {
	a, err := ComposeSeq(ctx, x)
	if err != nil {
		return 0, err
	}
	b := v(fsm.Await(ctx, Echo.Call(a)))
	return b + v(ComposeSeq(ctx, 1)), nil
}

// ComposeVariadic calls a variadic job with separate arguments, none, and a
// slice.
//
//fsmgen:job
func ComposeVariadic(ctx fsm.Context, xs []int) (int, error) {
	a := v(Sum(ctx, 1, 2))
	b := v(Sum(ctx))
	c := v(Sum(ctx, xs...))
	return a*10000 + b*100 + c, nil
}

// Plain never awaits: calling it is an ordinary call.
//
//fsmgen:job
func Plain(ctx fsm.Context, x int) (int, error) {
	return x + 1, nil
}

// ComposePlain calls a job that never awaits, and one that does.
//
//fsmgen:job
func ComposePlain(ctx fsm.Context, x int) (int, error) {
	y := v(Plain(ctx, x))
	z := v(Double(ctx, y))
	return v(Plain(ctx, z)), nil
}

// ComposeSwitch calls jobs in switch cases and a tag.
//
//fsmgen:job
func ComposeSwitch(ctx fsm.Context, x int) (string, error) {
	switch v(Double(ctx, x)) {
	case v(Double(ctx, 1)):
		return "one", nil
	case Triple(ctx, 2):
		return "three of two", nil
	default:
		return "other", nil
	}
}

// ComposeMethod calls method jobs of a value (methods.go), changing the
// receiver between the calls: each call's machine takes the receiver as it
// is at the call.
//
//fsmgen:job
func ComposeMethod(ctx fsm.Context, base int) (int, error) {
	c := Counter{Base: base}
	a, err := c.Count(ctx, 2)
	if err != nil {
		return 0, err
	}
	c.Base = a * 10
	b := v(c.AddAll(ctx, 1, 2))
	return a*1000 + b + c.Base, nil
}

// MakeCounter is a job that gives a Counter.
//
//fsmgen:job
func MakeCounter(ctx fsm.Context, b int) Counter {
	return Counter{Base: v(fsm.Await(ctx, Echo.Call(b)))}
}

// ComposeMethodExprs calls method jobs on receivers that are expressions: a
// map element, and the result of another job call, itself nested.
//
//fsmgen:job
func ComposeMethodExprs(ctx fsm.Context, base int) (int, error) {
	cs := map[string]Counter{"a": {Base: base}}
	x := v(cs["a"].Count(ctx, 2))
	y := v(MakeCounter(ctx, x).Count(ctx, 1))
	return x*100 + y, nil
}
