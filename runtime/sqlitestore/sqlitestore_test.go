package sqlitestore

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
	"github.com/fsmgen/fsmgen/runtime/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) fsm.Store { return open(t, filepath.Join(t.TempDir(), "jobs.db")) })
}

func open(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// rawDB opens the file as a plain SQLite database, to look at or damage it.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exec1(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func testSpec(id, name string) fsm.JobSpec {
	now := time.Now()
	return fsm.JobSpec{ID: id, Name: name, State: []byte("s-" + id), Layout: "L", RunAt: now,
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

// oneLine fails the test unless err's message is a single line holding
// each of parts.
func oneLine(t *testing.T, err error, parts ...string) {
	t.Helper()
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("error is more than one line: %q", msg)
	}
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("error %q does not say %q", msg, p)
		}
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	s := open(t, path)
	rec := mustCreate(t, s, "job-1", "a")
	if err := s.SendSignal(ctx, "job-1", "go", []byte{}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutMeta(ctx, "k", []byte("v")); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); err == nil {
			t.Errorf("%s left after Close", path+suffix)
		}
	}

	s = open(t, path)
	got, err := s.Job(ctx, "job-1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Num != rec.Num || !bytes.Equal(got.State, rec.State) || !got.RunAt.Equal(rec.RunAt) || got.Version != rec.Version {
		t.Errorf("reopened job %+v, want %+v", got, rec)
	}
	sigs, err := s.Signals(ctx, "job-1")
	if err != nil || len(sigs) != 1 || sigs[0].Payload == nil {
		t.Errorf("reopened signals: %+v, %v", sigs, err)
	}
	if v, err := s.Meta(ctx, "k"); err != nil || string(v) != "v" {
		t.Errorf("reopened meta: %q, %v", v, err)
	}
	// Num is never reused.
	if next := mustCreate(t, s, "job-2", "a"); next.Num <= rec.Num {
		t.Errorf("Num %d after reopening, not more than %d", next.Num, rec.Num)
	}
}

func TestSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jobs.db")
	s := open(t, path)
	s.Close()
	ms, err := storeutil.Migrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	var v int
	var mode string
	db := rawDB(t, path)
	if err := db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if v != len(ms) || v == 0 || mode != "wal" {
		t.Errorf("user_version %d, journal mode %q; want %d, wal", v, mode, len(ms))
	}
}

func TestNewerSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jobs.db")
	s := open(t, path)
	mustCreate(t, s, "job-1", "a")
	s.Close()
	db := rawDB(t, path)
	exec1(t, db, "PRAGMA user_version = 99")
	db.Close()

	before := snapshotDir(t, dir)
	_, err := Open(context.Background(), path)
	if !errors.Is(err, fsm.ErrNewerSchema) {
		t.Fatalf("Open of a newer file: %v, want ErrNewerSchema", err)
	}
	oneLine(t, err, path, "upgrade fsmgen", "99")
	if after := snapshotDir(t, dir); after != before {
		t.Errorf("Open of a newer file changed the directory:\nbefore %s\nafter  %s", before, after)
	}
}

// snapshotDir describes the files in dir and their contents.
func snapshotDir(t *testing.T, dir string) string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s:%d:%x ", e.Name(), len(data), data[:min(len(data), 16)])
		fmt.Fprintf(&b, "%x ", sumBytes(data))
	}
	return b.String()
}

func sumBytes(b []byte) uint64 {
	var h uint64 = 14695981039346656037
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jobs.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte("not a database "), 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(context.Background(), path); err == nil {
		s.Close()
		t.Fatal("Open of a file that is not a database: no error")
	}
}

func TestWorkerLock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	worker, tool := open(t, path), open(t, path)
	release, err := worker.AcquireWorker(ctx, "w1")
	if err != nil {
		t.Fatal(err)
	}
	_, err = tool.AcquireWorker(ctx, "w2")
	if !errors.Is(err, fsm.ErrLocked) {
		t.Fatalf("second AcquireWorker: %v, want ErrLocked", err)
	}
	oneLine(t, err, path+"-worker.lock")
	if _, err := worker.AcquireWorker(ctx, "w3"); !errors.Is(err, fsm.ErrLocked) {
		t.Errorf("AcquireWorker twice on one store: %v, want ErrLocked", err)
	}

	// A tool works while the worker holds the lock.
	mustCreate(t, tool, "job-1", "a")
	if err := tool.SendSignal(ctx, "job-1", "go", nil); err != nil {
		t.Error(err)
	}
	if err := tool.RequestCancel(ctx, "job-1"); err != nil {
		t.Error(err)
	}
	if recs, err := tool.Jobs(ctx, fsm.JobFilter{}); err != nil || len(recs) != 1 {
		t.Errorf("Jobs from a tool: %d, %v", len(recs), err)
	}
	if recs, err := worker.Claim(ctx, fsm.ClaimRequest{Owner: "w1", Now: time.Now().Add(time.Second), Limit: 1, Lease: time.Minute}); err != nil || len(recs) != 1 {
		t.Errorf("the worker claims the tool's job: %d, %v", len(recs), err)
	}

	release()
	release2, err := tool.AcquireWorker(ctx, "w2")
	if err != nil {
		t.Fatalf("AcquireWorker after release: %v", err)
	}
	// Close releases the lock too.
	_ = release2
	tool.Close()
	if r, err := worker.AcquireWorker(ctx, "w1"); err != nil {
		t.Errorf("AcquireWorker after the holder's Close: %v", err)
	} else {
		r()
	}
}

// A worker that dies leaves its jobs leased; the next worker can claim them
// at once, and the operating system has released the dead one's lock.
func TestWorkerLockOtherProcess(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	s := open(t, path)
	mustCreate(t, s, "job-1", "a")

	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestHelperWorker$", "-test.v")
	cmd.Env = append(os.Environ(), "SQLITESTORE_HELPER_DB="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	held := false
	for lines.Scan() {
		if lines.Text() == "holding job-1" {
			held = true
			break
		}
	}
	if !held {
		cmd.Wait()
		t.Fatal("the helper process did not take the lock")
	}
	if rec, err := s.Job(ctx, "job-1"); err != nil || rec.Status != fsm.StatusRunning || rec.LeaseOwner != "helper" {
		t.Fatalf("job-1 in the helper's hands: %+v, %v", rec, err)
	}
	_, err = s.AcquireWorker(ctx, "parent")
	if !errors.Is(err, fsm.ErrLocked) {
		t.Fatalf("AcquireWorker while another process holds the lock: %v, want ErrLocked", err)
	}
	oneLine(t, err, path+"-worker.lock")

	cmd.Process.Kill()
	cmd.Wait()
	release, err := s.AcquireWorker(ctx, "parent")
	if err != nil {
		t.Fatalf("AcquireWorker after the other process died: %v", err)
	}
	defer release()
	recs, err := s.Claim(ctx, fsm.ClaimRequest{Owner: "parent", Now: time.Now(), Limit: 10, Lease: time.Minute})
	if err != nil || len(recs) != 1 {
		t.Fatalf("Claim of the dead worker's job: %d jobs, %v; want 1", len(recs), err)
	}
}

// TestHelperWorker is the process TestWorkerLockOtherProcess starts: it
// becomes the worker, claims a job for an hour and waits to be killed.
func TestHelperWorker(t *testing.T) {
	path := os.Getenv("SQLITESTORE_HELPER_DB")
	if path == "" {
		t.Skip("run by TestWorkerLockOtherProcess")
	}
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcquireWorker(ctx, "helper"); err != nil {
		t.Fatal(err)
	}
	recs, err := s.Claim(ctx, fsm.ClaimRequest{Owner: "helper", Now: time.Now(), Limit: 1, Lease: time.Hour})
	if err != nil || len(recs) != 1 {
		t.Fatalf("claim: %v, %v", recs, err)
	}
	fmt.Println("holding " + recs[0].ID)
	_, _ = io.Copy(io.Discard, os.Stdin) // until killed
}

// AcquireWorker ends the leases a previous worker left.
func TestAcquireWorkerHandsBackLeases(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	s := open(t, path)
	mustCreate(t, s, "job-1", "a")
	if _, err := s.Claim(ctx, fsm.ClaimRequest{Owner: "dead", Now: time.Now(), Limit: 1, Lease: time.Hour}); err != nil {
		t.Fatal(err)
	}
	for len(s.Changed()) > 0 {
		<-s.Changed()
	}
	release, err := s.AcquireWorker(ctx, "alive")
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	select {
	case <-s.Changed():
	default:
		t.Errorf("no Changed after handing back a lease")
	}
	recs, err := s.Claim(ctx, fsm.ClaimRequest{Owner: "alive", Now: time.Now(), Limit: 1, Lease: time.Minute})
	if err != nil || len(recs) != 1 || recs[0].LeaseOwner != "alive" {
		t.Fatalf("Claim after AcquireWorker: %+v, %v", recs, err)
	}
}

// claimAll creates n jobs and claims them.
func claimAll(t testing.TB, s *Store, n int) []fsm.JobRecord {
	t.Helper()
	for i := range n {
		mustCreate(t, s, fmt.Sprintf("job-%d", i), "a")
	}
	recs, err := s.Claim(context.Background(), fsm.ClaimRequest{Owner: "w", Now: time.Now().Add(time.Second), Limit: n, Lease: time.Hour})
	if err != nil || len(recs) != n {
		t.Fatalf("claimed %d of %d jobs: %v", len(recs), n, err)
	}
	return recs
}

// checkpoint returns the Update of a checkpoint of rec at seq.
func checkpoint(rec fsm.JobRecord, seq int64) fsm.Update {
	state := bytes.Repeat([]byte{byte(seq)}, 200)
	op := []byte("activity shop.charge {order: o-1}")
	return fsm.Update{
		ID: rec.ID, Version: rec.Version, Status: fsm.StatusRunning,
		Seq: seq, StateNum: int(seq), State: state, Layout: "L", Op: op,
		KeepLease: true, LeaseUntil: time.Now().Add(time.Minute), WakeSeq: rec.WakeSeq,
		Events: []fsm.Event{{Seq: seq, Time: time.Now(), Kind: fsm.EventCheckpoint, StateNum: int(seq), State: state, Op: op}},
	}
}

// Concurrent writes share transactions.
func TestGroupCommit(t *testing.T) {
	const callers, steps = 32, 10
	s := open(t, filepath.Join(t.TempDir(), "jobs.db"))
	recs := claimAll(t, s, callers)
	txs, writes := s.txs.Load(), s.nwrite.Load()
	var wg sync.WaitGroup
	errs := make([]error, callers)
	for i, rec := range recs {
		wg.Go(func() {
			for step := range steps {
				v, err := s.Apply(context.Background(), checkpoint(rec, int64(step+1)))
				if err != nil {
					errs[i] = err
					return
				}
				rec.Version = v
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	txs, writes = s.txs.Load()-txs, s.nwrite.Load()-writes
	t.Logf("%d writes in %d transactions", writes, txs)
	if writes != callers*steps {
		t.Errorf("%d writes counted, want %d", writes, callers*steps)
	}
	if txs >= writes/2 {
		t.Errorf("%d writes took %d transactions: they are not grouped", writes, txs)
	}
}

// In one transaction, a fenced write that fails is undone alone.
func TestBatchWithFailure(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "jobs.db"))
	recs := claimAll(t, s, 3)
	now := s.nowNano()
	var batch []*write
	for i, rec := range recs {
		u := checkpoint(rec, 1)
		if i == 1 {
			u.Version-- // stale
			u.Children = []fsm.JobSpec{testSpec("child", "c")}
		}
		a, err := prepareApply(u)
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, &write{ctx: context.Background(), fn: func(tx *wtx) (bool, error) { return a.run(tx, now) }})
	}
	// A write that fails after queuing history events takes them back.
	errRefused := errors.New("refused")
	batch = append(batch, &write{ctx: context.Background(), fn: func(tx *wtx) (bool, error) {
		if err := insertEvents(tx, recs[0].ID, []fsm.Event{{Time: time.Now(), Kind: fsm.EventAttempt, Detail: "taken back"}}); err != nil {
			return false, err
		}
		return false, errRefused
	}})
	s.commit(batch)
	if w := batch[len(batch)-1]; !errors.Is(w.err, errRefused) {
		t.Errorf("refused write: %v", w.err)
	}
	batch = batch[:len(batch)-1]
	evs, err := s.History(context.Background(), recs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if last := evs[len(evs)-1]; last.Kind != fsm.EventCheckpoint || last.Seq != 1 {
		t.Errorf("job %s: last event %s seq %d (%q), want its checkpoint, seq 1", recs[0].ID, last.Kind, last.Seq, last.Detail)
	}
	for i, w := range batch {
		if i == 1 {
			if !errors.Is(w.err, fsm.ErrLeaseLost) {
				t.Errorf("stale write: %v, want ErrLeaseLost", w.err)
			}
			continue
		}
		if w.err != nil {
			t.Errorf("write %d: %v", i, w.err)
		}
	}
	for i, rec := range recs {
		got, err := s.Job(context.Background(), rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := int64(1); i == 1 {
			want = 0
			if got.Seq != want {
				t.Errorf("job %s (stale write): Seq %d, want %d", rec.ID, got.Seq, want)
			}
		} else if got.Seq != want {
			t.Errorf("job %s: Seq %d, want %d", rec.ID, got.Seq, want)
		}
	}
	if _, err := s.Job(context.Background(), "child"); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("the stale write's child: %v, want ErrNotFound", err)
	}
}

// Rows this package would not write give errors naming the column.
func TestCorruptRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	s := open(t, path)
	for _, id := range []string{"status", "cancel", "sound"} {
		mustCreate(t, s, id, "a")
	}
	db := rawDB(t, path)
	exec1(t, db, "UPDATE jobs SET status = 'bogus' WHERE id = 'status'")
	exec1(t, db, "UPDATE jobs SET cancel_requested = 7 WHERE id = 'cancel'")

	_, err := s.Job(ctx, "status")
	if err == nil || !strings.Contains(err.Error(), "status") || !strings.Contains(err.Error(), "bogus") {
		t.Errorf("Job with a bogus status: %v", err)
	}
	if _, err := s.Jobs(ctx, fsm.JobFilter{}); err == nil {
		t.Errorf("Jobs with a bogus status: no error")
	}
	if _, err := s.Counts(ctx, ""); err == nil {
		t.Errorf("Counts with a bogus status: no error")
	}
	if err := s.SendSignal(ctx, "status", "go", nil); err == nil || errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("SendSignal to a job with a bogus status: %v", err)
	}
	if _, err := s.Job(ctx, "cancel"); err == nil || !strings.Contains(err.Error(), "cancel_requested") {
		t.Errorf("Job with cancel_requested 7: %v", err)
	}
	// The store goes on working for the other jobs.
	if _, err := s.Job(ctx, "sound"); err != nil {
		t.Errorf("a sound job: %v", err)
	}
	recs, err := s.Claim(ctx, fsm.ClaimRequest{Owner: "w", Now: time.Now().Add(time.Second), Limit: 10, Lease: time.Minute, Names: []string{"a"}})
	if err == nil && len(recs) != 1 {
		t.Errorf("Claim among corrupt rows: %d jobs, want the sound one", len(recs))
	}
}

// A file made by someone else, with the tables but not their types, holds
// values of the wrong types: reading them gives errors, not panics.
func TestHostileFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	ms, err := storeutil.Migrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	db := rawDB(t, path)
	for _, m := range ms {
		exec1(t, db, strings.ReplaceAll(m.SQL, ") STRICT;", ");"))
	}
	exec1(t, db, fmt.Sprintf("PRAGMA user_version = %d", len(ms)))
	insert := `INSERT INTO jobs (id, name, status, run_at, created_at, updated_at, lease_until) VALUES (?, 'a', 'pending', 0, 0, 0, 0)`
	for _, id := range []string{"run_at", "state", "seq", "events", "signals"} {
		exec1(t, db, insert, id)
	}
	exec1(t, db, "UPDATE jobs SET run_at = 'tomorrow' WHERE id = 'run_at'")
	exec1(t, db, "UPDATE jobs SET state = 42 WHERE id = 'state'")
	exec1(t, db, "UPDATE jobs SET seq = 1.5 WHERE id = 'seq'")
	exec1(t, db, "INSERT INTO events (job_id, seq, time, kind, state_num, detail) VALUES ('events', 0, x'00ff', 'started', 0, '')")
	exec1(t, db, "INSERT INTO signals (job_id, name, payload, sent_at) VALUES ('signals', 'go', 3.5, 0)")
	db.Close()

	s := open(t, path)
	for _, col := range []string{"run_at", "state", "seq"} {
		_, err := s.Job(ctx, col)
		if err == nil || !strings.Contains(err.Error(), "column "+col) {
			t.Errorf("Job with a hostile %s: %v", col, err)
		}
	}
	if _, err := s.History(ctx, "events"); err == nil || !strings.Contains(err.Error(), "column time") {
		t.Errorf("History with a hostile time: %v", err)
	}
	if _, err := s.Signals(ctx, "signals"); err == nil || !strings.Contains(err.Error(), "column payload") {
		t.Errorf("Signals with a hostile payload: %v", err)
	}
	if _, err := s.Jobs(ctx, fsm.JobFilter{}); err == nil {
		t.Errorf("Jobs: no error")
	}
	// Whatever Claim makes of them, it must not panic.
	_, _ = s.Claim(ctx, fsm.ClaimRequest{Owner: "w", Now: time.Now(), Limit: 10, Lease: time.Minute})
}

// Updates that cannot be right fail and change nothing.
func TestInvalidUpdate(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "jobs.db"))
	rec := claimAll(t, s, 1)[0]
	for name, u := range map[string]fsm.Update{
		"unknown status":     {ID: rec.ID, Version: rec.Version, Status: "bogus"},
		"KeepLease, pending": {ID: rec.ID, Version: rec.Version, Status: fsm.StatusPending, KeepLease: true},
		"RunAt before 1678":  {ID: rec.ID, Version: rec.Version, Status: fsm.StatusPending, RunAt: time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC)},
	} {
		if _, err := s.Apply(context.Background(), u); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	got, err := s.Job(context.Background(), rec.ID)
	if err != nil || got.Version != rec.Version || got.Status != fsm.StatusRunning {
		t.Errorf("after invalid updates: %+v, %v", got, err)
	}
}

func TestRequestCancelEvent(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "jobs.db"))
	mustCreate(t, s, "job-1", "a")
	if err := s.RequestCancel(context.Background(), "job-1"); err != nil {
		t.Fatal(err)
	}
	evs, err := s.History(context.Background(), "job-1")
	if err != nil || len(evs) != 2 || evs[1].Kind != fsm.EventCancel {
		t.Errorf("history after RequestCancel: %+v, %v", evs, err)
	}
}

// A write whose context is done before it starts is not made.
func TestCancelledContext(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "jobs.db"))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := s.CreateJob(ctx, testSpec("job-1", "a")); !errors.Is(err, context.Canceled) {
		t.Errorf("CreateJob with a cancelled context: %v", err)
	}
	if _, err := s.Job(context.Background(), "job-1"); !errors.Is(err, fsm.ErrNotFound) {
		t.Errorf("the job of a cancelled CreateJob: %v, want ErrNotFound", err)
	}
}

func TestCloseIsFinal(t *testing.T) {
	s := open(t, filepath.Join(t.TempDir(), "jobs.db"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); !errors.Is(err, ErrClosed) {
		t.Errorf("second Close: %v, want ErrClosed", err)
	}
	if _, err := s.Job(context.Background(), "x"); !errors.Is(err, ErrClosed) {
		t.Errorf("Job after Close: %v, want ErrClosed", err)
	}
}
