package storetest

import (
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Claim marks the job running, leased to the owner until Now+Lease exactly,
// raises its Version by one and leaves the rest as it was.
func testClaim(t *testing.T, s fsm.Store) {
	created := create(t, s, spec("job-1", "a"))
	now := at(123 * time.Nanosecond)
	recs := claim(t, s, fsm.ClaimRequest{Owner: "worker-1", Now: now, Limit: 10, Lease: 30*time.Second + 5*time.Nanosecond})
	if len(recs) != 1 {
		t.Fatalf("Claim: %d jobs, want 1", len(recs))
	}
	want := created
	want.Status = fsm.StatusRunning
	want.LeaseOwner = "worker-1"
	want.LeaseUntil = now.Add(30*time.Second + 5*time.Nanosecond)
	want.Version = created.Version + 1
	want.UpdatedAt = recs[0].UpdatedAt
	wantSame(t, "claimed", recs[0], want)
	stored := job(t, s, "job-1")
	wantSame(t, "stored", stored, recs[0])
	if again := claim(t, s, fsm.ClaimRequest{Owner: "worker-2", Now: now, Limit: 10, Lease: time.Minute}); len(again) != 0 {
		t.Errorf("a leased job was claimed again: %v", ids(again))
	}
}

// Claim takes the earliest RunAt first, and only jobs due by Now.
func testClaimOrder(t *testing.T, s fsm.Store) {
	for _, j := range []struct {
		id    string
		runAt time.Duration
	}{{"a", -time.Minute}, {"b", -3 * time.Minute}, {"c", -2 * time.Minute}, {"d", time.Minute}, {"e", 0}} {
		sp := spec(j.id, "n")
		sp.RunAt = at(j.runAt)
		create(t, s, sp)
	}
	c := fsm.ClaimRequest{Owner: "w", Now: at(0), Limit: 2, Lease: time.Hour}
	wantIDs(t, "first claim", claim(t, s, c), "b", "c")
	c.Limit = 10
	// e is due at Now exactly: RunAt <= Now.
	wantIDs(t, "second claim", claim(t, s, c), "a", "e")
	wantIDs(t, "third claim", claim(t, s, c))
	c.Now = at(time.Minute)
	wantIDs(t, "a minute later", claim(t, s, c), "d")
}

// Claim takes at most Limit jobs.
func testClaimLimit(t *testing.T, s fsm.Store) {
	createN(t, s, "job", "a", 5)
	c := fsm.ClaimRequest{Owner: "w", Now: at(0), Limit: 3, Lease: time.Hour}
	if got := claim(t, s, c); len(got) != 3 {
		t.Errorf("Limit 3: %d jobs", len(got))
	}
	c.Limit = 10
	if got := claim(t, s, c); len(got) != 2 {
		t.Errorf("Limit 10 with 2 left: %d jobs", len(got))
	}
}

// Claim leaves alone jobs whose name is not in Names; nil Names claims any
// name, and an empty non-nil one none.
func testClaimNames(t *testing.T, s fsm.Store) {
	create(t, s, spec("x1", "x"))
	create(t, s, spec("y1", "y"))
	create(t, s, spec("z1", "z"))
	create(t, s, spec("w1", "w"))
	c := fsm.ClaimRequest{Owner: "w", Now: at(0), Limit: 10, Lease: time.Hour}
	c.Names = []string{}
	wantIDs(t, "empty Names", claim(t, s, c))
	c.Names = []string{"x", "z", "nothing"}
	got := claim(t, s, c)
	sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
	wantIDs(t, "Names x, z", got, "x1", "z1")
	c.Names = nil
	got = claim(t, s, c)
	sort.Slice(got, func(i, j int) bool { return got[i].ID < got[j].ID })
	wantIDs(t, "nil Names", got, "w1", "y1")
}

// Waiting jobs are claimable at RunAt like pending ones; ended jobs and jobs
// that need attention never are.
func testClaimStatuses(t *testing.T, s fsm.Store) {
	for _, st := range []fsm.Status{fsm.StatusWaiting, fsm.StatusSucceeded, fsm.StatusFailed, fsm.StatusCancelled, fsm.StatusAttention} {
		create(t, s, spec(string(st), string(st)))
		setStatus(t, s, string(st), string(st), st, at(-time.Second))
	}
	create(t, s, spec("never", "never"))
	setStatus(t, s, "never", "never", fsm.StatusWaiting, fsm.Never)
	got := claim(t, s, fsm.ClaimRequest{Owner: "w", Now: at(time.Hour), Limit: 10, Lease: time.Hour})
	wantIDs(t, "claimable", got, "waiting")
}

// A running job whose lease ended before Now is claimable by another owner;
// one whose lease ends at Now is not yet.
func testClaimExpiredLease(t *testing.T, s fsm.Store) {
	create(t, s, spec("job-1", "a"))
	first := claimOne(t, s, "a", "w1", at(0))
	c := fsm.ClaimRequest{Owner: "w2", Now: at(time.Minute), Limit: 10, Lease: time.Minute}
	wantIDs(t, "at the lease end", claim(t, s, c))
	c.Now = at(time.Minute + time.Nanosecond)
	got := claim(t, s, c)
	wantIDs(t, "after the lease end", got, "job-1")
	if len(got) == 1 {
		if got[0].LeaseOwner != "w2" || got[0].Version != first.Version+1 || !got[0].LeaseUntil.Equal(c.Now.Add(time.Minute)) {
			t.Errorf("claimed again: owner %q, version %d, lease until %v; want w2, %d, %v",
				got[0].LeaseOwner, got[0].Version, got[0].LeaseUntil, first.Version+1, c.Now.Add(time.Minute))
		}
	}
}

// Concurrent claims never hand out a job twice.
func testClaimConcurrent(t *testing.T, s fsm.Store) {
	const jobs, workers = 64, 16
	createN(t, s, "job", "a", jobs)
	var mu sync.Mutex
	claimed := map[string]string{}
	var errs []error
	var wg sync.WaitGroup
	for w := range workers {
		owner := fmt.Sprintf("worker-%d", w)
		wg.Go(func() {
			for {
				recs, err := s.Claim(ctxOf(t), fsm.ClaimRequest{Owner: owner, Now: at(0), Limit: 3, Lease: time.Hour})
				mu.Lock()
				if err != nil {
					errs = append(errs, err)
				}
				for _, r := range recs {
					if prev, ok := claimed[r.ID]; ok && len(errs) < 10 {
						errs = append(errs, fmt.Errorf("job %s claimed by %s and %s", r.ID, prev, owner))
					}
					claimed[r.ID] = owner
					if r.LeaseOwner != owner {
						errs = append(errs, fmt.Errorf("job %s claimed by %s has LeaseOwner %q", r.ID, owner, r.LeaseOwner))
					}
				}
				mu.Unlock()
				if err != nil || len(recs) == 0 {
					return
				}
			}
		})
	}
	wg.Wait()
	if err := join(errs); err != nil {
		t.Fatal(err)
	}
	if len(claimed) != jobs {
		t.Errorf("%d jobs claimed, want %d", len(claimed), jobs)
	}
	for id, owner := range claimed {
		if got := job(t, s, id).LeaseOwner; got != owner {
			t.Errorf("job %s: stored LeaseOwner %q, claimed by %q", id, got, owner)
		}
	}
}

// ExtendLeases moves the lease end of the jobs still held and returns the
// others: reclaimed by another owner, written back, unknown.
func testExtendLeases(t *testing.T, s fsm.Store) {
	for _, id := range []string{"a", "b", "c"} {
		create(t, s, spec(id, id))
	}
	a := claimOne(t, s, "a", "w1", at(0))
	claimOne(t, s, "b", "w1", at(0))
	c := claimOne(t, s, "c", "w1", at(0))
	apply(t, s, update(c, fsm.StatusPending))
	b2 := claimOne(t, s, "b", "w2", at(2*time.Minute)) // w1's lease ran out

	lost, err := s.ExtendLeases(t.Context(), "w1", []string{"a", "b", "c", "ghost"}, at(10*time.Minute+time.Nanosecond))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(lost) != "[b c ghost]" {
		t.Errorf("lost = %v, want [b c ghost]", lost)
	}
	got := job(t, s, "a")
	want := a
	want.LeaseUntil = at(10*time.Minute + time.Nanosecond)
	want.UpdatedAt = got.UpdatedAt
	wantSame(t, "a after ExtendLeases (Version unchanged)", got, want)
	got = job(t, s, "b")
	if got.LeaseOwner != "w2" || !got.LeaseUntil.Equal(b2.LeaseUntil) {
		t.Errorf("b: lease of %q until %v, want w2's until %v", got.LeaseOwner, got.LeaseUntil, b2.LeaseUntil)
	}
	// w1 may still write a: its Version is unchanged.
	u := update(a, fsm.StatusRunning)
	u.KeepLease, u.LeaseUntil = true, at(20*time.Minute)
	apply(t, s, u)

	lost, err = s.ExtendLeases(t.Context(), "w1", nil, at(time.Hour))
	if err != nil || len(lost) != 0 {
		t.Errorf("ExtendLeases of no jobs = %v, %v", lost, err)
	}
}
