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

// reachability returns which flat statements can run (from the start or from
// a resume point) and which labels reachable code jumps to.
func (l *lowerer) reachability() ([]bool, map[string]bool) {
	n := len(l.code)
	labels := l.labelIndex()
	reach := make([]bool, n)
	refs := map[string]bool{}
	var work []int
	push := func(i int) {
		if i < n && !reach[i] {
			reach[i] = true
			work = append(work, i)
		}
	}
	jump := func(label string) {
		refs[label] = true
		if t, ok := labels[label]; ok {
			push(t)
		}
	}
	push(0)
	for _, s := range l.awaits {
		jump(resumeLabel(s))
	}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		s := l.code[i]
		switch s.kind {
		case fLabel:
			push(i + 1)
		case fGoto:
			jump(s.label)
		case fIfGoto:
			jump(s.label)
			push(i + 1)
		case fSuspend:
		case fNode:
			ast.Inspect(s.node, func(c ast.Node) bool {
				switch c := c.(type) {
				case *ast.FuncLit:
					return false
				case *ast.BranchStmt:
					if lbl := l.branchLabel(c); lbl != "" {
						jump(lbl)
					} else if c.Tok == token.GOTO {
						jump(l.userLabels[c.Label.Name])
						if name, ok := l.userLabels[c.Label.Name]; !ok || name == "" {
							refs[c.Label.Name] = true
						}
					}
				}
				return true
			})
			if !l.terminates(s.node) {
				push(i + 1)
			}
		}
	}
	return reach, refs
}

// reachableAwaits counts the awaits of flat code that can run: reached from the
// start, following each suspension to its resume point. (go/ssa drops the
// others, so the two counts must agree.)
func (l *lowerer) reachableAwaits() int {
	labels := l.labelIndex()
	seen := make([]bool, len(l.code))
	count := 0
	var work []int
	push := func(i int) {
		if i < len(l.code) && !seen[i] {
			seen[i] = true
			work = append(work, i)
		}
	}
	push(0)
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		s := l.code[i]
		switch s.kind {
		case fLabel:
			push(i + 1)
		case fGoto:
			push(labels[s.label])
		case fIfGoto:
			push(labels[s.label])
			push(i + 1)
		case fSuspend:
			count++
			push(labels[resumeLabel(s.await)])
		case fNode:
			for _, t := range l.jumpsIn(s.node, labels) {
				push(t)
			}
			if bs, ok := s.node.(*ast.BranchStmt); ok && bs.Tok == token.GOTO {
				if t, ok := labels[l.userLabels[bs.Label.Name]]; ok {
					push(t)
				}
			}
			if !l.terminates(s.node) {
				push(i + 1)
			}
		}
	}
	return count
}
