package transform

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestFastLoadSame checks that the loader's fast path, which type-checks
// against export data, generates exactly what the slow path does, and that
// it is the path taken.
func TestFastLoadSame(t *testing.T) {
	for _, dir := range []string{"./testdata/golden", "../tests/equiv", "../tests/handles", "../examples/orders"} {
		t.Run(dir, func(t *testing.T) {
			first, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedModule, Dir: dir}, ".")
			if err != nil {
				t.Fatal(err)
			}
			overlay := map[string][]byte{}
			for _, f := range first[0].GoFiles {
				if isGenerated(f) {
					overlay[f] = []byte("package " + first[0].Name + "\n")
				}
			}
			if pkgs := fastLoad(Config{Dir: dir}, first, overlay); pkgs == nil {
				t.Fatal("the fast path gave up")
			}
			fast, err := Generate(Config{Dir: dir}, ".")
			if err != nil {
				t.Fatal(err)
			}
			slow, err := Generate(Config{Dir: dir, slowLoad: true}, ".")
			if err != nil {
				t.Fatal(err)
			}
			if len(fast.Files) != len(slow.Files) || len(fast.Diagnostics)+len(slow.Diagnostics) > 0 {
				t.Fatalf("fast: %d files %v; slow: %d files %v", len(fast.Files), fast.Diagnostics, len(slow.Files), slow.Diagnostics)
			}
			for i := range fast.Files {
				if fast.Files[i].Path != slow.Files[i].Path || !bytes.Equal(fast.Files[i].Content, slow.Files[i].Content) {
					t.Errorf("%s differs between the paths", fast.Files[i].Path)
				}
			}
		})
	}
}

// TestFastLoadGivesUp: a package with a type error goes the slow way,
// whose diagnostics are the ones the user sees.
func TestFastLoadGivesUp(t *testing.T) {
	out, err := Generate(Config{overlay: layoutOverlay(t, lockBase+"\nvar broken int = \"s\"\n", nil)}, "./testdata/layout")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range out.Diagnostics {
		found = found || d.Pos.Line == 30 && strings.HasPrefix(d.Message, `cannot use "s"`)
	}
	if !found {
		t.Errorf("diagnostics %q, want the type error at layout.go:30", out.Diagnostics)
	}
}

// TestFastLoadImportsGenerated: a loaded package that imports another
// loaded package with generated files goes the slow way, which blanks those
// files for both (export data would hold them as they are on disk).
func TestFastLoadImportsGenerated(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte("module tmpmod\n\ngo 1.26\n\nrequire github.com/fsmgen/fsmgen v0.0.0\n\nreplace github.com/fsmgen/fsmgen => "+root+"\n"))
	write("go.sum", sum)
	for _, f := range []string{"child.go", "parent/parent.go"} {
		src, err := os.ReadFile(filepath.Join("testdata", "child", f))
		if err != nil {
			t.Fatal(err)
		}
		write(filepath.Join("child", f), bytes.ReplaceAll(src, []byte("github.com/fsmgen/fsmgen/transform/testdata/child"), []byte("tmpmod/child")))
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = dir
	if b, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, b)
	}
	out, err := Generate(Config{Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) > 0 {
		t.Fatalf("Generate: %v", out.Diagnostics)
	}
	for _, f := range out.Files {
		write(strings.TrimPrefix(f.Path, dir+string(filepath.Separator)), f.Content)
	}
	first, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedModule, Dir: dir}, "./...")
	if err != nil || len(first) != 2 {
		t.Fatalf("load: %v, %d packages", err, len(first))
	}
	overlay := map[string][]byte{}
	for _, p := range first {
		for _, f := range p.GoFiles {
			if isGenerated(f) {
				overlay[f] = []byte("package " + p.Name + "\n")
			}
		}
	}
	if len(overlay) != 2 {
		t.Fatalf("%d generated files on disk, want 2", len(overlay))
	}
	if pkgs := fastLoad(Config{Dir: dir}, first, overlay); pkgs != nil {
		t.Error("the fast path loaded a package importing another with generated files")
	}
	again, err := Generate(Config{Dir: dir}, "./...")
	if err != nil || len(again.Diagnostics) > 0 || len(again.Files) != len(out.Files) {
		t.Fatalf("second run: %v %v", err, again.Diagnostics)
	}
	for i := range out.Files {
		if !bytes.Equal(out.Files[i].Content, again.Files[i].Content) {
			t.Errorf("%s changed on the second run", out.Files[i].Path)
		}
	}
}
