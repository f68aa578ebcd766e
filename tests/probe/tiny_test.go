package probe

var _ = register([]probe{
	{name: "TinyEmpty", job: TinyEmpty, want: out(), awaits: 0},
	{name: "TinyBareNamed", job: TinyBareNamed, want: out(0), awaits: 0},
	{name: "TinyOnlyAwait", job: TinyOnlyAwait, want: out(), awaits: 1},
	{name: "TinyDoubleLabel", job: TinyDoubleLabel, want: out(6, nil), awaits: 6},
	{name: "TinyGotoFirst", job: TinyGotoFirst, args: in(0), want: out(3, nil), awaits: 3},
})
