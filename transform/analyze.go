package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"math/bits"
	"sort"
	"strings"
)

// The analyze stage checks what a job does before it is lowered (refusing what
// cannot become a machine), and after lowering computes which variables are
// live at each await and checks that each of them can be checkpointed.

// checkJob diagnoses the constructs fsmgen refuses in a job's body.
func checkJob(j *job, ds *diagnostics) {
	info := j.pkg.TypesInfo
	hasAwait := false
	ast.Inspect(j.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if j.suspendsAt(n) {
				hasAwait = true
			}
		}
		return !hasAwait
	})
	awaitIn := func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(c ast.Node) bool {
			if call, ok := c.(*ast.CallExpr); ok && j.suspendsAt(call) {
				found = true
			}
			return !found
		})
		return found
	}
	topLevel := map[ast.Stmt]bool{}
	for _, s := range j.decl.Body.List {
		topLevel[s] = true
	}
	var deferAt *ast.DeferStmt // a defer kept across awaits
	var gotos []*ast.BranchStmt
	calls := map[ast.Expr]bool{}
	var walk func(n ast.Node, inLit bool)
	walk = func(n ast.Node, inLit bool) {
		ast.Inspect(n, func(c ast.Node) bool {
			switch c := c.(type) {
			case *ast.FuncLit:
				if c != n {
					walk(c.Body, true)
					return false
				}
			case *ast.CallExpr:
				fun := ast.Unparen(c.Fun)
				calls[fun] = true
				switch f := fun.(type) { // fsm.Await[T](...)
				case *ast.IndexExpr:
					calls[f.X] = true
				case *ast.IndexListExpr:
					calls[f.X] = true
				}
				if isAwaitCall(info, c) && inLit {
					ds.errorf(c.Pos(), "await inside a function literal: a machine can only stop in the job's own body; call fsm.Await in the job and pass the result to the function")
				}
				if callee := j.nestedCallee(c); callee != nil {
					checkNestedCall(j, c, callee, inLit, ds)
				} else {
					checkContextArgs(j, c, ds)
				}
			case *ast.GoStmt:
				if awaitIn(c.Call) {
					ds.errorf(c.Pos(), "await in a go statement: a machine cannot stop inside another goroutine; await in the job and start the goroutine with the result")
				}
			case *ast.DeferStmt:
				if awaitIn(c.Call) {
					ds.errorf(c.Pos(), "await in a defer statement: deferred calls run when the job returns, where it cannot stop; await before returning instead")
				} else if hasAwait && !inLit && !topLevel[c] {
					ds.errorf(c.Pos(), "defer inside a block of a job that awaits: a machine keeps deferred calls across awaits only when they are registered once, at the top level of the job's body; move the defer there, or into a function the job calls")
				} else if hasAwait && !inLit {
					deferAt = c
				}
			case *ast.BranchStmt:
				if c.Tok == token.GOTO && !inLit {
					gotos = append(gotos, c)
				}
			case *ast.SelectStmt:
				if !inLit && awaitIn(c) {
					ds.errorf(c.Pos(), "await in a select statement: a machine cannot stop while a select waits on channels; await before or after the select")
				}
			case *ast.RangeStmt:
				if !inLit && awaitIn(c.Body) {
					if _, ok := info.TypeOf(c.X).Underlying().(*types.Signature); ok {
						ds.errorf(c.Pos(), "await inside a range-over-func loop: the loop body runs inside the iterator's stack frame, which cannot be checkpointed; collect the values into a slice first")
					} else if _, ok := info.TypeOf(c.X).Underlying().(*types.Chan); ok {
						ds.errorf(c.Pos(), "await inside a range over a channel: channels cannot be checkpointed; receive the values into a slice first")
					}
				}
			case *ast.AssignStmt:
				for _, lhs := range c.Lhs {
					if id := identOf(lhs); id != nil && info.ObjectOf(id) == j.ctx && c.Tok != token.DEFINE {
						ds.errorf(id.Pos(), "assignment to the job's Context %s: a machine gets a new Context at every resume; use another variable", id.Name)
					}
				}
			}
			return true
		})
	}
	walk(j.decl.Body, false)
	if deferAt != nil {
		for _, g := range gotos {
			ds.errorf(g.Pos(), "goto in a job with a defer at %s: a goto could run the defer twice or jump past it, and a machine registers deferred calls by where the job stopped; use a loop or an if instead", shortPos(j, deferAt.Pos()))
		}
		res := j.sig.Results()
		for i := 0; i < res.Len(); i++ {
			if res.At(i).Name() == "_" {
				ds.errorf(deferAt.Pos(), "defer in a job whose result %d is named _: a machine keeps results that deferred calls may change in named variables; give the result a name", i)
				break
			}
		}
	}
	// fsm.Await used as a value rather than called.
	ast.Inspect(j.decl.Body, func(n ast.Node) bool {
		switch e := n.(type) {
		case *ast.SelectorExpr, *ast.Ident, *ast.IndexExpr:
			ex := e.(ast.Expr)
			if isAwaitFunc(info, ex) && !calls[ex] {
				if _, isSel := e.(*ast.Ident); isSel {
					return true
				}
				ds.errorf(ex.Pos(), "fsm.Await used as a value: an await must be called directly in the job's body")
				return false
			}
		}
		return true
	})
}

// checkContextArgs refuses passing the job's Context to a function that takes
// an fsm.Context, other than Await: such a function may await, and its awaits
// would not be checkpoints.
func checkContextArgs(j *job, c *ast.CallExpr, ds *diagnostics) {
	info := j.pkg.TypesInfo
	if isAwaitCall(info, c) || j.graph.calleeOf(info, c) != nil {
		return // a job that awaits is nested (checkNestedCall); others are plain calls
	}
	sig, ok := info.TypeOf(c.Fun).(*types.Signature)
	if !ok {
		return
	}
	for i, a := range c.Args {
		id := identOf(a)
		if id == nil || info.ObjectOf(id) != j.ctx {
			continue
		}
		var pt types.Type
		switch {
		case sig.Variadic() && i >= sig.Params().Len()-1:
			pt = sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
		case i < sig.Params().Len():
			pt = sig.Params().At(i).Type()
		}
		if pt != nil && isContextType(pt) {
			ds.errorf(c.Pos(), "job %s passes its fsm.Context to %s, which may await outside the job's body, without a checkpoint: make %s a job (//fsmgen:job) to call it from jobs, or await in the job itself", j.fn.Name(), types.ExprString(c.Fun), types.ExprString(c.Fun))
		}
	}
}

// liveness computes, for each await, the variables live where the machine
// resumes: read on some path before being written. go/ssa has no liveness
// analysis, and the machine's variables are those of the flat code anyway, so
// this is a classic backward dataflow over the flat code's control flow.
func (l *lowerer) liveness() (entry []*hvar) {
	n := len(l.code)
	idx := map[*hvar]int{}
	for i, v := range l.vars {
		idx[v] = i
	}
	words := (len(l.vars) + 63) / 64
	newSet := func() []uint64 { return make([]uint64, words) }
	labels := l.labelIndex()
	use := make([][]uint64, n)
	def := make([][]uint64, n)
	succ := make([][]int, n)
	for i, s := range l.code {
		use[i], def[i] = newSet(), newSet()
		mark := func(set []uint64, e ast.Node) {
			if e == nil {
				return
			}
			ast.Inspect(e, func(c ast.Node) bool {
				if id, ok := c.(*ast.Ident); ok {
					if v, ok := l.byObj[l.objectOf(id)]; ok {
						set[idx[v]/64] |= 1 << (idx[v] % 64)
					}
				}
				return true
			})
		}
		switch s.kind {
		case fNode:
			switch node := s.node.(type) {
			case *ast.AssignStmt:
				if node.Tok == token.ASSIGN {
					for _, e := range node.Lhs {
						if id, ok := e.(*ast.Ident); ok {
							if v, ok := l.byObj[l.objectOf(id)]; ok {
								def[i][idx[v]/64] |= 1 << (idx[v] % 64)
							}
							continue
						}
						mark(use[i], e)
					}
					for _, e := range node.Rhs {
						mark(use[i], e)
					}
				} else {
					mark(use[i], node)
				}
			case *ast.ReturnStmt:
				mark(use[i], node)
				if len(node.Results) == 0 {
					for _, v := range l.vars {
						if v.result > 0 {
							use[i][idx[v]/64] |= 1 << (idx[v] % 64)
						}
					}
				}
			case *ast.BranchStmt:
			default:
				mark(use[i], node)
				if hasBareReturn(node) {
					for _, v := range l.vars {
						if v.result > 0 {
							use[i][idx[v]/64] |= 1 << (idx[v] % 64)
						}
					}
				}
			}
		case fIfGoto:
			mark(use[i], s.cond)
		case fSuspend:
			// What is live where the machine resumes is saved here.
			mark(use[i], s.await.op)
		case fNest:
			// The nested machine is resumed here; what is live is saved here
			// when it suspends.
			use[i][idx[s.await.nest]/64] |= 1 << (idx[s.await.nest] % 64)
		}
		succ[i] = l.successors(i, labels) // n stands for the job's return
	}
	// At the end of the body the job returns its named results.
	exitUse := newSet()
	for _, v := range l.vars {
		if v.result > 0 {
			exitUse[idx[v]/64] |= 1 << (idx[v] % 64)
		}
	}
	in := make([][]uint64, n)
	for i := range in {
		in[i] = newSet()
	}
	// A suspension saves, besides what is live where it resumes, the sources
	// of the derived variables among them; so it uses those sources.
	srcSet := make([][]uint64, len(l.vars))
	for k, v := range l.vars {
		if v.derived == nil {
			continue
		}
		srcSet[k] = newSet()
		for _, src := range l.withSources([]*hvar{v})[1:] {
			srcSet[k][idx[src]/64] |= 1 << (idx[src] % 64)
		}
	}
	suspendUse := func(i int, li int) {
		for w, word := range in[li] {
			for word != 0 {
				b := bits.TrailingZeros64(word)
				word &^= 1 << b
				if src := srcSet[w*64+b]; src != nil {
					for x := range src {
						use[i][x] |= src[x]
					}
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			if k := l.code[i].kind; k == fSuspend || k == fNest {
				suspendUse(i, labels[resumeLabel(l.code[i].await)])
			}
			out := newSet()
			for _, s := range succ[i] {
				if s >= n {
					copy(out, orSet(out, exitUse))
					continue
				}
				for w := range out {
					out[w] |= in[s][w]
				}
			}
			for w := range out {
				nv := use[i][w] | (out[w] &^ def[i][w])
				if nv != in[i][w] {
					in[i][w] = nv
					changed = true
				}
			}
		}
	}
	members := func(set []uint64) []*hvar {
		var out []*hvar
		for w, word := range set {
			for word != 0 {
				b := bits.TrailingZeros64(word)
				out = append(out, l.vars[w*64+b])
				word &^= 1 << b
			}
		}
		return out
	}
	for _, site := range l.awaits {
		li := labels[resumeLabel(site)]
		site.live = members(in[li])
		site.saved = l.withSources(site.live)
	}
	l.deferredBefore()
	l.closuresAcross()
	if n > 0 {
		return members(in[0])
	}
	return members(exitUse)
}

// labelIndex maps each label of flat code to its statement: generated labels,
// and the labels of statements kept as written.
func (l *lowerer) labelIndex() map[string]int {
	labels := map[string]int{}
	for i, s := range l.code {
		switch s.kind {
		case fLabel:
			labels[s.label] = i
		case fNode:
			if ls, ok := s.node.(*ast.LabeledStmt); ok {
				labels[ls.Label.Name] = i
				l.userLabels[ls.Label.Name] = ls.Label.Name
			}
		}
	}
	return labels
}

// withSources adds to a live set the variables its derived variables are made
// from, which a checkpoint needs to tell whether they still are.
func (l *lowerer) withSources(live []*hvar) []*hvar {
	in := map[*hvar]bool{}
	for _, v := range live {
		in[v] = true
	}
	for i := 0; i < len(live); i++ {
		if live[i].derived == nil {
			continue
		}
		for _, src := range l.sources(live[i]) {
			if !in[src] {
				in[src] = true
				live = append(live, src)
			}
		}
	}
	return live
}

func orSet(a, b []uint64) []uint64 {
	out := make([]uint64, len(a))
	for i := range a {
		out[i] = a[i] | b[i]
	}
	return out
}

func hasBareReturn(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(c ast.Node) bool {
		switch c := c.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(c.Results) == 0 {
				found = true
			}
		}
		return !found
	})
	return found
}

// branchLabel returns the label a break or continue becomes a goto to, or ""
// when it leaves a statement that stays as written.
func (l *lowerer) branchLabel(b *ast.BranchStmt) string {
	s, ok := l.branchTo[b]
	if !ok {
		return ""
	}
	t, ok := l.targets[s]
	if !ok {
		return ""
	}
	if b.Tok == token.CONTINUE {
		return t.contL
	}
	return t.breakL
}

// escapingLits returns the function literals of body that may outlive the
// statement that makes them: all but those called at once, passed straight to
// a call (not in a go or defer statement), or kept in a local only ever
// called.
func escapingLits(info *types.Info, body *ast.BlockStmt) []*ast.FuncLit {
	calledOnly := func(obj types.Object) bool {
		ok := true
		var stack []ast.Node
		ast.Inspect(body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if id, isID := n.(*ast.Ident); isID && info.Uses[id] == obj {
				parent := stack[len(stack)-1]
				if call, isCall := parent.(*ast.CallExpr); !isCall || call.Fun != id {
					ok = false
				}
			}
			stack = append(stack, n)
			return true
		})
		return ok
	}
	var out []*ast.FuncLit
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if lit, ok := n.(*ast.FuncLit); ok {
			escapes := true
			var parent, grand ast.Node
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			if len(stack) > 1 {
				grand = stack[len(stack)-2]
			}
			switch p := parent.(type) {
			case *ast.CallExpr:
				_, inGo := grand.(*ast.GoStmt)
				_, inDefer := grand.(*ast.DeferStmt)
				escapes = inGo || inDefer || (p.Fun != lit && !keepsNoFuncs(info, p))
			case *ast.AssignStmt:
				if len(p.Lhs) == len(p.Rhs) {
					for i, r := range p.Rhs {
						if r == lit {
							if id, isID := p.Lhs[i].(*ast.Ident); isID {
								if obj := info.ObjectOf(id); obj != nil && calledOnly(obj) {
									escapes = false
								}
							}
						}
					}
				}
			}
			if escapes {
				out = append(out, lit)
			}
		}
		stack = append(stack, n)
		return true
	})
	return out
}

// keepsNoFuncs reports whether call calls a function known to use the
// function values it is passed only while it runs: those of the standard
// library's sort, slices, maps, strings, bytes and unicode packages.
func keepsNoFuncs(info *types.Info, call *ast.CallExpr) bool {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr: // an explicit instantiation
		if sel, ok := f.X.(*ast.SelectorExpr); ok {
			id = sel.Sel
		}
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "sort", "slices", "maps", "strings", "bytes", "unicode":
		return true
	}
	return false
}

// checkLive diagnoses variables that are live at an await but cannot be
// checkpointed.
func (l *lowerer) checkLive() {
	reported := map[*hvar]bool{}
	addrTaken := l.memory.addressTaken
	l.markCaptured()
	for _, site := range l.awaits {
		for _, v := range site.saved {
			if reported[v] || v.nest != nil {
				continue // a nested machine is saved by its own code
			}
			pos := v.pos
			if !pos.IsValid() {
				pos = site.pos
			}
			if why := topUnsaveable(v.typ, l.j.scope()); why != "" {
				reported[v] = true
				l.ds.errorf(pos, "%s of type %s is held across the await at %s, but %s", v.what, typeString(v.typ, l.j.pkg.Types), shortPos(l.j, site.pos), why)
				continue
			}
			if _, taken := addrTaken[v.obj]; v.obj != nil && taken {
				reported[v] = true
				l.ds.errorf(pos, "%s has its address taken and is held across the await at %s: pointers to a job's variables cannot be checkpointed yet; keep the value in a variable and take its address after the await", v.what, shortPos(l.j, site.pos))
			}
		}
	}
	for _, v := range l.vars {
		if why := unspellable(v.typ, l.j.pkg.Types, map[types.Type]bool{}); why != "" && !reported[v] {
			reported[v] = true
			pos := v.pos
			if !pos.IsValid() {
				pos = l.j.decl.Name.Pos()
			}
			l.ds.errorf(pos, "%s has type %s, which generated code cannot write: %s; give it a type of your package, or keep the value in a function called between awaits", v.what, typeString(v.typ, l.j.pkg.Types), why)
		}
	}
	for _, v := range l.vars {
		_, taken := addrTaken[v.obj]
		if v.perIter && v.obj != nil && (taken || l.captured[v.obj]) && !reported[v] {
			reported[v] = true
			l.ds.errorf(v.pos, "%s is declared in a loop that awaits and its address is taken or it is captured by a function literal: each iteration's variable cannot be kept apart yet; copy it into a variable declared outside the loop", v.what)
		}
	}
	l.checkStoredClosures(reported)
}

// markCaptured records the per-iteration variables of flattened loops that a
// function literal which may outlive its iteration captures.
func (l *lowerer) markCaptured() {
	info := l.info
	inLit := escapingLits(info, l.j.decl.Body)
	for _, lit := range inLit {
		ast.Inspect(lit.Body, func(c ast.Node) bool {
			if id, ok := c.(*ast.Ident); ok {
				if obj, ok := info.Uses[id].(*types.Var); ok && (obj.Pos() < lit.Pos() || obj.Pos() > lit.End()) {
					if v, ok := l.byObj[obj]; ok && v.perIter {
						l.captured[obj] = true
					}
				}
			}
			return true
		})
	}
}

// unspellable says why type t cannot be written in a file of package pkg: a
// type or struct field unexported by another package. Every variable of a
// machine is declared in generated code, whether it is saved or not.
func unspellable(t types.Type, pkg *types.Package, seen map[types.Type]bool) string {
	return unspellableIn(t, pkg.Path(), nil, seen)
}

// unspellableIn is unspellable for a file of the package of path, with named,
// when not nil, saying first why a named type it meets cannot be written
// there.
func unspellableIn(t types.Type, path string, named func(*types.Named) string, seen map[types.Type]bool) string {
	if seen[t] {
		return ""
	}
	seen[t] = true
	walk := func(t types.Type) string { return unspellableIn(t, path, named, seen) }
	switch u := t.(type) {
	case *types.Named:
		if named != nil {
			if why := named(u); why != "" {
				return why
			}
		}
		obj := u.Obj()
		if obj.Pkg() != nil && obj.Pkg().Path() != path && !obj.Exported() {
			return fmt.Sprintf("%s is unexported in package %s", obj.Name(), obj.Pkg().Path())
		}
		if args := u.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				if why := walk(args.At(i)); why != "" {
					return why
				}
			}
		}
		return ""
	case *types.Alias:
		return walk(types.Unalias(u))
	case *types.Pointer:
		return walk(u.Elem())
	case *types.Slice:
		return walk(u.Elem())
	case *types.Array:
		return walk(u.Elem())
	case *types.Chan:
		return walk(u.Elem())
	case *types.Map:
		if why := walk(u.Key()); why != "" {
			return why
		}
		return walk(u.Elem())
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if !f.Exported() && f.Pkg() != nil && f.Pkg().Path() != path {
				return fmt.Sprintf("its field %s is unexported in package %s", f.Name(), f.Pkg().Path())
			}
			if why := walk(f.Type()); why != "" {
				return why
			}
		}
	case *types.Signature:
		for _, tup := range []*types.Tuple{u.Params(), u.Results()} {
			for i := 0; i < tup.Len(); i++ {
				if why := walk(tup.At(i).Type()); why != "" {
					return why
				}
			}
		}
	}
	return ""
}

// topUnsaveable says why a variable of type t cannot be checkpointed, or "".
// An error variable is saved as its text.
func topUnsaveable(t types.Type, sc scope) string {
	if isErrorType(t) {
		return ""
	}
	return unsaveable(t, sc, map[types.Type]bool{})
}

// scope is where a job is: its package, and the path of its module ("" when
// unknown).
type scope struct {
	pkg    *types.Package
	module string
}

func (j *job) scope() scope {
	sc := scope{pkg: j.pkg.Types}
	if j.pkg.Module != nil {
		sc.module = j.pkg.Module.Path
	}
	return sc
}

// owns tells whether package p is the job's own code: its package, or a
// package of its module.
func (sc scope) owns(p *types.Package) bool {
	if p == nil {
		return false
	}
	if p == sc.pkg {
		return true
	}
	return sc.module != "" && (p.Path() == sc.module || strings.HasPrefix(p.Path(), sc.module+"/"))
}

// hiddenStruct returns, for a struct type with unexported fields that is the
// job's own (see scope.owns), true; generated code lets the runtime store
// those fields (fsm.StoreUnexported). n is the named type, or nil.
func (sc scope) hiddenStruct(n *types.Named, u *types.Struct) bool {
	hidden := false
	for i := 0; i < u.NumFields(); i++ {
		f := u.Field(i)
		if f.Exported() || f.Name() == "_" {
			continue
		}
		hidden = true
		if n == nil && !sc.owns(f.Pkg()) {
			return false
		}
	}
	return hidden && (n == nil || sc.owns(n.Obj().Pkg()))
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// unsaveable says why values of type t cannot be checkpointed, or "".
func unsaveable(t types.Type, sc scope, seen map[types.Type]bool) string {
	pkg := sc.pkg
	if seen[t] {
		return ""
	}
	seen[t] = true
	if hasMarshaler(t) {
		return ""
	}
	if n, ok := t.(*types.Named); ok {
		obj := n.Obj()
		if obj.Pkg() != nil && obj.Pkg() != pkg && !obj.Exported() {
			return fmt.Sprintf("its type %s is unexported in package %s and cannot be named in generated code", obj.Name(), obj.Pkg().Path())
		}
		if obj.Pkg() != nil {
			switch obj.Pkg().Path() + "." + obj.Name() {
			case "time.Time", "math/big.Int":
				return "" // the CBOR mode encodes these itself
			case "time.Location":
				return "a *time.Location cannot be saved; save the zone's name instead"
			}
			if obj.Pkg().Path() == "sync" || obj.Pkg().Path() == "sync/atomic" {
				return fmt.Sprintf("%s.%s is synchronisation state that only means something inside one process; keep it outside the job", obj.Pkg().Name(), obj.Name())
			}
		}
		if obj.Pkg() != nil && obj.Pkg().Path() == RuntimePath {
			return fmt.Sprintf("fsm.%s values belong to one run of the job and cannot be checkpointed; keep them in a local that is not used after the await", obj.Name())
		}
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if u.Kind() == types.UnsafePointer {
			return "an unsafe.Pointer cannot be checkpointed; keep only plain data across awaits"
		}
		return ""
	case *types.Pointer:
		return unsaveable(u.Elem(), sc, seen)
	case *types.Slice:
		return unsaveable(u.Elem(), sc, seen)
	case *types.Array:
		return unsaveable(u.Elem(), sc, seen)
	case *types.Map:
		if why := unsaveable(u.Key(), sc, seen); why != "" {
			return why
		}
		return unsaveable(u.Elem(), sc, seen)
	case *types.Chan:
		return "channels cannot be checkpointed: they only mean something inside one process; receive the values you need before the await"
	case *types.Signature:
		return "function values cannot be checkpointed; call the function before the await, or decide which one to call after it (a function literal of the job kept in a variable that is only called is made again after the await)"
	case *types.Interface:
		// Stored with their dynamic type's name; see fsm.RegisterType. What
		// the dynamic value is, only the checkpoint can tell.
		return ""
	case *types.Struct:
		n, _ := types.Unalias(t).(*types.Named)
		own := sc.hiddenStruct(n, u)
		if own && !declaredAtTop(t, map[types.Type]bool{}) {
			return fmt.Sprintf("its type %s is declared inside a function and has unexported fields, which only a type declared at package level can store; declare it at package level", typeString(t, pkg))
		}
		for i := 0; i < u.NumFields(); i++ {
			f := u.Field(i)
			if !f.Exported() && f.Name() != "_" && !own {
				what := "this struct type"
				if n != nil {
					what = typeString(n, pkg)
				}
				owner := "another package"
				if f.Pkg() != nil {
					owner = "package " + f.Pkg().Path()
				}
				return fmt.Sprintf("%s has unexported field %s, state private to %s (outside this module) that a copy would not restore; keep the values you need from it instead", what, f.Name(), owner)
			}
			if why := unsaveable(f.Type(), sc, seen); why != "" {
				return fmt.Sprintf("field %s: %s", f.Name(), why)
			}
		}
		return ""
	case *types.TypeParam:
		return "generic types are not supported yet"
	}
	return fmt.Sprintf("values of type %s cannot be checkpointed", t)
}

// hasMarshaler reports whether t (or *t) encodes itself.
func hasMarshaler(t types.Type) bool {
	for _, m := range [][2]string{{"MarshalCBOR", "UnmarshalCBOR"}, {"MarshalBinary", "UnmarshalBinary"}} {
		if hasMethod(t, m[0]) && hasMethod(types.NewPointer(t), m[1]) {
			return true
		}
	}
	return false
}

func hasMethod(t types.Type, name string) bool {
	ms := types.NewMethodSet(t)
	for i := 0; i < ms.Len(); i++ {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

func typeString(t types.Type, pkg *types.Package) string {
	return types.TypeString(t, func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	})
}

func shortFile(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// sortedVars orders variables as the job declares them.
func sortedVars(vs []*hvar, order map[*hvar]int) []*hvar {
	out := append([]*hvar(nil), vs...)
	sort.Slice(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	return out
}

// shortPos is a position of j's source as file:line:col, the file without
// its directory.
func shortPos(j *job, p token.Pos) string {
	at := j.position(p)
	return fmt.Sprintf("%s:%d:%d", shortFile(at.Filename), at.Line, at.Column)
}
