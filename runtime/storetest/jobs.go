package storetest

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// CreateJob stores every field of the spec, as a pending job with no lease,
// and writes the spec's event as the first of its history.
func testCreateJob(t *testing.T, s fsm.Store) {
	j := fsm.JobSpec{
		ID: "job-1", Name: "shop.checkout", Parent: "parent-1",
		State: []byte{0xa1, 0x00, 0xff}, StateNum: 0, Layout: "layout-0",
		RunAt: time.Date(2031, 2, 3, 4, 5, 6, 789012345, time.UTC),
		Event: fsm.Event{Seq: 0, Time: at(0), Kind: fsm.EventStarted, StateNum: 0, State: []byte{0xa1, 0x00, 0xff}, Detail: "started by a test"},
	}
	before := time.Now()
	rec, created, err := s.CreateJob(t.Context(), j)
	after := time.Now()
	if err != nil || !created {
		t.Fatalf("CreateJob = created %v, %v; want created, no error", created, err)
	}
	want := fsm.JobRecord{
		ID: j.ID, Num: rec.Num, Name: j.Name, Status: fsm.StatusPending, Parent: j.Parent,
		State: j.State, Layout: j.Layout, RunAt: j.RunAt,
		CreatedAt: rec.CreatedAt, UpdatedAt: rec.UpdatedAt, LeaseUntil: rec.LeaseUntil, Version: rec.Version,
	}
	wantSame(t, "CreateJob", rec, want)
	if rec.Num <= 0 {
		t.Errorf("Num = %d, want > 0", rec.Num)
	}
	wantNow(t, "CreatedAt", rec.CreatedAt, before, after)
	wantNow(t, "UpdatedAt", rec.UpdatedAt, before, after)
	if !rec.LeaseUntil.Before(at(0)) {
		t.Errorf("LeaseUntil = %v, want a time that is over", rec.LeaseUntil)
	}
	wantSame(t, "Job", job(t, s, j.ID), rec)
	evs := history(t, s, j.ID)
	if len(evs) != 1 {
		t.Fatalf("history has %d events, want 1 (the spec's)", len(evs))
	}
	wantSame(t, "started event", evs[0], j.Event)
}

// CreateJob of an ID that exists with the same name changes nothing and
// returns the job as stored; this makes starting a job retryable.
func testCreateJobExisting(t *testing.T, s fsm.Store) {
	first := create(t, s, spec("job-1", "n"))
	again := spec("job-1", "n")
	again.State = []byte("another state")
	again.RunAt = at(time.Hour)
	rec, created, err := s.CreateJob(t.Context(), again)
	if err != nil {
		t.Fatalf("CreateJob again: %v", err)
	}
	if created {
		t.Errorf("CreateJob again: created = true, want false")
	}
	wantSame(t, "CreateJob again", rec, first)
	wantSame(t, "Job", job(t, s, "job-1"), first)
	if evs := history(t, s, "job-1"); len(evs) != 1 {
		t.Errorf("history has %d events, want 1", len(evs))
	}
	recs, err := s.Jobs(t.Context(), fsm.JobFilter{})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "Jobs", recs, "job-1")
}

// CreateJob of an ID that another job's name holds fails with ErrIDTaken.
// Ids and names are text: a NUL byte or invalid UTF-8 in one is refused with
// an error and creates nothing.
func testCreateJobBadText(t *testing.T, s fsm.Store) {
	ctx := t.Context()
	for _, j := range []fsm.JobSpec{
		{ID: "nul\x00id", Name: "Job", RunAt: at(0)},
		{ID: "bad-utf8", Name: "Job\xff", RunAt: at(0)},
		{ID: "bad-parent", Name: "Job", Parent: "p\x00", RunAt: at(0)},
	} {
		if _, _, err := s.CreateJob(ctx, j); err == nil || !strings.Contains(err.Error(), "UTF-8 text without NUL") {
			t.Errorf("CreateJob(id %q, name %q, parent %q): %v, want an error saying ids are text", j.ID, j.Name, j.Parent, err)
		}
		if _, err := s.Job(ctx, j.ID); !errors.Is(err, fsm.ErrNotFound) {
			t.Errorf("Job(%q) after a refused CreateJob: %v, want ErrNotFound", j.ID, err)
		}
	}
	// Looking such ids and names up finds nothing, as for any unknown one.
	bad := "nul\x00id\xff"
	if _, err := s.History(ctx, bad); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("History(%q): %v, want ErrNotFound", bad, err)
	}
	if err := s.SendSignal(ctx, bad, "go", nil); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("SendSignal(%q): %v, want ErrNotFound", bad, err)
	}
	if err := s.RequestCancel(ctx, bad); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("RequestCancel(%q): %v, want ErrNotFound", bad, err)
	}
	if sigs, err := s.Signals(ctx, bad); err != nil || len(sigs) != 0 {
		t.Errorf("Signals(%q) = %v, %v; want none", bad, sigs, err)
	}
	if recs, err := s.Jobs(ctx, fsm.JobFilter{Name: bad}); err != nil || len(recs) != 0 {
		t.Errorf("Jobs(name %q) = %v, %v; want none", bad, recs, err)
	}
	if c, err := s.Counts(ctx, bad); err != nil || c[fsm.StatusPending] != 0 {
		t.Errorf("Counts(%q) = %v, %v; want none", bad, c, err)
	}
}

func testCreateJobIDTaken(t *testing.T, s fsm.Store) {
	first := create(t, s, spec("job-1", "a"))
	_, created, err := s.CreateJob(t.Context(), spec("job-1", "b"))
	wantErr(t, "CreateJob with another name", err, fsm.ErrIDTaken)
	if created {
		t.Errorf("created = true")
	}
	wantSame(t, "Job", job(t, s, "job-1"), first)
}

// Job and History of an unknown ID fail with ErrNotFound.
func testJobNotFound(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	wantNotFound(t, s, "job-2")
	_, err := s.History(t.Context(), "job-2")
	wantErr(t, "History", err, fsm.ErrNotFound)
}

// Num increases in the order jobs are created.
func testNumIncreases(t *testing.T, s fsm.Store) {
	recs := createN(t, s, "job", "a", 5)
	for i := 1; i < len(recs); i++ {
		if recs[i].Num <= recs[i-1].Num {
			t.Errorf("job %d has Num %d, not more than job %d's %d", i+1, recs[i].Num, i, recs[i-1].Num)
		}
	}
}

// Jobs filters by status, name and parent, in Num order, and leaves the
// bytes of state, op, progress and outcome out.
func testJobs(t *testing.T, s fsm.Store) {
	mk := func(id, name, parent string) {
		j := spec(id, name)
		j.Parent = parent
		create(t, s, j)
	}
	mk("j1", "a", "")
	mk("j2", "b", "p")
	mk("j3", "a", "p")
	mk("j4", "c", "")
	rec := claimOne(t, s, "b", "w", at(0))
	u := update(rec, fsm.StatusRunning)
	u.Op, u.Progress, u.Outcome = []byte("op"), []byte("progress"), []byte("outcome")
	u.KeepLease, u.LeaseUntil = true, at(time.Hour)
	apply(t, s, u)

	list := func(f fsm.JobFilter) []fsm.JobRecord {
		t.Helper()
		recs, err := s.Jobs(t.Context(), f)
		if err != nil {
			t.Fatalf("Jobs(%+v): %v", f, err)
		}
		return recs
	}
	all := list(fsm.JobFilter{})
	wantIDs(t, "all", all, "j1", "j2", "j3", "j4")
	for _, r := range all {
		full := job(t, s, r.ID)
		full.State, full.Op, full.Progress, full.Outcome = nil, nil, nil, nil
		wantSame(t, "listed "+r.ID, r, full)
	}
	wantIDs(t, "name a", list(fsm.JobFilter{Name: "a"}), "j1", "j3")
	wantIDs(t, "parent p", list(fsm.JobFilter{Parent: "p"}), "j2", "j3")
	wantIDs(t, "running", list(fsm.JobFilter{Status: fsm.StatusRunning}), "j2")
	wantIDs(t, "pending", list(fsm.JobFilter{Status: fsm.StatusPending}), "j1", "j3", "j4")
	wantIDs(t, "pending, name a, parent p", list(fsm.JobFilter{Status: fsm.StatusPending, Name: "a", Parent: "p"}), "j3")
	wantIDs(t, "failed", list(fsm.JobFilter{Status: fsm.StatusFailed}))
	wantIDs(t, "name z", list(fsm.JobFilter{Name: "z"}))
}

// CreatedAfter and CreatedBefore are exclusive bounds on CreatedAt.
func testJobsCreatedRange(t *testing.T, s fsm.Store) {
	var recs []fsm.JobRecord
	for i := range 4 {
		recs = append(recs, create(t, s, spec(fmt.Sprintf("j%d", i), "a")))
		// CreatedAt is the store's clock; make sure it moves.
		time.Sleep(2 * time.Millisecond)
	}
	filter := func(keep func(fsm.JobRecord) bool) []string {
		var want []string
		for _, r := range recs {
			if keep(r) {
				want = append(want, r.ID)
			}
		}
		return want
	}
	for _, cut := range recs {
		got, err := s.Jobs(t.Context(), fsm.JobFilter{CreatedAfter: cut.CreatedAt})
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, "created after "+cut.ID, got, filter(func(r fsm.JobRecord) bool { return r.CreatedAt.After(cut.CreatedAt) })...)
		got, err = s.Jobs(t.Context(), fsm.JobFilter{CreatedBefore: cut.CreatedAt})
		if err != nil {
			t.Fatal(err)
		}
		wantIDs(t, "created before "+cut.ID, got, filter(func(r fsm.JobRecord) bool { return r.CreatedAt.Before(cut.CreatedAt) })...)
	}
	got, err := s.Jobs(t.Context(), fsm.JobFilter{CreatedAfter: recs[0].CreatedAt.Add(-time.Nanosecond), CreatedBefore: recs[3].CreatedAt})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "created in range", got, "j0", "j1", "j2")
}

// Jobs lists 100 jobs when Limit is 0, and pages with AfterNum; with Newest,
// newest first, back with BeforeNum.
func testJobsPaging(t *testing.T, s fsm.Store) {
	recs := createN(t, s, "job", "a", 105)
	got, err := s.Jobs(t.Context(), fsm.JobFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 100 {
		t.Errorf("Jobs with Limit 0: %d jobs, want 100", len(got))
	}
	var paged []fsm.JobRecord
	after := int64(0)
	for page := 0; ; page++ {
		got, err := s.Jobs(t.Context(), fsm.JobFilter{AfterNum: after, Limit: 30})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) > 30 {
			t.Fatalf("page %d: %d jobs, want at most 30", page, len(got))
		}
		if len(got) == 0 {
			break
		}
		if page > 10 {
			t.Fatal("paging does not end")
		}
		paged = append(paged, got...)
		after = got[len(got)-1].Num
	}
	wantIDs(t, "pages of 30", paged, ids(recs)...)
	got, err = s.Jobs(t.Context(), fsm.JobFilter{AfterNum: recs[9].Num, Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "after job-10", got, "job-11", "job-12", "job-13")

	// Newest first, paging back with BeforeNum.
	var back []fsm.JobRecord
	before := int64(0)
	for page := 0; ; page++ {
		got, err := s.Jobs(t.Context(), fsm.JobFilter{Newest: true, BeforeNum: before, Limit: 40})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			break
		}
		if page > 10 {
			t.Fatal("paging back does not end")
		}
		back = append(back, got...)
		before = got[len(got)-1].Num
	}
	var reversed []string
	for i := len(recs) - 1; i >= 0; i-- {
		reversed = append(reversed, recs[i].ID)
	}
	wantIDs(t, "newest first, pages of 40", back, reversed...)
	got, err = s.Jobs(t.Context(), fsm.JobFilter{AfterNum: recs[9].Num, BeforeNum: recs[13].Num, Newest: true})
	if err != nil {
		t.Fatal(err)
	}
	wantIDs(t, "between job-10 and job-14, newest first", got, "job-13", "job-12", "job-11")
}

// Counts counts jobs by status, of all names or of one.
func testCounts(t *testing.T, s fsm.Store) {
	createN(t, s, "a", "a", 4)
	createN(t, s, "b", "b", 3)
	if got := claim(t, s, fsm.ClaimRequest{Owner: "w", Now: at(0), Limit: 1, Lease: time.Minute, Names: []string{"a"}}); len(got) != 1 {
		t.Fatalf("claimed %d jobs of a, want 1", len(got))
	}
	b := claim(t, s, fsm.ClaimRequest{Owner: "w", Now: at(0), Limit: 3, Lease: time.Minute, Names: []string{"b"}})
	if len(b) != 3 {
		t.Fatalf("claimed %d jobs of b, want 3", len(b))
	}
	apply(t, s, func() fsm.Update { u := update(b[0], fsm.StatusWaiting); u.RunAt = fsm.Never; return u }())
	apply(t, s, func() fsm.Update { u := update(b[1], fsm.StatusWaiting); u.RunAt = fsm.Never; return u }())
	apply(t, s, update(b[2], fsm.StatusSucceeded))

	check := func(name string, want map[fsm.Status]int) {
		t.Helper()
		got, err := s.Counts(t.Context(), name)
		if err != nil {
			t.Fatalf("Counts(%q): %v", name, err)
		}
		for _, st := range fsm.Statuses {
			if got[st] != want[st] {
				t.Errorf("Counts(%q)[%s] = %d, want %d", name, st, got[st], want[st])
			}
		}
		for st := range got {
			if !st.Valid() {
				t.Errorf("Counts(%q) has status %q", name, st)
			}
		}
	}
	check("", map[fsm.Status]int{fsm.StatusPending: 3, fsm.StatusRunning: 1, fsm.StatusWaiting: 2, fsm.StatusSucceeded: 1})
	check("a", map[fsm.Status]int{fsm.StatusPending: 3, fsm.StatusRunning: 1})
	check("b", map[fsm.Status]int{fsm.StatusWaiting: 2, fsm.StatusSucceeded: 1})
	check("c", map[fsm.Status]int{})
}
