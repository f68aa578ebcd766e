package probe

var _ = register([]probe{
	{name: "ImportsTwoTemplates", job: ImportsTwoTemplates, want: out("<b>|&lt;b&gt;", nil), awaits: 2},
	{name: "ImportsLocalNamedLikeAliasedPackage", job: ImportsLocalNamedLikeAliasedPackage, want: out("[x]", nil), awaits: 2},
})
