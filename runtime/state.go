package fsm

import (
	"errors"
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

// StateWriter builds the stored state of a machine: the state number, then each
// variable live in that state. Generated code uses it; see Save.
type StateWriter struct {
	items []cbor.RawMessage
	err   error
	share sharing
}

// NewStateWriter starts the stored form of a machine in the given state.
func NewStateWriter(state int) *StateWriter {
	w := &StateWriter{}
	b, err := Marshal(state)
	w.items = append(w.items, b)
	w.err = err
	return w
}

// Save appends one variable. name is its source name, for error messages.
func Save[T any](w *StateWriter, name string, v T) {
	if w.err != nil {
		return
	}
	if err := w.share.add(name, v); err != nil {
		w.err = err
		return
	}
	b, err := Marshal(v)
	if err != nil {
		w.err = fmt.Errorf("fsm: saving variable %s: %w", name, err)
		return
	}
	w.items = append(w.items, b)
}

// Bytes returns the stored state, or the first error met while saving.
func (w *StateWriter) Bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	return Marshal(w.items)
}

// StateReader reads a state written by a StateWriter. Generated code uses it;
// see Load.
type StateReader struct {
	items []cbor.RawMessage
	state int
	next  int
	err   error
}

// NewStateReader starts reading a stored state of a machine with the given number
// of awaits. It fails when the bytes are not a state or name a state the machine
// does not have.
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

// State returns the stored state number.
func (r *StateReader) State() int { return r.state }

// Load decodes the next variable into p. name is its source name, for error
// messages.
func Load[T any](r *StateReader, name string, p *T) {
	if r.err != nil {
		return
	}
	if r.next >= len(r.items) {
		r.err = fmt.Errorf("fsm: stored state %d lacks variable %s", r.state, name)
		return
	}
	if err := Unmarshal(r.items[r.next], p); err != nil {
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
	return nil
}
