package equiv

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// if / else if / else with awaits in the init statement, the condition and the
// branches.

//fsmgen:job
func IfInit(ctx fsm.Context, x int) (int, error) {
	if y, err := fsm.Await(ctx, Echo.Call(x)); err != nil {
		return 0, err
	} else if y > 10 {
		return y * 2, nil
	} else {
		return y, nil
	}
}

// IfInitLive uses the init variable in a branch after another await.
//
//fsmgen:job
func IfInitLive(ctx fsm.Context, x int) (int, error) {
	if y, _ := fsm.Await(ctx, Echo.Call(x)); y > 100 {
		return y, nil
	} else {
		z := v(fsm.Await(ctx, Echo.Call(y+1)))
		return y * z, nil
	}
}

// IfCond evaluates the else-if condition (and its await) only when the first
// condition is false.
//
//fsmgen:job
func IfCond(ctx fsm.Context, x int) (string, error) {
	if v(fsm.Await(ctx, Echo.Call(x))) > 3 {
		return "big", nil
	} else if v(fsm.Await(ctx, Echo.Call(x*2))) > 3 {
		return "mid", nil
	} else {
		return "small", nil
	}
}

// IfCondBool awaits a bool as the whole condition.
//
//fsmgen:job
func IfCondBool(ctx fsm.Context, x int) (int, error) {
	n := 0
	if v(fsm.Await(ctx, Positive.Call(x))) {
		n += 1
	}
	if !v(fsm.Await(ctx, Positive.Call(x-5))) {
		n += 10
	}
	return n, nil
}

// IfBranches awaits a different number of times in each branch, then once more.
//
//fsmgen:job
func IfBranches(ctx fsm.Context, x int) (int, error) {
	r := 0
	if x < 0 {
		r = v(fsm.Await(ctx, Echo.Call(-x)))
	} else if x == 0 {
		r = v(fsm.Await(ctx, Echo.Call(100)))
		r += v(fsm.Await(ctx, Echo.Call(200)))
	} else {
		for i := range 3 {
			r += v(fsm.Await(ctx, Echo.Call(x+i)))
		}
	}
	r += v(fsm.Await(ctx, Echo.Call(1000)))
	return r, nil
}

// IfElseInitShadow declares x in the if and again in the else-if init.
//
//fsmgen:job
func IfElseInitShadow(ctx fsm.Context, a int) (int, error) {
	if x, _ := fsm.Await(ctx, Echo.Call(a)); x > 5 {
		return x, nil
	} else if x, _ := fsm.Await(ctx, Echo.Call(x+10)); x > 12 {
		return x * 2, nil
	} else {
		return x * 3, nil
	}
}

// IfNested nests ifs and uses outer variables in inner branches after awaits.
//
//fsmgen:job
func IfNested(ctx fsm.Context, a, b int) (int, error) {
	outer := a * 10
	if a > 0 {
		mid := v(fsm.Await(ctx, Echo.Call(a)))
		if b > 0 {
			inner := v(fsm.Await(ctx, Echo.Call(b)))
			return outer + mid + inner, nil
		} else {
			fsm.Await(ctx, Echo.Call(0))
			return outer + mid, nil
		}
	}
	if b > 0 {
		return outer + v(fsm.Await(ctx, Echo.Call(b))), nil
	}
	return outer, nil
}

// IfNoElse changes a variable in a branch without else; code after the if sees
// it.
//
//fsmgen:job
func IfNoElse(ctx fsm.Context, x int) (int, error) {
	r := 1
	if x > 0 {
		r = v(fsm.Await(ctx, Echo.Call(x)))
	}
	if x > 10 {
		r *= 2
	}
	if x%2 == 0 {
		r += v(fsm.Await(ctx, Echo.Call(1)))
	}
	return r, nil
}

// IfErrChain is the usual chain of error checks, with a failing step chosen by
// the caller.
//
//fsmgen:job
func IfErrChain(ctx fsm.Context, failAt int) (int, error) {
	total := 0
	for step := range 4 {
		var x int
		var err error
		if step == failAt {
			x, err = fsm.Await(ctx, Fail.Call("step"))
		} else {
			x, err = fsm.Await(ctx, Echo.Call(step+1))
		}
		if err != nil {
			return total, err
		}
		total += x
	}
	return total, nil
}
