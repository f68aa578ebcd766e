package probe

import (
	"math"
	"time"
)

var _ = register([]probe{
	{name: "ValuesEmptyVsNil", job: ValuesEmptyVsNil, want: out([]int{}, []int(nil), map[string]int{}, map[string]int(nil), nil), awaits: 5},
	{name: "ValuesPointers", job: ValuesPointers, want: out(&Point{X: 1, Y: 2}, true, nil), awaits: 2},
	{name: "ValuesTime", job: ValuesTime, args: in(time.Date(2024, 5, 6, 7, 8, 9, 123456789, time.FixedZone("X", 3600))), want: out("2024-05-06T07:08:09.123456789+01:00", true, nil), awaits: 3},
	{name: "ValuesNestedEmpty", job: ValuesNestedEmpty, want: out([][]string{nil, {}, {""}}, nil), awaits: 2},
	{name: "ValuesFloatsSpecial", job: ValuesFloatsSpecial, want: out([]float64{math.Copysign(0, -1), math.Inf(1), math.Inf(-1), 5e-324, math.NaN(), math.Copysign(0, -1)}, nil), awaits: 2},
	{name: "ValuesInvalidUTF8", job: ValuesInvalidUTF8, want: out("a\xffb\xc0\x80", []string{"\xed\xa0\x80", "ok"}, map[string]int{"\xfe": 1}, nil), awaits: 2},
	{name: "ValuesErrorIdentity", job: ValuesErrorIdentity, want: out(true, true, nil), awaits: 1, skip: "documented: an error kept across an await comes back as its text, so err == sentinel and errors.Is turn false"},
	{name: "ArgAlias", job: ArgAlias, args: in(aliased, aliased), want: out([]int{9}, nil), awaits: 1, skip: "fsmtest.Check copies each argument for the machine separately: two arguments sharing an array alias in the plain run only (silent difference)"},
})

var aliased = []int{1}
