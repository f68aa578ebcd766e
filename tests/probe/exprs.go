package probe

import (
	"fmt"
	"strconv"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Awaits nested in expressions and assignment targets.

type Point struct {
	X, Y int
}

// Ptr is a struct with a pointer-receiver method.
type Ptr struct {
	N int
}

func (p *Ptr) Add(x int) { p.N += x }

func idx(i int) int { return tr("idx", i) }

// ExprSpilledIndexField assigns a field of a slice element whose index is a
// call, with an await on the right.
//
//fsmgen:job
func ExprSpilledIndexField(ctx fsm.Context) ([]Point, string, error) {
	resetTrace()
	ps := make([]Point, 3)
	ps[idx(1)].X = v(fsm.Await(ctx, Echo.Call(tr("rhs", 7))))
	return ps, traceStr(), nil
}

// ExprSpilledIndexFieldOpAssign is the op= form.
//
//fsmgen:job
func ExprSpilledIndexFieldOpAssign(ctx fsm.Context) ([]Point, error) {
	resetTrace()
	ps := []Point{{1, 1}, {2, 2}}
	ps[idx(0)].Y += v(fsm.Await(ctx, Echo.Call(10)))
	return ps, nil
}

// ExprSpilledArray2D assigns an element of a slice of arrays whose indexes
// are calls.
//
//fsmgen:job
func ExprSpilledArray2D(ctx fsm.Context) ([][2]int, error) {
	resetTrace()
	grid := make([][2]int, 2)
	grid[idx(1)][idx(0)] = v(fsm.Await(ctx, Echo.Call(5)))
	return grid, nil
}

// ExprSpilledArrayOfArrays assigns an element of an array of arrays.
//
//fsmgen:job
func ExprSpilledArrayOfArrays(ctx fsm.Context) ([2][2]int, error) {
	resetTrace()
	var grid [2][2]int
	grid[idx(1)][1] = v(fsm.Await(ctx, Echo.Call(9)))
	return grid, nil
}

// ExprSpilledPtrMethodReceiver calls a pointer method on a slice element
// whose index is a call, with an await as argument.
//
//fsmgen:job
func ExprSpilledPtrMethodReceiver(ctx fsm.Context) ([]Ptr, error) {
	resetTrace()
	ps := make([]Ptr, 2)
	ps[idx(1)].Add(v(fsm.Await(ctx, Echo.Call(4))))
	return ps, nil
}

// ExprFieldTargetsBothSides assigns struct fields and array elements with
// awaits on both sides.
//
//fsmgen:job
func ExprFieldTargetsBothSides(ctx fsm.Context) (Point, [3]int, error) {
	var p Point
	var a [3]int
	a[v(fsm.Await(ctx, Echo.Call(2)))], p.X = v(fsm.Await(ctx, Echo.Call(20))), v(fsm.Await(ctx, Echo.Call(30)))
	p.Y, a[0] = a[2]+v(fsm.Await(ctx, Echo.Call(1))), p.X
	return p, a, nil
}

// ExprSwapAwait swaps with an await on the right.
//
//fsmgen:job
func ExprSwapAwait(ctx fsm.Context) (int, int, int, error) {
	a, b, c := 1, 2, 3
	a, b = b, v(fsm.Await(ctx, Echo.Call(a+10)))
	b, c, a = c, a, v(fsm.Await(ctx, Echo.Call(b)))
	return a, b, c, nil
}

// ExprParens wraps awaits and operands in parentheses.
//
//fsmgen:job
func ExprParens(ctx fsm.Context) (int, error) {
	x := (v((fsm.Await(ctx, Echo.Call((2))))))
	y := ((x) * (v(fsm.Await(ctx, (Echo.Call(3))))))
	(fsm.Await(ctx, Echo.Call(0)))
	return (y), nil
}

// ExprClosureBetween calls a closure immediately between awaits; it changes
// a local.
//
//fsmgen:job
func ExprClosureBetween(ctx fsm.Context) (int, error) {
	n := v(fsm.Await(ctx, Echo.Call(1)))
	func() {
		n *= 10
	}()
	k := func(x int) int { return x + n }(v(fsm.Await(ctx, Echo.Call(5))))
	return n + k, nil
}

// ExprMethodValue uses a method value between awaits.
//
//fsmgen:job
func ExprMethodValue(ctx fsm.Context) (string, error) {
	p := Point{X: 1, Y: 2}
	f := p.String
	s := f()
	p.X = v(fsm.Await(ctx, Echo.Call(7)))
	return s + p.String(), nil
}

func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

// ExprIndexAwaits indexes with awaits on several sides.
//
//fsmgen:job
func ExprIndexAwaits(ctx fsm.Context) (int, bool, error) {
	xs := []int{10, 20, 30}
	m := map[string]int{"a": 1}
	a := xs[v(fsm.Await(ctx, Echo.Call(1)))] + m[v(fsm.Await(ctx, Str.Call("a")))]
	x, ok := m[v(fsm.Await(ctx, Str.Call("zz")))]
	return a + x, ok, nil
}

// ExprSliceExprAwaits slices with awaited bounds.
//
//fsmgen:job
func ExprSliceExprAwaits(ctx fsm.Context) ([]int, string, error) {
	xs := []int{0, 1, 2, 3, 4, 5}
	s := "abcdef"
	return xs[v(fsm.Await(ctx, Echo.Call(1))):v(fsm.Await(ctx, Echo.Call(4))):5], s[v(fsm.Await(ctx, Echo.Call(2))):], nil
}

// ExprConversions converts awaits.
//
//fsmgen:job
func ExprConversions(ctx fsm.Context) (float64, []byte, string, error) {
	f := float64(v(fsm.Await(ctx, Echo.Call(3)))) / 2
	b := []byte(v(fsm.Await(ctx, Str.Call("hi"))))
	s := strconv.Itoa(v(fsm.Await(ctx, Echo.Call(42)))) + string(rune(v(fsm.Await(ctx, Echo.Call(65)))))
	return f, b, s, nil
}

// ExprCompositeNested builds nested literals with elided types and pointers.
//
//fsmgen:job
func ExprCompositeNested(ctx fsm.Context) (int, error) {
	resetTrace()
	ps := []*Point{{X: tr("a", 1), Y: v(fsm.Await(ctx, Echo.Call(2)))}, {X: v(fsm.Await(ctx, Echo.Call(3)))}}
	m := map[Point][]int{{X: tr("k", 1)}: {v(fsm.Await(ctx, Echo.Call(4))), 5}}
	arr := [...]int{2: v(fsm.Await(ctx, Echo.Call(6))), 0: 1}
	return ps[0].X + ps[0].Y + ps[1].X + m[Point{X: 1}][0] + m[Point{X: 1}][1] + arr[0] + arr[2] + len(arr), nil
}

// ExprShortCircuit checks && and || with traced operands.
//
//fsmgen:job
func ExprShortCircuit(ctx fsm.Context, a, b int) (bool, bool, string, error) {
	resetTrace()
	x := tr("l", a > 0) && v(fsm.Await(ctx, Pos.Call(b))) || tr("r", b > 5) && v(fsm.Await(ctx, Pos.Call(a+b)))
	y := !(v(fsm.Await(ctx, Pos.Call(a))) || tr("y", false)) && (tr("z", true) || v(fsm.Await(ctx, Pos.Call(1))))
	return x, y, traceStr(), nil
}

// ExprOpAssignForms uses op= and ++ with awaits on the index and the value.
//
//fsmgen:job
func ExprOpAssignForms(ctx fsm.Context) ([]int, map[string]int, int, error) {
	xs := []int{1, 2, 3}
	m := map[string]int{}
	n := 1
	xs[v(fsm.Await(ctx, Echo.Call(2)))] += v(fsm.Await(ctx, Echo.Call(10)))
	m[v(fsm.Await(ctx, Str.Call("k")))]++
	m["k"] <<= v(fsm.Await(ctx, Echo.Call(3)))
	n -= v(fsm.Await(ctx, Echo.Call(5))) * n
	xs[0]--
	n %= 3
	return xs, m, n, nil
}

// ExprDiscarded discards awaits in several ways.
//
//fsmgen:job
func ExprDiscarded(ctx fsm.Context) (int, error) {
	fsm.Await(ctx, Echo.Call(1))
	_, _ = fsm.Await(ctx, Echo.Call(2))
	_, err := fsm.Await(ctx, Fail.Call("x"))
	x, _ := fsm.Await(ctx, Echo.Call(3))
	_ = v(fsm.Await(ctx, Echo.Call(4)))
	var _, _ = fsm.Await(ctx, Echo.Call(5))
	if err == nil {
		return 0, nil
	}
	return x, nil
}

// ExprVarDecls declares variables with var and awaits.
//
//fsmgen:job
func ExprVarDecls(ctx fsm.Context) (int, float64, int8, error) {
	var a, b = fsm.Await(ctx, Echo.Call(1))
	var f float64 = 1
	var c int8 = 2
	var d, e int = v(fsm.Await(ctx, Echo.Call(3))), 4
	var z struct{ Q int }
	z.Q = v(fsm.Await(ctx, Echo.Call(5)))
	_ = b
	return a + d + e + z.Q, f / 2, c, nil
}

// ExprAwaitArgOrder evaluates call arguments with side effects around
// awaits, including a call on an await's result.
//
//fsmgen:job
func ExprAwaitArgOrder(ctx fsm.Context) (string, string, error) {
	resetTrace()
	s := fmt.Sprint(tr("a", 1), v(fsm.Await(ctx, Echo.Call(tr("b", 2)))), tr("c", 3), v(fsm.Await(ctx, Str.Call(tr("d", "x")))), tr("e", 5))
	p := v(fsm.Await(ctx, Swap.Call(Pair{A: tr("f", 1), B: 2}))).A
	return s + strconv.Itoa(p), traceStr(), nil
}

// ExprAwaitErrorUsed uses an await's error in an expression.
//
//fsmgen:job
func ExprAwaitErrorUsed(ctx fsm.Context) (string, error) {
	_, err := fsm.Await(ctx, Fail.Call("a"))
	msg := err.Error() + "|" + errOf(fsm.Await(ctx, Odd.Call(2))).Error()
	return msg, err
}

func errOf[T any](_ T, err error) error { return err }
