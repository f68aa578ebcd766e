// Fsmvet reports //fsmgen:job functions that fsmgen refuses, as a vet tool:
//
//	go install github.com/fsmgen/fsmgen/cmd/fsmvet
//	go vet -vettool=$(which fsmvet) ./...
//
// It also runs on its own (fsmvet ./...), and its analyzer,
// transform.Analyzer, can be added to gopls or golangci-lint. The
// diagnostics are those of the fsmgen command; see docs/refusals.md.
package main

import (
	"github.com/fsmgen/fsmgen/transform"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(transform.Analyzer) }
