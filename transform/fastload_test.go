package transform

import (
	"bytes"
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
