package equiv

import (
	"fmt"
	"strconv"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Jobs of every result shape, jobs without awaits, and errors from activities.

//fsmgen:job
func NoResults(ctx fsm.Context, x int) {
	fsm.Await(ctx, Record.Call("nores:"+strconv.Itoa(x)))
}

//fsmgen:job
func NoResultsEarlyReturn(ctx fsm.Context, x int) {
	if x > 0 {
		fsm.Await(ctx, Record.Call("pos"))
		return
	}
	fsm.Await(ctx, Record.Call("neg"))
	fsm.Await(ctx, Record.Call("neg2"))
}

//fsmgen:job
func ManyResults(ctx fsm.Context, x int) (int, string, float64, bool, []int, error) {
	a, err := fsm.Await(ctx, Echo.Call(x))
	if err != nil {
		return 0, "", 0, false, nil, err
	}
	s, err := fsm.Await(ctx, Str.Call("s"))
	if err != nil {
		return 0, "", 0, false, nil, err
	}
	return a, s + s, float64(a) / 4, a%2 == 0, []int{a, a * a}, nil
}

//fsmgen:job
func OnlyError(ctx fsm.Context, s string) error {
	_, err := fsm.Await(ctx, Fail.Call(s))
	return err
}

//fsmgen:job
func OnlyErrorNil(ctx fsm.Context) error {
	_, err := fsm.Await(ctx, Echo.Call(1))
	return err
}

//fsmgen:job
func NoAwaits(ctx fsm.Context, n int) (int, error) {
	sum := 0
	for i := range n {
		if i%2 == 0 {
			sum += i
		}
	}
	return sum, nil
}

//fsmgen:job
func NoAwaitsNoResults(ctx fsm.Context) {}

// ErrHandledLoop handles the errors of odd numbers and goes on.
//
//fsmgen:job
func ErrHandledLoop(ctx fsm.Context, n int) (int, int, string, error) {
	sum, errs, last := 0, 0, ""
	for i := range n {
		x, err := fsm.Await(ctx, Even.Call(i))
		if err != nil {
			errs++
			last = err.Error()
			continue
		}
		sum += x
	}
	return sum, errs, last, nil
}

//fsmgen:job
func ErrReturn(ctx fsm.Context, s string) (int, error) {
	x, err := fsm.Await(ctx, Fail.Call(s))
	if err != nil {
		return 0, err
	}
	return x, nil
}

//fsmgen:job
func ErrAfterSuccess(ctx fsm.Context) (int, error) {
	a, err := fsm.Await(ctx, Echo.Call(1))
	if err != nil {
		return 0, err
	}
	_, err = fsm.Await(ctx, Fail.Call("second"))
	if err != nil {
		return a, err
	}
	return -1, nil
}

// ErrValueAndError returns a value with the error.
//
//fsmgen:job
func ErrValueAndError(ctx fsm.Context) (int, error) {
	x, err := fsm.Await(ctx, Fail.Call("v"))
	return x + 7, err
}

// ErrText uses the error's text after the await that produced it.
//
//fsmgen:job
func ErrText(ctx fsm.Context) (string, error) {
	_, err := fsm.Await(ctx, Fail.Call("w"))
	return err.Error() + "|" + fmt.Sprintf("%v", err), nil
}

// ErrLive keeps an activity's error alive across a later await.
//
//fsmgen:job
func ErrLive(ctx fsm.Context) (string, error) {
	_, err1 := fsm.Await(ctx, Fail.Call("one"))
	y, err2 := fsm.Await(ctx, Echo.Call(2))
	if err1 != nil && err2 == nil {
		return err1.Error() + strconv.Itoa(y), nil
	}
	return "", err2
}

// ErrLiveReturned returns, after more awaits, an error produced by an earlier one.
//
//fsmgen:job
func ErrLiveReturned(ctx fsm.Context) (int, error) {
	_, first := fsm.Await(ctx, Fail.Call("first"))
	sum := 0
	for i := range 3 {
		sum += v(fsm.Await(ctx, Echo.Call(i)))
	}
	return sum, first
}

// ErrInExpr takes the error of an await inside an expression.
//
//fsmgen:job
func ErrInExpr(ctx fsm.Context) (string, error) {
	return e(fsm.Await(ctx, Fail.Call("x"))).Error() + "!", nil
}

// ErrFirstOf stops at the first failing activity of a list.
//
//fsmgen:job
func ErrFirstOf(ctx fsm.Context, xs []int) (int, error) {
	sum := 0
	for _, x := range xs {
		y, err := fsm.Await(ctx, Even.Call(x))
		if err != nil {
			return sum, err
		}
		sum += y
	}
	return sum, nil
}
