package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Loops, labels, goto, break, continue and returns.

// JumpPostAwaitContinue awaits in the post statement and continues in the
// body.
//
//fsmgen:job
func JumpPostAwaitContinue(ctx fsm.Context) (int, error) {
	sum := 0
	for i := 0; i < 10; i += v(fsm.Await(ctx, Echo.Call(3))) {
		if i%2 == 0 {
			continue
		}
		sum += i
	}
	return sum, nil
}

// JumpEmptyBodies has loops whose bodies are empty.
//
//fsmgen:job
func JumpEmptyBodies(ctx fsm.Context) (int, int, error) {
	i := 0
	for ; i < v(fsm.Await(ctx, Echo.Call(3))); i++ {
	}
	j := 0
	for j < 4 {
		j = v(fsm.Await(ctx, Inc.Call(j)))
	}
	k := 0
	for k = 0; k < 2; k = v(fsm.Await(ctx, Inc.Call(k))) {
	}
	for range 2 {
	}
	return i, j + k, nil
}

// JumpInfinite loops forever until a return inside a nested if.
//
//fsmgen:job
func JumpInfinite(ctx fsm.Context) (int, error) {
	n := 0
	for {
		n = v(fsm.Await(ctx, Inc.Call(n)))
		if n >= 3 {
			if n == 3 {
				return n * 10, nil
			}
		}
	}
}

// JumpGotoAfterAwait jumps to a label right after an await.
//
//fsmgen:job
func JumpGotoAfterAwait(ctx fsm.Context) (int, error) {
	n := 0
	fsm.Await(ctx, Echo.Call(0))
again:
	n++
	if n < 3 {
		goto again
	}
	x, _ := fsm.Await(ctx, Echo.Call(n))
	if x < 5 {
		n += 10
		goto again
	}
	return n, nil
}

// JumpGotoOutOfLoop leaves an infinite loop that awaits with goto; the
// label's statement is reached only by the goto.
//
//fsmgen:job
func JumpGotoOutOfLoop(ctx fsm.Context) (int, error) {
	n := 0
	for i := 0; ; i++ {
		if v(fsm.Await(ctx, Echo.Call(i))) > 2 {
			goto done
		}
		n += i
	}
done:
	return n, nil
}

// JumpGotoForward skips over code, including over an await.
//
//fsmgen:job
func JumpGotoForward(ctx fsm.Context, skip bool) (int, error) {
	n := 1
	if skip {
		goto after
	}
	n += v(fsm.Await(ctx, Echo.Call(10)))
after:
	n += v(fsm.Await(ctx, Echo.Call(100)))
	return n, nil
}

// JumpLabeledBlock puts a label on a block and jumps back to it.
//
//fsmgen:job
func JumpLabeledBlock(ctx fsm.Context) (int, error) {
	n := 0
block:
	{
		n += v(fsm.Await(ctx, Echo.Call(2)))
		if n < 6 {
			goto block
		}
	}
	return n, nil
}

// JumpLabeledNested breaks and continues outer loops from inner ones.
//
//fsmgen:job
func JumpLabeledNested(ctx fsm.Context) (int, error) {
	n := 0
outer:
	for i := 0; i < 4; i++ {
	inner:
		for j := 0; j < 4; j++ {
			x := v(fsm.Await(ctx, Echo.Call(i*10+j)))
			switch {
			case j == 1 && i == 0:
				continue outer
			case j == 2:
				break inner
			case i == 3:
				break outer
			}
			n += x
		}
		n += 1000
	}
	return n, nil
}

// JumpUnusedLabelAfterRewrite labels a loop that awaits; only a break uses
// the label.
//
//fsmgen:job
func JumpUnusedLabelAfterRewrite(ctx fsm.Context) (int, error) {
	n := 0
L:
	for {
		n = v(fsm.Await(ctx, Inc.Call(n)))
		if n > 2 {
			break L
		}
	}
	return n, nil
}

// JumpBreakInsideVerbatimLoop has an inner loop without awaits that breaks
// and continues itself, inside a loop that awaits.
//
//fsmgen:job
func JumpBreakInsideVerbatimLoop(ctx fsm.Context) (int, error) {
	n := 0
	for i := range 3 {
		for j := 0; j < 10; j++ {
			if j == 2 {
				break
			}
			if j == 0 {
				continue
			}
			n += j
		}
		n += v(fsm.Await(ctx, Echo.Call(i)))
	}
	return n, nil
}

// JumpClosureWithReturn has a closure with its own return, loop and break in
// a loop that awaits.
//
//fsmgen:job
func JumpClosureWithReturn(ctx fsm.Context) (int, error) {
	n := 0
	for i := 0; i < 3; i++ {
		y := v(fsm.Await(ctx, Echo.Call(i)))
		f := func(x int) int {
			for k := 0; ; k++ {
				if k == x {
					break
				}
			}
			if x > 1 {
				return x * 100
			}
			return x
		}
		n += f(y)
	}
	return n, nil
}

// JumpReturnEverywhere returns from several depths.
//
//fsmgen:job
func JumpReturnEverywhere(ctx fsm.Context, k int) (r int, s string, err error) {
	r = v(fsm.Await(ctx, Echo.Call(k)))
	if r == 0 {
		return
	}
	for i := 0; i < 3; i++ {
		s += v(fsm.Await(ctx, Str.Call("x")))
		if i == r {
			return r * 10, s, nil
		}
		switch r {
		case 5:
			s = "five"
			return
		}
	}
	if r == 7 {
		_, err = fsm.Await(ctx, Fail.Call("seven"))
		return
	}
	return -r, s, nil
}

// JumpForInitAwaits awaits in a 3-clause loop's init, condition and post.
//
//fsmgen:job
func JumpForInitAwaits(ctx fsm.Context) (int, error) {
	s := 0
	for i, j := v(fsm.Await(ctx, Echo.Call(1))), v(fsm.Await(ctx, Echo.Call(4))); i < v(fsm.Await(ctx, Echo.Call(j))); i, j = i+1, j-v(fsm.Await(ctx, Echo.Call(1))) {
		s += i*10 + j
	}
	return s, nil
}

// JumpPerIterationClosures captures loop variables in closures called at
// once, and modifies the loop variable in the body.
//
//fsmgen:job
func JumpPerIterationClosures(ctx fsm.Context) (int, error) {
	s := 0
	for i := 0; i < 6; i++ {
		get := func() int { return i }
		s += get() * v(fsm.Await(ctx, Echo.Call(1)))
		func() { i++ }()
	}
	return s, nil
}

// JumpGotoLoop builds a loop out of goto around an await and declarations.
//
//fsmgen:job
func JumpGotoLoop(ctx fsm.Context) (int, error) {
	i := 0
	total := 0
top:
	x := v(fsm.Await(ctx, Echo.Call(i)))
	y := x * 2
	total += y
	i++
	if i < 4 {
		goto top
	}
	return total, nil
}

// JumpIfElseChain has else-if chains with init statements that await.
//
//fsmgen:job
func JumpIfElseChain(ctx fsm.Context, k int) (string, error) {
	if x := v(fsm.Await(ctx, Echo.Call(k))); x == 1 {
		return "one", nil
	} else if y := v(fsm.Await(ctx, Echo.Call(x*2))); y == 4 {
		return "two", nil
	} else if z, err := fsm.Await(ctx, Odd.Call(y+x)); err != nil {
		return "err:" + err.Error(), nil
	} else if z > 10 {
		return "big", nil
	} else {
		return "other" + string(rune('0'+z)), nil
	}
}

// JumpDeadEndLoop ends the function with an infinite loop that returns.
//
//fsmgen:job
func JumpDeadEndLoop(ctx fsm.Context) (n int, err error) {
	for {
		n += v(fsm.Await(ctx, Echo.Call(5)))
		switch {
		case n > 12:
			return
		}
	}
}
