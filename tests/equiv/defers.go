package equiv

import (
	"fmt"
	"sort"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// note appends label(x) to *s: a deferred call of a function of the package,
// with its arguments evaluated at the defer statement.
func note(s *string, label string, x int) { *s += fmt.Sprintf(" %s(%d)", label, x) }

// DeferOrder registers defers before and between awaits: they run last in,
// first out, after the return sets the named result, with the arguments
// they were given at their defer statements.
//
//fsmgen:job
func DeferOrder(ctx fsm.Context, n int) (out string, err error) {
	defer func() { out += " first" }()
	x := n
	defer note(&out, "second", x)
	x = v(fsm.Await(ctx, Echo.Call(x+1)))
	defer func(at int) { out += fmt.Sprintf(" third(%d,%d)", at, x) }(x)
	x = v(fsm.Await(ctx, Echo.Call(x*10)))
	return fmt.Sprint(x), nil
}

// DeferRecover recovers a panic that happens after a resume, or before the
// first await, and turns it into the job's error.
//
//fsmgen:job
func DeferRecover(ctx fsm.Context, i int) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if i < 0 {
		panic(fmt.Sprintf("negative %d", i))
	}
	n = v(fsm.Await(ctx, Echo.Call(i)))
	xs := []int{1, 2, 3}
	return xs[n], nil
}

// DeferPanics lets a panic go on after its deferred calls ran.
//
//fsmgen:job
func DeferPanics(ctx fsm.Context, i int) (int, error) {
	defer tr("deferred", 0)
	n := v(fsm.Await(ctx, Echo.Call(i)))
	if n > 0 {
		panic("too big")
	}
	return n, nil
}

// counterBox is a value with methods of both receiver kinds.
type counterBox struct {
	n int
}

func (t counterBox) show(s *string) { *s += fmt.Sprintf(" value(%d)", t.n) }

func (t *counterBox) add(k int) { t.n += k }

// DeferMethods defers methods: one with a value receiver (a copy of t made at
// the defer statement), one with a pointer receiver (t itself, as it is when
// the call runs), and one on a pointer with a value receiver (a copy of *p).
//
//fsmgen:job
func DeferMethods(ctx fsm.Context, k int) (out string, err error) {
	t := counterBox{n: k}
	p := &counterBox{n: 7}
	defer func() { out += fmt.Sprintf(" final(%d,%d)", t.n, p.n) }()
	defer t.add(100)
	defer t.show(&out)
	defer p.show(&out)
	p.n = 8
	t.n = v(fsm.Await(ctx, Echo.Call(t.n+1)))
	return fmt.Sprint(t.n), nil
}

// DeferStd defers a function of the standard library and a builtin, on
// values that share memory with the results.
//
//fsmgen:job
func DeferStd(ctx fsm.Context, xs []int) (out []int, m map[string]int) {
	m = map[string]int{"a": 1, "b": 2}
	defer delete(m, "a")
	m["c"] = v(fsm.Await(ctx, Echo.Call(3)))
	out = append(out, xs...)
	defer sort.Ints(out)
	return out, m
}

// DeferCount doubles its result on every way out: a return with a value from
// inside a loop, and a bare return.
//
//fsmgen:job
func DeferCount(ctx fsm.Context, n int) (total int) {
	defer func() { total *= 2 }()
	for i := 0; i < n; i++ {
		total += v(fsm.Await(ctx, Echo.Call(i)))
		if total > 10 {
			return total + 1000
		}
	}
	return
}

// DeferLate registers its defer only after an await and a return that must
// not run it.
//
//fsmgen:job
func DeferLate(ctx fsm.Context, n int) (s string, err error) {
	if n < 0 {
		return "neg", nil
	}
	x := v(fsm.Await(ctx, Echo.Call(n)))
	if x == 0 {
		return "zero", nil
	}
	defer func() { s = "[" + s + "]" }()
	y := v(fsm.Await(ctx, Echo.Call(x+1)))
	return fmt.Sprint(y), nil
}

// withCleanup is a job with a defer, nested in DeferNested.
//
//fsmgen:job
func withCleanup(ctx fsm.Context, x int) (r int, err error) {
	defer func() { r += 1000 }()
	r = v(fsm.Await(ctx, Echo.Call(x)))
	return r * 2, nil
}

// DeferNested calls a job with a defer of its own.
//
//fsmgen:job
func DeferNested(ctx fsm.Context, x int) (out int, err error) {
	defer func() { out = -out }()
	a, err := withCleanup(ctx, x)
	if err != nil {
		return 0, err
	}
	b := v(fsm.Await(ctx, Echo.Call(a)))
	return b + 1, nil
}

// DeferUnnamed has unnamed results: a deferred call cannot change them, and
// a recovered panic returns their zero values.
//
//fsmgen:job
func DeferUnnamed(ctx fsm.Context, i int) (string, int) {
	x := i
	defer func() {
		recover()
		x = -1
	}()
	x = v(fsm.Await(ctx, Echo.Call(x+1)))
	if x > 5 {
		panic("big")
	}
	return "x", x
}

// join appends its arguments to *s.
func join(s *string, xs ...int) { *s += fmt.Sprint(xs) }

// pair returns two values, for a deferred call given a call's results.
func pair(x int) (*string, int) { return &pairOut, x }

var pairOut string

// DeferForms defers a variadic call given a slice, a call given another
// call's results, and a method expression; all arguments are evaluated at
// their defer statements.
//
//fsmgen:job
func DeferForms(ctx fsm.Context, n int) (out string, err error) {
	pairOut = ""
	xs := []int{n, n + 1}
	defer join(&out, xs...)
	defer join(pair(n))
	c := counterBox{n: n}
	defer counterBox.show(c, &out)
	c.n = v(fsm.Await(ctx, Echo.Call(n*3)))
	out = fmt.Sprint(c.n, " ")
	return out, nil
}
