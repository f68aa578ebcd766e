package equiv

import "errors"

var branchCases = []jobCase{
	{name: "IfInit/20", job: IfInit, args: in(20), want: out(40, nil), awaits: 1},
	{name: "IfInit/3", job: IfInit, args: in(3), want: out(3, nil), awaits: 1},
	{name: "IfInitLive/5", job: IfInitLive, args: in(5), want: out(30, nil), awaits: 2},
	{name: "IfInitLive/200", job: IfInitLive, args: in(200), want: out(200, nil), awaits: 1},
	{name: "IfCond/5", job: IfCond, args: in(5), want: out("big", nil), awaits: 1},
	{name: "IfCond/2", job: IfCond, args: in(2), want: out("mid", nil), awaits: 2},
	{name: "IfCond/1", job: IfCond, args: in(1), want: out("small", nil), awaits: 2},
	{name: "IfCondBool/3", job: IfCondBool, args: in(3), want: out(11, nil), awaits: 2},
	{name: "IfCondBool/7", job: IfCondBool, args: in(7), want: out(1, nil), awaits: 2},
	{name: "IfCondBool/-1", job: IfCondBool, args: in(-1), want: out(10, nil), awaits: 2},
	{name: "IfBranches/-5", job: IfBranches, args: in(-5), want: out(1005, nil), awaits: 2},
	{name: "IfBranches/0", job: IfBranches, args: in(0), want: out(1300, nil), awaits: 3},
	{name: "IfBranches/7", job: IfBranches, args: in(7), want: out(1024, nil), awaits: 4},
	{name: "IfElseInitShadow/7", job: IfElseInitShadow, args: in(7), want: out(7, nil), awaits: 1},
	{name: "IfElseInitShadow/1", job: IfElseInitShadow, args: in(1), want: out(33, nil), awaits: 2},
	{name: "IfElseInitShadow/3", job: IfElseInitShadow, args: in(3), want: out(26, nil), awaits: 2},
	{name: "IfNested/2,3", job: IfNested, args: in(2, 3), want: out(25, nil), awaits: 2},
	{name: "IfNested/2,-1", job: IfNested, args: in(2, -1), want: out(22, nil), awaits: 2},
	{name: "IfNested/-1,4", job: IfNested, args: in(-1, 4), want: out(-6, nil), awaits: 1},
	{name: "IfNested/-1,-1", job: IfNested, args: in(-1, -1), want: out(-10, nil), awaits: 0},
	{name: "IfNoElse/12", job: IfNoElse, args: in(12), want: out(25, nil), awaits: 2},
	{name: "IfNoElse/3", job: IfNoElse, args: in(3), want: out(3, nil), awaits: 1},
	{name: "IfNoElse/-2", job: IfNoElse, args: in(-2), want: out(2, nil), awaits: 1},
	{name: "IfNoElse/-1", job: IfNoElse, args: in(-1), want: out(1, nil), awaits: 0},
	{name: "IfErrChain/2", job: IfErrChain, args: in(2), want: out(3, errors.New("boom: step")), awaits: 3},
	{name: "IfErrChain/none", job: IfErrChain, args: in(-1), want: out(10, nil), awaits: 4},
}
