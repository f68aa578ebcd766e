package probe

import "errors"

var _ = register([]probe{
	{name: "ExprSpilledIndexField", job: ExprSpilledIndexField, want: out([]Point{{}, {X: 7}, {}}, "idx,rhs", nil), awaits: 1},
	{name: "ExprSpilledIndexFieldOpAssign", job: ExprSpilledIndexFieldOpAssign, want: out([]Point{{1, 11}, {2, 2}}, nil), awaits: 1},
	{name: "ExprSpilledArray2D", job: ExprSpilledArray2D, want: out([][2]int{{0, 0}, {5, 0}}, nil), awaits: 1},
	{name: "ExprSpilledArrayOfArrays", job: ExprSpilledArrayOfArrays, want: out([2][2]int{{0, 0}, {0, 9}}, nil), awaits: 1},
	{name: "ExprSpilledPtrMethodReceiver", job: ExprSpilledPtrMethodReceiver, want: out([]Ptr{{}, {N: 4}}, nil), awaits: 1},
	{name: "ExprFieldTargetsBothSides", job: ExprFieldTargetsBothSides, want: out(Point{X: 30, Y: 21}, [3]int{30, 0, 20}, nil), awaits: 4},
	{name: "ExprSwapAwait", job: ExprSwapAwait, want: out(11, 3, 2, nil), awaits: 2},
	{name: "ExprParens", job: ExprParens, want: out(6, nil), awaits: 3},
	{name: "ExprClosureBetween", job: ExprClosureBetween, want: out(25, nil), awaits: 2},
	{name: "ExprMethodValue", job: ExprMethodValue, want: out("(1,2)(7,2)", nil), awaits: 1},
	{name: "ExprIndexAwaits", job: ExprIndexAwaits, want: out(21, false, nil), awaits: 3},
	{name: "ExprSliceExprAwaits", job: ExprSliceExprAwaits, want: out([]int{1, 2, 3}, "cdef", nil), awaits: 3},
	{name: "ExprConversions", job: ExprConversions, want: out(1.5, []byte("hi"), "42A", nil), awaits: 4},
	{name: "ExprCompositeNested", job: ExprCompositeNested, want: out(1+2+3+4+5+1+6+3, nil), awaits: 4},
	{name: "ExprShortCircuit/1,1", job: ExprShortCircuit, args: in(1, 1), want: out(true, false, "l", nil), awaits: 2},
	{name: "ExprShortCircuit/1,-1", job: ExprShortCircuit, args: in(1, -1), want: out(false, false, "l,r", nil), awaits: 2},
	{name: "ExprShortCircuit/-1,9", job: ExprShortCircuit, args: in(-1, 9), want: out(true, true, "l,r,y,z", nil), awaits: 2},
	{name: "ExprShortCircuit/-9,1", job: ExprShortCircuit, args: in(-9, 1), want: out(false, true, "l,r,y,z", nil), awaits: 1},
	{name: "ExprOpAssignForms", job: ExprOpAssignForms, want: out([]int{0, 2, 13}, map[string]int{"k": 8}, -1, nil), awaits: 5},
	{name: "ExprDiscarded", job: ExprDiscarded, want: out(3, nil), awaits: 6},
	{name: "ExprVarDecls", job: ExprVarDecls, want: out(13, 0.5, int8(2), nil), awaits: 3},
	{name: "ExprAwaitArgOrder", job: ExprAwaitArgOrder, want: out("1 2 3x52", "a,b,c,d,e,f", nil), awaits: 3},
	{name: "ExprAwaitErrorUsed", job: ExprAwaitErrorUsed, want: out("fail: a|even: 2", errors.New("fail: a")), awaits: 2},
})
