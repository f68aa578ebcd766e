package equiv

import (
	"math"
	"time"
)

var valueCases = []jobCase{
	{name: "ValIntExtremes", job: ValIntExtremes, want: out(int64(math.MinInt64), int64(math.MaxInt64), math.MinInt, int8(math.MinInt8), uint8(math.MaxUint8), int32(math.MaxInt32), nil), awaits: 1},
	{name: "ValInt64Activity", job: ValInt64Activity, want: out(int64(math.MinInt64), int64(math.MaxInt64), nil), awaits: 2},
	{name: "ValUint64", job: ValUint64, want: out(uint64(math.MaxUint64), uint64(math.MaxUint64-1), uint64(math.MaxUint64), true, nil), awaits: 2},
	{name: "ValFloats", job: ValFloats, want: out(math.NaN(), math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.SmallestNonzeroFloat64, math.MaxFloat64, float32(0.1), "nan -0 inf tiny f32", nil), awaits: 1},
	{name: "ValFloatsActivity", job: ValFloatsActivity, want: out(math.NaN(), math.Copysign(0, -1), math.Inf(-1), true, nil), awaits: 3},
	{name: "ValStrings", job: ValStrings, want: out("\xff\xfe", "héllo 世界 🎉", "\xff\xfe\x80", "a\x00b", 18, nil), awaits: 2},
	{name: "ValNilEmpty", job: ValNilEmpty, want: out([]int(nil), []int{}, map[string]int(nil), map[string]int{}, "nilS emptyS nilM emptyM", nil), awaits: 1},
	{name: "ValNilEmptyActivity", job: ValNilEmptyActivity, want: out([]int(nil), []int{}, map[string]int(nil), map[string]int{}, "ok", nil), awaits: 4},
	{name: "ValNestedNil", job: ValNestedNil, want: out([][]int{nil, {}, {1}}, map[string][]int{"nil": nil, "empty": {}, "one": {1}}, nil), awaits: 1},
	{name: "ValBytes", job: ValBytes, want: out([]byte("hi\x00\xff"), []byte("\x00\xff"), true, true, nil), awaits: 2},
	{name: "ValArrays", job: ValArrays, want: out([3]int{1, 20, 3}, [2]string{"", "z"}, [2][2]bool{{true, false}, {false, true}}, [0]int{}, nil), awaits: 2},
	{name: "ValNested", job: ValNested, want: out(Outer{
		Name: "o",
		In:   Inner{N: 11, Tags: []string{"a", "b"}, M: map[string]float64{"x": 1.5}},
		List: []Inner{{N: 2}, {N: 3, Tags: []string{}}, {N: 5}},
		Arr:  [2]Inner{{N: 4, M: map[string]float64{}}, {Tags: []string{"t"}}},
	}, nil), awaits: 2},
	{name: "ValNestedActivity", job: ValNestedActivity, want: out(Outer{Name: "\xff", In: Inner{Tags: []string{}}, Bytes: []byte{}}, nil), awaits: 1},
	{name: "ValNamedBasic", job: ValNamedBasic, want: out(Celsius(-40.5), Label("lbl"), Count(10), Flags(0x81), Ok(true), Ints{1, 2}, Dict{"a": 1, "lbl": 10}, nil), awaits: 2},
	{name: "ValDuration", job: ValDuration, want: out(3*time.Second, -time.Nanosecond, nil), awaits: 2},
	{name: "ValEmbedded", job: ValEmbedded, want: out(Derived{Base: Base{ID: 5}, Name: "d"}, 5, nil), awaits: 2},
	{name: "ValZero", job: ValZero, want: out(Pair{}, "", 0, false, []string(nil), Outer{}, nil), awaits: 1},
	{name: "ValRunes", job: ValRunes, want: out('世', byte(0xff), []rune{'a', 0xFFFD, 'é'}, nil), awaits: 1},
	{name: "ValStructKeyMap", job: ValStructKeyMap, want: out(map[Pair]string{{A: 1, B: 2}: "x", {}: "zero"}, map[[2]int]bool{{1, 2}: true}, nil), awaits: 1},
	{name: "ValLargeSlice", job: ValLargeSlice, want: out(1000, 502497, nil), awaits: 3},
	{name: "ValMapMutated", job: ValMapMutated, want: out(map[string]int{"b": 2, "c": 3, "\xff": 4}, nil), awaits: 3},
}
