// Package upgrade tests that jobs paused by one build of a program resume
// in a later build of changed code as the layout lock promises: a compatible
// change resumes them with their variables carried over, a breaking one is
// refused by fsmgen until accepted, and then leaves them needing attention,
// never lost.
//
// Each test writes a program into testdata/run-*, generates and builds it
// with one version of its job (testdata/v*.go.txt), starts jobs and leaves
// them paused at different awaits in a SQLite store, then changes the job,
// regenerates against the lock the first run wrote, builds again and
// finishes the jobs.
package upgrade

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

var fsmgenBin struct {
	once sync.Once
	path string
	err  error
}

// fsmgen builds the generator once per test binary.
func fsmgen(t *testing.T) string {
	t.Helper()
	fsmgenBin.once.Do(func() {
		dir, err := os.MkdirTemp("", "fsmgen-upgrade-")
		if err != nil {
			fsmgenBin.err = err
			return
		}
		fsmgenBin.path = filepath.Join(dir, "fsmgen")
		out, err := exec.Command("go", "build", "-o", fsmgenBin.path, "../../cmd/fsmgen").CombinedOutput()
		if err != nil {
			fsmgenBin.err = &buildError{err, out}
		}
	})
	if fsmgenBin.err != nil {
		t.Fatal(fsmgenBin.err)
	}
	return fsmgenBin.path
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return e.err.Error() + ": " + string(e.out) }

// app is a program being upgraded.
type app struct {
	t   *testing.T
	dir string // its package, under testdata
	db  string
}

func newApp(t *testing.T, version string) *app {
	t.Helper()
	dir, err := os.MkdirTemp("testdata", "run-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	a := &app{t: t, dir: dir, db: filepath.Join(t.TempDir(), "jobs.db")}
	a.copy("main.go.txt", "main.go")
	a.copy(version+".go.txt", "jobs.go")
	return a
}

func (a *app) copy(from, to string) {
	a.t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", from))
	if err != nil {
		a.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(a.dir, to), b, 0o644); err != nil {
		a.t.Fatal(err)
	}
}

// generate runs fsmgen on the program with args, and returns its exit status
// and standard error.
func (a *app) generate(args ...string) (int, string) {
	a.t.Helper()
	cmd := exec.Command(fsmgen(a.t), append(args, ".")...)
	cmd.Dir = a.dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), stderr.String()
	}
	if err != nil {
		a.t.Fatal(err)
	}
	return 0, stderr.String()
}

// build generates the program, which must succeed, and builds it.
func (a *app) build() string {
	a.t.Helper()
	if code, stderr := a.generate(); code != 0 {
		a.t.Fatalf("fsmgen: exit %d\n%s", code, stderr)
	}
	bin := filepath.Join(a.t.TempDir(), "app")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = a.dir
	if out, err := cmd.CombinedOutput(); err != nil {
		a.t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs a build of the program on the store and decodes what it prints.
func (a *app) run(bin string, out any, args ...string) {
	a.t.Helper()
	cmd := exec.Command(bin, append([]string{args[0], a.db}, args[1:]...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		a.t.Fatalf("app %s: %v\n%s", args[0], err, stderr.String())
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		a.t.Fatalf("app %s printed %q: %v", args[0], stdout, err)
	}
}

// jobs runs fsmgen jobs on the program's store and decodes its JSON.
func (a *app) jobs(out any, args ...string) {
	a.t.Helper()
	cmd := exec.Command(fsmgen(a.t), append(append([]string{"jobs"}, args...), "--db", a.db)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		a.t.Fatalf("fsmgen jobs %v: %v\n%s", args, err, stderr.String())
	}
	if err := json.Unmarshal(stdout, out); err != nil {
		a.t.Fatalf("fsmgen jobs %v printed %q: %v", args, stdout, err)
	}
}

// start runs v1: j1 stops at Go1, j2 at Go2.
func (a *app) start() []string {
	a.t.Helper()
	bin := a.build()
	var ids []string
	a.run(bin, &ids, "start")
	if len(ids) != 2 {
		a.t.Fatalf("start gave %v", ids)
	}
	return ids
}

// TestCompatibleChange resumes jobs paused by v1 in v2, which adds an await
// above theirs, adds a variable, and widens and renames another.
func TestCompatibleChange(t *testing.T) {
	a := newApp(t, "v1")
	ids := a.start()
	a.copy("v2.go.txt", "jobs.go")
	if code, stderr := a.generate("-check"); code != 1 || !strings.Contains(stderr, "layout lock is stale") || strings.Contains(stderr, "jobs.go:") {
		t.Errorf("-check after a compatible change: exit %d, want 1 for the stale files only\n%s", code, stderr)
	}
	bin := a.build()
	var got map[string]string
	a.run(bin, &got, append([]string{"finish"}, ids...)...)
	want := map[string]string{
		// Paused at Go1 with total 1: sum carries it, widened; extra and
		// noted were not stored by v1 and start at zero.
		"j1": "v2 a=1 sum=41 y=5 extra=0 noted=0",
		// Paused at Go2 with total 2+10.
		"j2": "v2 a=2 sum=12 y=5 extra=0 noted=0",
		// Started by v2.
		"j3": "v2 a=3 sum=63 y=5 extra=300 noted=3",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results\n got %v\nwant %v", got, want)
	}
	if code, stderr := a.generate("-check"); code != 0 {
		t.Errorf("-check after generating: exit %d\n%s", code, stderr)
	}
}

// TestBreakingChange changes the type of a variable stored at both awaits
// the jobs are paused at: fsmgen refuses it at those awaits, -update-lock
// accepts it, and the paused jobs then need attention while new ones run.
func TestBreakingChange(t *testing.T) {
	a := newApp(t, "v1")
	ids := a.start()
	lock, err := os.ReadFile(filepath.Join(a.dir, "fsmgen.lock"))
	if err != nil {
		t.Fatal(err)
	}
	a.copy("v3.go.txt", "jobs.go")
	for _, args := range [][]string{{"-check"}, nil} {
		code, stderr := a.generate(args...)
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
			if strings.HasPrefix(l, "jobs.go:") {
				at, _, _ := strings.Cut(l, " job Steps")
				lines = append(lines, at)
			}
		}
		// The three awaits after total's declaration store it.
		if want := "jobs.go:23:12: jobs.go:27:12: jobs.go:32:12:"; code != 1 || strings.Join(lines, " ") != want || !strings.Contains(stderr, "variable total was int32 and is now string") {
			t.Errorf("fsmgen %v: exit %d, diagnostics at %q, want 1 at %q\n%s", args, code, lines, want, stderr)
		}
	}
	if after, _ := os.ReadFile(filepath.Join(a.dir, "fsmgen.lock")); !bytes.Equal(after, lock) {
		t.Error("a refused run changed the lock")
	}
	if code, stderr := a.generate("-update-lock"); code != 0 || strings.Count(stderr, ": accepted: ") != 3 {
		t.Errorf("-update-lock: exit %d, want 0 and three accepted changes\n%s", code, stderr)
	}
	bin := a.build()
	var got map[string]string
	a.run(bin, &got, append([]string{"finish"}, ids...)...)
	for _, k := range []string{"j1", "j2"} {
		if !strings.HasPrefix(got[k], "attention: ") || !strings.Contains(got[k], "layout") {
			t.Errorf("%s: %q, want it to need attention for its layout", k, got[k])
		}
	}
	if want := "v3 a=3 total=3+30 y=5"; got["j3"] != want {
		t.Errorf("j3: %q, want %q", got["j3"], want)
	}
}

// TestMigratedChange makes the breaking change of TestBreakingChange and
// migrates the paused jobs instead: fsmgen -migrate writes a migration for
// each stranded layout, which does not build until its conversion is
// written; once it is, the paused jobs finish with their values converted.
func TestMigratedChange(t *testing.T) {
	a := newApp(t, "v1")
	ids := a.start()
	machine, err := os.ReadFile(filepath.Join(a.dir, "jobs_fsm.go"))
	if err != nil {
		t.Fatal(err)
	}
	a.copy("v3.go.txt", "jobs.go")
	code, stderr := a.generate("-migrate")
	if code != 0 || strings.Count(stderr, "wrote a migration to finish") != 3 {
		t.Fatalf("-migrate: exit %d, want 0 and three migrations\n%s", code, stderr)
	}
	files, err := filepath.Glob(filepath.Join(a.dir, "migrate_*.go"))
	if err != nil || len(files) != 3 {
		t.Fatalf("migration files %v, %v", files, err)
	}
	if after, _ := os.ReadFile(filepath.Join(a.dir, "jobs_fsm.go")); !bytes.Equal(after, machine) {
		t.Error("-migrate generated the machine")
	}
	// Unfinished, a migration is an error at its conversion.
	cmd := exec.Command("go", "vet", ".")
	cmd.Dir = a.dir
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "cannot use old.total (variable of type int32) as string value") {
		t.Errorf("unfinished migrations: %v, want a type error at the conversion\n%s", err, out)
	}
	const todo = "total: old.total, // TODO: was int32 and is string: convert it"
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		if !strings.Contains(src, todo) || !strings.Contains(src, " old.a,") && !strings.Contains(src, "Echo") {
			t.Errorf("%s does not copy a and mark total:\n%s", f, src)
		}
		src = strings.Replace(src, todo, "total: strconv.Itoa(int(old.total)),", 1)
		src = strings.Replace(src, "package main\n", "package main\n\nimport \"strconv\"\n", 1)
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, stderr := a.generate("-migrate"); code != 0 || stderr != "" {
		t.Errorf("-migrate with the migrations written: exit %d, want 0 and nothing to do\n%s", code, stderr)
	}
	bin := a.build()
	if code, stderr := a.generate("-check"); code != 0 {
		t.Errorf("-check after generating: exit %d\n%s", code, stderr)
	}
	lock, err := os.ReadFile(filepath.Join(a.dir, "fsmgen.lock"))
	if err != nil || strings.Count(string(lock), `"migrate":"migrateStepsGo`) != 2 {
		t.Errorf("the lock does not record the migrations:\n%s", lock)
	}
	var got map[string]string
	a.run(bin, &got, append([]string{"finish"}, ids...)...)
	want := map[string]string{
		"j1": "v3 a=1 total=1+20 y=5", // paused at Go1 with total 1
		"j2": "v3 a=2 total=12 y=5",   // paused at Go2 with total 2+10
		"j3": "v3 a=3 total=3+30 y=5", // started by v3
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results\n got %v\nwant %v", got, want)
	}

	// A migration that goes is a breaking change again.
	if err := os.Remove(files[0]); err != nil {
		t.Fatal(err)
	}
	if code, stderr := a.generate("-check"); code != 1 || !strings.Contains(stderr, "which is gone") {
		t.Errorf("-check without a migration: exit %d, want 1 and the migration named\n%s", code, stderr)
	}
}

// TestDrainedChange makes the breaking change of TestBreakingChange and
// drains the paused jobs instead: fsmgen -drain keeps v1 of the job from the
// lock, the paused jobs finish on it, new ones start on v3, and once the
// kept version is deleted, fsmgen refuses until -update-lock.
func TestDrainedChange(t *testing.T) {
	a := newApp(t, "v1")
	ids := a.start()
	a.copy("v3.go.txt", "jobs.go")
	code, stderr := a.generate("-drain")
	if code != 0 || !strings.Contains(stderr, "drain_steps_v1.go: kept the earlier version") {
		t.Fatalf("-drain: exit %d, want 0 and v1 kept\n%s", code, stderr)
	}
	kept, err := os.ReadFile(filepath.Join(a.dir, "drain_steps_v1.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"//fsmgen:job\n//fsmgen:drain Steps 1\nfunc stepsV1(ctx fsm.Context, n int) (string, error) {", `return fmt.Sprintf("v1 a=%d total=%d y=%d", a, total, y), nil`} {
		if !strings.Contains(string(kept), want) {
			t.Errorf("the kept version lacks %q:\n%s", want, kept)
		}
	}
	if code, stderr := a.generate("-check"); code != 0 {
		t.Errorf("-check after -drain: exit %d\n%s", code, stderr)
	}
	bin := a.build()
	var got map[string]string
	a.run(bin, &got, append([]string{"finish"}, ids...)...)
	want := map[string]string{
		"j1": "v1 a=1 total=21 y=5",   // paused at Go1 with total 1, finished on v1
		"j2": "v1 a=2 total=12 y=5",   // paused at Go2 with total 2+10
		"j3": "v3 a=3 total=3+30 y=5", // started by v3
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results\n got %v\nwant %v", got, want)
	}

	// Which version each job ran, and that v1 has no job left.
	var listed []struct {
		Name    string
		Version int
	}
	a.jobs(&listed, "list", "--json")
	var versions []int
	for _, l := range listed {
		versions = append(versions, l.Version)
	}
	if want := []int{1, 1, 2}; len(listed) != 3 || !reflect.DeepEqual(versions, want) {
		t.Fatalf("jobs list: versions %v, want %v", versions, want)
	}
	var rows []struct {
		Version int
		Kind    string
		Jobs    int `json:"unfinished_jobs"`
		Note    string
	}
	a.jobs(&rows, "versions", listed[0].Name, "--json")
	if len(rows) != 2 || rows[0].Version != 2 || rows[0].Kind != "current" || rows[1].Version != 1 || rows[1].Kind != "drained" || rows[1].Jobs != 0 || !strings.Contains(rows[1].Note, "delete drain_steps_v1.go") {
		t.Errorf("jobs versions: %+v, want v2 current and v1 drained with no job left", rows)
	}

	// Dropping the kept version is a change the lock watches.
	if err := os.Remove(filepath.Join(a.dir, "drain_steps_v1.go")); err != nil {
		t.Fatal(err)
	}
	if code, stderr := a.generate(); code != 1 || !strings.Contains(stderr, "version 1 of job") {
		t.Errorf("without the kept version: exit %d, want 1 naming it\n%s", code, stderr)
	}
	if code, stderr := a.generate("-update-lock"); code != 0 {
		t.Errorf("-update-lock: exit %d\n%s", code, stderr)
	}
	if lock, _ := os.ReadFile(filepath.Join(a.dir, "fsmgen.lock")); strings.Contains(string(lock), `"drained"`) || !strings.Contains(string(lock), `"version": 2`) {
		t.Errorf("the lock still keeps v1, or forgot the version:\n%s", lock)
	}
}
