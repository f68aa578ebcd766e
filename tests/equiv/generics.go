package equiv

import (
	"fmt"
	"sort"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Generic jobs. Each machine is a generic type; fsmgen registers one
// machine per instantiation the package makes, here in the tests
// (fsmtest.Check(t, GenCollect[int], ...)) and in the jobs below that call
// generic jobs.

// Number is a constraint with a type set.
type Number interface {
	~int | ~int64 | ~float64
}

// GenCollect keeps a slice of T and a T across awaits, and ends with T's
// zero value.
//
//fsmgen:job
func GenCollect[T any](ctx fsm.Context, xs []T) ([]T, error) {
	var out []T
	for i, x := range xs {
		if _, err := fsm.Await(ctx, Echo.Call(i)); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	var zero T
	return append(out, zero), nil
}

// GenSum does arithmetic on a type parameter with a type set.
//
//fsmgen:job
func GenSum[N Number](ctx fsm.Context, xs []N) (N, error) {
	var total N
	for i, x := range xs {
		k := v(fsm.Await(ctx, Echo.Call(i)))
		total += x * N(k+1)
	}
	return total, nil
}

// GenIndex has two type parameters, one comparable, in a map held across
// awaits.
//
//fsmgen:job
func GenIndex[K comparable, V any](ctx fsm.Context, keys []K, val V) (map[K]V, error) {
	out := map[K]V{}
	for _, k := range keys {
		n := v(fsm.Await(ctx, Echo.Call(len(out))))
		if n%2 == 0 {
			out[k] = val
		}
	}
	return out, nil
}

// GenShow holds a T in an interface across an await, asserts it back and
// calls the constraint's method.
//
//fsmgen:job
func GenShow[T fmt.Stringer](ctx fsm.Context, x T) (string, error) {
	var held any = x
	s := v(fsm.Await(ctx, Str.Call(x.String())))
	back, ok := held.(T)
	return fmt.Sprintf("%s %s %v", s, back.String(), ok), nil
}

// Tag is a Stringer for GenShow.
type Tag struct{ Name string }

func (t Tag) String() string { return "<" + t.Name + ">" }

// GenPlain never awaits: its machine calls the function.
//
//fsmgen:job
func GenPlain[T any](ctx fsm.Context, x T) (T, error) {
	return x, nil
}

// GenDefer registers a deferred closure that changes a named result of
// type T after the job resumes.
//
//fsmgen:job
func GenDefer[T any](ctx fsm.Context, x, y T) (res T, err error) {
	defer func() {
		if err == nil {
			res = y
		}
	}()
	if _, err = fsm.Await(ctx, Echo.Call(1)); err != nil {
		return x, err
	}
	return x, nil
}

// GenClosure keeps a closure of the job that captures a T across an
// await.
//
//fsmgen:job
func GenClosure[T any](ctx fsm.Context, x T, n int) ([]T, error) {
	var out []T
	add := func() { out = append(out, x) }
	for i := 0; i < n; i++ {
		v(fsm.Await(ctx, Echo.Call(i)))
		add()
	}
	return out, nil
}

// Cell is a generic type of the package, stored across awaits with the
// job's type argument.
type Cell[T any] struct {
	Value T
	Count int
}

// GenCell keeps a Cell[T] and a pointer into it across awaits.
//
//fsmgen:job
func GenCell[T any](ctx fsm.Context, x T) (Cell[T], error) {
	c := &Cell[T]{Value: x}
	for i := range 3 {
		c.Count += v(fsm.Await(ctx, Echo.Call(i)))
	}
	return *c, nil
}

// GenSwitch switches on the dynamic type of a T.
//
//fsmgen:job
func GenSwitch[T any](ctx fsm.Context, x T) (string, error) {
	v(fsm.Await(ctx, Echo.Call(0)))
	switch y := any(x).(type) {
	case int:
		return fmt.Sprint("int ", y+1), nil
	case string:
		return "string " + strings.ToUpper(y), nil
	default:
		return fmt.Sprintf("%T", y), nil
	}
}

// GenRunes ranges over a type parameter whose type set is strings: the
// loop takes the runes of its core type.
//
//fsmgen:job
func GenRunes[S ~string](ctx fsm.Context, s S) ([]string, error) {
	var out []string
	for i, r := range s {
		v(fsm.Await(ctx, Echo.Call(i)))
		out = append(out, string(r))
	}
	return out, nil
}

// GenReverse ranges over a slice type parameter (S ~[]E, as package
// slices writes it), its element derived from the slice at each await.
//
//fsmgen:job
func GenReverse[S ~[]E, E any](ctx fsm.Context, s S) (S, error) {
	var out S
	for i, x := range s {
		v(fsm.Await(ctx, Echo.Call(i)))
		out = append(S{x}, out...)
	}
	return out, nil
}

// GenCountMap ranges over a map type parameter, and GenUpTo over an
// integer one.
//
//fsmgen:job
func GenCountMap[M ~map[K]V, K comparable, V Number](ctx fsm.Context, m M) (V, error) {
	var total V
	for _, x := range m {
		v(fsm.Await(ctx, Echo.Call(1)))
		total += x
	}
	return total, nil
}

//fsmgen:job
func GenUpTo[N ~int32](ctx fsm.Context, n N) (N, error) {
	var sum N
	for i := range n {
		sum += N(v(fsm.Await(ctx, Echo.Call(int(i)))))
	}
	return sum, nil
}

// GenKeys calls a non-job generic helper between awaits and a job that
// awaits (Double) from generic code.
//
//fsmgen:job
func GenKeys[K Number, V any](ctx fsm.Context, m map[K]V) ([]K, error) {
	keys := sortedKeys(m)
	var out []K
	for _, k := range keys {
		d, err := Double(ctx, int(k))
		if err != nil {
			return nil, err
		}
		out = append(out, K(d))
	}
	return out, nil
}

func sortedKeys[K Number, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	return keys
}

// ComposeGeneric calls generic jobs, with inferred and with explicit type
// arguments: each call nests the instantiation's machine.
//
//fsmgen:job
func ComposeGeneric(ctx fsm.Context, xs []int) (string, error) {
	all, err := GenCollect(ctx, xs)
	if err != nil {
		return "", err
	}
	sum, err := GenSum[float64](ctx, []float64{1.5, 2})
	if err != nil {
		return "", err
	}
	words, err := GenCollect(ctx, []string{"a", "b"})
	return fmt.Sprint(all, sum, words), err
}

// Getter is a generic interface, and Const a generic type implementing it.
type Getter[T any] interface{ Get() T }

// Const holds a value.
type Const[T any] struct{ V T }

// Get returns the value.
func (c Const[T]) Get() T { return c.V }

// GenGetter holds a Const[T] in a Getter[T] and in an interface literal
// that mentions T across an await: the instantiation registers Const[T]
// for storing in interfaces.
//
//fsmgen:job
func GenGetter[T any](ctx fsm.Context, x T) (T, error) {
	var g Getter[T] = Const[T]{V: x}
	var h interface{ Get() T } = Const[T]{V: x}
	v(fsm.Await(ctx, Echo.Call(1)))
	_ = h.Get()
	return g.Get(), nil
}

// Stack is a generic type with method jobs: each instantiation of Stack
// the package makes registers its methods' machines.
type Stack[T any] struct{ Items []T }

// Drain pops up to n items, awaiting before each: its receiver changes
// across awaits.
//
//fsmgen:job
func (s Stack[T]) Drain(ctx fsm.Context, n int) ([]T, error) {
	var out []T
	for i := 0; i < n && len(s.Items) > 0; i++ {
		v(fsm.Await(ctx, Echo.Call(i)))
		out = append(out, s.Items[len(s.Items)-1])
		s.Items = s.Items[:len(s.Items)-1]
	}
	return out, nil
}

// Size never awaits, with a receiver type parameter named otherwise than
// the type's.
//
//fsmgen:job
func (s Stack[E]) Size(ctx fsm.Context) (int, error) {
	return len(s.Items), nil
}

// Entry has two type parameters and a method job that returns its receiver's
// type.
type Entry[K comparable, V any] struct {
	Key K
	Val V
}

//fsmgen:job
func (e Entry[K, V]) With(ctx fsm.Context, val V) (Entry[K, V], error) {
	v(fsm.Await(ctx, Echo.Call(0)))
	e.Val = val
	return e, nil
}

// newStack makes a Stack of an inferred type.
func newStack[T any](xs []T) Stack[T] { return Stack[T]{Items: xs} }

// ComposeStack calls a method job of a generic type on a value whose type
// it never spells: the call nests the instantiation's machine.
//
//fsmgen:job
func ComposeStack(ctx fsm.Context, xs []Label) (string, error) {
	s := newStack(xs)
	top, err := s.Drain(ctx, 2)
	if err != nil {
		return "", err
	}
	n, err := s.Size(ctx)
	return fmt.Sprint(top, n), err
}
