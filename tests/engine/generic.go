package engine

import (
	"fmt"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Batch charges each order of a batch of any kind of item, sleeping
// durably between them, and returns the items it charged for: a generic
// job, run through its handle BatchJob[T]().
//
//fsmgen:job
func Batch[T any](ctx fsm.Context, items []T, pause time.Duration) ([]T, error) {
	var out []T
	for i, it := range items {
		if _, err := fsm.Await(ctx, Charge.Call(Order{ID: fmt.Sprintf("batch-%v-%d", it, i), Amount: 1})); err != nil {
			return out, err
		}
		if _, err := fsm.Await(ctx, fsm.Sleep(pause)); err != nil {
			return out, err
		}
		out = append(out, it)
	}
	return out, nil
}

// Batches runs two instantiations of Batch as child jobs.
//
//fsmgen:job
func Batches(ctx fsm.Context, names []string, sizes []int) (string, error) {
	a, err := fsm.Await(ctx, fsm.Child(BatchJob[string](), BatchArgs[string]{Items: names, Pause: time.Millisecond}))
	if err != nil {
		return "", err
	}
	b, err := fsm.Await(ctx, fsm.Child(BatchJob[int](), BatchArgs[int]{Items: sizes, Pause: time.Millisecond}))
	return fmt.Sprint(a, b), err
}
