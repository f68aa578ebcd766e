package transform

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// This file is the loader's fast path. go/packages type-checks every
// dependency from source as soon as a load has an overlay, and load needs
// one to blank out the generated files: that made fsmgen several times as
// slow as go vet, which reads its dependencies' export data. The fast path
// does what go vet does: it asks go list for the export data of the
// packages the loaded ones import, and type-checks only the loaded
// packages' own files against it, with the generated files blanked as the
// overlay would. It gives up (nil) on anything it does not handle exactly
// as the slow path — an error of any kind, cgo, an overlay of a file go
// list does not list — and load then takes the slow path, which reports
// errors the way it always has.

// fastLoad type-checks the packages first lists (loaded with NeedName,
// NeedFiles, NeedCompiledGoFiles and NeedModule), or returns nil. overlay
// is the slow path's, and gains the handle stubs this path declares.
func fastLoad(cfg Config, first []*packages.Package, overlay map[string][]byte) []*packages.Package {
	listed := map[string]bool{}
	for _, p := range first {
		if len(p.Errors) > 0 || len(p.GoFiles) == 0 || len(p.CompiledGoFiles) != len(p.GoFiles) {
			return nil
		}
		for _, f := range p.GoFiles {
			listed[f] = true
		}
	}
	for path := range overlay {
		if strings.HasSuffix(path, ".go") && !listed[path] {
			return nil // a file go list does not know of: its load must see it
		}
	}
	// A loaded package whose generated files are blanked must look so to
	// the others that import it too, as the slow path's overlay makes it:
	// their export data would hold the generated files' declarations as
	// they are on disk, perhaps stale.
	blanked := map[string]bool{}
	for _, p := range first {
		for _, f := range p.GoFiles {
			if _, ok := overlay[f]; ok && isGenerated(f) {
				blanked[p.PkgPath] = true
			}
		}
	}
	fset := token.NewFileSet()
	syntax := make([][]*ast.File, len(first))
	imports := map[string]bool{}
	for i, p := range first {
		for _, name := range p.GoFiles {
			src, ok := overlay[name]
			if !ok {
				var err error
				if src, err = os.ReadFile(name); err != nil {
					return nil
				}
			}
			f, err := parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments)
			if err != nil {
				return nil
			}
			for _, spec := range f.Imports {
				path, err := strconv.Unquote(spec.Path.Value)
				if err != nil || path == "C" || blanked[path] {
					return nil
				}
				if path != "unsafe" {
					imports[path] = true
				}
			}
			syntax[i] = append(syntax[i], f)
		}
	}
	im := &exportImporter{fset: fset, files: map[string]string{}, pkgs: map[string]*types.Package{}}
	if len(imports) > 0 {
		var paths []string
		for path := range imports {
			paths = append(paths, path)
		}
		deps, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedExportFile, Dir: cfg.Dir, BuildFlags: tagFlags(cfg.Tags)}, paths...)
		if err != nil || len(deps) != len(paths) {
			return nil
		}
		for _, d := range deps {
			if len(d.Errors) > 0 || d.ExportFile == "" {
				return nil
			}
			im.files[d.PkgPath] = d.ExportFile
		}
	}
	out, ok := checkAll(first, fset, syntax, im)
	if ok {
		return out
	}
	// Perhaps only because code refers to handles, which the blanked files
	// held: check again with the handles declared, as the slow path loads
	// again.
	stubs := handleStubs(out)
	if len(stubs) == 0 {
		return nil
	}
	for i, p := range first {
		have := map[string]int{}
		for k, f := range syntax[i] {
			have[fset.File(f.Pos()).Name()] = k
		}
		dir := filepath.Dir(p.GoFiles[0])
		for name, src := range stubs {
			if filepath.Dir(name) != dir {
				continue
			}
			f, err := parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments)
			if err != nil {
				return nil
			}
			if k, ok := have[name]; ok {
				syntax[i][k] = f
			} else {
				syntax[i] = append(syntax[i], f) // not generated yet
			}
		}
	}
	if out, ok = checkAll(first, fset, syntax, im); ok {
		for name, src := range stubs {
			overlay[name] = src // as the slow path's: a later load of tests sees them
		}
		return out
	}
	return nil
}

// checkAll type-checks each package of first from its files in syntax; ok
// reports that none had an error.
func checkAll(first []*packages.Package, fset *token.FileSet, syntax [][]*ast.File, im *exportImporter) (out []*packages.Package, ok bool) {
	ok = true
	out = make([]*packages.Package, len(first))
	for i, p := range first {
		info := &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
		failed := false
		conf := types.Config{
			Importer: im,
			Sizes:    types.SizesFor("gc", runtime.GOARCH),
			Error:    func(error) { failed = true },
		}
		if p.Module != nil && p.Module.GoVersion != "" {
			conf.GoVersion = "go" + p.Module.GoVersion
		}
		tp, _ := conf.Check(p.PkgPath, fset, syntax[i], info)
		if failed || tp == nil {
			ok = false
		}
		out[i] = &packages.Package{
			ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, GoFiles: p.GoFiles, CompiledGoFiles: p.CompiledGoFiles,
			Module: p.Module, Fset: fset, Syntax: syntax[i], Types: tp, TypesInfo: info,
		}
	}
	return out, ok
}

// exportImporter imports packages from the export data go list gives.
type exportImporter struct {
	fset  *token.FileSet
	files map[string]string         // package path → export file
	pkgs  map[string]*types.Package // shared by every read, as gcexportdata asks
}

func (im *exportImporter) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	file, ok := im.files[path]
	if !ok {
		return nil, fmt.Errorf("no export data for %s", path)
	}
	if p := im.pkgs[path]; p != nil && p.Complete() {
		return p, nil
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// go list -export may give a compiler's archive or cmd/export's
	// output; NewReader reads both, as go/packages does.
	//lint:ignore SA1019 go/packages itself reads export files this way.
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %v", path, err)
	}
	return gcexportdata.Read(r, im.fset, im.pkgs, path)
}
