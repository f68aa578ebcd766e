package equiv

import "errors"

var composeCases = []jobCase{
	{name: "Double", job: Double, args: in(4), want: out(8, nil), awaits: 2},
	{name: "Triple", job: Triple, args: in(5), want: out(15), awaits: 1},
	{name: "Note", job: Note, args: in("n"), want: out(), awaits: 1, records: []string{"n"}},
	{name: "Failing", job: Failing, args: in("y"), want: out(-1, errors.New("failing y: boom: y")), awaits: 1},
	{name: "Plain", job: Plain, args: in(1), want: out(2, nil), awaits: 0},
	{name: "ComposeSeq", job: ComposeSeq, args: in(3), want: out(9018, nil), awaits: 4},
	{name: "ComposeLoop", job: ComposeLoop, args: in([]int{1, 2, 3}), want: out(28, nil), awaits: 6},
	{name: "ComposeLoop/empty", job: ComposeLoop, args: in([]int(nil)), want: out(0, nil), awaits: 0},
	{name: "ComposeOrder", job: ComposeOrder, args: in(2, 5), want: out("2 14 5 left,right", nil), awaits: 4},
	{name: "ComposeKinds/big", job: ComposeKinds, args: in(2), want: out("big 7", nil), awaits: 3, records: []string{"after 7"}},
	{name: "ComposeKinds/small", job: ComposeKinds, args: in(1), want: out("small 4", nil), awaits: 3, records: []string{"after 4"}},
	{name: "ComposeError", job: ComposeError, args: in("x"), want: out("-1 failing x: boom: x true", nil), awaits: 1},
	{name: "ComposeReturn/neg", job: ComposeReturn, args: in(-3), want: out(6, nil), awaits: 2},
	{name: "ComposeReturn/pos", job: ComposeReturn, args: in(4), want: out(7, nil), awaits: 2},
	{name: "ComposeDeep", job: ComposeDeep, args: in(1), want: out(6012, nil), awaits: 9},
	{name: "ComposeVariadic", job: ComposeVariadic, args: in([]int{4, 5}), want: out(30009, nil), awaits: 4},
	{name: "ComposePlain", job: ComposePlain, args: in(1), want: out(5, nil), awaits: 2},
	{name: "ComposeSwitch/first", job: ComposeSwitch, args: in(1), want: out("one", nil), awaits: 4},
	{name: "ComposeSwitch/second", job: ComposeSwitch, args: in(3), want: out("three of two", nil), awaits: 5},
	{name: "ComposeMethod", job: ComposeMethod, args: in(1), want: out(2043, nil), awaits: 4},
	{name: "MakeCounter", job: MakeCounter, args: in(6), want: out(Counter{Base: 6}), awaits: 1},
	{name: "ComposeMethodExprs", job: ComposeMethodExprs, args: in(4), want: out(505, nil), awaits: 4},
	{name: "ComposeSwitch/default", job: ComposeSwitch, args: in(5), want: out("other", nil), awaits: 5},
}
