package fsm

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unsafe"
)

// StoreUnexported lets a struct type T be stored with its unexported fields,
// which are otherwise refused because the CBOR library cannot see them. Its
// every field is stored, under its Go name (or as its `cbor` or `json` tag
// says), except blank fields and those tagged `cbor:"-"`; an embedded field is
// stored as one field named as its type, not flattened.
//
// Generated code calls it, in the job's package, for each struct type of the
// user's module with unexported fields that a machine saves: such types are
// plain data the user wrote, and fsmgen has checked their fields' types. Do not
// call it for types of other modules: their unexported fields are hidden state
// (a strings.Builder's self-pointer, a sync.Mutex's waiters) that a copy does
// not restore. StoreUnexported panics when T is not a struct type; call it
// before values of T are stored.
func StoreUnexported[T any]() {
	t := reflect.TypeFor[T]()
	if t.Kind() != reflect.Struct {
		panic(fmt.Sprintf("fsm.StoreUnexported: %v is not a struct type", t))
	}
	registry.Lock()
	defer registry.Unlock()
	if registry.hidden == nil {
		registry.hidden = map[reflect.Type]bool{}
	}
	registry.hidden[t] = true
}

// storesUnexported tells whether t was registered by StoreUnexported.
func storesUnexported(t reflect.Type) bool {
	if t.Kind() != reflect.Struct {
		return false
	}
	registry.RLock()
	defer registry.RUnlock()
	return registry.hidden[t]
}

// buildHidden mirrors a struct type registered by StoreUnexported: a struct
// of the same stored fields, all exported and named by tags, which to and from
// fill through unsafe pointers to the unexported ones.
func (b *mirrorBuilder) buildHidden(t reflect.Type) (*mirror, error) {
	idx := storedFields(t)
	fields := make([]reflect.StructField, len(idx))
	subs := make([]*mirror, len(idx))
	for k, i := range idx {
		f := t.Field(i)
		m, err := b.build(f.Type)
		if err != nil {
			return nil, err
		}
		subs[k] = m
		ft := f.Type
		if m != nil {
			ft = m.t
		}
		tag := fieldTag(f)
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		if opts != "" {
			opts = "," + opts
		}
		fields[k] = reflect.StructField{
			Name: "F" + strconv.Itoa(k),
			Type: ft,
			Tag:  reflect.StructTag(`cbor:"` + name + opts + `"`),
		}
	}
	mt := reflect.StructOf(fields)
	field := func(v reflect.Value, i int) reflect.Value {
		fv := v.Field(i)
		if !t.Field(i).IsExported() {
			fv = reflect.NewAt(fv.Type(), unsafe.Pointer(fv.UnsafeAddr())).Elem()
		}
		return fv
	}
	return &mirror{
		t: mt,
		to: func(dst, src reflect.Value) {
			if !src.CanAddr() {
				cp := reflect.New(t).Elem()
				cp.Set(src)
				src = cp
			}
			for k, i := range idx {
				if subs[k] != nil {
					subs[k].to(dst.Field(k), field(src, i))
				} else {
					dst.Field(k).Set(field(src, i))
				}
			}
		},
		from: func(dst, src reflect.Value) error {
			for k, i := range idx {
				if subs[k] != nil {
					if err := subs[k].from(field(dst, i), src.Field(k)); err != nil {
						return err
					}
				} else {
					field(dst, i).Set(src.Field(k))
				}
			}
			return nil
		},
	}, nil
}
