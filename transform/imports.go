package transform

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// This file is the emit stage's view of packages: which names generated
// code gives the packages it refers to, how it writes types, and the last
// pass over a generated file (its imports, formatting and //line numbers).

// importer tracks the packages generated code refers to and the names it
// refers to them by.
type importer struct {
	self  *types.Package
	names map[string]string // import path → name in the user's file
	need  map[string]string // import path → name used in generated code

	renamed map[types.Object]string // types declared in jobs, moved out
	dots    map[string]bool         // packages the user's file dot-imports, used
	avoid   map[string]bool         // identifiers a new import name must not be
}

func newImporter(self *types.Package, file *ast.File) *importer {
	im := &importer{self: self, names: map[string]string{}, need: map[string]string{}, renamed: map[types.Object]string{}, dots: map[string]bool{}}
	for _, spec := range file.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		if spec.Name != nil {
			im.names[path] = spec.Name.Name
		} else if p := importedPackage(self, path); p != nil {
			im.names[path] = p.Name()
		}
	}
	im.avoid = map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			im.avoid[id.Name] = true
		}
		return true
	})
	for _, name := range self.Scope().Names() {
		im.avoid[name] = true
	}
	return im
}

func importedPackage(self *types.Package, path string) *types.Package {
	for _, p := range self.Imports() {
		if p.Path() == path {
			return p
		}
	}
	return nil
}

// qualifier names packages in types written into generated code.
func (im *importer) qualifier(p *types.Package) string {
	if p == im.self || p.Path() == im.self.Path() {
		return "" // the package, perhaps as its tests' load has it
	}
	if name, ok := im.need[p.Path()]; ok {
		return name
	}
	name, ok := im.names[p.Path()]
	if !ok || name == "_" || name == "." {
		// A package the user's file does not import: its own name, unless
		// another package or an identifier of the file has it.
		name = p.Name()
		for i := 2; im.nameTaken(name, p.Path()); i++ {
			name = p.Name() + strconv.Itoa(i)
		}
	}
	im.need[p.Path()] = name
	return name
}

// usedName reports whether generated code may use name for a package: an
// import of the user's file or of its package.
func (im *importer) usedName(name string) bool {
	for _, n := range im.names {
		if n == name {
			return true
		}
	}
	for _, p := range im.self.Imports() {
		if p.Name() == name {
			return true
		}
	}
	return false
}

// nameTaken reports whether name cannot be the import name of path in the
// generated file.
func (im *importer) nameTaken(name, path string) bool {
	for q, n := range im.names {
		if n == name && q != path {
			return true
		}
	}
	for q, n := range im.need {
		if n == name && q != path {
			return true
		}
	}
	return im.avoid[name]
}

// typeString writes t as Go source in generated code: types declared inside a
// job under the name they were moved to, others as types.TypeString does.
func (im *importer) typeString(t types.Type) string {
	var b strings.Builder
	im.writeType(&b, t)
	return b.String()
}

func (im *importer) writeType(b *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case *types.Named:
		if name, ok := im.renamed[t.Obj()]; ok {
			b.WriteString(name)
		} else {
			if pkg := t.Obj().Pkg(); pkg != nil {
				if q := im.qualifier(pkg); q != "" {
					b.WriteString(q + ".")
				}
			}
			b.WriteString(t.Obj().Name())
		}
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			b.WriteString("[")
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				im.writeType(b, args.At(i))
			}
			b.WriteString("]")
		}
	case *types.Alias:
		im.writeType(b, types.Unalias(t))
	case *types.Pointer:
		b.WriteString("*")
		im.writeType(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		im.writeType(b, t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		im.writeType(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		im.writeType(b, t.Key())
		b.WriteString("]")
		im.writeType(b, t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendRecv:
			b.WriteString("chan ")
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		}
		if c, ok := t.Elem().(*types.Chan); ok && t.Dir() == types.SendRecv && c.Dir() == types.RecvOnly {
			b.WriteString("(")
			im.writeType(b, t.Elem())
			b.WriteString(")")
		} else {
			im.writeType(b, t.Elem())
		}
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			im.writeType(b, f.Type())
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteString("}")
	case *types.Signature:
		b.WriteString("func")
		im.writeTuple(b, t.Params(), t.Variadic())
		if t.Results().Len() > 0 {
			b.WriteString(" ")
			im.writeTuple(b, t.Results(), false)
		}
	default:
		b.WriteString(types.TypeString(t, im.qualifier))
	}
}

func (im *importer) writeTuple(b *strings.Builder, tup *types.Tuple, variadic bool) {
	b.WriteString("(")
	for i := 0; i < tup.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		t := tup.At(i).Type()
		if variadic && i == tup.Len()-1 {
			b.WriteString("...")
			t = t.(*types.Slice).Elem()
		}
		im.writeType(b, t)
	}
	b.WriteString(")")
}

// noLineDirectives turns //line directives off, for debugging the generator.
var noLineDirectives = os.Getenv("FSMGEN_NOLINE") != ""

// finishFile formats the generated file, adds the imports of the user's
// packages that copied statements refer to, and turns the reset markers into
// //line directives back to the generated file itself.
func finishFile(src []byte, path string, im *importer, imported map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("generated code for %s does not parse: %w", path, err)
	}
	paths := make([]string, 0, len(im.need))
	for p := range im.need {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		name := im.need[p]
		if imported[p] == name {
			continue // jennifer imported it already, under that name
		}
		if name == lastElem(p) {
			name = ""
		}
		astutil.AddNamedImport(fset, f, name, p)
	}
	dots := make([]string, 0, len(im.dots))
	for p := range im.dots {
		dots = append(dots, p)
	}
	sort.Strings(dots)
	for _, p := range dots {
		astutil.AddNamedImport(fset, f, ".", p)
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, err
	}
	lines := strings.Split(buf.String(), "\n")
	base := shortFile(path)
	for i, line := range lines {
		if strings.TrimSpace(line) == "//fsmgen:reset" {
			lines[i] = fmt.Sprintf("//line %s:%d", base, i+2)
		}
	}
	out := []byte(strings.Join(lines, "\n"))
	return format.Source(out)
}

func lastElem(path string) string {
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}
