package fsm

import (
	"fmt"
	"sync"
)

// Job is the typed handle of a job: what Start, Wait and Child take, so that
// the compiler checks a job's argument and result types. fsmgen generates one
// per job beside its machine, named after the job with "Job" appended
// (CheckoutJob for Checkout, CartTotalJob for the method Cart.Total).
//
// A is the job's argument: the type of its one parameter after the Context,
// struct{} when it has none, or a generated struct (CheckoutArgs) with one
// field per parameter, the receiver of a method first, when it has more. R is
// the job's result: its one result before the error, struct{} when it has
// none, or a generated struct (CheckoutResults) when it has more.
type Job[A, R any] struct {
	name   string
	args   func(A) []any
	result func([]any) (R, error)
}

// NewJob returns the handle of the job registered under name. Generated code
// calls it: args turns an A into the arguments of JobInfo.New, result turns
// Machine.Results into the job's result and error.
func NewJob[A, R any](name string, args func(A) []any, result func([]any) (R, error)) Job[A, R] {
	j := Job[A, R]{name: name, args: args, result: result}
	// A generic job's handle (CollectJob[int]()) is made at every use; the
	// first of a name is kept, so most calls only read.
	handlesMu.RLock()
	_, known := handles[name]
	handlesMu.RUnlock()
	if !known {
		handlesMu.Lock()
		if _, known := handles[name]; !known {
			handles[name] = j
		}
		handlesMu.Unlock()
	}
	return j
}

// Name returns the name the job is registered under (JobInfo.Name).
func (j Job[A, R]) Name() string { return j.name }

// Args returns the arguments of JobInfo.New for a.
func (j Job[A, R]) Args(a A) []any { return j.args(a) }

// Result returns the job's result and error from the results of its finished
// machine (Machine.Results).
func (j Job[A, R]) Result(results []any) (R, error) { return j.result(results) }

// handle is the type-erased view of a Job that child ops need.
type handle interface {
	decodeResult(results []any) (any, error)
	childOp(state []byte, layout string) AnyOp
}

func (j Job[A, R]) decodeResult(results []any) (any, error) { return j.result(results) }

var (
	handlesMu sync.RWMutex
	handles   = map[string]handle{}
)

func lookupHandle(name string) (handle, bool) {
	handlesMu.RLock()
	defer handlesMu.RUnlock()
	h, ok := handles[name]
	return h, ok
}

// ResultAt returns results[i] as a T, the zero T when it is nil. Generated
// handles use it to take a finished machine's results apart.
func ResultAt[T any](results []any, i int) T {
	var zero T
	if i >= len(results) || results[i] == nil {
		return zero
	}
	v, ok := results[i].(T)
	if !ok {
		panic(fmt.Sprintf("fsm: result %d is a %T, want %T", i, results[i], zero))
	}
	return v
}

// ResultErr returns results[i] as an error (nil when it is nil).
func ResultErr(results []any, i int) error {
	if i >= len(results) || results[i] == nil {
		return nil
	}
	err, _ := results[i].(error)
	return err
}
