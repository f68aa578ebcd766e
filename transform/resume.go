package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// This file writes a machine's Resume method: the restore of each state, then
// the flat code with its //line directives.

// resume renders the Resume method: the restore of each state, then the flat
// code.
func (e *emitter) resume(m *machine) (string, error) {
	l := m.l
	var b strings.Builder
	ctxName := l.j.ctx.Name()
	if ctxName == "" || ctxName == "_" {
		ctxName = "_"
	}
	fmt.Fprintf(&b, "// Resume implements fsm.Machine: it runs job %s from where it stopped to its\n// next await.\n", l.j.fn.Name())
	if len(l.defers) > 0 {
		fmt.Fprintf(&b, "func (%s *%s) Resume(%s %s.Context, %s %s.Outcome) (%s %s.AnyOp, %s error) {\n", m.recv, m.typeUse, ctxName, e.rt, m.in, e.rt, m.rop, e.rt, m.rerr)
	} else {
		fmt.Fprintf(&b, "func (%s *%s) Resume(%s %s.Context, %s %s.Outcome) (%s.AnyOp, error) {\n", m.recv, m.typeUse, ctxName, e.rt, m.in, e.rt, e.rt)
	}
	if len(l.vars) > 0 {
		b.WriteString("var (\n")
		for _, v := range l.vars {
			fmt.Fprintf(&b, "%s %s\n", v.name, e.im.typeString(v.typ))
		}
		b.WriteString(")\n")
	}
	var params []string
	for _, v := range l.vars {
		if v.param && v.obj != nil && !usesObject(l.info, l.j.decl.Body.List, v.obj) {
			params = append(params, v.name)
		}
	}
	if len(params) > 0 {
		// A job may never read a parameter; Go does not count it as unused,
		// but here it is a local.
		fmt.Fprintf(&b, "%s = %s\n", strings.Repeat("_, ", len(params)-1)+"_", strings.Join(params, ", "))
	}
	if named := m.namedResultVars(); len(named) > 0 {
		// A job may never read its named results; Go does not count them as
		// unused, but here they are locals.
		fmt.Fprintf(&b, "%s = %s\n", strings.Repeat("_, ", len(named)-1)+"_", strings.Join(named, ", "))
	}
	fmt.Fprintf(&b, "%s := %s.state\n%s.state = %s.StatePoisoned\n", m.st, m.recv, m.recv, e.rt)
	deferring := len(l.defers) > 0
	if deferring {
		e.writeDeferEnd(&b, m)
	}
	fmt.Fprintf(&b, "switch %s {\n", m.st)
	var renderErr error
	restore := func(vars []*hvar) {
		if len(vars) == 0 {
			return
		}
		var lhs, rhs []string
		var remake []*hvar
		for _, v := range vars {
			if v.remake != nil {
				remake = append(remake, v)
				continue
			}
			lhs = append(lhs, v.name)
			rhs = append(rhs, m.recv+".v."+v.name)
		}
		if len(lhs) > 0 {
			fmt.Fprintf(&b, "%s = %s\n", strings.Join(lhs, ", "), strings.Join(rhs, ", "))
		}
		for _, v := range remake {
			text, err := e.render(l, m, v.remake)
			if err != nil {
				renderErr = err
				return
			}
			b.WriteString(text + "\n")
		}
	}
	b.WriteString("case 0:\n")
	restore(m.entry)
	reach, refs := l.reachability()
	for _, s := range l.awaits {
		fmt.Fprintf(&b, "case %d:\n", s.state)
		restore(s.live)
		if !deferring {
			fmt.Fprintf(&b, "goto %s\n", resumeLabel(s))
		}
	}
	if renderErr != nil {
		return "", renderErr
	}
	fmt.Fprintf(&b, "case %s.StateDone:\n%s.state = %s\nreturn nil, %s.ErrFinished\n", e.rt, m.recv, m.st, e.rt)
	fmt.Fprintf(&b, "default:\n%s.state = %s\nreturn nil, %s.ErrPoisoned\n}\n", m.recv, m.st, e.rt)
	if deferring {
		if err := e.writeDeferAgain(&b, m); err != nil {
			return "", err
		}
	}

	terminated := false
	w := &lineWriter{b: &b, e: e}
	for i, s := range l.code {
		if !reach[i] {
			continue
		}
		switch s.kind {
		case fLabel:
			if refs[s.label] {
				w.neutral(s.label + ":\n")
				terminated = false
			}
		case fGoto:
			w.gen("goto " + s.label + "\n")
			terminated = true
		case fIfGoto:
			cond, err := e.render(l, m, s.cond)
			if err != nil {
				return "", err
			}
			w.user(s.pos, fmt.Sprintf("if %s {\ngoto %s\n}\n", cond, s.label))
			terminated = false
		case fSuspend:
			op, err := e.render(l, m, s.await.op)
			if err != nil {
				return "", err
			}
			var save string
			if len(s.await.saved) > 0 {
				var lhs, rhs []string
				for _, v := range s.await.saved {
					lhs = append(lhs, m.recv+".v."+v.name)
					rhs = append(rhs, v.name)
				}
				save = fmt.Sprintf("%s = %s\n", strings.Join(lhs, ", "), strings.Join(rhs, ", "))
			}
			if save != "" && callsInside(s.await.op) {
				// Making the op may change saved variables (a closure or a
				// method with a pointer receiver): make it, then save.
				name := l.names.fresh("op")
				w.gen("{\n")
				w.user(s.pos, fmt.Sprintf("%s := %s\n", name, op))
				w.gen(save)
				w.user(s.pos, fmt.Sprintf("return %s.suspend(%d, %s)\n", m.recv, s.await.state, name))
				w.gen("}\n")
			} else {
				if save != "" {
					w.gen(save)
				}
				w.user(s.pos, fmt.Sprintf("return %s.suspend(%d, %s)\n", m.recv, s.await.state, op))
			}
			terminated = true
		case fNest:
			// Run the nested job's machine to its next await; while it awaits,
			// the job is suspended on the same op, holding the machine.
			op, err := l.names.fresh("op"), l.names.fresh("err")
			ctxName := l.j.ctx.Name()
			w.user(s.pos, fmt.Sprintf("if %s, %s := %s.Nest(%s, %s, %s); %s != nil {\nreturn nil, %s\n} else if %s != nil {\n", op, err, e.rt, ctxName, s.await.nest.name, m.in, err, err, op))
			if len(s.await.saved) > 0 {
				var lhs, rhs []string
				for _, v := range s.await.saved {
					lhs = append(lhs, m.recv+".v."+v.name)
					rhs = append(rhs, v.name)
				}
				w.gen(fmt.Sprintf("%s = %s\n", strings.Join(lhs, ", "), strings.Join(rhs, ", ")))
			}
			w.gen(fmt.Sprintf("return %s.suspend(%d, %s)\n}\n", m.recv, s.await.state, op))
			terminated = false
		case fNode:
			text, err := e.render(l, m, s.node)
			if err != nil {
				return "", err
			}
			w.user(s.pos, text+"\n")
			terminated = l.terminates(s.node)
		}
	}
	// What follows the flat code is fsmgen's own.
	w.gen("")
	if !terminated {
		fmt.Fprintf(&b, "return %s.finish(%s)\n", m.recv, strings.Join(e.namedResults(m), ", "))
	}
	b.WriteString("}\n")
	return b.String(), nil
}

// writeDeferEnd writes the first defer of a Resume in a job with defers
// across awaits; it runs after the job's deferred calls. When the job
// returned, it takes the named results as the deferred calls left them. When
// the job panicked, it lets the panic go on, unless a deferred call recovered
// it: then the job returns its named results (or the results a return gave
// before the panic), as a function that recovers does.
func (e *emitter) writeDeferEnd(b *strings.Builder, m *machine) {
	fmt.Fprintf(b, "defer func() {\nif %s.state >= 0 || %s != nil {\nreturn\n}\n", m.recv, m.rerr)
	fmt.Fprintf(b, "if p := recover(); p != nil {\n%s.state = %s.StatePoisoned\npanic(p)\n}\n", m.recv, e.rt)
	res := m.l.j.sig.Results()
	for i := 0; i < res.Len(); i++ {
		if v, ok := m.l.byObj[res.At(i)]; ok {
			fmt.Fprintf(b, "%s.r%d = %s\n", m.recv, i, v.name)
		}
	}
	fmt.Fprintf(b, "%s.state = %s.StateDone\n%s = nil\n}()\n", m.recv, e.rt, m.rop)
}

// writeDeferAgain writes, after the state switch of a job with defers across
// awaits, the registration of the defers that come before the await the
// machine resumes at (in source order, each written once), then the jump to
// that await.
func (e *emitter) writeDeferAgain(b *strings.Builder, m *machine) error {
	l := m.l
	counts := []string{"0"} // state 0 is the start: no defer yet
	for _, s := range l.awaits {
		counts = append(counts, strconv.Itoa(s.defers))
	}
	i, n := l.names.fresh("i"), l.names.fresh("n")
	b.WriteString("// The defers registered before the await the job resumes at.\n")
	fmt.Fprintf(b, "for %s, %s := 0, [...]int{%s}[%s]; %s < %s; %s++ {\nswitch %s {\n", i, n, strings.Join(counts, ", "), m.st, i, n, i, i)
	for k, d := range l.defers {
		text, err := e.render(l, m, d.node)
		if err != nil {
			return err
		}
		fmt.Fprintf(b, "case %d:\n%s\n", k, text)
	}
	fmt.Fprintf(b, "}\n}\nswitch %s {\n", m.st)
	for _, s := range l.awaits {
		fmt.Fprintf(b, "case %d:\ngoto %s\n", s.state, resumeLabel(s))
	}
	b.WriteString("}\n")
	return nil
}

// delegateResume renders the Resume of a job without awaits: a call of the job
// function itself, under the machine's context.
func (e *emitter) delegateResume(m *machine) string {
	l, j := m.l, m.l.j
	var b strings.Builder
	ctxName := l.names.fresh("ctx")
	fmt.Fprintf(&b, "// Resume implements fsm.Machine. Job %s never awaits, so its machine calls\n// the function itself.\n", j.fn.Name())
	fmt.Fprintf(&b, "func (%s *%s) Resume(%s %s.Context, _ %s.Outcome) (%s.AnyOp, error) {\n", m.recv, m.typeUse, ctxName, e.rt, e.rt, e.rt)
	fmt.Fprintf(&b, "switch %s.state {\ncase %s.StateDone:\nreturn nil, %s.ErrFinished\ncase %s.StatePoisoned:\nreturn nil, %s.ErrPoisoned\n}\n", m.recv, e.rt, e.rt, e.rt, e.rt)
	fmt.Fprintf(&b, "%s.state = %s.StatePoisoned\n", m.recv, e.rt)
	arg := func(p *types.Var) string {
		if v, ok := l.byObj[p]; ok {
			return m.recv + ".v." + v.name
		}
		return zeroText(p.Type(), e.im)
	}
	var args []string
	args = append(args, ctxName)
	for i := 1; i < j.sig.Params().Len(); i++ {
		a := arg(j.sig.Params().At(i))
		if j.sig.Variadic() && i == j.sig.Params().Len()-1 {
			a += "..."
		}
		args = append(args, a)
	}
	callee := j.fn.Name()
	if j.generic() {
		_, use := e.typeParamList(j)
		callee += use
	}
	if recv := j.sig.Recv(); recv != nil {
		callee = arg(recv) + "." + j.fn.Name()
	}
	call := fmt.Sprintf("%s(%s)", callee, strings.Join(args, ", "))
	if j.sig.Results().Len() == 0 {
		fmt.Fprintf(&b, "%s\nreturn %s.finish()\n}\n", call, m.recv)
	} else {
		fmt.Fprintf(&b, "return %s.finish(%s)\n}\n", m.recv, call)
	}
	return b.String()
}

func (m *machine) namedResultVars() []string {
	var out []string
	for _, v := range m.l.vars {
		if v.result > 0 {
			out = append(out, v.name)
		}
	}
	return out
}

// namedResults are the arguments of finish for a bare return.
func (e *emitter) namedResults(m *machine) []string {
	var out []string
	res := m.l.j.sig.Results()
	for i := 0; i < res.Len(); i++ {
		r := res.At(i)
		if v, ok := m.l.byObj[r]; ok {
			out = append(out, v.name)
		} else {
			out = append(out, "*new("+e.im.typeString(r.Type())+")")
		}
	}
	return out
}

// lineWriter writes flat code with //line directives: statements from the
// job's source point back to it, and the code fsmgen adds points to the
// generated file itself (through reset markers that finishFile numbers). A
// directive is written only where the mapping changes.
type lineWriter struct {
	b        *strings.Builder
	e        *emitter
	inUser   bool // the current output line maps to the job's source
	nextLine int  // when inUser, the source line the next output line maps to
}

// user writes text that comes from the source at pos.
func (w *lineWriter) user(pos token.Pos, text string) {
	if !pos.IsValid() || noLineDirectives {
		w.gen(text)
		return
	}
	p := w.e.fset.Position(pos)
	if !w.inUser || w.nextLine != p.Line {
		fmt.Fprintf(w.b, "//line %s:%d\n", shortFile(p.Filename), p.Line)
	}
	w.b.WriteString(text)
	w.inUser = true
	w.nextLine = p.Line + strings.Count(text, "\n")
}

// gen writes code that fsmgen adds.
func (w *lineWriter) gen(text string) {
	if w.inUser && !noLineDirectives {
		w.b.WriteString("//fsmgen:reset\n")
	}
	w.inUser = false
	w.b.WriteString(text)
}

// neutral writes a line that maps nowhere in particular (a label).
func (w *lineWriter) neutral(text string) {
	w.b.WriteString(text)
	if w.inUser {
		w.nextLine += strings.Count(text, "\n")
	}
}

// callsInside reports whether an op expression calls anything besides its
// outermost call (Activity.Call(x), fsm.Sleep(d), ...).
func callsInside(op ast.Expr) bool {
	outer, _ := ast.Unparen(op).(*ast.CallExpr)
	found := false
	ast.Inspect(op, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && c != outer {
			found = true
		}
		return !found
	})
	return found
}
