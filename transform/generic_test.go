package transform

import (
	"go/ast"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// genericBase is a generic job with two instantiations.
const genericBase = `package layout

import (
	"context"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var Echo = fsm.NewActivity("layout.echo", func(_ context.Context, x int) (int, error) { return x, nil })

//fsmgen:job
func Keep[T any](ctx fsm.Context, x T, n int) (T, error) {
	a, err := fsm.Await(ctx, Echo.Call(n))
	if err != nil {
		return x, err
	}
	_, err = fsm.Await(ctx, Echo.Call(a))
	return x, err
}

var (
	_ = Keep[string]
	_ = Keep[[]int]
)
`

// genericStates reads, per state id, the layout and accepted layouts of
// each instantiation's StateInfo, in the order they are registered.
func genericStates(t *testing.T, out *Output) (layouts, accepts map[string][]string) {
	t.Helper()
	layouts, accepts = map[string][]string{}, map[string][]string{}
	str := func(e ast.Expr) string {
		s, _ := strconv.Unquote(e.(*ast.BasicLit).Value)
		return s
	}
	for _, f := range out.Files {
		if filepath.Base(f.Path) == LockFile {
			continue
		}
		eachStateInfo(t, f.Content, func(state string, fields map[string]ast.Expr) {
			id := str(fields["ID"])
			layouts[id] = append(layouts[id], str(fields["Layout"]))
			var acc []string
			if a, ok := fields["Accepts"]; ok {
				for _, e := range a.(*ast.CompositeLit).Elts {
					for _, kv := range e.(*ast.CompositeLit).Elts {
						if kv := kv.(*ast.KeyValueExpr); kv.Key.(*ast.Ident).Name == "Layout" {
							acc = append(acc, str(kv.Value))
						}
					}
				}
			}
			accepts[id] = append(accepts[id], strings.Join(acc, " "))
		})
	}
	return layouts, accepts
}

// TestGenericLayouts checks that each instantiation's states have layouts
// of their own, and that a compatible change to the generic job makes each
// instantiation accept its own earlier layouts, not another's.
func TestGenericLayouts(t *testing.T) {
	gen := func(src string, lock []byte) (*Output, []byte) {
		t.Helper()
		out, err := Generate(Config{overlay: layoutOverlay(t, src, lock)}, "./testdata/layout")
		if err != nil {
			t.Fatal(err)
		}
		if len(out.Diagnostics) > 0 {
			t.Fatalf("diagnostics: %v", out.Diagnostics)
		}
		for _, f := range out.Files {
			if filepath.Base(f.Path) == LockFile {
				return out, f.Content
			}
		}
		t.Fatal("no lock written")
		return nil, nil
	}
	base, lock := gen(genericBase, nil)
	layouts, _ := genericStates(t, base)
	for id, ls := range layouts {
		if len(ls) != 2 || ls[0] == ls[1] {
			t.Errorf("state %s: layouts %v, want one per instantiation, distinct", id, ls)
		}
	}
	if !strings.Contains(string(lock), `"shape":"type parameter 0"`) {
		t.Errorf("the lock does not describe x by its type parameter:\n%s", lock)
	}
	// A variable added across the second await is compatible: each
	// instantiation accepts what it stored before.
	v2 := replaceAll(t, genericBase, "_, err = fsm.Await(ctx, Echo.Call(a))\n\treturn x, err", "y := x\n\t_, err = fsm.Await(ctx, Echo.Call(a))\n\t_ = y\n\treturn x, err")
	next, _ := gen(v2, lock)
	nl, na := genericStates(t, next)
	second := "Echo.Call#2"
	if len(nl[second]) != 2 || len(na[second]) != 2 {
		t.Fatalf("state %s: layouts %v, accepts %v", second, nl[second], na[second])
	}
	for i := range 2 {
		if nl[second][i] == layouts[second][i] {
			t.Errorf("instantiation %d: the changed state kept layout %s", i, nl[second][i])
		}
		if na[second][i] != layouts[second][i] {
			t.Errorf("instantiation %d accepts %q, want its own earlier layout %s (the other's is %s)", i, na[second][i], layouts[second][i], layouts[second][1-i])
		}
	}
	// A change of what T's variable stores is breaking, for every
	// instantiation at once: reported once, at the job's state.
	v3 := replaceAll(t, genericBase, "x T, n int", "x []T, n int", "(T, error)", "([]T, error)")
	out, err := Generate(Config{overlay: layoutOverlay(t, v3, lock)}, "./testdata/layout")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) == 0 || !strings.Contains(out.Diagnostics[0].Message, "variable x was T and is now []T") {
		t.Errorf("diagnostics %v, want x's change reported", out.Diagnostics)
	}
}

// TestGenericInstancesFromTests checks the instantiations found in tests:
// the external test package's are registered, and a type declared in a
// test file is refused at its use, since generated code cannot name it.
func TestGenericInstancesFromTests(t *testing.T) {
	overlay := layoutOverlay(t, genericBase, nil)
	dir, err := filepath.Abs(filepath.Join("testdata", "layout"))
	if err != nil {
		t.Fatal(err)
	}
	overlay[filepath.Join(dir, "ext_test.go")] = []byte(`package layout_test

import (
	"testing"

	"github.com/fsmgen/fsmgen/transform/testdata/layout"
)

func TestKeep(t *testing.T) { _ = layout.Keep[float64] }
`)
	// What an earlier run generated names instantiations too, which are no
	// uses of the job.
	overlay[filepath.Join(dir, "old_fsm.go")] = []byte(Header + "\n\npackage layout\n\nvar _ = Keep[uint8]\n")
	out, err := Generate(Config{overlay: overlay}, "./testdata/layout")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) > 0 || len(out.Files) == 0 {
		t.Fatalf("diagnostics: %v", out.Diagnostics)
	}
	for _, want := range []string{"Func: Keep[float64]", "Func: Keep[string]", "Func: Keep[[]int]", "KeepJob[float64]()"} {
		if !strings.Contains(string(out.Files[0].Content), want) {
			t.Errorf("the generated file lacks %q", want)
		}
	}
	if strings.Contains(string(out.Files[0].Content), "Keep[uint8]") {
		t.Error("Keep[uint8], which only a generated file names, is registered")
	}
	delete(overlay, filepath.Join(dir, "old_fsm.go"))
	overlay[filepath.Join(dir, "in_test.go")] = []byte(`package layout

type local struct{ N int }

var _ = Keep[local]
`)
	out, err = Generate(Config{overlay: overlay}, "./testdata/layout")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) != 1 || out.Diagnostics[0].Pos.Line != 5 || filepath.Base(out.Diagnostics[0].Pos.Filename) != "in_test.go" ||
		!strings.Contains(out.Diagnostics[0].Message, "Keep[local]: fsmgen registers each instantiation of generic job Keep in the generated file, which cannot name type argument T: local is declared in a test file") {
		t.Errorf("diagnostics %v, want Keep[local] refused at in_test.go:5", out.Diagnostics)
	}
}

// TestGenericTypeArgumentChanges checks what the lock says when a type
// argument of an instantiation changes: a struct that gains a field is
// accepted (the instantiation accepts its earlier layouts made with the old
// shape), one whose field changes type is breaking, and an instantiation
// the package no longer makes strands its checkpoints.
func TestGenericTypeArgumentChanges(t *testing.T) {
	withItem := func(fields string) string {
		return genericBase + "\nvar _ = Keep[Item]\n\ntype Item struct {\n" + fields + "}\n"
	}
	gen := func(src string, lock []byte, update bool) *Output {
		t.Helper()
		out, err := Generate(Config{overlay: layoutOverlay(t, src, lock), UpdateLock: update}, "./testdata/layout")
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	lockOf := func(out *Output) []byte {
		for _, f := range out.Files {
			if filepath.Base(f.Path) == LockFile {
				return f.Content
			}
		}
		t.Fatalf("no lock written; diagnostics %v", out.Diagnostics)
		return nil
	}
	base := gen(withItem("\tID int\n"), nil, false)
	lock := lockOf(base)
	if !strings.Contains(string(lock), `"instances": [`) || !strings.Contains(string(lock), `"key":"github.com/fsmgen/fsmgen/transform/testdata/layout.Item"`) {
		t.Fatalf("the lock does not record the instantiations:\n%s", lock)
	}
	baseLayouts, _ := genericStates(t, base)

	// Item gains a field: Keep[Item] (registered second, after Keep[[]int]
	// and before Keep[string]) accepts its old layout at every state.
	gained := gen(withItem("\tID   int\n\tName string\n"), lock, false)
	if len(gained.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", gained.Diagnostics)
	}
	layouts, accepts := genericStates(t, gained)
	for id := range baseLayouts {
		if layouts[id][1] == baseLayouts[id][1] {
			t.Errorf("state %s of Keep[Item] kept layout %s though Item changed", id, layouts[id][1])
		}
		if accepts[id][1] != baseLayouts[id][1] {
			t.Errorf("state %s of Keep[Item] accepts %q, want its layout before Item gained a field, %s", id, accepts[id][1], baseLayouts[id][1])
		}
		if accepts[id][0] != "" || accepts[id][2] != "" || layouts[id][0] != baseLayouts[id][0] {
			t.Errorf("state %s: the other instantiations changed: layouts %v (were %v), accepts %q", id, layouts[id], baseLayouts[id], accepts[id])
		}
	}

	// A field changes type: breaking, at the instantiation's use.
	retyped := gen(withItem("\tID string\n"), lock, false)
	if len(retyped.Diagnostics) != 1 || !strings.Contains(retyped.Diagnostics[0].Message, "checkpoints of instantiation Keep[Item] cannot resume: type argument T (github.com/fsmgen/fsmgen/transform/testdata/layout.Item) is stored otherwise") {
		t.Errorf("diagnostics %v, want Keep[Item]'s change", retyped.Diagnostics)
	}
	if d := retyped.Diagnostics; len(d) == 1 && d[0].Pos.Line != strings.Count(genericBase, "\n")+2 {
		t.Errorf("reported at line %d, want the use of Keep[Item]", d[0].Pos.Line)
	}
	if up := gen(withItem("\tID string\n"), lock, true); len(up.Diagnostics) > 0 {
		t.Errorf("-update-lock: %v", up.Diagnostics)
	}

	// The instantiation is gone.
	gone := gen(genericBase+"\ntype Item struct {\n\tID int\n}\n", lock, false)
	if len(gone.Diagnostics) != 1 || !strings.Contains(gone.Diagnostics[0].Message, "instantiation Keep[github.com/fsmgen/fsmgen/transform/testdata/layout.Item] is in fsmgen.lock but the package no longer makes it") {
		t.Errorf("diagnostics %v, want the instantiation gone", gone.Diagnostics)
	}
}
