package equiv

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// jobCase is one run of a job: its arguments (as fsmtest.Check takes them:
// receiver first for a method, variadic values one by one), its results as
// worked out by hand (the error last, when the job returns one) and the exact
// number of awaits.
type jobCase struct {
	name    string
	job     any
	args    []any
	want    []any
	awaits  int
	records []string // what one run appends to the equiv.record log, in order
}

// in and out build argument and result lists.
func in(xs ...any) []any  { return xs }
func out(xs ...any) []any { return xs }

// allCases lists the cases of every file of the corpus.
func allCases() []jobCase {
	var all []jobCase
	for _, cs := range [][]jobCase{
		sequenceCases, resultCases, branchCases, loopCases, rangeCases,
		switchCases, jumpCases, exprCases, valueCases, methodCases, scopeCases,
		panicCases, memoryCases, pkgNameCases, constCases, dotCases, typeSwitchCases, kindCases,
		composeCases, deferCases, closureCases, genericCases,
	} {
		all = append(all, cs...)
	}
	return all
}

func TestCaseNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range allCases() {
		if seen[c.name] {
			t.Errorf("case %q listed twice", c.name)
		}
		seen[c.name] = true
	}
}

// sameValue compares a result with its expected value: errors by text, other
// values by type and Go syntax (%#v), which tells NaN from NaN-less values, -0
// from 0, nil from empty, and prints maps in key order.
func sameValue(got, want any) bool {
	ge, gIsErr := got.(error)
	we, wIsErr := want.(error)
	if gIsErr || wIsErr {
		return gIsErr && wIsErr && ge.Error() == we.Error()
	}
	if reflect.TypeOf(got) != reflect.TypeOf(want) {
		return false
	}
	return fmt.Sprintf("%#v", got) == fmt.Sprintf("%#v", want)
}

func show(v any) string {
	if err, ok := v.(error); ok {
		return fmt.Sprintf("error %q", err.Error())
	}
	return fmt.Sprintf("%T %#v", v, v)
}

func checkValues(t *testing.T, got, want []any) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d results %v, want %d %v", len(got), got, len(want), want)
		return
	}
	for i := range want {
		if !sameValue(got[i], want[i]) {
			t.Errorf("result %d: got %s, want %s", i, show(got[i]), show(want[i]))
		}
	}
}

// checkRecords checks that the equiv.record log holds runs copies of the
// case's records.
func checkRecords(t *testing.T, c jobCase, runs int) {
	t.Helper()
	var want []string
	for range runs {
		want = append(want, c.records...)
	}
	if got := recordLog(); !slices.Equal(got, want) {
		t.Errorf("equiv.record log: got %q, want %q", got, want)
	}
}

// runDirect calls the job as a plain function under a direct context and
// returns its results and the number of ops it awaited.
func runDirect(t *testing.T, job any, args []any) ([]any, int) {
	t.Helper()
	fn := reflect.ValueOf(job)
	ft := fn.Type()
	awaits := 0
	ctx := fsm.DirectObserved(context.Background(), func(fsm.AnyOp) { awaits++ }, func(op fsm.AnyOp, o fsm.Outcome) {
		roundTripOp(t, op, o)
	})
	ctxType := reflect.TypeFor[fsm.Context]()
	var vals []reflect.Value
	for _, a := range args {
		i := len(vals)
		if i < ft.NumIn() && ft.In(i) == ctxType {
			vals = append(vals, reflect.ValueOf(ctx))
			i++
		}
		var pt reflect.Type
		if ft.IsVariadic() && i >= ft.NumIn()-1 {
			pt = ft.In(ft.NumIn() - 1).Elem()
		} else {
			pt = ft.In(i)
		}
		if a == nil {
			vals = append(vals, reflect.Zero(pt))
		} else {
			vals = append(vals, reflect.ValueOf(a))
		}
	}
	if len(vals) < ft.NumIn() && ft.In(len(vals)) == ctxType {
		vals = append(vals, reflect.ValueOf(ctx))
	}
	res := fn.Call(vals)
	got := make([]any, len(res))
	for i, r := range res {
		got[i] = r.Interface()
	}
	return got, awaits
}

func describe(c jobCase) string {
	s := make([]string, len(c.args))
	for i, a := range c.args {
		s[i] = fmt.Sprintf("%#v", a)
	}
	return fmt.Sprintf("%s(%s)", c.name, strings.Join(s, ", "))
}

// cloneArgs deep-copies args (through the runtime's codec, which every
// argument of the corpus goes through anyway), so that a job that changes its
// arguments in place (RangeSliceModifyCurrent, RangeNestedShared) leaves the
// case table as it was for the next run.
func cloneArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = a
		rv := reflect.ValueOf(a)
		if !rv.IsValid() {
			continue
		}
		switch rv.Kind() {
		case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Struct, reflect.Array:
		default:
			continue
		}
		b, err := fsm.Marshal(a)
		if err != nil {
			continue
		}
		p := reflect.New(rv.Type())
		if fsm.Unmarshal(b, p.Interface()) == nil && reflect.DeepEqual(p.Elem().Interface(), a) {
			out[i] = p.Elem().Interface()
		}
	}
	return out
}

// roundTripOp stores op and its outcome the way a driver does and checks that
// both come back: the corpus must only await ops the runtime can store.
func roundTripOp(t *testing.T, op fsm.AnyOp, o fsm.Outcome) {
	t.Helper()
	enc, err := fsm.EncodeOp(op)
	if err != nil {
		t.Errorf("EncodeOp(%v): %v", op, err)
		return
	}
	dec, err := fsm.DecodeOp(enc)
	if err != nil {
		t.Errorf("DecodeOp(%v): %v", op, err)
		return
	}
	out, err := fsm.EncodeOutcome(op, o)
	if err != nil {
		t.Errorf("EncodeOutcome(%v): %v", op, err)
		return
	}
	o2, err := fsm.DecodeOutcome(dec, out)
	if err != nil {
		t.Errorf("DecodeOutcome(%v): %v", op, err)
		return
	}
	if !sameValue(o2.Value(), o.Value()) || !sameValue(o2.Err(), o.Err()) {
		t.Errorf("%v: outcome %v, %v came back as %v, %v", op, o.Value(), o.Err(), o2.Value(), o2.Err())
	}
}

// roundTripValues stores each result as a machine stores a variable and checks
// that it comes back the same: the corpus must only hold values the runtime
// can store.
func roundTripValues(t *testing.T, vals []any) {
	t.Helper()
	for i, val := range vals {
		if val == nil {
			continue
		}
		if _, isErr := val.(error); isErr {
			continue
		}
		b, err := fsm.Marshal(val)
		if err != nil {
			t.Errorf("result %d (%T): Marshal: %v", i, val, err)
			continue
		}
		p := reflect.New(reflect.TypeOf(val))
		if err := fsm.Unmarshal(b, p.Interface()); err != nil {
			t.Errorf("result %d (%T): Unmarshal: %v", i, val, err)
			continue
		}
		if back := p.Elem().Interface(); !sameValue(back, val) {
			t.Errorf("result %d: %s came back as %s", i, show(val), show(back))
		}
	}
}
