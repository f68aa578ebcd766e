package probe

var _ = register([]probe{
	{name: "Types2IterSeq", job: Types2IterSeq, want: out(6, []string{"a", "b"}, nil), awaits: 2},
	{name: "Types2Unsafe", job: Types2Unsafe, want: out(9, nil), awaits: 2},
	{name: "Types2Exotic", job: Types2Exotic, want: out(4+5, nil), awaits: 2},
})
