package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// This file is the lower stage for expressions: awaits are lifted out of
// expressions in Go's order of evaluation, spilling what must be evaluated
// before them into temporaries.

// lhsList lowers the operands of a list of assignment targets that precede an
// await.
func (l *lowerer) lhsList(lhs []ast.Expr, spill bool) []ast.Expr {
	parts, rebuild := l.lhsParts(lhs)
	if !spill {
		return rebuild(parts)
	}
	out := make([]ast.Expr, len(parts))
	for i, p := range parts {
		out[i] = l.expr(p)
		if needsSpill(l.info, out[i]) {
			out[i] = l.spill(out[i], "v", "an operand")
		}
	}
	return rebuild(out)
}

// lhs lowers one assignment target; spill says an await follows it.
func (l *lowerer) lhs(e ast.Expr, spill bool) ast.Expr {
	parts, rebuild := l.lhsParts([]ast.Expr{e})
	var out []ast.Expr
	if spill {
		out = l.lhsList([]ast.Expr{e}, true)
		return out[0]
	}
	out = l.operands(parts)
	return rebuild(out)[0]
}

// lhsParts splits assignment targets into the operands Go evaluates before
// assigning (see addrParts), and returns how to rebuild the targets from the
// lowered operands.
func (l *lowerer) lhsParts(lhs []ast.Expr) ([]ast.Expr, func([]ast.Expr) []ast.Expr) {
	var parts []ast.Expr
	var rebuilds []func([]ast.Expr) ast.Expr
	var counts []int
	for _, e := range lhs {
		ps, rb := l.addrParts(e)
		parts = append(parts, ps...)
		rebuilds = append(rebuilds, rb)
		counts = append(counts, len(ps))
	}
	rebuild := func(ops []ast.Expr) []ast.Expr {
		out := make([]ast.Expr, len(lhs))
		i := 0
		for k, rb := range rebuilds {
			out[k] = rb(ops[i : i+counts[k]])
			i += counts[k]
		}
		return out
	}
	return parts, rebuild
}

// addrParts splits an operand that denotes a variable or a part of one (x,
// x.f, a[i], *p, p.f, s[i]) into the operands Go evaluates to find it: index
// expressions and pointers, but not the variable itself. Evaluating those early
// and rebuilding e from them keeps e addressable, so an assignment or a
// pointer method after an await still reaches the variable, not a copy. An
// operand that denotes no variable is one part, its value.
func (l *lowerer) addrParts(e ast.Expr) ([]ast.Expr, func([]ast.Expr) ast.Expr) {
	same := func([]ast.Expr) ast.Expr { return e }
	switch x := e.(type) {
	case *ast.Ident:
		return nil, same
	case *ast.ParenExpr:
		return l.addrParts(x.X)
	case *ast.SelectorExpr:
		sel, ok := l.info.Selections[x]
		if !ok || sel.Kind() != types.FieldVal {
			break
		}
		var parts []ast.Expr
		var inner func([]ast.Expr) ast.Expr
		if _, isPtr := l.typeOf(x.X).Underlying().(*types.Pointer); isPtr {
			parts, inner = []ast.Expr{x.X}, func(ops []ast.Expr) ast.Expr { return ops[0] }
		} else {
			parts, inner = l.addrParts(x.X)
		}
		return parts, func(ops []ast.Expr) ast.Expr {
			u := *x
			u.X = inner(ops)
			return l.derived(x, &u)
		}
	case *ast.IndexExpr:
		if tv, ok := l.info.Types[x.X]; ok && tv.IsType() {
			break // a generic instantiation
		}
		var parts []ast.Expr
		var inner func([]ast.Expr) ast.Expr
		if _, isArr := l.typeOf(x.X).Underlying().(*types.Array); isArr {
			parts, inner = l.addrParts(x.X)
		} else {
			parts, inner = []ast.Expr{x.X}, func(ops []ast.Expr) ast.Expr { return ops[0] }
		}
		n := len(parts)
		return append(parts, x.Index), func(ops []ast.Expr) ast.Expr {
			u := *x
			u.X = inner(ops[:n])
			u.Index = ops[n]
			return l.derived(x, &u)
		}
	case *ast.StarExpr:
		return []ast.Expr{x.X}, func(ops []ast.Expr) ast.Expr {
			u := *x
			u.X = ops[0]
			return l.derived(x, &u)
		}
	}
	return []ast.Expr{e}, func(ops []ast.Expr) ast.Expr { return ops[0] }
}

// expr lowers an expression, returning an equivalent one without awaits.
func (l *lowerer) expr(e ast.Expr) ast.Expr {
	if e == nil || !l.containsAwait(e) {
		return e
	}
	switch x := e.(type) {
	case *ast.ParenExpr:
		return l.expr(x.X)
	case *ast.CallExpr:
		if isAwaitCall(l.info, x) {
			l.ds.errorf(x.Pos(), "an await has two results and can only be assigned, returned or passed as all the arguments of a call")
			return x
		}
		if l.j.nestedCallee(x) != nil {
			// In a single-value context the callee has one result.
			vals := l.nestValues(x)
			if len(vals) != 1 {
				l.ds.errorf(x.Pos(), "internal error: job call with %d results used as a value (please report this)", len(vals))
				return x
			}
			return vals[0]
		}
		c := *x
		if len(x.Args) == 1 {
			if inner, ok := ast.Unparen(x.Args[0]).(*ast.CallExpr); ok && l.j.nestedCallee(inner) != nil {
				if r := l.j.nestedCallee(inner).sig.Results(); r.Len() > 1 {
					// h(job(ctx, ...)): the job's results are h's arguments.
					parts, rebuild := l.calleeParts(x)
					ops := make([]ast.Expr, len(parts))
					for i, p := range parts {
						ops[i] = l.spillIf(l.expr(p))
					}
					c.Fun = rebuild(ops)
					c.Args = l.nestValues(inner)
					return l.derived(x, &c)
				}
			}
			if inner, ok := ast.Unparen(x.Args[0]).(*ast.CallExpr); ok && isAwaitCall(l.info, inner) {
				// h(fsm.Await(...)): the await's two results are h's arguments.
				// h is evaluated before them.
				parts, rebuild := l.calleeParts(x)
				ops := make([]ast.Expr, len(parts))
				for i, p := range parts {
					ops[i] = l.spillIf(l.expr(p))
				}
				c.Fun = rebuild(ops)
				c.Args = l.awaitValues(inner)
				return l.derived(x, &c)
			}
		}
		if tv, ok := l.info.Types[x.Fun]; ok && tv.IsType() {
			c.Args = l.operands(x.Args)
			return l.derived(x, &c)
		}
		parts, rebuild := l.calleeParts(x)
		ops := l.operands(append(parts, x.Args...))
		c.Fun = rebuild(ops[:len(parts)])
		c.Args = ops[len(parts):]
		return l.derived(x, &c)
	case *ast.BinaryExpr:
		if (x.Op == token.LAND || x.Op == token.LOR) && l.containsAwait(x.Y) {
			return l.logical(x)
		}
		ops := l.operands([]ast.Expr{x.X, x.Y})
		b := *x
		b.X, b.Y = ops[0], ops[1]
		return l.derived(x, &b)
	case *ast.UnaryExpr:
		u := *x
		u.X = l.expr(x.X)
		return l.derived(x, &u)
	case *ast.StarExpr:
		u := *x
		u.X = l.expr(x.X)
		return l.derived(x, &u)
	case *ast.SelectorExpr:
		u := *x
		u.X = l.expr(x.X)
		return l.derived(x, &u)
	case *ast.TypeAssertExpr:
		u := *x
		u.X = l.expr(x.X)
		return l.derived(x, &u)
	case *ast.IndexExpr:
		ops := l.operands([]ast.Expr{x.X, x.Index})
		u := *x
		u.X, u.Index = ops[0], ops[1]
		return l.derived(x, &u)
	case *ast.SliceExpr:
		var list []ast.Expr
		for _, p := range []ast.Expr{x.X, x.Low, x.High, x.Max} {
			if p != nil {
				list = append(list, p)
			}
		}
		ops := l.operands(list)
		u := *x
		i := 0
		u.X = ops[i]
		i++
		for _, p := range []*ast.Expr{&u.Low, &u.High, &u.Max} {
			if *p != nil {
				*p = ops[i]
				i++
			}
		}
		return l.derived(x, &u)
	case *ast.CompositeLit:
		var list []ast.Expr
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				if _, isStruct := l.typeOf(x).Underlying().(*types.Struct); isStruct {
					list = append(list, kv.Value)
				} else {
					list = append(list, kv.Key, kv.Value)
				}
				continue
			}
			list = append(list, el)
		}
		ops := l.operands(list)
		u := *x
		u.Elts = make([]ast.Expr, len(x.Elts))
		i := 0
		for k, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				nkv := *kv
				if _, isStruct := l.typeOf(x).Underlying().(*types.Struct); isStruct {
					nkv.Value = ops[i]
					i++
				} else {
					nkv.Key, nkv.Value = ops[i], ops[i+1]
					i += 2
				}
				u.Elts[k] = &nkv
				continue
			}
			u.Elts[k] = ops[i]
			i++
		}
		return l.derived(x, &u)
	case *ast.KeyValueExpr:
		ops := l.operands([]ast.Expr{x.Key, x.Value})
		u := *x
		u.Key, u.Value = ops[0], ops[1]
		return l.derived(x, &u)
	}
	l.ds.errorf(e.Pos(), "fsmgen cannot split this expression at an await yet")
	return e
}

// calleeParts splits a call's function into the operands Go evaluates before
// the arguments: a method's receiver (by its parts when the method takes its
// address), or a function value. A named function has none.
func (l *lowerer) calleeParts(call *ast.CallExpr) ([]ast.Expr, func([]ast.Expr) ast.Expr) {
	same := func([]ast.Expr) ast.Expr { return call.Fun }
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if s, ok := l.info.Selections[f]; ok && s.Kind() == types.MethodVal {
			var parts []ast.Expr
			var inner func([]ast.Expr) ast.Expr
			_, ptrRecv := s.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer)
			_, onPtr := l.typeOf(f.X).Underlying().(*types.Pointer)
			if ptrRecv && !onPtr {
				parts, inner = l.addrParts(f.X) // the method gets &f.X
			} else {
				parts, inner = []ast.Expr{f.X}, func(ops []ast.Expr) ast.Expr { return ops[0] }
			}
			return parts, func(ops []ast.Expr) ast.Expr {
				u := *f
				u.X = inner(ops)
				return &u
			}
		}
		if _, isPkg := l.info.Uses[identOf(f.X)].(*types.PkgName); isPkg {
			return nil, same
		}
	case *ast.Ident:
		switch l.info.Uses[f].(type) {
		case *types.Func, *types.Builtin:
			return nil, same
		}
	}
	return []ast.Expr{call.Fun}, func(ops []ast.Expr) ast.Expr { return ops[0] }
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// operands lowers operands that Go evaluates left to right. Every operand before
// the last one holding an await is spilled into a temporary when it calls
// something, so that its calls happen before the await, as in the plain
// function. Operands that only read variables are left in place: the plain
// function also reads them after its calls (and an await cannot change a
// job's variables).
func (l *lowerer) operands(list []ast.Expr) []ast.Expr {
	last := -1
	for i, e := range list {
		if l.containsAwait(e) {
			last = i
		}
	}
	out := make([]ast.Expr, len(list))
	for i, e := range list {
		switch {
		case e == nil:
		case i < last:
			out[i] = l.spillIf(l.expr(e))
		case i == last:
			out[i] = l.expr(e)
		default:
			out[i] = e
		}
	}
	return out
}

// spillIf spills e into a temporary when evaluating it calls something.
func (l *lowerer) spillIf(e ast.Expr) ast.Expr {
	if e == nil || !needsSpill(l.info, e) {
		return e
	}
	return l.spill(e, "v", "a value computed before an await")
}

func (l *lowerer) spill(e ast.Expr, hint, what string) ast.Expr {
	t := l.typeOf(e)
	if lit, ok := e.(*ast.CompositeLit); ok && lit.Type == nil {
		// An element of a composite literal with its type elided.
		typed := *lit
		if p, ok := t.Underlying().(*types.Pointer); ok {
			typed.Type = l.placeholder(placeholder{kind: phType, t: p.Elem()})
			e = &ast.UnaryExpr{Op: token.AND, X: &typed}
		} else {
			typed.Type = l.placeholder(placeholder{kind: phType, t: t})
			e = &typed
		}
	}
	id := l.temp(t, hint, what)
	l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{id}, Tok: token.ASSIGN, Rhs: []ast.Expr{e}})
	return id
}

// needsSpill reports whether evaluating e calls a function or receives.
func needsSpill(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return true
			}
			if id := identOf(n.Fun); id != nil {
				if b, ok := info.Uses[id].(*types.Builtin); ok {
					switch b.Name() {
					case "len", "cap", "real", "imag", "complex", "min", "max":
						return true
					}
				}
			}
			found = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				found = true
			}
		}
		return true
	})
	return found
}

// logical lowers x && y or x || y whose right side awaits: y is evaluated only
// when it decides the result.
func (l *lowerer) logical(x *ast.BinaryExpr) ast.Expr {
	left := l.expr(x.X)
	t := l.temp(l.typeOf(x), "cond", "a condition")
	l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{t}, Tok: token.ASSIGN, Rhs: []ast.Expr{left}})
	end := l.newLabel("condDone")
	var skip ast.Expr = t
	if x.Op == token.LAND {
		skip = &ast.UnaryExpr{Op: token.NOT, X: t}
	}
	l.emit(fstmt{kind: fIfGoto, cond: skip, label: end, pos: x.Pos()})
	right := l.expr(x.Y)
	l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{t}, Tok: token.ASSIGN, Rhs: []ast.Expr{right}})
	l.emitLabel(end)
	return t
}

// await lowers one await whose results go to lhs (nil: discarded).
func (l *lowerer) await(call *ast.CallExpr, lhs []ast.Expr) {
	site := l.suspend(call)
	if lhs == nil {
		return
	}
	take := l.takeCall(site)
	l.emitNode(&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: []ast.Expr{take}})
}

// awaitValues lowers an await used as a value and returns two temporaries
// holding its results.
func (l *lowerer) awaitValues(call *ast.CallExpr) []ast.Expr {
	site := l.suspend(call)
	v := l.temp(site.typ, "v", "an await's result")
	err := l.temp(types.Universe.Lookup("error").Type(), "err", "an await's error")
	l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{v, err}, Tok: token.ASSIGN, Rhs: []ast.Expr{l.takeCall(site)}})
	return []ast.Expr{v, err}
}

// takeCall is the placeholder expression fsm.Take[T](in); the emit stage
// renders it with the right names.
func (l *lowerer) takeCall(site *awaitSite) ast.Expr {
	return l.placeholder(placeholder{kind: phTake, site: site})
}

// A placeholder stands in flat code for something the emit stage spells: the
// runtime's functions, types, zero values. It is an *ast.Ident so that the
// standard AST walkers go through flat code.
type placeholder struct {
	kind phKind
	site *awaitSite // phTake
	name string     // phRuntime, phBuiltin
	t    types.Type // phType, phZero, phNestResult
	// index is the result's index, for phNestResult.
	index int
}

type phKind int

const (
	phTake       phKind = iota // fsm.Take[T](in)
	phRuntime                  // fsm.<name>
	phBuiltin                  // a builtin function
	phType                     // a type
	phZero                     // the zero value of a type
	phIn                       // the outcome Resume was given
	phNestResult               // result index of a nested job's call (site)
	phDeferGuard               // the condition under which a deferred call does not run
)

func (l *lowerer) placeholder(p placeholder) *ast.Ident {
	id := ast.NewIdent("_placeholder")
	l.placeholders[id] = p
	return id
}

// suspend emits the suspension of one await and its resume label.
func (l *lowerer) suspend(call *ast.CallExpr) *awaitSite {
	if len(call.Args) != 2 {
		l.ds.errorf(call.Pos(), "fsm.Await takes a Context and an op")
		return &awaitSite{typ: types.Typ[types.Invalid]}
	}
	if id := identOf(call.Args[0]); id == nil || l.info.Uses[id] != l.j.ctx {
		l.ds.errorf(call.Args[0].Pos(), "an await in job %s must use the job's own Context parameter %s", l.j.fn.Name(), l.j.ctx.Name())
	}
	op := l.expr(call.Args[1])
	site := &awaitSite{state: len(l.awaits) + 1, call: call, op: op, pos: call.Pos()}
	site.label = l.names.fresh("resume" + strconv.Itoa(site.state))
	if tup, ok := l.info.TypeOf(call).(*types.Tuple); ok && tup.Len() == 2 {
		site.typ = tup.At(0).Type()
	} else {
		site.typ = types.Typ[types.Invalid]
	}
	l.awaits = append(l.awaits, site)
	l.emit(fstmt{kind: fSuspend, await: site, pos: call.Pos()})
	l.emitLabel(resumeLabel(site))
	return site
}

// resumeLabel is the label where the machine resumes after site.
func resumeLabel(site *awaitSite) string { return site.label }

func (l *lowerer) call(fn string, args ...ast.Expr) ast.Expr {
	return &ast.CallExpr{Fun: l.placeholder(placeholder{kind: phBuiltin, name: fn}), Args: args}
}

func (l *lowerer) runtimeCall(fn string, args ...ast.Expr) ast.Expr {
	return &ast.CallExpr{Fun: l.placeholder(placeholder{kind: phRuntime, name: fn}), Args: args}
}
