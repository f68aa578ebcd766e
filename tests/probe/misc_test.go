package probe

import "time"

var _ = register([]probe{
	{name: "MiscCtxNamedIn", job: MiscCtxNamedIn, args: in(3), want: out(9, nil), awaits: 1},
	{name: "MiscNoResults", job: MiscNoResults, args: in(3), want: out(), awaits: 3},
	{name: "MiscErrorOnly/fail", job: MiscErrorOnly, args: in(true), want: out(errString("fail: only")), awaits: 1},
	{name: "MiscErrorOnly/ok", job: MiscErrorOnly, args: in(false), want: out(nil), awaits: 1},
	{name: "MiscLabelAtEnd", job: MiscLabelAtEnd, args: in(2), want: out(), awaits: 3},
	{name: "MiscLabelEmptyInLoop", job: MiscLabelEmptyInLoop, want: out(2, nil), awaits: 4},
	{name: "MiscShadowCtx", job: MiscShadowCtx, want: out("shadow4!", nil), awaits: 2},
	{name: "Tally.Add", job: Tally.Add, args: in(Tally{"a": 1}, "a", "bb"), want: out(Tally{"a": 2, "bb": 2}, nil), awaits: 2},
	{name: "Vec.Scale", job: Vec.Scale, args: in(Vec{1, 2, 3}), want: out(Vec{1, 4, 9}, nil), awaits: 3},
	{name: "MiscRangeLitWithAwaits", job: MiscRangeLitWithAwaits, want: out(103, nil), awaits: 4},
	{name: "MiscContinueInTypeSwitch", job: MiscContinueInTypeSwitch, want: out(1000+1+3, nil), awaits: 2},
	{name: "MiscBreakLabeledSwitch/1", job: MiscBreakLabeledSwitch, args: in(1), want: out(3, nil), awaits: 1},
	{name: "MiscBreakLabeledSwitch/2", job: MiscBreakLabeledSwitch, args: in(2), want: out(20, nil), awaits: 2},
	{name: "MiscIfFalseAwait", job: MiscIfFalseAwait, want: out(2, nil), awaits: 1},
	{name: "MiscParams", job: MiscParams, args: in([2]int{1, 2}, map[string][]int{"x": {7}, "a": nil}, &Point{X: 1}, time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC), time.Second, 0.5, []byte("hi")), want: out("[1 2] [a x] [7] (1,0) 2024 1s 0.5hi", nil), awaits: 2},
	{name: "MiscRangeIndexOnlyAppend", job: MiscRangeIndexOnlyAppend, args: in([]int{1, 2}), want: out([]int{1, 2, 0, 10}, nil), awaits: 2},
	{name: "MiscLoopCondAnd", job: MiscLoopCondAnd, want: out(3, nil), awaits: 4},
	{name: "MiscEmbeddedFields", job: MiscEmbeddedFields, want: out(Inner{IX: 1, IY: 2}, Point{X: 4, Y: 3}, 10, nil), awaits: 4},
	{name: "MiscReturnAwaitDirect/3", job: MiscReturnAwaitDirect, args: in(3), want: out(3, nil), awaits: 1},
	{name: "MiscReturnAwaitDirect/2", job: MiscReturnAwaitDirect, args: in(2), want: out(0, errString("even: 2")), awaits: 1},
	{name: "MiscReturnAwaitDirect/-1", job: MiscReturnAwaitDirect, args: in(-1), want: out(0, errString("fail: neg")), awaits: 1},
	{name: "MiscSelectNoAwait", job: MiscSelectNoAwait, want: out(3, nil), awaits: 2},
	{name: "MiscNoAwait/2", job: MiscNoAwait, args: in(2), want: out(5, nil), awaits: 0},
	{name: "MiscNoAwait/0", job: MiscNoAwait, args: in(0), want: out(-1, nil), awaits: 0},
	{name: "MiscDeferModifiesResult", job: MiscDeferModifiesResult, args: in(4), want: out(10, nil), awaits: 0},
})
