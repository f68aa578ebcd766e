package probe

import (
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Edge cases found by reading the lowering.

// Owner takes the two results of an await as its method's arguments.
type Owner struct {
	Name string
}

// Take formats an await's results.
func (o Owner) Take(x int, err error) int { return x + len(o.Name) }

func owner(n string) Owner { return tr("recv", Owner{Name: n}) }

// EdgeReceiverOfAwaitCall passes an await's two results to a method whose
// receiver is built by a call: the receiver must be evaluated first.
//
//fsmgen:job
func EdgeReceiverOfAwaitCall(ctx fsm.Context) (int, string, error) {
	resetTrace()
	n := owner("ab").Take(fsm.Await(ctx, Echo.Call(tr("op", 1))))
	return n, traceStr(), nil
}

// Flag is a named bool.
type Flag bool

func flagInt(f Flag, x int) int {
	if f {
		return x
	}
	return -x
}

func one() int { return 1 }

// EdgeUntypedBoolSpill spills a comparison passed as a named bool before an
// await, and a shift of an untyped constant.
//
//fsmgen:job
func EdgeUntypedBoolSpill(ctx fsm.Context, a int) (int, int64, error) {
	r := flagInt(a == one(), v(fsm.Await(ctx, Echo.Call(7))))
	s := int64(1<<one()) + int64(v(fsm.Await(ctx, Echo.Call(1))))
	return r, s, nil
}

// EdgeLabeledConst labels a constant declaration and jumps back to it.
//
//fsmgen:job
func EdgeLabeledConst(ctx fsm.Context) (int, error) {
	n := 0
top:
	const step = 2
	n += v(fsm.Await(ctx, Echo.Call(step)))
	if n < 6 {
		goto top
	}
	return n, nil
}

// EdgeLabeledVar labels a var declaration that awaits and jumps back to it.
//
//fsmgen:job
func EdgeLabeledVar(ctx fsm.Context) (int, error) {
	total := 0
again:
	var x = v(fsm.Await(ctx, Echo.Call(total+1)))
	total += x
	if total < 10 {
		goto again
	}
	return total, nil
}

// EdgeSwitchArrayCase has an array literal case value and a case that awaits.
//
//fsmgen:job
func EdgeSwitchArrayCase(ctx fsm.Context, a [2]int) (string, error) {
	switch a {
	case [2]int{1, 1}:
		return "one", nil
	case [2]int{v(fsm.Await(ctx, Echo.Call(2))), 2}:
		return "two", nil
	}
	return "none", nil
}

func u8(a uint8, b int) int { return int(a) + b }

// EdgeShiftSpill spills a shift of an untyped constant by a call's result,
// passed as a uint8 before an await.
//
//fsmgen:job
func EdgeShiftSpill(ctx fsm.Context) (int, error) {
	return u8(1<<one(), v(fsm.Await(ctx, Echo.Call(3)))), nil
}

// EdgeUntypedBoolToAny spills a comparison passed to a ...any parameter
// before an await.
//
//fsmgen:job
func EdgeUntypedBoolToAny(ctx fsm.Context) (string, error) {
	return fmt.Sprint(one() == 1, v(fsm.Await(ctx, Echo.Call(3)))), nil
}

// EdgeCallToAnySpill spills a call whose result is passed to a ...any
// parameter before an await.
//
//fsmgen:job
func EdgeCallToAnySpill(ctx fsm.Context) (string, error) {
	return fmt.Sprint(one(), v(fsm.Await(ctx, Echo.Call(3))), one()+1), nil
}

// EdgeLoopVarShadowedInBody shadows a 3-clause loop's variable in its body.
//
//fsmgen:job
func EdgeLoopVarShadowedInBody(ctx fsm.Context) (int, error) {
	s := 0
	for i := 0; i < 3; i++ {
		i := i * 10
		s += v(fsm.Await(ctx, Echo.Call(i)))
		i++
		s += i
	}
	return s, nil
}

// EdgeSwitchInitAwaitNoTagNoCases has an init that awaits, no tag and no
// cases.
//
//fsmgen:job
func EdgeSwitchInitAwaitNoTagNoCases(ctx fsm.Context) (int, error) {
	switch fsm.Await(ctx, Echo.Call(1)); {
	}
	return 1, nil
}
