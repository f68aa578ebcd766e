package probe

import (
	"slices"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// RangeFuncJumps leaves range-over-func loops (without awaits) that sit in a
// loop that awaits, with continue, break and return to the outer loop.
//
//fsmgen:job
func RangeFuncJumps(ctx fsm.Context, rows [][]int) (int, error) {
	s := 0
outer:
	for i := 0; i < len(rows); i++ {
		s += v(fsm.Await(ctx, Echo.Call(i)))
		for x := range slices.Values(rows[i]) {
			switch {
			case x < 0:
				continue outer
			case x == 0:
				break outer
			case x > 100:
				return -x, nil
			}
			s += x
		}
		s += 1000
	}
	return s, nil
}
