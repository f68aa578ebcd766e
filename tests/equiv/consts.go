package equiv

import fsm "github.com/fsmgen/fsmgen/runtime"

// LocalConstType declares a constant and an array type sized by it, both
// moved to package level with the job's variables.
//
//fsmgen:job
func LocalConstType(ctx fsm.Context) (int, error) {
	const n = 3
	type arr [n]int
	var a arr
	for i := range n {
		a[i] = i
	}
	x, err := fsm.Await(ctx, Echo.Call(a[2]))
	const k = iota + 7
	return x + len(a) + k, err
}

// LocalConstType2 declares the same names as LocalConstType.
//
//fsmgen:job
func LocalConstType2(ctx fsm.Context) (int, error) {
	const n = 5
	type arr [n]int
	var a arr
	x, err := fsm.Await(ctx, Echo.Call(len(a)))
	return x, err
}
