package orders

import (
	"context"
	"errors"
	"fmt"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// The activities of the order workflow. In a real shop each would call a
// service (inventory, payments, carriers); here they are pure functions of
// their argument, so that the demo and the tests can run the job twice and
// compare the runs.

// DeclinedCard is the card number the fake payment service always declines
// (the test number card processors use for "generic decline").
const DeclinedCard = "4000 0000 0000 0002"

// ReserveStock holds a quantity of one product for an order in the warehouse
// that stocks it. It fails for products that are out of stock.
var ReserveStock = fsm.NewActivity("orders.reserve-stock",
	func(_ context.Context, req StockRequest) (Reservation, error) {
		if outOfStock[req.SKU] {
			return Reservation{}, fmt.Errorf("%s is out of stock", req.SKU)
		}
		return Reservation{SKU: req.SKU, Qty: req.Qty, Warehouse: warehouseOf(req.SKU)}, nil
	})

// ReleaseStock gives a reservation back, for an order that cannot be paid.
var ReleaseStock = fsm.NewActivity("orders.release-stock",
	func(_ context.Context, r Reservation) (bool, error) { return true, nil })

// ChargeCard charges an amount to a card. It declines DeclinedCard.
var ChargeCard = fsm.NewActivity("orders.charge-card",
	func(_ context.Context, c Charge) (Payment, error) {
		if c.Card == DeclinedCard {
			return Payment{}, errors.New("card declined")
		}
		return Payment{ID: "ch_" + c.OrderID, AmountCents: c.AmountCents}, nil
	})

// Ship books a carrier for the goods of an order held in one warehouse and
// returns the tracking number.
var Ship = fsm.NewActivity("orders.ship",
	func(_ context.Context, s Shipment) (string, error) {
		service := "STD"
		if s.Express {
			service = "EXP"
		}
		return fmt.Sprintf("%s-%s-%s", service, strings.ToUpper(s.Warehouse), s.OrderID), nil
	})

// outOfStock lists the products the fake inventory has none of.
var outOfStock = map[string]bool{"umbrella": true}

// warehouseOf is where the fake inventory keeps a product.
func warehouseOf(sku string) string {
	if strings.HasPrefix(sku, "book") {
		return "leeds"
	}
	return "lyon"
}
