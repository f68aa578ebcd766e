package transform

import (
	"go/ast"
	"go/token"
)

// This file is the control flow of flat code: which statements terminate,
// which can run, and which awaits are reachable.

// terminates reports whether a statement of flat code ends in a jump, once its
// breaks and continues of flattened statements have become gotos.
func (l *lowerer) terminates(s ast.Stmt) bool {
	return terminates(s, l.branchTo, func(b *ast.BranchStmt) bool { return l.branchLabel(b) != "" })
}

// terminates reports whether s is a terminating statement as the Go spec
// defines it; breakTo resolves breaks (nil: any break counts), and
// rewrittenBranch tells which breaks and continues became gotos.
func terminates(s ast.Stmt, breakTo map[*ast.BranchStmt]ast.Stmt, rewrittenBranch func(*ast.BranchStmt) bool) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		if rewrittenBranch != nil && rewrittenBranch(s) {
			return true // a break or continue that became a goto
		}
		return s.Tok == token.GOTO || s.Tok == token.FALLTHROUGH
	case *ast.ExprStmt:
		if c, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	case *ast.BlockStmt:
		return len(s.List) > 0 && terminates(s.List[len(s.List)-1], breakTo, rewrittenBranch)
	case *ast.IfStmt:
		return s.Else != nil && terminates(s.Body, breakTo, rewrittenBranch) && terminates(s.Else, breakTo, rewrittenBranch)
	case *ast.LabeledStmt:
		return terminates(s.Stmt, breakTo, rewrittenBranch)
	case *ast.ForStmt:
		return s.Cond == nil && !hasBreak(s, breakTo)
	case *ast.SwitchStmt:
		return clausesTerminate(s.Body, true, breakTo, rewrittenBranch) && !hasBreak(s, breakTo)
	case *ast.TypeSwitchStmt:
		return clausesTerminate(s.Body, true, breakTo, rewrittenBranch) && !hasBreak(s, breakTo)
	case *ast.SelectStmt:
		return clausesTerminate(s.Body, false, breakTo, rewrittenBranch) && !hasBreak(s, breakTo)
	}
	return false
}

func clausesTerminate(body *ast.BlockStmt, needDefault bool, breakTo map[*ast.BranchStmt]ast.Stmt, rewrittenBranch func(*ast.BranchStmt) bool) bool {
	hasDefault := !needDefault
	for _, c := range body.List {
		var list []ast.Stmt
		switch c := c.(type) {
		case *ast.CaseClause:
			list = c.Body
			if c.List == nil {
				hasDefault = true
			}
		case *ast.CommClause:
			list = c.Body
		}
		if len(list) == 0 || !terminates(list[len(list)-1], breakTo, rewrittenBranch) {
			return false
		}
	}
	return hasDefault
}

// hasBreak reports whether a break leaves s.
func hasBreak(s ast.Stmt, breakTo map[*ast.BranchStmt]ast.Stmt) bool {
	found := false
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK && (breakTo == nil || breakTo[n] == s) {
				found = true
			}
		}
		return !found
	})
	return found
}

// flowOf says where control goes after flat statement i: the labels it may
// jump to (a suspension, to its resume point) and whether it may go on to the
// next statement.
func (l *lowerer) flowOf(i int) (jumps []string, falls bool) {
	s := l.code[i]
	switch s.kind {
	case fLabel:
		return nil, true
	case fGoto:
		return []string{s.label}, false
	case fIfGoto:
		return []string{s.label}, true
	case fSuspend:
		return []string{resumeLabel(s.await)}, false
	case fNest:
		// The resume label is just before it: a suspension comes back to it.
		return []string{resumeLabel(s.await)}, true
	}
	// A statement kept as written: its breaks and continues of flattened
	// statements, and its gotos to labels outside it.
	inner := map[string]bool{}
	ast.Inspect(s.node, func(c ast.Node) bool {
		if ls, ok := c.(*ast.LabeledStmt); ok && ls != s.node {
			inner[ls.Label.Name] = true
		}
		return true
	})
	ast.Inspect(s.node, func(c ast.Node) bool {
		switch c := c.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if lbl := l.branchLabel(c); lbl != "" {
				jumps = append(jumps, lbl)
			} else if c.Tok == token.GOTO && !inner[c.Label.Name] {
				jumps = append(jumps, l.userLabels[c.Label.Name])
			}
		}
		return true
	})
	return jumps, !l.terminates(s.node)
}

// successors returns the positions control may go to after flat statement
// i; len(l.code) stands for falling off the end of the job.
func (l *lowerer) successors(i int, labels map[string]int) []int {
	jumps, falls := l.flowOf(i)
	var out []int
	for _, lbl := range jumps {
		if t, ok := labels[lbl]; ok {
			out = append(out, t)
		}
	}
	if falls {
		out = append(out, i+1)
	}
	return out
}

// reach returns which flat statements run when control starts at roots, and
// the labels the statements that run jump to.
func (l *lowerer) reach(labels map[string]int, roots ...int) ([]bool, map[string]bool) {
	seen := make([]bool, len(l.code))
	refs := map[string]bool{}
	work := append([]int(nil), roots...)
	for _, r := range roots {
		if r < len(seen) {
			seen[r] = true
		}
	}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		if i >= len(l.code) {
			continue
		}
		jumps, _ := l.flowOf(i)
		for _, lbl := range jumps {
			refs[lbl] = true
		}
		for _, t := range l.successors(i, labels) {
			if t < len(seen) && !seen[t] {
				seen[t] = true
				work = append(work, t)
			}
		}
	}
	return seen, refs
}

// reachability returns which flat statements can run, from the start or from
// a resume point, and which labels they jump to (resume points included).
func (l *lowerer) reachability() ([]bool, map[string]bool) {
	labels := l.labelIndex()
	roots := []int{0}
	for _, s := range l.awaits {
		roots = append(roots, labels[resumeLabel(s)])
	}
	seen, refs := l.reach(labels, roots...)
	for _, s := range l.awaits {
		refs[resumeLabel(s)] = true // the state switch jumps there
	}
	return seen, refs
}

// reachableAwaits counts the awaits of flat code that can run: reached from the
// start, following each suspension to its resume point. (go/ssa drops the
// others, so the two counts must agree.)
func (l *lowerer) reachableAwaits() int {
	seen, _ := l.reach(l.labelIndex(), 0)
	count := 0
	for i, s := range l.code {
		if seen[i] && (s.kind == fSuspend || s.kind == fNest) {
			count++
		}
	}
	return count
}
