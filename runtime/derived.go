package fsm

import (
	"fmt"
	"math"
	"reflect"

	"github.com/fxamacker/cbor/v2"
)

// A derived variable is one a job made from another: the element variable of
// a range loop is a copy of the ranged slice's element, the slice a loop
// ranges over is the value of the loop's range expression. Such a variable
// shares memory with its source (two slice headers of one array, two copies of
// one pointer), which values saved one by one would split. When, at a
// checkpoint, the variable is still exactly what its source gives, the state
// records only that, and loading computes it again from the loaded source: the
// sharing is kept. When the job has changed it since, it is saved like any
// other variable.

// derivedMark is the stored form of a derived variable that is still what its
// source gives: an empty CBOR array. A saved value is a one-element array.
var derivedMark = []byte{0x80}

// SaveDerived appends a derived variable to a state. derive computes, from the
// machine's saved variables, what v was made from.
func SaveDerived[T any](w *StateWriter, name string, v T, derive func() T) {
	if w.err != nil {
		return
	}
	if d, ok := callDerive(derive); ok && sameView(reflect.ValueOf(&v).Elem(), reflect.ValueOf(&d).Elem()) {
		w.items = append(w.items, derivedMark)
		return
	}
	if b, ok := w.encodeVar(name, v); ok {
		w.items = append(w.items, append([]byte{0x81}, b...)) // a one-element array
	}
}

// LoadDerived reads a variable written by SaveDerived. When it was stored as
// derived, *p is computed by derive once every variable of the state is
// loaded (by Close).
func LoadDerived[T any](r *StateReader, name string, p *T, derive func() T) {
	if r.err != nil {
		return
	}
	if r.next >= len(r.items) {
		r.err = fmt.Errorf("fsm: stored state %d lacks variable %s", r.state, name)
		return
	}
	var parts []cbor.RawMessage
	if err := Unmarshal(r.items[r.next], &parts); err != nil || len(parts) > 1 {
		r.err = fmt.Errorf("fsm: loading variable %s of state %d: not a derived variable", name, r.state)
		return
	}
	r.next++
	if len(parts) == 0 {
		r.fixups = append(r.fixups, func() error {
			d, ok := callDerive(derive)
			if !ok {
				return fmt.Errorf("fsm: loading variable %s of state %d: its source cannot be read", name, r.state)
			}
			*p = d
			return nil
		})
		return
	}
	if err := decodeVar(parts[0], p); err != nil {
		r.err = fmt.Errorf("fsm: loading variable %s of state %d: %w", name, r.state, err)
	}
}

// callDerive runs derive, which may panic (an index out of range, a nil
// pointer): then the variable is not derived.
func callDerive[T any](derive func() T) (v T, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return derive(), true
}

// sameView reports whether a is an exact shallow copy of b: equal basic
// values (floats bit for bit), the same pointers, maps and channels, slices
// with the same array, length and capacity, and so on through structs,
// arrays and interfaces.
func sameView(a, b reflect.Value) bool {
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	case reflect.Float32, reflect.Float64:
		return math.Float64bits(a.Float()) == math.Float64bits(b.Float())
	case reflect.Complex64, reflect.Complex128:
		ca, cb := a.Complex(), b.Complex()
		return math.Float64bits(real(ca)) == math.Float64bits(real(cb)) && math.Float64bits(imag(ca)) == math.Float64bits(imag(cb))
	case reflect.String:
		return a.String() == b.String()
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		return a.IsNil() == b.IsNil() && a.Pointer() == b.Pointer()
	case reflect.Slice:
		return a.IsNil() == b.IsNil() && a.Len() == b.Len() && a.Cap() == b.Cap() && (a.Cap() == 0 || a.Pointer() == b.Pointer())
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if !sameView(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !sameView(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameView(a.Elem(), b.Elem())
	}
	return false
}
