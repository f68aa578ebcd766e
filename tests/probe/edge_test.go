package probe

var _ = register([]probe{
	{name: "EdgeReceiverOfAwaitCall", job: EdgeReceiverOfAwaitCall, want: out(3, "recv,op", nil), awaits: 1},
	{name: "EdgeUntypedBoolSpill", job: EdgeUntypedBoolSpill, args: in(1), want: out(7, int64(3), nil), awaits: 2},
	{name: "EdgeLabeledConst", job: EdgeLabeledConst, want: out(6, nil), awaits: 3},
	{name: "EdgeLabeledVar", job: EdgeLabeledVar, want: out(1+2+4+8, nil), awaits: 4},
	{name: "EdgeSwitchArrayCase/2", job: EdgeSwitchArrayCase, args: in([2]int{2, 2}), want: out("two", nil), awaits: 1},
	{name: "EdgeShiftSpill", job: EdgeShiftSpill, want: out(5, nil), awaits: 1},
	{name: "EdgeUntypedBoolToAny", job: EdgeUntypedBoolToAny, want: out("true 3", nil), awaits: 1},
	{name: "EdgeCallToAnySpill", job: EdgeCallToAnySpill, want: out("1 3 2", nil), awaits: 1},
	{name: "EdgeLoopVarShadowedInBody", job: EdgeLoopVarShadowedInBody, want: out(0+1+10+11+20+21, nil), awaits: 3},
	{name: "EdgeSwitchInitAwaitNoTagNoCases", job: EdgeSwitchInitAwaitNoTagNoCases, want: out(1, nil), awaits: 1},
})
