package equiv

import (
	"errors"
	"testing"

	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

var deferCases = []jobCase{
	{name: "DeferOrder", job: DeferOrder, args: in(2), want: out("30 third(3,30) second(2) first", nil), awaits: 2},
	{name: "DeferRecover/ok", job: DeferRecover, args: in(1), want: out(2, nil), awaits: 1},
	{name: "DeferRecover/late", job: DeferRecover, args: in(7), want: out(7, errors.New("recovered: runtime error: index out of range [7] with length 3")), awaits: 1},
	{name: "DeferRecover/early", job: DeferRecover, args: in(-2), want: out(0, errors.New("recovered: negative -2")), awaits: 0},
	{name: "DeferPanics/ok", job: DeferPanics, args: in(0), want: out(0, nil), awaits: 1},
	{name: "DeferMethods", job: DeferMethods, args: in(1), want: out("2 value(7) value(1) final(102,8)", nil), awaits: 1},
	{name: "DeferStd", job: DeferStd, args: in([]int{5, 1, 9}), want: out([]int{1, 5, 9}, map[string]int{"b": 2, "c": 3}), awaits: 1},
	{name: "DeferCount/bare", job: DeferCount, args: in(3), want: out(6), awaits: 3},
	{name: "DeferCount/early", job: DeferCount, args: in(6), want: out(2030), awaits: 6},
	{name: "DeferCount/none", job: DeferCount, args: in(0), want: out(0), awaits: 0},
	{name: "DeferLate/neg", job: DeferLate, args: in(-1), want: out("neg", nil), awaits: 0},
	{name: "DeferLate/zero", job: DeferLate, args: in(0), want: out("zero", nil), awaits: 1},
	{name: "DeferLate/on", job: DeferLate, args: in(2), want: out("[3]", nil), awaits: 2},
	{name: "DeferForms", job: DeferForms, args: in(2), want: out("6  value(2)[2 3]", nil), awaits: 1},
	{name: "withCleanup", job: withCleanup, args: in(2), want: out(1004, nil), awaits: 1},
	{name: "DeferNested", job: DeferNested, args: in(3), want: out(-1007, nil), awaits: 2},
	{name: "DeferUnnamed/ok", job: DeferUnnamed, args: in(1), want: out("x", 2), awaits: 1},
	{name: "DeferUnnamed/recovered", job: DeferUnnamed, args: in(7), want: out("", 0), awaits: 1},
}

// TestDeferPanicsRunsDefers checks that a panic that is not recovered still
// runs the deferred calls registered before the await, in both runs.
func TestDeferPanicsRunsDefers(t *testing.T) {
	resetTrace()
	res := fsmtest.Check(t, DeferPanics, 3)
	if res.Awaits != 1 || res.Values != nil {
		t.Errorf("Check = %+v, want 1 await and a panic", res)
	}
	if got := traceStr(); got != "deferred,deferred" {
		t.Errorf("trace = %q, want the deferred call once in each run", got)
	}
}
