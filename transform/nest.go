package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A job may call another job of its package as a function. When the callee
// awaits (itself or through jobs it calls), the call is a suspension point of
// the caller: the callee's machine nests in the caller's state, and each of
// its awaits suspends the caller too. This file finds such calls; lower.go
// flattens them like awaits (see nestValues), and the emit stage saves the
// nested machine with the caller's live variables.

// jobGraph is what the jobs of one package know of each other.
type jobGraph struct {
	byFunc   map[*types.Func]*job
	suspends map[*job]bool // the job awaits, itself or in a job it calls
	// lowered holds each job's lowering once analyzed: the emit stage
	// describes a nested machine's layout from its job's states.
	lowered map[*job]*lowerer
}

// linkJobs records the package's jobs in each of them, works out which jobs
// suspend, and refuses recursion among them.
func linkJobs(jobs []*job, ds *diagnostics) {
	g := &jobGraph{byFunc: map[*types.Func]*job{}, suspends: map[*job]bool{}, lowered: map[*job]*lowerer{}}
	for _, j := range jobs {
		g.byFunc[j.fn] = j
		j.graph = g
	}
	// The calls of each job to other jobs, outside function literals, and
	// whether it awaits itself.
	calls := map[*job][]*ast.CallExpr{}
	for _, j := range jobs {
		info := j.pkg.TypesInfo
		ast.Inspect(j.decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.CallExpr:
				if isAwaitCall(info, n) {
					g.suspends[j] = true
				} else if callee := g.calleeOf(info, n); callee != nil {
					calls[j] = append(calls[j], n)
				}
			}
			return true
		})
	}
	for changed := true; changed; {
		changed = false
		for _, j := range jobs {
			if g.suspends[j] {
				continue
			}
			for _, c := range calls[j] {
				if g.suspends[g.calleeOf(j.pkg.TypesInfo, c)] {
					g.suspends[j] = true
					changed = true
					break
				}
			}
		}
	}
	// Recursion: a nested machine would hold a machine of its own job,
	// without bound.
	const (
		unvisited = iota
		active
		finished
	)
	mark := map[*job]int{}
	var stack []*job
	var visit func(j *job)
	visit = func(j *job) {
		mark[j] = active
		stack = append(stack, j)
		for _, c := range calls[j] {
			callee := g.calleeOf(j.pkg.TypesInfo, c)
			if !g.suspends[callee] {
				continue
			}
			switch mark[callee] {
			case unvisited:
				visit(callee)
			case active:
				var path []string
				for i := len(stack) - 1; i >= 0; i-- {
					path = append([]string{jobDisplayName(stack[i])}, path...)
					if stack[i] == callee {
						break
					}
				}
				path = append(path, jobDisplayName(callee))
				ds.errorf(c.Pos(), "recursive call of job %s (%s): a recursive job would nest machines without bound; start the inner call as a child job with fsm.Child instead", jobDisplayName(callee), strings.Join(path, " → "))
			}
		}
		stack = stack[:len(stack)-1]
		mark[j] = finished
	}
	sorted := append([]*job(nil), jobs...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].decl.Pos() < sorted[b].decl.Pos() })
	for _, j := range sorted {
		if mark[j] == unvisited {
			visit(j)
		}
	}
}

// calleeOf returns the job of the package that call calls, nil when it calls
// something else. A method job called on a value (cart.Total(ctx)) counts.
func (g *jobGraph) calleeOf(info *types.Info, call *ast.CallExpr) *job {
	if g == nil {
		return nil
	}
	var obj types.Object
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X // a generic job's explicit instantiation
	case *ast.IndexListExpr:
		fun = f.X
	}
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		obj = info.Uses[f]
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[f]; ok {
			if sel.Kind() != types.MethodVal {
				return nil
			}
			obj = sel.Obj()
		} else {
			obj = info.Uses[f.Sel]
		}
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	return g.byFunc[fn.Origin()]
}

// nestedCallee returns the job that call calls when that job suspends, so
// that the call is a suspension point of j; nil otherwise.
func (j *job) nestedCallee(call *ast.CallExpr) *job {
	callee := j.graph.calleeOf(j.pkg.TypesInfo, call)
	if callee == nil || !j.graph.suspends[callee] {
		return nil
	}
	return callee
}

// suspendsAt reports whether call is a suspension point of job j: an await,
// or a call of a job that suspends.
func (j *job) suspendsAt(call *ast.CallExpr) bool {
	return isAwaitCall(j.pkg.TypesInfo, call) || j.nestedCallee(call) != nil
}

// checkNestedCall diagnoses a call of a suspending job that a machine cannot
// nest: one that does not pass the job's own Context, one of a function
// literal, a method job called through a pointer or an embedded field.
func checkNestedCall(j *job, c *ast.CallExpr, callee *job, inLit bool, ds *diagnostics) {
	info := j.pkg.TypesInfo
	name := jobDisplayName(callee)
	switch {
	case inLit:
		ds.errorf(c.Pos(), "call of job %s, which awaits, inside a function literal: a machine can only stop in the job's own body; call %s in the job itself", name, name)
	case callee.sig.Recv() != nil && nestedReceiver(info, c) == nil:
		ds.errorf(c.Pos(), "call of job method %s from job %s through a pointer or an embedded field: the nested machine takes its receiver by value; call it on a value of type %s (r := *p; r.%s(ctx, ...))", name, jobDisplayName(j), types.TypeString(callee.sig.Recv().Type(), types.RelativeTo(j.pkg.Types)), callee.fn.Name())
	case len(c.Args) == 0 || identOf(c.Args[0]) == nil || info.Uses[identOf(c.Args[0])] != j.ctx:
		ds.errorf(c.Pos(), "job %s must be called with job %s's own Context parameter %s: the nested job's awaits suspend the caller", name, jobDisplayName(j), j.ctx.Name())
	case callee.generic() && callInstance(info, c, callee) == nil:
		ds.errorf(c.Pos(), "job %s calls generic job %s with type arguments that are %s's own type parameters: the nested machine is an instantiation the runtime knows by name, which fsmgen must see; call %s with concrete type arguments", jobDisplayName(j), name, jobDisplayName(j), name)
	}
}

// callInstance is the instantiation of generic job callee that call makes,
// nil when its type arguments are not concrete (they mention the caller's
// type parameters).
func callInstance(info *types.Info, call *ast.CallExpr, callee *job) *instance {
	if callee.sig.Recv() != nil {
		// A method of a generic type: instantiated with its receiver's.
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if n, ok := types.Unalias(info.TypeOf(sel.X)).(*types.Named); ok {
				return concreteInstance(n.TypeArgs(), callee)
			}
		}
		return nil
	}
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.IndexExpr:
		fun = f.X
	case *ast.IndexListExpr:
		fun = f.X
	}
	id := identOf(fun)
	if sel, ok := ast.Unparen(fun).(*ast.SelectorExpr); ok {
		id = sel.Sel
	}
	if id == nil {
		return nil
	}
	inst, ok := info.Instances[id]
	if !ok {
		return nil
	}
	return concreteInstance(inst.TypeArgs, callee)
}

// concreteInstance is the instantiation of callee with targs, nil when they
// are not concrete.
func concreteInstance(targs *types.TypeList, callee *job) *instance {
	if targs == nil || targs.Len() != callee.typeParams().Len() {
		return nil
	}
	var args []types.Type
	for i := 0; i < targs.Len(); i++ {
		a := targs.At(i)
		if mentionsTypeParam(a, map[types.Type]bool{}) {
			return nil
		}
		args = append(args, a)
	}
	return &instance{args: args, key: instanceKey(args), tparams: callee.typeParams()}
}

// nestName is the name the runtime knows the machine of a nested call by.
func (v *hvar) nestName() string {
	if v.nestIn != nil {
		return v.nest.instanceName(v.nestIn)
	}
	return v.nest.name()
}

// nestValues lowers a call of a job that suspends, whose arguments are
// evaluated first, left to right, as Go does: the callee's machine is created,
// run to its first await, and while it awaits the caller is suspended at a
// state of its own, holding it. It returns temporaries holding the callee's
// results.
func (l *lowerer) nestValues(call *ast.CallExpr) []ast.Expr {
	callee := l.j.nestedCallee(call)
	// A method job takes its receiver first, as JobInfo.New does; Go
	// evaluates it before the arguments.
	exprs := call.Args[1:]
	fixed := callee.sig.Params().Len() - 2 // the Context is not an argument here
	if recv := nestedReceiver(l.j.pkg.TypesInfo, call); recv != nil {
		exprs = append([]ast.Expr{recv}, exprs...)
		fixed++
	}
	args := l.operands(exprs)
	sig := callee.sig
	var in *instance
	if callee.generic() {
		// The call's own signature has the type arguments in place.
		in = callInstance(l.j.pkg.TypesInfo, call, callee)
		sig = in.subst(callee.sig).(*types.Signature)
	}
	// A variadic parameter takes one slice, as JobInfo.New does.
	if sig.Variadic() && !call.Ellipsis.IsValid() {
		if fixed < len(args) {
			lit := &ast.CompositeLit{
				Type: l.placeholder(placeholder{kind: phType, t: sig.Params().At(sig.Params().Len() - 1).Type()}),
				Elts: args[fixed:],
			}
			args = append(args[:fixed:fixed], lit)
		} else {
			args = append(args, l.placeholder(placeholder{kind: phZero, t: sig.Params().At(sig.Params().Len() - 1).Type()}))
		}
	}
	mt := l.machineType()
	mv := l.temp(mt, lowerFirst(callee.fn.Name()), "the call of job "+jobDisplayName(callee))
	l.temps[mv].nest, l.temps[mv].nestIn = callee, in
	newArgs := append([]ast.Expr{&ast.BasicLit{Kind: token.STRING, Value: strconv.Quote(l.temps[mv].nestName())}}, args...)
	l.emitNode(&ast.AssignStmt{Lhs: []ast.Expr{mv}, Tok: token.ASSIGN, Rhs: []ast.Expr{l.runtimeCall("NewNested", newArgs...)}})
	l.emitNode(&ast.AssignStmt{
		Lhs: []ast.Expr{l.placeholder(placeholder{kind: phIn})},
		Tok: token.ASSIGN,
		Rhs: []ast.Expr{l.placeholder(placeholder{kind: phRuntime, name: "Outcome{}"})},
	})
	site := &awaitSite{state: len(l.awaits) + 1, call: call, pos: call.Pos(), nest: l.temps[mv]}
	site.label = l.names.fresh("resume" + strconv.Itoa(site.state))
	l.awaits = append(l.awaits, site)
	l.emitLabel(resumeLabel(site))
	l.emit(fstmt{kind: fNest, await: site, pos: call.Pos()})
	res := sig.Results()
	if res.Len() == 0 {
		return nil
	}
	out := make([]ast.Expr, res.Len())
	var vals []ast.Expr
	for i := range out {
		t := res.At(i).Type()
		out[i] = l.temp(t, "r", "a result of job "+jobDisplayName(callee))
		vals = append(vals, l.placeholder(placeholder{kind: phNestResult, site: site, index: i, t: t}))
	}
	l.emitNode(&ast.AssignStmt{Lhs: out, Tok: token.ASSIGN, Rhs: vals})
	return out
}

// nestedReceiver is the receiver of a call of a method job on a value of
// its receiver type (v.M(ctx)), nil for any other call: a method value
// reached through a pointer or an embedded field would need an expression
// the call does not hold.
func nestedReceiver(info *types.Info, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal || s.Indirect() || len(s.Index()) != 1 {
		return nil
	}
	return sel.X
}

// machineType is the runtime's Machine interface, the type of the variable
// holding a nested job's machine.
func (l *lowerer) machineType() types.Type {
	for _, p := range l.j.pkg.Types.Imports() {
		if p.Path() == RuntimePath {
			if obj := p.Scope().Lookup("Machine"); obj != nil {
				return obj.Type()
			}
		}
	}
	// The job's signature names fsm.Context, so the package imports the
	// runtime; this is not reached.
	panic("the runtime package is not imported")
}

// nestsCall reports whether an SSA call is a call of a job that suspends, as
// nestedCallee finds them in the syntax.
func (j *job) nestsCall(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil || j.graph == nil {
		return false
	}
	fn, ok := callee.Object().(*types.Func)
	if !ok {
		return false
	}
	nested := j.graph.byFunc[fn.Origin()]
	return nested != nil && j.graph.suspends[nested]
}
