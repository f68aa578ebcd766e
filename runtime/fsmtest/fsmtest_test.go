package fsmtest_test

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

// fakeTB records what Check reports instead of failing the test.
type fakeTB struct {
	testing.TB
	errors []string
	fatals []string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Error(args ...any) { f.errors = append(f.errors, fmt.Sprint(args...)) }
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (f *fakeTB) Fatal(args ...any) {
	f.fatals = append(f.fatals, fmt.Sprint(args...))
	runtime.Goexit()
}
func (f *fakeTB) FailNow() {
	f.fatals = append(f.fatals, "FailNow")
	runtime.Goexit()
}
func (f *fakeTB) Fail()        { f.errors = append(f.errors, "Fail") }
func (f *fakeTB) Failed() bool { return len(f.errors)+len(f.fatals) > 0 }

// check runs Check against a fakeTB in a goroutine of its own, so that Fatalf
// can stop it.
func check(t *testing.T, job any, args ...any) (*fakeTB, fsmtest.Result) {
	t.Helper()
	f := &fakeTB{TB: t}
	var r fsmtest.Result
	done := make(chan struct{})
	go func() {
		defer close(done)
		r = fsmtest.Check(f, job, args...)
	}()
	<-done
	for _, m := range f.errors {
		t.Logf("Errorf: %s", m)
	}
	for _, m := range f.fatals {
		t.Logf("Fatalf: %s", m)
	}
	return f, r
}

// wantErrors fails t unless Check reported errors (not a fatal) and, for each
// of want, one of them contains it.
func wantErrors(t *testing.T, f *fakeTB, want ...string) {
	t.Helper()
	if len(f.fatals) > 0 {
		t.Errorf("Check stopped the test: %q", f.fatals)
	}
	if len(f.errors) == 0 {
		t.Fatalf("Check reported nothing, want errors containing %q", want)
	}
	for _, w := range want {
		if !containsAny(f.errors, w) {
			t.Errorf("no error contains %q", w)
		}
	}
}

// wantFatal fails t unless Check stopped the test with a message holding each
// of want.
func wantFatal(t *testing.T, f *fakeTB, want ...string) {
	t.Helper()
	if len(f.fatals) != 1 {
		t.Fatalf("Check called Fatalf %d times, want once", len(f.fatals))
	}
	for _, w := range want {
		if !strings.Contains(f.fatals[0], w) {
			t.Errorf("the fatal message does not contain %q", w)
		}
	}
}

func wantPass(t *testing.T, f *fakeTB) {
	t.Helper()
	if f.Failed() {
		t.Errorf("Check failed a correct machine")
	}
}

func containsAny(msgs []string, s string) bool {
	for _, m := range msgs {
		if strings.Contains(m, s) {
			return true
		}
	}
	return false
}

func wantResult(t *testing.T, r fsmtest.Result, awaits int, values ...any) {
	t.Helper()
	if r.Awaits != awaits {
		t.Errorf("Awaits = %d, want %d", r.Awaits, awaits)
	}
	if !reflect.DeepEqual(r.Values, values) {
		t.Errorf("Values = %#v, want %#v", r.Values, values)
	}
}

func TestCorrectMachine(t *testing.T) {
	// Against the real testing.T: a correct machine passes.
	r := fsmtest.Check(t, sumDoubles, 4)
	wantResult(t, r, 4, 12, nil)

	for n := range 4 {
		f, r := check(t, sumDoubles, n)
		wantPass(t, f)
		wantResult(t, r, n, n*(n-1), nil)
	}
}

func TestWrongResult(t *testing.T) {
	f, r := check(t, sumDoublesWrongResult, 3)
	wantErrors(t, f, "result 0 (int): the plain function returned 6, the machine 7")
	if len(f.errors) != 1 {
		t.Errorf("%d errors, want 1", len(f.errors))
	}
	wantResult(t, r, 3, 6, nil) // the plain run's values
}

func TestWrongOpArgument(t *testing.T) {
	f, _ := check(t, sumDoublesWrongArg, 3)
	wantErrors(t, f, `await #2: the plain function awaits activity "fsmtest.double" with argument 1, the machine activity "fsmtest.double" with argument 7`)
}

func TestManyWrongOps(t *testing.T) {
	f, _ := check(t, sumDoublesShifted, 8)
	wantErrors(t, f, "await #5:", "8 awaited ops differ in all, 3 not shown")
	if containsAny(f.errors, "await #6:") {
		t.Errorf("more than 5 differing ops described")
	}
}

func TestExtraAwait(t *testing.T) {
	f, r := check(t, sumDoublesExtraAwait, 2)
	wantErrors(t, f,
		"await #3: the machine awaits activity \"fsmtest.double\" with argument 2, but the plain function returned after 2 awaits",
		"the plain function awaited 2 ops, the machine 3")
	if r.Awaits != 3 {
		t.Errorf("Awaits = %d, want 3", r.Awaits)
	}
}

func TestStateLosesVariable(t *testing.T) {
	f, _ := check(t, sumDoublesDropVar, 3)
	wantErrors(t, f,
		"await #3 (state 1): the state changes in a round trip",
		"variable total (int) was 2, then 0",
		"result 0 (int)")
}

func TestRunawayMachine(t *testing.T) {
	f, _ := check(t, sumDoublesRunaway, 3)
	wantErrors(t, f, "the machine suspended more than 1030 times")
}

func TestNoMachine(t *testing.T) {
	f, _ := check(t, unregistered, 3)
	wantFatal(t, f, "fsmtest_test.unregistered", "no state machine", "go generate", "fsmgen ./...")
}

func TestNoMachineForInstantiation(t *testing.T) {
	f, _ := check(t, unregisteredGeneric[int], 3)
	wantFatal(t, f, "unregisteredGeneric[...]", "this instantiation of a generic job", "var _ = Job[T]")
}

func unregisteredGeneric[T any](ctx fsm.Context, x T) (T, error) { return x, nil }

func TestBadArguments(t *testing.T) {
	f, _ := check(t, sumDoubles, "three")
	wantFatal(t, f, "argument 1", "string", "int")

	f, _ = check(t, sumDoubles)
	wantFatal(t, f, "the job takes 1 argument after its fsm.Context, of types (int); Check got 0")

	f, _ = check(t, sumDoubles, 1, 2)
	wantFatal(t, f, "Check got 2")

	f, _ = check(t, sumDoubles, 2.5)
	wantFatal(t, f, "float64")

	f, _ = check(t, 42)
	wantFatal(t, f, "not a job function")

	f, _ = check(t, sumAll)
	wantFatal(t, f, "at least 1 argument after its fsm.Context, of types (int64, ...int64); Check got 0")
}

func TestArgumentConversion(t *testing.T) {
	// 2.0 is an untyped-constant-like float64 that is a whole int.
	f, r := check(t, sumDoubles, 2.0)
	wantPass(t, f)
	wantResult(t, r, 2, 2, nil)
}

func TestPanics(t *testing.T) {
	// No panic: an ordinary run.
	f, r := check(t, panicky, 1)
	wantPass(t, f)
	wantResult(t, r, 1, 2, nil)

	// Both runs panic alike: Check passes and returns no values.
	f, r = check(t, panicky, 5)
	wantPass(t, f)
	wantResult(t, r, 1)

	f, _ = check(t, panickyOtherValue, 5)
	wantErrors(t, f, "the plain function panicked with too big: 10, the machine with too large: 10")

	f, _ = check(t, panickyNoPanic, 5)
	wantErrors(t, f, "the plain function panicked with too big: 10, the machine returned (10, nil)")

	f, _ = check(t, panickyNoPoison, 5)
	wantErrors(t, f, "fsm.StatePoisoned", "not fsm.ErrPoisoned")
}

func TestErrorsComparedByText(t *testing.T) {
	// The plain run gets the activity's own error, the machine an
	// *fsm.ActivityError restored from its text: they are equal.
	f, r := check(t, halve, 3)
	wantPass(t, f)
	if len(r.Values) != 2 || r.Values[1] == nil || r.Values[1].(error).Error() != "3 is odd" {
		t.Errorf("Values = %#v, want (0, 3 is odd)", r.Values)
	}

	f, _ = check(t, halve, 4)
	wantPass(t, f)

	f, _ = check(t, halveErrText, 3)
	wantErrors(t, f, `result 1 (error): the plain function returned error "3 is odd" (*errors.errorString), the machine error "halve: 3 is odd" (*fmt.wrapError)`)

	f, _ = check(t, halveNilErr, 3)
	wantErrors(t, f, `result 1 (error): the plain function returned error "3 is odd" (*errors.errorString), the machine nil`)
}

func TestMethodExpression(t *testing.T) {
	r := fsmtest.Check(t, Counter.Count, Counter{Start: 100}, 3)
	wantResult(t, r, 3, 106, nil)

	f, _ := check(t, Counter.Count, 100, 3)
	wantFatal(t, f, "argument 1", "fsmtest_test.Counter")
}

func TestVariadic(t *testing.T) {
	// Untyped-constant-like ints convert to int64, one by one.
	r := fsmtest.Check(t, sumAll, 10, 1, 2, 3)
	wantResult(t, r, 3, int64(19), false, nil)

	// No variadic values: both runs get a nil slice, as in a Go call.
	r = fsmtest.Check(t, sumAll, int64(10))
	wantResult(t, r, 0, int64(10), true, nil)
}

var _ fsm.Machine = (*sumDoublesMachine)(nil)
