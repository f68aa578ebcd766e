//go:build unix

package crash

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/stores"
)

// workerEnv, set to a directory, makes the test binary a worker on the
// stores in that directory instead of running tests.
const workerEnv = "FSMGEN_CRASH_WORKER"

// ownerEnv names the worker's engine (fsm.Options.Owner) in its leases.
const ownerEnv = "FSMGEN_CRASH_OWNER"

// storeEnv is the location of the jobs' store the worker opens (a file path
// or a postgres:// URL, as stores.Open takes); leaseEnv its lease.
const (
	storeEnv = "FSMGEN_CRASH_STORE"
	leaseEnv = "FSMGEN_CRASH_LEASE"
)

var seedFlag = flag.Uint64("crash.seed", 0, "seed of TestCrash's choices (0: a new one)")

func TestMain(m *testing.M) {
	if dir := os.Getenv(workerEnv); dir != "" {
		if err := work(dir); err != nil {
			fmt.Fprintln(os.Stderr, "crash worker:", err)
			os.Exit(2)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// work runs jobs on the stores in dir until the process is killed. It exits
// by itself when its standard input closes (the test that started it is
// gone) or after a minute, so that no worker outlives a failed test.
func work(dir string) error {
	ctx := context.Background()
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		fmt.Fprintln(os.Stderr, "crash worker: the test is gone; exiting")
		os.Exit(3)
	}()
	time.AfterFunc(time.Minute, func() {
		fmt.Fprintln(os.Stderr, "crash worker: running for a minute; exiting")
		os.Exit(4)
	})
	l, err := OpenLedger(ctx, filepath.Join(dir, "effects.db"))
	if err != nil {
		return err
	}
	ledger = l
	s, err := stores.Open(ctx, os.Getenv(storeEnv))
	if err != nil {
		return err
	}
	lease, err := time.ParseDuration(os.Getenv(leaseEnv))
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	e, err := fsm.NewEngine(ctx, s, fsm.Options{Workers: 8, Lease: lease, Poll: 10 * time.Millisecond, Logger: log, Owner: os.Getenv(ownerEnv)})
	if err != nil {
		return err
	}
	return e.Run(ctx)
}

// worker is a running worker process.
type worker struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	done  chan struct{} // closed once the process has been reaped
	err   error         // of cmd.Wait, once done
}

// startWorker starts a worker process, named owner, on the effects database
// in dir and the jobs' store at location; its output goes to log.
func startWorker(t *testing.T, dir, location string, lease time.Duration, log *os.File, owner string) *worker {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), workerEnv+"="+dir, ownerEnv+"="+owner, storeEnv+"="+location, leaseEnv+"="+lease.String())
	cmd.Stdout, cmd.Stderr = log, log
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := &worker{cmd: cmd, stdin: stdin, done: make(chan struct{})}
	go func() { w.err = cmd.Wait(); close(w.done) }()
	return w
}

// kill kills the worker with SIGKILL and waits for it to be gone. It fails
// the test when the worker had ended by itself.
func (w *worker) kill(t *testing.T) {
	t.Helper()
	select {
	case <-w.done:
		t.Fatalf("the worker process ended by itself: %v", w.err)
	default:
	}
	if err := w.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-w.done
	var ee *exec.ExitError
	if !errors.As(w.err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the worker process ended with %v, not by SIGKILL", w.err)
	}
	w.stdin.Close()
}

// effect is an effect the model expects: the key it is applied under, and
// what it does to which account.
type effect struct {
	key     string
	account int
	delta   int64
}

// model returns what Transfer gives for r approved with a (when r waits for
// an approval), and the effects it makes, worked out from Transfer's
// description rather than its code: the await sequence numbers count from 1,
// and the ops of an All are numbered from 0.
func model(r TransferReq, a Approval) (Summary, []effect, map[string]bool) {
	s := Summary{ID: r.ID}
	var effs []effect
	receipts := map[string]bool{}
	seq := 0
	post := func(leaf, account int, delta int64, what string) {
		key := fmt.Sprintf("%s/%d.%d %s", r.ID, seq, leaf, what)
		effs = append(effs, effect{key, account, delta})
		s.Refs = append(s.Refs, fmt.Sprintf("%s %d%+d", key, account, delta))
	}
	await := func() { seq++; s.Awaits++ }

	await()
	post(0, r.From, -r.Amount, "debit")
	s.Debited = r.Amount
	await() // the sleep
	parts := make([]int64, r.Parts)
	for i := range parts {
		parts[i] = r.Amount / int64(r.Parts)
	}
	for i := range r.Amount % int64(r.Parts) {
		parts[len(parts)-1-int(i)]++ // each part is what is left over the parts left: the larger ones last
	}
	for i, p := range parts {
		await()
		post(0, r.To, p, fmt.Sprintf("credit %d", i))
		s.Credited += p
	}
	s.Parts = parts
	if r.Approval {
		await()
		s.Approver = a.By
		if a.Bonus > 0 {
			await()
			post(0, Bank, -a.Bonus, "bonus paid")
			post(1, r.To, a.Bonus, "bonus")
			s.Bonus = a.Bonus
		}
	}
	await()
	post(0, r.From, -r.Fee, "fee")
	post(1, FeeIncome, r.Fee, "fee income")
	post(2, Audit, 1, "audit")
	s.Fees = r.Fee
	await()
	s.Receipt = fmt.Sprintf("%s: %d from %d to %d in %v, fee %d, bonus %d by %q, %d refs",
		r.ID, s.Debited, r.From, r.To, s.Parts, s.Fees, s.Bonus, s.Approver, len(s.Refs))
	receipts[fmt.Sprintf("%s/%d.0 receipt", r.ID, seq)] = true
	return s, effs, receipts
}

// holding returns the jobs owner holds, as the store says.
func holding(t *testing.T, ctx context.Context, s fsm.Store, owner string) []string {
	t.Helper()
	recs, err := s.Jobs(ctx, fsm.JobFilter{Status: fsm.StatusRunning, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range recs {
		if r.LeaseOwner == owner {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// takenOver waits until none of ids is still held by owner, a worker that
// died at began, and returns how long after its death that was.
func takenOver(t *testing.T, ctx context.Context, s fsm.Store, owner string, ids []string, began time.Time) time.Duration {
	t.Helper()
	for _, id := range ids {
		for {
			rec, err := s.Job(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Status != fsm.StatusRunning || rec.LeaseOwner != owner {
				break
			}
			if ctx.Err() != nil {
				t.Fatalf("job %s still held by the dead worker %s after %v", id, owner, time.Since(began))
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	return time.Since(began)
}

// counts returns the store's job counts by status.
func counts(t *testing.T, ctx context.Context, s fsm.Store) map[fsm.Status]int {
	t.Helper()
	c, err := s.Counts(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range c {
		if v == 0 {
			delete(c, k)
		}
	}
	return c
}

// crashRun is what one crash test runs: how many jobs, worker processes and
// kills, on which store.
type crashRun struct {
	n, workers, kills int
	lease             time.Duration
	// store returns the location of the jobs' store for the test's own view
	// and for the workers (they may differ only in connection parameters).
	store func(dir string) (own, workers string)
	// cut, when set, cuts the workers' connections to the store; it is
	// called at random moments and returns how many it cut.
	cut func() int64
}

// TestCrash runs the jobs in one worker process on an SQLite file, killed
// and restarted again and again.
func TestCrash(t *testing.T) {
	c := crashRun{n: 300, workers: 1, kills: 16, lease: time.Second}
	if testing.Short() {
		c.n, c.kills = 60, 5
	}
	c.store = func(dir string) (string, string) {
		path := filepath.Join(dir, "jobs.db")
		return path, path
	}
	c.run(t)
}

// TestCrashPostgres runs the jobs in three worker processes sharing one
// PostgreSQL store, kills one of them at random moments while it holds jobs,
// and checks that the others take those jobs over within the lease.
func TestCrashPostgres(t *testing.T) {
	c := crashRun{n: 300, workers: 3, kills: 12, lease: time.Second}
	if testing.Short() {
		c.n, c.kills = 60, 4
	}
	cs := pgtest.Schema(t)
	c.store = func(string) (string, string) { return cs, cs }
	c.run(t)
}

// TestConnectionsCutPostgres cuts every connection of three worker processes
// to their PostgreSQL store (pg_terminate_backend) at random moments: the
// workers reconnect, none dies, and the jobs finish as if nothing happened.
func TestConnectionsCutPostgres(t *testing.T) {
	c := crashRun{n: 200, workers: 3, kills: 0, lease: time.Second}
	if testing.Short() {
		c.n = 60
	}
	cs := pgtest.Schema(t)
	u, err := url.Parse(cs)
	if err != nil {
		t.Fatal(err)
	}
	app := "fsmgen_crash_" + u.Query().Get("search_path")
	q := u.Query()
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	c.store = func(string) (string, string) { return cs, u.String() }
	c.cut = func() int64 {
		return pgtest.Exec(t, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", app)
	}
	c.run(t)
}

func (c crashRun) run(t *testing.T) {
	n, kills := c.n, c.kills
	seed := *seedFlag
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seed %d (repeat with -crash.seed=%d)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	began := time.Now()

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Second)
	defer cancel()
	dir := t.TempDir()
	ownLoc, workerLoc := c.store(dir)
	logFile, err := os.Create(filepath.Join(dir, "worker.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	t.Cleanup(func() {
		if t.Failed() {
			showLog(t, logFile.Name())
		}
	})

	// The test's own view of the stores: it starts jobs and sends signals
	// through an engine that never runs.
	store, err := stores.Open(ctx, ownLoc)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	eng, err := fsm.NewEngine(ctx, store, fsm.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	led, err := OpenLedger(ctx, filepath.Join(dir, "effects.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer led.Close()

	// The jobs, started in batches: some before any worker runs, the others
	// while workers run and are killed.
	reqs := make([]TransferReq, n)
	approvals := map[string]Approval{}
	for i := range reqs {
		from := rng.IntN(10)
		r := TransferReq{
			ID:     fmt.Sprintf("transfer-%03d", i),
			From:   from,
			To:     (from + 1 + rng.IntN(9)) % 10,
			Amount: 1 + rng.Int64N(1000),
			Parts:  1 + rng.IntN(4),
			Fee:    rng.Int64N(10),
		}
		if rng.IntN(3) == 0 {
			r.Approval = true
			approvals[r.ID] = Approval{By: fmt.Sprintf("ops-%d", rng.IntN(5)), Bonus: 25 * rng.Int64N(4)}
		}
		reqs[i] = r
	}
	var started int
	var toSignal []string // started jobs waiting for their approval
	startSome := func(k int) {
		for ; k > 0 && started < n; k-- {
			r := reqs[started]
			started++
			if _, err := fsm.Start(ctx, eng, TransferJob, r, fsm.WithID(r.ID)); err != nil {
				t.Fatal(err)
			}
			if r.Approval {
				toSignal = append(toSignal, r.ID)
			}
		}
	}
	// sendSome sends the approvals of k started jobs picked at random.
	sendSome := func(k int) {
		for ; k > 0 && len(toSignal) > 0; k-- {
			i := rng.IntN(len(toSignal))
			id := toSignal[i]
			toSignal = slices.Delete(toSignal, i, i+1)
			if err := ApprovalSignal.Send(ctx, eng, id, approvals[id]); err != nil {
				t.Fatalf("sending the approval of %s: %v", id, err)
			}
		}
	}
	first := n / 4
	startSome(first)
	sendSome(rng.IntN(len(toSignal) + 1)) // before the jobs have run at all

	// Kill a worker at random moments while it holds jobs, restarting it
	// each time; or cut the workers' connections.
	var held []int                // jobs the killed worker held, per kill
	var takeovers []time.Duration // how long the others took to take them, per kill
	ws := make([]*worker, c.workers)
	names := make([]string, c.workers)
	gen := 0
	start := func(i int) {
		names[i] = fmt.Sprintf("worker-%d", gen)
		gen++
		ws[i] = startWorker(t, dir, workerLoc, c.lease, logFile, names[i])
	}
	for i := range ws {
		start(i)
	}
	rounds, cuts := kills, int64(0)
	if c.cut != nil {
		rounds = 10
		// Cut connections mid-run, not while a worker is still opening the
		// store (a program that cannot start says so and exits; its
		// supervisor restarts it): wait until each has held a job.
		startSome(n / 4)
		seen := map[string]bool{}
		for deadline := time.Now().Add(20 * time.Second); len(seen) < len(names); {
			for _, name := range names {
				if len(holding(t, ctx, store, name)) > 0 {
					seen[name] = true
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("only %d of %d workers took jobs in 20s", len(seen), len(names))
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
	for k := range rounds {
		time.Sleep(time.Duration(10+rng.IntN(140)) * time.Millisecond)
		startSome((n - started) / (rounds - k))
		sendSome(rng.IntN(len(toSignal) + 1))
		time.Sleep(time.Duration(10+rng.IntN(140)) * time.Millisecond)
		if c.cut != nil {
			cut := c.cut()
			cuts += cut
			t.Logf("cut %d at %v: %d connections, %v", k+1, time.Since(began).Round(time.Millisecond), cut, counts(t, ctx, store))
			continue
		}
		i := rng.IntN(len(ws))
		owner := names[i]
		for try := 1; try <= 200 && len(holding(t, ctx, store, owner)) == 0; try++ {
			if try%20 == 0 {
				startSome(max(1, (n-started)/(3*(kills-k)))) // the worker is idle: keep it busy
			}
			time.Sleep(2 * time.Millisecond)
		}
		ws[i].kill(t)
		died := time.Now()
		ids := holding(t, ctx, store, owner)
		held = append(held, len(ids))
		took := time.Duration(0)
		if c.workers > 1 {
			took = takenOver(t, ctx, store, owner, ids, died)
			takeovers = append(takeovers, took)
		}
		t.Logf("kill %d of %s at %v: %v, %d held by it, taken over in %v", k+1, owner, time.Since(began).Round(time.Millisecond), counts(t, ctx, store), len(ids), took.Round(time.Millisecond))
		if rng.IntN(2) == 0 {
			sendSome(rng.IntN(len(toSignal) + 1)) // while the worker is dead
		}
		fmt.Fprintf(logFile, "--- restart %d\n", k+1)
		start(i)
	}
	startSome(n)
	sendSome(len(toSignal))

	// Let the workers finish.
	stopAll := func() {
		for _, w := range ws {
			w.kill(t)
		}
	}
	for {
		c := counts(t, ctx, store)
		if c[fsm.StatusSucceeded]+c[fsm.StatusFailed]+c[fsm.StatusCancelled]+c[fsm.StatusAttention] == n {
			break
		}
		if ctx.Err() != nil {
			stopAll()
			t.Fatalf("jobs did not finish after %v: %v", time.Since(began).Round(time.Millisecond), c)
		}
		time.Sleep(20 * time.Millisecond)
	}
	finished := time.Since(began)
	stopAll() // each must still be alive: none died of a cut connection
	for k, took := range takeovers {
		// The lease of a job the dead worker held ends at most a lease
		// after its last renewal; then a poll of another worker takes it.
		if limit := c.lease + 2*time.Second; took > limit {
			t.Errorf("kill %d: the dead worker's %d jobs were taken over in %v, more than the lease (%v) and two seconds", k+1, held[k], took, c.lease)
		}
	}
	if c.cut != nil && cuts == 0 {
		t.Errorf("no connection was cut")
	}
	if c := counts(t, ctx, store); !reflect.DeepEqual(c, map[fsm.Status]int{fsm.StatusSucceeded: n}) {
		t.Errorf("jobs by status: %v, want all %d succeeded", c, n)
	}

	// Every job: its result, its history.
	wantApplied := map[string]bool{}
	wantReceipts := map[string]string{}
	balances := map[int]int64{}
	flakyKeys := 0
	for _, r := range reqs {
		want, effs, rkeys := model(r, approvals[r.ID])
		for _, e := range effs {
			wantApplied[e.key] = true
			balances[e.account] += e.delta
		}
		jobFlaky := 0
		for key := range rkeys {
			wantApplied[key] = true
		}
		for _, e := range effs {
			if flaky(e.key) {
				jobFlaky++
			}
		}
		flakyKeys += jobFlaky
		wantReceipts[r.ID] = want.Receipt
		got, done, err := fsm.Result(ctx, eng, TransferJob, r.ID)
		if !done || err != nil {
			rec, _ := store.Job(ctx, r.ID)
			t.Errorf("job %s: done %v, err %v (status %s, error %q)", r.ID, done, err, rec.Status, rec.Error)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("job %s (%+v) gave\n%+v\nwant\n%+v", r.ID, r, got, want)
		}
		checkHistory(t, ctx, store, r.ID, want.Awaits, r.Approval, jobFlaky)
	}

	// The effects: each exactly once, and nothing else.
	gotBalances := map[int]int64{}
	queryRows(t, led, "SELECT account, cents FROM balances", func(sc func(...any) error) error {
		var a int
		var c int64
		err := sc(&a, &c)
		gotBalances[a] = c
		return err
	})
	for a, c := range balances {
		if c == 0 {
			delete(balances, a)
		}
	}
	for a, c := range gotBalances {
		if c == 0 {
			delete(gotBalances, a)
		}
	}
	if !reflect.DeepEqual(gotBalances, balances) {
		t.Errorf("balances %v, want %v", gotBalances, balances)
	}
	var sum int64
	for _, c := range gotBalances {
		sum += c
	}
	if want := int64(n); sum != want { // money moves; only the audit counter adds up
		t.Errorf("balances add up to %d, want %d (one audit per transfer)", sum, want)
	}
	gotApplied := map[string]bool{}
	queryRows(t, led, "SELECT key FROM applied", func(sc func(...any) error) error {
		var k string
		err := sc(&k)
		gotApplied[k] = true
		return err
	})
	if !reflect.DeepEqual(gotApplied, wantApplied) {
		var extra, missing []string
		for k := range gotApplied {
			if !wantApplied[k] {
				extra = append(extra, k)
			}
		}
		for k := range wantApplied {
			if !gotApplied[k] {
				missing = append(missing, k)
			}
		}
		slices.Sort(extra)
		slices.Sort(missing)
		t.Errorf("applied keys: %d, want %d; unexpected %q; missing %q", len(gotApplied), len(wantApplied), extra, missing)
	}
	gotReceipts := map[string][]string{}
	queryRows(t, led, "SELECT job, text FROM receipts", func(sc func(...any) error) error {
		var j, text string
		err := sc(&j, &text)
		gotReceipts[j] = append(gotReceipts[j], text)
		return err
	})
	for id, text := range wantReceipts {
		if got := gotReceipts[id]; len(got) != 1 || got[0] != text {
			t.Errorf("receipts of %s: %q, want one: %q", id, got, text)
		}
	}
	if len(gotReceipts) != len(wantReceipts) {
		t.Errorf("%d jobs have receipts, want %d", len(gotReceipts), len(wantReceipts))
	}

	// Attempts: none under a key the model does not know, and some twice.
	var attempts, keys, strays, pids int
	if err := led.db.QueryRowContext(ctx, "SELECT count(*), count(DISTINCT key), count(DISTINCT pid) FROM attempts").Scan(&attempts, &keys, &pids); err != nil {
		t.Fatal(err)
	}
	queryRows(t, led, "SELECT DISTINCT key FROM attempts", func(sc func(...any) error) error {
		var k string
		err := sc(&k)
		if !wantApplied[k] {
			strays++
		}
		return err
	})
	if strays > 0 || keys != len(wantApplied) {
		t.Errorf("attempts under %d keys (%d unknown to the model), want %d", keys, strays, len(wantApplied))
	}
	dups := attempts - keys
	midStep := 0
	for _, h := range held {
		if h > 0 {
			midStep++
		}
	}
	t.Logf("%d jobs, %d effects, in %v: %d workers, %d kills, %d of them while the worker held jobs (%v), taken over in %v; %d connections cut; %d worker processes made attempts; %d attempts ran again after a crash; %d first attempts failed on purpose",
		n, len(wantApplied), finished.Round(time.Millisecond), c.workers, kills, midStep, held, takeovers, cuts, pids, dups, flakyKeys)
	if midStep < kills/2 {
		t.Errorf("only %d of %d kills landed while the worker held jobs", midStep, kills)
	}
	if dups == 0 && kills > 0 && !testing.Short() {
		t.Errorf("no attempt ran twice: no kill landed between an effect and the record of its outcome")
	}
}

// checkHistory checks that job id finished once, checkpointed each of its
// awaits once, in order, and recorded one outcome for each; that an approved
// job consumed one signal; and that each first attempt failed on purpose is
// in its history once.
func checkHistory(t *testing.T, ctx context.Context, s fsm.Store, id string, awaits int, approval bool, flakies int) {
	t.Helper()
	evs, err := s.History(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var checkpoints, outcomes []int64
	kinds := map[fsm.EventKind]int{}
	for _, ev := range evs {
		kinds[ev.Kind]++
		switch ev.Kind {
		case fsm.EventCheckpoint:
			checkpoints = append(checkpoints, ev.Seq)
		case fsm.EventOutcome:
			outcomes = append(outcomes, ev.Seq)
		}
	}
	want := make([]int64, awaits)
	for i := range want {
		want[i] = int64(i + 1)
	}
	signals := 0
	if approval {
		signals = 1
	}
	if kinds[fsm.EventStarted] != 1 || kinds[fsm.EventFinished] != 1 || kinds[fsm.EventSignal] != signals ||
		kinds[fsm.EventAttempt] != flakies || kinds[fsm.EventAttention] != 0 ||
		!slices.Equal(checkpoints, want) || !slices.Equal(outcomes, want) {
		var b strings.Builder
		for _, ev := range evs {
			fmt.Fprintf(&b, "\n\tseq %d %s state %d %s", ev.Seq, ev.Kind, ev.StateNum, ev.Detail)
		}
		t.Errorf("job %s: history has events %v, checkpoints %v, outcomes %v; want 1 started, 1 finished, %d signals, %d failed attempts, checkpoints and outcomes 1..%d:%s",
			id, kinds, checkpoints, outcomes, signals, flakies, awaits, b.String())
	}
}

// queryRows runs query on the ledger and calls row for each row with its
// Scan.
func queryRows(t *testing.T, l *Ledger, query string, row func(scan func(...any) error) error) {
	t.Helper()
	rows, err := l.db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows.Scan); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// showLog logs the last lines of the workers' log.
func showLog(t *testing.T, path string) {
	f, err := os.Open(path)
	if err != nil {
		t.Log(err)
		return
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	// A worker that died by itself says why first: show from there.
	for i, l := range lines {
		if strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "fatal error:") || strings.HasPrefix(l, "crash worker:") {
			lines = lines[i:]
			break
		}
	}
	if len(lines) > 80 {
		lines = lines[:80]
	}
	t.Logf("the workers' log ends:\n%s", strings.Join(lines, "\n"))
}
