package equiv

import (
	"strconv"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// switch with a tag, without, with init, fallthrough, default in the middle,
// case expressions that await (lazily, in order), break inside a loop.

//fsmgen:job
func SwitchTag(ctx fsm.Context, x int) (string, error) {
	s := ""
	switch v(fsm.Await(ctx, Echo.Call(x))) {
	case 1:
		s = "one"
	case 2, 3:
		s = "two-three"
	default:
		s = "other"
	}
	return s + v(fsm.Await(ctx, Str.Call("."))), nil
}

// SwitchBodies awaits a different number of times in each case.
//
//fsmgen:job
func SwitchBodies(ctx fsm.Context, x int) (int, error) {
	r := 0
	switch x {
	case 0:
	case 1:
		r = v(fsm.Await(ctx, Echo.Call(10)))
	case 2:
		r = v(fsm.Await(ctx, Echo.Call(20)))
		r += v(fsm.Await(ctx, Echo.Call(21)))
	default:
		for i := range x {
			r += v(fsm.Await(ctx, Echo.Call(i)))
		}
	}
	return r, nil
}

//fsmgen:job
func SwitchNoTag(ctx fsm.Context, x int) (string, error) {
	switch {
	case x < 0:
		return v(fsm.Await(ctx, Str.Call("neg"))), nil
	case x == 0:
		return "zero", nil
	case x > 100:
		fsm.Await(ctx, Echo.Call(x))
		return "huge", nil
	}
	return v(fsm.Await(ctx, Str.Call("pos"))), nil
}

//fsmgen:job
func SwitchInit(ctx fsm.Context, x int) (int, error) {
	switch y := v(fsm.Await(ctx, Echo.Call(x))); {
	case y > 10:
		return y + v(fsm.Await(ctx, Echo.Call(1))), nil
	default:
		return y - 1, nil
	}
}

//fsmgen:job
func SwitchInitTag(ctx fsm.Context, x int) (string, error) {
	switch y := v(fsm.Await(ctx, Echo.Call(x))); y % 3 {
	case 0:
		return "fizz" + v(fsm.Await(ctx, Str.Call("!"))), nil
	case 1:
		z := v(fsm.Await(ctx, Echo.Call(y*2)))
		return "one" + strconv.Itoa(z), nil
	}
	return "two", nil
}

//fsmgen:job
func SwitchFallthrough(ctx fsm.Context, x int) (string, error) {
	s := ""
	switch x {
	case 1:
		s += v(fsm.Await(ctx, Str.Call("a")))
		fallthrough
	case 2:
		s += v(fsm.Await(ctx, Str.Call("b")))
		fallthrough
	case 3:
		s += "c"
	case 4:
		s += v(fsm.Await(ctx, Str.Call("d")))
	}
	return s, nil
}

//fsmgen:job
func SwitchDefaultMiddle(ctx fsm.Context, x int) (string, error) {
	s := ""
	switch x {
	case 1:
		s = "one"
	default:
		s = v(fsm.Await(ctx, Str.Call("def")))
		fallthrough
	case 2:
		s += "two"
	case 3:
		s = "three"
	}
	return s, nil
}

// SwitchLazyCases evaluates case expressions in order and stops at the first
// match: the later awaits do not run.
//
//fsmgen:job
func SwitchLazyCases(ctx fsm.Context, x int) (string, error) {
	switch x {
	case v(fsm.Await(ctx, Echo.Call(1))):
		return "a", nil
	case v(fsm.Await(ctx, Echo.Call(2))), v(fsm.Await(ctx, Echo.Call(3))):
		return "b", nil
	case v(fsm.Await(ctx, Echo.Call(4))):
		return "c", nil
	default:
		return "d", nil
	}
}

// SwitchLazyDefaultMiddle has awaiting cases after a default in the middle: the
// default is taken only after every case failed.
//
//fsmgen:job
func SwitchLazyDefaultMiddle(ctx fsm.Context, x int) (string, error) {
	s := ""
	switch v(fsm.Await(ctx, Echo.Call(x))) {
	case v(fsm.Await(ctx, Echo.Call(1))):
		s = "one"
	default:
		s = "default"
	case v(fsm.Await(ctx, Echo.Call(2))):
		s = "two"
	}
	return s, nil
}

// SwitchLazyNoTag has awaiting conditions.
//
//fsmgen:job
func SwitchLazyNoTag(ctx fsm.Context, x int) (string, error) {
	switch {
	case v(fsm.Await(ctx, Echo.Call(x))) > 10:
		return "big", nil
	case v(fsm.Await(ctx, Positive.Call(x))):
		return "pos", nil
	case v(fsm.Await(ctx, Echo.Call(x))) == 0:
		return "zero", nil
	}
	return "neg", nil
}

// SwitchOrder traces the order of the tag and case evaluations.
//
//fsmgen:job
func SwitchOrder(ctx fsm.Context, x int) (string, error) {
	resetTrace()
	switch tr("tag", v(fsm.Await(ctx, Echo.Call(x)))) {
	case tr("c1", 1):
		tr("body1", 0)
	case tr("c2", v(fsm.Await(ctx, Echo.Call(2)))), tr("c3", 3):
		tr("body23", 0)
	case tr("c4", 4):
		tr("body4", 0)
	}
	return traceStr(), nil
}

// SwitchBreakInLoop breaks out of a switch (not the loop) and continues the loop
// from inside a switch.
//
//fsmgen:job
func SwitchBreakInLoop(ctx fsm.Context, n int) (int, int, error) {
	count, sum := 0, 0
	for i := 0; i < n; i++ {
		switch v(fsm.Await(ctx, Echo.Call(i))) % 3 {
		case 0:
			continue
		case 1:
			if i > 4 {
				break
			}
			count++
		default:
			sum += i
		}
		sum += 100
	}
	return count, sum, nil
}

// SwitchBreakAfterAwait breaks out of a case after an await; code after the
// switch runs.
//
//fsmgen:job
func SwitchBreakAfterAwait(ctx fsm.Context, x int) (int, error) {
	r := 0
	switch {
	case x > 0:
		r = v(fsm.Await(ctx, Echo.Call(x)))
		if r > 5 {
			break
		}
		r *= 100
	}
	r += v(fsm.Await(ctx, Echo.Call(1)))
	return r, nil
}

//fsmgen:job
func SwitchString(ctx fsm.Context, s string) (int, error) {
	switch v(fsm.Await(ctx, Str.Call(s))) {
	case "":
		return 0, nil
	case "go", "golang":
		return 1, nil
	case "\xff":
		return 2, nil
	}
	return -1, nil
}

//fsmgen:job
func SwitchNested(ctx fsm.Context, a, b int) (string, error) {
	out := ""
	switch a {
	case 1:
		switch v(fsm.Await(ctx, Echo.Call(b))) {
		case 1:
			out = "1/1"
		default:
			out = "1/" + v(fsm.Await(ctx, Str.Call("x")))
		}
		out += "!"
	default:
		switch {
		case b > 0:
			out = v(fsm.Await(ctx, Str.Call("d/pos")))
		}
	}
	return out, nil
}

// SwitchTypeNoAwait has a type switch with no await inside, between awaits.
//
//fsmgen:job
func SwitchTypeNoAwait(ctx fsm.Context, x int) (string, error) {
	n := v(fsm.Await(ctx, Echo.Call(x)))
	var val any = n
	if n > 5 {
		val = "big"
	}
	s := ""
	switch t := val.(type) {
	case int:
		s = "int"
	case string:
		s = t
	}
	return s + v(fsm.Await(ctx, Str.Call("."))), nil
}

// SwitchFallthroughSkipsCase falls through into a case whose expression awaits:
// the expression is not evaluated.
//
//fsmgen:job
func SwitchFallthroughSkipsCase(ctx fsm.Context, x int) (string, error) {
	s := ""
	switch x {
	case v(fsm.Await(ctx, Echo.Call(1))):
		s = "a"
		fallthrough
	case v(fsm.Await(ctx, Echo.Call(2))):
		s += "b"
	}
	return s, nil
}
