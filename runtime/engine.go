package fsm

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"time"
)

// Engine runs jobs durably on a Store: it claims them, resumes their machines,
// checkpoints every await before its op starts, carries out the ops (activity
// calls with retries, timers, signals, child jobs) and records each outcome
// before the machine resumes with it. A crash at any point loses no job: the
// next engine on the store resumes from the last checkpoint. Code between
// awaits may then run again; activities run at least once, and get a stable
// idempotency key (see ActivityInfo) to make their effects happen once.
type Engine struct {
	store Store
	opts  Options
	log   *slog.Logger
	names []string

	wake  chan struct{} // local: a job started, signalled or cancelled in this process
	freed chan struct{} // a slot freed

	mu   sync.Mutex
	held map[string]context.CancelFunc // jobs this engine holds, for heartbeats
}

// Options configure an Engine. The zero value is usable.
type Options struct {
	// Workers is how many jobs run at once (16 when 0).
	Workers int
	// Lease is how long a claimed job stays this engine's without a
	// heartbeat (30s when 0). Heartbeats renew it every Lease/3.
	Lease time.Duration
	// Poll is how often an idle engine looks for due jobs when its store
	// does not notify it (1s when 0).
	Poll time.Duration
	// ShutdownGrace is how long Run lets running steps finish once its
	// context is done before it gives their jobs back (10s when 0).
	ShutdownGrace time.Duration
	// Logger receives the engine's logs (slog.Default() when nil).
	Logger *slog.Logger
	// Owner names the engine in leases (host, pid and a random suffix when "").
	Owner string
	// Hooks are called as jobs progress, for metrics and traces.
	Hooks Hooks
	// Now is the engine's clock (time.Now when nil).
	Now func() time.Time
}

// Hooks are called by an Engine as jobs progress. Each may be nil. They are
// called from the engine's workers and must not block.
type Hooks struct {
	// Checkpoint is called after a checkpoint is durable.
	Checkpoint func(jobID, job string, state int, bytes int)
	// Attempt is called after each activity attempt.
	Attempt func(jobID, activity string, attempt int, took time.Duration, err error)
	// Finished is called after a job's end is durable.
	Finished func(jobID, job string, status Status)
}

// maxAwaitsAfterCancel bounds how many awaits a cancelled job may still make
// (each failing at once with ErrCancelled) before it is ended.
const maxAwaitsAfterCancel = 100

// NewEngine returns an engine on store for the jobs registered in this
// program. It records their layouts in the store (PutMeta) so that tools can
// show paused jobs without their code.
func NewEngine(ctx context.Context, store Store, opts Options) (*Engine, error) {
	if store == nil {
		return nil, errors.New("fsm: NewEngine with a nil store")
	}
	if opts.Workers <= 0 {
		opts.Workers = 16
	}
	if opts.Lease <= 0 {
		opts.Lease = 30 * time.Second
	}
	if opts.Poll <= 0 {
		opts.Poll = time.Second
	}
	if opts.ShutdownGrace <= 0 {
		opts.ShutdownGrace = 10 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Owner == "" {
		host, _ := os.Hostname()
		opts.Owner = fmt.Sprintf("%s-%d-%s", host, os.Getpid(), NewID()[12:])
	}
	e := &Engine{store: store, opts: opts, log: opts.Logger, wake: make(chan struct{}, 1), freed: make(chan struct{}, 1), held: map[string]context.CancelFunc{}}
	for _, info := range RegisteredJobs() {
		e.names = append(e.names, info.Name)
		if err := e.putLayouts(ctx, info); err != nil {
			return nil, err
		}
		for _, d := range info.Drains() {
			if err := e.putLayouts(ctx, d); err != nil {
				return nil, err
			}
		}
		if err := e.putVersions(ctx, info); err != nil {
			return nil, err
		}
	}
	if err := e.putSignals(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// putSignals records the payload type of each signal this program defines,
// for tools that send signals without the program (SendSignalJSON).
func (e *Engine) putSignals(ctx context.Context) error {
	for _, name := range SignalNames() {
		def, _ := lookupSignal(name)
		b, err := json.Marshal(SchemaOf(def.payloadType()))
		if err != nil {
			return err
		}
		if err := e.putMeta(ctx, SignalKey(name), b); err != nil {
			return fmt.Errorf("fsm: recording signal %q: %w", name, err)
		}
	}
	return nil
}

// Store returns the engine's store.
func (e *Engine) Store() Store { return e.store }

// LayoutKey returns the meta key under which an engine stores the StateInfo
// (as JSON) of state number state of the job, written with layout:
// "layout/<job>/<state>/<layout>".
func LayoutKey(job string, state int, layout string) string {
	return fmt.Sprintf("layout/%s/%d/%s", job, state, layout)
}

// putMeta records value under key unless the store holds it already: every
// engine of a program records the same descriptions at start, and reading
// them back costs no durable write.
func (e *Engine) putMeta(ctx context.Context, key string, value []byte) error {
	if old, err := e.store.Meta(ctx, key); err == nil && bytes.Equal(old, value) {
		return nil
	}
	return e.store.PutMeta(ctx, key, value)
}

func (e *Engine) putLayouts(ctx context.Context, info *JobInfo) error {
	put := func(n int, s StateInfo) error {
		b, err := json.Marshal(s)
		if err != nil {
			return err
		}
		return e.putMeta(ctx, LayoutKey(info.Name, n, s.Layout), b)
	}
	if err := put(0, info.Start); err != nil {
		return fmt.Errorf("fsm: recording the layout of job %s: %w", info.Name, err)
	}
	if err := put(StateDone, info.Done); err != nil {
		return fmt.Errorf("fsm: recording the layout of job %s: %w", info.Name, err)
	}
	for i, s := range info.States {
		if err := put(i+1, s); err != nil {
			return fmt.Errorf("fsm: recording the layout of job %s: %w", info.Name, err)
		}
	}
	return nil
}

// VersionsKey returns the meta key under which an engine stores the
// versions of a job it runs (as JSON, see JobVersions).
func VersionsKey(job string) string { return "versions/" + job }

// JobVersions is what an engine records of a job's versions: the current
// one, and the drained ones it keeps, each with where it is declared.
type JobVersions struct {
	Current int
	Drained []DrainedVersion `json:",omitempty"`
}

// DrainedVersion is a drained version of a job (see JobInfo.Drained).
type DrainedVersion struct {
	Version int
	Pos     string // its declaration, file:line:col
}

func (e *Engine) putVersions(ctx context.Context, info *JobInfo) error {
	v := JobVersions{Current: info.version()}
	for _, d := range info.Drains() {
		v.Drained = append(v.Drained, DrainedVersion{Version: d.version(), Pos: d.Start.Pos})
	}
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := e.putMeta(ctx, VersionsKey(info.Name), b); err != nil {
		return fmt.Errorf("fsm: recording the versions of job %s: %w", info.Name, err)
	}
	return nil
}

func (e *Engine) poke() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// NewID returns a new job id: 28 hex digits, increasing with time.
func NewID() string {
	var b [14]byte
	ms := uint64(time.Now().UnixMilli())
	for i := 5; i >= 0; i-- {
		b[i] = byte(ms)
		ms >>= 8
	}
	_, _ = rand.Read(b[6:])
	return hex.EncodeToString(b[:])
}

// Run claims and runs jobs until ctx is done, then stops claiming, lets
// running steps finish for Options.ShutdownGrace, gives the jobs still held
// back to the store, and returns. It returns an error when the store refuses
// this engine as a worker (another process holds an SQLite store).
func (e *Engine) Run(ctx context.Context) error {
	release, err := e.store.AcquireWorker(ctx, e.opts.Owner)
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before it began
		}
		return err
	}
	defer release()
	e.log.Info("fsm: engine started", "owner", e.opts.Owner, "workers", e.opts.Workers, "jobs", len(e.names))

	// Steps outlive ctx by the grace period; then stepCtx ends them.
	stepCtx, endSteps := context.WithCancel(context.WithoutCancel(ctx))
	defer endSteps()
	var wg sync.WaitGroup
	hbDone := make(chan struct{})
	go e.heartbeats(stepCtx, hbDone)

	var inflight sync.WaitGroup
	slots := make(chan struct{}, e.opts.Workers)
	poll := time.NewTimer(0)
	defer poll.Stop()
	// more is whether jobs may be claimable that the last claim left: it
	// filled every free slot, or since then a job was started or woken, the
	// store told of a change, or the poll came round. A slot freed alone is
	// no reason to claim: each claim is a write, and most jobs end without
	// making another claimable.
	more := true
	for ctx.Err() == nil {
		free := e.opts.Workers - len(slots)
		claimed := false
		if free > 0 && more {
			claimed = true
			recs, err := e.store.Claim(ctx, ClaimRequest{Owner: e.opts.Owner, Now: e.opts.Now(), Limit: free, Lease: e.opts.Lease, Names: e.names})
			if err != nil && ctx.Err() == nil {
				e.log.Error("fsm: claiming jobs", "err", err)
			}
			more = len(recs) == free
			for _, rec := range recs {
				slots <- struct{}{}
				jctx, cancel := context.WithCancel(stepCtx)
				e.mu.Lock()
				e.held[rec.ID] = cancel
				e.mu.Unlock()
				inflight.Add(1)
				wg.Go(func() {
					defer inflight.Done()
					e.process(jctx, ctx, rec)
					e.mu.Lock()
					delete(e.held, rec.ID)
					e.mu.Unlock()
					cancel()
					<-slots
					select {
					case e.freed <- struct{}{}:
					default:
					}
				})
			}
			if more {
				// There may be more: claim again once a slot frees.
				select {
				case <-ctx.Done():
				case <-e.wake:
				case <-e.freed:
				}
				continue
			}
		}
		if claimed {
			// The poll counts from the last claim; a slot freed in
			// between does not put it off.
			if !poll.Stop() {
				select {
				case <-poll.C:
				default:
				}
			}
			poll.Reset(e.opts.Poll)
		}
		select {
		case <-ctx.Done():
		case <-e.wake:
			more = true
		case <-e.freed:
		case <-e.store.Changed():
			more = true
		case <-poll.C:
			more = true
		}
	}
	done := make(chan struct{})
	go func() { inflight.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(e.opts.ShutdownGrace):
		e.log.Warn("fsm: shutdown grace over; giving running jobs back")
		endSteps()
		<-done
	}
	wg.Wait()
	endSteps()
	<-hbDone
	e.log.Info("fsm: engine stopped", "owner", e.opts.Owner)
	return nil
}

func (e *Engine) heartbeats(ctx context.Context, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(e.opts.Lease / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		e.mu.Lock()
		ids := make([]string, 0, len(e.held))
		for id := range e.held {
			ids = append(ids, id)
		}
		e.mu.Unlock()
		if len(ids) == 0 {
			continue
		}
		lost, err := e.store.ExtendLeases(ctx, e.opts.Owner, ids, e.opts.Now().Add(e.opts.Lease))
		if err != nil {
			e.log.Error("fsm: extending leases", "err", err)
			continue
		}
		e.mu.Lock()
		for _, id := range lost {
			if cancel, ok := e.held[id]; ok {
				e.log.Warn("fsm: lease lost", "job_id", id)
				cancel()
			}
		}
		e.mu.Unlock()
	}
}

// StartOption changes how Start creates a job.
type StartOption func(*startOptions)

type startOptions struct {
	id    string
	runAt time.Time
}

// WithID gives the job a caller-chosen id. Starting a job with an id that
// exists already changes nothing and returns that id (the job is not started
// twice), so a start can safely be retried; it fails when the id belongs to a
// job of another name.
func WithID(id string) StartOption { return func(o *startOptions) { o.id = id } }

// StartAt makes the job claimable only from t on.
func StartAt(t time.Time) StartOption { return func(o *startOptions) { o.runAt = t } }

// Start creates a job running job with arg and returns its id. The job runs
// on whichever engine on the store claims it.
func Start[A, R any](ctx context.Context, e *Engine, job Job[A, R], arg A, opts ...StartOption) (string, error) {
	var o startOptions
	for _, f := range opts {
		f(&o)
	}
	if job.name == "" {
		return "", errors.New("fsm: Start with the zero Job handle")
	}
	info, ok := JobByName(job.name)
	if !ok {
		return "", fmt.Errorf("fsm: job %s has no registered machine; run fsmgen on its package", job.name)
	}
	m, err := info.New(job.args(arg))
	if err != nil {
		return "", err
	}
	st, err := m.MarshalCBOR()
	if err != nil {
		return "", fmt.Errorf("fsm: job %s: storing its arguments: %w", job.name, err)
	}
	if o.id == "" {
		o.id = NewID()
	}
	now := e.opts.Now()
	if o.runAt.IsZero() {
		o.runAt = now
	}
	rec, created, err := e.store.CreateJob(ctx, JobSpec{
		ID: o.id, Name: job.name, State: st, StateNum: 0, Layout: info.LayoutOf(0), RunAt: o.runAt,
		Event: Event{Time: now, Kind: EventStarted, State: st, Layout: info.LayoutOf(0)},
	})
	if err != nil {
		return "", fmt.Errorf("fsm: starting job %s: %w", job.name, err)
	}
	if created {
		e.log.Info("fsm: job started", "job_id", rec.ID, "job", job.name)
	}
	e.poke()
	return rec.ID, nil
}

// ErrNeedsAttention is wrapped by Wait and Result for a job in
// StatusAttention.
var ErrNeedsAttention = errors.New("fsm: job needs attention")

// Result returns the result of the job with the given id once it has ended:
// done is false while it runs. The error is the job's own error (its text
// kept), ErrCancelled for a job cancelled before it returned, or an error
// wrapping ErrNeedsAttention or ErrNotFound.
func Result[A, R any](ctx context.Context, e *Engine, job Job[A, R], id string) (r R, done bool, err error) {
	rec, err := e.store.Job(ctx, id)
	if err != nil {
		return r, false, fmt.Errorf("fsm: job %s: %w", id, err)
	}
	if rec.Name != job.name {
		return r, false, fmt.Errorf("fsm: job %s is a %s, not a %s", id, rec.Name, job.name)
	}
	switch {
	case rec.Status == StatusAttention:
		return r, true, fmt.Errorf("%w: job %s: %s", ErrNeedsAttention, id, rec.Error)
	case !rec.Status.Finished():
		return r, false, nil
	case rec.StateNum != StateDone:
		return r, true, ErrCancelled
	}
	info, ok := JobByName(rec.Name)
	if !ok {
		return r, true, fmt.Errorf("fsm: job %s has no registered machine", rec.Name)
	}
	info, _, state, _, err := info.PlaceIn(rec.StateNum, rec.Layout, rec.State)
	if err != nil {
		return r, true, fmt.Errorf("fsm: job %s: its results: %w", id, err)
	}
	m := info.Zero()
	if err := m.UnmarshalCBOR(state); err != nil {
		return r, true, fmt.Errorf("fsm: job %s: decoding its result: %w", id, err)
	}
	r, err = job.result(m.Results())
	if rec.Status == StatusCancelled && err != nil && !errors.Is(err, ErrCancelled) {
		// The job returned after its await failed with ErrCancelled; its
		// error was stored as text, and is still a cancellation.
		err = &ActivityError{Message: err.Error(), code: codeCancelled}
	}
	return r, true, err
}

// Wait waits for the job with the given id to end and returns what Result
// does then.
func Wait[A, R any](ctx context.Context, e *Engine, job Job[A, R], id string) (R, error) {
	delay := 5 * time.Millisecond
	for {
		r, done, err := Result(ctx, e, job, id)
		if done || (err != nil && !errors.Is(err, ErrNeedsAttention)) {
			return r, err
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return r, ctx.Err()
		case <-t.C:
		}
		delay = min(delay*2, 500*time.Millisecond)
	}
}

// Cancel asks the job with the given id to stop: its current await (or, if
// none, its next) fails with ErrCancelled, and so does every later one; the job
// ends as StatusCancelled when it returns.
func (e *Engine) Cancel(ctx context.Context, id string) error {
	if err := e.store.RequestCancel(ctx, id); err != nil {
		return fmt.Errorf("fsm: cancelling job %s: %w", id, err)
	}
	e.poke()
	return nil
}

// Send sends a signal with payload v to the job with the given id. A job
// waiting for it resumes; otherwise it is kept until the job waits for it.
func (s *Signal[T]) Send(ctx context.Context, e *Engine, jobID string, v T) error {
	b, err := s.Encode(v)
	if err != nil {
		return err
	}
	if err := e.store.SendSignal(ctx, jobID, s.name, b); err != nil {
		return fmt.Errorf("fsm: sending signal %q to job %s: %w", s.name, jobID, err)
	}
	e.poke()
	return nil
}
