package probe

var _ = register([]probe{
	{name: "TypesLocalA", job: TypesLocalA, want: out(1, nil), awaits: 1},
	{name: "TypesInLoop", job: TypesInLoop, want: out(30, nil), awaits: 3},
	{name: "TypesNestedScopes/true", job: TypesNestedScopes, args: in(true), want: out(1, nil), awaits: 1},
	{name: "TypesNestedScopes/false", job: TypesNestedScopes, args: in(false), want: out(2, nil), awaits: 1},
	{name: "TypesLocalRefersLocal", job: TypesLocalRefersLocal, want: out(6, nil), awaits: 2},
	{name: "TypesLocalShadowsPackageType", job: TypesLocalShadowsPackageType, want: out(21, nil), awaits: 2},
	{name: "TypesLocalNamedInt", job: TypesLocalNamedInt, want: out(20, nil), awaits: 1},
	{name: "TypesResultsArrayMap", job: TypesResultsArrayMap, want: out([3]int{0, 1, 4}, map[string]int{"a": 0, "b": 1, "c": 4}, nil), awaits: 3},
	{name: "TypesLocalConstShadow", job: TypesLocalConstShadow, want: out(5, nil), awaits: 2},
	{name: "TypesAnonStruct", job: TypesAnonStruct, want: out(struct{ A, B int }{1, 2}, nil), awaits: 2},
	{name: "ConstNamedTime", job: ConstNamedTime, want: out(int64(6), nil), awaits: 1},
})
