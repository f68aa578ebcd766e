package fsm

import (
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// Interface values are stored with the name of their dynamic type, so that an
// any holding an int comes back holding an int, and a fmt.Stringer holding a
// *Receipt comes back holding a *Receipt. Loading must make a value of that
// type from its name, so the types an interface may hold are registered:
// generated code registers every type its job converts to an interface, the
// runtime registers the predeclared types and a few common ones, and a program
// registers any other with RegisterType. Storing an interface that holds a type
// nobody registered fails with an error that says so, at the checkpoint, which
// fsmtest.Check reaches in a test.
//
// An error held in an interface is the exception: when its type is not
// registered it is stored as its text and comes back as a *SavedError, as an
// error variable does.

// RegisterType makes T storable inside interface values (an any, an error, a
// fmt.Stringer...) under its name: its package path and name for a named
// type ("example.com/shop.Receipt", "*example.com/shop.Receipt" for a
// pointer), its Go syntax for others ("[]int", "map[string]float64").
// Registering a type twice is harmless; RegisterType panics when T is an
// interface type, or when another type has the same name, as can only happen
// with types local to functions, which cannot be registered.
//
// Generated code registers the types a job converts to interfaces itself; call
// RegisterType, in an init function, for a type that reaches an interface
// elsewhere (returned as an any by a function) and is held across an await.
func RegisterType[T any]() {
	registerType(reflect.TypeFor[T]())
}

var registry struct {
	sync.RWMutex
	byName map[string]reflect.Type
	byType map[reflect.Type]string
	hidden map[reflect.Type]bool // see StoreUnexported
}

func registerType(t reflect.Type) {
	if t.Kind() == reflect.Interface {
		panic(fmt.Sprintf("fsm.RegisterType: %v is an interface type; register the concrete types it holds", t))
	}
	name := storedTypeName(t)
	registry.Lock()
	defer registry.Unlock()
	if registry.byName == nil {
		registry.byName = map[string]reflect.Type{}
		registry.byType = map[reflect.Type]string{}
	}
	if old, ok := registry.byName[name]; ok {
		if old != t {
			panic(fmt.Sprintf("fsm.RegisterType: two types are named %s (%v is local to a function?)", name, t))
		}
		return
	}
	registry.byName[name] = t
	registry.byType[t] = name
}

func init() {
	for _, t := range []reflect.Type{
		reflect.TypeFor[bool](), reflect.TypeFor[string](),
		reflect.TypeFor[int](), reflect.TypeFor[int8](), reflect.TypeFor[int16](), reflect.TypeFor[int32](), reflect.TypeFor[int64](),
		reflect.TypeFor[uint](), reflect.TypeFor[uint8](), reflect.TypeFor[uint16](), reflect.TypeFor[uint32](), reflect.TypeFor[uint64](), reflect.TypeFor[uintptr](),
		reflect.TypeFor[float32](), reflect.TypeFor[float64](), reflect.TypeFor[complex64](), reflect.TypeFor[complex128](),
		reflect.TypeFor[[]byte](), reflect.TypeFor[[]string](), reflect.TypeFor[[]int](), reflect.TypeFor[[]int64](), reflect.TypeFor[[]float64](),
		reflect.TypeFor[[]any](), reflect.TypeFor[map[string]any](), reflect.TypeFor[map[any]any](), reflect.TypeFor[map[string]string](), reflect.TypeFor[map[string]int](),
		reflect.TypeFor[time.Time](), reflect.TypeFor[time.Duration](), reflect.TypeFor[*big.Int](),
	} {
		registerType(t)
	}
}

// storedTypeName is the name a dynamic type is stored under.
func storedTypeName(t reflect.Type) string {
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name() // predeclared
		}
		return t.PkgPath() + "." + t.Name()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return "*" + storedTypeName(t.Elem())
	case reflect.Slice:
		return "[]" + storedTypeName(t.Elem())
	case reflect.Array:
		return "[" + strconv.Itoa(t.Len()) + "]" + storedTypeName(t.Elem())
	case reflect.Map:
		return "map[" + storedTypeName(t.Key()) + "]" + storedTypeName(t.Elem())
	}
	return t.String()
}

func registeredName(t reflect.Type) (string, bool) {
	registry.RLock()
	defer registry.RUnlock()
	name, ok := registry.byType[t]
	return name, ok
}

func registeredType(name string) (reflect.Type, bool) {
	registry.RLock()
	defer registry.RUnlock()
	t, ok := registry.byName[name]
	return t, ok
}

// savedErrorName is the type name under which an error of a type nobody
// registered is stored, as its text.
const savedErrorName = "error"

var (
	typeSavedError = reflect.TypeFor[*SavedError]()
	typeIface      = reflect.TypeFor[*ifaceRecord]()
	typeAny        = reflect.TypeFor[any]()
	typeBoxed      = reflect.TypeFor[boxedValue]()
)

// ifaceRecord is the mirror of an interface value: its dynamic type's name and
// its value, [name, value] in CBOR. A nil interface is a nil *ifaceRecord,
// stored as null.
type ifaceRecord struct {
	static reflect.Type  // the interface type, when encoding
	v      reflect.Value // the dynamic value, when encoding
	wire   ifaceWire     // what was read, when decoding
}

type ifaceWire struct {
	_     struct{} `cbor:",toarray"`
	Type  string
	Value cbor.RawMessage
}

func (r *ifaceRecord) MarshalCBOR() ([]byte, error) {
	t := r.v.Type()
	name, ok := registeredName(t)
	var body []byte
	var err error
	switch {
	case ok:
		body, err = encodeValue(r.v)
	case t.Implements(typeError) && typeSavedError.Implements(r.static):
		msg, failed := errorText(r.v.Interface().(error))
		if failed != nil {
			return nil, failed
		}
		name = savedErrorName
		body, err = encMode.Marshal(msg)
	default:
		return nil, fmt.Errorf("fsm: a %v holds a %v, a type not registered for storing in interfaces; call fsm.RegisterType[%v]() in an init function of the program", r.static, t, t)
	}
	if err != nil {
		return nil, err
	}
	return encMode.Marshal(ifaceWire{Type: name, Value: body})
}

func (r *ifaceRecord) UnmarshalCBOR(data []byte) error {
	return decMode.Unmarshal(data, &r.wire)
}

// ifaceMirror mirrors the interface type t.
func ifaceMirror(t reflect.Type) *mirror {
	return &mirror{
		t: typeIface,
		to: func(dst, src reflect.Value) {
			if !src.IsNil() {
				dst.Set(reflect.ValueOf(&ifaceRecord{static: t, v: src.Elem()}))
			}
		},
		from: func(dst, src reflect.Value) error {
			if src.IsNil() {
				dst.SetZero()
				return nil
			}
			w := src.Interface().(*ifaceRecord).wire
			if w.Type == savedErrorName {
				var msg string
				if err := Unmarshal(w.Value, &msg); err != nil {
					return err
				}
				v := reflect.ValueOf(&SavedError{Message: msg})
				if !v.Type().Implements(t) {
					return fmt.Errorf("fsm: a stored error cannot be held by a %v", t)
				}
				dst.Set(v)
				return nil
			}
			dt, ok := registeredType(w.Type)
			if !ok {
				return fmt.Errorf("fsm: a stored %v holds a %s, a type this program has not registered; call fsm.RegisterType for it in an init function", t, truncate(w.Type))
			}
			if !dt.Implements(t) {
				return fmt.Errorf("fsm: a stored %v holds a %v, which does not implement it", t, dt)
			}
			p := reflect.New(dt)
			if err := Unmarshal(w.Value, p.Interface()); err != nil {
				return err
			}
			dst.Set(p.Elem())
			return nil
		},
	}
}

// boxedValue is the mirror of a type met again inside itself (a tree node
// holding its children): such a mirror would be a recursive unnamed type,
// which reflect cannot make. It encodes its value, and decodes into the
// original type, through that type's own mirror, one level at a time.
type boxedValue struct {
	v   reflect.Value // when encoding
	raw []byte        // when decoding
}

func (b boxedValue) MarshalCBOR() ([]byte, error) { return encodeValue(b.v) }

func (b *boxedValue) UnmarshalCBOR(data []byte) error {
	b.raw = slices.Clone(data)
	return nil
}

// boxedMirror mirrors the recursive type t.
func boxedMirror(t reflect.Type) *mirror {
	return &mirror{
		t:  typeBoxed,
		to: func(dst, src reflect.Value) { dst.Set(reflect.ValueOf(boxedValue{v: src})) },
		from: func(dst, src reflect.Value) error {
			b := src.Interface().(boxedValue)
			p := reflect.New(t)
			if err := Unmarshal(b.raw, p.Interface()); err != nil {
				return err
			}
			dst.Set(p.Elem())
			return nil
		},
	}
}

// timeMirror mirrors time.Time.
var timeMirror = &mirror{
	t:  reflect.TypeFor[storedTime](),
	to: func(dst, src reflect.Value) { dst.Set(reflect.ValueOf(storedTime{src.Interface().(time.Time)})) },
	from: func(dst, src reflect.Value) error {
		dst.Set(reflect.ValueOf(src.Interface().(storedTime).t))
		return nil
	},
}

// encodeValue encodes v through its type's mirror, without the checks of
// encode (those run once, on the whole value).
func encodeValue(v reflect.Value) ([]byte, error) {
	ti := infoOf(v.Type())
	if ti.err != nil {
		return nil, ti.err
	}
	if ti.mirror != nil {
		mv := reflect.New(ti.mirror.t).Elem()
		ti.mirror.to(mv, v)
		v = mv
	}
	return encMode.Marshal(v.Interface())
}
