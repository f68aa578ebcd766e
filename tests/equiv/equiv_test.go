package equiv

import (
	"testing"

	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

// TestEquiv runs every job through fsmtest.Check: as its plain function and as
// its generated machine, round-tripped through bytes at every suspension. Check
// fails on any difference between the two; on top of that the machine must
// suspend exactly as often as worked out by hand, and the results must be the
// hand-worked ones.
func TestEquiv(t *testing.T) {
	for _, c := range allCases() {
		t.Run(c.name, func(t *testing.T) {
			resetRecords()
			res := fsmtest.Check(t, c.job, cloneArgs(c.args)...)
			if res.Awaits != c.awaits {
				t.Errorf("%s: the machine suspended %d times, want %d", describe(c), res.Awaits, c.awaits)
			}
			checkValues(t, res.Values, c.want)
			// Record runs once in the plain run and once per decoded op in the
			// machine run.
			checkRecords(t, c, 2)
		})
	}
}

// A few Checks spelled out, as a user of the corpus would write them.

func TestCheckCounter(t *testing.T) {
	res := fsmtest.Check(t, Counter.Count, Counter{Base: 3}, 4)
	if res.Awaits != 4 {
		t.Errorf("Awaits = %d, want 4", res.Awaits)
	}
	if len(res.Values) != 2 || res.Values[0] != 9 || res.Values[1] != nil {
		t.Errorf("Values = %v, want [9 <nil>]", res.Values)
	}
}

func TestCheckSumVariadic(t *testing.T) {
	if res := fsmtest.Check(t, Sum, 1, 2, 3, 4); res.Awaits != 4 {
		t.Errorf("Sum(1, 2, 3, 4): Awaits = %d, want 4", res.Awaits)
	}
	if res := fsmtest.Check(t, Sum); res.Awaits != 0 {
		t.Errorf("Sum(): Awaits = %d, want 0", res.Awaits)
	}
}

func TestCheckLazySwitch(t *testing.T) {
	// The first case matches: the awaits of the later cases must not run.
	if res := fsmtest.Check(t, SwitchLazyCases, 1); res.Awaits != 1 {
		t.Errorf("Awaits = %d, want 1", res.Awaits)
	}
}

func TestCheckShortCircuit(t *testing.T) {
	if res := fsmtest.Check(t, ExprAndAnd, false); res.Awaits != 0 {
		t.Errorf("false && await: Awaits = %d, want 0", res.Awaits)
	}
	if res := fsmtest.Check(t, ExprOrOr, true); res.Awaits != 0 {
		t.Errorf("true || await: Awaits = %d, want 0", res.Awaits)
	}
}
