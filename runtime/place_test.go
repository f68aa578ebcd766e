package fsm

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// placeInfo is a job of two awaits as a later build has it: state 1 ("b")
// stores y and z and accepts an earlier layout that stored x, y; state 2
// ("a") is the earlier build's state 1.
func placeInfo() *JobInfo {
	return &JobInfo{
		Name:  "place.Job",
		Start: StateInfo{ID: "start", Layout: "L-start"},
		States: []StateInfo{
			{ID: "b", Layout: "L-b2", Vars: []VarInfo{{Name: "y"}, {Name: "z"}}, Accepts: []Accepted{{Layout: "L-b1", Vars: []int{-1, 0}}}},
			{ID: "a", Layout: "L-a", Vars: []VarInfo{{Name: "s"}}, Accepts: []Accepted{{Layout: "L-a0", Migrate: migrateA}}},
		},
		Done: StateInfo{ID: "done", Layout: "L-done"},
	}
}

// migrateA is a migration as fsmgen wraps one: layout L-a0 stored an int x
// and a value it skips; state "a" (number 2) stores s, the text of x. A
// negative x is refused, and 13 panics.
func migrateA(data []byte) ([]byte, error) {
	r, err := ReadOldState(data)
	if err != nil {
		return nil, err
	}
	var x int
	Load(r, "x", &x)
	r.Skip()
	if err := r.Close(); err != nil {
		return nil, err
	}
	switch {
	case x < 0:
		return nil, errors.New("x is negative")
	case x == 13:
		panic("unlucky")
	case x == 99:
		return NewStateWriter(1).Bytes() // not state "a"
	}
	w := NewStateWriter(2)
	Save(w, "s", strconv.Itoa(x))
	return w.Bytes()
}

func stateBytes(t testing.TB, n int, save func(w *StateWriter)) []byte {
	t.Helper()
	w := NewStateWriter(n)
	save(w)
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPlaceState(t *testing.T) {
	info := placeInfo()

	// The state of that number has the layout: nothing changes.
	same := stateBytes(t, 2, func(w *StateWriter) { Save(w, "s", "kept") })
	n, b, l, err := info.Place(2, "L-a", same)
	if err != nil || n != 2 || l != "L-a" || !bytes.Equal(b, same) {
		t.Errorf("same state: %d %q %v", n, l, err)
	}

	// An earlier build had "a" as state 1: it moves to 2.
	moved := stateBytes(t, 1, func(w *StateWriter) { Save(w, "s", "moved") })
	n, b, l, err = info.Place(1, "L-a", moved)
	if err != nil || n != 2 || l != "L-a" {
		t.Fatalf("moved state: %d %q %v", n, l, err)
	}
	if len(b) != len(moved) || b[0] != moved[0] || b[1] != 0x02 || !bytes.Equal(b[2:], moved[2:]) {
		t.Errorf("moved state: % x, want the variables of % x as they are", b, moved)
	}
	r, err := NewStateReader(b, 2)
	if err != nil {
		t.Fatal(err)
	}
	var s string
	Load(r, "s", &s)
	if err := r.Close(); err != nil || r.State() != 2 || s != "moved" {
		t.Errorf("moved state reads as state %d, s %q, %v", r.State(), s, err)
	}

	// An accepted layout: x is dropped, y kept, z absent (zero).
	old := stateBytes(t, 1, func(w *StateWriter) { Save(w, "x", 7); Save(w, "y", "why") })
	n, b, l, err = info.Place(1, "L-b1", old)
	if err != nil || n != 1 || l != "L-b2" {
		t.Fatalf("accepted layout: %d %q %v", n, l, err)
	}
	r, err = NewStateReader(b, 2)
	if err != nil {
		t.Fatal(err)
	}
	var y string
	z := []int{1} // Load of an absent variable leaves it as it is
	var e error = errTest
	Load(r, "y", &y)
	Load(r, "z", &z)
	if err := r.Close(); err != nil || y != "why" || len(z) != 1 {
		t.Errorf("accepted layout reads y %q, z %v, %v", y, z, err)
	}
	// An absent error, too.
	r, _ = NewStateReader(stateBytes(t, 1, func(w *StateWriter) {}), 2)
	r.items = append(r.items, []byte{absent})
	LoadError(r, "e", &e)
	if err := r.Close(); err != nil || e != errTest {
		t.Errorf("absent error: %v, %v", e, err)
	}

	for _, c := range []struct {
		name   string
		num    int
		layout string
		state  []byte
		want   string
	}{
		{"unknown layout", 1, "L-gone", old, `has layout "L-gone", which no state of this build has or accepts`},
		{"no layout", 1, "", old, `records no layout, and this build's state 1 has layout "L-b2"`},
		{"number not the record's", 1, "L-b2", stateBytes(t, 2, func(w *StateWriter) { Save(w, "y", "a"); Save(w, "z", "b") }), "not one of state 1"},
		{"variable count", 1, "L-b1", stateBytes(t, 1, func(w *StateWriter) { Save(w, "x", 7) }), "holds 1 variables, and layout \"L-b1\" has 2"},
		{"not an array", 1, "L-a", []byte{0x01}, "decoding its checkpoint"},
		{"empty array", 1, "L-a", []byte{0x80}, "no state number"},
		{"truncated", 1, "L-b1", old[:len(old)-2], "decoding its checkpoint"},
		{"huge array header", 1, "L-b1", []byte{0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, "decoding its checkpoint"},
	} {
		if _, _, _, err := info.Place(c.num, c.layout, c.state); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.want)
		}
	}
}

var errTest = &SavedError{Message: "test"}

// TestPlaceMigrated checks a layout accepted through a migration: the
// migration's result is the placed state, and whatever goes wrong in it is
// an error, never a panic.
func TestPlaceMigrated(t *testing.T) {
	info := placeInfo()
	old := func(x int) []byte {
		return stateBytes(t, 5, func(w *StateWriter) { Save(w, "x", x); Save(w, "pos", []int{1, 2}) })
	}
	n, b, l, err := info.Place(5, "L-a0", old(42))
	if err != nil || n != 2 || l != "L-a" {
		t.Fatalf("migrated: %d %q %v", n, l, err)
	}
	r, err := NewStateReader(b, 2)
	if err != nil {
		t.Fatal(err)
	}
	var s string
	Load(r, "s", &s)
	if err := r.Close(); err != nil || r.State() != 2 || s != "42" {
		t.Errorf("migrated state reads as state %d, s %q, %v", r.State(), s, err)
	}
	for _, c := range []struct {
		name  string
		state []byte
		want  string
	}{
		{"migration error", old(-1), `from layout "L-a0": x is negative; fix the migration`},
		{"migration panic", old(13), "the migration panicked: unlucky"},
		{"other state", old(99), "returned a checkpoint of another state"},
		{"fewer variables", stateBytes(t, 5, func(w *StateWriter) { Save(w, "x", 1) }), "lacks a variable"},
		{"more variables", stateBytes(t, 5, func(w *StateWriter) { Save(w, "x", 1); Save(w, "y", 2); Save(w, "z", 3) }), "holds 3 variables"},
		{"wrong type", stateBytes(t, 5, func(w *StateWriter) { Save(w, "x", "one"); Save(w, "y", 2) }), "loading variable x"},
		{"not a state", []byte{0x01}, "decoding a machine state"},
	} {
		if _, _, _, err := info.Place(5, "L-a0", c.state); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an error saying %q", c.name, err, c.want)
		}
	}
}

// TestPlaceDone checks that a finished job's results are placed as any
// state: Done moved to no other number, but it may accept an earlier layout.
func TestPlaceDone(t *testing.T) {
	info := placeInfo()
	info.Done.Vars = []VarInfo{{Name: "result 0"}, {Name: "result 1"}}
	info.Done.Accepts = []Accepted{{Layout: "L-done0", Vars: []int{1}}}
	old := stateBytes(t, StateDone, func(w *StateWriter) { SaveError(w, "result 1", errTest) })
	n, b, l, err := info.Place(StateDone, "L-done0", old)
	if err != nil || n != StateDone || l != "L-done" {
		t.Fatalf("done: %d %q %v", n, l, err)
	}
	r, err := NewStateReader(b, 2)
	if err != nil {
		t.Fatal(err)
	}
	r0 := "zero"
	var r1 error
	Load(r, "result 0", &r0)
	LoadError(r, "result 1", &r1)
	if err := r.Close(); err != nil || r0 != "zero" || r1 == nil || r1.Error() != "test" {
		t.Errorf("done reads %q, %v, %v", r0, r1, err)
	}
}

// TestDescribeAbsent checks that an inspector shows a variable a placed
// checkpoint lacks as absent, not as a nil value.
func TestDescribeAbsent(t *testing.T) {
	info := placeInfo()
	old := stateBytes(t, 1, func(w *StateWriter) { Save(w, "x", 7); Save(w, "y", "why") })
	n, b, _, err := info.Place(1, "L-b1", old)
	if err != nil {
		t.Fatal(err)
	}
	vars, err := DescribeState(b, info.States[n-1], false)
	if err != nil {
		t.Fatal(err)
	}
	if len(vars) != 2 || vars[0].Name != "y" || vars[0].Value != "why" || vars[0].Absent || vars[1].Name != "z" || !vars[1].Absent || vars[1].Value != nil {
		t.Errorf("described as %+v", vars)
	}
}

// TestRegisterJobChecksAccepts checks the registration of inconsistent
// layouts.
func TestRegisterJobChecksAccepts(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(*JobInfo)
		want string
	}{
		{"index out of range", func(i *JobInfo) { i.States[0].Accepts[0].Vars = []int{2, 0} }, "out of range"},
		{"index twice", func(i *JobInfo) { i.States[0].Accepts[0].Vars = []int{0, 0} }, "out of range or taken"},
		{"layout of two states", func(i *JobInfo) { i.States[1].Layout = "L-b1" }, "belongs to states"},
		{"mapping and migration", func(i *JobInfo) { i.States[1].Accepts[0].Vars = []int{0} }, "both by a mapping and by a migration"},
	} {
		info := placeInfo()
		c.edit(info)
		if err := info.checkStates(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if err := placeInfo().checkStates(); err != nil {
		t.Errorf("a consistent job: %v", err)
	}
}

// FuzzPlaceState checks that placing any bytes gives an error or a state
// that reads, never a panic.
func FuzzPlaceState(f *testing.F) {
	f.Add(1, "L-b1", stateBytes(f, 1, func(w *StateWriter) { Save(w, "x", 7); Save(w, "y", "why") }))
	f.Add(1, "L-a", stateBytes(f, 1, func(w *StateWriter) { Save(w, "s", "moved") }))
	f.Add(2, "L-a", []byte{0x82, 0x02, 0xf7})
	f.Add(1, "L-b1", []byte{0x83, 0x01, 0x9f, 0xff})
	f.Add(1, "L-b1", []byte{0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
	f.Add(StateDone, "L-done", []byte{0x81, 0x20})
	f.Add(1, "", []byte{0x81, 0x01})
	f.Add(5, "L-a0", stateBytes(f, 5, func(w *StateWriter) { Save(w, "x", 13); Save(w, "pos", 0) }))
	info := placeInfo()
	f.Fuzz(func(t *testing.T, num int, layout string, state []byte) {
		n, b, _, err := info.Place(num, layout, state)
		if err != nil {
			return
		}
		if r, err := NewStateReader(b, 2); err == nil && r.State() != n {
			t.Errorf("placed as state %d, reads as %d", n, r.State())
		}
	})
}

// TestStoredNumber checks the state number read without decoding, against
// the writer's encoding of every size of number.
func TestStoredNumber(t *testing.T) {
	for _, n := range []int{0, 1, 23, 24, 255, 256, 2002, 65535, 65536, 1 << 30, StateDone, StatePoisoned} {
		b := stateBytes(t, n, func(w *StateWriter) { Save(w, "x", 1) })
		if got, ok := storedNumber(b); !ok || got != n {
			t.Errorf("state %d reads as %d, %v", n, got, ok)
		}
	}
	for _, b := range [][]byte{nil, {0x80}, {0x81}, {0x9f, 0x01, 0xff}, {0x81, 0x61, 0x61}, {0x81, 0x19, 0x01}} {
		if n, ok := storedNumber(b); ok {
			t.Errorf("% x reads as state %d", b, n)
		}
	}
}

// TestPlaceInDrained checks that a checkpoint the current version of a job
// cannot place goes to the newest drained version that can, and that
// registration keeps the versions apart.
func TestPlaceInDrained(t *testing.T) {
	const name = "place.Drained"
	cur := *placeInfo()
	cur.Name, cur.Func, cur.Version = name, func() {}, 3
	v1 := JobInfo{Name: name, Func: func() {}, Version: 1, Drained: true,
		Start:  StateInfo{ID: "start", Layout: "D1-start"},
		States: []StateInfo{{ID: "a", Layout: "D1-a", Vars: []VarInfo{{Name: "s"}}, Accepts: []Accepted{{Layout: "L-a-old", Vars: []int{0}}, {Layout: "L-shared", Vars: []int{0}}}}},
		Done:   StateInfo{ID: "done", Layout: "D1-done"},
	}
	v2 := JobInfo{Name: name, Func: func() {}, Version: 2, Drained: true,
		Start:  StateInfo{ID: "start", Layout: "D2-start"},
		States: []StateInfo{{ID: "a", Layout: "D2-a", Vars: []VarInfo{{Name: "s"}}, Accepts: []Accepted{{Layout: "L-shared", Vars: []int{0}}}}},
		Done:   StateInfo{ID: "done", Layout: "D2-done"},
	}
	RegisterJob(v1)
	RegisterJob(cur)
	RegisterJob(v2)
	info, ok := JobByName(name)
	if !ok || info.Drained || info.Version != 3 {
		t.Fatalf("JobByName gives %+v, want the current version", info)
	}
	if d := info.Drains(); len(d) != 2 || d[0].Version != 2 || d[1].Version != 1 {
		t.Fatalf("Drains: %d versions, want 2 then 1", len(d))
	}
	if info.States[1].Version != 3 || info.Drains()[1].States[0].Version != 1 || info.Drains()[1].Done.Version != 1 {
		t.Error("RegisterJob did not give the states their job's version")
	}
	state := stateBytes(t, 1, func(w *StateWriter) { Save(w, "s", "x") })
	for _, c := range []struct {
		layout  string
		version int
		num     int
		placed  string
	}{
		{"L-a", 3, 2, "L-a"},       // the current version's own
		{"L-a-old", 1, 1, "D1-a"},  // only v1 accepts it
		{"L-shared", 2, 1, "D2-a"}, // the newest that accepts it
		{"D1-a", 1, 1, "D1-a"},     // written by v1: stays on v1
	} {
		v, n, _, l, err := info.PlaceIn(1, c.layout, state)
		if err != nil || v.version() != c.version || n != c.num || l != c.placed {
			t.Errorf("PlaceIn(%s): version %d, state %d, layout %s, %v; want %d, %d, %s", c.layout, v.version(), n, l, err, c.version, c.num, c.placed)
		}
	}
	if v, _, _, _, err := info.PlaceIn(1, "L-gone", state); err == nil || v != info || !strings.Contains(err.Error(), "no state of this build has or accepts") {
		t.Errorf("PlaceIn of an unknown layout: %v", err)
	}
	defer func() {
		if p := recover(); p == nil || !strings.Contains(fmt.Sprint(p), "version 1 of job \"place.Drained\" registered twice") {
			t.Errorf("registering a version twice: %v", p)
		}
	}()
	RegisterJob(v1)
}

// TestLoadStructGainedField checks what fsmgen's lock relies on to accept a
// struct that gained fields: a value stored before decodes into the new
// type with the new fields zero, whatever their place.
func TestLoadStructGainedField(t *testing.T) {
	type before struct{ ID int }
	type after struct {
		Tags []string
		ID   int
		Name string `cbor:"name"`
	}
	b := stateBytes(t, 1, func(w *StateWriter) { Save(w, "it", before{ID: 7}) })
	r, err := NewStateReader(b, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got after
	Load(r, "it", &got)
	if err := r.Close(); err != nil || got.ID != 7 || got.Name != "" || got.Tags != nil {
		t.Errorf("loaded %+v, %v; want ID 7 and the rest zero", got, err)
	}
}
