package transform

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// layouts generates testdata/layout with its file replaced by src and
// returns the Layout of each state of its job, by state: "start", "done",
// "1", "2", ...
func layouts(t *testing.T, src string) map[string]string {
	t.Helper()
	path, err := filepath.Abs(filepath.Join("testdata", "layout", "layout.go"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := Generate(Config{overlay: map[string][]byte{path: []byte(src)}}, "./testdata/layout")
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Diagnostics) > 0 {
		t.Fatalf("diagnostics: %v", out.Diagnostics)
	}
	files := machineFiles(out.Files)
	if len(files) != 1 {
		t.Fatalf("got %d machine files, want 1", len(files))
	}
	return stateLayouts(t, files[0].Content)
}

// stateLayouts reads the Layout fields of the JobInfo a generated file
// registers.
func stateLayouts(t *testing.T, content []byte) map[string]string {
	t.Helper()
	got := map[string]string{}
	eachStateInfo(t, content, func(state string, fields map[string]ast.Expr) {
		got[state], _ = strconv.Unquote(fields["Layout"].(*ast.BasicLit).Value)
	})
	if len(got) == 0 {
		t.Fatal("no JobInfo in the generated file")
	}
	for state, l := range got {
		if len(l) != 16 || strings.Trim(l, "0123456789abcdef") != "" {
			t.Errorf("state %s: layout %q is not 16 hex digits", state, l)
		}
	}
	return got
}

// eachStateInfo calls f with the fields of each StateInfo of the JobInfos a
// generated file registers, by state: "start", "done", "1", "2", ...
func eachStateInfo(t *testing.T, content []byte, f func(state string, fields map[string]ast.Expr)) {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "layout_fsm.go", content, 0)
	if err != nil {
		t.Fatal(err)
	}
	fieldsOf := func(e ast.Expr) map[string]ast.Expr {
		out := map[string]ast.Expr{}
		for _, elt := range e.(*ast.CompositeLit).Elts {
			kv := elt.(*ast.KeyValueExpr)
			out[kv.Key.(*ast.Ident).Name] = kv.Value
		}
		return out
	}
	ast.Inspect(file, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		if sel, ok := lit.Type.(*ast.SelectorExpr); !ok || sel.Sel.Name != "JobInfo" {
			return true
		}
		info := fieldsOf(lit)
		for _, key := range []string{"Start", "Done"} {
			if e, ok := info[key]; ok {
				f(strings.ToLower(key), fieldsOf(e))
			}
		}
		if states, ok := info["States"]; ok {
			for i, s := range states.(*ast.CompositeLit).Elts {
				f(strconv.Itoa(i+1), fieldsOf(s))
			}
		}
		return false
	})
}

// replaceAll makes each replacement old, new of pairs once in src.
func replaceAll(t *testing.T, src string, pairs ...string) string {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("the source lacks %q", pairs[i])
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return src
}

// TestLayout checks which edits of a job's source change the layouts of its
// states: exactly those that change what a stored state's bytes mean.
func TestLayout(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("testdata", "layout", "layout.go"))
	if err != nil {
		t.Fatal(err)
	}
	src := string(base)
	want := layouts(t, src)
	if len(want) != 4 {
		t.Fatalf("states %v, want start, 1, 2 and done", want)
	}
	// Which states store what: 1 stores o, n, x; 2 stores o, x; start
	// stores o, n; done the results.
	for _, pair := range [][2]string{{"start", "1"}, {"1", "2"}, {"start", "done"}} {
		if want[pair[0]] == want[pair[1]] {
			t.Errorf("states %s and %s store different variables but have the same layout", pair[0], pair[1])
		}
	}
	edit := func(t *testing.T, old, new string) string {
		t.Helper()
		return replaceAll(t, src, old, new)
	}
	cases := []struct {
		name    string
		src     func(t *testing.T) string
		changed []string // the states whose layout must change; the others must not
	}{
		{
			name: "comments",
			src: func(t *testing.T) string {
				s := edit(t, "// Inner is nested deep inside what Keep stores.", "// Inner is a struct.\n// More words.")
				return strings.ReplaceAll(s, "\tx := len(o.M)\n", "\t// x is the size.\n\tx := len(o.M) /* here */\n")
			},
		},
		{
			name: "code motion",
			src: func(t *testing.T) string {
				// The types move below the job, which moves down a few
				// lines: every position changes.
				start := strings.Index(src, "// Inner is")
				end := strings.Index(src, "//fsmgen:job")
				return src[:start] + "\n\n\n" + src[end:] + "\n" + src[start:end]
			},
		},
		{
			name: "local renamed that is not stored",
			src: func(t *testing.T) string {
				return edit(t, "w, err := fsm.Await(ctx, Echo.Call(total))\n\treturn w +", "res, err := fsm.Await(ctx, Echo.Call(total))\n\treturn res +")
			},
		},
		{
			name: "alias for the same type",
			src: func(t *testing.T) string {
				return edit(t, "\tCode int\n}", "\tCode count\n}\n\ntype count = int")
			},
		},
		{
			name: "field the codec does not store",
			src:  func(t *testing.T) string { return edit(t, "\tCode int\n", "\tCode int\n\tCache int `cbor:\"-\"`\n") },
		},
		{
			name:    "deep nested field type",
			src:     func(t *testing.T) string { return edit(t, "\tCode int\n", "\tCode int64\n") },
			changed: []string{"start", "1", "2"},
		},
		{
			name:    "deep nested field added",
			src:     func(t *testing.T) string { return edit(t, "\tCode int\n", "\tCode int\n\tNote string\n") },
			changed: []string{"start", "1", "2"},
		},
		{
			name:    "deep nested field renamed",
			src:     func(t *testing.T) string { return edit(t, "\tCode int\n", "\tStatus int\n") },
			changed: []string{"start", "1", "2"},
		},
		{
			name:    "field tag",
			src:     func(t *testing.T) string { return edit(t, "\tTags []string\n", "\tTags []string `cbor:\"tags\"`\n") },
			changed: []string{"start", "1", "2"},
		},
		{
			name: "field order",
			src: func(t *testing.T) string {
				return edit(t, "\tIn   Inner\n\tTags []string\n", "\tTags []string\n\tIn   Inner\n")
			},
			changed: []string{"start", "1", "2"},
		},
		{
			name: "recursive type",
			src: func(t *testing.T) string {
				return replaceAll(t, src, "\tV    int\n", "\tV    uint\n", "total += k.V", "total += int(k.V)")
			},
			changed: []string{"start", "1"},
		},
		{
			name:    "named type renamed",
			src:     func(t *testing.T) string { return strings.ReplaceAll(src, "Inner", "Core") },
			changed: []string{"start", "1", "2"},
		},
		{
			name: "method giving the type its own encoding",
			src: func(t *testing.T) string {
				return src + "\nfunc (i Inner) MarshalBinary() ([]byte, error) { return nil, nil }\n\nfunc (i *Inner) UnmarshalBinary([]byte) error { return nil }\n"
			},
			changed: []string{"start", "1", "2"},
		},
		{
			name: "stored variable renamed",
			src: func(t *testing.T) string {
				return replaceAll(t, src, "x := len", "size := len", "Echo.Call(x))", "Echo.Call(size))", "w + x +", "w + size +")
			},
			changed: []string{"1", "2"},
		},
		{
			name: "stored variable's type",
			src: func(t *testing.T) string {
				return replaceAll(t, src, "x := len(o.M)", "x := int64(len(o.M))", "Echo.Call(x))", "Echo.Call(int(x)))", "w + x +", "w + int(x) +")
			},
			changed: []string{"1", "2"},
		},
		{
			name: "variable added to a state",
			src: func(t *testing.T) string {
				return replaceAll(t, src, "x := len(o.M)", "x := len(o.M)\n\textra := \"e\"", "return w + x", "return w + len(extra) + x")
			},
			changed: []string{"1", "2"},
		},
		{
			name: "result type",
			src: func(t *testing.T) string {
				return replaceAll(t, src, "(int, error) {\n\tx :=", "(int64, error) {\n\tx :=", "return w + x + len(o.M), err", "return int64(w + x + len(o.M)), err")
			},
			changed: []string{"done"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := layouts(t, c.src(t))
			changed := map[string]bool{}
			for _, s := range c.changed {
				changed[s] = true
			}
			for state, l := range want {
				switch {
				case changed[state] && got[state] == l:
					t.Errorf("state %s: layout %s did not change", state, l)
				case !changed[state] && got[state] != l:
					t.Errorf("state %s: layout changed from %s to %s", state, l, got[state])
				}
			}
		})
	}
}

// TestNestedLayout checks that the states of a job holding a nested job's
// machine change layout when the nested job stores its states differently,
// and only then.
func TestNestedLayout(t *testing.T) {
	const src = `package layout

import (
	"context"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var Echo = fsm.NewActivity("layout.echo", func(_ context.Context, x int) (int, error) { return x, nil })

//fsmgen:job
func Inner(ctx fsm.Context, x int) (int, error) {
	y := x * 2
	_, err := fsm.Await(ctx, Echo.Call(x))
	return y, err
}

//fsmgen:job
func Outer(ctx fsm.Context, x int) (int, error) {
	k := x + 1
	n, err := Inner(ctx, x)
	if err != nil {
		return 0, err
	}
	m, err := fsm.Await(ctx, Echo.Call(n))
	return k + m, err
}
`
	base := layouts(t, src)
	if len(base) != 4 {
		t.Fatalf("Outer's states %v, want start, 1, 2 and done", base)
	}
	for _, c := range []struct {
		name    string
		edits   []string // old, new pairs
		changed []string
	}{
		{"edit between awaits of Inner", []string{"y := x * 2", "y := x*2 + 0"}, nil},
		{"Inner stores another type", []string{"y := x * 2", "y := int64(x) * 2", "return y, err", "return int(y), err"}, []string{"1"}},
		{"Inner stores another variable", []string{"return y, err", "return y + x, err"}, []string{"1"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := layouts(t, replaceAll(t, src, c.edits...))
			changed := map[string]bool{}
			for _, s := range c.changed {
				changed[s] = true
			}
			for state, l := range base {
				if (got[state] != l) != changed[state] {
					t.Errorf("state %s: layout %s → %s; want changed %v", state, l, got[state], changed[state])
				}
			}
		})
	}
}
