// Package golden holds jobs whose generated code is pinned by golden files.
package golden

import (
	"context"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var Charge = fsm.NewActivity("golden.charge", func(_ context.Context, cents int) (string, error) {
	return "receipt", nil
})

// Order is a job's argument.
type Order struct {
	ID    string
	Items []int
}

//fsmgen:job
func Checkout(ctx fsm.Context, order Order) (string, error) {
	total := 0
	for _, cents := range order.Items {
		total += cents
	}
	receipt, err := fsm.Await(ctx, Charge.Call(total))
	if err != nil {
		return "", err
	}
	var notes []string
	for i := 0; i < 2; i++ {
		r, err := fsm.Await(ctx, Charge.Call(i))
		if err != nil {
			continue
		}
		notes = append(notes, r)
	}
	return receipt + " " + strings.Join(notes, ","), nil
}

// Refund shows a deferred call kept across an await.
//
//fsmgen:job
func Refund(ctx fsm.Context, cents int) (receipt string, err error) {
	defer func() {
		if err != nil {
			receipt = "failed: " + err.Error()
		}
	}()
	return fsm.Await(ctx, Charge.Call(-cents))
}

// Retry is a generic job: one generic machine type, registered once per
// instantiation the package makes (here Retry[Order] below, and Retry[int]
// in the test).
//
//fsmgen:job
func Retry[T any](ctx fsm.Context, x T, tries int) ([]T, error) {
	var seen []T
	for i := range tries {
		if _, err := fsm.Await(ctx, Charge.Call(i)); err == nil {
			return append(seen, x), nil
		}
		seen = append(seen, x)
	}
	return seen, nil
}

var _ = Retry[Order]
