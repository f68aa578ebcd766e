package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// A defer in a job that awaits registers a call that must run once, when the
// job returns or panics, which may be many resumes later. The check stage
// keeps such defers at the top level of the job's body, where each runs at
// most once and after every statement before it, and forbids goto; so which
// defers are registered when the machine stops at an await is known from
// where the await is.
//
// A deferred call becomes a Go defer of a wrapper in Resume:
//
//	defer func() {
//		if m.state >= 0 || err != nil { // the machine suspended, or failed
//			return
//		}
//		f(t1, t2)
//	}()
//
// where t1, t2 are temporaries holding the arguments evaluated at the defer
// statement, as Go evaluates them; they are live, and saved, at every await
// after it. Each resume registers again, before jumping back into the job,
// the wrappers of the defers registered before the await it resumes at. A
// deferred function literal is its own wrapper (the guard is its first
// statement), so that recover called in it stops a panic as in the plain
// function; and the variables it captures are live at every later await.
//
// A wrapper calls the deferred function rather than deferring it, which
// changes one thing: recover called directly in that function would not stop
// a panic. So the function must be known not to call recover: a function of
// the job's own package whose body is read, or one of the standard library.
// Anything else is refused with the hint to wrap the call in a literal, where
// the plain function behaves like the machine.

// deferSite is a defer statement of a job that awaits.
type deferSite struct {
	node *ast.DeferStmt // the registration in flat code
	uses []*hvar        // what it reads when it runs
	pos  token.Pos
}

// deferStmt lowers a top-level defer statement of a job that awaits.
func (l *lowerer) deferStmt(s *ast.DeferStmt) {
	line := strconv.Itoa(l.j.position(s.Pos()).Line)
	call := s.Call
	// keep returns the expression that stands for e when the call runs: e
	// itself if it is a constant, else a temporary assigned e here, in the
	// order Go evaluates a deferred call's function and arguments.
	keep := func(e ast.Expr, what string) ast.Expr {
		if tv, ok := l.info.Types[e]; ok && (tv.Value != nil || tv.IsNil()) {
			return e
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			// A variable of the job that nothing changes after the defer
			// statement: the variable itself, so that it is not saved
			// twice (two names of one map or array would not be stored).
			if v, isVar := l.byObj[l.objectOf(id)]; isVar && !l.changedAfter(v, s.End()) {
				return e
			}
		}
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			// &x of a variable of the job: the address of the variable as it
			// is when the call runs, which is what the plain function's
			// deferred call sees through it.
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
				if _, isVar := l.byObj[l.objectOf(id)]; isVar {
					return e
				}
			}
		}
		id := l.temp(l.typeOf(e), "deferred", what+" of the deferred call at line "+line)
		l.emit(fstmt{kind: fNode, node: &ast.AssignStmt{Lhs: []ast.Expr{id}, Tok: token.ASSIGN, TokPos: e.Pos(), Rhs: []ast.Expr{e}}, pos: s.Pos()})
		return id
	}

	var fun ast.Expr
	var args []ast.Expr
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		if lit.Type.Results != nil && len(lit.Type.Results.List) > 0 {
			l.ds.errorf(lit.Pos(), "deferred function literal with results in a job that awaits: its results are discarded, and a machine adds a statement before its body; drop the results")
			return
		}
		args = l.deferArgs(call, line, keep)
		body := append([]ast.Stmt{l.deferGuard()}, lit.Body.List...)
		fun = &ast.FuncLit{Type: lit.Type, Body: &ast.BlockStmt{Lbrace: lit.Body.Lbrace, List: body, Rbrace: lit.Body.Rbrace}}
	} else {
		f, ok := l.deferredFunc(call, keep)
		if !ok {
			return
		}
		inner := &ast.CallExpr{Fun: f, Args: l.deferArgs(call, line, keep), Ellipsis: call.Ellipsis}
		fun = &ast.FuncLit{
			Type: &ast.FuncType{Params: &ast.FieldList{}},
			Body: &ast.BlockStmt{List: []ast.Stmt{l.deferGuard(), &ast.ExprStmt{X: inner}}},
		}
	}
	d := &deferSite{pos: s.Pos()}
	d.node = &ast.DeferStmt{Defer: s.Defer, Call: &ast.CallExpr{Fun: fun, Args: args}}
	if args != nil {
		d.node.Call.Ellipsis = call.Ellipsis
	}
	d.uses = l.varsIn(d.node, map[*hvar]bool{})
	l.defers = append(l.defers, d)
	l.emit(fstmt{kind: fNode, node: d.node, pos: s.Pos()})
}

// deferArgs evaluates the arguments of a deferred call, through keep.
func (l *lowerer) deferArgs(call *ast.CallExpr, line string, keep func(ast.Expr, string) ast.Expr) []ast.Expr {
	if len(call.Args) == 1 {
		if tup, ok := l.info.TypeOf(call.Args[0]).(*types.Tuple); ok {
			// f(g()): g's results, each kept.
			var ids []ast.Expr
			for i := 0; i < tup.Len(); i++ {
				ids = append(ids, l.temp(tup.At(i).Type(), "deferred", "argument "+strconv.Itoa(i+1)+" of the deferred call at line "+line))
			}
			l.emit(fstmt{kind: fNode, node: &ast.AssignStmt{Lhs: ids, Tok: token.ASSIGN, TokPos: call.Pos(), Rhs: []ast.Expr{call.Args[0]}}, pos: call.Pos()})
			return ids
		}
	}
	out := []ast.Expr{}
	for i, a := range call.Args {
		out = append(out, keep(a, "argument "+strconv.Itoa(i+1)))
	}
	return out
}

// deferredFunc returns the function a wrapper calls for a deferred call that
// is not a literal, keeping a method value's receiver; ok is false after a
// diagnostic.
func (l *lowerer) deferredFunc(call *ast.CallExpr, keep func(ast.Expr, string) ast.Expr) (ast.Expr, bool) {
	fun := ast.Unparen(call.Fun)
	base := fun
	switch f := fun.(type) {
	case *ast.IndexExpr: // f[T]
		base = f.X
	case *ast.IndexListExpr:
		base = f.X
	}
	var id *ast.Ident
	switch b := base.(type) {
	case *ast.Ident:
		id = b
	case *ast.SelectorExpr:
		if sel := l.info.Selections[b]; sel != nil {
			return l.deferredMethod(call, b, sel, keep)
		}
		id = b.Sel // a qualified name
	}
	switch obj := l.info.Uses[id].(type) {
	case *types.Builtin:
		if obj.Name() == "recover" {
			l.ds.errorf(call.Pos(), "defer recover() in a job that awaits: a machine calls deferred functions from a wrapper, where recover would stop a panic that the plain function's deferred recover does not; call recover in a deferred function literal")
			return nil, false
		}
		return fun, true
	case *types.Func:
		return fun, l.knownNotToRecover(call, obj)
	}
	l.ds.errorf(call.Pos(), "defer of a function value in a job that awaits: function values cannot be checkpointed; defer a function literal or a named function")
	return nil, false
}

// deferredMethod handles defer x.M(args).
func (l *lowerer) deferredMethod(call *ast.CallExpr, fun *ast.SelectorExpr, sel *types.Selection, keep func(ast.Expr, string) ast.Expr) (ast.Expr, bool) {
	if sel.Kind() != types.MethodVal {
		// A method expression, T.M or (*T).M: a function.
		return fun, l.knownNotToRecover(call, sel.Obj().(*types.Func))
	}
	m := sel.Obj().(*types.Func)
	if types.IsInterface(sel.Recv()) {
		l.ds.errorf(call.Pos(), "defer of method %s through an interface in a job that awaits: a machine calls deferred functions from a wrapper, and fsmgen cannot see whether the method calls recover, which would then behave differently; write defer func() { %s(...) }()", m.Name(), types.ExprString(fun))
		return nil, false
	}
	if len(sel.Index()) > 1 {
		l.ds.errorf(call.Pos(), "defer of promoted method %s in a job that awaits is not supported: the embedded value it runs on is not evaluated as the plain function evaluates it; write defer func() { %s(...) }()", m.Name(), types.ExprString(fun))
		return nil, false
	}
	if !l.knownNotToRecover(call, m) {
		return nil, false
	}
	ptrRecv := false
	if recv := m.Type().(*types.Signature).Recv(); recv != nil {
		_, ptrRecv = recv.Type().(*types.Pointer)
	}
	_, xPtr := l.typeOf(fun.X).Underlying().(*types.Pointer)
	var x ast.Expr
	switch {
	case ptrRecv && !xPtr:
		// x.M means (&x).M: the variable itself, as it is when the call runs.
		id, ok := ast.Unparen(fun.X).(*ast.Ident)
		if _, isVar := l.byObj[l.objectOf(id)]; !ok || !isVar {
			l.ds.errorf(call.Pos(), "defer of method %s on %s in a job that awaits: its pointer receiver is the address of a part of a variable, which cannot be checkpointed; copy the part into a variable and defer the method on it", m.Name(), types.ExprString(fun.X))
			return nil, false
		}
		x = fun.X
	case !ptrRecv && xPtr:
		// p.M with a value receiver copies *p at the defer statement.
		star := &ast.StarExpr{X: fun.X}
		l.synth[star] = l.typeOf(fun.X).Underlying().(*types.Pointer).Elem()
		x = keep(star, "the receiver")
	default:
		x = keep(fun.X, "the receiver")
	}
	return &ast.SelectorExpr{X: x, Sel: fun.Sel}, true
}

// knownNotToRecover reports whether fn, called by a wrapper instead of being
// deferred, behaves as when deferred: it is sure not to call recover itself.
// When it is not, it reports why.
func (l *lowerer) knownNotToRecover(call *ast.CallExpr, fn *types.Func) bool {
	fn = fn.Origin()
	pkg := fn.Pkg()
	if pkg == nil {
		return true
	}
	if pkg == l.j.pkg.Types {
		if decl := l.funcDecl(fn); decl != nil && decl.Body != nil {
			if callsRecover(l.info, decl.Body) {
				l.ds.errorf(call.Pos(), "defer of %s, which calls recover, in a job that awaits: a machine calls deferred functions from a wrapper, where recover no longer stops the panic; write defer func() { if r := recover(); ... }() in the job", fn.Name())
				return false
			}
			return true
		}
	}
	if isStdlib(pkg.Path()) {
		return true
	}
	l.ds.errorf(call.Pos(), "defer of %s.%s in a job that awaits: a machine calls deferred functions from a wrapper, and fsmgen cannot read %s to see whether it calls recover, which would then behave differently; write defer func() { %s.%s(...) }()", pkg.Name(), fn.Name(), pkg.Path(), pkg.Name(), fn.Name())
	return false
}

// funcDecl returns the declaration of a function of the job's package.
func (l *lowerer) funcDecl(fn *types.Func) *ast.FuncDecl {
	for _, f := range l.j.pkg.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && l.info.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}

// callsRecover reports whether body calls recover itself (not in a function
// literal, where recover stops nothing the caller's defer would).
func callsRecover(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "recover" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isStdlib reports whether a package path is of the standard library.
func isStdlib(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// deferGuard is the first statement of a deferred call's wrapper: it returns
// when Resume returns because the machine suspended or failed.
func (l *lowerer) deferGuard() ast.Stmt {
	return &ast.IfStmt{
		Cond: l.placeholder(placeholder{kind: phDeferGuard}),
		Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{}}},
	}
}

// deferredBefore sets, for each await, how many defers are registered when
// the machine stops there, and adds what those defers read to what the
// await saves. A job's named results are saved too: a deferred call may read
// them, and after a recovered panic the job returns them.
func (l *lowerer) deferredBefore() {
	if len(l.defers) == 0 {
		return
	}
	index := map[ast.Stmt]int{}
	for i, d := range l.defers {
		index[d.node] = i + 1
	}
	n := 0
	for _, s := range l.code {
		switch s.kind {
		case fNode:
			if k, ok := index[s.node]; ok {
				n = k
			}
		case fSuspend, fNest:
			s.await.defers = n
		}
	}
	for _, site := range l.awaits {
		if site.defers == 0 {
			continue
		}
		has := map[*hvar]bool{}
		for _, v := range site.live {
			has[v] = true
		}
		add := func(v *hvar) {
			if !has[v] {
				has[v] = true
				site.live = append(site.live, v)
			}
		}
		for _, d := range l.defers[:site.defers] {
			for _, v := range d.uses {
				add(v)
			}
		}
		for _, v := range l.vars {
			if v.result > 0 {
				add(v)
			}
		}
		site.saved = l.withSources(site.live)
	}
}

// changedAfter reports whether the job may change variable v after pos, when
// a deferred call registered at pos reads it: assigned after pos or in any
// function literal, its address taken or a method with a pointer receiver
// called on it anywhere, or, for a named result, returned a value after pos.
func (l *lowerer) changedAfter(v *hvar, pos token.Pos) bool {
	if v.obj == nil {
		return true
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && l.info.ObjectOf(id) == v.obj
	}
	// inV reports whether e is v or a part of v's own value (v.f, v[i] of an
	// array): not memory v refers to, which both runs share.
	inV := func(e ast.Expr) bool {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.SelectorExpr:
				if _, ptr := l.typeOf(x.X).Underlying().(*types.Pointer); ptr {
					return false
				}
				e = x.X
			case *ast.IndexExpr:
				if _, arr := l.typeOf(x.X).Underlying().(*types.Array); !arr {
					return false
				}
				e = x.X
			default:
				return isV(e)
			}
		}
	}
	_, vPtr := v.typ.Underlying().(*types.Pointer)
	changed := false
	var walk func(n ast.Node, inLit bool)
	walk = func(root ast.Node, inLit bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if changed || n == nil {
				return false
			}
			later := inLit || n.Pos() > pos
			switch n := n.(type) {
			case *ast.FuncLit:
				if n != root {
					walk(n.Body, true)
					return false
				}
			case *ast.AssignStmt:
				for _, e := range n.Lhs {
					changed = changed || (later && inV(e))
				}
			case *ast.IncDecStmt:
				changed = later && inV(n.X)
			case *ast.RangeStmt:
				changed = later && ((n.Key != nil && inV(n.Key)) || (n.Value != nil && inV(n.Value)))
			case *ast.UnaryExpr:
				changed = n.Op == token.AND && inV(n.X)
			case *ast.SelectorExpr:
				if sel := l.info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && inV(n.X) && !vPtr {
					if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
						_, changed = sig.Recv().Type().(*types.Pointer)
					}
				}
			case *ast.ReturnStmt:
				if v.result > 0 && later && len(n.Results) > 0 {
					i := v.result - 1
					changed = len(n.Results) != l.j.sig.Results().Len() || !isV(n.Results[i])
				}
			}
			return !changed
		})
	}
	walk(l.j.decl.Body, false)
	return changed
}
