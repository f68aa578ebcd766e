package fsm

import (
	"context"
	"fmt"
	"reflect"
	"sync"
)

// Activity is a function with side effects that a job awaits through Call. Its
// name identifies it in stored state, so it must be unique in a program and must
// not change while jobs that call it are paused.
type Activity[A, R any] struct {
	name   string
	fn     func(context.Context, A) (R, error)
	policy RetryPolicy
}

// NewActivity registers fn under name and returns the Activity that jobs call. It
// panics when name is empty or already taken, like http.Handle: both are
// programming errors found at start-up.
func NewActivity[A, R any](name string, fn func(context.Context, A) (R, error)) *Activity[A, R] {
	if name == "" {
		panic("fsm: NewActivity with an empty name")
	}
	if fn == nil {
		panic(fmt.Sprintf("fsm: NewActivity(%q) with a nil function", name))
	}
	a := &Activity[A, R]{name: name, fn: fn}
	activitiesMu.Lock()
	defer activitiesMu.Unlock()
	if _, dup := activities[name]; dup {
		panic(fmt.Sprintf("fsm: activity %q registered twice", name))
	}
	activities[name] = a
	return a
}

// WithRetry sets how the engine retries the activity when an attempt fails,
// and returns the activity. Call it where the activity is declared:
//
//	var Charge = fsm.NewActivity("payments.charge", charge).
//		WithRetry(fsm.RetryPolicy{MaxAttempts: 3, Timeout: 10 * time.Second})
//
// Fields left zero take DefaultRetryPolicy's values.
func (a *Activity[A, R]) WithRetry(p RetryPolicy) *Activity[A, R] {
	a.policy = p
	return a
}

// Policy returns the activity's retry policy, with defaults filled in.
func (a *Activity[A, R]) Policy() RetryPolicy { return a.policy.withDefaults() }

// Name returns the name the activity was registered under.
func (a *Activity[A, R]) Name() string { return a.name }

// Call returns the op that runs the activity with arg.
func (a *Activity[A, R]) Call(arg A) Op[R] {
	return &activityCall[A, R]{act: a, arg: arg}
}

func (a *Activity[A, R]) decodeCall(arg []byte) (AnyOp, error) {
	c := &activityCall[A, R]{act: a}
	if err := Unmarshal(arg, &c.arg); err != nil {
		return nil, fmt.Errorf("fsm: decoding the argument of activity %q: %w", a.name, err)
	}
	return c, nil
}

// activityDecoder is the type-erased view of an Activity that DecodeOp needs.
type activityDecoder interface {
	decodeCall(arg []byte) (AnyOp, error)
}

var (
	activitiesMu sync.RWMutex
	activities   = map[string]activityDecoder{}
)

func lookupActivity(name string) (activityDecoder, bool) {
	activitiesMu.RLock()
	defer activitiesMu.RUnlock()
	a, ok := activities[name]
	return a, ok
}

// activityCall is the op Activity.Call returns.
type activityCall[A, R any] struct {
	act *Activity[A, R]
	arg A
}

func (c *activityCall[A, R]) resultOf() R { panic("fsm: resultOf is a type marker") }

func (c *activityCall[A, R]) resultType() reflect.Type { return reflect.TypeFor[R]() }

func (c *activityCall[A, R]) String() string { return fmt.Sprintf("activity %q", c.act.name) }

// Arg returns the argument the activity is called with.
func (c *activityCall[A, R]) Arg() any { return c.arg }

func (c *activityCall[A, R]) retryPolicy() RetryPolicy { return c.act.Policy() }

func (c *activityCall[A, R]) run(ctx context.Context) Outcome {
	r, err := c.act.fn(ctx, c.arg)
	if err != nil {
		return Outcome{err: err}
	}
	return Outcome{value: r}
}

func (c *activityCall[A, R]) record() (opRecord, error) {
	arg, err := Marshal(c.arg)
	if err != nil {
		return opRecord{}, fmt.Errorf("fsm: encoding the argument of activity %q: %w", c.act.name, err)
	}
	return opRecord{Kind: opActivity, Name: c.act.name, Arg: arg}, nil
}

func (c *activityCall[A, R]) decodeOutcome(value []byte) (any, error) {
	var r R
	if err := Unmarshal(value, &r); err != nil {
		return nil, fmt.Errorf("fsm: decoding the result of activity %q: %w", c.act.name, err)
	}
	return r, nil
}
