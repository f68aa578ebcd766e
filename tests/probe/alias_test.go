package probe

var _ = register([]probe{
	{name: "AliasLocalFsm", job: AliasLocalFsm, want: out(3, nil), awaits: 3},
	{name: "AliasLocalRt", job: AliasLocalRt, want: out(143, nil), awaits: 2},
})
