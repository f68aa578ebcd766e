package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
	"github.com/fsmgen/fsmgen/tests/engine"
)

// pausedStore makes a store holding a Checkout job paused at its approval
// await, and no worker, and returns its path and the job's id.
func pausedStore(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jobs.db")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := fsm.NewEngine(ctx, s, fsm.Options{Poll: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	id, err := fsm.Start(ctx, e, engine.CheckoutJob, engine.Order{ID: "o-7", Amount: 25, Items: []string{"lamp"}, Wait: time.Hour}, fsm.WithID("order-7"))
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- e.Run(runCtx) }()
	for {
		rec, err := s.Job(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Status == fsm.StatusWaiting {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("job did not pause: %+v", rec)
		}
		time.Sleep(2 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return path, id
}

func runJobs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(append([]string{"jobs"}, args...), &out, &errb)
	return code, out.String(), errb.String()
}

func TestJobsShowPausedJob(t *testing.T) {
	path, id := pausedStore(t)
	code, out, errs := runJobs(t, "show", id, "--db", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`status\s+waiting`),
		regexp.MustCompile(`(?m)^version\s+1$`),
		regexp.MustCompile(`paused at\s+jobs\.go:\d+:\d+\s+\(state fsm.Timeout, number 2, await #2\)`),
		regexp.MustCompile(`awaiting\s+signal "engine.approval" with a timeout \(sleep 1h0m0s\)`),
		regexp.MustCompile(`sleep 1h0m0s: fires at .* \(in (59m|1h0m)`),
		regexp.MustCompile(`(?m)^  o\s+Order\s+\{Amount: 25, ID: "o-7", Items: \["lamp"\], Wait: 3600000000000\}$`),
		regexp.MustCompile(`(?m)^  r\s+Receipt\s+\{.*Charge: "ch-o-7".*Order: "o-7".*\}$`),
	} {
		if !want.MatchString(out) {
			t.Errorf("show output lacks %v:\n%s", want, out)
		}
	}

	code, out, _ = runJobs(t, "show", "--json", id, "--db", path)
	var shown struct {
		Status    string         `json:"status"`
		Position  string         `json:"position"`
		Variables []fsm.VarValue `json:"variables"`
		Op        fsm.OpView     `json:"op"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil {
		t.Fatalf("show --json: exit %d, %s", code, out)
	}
	if shown.Status != "waiting" || !strings.HasPrefix(shown.Position, "jobs.go:") || shown.Op.Kind != "timeout" || len(shown.Variables) < 2 {
		t.Errorf("show --json: %+v", shown)
	}
}

func TestJobsListHistory(t *testing.T) {
	path, id := pausedStore(t)
	code, out, errs := runJobs(t, "list", "--db", path)
	if code != 0 || !strings.Contains(out, id) || !strings.Contains(out, "tests/engine.Checkout") || !strings.Contains(out, "waiting") {
		t.Errorf("list: exit %d, %s%s", code, out, errs)
	}
	code, out, _ = runJobs(t, "list", "--db", path, "--status", "succeeded")
	if code != 0 || strings.TrimSpace(out) != "no jobs" {
		t.Errorf("list --status succeeded: exit %d, %q", code, out)
	}
	code, out, _ = runJobs(t, "list", "--db", path, "--json")
	var listed []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &listed) != nil || len(listed) != 1 || listed[0]["id"] != id {
		t.Errorf("list --json: exit %d, %s", code, out)
	}
	if listed[0]["version"] != 1.0 {
		t.Errorf("list --json: version %v, want 1", listed[0]["version"])
	}
	code, out, _ = runJobs(t, "versions", "github.com/fsmgen/fsmgen/tests/engine.Checkout", "--db", path)
	if code != 0 || !regexp.MustCompile(`(?m)^1\s+current\s+1\s*$`).MatchString(out) {
		t.Errorf("versions: exit %d, want version 1 current with one unfinished job:\n%s", code, out)
	}
	code, out, _ = runJobs(t, "history", id, "--db", path)
	for _, want := range []string{"started", "checkpoint", "outcome", `"ch-o-7"`} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("history lacks %q: exit %d\n%s", want, code, out)
		}
	}
}

func TestJobsSignalCancelRetry(t *testing.T) {
	path, id := pausedStore(t)
	// A payload that does not fit the signal's type changes nothing.
	code, _, errs := runJobs(t, "signal", id, "engine.approval", `{"by": 7}`, "--db", path)
	if code != 1 || !strings.Contains(errs, "payload.by: want text") || strings.Count(errs, "\n") != 1 {
		t.Errorf("bad payload: exit %d, %q", code, errs)
	}
	code, _, errs = runJobs(t, "signal", id, "engine.nope", `{}`, "--db", path)
	if code != 1 || !strings.Contains(errs, `signal "engine.nope"`) {
		t.Errorf("unknown signal: exit %d, %q", code, errs)
	}
	s, err := sqlitestore.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if sigs, _ := s.Signals(context.Background(), id); len(sigs) != 0 {
		t.Fatalf("refused signals were stored: %+v", sigs)
	}
	code, out, errs := runJobs(t, "signal", id, "engine.approval", `{"by": "ann", "ok": true}`, "--db", path)
	if code != 0 || !strings.Contains(out, "sent") {
		t.Fatalf("signal: exit %d, %s%s", code, out, errs)
	}
	sigs, err := s.Signals(context.Background(), id)
	if err != nil || len(sigs) != 1 {
		t.Fatalf("signals: %+v, %v", sigs, err)
	}
	var a engine.Approval
	if err := fsm.Unmarshal(sigs[0].Payload, &a); err != nil || a != (engine.Approval{By: "ann", OK: true}) {
		t.Errorf("stored payload decodes to %+v, %v", a, err)
	}
	rec, _ := s.Job(context.Background(), id)
	if rec.Status != fsm.StatusPending {
		t.Errorf("the signalled job is %s, want pending (woken)", rec.Status)
	}

	code, _, errs = runJobs(t, "retry", id, "--db", path)
	if code != 1 || !strings.Contains(errs, "is pending; only jobs that failed") {
		t.Errorf("retry of a pending job: exit %d, %q", code, errs)
	}
	code, out, _ = runJobs(t, "cancel", id, "--db", path)
	if code != 0 || !strings.Contains(out, "cancellation") {
		t.Errorf("cancel: exit %d, %q", code, out)
	}
	if rec, _ := s.Job(context.Background(), id); !rec.CancelRequested {
		t.Error("cancel did not mark the job")
	}
}

func TestJobsErrors(t *testing.T) {
	path, _ := pausedStore(t)
	missing := filepath.Join(t.TempDir(), "nope.db")
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "usage: fsmgen jobs"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"show"}, 2, "want 1 argument(s), got 0"},
		{[]string{"show", "a", "b", "--db", path}, 2, "want 1 argument(s), got 2"},
		{[]string{"list", "--status", "sleeping", "--db", path}, 2, `unknown status "sleeping"`},
		{[]string{"list", "--bogus"}, 2, "flag provided but not defined: -bogus"},
		{[]string{"list"}, 2, "no store given"},
		{[]string{"list", "--db", missing}, 1, "no store at " + missing},
		{[]string{"show", "no-such-job", "--db", path}, 1, "job no-such-job: not found (list the jobs with 'fsmgen jobs list')"},
		{[]string{"cancel", "no-such-job", "--db", path}, 1, "not found"},
		{[]string{"versions", "--db", path}, 2, "want 1 argument(s), got 0"},
		{[]string{"versions", "shop.Nope", "--db", path}, 1, `no engine has recorded versions of job "shop.Nope"`},
		{[]string{"signal", "no-such-job", "engine.approval", "{}", "--db", path}, 1, "not found"},
		{[]string{"signal", "order-7", "engine.approval", "{", "--db", path}, 1, "payload is not JSON"},
	} {
		t.Setenv("FSMGEN_DB", "")
		code, _, errs := runJobs(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") > 1 && c.code != 2 {
			t.Errorf("jobs %v: exit %d, stderr %q; want exit %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a mistyped --db created a store")
	}
	t.Setenv("FSMGEN_DB", path)
	if code, out, errs := runJobs(t, "list"); code != 0 || !strings.Contains(out, "order-7") {
		t.Errorf("FSMGEN_DB: exit %d, %s%s", code, out, errs)
	}
}
