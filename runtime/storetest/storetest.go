// Package storetest is the conformance suite of fsm.Store: the behaviour
// every store must have for the engine to run on it, checked through the
// interface alone. A store's own tests call Run:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) fsm.Store {
//			s, err := mystore.Open(t.Context(), filepath.Join(t.TempDir(), "jobs.db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			return s
//		})
//	}
//
// The suite takes the documentation of fsm.Store literally, and settles what
// it leaves open in one way, said in the comment of each test: for instance
// that an empty, non-nil ClaimRequest.Names claims nothing, that times keep
// their nanoseconds, and that a job woken "now" is claimable by a Claim whose
// Now is the wall clock.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Run runs the conformance suite as subtests of t. open must return a new,
// empty store each time it is called; it is called from parallel subtests.
// The suite closes each store it opens.
func Run(t *testing.T, open func(t *testing.T) fsm.Store) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := open(t)
			t.Cleanup(func() { _ = s.Close() })
			tc.run(t, s)
		})
	}
}

type test struct {
	name string
	run  func(t *testing.T, s fsm.Store)
}

// tests are the subtests of Run; each is in the file of its subject.
var tests = []test{
	{"CreateJob", testCreateJob},
	{"CreateJobExisting", testCreateJobExisting},
	{"CreateJobIDTaken", testCreateJobIDTaken},
	{"CreateJobBadText", testCreateJobBadText},
	{"JobNotFound", testJobNotFound},
	{"NumIncreases", testNumIncreases},
	{"Jobs", testJobs},
	{"JobsCreatedRange", testJobsCreatedRange},
	{"JobsPaging", testJobsPaging},
	{"Counts", testCounts},

	{"Claim", testClaim},
	{"ClaimOrder", testClaimOrder},
	{"ClaimLimit", testClaimLimit},
	{"ClaimNames", testClaimNames},
	{"ClaimStatuses", testClaimStatuses},
	{"ClaimExpiredLease", testClaimExpiredLease},
	{"ClaimConcurrent", testClaimConcurrent},
	{"ExtendLeases", testExtendLeases},

	{"Apply", testApply},
	{"ApplyFenced", testApplyFenced},
	{"ApplyAfterReclaim", testApplyAfterReclaim},
	{"ApplyRace", testApplyRace},
	{"ApplyConcurrent", testApplyConcurrent},
	{"ApplyWakeSeq", testApplyWakeSeq},
	{"ApplyWakeSeqOtherStatuses", testApplyWakeSeqOtherStatuses},
	{"ApplyKeepLease", testApplyKeepLease},
	{"ApplyKeepLeaseEnd", testApplyKeepLeaseEnd},
	{"ApplyChildren", testApplyChildren},
	{"ApplyConsumed", testApplyConsumed},
	{"ApplyWake", testApplyWake},
	{"ApplyClearCancel", testApplyClearCancel},
	{"History", testHistory},

	{"Signals", testSignals},
	{"SendSignalWakes", testSendSignalWakes},
	{"SendSignalErrors", testSendSignalErrors},
	{"RequestCancel", testRequestCancel},
	{"RequestCancelErrors", testRequestCancelErrors},
	{"Changed", testChanged},

	{"Meta", testMeta},
	{"NilAndEmptyBytes", testNilAndEmptyBytes},
	{"Times", testTimes},
	{"AcquireWorker", testAcquireWorker},
	{"Close", testClose},
}

// base is the time the tests' claims happen at: a whole second, in the past
// so that jobs woken "now" (at the store's clock) are due at base's future.
var base = time.Now().Add(-time.Hour).Truncate(time.Second)

// at returns base + d.
func at(d time.Duration) time.Time { return base.Add(d) }

// spec returns a job to create: due a minute before base, with a state and
// a started event.
func spec(id, name string) fsm.JobSpec {
	return fsm.JobSpec{
		ID:     id,
		Name:   name,
		State:  []byte("start of " + id),
		Layout: "L0",
		RunAt:  at(-time.Minute),
		Event:  fsm.Event{Time: at(-time.Minute), Kind: fsm.EventStarted, State: []byte("start of " + id), Detail: "created"},
	}
}

func create(t *testing.T, s fsm.Store, j fsm.JobSpec) fsm.JobRecord {
	t.Helper()
	rec, created, err := s.CreateJob(t.Context(), j)
	if err != nil {
		t.Fatalf("CreateJob(%s): %v", j.ID, err)
	}
	if !created {
		t.Fatalf("CreateJob(%s): created = false for a new job", j.ID)
	}
	return rec
}

// createN creates jobs id-1 ... id-n, all of the given name.
func createN(t *testing.T, s fsm.Store, id, name string, n int) []fsm.JobRecord {
	t.Helper()
	var recs []fsm.JobRecord
	for i := 1; i <= n; i++ {
		recs = append(recs, create(t, s, spec(fmt.Sprintf("%s-%d", id, i), name)))
	}
	return recs
}

func job(t *testing.T, s fsm.Store, id string) fsm.JobRecord {
	t.Helper()
	rec, err := s.Job(t.Context(), id)
	if err != nil {
		t.Fatalf("Job(%s): %v", id, err)
	}
	return rec
}

func claim(t *testing.T, s fsm.Store, c fsm.ClaimRequest) []fsm.JobRecord {
	t.Helper()
	recs, err := s.Claim(t.Context(), c)
	if err != nil {
		t.Fatalf("Claim(%+v): %v", c, err)
	}
	return recs
}

// claimOne claims the one due job named name for owner at now, with a
// lease of a minute.
func claimOne(t *testing.T, s fsm.Store, name, owner string, now time.Time) fsm.JobRecord {
	t.Helper()
	recs := claim(t, s, fsm.ClaimRequest{Owner: owner, Now: now, Limit: 10, Lease: time.Minute, Names: []string{name}})
	if len(recs) != 1 {
		t.Fatalf("Claim of %s at %v: %d jobs (%v), want 1", name, now, len(recs), ids(recs))
	}
	return recs[0]
}

// update returns the Update that writes rec back as it is, with status.
func update(rec fsm.JobRecord, status fsm.Status) fsm.Update {
	return fsm.Update{
		ID: rec.ID, Version: rec.Version, Status: status,
		Seq: rec.Seq, StateNum: rec.StateNum, State: rec.State, Layout: rec.Layout,
		Op: rec.Op, Progress: rec.Progress, Outcome: rec.Outcome,
		Attempts: rec.Attempts, LastError: rec.LastError, RunAt: rec.RunAt, Error: rec.Error,
		WakeSeq: rec.WakeSeq,
	}
}

func apply(t *testing.T, s fsm.Store, u fsm.Update) int64 {
	t.Helper()
	v, err := s.Apply(t.Context(), u)
	if err != nil {
		t.Fatalf("Apply(%s, version %d): %v", u.ID, u.Version, err)
	}
	if v != u.Version+1 {
		t.Fatalf("Apply(%s, version %d) = version %d, want %d", u.ID, u.Version, v, u.Version+1)
	}
	return v
}

// setStatus claims the job id, the one named name, and writes it back with
// status and runAt, returning the record as stored.
func setStatus(t *testing.T, s fsm.Store, id, name string, status fsm.Status, runAt time.Time) fsm.JobRecord {
	t.Helper()
	// Claimed an hour from now: a job woken now is due.
	rec := claimOne(t, s, name, "setter", time.Now().Add(time.Hour))
	if rec.ID != id {
		t.Fatalf("claimed %s, want %s", rec.ID, id)
	}
	u := update(rec, status)
	u.RunAt = runAt
	apply(t, s, u)
	return job(t, s, id)
}

func history(t *testing.T, s fsm.Store, id string) []fsm.Event {
	t.Helper()
	evs, err := s.History(t.Context(), id)
	if err != nil {
		t.Fatalf("History(%s): %v", id, err)
	}
	return evs
}

func signals(t *testing.T, s fsm.Store, id string) []fsm.SignalRecord {
	t.Helper()
	sigs, err := s.Signals(t.Context(), id)
	if err != nil {
		t.Fatalf("Signals(%s): %v", id, err)
	}
	return sigs
}

func ids(recs []fsm.JobRecord) []string {
	out := []string{}
	for _, r := range recs {
		out = append(out, r.ID)
	}
	return out
}

func wantIDs(t *testing.T, what string, recs []fsm.JobRecord, want ...string) {
	t.Helper()
	if want == nil {
		want = []string{}
	}
	if got := ids(recs); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: jobs %v, want %v", what, got, want)
	}
}

func wantErr(t *testing.T, what string, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Errorf("%s: error %v, want one wrapping %q", what, err, target)
	}
}

// wantSame fails the test for each field of got (a struct) that differs from
// want's: times are compared with Equal, byte slices by their bytes and
// whether they are nil, the rest with reflect.DeepEqual.
func wantSame(t *testing.T, what string, got, want any) {
	t.Helper()
	for _, d := range diff(got, want) {
		t.Errorf("%s: %s", what, d)
	}
}

// wantBytes fails the test unless got has the bytes of want and is nil
// when want is.
func wantBytes(t *testing.T, what string, got, want []byte) {
	t.Helper()
	wantSame(t, what, got, want)
}

// wantNow fails the test unless tm is the wall clock between before and
// after, give or take a second.
func wantNow(t *testing.T, what string, tm, before, after time.Time) {
	t.Helper()
	if tm.Before(before.Add(-time.Second)) || tm.After(after.Add(time.Second)) {
		t.Errorf("%s = %v, want the time of the call (%v to %v)", what, tm, before, after)
	}
}

var (
	timeType  = reflect.TypeFor[time.Time]()
	bytesType = reflect.TypeFor[[]byte]()
)

func diff(got, want any) []string {
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	if g.Type() != w.Type() {
		return []string{fmt.Sprintf("type %v, want %v", g.Type(), w.Type())}
	}
	if g.Kind() != reflect.Struct {
		return diffValue("", g, w)
	}
	var out []string
	for i := range g.NumField() {
		out = append(out, diffValue(g.Type().Field(i).Name, g.Field(i), w.Field(i))...)
	}
	return out
}

func diffValue(name string, g, w reflect.Value) []string {
	prefix := ""
	if name != "" {
		prefix = name + " = "
	}
	switch {
	case g.Type() == timeType:
		gt, wt := g.Interface().(time.Time), w.Interface().(time.Time)
		if !gt.Equal(wt) {
			return []string{fmt.Sprintf("%s%v, want %v", prefix, gt, wt)}
		}
	case g.Type() == bytesType:
		gb, wb := g.Bytes(), w.Bytes()
		if (gb == nil) != (wb == nil) || !bytes.Equal(gb, wb) {
			return []string{fmt.Sprintf("%s%s, want %s", prefix, showBytes(gb), showBytes(wb))}
		}
	case g.Kind() == reflect.Slice && g.Type().Elem().Kind() == reflect.Struct:
		if g.Len() != w.Len() {
			return []string{fmt.Sprintf("%s%d elements, want %d", prefix, g.Len(), w.Len())}
		}
		var out []string
		for i := range g.Len() {
			for _, d := range diff(g.Index(i).Interface(), w.Index(i).Interface()) {
				out = append(out, fmt.Sprintf("%s[%d].%s", name, i, d))
			}
		}
		return out
	default:
		if !reflect.DeepEqual(g.Interface(), w.Interface()) {
			return []string{fmt.Sprintf("%s%#v, want %#v", prefix, g.Interface(), w.Interface())}
		}
	}
	return nil
}

func showBytes(b []byte) string {
	if b == nil {
		return "nil"
	}
	return fmt.Sprintf("%q", b)
}

// expectNothingChanged snapshots what a failed write must leave alone and
// returns a function checking it is still so.
func expectNothingChanged(t *testing.T, s fsm.Store, jobIDs ...string) func(what string) {
	t.Helper()
	type snap struct {
		rec  fsm.JobRecord
		evs  []fsm.Event
		sigs []fsm.SignalRecord
	}
	before := map[string]snap{}
	for _, id := range jobIDs {
		before[id] = snap{job(t, s, id), history(t, s, id), signals(t, s, id)}
	}
	return func(what string) {
		t.Helper()
		for _, id := range jobIDs {
			b := before[id]
			wantSame(t, fmt.Sprintf("%s: job %s", what, id), job(t, s, id), b.rec)
			if got := history(t, s, id); len(got) != len(b.evs) {
				t.Errorf("%s: job %s has %d events, want %d", what, id, len(got), len(b.evs))
			}
			if got := signals(t, s, id); len(got) != len(b.sigs) {
				t.Errorf("%s: job %s has %d signals, want %d", what, id, len(got), len(b.sigs))
			}
		}
	}
}

// wantNotFound checks that the job id does not exist.
func wantNotFound(t *testing.T, s fsm.Store, id string) {
	t.Helper()
	_, err := s.Job(t.Context(), id)
	wantErr(t, "Job("+id+")", err, fsm.ErrNotFound)
}

// ctxOf is for goroutines, which must not call t.Fatal.
func ctxOf(t *testing.T) context.Context { return t.Context() }

func join(errs []error) error {
	var msgs []string
	for _, err := range errs {
		if err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	if msgs == nil {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}
