package transform

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"reflect"
)

// This file prints flat code as Go source, copying the user's statements with
// the lowering's renames and rewrites.

// render prints a node of flat code as Go source: hoisted variables under their
// generated names, breaks and continues of flattened statements as gotos,
// returns as calls of finish.
func (e *emitter) render(l *lowerer, m *machine, n ast.Node) (string, error) {
	return e.renderWith(&renderer{e: e, l: l, m: m}, n)
}

// renderFrame prints an expression over the machine's variables as read from
// its saved frame (m.v.x), for the encoding methods.
func (e *emitter) renderFrame(l *lowerer, m *machine, n ast.Node) (string, error) {
	return e.renderWith(&renderer{e: e, l: l, m: m, frame: true}, n)
}

func (e *emitter) renderWith(r *renderer, n ast.Node) (string, error) {
	l := r.l
	c := r.clone(reflect.ValueOf(n)).Interface().(ast.Node)
	var buf bytes.Buffer
	if err := format.Node(&buf, e.fset, c); err != nil {
		return "", fmt.Errorf("rendering %s: %w", l.j.fn.Name(), err)
	}
	return buf.String(), nil
}

type renderer struct {
	e     *emitter
	l     *lowerer
	m     *machine
	inLit int
	frame bool // variables as fields of the frame, m.v.x

	qualified map[*ast.Ident]bool // names after a package qualifier
}

var (
	objectType = reflect.TypeOf((*ast.Object)(nil)) //lint:ignore SA1019 cleared, not used
	scopeType  = reflect.TypeOf((*ast.Scope)(nil))  //lint:ignore SA1019 cleared, not used
	posType    = reflect.TypeOf(token.NoPos)
)

func (r *renderer) ident(name string) *ast.Ident { return &ast.Ident{Name: name} }

// varRef is a reference to a machine variable: its local in Resume, its
// frame field in the encoding methods.
func (r *renderer) varRef(v *hvar) ast.Expr {
	if r.frame {
		return &ast.SelectorExpr{X: &ast.SelectorExpr{X: r.ident(r.e.genNames().m), Sel: r.ident("v")}, Sel: r.ident(v.name)}
	}
	return r.ident(v.name)
}

// clone deep-copies an AST value, rewriting as it goes.
func (r *renderer) clone(v reflect.Value) reflect.Value {
	if !v.IsValid() {
		return v
	}
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := r.clone(v.Elem())
		out := reflect.New(v.Type()).Elem()
		out.Set(c)
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if v.Type() == objectType || v.Type() == scopeType {
			return reflect.Zero(v.Type())
		}
		if n, ok := v.Interface().(ast.Node); ok {
			if rep, ok := r.rewrite(n); ok {
				return reflect.ValueOf(rep)
			}
		}
		if _, isLit := v.Interface().(*ast.FuncLit); isLit {
			r.inLit++
			defer func() { r.inLit-- }()
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(r.clone(v.Elem()))
		return out
	case reflect.Int:
		if v.Type() == posType && v.Int() != 0 {
			// Positions of copied nodes would make the printer break lines where
			// the source had them, between nodes that are no longer together.
			// They stay valid where validity means something (a call's ...).
			return reflect.ValueOf(token.Pos(1))
		}
	case reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			if out.Field(i).CanSet() {
				out.Field(i).Set(r.clone(v.Field(i)))
			}
		}
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(r.clone(v.Index(i)))
		}
		return out
	}
	return v
}

// rewrite returns the replacement of a node, if it has one.
func (r *renderer) rewrite(n ast.Node) (ast.Node, bool) {
	e, l, m := r.e, r.l, r.m
	switch n := n.(type) {
	case *ast.Ident:
		if p, ok := l.placeholders[n]; ok {
			switch p.kind {
			case phTake:
				return r.ident(fmt.Sprintf("%s.Take[%s](%s)", e.rt, e.im.typeString(p.site.typ), m.in)), true
			case phRuntime:
				return r.ident(e.rt + "." + p.name), true
			case phBuiltin:
				return r.ident(p.name), true
			case phType:
				return r.ident(e.im.typeString(p.t)), true
			case phZero:
				return r.ident(zeroText(p.t, e.im)), true
			case phIn:
				return r.ident(m.in), true
			case phDeferGuard:
				return r.ident(fmt.Sprintf("%s.state >= 0 || %s != nil", m.recv, m.rerr)), true
			case phNestResult:
				return r.ident(fmt.Sprintf("%s.ResultAt[%s](%s.Results(), %d)", e.rt, e.im.typeString(p.t), p.site.nest.name, p.index)), true
			}
		}
		if v, ok := l.temps[n]; ok {
			return r.varRef(v), true
		}
		obj := l.info.ObjectOf(n)
		if obj == nil {
			return nil, false
		}
		if v, ok := l.byObj[obj]; ok {
			return r.varRef(v), true
		}
		if name, ok := l.names.renamed[obj]; ok {
			return r.ident(name), true
		}
		if pn, ok := obj.(*types.PkgName); ok {
			e.im.need[pn.Imported().Path()] = n.Name
		} else if p := obj.Pkg(); p != nil && p != e.pkg && obj.Parent() == p.Scope() && !r.qualified[n] {
			// A name of another package used unqualified: a dot import.
			e.im.dots[p.Path()] = true
		}
		return nil, false
	case *ast.SelectorExpr:
		if _, ok := l.info.Uses[identOf(n.X)].(*types.PkgName); ok {
			if r.qualified == nil {
				r.qualified = map[*ast.Ident]bool{}
			}
			r.qualified[n.Sel] = true
		}
		return nil, false
	case *ast.BranchStmt:
		if r.inLit > 0 {
			return nil, false
		}
		if lbl := l.branchLabel(n); lbl != "" {
			return &ast.BranchStmt{Tok: token.GOTO, Label: r.ident(lbl)}, true
		}
	case *ast.ReturnStmt:
		if r.inLit > 0 {
			return nil, false
		}
		var args []ast.Expr
		if len(n.Results) > 0 && len(l.defers) > 0 && len(m.namedResultVars()) > 0 {
			// Deferred calls may change the named results after a return
			// sets them: set them, and finish with them.
			var lhs, rhs []ast.Expr
			named := e.namedResults(m)
			for i, s := range named {
				args = append(args, r.ident(s))
				if len(n.Results) == len(named) {
					if id, ok := ast.Unparen(n.Results[i]).(*ast.Ident); ok && l.info.ObjectOf(id) == l.j.sig.Results().At(i) {
						continue // return x, where x is the result
					}
				}
				lhs = append(lhs, r.ident(s))
			}
			if len(n.Results) == len(named) {
				for i, res := range n.Results {
					if id, ok := ast.Unparen(res).(*ast.Ident); !ok || l.info.ObjectOf(id) != l.j.sig.Results().At(i) {
						rhs = append(rhs, r.clone(reflect.ValueOf(res)).Interface().(ast.Expr))
					}
				}
			} else {
				rhs = []ast.Expr{r.clone(reflect.ValueOf(n.Results[0])).Interface().(ast.Expr)} // return f()
			}
			ret := &ast.ReturnStmt{Results: []ast.Expr{&ast.CallExpr{
				Fun:  &ast.SelectorExpr{X: r.ident(m.recv), Sel: r.ident("finish")},
				Args: args,
			}}}
			if len(lhs) == 0 {
				return ret, true
			}
			return &ast.BlockStmt{List: []ast.Stmt{&ast.AssignStmt{Lhs: lhs, Tok: token.ASSIGN, Rhs: rhs}, ret}}, true
		}
		if len(n.Results) == 0 {
			for _, s := range e.namedResults(m) {
				args = append(args, r.ident(s))
			}
		} else {
			for _, res := range n.Results {
				args = append(args, r.clone(reflect.ValueOf(res)).Interface().(ast.Expr))
			}
		}
		return &ast.ReturnStmt{Results: []ast.Expr{&ast.CallExpr{
			Fun:  &ast.SelectorExpr{X: r.ident(m.recv), Sel: r.ident("finish")},
			Args: args,
		}}}, true
	}
	return nil, false
}

// zeroText is the zero value of t as Go source.
func zeroText(t types.Type, im *importer) string {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return "*new(" + im.typeString(t) + ")"
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false"
		case u.Info()&types.IsString != 0:
			return `""`
		case u.Kind() == types.UnsafePointer || u.Kind() == types.UntypedNil:
			return "nil"
		}
		return "0"
	case *types.Struct, *types.Array:
		return im.typeString(t) + "{}"
	}
	return "nil"
}
