package equiv

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestEveryJobHasCase checks that each //fsmgen:job function of the package is
// run by at least one case, and that each case runs a job.
func TestEveryJobHasCase(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	jobs := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_fsm.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil || !hasDirective(fd.Doc) {
				continue
			}
			jobs[jobName(fd)] = true
		}
	}
	if len(jobs) == 0 {
		t.Fatal("no //fsmgen:job functions found")
	}
	covered := map[string]bool{}
	for _, c := range allCases() {
		name := runtime.FuncForPC(reflect.ValueOf(c.job).Pointer()).Name()
		name = name[strings.LastIndex(name, "/")+1:]
		name = strings.TrimPrefix(name, "equiv.")
		name = strings.ReplaceAll(name, "[...]", "") // an instantiation of a generic job
		if !jobs[name] {
			t.Errorf("case %s runs %s, which is not a //fsmgen:job of the package", c.name, name)
		}
		covered[name] = true
	}
	for name := range jobs {
		if !covered[name] {
			t.Errorf("job %s has no case", name)
		}
	}
	t.Logf("%d jobs, %d cases", len(jobs), len(allCases()))
}

func hasDirective(doc *ast.CommentGroup) bool {
	for _, c := range doc.List {
		if c.Text == "//fsmgen:job" {
			return true
		}
	}
	return false
}

func jobName(fd *ast.FuncDecl) string {
	if fd.Recv == nil {
		return fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		return "(*" + st.X.(*ast.Ident).Name + ")." + fd.Name.Name
	}
	switch x := typ.(type) {
	case *ast.IndexExpr: // a method of a generic type
		typ = x.X
	case *ast.IndexListExpr:
		typ = x.X
	}
	return typ.(*ast.Ident).Name + "." + fd.Name.Name
}

// TestSameValue checks the comparison the cases rely on.
func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		a, b any
		same bool
	}{
		{1, 1, true},
		{1, 2, false},
		{1, int64(1), false},
		{math.NaN(), math.NaN(), true},
		{0.0, math.Copysign(0, -1), false},
		{[]int(nil), []int{}, false},
		{map[string]int(nil), map[string]int{}, false},
		{map[string]int{"a": 1, "b": 2}, map[string]int{"b": 2, "a": 1}, true},
		{"\xff", "\xfe", false},
		{errors.New("x"), errors.New("x"), true},
		{errors.New("x"), errors.New("y"), false},
		{errors.New("x"), nil, false},
		{nil, errors.New("x"), false},
		{nil, nil, true},
		{Count(1), 1, false},
	} {
		if got := sameValue(c.a, c.b); got != c.same {
			t.Errorf("sameValue(%#v, %#v) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}
