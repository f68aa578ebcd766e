package pgstore

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
	"github.com/fsmgen/fsmgen/runtime/storetest"
)

// The tests run against the server FSMGEN_TEST_POSTGRES names, each in a
// schema of its own (pgtest.Schema).

func open(t testing.TB, connString string) *Store {
	t.Helper()
	s, err := Open(context.Background(), connString)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) fsm.Store { return open(t, pgtest.Schema(t)) })
}

// Without LISTEN the store still passes: Changed carries its own writes.
func TestConformancePollOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	storetest.Run(t, func(t *testing.T) fsm.Store { return open(t, pgtest.Schema(t, listenParam+"=false")) })
}

func testSpec(id, name string) fsm.JobSpec {
	now := time.Now()
	return fsm.JobSpec{ID: id, Name: name, State: []byte("s-" + id), Layout: "L", RunAt: now.Add(-time.Second),
		Event: fsm.Event{Time: now, Kind: fsm.EventStarted, State: []byte("s-" + id)}}
}

func mustCreate(t testing.TB, s *Store, id, name string) fsm.JobRecord {
	t.Helper()
	rec, _, err := s.CreateJob(context.Background(), testSpec(id, name))
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// Workers opening one schema at once migrate it once, and all open.
func TestOpenConcurrent(t *testing.T) {
	cs := pgtest.Schema(t)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(context.Background(), cs)
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	s := open(t, cs)
	var v int
	if err := s.pool.QueryRow(context.Background(), "SELECT version FROM fsmgen_schema").Scan(&v); err != nil {
		t.Fatal(err)
	}
	ms, _ := storeutil.Migrations(migrationFiles)
	if v != len(ms) {
		t.Errorf("schema version %d, want %d", v, len(ms))
	}
}

// A schema written by a newer fsmgen is refused with ErrNewerSchema and left
// as it is.
func TestNewerSchema(t *testing.T) {
	cs := pgtest.Schema(t)
	s := open(t, cs)
	mustCreate(t, s, "job-1", "a")
	if _, err := s.pool.Exec(context.Background(), "UPDATE fsmgen_schema SET version = 99"); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), cs)
	if !errors.Is(err, fsm.ErrNewerSchema) {
		t.Fatalf("Open of a newer schema: %v, want ErrNewerSchema", err)
	}
	msg := err.Error()
	for _, part := range []string{"schema version 99", "upgrade fsmgen", "fsmgen_test_"} {
		if !strings.Contains(msg, part) {
			t.Errorf("error %q does not say %q", msg, part)
		}
	}
	if _, err := s.Job(context.Background(), "job-1"); err != nil {
		t.Errorf("job after the refused Open: %v", err)
	}
}

// Open of a search_path naming no schema says so.
func TestOpenMissingSchema(t *testing.T) {
	pgtest.Server(t)
	u, _ := url.Parse(pgtest.DSN())
	q := u.Query()
	q.Set("search_path", "fsmgen_test_does_not_exist")
	u.RawQuery = q.Encode()
	_, err := Open(context.Background(), u.String())
	if err == nil || !strings.Contains(err.Error(), "no schema") {
		t.Fatalf("Open: %v, want an error saying the schema is missing", err)
	}
	if _, err := Open(context.Background(), pgtest.DefaultDSN+"&"+listenParam+"=maybe"); err == nil {
		t.Errorf("Open with %s=maybe: no error", listenParam)
	}
}

// Many workers may hold the store at once, each with its own name; a second
// live worker of a name is refused, and a worker taking over a name hands
// back the jobs its predecessor held.
func TestAcquireWorkerMany(t *testing.T) {
	cs := pgtest.Schema(t)
	a, b := open(t, cs), open(t, cs)
	ctx := context.Background()
	relA, err := a.AcquireWorker(ctx, "w1")
	if err != nil {
		t.Fatal(err)
	}
	relB, err := b.AcquireWorker(ctx, "w2")
	if err != nil {
		t.Fatalf("a second worker of another name: %v", err)
	}
	defer relB()
	if _, err := b.AcquireWorker(ctx, "w1"); !errors.Is(err, fsm.ErrLocked) {
		t.Fatalf("a second live worker named w1: %v, want ErrLocked", err)
	}
	mustCreate(t, a, "job-1", "a")
	recs, err := a.Claim(ctx, fsm.ClaimRequest{Owner: "w1", Now: time.Now(), Limit: 1, Lease: time.Hour})
	if err != nil || len(recs) != 1 {
		t.Fatalf("Claim: %v, %v", recs, err)
	}
	relA()
	relB2, err := b.AcquireWorker(ctx, "w1")
	if err != nil {
		t.Fatalf("w1 after its release: %v", err)
	}
	defer relB2()
	recs2, err := b.Claim(ctx, fsm.ClaimRequest{Owner: "w1", Now: time.Now(), Limit: 1, Lease: time.Hour})
	if err != nil || len(recs2) != 1 || recs2[0].Version != recs[0].Version+1 {
		t.Fatalf("Claim after taking over w1: %v, %v; want job-1 at once", recs2, err)
	}
	// The first holder's write is fenced off.
	_, err = a.Apply(ctx, fsm.Update{ID: "job-1", Version: recs[0].Version, Status: fsm.StatusSucceeded})
	if !errors.Is(err, fsm.ErrLeaseLost) {
		t.Errorf("Apply of the stale claim: %v, want ErrLeaseLost", err)
	}
}

// A worker whose connection dies loses its name with it.
func TestWorkerLockDropsWithConnection(t *testing.T) {
	cs := pgtest.Schema(t)
	a, b := open(t, cs), open(t, cs)
	ctx := context.Background()
	if _, err := a.AcquireWorker(ctx, "w1"); err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()")
	deadline := time.Now().Add(5 * time.Second)
	for {
		rel, err := b.AcquireWorker(ctx, "w1")
		if err == nil {
			rel()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("w1 still held after its connection ended: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A write by one Store wakes the Changed of another on the same schema, and
// a timer coming due wakes it too.
func TestNotifyAcrossStores(t *testing.T) {
	cs := pgtest.Schema(t)
	a, b := open(t, cs), open(t, cs)
	wait := func(what string, d time.Duration) {
		t.Helper()
		select {
		case <-b.Changed():
		case <-time.After(d):
			t.Fatalf("%s: nothing on the other store's Changed", what)
		}
	}
	wait("after Open", 5*time.Second) // the listener's first value
	drain := func() {
		for {
			select {
			case <-b.Changed():
			default:
				return
			}
		}
	}
	drain()
	mustCreate(t, a, "job-1", "a")
	wait("CreateJob", 5*time.Second)
	drain()
	j := testSpec("later", "later")
	j.RunAt = time.Now().Add(1500 * time.Millisecond)
	if _, _, err := a.CreateJob(context.Background(), j); err != nil {
		t.Fatal(err)
	}
	wait("CreateJob of a later job", 5*time.Second)
	drain()
	start := time.Now()
	wait("the later job's run time", 5*time.Second)
	if took := time.Since(start); time.Until(j.RunAt) > 50*time.Millisecond {
		t.Errorf("woken %v before the job is due (after %v)", time.Until(j.RunAt), took)
	}
}

// Two Stores (two pools, as two processes) racing to write the same claim:
// exactly one wins.
func TestApplyFencedAcrossStores(t *testing.T) {
	cs := pgtest.Schema(t)
	a, b := open(t, cs), open(t, cs)
	ctx := context.Background()
	for i := range 20 {
		id := "job-" + string(rune('a'+i))
		mustCreate(t, a, id, "a")
		recs, err := a.Claim(ctx, fsm.ClaimRequest{Owner: "w", Now: time.Now(), Limit: 1, Lease: time.Hour, Names: []string{"a"}})
		if err != nil || len(recs) != 1 {
			t.Fatalf("Claim: %v %v", recs, err)
		}
		u := fsm.Update{ID: id, Version: recs[0].Version, Status: fsm.StatusSucceeded, RunAt: fsm.Never}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for k, s := range []*Store{a, b} {
			wg.Go(func() { _, errs[k] = s.Apply(ctx, u) })
		}
		wg.Wait()
		lost := 0
		for _, err := range errs {
			switch {
			case err == nil:
			case errors.Is(err, fsm.ErrLeaseLost):
				lost++
			default:
				t.Fatal(err)
			}
		}
		if lost != 1 {
			t.Fatalf("%s: %d writes lost, want 1 (%v)", id, lost, errs)
		}
	}
}
