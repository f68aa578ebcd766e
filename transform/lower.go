package transform

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
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
	fNest                 // resume a nested job's machine; suspend while it awaits
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
	nest    *job // for the machine of a nested job's call, that job
	// nestIn is, when nest is generic, the instantiation the call makes.
	nestIn *instance
	pos    token.Pos
	// derived, when set, is what the variable was made from: a range loop's
	// element (seq[i]) or the value it ranges over. At a checkpoint where the
	// variable is still exactly that, only the fact is saved (see
	// fsm.SaveDerived), which keeps the memory it shares with its source.
	derived ast.Expr
	// remake, for a variable holding a literal of the job that is only ever
	// called, is the assignment that makes it again after a resume (see
	// closures.go); such a variable is never saved.
	remake *ast.AssignStmt
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
	nest  *hvar   // for a call of a job that suspends, its machine (fNest)
	// defers is how many of the job's defers are registered when the
	// machine stops here.
	defers int
	// id is the state's stable identity (see stateid.go); pinned when a
	// //fsmgen:state comment gave it.
	id     string
	pinned bool
	// layoutID is what the layout says of the id: the id, and for a
	// numbered one how many awaits share its base, so that a checkpoint
	// of one never matches when that number changes.
	layoutID string
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
	defers       []*deferSite            // defers kept across awaits, in order
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
			if l.j.suspendsAt(c) {
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
	case *ast.TypeSwitchStmt:
		l.typeSwitchStmt(s)
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
	case *ast.DeferStmt:
		if l.containsAwait(l.j.decl.Body) {
			l.deferStmt(s)
			return
		}
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
			if obj != nil && l.j.generic() && mentionsTypeParam(obj.Type().Underlying(), map[types.Type]bool{}) {
				l.ds.errorf(ts.Name.Pos(), "type %s declared in generic job %s uses its type parameters: fsmgen moves a job's types to package level, where they would need type parameters of their own; declare it at package level as a generic type (type %s[T any] ...)", ts.Name.Name, l.j.fn.Name(), ts.Name.Name)
				continue
			}
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
	if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && l.j.nestedCallee(call) != nil {
		l.nestValues(call)
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
	if len(s.Rhs) == 1 && tok == token.ASSIGN {
		if call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); ok && l.j.nestedCallee(call) != nil {
			lhs := l.lhsList(s.Lhs, true)
			vals := l.nestValues(call)
			l.emitNode(&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, TokPos: s.TokPos, Rhs: vals})
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

func (l *lowerer) returnStmt(s *ast.ReturnStmt) {
	if len(s.Results) == 1 {
		if call, ok := ast.Unparen(s.Results[0]).(*ast.CallExpr); ok && isAwaitCall(l.info, call) {
			vals := l.awaitValues(call)
			l.emitNode(&ast.ReturnStmt{Return: s.Return, Results: vals})
			return
		}
		if call, ok := ast.Unparen(s.Results[0]).(*ast.CallExpr); ok && l.j.nestedCallee(call) != nil && len(call.Args) > 0 {
			if r := l.j.nestedCallee(call).sig.Results(); r.Len() > 1 {
				vals := l.nestValues(call)
				l.emitNode(&ast.ReturnStmt{Return: s.Return, Results: vals})
				return
			}
		}
	}
	res := l.operands(s.Results)
	l.emitNode(&ast.ReturnStmt{Return: s.Return, Results: res})
}

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

// typeSwitchStmt lowers a type switch whose clauses await. The switched value
// is evaluated once into a temporary; each clause's variable is a variable of
// its own, of the clause's type, set when the clause is chosen.
func (l *lowerer) typeSwitchStmt(s *ast.TypeSwitchStmt) {
	t := &target{breakL: l.newLabel("switchEnd")}
	l.targets[s] = t
	l.stmt(s.Init)
	var assert *ast.TypeAssertExpr
	switch a := s.Assign.(type) {
	case *ast.ExprStmt:
		assert = a.X.(*ast.TypeAssertExpr)
	case *ast.AssignStmt:
		assert = a.Rhs[0].(*ast.TypeAssertExpr)
	}
	x := l.expr(assert.X)
	tmp := l.temp(l.typeOf(assert.X), "x", "the value a type switch switches on")
	l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{tmp}, Tok: token.ASSIGN, Rhs: []ast.Expr{x}})
	clauses := s.Body.List
	bodies := make([]string, len(clauses))
	vars := make([]ast.Expr, len(clauses)) // each clause's variable, or nil
	def := -1
	var ok *ast.Ident
	for i, c := range clauses {
		cc := c.(*ast.CaseClause)
		bodies[i] = l.newLabel("caseBody")
		if obj, found := l.info.Implicits[cc]; found && obj.Name() != "_" && usesObject(l.info, cc.Body, obj) {
			v := l.variable(obj)
			id := ast.NewIdent(v.name)
			l.temps[id] = v
			vars[i] = id
		}
		if cc.List == nil {
			def = i
			continue
		}
		for _, e := range cc.List {
			if tv, isNil := l.info.Types[e]; isNil && tv.IsNil() {
				l.emit(fstmt{kind: fIfGoto, cond: &ast.BinaryExpr{X: tmp, Op: token.EQL, Y: ast.NewIdent("nil")}, label: bodies[i], pos: e.Pos()})
				continue
			}
			if ok == nil {
				ok = l.temp(types.Typ[types.Bool], "ok", "a type test")
			}
			var lhs ast.Expr = ast.NewIdent("_")
			if len(cc.List) == 1 && vars[i] != nil {
				lhs = vars[i] // the clause's variable has the one type
			}
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{lhs, ok}, Tok: token.ASSIGN, Rhs: []ast.Expr{&ast.TypeAssertExpr{X: tmp, Type: e}}})
			l.emit(fstmt{kind: fIfGoto, cond: ok, label: bodies[i], pos: e.Pos()})
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
		if vars[i] != nil && (len(cc.List) != 1 || isNilCase(l.info, cc)) {
			// Several types, nil or default: the variable has the switched
			// value's type.
			l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{vars[i]}, Tok: token.ASSIGN, Rhs: []ast.Expr{tmp}})
		}
		l.stmts(cc.Body)
		l.emitGoto(t.breakL)
	}
	l.emitLabel(t.breakL)
}

// usesObject reports whether any of stmts refers to obj.
func usesObject(info *types.Info, stmts []ast.Stmt, obj types.Object) bool {
	found := false
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
				found = true
			}
			return !found
		})
	}
	return found
}

func isNilCase(info *types.Info, cc *ast.CaseClause) bool {
	if len(cc.List) != 1 {
		return false
	}
	tv, ok := info.Types[cc.List[0]]
	return ok && tv.IsNil()
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
