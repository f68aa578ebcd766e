package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Local type and constant declarations.

//fsmgen:job
func TypesLocalA(ctx fsm.Context) (int, error) {
	type item struct{ N int }
	it := item{N: v(fsm.Await(ctx, Echo.Call(1)))}
	return it.N, nil
}

// TypesInLoop declares a const and a type inside a loop that awaits.
//
//fsmgen:job
func TypesInLoop(ctx fsm.Context) (int, error) {
	total := 0
	for i := 0; i < 3; i++ {
		const k = 10
		type acc struct{ V, W int }
		a := acc{V: i * k}
		a.W = v(fsm.Await(ctx, Echo.Call(a.V)))
		total += a.W
	}
	return total, nil
}

// TypesNestedScopes declares the same local type name in two branches.
//
//fsmgen:job
func TypesNestedScopes(ctx fsm.Context, b bool) (int, error) {
	if b {
		type t struct{ X int }
		x := t{X: v(fsm.Await(ctx, Echo.Call(1)))}
		return x.X, nil
	}
	type t struct{ Y string }
	y := t{Y: v(fsm.Await(ctx, Str.Call("yy")))}
	return len(y.Y), nil
}

// TypesLocalRefersLocal declares a local type that uses another one.
//
//fsmgen:job
func TypesLocalRefersLocal(ctx fsm.Context) (int, error) {
	type inner struct{ A int }
	type outer struct {
		In  inner
		Ins []inner
	}
	o := outer{In: inner{A: 1}}
	o.Ins = append(o.Ins, inner{A: v(fsm.Await(ctx, Echo.Call(2)))})
	o.In.A += v(fsm.Await(ctx, Echo.Call(3)))
	return o.In.A + o.Ins[0].A, nil
}

// TypesLocalShadowsPackageType declares a local type named like a package
// type, after using the package one.
//
//fsmgen:job
func TypesLocalShadowsPackageType(ctx fsm.Context) (int, error) {
	p := Pair{A: 1, B: 2}
	q := v(fsm.Await(ctx, Swap.Call(p)))
	type Pair struct{ X int }
	r := Pair{X: v(fsm.Await(ctx, Echo.Call(q.A)))}
	return r.X*10 + q.B, nil
}

// TypesLocalNamedInt declares a local named integer type with a constant of
// that type and a method-free conversion.
//
//fsmgen:job
func TypesLocalNamedInt(ctx fsm.Context) (int, error) {
	type color int
	const (
		red color = iota + 1
		green
		blue
	)
	c := color(v(fsm.Await(ctx, Echo.Call(int(green)))))
	switch c {
	case red:
		return 1, nil
	case blue:
		return 3, nil
	}
	return int(c) * 10, nil
}

// TypesResultsArrayMap returns an array and a map.
//
//fsmgen:job
func TypesResultsArrayMap(ctx fsm.Context) ([3]int, map[string]int, error) {
	var a [3]int
	m := map[string]int{}
	for i := range a {
		a[i] = v(fsm.Await(ctx, Echo.Call(i*i)))
		m[string(rune('a'+i))] = a[i]
	}
	return a, m, nil
}

// TypesLocalConstShadow declares a local constant shadowing a variable.
//
//fsmgen:job
func TypesLocalConstShadow(ctx fsm.Context) (int, error) {
	x := v(fsm.Await(ctx, Echo.Call(5)))
	{
		const x = 100
		y := v(fsm.Await(ctx, Echo.Call(x)))
		_ = y
	}
	return x, nil
}

// TypesAnonStruct holds an anonymous struct across awaits.
//
//fsmgen:job
func TypesAnonStruct(ctx fsm.Context) (struct{ A, B int }, error) {
	var s struct{ A, B int }
	s.A = v(fsm.Await(ctx, Echo.Call(1)))
	s.B = v(fsm.Await(ctx, Echo.Call(2)))
	return s, nil
}

// ConstNamedTime declares a local constant named time in a job whose
// generated file spells time.Duration.
//
//fsmgen:job
func ConstNamedTime(ctx fsm.Context) (int64, error) {
	const time = 3
	d := v(fsm.Await(ctx, Dur.Call(time)))
	return int64(d) + time, nil
}
