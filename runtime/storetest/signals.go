package storetest

import (
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Signals returns a job's signals oldest first, with their names and
// payloads (nil and empty kept apart).
func testSignals(t *testing.T, s fsm.Store) {
	create(t, s, spec("a", "a"))
	create(t, s, spec("b", "b"))
	if got := signals(t, s, "a"); len(got) != 0 {
		t.Errorf("signals of a new job: %d", len(got))
	}
	sent := []struct {
		name    string
		payload []byte
	}{{"first", nil}, {"second", []byte{}}, {"first", []byte("x\x00y")}}
	before := time.Now()
	for _, sg := range sent {
		if err := s.SendSignal(t.Context(), "a", sg.name, sg.payload); err != nil {
			t.Fatal(err)
		}
	}
	after := time.Now()
	if err := s.SendSignal(t.Context(), "b", "other", nil); err != nil {
		t.Fatal(err)
	}
	got := signals(t, s, "a")
	if len(got) != len(sent) {
		t.Fatalf("%d signals, want %d", len(got), len(sent))
	}
	for i, sg := range got {
		want := fsm.SignalRecord{ID: sg.ID, JobID: "a", Name: sent[i].name, Payload: sent[i].payload, SentAt: sg.SentAt}
		wantSame(t, "signal "+sent[i].name, sg, want)
		wantNow(t, "SentAt", sg.SentAt, before, after)
		if i > 0 && sg.ID <= got[i-1].ID {
			t.Errorf("signal %d has ID %d, not more than the one before's %d", i, sg.ID, got[i-1].ID)
		}
	}
	if got := signals(t, s, "ghost"); len(got) != 0 {
		t.Errorf("signals of an unknown job: %d", len(got))
	}
}

// SendSignal raises the job's WakeSeq, and makes a waiting job pending now;
// other statuses and RunAts stay.
func testSendSignalWakes(t *testing.T, s fsm.Store) {
	for _, id := range []string{"waiting", "running", "pending", "attention"} {
		create(t, s, spec(id, id))
	}
	waiting := setStatus(t, s, "waiting", "waiting", fsm.StatusWaiting, fsm.Never)
	running := claimOne(t, s, "running", "w", at(0))
	pending := setStatus(t, s, "pending", "pending", fsm.StatusPending, at(time.Hour)) // a retry's backoff
	attention := setStatus(t, s, "attention", "attention", fsm.StatusAttention, fsm.Never)

	before := time.Now()
	for _, id := range []string{"waiting", "running", "pending", "attention"} {
		if err := s.SendSignal(t.Context(), id, "go", nil); err != nil {
			t.Fatalf("SendSignal(%s): %v", id, err)
		}
	}
	after := time.Now()
	got := job(t, s, "waiting")
	if got.Status != fsm.StatusPending || got.WakeSeq != waiting.WakeSeq+1 {
		t.Errorf("signalled waiting job: %s, WakeSeq %d; want pending, %d", got.Status, got.WakeSeq, waiting.WakeSeq+1)
	}
	wantNow(t, "signalled waiting job's RunAt", got.RunAt, before, after)
	wantIDs(t, "claim after the signal", claim(t, s, fsm.ClaimRequest{Owner: "w", Now: time.Now().Add(time.Second), Limit: 10, Lease: time.Minute, Names: []string{"waiting"}}), "waiting")

	for _, want := range []fsm.JobRecord{running, pending, attention} {
		got := job(t, s, want.ID)
		if got.Status != want.Status || !got.RunAt.Equal(want.RunAt) || got.WakeSeq != want.WakeSeq+1 || got.Version != want.Version {
			t.Errorf("signalled %s job: %s at %v, WakeSeq %d, version %d; want %s at %v, %d, %d",
				want.ID, got.Status, got.RunAt, got.WakeSeq, got.Version, want.Status, want.RunAt, want.WakeSeq+1, want.Version)
		}
	}
}

// SendSignal fails with ErrNotFound for an unknown job and ErrJobEnded for
// one that ended, storing nothing.
func testSendSignalErrors(t *testing.T, s fsm.Store) {
	err := s.SendSignal(t.Context(), "ghost", "go", nil)
	wantErr(t, "SendSignal to an unknown job", err, fsm.ErrNotFound)
	for _, st := range []fsm.Status{fsm.StatusSucceeded, fsm.StatusFailed, fsm.StatusCancelled} {
		id := string(st)
		create(t, s, spec(id, id))
		setStatus(t, s, id, id, st, fsm.Never)
		unchanged := expectNothingChanged(t, s, id)
		err := s.SendSignal(t.Context(), id, "go", []byte("x"))
		wantErr(t, "SendSignal to a "+id+" job", err, fsm.ErrJobEnded)
		unchanged("after SendSignal to a " + id + " job")
	}
}

// RequestCancel sets CancelRequested and wakes the job.
func testRequestCancel(t *testing.T, s fsm.Store) {
	create(t, s, spec("waiting", "waiting"))
	create(t, s, spec("running", "running"))
	waiting := setStatus(t, s, "waiting", "waiting", fsm.StatusWaiting, fsm.Never)
	running := claimOne(t, s, "running", "w", at(0))
	before := time.Now()
	for _, id := range []string{"waiting", "running"} {
		if err := s.RequestCancel(t.Context(), id); err != nil {
			t.Fatalf("RequestCancel(%s): %v", id, err)
		}
	}
	after := time.Now()
	got := job(t, s, "waiting")
	if !got.CancelRequested || got.Status != fsm.StatusPending || got.WakeSeq != waiting.WakeSeq+1 {
		t.Errorf("cancelled waiting job: CancelRequested %v, %s, WakeSeq %d; want true, pending, %d", got.CancelRequested, got.Status, got.WakeSeq, waiting.WakeSeq+1)
	}
	wantNow(t, "cancelled waiting job's RunAt", got.RunAt, before, after)
	got = job(t, s, "running")
	if !got.CancelRequested || got.Status != fsm.StatusRunning || got.WakeSeq != running.WakeSeq+1 || got.Version != running.Version {
		t.Errorf("cancelled running job: CancelRequested %v, %s, WakeSeq %d, version %d; want true, running, %d, %d",
			got.CancelRequested, got.Status, got.WakeSeq, got.Version, running.WakeSeq+1, running.Version)
	}
}

// RequestCancel fails with ErrNotFound for an unknown job and ErrJobEnded for
// one that ended, changing nothing.
func testRequestCancelErrors(t *testing.T, s fsm.Store) {
	err := s.RequestCancel(t.Context(), "ghost")
	wantErr(t, "RequestCancel of an unknown job", err, fsm.ErrNotFound)
	for _, st := range []fsm.Status{fsm.StatusSucceeded, fsm.StatusFailed, fsm.StatusCancelled} {
		id := string(st)
		create(t, s, spec(id, id))
		setStatus(t, s, id, id, st, fsm.Never)
		unchanged := expectNothingChanged(t, s, id)
		err := s.RequestCancel(t.Context(), id)
		wantErr(t, "RequestCancel of a "+id+" job", err, fsm.ErrJobEnded)
		unchanged("after RequestCancel of a " + id + " job")
	}
}

// Changed receives a value after each write that may make a job claimable
// (unless the store has no notifications: a nil channel).
func testChanged(t *testing.T, s fsm.Store) {
	ch := s.Changed()
	if ch == nil {
		t.Skip("the store has no notifications")
	}
	expect := func(what string, f func()) {
		t.Helper()
	drain:
		for {
			select {
			case <-ch:
			default:
				break drain
			}
		}
		f()
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			t.Errorf("%s: nothing on Changed", what)
		}
	}
	expect("CreateJob", func() { create(t, s, spec("a", "a")) })
	create(t, s, spec("sleeper", "sleeper"))
	setStatus(t, s, "sleeper", "sleeper", fsm.StatusWaiting, fsm.Never)
	rec := claimOne(t, s, "a", "w", at(0))
	keep := func(u fsm.Update) fsm.Update {
		u.KeepLease, u.LeaseUntil = true, at(time.Hour)
		return u
	}
	expect("Apply with Wake", func() {
		u := keep(update(rec, fsm.StatusRunning))
		u.Wake = []string{"sleeper"}
		rec.Version = apply(t, s, u)
	})
	expect("Apply with Children", func() {
		u := keep(update(rec, fsm.StatusRunning))
		u.Children = []fsm.JobSpec{spec("child", "child")}
		rec.Version = apply(t, s, u)
	})
	expect("Apply to pending", func() { rec.Version = apply(t, s, update(rec, fsm.StatusPending)) })
	setStatus(t, s, "sleeper", "sleeper", fsm.StatusWaiting, fsm.Never)
	expect("SendSignal", func() {
		if err := s.SendSignal(t.Context(), "sleeper", "go", nil); err != nil {
			t.Fatal(err)
		}
	})
	setStatus(t, s, "sleeper", "sleeper", fsm.StatusWaiting, fsm.Never)
	expect("RequestCancel", func() {
		if err := s.RequestCancel(t.Context(), "sleeper"); err != nil {
			t.Fatal(err)
		}
	})
	// Nobody reads the channel: writes must not block on it.
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 5 {
			_, _, _ = s.CreateJob(ctxOf(t), spec("unread-"+string(rune('a'+i)), "u"))
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("writes block when nobody reads Changed")
	}
}
