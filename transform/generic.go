package transform

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// This file is what generic jobs need beyond other jobs. The machine of a
// generic job is a generic type, lowered from the job like any other (its
// code spells the type parameters), but the runtime can only register
// machines of known types: fsmgen registers one per instantiation the
// package makes of the job (Job[int] in its code or its tests), each under a
// name of its own ("example.com/shop.Job[int]") with the states and layouts
// of that instantiation. An instantiation made only in another package is
// not seen; the job's package names it once (var _ = Job[Order]).

// instance is one instantiation of a generic job.
type instance struct {
	args []types.Type
	key  string         // the type arguments in the registered name
	at   token.Position // the first use the package makes of it
	pos  token.Pos      // at, in the job's file set; NoPos for a use in a test file
	// fromTest marks an instantiation made only by test files; their
	// package and types come from a second load, with tests.
	fromTest bool
	fset     *token.FileSet // of the load the type arguments come from
	tparams  *types.TypeParamList
	// oldShapes are the type arguments' shapes when the lock was written,
	// when they differ from now compatibly (a struct gained fields).
	oldShapes []string
}

// shapes are the lock's shapes of the type arguments.
func (in *instance) shapes() []string {
	out := make([]string, len(in.args))
	for i, a := range in.args {
		out[i] = lockShape(shapeOf(a))
	}
	return out
}

// lockInstances records the instantiations of generic job j for its lock.
func lockInstances(j *job) []lockInstance {
	var out []lockInstance
	for _, in := range j.instances {
		out = append(out, in.lockInstance())
	}
	return out
}

func (in *instance) lockInstance() lockInstance {
	li := lockInstance{Key: in.key}
	for i, a := range in.args {
		lv := layoutVar{name: in.tparams.At(i).Obj().Name(), typ: a}
		li.Args = append(li.Args, lockVarOf(&lv, types.TypeString(a, pathQualifier)))
	}
	return li
}

// reconcileInstances checks the instantiations of generic job jr against
// those the lock records: one gone, or one whose type argument is stored
// otherwise than it was, strands its checkpoints, unless the type argument
// only gained fields, which the instantiation then accepts.
func reconcileInstances(jr *jobRecs, o *lockJob) []lockProblem {
	j := jr.j
	if !j.generic() || o.Instances == nil {
		return nil
	}
	var problems []lockProblem
	cur := map[string]*instance{}
	for _, in := range j.instances {
		cur[in.key] = in
	}
	for _, oi := range o.Instances {
		in := cur[oi.Key]
		if in == nil {
			problems = append(problems, lockProblem{pos: j.decl.Name.Pos(), msg: fmt.Sprintf("job %s: instantiation %s is in %s but the package no longer makes it: its checkpoints cannot resume; instantiate it again in the package (%s), or run fsmgen -update-lock to accept that its unfinished jobs need attention", jobDisplayName(j), j.instDisplay(oi.Key), LockFile, j.instHint())})
			continue
		}
		now := in.lockInstance()
		if len(now.Args) != len(oi.Args) {
			continue // the job's type parameters changed: its states say so
		}
		changed, compatible := false, true
		var why []string
		for i := range now.Args {
			a, b := oi.Args[i], now.Args[i]
			if a.Shape == b.Shape {
				continue
			}
			changed = true
			if !gainsFields(a, b) {
				compatible = false
				why = append(why, fmt.Sprintf("type argument %s (%s) is stored otherwise than when %s was written", b.Name, b.display(), LockFile))
			}
		}
		if !changed {
			continue
		}
		if compatible {
			for _, a := range oi.Args {
				in.oldShapes = append(in.oldShapes, a.Shape)
			}
			continue
		}
		pos := in.pos
		if !pos.IsValid() {
			pos = j.decl.Name.Pos()
		}
		problems = append(problems, lockProblem{pos: pos, msg: fmt.Sprintf("job %s: checkpoints of instantiation %s cannot resume: %s (of a struct, only fields added are compatible); keep what it stores, or run fsmgen -update-lock to accept that they need attention", jobDisplayName(j), j.instDisplay(in.display(j.pkg.PkgPath)), strings.Join(why, "; "))})
	}
	return problems
}

// generic reports whether the job has type parameters: its own, or for a
// method those of its receiver's type.
func (j *job) generic() bool { return j.typeParams().Len() > 0 }

// typeParams are the job's type parameters, for a method its receiver's.
func (j *job) typeParams() *types.TypeParamList {
	if r := j.sig.RecvTypeParams(); r.Len() > 0 {
		return r
	}
	return j.sig.TypeParams()
}

// instDisplay names an instantiation in diagnostics, with its type
// arguments as given: Collect[int], or for a method Stack[int].Drain.
func (j *job) instDisplay(args string) string {
	if recv := j.sig.Recv(); recv != nil {
		return recvTypeName(types.Unalias(recv.Type())) + "[" + args + "]." + j.fn.Name()
	}
	return j.fn.Name() + "[" + args + "]"
}

// instHint is how the package makes an instantiation of the job.
func (j *job) instHint() string {
	if recv := j.sig.Recv(); recv != nil {
		return "var _ = " + recvTypeName(types.Unalias(recv.Type())) + "[...]{}"
	}
	return "var _ = " + j.fn.Name() + "[...]"
}

// instanceName is the name the runtime knows an instantiation by.
func (j *job) instanceName(in *instance) string { return j.name() + "[" + in.key + "]" }

// findInstances sets the instantiations of the package's generic jobs, from
// the package's code and, when tests is not nil, from what it loads: the
// package with its tests.
func findInstances(pkg *packages.Package, jobs []*job, tests func() []*packages.Package) {
	byName := map[string]*job{}
	byType := map[string][]*job{} // a generic type's method jobs, by the type's name
	byMethod := map[string]*job{} // the same, by type and method: "Stack.Drain"
	for _, j := range jobs {
		if !j.generic() || j.drain != nil {
			continue
		}
		byName[handleBase(j)+"Job"] = j // its handle: CollectJob[int]()
		if recv := j.sig.Recv(); recv != nil {
			// A method is instantiated with its receiver's type: every
			// instantiation of the type the package makes is one.
			name := recvTypeName(types.Unalias(recv.Type()))
			byType[name] = append(byType[name], j)
			byMethod[name+"."+j.fn.Name()] = j
			continue
		}
		byName[j.fn.Name()] = j
	}
	if len(byName) == 0 {
		return
	}
	seen := map[*job]map[string]*instance{}
	generated := map[string]bool{} // by file name
	add := func(p *packages.Package, j *job, targs *types.TypeList, id *ast.Ident, fromTest bool) {
		in := concreteInstance(targs, j)
		if in == nil {
			return // a use inside generic code: not an instantiation yet
		}
		in.at, in.fromTest, in.fset = p.Fset.Position(id.Pos()), fromTest, p.Fset
		if !fromTest {
			in.pos = id.Pos()
		}
		if seen[j] == nil {
			seen[j] = map[string]*instance{}
		}
		if old := seen[j][in.key]; old != nil && !earlier(in, old) {
			return
		}
		seen[j][in.key] = in
	}
	scan := func(p *packages.Package, fromTest bool) {
		if p.TypesInfo == nil {
			return
		}
		// A method job's selections (s.Drain, Stack[int].Drain) name the
		// instantiation of its receiver's type, which a value of an
		// inferred type need not spell.
		for sel, selection := range p.TypesInfo.Selections {
			fn, ok := selection.Obj().(*types.Func)
			if !ok || fn.Pkg() == nil || fn.Pkg().Path() != pkg.PkgPath || generated[p.Fset.Position(sel.Pos()).Filename] {
				continue
			}
			recv := fn.Type().(*types.Signature).Recv()
			if recv == nil {
				continue
			}
			// The method's receiver, instantiated as the selection has it.
			n, ok := types.Unalias(recv.Type()).(*types.Named)
			if p, isPtr := types.Unalias(recv.Type()).(*types.Pointer); isPtr {
				n, ok = types.Unalias(p.Elem()).(*types.Named)
			}
			if j := byMethod[recvTypeName(types.Unalias(recv.Type()))+"."+fn.Name()]; ok && j != nil {
				add(p, j, n.TypeArgs(), sel.Sel, fromTest)
			}
		}
		for _, f := range p.Syntax {
			if isGeneratedFile(f) {
				generated[p.Fset.File(f.Pos()).Name()] = true
			}
		}
		for id, inst := range p.TypesInfo.Instances {
			if generated[p.Fset.Position(id.Pos()).Filename] {
				continue // what an earlier run registered is no use of the job
			}
			var candidates []*job
			switch obj := p.TypesInfo.Uses[id].(type) {
			case *types.Func:
				if obj.Pkg() != nil && obj.Pkg().Path() == pkg.PkgPath && obj.Type().(*types.Signature).Recv() == nil && byName[obj.Name()] != nil {
					candidates = []*job{byName[obj.Name()]}
				}
			case *types.TypeName:
				if obj.Pkg() != nil && obj.Pkg().Path() == pkg.PkgPath && obj.Parent() == obj.Pkg().Scope() {
					candidates = byType[obj.Name()]
				}
			}
			for _, j := range candidates {
				add(p, j, inst.TypeArgs, id, fromTest)
			}
		}
	}
	scan(pkg, false)
	if tests != nil {
		for _, p := range tests() {
			scan(p, true)
		}
	}
	for j, m := range seen {
		for _, in := range m {
			j.instances = append(j.instances, in)
		}
		sort.Slice(j.instances, func(a, b int) bool { return j.instances[a].key < j.instances[b].key })
	}
}

// earlier tells whether a is a better first use than b: one in the
// package's code over one in its tests, then the first in the source.
func earlier(a, b *instance) bool {
	if a.fromTest != b.fromTest {
		return !a.fromTest
	}
	if a.at.Filename != b.at.Filename {
		return a.at.Filename < b.at.Filename
	}
	return a.at.Offset < b.at.Offset
}

// instanceKey writes type arguments with their packages' paths, so that two
// types of one name in different packages make different names.
func instanceKey(args []types.Type) string {
	parts := make([]string, len(args))
	for i, a := range args {
		var b strings.Builder
		writeKey(&b, a)
		parts[i] = b.String()
	}
	return strings.Join(parts, ",")
}

// writeKey writes t as instanceKey does: with packages' paths, and aliases
// (Job[item] for type item = Order) as the types they stand for, so that one
// instantiation has one name however it is spelled.
func writeKey(b *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case *types.Alias:
		writeKey(b, types.Unalias(t))
	case *types.Named:
		if p := t.Obj().Pkg(); p != nil {
			b.WriteString(p.Path() + ".")
		}
		b.WriteString(t.Obj().Name())
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			b.WriteString("[")
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteString(",")
				}
				writeKey(b, args.At(i))
			}
			b.WriteString("]")
		}
	case *types.Pointer:
		b.WriteString("*")
		writeKey(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		writeKey(b, t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		writeKey(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		writeKey(b, t.Key())
		b.WriteString("]")
		writeKey(b, t.Elem())
	default:
		// Basic types, and literal struct, func and interface types.
		b.WriteString(types.TypeString(t, pathQualifier))
	}
}

// display writes the type arguments as the job's package names them.
func (in *instance) display(path string) string {
	q := func(p *types.Package) string {
		if p.Path() == path {
			return ""
		}
		return p.Name()
	}
	parts := make([]string, len(in.args))
	for i, a := range in.args {
		parts[i] = types.TypeString(a, q)
	}
	return strings.Join(parts, ", ")
}

// instanceLayout is the layout an instantiation gives a state of the
// generic job: the generic layout, which describes each type parameter by
// its index, made specific by how the codec stores each type argument.
func instanceLayout(layout string, in *instance) string {
	return instanceLayoutOf(layout, in.shapes())
}

// instanceLayoutOf is instanceLayout from the type arguments' shapes as the
// lock records them, so that an earlier build's layouts can be made again.
func instanceLayoutOf(layout string, shapes []string) string {
	var b strings.Builder
	b.WriteString(layoutVersion + "\ninstance of " + layout + "\n")
	for _, sh := range shapes {
		b.WriteString("type argument: " + sh + "\n")
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])[:16]
}

func mentionsTypeParam(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.TypeParam:
		return true
	case *types.Alias:
		return mentionsTypeParam(types.Unalias(t), seen)
	case *types.Named:
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				if mentionsTypeParam(args.At(i), seen) {
					return true
				}
			}
		}
		return false
	case *types.Pointer:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Slice:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Array:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Chan:
		return mentionsTypeParam(t.Elem(), seen)
	case *types.Map:
		return mentionsTypeParam(t.Key(), seen) || mentionsTypeParam(t.Elem(), seen)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if mentionsTypeParam(t.Field(i).Type(), seen) {
				return true
			}
		}
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if mentionsTypeParam(t.At(i).Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		return mentionsTypeParam(t.Params(), seen) || mentionsTypeParam(t.Results(), seen)
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			if mentionsTypeParam(t.Term(i).Type(), seen) {
				return true
			}
		}
	case *types.Interface:
		for i := 0; i < t.NumEmbeddeds(); i++ {
			if mentionsTypeParam(t.EmbeddedType(i), seen) {
				return true
			}
		}
		for i := 0; i < t.NumExplicitMethods(); i++ {
			if mentionsTypeParam(t.ExplicitMethod(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// subst is t with the job's type parameters replaced by the instance's
// type arguments. It panics on a type it cannot rebuild, which the emitter
// reports.
func (in *instance) subst(t types.Type) types.Type {
	if in == nil || !mentionsTypeParam(t, map[types.Type]bool{}) {
		return t
	}
	switch t := t.(type) {
	case *types.TypeParam:
		for i := 0; i < in.tparams.Len(); i++ {
			if in.tparams.At(i) == t {
				return in.args[i]
			}
		}
		panic(fmt.Sprintf("type parameter %s is not the job's", t))
	case *types.Alias:
		return in.subst(types.Unalias(t))
	case *types.Named:
		targs := t.TypeArgs()
		args := make([]types.Type, targs.Len())
		for i := range args {
			args[i] = in.subst(targs.At(i))
		}
		n, err := types.Instantiate(nil, t.Origin(), args, false)
		if err != nil {
			panic(err)
		}
		return n
	case *types.Pointer:
		return types.NewPointer(in.subst(t.Elem()))
	case *types.Slice:
		return types.NewSlice(in.subst(t.Elem()))
	case *types.Array:
		return types.NewArray(in.subst(t.Elem()), t.Len())
	case *types.Chan:
		return types.NewChan(t.Dir(), in.subst(t.Elem()))
	case *types.Map:
		return types.NewMap(in.subst(t.Key()), in.subst(t.Elem()))
	case *types.Struct:
		fields := make([]*types.Var, t.NumFields())
		tags := make([]string, t.NumFields())
		for i := range fields {
			f := t.Field(i)
			fields[i] = types.NewField(f.Pos(), f.Pkg(), f.Name(), in.subst(f.Type()), f.Embedded())
			tags[i] = t.Tag(i)
		}
		return types.NewStruct(fields, tags)
	case *types.Tuple:
		vars := make([]*types.Var, t.Len())
		for i := range vars {
			v := t.At(i)
			vars[i] = types.NewParam(v.Pos(), v.Pkg(), v.Name(), in.subst(v.Type()))
		}
		return types.NewTuple(vars...)
	case *types.Signature:
		return types.NewSignatureType(nil, nil, nil, in.subst(t.Params()).(*types.Tuple), in.subst(t.Results()).(*types.Tuple), t.Variadic())
	case *types.Interface:
		methods := make([]*types.Func, t.NumExplicitMethods())
		for i := range methods {
			m := t.ExplicitMethod(i)
			methods[i] = types.NewFunc(m.Pos(), m.Pkg(), m.Name(), in.subst(m.Type()).(*types.Signature))
		}
		embeds := make([]types.Type, t.NumEmbeddeds())
		for i := range embeds {
			embeds[i] = in.subst(t.EmbeddedType(i))
		}
		return types.NewInterfaceType(methods, embeds).Complete()
	case *types.Union:
		terms := make([]*types.Term, t.Len())
		for i := range terms {
			terms[i] = types.NewTerm(t.Term(i).Tilde(), in.subst(t.Term(i).Type()))
		}
		return types.NewUnion(terms)
	}
	panic(fmt.Sprintf("cannot instantiate %s", t))
}

// checkInstances refuses the instantiations of a generic job that cannot
// be registered or checkpointed: a type argument generated code cannot name
// beside the job, or one that makes a variable held across an await
// unsaveable (Job[chan int]). Each is reported at the instantiation's first
// use, or at the job when that use is in a test file.
func (l *lowerer) checkInstances() {
	j := l.j
	for _, in := range j.instances {
		report := func(format string, args ...any) {
			msg := j.instDisplay(in.display(j.pkg.PkgPath)) + ": " + fmt.Sprintf(format, args...)
			l.ds.list = append(l.ds.list, Diagnostic{Pos: in.at, Message: msg, pos: in.pos})
		}
		bad := false
		for i, a := range in.args {
			if why := unnameable(a, j.pkg.PkgPath, in.fset, map[types.Type]bool{}); why != "" {
				report("fsmgen registers each instantiation of generic job %s in the generated file, which cannot name type argument %s: %s", jobDisplayName(j), j.typeParams().At(i).Obj().Name(), why)
				bad = true
			}
		}
		if bad {
			continue
		}
		sc := j.scope()
		reported := map[*hvar]bool{}
		for _, site := range l.awaits {
			for _, v := range site.saved {
				if reported[v] || v.nest != nil || !mentionsTypeParam(v.typ, map[types.Type]bool{}) || topUnsaveable(v.typ, sc) != "" {
					continue // the generic job's own check reports it
				}
				t := in.subst(v.typ)
				why := topUnsaveable(t, sc)
				if _, bare := v.typ.(*types.TypeParam); bare && why == "" && isErrorType(t) {
					why = "a value of a type parameter is stored with its dynamic type, which an error's is not; give the variable the type error, or instantiate with a concrete type"
				}
				if why != "" {
					reported[v] = true
					report("%s of type %s (%s here) is held across the await at %s, but %s", v.what, typeString(v.typ, j.pkg.Types), typeString(t, j.pkg.Types), shortPos(j, site.pos), why)
				}
			}
		}
	}
}

// unnameable says why generated code in the non-test files of package path
// cannot name t, or "": what unspellable says, and types declared where that
// code cannot reach (inside a function, in a test file, in a package that
// imports path).
func unnameable(t types.Type, path string, fset *token.FileSet, seen map[types.Type]bool) string {
	return unspellableIn(t, path, func(n *types.Named) string {
		obj := n.Obj()
		p := obj.Pkg()
		switch {
		case p == nil:
		case obj.Parent() != nil && obj.Parent() != p.Scope():
			return fmt.Sprintf("%s is declared inside a function; declare it at package level", obj.Name())
		case p.Path() == path+"_test":
			return fmt.Sprintf("%s is declared in the external test package %s; declare it in package %s, or use the instantiation from a test of package %s", obj.Name(), p.Path(), path, path)
		case p.Path() == path && strings.HasSuffix(fset.Position(obj.Pos()).Filename, "_test.go"):
			return fmt.Sprintf("%s is declared in a test file; declare it in a non-test file of the package", obj.Name())
		case p.Path() != path && obj.Exported() && importsPath(p, path, map[*types.Package]bool{}):
			return fmt.Sprintf("package %s imports package %s, so the generated file cannot import it", p.Path(), path)
		}
		return ""
	}, seen)
}

// importsPath reports whether package p imports path, directly or not.
func importsPath(p *types.Package, path string, seen map[*types.Package]bool) bool {
	if seen[p] {
		return false
	}
	seen[p] = true
	for _, q := range p.Imports() {
		if q.Path() == path || importsPath(q, path, seen) {
			return true
		}
	}
	return false
}

// typeParamList writes the machine's type parameters as declared: "[T any,
// K comparable]".
func (e *emitter) typeParamList(j *job) (decl, use string) {
	tps := j.typeParams()
	var d, u []string
	for i := 0; i < tps.Len(); i++ {
		tp := tps.At(i)
		d = append(d, tp.Obj().Name()+" "+e.im.typeString(tp.Constraint()))
		u = append(u, tp.Obj().Name())
	}
	return "[" + strings.Join(d, ", ") + "]", "[" + strings.Join(u, ", ") + "]"
}

// coreType is t's underlying type, or for a type parameter the underlying
// type every type of its type set shares (S ~[]E ranges like []E), nil when
// they differ or the set is not given by terms.
func coreType(t types.Type) types.Type {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	var core types.Type
	var visit func(iface *types.Interface) bool
	visit = func(iface *types.Interface) bool {
		for i := 0; i < iface.NumEmbeddeds(); i++ {
			var terms []types.Type
			switch e := iface.EmbeddedType(i).(type) {
			case *types.Union:
				for k := 0; k < e.Len(); k++ {
					terms = append(terms, e.Term(k).Type())
				}
			default:
				if in, ok := e.Underlying().(*types.Interface); ok {
					if !visit(in) {
						return false
					}
					continue
				}
				terms = append(terms, e)
			}
			for _, term := range terms {
				u := term.Underlying()
				if _, ok := u.(*types.Interface); ok {
					return false
				}
				if core == nil {
					core = u
				} else if !types.Identical(core, u) {
					return false
				}
			}
		}
		return true
	}
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok || !visit(iface) || core == nil {
		return t.Underlying()
	}
	return core
}
