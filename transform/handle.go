package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// This file plans and writes a job's typed handle: the fsm.Job value by which
// drivers start a job and read its result without type assertions. For
//
//	func Checkout(ctx fsm.Context, order Order) (Receipt, error)
//
// the handle is
//
//	var CheckoutJob = fsm.NewJob("example.com/shop.Checkout",
//		func(a Order) []any { return []any{a} },
//		func(r []any) (Receipt, error) { return fsm.ResultAt[Receipt](r, 0), fsm.ResultErr(r, 1) })
//
// Its names are package-level names the user did not write, so they are
// planned for every job of a package before any job is lowered: a clash with
// a declared name is a diagnostic, and types moved out of jobs avoid them.

// jobHandle is the plan of one job's handle.
type jobHandle struct {
	job  *job
	name string // CheckoutJob
	// args and results name the generated structs, "" when A (or R) is the
	// type of the job's one parameter (result) or struct{}.
	args, results string
	params        []handleField // what JobInfo.New takes: receiver, then parameters
	values        []handleField // the results before a trailing error
	errIndex      int           // index of the trailing error result, -1 when none
}

// handleField is one parameter or result, and its field in a generated struct.
type handleField struct {
	v     *types.Var
	index int    // in JobInfo.New's arguments, or in Machine.Results
	field string // the field's name, when the values go in a struct
}

// handleBase is the name a job's handle and structs are built from: the
// function's name, or for a method the receiver type's and the method's
// (CartTotal for Cart.Total). It is exported exactly when the job can be
// named from another package: an exported function, an exported method of an
// exported type.
func handleBase(j *job) string {
	name, exported := j.fn.Name(), j.fn.Exported()
	if recv := j.sig.Recv(); recv != nil {
		tn := recvTypeName(types.Unalias(recv.Type()))
		exported = exported && token.IsExported(tn)
		name = tn + upperFirst(name)
	}
	if exported {
		return upperFirst(name)
	}
	return lowerFirst(name)
}

// jobDisplayName is the job as its source spells it: Checkout, Cart.Total.
func jobDisplayName(j *job) string {
	if recv := j.sig.Recv(); recv != nil {
		return recvTypeName(types.Unalias(recv.Type())) + "." + j.fn.Name()
	}
	return j.fn.Name()
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// fieldName is the field of a generated struct holding a parameter or result
// named name: the name capitalized, or fallback (Arg1, R0) for an unnamed or
// blank one, or one that capitalizing does not export (_x, 名前).
func fieldName(name, fallback string) string {
	if name == "" || name == "_" {
		return fallback
	}
	if f := upperFirst(name); token.IsExported(f) {
		return f
	}
	return fallback
}

// planHandles plans the handles of a package's jobs and reports the names
// that would clash. taken receives every name planned, so that names the
// lowering invents at package level avoid them. A job whose handle cannot be
// planned is missing from the map; a job that gets no handle maps to nil.
func planHandles(pkg *types.Package, files []*ast.File, info *types.Info, fset *token.FileSet, jobs []*job, ds *diagnostics, taken map[string]bool) map[*job]*jobHandle {
	generated := map[*token.File]bool{}
	for _, f := range files {
		if isGeneratedFile(f) {
			generated[fset.File(f.Pos())] = true
		}
	}
	declared := func(name string) (types.Object, bool) {
		if obj := pkg.Scope().Lookup(name); obj != nil && !generated[fset.File(obj.Pos())] {
			return obj, true
		}
		for _, f := range files {
			if s := info.Scopes[f]; s != nil && !generated[fset.File(f.Pos())] {
				if obj := s.Lookup(name); obj != nil {
					return obj, true
				}
			}
		}
		return nil, false
	}
	type owner struct {
		j    *job
		kind string
	}
	owners := map[string]owner{}
	out := map[*job]*jobHandle{}
	for _, j := range jobs {
		if j.drain != nil {
			continue // no handle: a drained version only finishes jobs
		}
		h, names, ok := planHandle(j, ds)
		if !ok {
			continue
		}
		out[j] = h
		for _, n := range names {
			kind, name := n[0], n[1]
			if obj, ok := declared(name); ok {
				what := name + " declared at " + shortPosition(fset.Position(obj.Pos()))
				if pn, ok := obj.(*types.PkgName); ok {
					what = fmt.Sprintf("the import of %s as %s at %s", pn.Imported().Path(), name, shortPosition(fset.Position(obj.Pos())))
				}
				ds.errorf(j.decl.Name.Pos(), "job %s: its %s %s would clash with %s; rename one of them", jobDisplayName(j), kind, name, what)
				delete(out, j)
				continue
			}
			if o, ok := owners[name]; ok {
				ds.errorf(j.decl.Name.Pos(), "job %s: its %s %s would clash with the %s of job %s at %s; rename one of them",
					jobDisplayName(j), kind, name, o.kind, jobDisplayName(o.j), shortPosition(fset.Position(o.j.decl.Name.Pos())))
				delete(out, j)
				continue
			}
			owners[name] = owner{j, kind}
			taken[name] = true
		}
	}
	return out
}

// planHandle plans one job's handle and returns the package-level names it
// declares, each with what it is ("handle", "argument struct", "result
// struct"). Fields that would share a name are reported, and give no plan
// (ok false). A generic job's handle is a generic function (CollectJob[T]()),
// since a package-level variable cannot have type parameters.
func planHandle(j *job, ds *diagnostics) (h *jobHandle, names [][2]string, ok bool) {
	base := handleBase(j)
	h = &jobHandle{job: j, name: base + "Job", errIndex: -1}
	names = [][2]string{{"handle", h.name}}
	for i, p := range jobParams(j) {
		fallback := "Arg" + strconv.Itoa(i)
		if i == 0 && j.sig.Recv() != nil {
			// An unnamed receiver is named after its type.
			fallback = fieldName(recvTypeName(types.Unalias(p.Type())), "Recv")
		}
		h.params = append(h.params, handleField{v: p, index: i, field: fieldName(p.Name(), fallback)})
	}
	results := j.sig.Results()
	n := results.Len()
	if n > 0 && isErrorType(results.At(n-1).Type()) {
		h.errIndex = n - 1
		n--
	}
	for i := 0; i < n; i++ {
		r := results.At(i)
		h.values = append(h.values, handleField{v: r, index: i, field: fieldName(r.Name(), "R"+strconv.Itoa(i))})
	}
	ok = true
	if len(h.params) > 1 {
		h.args = base + "Args"
		names = append(names, [2]string{"argument struct", h.args})
		ok = distinctFields(j, ds, "parameters", h.args, h.params, func(f handleField) string { return paramName(f.v, f.index) })
	}
	if len(h.values) > 1 {
		h.results = base + "Results"
		names = append(names, [2]string{"result struct", h.results})
		ok = distinctFields(j, ds, "results", h.results, h.values, func(f handleField) string { return resultName(results, f.index) }) && ok
	}
	if !ok {
		return nil, nil, false
	}
	return h, names, true
}

// distinctFields reports two values that would be one field of a generated
// struct (order and Order, say).
func distinctFields(j *job, ds *diagnostics, what, typeName string, fields []handleField, name func(handleField) string) bool {
	seen := map[string]handleField{}
	ok := true
	for _, f := range fields {
		if g, dup := seen[f.field]; dup {
			ds.errorf(j.decl.Name.Pos(), "job %s: %s %s and %s would both be field %s of %s; rename one of them", jobDisplayName(j), what, name(g), name(f), f.field, typeName)
			ok = false
			continue
		}
		seen[f.field] = f
	}
	return ok
}

// isGeneratedFile reports whether a file of the package is one fsmgen wrote.
func isGeneratedFile(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() >= f.Package {
			break
		}
		for _, c := range cg.List {
			if c.Text == Header {
				return true
			}
		}
	}
	return false
}

func shortPosition(p token.Position) string {
	return fmt.Sprintf("%s:%d:%d", shortFile(p.Filename), p.Line, p.Column)
}

// emitHandle writes a job's generated structs and its handle.
//
// The handle of a generic job is a function of its type parameters, which
// asks the runtime for the name of the instantiation by the type of its
// machine, machine (collectMachine[T]); without machine (the stubs the
// loader declares, see handleStubs) it returns the zero handle.
func (e *emitter) emitHandle(h *jobHandle, machine string) {
	j, g, rt := h.job, e.genNames(), e.rt
	display := jobDisplayName(j)
	tdecl, tuse := "", ""
	if j.generic() {
		tdecl, tuse = e.typeParamList(j)
	}
	structOf := func(name, doc string, fields []handleField) {
		var b strings.Builder
		fmt.Fprintf(&b, "// %s %s\ntype %s%s struct {\n", name, doc, name, tdecl)
		for _, f := range fields {
			fmt.Fprintf(&b, "%s %s\n", f.field, e.im.typeString(f.v.Type()))
		}
		b.WriteString("}\n")
		e.file.Id(b.String()).Line()
	}
	if h.args != "" {
		first := "one field per parameter"
		if j.sig.Recv() != nil {
			first = "the receiver, then one field per parameter"
		}
		structOf(h.args, fmt.Sprintf("holds the arguments of job %s, for %s: %s.", display, h.name, first), h.params)
	}
	if h.results != "" {
		structOf(h.results, fmt.Sprintf("holds the results of job %s, for %s.", display, h.name), h.values)
	}

	// The A side: JobInfo.New's arguments from an A.
	var args string
	switch {
	case len(h.params) == 0:
		args = "func(struct{}) []any { return nil }"
	case h.args == "":
		args = fmt.Sprintf("func(%s %s) []any { return []any{%s} }", g.a, e.im.typeString(h.params[0].v.Type()), g.a)
	default:
		var vals []string
		for _, f := range h.params {
			vals = append(vals, g.a+"."+f.field)
		}
		args = fmt.Sprintf("func(%s %s) []any { return []any{%s} }", g.a, h.args+tuse, strings.Join(vals, ", "))
	}

	// The R side: the result and error from Machine.Results.
	errText := "nil"
	if h.errIndex >= 0 {
		errText = fmt.Sprintf("%s.ResultErr(%s, %d)", rt, g.r, h.errIndex)
	}
	at := func(f handleField) string {
		return fmt.Sprintf("%s.ResultAt[%s](%s, %d)", rt, e.im.typeString(f.v.Type()), g.r, f.index)
	}
	param := g.r + " []any"
	if len(h.values) == 0 && h.errIndex < 0 {
		param = "[]any"
	}
	var result string
	switch {
	case len(h.values) == 0:
		result = fmt.Sprintf("func(%s) (struct{}, error) { return struct{}{}, %s }", param, errText)
	case h.results == "":
		result = fmt.Sprintf("func(%s) (%s, error) { return %s, %s }", param, e.im.typeString(h.values[0].v.Type()), at(h.values[0]), errText)
	default:
		var b strings.Builder
		fmt.Fprintf(&b, "func(%s) (%s, error) {\nreturn %s{\n", param, h.results+tuse, h.results+tuse)
		for _, f := range h.values {
			fmt.Fprintf(&b, "%s: %s,\n", f.field, at(f))
		}
		fmt.Fprintf(&b, "}, %s\n}", errText)
		result = b.String()
	}
	if !j.generic() {
		e.file.Commentf("%s is the handle of job %s, for fsm.Start, fsm.Wait and fsm.Child.", h.name, display)
		e.file.Var().Id(h.name).Op("=").Qual(RuntimePath, "NewJob").Call(
			jen.Lit(j.name()), jen.Line().Id(args), jen.Line().Id(result),
		).Line()
		return
	}
	a, r := "struct{}", "struct{}"
	switch {
	case h.args != "":
		a = h.args + tuse
	case len(h.params) == 1:
		a = e.im.typeString(h.params[0].v.Type())
	}
	switch {
	case h.results != "":
		r = h.results + tuse
	case len(h.values) == 1:
		r = e.im.typeString(h.values[0].v.Type())
	}
	typ := jen.Qual(RuntimePath, "Job").Types(jen.Id(a), jen.Id(r))
	body := jen.Return(jen.Qual(RuntimePath, "Job").Types(jen.Id(a), jen.Id(r)).Values())
	if machine != "" {
		body = jen.Return(jen.Qual(RuntimePath, "NewJob").Call(
			jen.Qual(RuntimePath, "InstanceName").Index(jen.Op("*").Id(machine)).Call(jen.Lit(j.name())),
			jen.Line().Id(args), jen.Line().Id(result),
		))
	}
	e.file.Commentf("%s returns the handle of job %s%s, for fsm.Start, fsm.Wait and fsm.Child. Each", h.name, display, tuse)
	e.file.Comment("instantiation the package makes of the job is registered; see fsm.InstanceName.")
	e.file.Func().Id(h.name + tdecl).Params().Add(typ).Block(body).Line()
}
