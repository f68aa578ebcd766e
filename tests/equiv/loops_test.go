package equiv

import (
	"testing"
	"time"

	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

var loopCases = []jobCase{
	{name: "ForBody/5", job: ForBody, args: in(5), want: out(10, nil), awaits: 5},
	{name: "ForBody/0", job: ForBody, args: in(0), want: out(0, nil), awaits: 0},
	{name: "ForCond/3", job: ForCond, args: in(3), want: out(3, nil), awaits: 4},
	{name: "ForCond/0", job: ForCond, args: in(0), want: out(0, nil), awaits: 1},
	{name: "ForPost/4", job: ForPost, args: in(4), want: out(6, nil), awaits: 4},
	{name: "ForPost/0", job: ForPost, args: in(0), want: out(0, nil), awaits: 0},
	{name: "ForPostOpAssign", job: ForPostOpAssign, args: in(10), want: out(4, nil), awaits: 4},
	{name: "ForInit", job: ForInit, want: out(9, nil), awaits: 1},
	{name: "ForAll", job: ForAll, want: out(30, nil), awaits: 11},
	{name: "ForCondOnly/4", job: ForCondOnly, args: in(4), want: out(400, nil), awaits: 4},
	{name: "ForCondOnly/-1", job: ForCondOnly, args: in(-1), want: out(-1, nil), awaits: 0},
	{name: "ForCondOnlyAwait/1", job: ForCondOnlyAwait, args: in(1), want: out(10, nil), awaits: 4},
	{name: "ForCondOnlyAwait/12", job: ForCondOnlyAwait, args: in(12), want: out(12, nil), awaits: 1},
	{name: "ForInfinite", job: ForInfinite, want: out(3, nil), awaits: 4},
	{name: "ForInfiniteReturn/20", job: ForInfiniteReturn, args: in(20), want: out(21, nil), awaits: 3},
	{name: "ForInfiniteReturn/0", job: ForInfiniteReturn, args: in(0), want: out(7, nil), awaits: 1},
	{name: "ForNested", job: ForNested, args: in(3, 4), want: out(66, nil), awaits: 12},
	{name: "ForTriangle/4", job: ForTriangle, args: in(4), want: out([]int{0, 1, 3, 6}, nil), awaits: 6},
	{name: "ForTriangle/0", job: ForTriangle, args: in(0), want: out([]int(nil), nil), awaits: 0},
	{name: "ForNestedThree", job: ForNestedThree, want: out(1332, nil), awaits: 16},
	{name: "ForPerIteration", job: ForPerIteration, want: out([]int{0, 11, 22}, nil), awaits: 3},
	{name: "ForPerIterationModified", job: ForPerIterationModified, want: out([]int{2, 5, 8, 11}, nil), awaits: 4},
	{name: "ForContinue", job: ForContinue, args: in(6), want: out(9, nil), awaits: 6},
	{name: "ForContinuePost", job: ForContinuePost, want: out(4, nil), awaits: 4},
	{name: "ForBreakAfterAwait", job: ForBreakAfterAwait, want: out(4, 14, nil), awaits: 9},
	{name: "ForCondShortCircuit/10", job: ForCondShortCircuit, args: in(10), want: out(3, nil), awaits: 4},
	{name: "ForCondShortCircuit/2", job: ForCondShortCircuit, args: in(2), want: out(2, nil), awaits: 2},
	{name: "ManyAwaits", job: ManyAwaits, args: in(5000), want: out(12497500, nil), awaits: 5000},
	{name: "ManyAwaitsNested", job: ManyAwaitsNested, args: in(50, 40), want: out(49000, nil), awaits: 2000},
	{name: "ForGrowing/3", job: ForGrowing, args: in(3), want: out([]string{"a", "b", "c"}, nil), awaits: 3},
	{name: "ForGrowing/0", job: ForGrowing, args: in(0), want: out([]string(nil), nil), awaits: 0},
	{name: "ForBodyVarReset", job: ForBodyVarReset, want: out([]int{101, 111, 121}, nil), awaits: 6},
}

// TestManyAwaitsFast checks that 5000 suspensions, each round-tripped through
// bytes, stay well under two seconds.
func TestManyAwaitsFast(t *testing.T) {
	start := time.Now()
	res := fsmtest.Check(t, ManyAwaits, 5000)
	elapsed := time.Since(start)
	if res.Awaits != 5000 {
		t.Errorf("Awaits = %d, want 5000", res.Awaits)
	}
	if limit := 2 * time.Second * raceSlowdown; elapsed > limit {
		t.Errorf("5000 awaits took %v, more than %v", elapsed, limit)
	}
}
