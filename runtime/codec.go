package fsm

import (
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// Limits of stored values. Marshal refuses a value beyond them, so whatever it
// writes, Unmarshal reads back; Unmarshal refuses bytes beyond them, so hostile
// input cannot make it recurse deeply or allocate without bound.
const (
	// maxValueNesting bounds how deeply arrays, maps and tags nest in one stored
	// value: a linked list of more nodes than this cannot be stored. The decoder
	// recurses once per level; 256 levels keep its stack small whatever the input.
	maxValueNesting = 256
	// maxEnvelopeNesting adds the one level of the records the runtime wraps
	// values in (a state's variable list, an op, an outcome).
	maxEnvelopeNesting = maxValueNesting + 1
	// maxElements bounds the elements of one array (slice) and the pairs of one
	// map. The decoder also checks that the input holds at least one byte per
	// element before allocating, so a header claiming more costs nothing.
	maxElements = 1 << 24
)

// The one CBOR mode of stored values. All modes are immutable and safe for
// concurrent use.
var (
	encMode cbor.EncMode
	// decMode reads values and the records around them.
	decMode cbor.DecMode
	// checkMode is what Marshal checks its output against: decMode's limits with
	// one level less, left for the record a value is stored in.
	checkMode cbor.DecMode
)

func init() {
	var err error
	encMode, err = cbor.EncOptions{
		// Map keys in bytewise order: equal values give equal bytes, so stored
		// states can be compared and deduplicated, and a run is reproducible.
		Sort: cbor.SortCoreDeterministic,
		// A float64 stays 8 bytes and a float32 4: shrinking to float16 keeps
		// the value but is pointless work, and never shrinking is simplest to
		// reason about for exactness.
		ShortestFloat: cbor.ShortestFloatNone,
		// NaN bits are written as they are (sign, quiet bit, payload). The
		// zero value of this option would write every NaN as one canonical NaN.
		NaNConvert: cbor.NaNConvertNone,
		// Infinities keep their width too (the zero value shrinks them to
		// float16, which is exact but inconsistent with ShortestFloatNone).
		InfConvert: cbor.InfConvertNone,
		// A big.Int that fits in 64 bits is a plain integer, otherwise a bignum
		// tag (2 or 3); both decode back exactly.
		BigIntConvert: cbor.BigIntConvertShortest,
		// time.Time as RFC 3339 text with nanoseconds and the zone offset. The
		// default (whole seconds, no zone) would lose both. Monotonic clock
		// readings are dropped, as time's own encodings do; years outside
		// 0..9999 cannot be written and make Marshal fail.
		Time:    cbor.TimeRFC3339Nano,
		TimeTag: cbor.EncTagNone,
		// Definite lengths only: the decoder forbids indefinite ones.
		IndefLength: cbor.IndefLengthForbidden,
		// A nil slice or map is null, an empty one an empty array or map, so
		// the two stay apart after a round trip.
		NilContainers: cbor.NilContainerAsNull,
		// Tags are needed for bignums; nothing else writes one.
		TagsMd: cbor.TagsAllowed,
		// Strings are CBOR text even when they are not valid UTF-8 (Go strings
		// may hold any bytes); the decoder is told to accept that. Text keeps
		// stored states readable in diagnostic notation.
		String: cbor.StringToTextString,
		// [N]byte is a byte string: compact, and decodes back into [N]byte.
		ByteArray: cbor.ByteArrayToByteSlice,
		// A type with MarshalBinary (netip.Addr, uuid types, ...) knows its own
		// exact form, and often has no exported fields to store otherwise.
		BinaryMarshaler: cbor.BinaryMarshalerByteString,
	}.EncMode()
	if err != nil {
		panic(err)
	}
	opts := cbor.DecOptions{
		// A map or struct with a key twice is not something Marshal writes;
		// accepting it would let bytes carry two values for one field.
		DupMapKey: cbor.DupMapKeyEnforcedAPF,
		// Marshal never writes indefinite lengths; refusing them removes a
		// whole class of hostile input (unbounded chunk lists).
		IndefLength: cbor.IndefLengthForbidden,
		// Tags stay allowed: bignums (tags 2 and 3) are how a big.Int beyond 64
		// bits is stored. Tags count towards MaxNestedLevels.
		TagsMd:    cbor.TagsAllowed,
		BignumTag: cbor.BignumTagAllowed,
		// Limits: see the constants above.
		MaxNestedLevels:  maxEnvelopeNesting,
		MaxArrayElements: maxElements,
		MaxMapPairs:      maxElements,
		// A stored field the Go struct no longer has is an error, not silently
		// dropped: losing part of a paused job's state must be loud.
		ExtraReturnErrors: cbor.ExtraDecErrorUnknownField,
		// Field names match exactly. The default falls back to a
		// case-insensitive match, which could put a value in the wrong field.
		FieldNameMatching: cbor.FieldNameMatchingCaseSensitive,
		// Go strings may hold any bytes; Marshal writes them as text as they are.
		UTF8: cbor.UTF8DecodeInvalid,
		// Text is text and bytes are bytes: a byte string never becomes a Go
		// string, as Marshal never writes one for a string.
		ByteStringToString: cbor.ByteStringToStringForbidden,
		// NaN and infinities are ordinary float64 values a job may hold.
		NaN: cbor.NaNDecodeAllowed,
		Inf: cbor.InfDecodeAllowed,
		// The counterpart of BinaryMarshalerByteString above.
		BinaryUnmarshaler: cbor.BinaryUnmarshalerByteString,
	}
	decMode, err = opts.DecMode()
	if err != nil {
		panic(err)
	}
	opts.MaxNestedLevels = maxValueNesting
	checkMode, err = opts.DecMode()
	if err != nil {
		panic(err)
	}
}

// Marshal encodes v in the runtime's one CBOR mode. Unmarshal of the result into
// a fresh value of v's type gives back a value equal to v, bit for bit, or Marshal
// fails; it never writes bytes that Unmarshal would refuse. In particular:
//
//   - integers of every width (and uintptr) keep their value, floats their bits
//     (NaN payloads, the sign of zero, infinities), strings their bytes even when
//     they are not UTF-8, complex numbers both parts;
//
//   - nil and empty slices and maps stay apart, as do nil and non-nil pointers;
//
//   - structs are stored by their exported fields, named as in Go (or as their
//     `cbor` or `json` tag says). A struct type with an unexported field that is
//     not tagged `cbor:"-"` is refused, since that field would be lost; a type
//     with a MarshalCBOR or MarshalBinary method is stored by that method;
//
//   - a value that reaches the same memory twice, or itself (a cycle), is
//     refused: the round trip would split what is shared;
//
//   - values nested deeper than 256 levels, or with a slice or map of more than
//     2^24 elements, are refused.
//
//   - an interface value nested in v (a struct field, a slice element) is stored
//     with the name of its dynamic type, which must be registered (see
//     RegisterType), and comes back holding that type; v itself is stored as its
//     dynamic type (StateWriter stores a variable of interface type as an
//     interface);
//
//   - a time.Time keeps its instant and its location (see timecodec.go).
//
// Known limits: a float32 signaling NaN comes back quiet (the decoder converts
// through float64); a field tagged omitempty that holds an empty non-nil slice
// comes back nil; an error in an interface whose type is not registered is
// stored as its text, as StateWriter stores a variable of type error; channels
// and functions cannot be stored at all.
func Marshal(v any) ([]byte, error) {
	if err := checkShared(v); err != nil {
		return nil, err
	}
	return encode(v)
}

// encode is Marshal without the sharing walk, for callers that have walked v
// already or know it cannot share (records the runtime builds itself).
func encode(v any) ([]byte, error) {
	orig := v
	if v != nil {
		ti := infoOf(reflect.TypeOf(v))
		if ti.err != nil {
			return nil, ti.err
		}
		if ti.mirror != nil {
			mv := reflect.New(ti.mirror.t).Elem()
			ti.mirror.to(mv, reflect.ValueOf(v))
			v = mv.Interface()
		}
	}
	return encodeChecked(v, orig)
}

// encodeAs is encode for a value whose static type t is an interface type:
// what is stored is then the interface, with the name of v's dynamic type.
func encodeAs(v any, t reflect.Type) ([]byte, error) {
	if t.Kind() != reflect.Interface {
		return encode(v)
	}
	iv := reflect.New(t).Elem()
	if v != nil {
		iv.Set(reflect.ValueOf(v))
	}
	mv := reflect.New(typeIface).Elem()
	ifaceMirror(t).to(mv, iv)
	return encodeChecked(mv.Interface(), v)
}

// encodeChecked encodes v, the mirror of orig or orig itself, and checks the
// result against the limits of decoding.
func encodeChecked(v, orig any) ([]byte, error) {
	b, err := encMode.Marshal(v)
	if err != nil {
		return nil, err
	}
	if err := checkMode.Wellformed(b); err != nil {
		var (
			nest  *cbor.MaxNestedLevelError
			array *cbor.MaxArrayElementsError
			pairs *cbor.MaxMapPairsError
		)
		switch {
		case errors.As(err, &nest):
			return nil, fmt.Errorf("fsm: a %T cannot be stored: it nests more than %d levels deep (a linked list of more nodes, say): %w", orig, maxValueNesting, err)
		case errors.As(err, &array), errors.As(err, &pairs):
			return nil, fmt.Errorf("fsm: a %T cannot be stored: it holds a slice or map of more than %d elements: %w", orig, maxElements, err)
		}
		return nil, fmt.Errorf("fsm: a %T cannot be stored: %w", orig, err)
	}
	return b, nil
}

// Unmarshal decodes data written by Marshal into v, a non-nil pointer. Bad or
// hostile bytes give an error, never a panic. Allocation is bounded by len(data)
// times the size of the largest element type in v's type: every element the
// input claims must be present in it, so a length header cannot make Unmarshal
// allocate more than the input backs.
//
// Decoding is strict: a stored struct field that v's type lacks, a map key that
// appears twice, an integer that overflows its Go type, trailing bytes and
// indefinite-length items are all errors.
func Unmarshal(data []byte, v any) (err error) {
	defer func() {
		// Defence in depth: a MarshalBinary counterpart or a decoder bug must
		// not turn bad bytes into a crash of the process that loads them.
		if p := recover(); p != nil {
			err = fmt.Errorf("fsm: decoder panicked on bad input: %v", p)
		}
	}()
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		ti := infoOf(rv.Type().Elem())
		if ti.mirror != nil {
			mp := reflect.New(ti.mirror.t)
			if err := decMode.Unmarshal(data, mp.Interface()); err != nil {
				return err
			}
			return ti.mirror.from(rv.Elem(), mp.Elem())
		}
		if ti.mirrorErr != nil {
			return ti.mirrorErr
		}
	}
	return decMode.Unmarshal(data, v)
}

// typeInfo is what the runtime knows about a Go type, computed once per type.
type typeInfo struct {
	// leaf types are encoded by a method (or by the CBOR library itself, as
	// time.Time and big.Int are): their insides are neither checked nor walked.
	leaf bool
	// refs tells whether a value of the type can reach memory through a pointer,
	// slice, map or interface that the encoder follows. The sharing walk skips
	// types without refs.
	refs bool
	// walk lists, for a struct, the stored fields that have refs.
	walk []walkField
	// elem and key cache the typeInfo of the element (and key) type of a
	// pointer, slice, array or map type; filled on first use, since a type may
	// be its own element's element.
	elem, key atomic.Pointer[typeInfo]
	// err is why Marshal refuses the type, or nil.
	err error
	// mirror, when set, is the type the CBOR library actually encodes: the type
	// with uintptr and complex numbers, which it does not support, replaced.
	mirror    *mirror
	mirrorErr error
}

var (
	typeCache    sync.Map // reflect.Type -> *typeInfo
	typeTime     = reflect.TypeFor[time.Time]()
	typeBigInt   = reflect.TypeFor[big.Int]()
	typeMarsh    = reflect.TypeFor[cbor.Marshaler]()
	typeBinMarsh = reflect.TypeFor[interface{ MarshalBinary() ([]byte, error) }]()
)

// walkField is a struct field the sharing walk follows.
type walkField struct {
	index int
	info  *typeInfo
}

// elemInfo returns the typeInfo of t's element type; t is ti's type.
func (ti *typeInfo) elemInfo(t reflect.Type) *typeInfo {
	if e := ti.elem.Load(); e != nil {
		return e
	}
	e := infoOf(t.Elem())
	ti.elem.Store(e)
	return e
}

// keyInfo returns the typeInfo of map type t's key type; t is ti's type.
func (ti *typeInfo) keyInfo(t reflect.Type) *typeInfo {
	if k := ti.key.Load(); k != nil {
		return k
	}
	k := infoOf(t.Key())
	ti.key.Store(k)
	return k
}

// infoOf returns the cached typeInfo of t.
func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeCache.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti, _ := typeCache.LoadOrStore(t, computeInfo(t))
	return ti.(*typeInfo)
}

// isLeaf tells whether the encoder stores t by a method or a built-in rule
// rather than by its structure.
func isLeaf(t reflect.Type) bool {
	if t == typeTime || t == typeBigInt {
		return true
	}
	if t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface {
		return false
	}
	pt := reflect.PointerTo(t)
	return pt.Implements(typeMarsh) || pt.Implements(typeBinMarsh)
}

// storedFields returns the fields of struct type t that the encoder stores (or
// looks into, for embedded structs), following the CBOR library's rules: exported
// fields and embedded structs, less those tagged "-".
//
// A struct type registered with StoreUnexported has all its fields stored,
// less blank ones and those tagged "-".
func storedFields(t reflect.Type) []int {
	var idx []int
	hidden := storesUnexported(t)
	for i := range t.NumField() {
		f := t.Field(i)
		if isStoredField(f) || (hidden && f.Name != "_" && fieldTag(f) != "-") {
			idx = append(idx, i)
		}
	}
	return idx
}

func isStoredField(f reflect.StructField) bool {
	if fieldTag(f) == "-" {
		return false
	}
	ft := f.Type
	for ft.Kind() == reflect.Pointer {
		ft = ft.Elem()
	}
	return f.IsExported() || (f.Anonymous && ft.Kind() == reflect.Struct)
}

func fieldTag(f reflect.StructField) string {
	tag := f.Tag.Get("cbor")
	if tag == "" {
		tag = f.Tag.Get("json")
	}
	return tag
}

// computeInfo works out t's typeInfo. refs and walk are local to t; err and the
// need for a mirror depend on every type reachable from t, found by a walk of
// the type graph (which may be cyclic through pointers, slices and maps).
func computeInfo(t reflect.Type) *typeInfo {
	ti := &typeInfo{leaf: isLeaf(t)}
	ti.refs = typeHasRefs(t)
	if !ti.leaf && t.Kind() == reflect.Struct {
		for _, i := range storedFields(t) {
			if ft := t.Field(i).Type; typeHasRefs(ft) {
				// A struct cannot hold itself by value, so this recursion
				// ends; infoOf of a pointer, slice or map type does not
				// look at its element.
				ti.walk = append(ti.walk, walkField{i, infoOf(ft)})
			}
		}
	}
	needMirror := false
	seen := map[reflect.Type]bool{}
	var visit func(u reflect.Type)
	visit = func(u reflect.Type) {
		if seen[u] || ti.err != nil {
			return
		}
		seen[u] = true
		if u == typeTime {
			needMirror = true
			return
		}
		if isLeaf(u) {
			return
		}
		switch u.Kind() {
		case reflect.Uintptr, reflect.Complex64, reflect.Complex128, reflect.Interface:
			needMirror = true
		case reflect.Pointer, reflect.Slice, reflect.Array:
			visit(u.Elem())
		case reflect.Map:
			visit(u.Key())
			visit(u.Elem())
		case reflect.Struct:
			if storesUnexported(u) {
				needMirror = true
				for _, i := range storedFields(u) {
					visit(u.Field(i).Type)
				}
				return
			}
			for i := range u.NumField() {
				f := u.Field(i)
				if isStoredField(f) && !f.IsExported() && f.Type.Kind() == reflect.Pointer {
					ti.err = fmt.Errorf("fsm: a %v cannot be stored: %v embeds %v, a pointer to an unexported type, which decoding cannot allocate; embed the struct by value or export it", t, u, f.Type)
					return
				}
				if isStoredField(f) {
					visit(f.Type)
					continue
				}
				if f.Name == "_" || f.Type.Size() == 0 || fieldTag(f) == "-" {
					continue
				}
				ti.err = fmt.Errorf("fsm: a %v cannot be stored: %v has unexported field %s, which would be lost; export it, tag it `cbor:\"-\"` to drop it knowingly, or give %v a MarshalCBOR or MarshalBinary method", t, u, f.Name, u)
				return
			}
		}
	}
	visit(t)
	if ti.err == nil && needMirror {
		ti.mirror, ti.mirrorErr = buildMirror(t)
		if ti.mirrorErr != nil {
			ti.err = ti.mirrorErr
		}
	}
	return ti
}

// typeHasRefs tells whether a value of type t can reach memory by reference in a
// way the encoder follows.
func typeHasRefs(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	case reflect.Array:
		return t.Len() > 0 && !isLeaf(t) && typeHasRefs(t.Elem())
	case reflect.Struct:
		if isLeaf(t) {
			return false
		}
		for _, i := range storedFields(t) {
			if typeHasRefs(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}

// mirror is a stand-in type the CBOR library can encode, for a type that holds
// what it cannot encode as fsmgen stores it: uintptr (stored as uint64),
// complex numbers (as [2]float32 or [2]float64, real part first), time.Time
// (see storedTime), interface values (see ifaceRecord). to and from copy values
// between the two.
type mirror struct {
	t    reflect.Type
	to   func(dst, src reflect.Value)
	from func(dst, src reflect.Value) error
}

func buildMirror(t reflect.Type) (m *mirror, err error) {
	defer func() {
		// reflect.StructOf panics on a few embedding shapes it does not support.
		if p := recover(); p != nil {
			m, err = nil, fmt.Errorf("fsm: a %v cannot be stored: it holds uintptr, complex, time or interface values in a shape the runtime cannot convert (%v)", t, p)
		}
	}()
	b := mirrorBuilder{inProgress: map[reflect.Type]bool{}, done: map[reflect.Type]*mirror{}}
	m, err = b.build(t)
	if err != nil {
		return nil, fmt.Errorf("fsm: a %v cannot be stored: it holds uintptr, complex, time or interface values inside %w", t, err)
	}
	return m, nil
}

type mirrorBuilder struct {
	inProgress map[reflect.Type]bool
	done       map[reflect.Type]*mirror
}

var identity = func(dst, src reflect.Value) { dst.Set(src) }

// build returns the mirror of t, or nil when t needs none.
func (b *mirrorBuilder) build(t reflect.Type) (*mirror, error) {
	if m, ok := b.done[t]; ok {
		return m, nil
	}
	if t == typeTime {
		return timeMirror, nil
	}
	if isLeaf(t) || !needsMirror(t) {
		return nil, nil
	}
	if b.inProgress[t] {
		// t holds itself: encode and decode the inner t through its own
		// mirror, one level at a time.
		return boxedMirror(t), nil
	}
	b.inProgress[t] = true
	defer delete(b.inProgress, t)
	m, err := b.build1(t)
	if err != nil {
		return nil, err
	}
	b.done[t] = m
	return m, nil
}

func (b *mirrorBuilder) build1(t reflect.Type) (*mirror, error) {
	switch t.Kind() {
	case reflect.Uintptr:
		return &mirror{
			t:  reflect.TypeFor[uint64](),
			to: func(dst, src reflect.Value) { dst.SetUint(src.Uint()) },
			from: func(dst, src reflect.Value) error {
				if dst.OverflowUint(src.Uint()) {
					return fmt.Errorf("fsm: stored value %d overflows %v", src.Uint(), dst.Type())
				}
				dst.SetUint(src.Uint())
				return nil
			},
		}, nil
	case reflect.Complex64, reflect.Complex128:
		ft := reflect.TypeFor[float64]()
		if t.Kind() == reflect.Complex64 {
			ft = reflect.TypeFor[float32]()
		}
		return &mirror{
			t: reflect.ArrayOf(2, ft),
			to: func(dst, src reflect.Value) {
				c := src.Complex()
				dst.Index(0).SetFloat(real(c))
				dst.Index(1).SetFloat(imag(c))
			},
			from: func(dst, src reflect.Value) error {
				dst.SetComplex(complex(src.Index(0).Float(), src.Index(1).Float()))
				return nil
			},
		}, nil
	case reflect.Pointer:
		em, err := b.build(t.Elem())
		if em == nil || err != nil {
			return nil, err
		}
		return &mirror{
			t: reflect.PointerTo(em.t),
			to: func(dst, src reflect.Value) {
				if src.IsNil() {
					return
				}
				p := reflect.New(em.t)
				em.to(p.Elem(), src.Elem())
				dst.Set(p)
			},
			from: func(dst, src reflect.Value) error {
				if src.IsNil() {
					dst.SetZero()
					return nil
				}
				p := reflect.New(t.Elem())
				if err := em.from(p.Elem(), src.Elem()); err != nil {
					return err
				}
				dst.Set(p)
				return nil
			},
		}, nil
	case reflect.Array, reflect.Slice:
		em, err := b.build(t.Elem())
		if em == nil || err != nil {
			return nil, err
		}
		isSlice := t.Kind() == reflect.Slice
		mt := reflect.SliceOf(em.t)
		if !isSlice {
			mt = reflect.ArrayOf(t.Len(), em.t)
		}
		return &mirror{
			t: mt,
			to: func(dst, src reflect.Value) {
				if isSlice {
					if src.IsNil() {
						return
					}
					dst.Set(reflect.MakeSlice(mt, src.Len(), src.Len()))
				}
				for i := range src.Len() {
					em.to(dst.Index(i), src.Index(i))
				}
			},
			from: func(dst, src reflect.Value) error {
				if isSlice {
					if src.IsNil() {
						dst.SetZero()
						return nil
					}
					dst.Set(reflect.MakeSlice(t, src.Len(), src.Len()))
				}
				for i := range src.Len() {
					if err := em.from(dst.Index(i), src.Index(i)); err != nil {
						return err
					}
				}
				return nil
			},
		}, nil
	case reflect.Map:
		km, err := b.build(t.Key())
		if err != nil {
			return nil, err
		}
		vm, err := b.build(t.Elem())
		if err != nil || (km == nil && vm == nil) {
			return nil, err
		}
		kt, vt, kto, vto := t.Key(), t.Elem(), identity, identity
		kfrom, vfrom := identityFrom, identityFrom
		if km != nil {
			kt, kto, kfrom = km.t, km.to, km.from
		}
		if vm != nil {
			vt, vto, vfrom = vm.t, vm.to, vm.from
		}
		mt := reflect.MapOf(kt, vt)
		return &mirror{
			t: mt,
			to: func(dst, src reflect.Value) {
				if src.IsNil() {
					return
				}
				m := reflect.MakeMapWithSize(mt, src.Len())
				k, v := reflect.New(kt).Elem(), reflect.New(vt).Elem()
				for it := src.MapRange(); it.Next(); {
					kto(k, it.Key())
					vto(v, it.Value())
					m.SetMapIndex(k, v)
				}
				dst.Set(m)
			},
			from: func(dst, src reflect.Value) error {
				if src.IsNil() {
					dst.SetZero()
					return nil
				}
				m := reflect.MakeMapWithSize(t, src.Len())
				k, v := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
				for it := src.MapRange(); it.Next(); {
					if err := kfrom(k, it.Key()); err != nil {
						return err
					}
					if err := vfrom(v, it.Value()); err != nil {
						return err
					}
					m.SetMapIndex(k, v)
				}
				dst.Set(m)
				return nil
			},
		}, nil
	case reflect.Interface:
		return ifaceMirror(t), nil
	case reflect.Struct:
		return b.buildStruct(t)
	}
	return nil, nil
}

// needsMirror tells whether values of t hold anything a mirror stands in for.
func needsMirror(t reflect.Type) bool {
	if v, ok := mirrorNeed.Load(t); ok {
		return v.(bool)
	}
	seen := map[reflect.Type]bool{}
	var visit func(u reflect.Type) bool
	visit = func(u reflect.Type) bool {
		if seen[u] {
			return false
		}
		seen[u] = true
		if u == typeTime {
			return true
		}
		if isLeaf(u) {
			return false
		}
		switch u.Kind() {
		case reflect.Uintptr, reflect.Complex64, reflect.Complex128, reflect.Interface:
			return true
		case reflect.Pointer, reflect.Slice, reflect.Array:
			return visit(u.Elem())
		case reflect.Map:
			return visit(u.Key()) || visit(u.Elem())
		case reflect.Struct:
			if storesUnexported(u) {
				return true
			}
			for _, i := range storedFields(u) {
				if visit(u.Field(i).Type) {
					return true
				}
			}
		}
		return false
	}
	need := visit(t)
	mirrorNeed.Store(t, need)
	return need
}

var mirrorNeed sync.Map // reflect.Type -> bool

func identityFrom(dst, src reflect.Value) error {
	dst.Set(src)
	return nil
}

// buildStruct mirrors a struct type field by field. Only stored fields are
// copied; the others keep their type and stay zero, as the encoder ignores them.
func (b *mirrorBuilder) buildStruct(t reflect.Type) (*mirror, error) {
	if storesUnexported(t) {
		return b.buildHidden(t)
	}
	n := t.NumField()
	fields := make([]reflect.StructField, n)
	subs := make([]*mirror, n)
	stored := make([]bool, n)
	mirrored := false
	var embedded reflect.Type // an unexported embedded struct, if any
	for i := range n {
		f := t.Field(i)
		f.Index, f.Offset = nil, 0
		stored[i] = isStoredField(f)
		if stored[i] {
			m, err := b.build(f.Type)
			if err != nil {
				return nil, err
			}
			if m != nil {
				mirrored = true
				subs[i] = m
				f.Type = m.t
			}
			if !f.IsExported() {
				embedded = f.Type
			}
		}
		fields[i] = f
	}
	if !mirrored {
		return nil, nil
	}
	if embedded != nil {
		// reflect can neither build a struct embedding an unexported type nor
		// copy such a field.
		return nil, fmt.Errorf("%v, which embeds the unexported %v", t, embedded)
	}
	mt := reflect.StructOf(fields)
	return &mirror{
		t: mt,
		to: func(dst, src reflect.Value) {
			for i := range n {
				switch {
				case !stored[i]:
				case subs[i] != nil:
					subs[i].to(dst.Field(i), src.Field(i))
				default:
					dst.Field(i).Set(src.Field(i))
				}
			}
		},
		from: func(dst, src reflect.Value) error {
			for i := range n {
				switch {
				case !stored[i]:
				case subs[i] != nil:
					if err := subs[i].from(dst.Field(i), src.Field(i)); err != nil {
						return err
					}
				default:
					dst.Field(i).Set(src.Field(i))
				}
			}
			return nil
		},
	}, nil
}
