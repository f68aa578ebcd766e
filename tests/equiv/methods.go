package equiv

import (
	"strconv"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Method jobs with value receivers, and variadic jobs.

// Counter is the receiver of method jobs.
type Counter struct {
	Base int
}

// Count changes its copy of the receiver across awaits.
//
//fsmgen:job
func (c Counter) Count(ctx fsm.Context, n int) (int, error) {
	for i := range n {
		c.Base += v(fsm.Await(ctx, Echo.Call(i)))
	}
	return c.Base, nil
}

// Label calls a plain method of the receiver after awaits.
//
//fsmgen:job
func (c Counter) Label(ctx fsm.Context, prefix string) (string, error) {
	s := v(fsm.Await(ctx, Str.Call(prefix)))
	return s + c.suffix(), nil
}

func (c Counter) suffix() string { return "#" + strconv.Itoa(c.Base) }

// AddAll is a variadic method job.
//
//fsmgen:job
func (c Counter) AddAll(ctx fsm.Context, xs ...int) (int, error) {
	for _, x := range xs {
		c.Base += v(fsm.Await(ctx, Echo.Call(x)))
	}
	return c.Base, nil
}

// Static has an unnamed receiver.
//
//fsmgen:job
func (Counter) Static(ctx fsm.Context, x int) (int, error) {
	return v(fsm.Await(ctx, Echo.Call(x))) * 2, nil
}

// Scale is a receiver of a named basic type.
type Scale int

//fsmgen:job
func (s Scale) Apply(ctx fsm.Context, xs []int) ([]int, error) {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, v(fsm.Await(ctx, Echo.Call(x)))*int(s))
	}
	return out, nil
}

// Machine is a receiver named m, the way generated code might name things.
type Machine struct {
	Steps []string
}

//fsmgen:job
func (m Machine) Run(ctx fsm.Context) (string, error) {
	out := ""
	for _, s := range m.Steps {
		out += v(fsm.Await(ctx, Str.Call(s)))
	}
	m.Steps = nil
	return out + strconv.Itoa(len(m.Steps)), nil
}

//fsmgen:job
func Sum(ctx fsm.Context, xs ...int) (int, error) {
	sum := 0
	for _, x := range xs {
		sum += v(fsm.Await(ctx, Echo.Call(x)))
	}
	return sum, nil
}

//fsmgen:job
func Join(ctx fsm.Context, sep string, parts ...string) (string, error) {
	var out []string
	for _, p := range parts {
		out = append(out, v(fsm.Await(ctx, Str.Call(p))))
	}
	return strings.Join(out, sep), nil
}

// VariadicModify writes into its variadic slice across awaits.
//
//fsmgen:job
func VariadicModify(ctx fsm.Context, xs ...int) (int, int, error) {
	for i := range xs {
		xs[i] *= v(fsm.Await(ctx, Echo.Call(10)))
	}
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return len(xs), sum, nil
}

// UnusedParam never reads one of its parameters, which Go allows.
//
//fsmgen:job
func UnusedParam(ctx fsm.Context, ignored string, x int) (int, error) {
	return fsm.Await(ctx, Echo.Call(x))
}

// Ignore never reads its receiver or its parameter after awaiting.
//
//fsmgen:job
func (c Counter) Ignore(ctx fsm.Context, x int) (int, error) {
	return fsm.Await(ctx, Echo.Call(7))
}
