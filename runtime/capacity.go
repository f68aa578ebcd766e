package fsm

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"

	"github.com/fxamacker/cbor/v2"
)

// A slice variable is saved with its spare capacity: the plain function may
// append to it within that capacity after the await, writing into an array a
// copy of the slice shares, and the machine must do the same. Such a slice is
// stored as CBOR tag capacityTag holding [len, the slice up to its capacity].
// (Slices inside other values are stored by their length only; see the docs.)

// capacityTag is the CBOR tag of a slice saved with spare capacity. It lies in
// the first-come-first-served range of the IANA registry and is only ever read
// back by this package.
const capacityTag = 3241

var capacityTagHeader = []byte{0xd9, 0x0c, 0xa9} // tag 3241, two-byte argument

// encodeVarValue encodes a saved variable: as encode does, except that a slice
// with spare capacity keeps it.
func encodeVarValue(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice || rv.IsNil() || rv.Cap() == rv.Len() {
		return encode(v)
	}
	full, err := encode(fullSlice(v))
	if err != nil {
		return nil, err
	}
	n, err := encode(rv.Len())
	if err != nil {
		return nil, err
	}
	out := append([]byte(nil), capacityTagHeader...)
	out = append(out, 0x82) // a two-element array
	out = append(out, n...)
	return append(out, full...), nil
}

// fullSlice returns v resliced to its capacity when it is a slice, else v.
func fullSlice(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice || rv.IsNil() || rv.Cap() == rv.Len() {
		return v
	}
	return rv.Slice(0, rv.Cap()).Interface()
}

// decodeVar decodes a variable written by encodeVarValue into p.
func decodeVar(data []byte, p any) error {
	if !bytes.HasPrefix(data, capacityTagHeader) {
		return Unmarshal(data, p)
	}
	pv := reflect.ValueOf(p)
	if pv.Kind() != reflect.Pointer || pv.Elem().Kind() != reflect.Slice {
		return fmt.Errorf("a slice saved with its capacity cannot be loaded into a %T", p)
	}
	var parts []cbor.RawMessage
	if err := Unmarshal(data[len(capacityTagHeader):], &parts); err != nil {
		return err
	}
	if len(parts) != 2 {
		return errors.New("a slice saved with its capacity needs a length and elements")
	}
	var n int
	if err := Unmarshal(parts[0], &n); err != nil {
		return err
	}
	full := reflect.New(pv.Elem().Type())
	if err := Unmarshal(parts[1], full.Interface()); err != nil {
		return err
	}
	if n < 0 || n > full.Elem().Len() || full.Elem().IsNil() {
		return fmt.Errorf("a slice saved with length %d and %d elements", n, full.Elem().Len())
	}
	pv.Elem().Set(full.Elem().Slice(0, n))
	return nil
}
