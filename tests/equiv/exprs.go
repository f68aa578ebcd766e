package equiv

import (
	"fmt"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Awaits nested in expressions: operands, call arguments, composite literals,
// index expressions, assignments, op=, ++/--, && and ||. Helpers traced with tr
// show that every call runs once and in Go's order.

// Point has three fields, to see the order of a keyed literal.
type Point struct {
	X, Y, Z int
}

//fsmgen:job
func ExprBinaryOrder(ctx fsm.Context) (int, string, error) {
	resetTrace()
	x := tr("a", 1) + v(fsm.Await(ctx, Echo.Call(tr("b", 2)))) + tr("c", 3)
	return x, traceStr(), nil
}

//fsmgen:job
func ExprBinaryOrderTwo(ctx fsm.Context) (int, string, error) {
	resetTrace()
	x := tr("a", 2)*v(fsm.Await(ctx, Echo.Call(tr("b", 3)))) - v(fsm.Await(ctx, Echo.Call(tr("c", 4))))*tr("d", 5)
	return x, traceStr(), nil
}

//fsmgen:job
func ExprCallArgs(ctx fsm.Context) (int, string, error) {
	resetTrace()
	x := f3(tr("g", 1), v(fsm.Await(ctx, Echo.Call(tr("e", 2)))), tr("h", 3))
	return x, traceStr(), nil
}

//fsmgen:job
func ExprCallArgsTwoAwaits(ctx fsm.Context) (int, string, error) {
	resetTrace()
	x := f3(v(fsm.Await(ctx, Echo.Call(1))), tr("mid", 2), v(fsm.Await(ctx, Echo.Call(3))))
	y := f3(tr("p", 4), tr("q", 5), v(fsm.Await(ctx, Echo.Call(6))))
	return x*1000 + y, traceStr(), nil
}

// ExprLibCall passes awaits to library functions.
//
//fsmgen:job
func ExprLibCall(ctx fsm.Context) (string, error) {
	s := strings.Repeat(v(fsm.Await(ctx, Str.Call("ab"))), v(fsm.Await(ctx, Echo.Call(3))))
	return fmt.Sprintf("%s-%d-%s", s, v(fsm.Await(ctx, Echo.Call(1))), v(fsm.Await(ctx, Str.Call("z")))), nil
}

//fsmgen:job
func ExprStructLit(ctx fsm.Context) (Point, string, error) {
	resetTrace()
	p := Point{X: v(fsm.Await(ctx, Echo.Call(1))), Y: tr("y", 2), Z: v(fsm.Await(ctx, Echo.Call(tr("z", 3))))}
	return p, traceStr(), nil
}

// ExprStructLitKeyOrder writes the keys out of field order: evaluation follows
// the source.
//
//fsmgen:job
func ExprStructLitKeyOrder(ctx fsm.Context) (Point, string, error) {
	resetTrace()
	p := Point{Z: tr("z", v(fsm.Await(ctx, Echo.Call(3)))), X: tr("x", 1), Y: tr("y", v(fsm.Await(ctx, Echo.Call(2))))}
	return p, traceStr(), nil
}

//fsmgen:job
func ExprSliceLit(ctx fsm.Context) ([]int, string, error) {
	resetTrace()
	xs := []int{tr("a", 1), v(fsm.Await(ctx, Echo.Call(2))), tr("c", 3), v(fsm.Await(ctx, Echo.Call(4)))}
	return xs, traceStr(), nil
}

//fsmgen:job
func ExprMapLit(ctx fsm.Context) (map[string]int, error) {
	m := map[string]int{
		"a":                              v(fsm.Await(ctx, Echo.Call(1))),
		v(fsm.Await(ctx, Str.Call("b"))): 2,
		"c":                              3,
	}
	return m, nil
}

//fsmgen:job
func ExprNestedLit(ctx fsm.Context) ([]Pair, [3]int, error) {
	ps := []Pair{{A: v(fsm.Await(ctx, Echo.Call(1))), B: 2}, {A: 3, B: v(fsm.Await(ctx, Echo.Call(4)))}}
	arr := [3]int{2: v(fsm.Await(ctx, Echo.Call(9))), 0: 7}
	return ps, arr, nil
}

//fsmgen:job
func ExprIndex(ctx fsm.Context) (int, error) {
	xs := []int{10, 20, 30}
	m := map[string]int{"k": 5}
	a := xs[v(fsm.Await(ctx, Echo.Call(2)))]
	b := m[v(fsm.Await(ctx, Str.Call("k")))]
	c := xs[v(fsm.Await(ctx, Echo.Call(v(fsm.Await(ctx, Echo.Call(0)))+1)))]
	return a + b + c, nil
}

// ExprIndexCommaOk reads a map with comma-ok after an awaited key.
//
//fsmgen:job
func ExprIndexCommaOk(ctx fsm.Context, key string) (int, bool, error) {
	m := map[string]int{"here": 1}
	x, ok := m[v(fsm.Await(ctx, Str.Call(key)))]
	return x, ok, nil
}

// ExprAssignBothSides awaits in the index on the left and on the right.
//
//fsmgen:job
func ExprAssignBothSides(ctx fsm.Context) ([]int, map[string]int, string, error) {
	resetTrace()
	xs := make([]int, 3)
	xs[tr("l", v(fsm.Await(ctx, Echo.Call(1))))] = tr("r", v(fsm.Await(ctx, Echo.Call(42))))
	m := map[string]int{}
	m[v(fsm.Await(ctx, Str.Call("k")))] = v(fsm.Await(ctx, Echo.Call(7)))
	return xs, m, traceStr(), nil
}

//fsmgen:job
func ExprOpAssign(ctx fsm.Context) (int, error) {
	x := 5
	x += v(fsm.Await(ctx, Echo.Call(3)))
	x *= v(fsm.Await(ctx, Echo.Call(2)))
	x -= 1
	x <<= v(fsm.Await(ctx, Echo.Call(1)))
	x %= v(fsm.Await(ctx, Echo.Call(7)))
	return x, nil
}

// ExprOpAssignIndex evaluates the index of an op= once.
//
//fsmgen:job
func ExprOpAssignIndex(ctx fsm.Context) ([]int, map[string]int, string, error) {
	resetTrace()
	xs := []int{1, 2, 3}
	i := 1
	xs[i] *= v(fsm.Await(ctx, Echo.Call(10)))
	xs[v(fsm.Await(ctx, Echo.Call(2)))] += v(fsm.Await(ctx, Echo.Call(5)))
	xs[tr("i", 0)] -= v(fsm.Await(ctx, Echo.Call(4)))
	m := map[string]int{"k": 1}
	m[tr("k", "k")] += v(fsm.Await(ctx, Echo.Call(4)))
	m["new"] += v(fsm.Await(ctx, Echo.Call(9)))
	return xs, m, traceStr(), nil
}

//fsmgen:job
func ExprOpAssignString(ctx fsm.Context) (string, error) {
	s := "a"
	s += v(fsm.Await(ctx, Str.Call("b"))) + v(fsm.Await(ctx, Str.Call("c")))
	return s, nil
}

//fsmgen:job
func ExprIncDec(ctx fsm.Context) (int, int, []int, error) {
	x := v(fsm.Await(ctx, Echo.Call(5)))
	x++
	y := v(fsm.Await(ctx, Echo.Call(x)))
	y--
	y--
	xs := []int{0, 0}
	xs[v(fsm.Await(ctx, Echo.Call(1)))]++
	m := map[int]int{}
	m[v(fsm.Await(ctx, Echo.Call(3)))]--
	xs[0] = m[3]
	return x, y, xs, nil
}

//fsmgen:job
func ExprAndAnd(ctx fsm.Context, a bool) (bool, error) {
	r := a && v(fsm.Await(ctx, Positive.Call(1)))
	return r, nil
}

//fsmgen:job
func ExprOrOr(ctx fsm.Context, a bool) (bool, error) {
	r := a || v(fsm.Await(ctx, Positive.Call(-1)))
	return r, nil
}

// ExprShortCircuitChain awaits only the operands that Go evaluates.
//
//fsmgen:job
func ExprShortCircuitChain(ctx fsm.Context, x, y, z int) (bool, error) {
	return v(fsm.Await(ctx, Echo.Call(x))) > 0 && v(fsm.Await(ctx, Echo.Call(y))) > 0 || v(fsm.Await(ctx, Echo.Call(z))) > 0, nil
}

// ExprShortCircuitTraced shows that the skipped side does not run at all.
//
//fsmgen:job
func ExprShortCircuitTraced(ctx fsm.Context, a, b bool) (bool, string, error) {
	resetTrace()
	r := tr("l", a) && tr("m", v(fsm.Await(ctx, Positive.Call(1)))) || tr("r", b) && tr("s", v(fsm.Await(ctx, Positive.Call(-1))))
	return r, traceStr(), nil
}

// ExprShortCircuitIf puts a short-circuit await in an if condition.
//
//fsmgen:job
func ExprShortCircuitIf(ctx fsm.Context, n int) (int, error) {
	hits := 0
	for i := range n {
		if i%2 == 0 && v(fsm.Await(ctx, Echo.Call(i))) > 2 {
			hits++
		}
	}
	return hits, nil
}

//fsmgen:job
func ExprTwoAwaits(ctx fsm.Context) (int, error) {
	return v(fsm.Await(ctx, Echo.Call(3)))*v(fsm.Await(ctx, Echo.Call(4))) - v(fsm.Await(ctx, Echo.Call(5))), nil
}

// ExprAwaitInAwaitArg awaits inside the argument of another await.
//
//fsmgen:job
func ExprAwaitInAwaitArg(ctx fsm.Context) (int, error) {
	x := v(fsm.Await(ctx, Echo.Call(v(fsm.Await(ctx, Echo.Call(1))))))
	y := v(fsm.Await(ctx, Add.Call(Pair{A: v(fsm.Await(ctx, Echo.Call(x+1))), B: v(fsm.Await(ctx, Echo.Call(10)))})))
	return x*100 + y, nil
}

// ExprChangedBefore uses variables changed just before the expression that
// awaits.
//
//fsmgen:job
func ExprChangedBefore(ctx fsm.Context) (int, int, error) {
	a := 2
	a = a + 1
	b := a * v(fsm.Await(ctx, Echo.Call(4)))
	a = b * v(fsm.Await(ctx, Echo.Call(a)))
	a, b = b+v(fsm.Await(ctx, Echo.Call(1))), a
	return a, b, nil
}

// ExprSwap is a tuple assignment with an await on the right.
//
//fsmgen:job
func ExprSwap(ctx fsm.Context) (int, int, error) {
	a, b := 1, 2
	a, b = b, v(fsm.Await(ctx, Echo.Call(a)))
	return a, b, nil
}

// ExprSelfRef reads the variable it assigns.
//
//fsmgen:job
func ExprSelfRef(ctx fsm.Context) (int, error) {
	a := 3
	a = a*10 + v(fsm.Await(ctx, Echo.Call(a)))
	a = v(fsm.Await(ctx, Echo.Call(a))) + a
	return a, nil
}

//fsmgen:job
func ExprReturnExpr(ctx fsm.Context) (int, string, error) {
	return v(fsm.Await(ctx, Echo.Call(1))) + v(fsm.Await(ctx, Echo.Call(2))), v(fsm.Await(ctx, Str.Call("r"))), nil
}

//fsmgen:job
func ExprConversions(ctx fsm.Context) (float64, string, []byte, error) {
	f := float64(v(fsm.Await(ctx, Echo.Call(3)))) / 2
	s := string(rune(v(fsm.Await(ctx, Echo.Call(0x4e16)))))
	b := []byte(v(fsm.Await(ctx, Str.Call("hi"))))
	return f, s, b, nil
}

//fsmgen:job
func ExprSliceExpr(ctx fsm.Context) ([]int, string, error) {
	xs := []int{0, 1, 2, 3, 4}
	s := "abcdef"
	return xs[v(fsm.Await(ctx, Echo.Call(1))):v(fsm.Await(ctx, Echo.Call(3)))], s[v(fsm.Await(ctx, Echo.Call(2))):], nil
}

//fsmgen:job
func ExprUnary(ctx fsm.Context) (int, bool, int, error) {
	return -v(fsm.Await(ctx, Echo.Call(4))), !v(fsm.Await(ctx, Positive.Call(1))), ^v(fsm.Await(ctx, Echo.Call(0))), nil
}

//fsmgen:job
func ExprFieldOfAwait(ctx fsm.Context) (int, error) {
	return v(fsm.Await(ctx, Swap.Call(Pair{A: 1, B: 2}))).A*10 + v(fsm.Await(ctx, Swap.Call(Pair{A: 3, B: 4}))).B, nil
}

//fsmgen:job
func ExprAppend(ctx fsm.Context) ([]int, error) {
	var xs []int
	xs = append(xs, v(fsm.Await(ctx, Echo.Call(1))), v(fsm.Await(ctx, Echo.Call(2))))
	xs = append(xs, v(fsm.Await(ctx, EchoInts.Call([]int{3, 4})))...)
	return xs, nil
}

//fsmgen:job
func ExprLenCompare(ctx fsm.Context) (bool, int, error) {
	n := len(v(fsm.Await(ctx, Str.Call("hello"))))
	ok := (v(fsm.Await(ctx, Echo.Call(n))) + 1) == 6
	return ok, n, nil
}

//fsmgen:job
func ExprMultiShortDecl(ctx fsm.Context) (int, int, error) {
	a, b := v(fsm.Await(ctx, Echo.Call(1))), v(fsm.Await(ctx, Echo.Call(2)))
	return a, b, nil
}

// ExprMethodOnAwait calls methods on awaited values.
//
//fsmgen:job
func ExprMethodOnAwait(ctx fsm.Context) (string, error) {
	s := strings.ToUpper(v(fsm.Await(ctx, Str.Call("ab"))))
	s += v(fsm.Await(ctx, EchoDur.Call(1500_000_000))).String()
	return s, nil
}

// ExprMapCompositeOrder traces the order of a map literal's keys and values.
//
//fsmgen:job
func ExprMapCompositeOrder(ctx fsm.Context) (map[string]int, string, error) {
	resetTrace()
	m := map[string]int{
		tr("k1", "a"): tr("v1", v(fsm.Await(ctx, Echo.Call(1)))),
		tr("k2", "b"): tr("v2", 2),
	}
	return m, traceStr(), nil
}

// ExprCallStmt awaits in the arguments of a call used as a statement.
//
//fsmgen:job
func ExprCallStmt(ctx fsm.Context) (string, error) {
	resetTrace()
	tr(tr("inner", "outer")+v(fsm.Await(ctx, Str.Call("!"))), 0)
	tr("last", v(fsm.Await(ctx, Echo.Call(1))))
	return traceStr(), nil
}
