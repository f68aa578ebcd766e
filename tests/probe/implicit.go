package probe

import (
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// ImplicitTwoTemplates holds values of two packages named template, which the
// job never names.
//
//fsmgen:job
func ImplicitTwoTemplates(ctx fsm.Context) (string, error) {
	name := v(fsm.Await(ctx, Str.Call("<i>")))
	t1 := textTmpl("{{.}}")
	t2 := htmlTmpl("{{.}}")
	var b1, b2 strings.Builder
	_ = t1.Execute(&b1, name)
	_ = t2.Execute(&b2, name)
	return v(fsm.Await(ctx, Str.Call(b1.String()+"|"+b2.String()))), nil
}

// ImplicitRandV2 holds a *rand.Rand of math/rand/v2 between awaits.
//
//fsmgen:job
func ImplicitRandV2(ctx fsm.Context) (int, error) {
	n := v(fsm.Await(ctx, Echo.Call(10)))
	r := newRand()
	x := r.IntN(n) * 0
	return v(fsm.Await(ctx, Echo.Call(x+n))), nil
}

// ImplicitLocalNamedTemplate declares a local named template while holding
// a template value it never names the package of.
//
//fsmgen:job
func ImplicitLocalNamedTemplate(ctx fsm.Context) (string, error) {
	template := v(fsm.Await(ctx, Str.Call("z")))
	t := textTmpl("<{{.}}>")
	var b strings.Builder
	_ = t.Execute(&b, template)
	return v(fsm.Await(ctx, Str.Call(b.String()))), nil
}

// ImplicitLocalNamedRand declares a local named rand while holding a
// *rand.Rand.
//
//fsmgen:job
func ImplicitLocalNamedRand(ctx fsm.Context) (int, error) {
	rand := v(fsm.Await(ctx, Echo.Call(3)))
	r := newRand()
	return rand + r.IntN(2)*0, nil
}
