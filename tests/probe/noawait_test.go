package probe

var _ = register([]probe{
	{name: "NoAwaitPanics/0", job: NoAwaitPanics, args: in(0), want: out(), awaits: 0},
	{name: "NoAwaitPanics/1", job: NoAwaitPanics, args: in(1), want: out(1, nil), awaits: 0},
	{name: "Counter.NoAwaitMethod", job: Counter.NoAwaitMethod, args: in(Counter(1), 2, 3), want: out(Counter(6), nil), awaits: 0},
	{name: "NoAwaitLocalType", job: NoAwaitLocalType, want: out(4, nil), awaits: 0},
})
