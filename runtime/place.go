package fsm

import (
	"fmt"

	"github.com/fxamacker/cbor/v2"
)

// Place returns a checkpoint stored at state stateNum with layout as this
// build of the job resumes it: the number of the state it belongs to, the
// stored state as that state reads it, and that state's layout. A checkpoint
// of a layout this build has at the same number comes back as it is; one of a
// state that moved (awaits were added or removed above it) comes back under
// its new number; one of a layout a state Accepts comes back mapped onto that
// state's variables, those the layout lacks stored as CBOR undefined, which
// Load leaves at their zero value. Any other checkpoint is an error saying
// why and what to do. The engine places every checkpoint it loads this way;
// inspectors call Place to show a checkpoint as the program would resume it.
//
// An empty layout (a record written before layouts were kept) names no state
// and is never looked for among the others.
//
// Place never decodes variables, and never panics, whatever the bytes.
func (info *JobInfo) Place(stateNum int, layout string, state []byte) (newNum int, newState []byte, newLayout string, err error) {
	if info.LayoutOf(stateNum) == layout {
		if n, ok := storedNumber(state); !ok || n != stateNum {
			return 0, nil, "", fmt.Errorf("its checkpoint is not one of state %d, as its record says: the store is damaged; restore it, or cancel the job", stateNum)
		}
		return stateNum, state, layout, nil
	}
	if layout == "" {
		return 0, nil, "", fmt.Errorf("its checkpoint at state %d records no layout, and this build's state %d has layout %q; run the build that wrote it, or cancel the job", stateNum, stateNum, info.LayoutOf(stateNum))
	}
	for _, n := range info.stateNums() {
		s, _ := info.State(n)
		if s.Layout == layout {
			items, err := stateItems(state)
			if err != nil {
				return 0, nil, "", err
			}
			out, err := renumbered(n, items[1:])
			return n, out, layout, err
		}
		for _, a := range s.Accepts {
			if a.Layout != layout {
				continue
			}
			if a.Migrate != nil {
				out, err := migrate(a.Migrate, state, n)
				if err != nil {
					return 0, nil, "", fmt.Errorf("migrating its checkpoint at state %d from layout %q: %w; fix the migration, or cancel the job", stateNum, layout, err)
				}
				return n, out, s.Layout, nil
			}
			items, err := stateItems(state)
			if err != nil {
				return 0, nil, "", err
			}
			if len(items)-1 != len(a.Vars) {
				return 0, nil, "", fmt.Errorf("its checkpoint at state %d holds %d variables, and layout %q has %d", stateNum, len(items)-1, layout, len(a.Vars))
			}
			vars := make([]cbor.RawMessage, len(s.Vars))
			for i := range vars {
				vars[i] = cbor.RawMessage{absent}
			}
			for i, to := range a.Vars {
				if to >= 0 {
					vars[to] = items[i+1]
				}
			}
			out, err := renumbered(n, vars)
			return n, out, s.Layout, err
		}
	}
	return 0, nil, "", fmt.Errorf("its checkpoint at state %d has layout %q, which no state of this build has or accepts (the await was removed, or what it stores changed in a way fsmgen's layout lock did not accept); run the build that wrote it, or cancel the job", stateNum, layout)
}

// migrate runs a migration of a checkpoint into state n, which must give
// back a state of that number; a panic of the user's code is an error.
func migrate(fn func([]byte) ([]byte, error), state []byte, n int) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("the migration panicked: %v", p)
		}
	}()
	out, err = fn(state)
	if err != nil {
		return nil, err
	}
	if got, ok := storedNumber(out); !ok || got != n {
		return nil, fmt.Errorf("the migration returned a checkpoint of another state")
	}
	return out, nil
}

// stateItems splits a stored state into its number and variables, undecoded.
func stateItems(state []byte) ([]cbor.RawMessage, error) {
	var items []cbor.RawMessage
	if err := Unmarshal(state, &items); err != nil {
		return nil, fmt.Errorf("decoding its checkpoint: %w", err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("decoding its checkpoint: no state number")
	}
	return items, nil
}

// renumbered is a stored state of number n holding vars.
func renumbered(n int, vars []cbor.RawMessage) ([]byte, error) {
	num, err := encode(n)
	if err != nil {
		return nil, err
	}
	out := make([]cbor.RawMessage, 0, len(vars)+1)
	out = append(out, num)
	out = append(out, vars...)
	return encode(out)
}

// storedNumber reads the state number that starts a stored state, without
// decoding the rest: the head of a definite-length CBOR array, then an
// integer.
func storedNumber(state []byte) (int, bool) {
	if len(state) == 0 || state[0]>>5 != 4 {
		return 0, false
	}
	n, i, ok := cborArg(state, 0)
	if !ok || n == 0 || i >= len(state) {
		return 0, false
	}
	v, _, ok := cborArg(state, i)
	if !ok || v > 1<<31 {
		return 0, false
	}
	switch state[i] >> 5 {
	case 0:
		return int(v), true
	case 1:
		return -1 - int(v), true
	}
	return 0, false
}

// cborArg reads the argument of the CBOR head at b[i]: its value and where
// the next item starts.
func cborArg(b []byte, i int) (v uint64, next int, ok bool) {
	info := b[i] & 0x1f
	if info < 24 {
		return uint64(info), i + 1, true
	}
	size := 0
	switch info {
	case 24:
		size = 1
	case 25:
		size = 2
	case 26:
		size = 4
	case 27:
		size = 8
	default:
		return 0, 0, false // indefinite lengths are not what StateWriter writes
	}
	if len(b) < i+1+size {
		return 0, 0, false
	}
	for _, c := range b[i+1 : i+1+size] {
		v = v<<8 | uint64(c)
	}
	return v, i + 1 + size, true
}
