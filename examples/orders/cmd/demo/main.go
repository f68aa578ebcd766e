// Demo runs the order workflow of package orders on the durable engine, the
// way a shop would, and checks what comes out.
//
// It builds the fsmgen command, starts a worker (this program again, as a
// separate process) on a SQLite store in a temporary directory, starts a few
// orders from its own process, kills the worker with SIGKILL while charges
// and a durable sleep are in flight, lists the jobs with fsmgen jobs list,
// starts a new worker, shows a large order paused at its approval await with
// fsmgen jobs show, approves it with fsmgen jobs signal, waits for every
// order, and checks that each receipt is the one the plain function gives
// (orders.RunDirect) and that no card was charged twice. It exits with status
// 1 when a check fails, and removes the temporary directory in any case.
//
//	go run ./examples/orders/cmd/demo
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsmgen/fsmgen/examples/orders"
	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/stores"
)

func main() {
	if os.Getenv(workerEnv) != "" {
		os.Exit(worker())
	}
	db := flag.String("db", "", "run the demo's store on this PostgreSQL server (a postgres:// URL), in a schema of its own that it drops at the end; without it the store is an SQLite file in a temporary directory")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "demo: unexpected argument %q; the only flag is -db postgres://...\n", flag.Arg(0))
		os.Exit(2)
	}
	if *db != "" && !stores.IsPostgres(*db) {
		fmt.Fprintf(os.Stderr, "demo: -db %q is not a postgres:// URL; leave -db out to use an SQLite file\n", *db)
		os.Exit(2)
	}
	if _, err := run(os.Stdout, *db); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

// card is the card the orders pay with, unless they are to be declined.
const card = "4242 4242 4242 4242"

// demoOrder is an order the demo starts, with what it shows.
type demoOrder struct {
	what  string
	order orders.Order
	// decision is the approval the demo sends, nil for none.
	decision *orders.Approval
}

// demoOrders are the orders the demo starts. With every service taking
// latency to answer, the one-line orders are in their cool-off when the
// three-line order reaches its charge, which is when the demo kills the
// worker; the large order is waiting for its approval by then.
var demoOrders = []demoOrder{
	{what: "a book", order: orders.Order{ID: "o-1001", Card: card, Lines: []orders.Line{
		{SKU: "book-gopl", Qty: 1, PriceCents: 3999},
	}}},
	{what: "three lines, a coupon, the umbrella out of stock", order: orders.Order{ID: "o-1002", Card: card, Coupon: "WELCOME10", Lines: []orders.Line{
		{SKU: "book-gopl", Qty: 1, PriceCents: 3999},
		{SKU: "mug", Qty: 2, PriceCents: 1250},
		{SKU: "umbrella", Qty: 1, PriceCents: 2500},
	}}},
	{what: "a card that is declined", order: orders.Order{ID: "o-1003", Card: orders.DeclinedCard, Lines: []orders.Line{
		{SKU: "mug", Qty: 1, PriceCents: 1250},
		{SKU: "book-tgpl", Qty: 1, PriceCents: 3499},
	}}},
	{what: "express delivery", order: orders.Order{ID: "o-1004", Card: card, Express: true, Lines: []orders.Line{
		{SKU: "mug", Qty: 4, PriceCents: 1250},
	}}},
	{what: "$924.00, over the approval limit: waits for a person", order: orders.Order{ID: "o-1005", Card: card, Lines: []orders.Line{
		{SKU: "espresso-machine", Qty: 1, PriceCents: 89900},
		{SKU: "book-coffee", Qty: 1, PriceCents: 2500},
	}}, decision: &orders.Approval{Approved: true, By: "dana"}},
}

const (
	// killAt is the order whose charge reaching the payment provider is
	// the demo's cue to kill the worker.
	killAt = "o-1002"
	// bigOrder is the order that waits for its approval.
	bigOrder = "o-1005"
	// approval is what the demo sends bigOrder, as fsmgen jobs signal
	// takes it; demoOrders holds the same as a Go value.
	approval = `{"Approved": true, "By": "dana"}`
)

// summary is what run found, for the test.
type summary struct {
	Dir        string               // the temporary directory, removed on return
	Killed     bool                 // the first worker died of SIGKILL
	AtKill     []jobAt              // where each job stood when the worker died
	Shown      bool                 // the big order was shown waiting for its approval
	Receipts   []orders.Receipt     // in the order of demoOrders
	Errors     []error              // the jobs' errors, likewise
	Ledger     []orders.LedgerEntry // the payment provider's ledger
	Mismatches []string             // the orders whose receipt differs from RunDirect's
	Stopped    bool                 // the second worker exited with status 0 on SIGTERM
}

// jobAt is where a job stood in the store just after the first worker died.
type jobAt struct {
	ID     string
	Status fsm.Status
	Op     string // what it awaited, in short; "" for none
	// LostAnswer is set for a charge the provider made whose answer the
	// job never got: it is in the ledger, and the job has no outcome.
	LostAnswer bool
}

// run tells the demo's story to out and returns what it found; the error
// says which check failed, or what went wrong.
//
// server, when not "", is a PostgreSQL URL: the store is then a new schema on
// it, dropped at the end.
func run(out io.Writer, server string) (*summary, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()

	// In this process the services answer at once and the ledger is in
	// memory: it runs the jobs only as plain functions, at the end.
	setPolicy()
	orders.Latency = 0
	orders.Log = log.New(io.Discard, "", 0)

	dir, err := os.MkdirTemp("", "fsmgen-demo-")
	if err != nil {
		return nil, err
	}
	d := &demo{
		w:      &syncWriter{w: out},
		ctx:    ctx,
		dir:    dir,
		db:     filepath.Join(dir, "jobs.db"),
		ledger: filepath.Join(dir, "payments.ledger"),
		cli:    filepath.Join(dir, "fsmgen"),
		sum:    &summary{Dir: dir},
	}
	if server != "" {
		scoped, drop, err := newSchema(ctx, server)
		if err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		d.db, d.dropSchema = scoped, drop
	}
	err = d.story()
	if cerr := d.cleanup(); err == nil {
		err = cerr
	}
	return d.sum, err
}

// demo is the state of one run.
type demo struct {
	w   *syncWriter
	ctx context.Context

	dir string // the temporary directory
	db  string // the store: an SQLite file, or a PostgreSQL URL
	// dropSchema, for a store on PostgreSQL, drops the demo's schema.
	dropSchema func() error
	ledger     string // the payment provider's ledger
	cli        string // the fsmgen command, once built

	store  fsm.Store   // this process's handle on the store
	engine *fsm.Engine // on store; never runs jobs, only starts and reads them
	worker *workerProc // the worker running, nil for none

	sum *summary
}

// story runs the demo's steps in order.
func (d *demo) story() error {
	d.printf("fsmgen demo: orders.ProcessOrder on the durable engine, in a worker process.\n"+
		"Every fake service takes %v to answer; the cool-off is %v; a large order\n"+
		"waits up to %v for its approval. Work files: %s\n", latency, coolOff, approvalTimeout, d.dir)
	for _, step := range []func() error{
		d.build, d.startWorker, d.startOrders, d.kill, d.restart,
		d.signal, d.finish, d.compare, d.history, d.stop,
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// build builds the fsmgen command into the temporary directory.
func (d *demo) build() error {
	d.printf("\n1. Build the fsmgen command:\n   go build -o %s github.com/fsmgen/fsmgen/cmd/fsmgen\n", d.cli)
	cmd := exec.CommandContext(d.ctx, "go", "build", "-o", d.cli, "github.com/fsmgen/fsmgen/cmd/fsmgen")
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("building fsmgen (run the demo inside the fsmgen module): %v\n%s", err, b)
	}
	return nil
}

// startWorker opens the store in this process, which creates it, and starts
// the first worker.
func (d *demo) startWorker() error {
	s, err := stores.Open(d.ctx, d.db)
	if err != nil {
		return err
	}
	d.store = s
	d.engine, err = fsm.NewEngine(d.ctx, s, fsm.Options{Logger: discardLogger()})
	if err != nil {
		return err
	}
	if err := d.launch(); err != nil {
		return err
	}
	d.printf("\n2. Start a worker: this program again, as process %d, with %s=1.\n"+
		"   It runs the engine on the store %s; the payment provider\n"+
		"   keeps its ledger in %s, which outlives the worker.\n"+
		"   Its log lines start with \"worker:\".\n", d.worker.cmd.Process.Pid, workerEnv, d.dbName(), filepath.Base(d.ledger))
	return nil
}

// startOrders starts every order from this process, through its own handle
// on the store; the worker claims them from there.
func (d *demo) startOrders() error {
	var b strings.Builder
	b.WriteString("\n3. Start the orders from this process (fsm.Start with orders.ProcessOrderJob and\n" +
		"   fsm.WithID): it opened the store too, without being its worker.\n")
	for _, o := range demoOrders {
		id, err := fsm.Start(d.ctx, d.engine, orders.ProcessOrderJob, o.order, fsm.WithID(o.order.ID))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "   %s  %s\n", id, o.what)
	}
	d.printf("%s", b.String())
	return nil
}

// kill kills the worker once killAt's charge has reached the payment
// provider, shows where every job stood, and lists the jobs with fsmgen.
func (d *demo) kill() error {
	err := d.poll(20*time.Second, "the charge of "+killAt+" to reach the provider", func() (bool, error) {
		ledger, err := orders.ReadLedger(d.ledger)
		return slices.ContainsFunc(ledger, func(e orders.LedgerEntry) bool { return e.OrderID == killAt }), err
	})
	if err != nil {
		return err
	}
	pid := d.worker.cmd.Process.Pid
	if err := d.worker.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		return fmt.Errorf("killing the worker: %w", err)
	}
	<-d.worker.done
	ws, ok := d.worker.cmd.ProcessState.Sys().(syscall.WaitStatus)
	d.worker = nil
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		return fmt.Errorf("the worker did not die of SIGKILL: %v", ws)
	}
	d.sum.Killed = true

	ledger, err := orders.ReadLedger(d.ledger)
	if err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n4. The provider has the charge of %s: kill the worker (process %d) with SIGKILL.\n"+
		"   It is dead. Where each job stands in the store now:\n", killAt, pid)
	for _, o := range demoOrders {
		rec, err := d.store.Job(d.ctx, o.order.ID)
		if err != nil {
			return err
		}
		at := jobAt{ID: rec.ID, Status: rec.Status}
		note := ""
		if rec.Op != nil {
			v, err := fsm.DescribeOp(rec.Op, rec.Progress)
			if err != nil {
				return err
			}
			at.Op = shortOp(v)
			if v.Kind == "activity" && v.Name == orders.ChargeCard.Name() && rec.Outcome == nil &&
				slices.ContainsFunc(ledger, func(e orders.LedgerEntry) bool { return e.OrderID == rec.ID }) {
				at.LostAnswer = true
				note = "  <- charged by the provider, the answer lost"
			}
		}
		d.sum.AtKill = append(d.sum.AtKill, at)
		fmt.Fprintf(&b, "   %s  %-9s %s%s\n", at.ID, at.Status, orNone(at.Op), note)
	}
	b.WriteString("   (\"running\" is a lease the dead worker still holds; the next worker takes\n" +
		"   those jobs back at once.)\n\n")
	out, err := d.fsmgen("jobs", "list")
	if err != nil {
		return err
	}
	fmt.Fprintf(&b, "   $ fsmgen jobs list --db %s\n%s", d.dbName(), indent(out))
	d.printf("%s", b.String())
	return nil
}

// restart starts a second worker and shows the big order once it waits for
// its approval.
func (d *demo) restart() error {
	if err := d.launch(); err != nil {
		return err
	}
	again := ""
	for _, at := range d.sum.AtKill {
		if at.LostAnswer {
			again = "\n   The charge of " + at.ID + ", whose answer was lost, runs again with the same\n   idempotency key."
		}
	}
	d.printf("\n5. Start a new worker, process %d. It resumes every job from its last\n"+
		"   checkpoint.%s The large order waits for its approval:\n", d.worker.cmd.Process.Pid, again)
	err := d.poll(20*time.Second, bigOrder+" to wait for its approval", func() (bool, error) {
		rec, err := d.store.Job(d.ctx, bigOrder)
		return rec.Status == fsm.StatusWaiting && strings.Contains(string(rec.Op), orders.Approvals.Name()), err
	})
	if err != nil {
		return err
	}
	out, err := d.fsmgen("jobs", "show", bigOrder)
	if err != nil {
		return err
	}
	if !strings.Contains(out, "paused at") || !strings.Contains(out, "orders.go:") {
		return fmt.Errorf("fsmgen jobs show does not say where %s is paused:\n%s", bigOrder, out)
	}
	d.sum.Shown = true
	d.printf("   $ fsmgen jobs show %s --db %s\n%s", bigOrder, d.dbName(), indent(out))
	return nil
}

// signal approves the big order with fsmgen jobs signal.
func (d *demo) signal() error {
	out, err := d.fsmgen("jobs", "signal", bigOrder, orders.Approvals.Name(), approval)
	if err != nil {
		return err
	}
	d.printf("\n6. Approve it from the shell:\n   $ fsmgen jobs signal %s %s '%s' --db %s\n%s",
		bigOrder, orders.Approvals.Name(), approval, d.dbName(), indent(out))
	return nil
}

// finish waits for every order, prints the receipts and the provider's
// ledger, and checks that no order was charged twice.
func (d *demo) finish() error {
	for _, o := range demoOrders {
		r, err := fsm.Wait(d.ctx, d.engine, orders.ProcessOrderJob, o.order.ID)
		if err != nil && d.ctx.Err() != nil {
			return fmt.Errorf("waiting for %s: %w", o.order.ID, err)
		}
		d.sum.Receipts = append(d.sum.Receipts, r)
		d.sum.Errors = append(d.sum.Errors, err)
	}
	ledger, err := orders.ReadLedger(d.ledger)
	if err != nil {
		return err
	}
	d.sum.Ledger = ledger

	var b strings.Builder
	b.WriteString("\n7. Every order has ended. The receipts:\n")
	for i, o := range demoOrders {
		fmt.Fprintf(&b, "   %s  %s\n", o.order.ID, describe(d.sum.Receipts[i], d.sum.Errors[i]))
	}
	b.WriteString("\n   The payment provider's ledger:\n")
	var problems []string
	for _, e := range ledger {
		if e.Replay {
			fmt.Fprintf(&b, "   %s  %8s  key %s seen before: answered with %s, charged nothing\n", e.OrderID, dollars(e.AmountCents), e.Key, e.ChargeID)
			if !slices.ContainsFunc(ledger, func(f orders.LedgerEntry) bool { return !f.Replay && f.Key == e.Key && f.ChargeID == e.ChargeID }) {
				problems = append(problems, fmt.Sprintf("the replay for %s names no earlier charge with its key", e.OrderID))
			}
			continue
		}
		fmt.Fprintf(&b, "   %s  %8s  charged %s, key %s\n", e.OrderID, dollars(e.AmountCents), e.ChargeID, e.Key)
		if e.ChargeID != "ch_"+e.OrderID {
			problems = append(problems, fmt.Sprintf("%s was charged more than once (%s)", e.OrderID, e.ChargeID))
		}
	}
	for i, r := range d.sum.Receipts {
		if r.ChargeID != "" && r.ChargeID != "ch_"+demoOrders[i].order.ID {
			problems = append(problems, fmt.Sprintf("the receipt of %s has the charge %s", r.OrderID, r.ChargeID))
		}
	}
	if len(problems) > 0 {
		d.printf("%s\n", b.String())
		return errors.New(strings.Join(problems, "; "))
	}
	replayed := 0
	for _, e := range ledger {
		if e.Replay {
			replayed++
		}
	}
	switch replayed {
	case 0:
		b.WriteString("   No charge had to run again after the kill. ")
	case 1:
		b.WriteString("   A charge ran again after the kill, with the key of its first try, and was\n" +
			"   answered from the ledger. ")
	default:
		fmt.Fprintf(&b, "   %d charges ran again after the kill, with the keys of their first tries, and\n"+
			"   were answered from the ledger. ", replayed)
	}
	b.WriteString("No order was charged twice (a second charge\n   would be ch_<order>-2).\n")
	d.printf("%s", b.String())
	return nil
}

// compare checks every receipt against the plain function's, given the same
// approval decision.
func (d *demo) compare() error {
	var b strings.Builder
	b.WriteString("\n8. Each receipt against orders.RunDirect: the plain function under a direct\n" +
		"   context, given the same approval decision:\n")
	for i, o := range demoOrders {
		orders.Payments = orders.NewPaymentProvider("")
		want, wantErr := orders.RunDirect(d.ctx, o.order, o.decision)
		got, gotErr := d.sum.Receipts[i], d.sum.Errors[i]
		if reflect.DeepEqual(got, want) && errText(gotErr) == errText(wantErr) {
			fmt.Fprintf(&b, "   %s  same as the plain function\n", o.order.ID)
			continue
		}
		d.sum.Mismatches = append(d.sum.Mismatches, o.order.ID)
		fmt.Fprintf(&b, "   %s  MISMATCH\n     engine:   %+v, %v\n     function: %+v, %v\n", o.order.ID, got, gotErr, want, wantErr)
	}
	d.printf("%s", b.String())
	if len(d.sum.Mismatches) > 0 {
		return fmt.Errorf("the engine's receipts differ from the plain function's for %s", strings.Join(d.sum.Mismatches, ", "))
	}
	return nil
}

// history shows the big order's history with fsmgen.
func (d *demo) history() error {
	out, err := d.fsmgen("jobs", "history", bigOrder)
	if err != nil {
		return err
	}
	d.printf("\n9. The large order's history: each checkpoint and outcome, across both workers:\n"+
		"   $ fsmgen jobs history %s --db %s\n%s", bigOrder, d.dbName(), indent(out))
	return nil
}

// stop stops the worker with SIGTERM and removes the temporary directory.
func (d *demo) stop() error {
	p := d.worker
	d.printf("\n10. Stop the worker with SIGTERM: it stops claiming, lets running steps finish\n" +
		"    and exits.\n")
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return fmt.Errorf("stopping the worker: %w", err)
	}
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		return errors.New("the worker did not stop within 20s of SIGTERM")
	}
	d.worker = nil
	if p.err != nil {
		return fmt.Errorf("the worker: %v", p.err)
	}
	d.sum.Stopped = true
	if err := d.cleanup(); err != nil {
		return err
	}
	if _, err := os.Stat(d.dir); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%s is still there (%v)", d.dir, err)
	}
	d.printf("    It exited with status 0. Removed %s.\n", d.dir)
	return nil
}

// cleanup kills the worker if one runs, closes the store and removes the
// temporary directory. It may be called more than once.
func (d *demo) cleanup() error {
	var err error
	if p := d.worker; p != nil {
		d.worker = nil
		_ = p.cmd.Process.Kill()
		<-p.done
	}
	if d.store != nil {
		err = d.store.Close()
		d.store = nil
	}
	if d.dropSchema != nil {
		err = errors.Join(err, d.dropSchema())
		d.dropSchema = nil
	}
	if d.dir != "" {
		err = errors.Join(err, os.RemoveAll(d.dir))
	}
	return err
}

// workerProc is a worker process.
type workerProc struct {
	cmd   *exec.Cmd
	stdin *os.File      // the worker stops when this is closed
	done  chan struct{} // closed once the process has exited and its output is written
	err   error         // what cmd.Wait returned, once done is closed
}

// launch starts a worker: this program's binary again, with workerEnv set.
func (d *demo) launch() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), workerEnv+"=1", dbEnv+"="+d.db, ledgerEnv+"="+d.ledger)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = r, d.w, d.w
	err = cmd.Start()
	r.Close()
	if err != nil {
		w.Close()
		return fmt.Errorf("starting a worker: %w", err)
	}
	p := &workerProc{cmd: cmd, stdin: w, done: make(chan struct{})}
	go func() {
		p.err = cmd.Wait()
		w.Close()
		close(p.done)
	}()
	d.worker = p
	return nil
}

// fsmgen runs the fsmgen command built in step 1 on the store and returns
// its output.
func (d *demo) fsmgen(args ...string) (string, error) {
	cmd := exec.CommandContext(d.ctx, d.cli, append(args, "--db", d.db)...)
	b, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("fsmgen %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	return string(b), nil
}

// poll calls ok until it reports true, for at most timeout; it fails when
// the worker dies meanwhile.
func (d *demo) poll(timeout time.Duration, what string, ok func() (bool, error)) error {
	deadline := time.Now().Add(timeout)
	for {
		done, err := ok()
		if err != nil {
			return err
		}
		if done {
			return nil
		}
		if d.worker != nil {
			select {
			case <-d.worker.done:
				return fmt.Errorf("the worker exited (%v) while the demo waited for %s", d.worker.err, what)
			default:
			}
		}
		if time.Now().After(deadline) || d.ctx.Err() != nil {
			return fmt.Errorf("gave up after %v waiting for %s", timeout, what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// printf writes to the demo's output in one piece, so that the workers' log
// lines do not cut into it.
func (d *demo) printf(format string, args ...any) {
	fmt.Fprintf(d.w, format, args...)
}

// syncWriter serializes the writes of the demo and of its workers' output.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p to the underlying writer, alone.
func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// shortOp names an op in a few words.
func shortOp(v fsm.OpView) string {
	switch v.Kind {
	case "activity":
		return v.Name
	case "all":
		names := make([]string, len(v.Ops))
		for i, o := range v.Ops {
			names[i] = shortOp(o)
		}
		return "all of [" + strings.Join(names, ", ") + "]"
	}
	return v.String()
}

// describe sums up a receipt in one line.
func describe(r orders.Receipt, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	s := fmt.Sprintf("%s, %s", r.Status, dollars(r.TotalCents))
	if r.ApprovedBy != "" {
		s += ", approved by " + r.ApprovedBy
	}
	if r.ChargeID != "" {
		s += ", charge " + r.ChargeID
	}
	if len(r.Backordered) > 0 {
		s += ", backordered " + strings.Join(r.Backordered, " ")
	}
	if r.Released {
		s += ", stock released"
	}
	if len(r.Tracking) > 0 {
		s += ", tracking " + strings.Join(r.Tracking, " ")
	}
	return s
}

// dollars formats an amount in cents.
func dollars(cents int64) string { return fmt.Sprintf("$%d.%02d", cents/100, cents%100) }

// errText is err's text, "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// orNone is s, or "-" when s is "".
func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// indent indents every line of s by three spaces.
func indent(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		b.WriteString("   " + line)
	}
	return b.String()
}

// discardLogger returns a logger that drops everything: this process only
// starts jobs and reads them.
func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
