package ui

import (
	"context"
	"strings"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/tests/engine"
)

// TestJobPagePlaced checks that the job page shows a checkpoint written by an
// earlier build as this program resumes it (here: job Patient's approval
// await, stored as state 2 by a build with an await above it), and says so
// when this program cannot resume it.
func TestJobPagePlaced(t *testing.T) {
	s := pausedStore(t)
	info, ok := fsm.JobByName(engine.PatientJob.Name())
	if !ok {
		t.Fatal("job Patient is not registered")
	}
	earlier := func(num int, id string) []byte {
		w := fsm.NewStateWriter(num)
		fsm.Save(w, "id", id)
		b, err := w.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, j := range []fsm.JobSpec{
		{ID: "moved-1", Name: info.Name, StateNum: 2, State: earlier(2, "p-moved"), Layout: info.LayoutOf(1), RunAt: fsm.Never},
		{ID: "stranded-1", Name: info.Name, StateNum: 1, State: earlier(1, "p-stranded"), Layout: "0123456789abcdef", RunAt: fsm.Never},
	} {
		if _, _, err := s.CreateJob(context.Background(), j); err != nil {
			t.Fatal(err)
		}
	}
	srv := newServer(t, s, Options{})

	r := do(t, srv, "GET", "/job?id=moved-1", nil, nil)
	mustContain(t, "the page of a moved checkpoint", r.body,
		`id="placed"`, "written by an earlier build, at state 2", "resumes it at state 1 (ApprovalSignal.Wait)",
		"(state 1, await #0)", info.States[0].Pos, `data-var="id"`, "p-moved")
	if strings.Contains(r.body, `id="place-error"`) {
		t.Error("the page of a moved checkpoint says it cannot be resumed")
	}

	r = do(t, srv, "GET", "/job?id=stranded-1", nil, nil)
	mustContain(t, "the page of a stranded checkpoint", r.body,
		`id="place-error"`, "This program cannot resume this job", "which no state of this build has or accepts",
		"The store has no description of layout")
	if strings.Contains(r.body, `id="placed"`) {
		t.Error("the page of a stranded checkpoint says it was placed")
	}

	// A checkpoint only a drained version takes shows on that version.
	drained := *info
	drained.Drained, drained.Version, drained.Func = true, 1, func() {}
	drained.States = append([]fsm.StateInfo(nil), info.States...)
	drained.States[0].Layout = "d1d1d1d1d1d1d1d1"
	drained.States[0].Accepts = []fsm.Accepted{{Layout: "fedcba9876543210", Vars: []int{0}}}
	drained.Start.Layout, drained.Done.Layout = "d1d1d1d1d1d1d1d0", "d1d1d1d1d1d1d1d2"
	fsm.RegisterJob(drained)
	if _, _, err := s.CreateJob(context.Background(), fsm.JobSpec{ID: "drained-1", Name: info.Name, StateNum: 1, State: earlier(1, "p-drained"), Layout: "fedcba9876543210", RunAt: fsm.Never}); err != nil {
		t.Fatal(err)
	}
	r = do(t, srv, "GET", "/job?id=drained-1", nil, nil)
	mustContain(t, "the page of a checkpoint on a drained version", r.body,
		`id="placed"`, "(state 1, await #0, version 1)", "p-drained")

	// A checkpoint of this build shows as before.
	r = do(t, srv, "GET", "/job?id=patient-1", nil, nil)
	if strings.Contains(r.body, `id="placed"`) || strings.Contains(r.body, `id="place-error"`) {
		t.Error("the page of a checkpoint of this build speaks of placing it")
	}
}
