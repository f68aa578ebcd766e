package equiv

var closureCases = []jobCase{
	{name: "ClosureCounter", job: ClosureCounter, args: in(1), want: out(8, nil), awaits: 2},
	{name: "ClosureNested", job: ClosureNested, args: in(2), want: out("pq3", nil), awaits: 1},
	{name: "ClosureLoop", job: ClosureLoop, args: in([]int{1, 2, 3}), want: out(18, nil), awaits: 3},
	{name: "OpChangesLive", job: OpChangesLive, want: out(212, nil), awaits: 2},
	{name: "ClosureLoop/empty", job: ClosureLoop, args: in([]int(nil)), want: out(0, nil), awaits: 0},
}
