package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
)

// The emit stage writes the generated file of one source file: per job a
// machine type, its Resume method (the flat code), its encoding of each state,
// and its registration with the runtime.

// emitter writes one generated file.
type emitter struct {
	pkg   *types.Package
	fset  *token.FileSet
	file  *jen.File
	im    *importer
	rt    string // the runtime's name in the generated file
	path  string // path of the generated file
	taken map[string]bool
	gen   *genIdents // see genNames
	lock  *pkgLock   // the package's states, for its lock
	// genericRecs are, while a generic job is emitted, its states by id.
	genericRecs map[string]*stateRec
}

// machine holds what the emitter needs of one lowered job.
type machine struct {
	l        *lowerer
	typeName string
	// typeUse is how the machine's methods name its type: typeName, and
	// for a generic job its type parameters (collectMachine[T]).
	typeUse string
	entry   []*hvar
	frame   []*hvar // variables saved in some state, in declaration order
	recv    string
	in      string
	st      string
	// rop and rerr name Resume's results in a job with defers across
	// awaits, whose deferred calls look at them.
	rop, rerr string
}

func (e *emitter) machineName(j *job) string {
	base := j.fn.Name()
	if recv := j.sig.Recv(); recv != nil {
		base = recvTypeName(recv.Type()) + base
	}
	base = lowerFirst(base) + "Machine"
	name := base
	for i := 2; e.pkg.Scope().Lookup(name) != nil || e.taken[name]; i++ {
		name = base + strconv.Itoa(i)
	}
	e.taken[name] = true
	return name
}

func lowerFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToLower(r)) + s[i+len(string(r)):]
	}
	return s
}

// emitJob writes the handle and the machine of one job.
func (e *emitter) emitJob(l *lowerer, entry []*hvar, h *jobHandle) error {
	j := l.j
	g := e.genNames()
	m := &machine{l: l, typeName: e.machineName(j), entry: entry}
	m.typeUse = m.typeName
	typeDecl := m.typeName
	if j.generic() {
		decl, use := e.typeParamList(j)
		typeDecl, m.typeUse = m.typeName+decl, m.typeName+use
	}
	if h != nil {
		e.emitHandle(h, m.typeUse)
	}
	m.recv = l.names.fresh("m")
	m.in = l.names.fresh("in")
	m.st = l.names.fresh("st")
	if len(l.defers) > 0 {
		m.rop, m.rerr = l.names.fresh("op"), l.names.fresh("err")
	}
	order := map[*hvar]int{}
	for i, v := range l.vars {
		order[v] = i
	}
	delegate := len(l.awaits) == 0
	if delegate {
		// A job that never awaits runs as the function itself: defers,
		// recover and named results behave as written.
		entry = nil
		for _, p := range jobParams(j) {
			if v, ok := l.byObj[p]; ok {
				entry = append(entry, v)
			}
		}
	}
	inFrame := map[*hvar]bool{}
	for _, v := range entry {
		inFrame[v] = true
	}
	for _, s := range l.awaits {
		s.live = sortedVars(s.live, order)
		s.saved = sortedVars(s.saved, order)
		for _, v := range s.saved {
			inFrame[v] = true
		}
	}
	for _, v := range l.vars {
		if inFrame[v] {
			m.frame = append(m.frame, v)
		}
	}
	m.entry = sortedVars(entry, order)

	// Constants and types declared in the job move to package level, where
	// the machine's fields and the moved types can use them. A machine that
	// calls the job function needs none.
	if !delegate {
		for _, gd := range l.localConst {
			text, err := e.render(l, m, &ast.DeclStmt{Decl: gd})
			if err != nil {
				return err
			}
			e.file.Id(text).Line()
		}
		for _, ts := range l.localTypes {
			text, err := e.render(l, m, ts)
			if err != nil {
				return err
			}
			e.file.Id("type " + text).Line()
		}
	}

	// The machine type.
	results := j.sig.Results()
	var fields []jen.Code
	fields = append(fields, jen.Id("state").Int().Comment("the await the job is stopped at; see fsm.Machine.State"))
	if len(m.frame) > 0 {
		var vf []jen.Code
		for _, v := range m.frame {
			vf = append(vf, jen.Id(v.name).Id(e.im.typeString(v.typ)))
		}
		fields = append(fields, jen.Id("v").Struct(vf...).Comment("the job's variables saved at some await"))
	}
	for i := 0; i < results.Len(); i++ {
		fields = append(fields, jen.Id("r"+strconv.Itoa(i)).Id(e.im.typeString(results.At(i).Type())))
	}
	e.file.Commentf("%s is the state machine of job %s.", m.typeName, j.fn.Name())
	e.file.Type().Id(typeDecl).Struct(fields...)
	e.file.Line()

	var resume string
	var err error
	if delegate {
		resume = e.delegateResume(m)
	} else {
		resume, err = e.resume(m)
	}
	if err != nil {
		return err
	}
	e.file.Id(resume).Line()

	rt := func(name string) *jen.Statement { return jen.Qual(RuntimePath, name) }
	recv := func() *jen.Statement { return jen.Id(g.m).Op("*").Id(m.typeUse) }

	// finish and suspend.
	var fparams []jen.Code
	var fassign []jen.Code
	for i := 0; i < results.Len(); i++ {
		n := "r" + strconv.Itoa(i)
		fparams = append(fparams, jen.Id(n).Id(e.im.typeString(results.At(i).Type())))
		fassign = append(fassign, jen.Id(g.m).Dot(n).Op("=").Id(n))
	}
	e.file.Func().Params(recv()).Id("finish").Params(fparams...).Params(rt("AnyOp"), jen.Error()).Block(
		append(fassign,
			jen.Id(g.m).Dot("state").Op("=").Add(rt("StateDone")),
			jen.Return(jen.Nil(), jen.Nil()))...,
	).Line()
	e.file.Func().Params(recv()).Id("suspend").Params(jen.Id(g.state).Int(), jen.Id(g.op).Add(rt("AnyOp"))).Params(rt("AnyOp"), jen.Error()).Block(
		jen.Id(g.m).Dot("state").Op("=").Id(g.state),
		jen.Return(rt("Suspend").Call(jen.Id(g.op))),
	).Line()

	// State and Results.
	e.file.Comment("State implements fsm.Machine.")
	e.file.Func().Params(recv()).Id("State").Params().Int().Block(jen.Return(jen.Id(g.m).Dot("state"))).Line()
	var rvals []jen.Code
	for i := 0; i < results.Len(); i++ {
		rvals = append(rvals, jen.Id(g.m).Dot("r"+strconv.Itoa(i)))
	}
	e.file.Comment("Results implements fsm.Machine.")
	e.file.Func().Params(recv()).Id("Results").Params().Index().Any().Block(
		jen.Return(jen.Index().Any().Values(rvals...)),
	).Line()

	// MarshalCBOR: the state number and the variables live there.
	save := func(name, src string, t types.Type) jen.Code {
		if isErrorType(t) {
			return rt("SaveError").Call(jen.Id(g.w), jen.Lit(src), jen.Id(g.m).Dot(name))
		}
		return rt("Save").Call(jen.Id(g.w), jen.Lit(src), jen.Id(g.m).Dot(name))
	}
	load := func(name, src string, t types.Type) jen.Code {
		if isErrorType(t) {
			return rt("LoadError").Call(jen.Id(g.r), jen.Lit(src), jen.Op("&").Id(g.m).Dot(name))
		}
		return rt("Load").Call(jen.Id(g.r), jen.Lit(src), jen.Op("&").Id(g.m).Dot(name))
	}
	stateCases := func(f func(vars []*hvar) []jen.Code, done []jen.Code) []jen.Code {
		var cases []jen.Code
		if len(m.entry) > 0 {
			cases = append(cases, jen.Case(jen.Lit(0)).Block(f(m.entry)...))
		}
		for _, s := range l.awaits {
			if len(s.saved) > 0 {
				cases = append(cases, jen.Case(jen.Lit(s.state)).Block(f(s.saved)...))
			}
		}
		if len(done) > 0 {
			cases = append(cases, jen.Case(rt("StateDone")).Block(done...))
		}
		return cases
	}
	var saveDone, loadDone []jen.Code
	for i := 0; i < results.Len(); i++ {
		n := "r" + strconv.Itoa(i)
		saveDone = append(saveDone, save(n, resultName(results, i), results.At(i).Type()))
		loadDone = append(loadDone, load(n, resultName(results, i), results.At(i).Type()))
	}
	derive := func(v *hvar) jen.Code {
		text, err := e.renderFrame(l, m, v.derived)
		if err != nil {
			panic(err) // emitSafely reports it
		}
		return jen.Func().Params().Id(e.im.typeString(v.typ)).Block(jen.Return(jen.Id(text)))
	}
	saveCases := stateCases(func(vars []*hvar) []jen.Code {
		var out []jen.Code
		for _, v := range storedOrder(l, vars) {
			if v.nest != nil {
				out = append(out, rt("SaveNested").Call(jen.Id(g.w), jen.Lit(displayName(v)), jen.Id(g.m).Dot("v").Dot(v.name)))
				continue
			}
			if v.derived != nil {
				out = append(out, rt("SaveDerived").Call(jen.Id(g.w), jen.Lit(displayName(v)), jen.Id(g.m).Dot("v").Dot(v.name), derive(v)))
				continue
			}
			out = append(out, save("v."+v.name, displayName(v), v.typ))
		}
		return out
	}, saveDone)
	saveCases = append(saveCases, jen.Case(rt("StatePoisoned")).Block(jen.Return(jen.Nil(), rt("ErrPoisoned"))))
	e.file.Comment("MarshalCBOR implements fsm.Machine: it writes the state number and")
	e.file.Comment("the variables live in that state, nothing else.")
	e.file.Func().Params(recv()).Id("MarshalCBOR").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Id(g.w).Op(":=").Add(rt("NewStateWriter")).Call(jen.Id(g.m).Dot("state")),
		jen.Switch(jen.Id(g.m).Dot("state")).Block(saveCases...),
		jen.Return(jen.Id(g.w).Dot("Bytes").Call()),
	).Line()
	loadCases := stateCases(func(vars []*hvar) []jen.Code {
		var out []jen.Code
		for _, v := range storedOrder(l, vars) {
			if v.nest != nil {
				out = append(out, rt("LoadNested").Call(jen.Id(g.r), jen.Lit(displayName(v)), jen.Lit(v.nestName()), jen.Op("&").Id(g.m).Dot("v").Dot(v.name)))
				continue
			}
			if v.derived != nil {
				out = append(out, rt("LoadDerived").Call(jen.Id(g.r), jen.Lit(displayName(v)), jen.Op("&").Id(g.m).Dot("v").Dot(v.name), derive(v)))
				continue
			}
			out = append(out, load("v."+v.name, displayName(v), v.typ))
		}
		return out
	}, loadDone)
	var loadBody []jen.Code
	loadBody = append(loadBody,
		jen.List(jen.Id(g.r), jen.Id(g.err)).Op(":=").Add(rt("NewStateReader")).Call(jen.Id(g.data), jen.Lit(len(l.awaits))),
		jen.If(jen.Id(g.err).Op("!=").Nil()).Block(jen.Return(jen.Id(g.err))),
	)
	if len(loadCases) > 0 {
		loadBody = append(loadBody, jen.Switch(jen.Id(g.r).Dot("State").Call()).Block(loadCases...))
	}
	loadBody = append(loadBody,
		jen.If(jen.Id(g.err).Op(":=").Id(g.r).Dot("Close").Call(), jen.Id(g.err).Op("!=").Nil()).Block(jen.Return(jen.Id(g.err))),
		jen.Id(g.m).Dot("state").Op("=").Id(g.r).Dot("State").Call(),
		jen.Return(jen.Nil()),
	)
	e.file.Comment("UnmarshalCBOR implements fsm.Machine.")
	e.file.Func().Params(recv()).Id("UnmarshalCBOR").Params(jen.Id(g.data).Index().Byte()).Error().Block(loadBody...).Line()

	// Registration: of the machine, or for a generic job of each
	// instantiation the package makes. The generic job's states go into
	// the lock; its instantiations' states are made from them.
	if !j.generic() {
		e.file.Func().Id("init").Params().Block(e.registration(m, nil)...).Line()
		return nil
	}
	e.genericRecs = map[string]*stateRec{}
	for _, s := range l.awaits {
		e.stateInfo(l, s.id, s.layoutID, s.pinned, s.pos, s.typ, storedOrder(l, s.saved), nil)
	}
	e.stateInfo(l, startID, startID, false, j.decl.Name.Pos(), nil, storedOrder(l, m.entry), nil)
	e.doneInfo(j, nil)
	if e.lock != nil {
		e.lock.job(j).info = jen.Dict{}
	}
	var body []jen.Code
	for _, in := range j.instances {
		body = append(body, e.registration(m, in)...)
		if h != nil {
			// The handle's instantiation is known by name from the start,
			// as a handle variable is: a parent's child op decodes by it.
			body = append(body, jen.Id(h.name+"["+e.typeArgs(in)+"]").Call())
		}
	}
	if len(body) > 0 {
		e.file.Func().Id("init").Params().Block(body...).Line()
	}
	e.genericRecs = nil
	return nil
}

// typeArgs writes an instantiation's type arguments as generated code names
// them.
func (e *emitter) typeArgs(in *instance) string {
	args := make([]string, len(in.args))
	for i, a := range in.args {
		args[i] = e.im.typeString(a)
	}
	return strings.Join(args, ", ")
}

// registration is the code of init that registers the machine with the
// runtime, for a generic job that of instantiation in.
func (e *emitter) registration(m *machine, in *instance) []jen.Code {
	l, j := m.l, m.l.j
	g := e.genNames()
	rt := func(name string) *jen.Statement { return jen.Qual(RuntimePath, name) }
	typ := func(t types.Type) string { return e.im.typeString(in.subst(t)) }
	name, machineType, fn := j.name(), m.typeName, jen.Id(j.fn.Name())
	if recv := j.sig.Recv(); recv != nil {
		fn = jen.Id(e.im.typeString(recv.Type())).Dot(j.fn.Name())
	}
	if in != nil {
		targs := "[" + e.typeArgs(in) + "]"
		name, machineType, fn = j.instanceName(in), m.typeName+targs, jen.Id(j.fn.Name()+targs)
		if recv := j.sig.Recv(); recv != nil {
			fn = jen.Id(e.im.typeString(in.subst(recv.Type()))).Dot(j.fn.Name()) // Stack[int].Sum
		}
	}
	var newBody []jen.Code
	newBody = append(newBody, jen.Id(g.m).Op(":=").Op("&").Id(machineType).Values())
	params := jobParams(j)
	inEntry := map[*hvar]bool{}
	for _, v := range m.entry {
		inEntry[v] = true
	}
	if len(params) > 0 {
		newBody = append(newBody, jen.Var().Id(g.err).Error())
	}
	for i, p := range params {
		v := l.byObj[p]
		target := jen.Id("_")
		if v != nil && inEntry[v] {
			target = jen.Id(g.m).Dot("v").Dot(v.name)
		}
		newBody = append(newBody,
			jen.If(
				jen.List(target, jen.Id(g.err)).Op("=").Add(rt("Arg")).Index(jen.Id(typ(p.Type()))).Call(jen.Lit(name), jen.Id(g.args), jen.Lit(i), jen.Lit(paramName(p, i))),
				jen.Id(g.err).Op("!=").Nil(),
			).Block(jen.Return(jen.Nil(), jen.Id(g.err))),
		)
	}
	newBody = append(newBody, jen.Return(jen.Id(g.m), jen.Nil()))
	var states []jen.Code
	for _, s := range l.awaits {
		states = append(states, e.stateInfo(l, s.id, s.layoutID, s.pinned, s.pos, s.typ, storedOrder(l, s.saved), in))
	}
	info := jen.Dict{
		jen.Id("Name"): jen.Lit(name),
		jen.Id("Func"): fn,
		jen.Id("New"):  jen.Func().Params(jen.Id(g.args).Index().Any()).Params(rt("Machine"), jen.Error()).Block(newBody...),
		jen.Id("Zero"): jen.Func().Params().Add(rt("Machine")).Block(jen.Return(jen.Op("&").Id(machineType).Values())),
	}
	if len(states) > 0 {
		info[jen.Id("States")] = jen.Index().Add(rt("StateInfo")).Values(states...)
	}
	if e.lock != nil {
		jr := e.lock.job(j)
		if in == nil {
			jr.info = info
		} else {
			jr.instanceInfos = append(jr.instanceInfos, info)
		}
	}
	info[jen.Id("Start")] = rt("StateInfo").Add(e.stateInfo(l, startID, startID, false, j.decl.Name.Pos(), nil, storedOrder(l, m.entry), in))
	info[jen.Id("Done")] = rt("StateInfo").Add(e.doneInfo(j, in))
	body := []jen.Code{rt("RegisterJob").Call(rt("JobInfo").Values(info))}
	registered := e.registered(l, in)
	for _, t := range registered {
		body = append(body, rt("RegisterType").Index(jen.Id(e.im.typeString(t))).Call())
	}
	var saved []types.Type
	for _, v := range m.frame {
		saved = append(saved, in.subst(v.typ))
	}
	for i := 0; i < j.sig.Results().Len(); i++ {
		saved = append(saved, in.subst(j.sig.Results().At(i).Type()))
	}
	for _, t := range hiddenStructs(append(saved, registered...), l.j.scope()) {
		body = append(body, rt("StoreUnexported").Index(jen.Id(e.im.typeString(t))).Call())
	}
	return body
}

// registered returns the types the job converts to interfaces that the
// machine registers for storing in interface values: those that can be
// stored, are declared at package level (or built of such types) and can be
// named in the generated file, less the ones the runtime registers itself.
func (e *emitter) registered(l *lowerer, in *instance) []types.Type {
	var out []types.Type
	for _, t := range l.memory.boxed {
		t = in.subst(t)
		if _, basic := t.(*types.Basic); basic || types.IsInterface(t) || preregistered[types.TypeString(t, nil)] {
			continue
		}
		if unsaveable(t, l.j.scope(), map[types.Type]bool{}) != "" || unspellable(t, l.j.pkg.Types, map[types.Type]bool{}) != "" || !declaredAtTop(t, map[types.Type]bool{}) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// hiddenStructs returns the struct types with unexported fields, of the job's
// own code, that values of the types ts are made of, each once, in order: the
// machine lets the runtime store their unexported fields.
func hiddenStructs(ts []types.Type, sc scope) []types.Type {
	var out []types.Type
	seen := map[string]bool{}
	var visit func(t types.Type)
	visit = func(t types.Type) {
		key := types.TypeString(t, nil)
		if seen[key] || hasMarshaler(t) {
			return
		}
		seen[key] = true
		switch u := types.Unalias(t).Underlying().(type) {
		case *types.Pointer:
			visit(u.Elem())
		case *types.Slice:
			visit(u.Elem())
		case *types.Array:
			visit(u.Elem())
		case *types.Map:
			visit(u.Key())
			visit(u.Elem())
		case *types.Struct:
			n, _ := types.Unalias(t).(*types.Named)
			if n != nil && n.Obj().Pkg() != nil && (n.Obj().Pkg().Path() == "time" || n.Obj().Pkg().Path() == "math/big") {
				return
			}
			if sc.hiddenStruct(n, u) && unspellable(t, sc.pkg, map[types.Type]bool{}) == "" && declaredAtTop(t, map[types.Type]bool{}) {
				out = append(out, t)
			}
			for i := 0; i < u.NumFields(); i++ {
				visit(u.Field(i).Type())
			}
		}
	}
	for _, t := range ts {
		visit(t)
	}
	return out
}

// preregistered are the composite types fsm registers for interface values
// itself (see fsm.RegisterType).
var preregistered = map[string]bool{
	"[]byte": true, "[]string": true, "[]int": true, "[]int64": true, "[]float64": true,
	"[]any": true, "map[string]any": true, "map[any]any": true, "map[string]string": true, "map[string]int": true,
	"time.Time": true, "time.Duration": true, "*math/big.Int": true,
}

// declaredAtTop tells whether every named type t is made of is declared at
// package level: a type local to a function would have another identity in
// the machine, which moves it.
func declaredAtTop(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	switch t := t.(type) {
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() != nil && obj.Parent() != obj.Pkg().Scope() {
			return false
		}
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				if !declaredAtTop(args.At(i), seen) {
					return false
				}
			}
		}
		return true
	case *types.Alias:
		return declaredAtTop(types.Unalias(t), seen)
	case *types.Pointer:
		return declaredAtTop(t.Elem(), seen)
	case *types.Slice:
		return declaredAtTop(t.Elem(), seen)
	case *types.Array:
		return declaredAtTop(t.Elem(), seen)
	case *types.Map:
		return declaredAtTop(t.Key(), seen) && declaredAtTop(t.Elem(), seen)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if !declaredAtTop(t.Field(i).Type(), seen) {
				return false
			}
		}
	}
	return true
}

// stateInfo is the fsm.StateInfo of state id (layoutID in its layout, see
// awaitSite) at pos, which awaits a value of
// type await (nil when it is not an await of an op) and stores vars, in
// stored order. The state is recorded for the package's lock.
func (e *emitter) stateInfo(l *lowerer, id, layoutID string, pinned bool, pos token.Pos, await types.Type, vars []*hvar, in *instance) jen.Code {
	j := l.j
	var infos []jen.Code
	lvs := stateLayoutVars(l, vars)
	rec := &stateRec{id: id, pinned: pinned, pos: pos, at: shortPos(j, pos), layout: layoutOf(layoutID, await, lvs)}
	if in != nil {
		for _, v := range vars {
			typ := typeString(in.subst(v.typ), j.pkg.Types)
			if v.nest != nil {
				typ = "machine of job " + jobDisplayName(v.nest)
			}
			infos = append(infos, varInfo(v, typ))
		}
		return e.instanceValues(j, rec, in, infos)
	}
	if await != nil {
		rec.awaitType, rec.awaitShape = typeString(await, j.pkg.Types), lockShape(shapeOf(await))
		rec.awaitFields = mapFields(await)
		if rec.awaitType == rec.awaitShape {
			rec.awaitType = ""
		}
	}
	for i, v := range vars {
		typ := typeString(v.typ, j.pkg.Types)
		if v.nest != nil {
			typ = "machine of job " + jobDisplayName(v.nest)
		}
		infos = append(infos, varInfo(v, typ))
		rec.vars = append(rec.vars, lockVarOf(&lvs[i], typ))
		rec.types = append(rec.types, v.typ)
	}
	return e.stateValues(j, rec, infos)
}

// doneInfo is the fsm.StateInfo of the done state, which stores the job's
// results.
func (e *emitter) doneInfo(j *job, in *instance) jen.Code {
	results := j.sig.Results()
	var infos []jen.Code
	var lvs []layoutVar
	rec := &stateRec{id: doneID, pos: j.decl.Body.Rbrace, at: shortPos(j, j.decl.Body.Rbrace)}
	for i := 0; i < results.Len(); i++ {
		r := results.At(i)
		typ := typeString(in.subst(r.Type()), j.pkg.Types)
		infos = append(infos, jen.Values(jen.Dict{
			jen.Id("Name"): jen.Lit(resultName(results, i)),
			jen.Id("Type"): jen.Lit(typ),
		}))
		lvs = append(lvs, layoutVar{name: resultName(results, i), typ: r.Type()})
		rec.vars = append(rec.vars, lockVarOf(&lvs[len(lvs)-1], typ))
		rec.types = append(rec.types, r.Type())
	}
	rec.layout = layoutOf(doneID, nil, lvs)
	if in != nil {
		return e.instanceValues(j, rec, in, infos)
	}
	return e.stateValues(j, rec, infos)
}

// varInfo is the fsm.VarInfo of a stored variable.
func varInfo(v *hvar, typ string) jen.Code {
	name := displayName(v)
	if v.srcName == "" {
		name = v.name + " (" + v.what + ")"
	}
	d := jen.Dict{
		jen.Id("Name"): jen.Lit(name),
		jen.Id("Type"): jen.Lit(typ),
	}
	if v.srcName == "" {
		d[jen.Id("Internal")] = jen.True()
	}
	return jen.Values(d)
}

// instanceValues writes the fields of the StateInfo an instantiation of a
// generic job has for the state of rec, which the generic job's has been
// given (see emitJob): its layout is that state's made specific (see
// instanceLayout), and the lock stage gives it the Accepts of that state's,
// made specific too.
func (e *emitter) instanceValues(j *job, rec *stateRec, in *instance, vars []jen.Code) jen.Code {
	generic := e.genericRecs[rec.id]
	fields := jen.Dict{
		jen.Id("ID"):     jen.Lit(rec.id),
		jen.Id("Pos"):    jen.Lit(rec.at),
		jen.Id("Layout"): jen.Lit(instanceLayout(generic.layout, in)),
	}
	if len(vars) > 0 {
		fields[jen.Id("Vars")] = jen.Index().Add(jen.Qual(RuntimePath, "VarInfo")).Values(vars...)
	}
	generic.instances = append(generic.instances, instanceRec{in: in, fields: fields})
	return jen.Values(fields)
}

// stateValues writes the fields of a StateInfo; the lock stage adds its
// Accepts to rec.fields before the file is rendered.
func (e *emitter) stateValues(j *job, rec *stateRec, vars []jen.Code) jen.Code {
	rec.layoutKey = jen.Id("Layout")
	fields := jen.Dict{
		jen.Id("ID"):  jen.Lit(rec.id),
		jen.Id("Pos"): jen.Lit(rec.at),
		rec.layoutKey: jen.Lit(rec.layout),
	}
	if len(vars) > 0 {
		fields[jen.Id("Vars")] = jen.Index().Add(jen.Qual(RuntimePath, "VarInfo")).Values(vars...)
	}
	rec.fields = fields
	if e.genericRecs != nil {
		e.genericRecs[rec.id] = rec
	}
	if e.lock != nil {
		e.lock.add(j, rec)
	}
	return jen.Values(fields)
}

// genIdents are the identifiers of the methods fsmgen writes beside Resume
// (receiver, locals, parameters), chosen so that none hides a package or type
// the generated code spells.
type genIdents struct{ m, w, r, err, data, args, state, op, a string }

func (e *emitter) genNames() genIdents {
	if e.gen != nil {
		return *e.gen
	}
	// Only package-level names and import names can be hidden by them:
	// the job's own locals are out of these methods' scope.
	pick := func(name string) string {
		for e.pkg.Scope().Lookup(name) != nil || e.im.usedName(name) {
			name += "_"
		}
		return name
	}
	g := genIdents{m: pick("m"), w: pick("w"), r: pick("r"), err: pick("err"), data: pick("data"), args: pick("args"), state: pick("state"), op: pick("op"), a: pick("a")}
	e.gen = &g
	return g
}

// jobParams returns the parameters a machine's New takes: the receiver, then
// every parameter after the Context.
func jobParams(j *job) []*types.Var {
	var out []*types.Var
	if recv := j.sig.Recv(); recv != nil {
		out = append(out, recv)
	}
	for i := 1; i < j.sig.Params().Len(); i++ {
		out = append(out, j.sig.Params().At(i))
	}
	return out
}

func paramName(p *types.Var, i int) string {
	if p.Name() == "" || p.Name() == "_" {
		return "#" + strconv.Itoa(i)
	}
	return p.Name()
}

func resultName(results *types.Tuple, i int) string {
	if n := results.At(i).Name(); n != "" && n != "_" {
		return n
	}
	return "result " + strconv.Itoa(i)
}

func displayName(v *hvar) string {
	if v.srcName != "" {
		return v.srcName
	}
	return v.name
}

// storedOrder orders the variables of a state as they are stored: derived
// variables after the variables they are made from.
func storedOrder(l *lowerer, vars []*hvar) []*hvar {
	depth := map[*hvar]int{}
	var d func(v *hvar, seen map[*hvar]bool) int
	d = func(v *hvar, seen map[*hvar]bool) int {
		if v.derived == nil || seen[v] {
			return 0
		}
		if n, ok := depth[v]; ok {
			return n
		}
		seen[v] = true
		n := 1
		for _, src := range l.sources(v) {
			if k := d(src, seen) + 1; k > n {
				n = k
			}
		}
		depth[v] = n
		return n
	}
	out := append([]*hvar(nil), vars...)
	for _, v := range out {
		d(v, map[*hvar]bool{})
	}
	sort.SliceStable(out, func(i, j int) bool { return depth[out[i]] < depth[out[j]] })
	return out
}
