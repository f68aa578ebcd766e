package probe

var _ = register([]probe{
	{name: "MoreKitchenSink", job: MoreKitchenSink, args: in([]string{"ab", "x-y", "cd", "e.f", "g"}), want: out("AB|XCDE:acex", nil), awaits: 7},
	{name: "MoreFallthroughSkipsCaseAwait/1", job: MoreFallthroughSkipsCaseAwait, args: in(1), want: out(11, nil), awaits: 1},
	{name: "MoreFallthroughSkipsCaseAwait/2", job: MoreFallthroughSkipsCaseAwait, args: in(2), want: out(10, nil), awaits: 2},
	{name: "MoreFallthroughSkipsCaseAwait/3", job: MoreFallthroughSkipsCaseAwait, args: in(3), want: out(0, nil), awaits: 2},
	{name: "MoreDeepExpr", job: MoreDeepExpr, want: out(6+20+2, "(4,0)", nil), awaits: 6},
	{name: "MoreMapOfSlices", job: MoreMapOfSlices, want: out(map[string][]int{"even": {0, 2}, "odd": {1}}, nil), awaits: 4},
	{name: "MorePanicAfterAwait/0", job: MorePanicAfterAwait, args: in(0), want: out(), awaits: 1},
	{name: "MorePanicAfterAwait/2", job: MorePanicAfterAwait, args: in(2), want: out(5, nil), awaits: 1},
	{name: "MoreGotoBackOutOfLoop", job: MoreGotoBackOutOfLoop, want: out((0+1)*2*10+(0+1+2)*10+3, nil), awaits: 7},
	{name: "MoreCondOnlyContinue", job: MoreCondOnlyContinue, want: out(1+3+5, nil), awaits: 6},
	{name: "MoreStringAccumulate", job: MoreStringAccumulate, args: in([]string{"a", "b"}), want: out("B.A.", nil), awaits: 2},
	{name: "MoreSwitchTrueTag/20", job: MoreSwitchTrueTag, args: in(20), want: out("big", nil), awaits: 0},
	{name: "MoreSwitchTrueTag/3", job: MoreSwitchTrueTag, args: in(3), want: out("start", nil), awaits: 1},
	{name: "MoreSwitchTrueTag/4", job: MoreSwitchTrueTag, args: in(4), want: out("pos", nil), awaits: 1},
	{name: "MoreSwitchTrueTag/-1", job: MoreSwitchTrueTag, args: in(-1), want: out("neg", nil), awaits: 1},
	{name: "MoreRangeIntBreakContinue", job: MoreRangeIntBreakContinue, want: out(1062, nil), awaits: 5},
})
