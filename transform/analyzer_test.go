package transform

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestAnalyzer runs the Analyzer over testdata/refused, whose `// want`
// comments name the diagnostic each line must get, and over testdata/golden,
// which must get none.
func TestAnalyzer(t *testing.T) {
	// The module root holds go.mod, so analysistest loads in module mode.
	analysistest.Run(t, "..", Analyzer, "./transform/testdata/refused", "./transform/testdata/golden")
}
