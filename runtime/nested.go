package fsm

import (
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

// A job may call another job of its package directly, as a function:
//
//	total, err := Reserve(ctx, order.Lines)
//
// The callee's machine then nests in the caller's state: the caller creates
// it with NewNested, runs it with Nest, and while it is suspended the caller
// is suspended on the same op, at a state of its own that saves the nested
// machine (SaveNested, LoadNested) beside the caller's live variables. The
// nested job has no job id, row or history of its own: it is part of the
// caller, as the function call is part of the function.

// NewNested returns the machine of the registered job name at its start, for
// a call of that job from another job's machine. args are its arguments
// after the Context, as JobInfo.New takes them. Generated code calls it; the
// job is registered by the same package's init, so a failure is a bug of the
// generated code and panics.
func NewNested(name string, args ...any) Machine {
	info, ok := JobByName(name)
	if !ok {
		panic(fmt.Sprintf("fsm: nested job %s is not registered", name))
	}
	m, err := info.New(args)
	if err != nil {
		panic(fmt.Sprintf("fsm: starting nested job %s: %v", name, err))
	}
	return m
}

// Nest resumes a nested machine with the outcome of the op it awaits (the
// zero Outcome on its first call) and returns the op it awaits next, or nil
// once its job has returned; its results are then m.Results(). An error is
// the nested machine's failure (an await of a nil op, say): the caller fails
// with it.
func Nest(ctx Context, m Machine, in Outcome) (AnyOp, error) {
	if m == nil {
		return nil, fmt.Errorf("fsm: resuming a nested job that was never started")
	}
	return m.Resume(ctx, in)
}

// SaveNested appends the state of a nested machine, as its MarshalCBOR writes
// it, to the caller's state.
func SaveNested(w *StateWriter, name string, m Machine) {
	if w.err != nil {
		return
	}
	if m == nil {
		w.err = fmt.Errorf("fsm: saving %s: no nested machine", name)
		return
	}
	b, err := m.MarshalCBOR()
	if err != nil {
		w.err = fmt.Errorf("fsm: saving %s: %w", name, err)
		return
	}
	w.items = append(w.items, cbor.RawMessage(b))
}

// LoadNested decodes the next stored value, written by SaveNested, into a
// fresh machine of the registered job name, and sets *p to it.
func LoadNested(r *StateReader, name, job string, p *Machine) {
	if r.err != nil {
		return
	}
	if r.next >= len(r.items) {
		r.err = fmt.Errorf("fsm: stored state %d lacks %s", r.state, name)
		return
	}
	info, ok := JobByName(job)
	if !ok {
		r.err = fmt.Errorf("fsm: loading %s of state %d: job %s is not registered", name, r.state, job)
		return
	}
	m := info.Zero()
	if err := m.UnmarshalCBOR(r.items[r.next]); err != nil {
		r.err = fmt.Errorf("fsm: loading %s of state %d: %w", name, r.state, err)
		return
	}
	if s := m.State(); s == StateDone || s == StatePoisoned {
		// A nested job that returned is never saved: the caller takes its
		// results in the same Resume.
		r.err = fmt.Errorf("fsm: loading %s of state %d: the nested job is not suspended", name, r.state)
		return
	}
	*p = m
	r.next++
}
