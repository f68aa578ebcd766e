package ui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// jobView is one job's page.
type jobView struct {
	Rec   fsm.JobRecord
	Short string

	// Where it is: StateLabel is "paused at", "returned" or "not started".
	StateLabel string
	Position   string
	Source     *sourceView

	VarsTitle string
	Vars      []varRow
	VarsError string
	// StateNum is the state the job is at as this program resumes it: the
	// record's, unless its checkpoint was written by an earlier build and
	// placed (see fsm.JobInfo.Place). Placed says so, PlaceError why this
	// program cannot resume the checkpoint.
	StateNum   int
	Version    int // of the job's code that resumes it, when more than one is known
	Placed     string
	PlaceError string

	Op      *fsm.OpView
	Leaves  []leafRow
	OpError string
	Outcome *fsm.OutcomeView
	Runs    string // when it runs next, for a job that has not stopped

	Signals  []fsm.SignalRecord
	Awaited  []awaitedSignal
	History  []histRow
	Children []listRow

	CanCancel, CanRetry, CanSignal bool
	RetryNote                      string
}

type varRow struct {
	Name, Type string
	Value      valueView
	Absent     bool // not in the checkpoint: the job resumes with its zero value
}

type leafRow struct {
	fsm.OpView
	Label string
}

type histRow struct {
	fsm.Event
	Op      string
	Outcome string
	Failed  bool
}

// awaitedSignal is a signal the job's pending op waits for, with its
// payload type as an engine recorded it.
type awaitedSignal struct {
	Name    string
	Type    string // the Go type, "" when no engine recorded it
	Shape   string // the payload's JSON shape, for people
	Example string // a payload of that shape, to start from
	Opaque  bool   // stored by its own method: only its program can send it
}

func (s *Server) job(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		s.fail(w, r, http.StatusNotFound, "No job id given: open a job from the list.")
		return
	}
	v, err := s.describe(r.Context(), id)
	if errors.Is(err, fsm.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no job %q in this store. It may have another id: find it in the list.", id))
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Cannot read job "+strconv.Quote(id)+": "+err.Error())
		return
	}
	p := &page{Title: "Job " + id, Job: v, Message: doneMessages[r.URL.Query().Get("done")]}
	if r.URL.Query().Get("part") != "" {
		s.render(w, r, http.StatusOK, "job-live", p)
		return
	}
	s.render(w, r, http.StatusOK, "job.html", p)
}

// describe reads everything the job page shows. Parts that cannot be
// described are shown with why, not turned into errors: only a job that
// cannot be read at all is one.
func (s *Server) describe(ctx context.Context, id string) (*jobView, error) {
	rec, err := s.store.Job(ctx, id)
	if err != nil {
		return nil, err
	}
	now := s.opts.Now()
	v := &jobView{Rec: rec, Short: shortName(rec.Name)}
	switch {
	case rec.StateNum == fsm.StateDone:
		v.StateLabel, v.VarsTitle = "returned", "Results"
	case rec.StateNum == 0 && rec.Op == nil:
		v.StateLabel, v.VarsTitle = "not started", "Arguments"
	default:
		v.StateLabel, v.VarsTitle = "paused at", "Variables"
	}
	v.StateNum = rec.StateNum
	state, info, err := s.placed(ctx, rec, v)
	if err != nil {
		v.VarsError = fmt.Sprintf("The store has no description of layout %q of state %d of %s, so its variables cannot be named (an engine records it when a program with this job opens the store).", rec.Layout, rec.StateNum, rec.Name)
	} else {
		v.Position = info.Pos
		if v.Version == 0 && info.Version > 1 {
			v.Version = info.Version // as the engine that wrote it recorded it
		}
		vars, err := fsm.DescribeState(state, info, false)
		if err != nil {
			v.VarsError = err.Error()
		}
		for _, vv := range vars {
			v.Vars = append(v.Vars, varRow{Name: vv.Name, Type: vv.Type, Value: newValue(vv.Value), Absent: vv.Absent})
		}
		if info.Pos != "" {
			v.Source = s.src.show(rec.Name, info.Pos, rec.UpdatedAt)
		}
	}
	if rec.Op != nil {
		op, err := fsm.DescribeOp(rec.Op, rec.Progress)
		if err != nil {
			v.OpError = err.Error()
		} else {
			v.Op = &op
			v.Leaves = leaves(op)
			for _, name := range signalNames(op) {
				v.Awaited = append(v.Awaited, s.awaited(ctx, name))
			}
		}
	}
	if rec.Outcome != nil {
		if o, err := fsm.DescribeOutcome(rec.Outcome); err == nil {
			v.Outcome = &o
		}
	}
	if !rec.Status.Finished() && rec.Status != fsm.StatusAttention {
		switch {
		case rec.Status == fsm.StatusRunning:
			v.Runs = "now, on " + rec.LeaseOwner + " (lease until " + stamp(rec.LeaseUntil) + ")"
		case !rec.RunAt.Before(fsm.Never):
			v.Runs = "when woken (a signal, a child's end, a cancellation)"
		case rec.RunAt.After(now):
			v.Runs = when(now, rec.RunAt) + " (" + stamp(rec.RunAt) + ")"
		default:
			v.Runs = "now (waiting for a worker)"
		}
	}
	if v.Signals, err = s.store.Signals(ctx, id); err != nil {
		return nil, err
	}
	evs, err := s.store.History(ctx, id)
	if err != nil {
		return nil, err
	}
	for _, ev := range evs {
		h := histRow{Event: ev}
		if ev.Op != nil {
			if o, err := fsm.DescribeOp(ev.Op, nil); err == nil {
				h.Op = o.String()
			}
		}
		if ev.Outcome != nil {
			if o, err := fsm.DescribeOutcome(ev.Outcome); err == nil {
				h.Outcome, h.Failed = o.String(), o.Failed
			}
		}
		v.History = append(v.History, h)
	}
	kids, err := s.store.Jobs(ctx, fsm.JobFilter{Parent: id, Limit: 200})
	if err != nil {
		return nil, err
	}
	for _, k := range kids {
		v.Children = append(v.Children, listRow{JobRecord: k, Short: shortName(k.Name), Note: note(now, k)})
	}
	v.CanCancel = !rec.Status.Finished() && !rec.CancelRequested
	v.CanSignal = !rec.Status.Finished()
	switch {
	case rec.Status == fsm.StatusAttention:
		v.CanRetry, v.RetryNote = true, "resumes it from its last checkpoint"
	case (rec.Status == fsm.StatusFailed || rec.Status == fsm.StatusCancelled) && rec.Parent == "":
		v.CanRetry, v.RetryNote = true, "runs it again from its start, with the arguments it was started with (its activities run again)"
	}
	return v, nil
}

// placed returns the job's checkpoint and the description of its state. When
// this program has the job, the checkpoint is placed in it as the engine
// would place it (fsm.JobInfo.PlaceIn), so that a checkpoint written by an
// earlier build shows as this program resumes it: at the state it belongs to
// now, with that state's variables and source position. Otherwise, or when
// it cannot be placed (v.PlaceError says why), it is described as stored,
// by the layout the engine that wrote it recorded.
func (s *Server) placed(ctx context.Context, rec fsm.JobRecord, v *jobView) ([]byte, fsm.StateInfo, error) {
	if job, ok := fsm.JobByName(rec.Name); ok {
		versions := len(job.Drains()) > 0
		job, num, state, layout, err := job.PlaceIn(rec.StateNum, rec.Layout, rec.State)
		if err == nil && (versions || job.Version > 1) {
			v.Version = max(job.Version, 1)
		}
		switch {
		case err != nil:
			v.PlaceError = "This program cannot resume this job: " + err.Error() + ". Its variables are shown as they are stored."
		case num != rec.StateNum || layout != rec.Layout:
			info, _ := job.State(num)
			v.StateNum = num
			v.Placed = fmt.Sprintf("Its checkpoint was written by an earlier build, at state %d with layout %s; this program resumes it at state %d (%s), with layout %s. The variables are shown as it will resume them.", rec.StateNum, rec.Layout, num, info.ID, layout)
			return state, info, nil
		}
	}
	raw, err := s.store.Meta(ctx, fsm.LayoutKey(rec.Name, rec.StateNum, rec.Layout))
	var info fsm.StateInfo
	if err == nil {
		err = json.Unmarshal(raw, &info)
	}
	return rec.State, info, err
}

// leaves lists the leaf ops of v that have progress to show.
func leaves(v fsm.OpView) []leafRow {
	var out []leafRow
	var walk func(v fsm.OpView)
	walk = func(v fsm.OpView) {
		if len(v.Ops) > 0 {
			for _, o := range v.Ops {
				walk(o)
			}
			return
		}
		out = append(out, leafRow{OpView: v, Label: v.String()})
	}
	walk(v)
	return out
}

func signalNames(v fsm.OpView) []string {
	var out []string
	if v.Kind == "signal" && !v.Done {
		out = append(out, v.Name)
	}
	for _, o := range v.Ops {
		for _, n := range signalNames(o) {
			if !containsString(out, n) {
				out = append(out, n)
			}
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// awaited describes the payload type an engine recorded for a signal.
func (s *Server) awaited(ctx context.Context, name string) awaitedSignal {
	a := awaitedSignal{Name: name}
	raw, err := s.store.Meta(ctx, fsm.SignalKey(name))
	if err != nil {
		return a
	}
	var sc fsm.Schema
	if json.Unmarshal(raw, &sc) != nil {
		return a
	}
	a.Type = sc.Type
	a.Opaque = sc.Kind == "opaque"
	a.Shape = shape(sc, 0)
	if b, err := json.MarshalIndent(example(sc, 0), "", "  "); err == nil {
		a.Example = string(b)
	}
	return a
}

// shape writes the JSON a schema takes, for people: {"by": text, "ok": true or false}.
func shape(sc fsm.Schema, depth int) string {
	if depth > 6 {
		return "…"
	}
	switch sc.Kind {
	case "bool":
		return "true or false"
	case "int", "uint", "bigint":
		return "an integer"
	case "float":
		return "a number"
	case "complex":
		return "[real, imaginary]"
	case "string":
		return "text"
	case "bytes":
		return "base64 text"
	case "time":
		return "RFC 3339 time text"
	case "slice", "array":
		return "[" + shape(*sc.Elem, depth+1) + ", …]"
	case "map":
		return "{key: " + shape(*sc.Elem, depth+1) + ", …}"
	case "pointer":
		return shape(*sc.Elem, depth+1) + " or null"
	case "any":
		return "any JSON"
	case "struct":
		parts := make([]string, len(sc.Fields))
		for i, f := range sc.Fields {
			parts[i] = strconv.Quote(f.Name) + ": " + shape(f.Schema, depth+1)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case "ref":
		return sc.Ref
	}
	return "(only its program can write it)"
}

// example is a value of the schema's shape, zero where it can be.
func example(sc fsm.Schema, depth int) any {
	if depth > 6 {
		return nil
	}
	switch sc.Kind {
	case "bool":
		return false
	case "int", "uint", "float", "bigint":
		return 0
	case "complex":
		return []int{0, 0}
	case "string", "bytes":
		return ""
	case "time":
		return "2026-01-02T15:04:05Z"
	case "slice", "array":
		return []any{}
	case "map":
		return map[string]any{}
	case "pointer":
		return example(*sc.Elem, depth+1)
	case "struct":
		m := make(map[string]any, len(sc.Fields))
		for _, f := range sc.Fields {
			m[f.Name] = example(f.Schema, depth+1)
		}
		return m
	}
	return nil
}
