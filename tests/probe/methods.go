package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Method jobs and parameters.

// Counter is a non-struct named type with value-receiver jobs.
type Counter int

// Count awaits c times.
//
//fsmgen:job
func (c Counter) Count(ctx fsm.Context, step int) (Counter, error) {
	for range int(c) {
		c += Counter(v(fsm.Await(ctx, Echo.Call(step))))
	}
	return c, nil
}

// Named uses a receiver named m, like the machine's receiver.
//
//fsmgen:job
func (m Counter) Named(ctx fsm.Context, in int) (int, error) {
	st := int(m) + v(fsm.Await(ctx, Echo.Call(in)))
	return st + int(m), nil
}

// Blank has an unnamed receiver and blank parameters.
//
//fsmgen:job
func (Counter) Blank(ctx fsm.Context, _ int, x int, _ string) (int, error) {
	return v(fsm.Await(ctx, Echo.Call(x))), nil
}

// Incr has a pointer receiver; jobs may call it on their value receiver.
func (c *Counter) Incr() { *c++ }

// SelfPtrMethod calls a pointer method on its own value receiver between
// awaits.
//
//fsmgen:job
func (c Counter) SelfPtrMethod(ctx fsm.Context) (Counter, error) {
	c.Incr()
	fsm.Await(ctx, Echo.Call(int(c)))
	c.Incr()
	fsm.Await(ctx, Echo.Call(int(c)))
	return c, nil
}

// Cart is a struct with a slice field.
type Cart struct {
	Owner string
	Lines []int
	Tags  map[string]bool
}

// Total awaits per line and changes its receiver copy.
//
//fsmgen:job
func (c Cart) Total(ctx fsm.Context, extra ...int) (int, Cart, error) {
	t := 0
	for i, l := range c.Lines {
		c.Lines[i] = v(fsm.Await(ctx, Echo.Call(l*2)))
		t += c.Lines[i]
	}
	for _, e := range extra {
		t += v(fsm.Await(ctx, Echo.Call(e)))
	}
	c.Owner += "!"
	c.Lines = append(c.Lines, t)
	return t, c, nil
}

// Variadic takes only a variadic parameter besides the Context.
//
//fsmgen:job
func Variadic(ctx fsm.Context, names ...string) (string, int, error) {
	s := ""
	for _, n := range names {
		s += v(fsm.Await(ctx, Upper.Call(n)))
	}
	names = append(names, "z")
	return s, len(names), nil
}

// Acc is a struct with a pointer method.
type Acc struct {
	N int
}

func (a *Acc) Add(x int) { a.N += x }

// PtrMethodOnLocal calls a pointer method on a local held across awaits.
//
//fsmgen:job
func PtrMethodOnLocal(ctx fsm.Context) (int, error) {
	var a Acc
	for i := range 3 {
		a.Add(v(fsm.Await(ctx, Echo.Call(i+1))))
	}
	return a.N, nil
}

// MethodExprUse uses a method expression and a method value of Counter in a
// job.
//
//fsmgen:job
func MethodExprUse(ctx fsm.Context) (int, error) {
	c := Counter(v(fsm.Await(ctx, Echo.Call(2))))
	inc := (*Counter).Incr
	inc(&c)
	d := c
	return int(d) + v(fsm.Await(ctx, Echo.Call(1))), nil
}
