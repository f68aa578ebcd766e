package probe

import (
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// BigStraight awaits 2000 times in sequence, one live variable.
//
//fsmgen:job
func BigStraight(ctx fsm.Context) (int, error) {
	s := 0
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	s += v(fsm.Await(ctx, Echo.Call(5)))
	s += v(fsm.Await(ctx, Echo.Call(6)))
	s += v(fsm.Await(ctx, Echo.Call(0)))
	s += v(fsm.Await(ctx, Echo.Call(1)))
	s += v(fsm.Await(ctx, Echo.Call(2)))
	s += v(fsm.Await(ctx, Echo.Call(3)))
	s += v(fsm.Await(ctx, Echo.Call(4)))
	return s, nil
}

// BigLive awaits 150 times, each into its own variable, all summed at the end
// (so that every variable is live until the end).
//
//fsmgen:job
func BigLive(ctx fsm.Context) (int, error) {
	x0 := v(fsm.Await(ctx, Echo.Call(0)))
	x1 := v(fsm.Await(ctx, Echo.Call(1)))
	x2 := v(fsm.Await(ctx, Echo.Call(2)))
	x3 := v(fsm.Await(ctx, Echo.Call(3)))
	x4 := v(fsm.Await(ctx, Echo.Call(4)))
	x5 := v(fsm.Await(ctx, Echo.Call(5)))
	x6 := v(fsm.Await(ctx, Echo.Call(6)))
	x7 := v(fsm.Await(ctx, Echo.Call(0)))
	x8 := v(fsm.Await(ctx, Echo.Call(1)))
	x9 := v(fsm.Await(ctx, Echo.Call(2)))
	x10 := v(fsm.Await(ctx, Echo.Call(3)))
	x11 := v(fsm.Await(ctx, Echo.Call(4)))
	x12 := v(fsm.Await(ctx, Echo.Call(5)))
	x13 := v(fsm.Await(ctx, Echo.Call(6)))
	x14 := v(fsm.Await(ctx, Echo.Call(0)))
	x15 := v(fsm.Await(ctx, Echo.Call(1)))
	x16 := v(fsm.Await(ctx, Echo.Call(2)))
	x17 := v(fsm.Await(ctx, Echo.Call(3)))
	x18 := v(fsm.Await(ctx, Echo.Call(4)))
	x19 := v(fsm.Await(ctx, Echo.Call(5)))
	x20 := v(fsm.Await(ctx, Echo.Call(6)))
	x21 := v(fsm.Await(ctx, Echo.Call(0)))
	x22 := v(fsm.Await(ctx, Echo.Call(1)))
	x23 := v(fsm.Await(ctx, Echo.Call(2)))
	x24 := v(fsm.Await(ctx, Echo.Call(3)))
	x25 := v(fsm.Await(ctx, Echo.Call(4)))
	x26 := v(fsm.Await(ctx, Echo.Call(5)))
	x27 := v(fsm.Await(ctx, Echo.Call(6)))
	x28 := v(fsm.Await(ctx, Echo.Call(0)))
	x29 := v(fsm.Await(ctx, Echo.Call(1)))
	x30 := v(fsm.Await(ctx, Echo.Call(2)))
	x31 := v(fsm.Await(ctx, Echo.Call(3)))
	x32 := v(fsm.Await(ctx, Echo.Call(4)))
	x33 := v(fsm.Await(ctx, Echo.Call(5)))
	x34 := v(fsm.Await(ctx, Echo.Call(6)))
	x35 := v(fsm.Await(ctx, Echo.Call(0)))
	x36 := v(fsm.Await(ctx, Echo.Call(1)))
	x37 := v(fsm.Await(ctx, Echo.Call(2)))
	x38 := v(fsm.Await(ctx, Echo.Call(3)))
	x39 := v(fsm.Await(ctx, Echo.Call(4)))
	x40 := v(fsm.Await(ctx, Echo.Call(5)))
	x41 := v(fsm.Await(ctx, Echo.Call(6)))
	x42 := v(fsm.Await(ctx, Echo.Call(0)))
	x43 := v(fsm.Await(ctx, Echo.Call(1)))
	x44 := v(fsm.Await(ctx, Echo.Call(2)))
	x45 := v(fsm.Await(ctx, Echo.Call(3)))
	x46 := v(fsm.Await(ctx, Echo.Call(4)))
	x47 := v(fsm.Await(ctx, Echo.Call(5)))
	x48 := v(fsm.Await(ctx, Echo.Call(6)))
	x49 := v(fsm.Await(ctx, Echo.Call(0)))
	x50 := v(fsm.Await(ctx, Echo.Call(1)))
	x51 := v(fsm.Await(ctx, Echo.Call(2)))
	x52 := v(fsm.Await(ctx, Echo.Call(3)))
	x53 := v(fsm.Await(ctx, Echo.Call(4)))
	x54 := v(fsm.Await(ctx, Echo.Call(5)))
	x55 := v(fsm.Await(ctx, Echo.Call(6)))
	x56 := v(fsm.Await(ctx, Echo.Call(0)))
	x57 := v(fsm.Await(ctx, Echo.Call(1)))
	x58 := v(fsm.Await(ctx, Echo.Call(2)))
	x59 := v(fsm.Await(ctx, Echo.Call(3)))
	x60 := v(fsm.Await(ctx, Echo.Call(4)))
	x61 := v(fsm.Await(ctx, Echo.Call(5)))
	x62 := v(fsm.Await(ctx, Echo.Call(6)))
	x63 := v(fsm.Await(ctx, Echo.Call(0)))
	x64 := v(fsm.Await(ctx, Echo.Call(1)))
	x65 := v(fsm.Await(ctx, Echo.Call(2)))
	x66 := v(fsm.Await(ctx, Echo.Call(3)))
	x67 := v(fsm.Await(ctx, Echo.Call(4)))
	x68 := v(fsm.Await(ctx, Echo.Call(5)))
	x69 := v(fsm.Await(ctx, Echo.Call(6)))
	x70 := v(fsm.Await(ctx, Echo.Call(0)))
	x71 := v(fsm.Await(ctx, Echo.Call(1)))
	x72 := v(fsm.Await(ctx, Echo.Call(2)))
	x73 := v(fsm.Await(ctx, Echo.Call(3)))
	x74 := v(fsm.Await(ctx, Echo.Call(4)))
	x75 := v(fsm.Await(ctx, Echo.Call(5)))
	x76 := v(fsm.Await(ctx, Echo.Call(6)))
	x77 := v(fsm.Await(ctx, Echo.Call(0)))
	x78 := v(fsm.Await(ctx, Echo.Call(1)))
	x79 := v(fsm.Await(ctx, Echo.Call(2)))
	x80 := v(fsm.Await(ctx, Echo.Call(3)))
	x81 := v(fsm.Await(ctx, Echo.Call(4)))
	x82 := v(fsm.Await(ctx, Echo.Call(5)))
	x83 := v(fsm.Await(ctx, Echo.Call(6)))
	x84 := v(fsm.Await(ctx, Echo.Call(0)))
	x85 := v(fsm.Await(ctx, Echo.Call(1)))
	x86 := v(fsm.Await(ctx, Echo.Call(2)))
	x87 := v(fsm.Await(ctx, Echo.Call(3)))
	x88 := v(fsm.Await(ctx, Echo.Call(4)))
	x89 := v(fsm.Await(ctx, Echo.Call(5)))
	x90 := v(fsm.Await(ctx, Echo.Call(6)))
	x91 := v(fsm.Await(ctx, Echo.Call(0)))
	x92 := v(fsm.Await(ctx, Echo.Call(1)))
	x93 := v(fsm.Await(ctx, Echo.Call(2)))
	x94 := v(fsm.Await(ctx, Echo.Call(3)))
	x95 := v(fsm.Await(ctx, Echo.Call(4)))
	x96 := v(fsm.Await(ctx, Echo.Call(5)))
	x97 := v(fsm.Await(ctx, Echo.Call(6)))
	x98 := v(fsm.Await(ctx, Echo.Call(0)))
	x99 := v(fsm.Await(ctx, Echo.Call(1)))
	x100 := v(fsm.Await(ctx, Echo.Call(2)))
	x101 := v(fsm.Await(ctx, Echo.Call(3)))
	x102 := v(fsm.Await(ctx, Echo.Call(4)))
	x103 := v(fsm.Await(ctx, Echo.Call(5)))
	x104 := v(fsm.Await(ctx, Echo.Call(6)))
	x105 := v(fsm.Await(ctx, Echo.Call(0)))
	x106 := v(fsm.Await(ctx, Echo.Call(1)))
	x107 := v(fsm.Await(ctx, Echo.Call(2)))
	x108 := v(fsm.Await(ctx, Echo.Call(3)))
	x109 := v(fsm.Await(ctx, Echo.Call(4)))
	x110 := v(fsm.Await(ctx, Echo.Call(5)))
	x111 := v(fsm.Await(ctx, Echo.Call(6)))
	x112 := v(fsm.Await(ctx, Echo.Call(0)))
	x113 := v(fsm.Await(ctx, Echo.Call(1)))
	x114 := v(fsm.Await(ctx, Echo.Call(2)))
	x115 := v(fsm.Await(ctx, Echo.Call(3)))
	x116 := v(fsm.Await(ctx, Echo.Call(4)))
	x117 := v(fsm.Await(ctx, Echo.Call(5)))
	x118 := v(fsm.Await(ctx, Echo.Call(6)))
	x119 := v(fsm.Await(ctx, Echo.Call(0)))
	x120 := v(fsm.Await(ctx, Echo.Call(1)))
	x121 := v(fsm.Await(ctx, Echo.Call(2)))
	x122 := v(fsm.Await(ctx, Echo.Call(3)))
	x123 := v(fsm.Await(ctx, Echo.Call(4)))
	x124 := v(fsm.Await(ctx, Echo.Call(5)))
	x125 := v(fsm.Await(ctx, Echo.Call(6)))
	x126 := v(fsm.Await(ctx, Echo.Call(0)))
	x127 := v(fsm.Await(ctx, Echo.Call(1)))
	x128 := v(fsm.Await(ctx, Echo.Call(2)))
	x129 := v(fsm.Await(ctx, Echo.Call(3)))
	x130 := v(fsm.Await(ctx, Echo.Call(4)))
	x131 := v(fsm.Await(ctx, Echo.Call(5)))
	x132 := v(fsm.Await(ctx, Echo.Call(6)))
	x133 := v(fsm.Await(ctx, Echo.Call(0)))
	x134 := v(fsm.Await(ctx, Echo.Call(1)))
	x135 := v(fsm.Await(ctx, Echo.Call(2)))
	x136 := v(fsm.Await(ctx, Echo.Call(3)))
	x137 := v(fsm.Await(ctx, Echo.Call(4)))
	x138 := v(fsm.Await(ctx, Echo.Call(5)))
	x139 := v(fsm.Await(ctx, Echo.Call(6)))
	x140 := v(fsm.Await(ctx, Echo.Call(0)))
	x141 := v(fsm.Await(ctx, Echo.Call(1)))
	x142 := v(fsm.Await(ctx, Echo.Call(2)))
	x143 := v(fsm.Await(ctx, Echo.Call(3)))
	x144 := v(fsm.Await(ctx, Echo.Call(4)))
	x145 := v(fsm.Await(ctx, Echo.Call(5)))
	x146 := v(fsm.Await(ctx, Echo.Call(6)))
	x147 := v(fsm.Await(ctx, Echo.Call(0)))
	x148 := v(fsm.Await(ctx, Echo.Call(1)))
	x149 := v(fsm.Await(ctx, Echo.Call(2)))
	s := 0
	s += x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9
	s += x10 + x11 + x12 + x13 + x14 + x15 + x16 + x17 + x18 + x19
	s += x20 + x21 + x22 + x23 + x24 + x25 + x26 + x27 + x28 + x29
	s += x30 + x31 + x32 + x33 + x34 + x35 + x36 + x37 + x38 + x39
	s += x40 + x41 + x42 + x43 + x44 + x45 + x46 + x47 + x48 + x49
	s += x50 + x51 + x52 + x53 + x54 + x55 + x56 + x57 + x58 + x59
	s += x60 + x61 + x62 + x63 + x64 + x65 + x66 + x67 + x68 + x69
	s += x70 + x71 + x72 + x73 + x74 + x75 + x76 + x77 + x78 + x79
	s += x80 + x81 + x82 + x83 + x84 + x85 + x86 + x87 + x88 + x89
	s += x90 + x91 + x92 + x93 + x94 + x95 + x96 + x97 + x98 + x99
	s += x100 + x101 + x102 + x103 + x104 + x105 + x106 + x107 + x108 + x109
	s += x110 + x111 + x112 + x113 + x114 + x115 + x116 + x117 + x118 + x119
	s += x120 + x121 + x122 + x123 + x124 + x125 + x126 + x127 + x128 + x129
	s += x130 + x131 + x132 + x133 + x134 + x135 + x136 + x137 + x138 + x139
	s += x140 + x141 + x142 + x143 + x144 + x145 + x146 + x147 + x148 + x149
	return s, nil
}

// BigLoop awaits 5000 times in a loop.
//
//fsmgen:job
func BigLoop(ctx fsm.Context, n int) (int, error) {
	s := 0
	for i := range n {
		s += v(fsm.Await(ctx, Echo.Call(i%3)))
	}
	return s, nil
}

// BigBranches has 300 if statements that each await in one branch.
//
//fsmgen:job
func BigBranches(ctx fsm.Context, k int) (int, error) {
	s := 0
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 0
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 1
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 2
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 0
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 1
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 2
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 0
	}
	if k%6 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 1
	}
	if k%2 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(0)))
	} else {
		s -= 2
	}
	if k%3 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(1)))
	} else {
		s -= 0
	}
	if k%4 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(2)))
	} else {
		s -= 1
	}
	if k%5 == 0 {
		s += v(fsm.Await(ctx, Echo.Call(3)))
	} else {
		s -= 2
	}
	return s, nil
}
