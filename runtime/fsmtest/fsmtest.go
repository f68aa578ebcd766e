package fsmtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Result is what Check found out about a job.
type Result struct {
	// Values holds the job's results in order, as the plain function returned
	// them, the error last (nil when none). It is nil when the job panicked.
	Values []any
	// Awaits is how many times the state machine suspended.
	Awaits int
}

// maxOpMismatches is how many differing ops Check describes one by one.
const maxOpMismatches = 5

// Check runs job with args as its plain function and as its generated state
// machine, round-tripping the machine through bytes at every suspension, and
// fails t when the two runs differ. See the package documentation for what is
// compared and how args are passed.
//
// job is a job function value (a generic job instantiated, e.g. Job[string]) or
// a method expression (Counter.Count) with the receiver as the first of args.
func Check(t testing.TB, job any, args ...any) Result {
	t.Helper()
	fn := reflect.ValueOf(job)
	if job == nil || fn.Kind() != reflect.Func {
		t.Fatalf("fsmtest.Check: the job is %T, not a job function", job)
		return Result{}
	}
	if fn.IsNil() {
		t.Fatalf("fsmtest.Check: the job is a nil %T", job)
		return Result{}
	}
	name := funcName(fn)
	info, ok := fsm.LookupJob(job)
	if !ok && strings.HasSuffix(name, "[...]") {
		t.Fatalf("fsmtest.Check(%s): no state machine is registered for this instantiation of a generic job; fsmgen registers the instantiations its package makes, in its code and its tests: run fsmgen on the package again (go generate), or name the instantiation once in the job's package (var _ = Job[T])", name)
		return Result{}
	}
	if !ok {
		t.Fatalf("fsmtest.Check(%s): no state machine is registered for this job; mark it //fsmgen:job and run fsmgen on its package (go generate, or fsmgen ./... from the module root)", name)
		return Result{}
	}
	if info.Name != "" {
		name = info.Name
	}
	if info.New == nil || info.Zero == nil {
		t.Fatalf("fsmtest.Check(%s): the registered JobInfo lacks New or Zero", name)
		return Result{}
	}
	c, err := prepareCall(fn, args)
	if err != nil {
		t.Fatalf("fsmtest.Check(%s): %v", name, err)
		return Result{}
	}
	ch := &checker{t: t, name: name, info: info}
	// The machine's arguments are copied before the plain run, which may
	// change what its arguments point to.
	margs := c.machineArgs()
	plain := runPlain(c)
	mach := ch.runMachine(margs, plain)
	ch.compare(fn.Type(), plain, mach)
	return Result{Values: plain.values, Awaits: mach.awaits}
}

func funcName(fn reflect.Value) string {
	if f := runtime.FuncForPC(fn.Pointer()); f != nil {
		return f.Name()
	}
	return fn.Type().String()
}

// recordedOp is an op the plain run awaited.
type recordedOp struct {
	op  fsm.AnyOp
	enc []byte // its stored form, when err is nil
	err error  // from fsm.EncodeOp
}

type plainRun struct {
	ops        []recordedOp
	values     []any
	panicked   bool
	panicValue any
}

// runPlain runs the job's plain function under a direct context that records
// every awaited op.
func runPlain(c *call) (r plainRun) {
	var mu sync.Mutex // in case the job awaits from several goroutines
	before := func(op fsm.AnyOp) {
		b, err := fsm.EncodeOp(op)
		mu.Lock()
		r.ops = append(r.ops, recordedOp{op: op, enc: b, err: err})
		mu.Unlock()
	}
	ctx := fsm.DirectObserved(context.Background(), before, nil)
	returned := false
	defer func() {
		if !returned {
			r.panicValue = recover()
			r.panicked = true
		}
	}()
	out := c.run(ctx)
	returned = true
	r.values = make([]any, len(out))
	for i, v := range out {
		r.values[i] = v.Interface()
	}
	return r
}

type machineRun struct {
	awaits     int
	finished   bool  // returned normally: results is valid
	results    []any // Machine.Results
	panicked   bool
	panicValue any
	aborted    bool // stopped early on a reported failure
}

// checker reports the failures of one Check.
type checker struct {
	t          testing.TB
	name       string
	info       *fsm.JobInfo
	mismatches int // differing ops
}

func (ch *checker) errorf(format string, args ...any) {
	ch.t.Helper()
	ch.t.Errorf("fsmtest.Check(%s): "+format, append([]any{ch.name}, args...)...)
}

// runMachine drives the job's machine to its end, through bytes at every
// suspension, comparing each op it awaits with the plain run's.
func (ch *checker) runMachine(margs []any, plain plainRun) (r machineRun) {
	ch.t.Helper()
	ctx := context.Background()
	mctx := fsm.MachineContext(ctx)
	var m fsm.Machine
	var err error
	if p, panicked := catch(func() { m, err = ch.info.New(margs) }); panicked {
		ch.errorf("JobInfo.New panicked: %v", p)
		r.aborted = true
		return r
	}
	if err != nil || m == nil {
		ch.errorf("JobInfo.New returned (%v, %v)", m, err)
		r.aborted = true
		return r
	}
	limit := 10*len(plain.ops) + 1000
	var in fsm.Outcome
	for {
		op, pv, panicked, err := resume(m, mctx, in)
		if panicked {
			r.panicked, r.panicValue = true, pv
			ch.checkPoisoned(m)
			return r
		}
		if err != nil {
			ch.errorf("Resume after %d awaits: %v", r.awaits, err)
			r.aborted = true
			return r
		}
		if op == nil {
			break
		}
		r.awaits++
		if r.awaits > limit {
			ch.errorf("the machine suspended more than %d times, the plain function awaited %d ops; stopping it", limit, len(plain.ops))
			r.aborted = true
			return r
		}
		m, in, pv, panicked = ch.suspension(m, op, r.awaits, plain)
		if panicked { // the op panicked when run
			r.panicked, r.panicValue = true, pv
			return r
		}
		if m == nil {
			r.aborted = true
			return r
		}
	}
	r.finished = true
	if s := m.State(); s != fsm.StateDone {
		ch.errorf("the machine returned but its State is %d, not fsm.StateDone", s)
	}
	if p, panicked := catch(func() { r.results = m.Results() }); panicked {
		ch.errorf("Results panicked: %v", p)
		r.finished = false
	}
	op, pv, panicked, err := resume(m, mctx, fsm.Outcome{})
	switch {
	case panicked:
		ch.errorf("resuming the finished machine panicked (%v); it must return fsm.ErrFinished", pv)
	case op != nil || !errors.Is(err, fsm.ErrFinished):
		ch.errorf("resuming the finished machine returned (%v, %v), not fsm.ErrFinished", op, err)
	}
	return r
}

// suspension handles the n-th suspension of m on op: it checks op against the
// plain run, encodes the state and the op, decodes them into a fresh machine
// and op, runs that op and round-trips its outcome. It returns the fresh
// machine and the outcome to resume it with, or a nil machine after a reported
// failure, or the value the op panicked with.
func (ch *checker) suspension(m fsm.Machine, op fsm.AnyOp, n int, plain plainRun) (fsm.Machine, fsm.Outcome, any, bool) {
	ch.t.Helper()
	state := m.State()
	if state <= 0 {
		ch.errorf("await #%d: the machine is suspended but its State is %d, not an await number", n, state)
	}
	at := fmt.Sprintf("await #%d (state %d)", n, state)

	ob, err := fsm.EncodeOp(op)
	if err != nil {
		ch.errorf("%s: the op %v cannot be stored: %v", at, op, err)
		return nil, fsm.Outcome{}, nil, false
	}
	ch.compareOp(n, op, ob, plain)

	var b []byte
	if p, panicked := catch(func() { b, err = m.MarshalCBOR() }); panicked {
		ch.errorf("%s: MarshalCBOR panicked: %v", at, p)
		return nil, fsm.Outcome{}, nil, false
	}
	if err != nil {
		ch.errorf("%s: MarshalCBOR: %v", at, err)
		return nil, fsm.Outcome{}, nil, false
	}
	m2 := ch.info.Zero()
	if m2 == nil {
		ch.errorf("JobInfo.Zero returned a nil machine")
		return nil, fsm.Outcome{}, nil, false
	}
	if p, panicked := catch(func() { err = m2.UnmarshalCBOR(b) }); panicked {
		ch.errorf("%s: UnmarshalCBOR of the machine's own state panicked: %v", at, p)
		return nil, fsm.Outcome{}, nil, false
	}
	if err != nil {
		ch.errorf("%s: UnmarshalCBOR of the machine's own state: %v", at, err)
		return nil, fsm.Outcome{}, nil, false
	}
	if s := m2.State(); s != state {
		ch.errorf("%s: the decoded machine's State is %d", at, s)
	}
	var b2 []byte
	if p, panicked := catch(func() { b2, err = m2.MarshalCBOR() }); panicked {
		ch.errorf("%s: MarshalCBOR of the decoded machine panicked: %v", at, p)
		return nil, fsm.Outcome{}, nil, false
	}
	if err != nil {
		ch.errorf("%s: MarshalCBOR of the decoded machine: %v", at, err)
		return nil, fsm.Outcome{}, nil, false
	}
	if !bytes.Equal(b, b2) {
		ch.errorf("%s: the state changes in a round trip (MarshalCBOR, UnmarshalCBOR into a fresh machine, MarshalCBOR): %s", at, ch.stateDiff(state, b, b2))
	}

	op2, err := fsm.DecodeOp(ob)
	if err != nil {
		ch.errorf("%s: decoding the op %v: %v", at, op, err)
		return nil, fsm.Outcome{}, nil, false
	}
	if ob2, err := fsm.EncodeOp(op2); err != nil || !bytes.Equal(ob, ob2) {
		ch.errorf("%s: the op %v changes in a round trip (EncodeOp, DecodeOp, EncodeOp): %s, then %s (error %v)", at, op, diag(ob), diag(ob2), err)
	}
	var out fsm.Outcome
	if p, panicked := catch(func() { out = fsm.RunOp(context.Background(), op2) }); panicked {
		return nil, fsm.Outcome{}, p, true
	}
	outb, err := fsm.EncodeOutcome(op2, out)
	if err != nil {
		ch.errorf("%s: storing the outcome of %v: %v", at, op2, err)
		return nil, fsm.Outcome{}, nil, false
	}
	in, err := fsm.DecodeOutcome(op2, outb)
	if err != nil {
		ch.errorf("%s: loading the outcome of %v: %v", at, op2, err)
		return nil, fsm.Outcome{}, nil, false
	}
	return m2, in, nil, false
}

// compareOp compares the n-th op the machine awaits with the plain run's.
func (ch *checker) compareOp(n int, op fsm.AnyOp, enc []byte, plain plainRun) {
	ch.t.Helper()
	if n > len(plain.ops) {
		if n == len(plain.ops)+1 {
			end := "returned"
			if plain.panicked {
				end = "panicked"
			}
			ch.errorf("await #%d: the machine awaits %s, but the plain function %s after %d awaits", n, describeOp(op, enc), end, len(plain.ops))
		}
		return
	}
	p := plain.ops[n-1]
	if p.err != nil {
		ch.errorf("await #%d: the plain function awaits %v, which cannot be stored: %v", n, p.op, p.err)
		return
	}
	if bytes.Equal(p.enc, enc) {
		return
	}
	ch.mismatches++
	if ch.mismatches > maxOpMismatches {
		return
	}
	pd, md := describeOp(p.op, p.enc), describeOp(op, enc)
	if pd == md {
		pd += " stored as " + diag(p.enc)
		md += " stored as " + diag(enc)
	}
	ch.errorf("await #%d: the plain function awaits %s, the machine %s", n, pd, md)
}

// checkPoisoned checks that a machine whose job panicked stays poisoned.
func (ch *checker) checkPoisoned(m fsm.Machine) {
	ch.t.Helper()
	if s := m.State(); s != fsm.StatePoisoned {
		ch.errorf("after its panic the machine's State is %d, not fsm.StatePoisoned", s)
	}
	op, pv, panicked, err := resume(m, fsm.MachineContext(context.Background()), fsm.Outcome{})
	switch {
	case panicked:
		ch.errorf("resuming the machine after its panic panicked again (%v); it must return fsm.ErrPoisoned", pv)
	case op != nil || !errors.Is(err, fsm.ErrPoisoned):
		ch.errorf("resuming the machine after its panic returned (%v, %v), not fsm.ErrPoisoned", op, err)
	}
}

// compare reports the differences between the outcomes of the two runs.
func (ch *checker) compare(ft reflect.Type, plain plainRun, mach machineRun) {
	ch.t.Helper()
	if mach.aborted {
		return
	}
	if ch.mismatches > maxOpMismatches {
		ch.errorf("%d awaited ops differ in all, %d not shown", ch.mismatches, ch.mismatches-maxOpMismatches)
	}
	if len(plain.ops) != mach.awaits {
		ch.errorf("the plain function awaited %d ops, the machine %d", len(plain.ops), mach.awaits)
	}
	switch {
	case plain.panicked && mach.panicked:
		if ps, ms := fmt.Sprint(plain.panicValue), fmt.Sprint(mach.panicValue); ps != ms {
			ch.errorf("the plain function panicked with %s, the machine with %s", ps, ms)
		}
		return
	case plain.panicked:
		ch.errorf("the plain function panicked with %v, the machine returned %s", plain.panicValue, showValues(mach.results))
		return
	case mach.panicked:
		ch.errorf("the plain function returned %s, the machine panicked with %v", showValues(plain.values), mach.panicValue)
		return
	case !mach.finished:
		return
	}
	if len(mach.results) != len(plain.values) {
		ch.errorf("the plain function returned %d results %s, the machine's Results holds %d: %s", len(plain.values), showValues(plain.values), len(mach.results), showValues(mach.results))
		return
	}
	for i, pv := range plain.values {
		mv := mach.results[i]
		if equalValues(ft.Out(i), pv, mv) {
			continue
		}
		ch.errorf("result %d (%v): the plain function returned %s, the machine %s", i, ft.Out(i), showValue(pv), showValue(mv))
	}
}

// resume calls m.Resume, catching a panic.
func resume(m fsm.Machine, ctx fsm.Context, in fsm.Outcome) (op fsm.AnyOp, pv any, panicked bool, err error) {
	returned := false
	defer func() {
		if !returned {
			pv = recover()
			panicked = true
		}
	}()
	op, err = m.Resume(ctx, in)
	returned = true
	return op, nil, false, err
}

// catch calls f and returns the value it panicked with, if it did.
func catch(f func()) (pv any, panicked bool) {
	returned := false
	defer func() {
		if !returned {
			pv = recover()
			panicked = true
		}
	}()
	f()
	returned = true
	return nil, false
}
