package transform

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A variable that holds a function literal of the job and is only ever
// called (f := func(...) {...}; ...; f(x)) may be live across an await: a
// function value cannot be saved, but the literal can be made again after the
// resume, over the restored variables it captures. Since the literal captures
// the job's variables by reference, and these are the machine's variables
// both before and after the await, the closure made again behaves as the one
// the plain function holds. The variables it captures are saved instead of
// it, at every await where it is live.
//
// A variable qualifies when its only assignment is its declaration with a
// literal, nothing takes its address, and every other use calls it: a
// closure passed on or stored might be called by code that still holds the
// old one.

// closureVars finds the variables of the job that hold a literal of the job
// and are only ever called, with the assignment that makes each.
func (l *lowerer) closureVars() map[*hvar]*ast.AssignStmt {
	info := l.info
	defs := map[types.Object]*ast.AssignStmt{}
	bad := map[types.Object]bool{}
	var stack []ast.Node
	ast.Inspect(l.j.decl.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, ok := n.(*ast.Ident); ok && len(stack) > 0 {
			parent := stack[len(stack)-1]
			if obj := info.Defs[id]; obj != nil {
				if _, isFunc := obj.Type().Underlying().(*types.Signature); isFunc {
					if lit := litDefined(parent, id); lit != nil && defs[obj] == nil {
						defs[obj] = &ast.AssignStmt{Lhs: []ast.Expr{id}, Tok: token.ASSIGN, Rhs: []ast.Expr{lit}}
					} else {
						bad[obj] = true
					}
				}
			} else if obj := info.Uses[id]; obj != nil {
				if call, isCall := parent.(*ast.CallExpr); !isCall || ast.Unparen(call.Fun) != id {
					bad[obj] = true
				}
			}
		}
		stack = append(stack, n)
		return true
	})
	out := map[*hvar]*ast.AssignStmt{}
	for obj, as := range defs {
		if v, ok := l.byObj[obj]; ok && !bad[obj] {
			out[v] = as
		}
	}
	return out
}

// litDefined returns the function literal that the declaration parent gives
// the identifier id, if that is what it does.
func litDefined(parent ast.Node, id *ast.Ident) *ast.FuncLit {
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if p.Tok == token.DEFINE && len(p.Lhs) == len(p.Rhs) {
			for i, e := range p.Lhs {
				if e == id {
					lit, _ := ast.Unparen(p.Rhs[i]).(*ast.FuncLit)
					return lit
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, n := range p.Names {
				if n == id {
					lit, _ := ast.Unparen(p.Values[i]).(*ast.FuncLit)
					return lit
				}
			}
		}
	}
	return nil
}

// closuresAcross makes the closures live at each await be made again on
// resume rather than saved, and saves what they capture instead.
func (l *lowerer) closuresAcross() {
	remake := l.closureVars()
	if len(remake) == 0 {
		return
	}
	captures := map[*hvar][]*hvar{}
	for v, as := range remake {
		v.remake = as
		captures[v] = l.varsIn(as.Rhs[0], map[*hvar]bool{})
	}
	for _, site := range l.awaits {
		has := map[*hvar]bool{}
		for _, v := range site.live {
			has[v] = true
		}
		changed := false
		for i := 0; i < len(site.live); i++ { // site.live grows
			for _, c := range captures[site.live[i]] {
				if !has[c] {
					has[c] = true
					site.live = append(site.live, c)
					changed = true
				}
			}
		}
		if !changed && !anyRemade(site.live) {
			continue
		}
		var saved []*hvar
		for _, v := range l.withSources(site.live) {
			if v.remake == nil {
				saved = append(saved, v)
			}
		}
		site.saved = saved
	}
}

func anyRemade(vs []*hvar) bool {
	for _, v := range vs {
		if v.remake != nil {
			return true
		}
	}
	return false
}

// checkStoredClosures refuses a variable captured by a function literal that
// the job passes on or stores (not one it only calls, defers or starts with
// go) when the job may use the variable after an await that can follow the
// literal: after a resume the literal, held elsewhere, still refers to the
// variable of the run before the checkpoint, and the two would part.
func (l *lowerer) checkStoredClosures(reported map[*hvar]bool) {
	info := l.info
	started := map[*ast.FuncLit]bool{} // go func() {...}(), defer func() {...}()
	ast.Inspect(l.j.decl.Body, func(n ast.Node) bool {
		var call *ast.CallExpr
		switch s := n.(type) {
		case *ast.GoStmt:
			call = s.Call
		case *ast.DeferStmt:
			call = s.Call
		}
		if call != nil {
			if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
				started[lit] = true
			}
		}
		return true
	})
	labels := l.labelIndex()
	uses := make([]map[*hvar]bool, len(l.code))
	usesAt := func(i int) map[*hvar]bool {
		if uses[i] == nil {
			s := l.code[i]
			uses[i] = map[*hvar]bool{}
			l.varsIn(s.node, uses[i])
			l.varsIn(s.cond, uses[i])
			if s.await != nil {
				l.varsIn(s.await.op, uses[i])
			}
		}
		return uses[i]
	}
	for _, lit := range escapingLits(info, l.j.decl.Body) {
		if started[lit] {
			continue
		}
		// The literal's own variables are not the job's: they stay in it.
		captured := l.varsIn(lit.Body, map[*hvar]bool{})
		at := l.stmtHolding(lit)
		if len(captured) == 0 || at < 0 {
			continue
		}
		after, _ := l.reach(labels, l.successors(at, labels)...)
		for i, s := range l.code {
			if (s.kind != fSuspend && s.kind != fNest) || !after[i] {
				continue
			}
			live := map[*hvar]bool{}
			for _, v := range s.await.live {
				live[v] = true
			}
			later, _ := l.reach(labels, labels[resumeLabel(s.await)])
			for _, v := range captured {
				if reported[v] {
					continue
				}
				used := live[v]
				for k := range later {
					if later[k] && !used {
						used = usesAt(k)[v]
					}
				}
				if used {
					reported[v] = true
					l.ds.errorf(v.pos, "%s is captured by the function literal at %s, which the job passes on or stores, and is used after the await at %s: after a resume the literal would still see the variable as it was before the checkpoint; pass the value to the function instead, or finish with the literal before the await", v.what, shortPos(l.j, lit.Pos()), shortPos(l.j, s.await.pos))
				}
			}
		}
	}
}

// stmtHolding returns the index of the flat statement that holds node n, or
// -1.
func (l *lowerer) stmtHolding(n ast.Node) int {
	for i, s := range l.code {
		found := false
		for _, root := range []ast.Node{s.node, s.cond} {
			if root == nil || found {
				continue
			}
			ast.Inspect(root, func(c ast.Node) bool {
				if c == n {
					found = true
				}
				return !found
			})
		}
		if !found && s.await != nil && s.await.op != nil && s.kind == fSuspend {
			ast.Inspect(s.await.op, func(c ast.Node) bool {
				if c == n {
					found = true
				}
				return !found
			})
		}
		if found {
			return i
		}
	}
	return -1
}

// varsIn returns the variables of the job that n refers to and seen does not
// hold yet, in order of appearance, adding them to seen.
func (l *lowerer) varsIn(n ast.Node, seen map[*hvar]bool) []*hvar {
	if n == nil {
		return nil
	}
	var out []*hvar
	ast.Inspect(n, func(c ast.Node) bool {
		if id, ok := c.(*ast.Ident); ok {
			if v, ok := l.byObj[l.objectOf(id)]; ok && !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
		return true
	})
	return out
}
