package fsmtest

import (
	"bytes"
	"errors"
	"io"
	"math"
	"reflect"
	"testing"
	"time"
)

type id string

type point struct{ X, Y int }

func TestConvertArg(t *testing.T) {
	var buf bytes.Buffer
	for _, c := range []struct {
		arg  any
		typ  reflect.Type
		want any // nil: an error
	}{
		{3, reflect.TypeFor[int64](), int64(3)},
		{3, reflect.TypeFor[uint8](), uint8(3)},
		{3, reflect.TypeFor[float32](), float32(3)},
		{3, reflect.TypeFor[complex64](), complex64(3)},
		{'a', reflect.TypeFor[int](), 97},
		{2.0, reflect.TypeFor[int](), 2},
		{2.5, reflect.TypeFor[float32](), float32(2.5)},
		{"x", reflect.TypeFor[id](), id("x")},
		{true, reflect.TypeFor[bool](), true},
		{point{1, 2}, reflect.TypeFor[point](), point{1, 2}},
		{[]int{1}, reflect.TypeFor[[]int](), []int{1}},
		{&buf, reflect.TypeFor[io.Reader](), io.Reader(&buf)},
		{nil, reflect.TypeFor[*int](), (*int)(nil)},
		{nil, reflect.TypeFor[[]int](), []int(nil)},
		{nil, reflect.TypeFor[map[string]int](), map[string]int(nil)},

		{2.5, reflect.TypeFor[int](), nil},
		{-1, reflect.TypeFor[uint](), nil},
		{300, reflect.TypeFor[uint8](), nil},
		{math.MaxInt64, reflect.TypeFor[float32](), float32(math.MaxInt64)},
		{1e300, reflect.TypeFor[float32](), nil},
		{65, reflect.TypeFor[string](), nil},
		{"3", reflect.TypeFor[int](), nil},
		{int8(3), reflect.TypeFor[int](), nil},
		{int64(3), reflect.TypeFor[int](), nil},
		{1i, reflect.TypeFor[float64](), nil},
		{nil, reflect.TypeFor[int](), nil},
		{nil, reflect.TypeFor[point](), nil},
		{3, reflect.TypeFor[point](), nil},
	} {
		v, err := convertArg(c.arg, c.typ)
		if c.want == nil {
			if err == nil {
				t.Errorf("convertArg(%#v, %v) = %#v, want an error", c.arg, c.typ, v.Interface())
			}
			continue
		}
		if err != nil {
			t.Errorf("convertArg(%#v, %v): %v", c.arg, c.typ, err)
			continue
		}
		if v.Type() != c.typ {
			t.Errorf("convertArg(%#v, %v) is a %v", c.arg, c.typ, v.Type())
		}
		if got := v.Interface(); !reflect.DeepEqual(got, c.want) {
			t.Errorf("convertArg(%#v, %v) = %#v, want %#v", c.arg, c.typ, got, c.want)
		}
	}
}

func TestEqualValues(t *testing.T) {
	errType := reflect.TypeFor[error]()
	anyType := reflect.TypeFor[any]()
	nan := math.NaN()
	type opaque struct{ x int }
	type skipped struct {
		A int
		B int `cbor:"-"`
	}
	now := time.Now()
	for _, c := range []struct {
		typ  reflect.Type
		a, b any
		want bool
	}{
		{reflect.TypeFor[int](), 1, 1, true},
		{reflect.TypeFor[int](), 1, 2, false},
		{reflect.TypeFor[float64](), nan, nan, true},
		{reflect.TypeFor[[]float64](), []float64{nan}, []float64{nan}, true},
		{reflect.TypeFor[[]int](), []int{}, []int(nil), false},
		{reflect.TypeFor[point](), point{1, 2}, point{1, 2}, true},
		{anyType, 1, int64(1), false},
		{anyType, nil, nil, true},
		{anyType, nil, 0, false},
		{errType, nil, nil, true},
		{errType, errors.New("x"), errors.New("x"), true},
		{errType, errors.New("x"), errors.New("y"), false},
		{errType, errors.New("x"), nil, false},
		{errType, nil, errors.New("x"), false},
		{anyType, errors.New("x"), errors.New("x"), true},
		{reflect.TypeFor[opaque](), opaque{1}, opaque{2}, false}, // both encode to {}: not equal
		{reflect.TypeFor[skipped](), skipped{1, 2}, skipped{1, 3}, false},
		{reflect.TypeFor[time.Time](), now, now.Round(0), true}, // monotonic reading lost
		{reflect.TypeFor[[]time.Time](), []time.Time{now}, []time.Time{now.Round(0)}, true},
		{reflect.TypeFor[time.Time](), now, now.Add(1), false},
	} {
		if got := equalValues(c.typ, c.a, c.b); got != c.want {
			t.Errorf("equalValues(%v, %#v, %#v) = %v, want %v", c.typ, c.a, c.b, got, c.want)
		}
	}
}

func TestCopyValue(t *testing.T) {
	p := &point{1, 2}
	c := copyValue(reflect.ValueOf(p)).Interface().(*point)
	if c == p || *c != *p {
		t.Errorf("copyValue(%p) = %p (%v), want a fresh equal copy", p, c, c)
	}
	ch := make(chan int)
	type withChan struct{ C chan int }
	w := &withChan{ch}
	if got := copyValue(reflect.ValueOf(w)).Interface(); got != w {
		t.Errorf("copyValue of a value that does not encode made a copy")
	}
	s := make([]int, 1, 3)
	s[:3][2] = 7
	pair := [2][]int{s, s}
	cp := copyValue(reflect.ValueOf(pair)).Interface().([2][]int)
	if cap(cp[0]) != 3 || cp[0][:3][2] != 7 || &cp[0][0] == &s[0] || &cp[0][0] != &cp[1][0] {
		t.Errorf("copyValue of slices: capacity, contents past the length or sharing not kept")
	}
	type hidden struct{ x *int }
	x := 3
	h := &hidden{&x}
	if got := copyValue(reflect.ValueOf(h)).Interface(); got != h {
		t.Errorf("copyValue of a value with unexported fields made a lossy copy")
	}
}
