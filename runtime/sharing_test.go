package fsm

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

type node struct {
	V    int
	Next *node
}

type tree struct {
	L, R *node
}

type withParent struct {
	Name   string
	Parent *withParent `json:"-"` // not stored, so not walked
	Kids   []*withParent
}

type pair struct {
	A []int
	B []int
}

// saveAll saves vars, in order, in one StateWriter and returns Bytes' error.
func saveAll(vars ...namedVar) error {
	w := NewStateWriter(1)
	for _, v := range vars {
		v.save(w)
	}
	_, err := w.Bytes()
	return err
}

type namedVar struct {
	save func(w *StateWriter)
}

func nv[T any](name string, v T) namedVar {
	return namedVar{func(w *StateWriter) { Save(w, name, v) }}
}

func TestSharingDetected(t *testing.T) {
	arr := make([]int, 8)
	p := &Point{1, 2}
	big := &Outer{P: Point{1, 2}}
	m := map[string]int{"a": 1}
	ring := &node{V: 1}
	ring.Next = &node{V: 2, Next: &node{V: 3, Next: ring}}
	self := &node{}
	self.Next = self
	selfSlice := make([]any, 1)
	selfSlice[0] = selfSlice
	selfMap := map[string]any{}
	selfMap["me"] = selfMap
	inner := &node{V: 9}
	pts := []Point{{1, 1}, {2, 2}}
	ptrs := []*Point{{}, {}}
	type holder struct{ P *Point }
	type mapHolder struct{ M map[string]int }
	bytesArr := []byte("hello world")

	cases := []struct {
		name  string
		vars  []namedVar
		want  string // the exact message, or a part of it
		a, b  string
		cycle bool
	}{
		{"two pointers to one value", []namedVar{nv("a", p), nv("b", p)},
			"fsm: variables a and b share memory (two pointers to one value); fsmgen cannot checkpoint shared memory yet", "a", "b", false},
		{"two slices of one array", []namedVar{nv("a", arr[0:3]), nv("b", arr[2:5])},
			"fsm: variables a and b share memory (two slices of one array); fsmgen cannot checkpoint shared memory yet", "a", "b", false},
		{"slices overlapping only in capacity", []namedVar{nv("x", arr[0:2]), nv("y", arr[2:4])},
			"variables x and y share memory (two slices of one array)", "x", "y", false},
		{"the same slice twice", []namedVar{nv("s", arr), nv("t", arr)},
			"variables s and t share memory (two slices of one array)", "s", "t", false},
		{"byte slices of one array", []namedVar{nv("hello", bytesArr[:5]), nv("world", bytesArr[6:])},
			"variables hello and world share memory (two slices of one array)", "hello", "world", false},
		{"the same map twice", []namedVar{nv("m1", m), nv("m2", m)},
			"fsm: variables m1 and m2 share memory (one map); fsmgen cannot checkpoint shared memory yet", "m1", "m2", false},
		{"the same map inside structs", []namedVar{nv("h1", mapHolder{m}), nv("h2", &mapHolder{m})},
			"variables h1 and h2 share memory (one map)", "h1", "h2", false},
		{"pointer to an element of a saved slice", []namedVar{nv("pts", pts), nv("p", &pts[1])},
			"fsm: variables pts and p share memory (a pointer into the array of a slice); fsmgen cannot checkpoint shared memory yet", "pts", "p", false},
		{"pointer saved before the slice", []namedVar{nv("p", &pts[0]), nv("pts", pts)},
			"variables p and pts share memory (a pointer into the array of a slice)", "p", "pts", false},
		{"pointer to a field of a pointed-to struct", []namedVar{nv("o", big), nv("pt", &big.P)},
			"variables o and pt share memory (a pointer into a value another pointer points to)", "o", "pt", false},
		{"pointer inside a struct", []namedVar{nv("h", holder{p}), nv("p", p)},
			"variables h and p share memory (two pointers to one value)", "h", "p", false},
		{"pointer inside an interface", []namedVar{nv("i", any(p)), nv("p", p)},
			"variables i and p share memory (two pointers to one value)", "i", "p", false},
		{"pointer inside a map value", []namedVar{nv("m", map[string]*Point{"k": p}), nv("p", p)},
			"variables m and p share memory (two pointers to one value)", "m", "p", false},
		{"pointer inside a slice of pointers", []namedVar{nv("ptrs", ptrs), nv("q", ptrs[1])},
			"variables ptrs and q share memory (two pointers to one value)", "ptrs", "q", false},
		{"node shared by two lists", []namedVar{nv("l1", &node{V: 1, Next: inner}), nv("l2", &node{V: 2, Next: inner})},
			"variables l1 and l2 share memory (two pointers to one value)", "l1", "l2", false},
		{"a third variable", []namedVar{nv("a", 1), nv("b", []int{1}), nv("c", arr), nv("d", "s"), nv("e", arr[7:])},
			"variables c and e share memory (two slices of one array)", "c", "e", false},
		{"two pointers in one value", []namedVar{nv("t", tree{L: inner, R: inner})},
			"fsm: variable t shares memory with itself (it reaches one value by two paths); fsmgen cannot checkpoint shared memory yet", "t", "t", false},
		{"two slices in one value", []namedVar{nv("p", pair{A: arr[:4], B: arr[4:]})},
			"variable p shares memory with itself (two slices of one array)", "p", "p", false},
		{"ring", []namedVar{nv("ring", ring)},
			"fsm: variable ring is cyclic (a pointer leads back to a value that holds it); fsmgen cannot checkpoint cyclic data yet", "ring", "ring", true},
		{"self pointer", []namedVar{nv("ok", 1), nv("self", self)},
			"variable self is cyclic", "self", "self", true},
		{"slice holding itself", []namedVar{nv("s", selfSlice)},
			"variable s is cyclic (a slice holds itself)", "s", "s", true},
		{"map holding itself", []namedVar{nv("m", selfMap)},
			"variable m is cyclic (a map holds itself)", "m", "m", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := saveAll(c.vars...)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q\nwant it to contain %q", err, c.want)
			}
			var se *SharingError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is a %T, want a *SharingError", err, err)
			}
			if se.A != c.a || se.B != c.b || se.Cycle != c.cycle {
				t.Errorf("SharingError{A: %q, B: %q, Cycle: %v}, want {%q, %q, %v}", se.A, se.B, se.Cycle, c.a, c.b, c.cycle)
			}
		})
	}
}

func TestSharingNotFlagged(t *testing.T) {
	arr := make([]int, 8)
	str := strings.Repeat("x", 100)
	p := &Point{}
	m := map[string]int{}
	type empty struct{}
	e := &empty{}
	pts := []Point{{}, {}}
	kids := &withParent{Name: "root"}
	kids.Kids = []*withParent{{Name: "a", Parent: kids}, {Name: "b", Parent: kids}}
	cases := []struct {
		name string
		vars []namedVar
	}{
		{"sub-slices with cap limits", []namedVar{nv("a", arr[0:2:2]), nv("b", arr[2:4:4]), nv("c", arr[4:8:8])}},
		{"zero-cap slices", []namedVar{nv("a", arr), nv("b", arr[3:3:3]), nv("c", arr[8:]), nv("d", arr[0:0:0])}},
		{"nil and empty", []namedVar{nv("a", []int(nil)), nv("b", []int{}), nv("c", []int{}), nv("d", map[int]int(nil)), nv("e", (*Point)(nil)), nv("f", (*Point)(nil)), nv("g", any(nil))}},
		{"strings are immutable", []namedVar{nv("s", str), nv("t", str[10:]), nv("u", []string{str, str})}},
		{"pointers to zero-size values", []namedVar{nv("a", e), nv("b", e), nv("c", []*empty{e, e})}},
		{"distinct values", []namedVar{nv("a", &Point{}), nv("b", &Point{}), nv("c", []*Point{{}, {}}), nv("d", map[string]*Point{"x": {}})}},
		{"copies of a struct", []namedVar{nv("a", *p), nv("b", *p), nv("c", [2]Point{*p, *p})}},
		{"values in maps are copies", []namedVar{nv("m", map[string]Point{"a": *p, "b": *p})}},
		{"element copies of a slice", []namedVar{nv("pts", pts), nv("first", pts[0])}},
		{"a map and a copy of its contents", []namedVar{nv("m", m), nv("n", map[string]int{})}},
		{"an unstored back pointer", []namedVar{nv("tree", kids)}},
		{"a long list", []namedVar{nv("l", func() *node {
			var l *node
			for i := range 200 {
				l = &node{V: i, Next: l}
			}
			return l
		}())}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := saveAll(c.vars...); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Sharing is checked within one writer only.
func TestSharingPerWriter(t *testing.T) {
	p := &Point{1, 2}
	for range 3 {
		w := NewStateWriter(1)
		Save(w, "p", p)
		if _, err := w.Bytes(); err != nil {
			t.Fatal(err)
		}
	}
	// Marshal checks each value on its own, too.
	if _, err := Marshal(p); err != nil {
		t.Fatal(err)
	}
	if _, err := Marshal(p); err != nil {
		t.Fatal(err)
	}
}

// A list far too long to store fails cleanly, without exhausting the stack.
func TestSharingVeryDeep(t *testing.T) {
	var l *node
	for i := range 1_000_000 {
		l = &node{V: i, Next: l}
	}
	err := saveAll(nv("l", l))
	if err == nil || !strings.Contains(err.Error(), "variable l nests more than") {
		t.Fatalf("got %v, want a nesting error", err)
	}
	if _, err := Marshal(l); err == nil {
		t.Fatal("Marshal of a million-node list: no error")
	}
}

// Types that cannot hold references are not walked: a large []int costs one
// range, whatever its length.
func TestSharingSkipsPlainElements(t *testing.T) {
	var s sharing
	big := make([]int, 1<<20)
	if err := s.add("big", big); err != nil {
		t.Fatal(err)
	}
	if err := s.add("points", make([]Point, 1000)); err != nil {
		t.Fatal(err)
	}
	if len(s.ranges) != 2 {
		t.Fatalf("%d ranges noted, want 2", len(s.ranges))
	}
	allocs := testing.AllocsPerRun(10, func() {
		var s sharing
		_ = s.add("big", big)
	})
	if allocs > 4 {
		t.Errorf("adding a large []int allocates %v times", allocs)
	}
	for _, ti := range []*typeInfo{infoOf(typeOf[int]()), infoOf(typeOf[Point]()), infoOf(typeOf[[4]float64]()), infoOf(typeOf[string]())} {
		if ti.refs {
			t.Errorf("a type without references is marked as having some")
		}
	}
	for _, ti := range []*typeInfo{infoOf(typeOf[[]int]()), infoOf(typeOf[Outer]()), infoOf(typeOf[*node]()), infoOf(typeOf[any]()), infoOf(typeOf[[1]map[int]int]())} {
		if !ti.refs {
			t.Errorf("a type with references is marked as having none")
		}
	}
}

func BenchmarkSaveLargeIntSlice(b *testing.B) {
	big := make([]int, 1<<20)
	for i := range big {
		big[i] = i
	}
	b.ResetTimer()
	for range b.N {
		var s sharing
		if err := s.add("big", big); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSharingPointerSlice(b *testing.B) {
	ptrs := make([]*Point, 100_000)
	for i := range ptrs {
		ptrs[i] = &Point{i, i}
	}
	b.ResetTimer()
	for range b.N {
		var s sharing
		if err := s.add("ptrs", ptrs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSharingList(b *testing.B) {
	var l *node
	for i := range 200 {
		l = &node{V: i, Next: l}
	}
	b.ResetTimer()
	for range b.N {
		var s sharing
		if err := s.add("l", l); err != nil {
			b.Fatal(err)
		}
	}
}

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }
