package equiv

import "errors"

var scopeCases = []jobCase{
	{name: "Shadow3", job: Shadow3, want: out([]int{101, 11, 1}, nil), awaits: 5},
	{name: "ShadowIfFor/3", job: ShadowIfFor, args: in(3), want: out("if6;for0;for1;r;3", nil), awaits: 4},
	{name: "ShadowIfFor/-1", job: ShadowIfFor, args: in(-1), want: out("for0;for1;r;-1", nil), awaits: 3},
	{name: "ShadowTypes", job: ShadowTypes, want: out("str2.5[7]", nil), awaits: 3},
	{name: "ShadowErr", job: ShadowErr, want: out("kept", errors.New("boom: outer")), awaits: 3},
	{name: "ShadowParam", job: ShadowParam, args: in(5), want: out(45, 5, nil), awaits: 3},
	{name: "InternalNames", job: InternalNames, args: in(100), want: out(253, nil), awaits: 3},
	{name: "InternalNamesParams", job: InternalNamesParams, args: in(5, "s", []int{1}, true), want: out("s![1 5] true", nil), awaits: 2},
	{name: "PackageNames", job: PackageNames, want: out(28, nil), awaits: 1},
	{name: "LocalType", job: LocalType, want: out("total=30", nil), awaits: 2},
	{name: "LocalTypeShadow", job: LocalTypeShadow, want: out("lr", 3, nil), awaits: 1},
	{name: "LocalTypesSameName", job: LocalTypesSameName, want: out("one2", nil), awaits: 2},
	{name: "LocalConstAndAlias", job: LocalConstAndAlias, want: out(9, nil), awaits: 2},
	{name: "BlankParams", job: BlankParams, args: in("x", 4, []int{1}), want: out(5, nil), awaits: 1},
	{name: "ClosureBetweenAwaits", job: ClosureBetweenAwaits, want: out(8, nil), awaits: 2},
}
