package transform

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// This file is the layout lock: fsmgen.lock, a file beside a package's
// sources that records every state of every job of the package as the last
// run of fsmgen generated it (its id, what the await gives, the variables it
// stores, their types) and the earlier layouts of each state that its machine
// still decodes.
//
// Each run compares the package with its lock. A change that checkpoints
// already stored survive (edits between awaits, new awaits, variables added or
// removed, integer types widened, renames declared with //fsmgen:rename) is
// compatible: the machine accepts the state's earlier layouts, mapping their
// variables onto the new ones (fsm.StateInfo.Accepts), and the lock is
// updated. A breaking change (a state removed, a variable's type changed, what
// an await gives changed, awaits of one kind added or removed so that their
// numbered ids are ambiguous) is a diagnostic at the state, and the package
// gets no files, unless the run is told to update the lock (Config.UpdateLock),
// which then forgets the layouts it can no longer decode.

// LockFile is the name of a package's layout lock.
const LockFile = "fsmgen.lock"

// RenameDirective declares, in a job's doc comment, that a variable stored
// by earlier builds under one name is now called another.
const RenameDirective = "//fsmgen:rename"

// lockVersion is the format of the lock file.
const lockVersion = 1

const lockAbout = "Written by fsmgen: how each job's states are stored. Commit it with the code; see docs/changing-jobs.md."

type lockFile struct {
	About   string    `json:"about"`
	Version int       `json:"version"`
	Jobs    []lockJob `json:"jobs"`
}

type lockJob struct {
	Name string `json:"job"`
	// Version counts the job's versions that fsmgen -drain kept; 0 is 1.
	Version int `json:"version,omitempty"`
	// Drained marks an earlier version kept to finish jobs paused on it.
	Drained bool `json:"drained,omitempty"`
	// Source is the job's declaration (and its rename directives), and
	// Imports the packages it names (name to path): what -drain keeps.
	Source  string            `json:"source,omitempty"`
	Imports map[string]string `json:"imports,omitempty"`
	States  []lockState       `json:"states"`
	// Instances are, for a generic job, the instantiations registered and
	// how each type argument is stored: part of each instantiation's
	// layouts, which the states above do not show (see instanceLayout).
	Instances []lockInstance `json:"instances,omitempty"`
}

// lockInstance is one instantiation of a generic job: its key (the type
// arguments of its registered name) and each type argument, named after its
// type parameter.
type lockInstance struct {
	Key  string    `json:"key"`
	Args []lockVar `json:"args"`
}

// key is the job's key among the lock's jobs (see job.lockKey).
func (lj *lockJob) key() string {
	if lj.Drained {
		return fmt.Sprintf("%s@%d", lj.Name, lj.version())
	}
	return lj.Name
}

func (lj *lockJob) version() int { return max(lj.Version, 1) }

// lockState is one state of a job: its id, where it is, its layout, and the
// earlier layouts its machine still accepts.
type lockState struct {
	ID     string `json:"id"`
	Pinned bool   `json:"pinned,omitempty"`
	At     string `json:"at"`
	lockLayout
	Accepts []lockLayout `json:"accepts,omitempty"`
}

// lockLayout is one layout of a state: what its await gives and the
// variables it stores, in stored order.
type lockLayout struct {
	Layout    string    `json:"layout"`
	AwaitType string    `json:"await_type,omitempty"` // omitted when it is Await
	Await     string    `json:"await,omitempty"`
	Vars      []lockVar `json:"vars,omitempty"`
	// AwaitFields are the fields of what the await gives, as Fields of a
	// variable are.
	AwaitFields []lockField `json:"await_fields,omitempty"`
	// From and Migrate are set for a layout a state accepts through a
	// migration: the id of the state that stored it, and the function.
	From    string `json:"from,omitempty"`
	Migrate string `json:"migrate,omitempty"`
}

// lockVar is one stored variable. Shape is how the codec stores it (the
// layout's description of its type), or its hash when that is long.
type lockVar struct {
	Name     string `json:"name"`
	Type     string `json:"type,omitempty"` // omitted when it is Shape
	Shape    string `json:"shape"`
	Internal bool   `json:"internal,omitempty"`
	Derived  string `json:"derived,omitempty"`
	// Fields are the stored fields of a named struct type the codec
	// stores as a map of them, by key: a struct that gains fields still
	// decodes what was stored before (see gainsFields).
	Fields []lockField `json:"fields,omitempty"`

	nested bool // a nested job's machine, kept whole
}

// byName reports whether the variable is one the job's source names and a
// migration can read or give: not a value the machine keeps for itself, one
// derived from another, or a nested job's machine.
func (v lockVar) byName() bool { return !v.Internal && v.Derived == "" && !v.nested }

// lockField is a field of a struct a variable holds: its key in the
// stored map, and its shape.
type lockField struct {
	Key   string `json:"key"`
	Shape string `json:"shape"`
}

// mapFields lists the fields of t when t is a named struct type the codec
// stores as a map keyed by field names (exported fields only, not embedded,
// not as an array, no method or rule of its own), nil otherwise.
func mapFields(t types.Type) []lockField {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || leafEncoding(n) != "" {
		return nil
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok || st.NumFields() == 0 {
		return nil
	}
	var out []lockField
	for i := 0; i < st.NumFields(); i++ {
		f, tag := st.Field(i), codecTag(st.Tag(i))
		name, opts, _ := strings.Cut(tag, ",")
		switch {
		case f.Name() == "_" && strings.Contains(opts, "toarray"):
			return nil
		case tag == "-":
			continue
		case !f.Exported() || f.Embedded():
			return nil
		}
		if name == "" {
			name = f.Name()
		}
		out = append(out, lockField{Key: name, Shape: lockShape(shapeOf(f.Type()))})
	}
	return out
}

// gainsFields reports whether a value stored as old decodes as new with
// nothing lost: both are the same named struct type, stored as maps, and
// new has every field old had, alike, and perhaps more (which decode as
// zero).
func gainsFields(old, new lockVar) bool {
	if old.Fields == nil || new.Fields == nil || old.display() != new.display() {
		return false
	}
	have := map[string]string{}
	for _, f := range new.Fields {
		have[f.Key] = f.Shape
	}
	for _, f := range old.Fields {
		if s, ok := have[f.Key]; !ok || s != f.Shape {
			return false
		}
	}
	return true
}

// stateRec is a state as this run generates it.
type stateRec struct {
	id          string
	pinned      bool
	pos         token.Pos
	at          string
	layout      string
	awaitType   string
	awaitShape  string
	awaitFields []lockField
	vars        []lockVar
	types       []types.Type // of vars, for migration scaffolds
	fields      jen.Dict     // the generated StateInfo's fields
	accepts     []jen.Code   // the fsm.Accepted values of its Accepts
	// mappings are the Accepts that map variables (no migrations), by
	// layout, for the instantiations of a generic job.
	mappings []acceptedMapping
	// instances are, for a generic job, the StateInfos of the state in its
	// instantiations.
	instances []instanceRec
	layoutKey jen.Code // the key of its Layout in fields
}

// acceptedMapping is an earlier layout a state accepts, and where its
// variables go.
type acceptedMapping struct {
	layout string
	vars   []int
}

// instanceRec is a state of one instantiation of a generic job.
type instanceRec struct {
	in     *instance
	fields jen.Dict
}

func (r *stateRec) lockLayout() lockLayout {
	return lockLayout{Layout: r.layout, AwaitType: r.awaitType, Await: r.awaitShape, AwaitFields: r.awaitFields, Vars: r.vars}
}

// lockShape shortens a long shape to its hash: the lock compares shapes,
// and only short ones (basic types) are looked into.
func lockShape(shape string) string {
	if len(shape) <= 64 {
		return shape
	}
	sum := sha256.Sum256([]byte(shape))
	return "sha256:" + hex.EncodeToString(sum[:])[:16]
}

func lockVarOf(lv *layoutVar, typ string) lockVar {
	v := lockVar{Name: lv.name, Type: typ, Internal: lv.internal, Derived: lv.derived}
	if lv.nested == "" && lv.typ != nil {
		v.Fields = mapFields(lv.typ)
	}
	if lv.nested != "" {
		v.Shape, v.nested = lockShape("nested "+lv.nested), true
	} else {
		v.Shape = lockShape(lv.shapeText())
	}
	if v.Type == v.Shape {
		v.Type = ""
	}
	return v
}

// pkgLock collects the states of a package's jobs as they are emitted.
type pkgLock struct {
	jobs  map[string]*jobRecs
	order []*jobRecs
}

type jobRecs struct {
	j      *job
	start  *stateRec
	awaits []*stateRec
	done   *stateRec
	info   jen.Dict // the generated JobInfo's fields
	// instanceInfos are, for a generic job, its instantiations' JobInfos.
	instanceInfos []jen.Dict
	// source and imports are what the lock keeps of the job for -drain.
	source  string
	imports map[string]string
}

// job returns the records of job j, made on first use.
func (p *pkgLock) job(j *job) *jobRecs {
	if p.jobs == nil {
		p.jobs = map[string]*jobRecs{}
	}
	jr := p.jobs[j.lockKey()]
	if jr == nil {
		jr = &jobRecs{j: j}
		p.jobs[j.lockKey()] = jr
		p.order = append(p.order, jr)
	}
	return jr
}

func (p *pkgLock) add(j *job, rec *stateRec) {
	jr := p.job(j)
	switch rec.id {
	case startID:
		jr.start = rec
	case doneID:
		jr.done = rec
	default:
		jr.awaits = append(jr.awaits, rec)
	}
}

func (jr *jobRecs) all() []*stateRec {
	out := []*stateRec{jr.start}
	out = append(out, jr.awaits...)
	return append(out, jr.done)
}

// readLock reads a package's lock; a missing one is nil.
func readLock(path string, overlay map[string][]byte) (*lockFile, error) {
	data, ok := overlay[path]
	if !ok {
		var err error
		data, err = os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
	}
	var lf lockFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&lf); err != nil {
		return nil, fmt.Errorf("not a lock fsmgen can read (%v); restore it from version control, or delete it to start a new one", err)
	}
	if lf.Version > lockVersion {
		return nil, fmt.Errorf("written by a newer fsmgen (lock version %d, this one reads %d); use that fsmgen or a newer one", lf.Version, lockVersion)
	}
	if lf.Version < 1 {
		return nil, errors.New("has no version; restore it from version control, or delete it to start a new one")
	}
	return &lf, nil
}

// lockProblem is a breaking change, at the state (or job) it breaks.
type lockProblem struct {
	pos token.Pos
	msg string
	// hard is a mistake in a migration, which -update-lock does not accept.
	hard bool
	jr   *jobRecs // the job, unless the problem is a job gone
	// needs are the layouts the change strands, which fsmgen -migrate
	// writes migrations for.
	needs []migrationNeed
}

// migrationNeed is a layout a breaking change strands: what a migration of
// it starts from, and the state it would go to (nil when no state fits).
type migrationNeed struct {
	jr     *jobRecs
	old    oldLayout
	target *stateRec
}

// reconcile compares the package's states with its lock (nil for none). It
// adds to each state's generated StateInfo the earlier layouts it accepts,
// and returns the new lock and the breaking changes. The new lock holds only
// the layouts that do not break: it is what -update-lock writes, and what a
// run without breaking changes writes too.
//
// migs are the package's migrations; one that names no job of the package is
// a problem.
func (p *pkgLock) reconcile(old *lockFile, pkgPos token.Pos, migs []*migration) (*lockFile, []lockProblem) {
	var problems []lockProblem
	oldJobs := map[string]*lockJob{}
	if old != nil {
		for i := range old.Jobs {
			oldJobs[old.Jobs[i].key()] = &old.Jobs[i]
		}
	}
	out := &lockFile{About: lockAbout, Version: lockVersion}
	for _, jr := range p.order {
		j := jr.j
		lj := lockJob{Name: j.name(), Source: jr.source, Imports: jr.imports}
		if j.drain != nil {
			lj.Version, lj.Drained = j.drain.version, true
		}
		var ps []lockProblem
		if o := oldJobs[j.lockKey()]; o != nil {
			if j.drain == nil {
				lj.Version = o.Version
			}
			lj.States, ps = reconcileJob(jr, o, migs)
			ps = append(ps, reconcileInstances(jr, o)...)
			delete(oldJobs, j.lockKey())
		} else {
			if j.drain != nil {
				ps = append(ps, lockProblem{pos: j.decl.Name.Pos(), hard: true, msg: fmt.Sprintf("%s records no version %d of job %s: a drained version is one fsmgen -drain kept; remove %s %s %d", LockFile, j.drain.version, j.drain.job, DrainDirective, j.drain.job, j.drain.version)})
			}
			for _, r := range jr.all() {
				lj.States = append(lj.States, lockState{ID: r.id, Pinned: r.pinned, At: r.at, lockLayout: r.lockLayout()})
			}
		}
		lj.Instances = lockInstances(j)
		for i := range ps {
			ps[i].jr = jr
		}
		problems = append(problems, ps...)
		jr.finish(lj.version())
		out.Jobs = append(out.Jobs, lj)
	}
	var gone []string
	for key := range oldJobs {
		gone = append(gone, key)
	}
	sort.Strings(gone)
	for _, key := range gone {
		o := oldJobs[key]
		if o.Drained {
			problems = append(problems, lockProblem{pos: pkgPos, msg: fmt.Sprintf("version %d of job %s, which fsmgen -drain kept, is in %s but no longer in the package: jobs paused on it cannot resume; once fsmgen jobs versions shows none, run fsmgen -update-lock", o.version(), o.Name, LockFile)})
			continue
		}
		problems = append(problems, lockProblem{pos: pkgPos, msg: fmt.Sprintf("job %s is in %s but no longer in the package: checkpoints of it cannot resume; bring the job back, or run fsmgen -update-lock to accept that its unfinished jobs need attention", o.Name, LockFile)})
	}
	for _, m := range migs {
		if !m.used {
			problems = append(problems, lockProblem{pos: m.pos, hard: true, msg: fmt.Sprintf("migration %s is for job %s, which %s records no layouts of in this package; name a job of the package, or delete the migration", m.decl.Name.Name, m.job, LockFile)})
		}
	}
	out.sort()
	return out, problems
}

func (lf *lockFile) sort() {
	sort.Slice(lf.Jobs, func(a, b int) bool {
		x, y := &lf.Jobs[a], &lf.Jobs[b]
		if x.Name != y.Name {
			return x.Name < y.Name
		}
		return x.Drained && !y.Drained || x.Drained == y.Drained && x.Version < y.Version
	})
}

// finish sets what the lock found into the generated JobInfo and
// StateInfos: the version, and each state's Accepts. A drained version's
// states get layouts of their own, so that checkpoints it writes are never
// taken by the current version, and accept the layouts they had.
func (jr *jobRecs) finish(version int) {
	d := jr.j.drain
	if version > 1 || d != nil {
		jr.info[jen.Id("Version")] = jen.Lit(version)
		for _, info := range jr.instanceInfos {
			info[jen.Id("Version")] = jen.Lit(version)
		}
	}
	if d != nil {
		jr.info[jen.Id("Drained")] = jen.True()
	}
	for _, r := range jr.all() {
		accepts := r.accepts
		if d != nil {
			r.fields[r.layoutKey] = jen.Lit(drainedLayout(r.layout, d.version))
			same := make([]jen.Code, len(r.vars))
			for i := range same {
				same[i] = jen.Lit(i)
			}
			accepts = append([]jen.Code{jen.Values(jen.Dict{
				jen.Id("Layout"): jen.Lit(r.layout),
				jen.Id("Vars"):   jen.Index().Int().Values(same...),
			})}, accepts...)
		}
		if len(accepts) > 0 {
			r.fields[jen.Id("Accepts")] = jen.Index().Add(jen.Qual(RuntimePath, "Accepted")).Values(accepts...)
		}
		for _, ir := range r.instances {
			var accepts []jen.Code
			accept := func(layout string, shapes []string, vars []int) {
				accepts = append(accepts, jen.Values(jen.Dict{
					jen.Id("Layout"): jen.Lit(instanceLayoutOf(layout, shapes)),
					jen.Id("Vars"):   jen.Index().Int().Values(ints(vars)...),
				}))
			}
			for _, a := range r.mappings {
				accept(a.layout, ir.in.shapes(), a.vars)
			}
			if old := ir.in.oldShapes; old != nil {
				// A type argument gained fields: what the instantiation
				// stored with it before decodes as it is now.
				same := make([]int, len(r.vars))
				for i := range same {
					same[i] = i
				}
				accept(r.layout, old, same)
				for _, a := range r.mappings {
					accept(a.layout, old, a.vars)
				}
			}
			if len(accepts) > 0 {
				ir.fields[jen.Id("Accepts")] = jen.Index().Add(jen.Qual(RuntimePath, "Accepted")).Values(accepts...)
			}
		}
	}
}

// ints writes a list of ints.
func ints(vs []int) []jen.Code {
	out := make([]jen.Code, len(vs))
	for i, v := range vs {
		out[i] = jen.Lit(v)
	}
	return out
}

// format writes the lock as JSON with one line per state, so that a change
// to a state is a change to its line in a review.
func (lf *lockFile) format() []byte {
	var b bytes.Buffer
	str := func(v any) string {
		var out bytes.Buffer
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false) // sources hold < and &
		if err := enc.Encode(v); err != nil {
			panic(err) // plain data
		}
		return strings.TrimSuffix(out.String(), "\n")
	}
	fmt.Fprintf(&b, "{\n  \"about\": %s,\n  \"version\": %d,\n  \"jobs\": [", str(lf.About), lf.Version)
	for i, j := range lf.Jobs {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n    {\n      \"job\": %s,", str(j.Name))
		if j.Version != 0 {
			fmt.Fprintf(&b, "\n      \"version\": %d,", j.Version)
		}
		if j.Drained {
			b.WriteString("\n      \"drained\": true,")
		}
		if j.Source != "" {
			fmt.Fprintf(&b, "\n      \"source\": %s,", str(j.Source))
		}
		if len(j.Imports) > 0 {
			fmt.Fprintf(&b, "\n      \"imports\": %s,", str(j.Imports))
		}
		b.WriteString("\n      \"states\": [")
		for k, s := range j.States {
			if k > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n        " + str(s))
		}
		b.WriteString("\n      ]")
		if len(j.Instances) > 0 {
			b.WriteString(",\n      \"instances\": [")
			for k, in := range j.Instances {
				if k > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n        " + str(in))
			}
			b.WriteString("\n      ]")
		}
		b.WriteString("\n    }")
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes()
}

// reconcileJob compares one job's states with its locked states.
func reconcileJob(jr *jobRecs, old *lockJob, migs []*migration) ([]lockState, []lockProblem) {
	j := jr.j
	var problems []lockProblem
	report := func(pos token.Pos, format string, args ...any) {
		problems = append(problems, lockProblem{pos: pos, msg: fmt.Sprintf(format, args...)})
	}
	reportHard := func(pos token.Pos, format string, args ...any) {
		problems = append(problems, lockProblem{pos: pos, hard: true, msg: fmt.Sprintf(format, args...)})
	}
	strands := func(need migrationNeed, pos token.Pos, format string, args ...any) {
		problems = append(problems, lockProblem{pos: pos, msg: fmt.Sprintf(format, args...), needs: []migrationNeed{need}})
	}
	renames, bad := jobRenames(j)
	problems = append(problems, bad...)

	// Numbered ids are positions among awaits of one kind: when their number
	// changes, which old await is which new one cannot be told.
	oldCount, newCount := map[string]int{}, map[string]int{}
	for _, s := range old.States {
		if !s.Pinned && s.ID != startID && s.ID != doneID {
			oldCount[stateBase(s.ID)]++
		}
	}
	for _, r := range jr.awaits {
		if !r.pinned {
			newCount[stateBase(r.id)]++
		}
	}
	ambiguous := map[string]bool{}
	for _, r := range jr.awaits {
		base := stateBase(r.id)
		o, n := oldCount[base], newCount[base]
		if r.pinned || o == 0 || o == n || (o <= 1 && n <= 1) {
			continue
		}
		ambiguous[base] = true
		report(r.pos, "job %s awaits %s %d times where %s records %d: fsmgen numbers such awaits in order (%s, %s#2, ...), so a job paused at one could resume at another; pin each with %s and the id %s gives it, or run fsmgen -update-lock to accept that jobs paused at them need attention", j.fn.Name(), base, n, LockFile, o, base, base, StateDirective, LockFile)
	}

	cur := map[string]*stateRec{}
	for _, r := range jr.all() {
		cur[r.id] = r
	}

	// Migrations take their layouts wherever the lock has them.
	layouts := oldLayouts(old)
	byTarget := map[*stateRec][]*migrated{}
	handled := map[string]bool{}
	for _, m := range migs {
		if m.job != jobDisplayName(j) {
			continue
		}
		m.used = true
		if mg := checkMigration(m, jr, layouts, cur, reportHard); mg != nil {
			byTarget[mg.target] = append(byTarget[mg.target], mg)
			handled[m.layout] = true
		}
	}

	prev := map[string]*lockState{}
	for i := range old.States {
		s := &old.States[i]
		prev[s.ID] = s
		if cur[s.ID] != nil || ambiguous[stateBase(s.ID)] {
			continue
		}
		var needs []migrationNeed
		for _, l := range append([]lockLayout{s.lockLayout}, s.Accepts...) {
			if !handled[l.Layout] {
				needs = append(needs, migrationNeed{jr, layouts[l.Layout], fittingState(jr, l)})
			}
		}
		if len(needs) > 0 {
			problems = append(problems, lockProblem{pos: j.decl.Name.Pos(), needs: needs, msg: fmt.Sprintf("job %s no longer has state %s (the await at %s when %s was written): jobs paused there cannot resume; if another await is the same step, pin it with %s %s, migrate the jobs paused there (fsmgen -migrate), drain them on the old code (fsmgen -drain), or run fsmgen -update-lock to accept that they need attention", j.fn.Name(), s.ID, s.At, LockFile, StateDirective, s.ID)})
		}
	}

	var states []lockState
	for _, r := range jr.all() {
		ls := lockState{ID: r.id, Pinned: r.pinned, At: r.at, lockLayout: r.lockLayout()}
		var candidates []lockLayout
		if o := prev[r.id]; o != nil && !ambiguous[stateBase(r.id)] {
			candidates = append([]lockLayout{o.lockLayout}, o.Accepts...)
		}
		seen := map[string]bool{r.layout: true}
		var accepts []jen.Code
		for _, c := range candidates {
			if seen[c.Layout] || handled[c.Layout] {
				continue
			}
			seen[c.Layout] = true
			if c.Migrate != "" {
				report(r.pos, "job %s: checkpoints stored at state %s by an earlier build (layout %s) resume here through migration %s, which is gone; bring it back, or run fsmgen -update-lock to accept that jobs paused there need attention", j.fn.Name(), c.From, c.Layout, c.Migrate)
				continue
			}
			c = renamed(c, renames)
			mapping, why := compatible(c, r)
			if why != "" {
				need := migrationNeed{jr, layouts[c.Layout], nil}
				if fits(r, c) {
					need.target = r
				}
				strands(need, r.pos, "job %s: checkpoints stored at state %s by an earlier build (layout %s) cannot resume here: %s; keep what it stores, migrate the jobs paused there (fsmgen -migrate), drain them on the old code (fsmgen -drain), or run fsmgen -update-lock to accept that they need attention", j.fn.Name(), r.id, c.Layout, why)
				continue
			}
			ls.Accepts = append(ls.Accepts, c)
			accepts = append(accepts, jen.Values(jen.Dict{
				jen.Id("Layout"): jen.Lit(c.Layout),
				jen.Id("Vars"):   jen.Index().Int().Values(ints(mapping)...),
			}))
			r.mappings = append(r.mappings, acceptedMapping{layout: c.Layout, vars: mapping})
		}
		for _, mg := range byTarget[r] {
			ls.Accepts = append(ls.Accepts, mg.rec)
			accepts = append(accepts, mg.code)
		}
		r.accepts = accepts
		states = append(states, ls)
	}
	return states, problems
}

// fits reports whether checkpoints of layout l could migrate to state r: it
// awaits the same, and stores only variables a migration can give.
func fits(r *stateRec, l lockLayout) bool {
	if r.id == doneID || !awaitDecodes(l, r.lockLayout()) {
		return false
	}
	for _, v := range r.vars {
		if !v.byName() {
			return false
		}
	}
	return true
}

// fittingState is the first state of the job that checkpoints of layout l
// could migrate to, or nil.
func fittingState(jr *jobRecs, l lockLayout) *stateRec {
	for _, r := range jr.all() {
		if fits(r, l) {
			return r
		}
	}
	return nil
}

// jobRenames reads the job's //fsmgen:rename old new directives.
func jobRenames(j *job) (map[string]string, []lockProblem) {
	renames := map[string]string{}
	var problems []lockProblem
	if j.decl.Doc == nil {
		return renames, nil
	}
	for _, c := range j.decl.Doc.List {
		rest, ok := directiveArgs(c.Text, RenameDirective)
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || !token.IsIdentifier(f[0]) || !token.IsIdentifier(f[1]) {
			problems = append(problems, lockProblem{pos: c.Pos(), msg: fmt.Sprintf("%s takes the old name and the new name of a variable, as in %s total amount", RenameDirective, RenameDirective)})
			continue
		}
		if _, dup := renames[f[0]]; dup {
			problems = append(problems, lockProblem{pos: c.Pos(), msg: fmt.Sprintf("variable %s is renamed twice in job %s", f[0], j.fn.Name())})
			continue
		}
		renames[f[0]] = f[1]
	}
	return renames, problems
}

// renamed is layout c with its variables' names as the job now calls them.
func renamed(c lockLayout, renames map[string]string) lockLayout {
	if len(renames) == 0 {
		return c
	}
	vars := make([]lockVar, len(c.Vars))
	copy(vars, c.Vars)
	for i := range vars {
		if n, ok := renames[vars[i].Name]; ok && !vars[i].Internal {
			vars[i].Name = n
		}
	}
	c.Vars = vars
	return c
}

// compatible reports how a checkpoint of layout old becomes one of state r:
// for each of old's variables, the index of r's variable it becomes, or -1.
// why says what breaks when it cannot.
func compatible(old lockLayout, r *stateRec) (mapping []int, why string) {
	if !awaitDecodes(old, r.lockLayout()) {
		if d := old.awaitDisplay(); d == r.lockLayout().awaitDisplay() {
			return nil, fmt.Sprintf("what the await gives, %s, changed in what it stores (of a struct, only fields added are compatible)", d)
		}
		return nil, fmt.Sprintf("what the await gives changed from %s to %s", old.awaitDisplay(), r.lockLayout().awaitDisplay())
	}
	for _, v := range append(append([]lockVar(nil), old.Vars...), r.vars...) {
		if v.Derived != "" {
			return nil, fmt.Sprintf("it stores %s derived from another variable, and what it stores changed", v.Name)
		}
	}
	// Internal values (range positions, operands pending across the
	// await) must be the same ones: they belong to the code around it.
	oldInt, newInt := internalVars(old.Vars), internalVars(r.vars)
	if len(oldInt) != len(newInt) {
		return nil, "the loops or pending operands around the await changed"
	}
	mapping = make([]int, len(old.Vars))
	for k := range oldInt {
		a, b := old.Vars[oldInt[k]], r.vars[newInt[k]]
		if a.Name != b.Name {
			return nil, "the loops or pending operands around the await changed"
		}
		if a.Shape != b.Shape {
			// A nested job's machine, kept whole, is the usual one.
			return nil, fmt.Sprintf("what the machine keeps as %s changed", a.Name)
		}
		mapping[oldInt[k]] = newInt[k]
	}
	// Variables by name; two of one name (shadowing) pair in order.
	newByName := map[string][]int{}
	for i, v := range r.vars {
		if !v.Internal {
			newByName[v.Name] = append(newByName[v.Name], i)
		}
	}
	oldByName := map[string][]int{}
	for i, v := range old.Vars {
		if !v.Internal {
			oldByName[v.Name] = append(oldByName[v.Name], i)
		}
	}
	for i, v := range old.Vars {
		if v.Internal {
			continue
		}
		olds, news := oldByName[v.Name], newByName[v.Name]
		if len(news) == 0 {
			mapping[i] = -1
			continue
		}
		if len(olds) != len(news) {
			return nil, fmt.Sprintf("it stores %d variables named %s where it stored %d", len(news), v.Name, len(olds))
		}
		k := indexOf(olds, i)
		n := r.vars[news[k]]
		if n.Shape != v.Shape && !widens(v.Shape, n.Shape) && !gainsFields(v, n) {
			if v.display() == n.display() {
				return nil, fmt.Sprintf("what variable %s's type %s stores changed (of a struct, only fields added are compatible)", v.Name, v.display())
			}
			return nil, fmt.Sprintf("variable %s was %s and is now %s", v.Name, v.display(), n.display())
		}
		mapping[i] = news[k]
	}
	return mapping, ""
}

// awaitDecodes reports whether what an await of layout old gave decodes as
// what the await of layout new gives: the same, or a struct that gained
// fields.
func awaitDecodes(old, new lockLayout) bool {
	if old.Await == new.Await {
		return true
	}
	return gainsFields(lockVar{Type: old.AwaitType, Shape: old.Await, Fields: old.AwaitFields}, lockVar{Type: new.AwaitType, Shape: new.Await, Fields: new.AwaitFields})
}

// display is the variable's type as the job's source spells it.
func (v lockVar) display() string {
	if v.Type == "" {
		return v.Shape
	}
	return v.Type
}

// awaitDisplay is the type of what the await gives, as the job's source
// spells it.
func (l lockLayout) awaitDisplay() string {
	switch {
	case l.AwaitType != "":
		return l.AwaitType
	case l.Await != "":
		return l.Await
	}
	return "nothing"
}

func internalVars(vars []lockVar) []int {
	var out []int
	for i, v := range vars {
		if v.Internal {
			out = append(out, i)
		}
	}
	return out
}

func indexOf(list []int, x int) int {
	for i, v := range list {
		if v == x {
			return i
		}
	}
	return -1
}

// widens reports whether a value stored as shape from decodes, unchanged, as
// shape to: an integer or float type made wider, of the same name if named.
func widens(from, to string) bool {
	fromName, fromBasic := splitNamed(from)
	toName, toBasic := splitNamed(to)
	if fromName != toName {
		return false
	}
	a, aok := numberRank[fromBasic]
	b, bok := numberRank[toBasic]
	if !aok || !bok {
		return false
	}
	switch {
	case a.kind == b.kind:
		return b.bits >= a.bits
	case a.kind == 'u' && b.kind == 'i':
		return b.bits > a.bits
	}
	return false
}

// splitNamed splits `named "p.T" int32` into `"p.T"` and int32.
func splitNamed(shape string) (name, basic string) {
	if !strings.HasPrefix(shape, "named ") {
		return "", shape
	}
	rest := shape[len("named "):]
	q, err := strconv.QuotedPrefix(rest)
	if err != nil {
		return "", shape
	}
	return q, strings.TrimPrefix(rest[len(q):], " ")
}

var numberRank = map[string]struct {
	kind byte
	bits int
}{
	"int8": {'i', 8}, "int16": {'i', 16}, "int32": {'i', 32}, "int64": {'i', 64}, "int": {'i', 64},
	"uint8": {'u', 8}, "uint16": {'u', 16}, "uint32": {'u', 32}, "uint64": {'u', 64}, "uint": {'u', 64},
	"float32": {'f', 32}, "float64": {'f', 64},
}

// lockPath is where the lock of the package of file lives.
func lockPath(file *ast.File, fset *token.FileSet) string {
	return filepath.Join(filepath.Dir(fset.File(file.Pos()).Name()), LockFile)
}
