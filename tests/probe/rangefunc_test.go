package probe

var _ = register([]probe{
	{name: "RangeFuncJumps/cont", job: RangeFuncJumps, args: in([][]int{{1, 2}, {3, -1, 4}, {5}}), want: out(0+3+1000+1+3+2+5+1000, nil), awaits: 3},
	{name: "RangeFuncJumps/break", job: RangeFuncJumps, args: in([][]int{{1}, {0, 9}}), want: out(0+1+1000+1, nil), awaits: 2},
	{name: "RangeFuncJumps/return", job: RangeFuncJumps, args: in([][]int{{1}, {200}}), want: out(-200, nil), awaits: 2},
})
