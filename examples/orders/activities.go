package orders

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// The activities of the order workflow and the fake services they call. The
// services live in this process and answer deterministically (the same
// request gets the same answer), so that the demo and the tests can run the
// job as its machine and as a plain function and compare the receipts. Only
// the payment provider keeps state: its ledger of charges, which is what an
// idempotency key protects.

// DeclinedCard is the card number the fake payment provider always declines
// (the test number card processors use for "generic decline").
const DeclinedCard = "4000 0000 0000 0002"

// Latency is how long each fake service takes to answer: none by default; the
// demo sets some so that it can kill a worker while calls are in flight.
var Latency time.Duration

// Log receives a line for each thing the fake services do; it discards them
// unless a program sets its output.
var Log = log.New(io.Discard, "", 0)

// Payments is the payment provider ChargeCard calls: one with its ledger in
// memory unless a program sets another.
var Payments = NewPaymentProvider("")

// ReserveStock holds a quantity of one product for an order in the warehouse
// that stocks it. Out of stock is an answer, not a failure worth retrying.
var ReserveStock = fsm.NewActivity("orders.reserve-stock",
	func(ctx context.Context, req StockRequest) (Reservation, error) {
		if err := answerDelay(ctx); err != nil {
			return Reservation{}, err
		}
		if outOfStock[req.SKU] {
			Log.Printf("inventory: %s is out of stock (%s)", req.SKU, req.OrderID)
			return Reservation{}, fsm.Permanent(fmt.Errorf("%s is out of stock", req.SKU))
		}
		r := Reservation{SKU: req.SKU, Qty: req.Qty, Warehouse: warehouseOf(req.SKU)}
		Log.Printf("inventory: reserved %d x %s in %s for %s", r.Qty, r.SKU, r.Warehouse, req.OrderID)
		return r, nil
	}).WithRetry(fsm.RetryPolicy{MaxAttempts: 3, InitialInterval: 200 * time.Millisecond, Timeout: 5 * time.Second})

// ReleaseStock gives a reservation back, for an order that does not go ahead.
var ReleaseStock = fsm.NewActivity("orders.release-stock",
	func(ctx context.Context, r Reservation) (bool, error) {
		if err := answerDelay(ctx); err != nil {
			return false, err
		}
		Log.Printf("inventory: released %d x %s in %s", r.Qty, r.SKU, r.Warehouse)
		return true, nil
	}).WithRetry(fsm.RetryPolicy{MaxAttempts: 10, InitialInterval: time.Second, MaxInterval: time.Minute, Timeout: 5 * time.Second})

// ChargeCard charges an amount to a card through Payments, passing the
// engine's idempotency key for this await: a charge that runs again (its
// worker died before the engine stored the answer) is not made twice.
var ChargeCard = fsm.NewActivity("orders.charge-card",
	func(ctx context.Context, c Charge) (Payment, error) {
		return Payments.Charge(ctx, fsm.IdempotencyKey(ctx), c)
	}).WithRetry(fsm.RetryPolicy{MaxAttempts: 4, InitialInterval: 500 * time.Millisecond, MaxInterval: 10 * time.Second, Timeout: 30 * time.Second})

// Ship books a carrier for the goods of an order held in one warehouse and
// returns the tracking number.
var Ship = fsm.NewActivity("orders.ship",
	func(ctx context.Context, s Shipment) (string, error) {
		if err := answerDelay(ctx); err != nil {
			return "", err
		}
		service := "STD"
		if s.Express {
			service = "EXP"
		}
		tracking := fmt.Sprintf("%s-%s-%s", service, strings.ToUpper(s.Warehouse), s.OrderID)
		Log.Printf("carrier:   booked %d unit(s) from %s for %s: %s", s.Units, s.Warehouse, s.OrderID, tracking)
		return tracking, nil
	}).WithRetry(fsm.RetryPolicy{MaxAttempts: 5, InitialInterval: time.Second, MaxInterval: time.Minute, Timeout: 10 * time.Second})

// outOfStock lists the products the fake inventory has none of.
var outOfStock = map[string]bool{"umbrella": true}

// warehouseOf is where the fake inventory keeps a product.
func warehouseOf(sku string) string {
	if strings.HasPrefix(sku, "book") {
		return "leeds"
	}
	return "lyon"
}

// answerDelay waits Latency, as a remote service would take to answer.
func answerDelay(ctx context.Context) error {
	if Latency <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(Latency)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// PaymentProvider is a fake payment service provider. Like a real one it
// keeps a ledger of the requests it answered and honours idempotency keys: a
// request whose key it has seen gets the earlier charge back, and no money
// moves. The ledger is a file when the provider has a path: it stands for the
// provider's own database, which outlives any crash of the shop's workers.
type PaymentProvider struct {
	mu   sync.Mutex
	path string        // "" for a ledger in memory
	mem  []LedgerEntry // the ledger in memory
	// forget makes every charge the first: tests set it where fsmtest.Check
	// runs the plain function and the machine one after the other, as two
	// worlds that must get the same answers.
	forget bool
}

// LedgerEntry is one charge request a PaymentProvider answered.
type LedgerEntry struct {
	Key         string // the request's idempotency key, "" for none
	OrderID     string
	AmountCents int64
	ChargeID    string
	// Replay marks a request whose key was seen before: it was answered with
	// the charge ChargeID made then, and charged nothing.
	Replay bool
}

// NewPaymentProvider returns a provider keeping its ledger in the file at
// path (appending to it), or in memory when path is "".
func NewPaymentProvider(path string) *PaymentProvider { return &PaymentProvider{path: path} }

// Charge takes c.AmountCents from c.Card, or, when key is not "" and a charge
// was made with that key, returns that charge again. A charge ID is "ch_"
// and the order's ID, with "-2", "-3", ... for further charges of one order,
// so a double charge shows in the receipt. DeclinedCard is declined (a
// permanent error: retrying will not help). The answer takes Latency to
// arrive, after the ledger has recorded the charge, as with a real provider:
// a worker that dies meanwhile has been charged but does not know it.
func (p *PaymentProvider) Charge(ctx context.Context, key string, c Charge) (Payment, error) {
	pay, err := p.charge(key, c)
	if err != nil {
		return Payment{}, err
	}
	if err := answerDelay(ctx); err != nil {
		return Payment{}, err
	}
	return pay, nil
}

func (p *PaymentProvider) charge(key string, c Charge) (Payment, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c.Card == DeclinedCard {
		Log.Printf("payments:  declined card %s for %s", lastDigits(c.Card), c.OrderID)
		return Payment{}, fsm.Permanent(errors.New("card declined"))
	}
	ledger, err := p.ledger()
	if err != nil {
		return Payment{}, err
	}
	if p.forget {
		ledger = nil
	}
	n := 0
	for _, e := range ledger {
		if key != "" && e.Key == key && !e.Replay {
			Log.Printf("payments:  request for %s with key %s seen before: answered with charge %s, charged nothing", c.OrderID, key, e.ChargeID)
			return Payment{ID: e.ChargeID, AmountCents: e.AmountCents}, p.record(LedgerEntry{Key: key, OrderID: c.OrderID, AmountCents: e.AmountCents, ChargeID: e.ChargeID, Replay: true})
		}
		if e.OrderID == c.OrderID && !e.Replay {
			n++
		}
	}
	id := "ch_" + c.OrderID
	if n > 0 {
		id = fmt.Sprintf("%s-%d", id, n+1)
	}
	if err := p.record(LedgerEntry{Key: key, OrderID: c.OrderID, AmountCents: c.AmountCents, ChargeID: id}); err != nil {
		return Payment{}, err
	}
	k := key
	if k == "" {
		k = "none"
	}
	Log.Printf("payments:  charged $%d.%02d to card %s for %s: %s (idempotency key %s)", c.AmountCents/100, c.AmountCents%100, lastDigits(c.Card), c.OrderID, id, k)
	return Payment{ID: id, AmountCents: c.AmountCents}, nil
}

// Ledger returns the requests the provider answered, oldest first.
func (p *PaymentProvider) Ledger() ([]LedgerEntry, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ledger()
}

func (p *PaymentProvider) ledger() ([]LedgerEntry, error) {
	if p.path == "" {
		return append([]LedgerEntry(nil), p.mem...), nil
	}
	return ReadLedger(p.path)
}

// ReadLedger reads the ledger file of a provider, which another process may
// be appending to: a last line still being written is left out.
func ReadLedger(path string) ([]LedgerEntry, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("payments: reading the ledger: %w", err)
	}
	var out []LedgerEntry
	sc := bufio.NewScanner(bytes.NewReader(b[:bytes.LastIndexByte(b, '\n')+1]))
	for sc.Scan() {
		var e LedgerEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, fmt.Errorf("payments: the ledger %s is damaged: %v", path, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// record appends e to the ledger, durably for a file.
func (p *PaymentProvider) record(e LedgerEntry) error {
	if p.path == "" {
		p.mem = append(p.mem, e)
		return nil
	}
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(p.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("payments: %w", err)
	}
	_, err = f.Write(append(line, '\n'))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("payments: recording a charge: %w", err)
	}
	return nil
}

func lastDigits(card string) string {
	card = strings.ReplaceAll(card, " ", "")
	if len(card) <= 4 {
		return card
	}
	return "..." + card[len(card)-4:]
}
