package fsm

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Helpers for generated machines. They are exported so that generated code in
// other packages can call them; user code has no need to.

// MapKeys returns the keys of m in iteration order. A generated machine ranges
// over a snapshot of a map's keys when the loop body awaits, and skips each key
// that is gone from the map by the time it is reached, as Go's range does.
func MapKeys[M ~map[K]V, K comparable, V any](m M) []K {
	if len(m) == 0 {
		return nil
	}
	keys := make([]K, 0, len(m))
	for k := range m {
		if k != k {
			// A NaN key cannot be looked up again when the loop reaches it.
			panic(ErrNaNMapKey)
		}
		keys = append(keys, k)
	}
	return keys
}

// ErrNaNMapKey is the panic of a machine that ranges, across an await, over a
// map holding a key not equal to itself (a NaN): such an entry cannot be found
// again after a checkpoint, and fsmgen will not skip it silently.
var ErrNaNMapKey = errors.New("fsm: a range loop that awaits goes over a map with a NaN key, which a machine cannot do; delete NaN keys first or range over a slice")

// RuneAt returns the rune that a range over s yields at byte offset i:
// utf8.RuneError for an invalid encoding, as range does.
func RuneAt[S ~string](s S, i int) rune {
	r, _ := utf8.DecodeRuneInString(string(s[i:]))
	return r
}

// NextRune returns the byte offset of the rune after the one at offset i.
func NextRune[S ~string](s S, i int) int {
	_, n := utf8.DecodeRuneInString(string(s[i:]))
	return i + n
}

// SaveError appends an error variable to a state: its text, or nil. After a
// checkpoint the error keeps its text but not its type or identity.
func SaveError(w *StateWriter, name string, err error) {
	var text *string
	if err != nil {
		s := err.Error()
		text = &s
	}
	Save(w, name, text)
}

// LoadError reads an error variable written by SaveError.
func LoadError(r *StateReader, name string, p *error) {
	if r.err == nil && r.next < len(r.items) && isAbsent(r.items[r.next]) {
		r.next++ // see Load
		return
	}
	var text *string
	Load(r, name, &text)
	if text == nil {
		*p = nil
		return
	}
	*p = &SavedError{Message: *text}
}

// SavedError is an error loaded from a checkpoint: the original error's text.
type SavedError struct{ Message string }

func (e *SavedError) Error() string { return e.Message }

// Arg returns args[i] as a T for a machine's New function, with an error that
// names the job and the parameter when it is not one.
func Arg[T any](job string, args []any, i int, param string) (T, error) {
	var zero T
	if i >= len(args) {
		return zero, fmt.Errorf("fsm: job %s takes more arguments: %s is missing", job, param)
	}
	if args[i] == nil {
		return zero, nil
	}
	v, ok := args[i].(T)
	if !ok {
		return zero, fmt.Errorf("fsm: job %s: argument %s is a %T, want %T", job, param, args[i], zero)
	}
	return v, nil
}

// Suspend is what a machine's Resume returns at an await: the op, and no error.
// It exists so that generated code reads as one line per suspension.
func Suspend(op AnyOp) (AnyOp, error) {
	if op == nil {
		return nil, errors.New("fsm: Await with a nil Op")
	}
	return op, nil
}
