package probe

var _ = register([]probe{
	{name: "ImplicitTwoTemplates", job: ImplicitTwoTemplates, want: out("<i>|&lt;i&gt;", nil), awaits: 2},
	{name: "ImplicitRandV2", job: ImplicitRandV2, want: out(10, nil), awaits: 2},
	{name: "ImplicitLocalNamedTemplate", job: ImplicitLocalNamedTemplate, want: out("<z>", nil), awaits: 2},
	{name: "ImplicitLocalNamedRand", job: ImplicitLocalNamedRand, want: out(3, nil), awaits: 1},
})
