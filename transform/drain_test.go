package transform

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// drainRun runs the generator on lockBase's package with src as layout.go,
// extra files beside it, and lock.
func drainRun(t *testing.T, src string, extra map[string]string, lock []byte, cfg Config) *Output {
	t.Helper()
	cfg.overlay = layoutOverlay(t, src, lock)
	dir, err := filepath.Abs(filepath.Join("testdata", "layout"))
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range extra {
		cfg.overlay[filepath.Join(dir, name)] = []byte(content)
	}
	out, err := Generate(cfg, "./testdata/layout")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func fileNamed(files []File, name string) string {
	for _, f := range files {
		if filepath.Base(f.Path) == name {
			return string(f.Content)
		}
	}
	return ""
}

// TestDrain checks what -drain keeps of a job whose change breaks its
// states, what the lock then records, and the machines generated with the
// kept version: its own layouts, accepting the ones it had, as version 1
// beside version 2.
func TestDrain(t *testing.T) {
	base := runLocked(t, lockBase, nil, false)
	src := replaceAll(t, lockBase, typeChanged...)
	out := drainRun(t, src, nil, base.lock, Config{Drain: true})
	if len(out.Diagnostics) > 0 || len(out.New) != 1 || len(out.Files) != 1 {
		t.Fatalf("-drain: diagnostics %v, %d kept, %d files", out.Diagnostics, len(out.New), len(out.Files))
	}
	kept := out.New[0]
	if filepath.Base(kept.Path) != "drain_steps_v1.go" {
		t.Errorf("kept as %s", kept.Path)
	}
	for _, want := range []string{
		"// Version 1 of job Steps, as fsmgen.lock recorded it",
		"-update-lock.\n\npackage layout\n\nimport (\n\tfsm \"github.com/fsmgen/fsmgen/runtime\"\n)\n",
		"// stepsV1 is version 1 of job Steps, kept to finish the jobs paused on it.\n//\n//fsmgen:job\n//fsmgen:drain Steps 1\nfunc stepsV1(ctx fsm.Context, n int) (int, error) {\n\ttotal := int32(n)\n",
	} {
		if !strings.Contains(string(kept.Content), want) {
			t.Errorf("the kept version lacks %q:\n%s", want, kept.Content)
		}
	}
	var lf lockFile
	if err := json.Unmarshal(out.Files[0].Content, &lf); err != nil {
		t.Fatal(err)
	}
	if len(lf.Jobs) != 2 || lf.Jobs[0].Drained != true || lf.Jobs[0].Version != 1 || lf.Jobs[0].Source != "" || lf.Jobs[1].Version != 2 || lf.Jobs[1].Drained {
		t.Fatalf("lock jobs: %+v", lf.Jobs)
	}
	for i, s := range lf.Jobs[0].States {
		if s.Layout != base.layouts[s.ID] {
			t.Errorf("kept state %d (%s): layout %s, want the one it had, %s", i, s.ID, s.Layout, base.layouts[s.ID])
		}
	}

	// The next run generates both versions.
	extra := map[string]string{"drain_steps_v1.go": string(kept.Content)}
	gen := drainRun(t, src, extra, out.Files[0].Content, Config{})
	if len(gen.Diagnostics) > 0 {
		t.Fatalf("generating with the kept version: %v", gen.Diagnostics)
	}
	machine := fileNamed(gen.Files, "drain_steps_v1_fsm.go")
	for _, want := range []string{"Drained: true,", "Version: 1,", "Func:    stepsV1,", `Name:    "github.com/fsmgen/fsmgen/transform/testdata/layout.Steps",`} {
		if !strings.Contains(machine, want) {
			t.Errorf("the kept version's machine lacks %q", want)
		}
	}
	if strings.Contains(machine, "fsm.NewJob(") {
		t.Error("the kept version has a handle: it must not start jobs")
	}
	// Each state has a layout of its own and accepts the one it had.
	for id, layout := range base.layouts {
		own := drainedLayout(layout, 1)
		re := regexp.MustCompile(`ID:\s+"` + regexp.QuoteMeta(id) + `",\s+Layout:\s+"` + own + `",`)
		if !re.MatchString(machine) || !strings.Contains(machine, `Layout: "`+layout+`",`) {
			t.Errorf("state %s: want layout %s accepting %s", id, own, layout)
		}
	}
	if current := fileNamed(gen.Files, "layout_fsm.go"); !strings.Contains(current, "Version: 2,") {
		t.Error("the current version is not version 2")
	}
	again := drainRun(t, src, extra, []byte(fileNamed(gen.Files, LockFile)), Config{})
	if len(again.Diagnostics) > 0 || fileNamed(again.Files, LockFile) != fileNamed(gen.Files, LockFile) {
		t.Errorf("a third run: %v, or a changed lock", again.Diagnostics)
	}

	// A kept version changed so that it no longer stores what it stored
	// is refused like any breaking change, at its awaits, and -drain
	// cannot keep it again.
	broken := replaceAll(t, string(kept.Content), typeChanged...)
	for _, cfg := range []Config{{}, {Drain: true}} {
		bad := drainRun(t, src, map[string]string{"drain_steps_v1.go": broken}, out.Files[0].Content, cfg)
		if len(bad.Diagnostics) != 3 {
			t.Errorf("a broken kept version (%+v): %v, want its three awaits", cfg, bad.Diagnostics)
		}
		for _, d := range bad.Diagnostics {
			if filepath.Base(d.Pos.Filename) != "drain_steps_v1.go" || !strings.Contains(d.Message, "variable total was int32 and is now []int") {
				t.Errorf("a broken kept version: %s", d)
			}
		}
	}
}

// TestDrainMistakes checks the cases -drain cannot keep a version, and
// mistakes in drain directives.
func TestDrainMistakes(t *testing.T) {
	base := runLocked(t, lockBase, nil, false)
	src := replaceAll(t, lockBase, typeChanged...)
	noSource := regexp.MustCompile(`(?m)^      "source": .*\n`).ReplaceAll(base.lock, nil)
	cases := []struct {
		name  string
		src   string
		extra string // drain_x.go
		lock  []byte
		cfg   Config
		want  string
	}{
		{name: "no source", src: src, lock: noSource, cfg: Config{Drain: true}, want: "16: job Steps: fsmgen.lock holds no source of the job's version 1"},
		{name: "name taken", src: src + "\nfunc stepsV1() {}\n", lock: base.lock, cfg: Config{Drain: true}, want: "16: job Steps: fsmgen -drain would declare version 1 of the job as stepsV1, which the package has"},
		{name: "job removed", src: strings.Replace(lockBase, "func Steps(", "func Steps2(", 1), lock: base.lock, cfg: Config{Drain: true}, want: "1: job github.com/fsmgen/fsmgen/transform/testdata/layout.Steps is in fsmgen.lock but no longer in the package"},
		{name: "directive form", src: lockBase, extra: "package layout\n\nimport fsm \"github.com/fsmgen/fsmgen/runtime\"\n\n//fsmgen:job\n//fsmgen:drain Steps\nfunc old(ctx fsm.Context) error { return nil }\n", lock: base.lock, want: "6: //fsmgen:drain takes the job this is a version of and the version"},
		{name: "version not kept", src: lockBase, extra: "package layout\n\nimport fsm \"github.com/fsmgen/fsmgen/runtime\"\n\n//fsmgen:job\n//fsmgen:drain Steps 4\nfunc old(ctx fsm.Context) error { return nil }\n", lock: base.lock, cfg: Config{UpdateLock: true}, want: "7: fsmgen.lock records no version 4 of job Steps"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var extra map[string]string
			if c.extra != "" {
				extra = map[string]string{"drain_x.go": c.extra}
			}
			out := drainRun(t, c.src, extra, c.lock, c.cfg)
			var got []string
			for _, d := range out.Diagnostics {
				got = append(got, strings.TrimPrefix(d.String(), d.Pos.Filename+":"))
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], strings.SplitN(c.want, ":", 2)[0]+":") || !strings.Contains(got[0], strings.SplitN(c.want, ": ", 2)[1]) {
				t.Errorf("diagnostics %q, want one at line %s", got, c.want)
			}
			if len(out.New) != 0 || len(out.Files) != 0 {
				t.Error("a refused run wrote files")
			}
		})
	}

	// A method job keeps no source: it cannot be drained.
	method := "\ntype R struct{}\n\n//fsmgen:job\nfunc (R) M(ctx fsm.Context, n int) (int, error) {\n\tx := int32(n)\n\tv, err := fsm.Await(ctx, Echo.Call(n))\n\treturn v + int(x), err\n}\n"
	withMethod := runLocked(t, lockBase+method, nil, false)
	changed := lockBase + replaceAll(t, method, "int32(n)", "[]int{n}", "int(x)", "len(x)")
	out := drainRun(t, changed, nil, withMethod.lock, Config{Drain: true})
	line := lineOf(changed, "func (R) M")
	if len(out.Diagnostics) != 1 || out.Diagnostics[0].Pos.Line != line || !strings.Contains(out.Diagnostics[0].Message, "job M: a method job cannot be drained") {
		t.Errorf("draining a method job: %v, want one at line %d", out.Diagnostics, line)
	}
}

// TestDrainAfterMigration checks that a job whose state takes a layout
// through a migration can be drained later: the migration stays with the
// job, and the kept version does not ask for it.
func TestDrainAfterMigration(t *testing.T) {
	base := runLocked(t, lockBase, nil, false)
	migrated := replaceAll(t, lockBase, typeChanged...) +
		migrationOf("Steps "+base.layouts["Echo.Call"]+" Echo.Call", "total int32", "total []int")
	m := runLocked(t, migrated, base.lock, true)
	if len(m.out.Diagnostics) > 0 || !strings.Contains(string(m.lock), `"migrate":"migrateE"`) {
		t.Fatalf("migrating: %v", m.out.Diagnostics)
	}
	// Then Wait.Call goes: drain.
	src := replaceAll(t, migrated, "\ts, err := fsm.Await(ctx, Wait.Call(\"x\"))\n", "\ts := \"x\"\n")
	out := drainRun(t, src, nil, m.lock, Config{Drain: true})
	if len(out.Diagnostics) > 0 || len(out.New) != 1 {
		t.Fatalf("-drain: %v", out.Diagnostics)
	}
	if !strings.Contains(fileNamed(out.Files, LockFile), `"migrate":"migrateE"`) {
		t.Error("the job lost its migration")
	}
	gen := drainRun(t, src, map[string]string{"drain_steps_v1.go": string(out.New[0].Content)}, out.Files[0].Content, Config{})
	if len(gen.Diagnostics) > 0 {
		t.Errorf("generating with the kept version: %v", gen.Diagnostics)
	}
}
