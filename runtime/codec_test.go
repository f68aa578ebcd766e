package fsm

import (
	"bytes"
	"fmt"
	"math"
	"math/big"
	"net/netip"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"
	"unsafe"
)

// Named types as jobs declare them.
type (
	Celsius float64
	ID      string
	Flags   uint8
	Addr    uintptr
	Wave    complex128
)

type Point struct{ X, Y int }

type Inner struct {
	Name string
	Tags []string
}

type Base struct {
	BaseID ID
	Meta   map[string]int
}

type Outer struct {
	Base         // embedded value
	*Extra       // embedded pointer, nil or not
	P      Point // nested
	In     *Inner
	List   []Inner
	ByID   map[ID]Inner
	ByNum  map[int]string
	Raw    []byte
	Arr    [3]int
	Temp   Celsius
	F      Flags
	D      time.Duration
	skip   struct{} // zero size: nothing to lose
	Cache  []int    `cbor:"-"`
}

type Extra struct{ Note string }

// lower is embedded unexported, by value: its exported fields are promoted.
type lower struct{ X, Y int }

type EmbedsLower struct {
	lower
	Z int
}

// WithCache has an unexported field its author drops knowingly.
type WithCache struct {
	V     int
	cache map[string]int `cbor:"-"`
}

type Numbers struct {
	P  uintptr
	C  complex64
	Cs []complex128
	M  map[Addr]Wave
	Pt *Addr
}

// rtCase is one round-trip case: encode with Marshal, decode into a fresh value
// of the same static type, compare exactly.
type rtCase struct {
	name string
	run  func(t *testing.T)
}

func rt[T any](name string, v T) rtCase {
	return rtCase{name, func(t *testing.T) {
		t.Helper()
		roundTrip(t, v)
	}}
}

// Types of the round trips of times and interfaces.
type (
	Stamped struct {
		At    time.Time
		Times []time.Time
	}
	Dyn struct {
		A any
		S fmt.Stringer
		E error
		L []any
	}
	NodeP struct {
		P    uintptr
		Next *NodeP
	}
	TimedEvent struct {
		At   time.Time
		Kids []TimedEvent
	}
	private struct {
		n    int
		name string
		tags []string
		At   time.Time
		_    int
		skip int `cbor:"-"`
	}
	embedded     struct{ e int }
	privateOuter struct {
		in    private
		ptr   *private
		list  []private
		byKey map[string]private
		dyn   any
		embedded
	}
	privateNode struct {
		v    int
		next *privateNode
	}
	Tree                 map[string]any
	Nesting              []Nesting
	unregistered         struct{ X int }
	unregisteredStringer struct{}
)

func (ID) String() string                   { return "id" }
func (unregisteredStringer) String() string { return "" }

func init() {
	RegisterType[*Point]()
	RegisterType[Point]()
	RegisterType[ID]()
	RegisterType[Tree]()
	StoreUnexported[private]()
	StoreUnexported[privateOuter]()
	StoreUnexported[embedded]()
	StoreUnexported[privateNode]()
}

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// marshalAs is Marshal of v as a T: an interface type T is stored as an
// interface, with v's dynamic type, as Save does.
func marshalAs[T any](v T) ([]byte, error) {
	if err := checkShared(v); err != nil {
		return nil, err
	}
	return encodeAs(v, reflect.TypeFor[T]())
}

func roundTrip[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := marshalAs(v)
	if err != nil {
		t.Fatalf("Marshal(%#v): %v", v, err)
	}
	var got T
	if err := Unmarshal(b, &got); err != nil {
		t.Fatalf("Unmarshal(%x) into %T: %v", b, got, err)
	}
	if diff := exactDiff(reflect.ValueOf(&v).Elem(), reflect.ValueOf(&got).Elem(), "v"); diff != "" {
		t.Fatalf("round trip of %T through %x differs: %s", v, b, diff)
	}
	// Deterministic: the decoded value encodes to the same bytes.
	b2, err := marshalAs(got)
	if err != nil {
		t.Fatalf("Marshal of decoded value: %v", err)
	}
	if !bytes.Equal(b, b2) {
		t.Fatalf("re-encoding differs:\n%x\n%x", b, b2)
	}
	return got
}

var (
	typeTimeT = reflect.TypeFor[time.Time]()
	typeBig   = reflect.TypeFor[big.Int]()
)

// exactDiff compares a and b exactly: floats by their bits, nil apart from
// empty, strings by their bytes. It returns "" when they are equal, else where
// they differ.
func exactDiff(a, b reflect.Value, path string) string {
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %v vs %v", path, a.Type(), b.Type())
	}
	switch a.Type() {
	case typeTimeT:
		ta, tb := timeOf(a), timeOf(b)
		na, oa := ta.Zone()
		nb, ob := tb.Zone()
		if !ta.Equal(tb) || oa != ob || na != nb || ta.Location().String() != tb.Location().String() {
			return fmt.Sprintf("%s: time %v (%s) vs %v (%s)", path, ta, ta.Location(), tb, tb.Location())
		}
		// The same zone rules: the two agree at other instants too.
		if la, lb := ta.AddDate(0, 6, 0), tb.AddDate(0, 6, 0); la.Format(time.RFC3339Nano+" MST") != lb.Format(time.RFC3339Nano+" MST") {
			return fmt.Sprintf("%s: six months on, time %v vs %v", path, la, lb)
		}
		return ""
	case typeBig:
		ba, bb := a.Addr().Interface().(*big.Int), b.Addr().Interface().(*big.Int)
		if ba.Cmp(bb) != 0 {
			return fmt.Sprintf("%s: %v vs %v", path, ba, bb)
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return fmt.Sprintf("%s: %v vs %v", path, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return fmt.Sprintf("%s: %d vs %d", path, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if a.Uint() != b.Uint() {
			return fmt.Sprintf("%s: %d vs %d", path, a.Uint(), b.Uint())
		}
	case reflect.Float32:
		if x, y := math.Float32bits(float32(a.Float())), math.Float32bits(float32(b.Float())); x != y {
			return fmt.Sprintf("%s: float32 bits %#x vs %#x", path, x, y)
		}
	case reflect.Float64:
		if x, y := math.Float64bits(a.Float()), math.Float64bits(b.Float()); x != y {
			return fmt.Sprintf("%s: float64 bits %#x vs %#x", path, x, y)
		}
	case reflect.Complex64, reflect.Complex128:
		ca, cb := a.Complex(), b.Complex()
		if math.Float64bits(real(ca)) != math.Float64bits(real(cb)) || math.Float64bits(imag(ca)) != math.Float64bits(imag(cb)) {
			return fmt.Sprintf("%s: %v vs %v", path, ca, cb)
		}
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Sprintf("%s: %q vs %q", path, a.String(), b.String())
		}
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
		}
		if !a.IsNil() {
			return exactDiff(a.Elem(), b.Elem(), "*"+path)
		}
	case reflect.Slice:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
		}
		fallthrough
	case reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d vs %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := exactDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	case reflect.Map:
		if a.IsNil() != b.IsNil() {
			return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
		}
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: len %d vs %d", path, a.Len(), b.Len())
		}
		nanKeys := 0
		for it := a.MapRange(); it.Next(); {
			if isNaNKey(it.Key()) {
				nanKeys++ // a NaN key cannot be looked up; count them instead
				continue
			}
			bv := b.MapIndex(it.Key())
			if !bv.IsValid() {
				return fmt.Sprintf("%s: key %v missing", path, it.Key())
			}
			if d := exactDiff(it.Value(), bv, fmt.Sprintf("%s[%v]", path, it.Key())); d != "" {
				return d
			}
		}
		for it := b.MapRange(); it.Next(); {
			if isNaNKey(it.Key()) {
				nanKeys--
			}
		}
		if nanKeys != 0 {
			return fmt.Sprintf("%s: the number of NaN keys differs", path)
		}
	case reflect.Struct:
		for i := range a.NumField() {
			f := a.Type().Field(i)
			if f.Tag.Get("cbor") == "-" || f.Name == "_" {
				continue
			}
			fa, fb := a.Field(i), b.Field(i)
			if !f.IsExported() && fa.CanAddr() && fb.CanAddr() {
				fa = reflect.NewAt(f.Type, unsafe.Pointer(fa.UnsafeAddr())).Elem()
				fb = reflect.NewAt(f.Type, unsafe.Pointer(fb.UnsafeAddr())).Elem()
			}
			if d := exactDiff(fa, fb, path+"."+f.Name); d != "" {
				return d
			}
		}
	default:
		return fmt.Sprintf("%s: cannot compare a %v", path, a.Kind())
	}
	return ""
}

// isNaNKey tells whether a map key holds a NaN, which no lookup finds.
func isNaNKey(k reflect.Value) bool {
	switch k.Kind() {
	case reflect.Float32, reflect.Float64:
		return math.IsNaN(k.Float())
	case reflect.Complex64, reflect.Complex128:
		c := k.Complex()
		return math.IsNaN(real(c)) || math.IsNaN(imag(c))
	case reflect.Interface, reflect.Pointer:
		return !k.IsNil() && isNaNKey(k.Elem())
	case reflect.Array:
		for i := range k.Len() {
			if isNaNKey(k.Index(i)) {
				return true
			}
		}
	case reflect.Struct:
		for i := range k.NumField() {
			if isNaNKey(k.Field(i)) {
				return true
			}
		}
	}
	return false
}

func timeOf(v reflect.Value) time.Time {
	if v.CanInterface() {
		return v.Interface().(time.Time)
	}
	return *(*time.Time)(unsafe.Pointer(v.UnsafeAddr()))
}

func f64(bits uint64) float64 { return math.Float64frombits(bits) }
func f32(bits uint32) float32 { return math.Float32frombits(bits) }

func TestRoundTripExact(t *testing.T) {
	negZero := math.Copysign(0, -1)
	huge, _ := new(big.Int).SetString("-123456789012345678901234567890123456789", 10)
	cases := []rtCase{
		// Integers at their extremes.
		rt("int8 min", int8(math.MinInt8)), rt("int8 max", int8(math.MaxInt8)),
		rt("int16 min", int16(math.MinInt16)), rt("int16 max", int16(math.MaxInt16)),
		rt("int32 min", int32(math.MinInt32)), rt("int32 max", int32(math.MaxInt32)),
		rt("int64 min", int64(math.MinInt64)), rt("int64 max", int64(math.MaxInt64)),
		rt("int min", math.MinInt), rt("int max", math.MaxInt), rt("int -1", -1), rt("int 0", 0),
		rt("uint8 max", uint8(math.MaxUint8)), rt("uint16 max", uint16(math.MaxUint16)),
		rt("uint32 max", uint32(math.MaxUint32)), rt("uint64 max", uint64(math.MaxUint64)),
		rt("uint max", uint(math.MaxUint)), rt("uint 0", uint(0)),
		rt("uintptr max", ^uintptr(0)), rt("uintptr 0", uintptr(0)),
		rt("named uintptr", Addr(0xdeadbeef)),
		rt("Flags max", Flags(math.MaxUint8)),
		rt("Duration min", time.Duration(math.MinInt64)), rt("Duration max", time.Duration(math.MaxInt64)),
		rt("Duration", 1500*time.Millisecond),

		// Floats, bit for bit.
		rt("float64 -0", negZero), rt("float64 +0", 0.0),
		rt("float64 +Inf", math.Inf(1)), rt("float64 -Inf", math.Inf(-1)),
		rt("float64 NaN", math.NaN()),
		rt("float64 quiet NaN payload", f64(0x7ff8_0000_dead_beef)),
		rt("float64 negative NaN", f64(0xfff8_0000_0000_0001)),
		rt("float64 signaling NaN", f64(0x7ff0_0000_0000_0001)),
		rt("float64 max", math.MaxFloat64), rt("float64 smallest", math.SmallestNonzeroFloat64),
		rt("float64 pi", math.Pi),
		rt("float32 -0", float32(negZero)), rt("float32 +Inf", float32(math.Inf(1))),
		rt("float32 -Inf", float32(math.Inf(-1))),
		rt("float32 quiet NaN payload", f32(0x7fc0_1234)),
		rt("float32 negative quiet NaN", f32(0xffc0_0001)),
		rt("float32 max", float32(math.MaxFloat32)), rt("float32 smallest", float32(math.SmallestNonzeroFloat32)),
		rt("float32 1/3", float32(1)/3),
		rt("Celsius -0", Celsius(negZero)), rt("Celsius NaN", Celsius(f64(0x7ff8_0000_0000_0042))),
		rt("complex128", complex(math.Inf(-1), negZero)),
		rt("complex128 NaN", complex(f64(0x7ff8_0000_0000_0007), 1.5)),
		rt("complex64", complex64(complex(float32(negZero), 3))),
		rt("named complex", Wave(complex(1, -2))),

		// Strings.
		rt("empty string", ""), rt("utf8", "héllo, 世界"),
		rt("invalid utf8", "\xff\xfe\xfd"), rt("truncated rune", "a\xe4\xb8"),
		rt("nul", "a\x00b"), rt("ID", ID("order-7")), rt("invalid ID", ID("\x80")),

		// Byte slices and arrays.
		rt("nil []byte", []byte(nil)), rt("empty []byte", []byte{}), rt("[]byte", []byte{0, 1, 255}),
		rt("[4]byte", [4]byte{1, 2, 3, 4}), rt("[0]byte", [0]byte{}),
		rt("[3]int", [3]int{-1, 0, 1}), rt("[0]int", [0]int{}),
		rt("[2][2]float64", [2][2]float64{{negZero, 1}, {math.Inf(1), 2}}),

		// Slices: nil and empty stay apart, at every depth.
		rt("nil []int", []int(nil)), rt("empty []int", []int{}), rt("[]int", []int{math.MinInt, 0, math.MaxInt}),
		rt("[][]int", [][]int{nil, {}, {1}}),
		rt("[]string", []string{"", "\xff", "x"}),
		rt("nil []string", []string(nil)),
		rt("[]*Point", []*Point{nil, {1, 2}, {}}),
		rt("[]float64", []float64{negZero, math.NaN(), math.Inf(-1)}),
		rt("[][]byte", [][]byte{nil, {}, {7}}),
		rt("[]uintptr", []uintptr{0, ^uintptr(0)}),

		// Maps: nil and empty stay apart.
		rt("nil map", map[string]int(nil)), rt("empty map", map[string]int{}),
		rt("map int keys", map[int]string{math.MinInt64: "min", -1: "", 0: "\xff", math.MaxInt64: "max"}),
		rt("map uint8 keys", map[uint8]bool{0: true, 255: false}),
		rt("map struct values", map[string]Point{"a": {1, 2}, "": {}}),
		rt("map slice values", map[ID][]int{"nil": nil, "empty": {}, "one": {1}}),
		rt("map map values", map[string]map[string]int{"nil": nil, "empty": {}, "x": {"y": 1}}),
		rt("map array keys", map[[2]int]bool{{1, 2}: true, {}: false}),
		rt("map float keys", map[float64]int{negZero: 1, math.Inf(1): 2}),
		rt("map NaN keys", map[float64]int{math.NaN(): 1, f64(0x7ff8_0000_0000_0002): 2, 0: 3}),
		rt("map invalid utf8 keys", map[string]int{"\xff": 1, "\xfe": 2}),
		rt("map pointer values", map[int]*Point{1: nil, 2: {3, 4}}),
		rt("map uintptr complex", map[Addr]Wave{1: 2i, ^Addr(0): Wave(complex(math.Inf(1), 0))}),

		// Pointers.
		rt("nil *Point", (*Point)(nil)), rt("*Point", &Point{-1, 1}), rt("*Point zero", &Point{}),
		rt("**int", func() **int { x := 7; p := &x; return &p }()),
		rt("*string", func() *string { s := ""; return &s }()),

		// Structs, nested and embedded.
		rt("Point", Point{math.MinInt, math.MaxInt}),
		rt("Outer zero", Outer{}),
		rt("Outer full", Outer{
			Base:  Base{BaseID: "b\xff", Meta: map[string]int{}},
			Extra: &Extra{Note: ""},
			P:     Point{1, 2},
			In:    &Inner{Name: "in", Tags: []string{}},
			List:  []Inner{{}, {Tags: []string{"t"}}},
			ByID:  map[ID]Inner{"k": {Name: "v"}},
			ByNum: map[int]string{},
			Raw:   []byte{},
			Arr:   [3]int{1, 2, 3},
			Temp:  Celsius(negZero),
			F:     Flags(0x81),
			D:     -time.Nanosecond,
		}),
		rt("Outer empty list", Outer{List: []Inner{}, Base: Base{Meta: nil}}),
		rt("WithCache", WithCache{V: 3}),
		rt("unexported embedded struct", EmbedsLower{lower{1, 2}, 3}),
		rt("Numbers", Numbers{P: ^uintptr(0), C: complex(float32(negZero), 1), Cs: []complex128{}, M: map[Addr]Wave{}, Pt: func() *Addr { a := Addr(9); return &a }()}),
		rt("Numbers nil", Numbers{}),
		rt("anonymous struct", struct {
			A []int
			B map[string]int
		}{A: []int{}}),

		// Types stored by the CBOR library's own rules or a method.
		rt("time nanos", time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.FixedZone("", -7*3600-30*60))),
		rt("time UTC", time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)),
		rt("time zero", time.Time{}),
		rt("time New York", time.Date(2026, 12, 6, 3, 0, 0, 5, mustZone("America/New_York"))),
		rt("time New York summer", time.Date(2026, 7, 6, 3, 0, 0, 0, mustZone("America/New_York"))),
		rt("time local mean time", time.Date(1850, 1, 1, 0, 0, 0, 0, mustZone("America/New_York"))),
		rt("time Local", time.Date(2026, 12, 6, 3, 0, 0, 0, time.Local)),
		rt("time named fixed zone", time.Date(2026, 12, 6, 3, 0, 0, 0, time.FixedZone("EST", -5*3600))),
		rt("time fixed zone named as a real one", time.Date(2026, 12, 6, 3, 0, 0, 0, time.FixedZone("CET", 3600))),
		rt("time fixed zone with seconds", time.Date(2026, 12, 6, 3, 0, 0, 0, time.FixedZone("odd", 3601))),
		rt("time fixed zone UTC", time.Date(2026, 12, 6, 3, 0, 0, 0, time.FixedZone("UTC", 0))),
		rt("time zone of fixed offset", time.Date(2026, 12, 6, 3, 0, 0, 0, mustZone("Etc/GMT+5"))),
		rt("times in a struct", Stamped{At: time.Date(2026, 1, 2, 3, 4, 5, 6, mustZone("Europe/Paris")), Times: []time.Time{{}, time.Unix(1, 2).UTC()}}),

		// Interface values keep their dynamic type.
		rt("any int8", any(int8(3))),
		rt("any nil", any(nil)),
		rt("[]any", []any{1, "x", nil, 2.5, uint8(7), []any{true}, map[string]any{"k": int64(-1)}}),
		rt("any *Point", any(&Point{1, 2})),
		rt("any Point", any(Point{3, 4})),
		rt("Stringer", fmt.Stringer(ID("x"))),
		rt("struct of interfaces", Dyn{A: ID("a"), S: ID("s"), E: nil, L: []any{Point{}, nil}}),
		rt("recursive type with uintptr", NodeP{P: 1, Next: &NodeP{P: ^uintptr(0)}}),
		rt("recursive type with time", TimedEvent{At: time.Unix(5, 0).UTC(), Kids: []TimedEvent{{At: time.Unix(6, 7).In(mustZone("Asia/Tokyo"))}, {}}}),
		rt("recursive map with interfaces", Tree{"a": Tree{"b": nil}, "c": Tree{}}),

		// Structs of the user's module with unexported fields, registered.
		rt("unexported fields", private{n: -1, name: "p", tags: []string{}, At: time.Unix(3, 4).UTC()}),
		rt("unexported fields nested", privateOuter{in: private{n: 1}, ptr: &private{name: "x"}, list: []private{{}, {n: 2}}, byKey: map[string]private{"k": {n: 3}}, dyn: Point{5, 6}, embedded: embedded{7}}),
		rt("unexported fields zero", privateOuter{}),
		rt("unexported recursive", privateNode{v: 1, next: &privateNode{v: 2}}),
		rt("big.Int", *huge), rt("*big.Int", big.NewInt(-5)), rt("nil *big.Int", (*big.Int)(nil)),
		rt("netip.Addr", netip.MustParseAddr("2001:db8::1")),
		rt("netip.Addr zero", netip.Addr{}),
	}
	for _, c := range cases {
		t.Run(c.name, c.run)
	}
}

// A float32 signaling NaN comes back quiet: the decoder converts float32 through
// float64, which sets the quiet bit. Everything else about it survives.
func TestFloat32SignalingNaN(t *testing.T) {
	in := f32(0x7f80_0001)
	b, err := Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte{0xfa, 0x7f, 0x80, 0x00, 0x01}; !bytes.Equal(b, want) {
		t.Errorf("encoded as %x, want its bits as they are: %x", b, want)
	}
	var out float32
	if err := Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if got := math.Float32bits(out); got != 0x7fc0_0001 {
		t.Errorf("decoded bits %#x, want the quieted NaN 0x7fc00001", got)
	}
}

// Known limits, pinned so that a change of them is seen.
func TestRoundTripKnownLimits(t *testing.T) {
	t.Run("pointer to nil slice becomes nil pointer", func(t *testing.T) {
		var s []int
		b, err := Marshal(&s)
		if err != nil {
			t.Fatal(err)
		}
		var got *[]int
		if err := Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if got != nil {
			t.Errorf("got %v; if this now round-trips, update Marshal's doc", got)
		}
	})
	t.Run("time is text only", func(t *testing.T) {
		var tm time.Time
		if err := Unmarshal(mustMarshal(t, uint64(1e15)), &tm); err == nil {
			t.Errorf("an epoch number decoded into the time %v", tm)
		}
	})
	t.Run("time of earlier versions", func(t *testing.T) {
		// Plain RFC 3339 text, as Marshal wrote times before zones were kept.
		var tm time.Time
		if err := Unmarshal(mustMarshal(t, "2024-02-29T23:59:59.5-07:30"), &tm); err != nil {
			t.Fatal(err)
		}
		if _, off := tm.Zone(); tm.Format(time.RFC3339Nano) != "2024-02-29T23:59:59.5-07:30" || off != -27000 {
			t.Errorf("got %v", tm)
		}
	})
	t.Run("omitempty drops empty slices", func(t *testing.T) {
		type S struct {
			L []int `json:"l,omitempty"`
		}
		b, err := Marshal(S{L: []int{}})
		if err != nil {
			t.Fatal(err)
		}
		var got S
		if err := Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if got.L != nil {
			t.Errorf("got %#v; if this now round-trips, update Marshal's doc", got)
		}
	})
}

func TestMarshalRefuses(t *testing.T) {
	type hidden struct {
		Shown int
		lost  int
	}
	type holdsHidden struct{ H []hidden }
	type Node struct {
		Next *Node
		V    int
	}
	type Fn struct{ F func() }
	type embedsUnexportedPtr struct {
		*hidden
		Y int
	}
	cyc := &Node{}
	cyc.Next = cyc
	deep := &Node{}
	for range maxValueNesting + 10 {
		deep = &Node{Next: deep}
	}
	cases := []struct {
		name string
		v    any
		want string
	}{
		{"unexported field", hidden{}, "unexported field lost"},
		{"unexported field deep inside", holdsHidden{}, "unexported field lost"},
		{"unexported field behind pointer", map[string]*hidden{}, "unexported field lost"},
		{"embedded pointer to unexported type", embedsUnexportedPtr{}, "decoding cannot allocate"},
		{"channel", make(chan int), "unsupported type"},
		{"func field", Fn{}, "unsupported type"},
		{"cycle", cyc, "cyclic"},
		{"too deep", deep, "nests more than 256 levels"},
		{"year 10000", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), "only years 0 to 9999"},
		{"unregistered type in an interface", Dyn{A: unregistered{}}, "fsm.RegisterType[fsm.unregistered]()"},
		{"unregistered type in an interface field", Dyn{S: unregisteredStringer{}}, "call fsm.RegisterType[fsm.unregisteredStringer]()"},
		{"two pointers to one value", func() []*Point { p := &Point{}; return []*Point{p, p} }(), "shares memory with itself"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := Marshal(c.v)
			if err == nil {
				t.Fatalf("Marshal(%T) = %x, want an error", c.v, b)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Marshal(%T): %v, want it to mention %q", c.v, err, c.want)
			}
			t.Log(err)
		})
	}
}

func TestMarshalNestingLimit(t *testing.T) {
	// Exactly maxValueNesting levels are fine; one more is refused.
	nest := func(n int) any {
		v := Nesting{}
		for range n - 1 {
			v = Nesting{v}
		}
		return v
	}
	if _, err := Marshal(nest(maxValueNesting)); err != nil {
		t.Errorf("%d levels: %v", maxValueNesting, err)
	}
	if _, err := Marshal(nest(maxValueNesting + 1)); err == nil {
		t.Errorf("%d levels: no error", maxValueNesting+1)
	}
}

func TestUnmarshalStrict(t *testing.T) {
	type P struct{ X, Y int }
	cases := []struct {
		name string
		data []byte
		into any
		want string
	}{
		{"unknown field", []byte("\xa2\x61X\x01\x61Z\x02"), new(P), "unknown field"},
		{"field name case", []byte("\xa1\x61x\x01"), new(P), "unknown field"},
		{"duplicate field", []byte("\xa2\x61X\x01\x61X\x02"), new(P), "duplicate"},
		{"duplicate map key", []byte("\xa2\x01\x01\x01\x02"), new(map[int]int), "duplicate"},
		{"trailing bytes", []byte{0x01, 0x02}, new(int), "extraneous data"},
		{"indefinite array", []byte{0x9f, 0x01, 0xff}, new([]int), "indefinite"},
		{"indefinite string", []byte{0x7f, 0x61, 'a', 0xff}, new(string), "indefinite"},
		{"int8 overflow", []byte{0x18, 0x80}, new(int8), "overflows"},
		{"uint from negative", []byte{0x20}, new(uint), "cannot unmarshal"},
		{"float32 overflow", append([]byte{0xfb}, u64be(math.Float64bits(1e300))...), new(float32), "overflows"},
		{"bytes into string", []byte{0x41, 'a'}, new(string), "cannot unmarshal"},
		{"text into []byte", []byte{0x61, 'a'}, new([]byte), "cannot unmarshal"},
		{"empty input", nil, new(int), "EOF"},
		{"truncated", []byte{0x19, 0x01}, new(int), "unexpected EOF"},
		{"uintptr from -1", []byte{0x20}, new(uintptr), "cannot unmarshal"},
		{"nil pointer", []byte{0x01}, (*int)(nil), "nil"},
		{"not a pointer", []byte{0x01}, 3, "non-pointer"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := Unmarshal(c.data, c.into)
			if err == nil {
				t.Fatalf("Unmarshal(%x) into %T: no error", c.data, c.into)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Unmarshal(%x) into %T: %v, want it to mention %q", c.data, c.into, err, c.want)
			}
		})
	}
}

func u64be(x uint64) []byte {
	b := make([]byte, 8)
	for i := range 8 {
		b[i] = byte(x >> (56 - 8*i))
	}
	return b
}

// Hostile length headers and nesting give an error, quickly and without large
// allocations.
func TestUnmarshalHostile(t *testing.T) {
	deepArrays := bytes.Repeat([]byte{0x81}, maxEnvelopeNesting+1)
	deepArrays = append(deepArrays, 0x01)
	deepTags := bytes.Repeat([]byte{0xd8, 0x64}, maxEnvelopeNesting+2) // tag 100; the first tag of a run does not count
	deepTags = append(deepTags, 0x01)
	cases := []struct {
		name string
		data []byte
		into func() any
	}{
		{"byte string of 2^62 bytes", []byte{0x5b, 0x40, 0, 0, 0, 0, 0, 0, 0, 'x'}, func() any { return new([]byte) }},
		{"text of 2^62 bytes", []byte{0x7b, 0x40, 0, 0, 0, 0, 0, 0, 0, 'x'}, func() any { return new(string) }},
		{"byte string of 2^64-1 bytes", []byte{0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, func() any { return new([]byte) }},
		{"array of 2^31 elements", []byte{0x9a, 0x80, 0, 0, 0, 0x01}, func() any { return new([]int) }},
		{"array of 2^63 elements", []byte{0x9b, 0x80, 0, 0, 0, 0, 0, 0, 0, 0x01}, func() any { return new([]Point) }},
		{"array of 2^24 elements, 1 present", []byte{0x9a, 0x01, 0, 0, 0, 0x01}, func() any { return new([]int) }},
		{"array of 2^20 elements, 1 present", []byte{0x9a, 0, 0x10, 0, 0, 0x01}, func() any { return new([][64]int) }},
		{"map of 2^31 pairs", []byte{0xba, 0x80, 0, 0, 0, 0x01, 0x01}, func() any { return new(map[int]int) }},
		{"map of 2^20 pairs, 1 present", []byte{0xba, 0, 0x10, 0, 0, 0x01, 0x01}, func() any { return new(map[int]int) }},
		{"nesting beyond the limit", deepArrays, func() any { return new(any) }},
		{"nesting beyond the limit, typed", deepArrays, func() any { return new([][][][]int) }},
		{"tags beyond the limit", deepTags, func() any { return new(int) }},
		{"bignum of 2^40 bytes", []byte{0xc2, 0x5b, 0, 0, 0x01, 0, 0, 0, 0, 0, 0x01}, func() any { return new(big.Int) }},
		{"reserved additional info", []byte{0x1c}, func() any { return new(int) }},
		{"break outside indefinite", []byte{0xff}, func() any { return new(int) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			into := c.into()
			var err error
			alloc := allocatedBy(func() { err = Unmarshal(c.data, into) })
			if err == nil {
				t.Fatalf("Unmarshal(%x) into %T: no error", c.data, into)
			}
			if alloc > 1<<16 {
				t.Errorf("Unmarshal(%x) allocated %d bytes before failing: %v", c.data, alloc, err)
			}
		})
	}
}

// allocatedBy returns the bytes f allocated on the heap.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// An input of n bytes makes Unmarshal allocate a small multiple of n, for an
// element type that is small.
func TestUnmarshalAllocationBound(t *testing.T) {
	// An array of 100000 empty arrays claims 100000 [0]int-ish elements; as
	// []Point, each element is a 16-byte struct decoded from one byte.
	n := 100000
	data := []byte{0x9a, byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}
	data = append(data, bytes.Repeat([]byte{0xa0}, n)...)
	var out []Point
	var err error
	alloc := allocatedBy(func() { err = Unmarshal(data, &out) })
	if err != nil {
		t.Fatal(err)
	}
	if limit := uint64(len(data)) * 24; alloc > limit {
		t.Errorf("%d input bytes allocated %d bytes, more than %d", len(data), alloc, limit)
	}
}

// A slice longer than the decoder accepts is refused by Marshal, not written
// to fail at load time.
func TestMarshalElementLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("encodes 16M elements")
	}
	_, err := Marshal(make([][0]int, maxElements+1))
	if err == nil || !strings.Contains(err.Error(), "more than 16777216 elements") {
		t.Fatalf("got %v, want an element limit error", err)
	}
}

func BenchmarkMarshalStruct(b *testing.B) {
	v := Outer{P: Point{1, 2}, In: &Inner{Name: "x", Tags: []string{"a", "b"}}, List: []Inner{{Name: "y"}}, ByNum: map[int]string{1: "one"}}
	b.ReportAllocs()
	for range b.N {
		if _, err := Marshal(v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalStruct(b *testing.B) {
	data, err := Marshal(Outer{P: Point{1, 2}, In: &Inner{Name: "x", Tags: []string{"a", "b"}}, List: []Inner{{Name: "y"}}, ByNum: map[int]string{1: "one"}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		var v Outer
		if err := Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalLargeIntSlice(b *testing.B) {
	v := make([]int, 1<<20)
	for i := range v {
		v[i] = i
	}
	b.ReportAllocs()
	for range b.N {
		if _, err := Marshal(v); err != nil {
			b.Fatal(err)
		}
	}
}
