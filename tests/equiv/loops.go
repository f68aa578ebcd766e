package equiv

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// for loops: awaits in the init, condition, post statement and body; loops with
// only a condition; infinite loops; nested loops; per-iteration variables.

//fsmgen:job
func ForBody(ctx fsm.Context, n int) (int, error) {
	sum := 0
	for i := 0; i < n; i++ {
		x, err := fsm.Await(ctx, Echo.Call(i))
		if err != nil {
			return 0, err
		}
		sum += x
	}
	return sum, nil
}

// ForCond awaits in the condition: n+1 times for n iterations.
//
//fsmgen:job
func ForCond(ctx fsm.Context, n int) (int, error) {
	sum := 0
	for i := 0; i < v(fsm.Await(ctx, Echo.Call(n))); i++ {
		sum += i
	}
	return sum, nil
}

// ForPost awaits in the post statement.
//
//fsmgen:job
func ForPost(ctx fsm.Context, n int) (int, error) {
	sum := 0
	for i := 0; i < n; i = v(fsm.Await(ctx, Add.Call(Pair{A: i, B: 1}))) {
		sum += i
	}
	return sum, nil
}

// ForPostOpAssign awaits in a post statement of the form i += ...
//
//fsmgen:job
func ForPostOpAssign(ctx fsm.Context, n int) (int, error) {
	count := 0
	for i := 0; i < n; i += v(fsm.Await(ctx, Echo.Call(3))) {
		count++
	}
	return count, nil
}

//fsmgen:job
func ForInit(ctx fsm.Context) (int, error) {
	sum := 0
	for i := v(fsm.Await(ctx, Echo.Call(2))); i < 5; i++ {
		sum += i
	}
	return sum, nil
}

// ForAll awaits in all four places.
//
//fsmgen:job
func ForAll(ctx fsm.Context) (int, error) {
	sum := 0
	for i := v(fsm.Await(ctx, Echo.Call(0))); i < v(fsm.Await(ctx, Echo.Call(3))); i += v(fsm.Await(ctx, Echo.Call(1))) {
		sum += v(fsm.Await(ctx, Echo.Call(i*10)))
	}
	return sum, nil
}

//fsmgen:job
func ForCondOnly(ctx fsm.Context, n int) (int, error) {
	count := 0
	for n > 0 {
		n = v(fsm.Await(ctx, Add.Call(Pair{A: n, B: -1})))
		count++
	}
	return count*100 + n, nil
}

//fsmgen:job
func ForCondOnlyAwait(ctx fsm.Context, x int) (int, error) {
	for v(fsm.Await(ctx, Echo.Call(x))) < 10 {
		x += 3
	}
	return x, nil
}

//fsmgen:job
func ForInfinite(ctx fsm.Context) (int, error) {
	i := 0
	for {
		x := v(fsm.Await(ctx, Echo.Call(i)))
		if x >= 3 {
			break
		}
		i++
	}
	return i, nil
}

//fsmgen:job
func ForInfiniteReturn(ctx fsm.Context, limit int) (int, error) {
	total := 0
	for {
		total += v(fsm.Await(ctx, Echo.Call(7)))
		if total > limit {
			return total, nil
		}
	}
}

//fsmgen:job
func ForNested(ctx fsm.Context, n, m int) (int, error) {
	sum := 0
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			sum += v(fsm.Await(ctx, Echo.Call(i*m+j)))
		}
	}
	return sum, nil
}

// ForTriangle nests a loop whose bound is the outer variable.
//
//fsmgen:job
func ForTriangle(ctx fsm.Context, n int) ([]int, error) {
	var out []int
	for i := 0; i < n; i++ {
		row := 0
		for j := 0; j < i; j++ {
			row += v(fsm.Await(ctx, Echo.Call(j+1)))
		}
		out = append(out, row)
	}
	return out, nil
}

// ForNestedThree keeps three loop variables live.
//
//fsmgen:job
func ForNestedThree(ctx fsm.Context) (int, error) {
	sum := 0
	for i := 1; i <= 2; i++ {
		for j := 1; j <= 2; j++ {
			for k := 1; k <= 2; k++ {
				sum += i * 100 * v(fsm.Await(ctx, Echo.Call(1)))
				sum += j * 10
				sum += k * v(fsm.Await(ctx, Echo.Call(1)))
			}
		}
	}
	return sum, nil
}

// ForPerIteration uses the loop variable after the await of each iteration, also
// from a closure made after the await.
//
//fsmgen:job
func ForPerIteration(ctx fsm.Context) ([]int, error) {
	var out []int
	for i := 0; i < 3; i++ {
		x := v(fsm.Await(ctx, Echo.Call(i*10)))
		f := func() int { return i + x }
		out = append(out, f())
	}
	return out, nil
}

// ForPerIterationModified changes the loop variable in the body: the change
// carries into the next iteration.
//
//fsmgen:job
func ForPerIterationModified(ctx fsm.Context) ([]int, error) {
	var out []int
	for i := 0; i < 10; i++ {
		i += v(fsm.Await(ctx, Echo.Call(2)))
		out = append(out, i)
	}
	return out, nil
}

//fsmgen:job
func ForContinue(ctx fsm.Context, n int) (int, error) {
	sum := 0
	for i := 0; i < n; i++ {
		x := v(fsm.Await(ctx, Echo.Call(i)))
		if x%2 == 0 {
			continue
		}
		sum += x
	}
	return sum, nil
}

// ForContinuePost: continue must run the post statement, which awaits.
//
//fsmgen:job
func ForContinuePost(ctx fsm.Context) (int, error) {
	sum := 0
	for i := 0; i < 4; i = v(fsm.Await(ctx, Add.Call(Pair{A: i, B: 1}))) {
		if i%2 == 0 {
			continue
		}
		sum += i
	}
	return sum, nil
}

// ForBreakAfterAwait breaks in the middle of the body after awaits.
//
//fsmgen:job
func ForBreakAfterAwait(ctx fsm.Context) (int, int, error) {
	i, sum := 0, 0
	for ; i < 100; i++ {
		sum += v(fsm.Await(ctx, Echo.Call(i)))
		if sum > 10 {
			break
		}
		sum += v(fsm.Await(ctx, Echo.Call(1)))
	}
	return i, sum, nil
}

// ForCondShortCircuit stops awaiting in the condition once its left side is
// false.
//
//fsmgen:job
func ForCondShortCircuit(ctx fsm.Context, n int) (int, error) {
	i := 0
	for i < n && v(fsm.Await(ctx, Echo.Call(i))) != 3 {
		i++
	}
	return i, nil
}

// ManyAwaits suspends n times.
//
//fsmgen:job
func ManyAwaits(ctx fsm.Context, n int) (int, error) {
	sum := 0
	for i := 0; i < n; i++ {
		x, err := fsm.Await(ctx, Echo.Call(i))
		if err != nil {
			return 0, err
		}
		sum += x
	}
	return sum, nil
}

// ManyAwaitsNested suspends rows*cols times in nested range loops.
//
//fsmgen:job
func ManyAwaitsNested(ctx fsm.Context, rows, cols int) (int, error) {
	sum := 0
	for i := range rows {
		for range cols {
			sum += v(fsm.Await(ctx, Echo.Call(i)))
		}
	}
	return sum, nil
}

// ForGrowing builds a slice across awaits.
//
//fsmgen:job
func ForGrowing(ctx fsm.Context, n int) ([]string, error) {
	var out []string
	for i := 0; i < n; i++ {
		s := v(fsm.Await(ctx, Str.Call(string(rune('a'+i)))))
		out = append(out, s)
	}
	return out, nil
}

// ForBodyVarReset declares variables in the loop body: each iteration starts
// them at zero again.
//
//fsmgen:job
func ForBodyVarReset(ctx fsm.Context) ([]int, error) {
	var out []int
	for i := range 3 {
		var x int
		var s []int
		var p Pair
		x += v(fsm.Await(ctx, Echo.Call(i)))
		s = append(s, x)
		p.B += v(fsm.Await(ctx, Echo.Call(1)))
		out = append(out, len(s)*100+x*10+p.A+p.B)
	}
	return out, nil
}
