package transform

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// Analyzer reports the //fsmgen:job functions of a package that fsmgen
// refuses, with the diagnostics the fsmgen command prints, so that go vet
// (through cmd/fsmvet), gopls and golangci-lint show them where the code is
// written.
var Analyzer = &analysis.Analyzer{
	Name: "fsmgen",
	Doc: `report //fsmgen:job functions that cannot become state machines

A job is refused when fsmgen cannot turn it into a machine that behaves
exactly like the function: an await where a machine cannot stop, a variable
held across an await that cannot be saved, a signature that is not a job's.
See docs/refusals.md in the fsmgen repository.`,
	URL: "https://github.com/fsmgen/fsmgen/blob/main/docs/refusals.md",
	Run: runAnalyzer,
}

func runAnalyzer(pass *analysis.Pass) (any, error) {
	pkg := &packages.Package{
		ID:        pass.Pkg.Path(),
		Name:      pass.Pkg.Name(),
		PkgPath:   pass.Pkg.Path(),
		Fset:      pass.Fset,
		Syntax:    pass.Files,
		Types:     pass.Pkg,
		TypesInfo: pass.TypesInfo,
	}
	if pass.Module != nil {
		pkg.Module = &packages.Module{Path: pass.Module.Path}
	}
	ds := &diagnostics{fset: pass.Fset}
	analyzePackage(pkg, ds, nil)
	findMigrations(pkg, ds)
	for _, d := range sortDiagnostics(ds.list) {
		pass.Report(analysis.Diagnostic{Pos: d.pos, Message: d.Message})
	}
	return nil, nil
}
