package probe

import (
	htemplate "html/template"
	"strings"
	ttemplate "text/template"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Jobs whose variables have types the generated file must spell.

// ImportsTwoTemplates uses two packages named template, under aliases.
//
//fsmgen:job
func ImportsTwoTemplates(ctx fsm.Context) (string, error) {
	name := v(fsm.Await(ctx, Str.Call("<b>")))
	t1 := ttemplate.Must(ttemplate.New("t").Parse("{{.}}"))
	t2 := htemplate.Must(htemplate.New("h").Parse("{{.}}"))
	var b1, b2 strings.Builder
	_ = t1.Execute(&b1, name)
	_ = t2.Execute(&b2, name)
	s := b1.String() + "|" + b2.String()
	return v(fsm.Await(ctx, Str.Call(s))), nil
}

// ImportsLocalNamedLikeAliasedPackage declares a local named template, the
// real name of the aliased packages whose types its variables have.
//
//fsmgen:job
func ImportsLocalNamedLikeAliasedPackage(ctx fsm.Context) (string, error) {
	template := v(fsm.Await(ctx, Str.Call("x")))
	t := ttemplate.Must(ttemplate.New("t").Parse("[{{.}}]"))
	var b strings.Builder
	_ = t.Execute(&b, template)
	return v(fsm.Await(ctx, Str.Call(b.String()))), nil
}
