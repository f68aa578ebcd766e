package transform

import (
	"fmt"
	"go/token"
	"sort"
)

// A Diagnostic is one reason fsmgen refuses a job, at a source position.
type Diagnostic struct {
	Pos     token.Position
	Message string

	pos token.Pos // in the loaded file set, for the Analyzer
}

// String formats the diagnostic as go vet does: path/file.go:LINE:COL: message.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s", d.Pos, d.Message)
}

// diagnostics collects the diagnostics of one run.
type diagnostics struct {
	fset *token.FileSet
	list []Diagnostic
}

func (ds *diagnostics) errorf(pos token.Pos, format string, args ...any) {
	ds.list = append(ds.list, Diagnostic{Pos: ds.fset.Position(pos), Message: fmt.Sprintf(format, args...), pos: pos})
}

// sortDiagnostics orders diagnostics by file, line and column and drops exact
// duplicates.
func sortDiagnostics(list []Diagnostic) []Diagnostic {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i].Pos, list[j].Pos
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	out := list[:0]
	for i, d := range list {
		if i > 0 && d == list[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}
