package probe

import (
	"maps"
	"slices"
	"unsafe"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Types2IterSeq holds an iter.Seq (never naming package iter) between
// awaits and ranges over it without awaiting.
//
//fsmgen:job
func Types2IterSeq(ctx fsm.Context) (int, []string, error) {
	xs := v(fsm.Await(ctx, Ints.Call([]int{1, 2, 3})))
	seq := slices.Values(xs)
	s := 0
	for x := range seq {
		s += x
	}
	keys := slices.Sorted(maps.Keys(map[string]int{"b": 1, "a": 2}))
	return v(fsm.Await(ctx, Echo.Call(s))), keys, nil
}

// Types2Unsafe uses unsafe.Sizeof and an unsafe.Pointer between awaits.
//
//fsmgen:job
func Types2Unsafe(ctx fsm.Context) (int, error) {
	x := v(fsm.Await(ctx, Echo.Call(1)))
	p := unsafe.Pointer(&x)
	y := *(*int)(p) + int(unsafe.Sizeof(x))
	return v(fsm.Await(ctx, Echo.Call(y))), nil
}

// Types2Exotic holds values of channel, function and tagged struct types
// between awaits.
//
//fsmgen:job
func Types2Exotic(ctx fsm.Context) (int, error) {
	n := v(fsm.Await(ctx, Echo.Call(2)))
	ch := make(chan (<-chan int), 1)
	inner := make(chan int, 1)
	inner <- n
	ch <- inner
	var f func(...int) int = func(xs ...int) int { return len(xs) }
	var s struct {
		A int `json:"a"`
		B []struct{ C string }
	}
	s.A = <-<-ch + f(1, 2)
	var ifc interface{ String() string } = Point{}
	s.B = append(s.B, struct{ C string }{C: ifc.String()})
	return v(fsm.Await(ctx, Echo.Call(s.A+len(s.B[0].C)))), nil
}
