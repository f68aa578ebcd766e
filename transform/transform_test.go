package transform

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestDiagnostics checks that every line of testdata/refused marked with a
// `// want` comment gets a diagnostic matching it, and no other line gets one.
func TestDiagnostics(t *testing.T) {
	out, err := Generate(Config{}, "./testdata/refused")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Files) != 0 {
		t.Errorf("a package with diagnostics got %d files", len(out.Files))
	}
	src, err := os.ReadFile("testdata/refused/refused.go")
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]*regexp.Regexp{}
	wantRE := regexp.MustCompile("// want `([^`]*)`")
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantRE.FindStringSubmatch(line); m != nil {
			want[i+1] = regexp.MustCompile(m[1])
		}
	}
	got := map[int][]string{}
	for _, d := range out.Diagnostics {
		if filepath.Base(d.Pos.Filename) != "refused.go" {
			t.Errorf("diagnostic in an unexpected file: %v", d)
			continue
		}
		got[d.Pos.Line] = append(got[d.Pos.Line], d.Message)
	}
	for line, re := range want {
		msgs := got[line]
		if len(msgs) != 1 {
			t.Errorf("refused.go:%d: got %d diagnostics %q, want one matching %q", line, len(msgs), msgs, re)
			continue
		}
		if !re.MatchString(msgs[0]) {
			t.Errorf("refused.go:%d: diagnostic %q does not match %q", line, msgs[0], re)
		}
	}
	for line, msgs := range got {
		if want[line] == nil {
			t.Errorf("refused.go:%d: unexpected diagnostics %q", line, msgs)
		}
	}
	if !sort.SliceIsSorted(out.Diagnostics, func(i, j int) bool { return out.Diagnostics[i].Pos.Line < out.Diagnostics[j].Pos.Line }) {
		t.Error("diagnostics are not sorted by position")
	}
}

// TestGolden pins the generated code of testdata/golden.
func TestGolden(t *testing.T) {
	out, err := Generate(Config{}, "./testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", out.Diagnostics)
	}
	if len(out.Files) != 2 || filepath.Base(out.Files[1].Path) != LockFile {
		t.Fatalf("got %d files, want the machine file and the lock", len(out.Files))
	}
	f := out.Files[0]
	for _, g := range []struct {
		name    string
		content []byte
	}{{"golden_fsm.go.golden", f.Content}, {"fsmgen.lock.golden", out.Files[1].Content}} {
		golden := filepath.Join("testdata", "golden", g.name)
		if *update {
			if err := os.WriteFile(golden, g.content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(g.content, want) {
			t.Errorf("generated code differs from %s (run go test ./transform -update after checking the change):\n%s", golden, g.content)
		}
	}
	if !bytes.HasPrefix(f.Content, []byte(Header+"\n")) {
		t.Errorf("generated file does not start with %q", Header)
	}
	// A second run writes the same bytes.
	again, err := Generate(Config{}, "./testdata/golden")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Files[0].Content, f.Content) {
		t.Error("a second run generated different bytes")
	}
}

// TestCommittedFilesFresh checks that the generated files committed in the
// repository are what the generator writes now.
func TestCommittedFilesFresh(t *testing.T) {
	patterns := []string{"./tests/equiv", "./tests/probe", "./tests/handles"}
	if _, err := os.Stat("../examples"); err == nil {
		patterns = append(patterns, "./examples/...")
	}
	out, err := Generate(Config{Dir: ".."}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", out.Diagnostics)
	}
	if len(out.Files) == 0 {
		t.Fatal("no generated files found")
	}
	for _, f := range out.Files {
		old, err := os.ReadFile(f.Path)
		if err != nil {
			t.Errorf("%s is missing: run go generate ./... (make generate)", f.Path)
			continue
		}
		if !bytes.Equal(old, f.Content) {
			t.Errorf("%s is stale: run make generate", f.Path)
		}
	}
	for _, s := range out.Stale {
		t.Errorf("%s is orphaned: run make generate", s)
	}
}

// TestHandlesBeforeGeneration generates packages whose code refers to job
// handles, of their own jobs and of another package's, that no generated file
// declares yet.
func TestHandlesBeforeGeneration(t *testing.T) {
	out, err := Generate(Config{}, "./testdata/child/...")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", out.Diagnostics)
	}
	var names []string
	for _, f := range out.Files {
		names = append(names, filepath.Base(f.Path))
	}
	sort.Strings(names)
	if got, want := strings.Join(names, " "), "child_fsm.go fsmgen.lock fsmgen.lock parent_fsm.go"; got != want {
		t.Errorf("generated %s, want %s", got, want)
	}
	for _, f := range machineFiles(out.Files) {
		if !bytes.Contains(f.Content, []byte("Job = fsm.NewJob(")) {
			t.Errorf("%s declares no handle", f.Path)
		}
	}
}

// machineFiles leaves out the layout locks.
func machineFiles(files []File) []File {
	var out []File
	for _, f := range files {
		if filepath.Base(f.Path) != LockFile {
			out = append(out, f)
		}
	}
	return out
}
