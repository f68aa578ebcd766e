package engine

import (
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Composed checks out each order by calling the Checkout job as a function:
// Checkout's machine nests in Composed's state, so Composed waits on each
// order's approval signal, sleep and shipping as Checkout does.
//
//fsmgen:job
func Composed(ctx fsm.Context, orders []Order) ([]string, error) {
	var notes []string
	for _, o := range orders {
		r, err := Checkout(ctx, o)
		if err != nil {
			notes = append(notes, o.ID+": "+err.Error())
			continue
		}
		notes = append(notes, r.Order+" by "+r.Approver+": "+strings.Join(r.Shipped, ", "))
	}
	return notes, nil
}
