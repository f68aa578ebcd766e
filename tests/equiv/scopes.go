package equiv

import (
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Shadowed variables, locals and parameters named like generator internals, and
// declarations inside the job.

// Shadow3 has x in three nested scopes, each live across awaits.
//
//fsmgen:job
func Shadow3(ctx fsm.Context) ([]int, error) {
	var out []int
	x := 1
	{
		x := v(fsm.Await(ctx, Echo.Call(10)))
		{
			x := v(fsm.Await(ctx, Echo.Call(100)))
			fsm.Await(ctx, Echo.Call(0))
			x++
			out = append(out, x)
		}
		fsm.Await(ctx, Echo.Call(0))
		x++
		out = append(out, x)
	}
	fsm.Await(ctx, Echo.Call(0))
	out = append(out, x)
	return out, nil
}

// ShadowIfFor shadows x in an if init, a for init and a range.
//
//fsmgen:job
func ShadowIfFor(ctx fsm.Context, x int) (string, error) {
	out := ""
	if x := x * 2; x > 0 {
		fsm.Await(ctx, Echo.Call(x))
		out += fmt.Sprint("if", x, ";")
	}
	for x := 0; x < 2; x++ {
		fsm.Await(ctx, Echo.Call(x))
		out += fmt.Sprint("for", x, ";")
	}
	for _, x := range []string{"r"} {
		fsm.Await(ctx, Echo.Call(0))
		out += x + ";"
	}
	out += fmt.Sprint(x)
	return out, nil
}

// ShadowTypes has a name with a different type in sibling scopes.
//
//fsmgen:job
func ShadowTypes(ctx fsm.Context) (string, error) {
	out := ""
	{
		x := "str"
		fsm.Await(ctx, Echo.Call(0))
		out += x
	}
	{
		x := 2.5
		fsm.Await(ctx, Echo.Call(0))
		out += fmt.Sprint(x)
	}
	{
		x := []int{7}
		fsm.Await(ctx, Echo.Call(0))
		out += fmt.Sprint(x)
	}
	return out, nil
}

// ShadowErr shadows err in an inner scope; the outer one is kept.
//
//fsmgen:job
func ShadowErr(ctx fsm.Context) (string, error) {
	_, err := fsm.Await(ctx, Fail.Call("outer"))
	if true {
		x, err := fsm.Await(ctx, Echo.Call(1))
		if err != nil || x != 1 {
			return "bad", nil
		}
		fsm.Await(ctx, Echo.Call(2))
	}
	return "kept", err
}

// ShadowParam shadows a parameter and the loop variable.
//
//fsmgen:job
func ShadowParam(ctx fsm.Context, n int) (int, int, error) {
	sum := 0
	for i := 0; i < 3; i++ {
		i := i * 10
		n := n + i
		sum += v(fsm.Await(ctx, Echo.Call(n)))
	}
	return sum, n, nil
}

// InternalNames uses locals named like what generated code may use.
//
//fsmgen:job
func InternalNames(ctx fsm.Context, in int) (int, error) {
	m := 1
	s := 2
	state := 3
	pc := 4
	frame := 5
	machine := 6
	resume := 7
	fsm_ := 8
	ctx2 := 9
	out := 10
	_ = v(fsm.Await(ctx, Echo.Call(0)))
	err := error(nil)
	op := v(fsm.Await(ctx, Echo.Call(in)))
	outcome, results, args, next, step, zero, tmp := 11, 12, 13, 14, 15, 16, 17
	fsm.Await(ctx, Echo.Call(0))
	sum := m + s + state + pc + frame + machine + resume + fsm_ + ctx2 + out + op
	sum += outcome + results + args + next + step + zero + tmp
	return sum, err
}

// InternalNamesParams has parameters named like generated code might name
// things.
//
//fsmgen:job
func InternalNamesParams(ctx fsm.Context, m int, s string, state []int, err bool) (string, error) {
	pc := v(fsm.Await(ctx, Echo.Call(m)))
	s += v(fsm.Await(ctx, Str.Call("!")))
	state = append(state, pc)
	return fmt.Sprint(s, state, err), nil
}

// PackageNames has locals named like packages that generated code might use.
//
//fsmgen:job
func PackageNames(ctx fsm.Context) (int, error) {
	context := 1
	errors := 2
	reflect := 3
	cbor := 4
	fmt := 5
	runtime := 6
	fsm2 := 7
	x := v(fsm.Await(ctx, Echo.Call(context+errors)))
	return x + reflect + cbor + fmt + runtime + fsm2, nil
}

// LocalType declares a struct type inside the job and keeps values of it live.
//
//fsmgen:job
func LocalType(ctx fsm.Context) (string, error) {
	type item struct {
		Name string
		Qty  int
	}
	items := []item{{Name: "a", Qty: 1}, {Name: "b", Qty: 2}}
	total := item{Name: "total"}
	for _, it := range items {
		total.Qty += it.Qty * v(fsm.Await(ctx, Echo.Call(10)))
	}
	return fmt.Sprintf("%s=%d", total.Name, total.Qty), nil
}

// LocalTypeShadow declares a local type with the name of a package type.
//
//fsmgen:job
func LocalTypeShadow(ctx fsm.Context) (string, int, error) {
	outer := Pair{A: 1, B: 2}
	type Pair struct {
		Left, Right string
	}
	p := Pair{Left: "l"}
	p.Right = v(fsm.Await(ctx, Str.Call("r")))
	return p.Left + p.Right, outer.A + outer.B, nil
}

// LocalTypesSameName declares a type named T in two scopes.
//
//fsmgen:job
func LocalTypesSameName(ctx fsm.Context) (string, error) {
	out := ""
	{
		type T struct{ S string }
		t := T{S: "one"}
		fsm.Await(ctx, Echo.Call(1))
		out += t.S
	}
	{
		type T struct{ N int }
		t := T{N: 2}
		fsm.Await(ctx, Echo.Call(2))
		out += fmt.Sprint(t.N)
	}
	return out, nil
}

// LocalConstAndAlias declares constants, a named type and an alias inside the
// job.
//
//fsmgen:job
func LocalConstAndAlias(ctx fsm.Context) (int, error) {
	const k = 3
	type num int
	type alias = []num
	xs := alias{1, 2}
	var n num = k
	fsm.Await(ctx, Echo.Call(0))
	n += xs[1] * num(v(fsm.Await(ctx, Echo.Call(k))))
	return int(n), nil
}

// BlankParams has blank parameters.
//
//fsmgen:job
func BlankParams(ctx fsm.Context, _ string, x int, _ []int) (int, error) {
	return v(fsm.Await(ctx, Echo.Call(x))) + 1, nil
}

// ClosureBetweenAwaits makes and calls closures that hold no await and do not
// live across one.
//
//fsmgen:job
func ClosureBetweenAwaits(ctx fsm.Context) (int, error) {
	a := v(fsm.Await(ctx, Echo.Call(2)))
	double := func(x int) int { return x * 2 }
	a = double(a)
	b := v(fsm.Await(ctx, Echo.Call(a)))
	add := func() int { return a + b }
	return add(), nil
}
