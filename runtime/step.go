package fsm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"strconv"
	"sync"
	"time"
)

// A claimed job, as one worker carries it forward: resume, checkpoint, run
// the op, record its outcome, resume again, until the job waits, ends or
// needs attention.
type jobRun struct {
	e    *Engine
	rec  JobRecord // the job as durably stored, Version included
	info *JobInfo
	m    Machine
	op   AnyOp
	prog progress

	events   []Event // of the next write
	consumed []int64 // signals the next write marks consumed
	sinceCxl int     // awaits since the job was cancelled

	// settled, when not nil, is an outcome the job has resumed with but no
	// write has made durable yet (see settle): what to write, should the job
	// stop before its next write, so that the op is not run again.
	settled *settledStep
}

// settledStep is the job as it was once its pending op settled: the row with
// its outcome, and what the write of it carries.
type settledStep struct {
	rec      JobRecord
	op       AnyOp
	prog     progress
	events   []Event
	consumed []int64
}

// progress is the engine's record of how far a pending op has got: one entry
// per leaf op (the ops inside All, First and Timeout, depth first).
type progress struct {
	_      struct{} `cbor:",toarray"`
	Leaves []leafState
}

type leafState struct {
	_         struct{} `cbor:",toarray"`
	Done      bool
	Outcome   []byte    // EncodeOutcome of the leaf, when Done
	Due       time.Time // a timer's end, fixed at the checkpoint
	Child     string    // a child job's id, once created
	Attempts  int
	NextTry   time.Time // an activity's next attempt after a failure
	LastError string
}

// leaves lists the leaf ops of op, depth first.
func leaves(op AnyOp, out []AnyOp) []AnyOp {
	if c, ok := op.(composite); ok {
		for _, k := range c.children() {
			out = leaves(k, out)
		}
		return out
	}
	return append(out, op)
}

// process carries a claimed job as far as it goes. claimCtx is the engine's
// Run context: once it is done the job is given back at its next write.
func (e *Engine) process(ctx, claimCtx context.Context, rec JobRecord) {
	r := &jobRun{e: e, rec: rec}
	log := e.log.With("job_id", rec.ID, "job", rec.Name)
	if err := r.load(); err != nil {
		r.attention(ctx, err)
		return
	}
	for {
		var in Outcome
		switch {
		case r.op == nil:
		case r.rec.Outcome != nil:
			o, err := DecodeOutcome(r.op, r.rec.Outcome)
			if err != nil {
				r.attention(ctx, err)
				return
			}
			in = o
		default:
			o, ok := r.wait(ctx, claimCtx)
			if !ok {
				return
			}
			in = o
		}
		next, err := r.resume(ctx, in)
		if err != nil {
			r.attention(ctx, err)
			return
		}
		if next == nil {
			r.finish(ctx)
			return
		}
		if err := r.checkpoint(next); err != nil {
			r.attention(ctx, err)
			return
		}
		log.Debug("fsm: checkpoint", "state", r.m.State(), "op", next.String(), "seq", r.rec.Seq+1)
	}
}

func (r *jobRun) load() error {
	info, ok := JobByName(r.rec.Name)
	if !ok {
		return fmt.Errorf("job %s is not registered in this program", r.rec.Name)
	}
	info, num, state, layout, err := info.PlaceIn(r.rec.StateNum, r.rec.Layout, r.rec.State)
	if err != nil {
		return err
	}
	r.info = info
	if num != r.rec.StateNum || layout != r.rec.Layout {
		r.e.log.Info("fsm: placed a checkpoint written by an earlier build", "job_id", r.rec.ID, "job", r.rec.Name, "from_state", r.rec.StateNum, "from_layout", r.rec.Layout, "to_state", num, "to_layout", layout, "version", info.version())
		r.rec.StateNum, r.rec.State, r.rec.Layout = num, state, layout
	}
	r.m = info.Zero()
	if err := r.m.UnmarshalCBOR(r.rec.State); err != nil {
		return fmt.Errorf("decoding its checkpoint: %w", err)
	}
	if r.rec.Op != nil {
		op, err := DecodeOp(r.rec.Op)
		if err != nil {
			return fmt.Errorf("decoding its pending op: %w", err)
		}
		r.op = op
		n := len(leaves(op, nil))
		if r.rec.Progress != nil {
			if err := Unmarshal(r.rec.Progress, &r.prog); err != nil {
				return fmt.Errorf("decoding the progress of its pending op: %w", err)
			}
			if len(r.prog.Leaves) != n {
				return fmt.Errorf("the progress of its pending op has %d entries for %d ops", len(r.prog.Leaves), n)
			}
		} else {
			r.prog.Leaves = make([]leafState, n)
		}
	}
	return nil
}

// resume runs the machine to its next await; a panic of the job becomes an
// error (the machine is poisoned, the stored checkpoint stays).
func (r *jobRun) resume(ctx context.Context, in Outcome) (op AnyOp, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the job panicked: %v\n%s", p, debug.Stack())
		}
	}()
	op, err = r.m.Resume(MachineContext(ctx), in)
	if err != nil {
		return nil, fmt.Errorf("resuming its machine: %w", err)
	}
	return op, nil
}

// checkpoint records, in memory, that the machine stopped at a new await; the
// next write (before the op starts) makes it durable.
func (r *jobRun) checkpoint(op AnyOp) error {
	st, err := r.m.MarshalCBOR()
	if err != nil {
		return fmt.Errorf("checkpointing at state %d: %w", r.m.State(), err)
	}
	opb, err := EncodeOp(op)
	if err != nil {
		return fmt.Errorf("checkpointing at state %d: %w", r.m.State(), err)
	}
	r.op = op
	r.prog = progress{Leaves: make([]leafState, len(leaves(op, nil)))}
	rec := &r.rec
	rec.Seq++
	rec.StateNum = r.m.State()
	rec.State = st
	rec.Layout = r.info.LayoutOf(rec.StateNum)
	rec.Op = opb
	rec.Progress = nil
	rec.Outcome = nil
	rec.Attempts = 0
	rec.LastError = ""
	r.events = append(r.events, Event{Seq: rec.Seq, Time: r.e.opts.Now(), Kind: EventCheckpoint, StateNum: rec.StateNum, State: st, Layout: rec.Layout, Op: opb, Detail: op.String()})
	if h := r.e.opts.Hooks.Checkpoint; h != nil {
		h(rec.ID, rec.Name, rec.StateNum, len(st))
	}
	if rec.CancelRequested {
		r.sinceCxl++
	}
	return nil
}

// write applies the job's row as r.rec holds it, with status and the extras
// of u, and the pending events. On success r.rec is what is stored.
func (r *jobRun) write(ctx context.Context, status Status, keep bool, u Update) error {
	rec := r.rec
	if r.op != nil {
		pb, err := encode(r.prog)
		if err != nil {
			return err
		}
		rec.Progress = pb
	}
	u.ID, u.Version = rec.ID, rec.Version
	u.Status = status
	u.Seq, u.StateNum, u.State, u.Layout = rec.Seq, rec.StateNum, rec.State, rec.Layout
	u.Op, u.Progress, u.Outcome = rec.Op, rec.Progress, rec.Outcome
	u.Attempts, u.LastError, u.Error = rec.Attempts, rec.LastError, rec.Error
	if u.RunAt.IsZero() {
		u.RunAt = r.e.opts.Now()
		if keep && !rec.RunAt.IsZero() {
			// Claimable only once the lease ends anyway: leaving RunAt
			// as stored spares the store a rewrite of its index.
			u.RunAt = rec.RunAt
		}
	}
	u.KeepLease = keep
	if now := r.e.opts.Now(); keep && rec.LeaseUntil.Sub(now) < r.e.opts.Lease*2/3 {
		// The lease as this worker last set it (heartbeats may have moved
		// it further) has less than two thirds left: extend it. Otherwise
		// the write keeps its end as stored, which spares the store a
		// rewrite of its index; heartbeats go on extending it every third
		// of a lease, as they do while an activity runs.
		u.LeaseUntil = now.Add(r.e.opts.Lease)
	}
	u.WakeSeq = rec.WakeSeq
	u.Events = append(r.events, u.Events...)
	u.Consumed = append(r.consumed, u.Consumed...)
	v, err := r.e.store.Apply(ctx, u)
	if err != nil {
		if errors.Is(err, ErrLeaseLost) {
			r.e.log.Warn("fsm: lost the job to another worker; dropping this step", "job_id", rec.ID)
		} else {
			r.e.log.Error("fsm: writing a step", "job_id", rec.ID, "err", err)
		}
		return err
	}
	rec.Version = v
	rec.Status = status
	rec.RunAt = u.RunAt
	if !u.LeaseUntil.IsZero() {
		rec.LeaseUntil = u.LeaseUntil
	}
	r.rec = rec
	r.events, r.consumed, r.settled = nil, nil, nil
	return nil
}

func (r *jobRun) attention(ctx context.Context, cause error) {
	r.e.log.Error("fsm: job needs attention", "job_id", r.rec.ID, "job", r.rec.Name, "err", cause)
	if st := r.settled; st != nil {
		// The outcome the job resumed with is made durable first, with
		// the checkpoint it belongs to: a retry of the job resumes with
		// it instead of running the op again.
		r.rec, r.op, r.prog, r.events, r.consumed = st.rec, st.op, st.prog, st.events, st.consumed
		if err := r.write(ctx, StatusRunning, true, Update{}); err != nil {
			return
		}
	}
	// The row stays the last durable one; only status and error change. Events
	// of a checkpoint not yet written are dropped with it.
	stored, err := r.e.store.Job(ctx, r.rec.ID)
	if err != nil {
		return
	}
	r.rec = stored
	r.op = nil
	r.events = nil
	r.rec.Error = cause.Error()
	_ = r.write(ctx, StatusAttention, false, Update{
		RunAt:  Never,
		Events: []Event{{Seq: stored.Seq, Time: r.e.opts.Now(), Kind: EventAttention, Detail: cause.Error()}},
	})
}

func (r *jobRun) finish(ctx context.Context) {
	st, err := r.m.MarshalCBOR()
	if err != nil {
		r.attention(ctx, fmt.Errorf("storing its results: %w", err))
		return
	}
	status := StatusSucceeded
	results := r.m.Results()
	r.rec.Error = ""
	if ft := reflect.TypeOf(r.info.Func); ft.NumOut() > 0 && ft.Out(ft.NumOut()-1) == typeError {
		if err, _ := results[len(results)-1].(error); err != nil {
			status = StatusFailed
			r.rec.Error = err.Error()
		}
	}
	if r.rec.CancelRequested {
		status = StatusCancelled
	}
	r.endWith(ctx, status, st, StateDone)
}

func (r *jobRun) endWith(ctx context.Context, status Status, state []byte, stateNum int) {
	rec := &r.rec
	rec.State, rec.StateNum, rec.Layout = state, stateNum, r.info.LayoutOf(stateNum)
	rec.Op, rec.Outcome = nil, nil
	r.op = nil
	u := Update{RunAt: Never, Events: []Event{{Seq: rec.Seq, Time: r.e.opts.Now(), Kind: EventFinished, StateNum: stateNum, Detail: string(status)}}}
	if rec.Parent != "" {
		u.Wake = []string{rec.Parent}
	}
	if err := r.write(ctx, status, false, u); err != nil {
		return
	}
	r.e.log.Info("fsm: job finished", "job_id", rec.ID, "job", rec.Name, "status", status)
	if h := r.e.opts.Hooks.Finished; h != nil {
		h(rec.ID, rec.Name, status)
	}
}

// wait carries the pending op forward: it runs its activities, checks its
// timers, signals and children, and returns its outcome once it has one, after
// writing the outcome. ok is false when the job was written back to wait (or
// given back, or lost) and this worker is done with it.
func (r *jobRun) wait(ctx, claimCtx context.Context) (Outcome, bool) {
	for {
		now := r.e.opts.Now()
		if r.rec.CancelRequested {
			if r.sinceCxl > maxAwaitsAfterCancel {
				r.endWith(ctx, StatusCancelled, r.rec.State, r.rec.StateNum)
				return Outcome{}, false
			}
			return r.settle(ctx, Outcome{err: ErrCancelled}, nil)
		}
		ev := &evaluation{r: r, now: now, ctx: ctx}
		idx := 0
		settled, out := ev.eval(r.op, &idx)
		if ev.storeErr != nil {
			// Nothing of this look is written: the progress it made in
			// memory (a child's id, a timer's due time) may name what the
			// store does not hold yet.
			r.e.log.Error("fsm: reading the store; leaving the job to be taken again when its lease ends", "job_id", r.rec.ID, "err", ev.storeErr)
			return Outcome{}, false
		}
		if ev.err != nil {
			r.attentionLater(ctx, ev.err)
			return Outcome{}, false
		}
		if settled {
			return r.settle(ctx, out, ev)
		}
		if len(ev.runnable) == 0 {
			// Nothing to run here: the job waits (for a timer, a signal, its
			// children, an activity's next attempt). One write makes the
			// checkpoint, new children, timers' ends and consumed signals
			// durable with the wait; no op starts before it commits.
			status, runAt := StatusWaiting, ev.wakeAt
			if ev.backoff {
				status = StatusPending
			}
			if runAt.IsZero() {
				runAt = Never
			}
			_ = r.write(ctx, status, false, Update{RunAt: runAt, Children: ev.children, Consumed: ev.consumed, Events: ev.extra})
			return Outcome{}, false
		}
		// Durable before any activity starts: the checkpoint, new children,
		// timers' ends, consumed signals; and the lease still this worker's.
		if err := r.write(ctx, StatusRunning, true, Update{Children: ev.children, Consumed: ev.consumed, Events: ev.extra}); err != nil {
			return Outcome{}, false
		}
		ev.children, ev.consumed, ev.extra = nil, nil, nil
		if claimCtx.Err() != nil {
			r.giveBack(ctx)
			return Outcome{}, false
		}
		if !r.runActivities(ctx, ev.runnable) {
			r.giveBack(context.WithoutCancel(ctx))
			return Outcome{}, false
		}
	}
}

func (r *jobRun) attentionLater(ctx context.Context, err error) { r.attention(ctx, err) }

// giveBack returns the job to the store to be claimed again at once.
func (r *jobRun) giveBack(ctx context.Context) {
	_ = r.write(ctx, StatusPending, false, Update{})
}

// settle records the op's outcome for the next write, and returns it as it
// will be read back.
func (r *jobRun) settle(ctx context.Context, out Outcome, ev *evaluation) (Outcome, bool) {
	ob, err := EncodeOutcome(r.op, out)
	if err != nil {
		r.attention(ctx, fmt.Errorf("storing the outcome of %v: %w", r.op, err))
		return Outcome{}, false
	}
	in, err := DecodeOutcome(r.op, ob)
	if err != nil {
		r.attention(ctx, err)
		return Outcome{}, false
	}
	r.rec.Outcome = ob
	detail := "ok"
	if out.err != nil {
		detail = out.err.Error()
	}
	if ev != nil {
		r.consumed = append(r.consumed, ev.consumed...)
		r.events = append(r.events, ev.extra...)
	}
	r.events = append(r.events, Event{Seq: r.rec.Seq, Time: r.e.opts.Now(), Kind: EventOutcome, StateNum: r.rec.StateNum, Outcome: ob, Detail: detail})
	// The outcome is not written here: the machine resumes with it at once,
	// and the next write (the next checkpoint, before its op starts, or the
	// job's end) carries it with what follows from it, in one commit. The
	// code between two awaits changes nothing durable, so a crash before
	// that commit leaves the job as if the op had not settled: the op runs
	// again, as it does after a crash just before its outcome is written.
	// Should the job stop without that write (attention), settled is
	// written first.
	//
	// An op that settled at once, before any write since the last outcome
	// (a signal already sent, a child already done), is written now, as
	// before: so that a job whose awaits all settle at once still makes its
	// progress durable at each of them, and holds at most one unwritten
	// outcome.
	if r.settled != nil {
		if err := r.write(ctx, StatusRunning, true, Update{}); err != nil {
			return Outcome{}, false
		}
		return in, true
	}
	// The pending lists only grow by append until a write empties them:
	// capped, their present length is all the snapshot needs of them.
	r.settled = &settledStep{rec: r.rec, op: r.op, prog: r.prog, events: r.events[:len(r.events):len(r.events)], consumed: r.consumed[:len(r.consumed):len(r.consumed)]}
	return in, true
}

// evaluation is one look at a pending op's leaves.
type evaluation struct {
	r   *jobRun
	ctx context.Context
	now time.Time
	err error // the job cannot go on: it needs attention
	// storeErr is a failed read of the store (a cut connection, a server
	// restarting): the job is left as last written, for this or another
	// worker to take again once its lease ends.
	storeErr error

	mailbox  []SignalRecord
	fetched  bool
	consumed []int64
	children []JobSpec
	extra    []Event
	runnable []int // leaf indexes of activities to attempt now
	wakeAt   time.Time
	backoff  bool
}

func (ev *evaluation) wakeBy(t time.Time) {
	if ev.wakeAt.IsZero() || t.Before(ev.wakeAt) {
		ev.wakeAt = t
	}
}

// eval returns whether op has settled and, if so, its outcome. idx counts
// leaves depth first.
func (ev *evaluation) eval(op AnyOp, idx *int) (bool, Outcome) {
	if c, ok := op.(composite); ok {
		kids := c.children()
		done := make([]bool, len(kids))
		outs := make([]Outcome, len(kids))
		s, ok := c.(settler)
		if !ok {
			ev.err = fmt.Errorf("op %v cannot be evaluated", op)
			return false, Outcome{}
		}
		for i, k := range kids {
			done[i], outs[i] = ev.eval(k, idx)
			if ev.err != nil || ev.storeErr != nil {
				return false, Outcome{}
			}
			if settled, out := s.settle(done, outs); settled {
				// Skip the leaves of the rest, which are not needed.
				for _, rest := range kids[i+1:] {
					*idx += len(leaves(rest, nil))
				}
				return true, out
			}
		}
		return false, Outcome{}
	}
	i := *idx
	*idx++
	l := &ev.r.prog.Leaves[i]
	if l.Done {
		o, err := DecodeOutcome(op, l.Outcome)
		if err != nil {
			ev.err = err
			return false, Outcome{}
		}
		return true, o
	}
	switch o := op.(type) {
	case *timerOp:
		if l.Due.IsZero() {
			l.Due = o.due(ev.now)
		}
		if !ev.now.Before(l.Due) {
			return ev.done(op, l, Outcome{value: struct{}{}})
		}
		ev.wakeBy(l.Due)
	case interface{ signalName() string }:
		name := o.signalName()
		if !ev.fetched {
			ms, err := ev.r.e.store.Signals(ev.ctx, ev.r.rec.ID)
			if err != nil {
				ev.storeErr = err
				return false, Outcome{}
			}
			ev.mailbox, ev.fetched = ms, true
		}
		for k, s := range ev.mailbox {
			if s.Name != name {
				continue
			}
			ev.mailbox = append(ev.mailbox[:k:k], ev.mailbox[k+1:]...)
			ev.consumed = append(ev.consumed, s.ID)
			ev.extra = append(ev.extra, Event{Seq: ev.r.rec.Seq, Time: ev.now, Kind: EventSignal, Detail: name})
			def, _ := lookupSignal(name)
			v, err := def.decodePayload(s.Payload)
			if err != nil {
				return ev.done(op, l, Outcome{err: err})
			}
			return ev.done(op, l, Outcome{value: v})
		}
	case childOpener:
		if l.Child == "" {
			st, err := o.startState()
			if err != nil {
				return ev.done(op, l, Outcome{err: err})
			}
			l.Child = leafKey(ev.r.rec.ID, ev.r.rec.Seq, i)
			ev.children = append(ev.children, JobSpec{
				ID: l.Child, Name: o.jobName(), Parent: ev.r.rec.ID, State: st, Layout: o.startLayout(), RunAt: ev.now,
				Event: Event{Time: ev.now, Kind: EventStarted, State: st, Layout: o.startLayout(), Detail: "child of " + ev.r.rec.ID},
			})
			return false, Outcome{}
		}
		child, err := ev.r.e.store.Job(ev.ctx, l.Child)
		if err != nil {
			if errors.Is(err, ErrNotFound) {
				return false, Outcome{} // created in this step, not yet written
			}
			ev.storeErr = err
			return false, Outcome{}
		}
		if !child.Status.Finished() {
			return false, Outcome{}
		}
		if child.StateNum != StateDone {
			return ev.done(op, l, Outcome{err: ErrCancelled})
		}
		info, ok := JobByName(child.Name)
		if !ok {
			return ev.done(op, l, Outcome{err: fmt.Errorf("child job %s is not registered", child.Name)})
		}
		info, _, state, _, err := info.PlaceIn(child.StateNum, child.Layout, child.State)
		if err != nil {
			return ev.done(op, l, Outcome{err: fmt.Errorf("the result of child job %s: %w", child.ID, err)})
		}
		m := info.Zero()
		if err := m.UnmarshalCBOR(state); err != nil {
			return ev.done(op, l, Outcome{err: fmt.Errorf("decoding the result of child job %s: %w", child.ID, err)})
		}
		return ev.done(op, l, o.childResult(m.Results()))
	case interface{ retryPolicy() RetryPolicy }:
		if l.NextTry.After(ev.now) {
			ev.wakeBy(l.NextTry)
			ev.backoff = true
			return false, Outcome{}
		}
		ev.runnable = append(ev.runnable, i)
	default:
		ev.err = fmt.Errorf("op %v cannot run under an engine", op)
	}
	return false, Outcome{}
}

// done marks a leaf settled with out, stored and read back as after a restart.
func (ev *evaluation) done(op AnyOp, l *leafState, out Outcome) (bool, Outcome) {
	b, err := EncodeOutcome(op, out)
	if err != nil {
		b, _ = EncodeOutcome(op, Outcome{err: err})
	}
	l.Done, l.Outcome = true, b
	o, err := DecodeOutcome(op, b)
	if err != nil {
		ev.err = err
		return false, Outcome{}
	}
	return true, o
}

// settler is a composite op that can tell its outcome from its children's.
type settler interface {
	settle(done []bool, outs []Outcome) (bool, Outcome)
}

func (g *groupOp[R]) settle(done []bool, outs []Outcome) (bool, Outcome) {
	if g.kind == opFirst {
		for i, d := range done {
			if d {
				return true, outs[i]
			}
		}
		return len(done) == 0 && len(g.ops) == 0, g.combine(nil, -1)
	}
	if len(done) < len(g.ops) {
		return false, Outcome{}
	}
	for _, d := range done {
		if !d {
			return false, Outcome{}
		}
	}
	return true, g.combine(outs, -1)
}

func (t *timeoutOp[T]) settle(done []bool, outs []Outcome) (bool, Outcome) {
	if done[0] {
		return true, outs[0]
	}
	if len(done) > 1 && done[1] {
		return true, Outcome{err: ErrTimeout}
	}
	return false, Outcome{}
}

// runActivities makes one attempt of each runnable activity leaf at once and
// records the results in the progress. It returns false when the engine is
// shutting down or the lease was lost mid-attempt: the attempts are not
// counted.
func (r *jobRun) runActivities(ctx context.Context, idxs []int) bool {
	ls := leaves(r.op, nil)
	type result struct {
		out  Outcome
		took time.Duration
	}
	res := make([]result, len(idxs))
	cuts, decides := r.cuts()
	// An activity whose outcome decides a First (or Timeout) stops the
	// others under it: the first to finish for good wins, as it arrives.
	var mu sync.Mutex
	stops := map[int]context.CancelFunc{}
	abandoned := map[int]bool{}
	lctxs := make([]context.Context, len(idxs))
	for k, i := range idxs {
		var stop context.CancelFunc
		lctxs[k], stop = context.WithCancel(ctx)
		defer stop()
		stops[i] = stop
	}
	var wg sync.WaitGroup
	for k, i := range idxs {
		op := ls[i]
		l := r.prog.Leaves[i]
		pol := op.(interface{ retryPolicy() RetryPolicy }).retryPolicy()
		lctx := lctxs[k]
		wg.Go(func() {
			defer func() {
				out := res[k].out
				final := out.err == nil || errors.Is(out.err, ErrPermanent) || l.Attempts+1 >= pol.MaxAttempts
				mu.Lock()
				defer mu.Unlock()
				if abandoned[i] || !final {
					return
				}
				for j := decides[i][0]; j < decides[i][1]; j++ {
					if j != i {
						abandoned[j] = true
						if st, ok := stops[j]; ok {
							st()
						}
					}
				}
			}()
			info := ActivityInfo{JobID: r.rec.ID, JobName: r.rec.Name, Seq: r.rec.Seq, Leaf: i, Attempt: l.Attempts + 1,
				IdempotencyKey: leafKey(r.rec.ID, r.rec.Seq, i)}
			actx := context.WithValue(lctx, activityInfoKey{}, info)
			var cancel context.CancelFunc = func() {}
			if pol.Timeout > 0 {
				actx, cancel = context.WithTimeout(actx, pol.Timeout)
			}
			defer cancel()
			// Once a timer decides the Timeout or First around the
			// activity, its result no longer matters: it is stopped.
			cut := cuts[i]
			if !cut.IsZero() {
				var stop context.CancelFunc
				actx, stop = context.WithDeadline(actx, cut)
				defer stop()
			}
			start := time.Now()
			res[k] = result{out: runGuarded(actx, op), took: time.Since(start)}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return false
	}
	now := r.e.opts.Now()
	for k, i := range idxs {
		op, out := ls[i], res[k].out
		l := &r.prog.Leaves[i]
		if abandoned[i] || out.err != nil && !cuts[i].IsZero() && !now.Before(cuts[i]) {
			// Stopped because another part of the op settled it (an
			// activity, or a timer): not an attempt, and not an outcome.
			continue
		}
		l.Attempts++
		if h := r.e.opts.Hooks.Attempt; h != nil {
			h(r.rec.ID, op.String(), l.Attempts, res[k].took, out.err)
		}
		r.rec.Attempts = max(r.rec.Attempts, l.Attempts)
		if out.err == nil {
			(&evaluation{}).done(op, l, out)
			continue
		}
		pol := op.(interface{ retryPolicy() RetryPolicy }).retryPolicy()
		r.rec.LastError = out.err.Error()
		l.LastError = out.err.Error()
		if errors.Is(out.err, ErrPermanent) || l.Attempts >= pol.MaxAttempts {
			(&evaluation{}).done(op, l, out)
			continue
		}
		l.NextTry = now.Add(pol.Backoff(l.Attempts))
		r.events = append(r.events, Event{Seq: r.rec.Seq, Time: now, Kind: EventAttempt, StateNum: r.rec.StateNum, Detail: fmt.Sprintf("%v attempt %d: %v", op, l.Attempts, out.err)})
		r.e.log.Warn("fsm: activity attempt failed", "job_id", r.rec.ID, "job", r.rec.Name, "op", op.String(), "attempt", l.Attempts, "err", out.err, "retry_in", l.NextTry.Sub(now))
	}
	return true
}

// cuts returns, for each leaf of the pending op, when its result stops
// mattering: the earliest end of a timer that settles a Timeout or First the
// leaf is inside (zero for none). Timers' ends are fixed by eval. decides
// gives, for each leaf, the leaves [from, to) of the outermost op its own
// outcome settles (through First and Timeout only), or an empty range.
func (r *jobRun) cuts() (cuts []time.Time, decides [][2]int) {
	cuts = make([]time.Time, len(r.prog.Leaves))
	decides = make([][2]int, len(r.prog.Leaves))
	var walk func(op AnyOp, start int, cut time.Time, chain *[2]int)
	walk = func(op AnyOp, start int, cut time.Time, chain *[2]int) {
		c, ok := op.(composite)
		if !ok {
			if start < len(cuts) {
				cuts[start] = cut
				if chain != nil {
					decides[start] = *chain
				}
			}
			return
		}
		kids := c.children()
		offs := make([]int, len(kids))
		n := start
		for i, k := range kids {
			offs[i] = n
			n += len(leaves(k, nil))
		}
		byAny := false
		if s, ok := op.(interface{ settledByAny() bool }); ok && s.settledByAny() {
			byAny = true
			for i, k := range kids {
				if _, isTimer := k.(*timerOp); isTimer && offs[i] < len(r.prog.Leaves) {
					if d := r.prog.Leaves[offs[i]].Due; !d.IsZero() && (cut.IsZero() || d.Before(cut)) {
						cut = d
					}
				}
			}
		}
		switch {
		case !byAny:
			chain = nil // one outcome does not settle an All
		case chain == nil:
			chain = &[2]int{start, n}
		}
		for i, k := range kids {
			walk(k, offs[i], cut, chain)
		}
	}
	walk(r.op, 0, time.Time{}, nil)
	return cuts, decides
}

// settledByAny reports whether one settled sub-op settles the group: true
// for First.
func (g *groupOp[R]) settledByAny() bool { return g.kind == opFirst }

// settledByAny is true for a Timeout: its timer settles it.
func (t *timeoutOp[T]) settledByAny() bool { return true }

// runGuarded runs an op, turning a panic into a failed attempt.
func runGuarded(ctx context.Context, op AnyOp) (out Outcome) {
	defer func() {
		if p := recover(); p != nil {
			out = Outcome{err: fmt.Errorf("%v panicked: %v", op, p)}
		}
	}()
	return op.run(ctx)
}

// leafKey names leaf i of the op a job awaits at its await seq, the same in
// every attempt and run of that await: "<job id>/<seq>.<leaf>". It is the
// idempotency key of an activity there, and the id of a child job started
// there.
func leafKey(id string, seq int64, i int) string {
	return id + "/" + strconv.FormatInt(seq, 10) + "." + strconv.Itoa(i)
}
