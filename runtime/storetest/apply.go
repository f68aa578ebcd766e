package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Apply stores every field of the update, ends the lease and appends the
// events to the history in order.
func testApply(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	rec := claimOne(t, s, "a", "w", at(0))
	u := fsm.Update{
		ID: rec.ID, Version: rec.Version, Status: fsm.StatusWaiting,
		Seq: 3, StateNum: 2, State: []byte("state 2"), Layout: "layout-2",
		Op: []byte("op"), Progress: []byte("progress"), Outcome: []byte("outcome"),
		Attempts: 4, LastError: "connection refused: \x00\xff", RunAt: at(time.Hour + 7*time.Nanosecond), Error: "an \xfe\x00error",
		WakeSeq: rec.WakeSeq,
		Events: []fsm.Event{
			{Seq: 3, Time: at(time.Second), Kind: fsm.EventCheckpoint, StateNum: 2, State: []byte("state 2"), Op: []byte("op"), Detail: "op"},
			{Seq: 3, Time: at(2 * time.Second), Kind: fsm.EventAttempt, StateNum: 2, Detail: "connection refused: \x00\xff"},
		},
	}
	apply(t, s, u)
	got := job(t, s, "job-1")
	want := fsm.JobRecord{
		ID: rec.ID, Num: rec.Num, Name: rec.Name, Status: fsm.StatusWaiting, Parent: rec.Parent,
		Seq: 3, StateNum: 2, State: u.State, Layout: u.Layout, Op: u.Op, Progress: u.Progress, Outcome: u.Outcome,
		Attempts: 4, LastError: u.LastError, RunAt: u.RunAt, WakeSeq: rec.WakeSeq, Error: u.Error,
		CreatedAt: rec.CreatedAt, UpdatedAt: got.UpdatedAt, LeaseOwner: "", LeaseUntil: got.LeaseUntil, Version: rec.Version + 1,
	}
	wantSame(t, "after Apply", got, want)
	if !got.LeaseUntil.Before(at(0)) {
		t.Errorf("LeaseUntil = %v, want a time that is over", got.LeaseUntil)
	}
	evs := history(t, s, "job-1")
	if len(evs) != 3 {
		t.Fatalf("history has %d events, want 3", len(evs))
	}
	wantSame(t, "history", evs[1:], u.Events)
}

// A write with a Version other than the stored one fails with ErrLeaseLost
// and changes nothing: not the job, its history, the children it would
// create, the signals it would consume or the jobs it would wake.
func testApplyFenced(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	create(t, s, spec("sleeper", "sleeper"))
	setStatus(t, s, "sleeper", "sleeper", fsm.StatusWaiting, fsm.Never)
	rec := claimOne(t, s, "a", "w", at(0))
	if err := s.SendSignal(t.Context(), "job-1", "go", []byte("1")); err != nil {
		t.Fatal(err)
	}
	if err := s.RequestCancel(t.Context(), "job-1"); err != nil {
		t.Fatal(err)
	}
	sig := signals(t, s, "job-1")[0]
	unchanged := expectNothingChanged(t, s, "job-1", "sleeper")
	for _, v := range []int64{rec.Version - 1, rec.Version + 1, rec.Version + 100} {
		u := update(rec, fsm.StatusSucceeded)
		u.Version = v
		u.State = []byte("done")
		u.Events = []fsm.Event{{Seq: 1, Time: at(0), Kind: fsm.EventFinished}}
		u.Children = []fsm.JobSpec{spec("child", "child")}
		u.Consumed = []int64{sig.ID}
		u.Wake = []string{"sleeper"}
		u.ClearCancel = true
		_, err := s.Apply(t.Context(), u)
		wantErr(t, fmt.Sprintf("Apply with version %d of %d", v, rec.Version), err, fsm.ErrLeaseLost)
		unchanged(fmt.Sprintf("after Apply with version %d", v))
		wantNotFound(t, s, "child")
	}
	u := update(rec, fsm.StatusSucceeded)
	u.ID = "ghost"
	if _, err := s.Apply(t.Context(), u); err == nil {
		t.Errorf("Apply to an unknown job: no error")
	}
	wantNotFound(t, s, "ghost")
}

// A worker whose lease ran out and whose job was claimed by another cannot
// write over the new owner.
func testApplyAfterReclaim(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	old := claimOne(t, s, "a", "w1", at(0))
	cur := claimOne(t, s, "a", "w2", at(2*time.Minute))
	_, err := s.Apply(t.Context(), update(old, fsm.StatusSucceeded))
	wantErr(t, "the old owner's Apply", err, fsm.ErrLeaseLost)
	if got := job(t, s, "job-1"); got.Status != fsm.StatusRunning || got.LeaseOwner != "w2" || got.Version != cur.Version {
		t.Errorf("after the old owner's Apply: %s, leased to %q, version %d; want running, w2, %d", got.Status, got.LeaseOwner, got.Version, cur.Version)
	}
	apply(t, s, update(cur, fsm.StatusSucceeded))
	if got := job(t, s, "job-1"); got.Status != fsm.StatusSucceeded {
		t.Errorf("after the new owner's Apply: %s", got.Status)
	}
}

// Of concurrent writes with the same Version, exactly one succeeds.
func testApplyRace(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	rec := claimOne(t, s, "a", "w", at(0))
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			u := update(rec, fsm.StatusRunning)
			u.Seq = int64(i + 1)
			u.KeepLease, u.LeaseUntil = true, at(time.Hour)
			_, errs[i] = s.Apply(ctxOf(t), u)
		})
	}
	wg.Wait()
	won := -1
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			t.Errorf("writes %d and %d both succeeded", won, i)
		case err == nil:
			won = i
		case !errors.Is(err, fsm.ErrLeaseLost):
			t.Errorf("write %d: %v, want ErrLeaseLost", i, err)
		}
	}
	if won < 0 {
		t.Fatal("no write succeeded")
	}
	if got := job(t, s, "job-1"); got.Seq != int64(won+1) || got.Version != rec.Version+1 {
		t.Errorf("stored Seq %d, Version %d; want %d, %d", got.Seq, got.Version, won+1, rec.Version+1)
	}
}

// Many jobs written at once, with stale writes among them, all get their
// own result: a write that fails does not fail the others.
func testApplyConcurrent(t *testing.T, s fsm.Store) {
	const jobs, steps = 32, 5
	createN(t, s, "job", "a", jobs)
	recs := claim(t, s, fsm.ClaimRequest{Owner: "w", Now: at(0), Limit: jobs, Lease: time.Hour})
	if len(recs) != jobs {
		t.Fatalf("claimed %d jobs, want %d", len(recs), jobs)
	}
	errs := make([]error, jobs)
	var wg sync.WaitGroup
	for i, rec := range recs {
		wg.Go(func() {
			for step := range steps {
				u := update(rec, fsm.StatusRunning)
				u.Seq = int64(step + 1)
				u.KeepLease, u.LeaseUntil = true, at(time.Hour)
				u.Events = []fsm.Event{{Seq: u.Seq, Time: at(0), Kind: fsm.EventCheckpoint}}
				if i%2 == 1 {
					stale := u
					stale.Version--
					stale.Seq = -1
					if _, err := s.Apply(ctxOf(t), stale); !errors.Is(err, fsm.ErrLeaseLost) {
						errs[i] = fmt.Errorf("job %s: a stale write: %v, want ErrLeaseLost", rec.ID, err)
						return
					}
				}
				v, err := s.Apply(ctxOf(t), u)
				if err != nil {
					errs[i] = fmt.Errorf("job %s, step %d: %v", rec.ID, step, err)
					return
				}
				rec.Version = v
			}
		})
	}
	wg.Wait()
	if err := join(errs); err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		got := job(t, s, rec.ID)
		if got.Seq != steps || got.Version != rec.Version+steps {
			t.Errorf("job %s: Seq %d, Version %d; want %d, %d", rec.ID, got.Seq, got.Version, steps, rec.Version+steps)
		}
		if evs := history(t, s, rec.ID); len(evs) != 1+steps {
			t.Errorf("job %s: %d events, want %d", rec.ID, len(evs), 1+steps)
		}
	}
}

// A write to StatusWaiting by a writer that read an older WakeSeq than the
// stored one (a signal came in meanwhile) is stored as pending with RunAt
// now, so that the wake-up is not lost; with the current WakeSeq it waits.
func testApplyWakeSeq(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	rec := claimOne(t, s, "a", "w", at(0))
	if err := s.SendSignal(t.Context(), "job-1", "go", nil); err != nil {
		t.Fatal(err)
	}
	if got := job(t, s, "job-1"); got.WakeSeq != rec.WakeSeq+1 || got.Status != fsm.StatusRunning {
		t.Fatalf("after a signal to a running job: WakeSeq %d, %s; want %d, running", got.WakeSeq, got.Status, rec.WakeSeq+1)
	}
	u := update(rec, fsm.StatusWaiting)
	u.RunAt = fsm.Never
	before := time.Now()
	apply(t, s, u)
	after := time.Now()
	got := job(t, s, "job-1")
	if got.Status != fsm.StatusPending {
		t.Errorf("written waiting with an old WakeSeq: stored %s, want pending", got.Status)
	}
	wantNow(t, "RunAt", got.RunAt, before, after)
	if got.WakeSeq != rec.WakeSeq+1 {
		t.Errorf("WakeSeq = %d, want %d", got.WakeSeq, rec.WakeSeq+1)
	}

	rec = claimOne(t, s, "a", "w", time.Now().Add(time.Second))
	if rec.WakeSeq != got.WakeSeq {
		t.Fatalf("claimed WakeSeq %d, want %d", rec.WakeSeq, got.WakeSeq)
	}
	u = update(rec, fsm.StatusWaiting)
	u.RunAt = fsm.Never
	apply(t, s, u)
	if got := job(t, s, "job-1"); got.Status != fsm.StatusWaiting || !got.RunAt.Equal(fsm.Never) {
		t.Errorf("written waiting with the current WakeSeq: %s at %v, want waiting at Never", got.Status, got.RunAt)
	}
}

// The WakeSeq rule concerns StatusWaiting only.
func testApplyWakeSeqOtherStatuses(t *testing.T, s fsm.Store) {
	for _, st := range []fsm.Status{fsm.StatusPending, fsm.StatusRunning, fsm.StatusSucceeded, fsm.StatusAttention} {
		id := string(st)
		create(t, s, spec(id, id))
		rec := claimOne(t, s, id, "w", at(0))
		if err := s.SendSignal(t.Context(), id, "go", nil); err != nil {
			t.Fatal(err)
		}
		u := update(rec, st)
		u.RunAt = at(time.Hour)
		if st == fsm.StatusRunning {
			u.KeepLease, u.LeaseUntil = true, at(time.Hour)
		}
		apply(t, s, u)
		if got := job(t, s, id); got.Status != st || !got.RunAt.Equal(at(time.Hour)) {
			t.Errorf("written %s with an old WakeSeq: stored %s at %v, want %s at %v", st, got.Status, got.RunAt, st, at(time.Hour))
		}
	}
}

// KeepLease keeps the job leased to its owner until LeaseUntil; otherwise a
// write ends the lease.
func testApplyKeepLease(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	rec := claimOne(t, s, "a", "w1", at(0))
	u := update(rec, fsm.StatusRunning)
	u.KeepLease, u.LeaseUntil = true, at(10*time.Minute+3*time.Nanosecond)
	rec.Version = apply(t, s, u)
	got := job(t, s, "job-1")
	if got.Status != fsm.StatusRunning || got.LeaseOwner != "w1" || !got.LeaseUntil.Equal(u.LeaseUntil) {
		t.Errorf("after KeepLease: %s, leased to %q until %v; want running, w1, %v", got.Status, got.LeaseOwner, got.LeaseUntil, u.LeaseUntil)
	}
	c := fsm.ClaimRequest{Owner: "w2", Now: at(5 * time.Minute), Limit: 10, Lease: time.Minute}
	wantIDs(t, "claim within the kept lease", claim(t, s, c))

	u = update(rec, fsm.StatusPending)
	u.RunAt = at(time.Minute)
	apply(t, s, u)
	got = job(t, s, "job-1")
	if got.Status != fsm.StatusPending || got.LeaseOwner != "" || !got.LeaseUntil.Before(at(time.Minute)) {
		t.Errorf("after a write without KeepLease: %s, leased to %q until %v; want pending, no lease", got.Status, got.LeaseOwner, got.LeaseUntil)
	}
	wantIDs(t, "claim after the write", claim(t, s, c), "job-1")
}

// KeepLease with a zero LeaseUntil keeps the lease's end as the claim or
// ExtendLeases last set it.
func testApplyKeepLeaseEnd(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	rec := claimOne(t, s, "a", "w1", at(0))
	end := at(20*time.Minute + 7*time.Nanosecond)
	if lost, err := s.ExtendLeases(context.Background(), "w1", []string{"job-1"}, end); err != nil || len(lost) != 0 {
		t.Fatalf("ExtendLeases: lost %v, %v", lost, err)
	}
	for i := range 2 {
		u := update(rec, fsm.StatusRunning)
		u.KeepLease = true
		u.Seq = int64(i + 1)
		if i == 1 {
			u.RunAt = at(time.Minute) // a write that moves RunAt too
		}
		rec.Version = apply(t, s, u)
		got := job(t, s, "job-1")
		if got.Status != fsm.StatusRunning || got.LeaseOwner != "w1" || !got.LeaseUntil.Equal(end) || got.Seq != u.Seq || got.Version != rec.Version {
			t.Errorf("write %d keeping the lease's end: %s, leased to %q until %v, seq %d, version %d; want running, w1, %v, %d, %d",
				i+1, got.Status, got.LeaseOwner, got.LeaseUntil, got.Seq, got.Version, end, u.Seq, rec.Version)
		}
	}
	c := fsm.ClaimRequest{Owner: "w2", Now: at(19 * time.Minute), Limit: 10, Lease: time.Minute}
	wantIDs(t, "claim within the kept lease", claim(t, s, c))
	c.Now = at(21 * time.Minute)
	wantIDs(t, "claim after the kept lease", claim(t, s, c), "job-1")
}

// Children are created with the step, unless a job of their ID exists.
func testApplyChildren(t *testing.T, s fsm.Store) {
	create(t, s, spec("parent", "parent"))
	existing := create(t, s, spec("taken", "other"))
	rec := claimOne(t, s, "parent", "w", at(0))
	c1 := spec("child-1", "child")
	c1.Parent = "parent"
	c1.State = []byte("child state")
	c1.RunAt = at(time.Second)
	c1.Event = fsm.Event{Time: at(time.Second), Kind: fsm.EventStarted, State: c1.State, Detail: "child"}
	c2 := spec("taken", "child")
	c2.Parent = "parent"
	u := update(rec, fsm.StatusRunning)
	u.KeepLease, u.LeaseUntil = true, at(time.Hour)
	u.Children = []fsm.JobSpec{c1, c2}
	apply(t, s, u)

	got := job(t, s, "child-1")
	want := fsm.JobRecord{
		ID: "child-1", Num: got.Num, Name: "child", Status: fsm.StatusPending, Parent: "parent",
		State: c1.State, Layout: c1.Layout, RunAt: c1.RunAt,
		CreatedAt: got.CreatedAt, UpdatedAt: got.UpdatedAt, LeaseUntil: got.LeaseUntil, Version: got.Version,
	}
	wantSame(t, "child", got, want)
	if evs := history(t, s, "child-1"); len(evs) != 1 {
		t.Errorf("child history: %d events, want 1", len(evs))
	} else {
		wantSame(t, "child history", evs[0], c1.Event)
	}
	wantSame(t, "the job that had the ID already", job(t, s, "taken"), existing)
	if evs := history(t, s, "taken"); len(evs) != 1 {
		t.Errorf("history of the job that had the ID: %d events, want 1", len(evs))
	}
	kids, err := s.Jobs(t.Context(), fsm.JobFilter{Parent: "parent"})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "children of parent", kids, "child-1")
	wantIDs(t, "claimable child", claim(t, s, fsm.ClaimRequest{Owner: "w", Now: at(time.Second), Limit: 10, Lease: time.Minute, Names: []string{"child"}}), "child-1")
}

// Consumed deletes signals of the job written, and of no other.
func testApplyConsumed(t *testing.T, s fsm.Store) {
	create(t, s, spec("a", "a"))
	create(t, s, spec("b", "b"))
	for _, n := range []string{"s1", "s2", "s3"} {
		if err := s.SendSignal(t.Context(), "a", n, []byte(n)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SendSignal(t.Context(), "b", "b1", nil); err != nil {
		t.Fatal(err)
	}
	as, bs := signals(t, s, "a"), signals(t, s, "b")
	if len(as) != 3 || len(bs) != 1 {
		t.Fatalf("signals: %d of a, %d of b; want 3, 1", len(as), len(bs))
	}
	rec := claimOne(t, s, "a", "w", at(0))
	u := update(rec, fsm.StatusRunning)
	u.KeepLease, u.LeaseUntil = true, at(time.Hour)
	u.Consumed = []int64{as[0].ID, as[2].ID, bs[0].ID}
	apply(t, s, u)
	got := signals(t, s, "a")
	if len(got) != 1 || got[0].ID != as[1].ID || got[0].Name != "s2" {
		t.Errorf("signals of a after consuming s1 and s3: %+v, want s2 alone", got)
	}
	if got := signals(t, s, "b"); len(got) != 1 {
		t.Errorf("signals of b after a consumed b's: %d, want 1", len(got))
	}
}

// Wake wakes jobs as SendSignal does; it skips jobs that ended and unknown
// ones, without failing the write.
func testApplyWake(t *testing.T, s fsm.Store) {
	for _, id := range []string{"a", "sleeper", "runner", "ended"} {
		create(t, s, spec(id, id))
	}
	setStatus(t, s, "sleeper", "sleeper", fsm.StatusWaiting, fsm.Never)
	runner := claimOne(t, s, "runner", "w2", at(0))
	ended := setStatus(t, s, "ended", "ended", fsm.StatusSucceeded, at(0))
	sleeper := job(t, s, "sleeper")
	rec := claimOne(t, s, "a", "w", at(0))
	u := update(rec, fsm.StatusSucceeded)
	u.Wake = []string{"sleeper", "runner", "ended", "ghost"}
	before := time.Now()
	apply(t, s, u)
	after := time.Now()
	got := job(t, s, "sleeper")
	if got.Status != fsm.StatusPending || got.WakeSeq != sleeper.WakeSeq+1 {
		t.Errorf("woken waiting job: %s, WakeSeq %d; want pending, %d", got.Status, got.WakeSeq, sleeper.WakeSeq+1)
	}
	wantNow(t, "woken waiting job's RunAt", got.RunAt, before, after)
	got = job(t, s, "runner")
	if got.Status != fsm.StatusRunning || got.WakeSeq != runner.WakeSeq+1 || got.LeaseOwner != "w2" || got.Version != runner.Version {
		t.Errorf("woken running job: %s, WakeSeq %d, leased to %q, version %d; want running, %d, w2, %d",
			got.Status, got.WakeSeq, got.LeaseOwner, got.Version, runner.WakeSeq+1, runner.Version)
	}
	wantSame(t, "ended job after a wake", job(t, s, "ended"), ended)
	wantNotFound(t, s, "ghost")
}

// RequestCancel sets CancelRequested; writes keep it until one has
// ClearCancel.
func testApplyClearCancel(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	rec := claimOne(t, s, "a", "w", at(0))
	if err := s.RequestCancel(t.Context(), "job-1"); err != nil {
		t.Fatal(err)
	}
	u := update(rec, fsm.StatusRunning)
	u.KeepLease, u.LeaseUntil = true, at(time.Hour)
	rec.Version = apply(t, s, u)
	if !job(t, s, "job-1").CancelRequested {
		t.Errorf("a write without ClearCancel reset CancelRequested")
	}
	u = update(rec, fsm.StatusRunning)
	u.KeepLease, u.LeaseUntil = true, at(time.Hour)
	u.ClearCancel = true
	apply(t, s, u)
	if job(t, s, "job-1").CancelRequested {
		t.Errorf("ClearCancel left CancelRequested set")
	}
}

// History returns events in the order they were written, across writes,
// whatever their Seq, with every field.
func testHistory(t *testing.T, s fsm.Store) {
	j := spec("job-1", "a")
	create(t, s, j)
	want := []fsm.Event{j.Event}
	rec := claimOne(t, s, "a", "w", at(0))
	batches := [][]fsm.Event{
		{{Seq: 1, Time: at(time.Second + 1), Kind: fsm.EventCheckpoint, StateNum: 1, State: []byte("s1"), Op: []byte("op1"), Detail: "op one"}},
		{{Seq: 1, Time: at(time.Second + 2), Kind: fsm.EventOutcome, StateNum: 1, Outcome: []byte("out"), Detail: "ok"},
			{Seq: 2, Time: at(time.Second + 3), Kind: fsm.EventCheckpoint, StateNum: 2, State: []byte{}, Op: []byte("op2")},
			{Seq: 0, Time: at(time.Second + 4), Kind: fsm.EventAttention, Detail: "an earlier Seq, written later"}},
	}
	for _, evs := range batches {
		u := update(rec, fsm.StatusRunning)
		u.KeepLease, u.LeaseUntil = true, at(time.Hour)
		u.Events = evs
		rec.Version = apply(t, s, u)
		want = append(want, evs...)
	}
	wantSame(t, "history", history(t, s, "job-1"), want)
}
