// Package orders is a small order workflow written as an fsmgen job.
//
// ProcessOrder reads as plain Go: it reserves stock line by line, charges the
// card, and ships from each warehouse involved. The fsmgen command (run by the
// generate directive below) also turns it into a state machine that can stop
// at every fsm.Await, be saved as bytes, and resume in another process:
// orders_fsm.go is that machine, generated and committed.
//
// The demo in cmd/demo drives the machine by hand, one await at a time.
package orders

//go:generate go run github.com/fsmgen/fsmgen/cmd/fsmgen

import (
	"fmt"
	"maps"
	"slices"

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
	OrderID     string
	Status      string // "paid", "declined: <reason>" or "backordered"
	TotalCents  int64
	ChargeID    string
	Reserved    []Reservation
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

// ExpressFeeCents is added to the total of an express order.
const ExpressFeeCents = 1500

// ProcessOrder reserves, charges and ships one order.
//
// A line whose product is out of stock is backordered and the rest goes ahead;
// when nothing can be reserved the order is not charged. A declined card is not
// an error of the workflow: the stock is released and the receipt says why.
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

	payment, err := fsm.Await(ctx, ChargeCard.Call(Charge{OrderID: order.ID, Card: order.Card, AmountCents: total}))
	if err != nil {
		// Declined: give the stock back. err is held across these awaits
		// (saved as its text).
		for _, r := range receipt.Reserved {
			if _, err := fsm.Await(ctx, ReleaseStock.Call(r)); err != nil {
				return receipt, err
			}
		}
		receipt.Status = "declined: " + err.Error()
		return receipt, nil
	}
	receipt.ChargeID = payment.ID

	// One shipment per warehouse, in a fixed order so that receipts (and the
	// ops fsmtest.Check compares) do not depend on map iteration order.
	for _, wh := range slices.Sorted(maps.Keys(units)) {
		tracking, err := fsm.Await(ctx, Ship.Call(Shipment{OrderID: order.ID, Warehouse: wh, Units: units[wh], Express: order.Express}))
		if err != nil {
			return receipt, err
		}
		receipt.Tracking = append(receipt.Tracking, tracking)
	}
	receipt.Status = "paid"
	return receipt, nil
}
