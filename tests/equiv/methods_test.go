package equiv

var methodCases = []jobCase{
	{name: "UnusedParam", job: UnusedParam, args: in("no", 3), want: out(3, nil), awaits: 1},
	{name: "Counter.Ignore", job: Counter.Ignore, args: in(Counter{Base: 1}, 2), want: out(7, nil), awaits: 1},
	{name: "Counter.Count", job: Counter.Count, args: in(Counter{Base: 3}, 4), want: out(9, nil), awaits: 4},
	{name: "Counter.Count/0", job: Counter.Count, args: in(Counter{Base: 3}, 0), want: out(3, nil), awaits: 0},
	{name: "Counter.Label", job: Counter.Label, args: in(Counter{Base: 7}, "p"), want: out("p#7", nil), awaits: 1},
	{name: "Counter.AddAll", job: Counter.AddAll, args: in(Counter{Base: 1}, 2, 3), want: out(6, nil), awaits: 2},
	{name: "Counter.AddAll/none", job: Counter.AddAll, args: in(Counter{Base: 1}), want: out(1, nil), awaits: 0},
	{name: "Counter.Static", job: Counter.Static, args: in(Counter{}, 21), want: out(42, nil), awaits: 1},
	{name: "Scale.Apply", job: Scale.Apply, args: in(Scale(3), []int{1, 2}), want: out([]int{3, 6}, nil), awaits: 2},
	{name: "Machine.Run", job: Machine.Run, args: in(Machine{Steps: []string{"a", "b"}}), want: out("ab0", nil), awaits: 2},
	{name: "Sum/3", job: Sum, args: in(1, 2, 3), want: out(6, nil), awaits: 3},
	{name: "Sum/none", job: Sum, want: out(0, nil), awaits: 0},
	{name: "Join/3", job: Join, args: in("-", "a", "b", "c"), want: out("a-b-c", nil), awaits: 3},
	{name: "Join/none", job: Join, args: in(","), want: out("", nil), awaits: 0},
	{name: "VariadicModify", job: VariadicModify, args: in(1, 2, 3), want: out(3, 60, nil), awaits: 3},
}
