package probe

var _ = register([]probe{
	{name: "Misc2GenericTypes", job: Misc2GenericTypes, want: out(Box[int]{V: 6}, Box[string]{V: "x"}, nil), awaits: 2},
	{name: "Misc2Builtins", job: Misc2Builtins, want: out([]int{1, 2, 3, 7, 8}, map[string]int{"b": 2}, 200+4+1+3, nil), awaits: 6},
	{name: "Misc2SliceOfPointers", job: Misc2SliceOfPointers, args: in([]*Point{{X: 1}, {X: 2}}), want: out(6, nil), awaits: 2},
	{name: "Misc2BlankResult", job: Misc2BlankResult, want: out(0, errString("fail: blank")), awaits: 1},
	{name: "Misc2ParenPanic", job: Misc2ParenPanic, args: in(3), want: out(3), awaits: 1},
	{name: "Misc2FieldNamedLikeLocal", job: Misc2FieldNamedLikeLocal, want: out(Point{X: 3, Y: 20}, nil), awaits: 2},
	{name: "Misc2ChainedCalls", job: Misc2ChainedCalls, want: out("(4,5)", "p", nil), awaits: 1},
	{name: "Misc2Goroutine", job: Misc2Goroutine, want: out(7, nil), awaits: 2},
})
