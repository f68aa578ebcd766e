package fsmtest

import (
	"fmt"
	"math"
	"reflect"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var contextType = reflect.TypeFor[fsm.Context]()

// call holds a job's arguments, converted to its parameter types, ready for
// both runs.
type call struct {
	fn       reflect.Value
	ctxIndex int             // index of the fsm.Context parameter
	fixed    []reflect.Value // one per parameter but the Context and a variadic one
	variadic reflect.Type    // the variadic parameter's slice type, or nil
	extra    []reflect.Value // the values for the variadic parameter
}

// prepareCall checks and converts args against the parameters of fn, a job.
func prepareCall(fn reflect.Value, args []any) (*call, error) {
	ft := fn.Type()
	c := &call{fn: fn, ctxIndex: -1}
	for i := 0; i < ft.NumIn(); i++ {
		if ft.In(i) == contextType {
			c.ctxIndex = i
			break
		}
	}
	if c.ctxIndex < 0 {
		return nil, fmt.Errorf("the job's type %v has no fsm.Context parameter: a job takes an fsm.Context first (after the receiver, for a method)", ft)
	}
	var params []reflect.Type
	for i := 0; i < ft.NumIn(); i++ {
		if i != c.ctxIndex {
			params = append(params, ft.In(i))
		}
	}
	if ft.IsVariadic() {
		c.variadic = params[len(params)-1]
		params = params[:len(params)-1]
		if len(args) < len(params) {
			return nil, fmt.Errorf("the job takes at least %s after its fsm.Context, of types %s; Check got %d", arguments(len(params)), describeParams(ft, c.ctxIndex), len(args))
		}
	} else if len(args) != len(params) {
		return nil, fmt.Errorf("the job takes %s after its fsm.Context, of types %s; Check got %d", arguments(len(params)), describeParams(ft, c.ctxIndex), len(args))
	}
	for i, a := range args {
		var pt reflect.Type
		if i < len(params) {
			pt = params[i]
		} else {
			pt = c.variadic.Elem()
		}
		v, err := convertArg(a, pt)
		if err != nil {
			return nil, fmt.Errorf("argument %d: %v", i+1, err)
		}
		if i < len(params) {
			c.fixed = append(c.fixed, v)
		} else {
			c.extra = append(c.extra, v)
		}
	}
	return c, nil
}

func arguments(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return fmt.Sprintf("%d arguments", n)
}

func describeParams(ft reflect.Type, ctxIndex int) string {
	s := "("
	for i := 0; i < ft.NumIn(); i++ {
		if i == ctxIndex {
			continue
		}
		if len(s) > 1 {
			s += ", "
		}
		if ft.IsVariadic() && i == ft.NumIn()-1 {
			s += "..." + ft.In(i).Elem().String()
		} else {
			s += ft.In(i).String()
		}
	}
	return s + ")"
}

// plainArgs returns the arguments of a reflect CallSlice of the plain
// function under ctx.
func (c *call) plainArgs(ctx fsm.Context) []reflect.Value {
	in := make([]reflect.Value, 0, len(c.fixed)+2)
	in = append(in, c.fixed...)
	ctxv := reflect.New(contextType).Elem()
	ctxv.Set(reflect.ValueOf(ctx))
	in = append(in[:c.ctxIndex], append([]reflect.Value{ctxv}, in[c.ctxIndex:]...)...)
	if c.variadic != nil {
		in = append(in, c.variadicSlice(c.extra))
	}
	return in
}

// variadicSlice packs vs into a slice of the variadic parameter's type: a nil
// slice when vs is empty, as in a Go call that passes no values for it.
func (c *call) variadicSlice(vs []reflect.Value) reflect.Value {
	if len(vs) == 0 {
		return reflect.Zero(c.variadic)
	}
	s := reflect.MakeSlice(c.variadic, len(vs), len(vs))
	for i, v := range vs {
		s.Index(i).Set(v)
	}
	return s
}

// machineArgs returns the args of JobInfo.New: one per parameter after the
// Context, a variadic parameter as one slice. Each is a copy where an exact
// copy can be made (see copyValue).
func (c *call) machineArgs() []any {
	args := make([]any, 0, len(c.fixed)+1)
	for _, v := range c.fixed {
		args = append(args, copyValue(v).Interface())
	}
	if c.variadic != nil {
		vs := make([]reflect.Value, len(c.extra))
		for i, v := range c.extra {
			vs[i] = copyValue(v)
		}
		args = append(args, c.variadicSlice(vs).Interface())
	}
	return args
}

// run calls the plain function under ctx.
func (c *call) run(ctx fsm.Context) []reflect.Value {
	in := c.plainArgs(ctx)
	if c.variadic != nil {
		return c.fn.CallSlice(in)
	}
	return c.fn.Call(in)
}

// copyValue returns a deep copy of v: new pointers, slices (with the same
// length, capacity and elements past the length), maps and interfaces, with
// the sharing between them kept. When v holds something that cannot be copied
// (a channel, a function, a struct field the copy cannot set), v itself.
func copyValue(v reflect.Value) reflect.Value {
	c := &copier{seen: map[any]reflect.Value{}, ok: true}
	out := c.copy(v)
	if !c.ok {
		return v
	}
	return out
}

type copier struct {
	seen map[any]reflect.Value // pointers and maps copied, by identity
	ok   bool
}

type sliceKey struct {
	t   reflect.Type
	p   uintptr
	len int
	cap int
}

func (c *copier) copy(v reflect.Value) reflect.Value {
	if !c.ok || !v.IsValid() {
		return v
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if out, ok := c.seen[v.Pointer()]; ok && out.Type() == v.Type() {
			return out
		}
		out := reflect.New(v.Type().Elem())
		c.seen[v.Pointer()] = out
		out.Elem().Set(c.copy(v.Elem()))
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		key := sliceKey{v.Type(), v.Pointer(), v.Len(), v.Cap()}
		if out, ok := c.seen[key]; ok {
			return out
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Cap())
		c.seen[key] = out
		full, outFull := v.Slice(0, v.Cap()), out.Slice(0, v.Cap())
		for i := 0; i < v.Cap(); i++ {
			outFull.Index(i).Set(c.copy(full.Index(i)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		if out, ok := c.seen[v.Pointer()]; ok && out.Type() == v.Type() {
			return out
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		c.seen[v.Pointer()] = out
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(c.copy(it.Key()), c.copy(it.Value()))
		}
		return out
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(c.copy(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			if !v.Type().Field(i).IsExported() {
				c.ok = false
				return v
			}
			out.Field(i).Set(c.copy(v.Field(i)))
		}
		return out
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type()).Elem()
		out.Set(c.copy(v.Elem()))
		return out
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		c.ok = false
		return v
	}
	return v
}

func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return v.IsNil()
	}
	return false
}

// convertArg returns a as a value of the parameter type pt, converting what Go
// would convert in a call with an untyped constant argument.
func convertArg(a any, pt reflect.Type) (reflect.Value, error) {
	if a == nil {
		switch pt.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface, reflect.Func, reflect.Chan, reflect.UnsafePointer:
			return reflect.Zero(pt), nil
		}
		return reflect.Value{}, fmt.Errorf("nil for a parameter of type %v", pt)
	}
	av := reflect.ValueOf(a)
	at := av.Type()
	if at.AssignableTo(pt) {
		v := reflect.New(pt).Elem()
		v.Set(av)
		return v, nil
	}
	if v, ok := convertConstant(av, pt); ok {
		return v, nil
	}
	return reflect.Value{}, fmt.Errorf("%#v, of type %v, does not fit the parameter of type %v", a, at, pt)
}

// convertConstant converts a value of one of the default types of untyped
// constants (bool, rune, int, float64, complex128, string) to a type of the
// same kind, when the value fits exactly.
func convertConstant(av reflect.Value, pt reflect.Type) (reflect.Value, bool) {
	switch av.Type() {
	case reflect.TypeFor[bool](), reflect.TypeFor[int](), reflect.TypeFor[int32](),
		reflect.TypeFor[float64](), reflect.TypeFor[complex128](), reflect.TypeFor[string]():
	default:
		return reflect.Value{}, false
	}
	v := reflect.New(pt).Elem()
	switch av.Kind() {
	case reflect.Bool:
		if pt.Kind() != reflect.Bool {
			return reflect.Value{}, false
		}
		v.SetBool(av.Bool())
		return v, true
	case reflect.String:
		if pt.Kind() != reflect.String {
			return reflect.Value{}, false
		}
		v.SetString(av.String())
		return v, true
	}
	// A number: as an exact complex value, then into pt's kind.
	var re, im float64
	var exactInt bool // av is an integer; re holds it only approximately if huge
	var i int64
	switch av.Kind() {
	case reflect.Int, reflect.Int32:
		i, exactInt = av.Int(), true
		re = float64(i)
	case reflect.Float64:
		re = av.Float()
	case reflect.Complex128:
		re, im = real(av.Complex()), imag(av.Complex())
	}
	switch pt.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !exactInt {
			if im != 0 || re != math.Trunc(re) || math.IsInf(re, 0) || re < math.MinInt64 || re >= -math.MinInt64 {
				return reflect.Value{}, false
			}
			i = int64(re)
		}
		if v.OverflowInt(i) {
			return reflect.Value{}, false
		}
		v.SetInt(i)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		var u uint64
		if exactInt {
			if i < 0 {
				return reflect.Value{}, false
			}
			u = uint64(i)
		} else {
			if im != 0 || re != math.Trunc(re) || re < 0 || re >= 1<<64 {
				return reflect.Value{}, false
			}
			u = uint64(re)
		}
		if v.OverflowUint(u) {
			return reflect.Value{}, false
		}
		v.SetUint(u)
	case reflect.Float32, reflect.Float64:
		if im != 0 || v.OverflowFloat(re) {
			return reflect.Value{}, false
		}
		v.SetFloat(re)
	case reflect.Complex64, reflect.Complex128:
		if v.OverflowComplex(complex(re, im)) {
			return reflect.Value{}, false
		}
		v.SetComplex(complex(re, im))
	default:
		return reflect.Value{}, false
	}
	return v, true
}
