package fsm

import (
	"context"
	"errors"
)

// Context is the first parameter of every job. It carries the cancellation and
// values of the context the job runs under, and tells Await how to run an op.
//
// Contexts are made by the runtime: Direct for plain calls, MachineContext for
// drivers of generated machines. The interface is sealed.
type Context interface {
	context.Context
	awaiter() awaiter
}

// awaiter is what Await consults: a direct context runs ops inline.
type awaiter interface {
	await(ctx context.Context, op AnyOp) Outcome
}

type fsmContext struct {
	context.Context
	a awaiter
}

func (c fsmContext) awaiter() awaiter { return c.a }

// Direct returns a Context under which a job runs as the plain function it is:
// every Await runs its op at once, in the calling goroutine, and returns its
// result. Nothing is checkpointed.
func Direct(parent context.Context) Context {
	return fsmContext{Context: parent, a: inline{}}
}

// DirectObserved is Direct with a hook that is called with each op just before
// Await runs it and with its outcome after. It lets tests (see package fsmtest)
// record the ops a job awaits.
func DirectObserved(parent context.Context, before func(AnyOp), after func(AnyOp, Outcome)) Context {
	return fsmContext{Context: parent, a: inline{before: before, after: after}}
}

type inline struct {
	before func(AnyOp)
	after  func(AnyOp, Outcome)
}

func (in inline) await(ctx context.Context, op AnyOp) Outcome {
	if in.before != nil {
		in.before(op)
	}
	out := op.run(ctx)
	if in.after != nil {
		in.after(op, out)
	}
	return out
}

// MachineContext returns the Context that drivers pass to Machine.Resume. A
// generated machine never calls Await: its awaits have become suspensions. An
// Await reached under this context anyway (from a helper function the generator
// could not see into) returns ErrAwaitOutsideJob instead of running its op
// without a checkpoint.
func MachineContext(parent context.Context) Context {
	return fsmContext{Context: parent, a: refuse{}}
}

type refuse struct{}

func (refuse) await(context.Context, AnyOp) Outcome {
	return Outcome{err: ErrAwaitOutsideJob}
}

// ErrAwaitOutsideJob is returned by Await when it is called under a machine's
// context from code that is not the body of a generated job.
var ErrAwaitOutsideJob = errors.New("fsm: Await called outside the body of a //fsmgen:job function while it runs as a state machine; make the caller a job or move the Await into the job")

// Await waits for op and returns its result. It is the only suspension point of
// a job: in a generated machine the job stops here, is checkpointed, and resumes
// with the op's outcome, possibly in another process.
//
// When the op fails, the error's text is the op's own error text.
func Await[T any](ctx Context, op Op[T]) (T, error) {
	var zero T
	if ctx == nil {
		return zero, errors.New("fsm: Await with a nil Context")
	}
	if op == nil {
		return zero, errors.New("fsm: Await with a nil Op")
	}
	return Take[T](ctx.awaiter().await(ctx, op))
}
