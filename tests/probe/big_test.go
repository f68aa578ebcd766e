package probe

var _ = register([]probe{
	{name: "BigStraight", job: BigStraight, want: out(5995, nil), awaits: 2000},
	{name: "BigLive", job: BigLive, want: out(444, nil), awaits: 150},
	{name: "BigLoop", job: BigLoop, args: in(5000), want: out(4999, nil), awaits: 5000},
	{name: "BigBranches/6", job: BigBranches, args: in(6), want: out(150, nil), awaits: 180},
	{name: "BigBranches/12", job: BigBranches, args: in(12), want: out(300, nil), awaits: 240},
})
