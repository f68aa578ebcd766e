package fsmtest

import (
	"bytes"
	"encoding"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"time"

	"github.com/fxamacker/cbor/v2"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var errorType = reflect.TypeFor[error]()

// equalValues reports whether a result of static type typ is the same in both
// runs: errors by their text, other values by reflect.DeepEqual or, for values
// of one type that fsm.Marshal encodes whole, by their encoding.
func equalValues(typ reflect.Type, a, b any) bool {
	ea, aIsErr := a.(error)
	eb, bIsErr := b.(error)
	if (typ.Kind() == reflect.Interface && typ.Implements(errorType)) || aIsErr || bIsErr {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		if aIsErr && bIsErr {
			return errorText(ea) == errorText(eb)
		}
	}
	if reflect.DeepEqual(a, b) {
		return true
	}
	if a == nil || b == nil || reflect.TypeOf(a) != reflect.TypeOf(b) {
		return false
	}
	if !encodesWhole(reflect.ValueOf(a), map[uintptr]bool{}) || !encodesWhole(reflect.ValueOf(b), map[uintptr]bool{}) {
		return false // equal bytes would not mean equal values
	}
	ba, err := fsm.Marshal(a)
	if err != nil {
		return false
	}
	bb, err := fsm.Marshal(b)
	return err == nil && bytes.Equal(ba, bb)
}

var (
	cborMarshalerType   = reflect.TypeFor[cbor.Marshaler]()
	binaryMarshalerType = reflect.TypeFor[encoding.BinaryMarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
	bigIntType          = reflect.TypeFor[big.Int]()
)

// encodesWhole reports whether fsm.Marshal encodes all of v, so that equal
// encodings mean equal values: it does not when v holds a struct with
// unexported fields or fields tagged to be skipped, unless the struct encodes
// itself (cbor.Marshaler, encoding.BinaryMarshaler, time.Time, big.Int).
func encodesWhole(v reflect.Value, seen map[uintptr]bool) bool {
	if !v.IsValid() {
		return true
	}
	t := v.Type()
	if t == timeType || t == bigIntType || t.Implements(cborMarshalerType) || t.Implements(binaryMarshalerType) {
		return true
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return true
		}
		if seen[v.Pointer()] {
			return true
		}
		seen[v.Pointer()] = true
		return encodesWhole(v.Elem(), seen)
	case reflect.Interface:
		return encodesWhole(v.Elem(), seen)
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if !encodesWhole(v.Index(i), seen) {
				return false
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if !encodesWhole(it.Key(), seen) || !encodesWhole(it.Value(), seen) {
				return false
			}
		}
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag, tagged := f.Tag.Lookup("cbor")
			if !tagged {
				tag = f.Tag.Get("json")
			}
			if tag == "-" {
				return false
			}
			if !f.IsExported() && !(f.Anonymous && f.Type.Kind() == reflect.Struct) {
				return false
			}
			if !encodesWhole(v.Field(i), seen) {
				return false
			}
		}
	}
	return true
}

// errorText returns err.Error(), or a description of its panic.
func errorText(err error) (s string) {
	if p, panicked := catch(func() { s = err.Error() }); panicked {
		return fmt.Sprintf("(%T).Error panicked: %v", err, p)
	}
	return s
}

func showValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "nil"
	case error:
		return fmt.Sprintf("error %q (%T)", errorText(v), v)
	}
	return fmt.Sprintf("%#v", v)
}

func showValues(vs []any) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = showValue(v)
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// describeOp describes an op for a failure message: what it is and, for an op
// that has one, its argument as decoded from enc, its stored form.
func describeOp(op fsm.AnyOp, enc []byte) string {
	type withArg interface{ Arg() any }
	s := op.String()
	if dec, err := fsm.DecodeOp(enc); err == nil {
		if a, ok := dec.(withArg); ok {
			return s + fmt.Sprintf(" with argument %+v", a.Arg())
		}
	}
	if a, ok := op.(withArg); ok {
		return s + fmt.Sprintf(" with argument %+v", a.Arg())
	}
	return s
}

// diag shows CBOR bytes in diagnostic notation (RFC 8949 section 8).
func diag(b []byte) string {
	if s, err := cbor.Diagnose(b); err == nil {
		return s
	}
	return fmt.Sprintf("%x", b)
}

// stateDiff describes how the stored state b of a machine in the given state
// differs from b2, its re-encoding after a round trip.
func (ch *checker) stateDiff(state int, b, b2 []byte) string {
	var x, y []cbor.RawMessage
	if fsm.Unmarshal(b, &x) != nil || fsm.Unmarshal(b2, &y) != nil {
		return diag(b) + ", then " + diag(b2)
	}
	var vars []fsm.VarInfo
	if state >= 1 && state <= len(ch.info.States) {
		vars = ch.info.States[state-1].Vars
	}
	item := func(i int) string {
		switch {
		case i == 0:
			return "the state number"
		case i-1 < len(vars):
			return fmt.Sprintf("variable %s (%s)", vars[i-1].Name, vars[i-1].Type)
		}
		return fmt.Sprintf("saved variable #%d", i)
	}
	var diffs []string
	for i := 0; i < max(len(x), len(y)); i++ {
		switch {
		case i >= len(x):
			diffs = append(diffs, fmt.Sprintf("%s appears: %s", item(i), diag(y[i])))
		case i >= len(y):
			diffs = append(diffs, fmt.Sprintf("%s is lost, it was %s", item(i), diag(x[i])))
		case !bytes.Equal(x[i], y[i]):
			diffs = append(diffs, fmt.Sprintf("%s was %s, then %s", item(i), diag(x[i]), diag(y[i])))
		}
	}
	return strings.Join(diffs, "; ")
}
