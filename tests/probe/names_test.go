package probe

var _ = register([]probe{
	{name: "NamesInternals", job: NamesInternals, args: in(1, "q"), want: out(1+1+2+3+4+5+6+7+8+9+10+11+12+13, "q", nil), awaits: 2},
	{name: "NamesShadowStrings", job: NamesShadowStrings, want: out(2, "ABc", nil), awaits: 2},
	{name: "NamesShadowHelperV", job: NamesShadowHelperV, want: out(16, nil), awaits: 2},
	{name: "NamesLocalInt", job: NamesLocalInt, want: out(6, nil), awaits: 1},
	{name: "NamesLocalTime", job: NamesLocalTime, want: out(int64(1507), nil), awaits: 1},
	{name: "NamesUnicode", job: NamesUnicode, args: in(5), want: out(8, nil), awaits: 4},
	{name: "NamesGeneratedLabels", job: NamesGeneratedLabels, want: out(3, nil), awaits: 3},
	{name: "NamesShadowPerScope", job: NamesShadowPerScope, want: out(2, nil), awaits: 5},
	{name: "NamesResultsLikeInternals", job: NamesResultsLikeInternals, want: out(1, "s", 2, nil), awaits: 2},
})
