package transform

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
)

// The lower stage turns a job's body into flat code: one statement list in which
// every statement that contains an await has been taken apart into labels,
// gotos and suspensions, and every other statement stays as the user wrote it.
// All variables declared in the flat code are hoisted to the top of the machine's
// Resume method, which is what lets a goto jump to any resume point.

// fkind says what a flat statement is.
type fkind int

const (
	fNode    fkind = iota // a Go statement, rendered from node
	fLabel                // label:
	fGoto                 // goto label
	fIfGoto               // if cond { goto label }
	fSuspend              // save the live variables and return await.op
)

// fstmt is one statement of flat code.
type fstmt struct {
	kind  fkind
	node  ast.Stmt
	cond  ast.Expr
	label string
	await *awaitSite
	pos   token.Pos // source position, for //line
}

// hvar is a variable of the flat code: a parameter, a named result, a local
// declared in flat code, or a temporary the lowering made.
type hvar struct {
	name    string // name in generated code
	srcName string // name in the job's source ("" for temporaries)
	what    string // for diagnostics: "variable x", "the switch tag", ...
	typ     types.Type
	obj     types.Object
	param   bool // a parameter of the job (or its receiver)
	result  int  // 1 + index of a named result, else 0
	perIter bool // declared inside a loop that the lowering flattened
	pos     token.Pos
	// derived, when set, is what the variable was made from: a range loop's
	// element (seq[i]) or the value it ranges over. At a checkpoint where the
	// variable is still exactly that, only the fact is saved (see
	// fsm.SaveDerived), which keeps the memory it shares with its source.
	derived ast.Expr
}

// awaitSite is one await of a job: a state of its machine.
type awaitSite struct {
	state int
	call  *ast.CallExpr
	op    ast.Expr
	typ   types.Type // T of Await[T]
	pos   token.Pos
	live  []*hvar // filled by liveness: what the code after the await reads
	saved []*hvar // live, and the sources of derived variables among them
	label string  // where the machine resumes, in flat code
}

// target is the pair of labels a flattened loop or switch gives break and
// continue.
type target struct {
	breakL, contL string
}

type lowerer struct {
	j    *job
	info *types.Info
	ds   *diagnostics

	code   []fstmt
	vars   []*hvar
	byObj  map[types.Object]*hvar
	temps  map[*ast.Ident]*hvar
	awaits []*awaitSite

	names      *namer
	targets    map[ast.Stmt]*target         // flattened breakable statements
	branchTo   map[*ast.BranchStmt]ast.Stmt // break/continue → statement
	userLabels map[string]string            // user label → name in generated code
	localTypes []*ast.TypeSpec
	localConst []*ast.GenDecl
	loopDepth  int // how many flattened loops enclose the code being lowered
	hasAwait   map[ast.Node]bool

	placeholders map[*ast.Ident]placeholder
	captured     map[types.Object]bool // per-iteration variables captured by escaping closures
	synth        map[ast.Expr]types.Type
	movedTypes   map[types.Object]string // local types moved to package level
	memory       memoryFacts             // from go/ssa: see memory.go
}

func newLowerer(j *job, ds *diagnostics, names *namer) *lowerer {
	l := &lowerer{
		j:          j,
		info:       j.pkg.TypesInfo,
		ds:         ds,
		byObj:      map[types.Object]*hvar{},
		temps:      map[*ast.Ident]*hvar{},
		names:      names,
		targets:    map[ast.Stmt]*target{},
		branchTo:   map[*ast.BranchStmt]ast.Stmt{},
		userLabels: map[string]string{},
		hasAwait:   map[ast.Node]bool{},

		placeholders: map[*ast.Ident]placeholder{},
		captured:     map[types.Object]bool{},
		synth:        map[ast.Expr]types.Type{},
		movedTypes:   map[types.Object]string{},
	}
	return l
}

// emit appends a flat statement.
func (l *lowerer) emit(s fstmt) { l.code = append(l.code, s) }

func (l *lowerer) emitNode(n ast.Stmt) {
	l.emit(fstmt{kind: fNode, node: n, pos: n.Pos()})
}

func (l *lowerer) emitLabel(name string) { l.emit(fstmt{kind: fLabel, label: name}) }

func (l *lowerer) emitGoto(name string) { l.emit(fstmt{kind: fGoto, label: name}) }

func (l *lowerer) newLabel(hint string) string { return l.names.fresh(hint) }

// containsAwait reports whether n holds an await outside function literals.
func (l *lowerer) containsAwait(n ast.Node) bool {
	if n == nil {
		return false
	}
	if v, ok := l.hasAwait[n]; ok {
		return v
	}
	found := false
	ast.Inspect(n, func(c ast.Node) bool {
		if found {
			return false
		}
		switch c := c.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if isAwaitCall(l.info, c) {
				found = true
				return false
			}
		}
		return true
	})
	l.hasAwait[n] = found
	return found
}

// isAwaitCall reports whether call calls the runtime's Await.
func isAwaitCall(info *types.Info, call *ast.CallExpr) bool {
	return isAwaitFunc(info, call.Fun)
}

func isAwaitFunc(info *types.Info, fun ast.Expr) bool {
	fun = ast.Unparen(fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	var id *ast.Ident
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	fn, ok := info.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == RuntimePath && fn.Name() == "Await"
}

// variable returns the hvar of a source object, creating it on first sight.
func (l *lowerer) variable(obj types.Object) *hvar {
	if v, ok := l.byObj[obj]; ok {
		return v
	}
	v := &hvar{
		name:    l.names.forVar(obj.Name()),
		srcName: obj.Name(),
		what:    "variable " + obj.Name(),
		typ:     obj.Type(),
		obj:     obj,
		perIter: l.loopDepth > 0,
		pos:     obj.Pos(),
	}
	l.byObj[obj] = v
	l.vars = append(l.vars, v)
	return v
}

// temp makes a new temporary of type t.
func (l *lowerer) temp(t types.Type, hint, what string) *ast.Ident {
	name := l.names.fresh(hint)
	obj := types.NewVar(token.NoPos, l.j.pkg.Types, name, t)
	v := &hvar{name: name, what: what, typ: t, obj: obj}
	l.vars = append(l.vars, v)
	l.byObj[obj] = v
	id := ast.NewIdent(name)
	l.temps[id] = v
	return id
}

// objectOf returns the object an identifier of flat code denotes.
func (l *lowerer) objectOf(id *ast.Ident) types.Object {
	if v, ok := l.temps[id]; ok {
		return v.obj
	}
	return l.info.ObjectOf(id)
}

// derived records that lowered stands for the source expression orig, so that
// its type is known.
func (l *lowerer) derived(orig, lowered ast.Expr) ast.Expr {
	if t := l.typeOf(orig); t != nil {
		l.synth[lowered] = t
	}
	return lowered
}

// typeOf returns the type of an expression of the source, defaulting untyped
// constants.
func (l *lowerer) typeOf(e ast.Expr) types.Type {
	if t, ok := l.synth[e]; ok {
		return t
	}
	if id, ok := e.(*ast.Ident); ok {
		if v, ok := l.temps[id]; ok {
			return v.typ
		}
	}
	t := l.info.TypeOf(e)
	if t == nil {
		return types.Typ[types.Invalid]
	}
	return types.Default(t)
}

// lowerBody lowers the job's body into l.code.
func (l *lowerer) lowerBody() {
	sig := l.j.sig
	if recv := sig.Recv(); recv != nil {
		l.param(recv)
	}
	for i := 1; i < sig.Params().Len(); i++ {
		l.param(sig.Params().At(i))
	}
	for i := 0; i < sig.Results().Len(); i++ {
		r := sig.Results().At(i)
		if r.Name() != "" && r.Name() != "_" {
			v := l.variable(r)
			v.result = i + 1
		}
	}
	l.resolveBranches(l.j.decl.Body)
	l.stmts(l.j.decl.Body.List)
}

func (l *lowerer) param(p *types.Var) {
	if p.Name() == "" || p.Name() == "_" {
		return
	}
	v := l.variable(p)
	v.param = true
}

// resolveBranches records the statement each break and continue leaves.
func (l *lowerer) resolveBranches(body *ast.BlockStmt) {
	var stack []ast.Stmt
	labeled := map[string]ast.Stmt{}
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labeled[n.Label.Name] = n.Stmt
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			stack = append(stack, n.(ast.Stmt))
			ast.Inspect(n, func(c ast.Node) bool {
				if c == n {
					return true
				}
				return walk(c)
			})
			stack = stack[:len(stack)-1]
			return false
		case *ast.BranchStmt:
			switch n.Tok {
			case token.BREAK, token.CONTINUE:
				if n.Label != nil {
					l.branchTo[n] = labeled[n.Label.Name]
					break
				}
				for i := len(stack) - 1; i >= 0; i-- {
					s := stack[i]
					if n.Tok == token.CONTINUE {
						if _, ok := s.(*ast.ForStmt); !ok {
							if _, ok := s.(*ast.RangeStmt); !ok {
								continue
							}
						}
					}
					l.branchTo[n] = s
					break
				}
			}
		}
		return true
	}
	ast.Inspect(body, walk)
}

// stmts lowers a statement list.
func (l *lowerer) stmts(list []ast.Stmt) {
	for _, s := range list {
		l.stmt(s)
	}
}

// stmt lowers one statement.
func (l *lowerer) stmt(s ast.Stmt) {
	if s == nil {
		return
	}
	if !l.containsAwait(s) {
		l.verbatim(s)
		return
	}
	switch s := s.(type) {
	case *ast.BlockStmt:
		l.stmts(s.List)
	case *ast.ExprStmt:
		l.exprStmt(s)
	case *ast.AssignStmt:
		l.assign(s)
	case *ast.DeclStmt:
		l.declStmt(s)
	case *ast.IncDecStmt:
		x := l.lhs(s.X, false)
		l.emitNode(&ast.IncDecStmt{X: x, Tok: s.Tok, TokPos: s.TokPos})
	case *ast.ReturnStmt:
		l.returnStmt(s)
	case *ast.IfStmt:
		l.ifStmt(s)
	case *ast.ForStmt:
		l.forStmt(s)
	case *ast.RangeStmt:
		l.rangeStmt(s)
	case *ast.SwitchStmt:
		l.switchStmt(s)
	case *ast.LabeledStmt:
		l.labeledStmt(s)
	case *ast.SendStmt:
		ops := l.operands([]ast.Expr{s.Chan, s.Value})
		l.emitNode(&ast.SendStmt{Chan: ops[0], Value: ops[1], Arrow: s.Arrow})
	default:
		// Refused by the check stage; nothing to lower.
		l.ds.errorf(s.Pos(), "fsmgen cannot split this %s at an await yet", stmtName(s))
	}
}

// verbatim emits a statement without awaits, hoisting the variables it declares
// at the top level of flat code.
func (l *lowerer) verbatim(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.EmptyStmt:
		return
	case *ast.AssignStmt:
		if s.Tok == token.DEFINE {
			l.define(s.Lhs)
			l.emitNode(&ast.AssignStmt{Lhs: s.Lhs, Tok: token.ASSIGN, TokPos: s.TokPos, Rhs: s.Rhs})
			return
		}
	case *ast.DeclStmt:
		l.declStmt(s)
		return
	case *ast.LabeledStmt:
		if _, isDecl := s.Stmt.(*ast.DeclStmt); isDecl {
			l.labeledStmt(s)
			return
		}
		if as, ok := s.Stmt.(*ast.AssignStmt); ok && as.Tok == token.DEFINE {
			l.labeledStmt(s)
			return
		}
	}
	l.emitNode(s)
}

// define hoists the variables that the left side of a := declares.
func (l *lowerer) define(lhs []ast.Expr) {
	for _, e := range lhs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			if obj := l.info.Defs[id]; obj != nil {
				l.variable(obj)
			}
		}
	}
}

// declStmt lowers a declaration in flat code: variables are hoisted (their
// initialisation becomes an assignment), constants and types move out.
func (l *lowerer) declStmt(s *ast.DeclStmt) {
	gd, ok := s.Decl.(*ast.GenDecl)
	if !ok {
		return
	}
	switch gd.Tok {
	case token.TYPE:
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			obj := l.info.Defs[ts.Name]
			if obj != nil {
				l.names.rename(obj, l.names.forType(ts.Name.Name))
				l.movedTypes[obj] = l.names.renamed[obj]
			}
			l.localTypes = append(l.localTypes, ts)
		}
	case token.CONST:
		for _, spec := range gd.Specs {
			for _, id := range spec.(*ast.ValueSpec).Names {
				if obj := l.info.Defs[id]; obj != nil && id.Name != "_" {
					l.names.rename(obj, l.names.forType(id.Name)) // package-level, like types
				}
			}
		}
		l.localConst = append(l.localConst, gd)
	case token.VAR:
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			var lhs []ast.Expr
			for _, id := range vs.Names {
				if obj := l.info.Defs[id]; obj != nil && id.Name != "_" {
					l.variable(obj)
				}
				lhs = append(lhs, id)
			}
			switch {
			case len(vs.Values) == 0:
				for _, id := range vs.Names {
					if id.Name == "_" {
						continue
					}
					obj := l.info.Defs[id]
					l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{id}, Tok: token.ASSIGN, Rhs: []ast.Expr{l.placeholder(placeholder{kind: phZero, t: obj.Type()})}})
				}
			default:
				as := &ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: vs.Pos(), Rhs: vs.Values}
				if vs.Type != nil && len(vs.Values) == len(vs.Names) {
					// var x T = v: keep the conversion v has in the declaration.
					for i, v := range vs.Values {
						if tv, ok := l.info.Types[v]; ok && tv.IsValue() && tv.Value != nil {
							as.Rhs[i] = &ast.CallExpr{Fun: &ast.ParenExpr{X: vs.Type}, Args: []ast.Expr{v}}
						}
					}
				}
				if l.containsAwait(as) {
					l.assign(as)
				} else {
					l.emitNode(as)
				}
			}
		}
	}
}

// labeledStmt lowers a labeled statement that contains an await or declares.
func (l *lowerer) labeledStmt(s *ast.LabeledStmt) {
	l.emitLabel(l.userLabel(s.Label.Name))
	l.stmt(s.Stmt)
}

func (l *lowerer) userLabel(name string) string {
	if n, ok := l.userLabels[name]; ok {
		return n
	}
	l.userLabels[name] = name
	return name
}

func (l *lowerer) exprStmt(s *ast.ExprStmt) {
	if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && isAwaitCall(l.info, call) {
		l.await(call, nil)
		return
	}
	x := l.expr(s.X)
	l.emitNode(&ast.ExprStmt{X: x})
}

// assign lowers an assignment or definition that contains an await.
func (l *lowerer) assign(s *ast.AssignStmt) {
	if s.Tok == token.DEFINE {
		l.define(s.Lhs)
	}
	tok := s.Tok
	if tok == token.DEFINE {
		tok = token.ASSIGN
	}
	if len(s.Rhs) == 1 && len(s.Lhs) == 2 {
		if call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); ok && isAwaitCall(l.info, call) {
			lhs := l.lhsList(s.Lhs, true)
			l.await(call, lhs)
			return
		}
	}
	if tok != token.ASSIGN {
		// x op= y: x is evaluated once, its value read after y.
		x := l.lhs(s.Lhs[0], l.containsAwait(s.Rhs[0]))
		y := l.expr(s.Rhs[0])
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{x}, Tok: tok, TokPos: s.TokPos, Rhs: []ast.Expr{y}})
		return
	}
	// Left-side operands, then right sides, in order.
	parts, rebuild := l.lhsParts(s.Lhs)
	all := append(parts, s.Rhs...)
	out := l.operands(all)
	lhs := rebuild(out[:len(parts)])
	l.emitNode(&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: s.TokPos, Rhs: out[len(parts):]})
}

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

func (l *lowerer) returnStmt(s *ast.ReturnStmt) {
	if len(s.Results) == 1 {
		if call, ok := ast.Unparen(s.Results[0]).(*ast.CallExpr); ok && isAwaitCall(l.info, call) {
			vals := l.awaitValues(call)
			l.emitNode(&ast.ReturnStmt{Return: s.Return, Results: vals})
			return
		}
	}
	res := l.operands(s.Results)
	l.emitNode(&ast.ReturnStmt{Return: s.Return, Results: res})
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
		c := *x
		if len(x.Args) == 1 {
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
	t    types.Type // phType, phZero
}

type phKind int

const (
	phTake    phKind = iota // fsm.Take[T](in)
	phRuntime               // fsm.<name>
	phBuiltin               // a builtin function
	phType                  // a type
	phZero                  // the zero value of a type
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

func (l *lowerer) ifStmt(s *ast.IfStmt) {
	l.stmt(s.Init)
	cond := l.expr(s.Cond)
	end := l.newLabel("endIf")
	if s.Else == nil {
		l.emit(fstmt{kind: fIfGoto, cond: not(cond), label: end, pos: s.Pos()})
		l.stmts(s.Body.List)
		l.emitLabel(end)
		return
	}
	els := l.newLabel("else")
	l.emit(fstmt{kind: fIfGoto, cond: not(cond), label: els, pos: s.Pos()})
	l.stmts(s.Body.List)
	l.emitGoto(end)
	l.emitLabel(els)
	l.stmt(s.Else)
	l.emitLabel(end)
}

// not negates a condition.
func not(e ast.Expr) ast.Expr {
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return x.X
		}
	case *ast.BinaryExpr:
		// Only == and != invert exactly: !(a < b) is not a >= b for NaN.
		switch x.Op {
		case token.EQL:
			y := *x
			y.Op = token.NEQ
			return &y
		case token.NEQ:
			y := *x
			y.Op = token.EQL
			return &y
		}
	case *ast.Ident, *ast.CallExpr, *ast.SelectorExpr, *ast.IndexExpr, *ast.ParenExpr:
		return &ast.UnaryExpr{Op: token.NOT, X: e}
	}
	return &ast.UnaryExpr{Op: token.NOT, X: &ast.ParenExpr{X: e}}
}

func (l *lowerer) loopTarget(s ast.Stmt) *target {
	t := &target{breakL: l.newLabel("loopEnd"), contL: l.newLabel("loopNext")}
	l.targets[s] = t
	return t
}

func (l *lowerer) forStmt(s *ast.ForStmt) {
	t := l.loopTarget(s)
	l.loopDepth++
	defer func() { l.loopDepth-- }()
	l.stmt(s.Init)
	top := l.newLabel("loop")
	l.emitLabel(top)
	if s.Cond != nil {
		cond := l.expr(s.Cond)
		l.emit(fstmt{kind: fIfGoto, cond: not(cond), label: t.breakL, pos: s.Cond.Pos()})
	}
	l.stmts(s.Body.List)
	l.emitLabel(t.contL)
	l.stmt(s.Post)
	l.emitGoto(top)
	l.emitLabel(t.breakL)
}

func (l *lowerer) rangeStmt(s *ast.RangeStmt) {
	t := l.loopTarget(s)
	xt := l.typeOf(s.X)
	under := xt.Underlying()
	if p, ok := under.(*types.Pointer); ok {
		if _, isArr := p.Elem().Underlying().(*types.Array); isArr {
			under = p.Elem().Underlying()
		}
	}
	// The range expression is evaluated once, before the loop.
	x := l.expr(s.X)
	l.loopDepth++
	defer func() { l.loopDepth-- }()
	if s.Tok == token.DEFINE {
		var lhs []ast.Expr
		if s.Key != nil {
			lhs = append(lhs, s.Key)
		}
		if s.Value != nil {
			lhs = append(lhs, s.Value)
		}
		l.define(lhs)
	}
	intType := types.Typ[types.Int]
	assignVars := func(key, value ast.Expr) {
		var lhs, rhs []ast.Expr
		if s.Key != nil && !isBlank(s.Key) && key != nil {
			lhs, rhs = append(lhs, s.Key), append(rhs, key)
		}
		if s.Value != nil && !isBlank(s.Value) && value != nil {
			lhs, rhs = append(lhs, s.Value), append(rhs, value)
		}
		if len(lhs) > 0 {
			l.emitNode(&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: rhs})
		}
	}
	top := l.newLabel("loop")
	switch u := under.(type) {
	case *types.Basic:
		if u.Info()&types.IsString != 0 {
			str := l.stable(s, x, xt, "str")
			i := l.temp(intType, "i", "a range position")
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{i}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(0)}})
			l.emitLabel(top)
			l.emit(fstmt{kind: fIfGoto, cond: &ast.BinaryExpr{X: i, Op: token.GEQ, Y: l.call("len", str)}, label: t.breakL})
			assignVars(i, l.runtimeCall("RuneAt", str, i))
			l.stmts(s.Body.List)
			l.emitLabel(t.contL)
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{i}, Tok: token.ASSIGN, Rhs: []ast.Expr{l.runtimeCall("NextRune", str, i)}})
			l.emitGoto(top)
			l.emitLabel(t.breakL)
			return
		}
		// Range over an integer.
		nt := xt
		if s.Key != nil && s.Tok == token.ASSIGN {
			nt = l.typeOf(s.Key)
		}
		n := l.temp(nt, "n", "a range bound")
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{n}, Tok: token.ASSIGN, Rhs: []ast.Expr{x}})
		i := l.temp(nt, "i", "a range position")
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{i}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(0)}})
		l.emitLabel(top)
		l.emit(fstmt{kind: fIfGoto, cond: &ast.BinaryExpr{X: i, Op: token.GEQ, Y: n}, label: t.breakL})
		assignVars(i, nil)
		l.stmts(s.Body.List)
		l.emitLabel(t.contL)
		l.emitNode(&ast.IncDecStmt{X: i, Tok: token.INC})
		l.emitGoto(top)
		l.emitLabel(t.breakL)
	case *types.Slice, *types.Array:
		var seq ast.Expr
		if _, isArr := under.(*types.Array); isArr && (s.Value == nil || isBlank(s.Value)) {
			seq = nil // only the length, a constant, is needed
			// len(f()) is not a constant: the range expression runs. A plain
			// variable is only read (and so counts as used, as in the job).
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{x}})
		} else {
			seq = l.stable(s, x, xt, "seq")
		}
		var n ast.Expr
		if seq == nil {
			n = &ast.BasicLit{Kind: token.INT, Value: strconv.FormatInt(under.(*types.Array).Len(), 10)}
		} else {
			n = l.temp(intType, "n", "a range length")
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{n}, Tok: token.ASSIGN, Rhs: []ast.Expr{l.call("len", seq)}})
		}
		i := l.temp(intType, "i", "a range position")
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{i}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(0)}})
		l.emitLabel(top)
		l.emit(fstmt{kind: fIfGoto, cond: &ast.BinaryExpr{X: i, Op: token.GEQ, Y: n}, label: t.breakL})
		var value ast.Expr
		if seq != nil {
			value = &ast.IndexExpr{X: seq, Index: i}
			l.deriveRangeValue(s, value)
		}
		assignVars(i, value)
		l.stmts(s.Body.List)
		l.emitLabel(t.contL)
		l.emitNode(&ast.IncDecStmt{X: i, Tok: token.INC})
		l.emitGoto(top)
		l.emitLabel(t.breakL)
	case *types.Map:
		mp := l.stable(s, x, xt, "m")
		keys := l.temp(types.NewSlice(u.Key()), "keys", "the keys of a ranged map")
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{keys}, Tok: token.ASSIGN, Rhs: []ast.Expr{l.runtimeCall("MapKeys", mp)}})
		i := l.temp(intType, "i", "a range position")
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{i}, Tok: token.ASSIGN, Rhs: []ast.Expr{intLit(0)}})
		l.emitLabel(top)
		l.emit(fstmt{kind: fIfGoto, cond: &ast.BinaryExpr{X: i, Op: token.GEQ, Y: l.call("len", keys)}, label: t.breakL})
		k := l.temp(u.Key(), "k", "a map key")
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{k}, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.IndexExpr{X: keys, Index: i}}})
		var v ast.Expr = ast.NewIdent("_")
		if s.Value != nil && !isBlank(s.Value) {
			v = l.temp(u.Elem(), "v", "a map value")
		}
		ok := l.temp(types.Typ[types.Bool], "ok", "a map lookup")
		l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{v, ok}, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.IndexExpr{X: mp, Index: k}}})
		// An entry deleted before it is reached is not produced.
		l.emit(fstmt{kind: fIfGoto, cond: &ast.UnaryExpr{Op: token.NOT, X: ok}, label: t.contL})
		if s.Value != nil && !isBlank(s.Value) {
			l.deriveRangeValue(s, &ast.IndexExpr{X: mp, Index: k})
		}
		assignVars(k, v)
		l.stmts(s.Body.List)
		l.emitLabel(t.contL)
		l.emitNode(&ast.IncDecStmt{X: i, Tok: token.INC})
		l.emitGoto(top)
		l.emitLabel(t.breakL)
	default:
		l.ds.errorf(s.Pos(), "fsmgen cannot yet await inside a range over %s; collect the values into a slice first", xt)
	}
}

// stable returns an expression that denotes the value of a range expression for
// the whole loop: the variable itself when the loop never assigns it (so that
// no copy of a slice or map is saved beside the original), else a temporary.
func (l *lowerer) stable(s *ast.RangeStmt, x ast.Expr, t types.Type, hint string) ast.Expr {
	_, isArray := t.Underlying().(*types.Array)
	if root := fieldRoot(l.info, x); root != nil && !isArray {
		if v, ok := l.info.Uses[root].(*types.Var); ok && !v.IsField() && l.isLocal(v) && !assignsTo(l.info, s.Body, v) && !isRangeVar(l.info, s, v) {
			return x
		}
	}
	what := "the value a range loop ranges over"
	tmp := l.temp(t, hint, what)
	l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{tmp}, Tok: token.ASSIGN, Rhs: []ast.Expr{x}})
	if mayShare(t) && !isErrorType(t) && l.purePath(x) {
		l.temps[tmp].derived = x
	}
	return tmp
}

// deriveRangeValue records that the element variable a range statement
// declares is made from value (seq[i], or m[k] for a map).
func (l *lowerer) deriveRangeValue(s *ast.RangeStmt, value ast.Expr) {
	if s.Tok != token.DEFINE {
		return
	}
	id, ok := s.Value.(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	v := l.byObj[l.info.Defs[id]]
	if v != nil && mayShare(v.typ) && !isErrorType(v.typ) {
		v.derived = value
	}
}

// purePath reports whether e only reads the machine's variables, through
// fields, indexes and slicing by variables or constants: evaluating it again
// later has no effect but its value (or a panic, which a derivation survives).
func (l *lowerer) purePath(e ast.Expr) bool {
	pureIndex := func(x ast.Expr) bool {
		if x == nil {
			return true
		}
		if lit, ok := x.(*ast.BasicLit); ok && lit.Kind == token.INT {
			return true
		}
		id, ok := x.(*ast.Ident)
		return ok && l.byObj[l.objectOf(id)] != nil
	}
	switch x := e.(type) {
	case *ast.Ident:
		return l.byObj[l.objectOf(x)] != nil
	case *ast.ParenExpr:
		return l.purePath(x.X)
	case *ast.SelectorExpr:
		sel, ok := l.info.Selections[x]
		return ok && sel.Kind() == types.FieldVal && l.purePath(x.X)
	case *ast.IndexExpr:
		return l.purePath(x.X) && pureIndex(x.Index)
	case *ast.SliceExpr:
		return l.purePath(x.X) && pureIndex(x.Low) && pureIndex(x.High) && pureIndex(x.Max)
	case *ast.StarExpr:
		return l.purePath(x.X)
	}
	return false
}

// mayShare reports whether values of type t can share memory with others.
func mayShare(t types.Type) bool {
	return mayShareSeen(t, map[types.Type]bool{})
}

func mayShareSeen(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.UnsafePointer
	case *types.Array:
		return mayShareSeen(u.Elem(), seen)
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if mayShareSeen(u.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	}
	return true
}

// sources returns the variables a derived variable is made from.
func (l *lowerer) sources(v *hvar) []*hvar {
	var out []*hvar
	ast.Inspect(v.derived, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if src := l.byObj[l.objectOf(id)]; src != nil && src != v {
				out = append(out, src)
			}
		}
		return true
	})
	return out
}

// fieldRoot returns the variable x is, or whose field (of fields) x is, or nil.
func fieldRoot(info *types.Info, x ast.Expr) *ast.Ident {
	for {
		switch e := x.(type) {
		case *ast.Ident:
			return e
		case *ast.ParenExpr:
			x = e.X
		case *ast.SelectorExpr:
			sel, ok := info.Selections[e]
			if !ok || sel.Kind() != types.FieldVal || sel.Indirect() {
				return nil
			}
			x = e.X
		default:
			return nil
		}
	}
}

func isRangeVar(info *types.Info, s *ast.RangeStmt, v *types.Var) bool {
	for _, e := range []ast.Expr{s.Key, s.Value} {
		if id := identOf(e); id != nil && info.ObjectOf(id) == v {
			return true
		}
	}
	return false
}

func (l *lowerer) isLocal(v *types.Var) bool {
	return v.Parent() != nil && v.Parent() != l.j.pkg.Types.Scope() && v.Pkg() == l.j.pkg.Types
}

// assignsTo reports whether n may assign v or take its address.
func assignsTo(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	root := func(e ast.Expr) bool {
		for {
			switch x := e.(type) {
			case *ast.Ident:
				return info.ObjectOf(x) == v
			case *ast.ParenExpr:
				e = x.X
			case *ast.SelectorExpr:
				// A field of the variable is part of it.
				if sel, ok := info.Selections[x]; ok && sel.Kind() == types.FieldVal && !sel.Indirect() {
					e = x.X
					continue
				}
				return false
			case *ast.IndexExpr:
				// An element of an array variable is part of it; an element of
				// a slice or map is not part of the slice or map value.
				if _, isArr := info.TypeOf(x.X).Underlying().(*types.Array); isArr {
					e = x.X
					continue
				}
				return false
			default:
				return false
			}
		}
	}
	ast.Inspect(n, func(c ast.Node) bool {
		switch c := c.(type) {
		case *ast.AssignStmt:
			for _, e := range c.Lhs {
				if root(e) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if root(c.X) {
				found = true
			}
		case *ast.UnaryExpr:
			if c.Op == token.AND && root(c.X) {
				found = true
			}
		case *ast.RangeStmt:
			if root(c.Key) || root(c.Value) {
				found = true
			}
		case *ast.SelectorExpr:
			// A method with a pointer receiver may assign its receiver.
			if sel, ok := info.Selections[c]; ok && sel.Kind() == types.MethodVal {
				_, ptrRecv := sel.Obj().Type().(*types.Signature).Recv().Type().(*types.Pointer)
				_, onPtr := info.TypeOf(c.X).Underlying().(*types.Pointer)
				if ptrRecv && !onPtr && root(c.X) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

func intLit(n int) ast.Expr { return &ast.BasicLit{Kind: token.INT, Value: strconv.Itoa(n)} }

func (l *lowerer) call(fn string, args ...ast.Expr) ast.Expr {
	return &ast.CallExpr{Fun: l.placeholder(placeholder{kind: phBuiltin, name: fn}), Args: args}
}

func (l *lowerer) runtimeCall(fn string, args ...ast.Expr) ast.Expr {
	return &ast.CallExpr{Fun: l.placeholder(placeholder{kind: phRuntime, name: fn}), Args: args}
}

func (l *lowerer) switchStmt(s *ast.SwitchStmt) {
	t := &target{breakL: l.newLabel("switchEnd")}
	l.targets[s] = t
	l.stmt(s.Init)
	var tag ast.Expr
	if s.Tag != nil {
		tv := l.info.Types[s.Tag]
		x := l.expr(s.Tag)
		if tv.Value != nil && tv.Value.Kind() != constant.Unknown {
			tag = x
			if !types.Identical(tv.Type, types.Default(tv.Type)) {
				tag = &ast.CallExpr{Fun: &ast.ParenExpr{X: l.placeholder(placeholder{kind: phType, t: types.Default(tv.Type)})}, Args: []ast.Expr{x}}
			}
		} else if hasCaseValues(s) {
			tag = l.temp(l.typeOf(s.Tag), "tag", "the switch tag")
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{tag}, Tok: token.ASSIGN, Rhs: []ast.Expr{x}})
		} else {
			// No case compares with it: the tag is only evaluated.
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{ast.NewIdent("_")}, Tok: token.ASSIGN, Rhs: []ast.Expr{x}})
		}
	}
	clauses := s.Body.List
	bodies := make([]string, len(clauses))
	def := -1
	for i, c := range clauses {
		cc := c.(*ast.CaseClause)
		bodies[i] = l.newLabel("caseBody")
		if cc.List == nil {
			def = i
			continue
		}
		for _, e := range cc.List {
			v := l.expr(e)
			var cond ast.Expr = v
			if tag != nil {
				cond = &ast.BinaryExpr{X: tag, Op: token.EQL, Y: v}
			}
			l.emit(fstmt{kind: fIfGoto, cond: cond, label: bodies[i], pos: e.Pos()})
		}
	}
	if def >= 0 {
		l.emitGoto(bodies[def])
	} else {
		l.emitGoto(t.breakL)
	}
	for i, c := range clauses {
		cc := c.(*ast.CaseClause)
		l.emitLabel(bodies[i])
		body := cc.Body
		fall := false
		if n := len(body); n > 0 {
			if br, ok := body[n-1].(*ast.BranchStmt); ok && br.Tok == token.FALLTHROUGH {
				body, fall = body[:n-1], true
			}
		}
		l.stmts(body)
		if fall && i+1 < len(clauses) {
			l.emitGoto(bodies[i+1])
		} else {
			l.emitGoto(t.breakL)
		}
	}
	l.emitLabel(t.breakL)
}

// hasCaseValues reports whether some clause of s has case expressions.
func hasCaseValues(s *ast.SwitchStmt) bool {
	for _, c := range s.Body.List {
		if len(c.(*ast.CaseClause).List) > 0 {
			return true
		}
	}
	return false
}

func stmtName(s ast.Stmt) string {
	switch s.(type) {
	case *ast.SelectStmt:
		return "select statement"
	case *ast.GoStmt:
		return "go statement"
	case *ast.DeferStmt:
		return "defer statement"
	case *ast.TypeSwitchStmt:
		return "type switch"
	}
	return fmt.Sprintf("%T", s)
}
