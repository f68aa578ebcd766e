package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// This file gives each await of a job its state id: the identity a
// checkpoint stopped there keeps across builds (fsm.StateInfo.ID, the lock's
// states, docs/changing-jobs.md).
//
// State numbers are positions: adding an await above another renumbers it.
// An id is made from what the await waits for, so it survives edits
// elsewhere in the job:
//
//	fsm.Await(ctx, Charge.Call(order))      Charge.Call
//	fsm.Await(ctx, fsm.Signal[T]("ok"))     fsm.Signal[T]("ok")  (the literal, for fsm's own ops)
//	fsm.Await(ctx, op)                      op
//	Child(ctx, x)  (a nested job)           Child
//
// A second await with the same id in the job is id#2, a third id#3, in source
// order. Such numbers are positions again, which the lock watches (see
// lock.go). A `//fsmgen:state name` comment on the line of the await or the
// line above pins the id to name.

// StateDirective pins the id of the await on its line or the next.
const StateDirective = "//fsmgen:state"

// Reserved ids of the states that are not awaits.
const (
	startID = "start"
	doneID  = "done"
)

// stateComment is one //fsmgen:state comment of a file.
type stateComment struct {
	c    *ast.Comment
	name string
	line int
	used bool
}

// stateComments returns the state directives of a file.
func stateComments(fset *token.FileSet, f *ast.File) []*stateComment {
	var out []*stateComment
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			rest, ok := directiveArgs(c.Text, StateDirective)
			if !ok {
				continue
			}
			out = append(out, &stateComment{c: c, name: strings.TrimSpace(rest), line: fset.Position(c.Pos()).Line})
		}
	}
	return out
}

// defaultStateID is the id an await gets from what it waits for.
func defaultStateID(l *lowerer, s *awaitSite) string {
	if s.nest != nil {
		return types.ExprString(s.call.Fun)
	}
	if len(s.call.Args) != 2 {
		return "await"
	}
	op := ast.Unparen(s.call.Args[1])
	call, ok := op.(*ast.CallExpr)
	if !ok {
		return types.ExprString(op)
	}
	id := types.ExprString(call.Fun)
	if len(call.Args) > 0 && isRuntimeFunc(l.info, call.Fun) {
		if lit, ok := ast.Unparen(call.Args[0]).(*ast.BasicLit); ok && lit.Kind == token.STRING {
			id += "(" + lit.Value + ")"
		}
	}
	return id
}

// assignStateIDs sets the id of each await of l's job. comments are the
// directives of the job's file; those it uses are marked.
func assignStateIDs(l *lowerer, comments []*stateComment) {
	j := l.j
	start, end := j.position(j.decl.Pos()).Line, j.position(j.decl.End()).Line
	var mine []*stateComment
	for _, c := range comments {
		if c.line >= start && c.line <= end {
			mine = append(mine, c)
		}
	}
	taken := map[string]token.Pos{}
	pinnedAt := map[string]bool{}
	for _, s := range l.awaits {
		line := j.position(s.call.Pos()).Line
		for _, c := range mine {
			if c.used || (c.line != line && c.line != line-1) {
				continue
			}
			c.used = true
			switch {
			case c.name == "" || strings.ContainsAny(c.name, " \t"):
				l.ds.errorf(c.c.Pos(), "%s takes one name without spaces, as in %s charge", StateDirective, StateDirective)
			case c.name == startID || c.name == doneID:
				l.ds.errorf(c.c.Pos(), "state name %q is reserved for the job's %s; choose another", c.name, c.name)
			case pinnedAt[c.name]:
				l.ds.errorf(c.c.Pos(), "state name %q is used twice in job %s; each await needs its own", c.name, j.fn.Name())
			default:
				s.id, s.pinned = c.name, true
				pinnedAt[c.name] = true
				taken[c.name] = s.pos
			}
			break
		}
	}
	seen := map[string]int{}
	bases := map[*awaitSite]string{}
	for _, s := range l.awaits {
		s.layoutID = s.id
		if s.pinned {
			continue
		}
		base := defaultStateID(l, s)
		bases[s] = base
		seen[base]++
		s.id = base
		if n := seen[base]; n > 1 {
			s.id = base + "#" + strconv.Itoa(n)
		}
		s.layoutID = s.id
		if pinnedAt[s.id] {
			l.ds.errorf(taken[s.id], "state name %q is also the id fsmgen gives the await at %s; choose another", s.id, shortPos(j, s.pos))
		}
	}
	for s, base := range bases {
		if n := seen[base]; n > 1 {
			s.layoutID = s.id + " of " + strconv.Itoa(n)
		}
	}
}

// stateBase is the id an unpinned await has before numbering.
func stateBase(id string) string {
	if i := strings.LastIndexByte(id, '#'); i > 0 {
		if _, err := strconv.Atoi(id[i+1:]); err == nil {
			return id[:i]
		}
	}
	return id
}

// unusedStateComments diagnoses the directives no await took.
func unusedStateComments(ds *diagnostics, comments []*stateComment) {
	for _, c := range comments {
		if !c.used {
			ds.errorf(c.c.Pos(), "%s must be on the line of an await in a job, or on the line above it", StateDirective)
		}
	}
}

// isRuntimeFunc reports whether fun names a function of the runtime package,
// such as fsm.Signal[T]: its first literal argument (a signal's name) tells
// its awaits apart.
func isRuntimeFunc(info *types.Info, fun ast.Expr) bool {
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	if ix, ok := fun.(*ast.IndexListExpr); ok {
		fun = ix.X
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == RuntimePath && fn.Type().(*types.Signature).Recv() == nil
}
