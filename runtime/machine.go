package fsm

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Machine is a job turned into a state machine by fsmgen. A driver calls Resume
// until it returns a nil op; at each op the machine is suspended and may be
// encoded with MarshalCBOR, decoded into a fresh machine of the same job with
// UnmarshalCBOR, and resumed there with the op's outcome.
type Machine interface {
	// Resume runs the job from where it stopped until its next await, and returns
	// the op it awaits there. in is the outcome of the op it stopped on last (the
	// zero Outcome on the first call). A nil op and nil error mean the job has
	// returned and Results holds its results.
	//
	// Resuming a finished machine returns ErrFinished. A machine whose job
	// panicked is poisoned: the panic goes on up, and Resume returns ErrPoisoned
	// after it.
	Resume(ctx Context, in Outcome) (AnyOp, error)

	// State returns the number of the await the machine is stopped at, 0 before
	// the first Resume, or one of StateDone and StatePoisoned.
	State() int

	// Results returns the job's results in order once it has returned.
	Results() []any

	// MarshalCBOR encodes the machine's state: the await it is stopped at and the
	// variables live there, nothing else.
	MarshalCBOR() ([]byte, error)

	// UnmarshalCBOR restores a state written by MarshalCBOR of the same job.
	UnmarshalCBOR(data []byte) error
}

// Reserved machine states.
const (
	StateDone     = -1
	StatePoisoned = -2
)

var (
	// ErrFinished is returned by Resume on a machine whose job has returned.
	ErrFinished = errors.New("fsm: resuming a job that has already returned")
	// ErrPoisoned is returned by Resume on a machine whose job panicked.
	ErrPoisoned = errors.New("fsm: resuming a job that panicked")
)

// JobInfo describes a job's generated machine. Generated code registers one per
// job with RegisterJob; drivers find it by the job function or its name.
type JobInfo struct {
	// Name identifies the job in stored state: the import path of its package and
	// its name, as in "example.com/shop.Checkout" or "example.com/shop.Cart.Total".
	Name string
	// Func is the job function; for a method, its method expression.
	Func any
	// New returns a machine at its start. args holds one value per parameter
	// after the Context (for a method the receiver first); a variadic parameter
	// takes one slice.
	New func(args []any) (Machine, error)
	// Zero returns a machine to decode a stored state into.
	Zero func() Machine
	// States describes each await, indexed by state number - 1.
	States []StateInfo
	// Start describes state 0, the machine before its first Resume: Pos is
	// the job's declaration, Vars its parameters.
	Start StateInfo
	// Done describes StateDone: Vars are the job's results.
	Done StateInfo
	// Version is the job's version, as fsmgen's layout lock counts the
	// versions fsmgen -drain kept; 0 is 1.
	Version int
	// Drained marks an earlier version of the job, kept to finish the jobs
	// paused on it: it is registered beside the job's current version under
	// the same Name, never starts a job, and resumes only the checkpoints
	// the current version cannot place (see PlaceIn).
	Drained bool
}

// version is Version, 0 counted as 1.
func (info *JobInfo) version() int { return max(info.Version, 1) }

// State returns the description of a state: Start for 0, Done for StateDone,
// States[n-1] for an await. ok is false for a state the job does not have.
func (info *JobInfo) State(n int) (s StateInfo, ok bool) {
	switch {
	case n == 0:
		return info.Start, true
	case n == StateDone:
		return info.Done, true
	case n >= 1 && n <= len(info.States):
		return info.States[n-1], true
	}
	return StateInfo{}, false
}

// LayoutOf returns the fingerprint of the layout of state n (see
// StateInfo.Layout), "" for a state the job does not have.
func (info *JobInfo) LayoutOf(n int) string {
	s, ok := info.State(n)
	if !ok {
		return ""
	}
	return s.Layout
}

// StateInfo describes one await of a job: where it is, and what is live there.
type StateInfo struct {
	// ID is the state's identity across builds: made by fsmgen from what
	// the await waits for (as in "Charge.Call"), or pinned by a
	// //fsmgen:state comment; "start" and "done" for Start and Done. Adding
	// or removing other awaits changes state numbers, not ids.
	ID   string
	Pos  string    // file:line:col of the await in the job's source
	Vars []VarInfo // the variables saved at this await, in stored order
	// Layout fingerprints how the state is stored: the names, order and
	// complete types (fields of structs included, recursively) of Vars. Two
	// builds give a state the same Layout exactly when one can decode what the
	// other wrote. The engine records it with every checkpoint and refuses to
	// decode a checkpoint whose Layout differs, unless the state Accepts it.
	// The Layout covers the state's ID and what its await gives too, so a
	// checkpoint of one Layout belongs to exactly one state of a job.
	Layout string
	// Accepts lists layouts earlier builds stored this state with that this
	// build decodes, as fsmgen's layout lock found them compatible (see
	// docs/changing-jobs.md).
	Accepts []Accepted
	// Version is the version of the job the state belongs to (see
	// JobInfo.Version); RegisterJob sets it.
	Version int `json:",omitempty"`
}

// Accepted is a layout an earlier build stored a state with, which this build
// decodes into its own.
type Accepted struct {
	Layout string
	// Vars maps each variable of that layout, in its stored order, to the
	// index in this state's Vars of the variable it becomes, or -1 when this
	// build no longer keeps it. Variables of this state no entry maps to
	// start at their zero value.
	Vars []int
	// Migrate, when set, replaces Vars: it is the user's migration of the
	// layout (a function marked //fsmgen:migrate) wrapped by fsmgen, which
	// takes a checkpoint stored with Layout and returns it as this state
	// stores it. It may run more than once for one checkpoint (an inspector
	// shows it, a crash before the next checkpoint loads it again).
	Migrate func(state []byte) ([]byte, error) `json:"-"`
}

// VarInfo names one saved variable as the job's source does.
type VarInfo struct {
	Name string // source name
	Type string // Go type, as written in the job's package
	// Internal marks a value the generated machine keeps for itself, such as
	// the position of a range loop or an operand computed before an await;
	// Name then describes it.
	Internal bool
}

var jobs = struct {
	sync.RWMutex
	byName  map[string]*JobInfo
	byPC    map[uintptr]*JobInfo
	drained map[string][]*JobInfo // by name, newest version first
	// byMachine holds the current versions by their machine's type, for
	// the handles of generic jobs (InstanceName).
	byMachine map[reflect.Type]*JobInfo
}{byName: map[string]*JobInfo{}, byPC: map[uintptr]*JobInfo{}, drained: map[string][]*JobInfo{}, byMachine: map[reflect.Type]*JobInfo{}}

// RegisterJob records a generated machine. Generated code calls it from init; it
// panics when the name is taken or Func is not a function. A drained version
// (JobInfo.Drained) goes beside the job's current version, once per version.
func RegisterJob(info JobInfo) {
	fn := reflect.ValueOf(info.Func)
	if fn.Kind() != reflect.Func {
		panic(fmt.Sprintf("fsm: RegisterJob(%q): Func is a %T, not a function", info.Name, info.Func))
	}
	if err := info.checkStates(); err != nil {
		panic(fmt.Sprintf("fsm: RegisterJob(%q): %v", info.Name, err))
	}
	p := &info
	p.Start.Version, p.Done.Version = p.version(), p.version()
	p.States = append([]StateInfo(nil), p.States...)
	for i := range p.States {
		p.States[i].Version = p.version()
	}
	jobs.Lock()
	defer jobs.Unlock()
	if info.Drained {
		list := jobs.drained[info.Name]
		for _, d := range list {
			if d.version() == p.version() {
				panic(fmt.Sprintf("fsm: version %d of job %q registered twice", p.version(), info.Name))
			}
		}
		list = append(list, p)
		sort.Slice(list, func(a, b int) bool { return list[a].version() > list[b].version() })
		jobs.drained[info.Name] = list
		return
	}
	if _, dup := jobs.byName[info.Name]; dup {
		panic(fmt.Sprintf("fsm: job %q registered twice", info.Name))
	}
	jobs.byName[info.Name] = p
	jobs.byPC[fn.Pointer()] = p
	if info.Zero != nil {
		jobs.byMachine[reflect.TypeOf(info.Zero())] = p
	}
}

// InstanceName returns the name under which the instantiation of a generic
// job whose machine has type M is registered; job is the generic job's
// name. The generated handle of a generic job (CollectJob[T]()) calls it.
// fsmgen registers the instantiations a job's package makes (in its code or
// its tests); for another, the name returned says so, and Start refuses it.
func InstanceName[M Machine](job string) string {
	t := reflect.TypeFor[M]()
	jobs.RLock()
	info, ok := jobs.byMachine[t]
	jobs.RUnlock()
	if ok {
		return info.Name
	}
	args := t.String()
	if i := strings.IndexByte(args, '['); i >= 0 {
		args = args[i+1 : len(args)-1]
	}
	return fmt.Sprintf("%s[%s] (an instantiation fsmgen has not seen: name it once in the job's package, as in var _ = Job[%s], and run fsmgen)", job, args, args)
}

// Drains returns the drained versions of the job registered beside it,
// newest first.
func (info *JobInfo) Drains() []*JobInfo {
	jobs.RLock()
	defer jobs.RUnlock()
	return append([]*JobInfo(nil), jobs.drained[info.Name]...)
}

// PlaceIn places a checkpoint in the version of the job that resumes it:
// this version when Place of it succeeds, else the newest drained version
// (see Drains) whose Place does. The error is this version's.
func (info *JobInfo) PlaceIn(stateNum int, layout string, state []byte) (v *JobInfo, newNum int, newState []byte, newLayout string, err error) {
	newNum, newState, newLayout, err = info.Place(stateNum, layout, state)
	if err == nil || info.Drained {
		return info, newNum, newState, newLayout, err
	}
	for _, d := range info.Drains() {
		if n, s, l, derr := d.Place(stateNum, layout, state); derr == nil {
			return d, n, s, l, nil
		}
	}
	return info, 0, nil, "", err
}

// checkStates checks that each layout belongs to one state and that each
// Accepted maps onto its state's variables.
func (info *JobInfo) checkStates() error {
	owner := map[string]int{}
	claim := func(layout string, n int) error {
		if layout == "" {
			return nil
		}
		if m, dup := owner[layout]; dup {
			return fmt.Errorf("layout %q belongs to states %d and %d", layout, m, n)
		}
		owner[layout] = n
		return nil
	}
	for _, n := range info.stateNums() {
		s, _ := info.State(n)
		if err := claim(s.Layout, n); err != nil {
			return err
		}
		for _, a := range s.Accepts {
			if err := claim(a.Layout, n); err != nil {
				return err
			}
			if a.Migrate != nil && a.Vars != nil {
				return fmt.Errorf("state %d accepts layout %q both by a mapping and by a migration", n, a.Layout)
			}
			used := map[int]bool{}
			for _, v := range a.Vars {
				if v == -1 {
					continue
				}
				if v < 0 || v >= len(s.Vars) || used[v] {
					return fmt.Errorf("state %d accepts layout %q with a variable mapped to %d, which is out of range or taken", n, a.Layout, v)
				}
				used[v] = true
			}
		}
	}
	return nil
}

// stateNums lists the job's states: Start, each await, Done.
func (info *JobInfo) stateNums() []int {
	out := make([]int, 0, len(info.States)+2)
	for n := 0; n <= len(info.States); n++ {
		out = append(out, n)
	}
	return append(out, StateDone)
}

// LookupJob returns the registered machine of a job function value (for a
// method, its method expression).
func LookupJob(fn any) (*JobInfo, bool) {
	v := reflect.ValueOf(fn)
	if v.Kind() != reflect.Func || v.IsNil() {
		return nil, false
	}
	jobs.RLock()
	defer jobs.RUnlock()
	if info, ok := jobs.byPC[v.Pointer()]; ok {
		return info, true
	}
	if f := runtime.FuncForPC(v.Pointer()); f != nil {
		if info, ok := jobs.byName[f.Name()]; ok {
			return info, true
		}
	}
	return nil, false
}

// JobByName returns the registered machine of the job with the given name.
func JobByName(name string) (*JobInfo, bool) {
	jobs.RLock()
	defer jobs.RUnlock()
	info, ok := jobs.byName[name]
	return info, ok
}

// RegisteredJobs returns every registered job, sorted by name.
func RegisteredJobs() []*JobInfo {
	jobs.RLock()
	defer jobs.RUnlock()
	out := make([]*JobInfo, 0, len(jobs.byName))
	for _, info := range jobs.byName {
		out = append(out, info)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
