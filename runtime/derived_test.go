package fsm

import (
	"math"
	"reflect"
	"testing"
)

func TestSameView(t *testing.T) {
	arr := []int{1, 2, 3, 4}
	p, q := &struct{ N int }{1}, &struct{ N int }{1}
	m := map[string]int{"a": 1}
	type row struct {
		ID    int
		Items []int
	}
	nan := math.NaN()
	cases := []struct {
		name string
		a, b any
		want bool
	}{
		{"same slice", arr, arr, true},
		{"shorter view", arr[:2], arr, false},
		{"same array other cap", arr[:2:2], arr[:2], false},
		{"copy of slice", append([]int(nil), arr...), arr, false},
		{"nil and empty", []int(nil), []int{}, false},
		{"both nil", []int(nil), []int(nil), true},
		{"same pointer", p, p, true},
		{"equal pointees", p, q, false},
		{"same map", m, m, true},
		{"other map", m, map[string]int{"a": 1}, false},
		{"struct sharing a slice", row{1, arr}, row{1, arr}, true},
		{"struct other id", row{1, arr}, row{2, arr}, false},
		{"NaN bits", nan, nan, true},
		{"minus zero", math.Copysign(0, -1), 0.0, false},
		{"strings", "ab", "a" + "b", true},
		{"arrays", [2][]int{arr, nil}, [2][]int{arr, nil}, true},
	}
	for _, c := range cases {
		if got := sameView(reflect.ValueOf(c.a), reflect.ValueOf(c.b)); got != c.want {
			t.Errorf("%s: sameView = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestDerivedRoundTrip saves a slice and an element variable made from it:
// while the element is still the slice's element, loading makes it so again,
// sharing the array; once changed, it is saved by itself.
func TestDerivedRoundTrip(t *testing.T) {
	rows := [][]int{{1, 2}, {3}}
	i := 1
	for _, tc := range []struct {
		name    string
		row     []int
		derived bool
	}{
		{"still the element", rows[1], true},
		{"replaced", []int{7, 8}, false},
	} {
		w := NewStateWriter(1)
		Save(w, "rows", rows)
		Save(w, "i", i)
		SaveDerived(w, "row", tc.row, func() []int { return rows[i] })
		b, err := w.Bytes()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var gotRows [][]int
		var gotI int
		var gotRow []int
		r, err := NewStateReader(b, 1)
		if err != nil {
			t.Fatal(err)
		}
		Load(r, "rows", &gotRows)
		Load(r, "i", &gotI)
		LoadDerived(r, "row", &gotRow, func() []int { return gotRows[gotI] })
		if err := r.Close(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(gotRow, tc.row) {
			t.Errorf("%s: row = %v, want %v", tc.name, gotRow, tc.row)
		}
		gotRow[0] = 99
		shared := gotRows[1][0] == 99
		if shared != tc.derived {
			t.Errorf("%s: row shares the loaded slice's array: %v, want %v", tc.name, shared, tc.derived)
		}
	}
}

func TestDerivedBadBytes(t *testing.T) {
	w := NewStateWriter(1)
	Save(w, "x", 5) // not a derived variable's form
	b, _ := w.Bytes()
	r, err := NewStateReader(b, 1)
	if err != nil {
		t.Fatal(err)
	}
	var x int
	LoadDerived(r, "x", &x, func() int { return 1 })
	if r.Close() == nil {
		t.Error("a plain value read as a derived variable gave no error")
	}
	// A derivation that panics when loading is an error, not a panic.
	w = NewStateWriter(1)
	SaveDerived(w, "y", 0, func() int { return 0 })
	b, _ = w.Bytes()
	r, _ = NewStateReader(b, 1)
	var xs []int
	LoadDerived(r, "y", &x, func() int { return xs[3] })
	if r.Close() == nil {
		t.Error("a failing derivation gave no error")
	}
}

func TestMapKeysNaN(t *testing.T) {
	if got := MapKeys(map[float64]int{1: 1, 2: 2}); len(got) != 2 {
		t.Errorf("MapKeys = %v", got)
	}
	defer func() {
		if r := recover(); r != ErrNaNMapKey {
			t.Errorf("MapKeys of a map with a NaN key: recovered %v, want ErrNaNMapKey", r)
		}
	}()
	MapKeys(map[float64]int{math.NaN(): 1})
}

// TestCapacityKept saves a slice with spare capacity: it comes back with the
// same length, capacity and elements, including those past its length.
func TestCapacityKept(t *testing.T) {
	s := make([]int, 2, 5)
	s[0], s[1] = 1, 2
	s[:4][3] = 7 // past the length, reachable by reslicing
	w := NewStateWriter(1)
	Save(w, "s", s)
	Save(w, "full", []int{1, 2})
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewStateReader(b, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got, full []int
	Load(r, "s", &got)
	Load(r, "full", &full)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || cap(got) != 5 || got[0] != 1 || got[:4][3] != 7 {
		t.Errorf("got len %d cap %d %v, want len 2 cap 5 [1 2] with 7 at 3", len(got), cap(got), got[:cap(got)])
	}
	if cap(full) != 2 {
		t.Errorf("a full slice came back with capacity %d", cap(full))
	}
	// A hostile length is an error.
	bad := append(append([]byte(nil), capacityTagHeader...), 0x82, 0x05, 0x81, 0x01)
	var x []int
	if err := decodeVar(bad, &x); err == nil {
		t.Error("a length past the elements gave no error")
	}
	if err := decodeVar(append(append([]byte(nil), capacityTagHeader...), 0x80), new(int)); err == nil {
		t.Error("a capacity record loaded into an int gave no error")
	}
}

// TestCapacitySharing checks that memory past a slice variable's length, which
// is saved with it, is checked for sharing too.
func TestCapacitySharing(t *testing.T) {
	p := &struct{ N int }{1}
	s := make([]*struct{ N int }, 1, 2)
	s[:2][1] = p // past the length
	w := NewStateWriter(1)
	Save(w, "s", s)
	Save(w, "p", p)
	if _, err := w.Bytes(); err == nil {
		t.Error("a pointer held past a slice's length and in another variable gave no sharing error")
	}
}
