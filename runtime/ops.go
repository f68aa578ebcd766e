package fsm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// The ops a job can await besides activity calls: durable timers, signals,
// child jobs, and combinations of ops. Each also runs under a direct context,
// inline, so the job stays a plain function; DirectWith sets how timers and
// signals behave there.

// ErrTimeout is the error of an op that Timeout or Deadline cut short. It
// survives a checkpoint: errors.Is(err, ErrTimeout) holds after the outcome is
// stored and loaded.
var ErrTimeout = errors.New("fsm: timed out")

// ErrCancelled is the error every await of a job returns once the job is
// cancelled (Engine.Cancel): the job may handle it, and ends at its return.
var ErrCancelled = errors.New("fsm: job cancelled")

// DirectEnv sets how the ops of a job run under a direct context.
type DirectEnv struct {
	// Sleep waits for d, or until ctx is done. Nil sleeps for real.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock that SleepUntil and Deadline measure against. Nil is
	// time.Now.
	Now func() time.Time
	// Signal returns the payload of the next signal called name that the job
	// receives; the value must be of the signal's type. Nil makes every
	// signal await fail with an error.
	Signal func(ctx context.Context, name string) (any, error)
}

type directEnvKey struct{}

// DirectWith is Direct with an environment for timers and signals: a test can
// make sleeps instant and hand the job its signals.
func DirectWith(parent context.Context, env DirectEnv) Context {
	return Direct(context.WithValue(parent, directEnvKey{}, env))
}

// WithDirectEnv returns parent carrying env, for RunOp to use.
func WithDirectEnv(parent context.Context, env DirectEnv) context.Context {
	return context.WithValue(parent, directEnvKey{}, env)
}

func directEnv(ctx context.Context) DirectEnv {
	env, _ := ctx.Value(directEnvKey{}).(DirectEnv)
	return env
}

func (env DirectEnv) now() time.Time {
	if env.Now != nil {
		return env.Now()
	}
	return time.Now()
}

func (env DirectEnv) sleep(ctx context.Context, d time.Duration) error {
	if env.Sleep != nil {
		return env.Sleep(ctx, d)
	}
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ---- timers

// Sleep is an op that finishes after d. Under an engine it is durable: the
// time it ends is fixed when the job is checkpointed at the await, and the job
// resumes then (or as soon as a worker runs after it) whatever restarts came
// between.
func Sleep(d time.Duration) Op[struct{}] { return &timerOp{d: d} }

// SleepUntil is an op that finishes at t (at once when t has passed).
func SleepUntil(t time.Time) Op[struct{}] { return &timerOp{at: t, abs: true} }

type timerOp struct {
	d   time.Duration
	at  time.Time
	abs bool
}

// timerArg is the stored argument of a timer: [absolute, duration, time].
type timerArg struct {
	_   struct{} `cbor:",toarray"`
	Abs bool
	D   int64
	At  time.Time
}

func (t *timerOp) resultOf() struct{} { panic("fsm: resultOf is a type marker") }

func (t *timerOp) resultType() reflect.Type { return reflect.TypeFor[struct{}]() }

func (t *timerOp) String() string {
	if t.abs {
		return "sleep until " + t.at.Format(time.RFC3339Nano)
	}
	return "sleep " + t.d.String()
}

// due returns when the timer ends if it starts at start.
func (t *timerOp) due(start time.Time) time.Time {
	if t.abs {
		return t.at
	}
	return start.Add(t.d)
}

func (t *timerOp) run(ctx context.Context) Outcome {
	env := directEnv(ctx)
	d := t.d
	if t.abs {
		d = t.at.Sub(env.now())
	}
	if err := env.sleep(ctx, d); err != nil {
		return Outcome{err: err}
	}
	return Outcome{value: struct{}{}}
}

func (t *timerOp) record() (opRecord, error) {
	arg, err := Marshal(timerArg{Abs: t.abs, D: int64(t.d), At: t.at})
	if err != nil {
		return opRecord{}, fmt.Errorf("fsm: encoding %v: %w", t, err)
	}
	return opRecord{Kind: opTimer, Arg: arg}, nil
}

func decodeTimer(arg []byte) (AnyOp, error) {
	var a timerArg
	if err := Unmarshal(arg, &a); err != nil {
		return nil, fmt.Errorf("fsm: decoding a timer: %w", err)
	}
	return &timerOp{abs: a.Abs, d: time.Duration(a.D), at: a.At}, nil
}

func (t *timerOp) decodeOutcome(value []byte) (any, error) {
	var v struct{}
	if err := Unmarshal(value, &v); err != nil {
		return nil, fmt.Errorf("fsm: decoding the result of %v: %w", t, err)
	}
	return v, nil
}

// ---- signals

// Signal is a named event with a payload of type T that can be sent to a job
// from outside (Signal.Send, or `fsmgen jobs signal`). A job waits for the
// next one with Await(ctx, sig.Wait()). Signals sent before the job waits are
// kept, oldest first. The name identifies the signal in stored state.
type Signal[T any] struct {
	name string
}

// NewSignal defines the signal called name. Like NewActivity it panics when
// the name is empty or taken.
func NewSignal[T any](name string) *Signal[T] {
	if name == "" {
		panic("fsm: NewSignal with an empty name")
	}
	s := &Signal[T]{name: name}
	signalsMu.Lock()
	defer signalsMu.Unlock()
	if _, dup := signals[name]; dup {
		panic(fmt.Sprintf("fsm: signal %q defined twice", name))
	}
	signals[name] = s
	return s
}

// Name returns the signal's name.
func (s *Signal[T]) Name() string { return s.name }

// Wait returns the op that waits for the next signal of this name sent to the
// job, and gives its payload.
func (s *Signal[T]) Wait() Op[T] { return &signalWait[T]{sig: s} }

// Encode returns the stored form of a payload.
func (s *Signal[T]) Encode(v T) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("fsm: encoding a payload of signal %q: %w", s.name, err)
	}
	return b, nil
}

func (s *Signal[T]) waitOp() AnyOp { return &signalWait[T]{sig: s} }

func (s *Signal[T]) payloadType() reflect.Type { return reflect.TypeFor[T]() }

func (s *Signal[T]) decodePayload(b []byte) (any, error) {
	var v T
	if err := Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("fsm: the payload of signal %q does not decode into a %v: %w", s.name, reflect.TypeFor[T](), err)
	}
	return v, nil
}

// signalDef is the type-erased view of a Signal.
type signalDef interface {
	waitOp() AnyOp
	payloadType() reflect.Type
	decodePayload(b []byte) (any, error)
}

var (
	signalsMu sync.RWMutex
	signals   = map[string]signalDef{}
)

func lookupSignal(name string) (signalDef, bool) {
	signalsMu.RLock()
	defer signalsMu.RUnlock()
	s, ok := signals[name]
	return s, ok
}

// SignalNames returns the names of the signals this program defines.
func SignalNames() []string {
	signalsMu.RLock()
	defer signalsMu.RUnlock()
	names := make([]string, 0, len(signals))
	for n := range signals {
		names = append(names, n)
	}
	return names
}

type signalWait[T any] struct{ sig *Signal[T] }

func (w *signalWait[T]) resultOf() T { panic("fsm: resultOf is a type marker") }

func (w *signalWait[T]) resultType() reflect.Type { return reflect.TypeFor[T]() }

func (w *signalWait[T]) signalName() string { return w.sig.name }

func (w *signalWait[T]) String() string { return fmt.Sprintf("signal %q", w.sig.name) }

func (w *signalWait[T]) run(ctx context.Context) Outcome {
	env := directEnv(ctx)
	if env.Signal == nil {
		return Outcome{err: fmt.Errorf("fsm: the job waits for signal %q under a direct context that has no signals; use fsm.DirectWith with DirectEnv.Signal", w.sig.name)}
	}
	v, err := env.Signal(ctx, w.sig.name)
	if err != nil {
		return Outcome{err: err}
	}
	if v == nil {
		var zero T
		return Outcome{value: zero}
	}
	t, ok := v.(T)
	if !ok {
		var zero T
		return Outcome{err: fmt.Errorf("fsm: signal %q carries a %T, the job waits for a %T", w.sig.name, v, zero)}
	}
	return Outcome{value: t}
}

func (w *signalWait[T]) record() (opRecord, error) {
	return opRecord{Kind: opSignal, Name: w.sig.name, Arg: cborNull}, nil
}

func (w *signalWait[T]) decodeOutcome(value []byte) (any, error) { return w.sig.decodePayload(value) }

// ---- child jobs

// Child is an op that runs job with arg as a job of its own (a child) and
// gives its result. Under an engine the child is stored, scheduled and
// inspected like any job, with the awaiting job as its parent; under a direct
// context it is called as a plain function.
func Child[A, R any](job Job[A, R], arg A) Op[R] {
	return &childOp[R]{name: job.name, args: job.args(arg)}
}

type childOp[R any] struct {
	name   string
	args   []any  // from Child; nil when decoded
	state  []byte // the child machine at its start; computed by record
	layout string // the layout of state
}

// childArg is the stored argument of a child op: the child's machine at its
// start, and the layout it was written with. (Records written before layouts
// were kept hold the state alone.)
type childArg struct {
	_      struct{} `cbor:",toarray"`
	State  []byte
	Layout string
}

func (c *childOp[R]) resultOf() R { panic("fsm: resultOf is a type marker") }

func (c *childOp[R]) resultType() reflect.Type { return reflect.TypeFor[R]() }

func (c *childOp[R]) String() string { return fmt.Sprintf("child job %s", c.name) }

func (c *childOp[R]) jobName() string { return c.name }

// startState returns the child's machine at its start, as stored.
func (c *childOp[R]) startState() ([]byte, error) {
	if c.state != nil {
		return c.state, nil
	}
	info, ok := JobByName(c.name)
	if !ok {
		return nil, fmt.Errorf("fsm: child job %s has no registered machine; run fsmgen on its package", c.name)
	}
	m, err := info.New(c.args)
	if err != nil {
		return nil, err
	}
	b, err := m.MarshalCBOR()
	if err != nil {
		return nil, fmt.Errorf("fsm: encoding the arguments of child job %s: %w", c.name, err)
	}
	c.state, c.layout = b, info.LayoutOf(0)
	return b, nil
}

// startLayout is the layout of startState, once that has been computed.
func (c *childOp[R]) startLayout() string { return c.layout }

func (c *childOp[R]) record() (opRecord, error) {
	st, err := c.startState()
	if err != nil {
		return opRecord{}, err
	}
	arg, err := Marshal(childArg{State: st, Layout: c.layout})
	if err != nil {
		return opRecord{}, err
	}
	return opRecord{Kind: opChild, Name: c.name, Arg: arg}, nil
}

func (c *childOp[R]) decodeOutcome(value []byte) (any, error) {
	var r R
	if err := Unmarshal(value, &r); err != nil {
		return nil, fmt.Errorf("fsm: decoding the result of %v: %w", c, err)
	}
	return r, nil
}

// childResult turns the results of a finished child machine into the
// outcome of the op.
func (c *childOp[R]) childResult(results []any) Outcome {
	h, ok := lookupHandle(c.name)
	if !ok {
		return Outcome{err: fmt.Errorf("fsm: child job %s has no handle; run fsmgen on its package", c.name)}
	}
	v, err := h.decodeResult(results)
	if err != nil {
		return Outcome{err: err}
	}
	return Outcome{value: v}
}

func (c *childOp[R]) run(ctx context.Context) Outcome {
	info, ok := JobByName(c.name)
	if !ok {
		return Outcome{err: fmt.Errorf("fsm: child job %s has no registered machine; run fsmgen on its package", c.name)}
	}
	if c.args != nil || c.state == nil {
		// Called from the job: the plain function, as written.
		results, err := callJob(ctx, info, c.args)
		if err != nil {
			return Outcome{err: err}
		}
		return c.childResult(results)
	}
	// Decoded from storage: only the child's machine at its start is known.
	m := info.Zero()
	if err := m.UnmarshalCBOR(c.state); err != nil {
		return Outcome{err: err}
	}
	results, err := runMachineInline(ctx, m)
	if err != nil {
		return Outcome{err: err}
	}
	return c.childResult(results)
}

// callJob calls a job's plain function under a direct context.
func callJob(ctx context.Context, info *JobInfo, args []any) ([]any, error) {
	fn := reflect.ValueOf(info.Func)
	ft := fn.Type()
	if ft.NumIn() != len(args)+1 {
		return nil, fmt.Errorf("fsm: job %s takes %d arguments, given %d", info.Name, ft.NumIn()-1, len(args))
	}
	in := make([]reflect.Value, 0, len(args)+1)
	var fctx Context
	if c, ok := ctx.(Context); ok {
		fctx = c
	} else {
		fctx = Direct(ctx)
	}
	in = append(in, reflect.ValueOf(fctx))
	for i, a := range args {
		t := ft.In(i + 1)
		if a == nil {
			in = append(in, reflect.Zero(t))
			continue
		}
		v := reflect.ValueOf(a)
		if !v.Type().AssignableTo(t) {
			return nil, fmt.Errorf("fsm: job %s: argument %d is a %v, want %v", info.Name, i, v.Type(), t)
		}
		in = append(in, v)
	}
	var out []reflect.Value
	if ft.IsVariadic() {
		out = fn.CallSlice(in)
	} else {
		out = fn.Call(in)
	}
	results := make([]any, len(out))
	for i, o := range out {
		results[i] = o.Interface()
	}
	return results, nil
}

// runMachineInline drives a machine to its end, running each op inline.
func runMachineInline(ctx context.Context, m Machine) ([]any, error) {
	mctx := MachineContext(ctx)
	var in Outcome
	for {
		op, err := m.Resume(mctx, in)
		if err != nil {
			return nil, err
		}
		if op == nil {
			return m.Results(), nil
		}
		in = op.run(ctx)
	}
}

func decodeChild(name string, arg []byte) (AnyOp, error) {
	info, ok := JobByName(name)
	if !ok {
		return nil, fmt.Errorf("fsm: stored op awaits child job %s, which this program does not register", name)
	}
	h, ok := lookupHandle(name)
	if !ok {
		return nil, fmt.Errorf("fsm: stored op awaits child job %s, which has no handle in this program", name)
	}
	var items []cbor.RawMessage
	if err := Unmarshal(arg, &items); err != nil {
		return nil, fmt.Errorf("fsm: decoding child job %s: %w", name, err)
	}
	var state []byte
	var layout string
	if len(items) < 1 || len(items) > 2 || Unmarshal(items[0], &state) != nil || state == nil {
		return nil, fmt.Errorf("fsm: decoding child job %s: no start state", name)
	}
	if len(items) == 2 {
		if err := Unmarshal(items[1], &layout); err != nil {
			return nil, fmt.Errorf("fsm: decoding child job %s: its start layout: %w", name, err)
		}
	}
	if layout == "" {
		layout = info.LayoutOf(0) // stored before layouts were kept
	} else {
		// Written by an earlier build, perhaps: placed like any
		// checkpoint, in the version of the child that takes it.
		v, _, st, l, err := info.PlaceIn(0, layout, state)
		if err != nil {
			return nil, fmt.Errorf("fsm: child job %s: its start, stored by the awaiting job: %w", name, err)
		}
		info, state, layout = v, st, l
	}
	// The start state must be one the child's machine reads.
	if err := info.Zero().UnmarshalCBOR(state); err != nil {
		return nil, fmt.Errorf("fsm: decoding child job %s: %w", name, err)
	}
	return h.childOp(state, layout), nil
}

func (j Job[A, R]) childOp(state []byte, layout string) AnyOp {
	return &childOp[R]{name: j.name, state: state, layout: layout}
}

// childOpener is what a child op is to the engine.
type childOpener interface {
	AnyOp
	jobName() string
	startState() ([]byte, error)
	startLayout() string
	childResult(results []any) Outcome
}

// ---- All and First

// All is an op that runs ops at once and gives their results in order. It
// fails with the error of the first op, in order, that fails; the others
// still run to their end.
func All[T any](ops ...Op[T]) Op[[]T] {
	g := &groupOp[[]T]{kind: opAll, elem: reflect.TypeFor[T]()}
	for _, o := range ops {
		g.ops = append(g.ops, o)
	}
	return g
}

// First is an op that runs ops at once and gives the result (or the error) of
// the first to finish. The others are abandoned: their outcomes are dropped.
// With no ops it fails.
func First[T any](ops ...Op[T]) Op[T] {
	g := &groupOp[T]{kind: opFirst, elem: reflect.TypeFor[T]()}
	for _, o := range ops {
		g.ops = append(g.ops, o)
	}
	return g
}

// groupOp is All (kind opAll, result []elem) or First (kind opFirst, result
// elem). R is the result type; when decoded from storage R is any and elem
// the element type the sub-ops give.
type groupOp[R any] struct {
	kind uint8
	elem reflect.Type
	ops  []AnyOp
}

func (g *groupOp[R]) resultOf() R { panic("fsm: resultOf is a type marker") }

func (g *groupOp[R]) resultType() reflect.Type {
	if g.kind == opAll {
		return reflect.SliceOf(g.elem)
	}
	return g.elem
}

func (g *groupOp[R]) String() string {
	word := "all of"
	if g.kind == opFirst {
		word = "first of"
	}
	s := word + " ["
	for i, o := range g.ops {
		if i > 0 {
			s += ", "
		}
		s += o.String()
	}
	return s + "]"
}

func (g *groupOp[R]) children() []AnyOp { return g.ops }

func (g *groupOp[R]) run(ctx context.Context) Outcome {
	if len(g.ops) == 0 {
		return g.combine(nil, -1)
	}
	if g.kind == opFirst {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		type res struct {
			i int
			o Outcome
		}
		ch := make(chan res, len(g.ops))
		for i, o := range g.ops {
			go func() { ch <- res{i, o.run(ctx)} }()
		}
		r := <-ch
		outs := make([]Outcome, len(g.ops))
		outs[r.i] = r.o
		return g.combine(outs, r.i)
	}
	outs := make([]Outcome, len(g.ops))
	var wg sync.WaitGroup
	for i, o := range g.ops {
		wg.Go(func() { outs[i] = o.run(ctx) })
	}
	wg.Wait()
	return g.combine(outs, -1)
}

// combine makes the group's outcome: for All from every sub-op's outcome, for
// First from outs[winner].
func (g *groupOp[R]) combine(outs []Outcome, winner int) Outcome {
	if g.kind == opFirst {
		if winner < 0 {
			return Outcome{err: errors.New("fsm: First of no ops never finishes")}
		}
		return outs[winner]
	}
	vals := reflect.MakeSlice(reflect.SliceOf(g.elem), len(outs), len(outs))
	for i, o := range outs {
		if o.err != nil {
			return Outcome{err: o.err}
		}
		if o.value != nil {
			v := reflect.ValueOf(o.value)
			if !v.Type().AssignableTo(g.elem) {
				return Outcome{err: fmt.Errorf("fsm: op %d of %v gave a %v, want %v", i, g, v.Type(), g.elem)}
			}
			vals.Index(i).Set(v)
		}
	}
	return Outcome{value: vals.Interface()}
}

func (g *groupOp[R]) record() (opRecord, error) {
	subs := make([]cbor.RawMessage, len(g.ops))
	for i, o := range g.ops {
		if o == nil {
			return opRecord{}, fmt.Errorf("fsm: op %d of %v is nil", i, g)
		}
		rec, err := o.record()
		if err != nil {
			return opRecord{}, err
		}
		if subs[i], err = encode(rec); err != nil {
			return opRecord{}, err
		}
	}
	arg, err := encode(subs)
	if err != nil {
		return opRecord{}, err
	}
	return opRecord{Kind: g.kind, Arg: arg}, nil
}

func (g *groupOp[R]) decodeOutcome(value []byte) (any, error) {
	p := reflect.New(g.resultType())
	if err := Unmarshal(value, p.Interface()); err != nil {
		return nil, fmt.Errorf("fsm: decoding the result of %v: %w", g, err)
	}
	return p.Elem().Interface(), nil
}

func decodeSubOps(arg []byte) ([]AnyOp, error) {
	var subs []opRecord
	if err := Unmarshal(arg, &subs); err != nil {
		return nil, fmt.Errorf("fsm: decoding the ops of a group: %w", err)
	}
	ops := make([]AnyOp, len(subs))
	for i, s := range subs {
		o, err := decodeOpRecord(s)
		if err != nil {
			return nil, err
		}
		ops[i] = o
	}
	return ops, nil
}

func decodeGroup(kind uint8, arg []byte) (AnyOp, error) {
	ops, err := decodeSubOps(arg)
	if err != nil {
		return nil, err
	}
	if len(ops) == 0 {
		return nil, errors.New("fsm: decoding a group of no ops: its result type is unknown")
	}
	elem := ops[0].resultType()
	for i, o := range ops[1:] {
		if o.resultType() != elem {
			return nil, fmt.Errorf("fsm: decoding a group: op %d gives a %v, op 0 a %v", i+1, o.resultType(), elem)
		}
	}
	return &groupOp[any]{kind: kind, elem: elem, ops: ops}, nil
}

// ---- Timeout and Deadline

// Timeout is op, cut short after d: when op has not finished by then, the
// await fails with ErrTimeout and op's outcome is dropped.
func Timeout[T any](op Op[T], d time.Duration) Op[T] {
	return &timeoutOp[T]{op: op, timer: &timerOp{d: d}}
}

// Deadline is op, cut short at t; see Timeout.
func Deadline[T any](op Op[T], t time.Time) Op[T] {
	return &timeoutOp[T]{op: op, timer: &timerOp{at: t, abs: true}}
}

type timeoutOp[T any] struct {
	op    AnyOp
	timer *timerOp
}

// timeoutArg is the stored argument of a timeout: [timer, op].
type timeoutArg struct {
	_     struct{} `cbor:",toarray"`
	Timer cbor.RawMessage
	Op    cbor.RawMessage
}

func (t *timeoutOp[T]) resultOf() T { panic("fsm: resultOf is a type marker") }

func (t *timeoutOp[T]) resultType() reflect.Type { return t.op.resultType() }

func (t *timeoutOp[T]) String() string {
	return fmt.Sprintf("%v with a timeout (%v)", t.op, t.timer)
}

func (t *timeoutOp[T]) children() []AnyOp { return []AnyOp{t.op, t.timer} }

func (t *timeoutOp[T]) run(ctx context.Context) Outcome {
	env := directEnv(ctx)
	d := t.timer.d
	if t.timer.abs {
		d = t.timer.at.Sub(env.now())
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan Outcome, 2)
	go func() { done <- t.op.run(ctx) }()
	go func() {
		if env.sleep(ctx, d) == nil {
			done <- Outcome{err: ErrTimeout}
		}
	}()
	return <-done
}

func (t *timeoutOp[T]) record() (opRecord, error) {
	if t.op == nil {
		return opRecord{}, errors.New("fsm: Timeout of a nil op")
	}
	tr, err := t.timer.record()
	if err != nil {
		return opRecord{}, err
	}
	inner, err := t.op.record()
	if err != nil {
		return opRecord{}, err
	}
	var a timeoutArg
	if a.Timer, err = encode(tr); err != nil {
		return opRecord{}, err
	}
	if a.Op, err = encode(inner); err != nil {
		return opRecord{}, err
	}
	arg, err := encode(a)
	if err != nil {
		return opRecord{}, err
	}
	return opRecord{Kind: opTimeout, Arg: arg}, nil
}

func (t *timeoutOp[T]) decodeOutcome(value []byte) (any, error) { return t.op.decodeOutcome(value) }

func decodeTimeout(arg []byte) (AnyOp, error) {
	var a timeoutArg
	if err := Unmarshal(arg, &a); err != nil {
		return nil, fmt.Errorf("fsm: decoding a timeout: %w", err)
	}
	var tr, in opRecord
	if err := Unmarshal(a.Timer, &tr); err != nil || tr.Kind != opTimer {
		return nil, fmt.Errorf("fsm: decoding a timeout: its timer is not a timer (%v)", err)
	}
	timer, err := decodeTimer(tr.Arg)
	if err != nil {
		return nil, err
	}
	if err := Unmarshal(a.Op, &in); err != nil {
		return nil, fmt.Errorf("fsm: decoding a timeout: %w", err)
	}
	op, err := decodeOpRecord(in)
	if err != nil {
		return nil, err
	}
	return &timeoutOp[any]{op: op, timer: timer.(*timerOp)}, nil
}

// composite is an op made of other ops (All, First, Timeout).
type composite interface {
	AnyOp
	children() []AnyOp
}
