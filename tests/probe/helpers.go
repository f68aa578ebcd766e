package probe

import (
	htemplate "html/template"
	"math/rand/v2"
	ttemplate "text/template"
)

// Helpers that return values of other packages' types, so that jobs can hold
// them without naming the packages.

func textTmpl(s string) *ttemplate.Template {
	return ttemplate.Must(ttemplate.New("t").Parse(s))
}

func htmlTmpl(s string) *htemplate.Template {
	return htemplate.Must(htemplate.New("h").Parse(s))
}

func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }
