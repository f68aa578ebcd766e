package fsm

import (
	"context"
	"errors"
	"time"
)

// Store is where an Engine keeps its jobs: their checkpoints, pending ops,
// signals and history. The embedded SQLite store (package sqlitestore) is the
// default; every implementation passes the conformance suite in package
// storetest.
//
// A Store holds bytes: it never decodes a state, an op or an outcome. Every
// method is safe for concurrent use. Methods that change a job are atomic: a
// crash leaves either all of a change or none of it.
//
// Ownership of a job is a lease. Claim hands a job to one owner until its lease
// runs out, and raises the job's Version; an Apply is fenced by the Version it
// names, so a worker that lost its lease (it was too slow, or was presumed dead)
// cannot write over the job's new owner.
type Store interface {
	// AcquireWorker is called once by an Engine before it claims jobs, with a
	// name unique to that engine. A store that supports only one worker
	// process at a time (SQLite) fails with an error wrapping ErrLocked when
	// another live process holds it, and hands back the jobs of a previous
	// owner that died. release undoes it; the store's Close does too.
	AcquireWorker(ctx context.Context, owner string) (release func(), err error)

	// CreateJob inserts a job. When a job with the same ID exists already, it
	// changes nothing and returns that job with created false; when that job
	// has another Name, it fails with an error wrapping ErrIDTaken.
	CreateJob(ctx context.Context, j JobSpec) (rec JobRecord, created bool, err error)

	// Claim leases up to Limit claimable jobs to Owner until Now+Lease, marks
	// them StatusRunning, raises their Version, and returns them. Claimable
	// are jobs that are StatusPending or StatusWaiting with RunAt <= Now, and
	// StatusRunning jobs whose lease ended before Now. Jobs whose Name is not
	// in Names are left alone (a nil Names claims any). Earliest RunAt first.
	Claim(ctx context.Context, c ClaimRequest) ([]JobRecord, error)

	// Apply writes one step of a job (see Update) in one transaction and
	// returns the job's new Version (u.Version+1). It fails with an error
	// wrapping ErrLeaseLost, changing nothing, when the stored Version is not
	// u.Version. A store may group the transactions of concurrent Apply calls
	// into one commit; Apply returns once its own change is durable.
	Apply(ctx context.Context, u Update) (version int64, err error)

	// ExtendLeases moves the lease end of each listed job still held by owner
	// to until. It returns the IDs of the listed jobs owner no longer holds.
	ExtendLeases(ctx context.Context, owner string, ids []string, until time.Time) (lost []string, err error)

	// Job returns one job, or an error wrapping ErrNotFound.
	Job(ctx context.Context, id string) (JobRecord, error)

	// Jobs lists jobs matching f, in the order they were created (Num), or
	// newest first with f.Newest, at most f.Limit of them (100 when 0).
	// Listed records leave State, Op, Progress, Outcome and Result empty.
	Jobs(ctx context.Context, f JobFilter) ([]JobRecord, error)

	// Counts returns how many jobs there are of each status (of the named job
	// only, when name is not "").
	Counts(ctx context.Context, name string) (map[Status]int, error)

	// History returns a job's events in the order they happened, or an error
	// wrapping ErrNotFound when there is no such job.
	History(ctx context.Context, id string) ([]Event, error)

	// Signals returns the signals sent to a job and not yet consumed, oldest
	// first.
	Signals(ctx context.Context, jobID string) ([]SignalRecord, error)

	// SendSignal stores a signal for a job and wakes it (see Update.WakeSeq).
	// It fails with an error wrapping ErrNotFound for an unknown job and
	// ErrJobEnded for one that has ended, storing nothing.
	SendSignal(ctx context.Context, jobID, name string, payload []byte) error

	// RequestCancel marks a job to be cancelled and wakes it. It fails with
	// an error wrapping ErrNotFound for an unknown job and ErrJobEnded for one
	// that has ended.
	RequestCancel(ctx context.Context, id string) error

	// PutMeta and Meta keep small descriptions that tools read without the
	// jobs' code: the layout of each job's states, the type of each signal.
	// Meta returns an error wrapping ErrNotFound for a missing key.
	PutMeta(ctx context.Context, key string, value []byte) error
	Meta(ctx context.Context, key string) ([]byte, error)

	// Changed returns a channel that receives a value (without blocking the
	// sender: it may be coalesced) when jobs may have become claimable, so
	// that idle workers need not wait for their next poll. A store without
	// such notifications returns nil.
	Changed() <-chan struct{}

	// Close releases the store. Calls after Close fail.
	Close() error
}

// Status is where a job is in its life.
type Status string

// Job statuses.
const (
	// StatusPending: ready to be claimed at RunAt (a new job, one whose op
	// has an outcome to resume with, or one whose activity awaits a retry).
	StatusPending Status = "pending"
	// StatusRunning: leased to a worker.
	StatusRunning Status = "running"
	// StatusWaiting: suspended on a timer, a signal or a child job; claimable
	// at RunAt (its next timer) or when woken.
	StatusWaiting Status = "waiting"
	// StatusSucceeded: the job returned without an error.
	StatusSucceeded Status = "succeeded"
	// StatusFailed: the job returned an error (JobRecord.Error).
	StatusFailed Status = "failed"
	// StatusCancelled: the job ended after a cancellation request.
	StatusCancelled Status = "cancelled"
	// StatusAttention: the job cannot go on until a person acts: its
	// checkpoint was written by a layout this program does not have, it
	// panicked, or its stored bytes do not decode. JobRecord.Error says why.
	// Nothing of it is lost; retry it once the cause is fixed.
	StatusAttention Status = "attention"
)

// Statuses lists every status, in the order tools show them.
var Statuses = []Status{StatusPending, StatusRunning, StatusWaiting, StatusSucceeded, StatusFailed, StatusCancelled, StatusAttention}

// Finished reports whether a job in status s has ended for good (a retry can
// still restart a failed, cancelled or attention job).
func (s Status) Finished() bool {
	return s == StatusSucceeded || s == StatusFailed || s == StatusCancelled
}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// JobRecord is a job as stored.
type JobRecord struct {
	ID     string
	Num    int64  // assigned by the store on creation, increasing: the order jobs were created in
	Name   string // the job's JobInfo.Name
	Status Status
	Parent string // the job that awaits this one as a child, "" for none

	// Seq is the number of checkpoints written: the sequence number of the
	// await the job is stopped at (0 before the first await).
	Seq      int64
	StateNum int    // Machine.State of State
	State    []byte // the machine, as Machine.MarshalCBOR wrote it
	Layout   string // fingerprint of the layout State was written with

	Op       []byte // the pending op as EncodeOp wrote it; nil when none
	Progress []byte // the engine's record of how far Op has got; nil at first
	Outcome  []byte // the outcome of Op once known (EncodeOutcome), nil before

	Attempts  int    // attempts of the pending op's activities so far
	LastError string // the last failed attempt's error text, "" when none

	RunAt           time.Time // when the job is next claimable
	WakeSeq         int64     // raised by signals, cancellation and children's ends
	CancelRequested bool

	// Error is, for StatusFailed, the job's error text; for StatusAttention,
	// why the job needs attention.
	Error string

	CreatedAt  time.Time
	UpdatedAt  time.Time
	LeaseOwner string
	LeaseUntil time.Time
	Version    int64
}

// JobSpec is a job to create.
type JobSpec struct {
	ID       string
	Name     string
	Parent   string
	State    []byte // the machine at its start
	StateNum int    // 0
	Layout   string
	RunAt    time.Time
	Event    Event // written to the history on creation
}

// ClaimRequest says what Claim may take.
type ClaimRequest struct {
	Owner string
	Now   time.Time
	Limit int
	Lease time.Duration
	Names []string // only jobs of these names; nil for any
}

// Update is one step of a job, written by Apply in one transaction: the job's
// new row, the history events of the step, and its effects on other jobs and
// signals.
type Update struct {
	ID      string
	Version int64 // the Version the writer holds; fences the write

	Status   Status
	Seq      int64
	StateNum int
	State    []byte
	Layout   string
	Op       []byte
	Progress []byte
	Outcome  []byte

	Attempts  int
	LastError string
	RunAt     time.Time
	Error     string

	// KeepLease keeps the job leased to its owner until LeaseUntil (Status
	// must be StatusRunning), or, when LeaseUntil is zero, until the lease's
	// end as stored (as the claim or ExtendLeases last set it); otherwise the
	// lease ends with the write.
	KeepLease  bool
	LeaseUntil time.Time

	// WakeSeq is the job's WakeSeq as the writer read it. When the stored one
	// is greater (a signal, a cancellation or a child's end came in while the
	// writer held the job) a Status of StatusWaiting is stored as
	// StatusPending with RunAt now, so that no wake-up is lost.
	WakeSeq int64

	Events   []Event   // appended to the job's history
	Children []JobSpec // created unless a job of that ID exists
	Consumed []int64   // signals (SignalRecord.ID) of this job to delete
	Wake     []string  // jobs to wake, as SendSignal does (a parent, when its child ends)
	// ClearCancel resets CancelRequested (a person retried a cancelled job).
	ClearCancel bool
}

// JobFilter selects jobs for Jobs.
type JobFilter struct {
	Status        Status // "" for any
	Name          string // "" for any
	Parent        string // "" for any
	CreatedAfter  time.Time
	CreatedBefore time.Time
	AfterNum      int64 // paging: only jobs with Num > AfterNum
	BeforeNum     int64 // paging: only jobs with Num < BeforeNum (0 for no bound)
	// Newest lists the newest jobs first (Num descending), so that a
	// dashboard pages back from the latest with BeforeNum.
	Newest bool
	Limit  int
}

// Event is one entry of a job's history.
type Event struct {
	Seq      int64
	Time     time.Time
	Kind     EventKind
	StateNum int
	State    []byte // for EventStarted and EventCheckpoint: the machine's state
	Layout   string // the layout State was written with
	Op       []byte // for EventCheckpoint: the op it awaits
	Outcome  []byte // for EventOutcome
	Detail   string // for people: an error text, a signal's name, ...
}

// EventKind says what an Event records.
type EventKind string

// Event kinds.
const (
	EventStarted    EventKind = "started"    // the job was created
	EventCheckpoint EventKind = "checkpoint" // the machine stopped at an await
	EventAttempt    EventKind = "attempt"    // an activity attempt failed and will be retried
	EventOutcome    EventKind = "outcome"    // the pending op finished
	EventSignal     EventKind = "signal"     // a signal was consumed
	EventCancel     EventKind = "cancel"     // cancellation was requested
	EventFinished   EventKind = "finished"   // the job returned
	EventAttention  EventKind = "attention"  // the job needs attention
	EventRetry      EventKind = "retry"      // a person retried the job
)

// SignalRecord is a signal sent to a job and not consumed yet.
type SignalRecord struct {
	ID      int64
	JobID   string
	Name    string
	Payload []byte
	SentAt  time.Time
}

// Errors of stores.
var (
	ErrNotFound  = errors.New("not found")
	ErrIDTaken   = errors.New("job id taken by another job")
	ErrLeaseLost = errors.New("fsm: the job's lease was lost to another worker")
	ErrLocked    = errors.New("store in use by another worker process")
	ErrJobEnded  = errors.New("job has ended")
	// ErrNewerSchema is wrapped by a store's open when its schema was written
	// by a newer version of fsmgen.
	ErrNewerSchema = errors.New("store written by a newer fsmgen")
)

// Never is the RunAt of a job that waits with no timer: only a wake-up (a
// signal, a cancellation, a child's end) makes it claimable.
var Never = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
