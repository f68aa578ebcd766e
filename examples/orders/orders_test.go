package orders

import (
	"reflect"
	"testing"

	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

// TestProcessOrder runs the job as plain Go and as its generated machine, stored
// and reloaded at every await, for each path through it, and pins the results
// and the number of awaits.
func TestProcessOrder(t *testing.T) {
	lines := []Line{
		{SKU: "book-gopl", Qty: 1, PriceCents: 3999},
		{SKU: "mug", Qty: 2, PriceCents: 1250},
		{SKU: "umbrella", Qty: 1, PriceCents: 2500},
	}
	reserved := []Reservation{
		{SKU: "book-gopl", Qty: 1, Warehouse: "leeds"},
		{SKU: "mug", Qty: 2, Warehouse: "lyon"},
	}
	tests := []struct {
		name    string
		order   Order
		want    Receipt
		wantErr string
		awaits  int
	}{
		{
			name:  "paid",
			order: Order{ID: "o-1", Card: "4242", Coupon: "WELCOME10", Lines: lines},
			want: Receipt{
				OrderID: "o-1", Status: "paid", TotalCents: 5850, ChargeID: "ch_o-1",
				Reserved: reserved, Backordered: []string{"umbrella"},
				Tracking: []string{"STD-LEEDS-o-1", "STD-LYON-o-1"},
				Notes:    []string{"umbrella is out of stock"},
			},
			awaits: 3 + 1 + 2, // reserve each line, charge, ship from two warehouses
		},
		{
			name:  "express with unknown coupon",
			order: Order{ID: "o-2", Card: "4242", Coupon: "FREE", Express: true, Lines: lines[1:2]},
			want: Receipt{
				OrderID: "o-2", Status: "paid", TotalCents: 2500 + ExpressFeeCents, ChargeID: "ch_o-2",
				Reserved: reserved[1:2], Tracking: []string{"EXP-LYON-o-2"},
				Notes: []string{"unknown coupon FREE"},
			},
			awaits: 1 + 1 + 1,
		},
		{
			name:  "declined card",
			order: Order{ID: "o-3", Card: DeclinedCard, Lines: lines},
			want: Receipt{
				OrderID: "o-3", Status: "declined: card declined", TotalCents: 6499,
				Reserved: reserved, Backordered: []string{"umbrella"},
				Notes: []string{"umbrella is out of stock"},
			},
			awaits: 3 + 1 + 2, // reserve, charge, release the two reservations
		},
		{
			name:  "nothing in stock",
			order: Order{ID: "o-4", Card: "4242", Lines: lines[2:]},
			want: Receipt{
				OrderID: "o-4", Status: "backordered", Backordered: []string{"umbrella"},
				Notes: []string{"umbrella is out of stock"},
			},
			awaits: 1,
		},
		{
			name:    "empty order",
			order:   Order{ID: "o-5", Card: "4242"},
			wantErr: "order o-5 has no lines",
			awaits:  0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fsmtest.Check(t, ProcessOrder, tt.order)
			if r.Awaits != tt.awaits {
				t.Errorf("the machine suspended %d times, want %d", r.Awaits, tt.awaits)
			}
			if len(r.Values) != 2 {
				t.Fatalf("results = %v, want a receipt and an error", r.Values)
			}
			got, _ := r.Values[0].(Receipt)
			err, _ := r.Values[1].(error)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("error = %v, want none", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("receipt = %+v\nwant      %+v", got, tt.want)
			}
		})
	}
}
