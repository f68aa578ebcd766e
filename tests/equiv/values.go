package equiv

import (
	"math"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Values of many kinds held live across an await (and some passed through an
// activity), then returned. Checks that need the exact value to survive, like
// nil against empty, are also made inside the job after the await.

// Inner and Outer nest structs, slices, maps and arrays.
type Inner struct {
	N    int
	Tags []string
	M    map[string]float64
}

type Outer struct {
	Name  string
	In    Inner
	List  []Inner
	Arr   [2]Inner
	Bytes []byte
}

// Named basic types.
type (
	Celsius float64
	Label   string
	Count   int
	Flags   uint8
	Ok      bool
	Ints    []int
	Dict    map[Label]Count
)

// Base is embedded in Derived.
type Base struct {
	ID int
}

type Derived struct {
	Base
	Name string
}

//fsmgen:job
func ValIntExtremes(ctx fsm.Context) (int64, int64, int, int8, uint8, int32, error) {
	a, b := int64(math.MinInt64), int64(math.MaxInt64)
	c := math.MinInt
	d := int8(math.MinInt8)
	u := uint8(math.MaxUint8)
	w := int32(math.MaxInt32)
	fsm.Await(ctx, Echo.Call(0))
	return a, b, c, d, u, w, nil
}

//fsmgen:job
func ValInt64Activity(ctx fsm.Context) (int64, int64, error) {
	a := v(fsm.Await(ctx, EchoI64.Call(math.MinInt64)))
	b := v(fsm.Await(ctx, EchoI64.Call(math.MaxInt64)))
	return a, b, nil
}

//fsmgen:job
func ValUint64(ctx fsm.Context) (uint64, uint64, uint64, bool, error) {
	u := uint64(math.MaxUint64)
	fsm.Await(ctx, Echo.Call(0))
	w := v(fsm.Await(ctx, EchoU64.Call(u)))
	return u, u - 1, w, u == w, nil
}

// ValFloats keeps NaN, -0, ±Inf and extreme floats; the checks after the await
// make sure their bits survived.
//
//fsmgen:job
func ValFloats(ctx fsm.Context) (float64, float64, float64, float64, float64, float64, float32, string, error) {
	nan := math.NaN()
	negz := math.Copysign(0, -1)
	inf := math.Inf(1)
	ninf := math.Inf(-1)
	tiny := math.SmallestNonzeroFloat64
	huge := math.MaxFloat64
	f32 := float32(0.1)
	fsm.Await(ctx, Echo.Call(0))
	checks := ""
	if math.IsNaN(nan) {
		checks += "nan "
	}
	if negz == 0 && math.Signbit(negz) {
		checks += "-0 "
	}
	if math.IsInf(inf, 1) && math.IsInf(ninf, -1) {
		checks += "inf "
	}
	if tiny > 0 && tiny/2 == 0 {
		checks += "tiny "
	}
	if f32 == float32(0.1) {
		checks += "f32"
	}
	return nan, negz, inf, ninf, tiny, huge, f32, checks, nil
}

// ValFloatsActivity passes special floats through an activity.
//
//fsmgen:job
func ValFloatsActivity(ctx fsm.Context) (float64, float64, float64, bool, error) {
	nan := v(fsm.Await(ctx, EchoF64.Call(math.NaN())))
	negz := v(fsm.Await(ctx, EchoF64.Call(math.Copysign(0, -1))))
	inf := v(fsm.Await(ctx, EchoF64.Call(math.Inf(-1))))
	return nan, negz, inf, math.IsNaN(nan) && math.Signbit(negz), nil
}

//fsmgen:job
func ValStrings(ctx fsm.Context) (string, string, string, string, int, error) {
	invalid := "\xff\xfe"
	multi := "héllo 世界 🎉"
	empty := ""
	nul := "a\x00b"
	fsm.Await(ctx, Echo.Call(0))
	s := v(fsm.Await(ctx, Str.Call(invalid+"\x80")))
	return invalid, multi, empty + s, nul, len(multi), nil
}

// ValNilEmpty keeps nil and empty slices and maps apart across an await.
//
//fsmgen:job
func ValNilEmpty(ctx fsm.Context) ([]int, []int, map[string]int, map[string]int, string, error) {
	var nilS []int
	emptyS := []int{}
	var nilM map[string]int
	emptyM := map[string]int{}
	fsm.Await(ctx, Echo.Call(0))
	checks := ""
	if nilS == nil {
		checks += "nilS "
	}
	if emptyS != nil {
		checks += "emptyS "
	}
	if nilM == nil {
		checks += "nilM "
	}
	if emptyM != nil {
		checks += "emptyM"
	}
	return nilS, emptyS, nilM, emptyM, checks, nil
}

// ValNilEmptyActivity sends nil and empty values through activities.
//
//fsmgen:job
func ValNilEmptyActivity(ctx fsm.Context) ([]int, []int, map[string]int, map[string]int, string, error) {
	a := v(fsm.Await(ctx, EchoInts.Call(nil)))
	b := v(fsm.Await(ctx, EchoInts.Call([]int{})))
	c := v(fsm.Await(ctx, EchoDict.Call(nil)))
	d := v(fsm.Await(ctx, EchoDict.Call(map[string]int{})))
	checks := ""
	if a == nil && b != nil && c == nil && d != nil {
		checks = "ok"
	}
	return a, b, c, d, checks, nil
}

// ValNestedNil keeps nil and empty apart inside containers.
//
//fsmgen:job
func ValNestedNil(ctx fsm.Context) ([][]int, map[string][]int, error) {
	xs := [][]int{nil, {}, {1}}
	m := map[string][]int{"nil": nil, "empty": {}, "one": {1}}
	fsm.Await(ctx, Echo.Call(0))
	if xs[0] != nil || xs[1] == nil || m["nil"] != nil || m["empty"] == nil {
		return nil, nil, nil
	}
	return xs, m, nil
}

//fsmgen:job
func ValBytes(ctx fsm.Context) ([]byte, []byte, bool, bool, error) {
	b := []byte("hi\x00\xff")
	var nb []byte
	eb := []byte{}
	fsm.Await(ctx, Echo.Call(0))
	b2 := v(fsm.Await(ctx, EchoBytes.Call([]byte("\x00\xff"))))
	return b, b2, nb == nil, eb != nil, nil
}

//fsmgen:job
func ValArrays(ctx fsm.Context) ([3]int, [2]string, [2][2]bool, [0]int, error) {
	a := [3]int{1, 2, 3}
	var z [2]string
	g := [2][2]bool{{true, false}, {false, true}}
	var none [0]int
	fsm.Await(ctx, Echo.Call(0))
	a[1] = 20
	z[1] = v(fsm.Await(ctx, Str.Call("z")))
	return a, z, g, none, nil
}

//fsmgen:job
func ValNested(ctx fsm.Context) (Outer, error) {
	o := Outer{
		Name: "o",
		In:   Inner{N: 1, Tags: []string{"a", "b"}, M: map[string]float64{"x": 1.5}},
		List: []Inner{{N: 2}, {N: 3, Tags: []string{}}},
		Arr:  [2]Inner{{N: 4, M: map[string]float64{}}, {}},
	}
	fsm.Await(ctx, Echo.Call(0))
	o.In.N += v(fsm.Await(ctx, Echo.Call(10)))
	o.List = append(o.List, Inner{N: 5})
	o.Arr[1].Tags = []string{"t"}
	return o, nil
}

// ValNestedActivity sends a nested struct through an activity.
//
//fsmgen:job
func ValNestedActivity(ctx fsm.Context) (Outer, error) {
	o := Outer{Name: "\xff", In: Inner{Tags: []string{}}, Bytes: []byte{}}
	return v(fsm.Await(ctx, EchoOuter.Call(o))), nil
}

//fsmgen:job
func ValNamedBasic(ctx fsm.Context) (Celsius, Label, Count, Flags, Ok, Ints, Dict, error) {
	c := Celsius(-40.5)
	l := Label("lbl")
	n := Count(7)
	f := Flags(0x81)
	ok := Ok(true)
	xs := Ints{1, 2}
	d := Dict{"a": 1}
	fsm.Await(ctx, Echo.Call(0))
	n += Count(v(fsm.Await(ctx, Echo.Call(3))))
	d[l] = n
	return c, l, n, f, ok, xs, d, nil
}

//fsmgen:job
func ValDuration(ctx fsm.Context) (time.Duration, time.Duration, error) {
	d := 1500 * time.Millisecond
	fsm.Await(ctx, Echo.Call(0))
	d *= 2
	e := v(fsm.Await(ctx, EchoDur.Call(-time.Nanosecond)))
	return d, e, nil
}

//fsmgen:job
func ValEmbedded(ctx fsm.Context) (Derived, int, error) {
	d := Derived{Base: Base{ID: 4}, Name: "d"}
	fsm.Await(ctx, Echo.Call(0))
	d.ID += v(fsm.Await(ctx, Echo.Call(1)))
	return d, d.Base.ID, nil
}

//fsmgen:job
func ValZero(ctx fsm.Context) (Pair, string, int, bool, []string, Outer, error) {
	var p Pair
	var s string
	var n int
	var b bool
	var xs []string
	var o Outer
	fsm.Await(ctx, Echo.Call(0))
	return p, s, n, b, xs, o, nil
}

//fsmgen:job
func ValRunes(ctx fsm.Context) (rune, byte, []rune, error) {
	r := '世'
	b := byte(0xff)
	rs := []rune("a\xffé")
	fsm.Await(ctx, Echo.Call(0))
	return r, b, rs, nil
}

// ValStructKeyMap keeps a map keyed by structs and one keyed by arrays.
//
//fsmgen:job
func ValStructKeyMap(ctx fsm.Context) (map[Pair]string, map[[2]int]bool, error) {
	m := map[Pair]string{{A: 1, B: 2}: "x", {}: "zero"}
	a := map[[2]int]bool{{1, 2}: true}
	fsm.Await(ctx, Echo.Call(0))
	return m, a, nil
}

// ValLargeSlice keeps a large slice across awaits and changes it between them.
//
//fsmgen:job
func ValLargeSlice(ctx fsm.Context) (int, int, error) {
	xs := make([]int, 1000)
	for i := range xs {
		xs[i] = i
	}
	for i := range 3 {
		xs[i] = v(fsm.Await(ctx, Echo.Call(i*1000)))
	}
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return len(xs), sum, nil
}

// ValMapMutated changes a map between awaits.
//
//fsmgen:job
func ValMapMutated(ctx fsm.Context) (map[string]int, error) {
	m := map[string]int{"a": 1, "b": 2}
	fsm.Await(ctx, Echo.Call(0))
	delete(m, "a")
	m["c"] = v(fsm.Await(ctx, Echo.Call(3)))
	m["\xff"] = 4
	fsm.Await(ctx, Echo.Call(0))
	return m, nil
}
