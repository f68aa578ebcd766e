package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Switch statements with awaits.

// SwitchLazyCases has awaiting case expressions: they run in order until one
// matches.
//
//fsmgen:job
func SwitchLazyCases(ctx fsm.Context, x int) (string, string, error) {
	resetTrace()
	r := ""
	switch tr("tag", x) {
	case tr("c1", 1), v(fsm.Await(ctx, Echo.Call(2))):
		r = "a"
	case v(fsm.Await(ctx, Echo.Call(3))), tr("c4", 4):
		r = "b"
	default:
		r = "d"
	case v(fsm.Await(ctx, Echo.Call(5))):
		r = "c"
	}
	return r, traceStr(), nil
}

// SwitchFallthroughDefault falls through into a default in the middle.
//
//fsmgen:job
func SwitchFallthroughDefault(ctx fsm.Context, x int) ([]string, error) {
	var got []string
	switch {
	case x == 1:
		got = append(got, v(fsm.Await(ctx, Str.Call("one"))))
		fallthrough
	default:
		got = append(got, "default")
		fallthrough
	case x == 2:
		got = append(got, v(fsm.Await(ctx, Str.Call("two"))))
	case x == 3:
		got = append(got, "three")
	}
	return got, nil
}

// SwitchInitNoTag has an init that awaits and no tag.
//
//fsmgen:job
func SwitchInitNoTag(ctx fsm.Context, a int) (int, error) {
	switch x, err := fsm.Await(ctx, Echo.Call(a)); {
	case err != nil:
		return -1, err
	case x > 10:
		return v(fsm.Await(ctx, Echo.Call(x*2))), nil
	case x > 5:
		break
	default:
		x++
		return x, nil
	}
	return 0, nil
}

// SwitchConstTag switches on a constant with awaiting cases.
//
//fsmgen:job
func SwitchConstTag(ctx fsm.Context) (int, error) {
	switch 3 {
	case v(fsm.Await(ctx, Echo.Call(1))):
		return 1, nil
	case v(fsm.Await(ctx, Echo.Call(3))):
		return 3, nil
	}
	return 0, nil
}

// SwitchBreakInLoop breaks the switch, continues and breaks the loop.
//
//fsmgen:job
func SwitchBreakInLoop(ctx fsm.Context) (int, error) {
	n := 0
Loop:
	for i := 0; ; i++ {
		switch v(fsm.Await(ctx, Echo.Call(i))) % 4 {
		case 0:
			n += 1
			if i > 0 {
				break
			}
			n += 10
		case 1:
			continue
		case 2:
			n += 100
			continue Loop
		case 3:
			break Loop
		}
		n += 1000
	}
	return n, nil
}

// SwitchTypeSwitchInside has a type switch without awaits in a job that
// awaits.
//
//fsmgen:job
func SwitchTypeSwitchInside(ctx fsm.Context) (string, error) {
	var x any = v(fsm.Await(ctx, Str.Call("s")))
	r := ""
	switch t := x.(type) {
	case int:
		r = "int"
	case string:
		r = "string:" + t
	}
	r += v(fsm.Await(ctx, Str.Call("!")))
	return r, nil
}

// SwitchCaseScopes declares the same names in several clauses.
//
//fsmgen:job
func SwitchCaseScopes(ctx fsm.Context, k int) (int, error) {
	r := 0
	switch k {
	case 1:
		x := v(fsm.Await(ctx, Echo.Call(10)))
		r = x
	case 2:
		x := "s"
		y := v(fsm.Await(ctx, Str.Call(x)))
		r = len(y) * 100
	default:
		x := []int{1, 2}
		r = len(x)
	}
	return r, nil
}

// SwitchNestedFallthroughReturn returns from inside a case inside a loop.
//
//fsmgen:job
func SwitchNestedFallthroughReturn(ctx fsm.Context) (n int, err error) {
	for i := range 5 {
		switch i {
		case 3:
			n += v(fsm.Await(ctx, Echo.Call(1000)))
			return
		case 1:
			fallthrough
		case 2:
			n += v(fsm.Await(ctx, Echo.Call(10)))
		default:
			n++
		}
	}
	return -1, nil
}
