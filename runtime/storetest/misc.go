package storetest

import (
	"errors"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Meta keeps values by key, replaces them, and fails with ErrNotFound for a
// missing key.
func testMeta(t *testing.T, s fsm.Store) {
	_, err := s.Meta(t.Context(), "layout/missing")
	wantErr(t, "Meta of a missing key", err, fsm.ErrNotFound)
	put := func(key string, v []byte) {
		t.Helper()
		if err := s.PutMeta(t.Context(), key, v); err != nil {
			t.Fatalf("PutMeta(%q): %v", key, err)
		}
	}
	get := func(key string, want []byte) {
		t.Helper()
		got, err := s.Meta(t.Context(), key)
		if err != nil {
			t.Fatalf("Meta(%q): %v", key, err)
		}
		wantBytes(t, "Meta("+key+")", got, want)
	}
	put("layout/a/1/x", []byte(`{"a":1}`))
	put("layout/a/2/x", []byte(`{"b":2}`))
	get("layout/a/1/x", []byte(`{"a":1}`))
	put("layout/a/1/x", []byte(`{"a":3}`))
	get("layout/a/1/x", []byte(`{"a":3}`))
	get("layout/a/2/x", []byte(`{"b":2}`))
	put("nil", nil)
	get("nil", nil)
	put("empty", []byte{})
	get("empty", []byte{})
}

// Byte slices keep the difference between nil and empty, everywhere: the
// state may be empty (a machine with nothing to save), the op nil.
func testNilAndEmptyBytes(t *testing.T, s fsm.Store) {
	j := spec("empty", "empty")
	j.State = []byte{}
	j.Event.State = []byte{}
	wantBytes(t, "empty state", create(t, s, j).State, []byte{})
	j = spec("nil", "nil")
	j.State = nil
	j.Event.State = nil
	wantBytes(t, "nil state", create(t, s, j).State, nil)
	wantBytes(t, "stored nil state", job(t, s, "nil").State, nil)
	wantBytes(t, "stored empty state", job(t, s, "empty").State, []byte{})
	wantBytes(t, "started event's empty state", history(t, s, "empty")[0].State, []byte{})
	wantBytes(t, "started event's nil state", history(t, s, "nil")[0].State, nil)

	for _, c := range []struct {
		id                  string
		empty, none, filled []byte
	}{{"empty", []byte{}, nil, []byte{0}}, {"nil", nil, []byte{}, []byte{}}} {
		rec := claimOne(t, s, c.id, "w", at(0))
		u := update(rec, fsm.StatusRunning)
		u.KeepLease, u.LeaseUntil = true, at(time.Hour)
		u.State, u.Op, u.Progress, u.Outcome = c.empty, c.none, c.filled, c.empty
		u.Events = []fsm.Event{{Time: at(0), Kind: fsm.EventOutcome, State: c.empty, Op: c.none, Outcome: c.filled}}
		apply(t, s, u)
		got := job(t, s, c.id)
		wantBytes(t, c.id+": State", got.State, c.empty)
		wantBytes(t, c.id+": Op", got.Op, c.none)
		wantBytes(t, c.id+": Progress", got.Progress, c.filled)
		wantBytes(t, c.id+": Outcome", got.Outcome, c.empty)
		evs := history(t, s, c.id)
		wantSame(t, c.id+": event", evs[len(evs)-1], u.Events[0])
	}
}

// Times keep their nanoseconds, come back in UTC, and the zero time and
// fsm.Never stay what they are.
func testTimes(t *testing.T, s fsm.Store) {
	zone := time.FixedZone("UTC+5:30", 5*3600+1800)
	for _, c := range []struct {
		id    string
		runAt time.Time
	}{
		{"nanos", time.Date(2031, 5, 6, 7, 8, 9, 123456789, zone)},
		{"past", time.Date(1999, 12, 31, 23, 59, 59, 999999999, time.UTC)},
		{"epoch", time.Unix(0, 0)},
		{"zero", time.Time{}},
		{"never", fsm.Never},
	} {
		j := spec(c.id, c.id)
		j.RunAt = c.runAt
		j.Event.Time = c.runAt
		create(t, s, j)
		got := job(t, s, c.id)
		if !got.RunAt.Equal(c.runAt) || got.RunAt.IsZero() != c.runAt.IsZero() {
			t.Errorf("%s: RunAt %v, want %v", c.id, got.RunAt, c.runAt)
		}
		if got.RunAt.Location() != time.UTC {
			t.Errorf("%s: RunAt in %v, want UTC", c.id, got.RunAt.Location())
		}
		if got.CreatedAt.Location() != time.UTC {
			t.Errorf("%s: CreatedAt in %v, want UTC", c.id, got.CreatedAt.Location())
		}
		ev := history(t, s, c.id)[0]
		if !ev.Time.Equal(c.runAt) || ev.Time.Location() != time.UTC {
			t.Errorf("%s: event time %v, want %v in UTC", c.id, ev.Time, c.runAt)
		}
	}
	now := time.Date(2030, 1, 2, 3, 4, 5, 6, zone)
	recs := claim(t, s, fsm.ClaimRequest{Owner: "w", Now: now, Limit: 1, Lease: 7 * time.Nanosecond, Names: []string{"nanos"}})
	if len(recs) != 0 {
		t.Errorf("a job due in 2031 claimed in 2030")
	}
	recs = claim(t, s, fsm.ClaimRequest{Owner: "w", Now: now, Limit: 1, Lease: 7 * time.Nanosecond, Names: []string{"zero"}})
	if len(recs) != 1 {
		t.Fatalf("a job due at the zero time: claimed %d, want 1", len(recs))
	}
	want := now.Add(7 * time.Nanosecond)
	if got := job(t, s, "zero").LeaseUntil; !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("LeaseUntil %v, want %v in UTC", got, want)
	}
}

// AcquireWorker can be released and acquired again.
func testAcquireWorker(t *testing.T, s fsm.Store) {
	release, err := s.AcquireWorker(t.Context(), "engine-1")
	if err != nil {
		t.Fatalf("AcquireWorker: %v", err)
	}
	release()
	release() // twice is harmless
	release, err = s.AcquireWorker(t.Context(), "engine-2")
	if err != nil {
		t.Fatalf("AcquireWorker after release: %v", err)
	}
	release()
}

// After Close every method fails.
func testClose(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	ctx := t.Context()
	calls := map[string]func() error{
		"AcquireWorker": func() error { _, err := s.AcquireWorker(ctx, "w"); return err },
		"CreateJob":     func() error { _, _, err := s.CreateJob(ctx, spec("job-2", "a")); return err },
		"Claim": func() error {
			_, err := s.Claim(ctx, fsm.ClaimRequest{Owner: "w", Now: at(0), Limit: 1, Lease: time.Minute})
			return err
		},
		"Apply":         func() error { _, err := s.Apply(ctx, fsm.Update{ID: "job-1", Status: fsm.StatusPending}); return err },
		"ExtendLeases":  func() error { _, err := s.ExtendLeases(ctx, "w", []string{"job-1"}, at(0)); return err },
		"Job":           func() error { _, err := s.Job(ctx, "job-1"); return err },
		"Jobs":          func() error { _, err := s.Jobs(ctx, fsm.JobFilter{}); return err },
		"Counts":        func() error { _, err := s.Counts(ctx, ""); return err },
		"History":       func() error { _, err := s.History(ctx, "job-1"); return err },
		"Signals":       func() error { _, err := s.Signals(ctx, "job-1"); return err },
		"SendSignal":    func() error { return s.SendSignal(ctx, "job-1", "go", nil) },
		"RequestCancel": func() error { return s.RequestCancel(ctx, "job-1") },
		"PutMeta":       func() error { return s.PutMeta(ctx, "k", nil) },
		"Meta":          func() error { _, err := s.Meta(ctx, "k"); return err },
	}
	for name, call := range calls {
		err := call()
		if err == nil {
			t.Errorf("%s after Close: no error", name)
		}
		if errors.Is(err, fsm.ErrNotFound) {
			t.Errorf("%s after Close: %v; want an error saying the store is closed", name, err)
		}
	}
	_ = s.Close() // a second Close may fail, and must not panic
}
