package equiv

var typeSwitchCases = []jobCase{
	{name: "TypeSwitchAwait/int", job: TypeSwitchAwait, args: in(0), want: out("int 14", nil), awaits: 1},
	{name: "TypeSwitchAwait/string", job: TypeSwitchAwait, args: in(1), want: out("string sevenseven", nil), awaits: 1},
	{name: "TypeSwitchAwait/shape", job: TypeSwitchAwait, args: in(2), want: out("shape 9", nil), awaits: 1},
	{name: "TypeSwitchAwait/float", job: TypeSwitchAwait, args: in(3), want: out("other float64", nil), awaits: 0},
	{name: "TypeSwitchAwait/nil", job: TypeSwitchAwait, args: in(4), want: out("nil", nil), awaits: 1},
	{name: "TypeSwitchNoVar", job: TypeSwitchNoVar, args: in(4), want: out(121, nil), awaits: 3},
}
