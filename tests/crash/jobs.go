package crash

//go:generate go run github.com/fsmgen/fsmgen/cmd/fsmgen

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Accounts that are not customers'.
const (
	// Bank pays the bonuses.
	Bank = 100
	// FeeIncome receives the fees.
	FeeIncome = 101
	// Audit counts the transfers that reached their fees.
	Audit = 102
)

// TransferReq is what a Transfer job is started with.
type TransferReq struct {
	ID       string
	From, To int   // customer accounts
	Amount   int64 // moved from From to To
	Parts    int   // To is credited in this many parts, one await each
	Fee      int64 // charged to From on top of Amount
	Approval bool  // wait for the approval signal, which may add a bonus
}

// Approval is the payload of the approval signal.
type Approval struct {
	By    string
	Bonus int64 // paid by the Bank to the receiving account when > 0
}

// Summary is what a Transfer returns. Every field is built from local
// variables kept across awaits, so a job resumed with the wrong state, or an
// await resumed twice or skipped, gives a different summary.
type Summary struct {
	ID       string
	Debited  int64
	Credited int64
	Parts    []int64
	Approver string
	Bonus    int64
	Fees     int64
	Refs     []string // what each Post said, in await order
	Receipt  string
	Awaits   int
}

// Posting is one change of one account's balance.
type Posting struct {
	Account int
	Delta   int64
	What    string
}

// ReceiptReq is what the receipt activity writes.
type ReceiptReq struct {
	ID   string
	Text string
}

// ApprovalSignal approves a transfer that waits for it.
var ApprovalSignal = fsm.NewSignal[Approval]("crash.approval")

// retry is quick so that the test spends its time on crashes, not on
// backoffs.
var retry = fsm.RetryPolicy{MaxAttempts: 5, InitialInterval: time.Millisecond, MaxInterval: 5 * time.Millisecond, Timeout: 20 * time.Second}

// Post applies a Posting to the effects database once per await, however
// often it runs, and returns a reference naming the await and the posting.
// Its first attempt fails now and then (before any effect), so that engine
// retries mix with the crashes.
var Post = fsm.NewActivity("crash.post", func(ctx context.Context, p Posting) (string, error) {
	info, _ := fsm.ActivityInfoFrom(ctx)
	key := info.IdempotencyKey + " " + p.What
	if info.Attempt == 1 && flaky(key) {
		return "", errors.New("ledger busy, try again")
	}
	if err := ledger.post(ctx, key, p); err != nil {
		return "", err
	}
	latency()
	return fmt.Sprintf("%s %d%+d", key, p.Account, p.Delta), nil
}).WithRetry(retry)

// Receipt writes a transfer's receipt once per await and returns its text.
var Receipt = fsm.NewActivity("crash.receipt", func(ctx context.Context, r ReceiptReq) (string, error) {
	key := fsm.IdempotencyKey(ctx) + " receipt"
	if err := ledger.receipt(ctx, key, r); err != nil {
		return "", err
	}
	latency()
	return r.Text, nil
}).WithRetry(retry)

// flaky picks the keys whose first attempt fails: one in eight.
func flaky(key string) bool {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()%8 == 0
}

// latency stands for the time a reply takes to come back from a service: a
// crash in it leaves an effect made and its outcome not yet recorded.
func latency() { time.Sleep(time.Duration(rand.IntN(1500)) * time.Microsecond) }

// Transfer moves Amount from one account to another in Parts credits, waits
// for an approval when asked (paying the bonus it carries), charges the fee
// and writes a receipt. It awaits 6 to 10 times.
//
//fsmgen:job
func Transfer(ctx fsm.Context, t TransferReq) (Summary, error) {
	s := Summary{ID: t.ID}
	ref, err := fsm.Await(ctx, Post.Call(Posting{Account: t.From, Delta: -t.Amount, What: "debit"}))
	if err != nil {
		return s, fmt.Errorf("debit: %w", err)
	}
	s.Awaits++
	s.Debited = t.Amount
	s.Refs = append(s.Refs, ref)

	if _, err := fsm.Await(ctx, fsm.Sleep(time.Duration(1+t.Parts%3)*time.Millisecond)); err != nil {
		return s, err
	}
	s.Awaits++

	left := t.Amount
	for i := range t.Parts {
		part := left / int64(t.Parts-i)
		ref, err := fsm.Await(ctx, Post.Call(Posting{Account: t.To, Delta: part, What: fmt.Sprintf("credit %d", i)}))
		if err != nil {
			return s, fmt.Errorf("credit %d: %w", i, err)
		}
		s.Awaits++
		left -= part
		s.Credited += part
		s.Parts = append(s.Parts, part)
		s.Refs = append(s.Refs, ref)
	}
	if left != 0 {
		return s, fmt.Errorf("%d left to credit", left)
	}

	if t.Approval {
		a, err := fsm.Await(ctx, ApprovalSignal.Wait())
		if err != nil {
			return s, fmt.Errorf("approval: %w", err)
		}
		s.Awaits++
		s.Approver = a.By
		if a.Bonus > 0 {
			refs, err := fsm.Await(ctx, fsm.All(
				Post.Call(Posting{Account: Bank, Delta: -a.Bonus, What: "bonus paid"}),
				Post.Call(Posting{Account: t.To, Delta: a.Bonus, What: "bonus"}),
			))
			if err != nil {
				return s, fmt.Errorf("bonus: %w", err)
			}
			s.Awaits++
			s.Bonus = a.Bonus
			s.Refs = append(s.Refs, refs...)
		}
	}

	refs, err := fsm.Await(ctx, fsm.All(
		Post.Call(Posting{Account: t.From, Delta: -t.Fee, What: "fee"}),
		Post.Call(Posting{Account: FeeIncome, Delta: t.Fee, What: "fee income"}),
		Post.Call(Posting{Account: Audit, Delta: 1, What: "audit"}),
	))
	if err != nil {
		return s, fmt.Errorf("fees: %w", err)
	}
	s.Awaits++
	s.Fees = t.Fee
	s.Refs = append(s.Refs, refs...)

	text := fmt.Sprintf("%s: %d from %d to %d in %v, fee %d, bonus %d by %q, %d refs",
		t.ID, s.Debited, t.From, t.To, s.Parts, s.Fees, s.Bonus, s.Approver, len(s.Refs))
	s.Receipt, err = fsm.Await(ctx, Receipt.Call(ReceiptReq{ID: t.ID, Text: text}))
	if err != nil {
		return s, fmt.Errorf("receipt: %w", err)
	}
	s.Awaits++
	return s, nil
}
