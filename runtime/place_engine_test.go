package fsm_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// This file checks, through an Engine and a real store, that a checkpoint
// written by one build of a job resumes in a later build: one where its await
// moved to another state number, and one whose state accepts the old layout
// with a variable dropped and one added. The job's machine is written by hand,
// so that each build's JobInfo can be made to order.

const upgradeName = "github.com/fsmgen/fsmgen/runtime_test.upgrade"

var upgradeGo = fsm.NewSignal[string]("fsm_test.upgrade.go")

var upgradeJob = fsm.NewJob(upgradeName,
	func(a string) []any { return []any{a} },
	func(r []any) (string, error) { return fsm.ResultAt[string](r, 0), fsm.ResultErr(r, 1) })

// upgrade is the job every build below has, as its plain function: it keeps
// name and count across the await of upgradeGo, and reports them with the
// signal's payload. (Build v3 keeps note instead of count.)
func upgrade(ctx fsm.Context, name string) (string, error) {
	count := len(name)
	sig, err := fsm.Await(ctx, upgradeGo.Wait())
	return fmt.Sprintf("%s count=%d note=%q sig=%s", name, count, "", sig), err
}

// upgradeBuild is one build of job upgrade: the number of the state of the
// await of upgradeGo (the states before it are sleeps storing name), and the
// variables it stores there, in order, of "name", "count" and "note".
type upgradeBuild struct {
	waitAt int
	vars   []string
}

type upgradeMachine struct {
	b           *upgradeBuild
	state       int
	name, note  string
	count       int
	result, sig string
}

func (m *upgradeMachine) Resume(ctx fsm.Context, in fsm.Outcome) (fsm.AnyOp, error) {
	switch {
	case m.state == fsm.StateDone:
		return nil, fsm.ErrFinished
	case m.state == 0:
		m.count = len(m.name)
	case m.state == m.b.waitAt:
		sig, err := fsm.Take[string](in)
		if err != nil {
			return nil, err
		}
		m.result = fmt.Sprintf("%s count=%d note=%q sig=%s", m.name, m.count, m.note, sig)
		m.state = fsm.StateDone
		return nil, nil
	}
	m.state++
	if m.state < m.b.waitAt {
		return fsm.Suspend(fsm.Sleep(0))
	}
	return fsm.Suspend(upgradeGo.Wait())
}

func (m *upgradeMachine) State() int     { return m.state }
func (m *upgradeMachine) Results() []any { return []any{m.result, nil} }
func (m *upgradeMachine) varNamed(n string) any {
	return map[string]any{"name": &m.name, "count": &m.count, "note": &m.note}[n]
}

func (m *upgradeMachine) MarshalCBOR() ([]byte, error) {
	w := fsm.NewStateWriter(m.state)
	switch {
	case m.state == fsm.StateDone:
		fsm.Save(w, "result", m.result)
		fsm.SaveError(w, "err", nil)
	case m.state == m.b.waitAt:
		for _, n := range m.b.vars {
			switch p := m.varNamed(n).(type) {
			case *string:
				fsm.Save(w, n, *p)
			case *int:
				fsm.Save(w, n, *p)
			}
		}
	default:
		fsm.Save(w, "name", m.name)
	}
	return w.Bytes()
}

func (m *upgradeMachine) UnmarshalCBOR(data []byte) error {
	r, err := fsm.NewStateReader(data, m.b.waitAt)
	if err != nil {
		return err
	}
	switch st := r.State(); {
	case st == fsm.StateDone:
		var e error
		fsm.Load(r, "result", &m.result)
		fsm.LoadError(r, "err", &e)
	case st == m.b.waitAt:
		for _, n := range m.b.vars {
			switch p := m.varNamed(n).(type) {
			case *string:
				fsm.Load(r, n, p)
			case *int:
				fsm.Load(r, n, p)
			}
		}
	default:
		fsm.Load(r, "name", &m.name)
	}
	if err := r.Close(); err != nil {
		return err
	}
	m.state = r.State()
	return nil
}

// info is the JobInfo of build b; waitLayout is the layout of its await of
// upgradeGo, and accepts what that state accepts.
func (b *upgradeBuild) info(waitLayout string, accepts ...fsm.Accepted) fsm.JobInfo {
	info := fsm.JobInfo{
		Name:  upgradeName,
		Func:  upgrade,
		Start: fsm.StateInfo{ID: "start", Layout: "start-1", Vars: []fsm.VarInfo{{Name: "name", Type: "string"}}},
		Done:  fsm.StateInfo{ID: "done", Layout: "done-1", Vars: []fsm.VarInfo{{Name: "result 0", Type: "string"}, {Name: "result 1", Type: "error"}}},
		New: func(args []any) (fsm.Machine, error) {
			name, err := fsm.Arg[string](upgradeName, args, 0, "name")
			return &upgradeMachine{b: b, name: name}, err
		},
		Zero: func() fsm.Machine { return &upgradeMachine{b: b} },
	}
	for n := 1; n < b.waitAt; n++ {
		info.States = append(info.States, fsm.StateInfo{ID: fmt.Sprintf("fsm.Sleep#%d", n), Layout: fmt.Sprintf("sleep-%d", n), Vars: []fsm.VarInfo{{Name: "name", Type: "string"}}})
	}
	wait := fsm.StateInfo{ID: "upgradeGo.Wait", Layout: waitLayout, Accepts: accepts}
	for _, n := range b.vars {
		typ := "string"
		if n == "count" {
			typ = "int"
		}
		wait.Vars = append(wait.Vars, fsm.VarInfo{Name: n, Type: typ})
	}
	info.States = append(info.States, wait)
	return info
}

var registerUpgrade sync.Once

// lockedBuffer is a log destination engines may write to from any goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// runEngine runs an engine of the program as it is now registered on store
// until the test's job id has status want, and stops it.
func runEngine(t *testing.T, store fsm.Store, log *lockedBuffer, until func(ctx context.Context, e *fsm.Engine)) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	e, err := fsm.NewEngine(ctx, store, fsm.Options{Poll: 5 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- e.Run(runCtx) }()
	until(ctx, e)
	stop()
	if err := <-done; err != nil {
		t.Error(err)
	}
}

// waitFor polls the store until job id is in status st at state num.
func waitFor(ctx context.Context, t *testing.T, store fsm.Store, id string, st fsm.Status, num int) {
	t.Helper()
	for {
		rec, err := store.Job(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Status == st && rec.StateNum == num {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("job %s is %s at state %d (%s), want %s at state %d", id, rec.Status, rec.StateNum, rec.Error, st, num)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// pausedByBuild1 opens a new store in which the registered build runs an
// upgrade job to its await and stops.
func pausedByBuild1(t *testing.T) (fsm.Store, *lockedBuffer, string) {
	t.Helper()
	store, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	log := &lockedBuffer{}
	var id string
	runEngine(t, store, log, func(ctx context.Context, e *fsm.Engine) {
		if id, err = fsm.Start(ctx, e, upgradeJob, "ada"); err != nil {
			t.Fatal(err)
		}
		waitFor(ctx, t, store, id, fsm.StatusWaiting, 1)
	})
	return store, log, id
}

// TestEngineResumesEarlierBuild checks that a checkpoint of build 1 resumes
// in later builds that moved its await or accept its layout.
func TestEngineResumesEarlierBuild(t *testing.T) {
	v1 := &upgradeBuild{waitAt: 1, vars: []string{"name", "count"}}
	registerUpgrade.Do(func() { fsm.RegisterJob(v1.info("wait-1")) })

	for _, c := range []struct {
		name    string
		later   fsm.JobInfo
		num     int    // the state the checkpoint is placed at
		layout  string // and its layout there
		want    string
		outcome int // the state the outcome of the await is recorded at
	}{
		{
			// An await added above: the state is 2 now, its layout unchanged.
			name:   "moved",
			later:  (&upgradeBuild{waitAt: 2, vars: []string{"name", "count"}}).info("wait-1"),
			num:    2,
			layout: "wait-1",
			want:   `ada count=3 note="" sig=go`,
		},
		{
			// count dropped, note added before name: name keeps its value,
			// note starts empty, count is no longer restored (0).
			name:   "accepted",
			later:  (&upgradeBuild{waitAt: 1, vars: []string{"note", "name"}}).info("wait-3", fsm.Accepted{Layout: "wait-1", Vars: []int{1, -1}}),
			num:    1,
			layout: "wait-3",
			want:   `ada count=0 note="" sig=go`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			store, log, id := pausedByBuild1(t)
			rec, err := store.Job(context.Background(), id)
			if err != nil || rec.Layout != "wait-1" {
				t.Fatalf("build 1 left the job with layout %q, %v", rec.Layout, err)
			}

			// The later build takes it over and finishes it.
			fsm.ReplaceJob(t, c.later)
			var got string
			runEngine(t, store, log, func(ctx context.Context, e *fsm.Engine) {
				if err := upgradeGo.Send(ctx, e, id, "go"); err != nil {
					t.Fatal(err)
				}
				if got, err = fsm.Wait(ctx, e, upgradeJob, id); err != nil {
					t.Fatalf("the later build: %v", err)
				}
			})
			if got != c.want {
				t.Errorf("the later build returns %q, want %q", got, c.want)
			}
			placed := fmt.Sprintf(`msg="fsm: placed a checkpoint written by an earlier build" job_id=%s job=%s from_state=1 from_layout=wait-1 to_state=%d to_layout=%s`, id, upgradeName, c.num, c.layout)
			if !strings.Contains(log.String(), placed) {
				t.Errorf("the log does not say\n%s\nit has\n%s", placed, log.String())
			}
			// What the later build wrote after placing the checkpoint names
			// the state it placed it at.
			evs, err := store.History(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			var outcomeAt []int
			for _, ev := range evs {
				if ev.Kind == fsm.EventOutcome {
					outcomeAt = append(outcomeAt, ev.StateNum)
				}
			}
			if len(outcomeAt) != 1 || outcomeAt[0] != c.num {
				t.Errorf("the await's outcome is recorded at states %v, want [%d]", outcomeAt, c.num)
			}
		})
	}
}

// TestEngineRefusesUnknownLayout checks that a checkpoint no state of the
// later build has or accepts makes the job need attention, saying so, and is
// kept as it was.
func TestEngineRefusesUnknownLayout(t *testing.T) {
	v1 := &upgradeBuild{waitAt: 1, vars: []string{"name", "count"}}
	registerUpgrade.Do(func() { fsm.RegisterJob(v1.info("wait-1")) })
	store, log, id := pausedByBuild1(t)
	before, _ := store.Job(context.Background(), id)
	fsm.ReplaceJob(t, (&upgradeBuild{waitAt: 1, vars: []string{"note"}}).info("wait-4"))
	runEngine(t, store, log, func(ctx context.Context, e *fsm.Engine) {
		if err := upgradeGo.Send(ctx, e, id, "go"); err != nil {
			t.Fatal(err)
		}
		waitFor(ctx, t, store, id, fsm.StatusAttention, 1)
	})
	rec, err := store.Job(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if want := `has layout "wait-1", which no state of this build has or accepts`; !strings.Contains(rec.Error, want) {
		t.Errorf("attention reason %q, want it to say %q", rec.Error, want)
	}
	if !bytes.Equal(rec.State, before.State) || rec.Layout != "wait-1" {
		t.Errorf("the checkpoint changed: layout %q", rec.Layout)
	}
}

// TestChildStartPlaced checks that a child op keeps the layout of the child's
// start state, so that a later build places it like any checkpoint (or
// refuses it) instead of reading it as its own.
func TestChildStartPlaced(t *testing.T) {
	v1 := &upgradeBuild{waitAt: 1, vars: []string{"name", "count"}}
	registerUpgrade.Do(func() { fsm.RegisterJob(v1.info("wait-1")) })
	rec, err := fsm.EncodeOp(fsm.Child(upgradeJob, "ann"))
	if err != nil {
		t.Fatal(err)
	}
	op, err := fsm.DecodeOp(rec)
	if err != nil || fsm.ChildStartLayout(op) != "start-1" {
		t.Fatalf("decoded by the build that wrote it: layout %v, %v", op, err)
	}
	start, _ := v1.info("wait-1").New([]any{"ann"})
	state, err := start.MarshalCBOR()
	if err != nil {
		t.Fatal(err)
	}
	old := fsm.OldChildRecord(t, upgradeName, state)
	if op, err := fsm.DecodeOp(old); err != nil || fsm.ChildStartLayout(op) != "start-1" {
		t.Errorf("a record without a layout: %v, %v; want this build's start layout", op, err)
	}

	t.Run("later build that changed the start", func(t *testing.T) {
		later := v1.info("wait-1")
		later.Start.Layout = "start-2"
		fsm.ReplaceJob(t, later)
		if _, err := fsm.DecodeOp(rec); err == nil || !strings.Contains(err.Error(), `its start, stored by the awaiting job: its checkpoint at state 0 has layout "start-1"`) {
			t.Errorf("decoded by a build that cannot place it: %v", err)
		}
	})
	t.Run("later build that accepts the start", func(t *testing.T) {
		later := v1.info("wait-1")
		later.Start.Layout = "start-2"
		later.Start.Accepts = []fsm.Accepted{{Layout: "start-1", Vars: []int{0}}}
		fsm.ReplaceJob(t, later)
		if op, err := fsm.DecodeOp(rec); err != nil || fsm.ChildStartLayout(op) != "start-2" {
			t.Errorf("decoded by a build that accepts it: %v, %v", op, err)
		}
	})
	for _, bad := range [][]byte{
		fsm.OldChildRecord(t, upgradeName, nil),
	} {
		if _, err := fsm.DecodeOp(bad); err == nil {
			t.Errorf("decoded % x", bad)
		}
	}
}
