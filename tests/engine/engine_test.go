package engine

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// rig is an engine running on a fresh SQLite store in its own goroutine.
type rig struct {
	t      *testing.T
	path   string
	store  *sqlitestore.Store
	e      *fsm.Engine
	stop   context.CancelFunc
	done   chan error
	logBuf *syncBuffer
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newRig(t *testing.T) *rig {
	t.Helper()
	done.reset()
	r := &rig{t: t, path: filepath.Join(t.TempDir(), "jobs.db")}
	r.start()
	return r
}

// start opens the store and runs an engine on it.
func (r *rig) start() {
	t := r.t
	t.Helper()
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, r.path)
	if err != nil {
		t.Fatal(err)
	}
	r.store = s
	r.logBuf = &syncBuffer{}
	log := slog.New(slog.NewTextHandler(r.logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	r.e, err = fsm.NewEngine(ctx, s, fsm.Options{Workers: 8, Poll: 5 * time.Millisecond, Lease: 2 * time.Second, ShutdownGrace: 2 * time.Second, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	r.stop, r.done = stop, make(chan error, 1)
	go func() { r.done <- r.e.Run(runCtx) }()
	t.Cleanup(r.shutdown)
}

// shutdown stops the engine and closes the store; it may be called twice.
func (r *rig) shutdown() {
	if r.stop == nil {
		return
	}
	r.stop()
	if err := <-r.done; err != nil {
		r.t.Errorf("Run: %v", err)
	}
	r.stop = nil
	if err := r.store.Close(); err != nil {
		r.t.Errorf("Close: %v", err)
	}
}

func (r *rig) ctx() context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	r.t.Cleanup(cancel)
	return ctx
}

// waitStatus waits for the job to reach status.
func (r *rig) waitStatus(id string, status fsm.Status) fsm.JobRecord {
	r.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rec, err := r.store.Job(context.Background(), id)
		if err != nil {
			r.t.Fatal(err)
		}
		if rec.Status == status {
			return rec
		}
		if time.Now().After(deadline) {
			r.t.Fatalf("job %s is %s (%s), want %s: %+v\nlog:\n%s", id, rec.Status, rec.Error, status, rec, r.logBuf)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func (r *rig) history(id string) []fsm.Event {
	r.t.Helper()
	evs, err := r.store.History(context.Background(), id)
	if err != nil {
		r.t.Fatal(err)
	}
	return evs
}

func countKind(evs []fsm.Event, k fsm.EventKind) int {
	n := 0
	for _, ev := range evs {
		if ev.Kind == k {
			n++
		}
	}
	return n
}

// plainCheckout runs Checkout as the plain function, with the approval given.
func plainCheckout(t *testing.T, o Order, a Approval) (Receipt, error) {
	t.Helper()
	ctx := fsm.DirectWith(context.Background(), fsm.DirectEnv{
		Signal: func(ctx context.Context, name string) (any, error) { return a, nil },
	})
	return Checkout(ctx, o)
}

func TestCheckoutEndToEnd(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	o := Order{ID: "o-1", Amount: 40, Items: []string{"book", "lamp", "mug"}, Wait: time.Minute}
	id, err := fsm.Start(ctx, r.e, CheckoutJob, o)
	if err != nil {
		t.Fatal(err)
	}
	rec := r.waitStatus(id, fsm.StatusWaiting)
	if !rec.RunAt.After(time.Now().Add(50 * time.Second)) {
		t.Errorf("waiting job runs at %v, want the approval's timeout about a minute away", rec.RunAt)
	}
	if _, done, err := fsm.Result(ctx, r.e, CheckoutJob, id); done || err != nil {
		t.Fatalf("Result of a waiting job: done %v, err %v", done, err)
	}
	if err := ApprovalSignal.Send(ctx, r.e, id, Approval{By: "ann", OK: true}); err != nil {
		t.Fatal(err)
	}
	got, err := fsm.Wait(ctx, r.e, CheckoutJob, id)
	if err != nil {
		t.Fatal(err)
	}
	done.reset()
	want, werr := plainCheckout(t, o, Approval{By: "ann", OK: true})
	if werr != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("machine gave %+v, plain function %+v, %v", got, want, werr)
	}
	evs := r.history(id)
	if n := countKind(evs, fsm.EventCheckpoint); n != 4 {
		t.Errorf("%d checkpoints, want 4 (charge, approval, sleep, shipping)", n)
	}
	if countKind(evs, fsm.EventSignal) != 1 || countKind(evs, fsm.EventFinished) != 1 {
		t.Errorf("history: %+v", evs)
	}
	for i := 1; i < len(evs); i++ {
		if evs[i].Time.Before(evs[i-1].Time) || evs[i].Seq < evs[i-1].Seq {
			t.Errorf("history out of order at %d: %+v", i, evs)
		}
	}
	if !strings.Contains(r.logBuf.String(), "job_id="+id) {
		t.Errorf("the engine's logs do not name the job:\n%s", r.logBuf)
	}
}

func TestEffectsOnceWithKeys(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	var ids []string
	for _, n := range []string{"a", "b", "c", "d"} {
		id, err := fsm.Start(ctx, r.e, CheckoutJob, Order{ID: n, Items: []string{n + "1", n + "2"}, Wait: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	for _, id := range ids {
		r.waitStatus(id, fsm.StatusWaiting)
		if err := ApprovalSignal.Send(ctx, r.e, id, Approval{By: "bo", OK: true}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range ids {
		if _, err := fsm.Wait(ctx, r.e, CheckoutJob, id); err != nil {
			t.Fatal(err)
		}
	}
	done.mu.Lock()
	defer done.mu.Unlock()
	if len(done.keys) != 12 {
		t.Errorf("%d distinct effects, want 12 (4 charges, 8 shipments): %v", len(done.keys), done.keys)
	}
	for k, n := range done.keys {
		if n != 1 || !strings.Contains(k, "/") {
			t.Errorf("effect %q happened %d times (keys are job id/await.op)", k, n)
		}
	}
}

func TestStartWithIDIsIdempotent(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	o := Order{ID: "same"}
	id1, err := fsm.Start(ctx, r.e, QuickJob, o, fsm.WithID("order-same"))
	if err != nil {
		t.Fatal(err)
	}
	id2, err := fsm.Start(ctx, r.e, QuickJob, Order{ID: "other"}, fsm.WithID("order-same"))
	if err != nil || id1 != "order-same" || id2 != id1 {
		t.Fatalf("ids %q, %q, err %v", id1, id2, err)
	}
	if got, err := fsm.Wait(ctx, r.e, QuickJob, id1); err != nil || got != "ch-same" {
		t.Errorf("Wait = %q, %v; want the first start's result", got, err)
	}
	if done.count("charge same") != 1 || done.count("charge other") != 0 {
		t.Errorf("effects: %v", done.log)
	}
	_, err = fsm.Start(ctx, r.e, PatientJob, "x", fsm.WithID("order-same"))
	if !errors.Is(err, fsm.ErrIDTaken) {
		t.Errorf("starting another job under a taken id: %v, want ErrIDTaken", err)
	}
	if _, err := fsm.Wait(ctx, r.e, PatientJob, "order-same"); err == nil || !strings.Contains(err.Error(), "not a") {
		t.Errorf("Wait with the wrong handle: %v", err)
	}
	if _, err := fsm.Wait(ctx, r.e, QuickJob, "nope"); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("Wait on an unknown id: %v, want ErrNotFound", err)
	}
}

func TestRetriesThenSuccess(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	flaky.Store("fl", 2)
	defer flaky.Delete("fl")
	id, err := fsm.Start(ctx, r.e, QuickJob, Order{ID: "fl"})
	if err != nil {
		t.Fatal(err)
	}
	if got, err := fsm.Wait(ctx, r.e, QuickJob, id); err != nil || got != "ch-fl" {
		t.Fatalf("Wait = %q, %v", got, err)
	}
	evs := r.history(id)
	if n := countKind(evs, fsm.EventAttempt); n != 2 {
		t.Errorf("%d failed attempts recorded, want 2: %+v", n, evs)
	}
	if !strings.Contains(evs[len(evs)-1].Detail, "succeeded") && countKind(evs, fsm.EventFinished) != 1 {
		t.Errorf("history does not end with the finish: %+v", evs)
	}
}

func TestRetriesExhaustedAndPermanent(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	flaky.Store("busy", 100)
	defer flaky.Delete("busy")
	id, err := fsm.Start(ctx, r.e, QuickJob, Order{ID: "busy"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = fsm.Wait(ctx, r.e, QuickJob, id)
	if err == nil || err.Error() != "card network busy (97)" {
		t.Errorf("Wait after 4 attempts: %v, want the last attempt's error text exactly", err)
	}
	if n := countKind(r.history(id), fsm.EventAttempt); n != 3 {
		t.Errorf("%d retried attempts, want 3 (MaxAttempts 4)", n)
	}
	rec := r.waitStatus(id, fsm.StatusFailed)
	if rec.Error != "card network busy (97)" {
		t.Errorf("stored error %q", rec.Error)
	}

	id, err = fsm.Start(ctx, r.e, QuickJob, Order{ID: "neg", Amount: -1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = fsm.Wait(ctx, r.e, QuickJob, id)
	// The job returns the error; as the job's result it is kept as its text.
	if err == nil || err.Error() != "negative amount" {
		t.Errorf("permanent failure: %v", err)
	}
	if n := countKind(r.history(id), fsm.EventAttempt); n != 0 {
		t.Errorf("a permanent error was retried %d times", n)
	}
}

func TestSignalBeforeAwaitIsKept(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	r.shutdown() // no worker: the signal arrives before the job runs at all
	s, err := sqlitestore.Open(ctx, r.path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := fsm.NewEngine(ctx, s, fsm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	id, err := fsm.Start(ctx, e, CheckoutJob, Order{ID: "early", Items: []string{"x"}, Wait: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if err := ApprovalSignal.Send(ctx, e, id, Approval{By: "eve", OK: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r.start()
	got, err := fsm.Wait(ctx, r.e, CheckoutJob, id)
	if err != nil || got.Approver != "eve" {
		t.Errorf("Wait = %+v, %v", got, err)
	}
}

func TestApprovalTimesOut(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, CheckoutJob, Order{ID: "late", Wait: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	got, err := fsm.Wait(ctx, r.e, CheckoutJob, id)
	if err != nil || got.Note != "approval timed out" || got.Charge != "ch-late" {
		t.Errorf("Wait = %+v, %v", got, err)
	}
	// A signal after the job ended is refused, and stored nowhere.
	if err := ApprovalSignal.Send(ctx, r.e, id, Approval{}); !errors.Is(err, fsm.ErrJobEnded) {
		t.Errorf("signal to an ended job: %v, want ErrJobEnded", err)
	}
}

func TestRejected(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, CheckoutJob, Order{ID: "rej", Wait: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	r.waitStatus(id, fsm.StatusWaiting)
	if err := ApprovalSignal.Send(ctx, r.e, id, Approval{By: "cy", OK: false}); err != nil {
		t.Fatal(err)
	}
	_, err = fsm.Wait(ctx, r.e, CheckoutJob, id)
	if err == nil || err.Error() != "rejected by cy" {
		t.Errorf("Wait: %v", err)
	}
	if rec := r.waitStatus(id, fsm.StatusFailed); rec.Error != "rejected by cy" {
		t.Errorf("stored error %q", rec.Error)
	}
}

func TestCancelWhileWaiting(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, PatientJob, "p1")
	if err != nil {
		t.Fatal(err)
	}
	r.waitStatus(id, fsm.StatusWaiting)
	if err := r.e.Cancel(ctx, id); err != nil {
		t.Fatal(err)
	}
	got, err := fsm.Wait(ctx, r.e, PatientJob, id)
	if !errors.Is(err, fsm.ErrCancelled) || got != "cancelled while waiting for p1" {
		t.Errorf("Wait = %q, %v; want the job's own result after its await failed with ErrCancelled", got, err)
	}
	r.waitStatus(id, fsm.StatusCancelled)
	if err := r.e.Cancel(ctx, id); !errors.Is(err, fsm.ErrJobEnded) {
		t.Errorf("cancelling an ended job: %v", err)
	}
	if err := r.e.Cancel(ctx, "nope"); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("cancelling an unknown job: %v", err)
	}
}

func TestChildJobs(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	orders := []Order{{ID: "k1"}, {ID: "k2"}, {ID: "k3"}}
	id, err := fsm.Start(ctx, r.e, ParentJob, orders)
	if err != nil {
		t.Fatal(err)
	}
	got, err := fsm.Wait(ctx, r.e, ParentJob, id)
	if err != nil || !reflect.DeepEqual(got, []string{"ch-k1", "ch-k2", "ch-k3"}) {
		t.Fatalf("Wait = %v, %v", got, err)
	}
	kids, err := r.store.Jobs(ctx, fsm.JobFilter{Parent: id})
	if err != nil || len(kids) != 3 {
		t.Fatalf("children: %v, %v", kids, err)
	}
	for _, k := range kids {
		if k.Name != QuickJob.Name() || k.Status != fsm.StatusSucceeded {
			t.Errorf("child %+v", k)
		}
	}
	// A child's failure is its parent's await error, with its text.
	id, err = fsm.Start(ctx, r.e, ParentJob, []Order{{ID: "k4"}, {ID: "k5", Amount: -1}})
	if err != nil {
		t.Fatal(err)
	}
	got, err = fsm.Wait(ctx, r.e, ParentJob, id)
	if err == nil || err.Error() != "child k5: negative amount" || !reflect.DeepEqual(got, []string{"ch-k4"}) {
		t.Errorf("Wait = %v, %v", got, err)
	}
}

func TestDurableSleepAcrossRestart(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	const d = 400 * time.Millisecond
	id, err := fsm.Start(ctx, r.e, SleeperJob, d)
	if err != nil {
		t.Fatal(err)
	}
	rec := r.waitStatus(id, fsm.StatusWaiting)
	r.shutdown()
	time.Sleep(50 * time.Millisecond)
	r.start()
	got, err := fsm.Wait(ctx, r.e, SleeperJob, id)
	if err != nil || got < d {
		t.Errorf("slept %v, %v; want at least %v measured by the job itself across the restart", got, err, d)
	}
	if !rec.RunAt.After(rec.UpdatedAt) {
		t.Errorf("the waiting job's RunAt %v is not its timer", rec.RunAt)
	}
}

func TestTimeoutOfAnActivity(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, RacerJob, 4*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if got, err := fsm.Wait(ctx, r.e, RacerJob, id); err != nil || got != "timeout" {
		t.Errorf("slow: %q, %v", got, err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the timeout took %v: the activity it cut short was not stopped", d)
	}
	if n := countKind(r.history(id), fsm.EventAttempt); n != 0 {
		t.Errorf("the activity stopped by the timeout counted as %d failed attempts", n)
	}
	id, err = fsm.Start(ctx, r.e, RacerJob, time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := fsm.Wait(ctx, r.e, RacerJob, id); err != nil || got != "finished" {
		t.Errorf("fast: %q, %v", got, err)
	}
}

func TestPanicNeedsAttentionAndRetry(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, PanickyJob, Order{ID: "pan", Amount: 13})
	if err != nil {
		t.Fatal(err)
	}
	_, err = fsm.Wait(ctx, r.e, PanickyJob, id)
	if !errors.Is(err, fsm.ErrNeedsAttention) || !strings.Contains(err.Error(), "unlucky amount") {
		t.Fatalf("Wait: %v", err)
	}
	rec := r.waitStatus(id, fsm.StatusAttention)
	if rec.StateNum != 1 || rec.Outcome == nil {
		t.Errorf("attention job lost its checkpoint: state %d, outcome %x", rec.StateNum, rec.Outcome)
	}
	if err := fsm.Retry(ctx, r.store, id, time.Now()); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); countKind(r.history(id), fsm.EventAttention) < 2; {
		if time.Now().After(deadline) {
			t.Fatalf("the retried job did not run into its panic again: %+v", r.history(id))
		}
		time.Sleep(2 * time.Millisecond)
	}
	if n := done.count("charge pan"); n != 1 {
		t.Errorf("charged %d times; the outcome was stored before the panic, so resuming must not charge again", n)
	}
	if n := countKind(r.history(id), fsm.EventRetry); n != 1 {
		t.Errorf("%d retry events", n)
	}
	if err := fsm.Retry(ctx, r.store, "nope", time.Now()); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("retrying an unknown job: %v", err)
	}
}

// TestAttentionAtCheckpointKeepsOutcome: a job whose checkpoint after an
// activity fails needs attention with the activity's outcome stored, so
// that a retry resumes with it instead of running the activity again.
func TestAttentionAtCheckpointKeepsOutcome(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, SharerJob, Order{ID: "share", Amount: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fsm.Wait(ctx, r.e, SharerJob, id); !errors.Is(err, fsm.ErrNeedsAttention) || !strings.Contains(err.Error(), "share memory") {
		t.Fatalf("Wait: %v", err)
	}
	rec := r.waitStatus(id, fsm.StatusAttention)
	if rec.StateNum != 1 || rec.Outcome == nil {
		t.Errorf("attention job at state %d, outcome %x: want the charge's await with its outcome", rec.StateNum, rec.Outcome)
	}
	if err := fsm.Retry(ctx, r.store, id, time.Now()); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); countKind(r.history(id), fsm.EventAttention) < 2; {
		if time.Now().After(deadline) {
			t.Fatalf("the retried job did not fail its checkpoint again: %+v", r.history(id))
		}
		time.Sleep(2 * time.Millisecond)
	}
	if n := done.count("charge share"); n != 1 {
		t.Errorf("charged %d times, want once", n)
	}
	if n := countKind(r.history(id), fsm.EventOutcome); n != 1 {
		t.Errorf("%d outcome events, want the charge's one", n)
	}
}

func TestRetryFailedRestartsFromStart(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	flaky.Store("again", 4)
	defer flaky.Delete("again")
	id, err := fsm.Start(ctx, r.e, QuickJob, Order{ID: "again"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fsm.Wait(ctx, r.e, QuickJob, id); err == nil {
		t.Fatal("want a failure after 4 attempts")
	}
	if err := fsm.Retry(ctx, r.store, id, time.Now()); err != nil {
		t.Fatal(err)
	}
	got, err := fsm.Wait(ctx, r.e, QuickJob, id)
	if err != nil || got != "ch-again" {
		t.Errorf("after retry: %q, %v", got, err)
	}
	if err := fsm.Retry(ctx, r.store, id, time.Now()); err == nil || !strings.Contains(err.Error(), "is succeeded") {
		t.Errorf("retrying a succeeded job: %v", err)
	}
}

func TestLayoutMismatchNeedsAttention(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	// A job whose checkpoint says it was written by another layout.
	info, ok := fsm.JobByName(QuickJob.Name())
	if !ok {
		t.Fatal("Quick not registered")
	}
	m, err := info.New(QuickJob.Args(Order{ID: "lay"}))
	if err != nil {
		t.Fatal(err)
	}
	st, err := m.MarshalCBOR()
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = r.store.CreateJob(ctx, fsm.JobSpec{ID: "lay", Name: QuickJob.Name(), State: st, Layout: "0123456789abcdef", RunAt: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	rec := r.waitStatus("lay", fsm.StatusAttention)
	if !strings.Contains(rec.Error, "0123456789abcdef") || !strings.Contains(rec.Error, "layout") {
		t.Errorf("attention error: %q", rec.Error)
	}
	if !bytes.Equal(rec.State, st) || done.count("charge lay") != 0 {
		t.Errorf("the job was changed or run: state %x, effects %v", rec.State, done.log)
	}
}

func TestGracefulShutdownGivesBack(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	id, err := fsm.Start(ctx, r.e, SleeperJob, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	r.waitStatus(id, fsm.StatusWaiting)
	start := time.Now()
	r.shutdown()
	if d := time.Since(start); d > time.Second {
		t.Errorf("shutdown with only waiting jobs took %v", d)
	}
	rec, err := func() (fsm.JobRecord, error) {
		s, err := sqlitestore.Open(ctx, r.path)
		if err != nil {
			return fsm.JobRecord{}, err
		}
		defer s.Close()
		return s.Job(ctx, id)
	}()
	if err != nil || rec.Status != fsm.StatusWaiting || rec.LeaseOwner != "" {
		t.Errorf("after shutdown: %+v, %v", rec, err)
	}
	r.start()
	if _, err := fsm.Wait(ctx, r.e, SleeperJob, id); err != nil {
		t.Error(err)
	}
}

func TestSecondWorkerProcessRefused(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	// The rig's engine must hold the store first: it says so once it does.
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(r.logBuf.String(), "fsm: engine started"); {
		if time.Now().After(deadline) {
			t.Fatal("the rig's engine did not start")
		}
		time.Sleep(5 * time.Millisecond)
	}
	s, err := sqlitestore.Open(ctx, r.path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := fsm.NewEngine(ctx, s, fsm.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(ctx); !errors.Is(err, fsm.ErrLocked) {
		t.Errorf("a second engine on the store: %v, want ErrLocked", err)
	}
}

func TestFirstTakesTheFirstToArrive(t *testing.T) {
	r := newRig(t)
	ctx := r.ctx()
	start := time.Now()
	id, err := fsm.Start(ctx, r.e, QuickestJob, []time.Duration{3 * time.Second, 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	got, err := fsm.Wait(ctx, r.e, QuickestJob, id)
	if err != nil || got != 1 {
		t.Errorf("Wait = %d, %v; want 1, the op that finished first", got, err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("First waited %v: the slower activity was not stopped", d)
	}
	if n := countKind(r.history(id), fsm.EventAttempt); n != 0 || done.count("tagged 0") != 0 {
		t.Errorf("the stopped activity counted as %d attempts, effects %v", n, done.log)
	}
}

// brokenReads is a store whose reads of signals fail while broken is set, as
// they do while a PostgreSQL connection is cut.
type brokenReads struct {
	*sqlitestore.Store
	mu     sync.Mutex
	broken int // reads left to fail
}

func (s *brokenReads) Signals(ctx context.Context, id string) ([]fsm.SignalRecord, error) {
	s.mu.Lock()
	fail := s.broken > 0
	if fail {
		s.broken--
	}
	s.mu.Unlock()
	if fail {
		return nil, errors.New("conn closed")
	}
	return s.Store.Signals(ctx, id)
}

// A store that fails a read does not make the job need attention: the job
// stays as last written and is taken again once its lease ends.
func TestFailedReadLeavesTheJob(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	store := &brokenReads{Store: s, broken: 2}
	var logBuf syncBuffer
	e, err := fsm.NewEngine(ctx, store, fsm.Options{Workers: 2, Poll: 5 * time.Millisecond, Lease: 200 * time.Millisecond,
		Logger: slog.New(slog.NewTextHandler(&logBuf, nil))})
	if err != nil {
		t.Fatal(err)
	}
	id, err := fsm.Start(ctx, e, PatientJob, "p")
	if err != nil {
		t.Fatal(err)
	}
	if err := ApprovalSignal.Send(ctx, e, id, Approval{By: "eve", OK: true}); err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	ran := make(chan error, 1)
	go func() { ran <- e.Run(runCtx) }()
	got, err := fsm.Wait(ctx, e, PatientJob, id)
	stop()
	if err := <-ran; err != nil {
		t.Errorf("Run: %v", err)
	}
	if err != nil || got != "approved p" {
		t.Fatalf("Wait = %q, %v\nlog:\n%s", got, err, logBuf.String())
	}
	evs, err := s.History(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if n := countKind(evs, fsm.EventAttention); n != 0 {
		t.Errorf("the job needed attention %d times after failed reads", n)
	}
	if store.broken != 0 {
		t.Errorf("%d failed reads left: the job never read its signals", store.broken)
	}
	if !strings.Contains(logBuf.String(), "reading the store") {
		t.Errorf("the failed read was not logged:\n%s", logBuf.String())
	}
}
