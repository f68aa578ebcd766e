package orders

import (
	"context"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/fsmtest"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

var (
	lines = []Line{
		{SKU: "book-gopl", Qty: 1, PriceCents: 3999},
		{SKU: "mug", Qty: 2, PriceCents: 1250},
		{SKU: "umbrella", Qty: 1, PriceCents: 2500},
	}
	reserved = []Reservation{
		{SKU: "book-gopl", Qty: 1, Warehouse: "leeds"},
		{SKU: "mug", Qty: 2, Warehouse: "lyon"},
	}
	// large needs approval: $899 of coffee machine and a book.
	large = []Line{
		{SKU: "espresso-machine", Qty: 1, PriceCents: 89900},
		{SKU: "book-coffee", Qty: 1, PriceCents: 2500},
	}
	largeReserved = []Reservation{
		{SKU: "espresso-machine", Qty: 1, Warehouse: "lyon"},
		{SKU: "book-coffee", Qty: 1, Warehouse: "leeds"},
	}
)

// policy sets the shop's waits for one test.
func policy(t *testing.T, approvalTimeout, coolOff time.Duration) {
	t.Helper()
	oldA, oldC, oldP := ApprovalTimeout, CoolOff, Payments
	ApprovalTimeout, CoolOff, Payments = approvalTimeout, coolOff, NewPaymentProvider("")
	t.Cleanup(func() { ApprovalTimeout, CoolOff, Payments = oldA, oldC, oldP })
}

// TestProcessOrder runs the job as plain Go and as its generated machine,
// stored and reloaded at every await, for each path through it that needs no
// signal, and pins the results and the number of awaits.
//
// fsmtest.Check runs both with no fsm.DirectEnv: sleeps are real (CoolOff is
// shrunk) and a signal await fails at once. So the approval's paths are
// tested on an engine below; here a large order takes the path where the
// wait for its approval fails.
func TestProcessOrder(t *testing.T) {
	policy(t, time.Hour, time.Millisecond)
	Payments.forget = true // the plain run and the machine each charge once
	tests := []struct {
		name    string
		order   Order
		want    Receipt
		wantErr string
		awaits  int
	}{
		{
			name:  "shipped",
			order: Order{ID: "o-1", Card: "4242", Coupon: "WELCOME10", Lines: lines},
			want: Receipt{
				OrderID: "o-1", Status: "shipped", TotalCents: 5850, ChargeID: "ch_o-1",
				Reserved: reserved, Backordered: []string{"umbrella"},
				Tracking: []string{"STD-LEEDS-o-1", "STD-LYON-o-1"},
				Notes:    []string{"umbrella is out of stock"},
			},
			awaits: 3 + 1 + 1 + 1, // reserve each line, charge, cool off, ship from two warehouses at once
		},
		{
			name:  "express with unknown coupon",
			order: Order{ID: "o-2", Card: "4242", Coupon: "FREE", Express: true, Lines: lines[1:2]},
			want: Receipt{
				OrderID: "o-2", Status: "shipped", TotalCents: 2500 + ExpressFeeCents, ChargeID: "ch_o-2",
				Reserved: reserved[1:2], Tracking: []string{"EXP-LYON-o-2"},
				Notes: []string{"unknown coupon FREE"},
			},
			awaits: 1 + 1 + 1 + 1,
		},
		{
			name:  "declined card",
			order: Order{ID: "o-3", Card: DeclinedCard, Lines: lines},
			want: Receipt{
				OrderID: "o-3", Status: "declined: card declined", TotalCents: 6499,
				Reserved: reserved, Released: true, Backordered: []string{"umbrella"},
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
		{
			name:  "large order, no signals to wait for",
			order: Order{ID: "o-6", Card: "4242", Lines: large},
			want: Receipt{
				OrderID: "o-6", Status: "approval failed: fsm: the job waits for signal \"orders.approval\" under a direct context that has no signals; use fsm.DirectWith with DirectEnv.Signal",
				TotalCents: 92400, Reserved: largeReserved, Released: true,
			},
			awaits: 2 + 1 + 2, // reserve, approval, release
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

// TestRunDirect pins the plain function's receipts for the approval's paths,
// which the engine tests compare against.
func TestRunDirect(t *testing.T) {
	policy(t, time.Hour, 2*time.Hour) // sleeps are instant under RunDirect
	order := Order{ID: "o-7", Card: "4242", Lines: large}
	tests := []struct {
		name     string
		decision *Approval
		want     Receipt
	}{
		{"approved", &Approval{Approved: true, By: "dana"}, Receipt{
			OrderID: "o-7", Status: "shipped", TotalCents: 92400, ApprovedBy: "dana", ChargeID: "ch_o-7",
			Reserved: largeReserved, Tracking: []string{"STD-LEEDS-o-7", "STD-LYON-o-7"},
		}},
		{"rejected", &Approval{By: "dana", Reason: "card reported stolen"}, Receipt{
			OrderID: "o-7", Status: "rejected by dana: card reported stolen", TotalCents: 92400,
			Reserved: largeReserved, Released: true,
		}},
		{"no decision", nil, Receipt{
			OrderID: "o-7", Status: "not approved within 1h0m0s", TotalCents: 92400,
			Reserved: largeReserved, Released: true,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RunDirect(context.Background(), order, tt.decision)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("RunDirect = %+v, %v\nwant        %+v", got, err, tt.want)
			}
		})
	}
}

// rig is an engine running on a fresh SQLite store.
type rig struct {
	t     *testing.T
	path  string
	store *sqlitestore.Store
	e     *fsm.Engine
	stop  func()
}

func newRig(t *testing.T) *rig {
	r := &rig{t: t, path: filepath.Join(t.TempDir(), "jobs.db")}
	r.start(2 * time.Second)
	t.Cleanup(r.shutdown)
	return r
}

func (r *rig) start(grace time.Duration) {
	r.t.Helper()
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, r.path)
	if err != nil {
		r.t.Fatal(err)
	}
	quiet := slog.New(slog.DiscardHandler)
	e, err := fsm.NewEngine(ctx, s, fsm.Options{Poll: 5 * time.Millisecond, ShutdownGrace: grace, Logger: quiet})
	if err != nil {
		r.t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- e.Run(runCtx) }()
	r.store, r.e = s, e
	r.stop = func() {
		cancel()
		if err := <-done; err != nil {
			r.t.Errorf("Run: %v", err)
		}
		if err := s.Close(); err != nil {
			r.t.Errorf("Close: %v", err)
		}
	}
}

func (r *rig) shutdown() {
	if r.stop != nil {
		r.stop()
		r.stop = nil
	}
}

// waitFor waits until the job satisfies ok.
func (r *rig) waitFor(id, what string, ok func(fsm.JobRecord) bool) {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rec, err := r.store.Job(context.Background(), id)
		if err != nil {
			r.t.Fatal(err)
		}
		if ok(rec) {
			return
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("job %s never got %s: it is %s at state %d", id, what, rec.Status, rec.StateNum)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func ctxFor(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// TestOnEngine runs orders on the durable engine, sends the approvals the way
// `fsmgen jobs signal` does (as JSON, through the store), and checks each
// receipt against the plain function given the same decision.
func TestOnEngine(t *testing.T) {
	tests := []struct {
		name     string
		order    Order
		timeout  time.Duration
		decision string // JSON; "" sends none
		want     *Approval
		status   string
	}{
		{"small", Order{ID: "e-1", Card: "4242", Lines: lines}, time.Minute, "", nil, "shipped"},
		{"approved", Order{ID: "e-2", Card: "4242", Lines: large}, time.Minute, `{"Approved": true, "By": "dana"}`, &Approval{Approved: true, By: "dana"}, "shipped"},
		{"rejected", Order{ID: "e-3", Card: "4242", Lines: large}, time.Minute, `{"By": "sam", "Reason": "too many"}`, &Approval{By: "sam", Reason: "too many"}, "rejected by sam: too many"},
		{"no decision", Order{ID: "e-4", Card: "4242", Lines: large}, 50 * time.Millisecond, "", nil, "not approved within 50ms"},
		{"approved, declined card", Order{ID: "e-5", Card: DeclinedCard, Lines: large}, time.Minute, `{"Approved": true, "By": "dana"}`, &Approval{Approved: true, By: "dana"}, "declined: card declined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			policy(t, tt.timeout, 10*time.Millisecond)
			r := newRig(t)
			ctx := ctxFor(t)
			id, err := fsm.Start(ctx, r.e, ProcessOrderJob, tt.order, fsm.WithID(tt.order.ID))
			if err != nil {
				t.Fatal(err)
			}
			if tt.decision != "" {
				r.waitFor(id, "to wait for its approval", func(rec fsm.JobRecord) bool {
					return rec.Status == fsm.StatusWaiting && strings.Contains(string(rec.Op), "orders.approval")
				})
				if err := fsm.SendSignalJSON(ctx, r.store, id, "orders.approval", []byte(tt.decision)); err != nil {
					t.Fatal(err)
				}
			}
			got, err := fsm.Wait(ctx, r.e, ProcessOrderJob, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tt.status {
				t.Errorf("status %q, want %q", got.Status, tt.status)
			}
			ledger, _ := Payments.Ledger()
			Payments = NewPaymentProvider("")
			want, err := RunDirect(ctx, tt.order, tt.want)
			if err != nil || !reflect.DeepEqual(got, want) {
				t.Errorf("the engine gave  %+v\nthe function gave %+v, %v", got, want, err)
			}
			plainLedger, _ := Payments.Ledger()
			if len(ledger) != len(plainLedger) {
				t.Errorf("the engine's run made %d charges, the function's %d", len(ledger), len(plainLedger))
			}
		})
	}
}

// TestChargeRunsAgainOnce stops a worker while the payment provider is
// answering a charge, so that the engine has no outcome for it and runs the
// charge again on the next worker: the provider sees the same idempotency key
// and charges once.
func TestChargeRunsAgainOnce(t *testing.T) {
	policy(t, time.Minute, 10*time.Millisecond)
	old := Latency
	Latency = 300 * time.Millisecond
	t.Cleanup(func() { Latency = old })

	r := &rig{t: t, path: filepath.Join(t.TempDir(), "jobs.db")}
	r.start(time.Millisecond) // a stop ends running activities at once
	t.Cleanup(r.shutdown)
	ctx := ctxFor(t)
	order := Order{ID: "k-1", Card: "4242", Lines: lines[:1]}
	id, err := fsm.Start(ctx, r.e, ProcessOrderJob, order, fsm.WithID(order.ID))
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
		if l, _ := Payments.Ledger(); len(l) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the charge never reached the provider")
		}
	}
	r.shutdown() // the charge's answer is still on its way
	if rec, err := func() (fsm.JobRecord, error) {
		s, err := sqlitestore.Open(ctx, r.path)
		if err != nil {
			return fsm.JobRecord{}, err
		}
		defer s.Close()
		return s.Job(ctx, id)
	}(); err != nil || rec.Outcome != nil || !strings.Contains(string(rec.Op), "orders.charge-card") {
		t.Fatalf("after the stop the job is %+v, %v; want it at the charge, with no outcome", rec, err)
	}

	Latency = 0
	r.start(2 * time.Second)
	got, err := fsm.Wait(ctx, r.e, ProcessOrderJob, id)
	if err != nil {
		t.Fatal(err)
	}
	ledger, _ := Payments.Ledger()
	if len(ledger) != 2 || ledger[0].Replay || !ledger[1].Replay || ledger[0].Key == "" || ledger[0].Key != ledger[1].Key {
		t.Errorf("ledger %+v, want a charge and a replay of it with the same key", ledger)
	}
	if got.ChargeID != "ch_k-1" {
		t.Errorf("charge %q, want ch_k-1 (a second charge would be ch_k-1-2)", got.ChargeID)
	}
}
