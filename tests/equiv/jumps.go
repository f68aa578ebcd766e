package equiv

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// break and continue (plain and labeled), goto forward and backward, and return
// from anywhere, including named results and bare returns.

//fsmgen:job
func BreakLabeled(ctx fsm.Context) (int, int, error) {
	count := 0
	last := 0
outer:
	for i := 0; i < 5; i++ {
		for j := 0; j < 5; j++ {
			last = v(fsm.Await(ctx, Echo.Call(i*10+j)))
			if last == 23 {
				break outer
			}
			count++
		}
	}
	return count, last, nil
}

//fsmgen:job
func ContinueLabeled(ctx fsm.Context) (int, error) {
	sum := 0
outer:
	for i := range 4 {
		for j := range 4 {
			fsm.Await(ctx, Echo.Call(j))
			if j == i {
				continue outer
			}
			sum += j
		}
		sum += 1000 // never reached: j reaches i first
	}
	return sum, nil
}

// ContinueLabeledPost continues an outer loop whose post statement awaits.
//
//fsmgen:job
func ContinueLabeledPost(ctx fsm.Context) (int, error) {
	sum := 0
outer:
	for i := 0; i < 3; i = v(fsm.Await(ctx, Add.Call(Pair{A: i, B: 1}))) {
		for j := 0; ; j++ {
			if j > i {
				continue outer
			}
			sum += v(fsm.Await(ctx, Echo.Call(j+1)))
		}
	}
	return sum, nil
}

// BreakOutOfSwitch leaves a loop from a switch inside it.
//
//fsmgen:job
func BreakOutOfSwitch(ctx fsm.Context) (int, error) {
	i := 0
loop:
	for {
		switch v(fsm.Await(ctx, Echo.Call(i))) {
		case 3:
			break loop
		default:
			i++
		}
	}
	return i, nil
}

// ContinueFromSwitch continues a loop from inside a switch.
//
//fsmgen:job
func ContinueFromSwitch(ctx fsm.Context) (int, error) {
	odd := 0
	for i := range 5 {
		switch {
		case v(fsm.Await(ctx, Echo.Call(i)))%2 == 0:
			continue
		}
		odd += i
	}
	return odd, nil
}

// BreakLabeledRange breaks a labeled range loop from a nested for.
//
//fsmgen:job
func BreakLabeledRange(ctx fsm.Context, words []string) (string, error) {
	out := ""
words:
	for _, w := range words {
		for _, r := range w {
			s := v(fsm.Await(ctx, Str.Call(string(r))))
			if s == "!" {
				break words
			}
			if s == "-" {
				continue words
			}
			out += s
		}
		out += "/"
	}
	return out, nil
}

// BreakLabeledSwitch breaks a labeled switch from a loop inside it.
//
//fsmgen:job
func BreakLabeledSwitch(ctx fsm.Context) (int, error) {
	n := 0
sw:
	switch {
	case true:
		for i := 0; ; i++ {
			n += v(fsm.Await(ctx, Echo.Call(i)))
			if n > 5 {
				break sw
			}
		}
	}
	return n, nil
}

//fsmgen:job
func GotoForward(ctx fsm.Context, x int) (int, error) {
	a := v(fsm.Await(ctx, Echo.Call(x)))
	if a > 5 {
		goto done
	}
	a = v(fsm.Await(ctx, Echo.Call(a*10)))
done:
	return a, nil
}

//fsmgen:job
func GotoBackward(ctx fsm.Context) (int, error) {
	i, sum := 0, 0
top:
	if i < 4 {
		sum += v(fsm.Await(ctx, Echo.Call(i)))
		i++
		goto top
	}
	return sum, nil
}

// GotoLoop is a loop made of goto, re-declaring variables on each pass.
//
//fsmgen:job
func GotoLoop(ctx fsm.Context) (int, error) {
	i := 0
	sum := 0
again:
	x, err := fsm.Await(ctx, Echo.Call(i))
	if err != nil {
		return 0, err
	}
	sum += x
	i++
	if i < 5 {
		goto again
	}
	return sum, nil
}

// GotoOutOfLoops jumps out of nested loops to a label at the end.
//
//fsmgen:job
func GotoOutOfLoops(ctx fsm.Context, target int) (int, int, error) {
	fi, fj := -1, -1
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if v(fsm.Await(ctx, Echo.Call(i*3+j))) == target {
				fi, fj = i, j
				goto found
			}
		}
	}
	return -1, -1, nil
found:
	return fi, fj, nil
}

// GotoStates is a small hand-written state machine whose labels are named like
// what a generator might produce.
//
//fsmgen:job
func GotoStates(ctx fsm.Context, n int) (string, error) {
	out := ""
	i := 0
resume:
	if i >= n {
		goto L1
	}
	out += v(fsm.Await(ctx, Str.Call("r")))
	i++
	if i%2 == 0 {
		goto state0
	}
	goto resume
state0:
	out += v(fsm.Await(ctx, Str.Call("s")))
	goto resume
L1:
	return out, nil
}

// GotoSkipAwait jumps over an await.
//
//fsmgen:job
func GotoSkipAwait(ctx fsm.Context, skip bool) (int, error) {
	r := 1
	if skip {
		goto end
	}
	r += v(fsm.Await(ctx, Echo.Call(10)))
end:
	r += v(fsm.Await(ctx, Echo.Call(100)))
	return r, nil
}

//fsmgen:job
func ReturnInLoop(ctx fsm.Context, xs []int, target int) (int, error) {
	for i, x := range xs {
		if v(fsm.Await(ctx, Echo.Call(x))) == target {
			return i, nil
		}
	}
	return -1, nil
}

//fsmgen:job
func ReturnInSwitch(ctx fsm.Context, x int) (string, error) {
	for i := 0; ; i++ {
		switch v(fsm.Await(ctx, Echo.Call(i))) {
		case x:
			return "hit", nil
		case 10:
			return "limit", nil
		}
	}
}

// ReturnDeep returns from deep inside nested blocks.
//
//fsmgen:job
func ReturnDeep(ctx fsm.Context, n int) (int, error) {
	for i := range 3 {
		if i > 0 {
			switch {
			case n > 0:
				for j := range 3 {
					{
						if v(fsm.Await(ctx, Echo.Call(i+j))) == n {
							return i*10 + j, nil
						}
					}
				}
			}
		}
	}
	return -1, nil
}

//fsmgen:job
func NamedBare(ctx fsm.Context, x int) (out int, err error) {
	out, err = fsm.Await(ctx, Echo.Call(x))
	if err != nil {
		return
	}
	out *= 2
	return
}

//fsmgen:job
func NamedModified(ctx fsm.Context) (a int, b string, err error) {
	a = 1
	b = "x"
	fsm.Await(ctx, Echo.Call(0))
	a += 10
	b += v(fsm.Await(ctx, Str.Call("y")))
	return
}

// NamedOverride sets named results and then returns other values.
//
//fsmgen:job
func NamedOverride(ctx fsm.Context) (n int, err error) {
	n = v(fsm.Await(ctx, Echo.Call(3)))
	if n == 3 {
		return 5, nil
	}
	return
}

// NamedErrBare returns an activity's error through a named result.
//
//fsmgen:job
func NamedErrBare(ctx fsm.Context) (n int, err error) {
	n = 3
	_, err = fsm.Await(ctx, Fail.Call("n"))
	if err != nil {
		return
	}
	n = 4
	return
}

// NamedInLoop accumulates into a named result in a loop and returns bare from
// inside it.
//
//fsmgen:job
func NamedInLoop(ctx fsm.Context, limit int) (total int, steps int, err error) {
	for {
		var x int
		x, err = fsm.Await(ctx, Echo.Call(steps+1))
		if err != nil {
			return
		}
		total += x
		steps++
		if total >= limit {
			return
		}
	}
}

// NamedShadowed shadows a named result in a block and returns explicitly.
//
//fsmgen:job
func NamedShadowed(ctx fsm.Context) (r int, err error) {
	r = 1
	{
		r, err := fsm.Await(ctx, Echo.Call(50))
		if err == nil && r == 50 {
			fsm.Await(ctx, Echo.Call(r))
		}
	}
	r += v(fsm.Await(ctx, Echo.Call(2)))
	return r, err
}

// GotoRedeclare jumps back over a var declaration: the variable starts at zero
// on each pass.
//
//fsmgen:job
func GotoRedeclare(ctx fsm.Context) ([]int, error) {
	var out []int
	i := 0
again:
	var n int
	n += v(fsm.Await(ctx, Echo.Call(i+1)))
	out = append(out, n)
	i++
	if i < 3 {
		goto again
	}
	return out, nil
}

// NamedReturnExpr returns expressions that await, with named results.
//
//fsmgen:job
func NamedReturnExpr(ctx fsm.Context) (a int, s string, err error) {
	a = 1
	return a + v(fsm.Await(ctx, Echo.Call(a+1))), v(fsm.Await(ctx, Str.Call("n"))), e(fsm.Await(ctx, Fail.Call("named")))
}
