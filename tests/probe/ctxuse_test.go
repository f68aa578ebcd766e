package probe

var _ = register([]probe{
	{name: "CtxDerived", job: CtxDerived, want: out(2+0+0+1+1, nil), awaits: 4},
	{name: "CtxLocalTypesInLoop", job: CtxLocalTypesInLoop, want: out(4, nil), awaits: 4},
})
