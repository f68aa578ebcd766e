package equiv

import (
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Shape is held in an interface by the type switch jobs.
type Shape interface{ Area() int }

// Square is a Shape.
type Square struct{ Side int }

// Area implements Shape.
func (s Square) Area() int { return s.Side * s.Side }

// TypeSwitchAwait awaits in the clauses of a type switch, using the clause's
// variable with its clause's type after the await.
//
//fsmgen:job
func TypeSwitchAwait(ctx fsm.Context, kind int) (string, error) {
	var x any
	switch kind {
	case 0:
		x = 7
	case 1:
		x = "seven"
	case 2:
		x = Square{Side: 3}
	case 3:
		x = 2.5
	}
	switch t := x.(type) {
	case int:
		n := v(fsm.Await(ctx, Echo.Call(t)))
		return fmt.Sprint("int ", n+t), nil
	case string:
		s := v(fsm.Await(ctx, Str.Call(t)))
		return "string " + s + t, nil
	case Shape:
		a := v(fsm.Await(ctx, Echo.Call(t.Area())))
		return fmt.Sprint("shape ", a), nil
	case nil:
		fsm.Await(ctx, Echo.Call(0))
		return "nil", nil
	default:
		return fmt.Sprintf("other %T", t), nil
	}
}

// TypeSwitchNoVar awaits in a type switch without a variable, with several
// types in one clause and a value evaluated once.
//
//fsmgen:job
func TypeSwitchNoVar(ctx fsm.Context, k int) (int, error) {
	total := 0
	for i := 0; i < k; i++ {
		var x any
		switch i {
		case 0:
			x = 1
		case 1:
			x = "a"
		case 2:
			x = 2.0
		}
		switch x.(type) {
		case int, float64:
			total += v(fsm.Await(ctx, Echo.Call(10)))
		case nil:
			total += 100
		default:
			total += v(fsm.Await(ctx, Echo.Call(1)))
		}
	}
	return total, nil
}
