package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// This file is the lower stage for range loops: every kind of range a loop
// that awaits may take, the range expression evaluated once, and the
// variables derived from it.

func (l *lowerer) rangeStmt(s *ast.RangeStmt) {
	t := l.loopTarget(s)
	xt := l.typeOf(s.X)
	under := coreType(xt)
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
