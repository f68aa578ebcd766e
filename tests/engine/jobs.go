// Package engine tests the durable engine end to end: generated machines run
// by fsm.Engine on the SQLite store, as a program runs them in production.
package engine

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Order is what Checkout is started with.
type Order struct {
	ID     string
	Amount int64
	Items  []string
	Wait   time.Duration // how long to wait for the approval
}

// Receipt is what Checkout returns.
type Receipt struct {
	Order    string
	Charge   string
	Approver string
	Shipped  []string
	Note     string
}

// Approval is the payload of the approval signal.
type Approval struct {
	By string `json:"by"`
	OK bool   `json:"ok"`
}

// effects records, by idempotency key, what activities did: the tests check
// that every effect happened exactly once.
type effects struct {
	mu   sync.Mutex
	keys map[string]int
	log  []string
}

func (e *effects) do(ctx context.Context, what string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.keys == nil {
		e.keys = map[string]int{}
	}
	e.keys[fsm.IdempotencyKey(ctx)+" "+what]++
	e.log = append(e.log, what)
}

func (e *effects) reset() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.keys, e.log = nil, nil
}

func (e *effects) count(what string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, w := range e.log {
		if w == what {
			n++
		}
	}
	return n
}

var done effects

// flaky holds how many more times an activity fails before it succeeds, per
// order id.
var flaky sync.Map

var (
	Charge = fsm.NewActivity("engine.charge", func(ctx context.Context, o Order) (string, error) {
		if n, ok := flaky.Load(o.ID); ok && n.(int) > 0 {
			flaky.Store(o.ID, n.(int)-1)
			return "", fmt.Errorf("card network busy (%d)", n.(int))
		}
		if o.Amount < 0 {
			return "", fsm.Permanent(errors.New("negative amount"))
		}
		done.do(ctx, "charge "+o.ID)
		return "ch-" + o.ID, nil
	}).WithRetry(fsm.RetryPolicy{MaxAttempts: 4, InitialInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond})

	Ship = fsm.NewActivity("engine.ship", func(ctx context.Context, item string) (string, error) {
		done.do(ctx, "ship "+item)
		return "shipped " + item, nil
	})

	Slow = fsm.NewActivity("engine.slow", func(ctx context.Context, d time.Duration) (int, error) {
		select {
		case <-time.After(d):
			return 1, nil
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}).WithRetry(fsm.RetryPolicy{MaxAttempts: 2, InitialInterval: time.Millisecond, Timeout: 5 * time.Second})

	ApprovalSignal = fsm.NewSignal[Approval]("engine.approval")
)

// Checkout charges, waits for an approval (for a while), sleeps durably, and
// ships every item at once.
//
//fsmgen:job
func Checkout(ctx fsm.Context, o Order) (Receipt, error) {
	r := Receipt{Order: o.ID}
	ch, err := fsm.Await(ctx, Charge.Call(o))
	if err != nil {
		return r, fmt.Errorf("charging: %w", err)
	}
	r.Charge = ch
	a, err := fsm.Await(ctx, fsm.Timeout(ApprovalSignal.Wait(), o.Wait))
	switch {
	case errors.Is(err, fsm.ErrTimeout):
		r.Note = "approval timed out"
		return r, nil
	case err != nil:
		return r, err
	case !a.OK:
		return r, fmt.Errorf("rejected by %s", a.By)
	}
	r.Approver = a.By
	if _, err := fsm.Await(ctx, fsm.Sleep(10*time.Millisecond)); err != nil {
		return r, err
	}
	var ships []fsm.Op[string]
	for _, it := range o.Items {
		ships = append(ships, Ship.Call(it))
	}
	shipped, err := fsm.Await(ctx, fsm.All(ships...))
	if err != nil {
		return r, err
	}
	r.Shipped = shipped
	return r, nil
}

// Quick charges and returns: no signal to wait for.
//
//fsmgen:job
func Quick(ctx fsm.Context, o Order) (string, error) {
	return fsm.Await(ctx, Charge.Call(o))
}

// Parent runs Quick as a child job for each order and adds up what they say.
//
//fsmgen:job
func Parent(ctx fsm.Context, orders []Order) ([]string, error) {
	var out []string
	for _, o := range orders {
		s, err := fsm.Await(ctx, fsm.Child(QuickJob, o))
		if err != nil {
			return out, fmt.Errorf("child %s: %w", o.ID, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// Patient waits for an approval that may never come, and reports a
// cancellation as its result.
//
//fsmgen:job
func Patient(ctx fsm.Context, id string) (string, error) {
	_, err := fsm.Await(ctx, ApprovalSignal.Wait())
	if errors.Is(err, fsm.ErrCancelled) {
		return "cancelled while waiting for " + id, err
	}
	return "approved " + id, err
}

// Sleeper sleeps for d, durably.
//
//fsmgen:job
func Sleeper(ctx fsm.Context, d time.Duration) (time.Duration, error) {
	start := time.Now()
	_, err := fsm.Await(ctx, fsm.Sleep(d))
	return time.Since(start), err
}

// Racer takes whichever comes first: a slow activity or a short sleep.
//
//fsmgen:job
func Racer(ctx fsm.Context, d time.Duration) (string, error) {
	_, err := fsm.Await(ctx, fsm.Timeout(Slow.Call(d), 300*time.Millisecond))
	if errors.Is(err, fsm.ErrTimeout) {
		return "timeout", nil
	}
	if err != nil {
		return "", err
	}
	return "finished", nil
}

// Panicky panics after its first await when told to.
//
//fsmgen:job
func Panicky(ctx fsm.Context, o Order) (string, error) {
	ch, err := fsm.Await(ctx, Charge.Call(o))
	if err != nil {
		return "", err
	}
	if o.Amount == 13 {
		panic("unlucky amount")
	}
	return ch, nil
}

// Quickest takes the first of two slow activities to finish.
//
//fsmgen:job
func Quickest(ctx fsm.Context, ds []time.Duration) (int, error) {
	var ops []fsm.Op[int]
	for i, d := range ds {
		ops = append(ops, Tagged.Call(Tag{N: i, D: d}))
	}
	return fsm.Await(ctx, fsm.First(ops...))
}

// Tag is the argument of Tagged: which call it is, and how long it takes.
type Tag struct {
	N int
	D time.Duration
}

// Tagged answers with its tag after a while, unless stopped.
var Tagged = fsm.NewActivity("engine.tagged", func(ctx context.Context, t Tag) (int, error) {
	select {
	case <-time.After(t.D):
		done.do(ctx, fmt.Sprintf("tagged %d", t.N))
		return t.N, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
})

// Echo gives back its argument; the benchmarks await it.
var Echo = fsm.NewActivity("engine.echo", func(_ context.Context, n int) (int, error) { return n, nil })

// Counter awaits Echo n times and adds up what it says.
//
//fsmgen:job
func Counter(ctx fsm.Context, n int) (int, error) {
	sum := 0
	for i := 0; i < n; i++ {
		v, err := fsm.Await(ctx, Echo.Call(i))
		if err != nil {
			return sum, err
		}
		sum += v
	}
	return sum, nil
}

// Sharer charges, then holds two slices of one array across its next
// await, which its checkpoint refuses: the job needs attention after the
// charge's outcome.
//
//fsmgen:job
func Sharer(ctx fsm.Context, o Order) (int, error) {
	if _, err := fsm.Await(ctx, Charge.Call(o)); err != nil {
		return 0, err
	}
	a := []int{1, 2, 3}
	b := a[1:]
	if _, err := fsm.Await(ctx, fsm.Sleep(time.Millisecond)); err != nil {
		return 0, err
	}
	return len(a) + len(b), nil
}

// Approvals awaits n approvals, one after another.
//
//fsmgen:job
func Approvals(ctx fsm.Context, n int) (int, error) {
	ok := 0
	for range n {
		a, err := fsm.Await(ctx, ApprovalSignal.Wait())
		if err != nil {
			return ok, err
		}
		if a.OK {
			ok++
		}
	}
	return ok, nil
}
