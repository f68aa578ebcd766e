package fsm

import (
	"errors"
	"fmt"
	"math"
	"reflect"

	"github.com/fxamacker/cbor/v2"
)

// A stored state is a CBOR array: the state number, then the encoding of each
// variable saved there, in the order the job's generated code saves them. The
// variables' names and types are not stored; the generated code knows them.

// StateWriter builds the stored state of a machine: the state number, then each
// variable live in that state. Generated code uses it; see Save.
//
// A StateWriter is used once, by one goroutine. It refuses a state whose
// variables share memory (see SharingError), since they would come back apart.
type StateWriter struct {
	items []cbor.RawMessage
	err   error
	share sharing
}

// NewStateWriter starts the stored form of a machine in the given state.
func NewStateWriter(state int) *StateWriter {
	w := &StateWriter{}
	b, err := encode(state)
	w.items = append(w.items, b)
	w.err = err
	return w
}

var typeError = reflect.TypeFor[error]()

// SaveAbsent appends a variable as not stored: Load leaves it at its zero
// value. Generated migrations use it for a variable the migration does not
// give.
func (w *StateWriter) SaveAbsent() {
	if w.err == nil {
		w.items = append(w.items, cbor.RawMessage{absent})
	}
}

// Save appends one variable. name is its source name, for error messages.
//
// The variable is encoded as Marshal does, so Load gives back an equal value, with
// one exception: a variable of type error is stored as SaveError stores it (its
// text, or nil), and Load gives back what LoadError does, since an error's
// concrete type generally cannot be stored.
//
// Save fails (the error shows in Bytes) when the value cannot be stored exactly,
// or when it shares memory with itself or with a variable saved before by the
// same writer.
func Save[T any](w *StateWriter, name string, v T) {
	if w.err != nil {
		return
	}
	if reflect.TypeFor[T]() == typeError {
		e, _ := any(v).(error)
		if e != nil {
			if _, err := errorText(e); err != nil {
				w.err = fmt.Errorf("fsm: saving variable %s: %w", name, err)
				return
			}
		}
		SaveError(w, name, e)
		return
	}
	if t := reflect.TypeFor[T](); t.Kind() == reflect.Interface {
		if err := w.share.add(name, any(v)); err != nil {
			w.err = err
			return
		}
		b, err := encodeAs(any(v), t)
		if err != nil {
			w.err = fmt.Errorf("fsm: saving variable %s: %w", name, err)
			return
		}
		w.items = append(w.items, b)
		return
	}
	if b, ok := w.encodeVar(name, v); ok {
		w.items = append(w.items, b)
	}
}

// encodeVar checks that v shares no memory with what was saved before and
// encodes it; on failure it records the error.
func (w *StateWriter) encodeVar(name string, v any) ([]byte, bool) {
	// What is checked for sharing is what is saved: a slice variable up to its
	// capacity (see encodeVarValue).
	if err := w.share.add(name, fullSlice(v)); err != nil {
		w.err = err
		return nil, false
	}
	b, err := encodeVarValue(v)
	if err != nil {
		w.err = fmt.Errorf("fsm: saving variable %s: %w", name, err)
		return nil, false
	}
	return b, true
}

// Bytes returns the stored state, or the first error met while saving.
func (w *StateWriter) Bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	return encode(w.items)
}

// StateReader reads a state written by a StateWriter. Generated code uses it;
// see Load.
type StateReader struct {
	items  []cbor.RawMessage
	state  int
	next   int
	err    error
	fixups []func() error // derived variables, computed once all are loaded
}

// NewStateReader starts reading a stored state of a machine with the given number
// of awaits. It fails when the bytes are not a state or name a state the machine
// does not have (one of 0..awaits, or StateDone). It never panics, whatever the
// bytes.
func NewStateReader(data []byte, awaits int) (*StateReader, error) {
	r := &StateReader{}
	if err := Unmarshal(data, &r.items); err != nil {
		return nil, fmt.Errorf("fsm: decoding a machine state: %w", err)
	}
	if len(r.items) == 0 {
		return nil, errors.New("fsm: decoding a machine state: no state number")
	}
	if err := Unmarshal(r.items[0], &r.state); err != nil {
		return nil, fmt.Errorf("fsm: decoding a machine state number: %w", err)
	}
	if r.state < StateDone || r.state > awaits {
		return nil, fmt.Errorf("fsm: stored state %d does not exist in this job (it has %d awaits)", r.state, awaits)
	}
	r.next = 1
	return r, nil
}

// ReadOldState starts reading a checkpoint an earlier build stored, for a
// migration (see Accepted.Migrate): its state number is the earlier build's
// and is not checked against this one's. Generated code uses it.
func ReadOldState(data []byte) (*StateReader, error) {
	return NewStateReader(data, math.MaxInt)
}

// Skip passes over the next stored variable: a value an earlier build stored
// that a migration does not read.
func (r *StateReader) Skip() {
	if r.err != nil {
		return
	}
	if r.next >= len(r.items) {
		r.err = fmt.Errorf("fsm: stored state %d lacks a variable", r.state)
		return
	}
	r.next++
}

// State returns the stored state number.
func (r *StateReader) State() int { return r.state }

// Load decodes the next variable into p, which must point to a zero value (or a
// value to be overwritten). name is its source name, for error messages. An error
// is kept and reported by Close; once one occurs, later Loads do nothing.
//
// A variable stored as CBOR undefined leaves *p as it is: the engine writes it
// for a variable the state has and the layout a checkpoint was stored with did
// not (see Accepted), so that the variable starts at its zero value.
func Load[T any](r *StateReader, name string, p *T) {
	if r.err != nil {
		return
	}
	if r.next >= len(r.items) {
		r.err = fmt.Errorf("fsm: stored state %d lacks variable %s", r.state, name)
		return
	}
	if isAbsent(r.items[r.next]) {
		r.next++
		return
	}
	if reflect.TypeFor[T]() == typeError {
		LoadError(r, name, any(p).(*error))
		return
	}
	if err := decodeVar(r.items[r.next], p); err != nil {
		r.err = fmt.Errorf("fsm: loading variable %s of state %d: %w", name, r.state, err)
		return
	}
	r.next++
}

// Close reports the first error met, or an error when stored variables were
// left unread.
func (r *StateReader) Close() error {
	if r.err != nil {
		return r.err
	}
	if r.next != len(r.items) {
		return fmt.Errorf("fsm: stored state %d holds %d variables, the job saves %d there", r.state, len(r.items)-1, r.next-1)
	}
	for _, f := range r.fixups {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

// absent is the item Place writes for a variable a stored layout lacks.
const absent = 0xf7 // CBOR undefined

func isAbsent(item cbor.RawMessage) bool { return len(item) == 1 && item[0] == absent }

// errorText returns err.Error(), or an error when that panics (a nil pointer
// of an error type whose method does not allow it).
func errorText(err error) (msg string, failed error) {
	defer func() {
		if p := recover(); p != nil {
			failed = fmt.Errorf("fsm: the %T error's Error method panicked: %v", err, p)
		}
	}()
	return err.Error(), nil
}
