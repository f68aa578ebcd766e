// Demo runs the order workflow of package orders twice: once as the plain Go
// function it is, and once as the state machine fsmgen generated from it,
// stopping the machine at every await, writing it to files and loading it into
// a fresh machine as a new process would. It checks that both runs end alike.
//
// It uses only the public runtime API (package fsm), the way a durable job
// engine would: LookupJob, JobInfo.New and Zero, Machine.Resume, MarshalCBOR
// and UnmarshalCBOR, EncodeOp/DecodeOp, RunOp, EncodeOutcome/DecodeOutcome.
//
//	go run ./examples/orders/cmd/demo
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/fxamacker/cbor/v2"

	"github.com/fsmgen/fsmgen/examples/orders"
	fsm "github.com/fsmgen/fsmgen/runtime"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

// The order the demo follows: one line is out of stock, a coupon applies.
var order = orders.Order{
	ID:     "o-1001",
	Card:   "4242 4242 4242 4242",
	Coupon: "WELCOME10",
	Lines: []orders.Line{
		{SKU: "book-gopl", Qty: 1, PriceCents: 3999},
		{SKU: "mug", Qty: 2, PriceCents: 1250},
		{SKU: "umbrella", Qty: 1, PriceCents: 2500},
	},
}

// showState is the await whose stored state the demo prints in full.
const showState = 2

// More orders, checked the same way but told in one line each.
var others = []struct {
	what  string
	order orders.Order
}{
	{"declined card", orders.Order{ID: "o-1002", Card: orders.DeclinedCard, Lines: order.Lines}},
	{"empty order", orders.Order{ID: "o-1003", Card: order.Card}},
}

func run(w io.Writer) error {
	ctx := context.Background()
	fmt.Fprintf(w, "fsmgen demo: job orders.ProcessOrder, order %s (%d lines, coupon %s)\n\n", order.ID, len(order.Lines), order.Coupon)

	// 1. The job is ordinary Go: call it.
	fmt.Fprintln(w, "1. Plain run: ProcessOrder called under fsm.Direct, every Await runs inline.")
	plain, plainErr := orders.ProcessOrder(fsm.Direct(ctx), order)
	fmt.Fprintf(w, "   %s\n\n", describe(plain, plainErr))

	// 2. The same job as its generated machine, driven by hand.
	info, ok := fsm.LookupJob(orders.ProcessOrder)
	if !ok {
		return errors.New("no machine registered for orders.ProcessOrder; run go generate ./examples/orders")
	}
	dir, err := os.MkdirTemp("", "fsmgen-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Fprintln(w, "2. The generated state machine. At each await it stops; its state (the await's")
	fmt.Fprintln(w, "   number and the variables still needed) and the op it waits for are written to")
	fmt.Fprintln(w, "   files, the machine is dropped, and a fresh one is loaded from the files, runs")
	fmt.Fprintln(w, "   the op and resumes.")
	run, err := drive(ctx, w, info, order, dir)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "   (\"kept by the machine\": the bound and position of each loop it stops in.)")

	// 3. What a stored state holds.
	fmt.Fprintf(w, "\n3. The state stored at await %d, one item per line (CBOR diagnostic notation):\n", showState)
	if err := diagnose(w, info, run.shown); err != nil {
		return err
	}

	// 4. Both runs must agree.
	fmt.Fprintf(w, "\n4. Machine run: %s\n", describe(run.receipt, run.err))
	same := sameResults(run, plain, plainErr)
	if same {
		fmt.Fprintln(w, "   Same results as the plain run.")
	} else {
		fmt.Fprintln(w, "   MISMATCH: the machine's results differ from the plain run's.")
	}

	// 5. Other paths through the job, in brief.
	fmt.Fprintln(w, "\n5. Other orders, plain run vs machine:")
	for _, o := range others {
		r, rErr := orders.ProcessOrder(fsm.Direct(ctx), o.order)
		mr, err := drive(ctx, io.Discard, info, o.order, dir)
		if err != nil {
			return err
		}
		verdict := "same"
		if !sameResults(mr, r, rErr) {
			verdict, same = "MISMATCH", false
		}
		fmt.Fprintf(w, "   %-14s %d stops, %s: %s\n", o.what, mr.stops, verdict, describe(mr.receipt, mr.err))
	}
	if !same {
		os.Exit(1)
	}
	return nil
}

// machineRun is what drive reports.
type machineRun struct {
	receipt orders.Receipt
	err     error
	stops   int    // how many times the machine suspended
	shown   []byte // the state stored at await showState
}

func sameResults(m machineRun, r orders.Receipt, err error) bool {
	return reflect.DeepEqual(m.receipt, r) && errText(m.err) == errText(err)
}

// drive runs the job's machine for o to its end, persisting it at every await
// in dir, and tells w about each stop.
func drive(ctx context.Context, w io.Writer, info *fsm.JobInfo, o orders.Order, dir string) (machineRun, error) {
	var run machineRun
	m, err := info.New([]any{o})
	if err != nil {
		return run, err
	}
	var in fsm.Outcome // the zero Outcome starts the job
	told := map[int]bool{}
	for {
		op, err := m.Resume(fsm.MachineContext(ctx), in)
		if err != nil {
			return run, err
		}
		if op == nil { // the job has returned
			results := m.Results()
			run.receipt, _ = results[0].(orders.Receipt)
			run.err, _ = results[1].(error)
			return run, nil
		}
		run.stops++
		state := m.State()
		b, err := m.MarshalCBOR()
		if err != nil {
			return run, err
		}
		opBytes, err := fsm.EncodeOp(op)
		if err != nil {
			return run, err
		}
		if state == showState {
			run.shown = b
		}
		st := info.States[state-1]
		fmt.Fprintf(w, "   stop %d: state %d, %s, awaits %v; saved %d B state + %d B op\n", run.stops, state, st.Pos, op, len(b), len(opBytes))
		if !told[state] {
			told[state] = true
			var vars []string
			internal := 0
			for _, v := range st.Vars {
				if v.Internal {
					internal++ // a loop's position, an operand computed early
					continue
				}
				vars = append(vars, v.Name+" "+v.Type)
			}
			line := "     live: " + strings.Join(vars, ", ")
			if internal > 0 {
				line += fmt.Sprintf(" (+%d kept by the machine)", internal)
			}
			fmt.Fprintln(w, line)
		}

		// The process could stop here: all that is left is two files.
		statePath := filepath.Join(dir, fmt.Sprintf("step%d.state", run.stops))
		opPath := filepath.Join(dir, fmt.Sprintf("step%d.op", run.stops))
		if err := os.WriteFile(statePath, b, 0o600); err != nil {
			return run, err
		}
		if err := os.WriteFile(opPath, opBytes, 0o600); err != nil {
			return run, err
		}
		m, op = nil, nil

		// A new process: load the machine and its op from the files.
		if b, err = os.ReadFile(statePath); err != nil {
			return run, err
		}
		if opBytes, err = os.ReadFile(opPath); err != nil {
			return run, err
		}
		m = info.Zero()
		if err := m.UnmarshalCBOR(b); err != nil {
			return run, err
		}
		if op, err = fsm.DecodeOp(opBytes); err != nil {
			return run, err
		}
		// Run the op; its outcome is stored too before the machine gets it.
		outBytes, err := fsm.EncodeOutcome(op, fsm.RunOp(ctx, op))
		if err != nil {
			return run, err
		}
		if in, err = fsm.DecodeOutcome(op, outBytes); err != nil {
			return run, err
		}
	}
}

// diagnose prints a stored state: the state number, then each saved variable
// under its source name.
func diagnose(w io.Writer, info *fsm.JobInfo, stored []byte) error {
	if stored == nil {
		return fmt.Errorf("the job never stopped at await %d", showState)
	}
	var items []cbor.RawMessage
	if err := cbor.Unmarshal(stored, &items); err != nil {
		return err
	}
	names := []string{"state"}
	for _, v := range info.States[showState-1].Vars {
		names = append(names, v.Name)
	}
	for i, item := range items {
		text, err := cbor.Diagnose(item)
		if err != nil {
			return err
		}
		if len(text) > 96 {
			text = text[:93] + "..."
		}
		fmt.Fprintf(w, "   %-8s %s\n", names[i], text)
	}
	return nil
}

// describe sums up a receipt in one line.
func describe(r orders.Receipt, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	if r.ChargeID == "" {
		return r.Status
	}
	var reserved []string
	for _, res := range r.Reserved {
		reserved = append(reserved, res.SKU)
	}
	return fmt.Sprintf("%s %s, charge %s, reserved %s, backordered %s, %d shipments",
		r.Status, dollars(r.TotalCents), r.ChargeID, strings.Join(reserved, " "),
		strings.Join(r.Backordered, " "), len(r.Tracking))
}

func dollars(cents int64) string { return fmt.Sprintf("$%d.%02d", cents/100, cents%100) }

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
