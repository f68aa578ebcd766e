package fsm

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// jobVars is what a generated machine might hold at one await.
type jobVars struct {
	N     int
	F     float64
	S     string
	B     []byte
	L     []Point
	M     map[ID]*Inner
	P     *Outer
	D     time.Duration
	Err   error
	NoErr error
}

func saveJobVars(w *StateWriter, v *jobVars) {
	Save(w, "n", v.N)
	Save(w, "f", v.F)
	Save(w, "s", v.S)
	Save(w, "b", v.B)
	Save(w, "l", v.L)
	Save(w, "m", v.M)
	Save(w, "p", v.P)
	Save(w, "d", v.D)
	Save(w, "err", v.Err)
	Save(w, "noErr", v.NoErr)
}

func loadJobVars(r *StateReader, v *jobVars) {
	Load(r, "n", &v.N)
	Load(r, "f", &v.F)
	Load(r, "s", &v.S)
	Load(r, "b", &v.B)
	Load(r, "l", &v.L)
	Load(r, "m", &v.M)
	Load(r, "p", &v.P)
	Load(r, "d", &v.D)
	Load(r, "err", &v.Err)
	Load(r, "noErr", &v.NoErr)
}

func sampleJobVars() jobVars {
	return jobVars{
		N: -7, F: math.Copysign(0, -1), S: "\xffok", B: []byte{},
		L: []Point{{1, 2}}, M: map[ID]*Inner{"a": {Name: "x"}, "nil": nil},
		P: &Outer{Temp: 21.5, List: []Inner{}}, D: time.Minute,
		Err: fmt.Errorf("charge declined: %w", errors.New("card expired")),
	}
}

func TestStateRoundTrip(t *testing.T) {
	in := sampleJobVars()
	w := NewStateWriter(3)
	saveJobVars(w, &in)
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewStateReader(b, 5)
	if err != nil {
		t.Fatal(err)
	}
	if r.State() != 3 {
		t.Errorf("State() = %d, want 3", r.State())
	}
	var out jobVars
	loadJobVars(r, &out)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if out.Err == nil || out.Err.Error() != in.Err.Error() {
		t.Errorf("error variable came back as %v, want text %q", out.Err, in.Err)
	}
	if out.NoErr != nil {
		t.Errorf("nil error variable came back as %v", out.NoErr)
	}
	in.Err, out.Err = nil, nil
	if d := exactDiff(valueOf(&in), valueOf(&out), "vars"); d != "" {
		t.Error(d)
	}
}

func TestStateErrorVariable(t *testing.T) {
	act := &ActivityError{Op: `activity "x"`, Message: "boom"}
	for _, e := range []error{nil, errors.New(""), errors.New("plain"), act, fmt.Errorf("wrapped: %w", act)} {
		w := NewStateWriter(1)
		Save(w, "err", e)
		b, err := w.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewStateReader(b, 1)
		if err != nil {
			t.Fatal(err)
		}
		var got error
		Load(r, "err", &got)
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		switch {
		case e == nil && got != nil:
			t.Errorf("nil error came back as %v", got)
		case e != nil && (got == nil || got.Error() != e.Error()):
			t.Errorf("error %q came back as %v", e, got)
		}
		// Save[error] stores what SaveError stores: the two are one format.
		w2 := NewStateWriter(1)
		SaveError(w2, "err", e)
		b2, err := w2.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, b2) {
			t.Errorf("Save[error] wrote %x, SaveError %x", b, b2)
		}
	}
}

type panicky struct{}

func (*panicky) Error() string { panic("nil receiver") }

func TestStateErrorVariablePanics(t *testing.T) {
	w := NewStateWriter(1)
	Save[error](w, "err", (*panicky)(nil))
	if _, err := w.Bytes(); err == nil || !strings.Contains(err.Error(), "panicked") {
		t.Fatalf("got %v, want an error saying Error panicked", err)
	}
}

func TestStateDoneAndZero(t *testing.T) {
	for _, state := range []int{StateDone, 0, 4} {
		w := NewStateWriter(state)
		b, err := w.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewStateReader(b, 4)
		if err != nil {
			t.Fatalf("state %d: %v", state, err)
		}
		if r.State() != state {
			t.Errorf("State() = %d, want %d", r.State(), state)
		}
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	}
}

func TestStateReaderErrors(t *testing.T) {
	state := func(n int, vars ...any) []byte {
		w := NewStateWriter(n)
		for i, v := range vars {
			// Each value is saved as its dynamic type, not as an any.
			b, ok := w.encodeVar(fmt.Sprint("v", i), v)
			if !ok {
				t.Fatal(w.err)
			}
			w.items = append(w.items, b)
		}
		b, err := w.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	good := state(2, 1, "two")
	cases := []struct {
		name   string
		data   []byte
		awaits int
		load   func(r *StateReader)
		want   string
	}{
		{"state beyond the job's awaits", state(5), 4, nil, "stored state 5 does not exist in this job (it has 4 awaits)"},
		{"poisoned state", state(StatePoisoned), 4, nil, "stored state -2 does not exist"},
		{"very negative state", state(math.MinInt), 4, nil, "does not exist"},
		{"state number not an int", mustMarshal(t, []any{"x"}), 4, nil, "state number"},
		{"state number overflows int", []byte{0x81, 0x1b, 0x80, 0, 0, 0, 0, 0, 0, 0}, 4, nil, "state number"},
		{"no state number", mustMarshal(t, []int{}), 4, nil, "no state number"},
		{"not an array", mustMarshal(t, 3), 4, nil, "decoding a machine state"},
		{"null", []byte{0xf6}, 4, nil, "no state number"},
		{"empty input", nil, 4, nil, "decoding a machine state"},
		{"truncated", good[:len(good)-1], 4, nil, "unexpected EOF"},
		{"trailing bytes", append(append([]byte{}, good...), 0), 4, nil, "extraneous data"},
		{"too few variables", good, 4, func(r *StateReader) {
			var a int
			var b string
			var c []int
			Load(r, "a", &a)
			Load(r, "b", &b)
			Load(r, "c", &c)
		}, "stored state 2 lacks variable c"},
		{"too many variables", good, 4, func(r *StateReader) {
			var a int
			Load(r, "a", &a)
		}, "stored state 2 holds 2 variables, the job saves 1 there"},
		{"wrong type", good, 4, func(r *StateReader) {
			var a int
			var b float64
			Load(r, "a", &a)
			Load(r, "b", &b)
		}, "loading variable b of state 2"},
		{"first error kept", good, 4, func(r *StateReader) {
			var a string
			var b string
			Load(r, "a", &a)
			Load(r, "b", &b)
		}, "loading variable a of state 2"},
		{"error variable from garbage", good, 4, func(r *StateReader) {
			var e error
			Load(r, "e", &e)
		}, "loading variable e of state 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := NewStateReader(c.data, c.awaits)
			if err == nil {
				if c.load != nil {
					c.load(r)
				}
				err = r.Close()
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to contain %q", err, c.want)
			}
		})
	}
}

func TestStateWriterErrors(t *testing.T) {
	type hidden struct{ x int }
	w := NewStateWriter(1)
	Save(w, "ok", 1)
	Save(w, "ch", make(chan int))
	Save(w, "later", hidden{}) // not reached: the first error stays
	_, err := w.Bytes()
	if err == nil || !strings.Contains(err.Error(), "saving variable ch") {
		t.Fatalf("got %v, want an error about ch", err)
	}
	w = NewStateWriter(1)
	Save(w, "h", hidden{})
	if _, err := w.Bytes(); err == nil || !strings.Contains(err.Error(), "saving variable h: fsm: a fsm.hidden cannot be stored") {
		t.Fatalf("got %v, want an error about h", err)
	}
}

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func valueOf[T any](p *T) reflect.Value { return reflect.ValueOf(p).Elem() }
