package fsm

import (
	"context"
	"errors"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"
)

// The fuzz targets below cover every decoder of stored bytes. Each checks that
// bad bytes give an error and never a panic, and that whatever decodes without
// error encodes again and decodes to an equal value. `go test` runs their seeds;
// `go test -fuzz=FuzzX` explores further.

// fuzzVars is the shape of a state the state fuzzer loads: one variable of each
// kind a job typically holds.
type fuzzVars struct {
	N    int
	U8   uint8
	F32  float32
	F64  float64
	S    string
	B    []byte
	Arr  [3]int
	L    []Point
	M    map[ID]*Inner
	O    *Outer
	Nums Numbers
	T    time.Time
	Big  big.Int
	Err  error
	Any  any
	MS   map[int][]string
}

func (v *fuzzVars) save(w *StateWriter) {
	Save(w, "n", v.N)
	Save(w, "u8", v.U8)
	Save(w, "f32", v.F32)
	Save(w, "f64", v.F64)
	Save(w, "s", v.S)
	Save(w, "b", v.B)
	Save(w, "arr", v.Arr)
	Save(w, "l", v.L)
	Save(w, "m", v.M)
	Save(w, "o", v.O)
	Save(w, "nums", v.Nums)
	Save(w, "t", v.T)
	Save(w, "big", &v.Big)
	Save(w, "err", v.Err)
	Save(w, "any", v.Any)
	Save(w, "ms", v.MS)
}

func (v *fuzzVars) load(r *StateReader) {
	Load(r, "n", &v.N)
	Load(r, "u8", &v.U8)
	Load(r, "f32", &v.F32)
	Load(r, "f64", &v.F64)
	Load(r, "s", &v.S)
	Load(r, "b", &v.B)
	Load(r, "arr", &v.Arr)
	Load(r, "l", &v.L)
	Load(r, "m", &v.M)
	Load(r, "o", &v.O)
	Load(r, "nums", &v.Nums)
	Load(r, "t", &v.T)
	bp := &v.Big
	Load(r, "big", &bp)
	if bp != nil {
		v.Big.Set(bp)
	}
	Load(r, "err", &v.Err)
	Load(r, "any", &v.Any)
	Load(r, "ms", &v.MS)
}

func fuzzVarsSeeds() []fuzzVars {
	huge, _ := new(big.Int).SetString("1234567890123456789012345678901234567890", 10)
	return []fuzzVars{
		{},
		{
			N: math.MinInt, U8: 255, F32: float32(math.Inf(1)), F64: math.Copysign(0, -1), S: "\xff",
			B: []byte{}, Arr: [3]int{1, 2, 3}, L: []Point{{1, 2}}, M: map[ID]*Inner{"a": {Name: "x", Tags: []string{}}, "n": nil},
			O:    &Outer{Extra: &Extra{Note: "n"}, ByNum: map[int]string{1: "a"}, List: []Inner{{}}},
			Nums: Numbers{P: 7, C: 1i, Cs: []complex128{2}, M: map[Addr]Wave{3: 4}},
			T:    time.Date(2020, 5, 6, 7, 8, 9, 10, time.FixedZone("", 3600)), Big: *huge,
			Err: &ActivityError{Op: "op", Message: "m"}, Any: map[string]any{"k": []any{uint64(1), "s"}},
			MS: map[int][]string{-1: nil, 0: {}, 1: {"x"}},
		},
		{L: append(make([]Point, 0, 4), Point{1, 2}), B: make([]byte, 2, 9)}, // spare capacity
	}
}

// checkNoPanic fails when err reports a panic recovered by Unmarshal.
func checkNoPanic(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), "panicked") {
		t.Fatal(err)
	}
}

// checkReencodes checks that a value decoded from fuzz input encodes again
// and decodes to an exactly equal value.
func checkReencodes[T any](t *testing.T, v T) {
	t.Helper()
	b, err := Marshal(v)
	if err != nil && strings.Contains(err.Error(), "year outside of range") {
		// Known leniency of the CBOR library: a time.Time also decodes from an
		// epoch number, which may lie beyond the years RFC 3339 can write.
		// Marshal never writes such input.
		return
	}
	if err != nil {
		t.Fatalf("a decoded %T does not encode again: %v", v, err)
	}
	var again T
	if err := Unmarshal(b, &again); err != nil {
		t.Fatalf("a decoded %T, encoded again as %x, does not decode: %v", v, b, err)
	}
	if d := exactDiff(valueOf(&v), valueOf(&again), "v"); d != "" {
		t.Fatalf("a decoded %T changes in a second round trip through %x: %s", v, b, d)
	}
}

func FuzzStateReader(f *testing.F) {
	for _, v := range fuzzVarsSeeds() {
		for _, state := range []int{0, 1, StateDone} {
			w := NewStateWriter(state)
			v.save(w)
			b, err := w.Bytes()
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Add([]byte{0x81, 0x00})
	f.Add([]byte{0x82, 0x01, 0xf6})
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewStateReader(data, 3)
		checkNoPanic(t, err)
		if err != nil {
			return
		}
		if s := r.State(); s < StateDone || s > 3 {
			t.Fatalf("state %d accepted", s)
		}
		var v fuzzVars
		v.load(r)
		err = r.Close()
		checkNoPanic(t, err)
		if err != nil {
			return
		}
		// A state that loads saves again, and loads again to the same.
		w := NewStateWriter(r.State())
		v.save(w)
		b, err := w.Bytes()
		if err != nil {
			t.Fatalf("a loaded state does not save again: %v", err)
		}
		r2, err := NewStateReader(b, 3)
		if err != nil {
			t.Fatal(err)
		}
		var v2 fuzzVars
		v2.load(r2)
		if err := r2.Close(); err != nil {
			t.Fatalf("a loaded state, saved again, does not load: %v", err)
		}
		if (v.Err == nil) != (v2.Err == nil) || (v.Err != nil && v.Err.Error() != v2.Err.Error()) {
			t.Fatalf("error variable changed: %v vs %v", v.Err, v2.Err)
		}
		v.Err, v2.Err = nil, nil
		if d := exactDiff(valueOf(&v), valueOf(&v2), "vars"); d != "" {
			t.Fatalf("a loaded state changes when saved and loaded again: %s", d)
		}
	})
}

func FuzzDecodeOp(f *testing.F) {
	for _, op := range []AnyOp{
		testCharge.Call(chargeReq{Order: "o", Amount: -1, Items: []string{"a", ""}, Rate: 0.5}),
		testCharge.Call(chargeReq{}),
		testFail.Call(-3),
		testPtr.Call(&Point{1, 2}),
		testPtr.Call(nil),
		testSlice.Call([]float64{math.NaN()}),
	} {
		b, err := EncodeOp(op)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		op, err := DecodeOp(data)
		checkNoPanic(t, err)
		if err != nil {
			return
		}
		b, err := EncodeOp(op)
		if err != nil {
			t.Fatalf("a decoded op does not encode again: %v", err)
		}
		again, err := DecodeOp(b)
		if err != nil {
			t.Fatalf("a decoded op, encoded again, does not decode: %v", err)
		}
		type hasArg interface{ Arg() any }
		a1, a2 := op.(hasArg).Arg(), again.(hasArg).Arg()
		if op.String() != again.String() {
			t.Fatalf("op changed: %v vs %v", op, again)
		}
		if d := exactDiff(valueOf(&a1), valueOf(&a2), "arg"); d != "" {
			t.Fatalf("argument changed: %s", d)
		}
	})
}

func FuzzDecodeOutcome(f *testing.F) {
	ops := []AnyOp{testCharge.Call(chargeReq{}), testFail.Call(1), testPtr.Call(nil), testSlice.Call(nil)}
	for i, op := range ops {
		out := RunOp(context.Background(), op)
		for _, o := range []Outcome{out, {}} {
			b, err := EncodeOutcome(op, o)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(uint8(i), b)
		}
	}
	b, _ := EncodeOutcome(ops[3], Outcome{value: []float64{math.Inf(-1), 0}})
	f.Add(uint8(3), b)
	b, _ = EncodeOutcome(ops[2], Outcome{value: &Point{3, 4}})
	f.Add(uint8(2), b)
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		op := ops[int(which)%len(ops)]
		o, err := DecodeOutcome(op, data)
		checkNoPanic(t, err)
		if err != nil {
			return
		}
		b, err := EncodeOutcome(op, o)
		if err != nil {
			t.Fatalf("a decoded outcome does not encode again: %v", err)
		}
		again, err := DecodeOutcome(op, b)
		if err != nil {
			t.Fatalf("a decoded outcome, encoded again, does not decode: %v", err)
		}
		if (o.Err() == nil) != (again.Err() == nil) || (o.Err() != nil && o.Err().Error() != again.Err().Error()) {
			t.Fatalf("error changed: %v vs %v", o.Err(), again.Err())
		}
		v1, v2 := o.Value(), again.Value()
		if (v1 == nil) != (v2 == nil) {
			t.Fatalf("value changed: %v vs %v", v1, v2)
		}
		if v1 != nil {
			if d := exactDiff(valueOf(&v1), valueOf(&v2), "value"); d != "" {
				t.Fatalf("value changed: %s", d)
			}
		}
	})
}

// fuzzComposite is the composite type FuzzUnmarshal decodes into.
type fuzzComposite struct {
	Outer
	Nums  Numbers
	Grid  [][]float32
	Index map[string][]*Point
	Arr   [2]map[int]ID
	Opt   **Inner
	Bytes [][4]byte
	When  []time.Time
	Keys  map[float64]int8
	Any   any
	Big   *big.Int
	Dyn   Dyn
	Zoned []time.Time
	Own   privateOuter
	Tree  *TimedEvent
}

func FuzzUnmarshal(f *testing.F) {
	inner := &Inner{Name: "i"}
	seeds := []fuzzComposite{
		{},
		{
			Outer: Outer{Base: Base{BaseID: "b", Meta: map[string]int{}}, In: &Inner{}, Raw: []byte{1}},
			Nums:  Numbers{P: ^uintptr(0), Cs: []complex128{}},
			Grid:  [][]float32{nil, {}, {float32(math.NaN())}},
			Index: map[string][]*Point{"a": {nil, {1, 2}}, "b": nil},
			Arr:   [2]map[int]ID{nil, {1: "x"}},
			Opt:   &inner,
			Bytes: [][4]byte{{1, 2, 3, 4}},
			When:  []time.Time{{}, time.Date(2000, 1, 1, 0, 0, 0, 1, time.UTC)},
			Keys:  map[float64]int8{math.NaN(): 1, math.Copysign(0, -1): -1},
			Any:   []any{"x", map[any]any{uint64(1): []byte{}}, -2.5, nil, true},
			Big:   big.NewInt(-1),
			Dyn:   Dyn{A: &Point{1, 2}, S: ID("s"), E: errors.New("e"), L: []any{Point{}, nil, int8(1)}},
			Zoned: []time.Time{time.Date(2026, 1, 2, 3, 4, 5, 6, mustZone("America/New_York")), time.Date(2026, 1, 2, 0, 0, 0, 0, time.FixedZone("X", 3601)), time.Unix(0, 0).In(time.Local)},
			Own:   privateOuter{in: private{n: 1, tags: []string{"t"}}, ptr: &private{}, dyn: Point{}},
			Tree:  &TimedEvent{Kids: []TimedEvent{{At: time.Unix(1, 0).UTC()}}},
		},
	}
	for _, s := range seeds {
		b, err := Marshal(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{0xa1, 0x64, 'G', 'r', 'i', 'd', 0x81, 0x81, 0xfa, 0x7f, 0x80, 0x00, 0x01})
	f.Fuzz(func(t *testing.T, data []byte) {
		var v fuzzComposite
		err := Unmarshal(data, &v)
		checkNoPanic(t, err)
		if err != nil {
			return
		}
		checkReencodes(t, v)
	})
}
