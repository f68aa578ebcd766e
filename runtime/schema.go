package fsm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
)

// This file lets a tool send a signal without the program that awaits it: an
// Engine records the payload type of every signal as a Schema (meta key
// "signal/<name>"), and EncodeJSON turns JSON text into exactly the bytes
// Marshal writes for a value of that type, or says what does not fit.

// Schema describes a Go type as Marshal stores it.
type Schema struct {
	// Kind is one of "bool", "int", "uint", "float", "complex", "string",
	// "bytes", "time", "bigint", "slice", "array", "map", "struct",
	// "pointer", "any" and "opaque" (a type stored by its own method, which
	// only its program can write).
	Kind string `json:"kind"`
	// Type is the Go type as reflect spells it, for messages.
	Type string `json:"type"`
	// Bits is the width of an int, uint, float or complex kind.
	Bits int `json:"bits,omitempty"`
	// Len is an array's length.
	Len int `json:"len,omitempty"`
	// Elem is the element of a slice, array, map or pointer.
	Elem *Schema `json:"elem,omitempty"`
	// Key is a map's key.
	Key *Schema `json:"key,omitempty"`
	// Fields are a struct's stored fields.
	Fields []SchemaField `json:"fields,omitempty"`
	// Ref names a type described higher up (by its Type), for recursive types.
	Ref string `json:"ref,omitempty"`
}

// SchemaField is a stored field of a struct.
type SchemaField struct {
	Name string `json:"name"` // the stored name
	Schema
}

// SignalKey returns the meta key under which an engine stores the Schema (as
// JSON) of the payload of the named signal.
func SignalKey(name string) string { return "signal/" + name }

// SchemaOf describes t.
func SchemaOf(t reflect.Type) Schema {
	return schemaOf(t, map[reflect.Type]bool{})
}

func schemaOf(t reflect.Type, open map[reflect.Type]bool) Schema {
	s := Schema{Type: t.String()}
	if open[t] {
		s.Kind, s.Ref = "ref", t.String()
		return s
	}
	switch {
	case t == typeTime:
		s.Kind = "time"
		return s
	case t == typeBigInt:
		s.Kind = "bigint"
		return s
	case isLeaf(t), storesUnexported(t):
		s.Kind = "opaque"
		return s
	}
	open[t] = true
	defer delete(open, t)
	elem := func(e reflect.Type) *Schema {
		es := schemaOf(e, open)
		return &es
	}
	switch t.Kind() {
	case reflect.Bool:
		s.Kind = "bool"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s.Kind, s.Bits = "int", t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		s.Kind, s.Bits = "uint", t.Bits()
	case reflect.Float32, reflect.Float64:
		s.Kind, s.Bits = "float", t.Bits()
	case reflect.Complex64, reflect.Complex128:
		s.Kind, s.Bits = "complex", t.Bits()
	case reflect.String:
		s.Kind = "string"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 && !isLeaf(t.Elem()) {
			s.Kind = "bytes"
			break
		}
		s.Kind, s.Elem = "slice", elem(t.Elem())
	case reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && !isLeaf(t.Elem()) {
			s.Kind, s.Len = "bytes", t.Len()
			break
		}
		s.Kind, s.Len, s.Elem = "array", t.Len(), elem(t.Elem())
	case reflect.Map:
		s.Kind, s.Key, s.Elem = "map", elem(t.Key()), elem(t.Elem())
	case reflect.Pointer:
		s.Kind, s.Elem = "pointer", elem(t.Elem())
	case reflect.Interface:
		s.Kind = "any"
	case reflect.Struct:
		s.Kind = "struct"
		s.Fields = structFields(t, open)
	default:
		s.Kind = "opaque"
	}
	return s
}

// structFields lists the fields Marshal stores for a struct, embedded structs'
// fields promoted as the CBOR library promotes them (a name at a shallower
// depth wins; two at one depth cancel out).
func structFields(t reflect.Type, open map[reflect.Type]bool) []SchemaField {
	type cand struct {
		f     SchemaField
		depth int
		dup   bool
	}
	var order []string
	found := map[string]*cand{}
	var walk func(t reflect.Type, depth int)
	walk = func(t reflect.Type, depth int) {
		for _, i := range storedFields(t) {
			f := t.Field(i)
			tag := fieldTag(f)
			name, _, _ := strings.Cut(tag, ",")
			ft := f.Type
			if f.Anonymous && name == "" {
				et := ft
				if et.Kind() == reflect.Pointer {
					et = et.Elem()
				}
				if et.Kind() == reflect.Struct && !isLeaf(et) && et != typeTime {
					walk(et, depth+1)
					continue
				}
			}
			if !f.IsExported() {
				continue
			}
			if name == "" {
				name = f.Name
			}
			c, ok := found[name]
			switch {
			case !ok:
				order = append(order, name)
				found[name] = &cand{f: SchemaField{Name: name, Schema: schemaOf(ft, open)}, depth: depth}
			case depth < c.depth:
				*c = cand{f: SchemaField{Name: name, Schema: schemaOf(ft, open)}, depth: depth}
			case depth == c.depth:
				c.dup = true
			}
		}
	}
	walk(t, 0)
	var out []SchemaField
	for _, n := range order {
		if c := found[n]; !c.dup {
			out = append(out, c.f)
		}
	}
	return out
}

// EncodeJSON converts JSON text to the bytes Marshal writes for the value of
// the type s describes that the JSON denotes: a struct as an object of its
// stored field names (fields left out are zero), a time as RFC 3339 text, a
// byte slice as base64 text, a map with integer keys as an object whose keys
// are the integers' text. A value that does not fit s is an error naming
// where it is, as in "payload.items[2].qty: 1.5 is not an integer".
func EncodeJSON(s Schema, text []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("payload is not JSON: %v", err)
	}
	if dec.More() {
		return nil, errors.New("payload has text after its JSON value")
	}
	c := &jsonConv{defs: map[string]*Schema{}}
	gv, err := c.convert(&s, v, "payload", 0)
	if err != nil {
		return nil, err
	}
	// gv is already in the stored form (times and interface values in their
	// mirrors): it is encoded as it is.
	return encodeChecked(gv, gv)
}

type jsonConv struct{ defs map[string]*Schema }

func (c *jsonConv) convert(s *Schema, v any, path string, depth int) (any, error) {
	if depth > maxValueNesting {
		return nil, fmt.Errorf("%s: nested more than %d levels", path, maxValueNesting)
	}
	if s.Kind == "ref" {
		d, ok := c.defs[s.Ref]
		if !ok {
			return nil, fmt.Errorf("%s: the schema refers to %s, which it does not define", path, s.Ref)
		}
		s = d
	} else if s.Type != "" {
		c.defs[s.Type] = s
	}
	bad := func(want string) error {
		return fmt.Errorf("%s: want %s (%s), got %s", path, want, s.Type, describeJSON(v))
	}
	if v == nil {
		switch s.Kind {
		case "slice", "map", "pointer", "any", "bytes":
			if s.Kind == "bytes" && s.Len > 0 {
				return nil, bad("base64 text")
			}
			return nil, nil
		}
		return nil, bad("a value, not null")
	}
	switch s.Kind {
	case "bool":
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, bad("true or false")
	case "int", "uint", "bigint":
		n, ok := v.(json.Number)
		if !ok {
			return nil, bad("an integer")
		}
		bi, ok := new(big.Int).SetString(string(n), 10)
		if !ok {
			return nil, fmt.Errorf("%s: %s is not an integer (%s)", path, n, s.Type)
		}
		if s.Kind == "bigint" {
			if bi.IsInt64() {
				return bi.Int64(), nil
			}
			if bi.IsUint64() {
				return bi.Uint64(), nil
			}
			return bi, nil
		}
		if s.Kind == "int" {
			lim := new(big.Int).Lsh(big.NewInt(1), uint(s.Bits-1))
			if bi.Cmp(lim) >= 0 || bi.Cmp(new(big.Int).Neg(lim)) < 0 {
				return nil, fmt.Errorf("%s: %s does not fit in %s", path, n, s.Type)
			}
			return bi.Int64(), nil
		}
		if bi.Sign() < 0 || bi.BitLen() > s.Bits {
			return nil, fmt.Errorf("%s: %s does not fit in %s", path, n, s.Type)
		}
		return bi.Uint64(), nil
	case "float":
		n, ok := v.(json.Number)
		if !ok {
			return nil, bad("a number")
		}
		f, err := strconv.ParseFloat(string(n), s.Bits)
		if err != nil {
			return nil, fmt.Errorf("%s: %s does not fit in %s", path, n, s.Type)
		}
		if s.Bits == 32 {
			return float32(f), nil
		}
		return f, nil
	case "complex":
		arr, ok := v.([]any)
		if !ok || len(arr) != 2 {
			return nil, bad("[real, imaginary]")
		}
		var parts [2]float64
		for i, p := range arr {
			n, ok := p.(json.Number)
			if !ok {
				return nil, bad("[real, imaginary]")
			}
			f, err := strconv.ParseFloat(string(n), s.Bits/2)
			if err != nil {
				return nil, fmt.Errorf("%s: %s does not fit in %s", path, n, s.Type)
			}
			parts[i] = f
		}
		if s.Bits == 64 {
			return []any{float32(parts[0]), float32(parts[1])}, nil
		}
		return []any{parts[0], parts[1]}, nil
	case "string":
		if str, ok := v.(string); ok {
			return str, nil
		}
		return nil, bad("text")
	case "bytes":
		str, ok := v.(string)
		if !ok {
			return nil, bad("base64 text")
		}
		b, err := base64Decode(str)
		if err != nil {
			return nil, fmt.Errorf("%s: not base64 (%s): %v", path, s.Type, err)
		}
		if s.Len > 0 && len(b) != s.Len {
			return nil, fmt.Errorf("%s: %d bytes, want %d (%s)", path, len(b), s.Len, s.Type)
		}
		return b, nil
	case "time":
		str, ok := v.(string)
		if !ok {
			return nil, bad("RFC 3339 text")
		}
		t, err := parseTimeText(str)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not an RFC 3339 time (a zone may follow in brackets: [Europe/Paris])", path, str)
		}
		return storedTime{t}, nil
	case "slice", "array":
		arr, ok := v.([]any)
		if !ok {
			return nil, bad("an array")
		}
		if s.Kind == "array" && len(arr) != s.Len {
			return nil, fmt.Errorf("%s: %d elements, want %d (%s)", path, len(arr), s.Len, s.Type)
		}
		out := make([]any, len(arr))
		for i, e := range arr {
			ev, err := c.convert(s.Elem, e, fmt.Sprintf("%s[%d]", path, i), depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = ev
		}
		return out, nil
	case "map":
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, bad("an object")
		}
		out := make(map[any]any, len(obj))
		for k, e := range obj {
			kv, err := c.convertKey(s.Key, k, path)
			if err != nil {
				return nil, err
			}
			ev, err := c.convert(s.Elem, e, path+"["+strconv.Quote(k)+"]", depth+1)
			if err != nil {
				return nil, err
			}
			out[kv] = ev
		}
		return out, nil
	case "pointer":
		return c.convert(s.Elem, v, path, depth+1)
	case "struct":
		obj, ok := v.(map[string]any)
		if !ok {
			return nil, bad("an object")
		}
		out := make(map[string]any, len(obj))
		for k, e := range obj {
			var f *SchemaField
			for i := range s.Fields {
				if s.Fields[i].Name == k {
					f = &s.Fields[i]
				}
			}
			if f == nil {
				names := make([]string, len(s.Fields))
				for i, f := range s.Fields {
					names[i] = f.Name
				}
				return nil, fmt.Errorf("%s: %s has no field %q (its fields: %s)", path, s.Type, k, strings.Join(names, ", "))
			}
			ev, err := c.convert(&f.Schema, e, path+"."+k, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = ev
		}
		return out, nil
	case "any":
		pv := plainJSON(v)
		if pv == nil {
			return nil, nil
		}
		return &ifaceRecord{static: typeAny, v: reflect.ValueOf(pv)}, nil
	case "opaque":
		return nil, fmt.Errorf("%s: %s is stored by its own marshalling method or with its unexported fields, which only its program can do; send this signal from Go (Signal.Send)", path, s.Type)
	}
	return nil, fmt.Errorf("%s: the schema has unknown kind %q (written by a newer fsmgen?)", path, s.Kind)
}

func (c *jsonConv) convertKey(s *Schema, k, path string) (any, error) {
	switch s.Kind {
	case "string":
		return k, nil
	case "int", "uint", "float", "bool":
		var raw any
		if s.Kind == "bool" {
			raw = k == "true"
			if k != "true" && k != "false" {
				return nil, fmt.Errorf("%s: key %q is not a bool (%s)", path, k, s.Type)
			}
		} else {
			raw = json.Number(k)
		}
		return c.convert(s, raw, fmt.Sprintf("%s key %q", path, k), 0)
	}
	return nil, fmt.Errorf("%s: maps keyed by %s cannot be written in JSON; send this signal from Go (Signal.Send)", path, s.Type)
}

// plainJSON turns decoded JSON into what Marshal writes for an any holding it:
// integers as integers, other numbers as float64.
func plainJSON(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return i
		}
		if u, err := strconv.ParseUint(string(v), 10, 64); err == nil {
			return u
		}
		f, _ := strconv.ParseFloat(string(v), 64)
		if math.IsInf(f, 0) {
			return string(v)
		}
		return f
	case []any:
		for i := range v {
			v[i] = plainJSON(v[i])
		}
		return v
	case map[string]any:
		for k := range v {
			v[k] = plainJSON(v[k])
		}
		return v
	}
	return v
}

func describeJSON(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case json.Number:
		return "the number " + string(v)
	case string:
		if len(v) > 40 {
			v = v[:40] + "..."
		}
		return "the text " + strconv.Quote(v)
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
