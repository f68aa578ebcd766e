package probe

var _ = register([]probe{
	{name: "SwitchLazyCases/1", job: SwitchLazyCases, args: in(1), want: out("a", "tag,c1", nil), awaits: 0},
	{name: "SwitchLazyCases/2", job: SwitchLazyCases, args: in(2), want: out("a", "tag,c1", nil), awaits: 1},
	{name: "SwitchLazyCases/3", job: SwitchLazyCases, args: in(3), want: out("b", "tag,c1", nil), awaits: 2},
	{name: "SwitchLazyCases/4", job: SwitchLazyCases, args: in(4), want: out("b", "tag,c1,c4", nil), awaits: 2},
	{name: "SwitchLazyCases/5", job: SwitchLazyCases, args: in(5), want: out("c", "tag,c1,c4", nil), awaits: 3},
	{name: "SwitchLazyCases/9", job: SwitchLazyCases, args: in(9), want: out("d", "tag,c1,c4", nil), awaits: 3},
	{name: "SwitchFallthroughDefault/1", job: SwitchFallthroughDefault, args: in(1), want: out([]string{"one", "default", "two"}, nil), awaits: 2},
	{name: "SwitchFallthroughDefault/2", job: SwitchFallthroughDefault, args: in(2), want: out([]string{"two"}, nil), awaits: 1},
	{name: "SwitchFallthroughDefault/3", job: SwitchFallthroughDefault, args: in(3), want: out([]string{"three"}, nil), awaits: 0},
	{name: "SwitchFallthroughDefault/9", job: SwitchFallthroughDefault, args: in(9), want: out([]string{"default", "two"}, nil), awaits: 1},
	{name: "SwitchInitNoTag/20", job: SwitchInitNoTag, args: in(20), want: out(40, nil), awaits: 2},
	{name: "SwitchInitNoTag/7", job: SwitchInitNoTag, args: in(7), want: out(0, nil), awaits: 1},
	{name: "SwitchInitNoTag/1", job: SwitchInitNoTag, args: in(1), want: out(2, nil), awaits: 1},
	{name: "SwitchConstTag", job: SwitchConstTag, want: out(3, nil), awaits: 2},
	{name: "SwitchBreakInLoop", job: SwitchBreakInLoop, want: out(1111, nil), awaits: 4},
	{name: "SwitchTypeSwitchInside", job: SwitchTypeSwitchInside, want: out("string:s!", nil), awaits: 2},
	{name: "SwitchCaseScopes/1", job: SwitchCaseScopes, args: in(1), want: out(10, nil), awaits: 1},
	{name: "SwitchCaseScopes/2", job: SwitchCaseScopes, args: in(2), want: out(100, nil), awaits: 1},
	{name: "SwitchCaseScopes/3", job: SwitchCaseScopes, args: in(3), want: out(2, nil), awaits: 0},
	{name: "SwitchNestedFallthroughReturn", job: SwitchNestedFallthroughReturn, want: out(1+10+10+1000, nil), awaits: 3},
})
