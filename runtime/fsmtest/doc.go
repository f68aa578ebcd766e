// Package fsmtest checks that the state machine fsmgen generated for a job
// behaves exactly like the job's plain Go function.
//
// A test calls Check with the job and its arguments:
//
//	func TestCheckout(t *testing.T) {
//		r := fsmtest.Check(t, shop.Checkout, shop.Order{ID: "o-1"})
//		if r.Awaits != 2 { ... }
//	}
//
// Check runs the job twice. First as the plain function, under a direct context
// (fsm.DirectObserved) that runs every awaited op inline and records it. Then as
// its registered machine, driven the way a durable driver would drive it, with
// the worst case forced at every step: at each suspension the machine's state and
// the pending op are encoded to bytes, decoded into a fresh machine and a fresh
// op, the decoded op is run, its outcome is encoded and decoded too, and the
// fresh machine resumes with it. Nothing but bytes crosses a suspension.
//
// Check fails the test (t.Errorf, so that every difference is reported) when:
//
//   - the two runs await different ops, compared by their stored form
//     (fsm.EncodeOp), or a different number of them;
//   - the results differ: errors are compared by their text, a nil error and a
//     non-nil one differ; other values are equal when reflect.DeepEqual says so
//     or, for values of one type, when fsm.Marshal encodes both to the same
//     bytes and leaves nothing out (no unexported or skipped struct fields), so
//     that a NaN equals a NaN and a time.Time its copy without a monotonic
//     clock reading;
//   - one run panics and the other does not, or they panic with values that
//     print differently (fmt.Sprint); a job that panics the same way in both
//     runs passes, and Check returns nil Values;
//   - a state does not survive its round trip: re-encoding the decoded machine
//     gives other bytes than the original's, or decoding fails;
//   - the machine breaks the fsm.Machine contract: Resume returns an error,
//     State is not a positive await number while suspended, a finished machine
//     does not report fsm.StateDone and fsm.ErrFinished, or a machine that
//     panicked does not report fsm.StatePoisoned and fsm.ErrPoisoned;
//   - the machine suspends far more often than the plain run awaited (ten times
//     as often plus a thousand), which Check takes for a runaway machine.
//
// Check stops the test (t.Fatalf) when the job has no registered machine (run
// fsmgen on its package) or when the arguments do not fit the job's parameters.
//
// Arguments are given as in a Go call of the job without its fsm.Context: for a
// method expression the receiver comes first, and a variadic parameter takes
// its values one by one (a call with none passes a nil slice). Because args is
// a []any, Check converts what an untyped constant would have converted to in
// a Go call: a nil for a pointer, slice, map, channel, function or interface
// parameter, and an int, rune, float64, complex128, bool or string for a
// parameter of another type of the same kind (3 for an int64 or a float32, for
// instance) when the value fits exactly.
//
// The plain run comes first and gets the arguments as given. The machine run
// gets deep copies, made before the plain run (slices keep their capacity,
// memory shared between arguments stays shared), so that a job that changes
// memory its arguments point to starts both runs from the same values; an
// argument that cannot be copied (it holds a channel, a function or an
// unexported struct field) is shared by both runs.
package fsmtest
