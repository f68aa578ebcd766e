// Package orders is an order workflow written as an fsmgen job.
//
// ProcessOrder reads as plain Go: it reserves stock line by line, waits for a
// person to approve a large order (for a while, not forever), charges the
// card, lets the order cool off for a fraud check, and ships from every
// warehouse involved at once. The fsmgen command (run by the generate
// directive below) also turns it into a state machine that stops at every
// fsm.Await and can be saved, killed and resumed in another process:
// orders_fsm.go is that machine, generated and committed.
//
// The demo in cmd/demo runs the machine on the durable engine, in a worker
// process it kills and restarts half-way.
package orders

//go:generate go run github.com/fsmgen/fsmgen/cmd/fsmgen

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Order is what a customer asked for.
type Order struct {
	ID      string
	Card    string // card number to charge
	Coupon  string // "" for none
	Express bool   // express delivery, for a fee
	Lines   []Line
}

// Line is one product of an order.
type Line struct {
	SKU        string
	Qty        int
	PriceCents int64 // per unit
}

// Receipt is what ProcessOrder reports.
type Receipt struct {
	OrderID string
	// Status is "shipped", "backordered", "declined: <reason>",
	// "rejected by <person>: <reason>", "not approved within <timeout>" or
	// "approval failed: <error>".
	Status      string
	TotalCents  int64
	ApprovedBy  string // for a large order, who approved it
	ChargeID    string
	Reserved    []Reservation
	Released    bool     // the reservations were given back
	Backordered []string // products that could not be reserved
	Tracking    []string // one tracking number per warehouse shipped from
	Notes       []string
}

// StockRequest asks to reserve a quantity of a product.
type StockRequest struct {
	OrderID string
	SKU     string
	Qty     int
}

// Reservation is stock held for an order.
type Reservation struct {
	SKU       string
	Qty       int
	Warehouse string
}

// Charge asks to take money from a card.
type Charge struct {
	OrderID     string
	Card        string
	AmountCents int64
}

// Payment is a successful charge.
type Payment struct {
	ID          string
	AmountCents int64
}

// Shipment asks a carrier to collect an order's goods from a warehouse.
type Shipment struct {
	OrderID   string
	Warehouse string
	Units     int
	Express   bool
}

// Approval is a person's decision on a large order, sent to its job as the
// signal Approvals:
//
//	fsmgen jobs signal ID orders.approval '{"Approved": true, "By": "dana"}'
type Approval struct {
	Approved bool
	By       string
	Reason   string // why, for a rejection
}

// Approvals is the signal that carries a decision on a large order.
var Approvals = fsm.NewSignal[Approval]("orders.approval")

// ExpressFeeCents is added to the total of an express order.
const ExpressFeeCents = 1500

// The shop's policy. These are variables so that tests and the demo can
// shrink the waits; a job reads them when it reaches the await, and the
// engine stores the timer with the checkpoint, so a change does not move a
// timer already set.
var (
	// ApprovalLimitCents is the total from which an order needs approval.
	ApprovalLimitCents int64 = 500_00
	// ApprovalTimeout is how long a large order waits for its decision
	// before its stock is released.
	ApprovalTimeout = 48 * time.Hour
	// CoolOff is how long a paid order waits before it ships, so that the
	// card network's fraud alerts can come in first.
	CoolOff = 30 * time.Minute
)

// ProcessOrder reserves, approves, charges and ships one order.
//
// A line whose product is out of stock is backordered and the rest goes ahead;
// when nothing can be reserved the order is not charged. A large order waits
// for an Approval; a rejection, or none within ApprovalTimeout, ends it. A
// declined card, a rejection and a missed approval are not errors of the
// workflow: the stock is released and the receipt says why.
//
//fsmgen:job
func ProcessOrder(ctx fsm.Context, order Order) (Receipt, error) {
	if len(order.Lines) == 0 {
		return Receipt{}, fmt.Errorf("order %s has no lines", order.ID)
	}
	receipt := Receipt{OrderID: order.ID}

	// Reserve each line; remember how many units each warehouse holds.
	var total int64
	units := map[string]int{}
	for _, line := range order.Lines {
		res, err := fsm.Await(ctx, ReserveStock.Call(StockRequest{OrderID: order.ID, SKU: line.SKU, Qty: line.Qty}))
		if err != nil {
			receipt.Backordered = append(receipt.Backordered, line.SKU)
			receipt.Notes = append(receipt.Notes, err.Error())
			continue
		}
		receipt.Reserved = append(receipt.Reserved, res)
		units[res.Warehouse] += res.Qty
		total += int64(line.Qty) * line.PriceCents
	}
	if len(receipt.Reserved) == 0 {
		receipt.Status = "backordered"
		return receipt, nil
	}

	switch order.Coupon {
	case "":
	case "WELCOME10":
		total -= total / 10
	default:
		receipt.Notes = append(receipt.Notes, "unknown coupon "+order.Coupon)
	}
	if order.Express {
		total += ExpressFeeCents
	}
	receipt.TotalCents = total

	// A large order waits for a person's decision, for a while.
	var refusal string // why the order stops here, "" to go on
	if total >= ApprovalLimitCents {
		decision, err := fsm.Await(ctx, fsm.Timeout(Approvals.Wait(), ApprovalTimeout))
		switch {
		case errors.Is(err, fsm.ErrTimeout):
			refusal = "not approved within " + ApprovalTimeout.String()
		case err != nil:
			refusal = "approval failed: " + err.Error()
		case !decision.Approved:
			refusal = "rejected by " + decision.By
			if decision.Reason != "" {
				refusal += ": " + decision.Reason
			}
		default:
			receipt.ApprovedBy = decision.By
		}
	}

	if refusal == "" {
		payment, err := fsm.Await(ctx, ChargeCard.Call(Charge{OrderID: order.ID, Card: order.Card, AmountCents: total}))
		if err != nil {
			refusal = "declined: " + err.Error()
		} else {
			receipt.ChargeID = payment.ID
		}
	}
	if refusal != "" {
		// Give the stock back.
		for _, r := range receipt.Reserved {
			if _, err := fsm.Await(ctx, ReleaseStock.Call(r)); err != nil {
				return receipt, err
			}
		}
		receipt.Released = true
		receipt.Status = refusal
		return receipt, nil
	}

	// A durable sleep: a worker restarted meanwhile still wakes the job when
	// the cool-off ends, not a full cool-off after the restart.
	if _, err := fsm.Await(ctx, fsm.Sleep(CoolOff)); err != nil {
		return receipt, err
	}

	// One shipment per warehouse, all booked at once. The warehouses are
	// sorted so that the ops (and the receipt) do not depend on map order.
	var shipments []fsm.Op[string]
	for _, wh := range slices.Sorted(maps.Keys(units)) {
		shipments = append(shipments, Ship.Call(Shipment{OrderID: order.ID, Warehouse: wh, Units: units[wh], Express: order.Express}))
	}
	tracking, err := fsm.Await(ctx, fsm.All(shipments...))
	if err != nil {
		return receipt, err
	}
	receipt.Tracking = tracking
	receipt.Status = "shipped"
	return receipt, nil
}
