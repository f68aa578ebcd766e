package transform

import (
	"encoding/json"
	"go/ast"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// lockBase is the job the lock tests change. Its states: start (n),
// Echo.Call (total), Wait.Call (a, total), Echo.Call#2 (a, s, total), done.
const lockBase = `package layout

import (
	"context"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var Echo = fsm.NewActivity("layout.echo", func(_ context.Context, x int) (int, error) { return x, nil })
var Wait = fsm.NewActivity("layout.wait", func(_ context.Context, s string) (string, error) { return s, nil })
var Note = fsm.NewActivity("layout.note", func(_ context.Context, x int) (int, error) { return x, nil })

// Steps awaits three times.
//
//fsmgen:job
func Steps(ctx fsm.Context, n int) (int, error) {
	total := int32(n)
	a, err := fsm.Await(ctx, Echo.Call(n))
	if err != nil {
		return 0, err
	}
	s, err := fsm.Await(ctx, Wait.Call("x"))
	if err != nil {
		return 0, err
	}
	b, err := fsm.Await(ctx, Echo.Call(a))
	return a + b + int(total) + len(s), err
}
`

// lockRun is one run of the generator on a variant of lockBase with a lock.
type lockRun struct {
	out     *Output
	lock    []byte              // the lock it writes
	layouts map[string]string   // by state id
	accepts map[string][]string // by state id: each accepted layout's Vars, as "0,-1"
	ids     []string            // the awaits' ids in state order
}

func runLocked(t *testing.T, src string, lock []byte, update bool) *lockRun {
	t.Helper()
	out, err := Generate(Config{overlay: layoutOverlay(t, src, lock), UpdateLock: update}, "./testdata/layout")
	if err != nil {
		t.Fatal(err)
	}
	r := &lockRun{out: out, layouts: map[string]string{}, accepts: map[string][]string{}}
	for _, f := range out.Files {
		if filepath.Base(f.Path) == LockFile {
			r.lock = f.Content
			continue
		}
		r.readStates(t, f.Content)
	}
	return r
}

// layoutOverlay puts src in place of testdata/layout/layout.go, with lock
// as its package's lock when it is not nil.
func layoutOverlay(t *testing.T, src string, lock []byte) map[string][]byte {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("testdata", "layout", "layout.go"))
	if err != nil {
		t.Fatal(err)
	}
	overlay := map[string][]byte{path: []byte(src)}
	if lock != nil {
		overlay[filepath.Join(filepath.Dir(path), LockFile)] = lock
	}
	return overlay
}

// readStates reads the ID, Layout and Accepts of each StateInfo of a
// generated file.
func (r *lockRun) readStates(t *testing.T, content []byte) {
	t.Helper()
	str := func(e ast.Expr) string {
		s, _ := strconv.Unquote(e.(*ast.BasicLit).Value)
		return s
	}
	eachStateInfo(t, content, func(state string, fields map[string]ast.Expr) {
		id := str(fields["ID"])
		r.layouts[id] = str(fields["Layout"])
		if state != "start" && state != "done" {
			r.ids = append(r.ids, id)
		}
		acc, ok := fields["Accepts"]
		if !ok {
			return
		}
		for _, a := range acc.(*ast.CompositeLit).Elts {
			for _, e := range a.(*ast.CompositeLit).Elts {
				kv := e.(*ast.KeyValueExpr)
				if kv.Key.(*ast.Ident).Name != "Vars" {
					continue
				}
				var ints []string
				for _, n := range kv.Value.(*ast.CompositeLit).Elts {
					switch n := n.(type) {
					case *ast.BasicLit:
						ints = append(ints, n.Value)
					case *ast.UnaryExpr:
						ints = append(ints, n.Op.String()+n.X.(*ast.BasicLit).Value)
					}
				}
				r.accepts[id] = append(r.accepts[id], strings.Join(ints, ","))
			}
		}
	})
}

// diags formats the run's diagnostics as line: message.
func (r *lockRun) diags() []string {
	var out []string
	for _, d := range r.out.Diagnostics {
		out = append(out, strconv.Itoa(d.Pos.Line)+": "+d.Message)
	}
	return out
}

// TestLockCompatible checks the edits a lock lets through, and what the new
// machine accepts of the old states.
func TestLockCompatible(t *testing.T) {
	base := runLocked(t, lockBase, nil, false)
	if len(base.out.Diagnostics) > 0 || base.lock == nil {
		t.Fatalf("base: diagnostics %v, lock %q", base.diags(), base.lock)
	}
	if got, want := strings.Join(base.ids, " "), "Echo.Call Wait.Call Echo.Call#2"; got != want {
		t.Fatalf("ids %q, want %q", got, want)
	}
	cases := []struct {
		name  string
		edits []string
		// accepts are the states that must accept their old layout, with
		// its mapping; every other state must keep its layout.
		accepts map[string]string
		ids     string // the awaits' ids after the edit, when they change
	}{
		{name: "edit between awaits", edits: []string{"total := int32(n)", "total := int32(n) + 1"}},
		{
			name:  "await added above",
			edits: []string{"\ttotal := int32(n)\n", "\ttotal := int32(n)\n\tif _, err := fsm.Await(ctx, Note.Call(1)); err != nil {\n\t\treturn 0, err\n\t}\n"},
			ids:   "Note.Call Echo.Call Wait.Call Echo.Call#2",
		},
		{
			name:    "variable added",
			edits:   []string{"\ttotal := int32(n)\n", "\ttotal := int32(n)\n\textra := n\n", "len(s), err", "len(s) + extra, err"},
			accepts: map[string]string{"Echo.Call": "0", "Wait.Call": "0,2", "Echo.Call#2": "0,2,3"},
		},
		{
			name:    "variable removed",
			edits:   []string{" + int(total)", "", "total := int32(n)", "total := int32(n)\n\t_ = total"},
			accepts: map[string]string{"Echo.Call": "-1", "Wait.Call": "-1,0", "Echo.Call#2": "-1,0,1"},
		},
		{
			name:    "integer widened",
			edits:   []string{"int32(n)", "int64(n)"},
			accepts: map[string]string{"Echo.Call": "0", "Wait.Call": "0,1", "Echo.Call#2": "0,1,2"},
		},
		{
			name:    "rename declared",
			edits:   []string{"//fsmgen:job", "//fsmgen:job\n//fsmgen:rename total sum", "total := int32(n)", "sum := int32(n)", "int(total)", "int(sum)"},
			accepts: map[string]string{"Echo.Call": "0", "Wait.Call": "0,1", "Echo.Call#2": "0,1,2"},
		},
		{
			name:    "rename undeclared is a removal and an addition",
			edits:   []string{"total := int32(n)", "sum := int32(n)", "int(total)", "int(sum)"},
			accepts: map[string]string{"Echo.Call": "-1", "Wait.Call": "-1,1", "Echo.Call#2": "-1,1,2"},
		},
		{
			name: "awaits of one kind pinned",
			edits: []string{
				"\ttotal := int32(n)\n", "\ttotal := int32(n)\n\t//fsmgen:state first\n\tif _, err := fsm.Await(ctx, Echo.Call(0)); err != nil {\n\t\treturn 0, err\n\t}\n",
				"a, err := fsm.Await(ctx, Echo.Call(n))", "a, err := fsm.Await(ctx, Echo.Call(n)) //fsmgen:state Echo.Call",
				"\tb, err := fsm.Await(ctx, Echo.Call(a))", "\t//fsmgen:state Echo.Call#2\n\tb, err := fsm.Await(ctx, Echo.Call(a))",
			},
			ids: "first Echo.Call Wait.Call Echo.Call#2",
			// Pinned ids are no longer counted in the layout; the lock
			// carries the old layouts over.
			accepts: map[string]string{"Echo.Call": "0", "Echo.Call#2": "0,1,2"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runLocked(t, replaceAll(t, lockBase, c.edits...), base.lock, false)
			if len(r.out.Diagnostics) > 0 {
				t.Fatalf("diagnostics: %v", r.diags())
			}
			ids := c.ids
			if ids == "" {
				ids = strings.Join(base.ids, " ")
			}
			if got := strings.Join(r.ids, " "); got != ids {
				t.Errorf("ids %q, want %q", got, ids)
			}
			for id, layout := range base.layouts {
				got, ok := r.layouts[id]
				if !ok {
					continue // removed
				}
				want, accepted := c.accepts[id]
				switch {
				case !accepted && got != layout:
					t.Errorf("state %s changed layout and accepts %v", id, r.accepts[id])
				case accepted && (got == layout || strings.Join(r.accepts[id], " ") != want):
					t.Errorf("state %s accepts %v, want [%s] (layout %s, was %s)", id, r.accepts[id], want, got, layout)
				}
			}
			// Generating again from the lock just written accepts the same
			// layouts: the lock keeps them.
			again := runLocked(t, replaceAll(t, lockBase, c.edits...), r.lock, false)
			if len(again.out.Diagnostics) > 0 || string(again.lock) != string(r.lock) {
				t.Errorf("second run: diagnostics %v, lock changed: %v", again.diags(), string(again.lock) != string(r.lock))
			}
			for id, a := range r.accepts {
				if strings.Join(again.accepts[id], " ") != strings.Join(a, " ") {
					t.Errorf("second run: state %s accepts %v, first run %v", id, again.accepts[id], a)
				}
			}
		})
	}
}

// TestLockBreaking checks that each breaking change is a diagnostic at the
// state it breaks, and that -update-lock accepts it and forgets the old
// layouts.
func TestLockBreaking(t *testing.T) {
	base := runLocked(t, lockBase, nil, false)
	cases := []struct {
		name  string
		edits []string
		want  []string // line: the start of the message, and after a | a part of it
		why   string   // in each message, when set
		// relaid are states whose layout must change, so that no
		// checkpoint of theirs is placed in them once the change is
		// accepted.
		relaid []string
	}{
		{
			name:  "type changed",
			edits: []string{"total := int32(n)", "total := []int{n}", "int(total)", "len(total)"},
			want: []string{
				"18: job Steps: checkpoints stored at state Echo.Call by an earlier build",
				"22: job Steps: checkpoints stored at state Wait.Call by an earlier build",
				"26: job Steps: checkpoints stored at state Echo.Call#2 by an earlier build",
			},
			why: "variable total was int32 and is now []int",
		},
		{
			name:  "narrowed",
			edits: []string{"int32(n)", "int8(n)"},
			want:  []string{"18: ", "22: ", "26: "},
			why:   "variable total was int32 and is now int8",
		},
		{
			name:  "await gives another type",
			edits: []string{`func(_ context.Context, s string) (string, error) { return s, nil }`, `func(_ context.Context, s string) (int, error) { return len(s), nil }`, "len(s), err", "s, err"},
			want:  []string{"22: job Steps: checkpoints stored at state Wait.Call|what the await gives changed from string to int", "26: job Steps: checkpoints stored at state Echo.Call#2|variable s was string and is now int"},
		},
		{
			name:  "state removed",
			edits: []string{"\ts, err := fsm.Await(ctx, Wait.Call(\"x\"))\n", "\ts := \"x\"\n"},
			want:  []string{"16: job Steps no longer has state Wait.Call (the await at layout.go:22:12"},
		},
		{
			name:  "awaits of one kind added",
			edits: []string{"\ttotal := int32(n)\n", "\ttotal := int32(n)\n\tif _, err := fsm.Await(ctx, Echo.Call(0)); err != nil {\n\t\treturn 0, err\n\t}\n"},
			want: []string{
				"18: job Steps awaits Echo.Call 3 times where fsmgen.lock records 2",
				"21: job Steps awaits Echo.Call 3 times",
				"29: job Steps awaits Echo.Call 3 times",
			},
			relaid: []string{"Echo.Call", "Echo.Call#2"},
		},
		{
			name:  "job removed",
			edits: []string{"func Steps(", "func Steps2("},
			want:  []string{"1: job github.com/fsmgen/fsmgen/transform/testdata/layout.Steps is in fsmgen.lock but no longer in the package"},
		},
		{
			name:  "loop around an await",
			edits: []string{"\ts, err := fsm.Await(ctx, Wait.Call(\"x\"))\n\tif err != nil {\n\t\treturn 0, err\n\t}\n", "\tvar s string\n\tfor range 2 {\n\t\ts, err = fsm.Await(ctx, Wait.Call(\"x\"))\n\t\tif err != nil {\n\t\t\treturn 0, err\n\t\t}\n\t}\n"},
			want:  []string{"24: job Steps: checkpoints stored at state Wait.Call by an earlier build"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := replaceAll(t, lockBase, c.edits...)
			r := runLocked(t, src, base.lock, false)
			got := r.diags()
			if len(got) != len(c.want) {
				t.Fatalf("diagnostics %q, want %d like %q", got, len(c.want), c.want)
			}
			for i, w := range c.want {
				w, why, _ := strings.Cut(w, "|")
				if !strings.Contains(got[i], why) {
					t.Errorf("diagnostic %q does not say %q", got[i], why)
				}
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("diagnostic %q, want it to start %q", got[i], w)
				}
				if !strings.Contains(got[i], c.why) {
					t.Errorf("diagnostic %q does not say %q", got[i], c.why)
				}
				if !strings.Contains(got[i], "fsmgen -update-lock") {
					t.Errorf("diagnostic %q does not say how to accept the change", got[i])
				}
			}
			if len(r.out.Files) != 0 {
				t.Errorf("a package with a breaking change got %d files", len(r.out.Files))
			}
			// -update-lock accepts the change: no diagnostics, the same
			// changes reported as forgotten, and a lock that no longer
			// accepts the old layouts.
			u := runLocked(t, src, base.lock, true)
			if len(u.out.Diagnostics) > 0 || len(u.out.Forgotten) != len(c.want) || u.lock == nil {
				t.Fatalf("-update-lock: diagnostics %v, %d forgotten", u.diags(), len(u.out.Forgotten))
			}
			if len(u.accepts) > 0 {
				t.Errorf("-update-lock: states accept %v", u.accepts)
			}
			for _, id := range c.relaid {
				if u.layouts[id] == base.layouts[id] {
					t.Errorf("state %s kept its layout %s: checkpoints of the await it was would resume at it", id, u.layouts[id])
				}
			}
			fresh := runLocked(t, src, nil, false)
			if string(fresh.lock) != string(u.lock) {
				t.Errorf("the updated lock differs from a new one:\n%s\nwant\n%s", u.lock, fresh.lock)
			}
			again := runLocked(t, src, u.lock, false)
			if len(again.out.Diagnostics) > 0 {
				t.Errorf("after -update-lock: %v", again.diags())
			}
		})
	}
}

// TestLockFileErrors checks the diagnostics of locks fsmgen cannot read and
// of misplaced directives.
func TestLockFileErrors(t *testing.T) {
	base := runLocked(t, lockBase, nil, false)
	var lf map[string]any
	if err := json.Unmarshal(base.lock, &lf); err != nil {
		t.Fatal(err)
	}
	lf["version"] = 99
	newer, _ := json.Marshal(lf)
	for _, c := range []struct {
		name string
		src  string
		lock string
		want string
	}{
		{"not JSON", lockBase, "{", "1: fsmgen.lock not a lock fsmgen can read"},
		{"unknown field", lockBase, `{"version": 1, "jobz": []}`, "1: fsmgen.lock not a lock fsmgen can read"},
		{"newer", lockBase, string(newer), "1: fsmgen.lock written by a newer fsmgen (lock version 99"},
		{"misplaced state", replaceAll(t, lockBase, "\ttotal := int32(n)\n", "\t//fsmgen:state nowhere\n\n\ttotal := int32(n)\n"), "", "17: //fsmgen:state must be on the line of an await"},
		{"reserved state", replaceAll(t, lockBase, "a, err := fsm.Await(ctx, Echo.Call(n))", "a, err := fsm.Await(ctx, Echo.Call(n)) //fsmgen:state done"), "", `18: state name "done" is reserved`},
		{"state taken", replaceAll(t, lockBase, "a, err := fsm.Await(ctx, Echo.Call(n))", "a, err := fsm.Await(ctx, Echo.Call(n)) //fsmgen:state Wait.Call"), "", `18: state name "Wait.Call" is also the id fsmgen gives the await at layout.go:22:12`},
		{"bad rename", replaceAll(t, lockBase, "//fsmgen:job", "//fsmgen:job\n//fsmgen:rename total"), string(base.lock), "16: //fsmgen:rename takes the old name and the new name"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var lock []byte
			if c.lock != "" {
				lock = []byte(c.lock)
			}
			r := runLocked(t, c.src, lock, false)
			got := r.diags()
			if len(got) != 1 || !strings.HasPrefix(got[0], c.want) {
				t.Errorf("diagnostics %q, want one starting %q", got, c.want)
			}
		})
	}
}

// TestLockAllJobsRemoved checks a package whose last job is gone: its lock's
// jobs are breaking changes, and -update-lock makes the lock stale.
func TestLockAllJobsRemoved(t *testing.T) {
	base := runLocked(t, lockBase, nil, false)
	src := replaceAll(t, lockBase, "//fsmgen:job\n", "")
	r := runLocked(t, src, base.lock, false)
	if got := r.diags(); len(got) != 1 || !strings.HasPrefix(got[0], "1: job github.com/fsmgen/fsmgen/transform/testdata/layout.Steps is in fsmgen.lock but no longer in the package") {
		t.Errorf("diagnostics %q", got)
	}
	u := runLocked(t, src, base.lock, true)
	if len(u.out.Diagnostics) > 0 || len(u.out.Forgotten) != 1 || len(u.out.Stale) != 1 || filepath.Base(u.out.Stale[0]) != LockFile {
		t.Errorf("-update-lock: diagnostics %v, forgotten %v, stale %v", u.diags(), u.out.Forgotten, u.out.Stale)
	}
	if none := runLocked(t, src, nil, false); len(none.out.Diagnostics) > 0 || len(none.out.Stale) > 0 {
		t.Errorf("no lock: diagnostics %v, stale %v", none.diags(), none.out.Stale)
	}
}

// TestLockStructGainsFields checks that a struct type a state stores may gain
// fields (stored as a map, the old checkpoints decode with them zero), and
// that losing or changing one breaks.
func TestLockStructGainsFields(t *testing.T) {
	withItem := []string{
		"\ttotal := int32(n)\n", "\ttotal := int32(n)\n\tit := Item{ID: n}\n",
		"len(s), err", "len(s) + it.ID, err",
	}
	src := replaceAll(t, lockBase, withItem...) + "\ntype Item struct {\n\tID int\n}\n"
	base := runLocked(t, src, nil, false)
	if !strings.Contains(string(base.lock), `"fields":[{"key":"ID","shape":"int"}]`) {
		t.Fatalf("the lock does not list Item's fields:\n%s", base.lock)
	}
	for _, c := range []struct {
		name, item string
		why        string // "" when compatible
	}{
		{"field added", "\tID   int\n\tName string `cbor:\"name\"`\n", ""},
		{"field added before", "\tTags []string\n\tID   int\n", ""},
		{"field removed", "\tName string\n", "what variable it's type Item stores changed (of a struct, only fields added are compatible)"},
		{"field retyped", "\tID int64\n", "what variable it's type Item stores changed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			edits := withItem
			if c.name == "field removed" {
				edits = append(append([]string(nil), withItem...), "Item{ID: n}", "Item{Name: \"x\"}", "+ it.ID", "+ len(it.Name)")
			}
			if c.name == "field retyped" {
				edits = append(append([]string(nil), withItem...), "Item{ID: n}", "Item{ID: int64(n)}", "+ it.ID", "+ int(it.ID)")
			}
			v := replaceAll(t, lockBase, edits...) + "\ntype Item struct {\n" + c.item + "}\n"
			r := runLocked(t, v, base.lock, false)
			if c.why == "" {
				if len(r.out.Diagnostics) > 0 {
					t.Fatalf("diagnostics: %v", r.diags())
				}
				for _, id := range []string{"Echo.Call", "Wait.Call", "Echo.Call#2"} {
					if r.layouts[id] == base.layouts[id] || len(r.accepts[id]) != 1 {
						t.Errorf("state %s: layout %s (was %s), accepts %v; want the old layout accepted", id, r.layouts[id], base.layouts[id], r.accepts[id])
					}
				}
				return
			}
			if d := r.diags(); len(d) != 3 || !strings.Contains(d[0], c.why) {
				t.Errorf("diagnostics %q, want three saying %q", d, c.why)
			}
		})
	}
}

// TestLockAwaitGainsFields checks that what an await gives may be a struct
// that gains fields: the pending operation's outcome still decodes.
func TestLockAwaitGainsFields(t *testing.T) {
	withRes := []string{
		`func(_ context.Context, s string) (string, error) { return s, nil }`, `func(_ context.Context, s string) (Res, error) { return Res{S: s}, nil }`,
		"len(s), err", "len(s.S), err",
	}
	variant := func(fields string) string {
		return replaceAll(t, lockBase, withRes...) + "\ntype Res struct {\n" + fields + "}\n"
	}
	base := runLocked(t, variant("\tS string\n"), nil, false)
	r := runLocked(t, variant("\tS string\n\tN int\n"), base.lock, false)
	if len(r.out.Diagnostics) > 0 {
		t.Fatalf("a field added: %v", r.diags())
	}
	for _, id := range []string{"Wait.Call", "Echo.Call#2"} {
		if r.layouts[id] == base.layouts[id] || len(r.accepts[id]) != 1 {
			t.Errorf("state %s: accepts %v, want its old layout", id, r.accepts[id])
		}
	}
	if r.layouts["Echo.Call"] != base.layouts["Echo.Call"] {
		t.Error("Echo.Call changed layout")
	}
	bad := runLocked(t, variant("\tS string `cbor:\"text\"`\n"), base.lock, false)
	if d := bad.diags(); len(d) != 2 || !strings.Contains(d[0], "22: job Steps: checkpoints stored at state Wait.Call by an earlier build") || !strings.Contains(d[0], "what the await gives, Res, changed in what it stores") {
		t.Errorf("a field retyped: %q", d)
	}
}
