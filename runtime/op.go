package fsm

import (
	"context"
	"fmt"
	"reflect"
)

// AnyOp is an op with its result type erased: what drivers store, run and show.
// Only this package implements it.
type AnyOp interface {
	// String describes the op for people, e.g. `activity "payments.charge"`.
	String() string

	run(ctx context.Context) Outcome
	record() (opRecord, error)
	decodeOutcome(value []byte) (any, error)
	resultType() reflect.Type
}

// Op is something a job can Await, producing a T. Activity.Call makes one.
type Op[T any] interface {
	AnyOp
	resultOf() T
}

// Outcome is what an awaited op produced: a value or an error. Drivers hand it to
// Machine.Resume; generated code takes it apart with Take.
type Outcome struct {
	value any
	err   error
}

// Err returns the op's error, or nil when it succeeded.
func (o Outcome) Err() error { return o.err }

// Value returns the op's result value (nil when it failed).
func (o Outcome) Value() any { return o.value }

// Take returns the result of an outcome as the type the job awaited. Generated
// machines call it where the job called Await.
func Take[T any](o Outcome) (T, error) {
	var zero T
	if o.err != nil {
		return zero, o.err
	}
	if o.value == nil {
		return zero, nil
	}
	v, ok := o.value.(T)
	if !ok {
		return zero, fmt.Errorf("fsm: op result is a %T, the job awaits a %T", o.value, zero)
	}
	return v, nil
}

// RunOp runs op inline and returns its outcome. Drivers use it to carry out the op
// a machine suspended on.
func RunOp(ctx context.Context, op AnyOp) Outcome {
	return op.run(ctx)
}
