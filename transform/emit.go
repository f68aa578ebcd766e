package transform

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
	"golang.org/x/tools/go/ast/astutil"
)

// The emit stage writes the generated file of one source file: per job a
// machine type, its Resume method (the flat code), its encoding of each state,
// and its registration with the runtime.

// importer tracks the packages generated code refers to and the names it
// refers to them by.
type importer struct {
	self  *types.Package
	names map[string]string // import path → name in the user's file
	need  map[string]string // import path → name used in generated code

	renamed map[types.Object]string // types declared in jobs, moved out
	dots    map[string]bool         // packages the user's file dot-imports, used
	avoid   map[string]bool         // identifiers a new import name must not be
}

func newImporter(self *types.Package, file *ast.File) *importer {
	im := &importer{self: self, names: map[string]string{}, need: map[string]string{}, renamed: map[types.Object]string{}, dots: map[string]bool{}}
	for _, spec := range file.Imports {
		path, _ := strconv.Unquote(spec.Path.Value)
		if spec.Name != nil {
			im.names[path] = spec.Name.Name
		} else if p := importedPackage(self, path); p != nil {
			im.names[path] = p.Name()
		}
	}
	im.avoid = map[string]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			im.avoid[id.Name] = true
		}
		return true
	})
	for _, name := range self.Scope().Names() {
		im.avoid[name] = true
	}
	return im
}

func importedPackage(self *types.Package, path string) *types.Package {
	for _, p := range self.Imports() {
		if p.Path() == path {
			return p
		}
	}
	return nil
}

// qualifier names packages in types written into generated code.
func (im *importer) qualifier(p *types.Package) string {
	if p == im.self {
		return ""
	}
	if name, ok := im.need[p.Path()]; ok {
		return name
	}
	name, ok := im.names[p.Path()]
	if !ok || name == "_" || name == "." {
		// A package the user's file does not import: its own name, unless
		// another package or an identifier of the file has it.
		name = p.Name()
		for i := 2; im.nameTaken(name, p.Path()); i++ {
			name = p.Name() + strconv.Itoa(i)
		}
	}
	im.need[p.Path()] = name
	return name
}

// usedName reports whether generated code may use name for a package: an
// import of the user's file or of its package.
func (im *importer) usedName(name string) bool {
	for _, n := range im.names {
		if n == name {
			return true
		}
	}
	for _, p := range im.self.Imports() {
		if p.Name() == name {
			return true
		}
	}
	return false
}

// nameTaken reports whether name cannot be the import name of path in the
// generated file.
func (im *importer) nameTaken(name, path string) bool {
	for q, n := range im.names {
		if n == name && q != path {
			return true
		}
	}
	for q, n := range im.need {
		if n == name && q != path {
			return true
		}
	}
	return im.avoid[name]
}

// typeString writes t as Go source in generated code: types declared inside a
// job under the name they were moved to, others as types.TypeString does.
func (im *importer) typeString(t types.Type) string {
	var b strings.Builder
	im.writeType(&b, t)
	return b.String()
}

func (im *importer) writeType(b *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case *types.Named:
		if name, ok := im.renamed[t.Obj()]; ok {
			b.WriteString(name)
		} else {
			if pkg := t.Obj().Pkg(); pkg != nil {
				if q := im.qualifier(pkg); q != "" {
					b.WriteString(q + ".")
				}
			}
			b.WriteString(t.Obj().Name())
		}
		if args := t.TypeArgs(); args != nil && args.Len() > 0 {
			b.WriteString("[")
			for i := 0; i < args.Len(); i++ {
				if i > 0 {
					b.WriteString(", ")
				}
				im.writeType(b, args.At(i))
			}
			b.WriteString("]")
		}
	case *types.Alias:
		im.writeType(b, types.Unalias(t))
	case *types.Pointer:
		b.WriteString("*")
		im.writeType(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		im.writeType(b, t.Elem())
	case *types.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		im.writeType(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		im.writeType(b, t.Key())
		b.WriteString("]")
		im.writeType(b, t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.SendRecv:
			b.WriteString("chan ")
		case types.SendOnly:
			b.WriteString("chan<- ")
		case types.RecvOnly:
			b.WriteString("<-chan ")
		}
		if c, ok := t.Elem().(*types.Chan); ok && t.Dir() == types.SendRecv && c.Dir() == types.RecvOnly {
			b.WriteString("(")
			im.writeType(b, t.Elem())
			b.WriteString(")")
		} else {
			im.writeType(b, t.Elem())
		}
	case *types.Struct:
		b.WriteString("struct{")
		for i := 0; i < t.NumFields(); i++ {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			im.writeType(b, f.Type())
			if tag := t.Tag(i); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteString("}")
	case *types.Signature:
		b.WriteString("func")
		im.writeTuple(b, t.Params(), t.Variadic())
		if t.Results().Len() > 0 {
			b.WriteString(" ")
			im.writeTuple(b, t.Results(), false)
		}
	default:
		b.WriteString(types.TypeString(t, im.qualifier))
	}
}

func (im *importer) writeTuple(b *strings.Builder, tup *types.Tuple, variadic bool) {
	b.WriteString("(")
	for i := 0; i < tup.Len(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		t := tup.At(i).Type()
		if variadic && i == tup.Len()-1 {
			b.WriteString("...")
			t = t.(*types.Slice).Elem()
		}
		im.writeType(b, t)
	}
	b.WriteString(")")
}

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
}

// machine holds what the emitter needs of one lowered job.
type machine struct {
	l        *lowerer
	typeName string
	entry    []*hvar
	frame    []*hvar // variables saved in some state, in declaration order
	recv     string
	in       string
	st       string
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

// emitJob writes the machine of one job.
func (e *emitter) emitJob(l *lowerer, entry []*hvar) error {
	j := l.j
	g := e.genNames()
	m := &machine{l: l, typeName: e.machineName(j), entry: entry}
	m.recv = l.names.fresh("m")
	m.in = l.names.fresh("in")
	m.st = l.names.fresh("st")
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
	e.file.Type().Id(m.typeName).Struct(fields...)
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
	recv := func() *jen.Statement { return jen.Id(g.m).Op("*").Id(m.typeName) }

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

	// Registration.
	var newBody []jen.Code
	newBody = append(newBody, jen.Id(g.m).Op(":=").Op("&").Id(m.typeName).Values())
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
				jen.List(target, jen.Id(g.err)).Op("=").Add(rt("Arg")).Index(jen.Id(e.im.typeString(p.Type()))).Call(jen.Lit(j.name()), jen.Id(g.args), jen.Lit(i), jen.Lit(paramName(p, i))),
				jen.Id(g.err).Op("!=").Nil(),
			).Block(jen.Return(jen.Nil(), jen.Id(g.err))),
		)
	}
	newBody = append(newBody, jen.Return(jen.Id(g.m), jen.Nil()))
	var states []jen.Code
	for _, s := range l.awaits {
		pos := j.position(s.pos)
		var vars []jen.Code
		for _, v := range storedOrder(l, s.saved) {
			name := displayName(v)
			if v.srcName == "" {
				name = v.name + " (" + v.what + ")"
			}
			d := jen.Dict{
				jen.Id("Name"): jen.Lit(name),
				jen.Id("Type"): jen.Lit(typeString(v.typ, j.pkg.Types)),
			}
			if v.srcName == "" {
				d[jen.Id("Internal")] = jen.True()
			}
			vars = append(vars, jen.Values(d))
		}
		fields := jen.Dict{jen.Id("Pos"): jen.Lit(fmt.Sprintf("%s:%d:%d", shortFile(pos.Filename), pos.Line, pos.Column))}
		if len(vars) > 0 {
			fields[jen.Id("Vars")] = jen.Index().Add(rt("VarInfo")).Values(vars...)
		}
		states = append(states, jen.Values(fields))
	}
	fn := jen.Id(j.fn.Name())
	if recv := j.sig.Recv(); recv != nil {
		fn = jen.Id(e.im.typeString(recv.Type())).Dot(j.fn.Name())
	}
	info := jen.Dict{
		jen.Id("Name"): jen.Lit(j.name()),
		jen.Id("Func"): fn,
		jen.Id("New"):  jen.Func().Params(jen.Id(g.args).Index().Any()).Params(rt("Machine"), jen.Error()).Block(newBody...),
		jen.Id("Zero"): jen.Func().Params().Add(rt("Machine")).Block(jen.Return(jen.Op("&").Id(m.typeName).Values())),
	}
	if len(states) > 0 {
		info[jen.Id("States")] = jen.Index().Add(rt("StateInfo")).Values(states...)
	}
	e.file.Func().Id("init").Params().Block(
		rt("RegisterJob").Call(rt("JobInfo").Values(info)),
	).Line()
	return nil
}

// genIdents are the identifiers of the methods fsmgen writes beside Resume
// (receiver, locals, parameters), chosen so that none hides a package or type
// the generated code spells.
type genIdents struct{ m, w, r, err, data, args, state, op string }

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
	g := genIdents{m: pick("m"), w: pick("w"), r: pick("r"), err: pick("err"), data: pick("data"), args: pick("args"), state: pick("state"), op: pick("op")}
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

// resume renders the Resume method: the restore of each state, then the flat
// code.
func (e *emitter) resume(m *machine) (string, error) {
	l := m.l
	var b strings.Builder
	ctxName := l.j.ctx.Name()
	if ctxName == "" || ctxName == "_" {
		ctxName = "_"
	}
	fmt.Fprintf(&b, "// Resume implements fsm.Machine: it runs job %s from where it stopped to its\n// next await.\n", l.j.fn.Name())
	fmt.Fprintf(&b, "func (%s *%s) Resume(%s %s.Context, %s %s.Outcome) (%s.AnyOp, error) {\n", m.recv, m.typeName, ctxName, e.rt, m.in, e.rt, e.rt)
	if len(l.vars) > 0 {
		b.WriteString("var (\n")
		for _, v := range l.vars {
			fmt.Fprintf(&b, "%s %s\n", v.name, e.im.typeString(v.typ))
		}
		b.WriteString(")\n")
	}
	if named := m.namedResultVars(); len(named) > 0 {
		// A job may never read its named results; Go does not count them as
		// unused, but here they are locals.
		fmt.Fprintf(&b, "%s = %s\n", strings.Repeat("_, ", len(named)-1)+"_", strings.Join(named, ", "))
	}
	fmt.Fprintf(&b, "%s := %s.state\n%s.state = %s.StatePoisoned\nswitch %s {\n", m.st, m.recv, m.recv, e.rt, m.st)
	restore := func(vars []*hvar) {
		if len(vars) == 0 {
			return
		}
		var lhs, rhs []string
		for _, v := range vars {
			lhs = append(lhs, v.name)
			rhs = append(rhs, m.recv+".v."+v.name)
		}
		fmt.Fprintf(&b, "%s = %s\n", strings.Join(lhs, ", "), strings.Join(rhs, ", "))
	}
	b.WriteString("case 0:\n")
	restore(m.entry)
	reach, refs := l.reachability()
	for _, s := range l.awaits {
		fmt.Fprintf(&b, "case %d:\n", s.state)
		restore(s.live)
		fmt.Fprintf(&b, "goto %s\n", resumeLabel(s))
	}
	fmt.Fprintf(&b, "case %s.StateDone:\n%s.state = %s\nreturn nil, %s.ErrFinished\n", e.rt, m.recv, m.st, e.rt)
	fmt.Fprintf(&b, "default:\n%s.state = %s\nreturn nil, %s.ErrPoisoned\n}\n", m.recv, m.st, e.rt)

	terminated := false
	w := &lineWriter{b: &b, e: e}
	for i, s := range l.code {
		if !reach[i] {
			continue
		}
		switch s.kind {
		case fLabel:
			if refs[s.label] {
				w.neutral(s.label + ":\n")
				terminated = false
			}
		case fGoto:
			w.gen("goto " + s.label + "\n")
			terminated = true
		case fIfGoto:
			cond, err := e.render(l, m, s.cond)
			if err != nil {
				return "", err
			}
			w.user(s.pos, fmt.Sprintf("if %s {\ngoto %s\n}\n", cond, s.label))
			terminated = false
		case fSuspend:
			if len(s.await.saved) > 0 {
				var lhs, rhs []string
				for _, v := range s.await.saved {
					lhs = append(lhs, m.recv+".v."+v.name)
					rhs = append(rhs, v.name)
				}
				w.gen(fmt.Sprintf("%s = %s\n", strings.Join(lhs, ", "), strings.Join(rhs, ", ")))
			}
			op, err := e.render(l, m, s.await.op)
			if err != nil {
				return "", err
			}
			w.user(s.pos, fmt.Sprintf("return %s.suspend(%d, %s)\n", m.recv, s.await.state, op))
			terminated = true
		case fNode:
			text, err := e.render(l, m, s.node)
			if err != nil {
				return "", err
			}
			w.user(s.pos, text+"\n")
			terminated = l.terminates(s.node)
		}
	}
	// What follows the flat code is fsmgen's own.
	w.gen("")
	if !terminated {
		fmt.Fprintf(&b, "return %s.finish(%s)\n", m.recv, strings.Join(e.namedResults(m), ", "))
	}
	b.WriteString("}\n")
	return b.String(), nil
}

// delegateResume renders the Resume of a job without awaits: a call of the job
// function itself, under the machine's context.
func (e *emitter) delegateResume(m *machine) string {
	l, j := m.l, m.l.j
	var b strings.Builder
	ctxName := l.names.fresh("ctx")
	fmt.Fprintf(&b, "// Resume implements fsm.Machine. Job %s never awaits, so its machine calls\n// the function itself.\n", j.fn.Name())
	fmt.Fprintf(&b, "func (%s *%s) Resume(%s %s.Context, _ %s.Outcome) (%s.AnyOp, error) {\n", m.recv, m.typeName, ctxName, e.rt, e.rt, e.rt)
	fmt.Fprintf(&b, "switch %s.state {\ncase %s.StateDone:\nreturn nil, %s.ErrFinished\ncase %s.StatePoisoned:\nreturn nil, %s.ErrPoisoned\n}\n", m.recv, e.rt, e.rt, e.rt, e.rt)
	fmt.Fprintf(&b, "%s.state = %s.StatePoisoned\n", m.recv, e.rt)
	arg := func(p *types.Var) string {
		if v, ok := l.byObj[p]; ok {
			return m.recv + ".v." + v.name
		}
		return zeroText(p.Type(), e.im)
	}
	var args []string
	args = append(args, ctxName)
	for i := 1; i < j.sig.Params().Len(); i++ {
		a := arg(j.sig.Params().At(i))
		if j.sig.Variadic() && i == j.sig.Params().Len()-1 {
			a += "..."
		}
		args = append(args, a)
	}
	callee := j.fn.Name()
	if recv := j.sig.Recv(); recv != nil {
		callee = arg(recv) + "." + j.fn.Name()
	}
	call := fmt.Sprintf("%s(%s)", callee, strings.Join(args, ", "))
	if j.sig.Results().Len() == 0 {
		fmt.Fprintf(&b, "%s\nreturn %s.finish()\n}\n", call, m.recv)
	} else {
		fmt.Fprintf(&b, "return %s.finish(%s)\n}\n", m.recv, call)
	}
	return b.String()
}

func (m *machine) namedResultVars() []string {
	var out []string
	for _, v := range m.l.vars {
		if v.result > 0 {
			out = append(out, v.name)
		}
	}
	return out
}

// namedResults are the arguments of finish for a bare return.
func (e *emitter) namedResults(m *machine) []string {
	var out []string
	res := m.l.j.sig.Results()
	for i := 0; i < res.Len(); i++ {
		r := res.At(i)
		if v, ok := m.l.byObj[r]; ok {
			out = append(out, v.name)
		} else {
			out = append(out, "*new("+e.im.typeString(r.Type())+")")
		}
	}
	return out
}

// lineWriter writes flat code with //line directives: statements from the
// job's source point back to it, and the code fsmgen adds points to the
// generated file itself (through reset markers that finishFile numbers). A
// directive is written only where the mapping changes.
type lineWriter struct {
	b        *strings.Builder
	e        *emitter
	inUser   bool // the current output line maps to the job's source
	nextLine int  // when inUser, the source line the next output line maps to
}

// user writes text that comes from the source at pos.
func (w *lineWriter) user(pos token.Pos, text string) {
	if !pos.IsValid() || noLineDirectives {
		w.gen(text)
		return
	}
	p := w.e.fset.Position(pos)
	if !w.inUser || w.nextLine != p.Line {
		fmt.Fprintf(w.b, "//line %s:%d\n", shortFile(p.Filename), p.Line)
	}
	w.b.WriteString(text)
	w.inUser = true
	w.nextLine = p.Line + strings.Count(text, "\n")
}

// gen writes code that fsmgen adds.
func (w *lineWriter) gen(text string) {
	if w.inUser && !noLineDirectives {
		w.b.WriteString("//fsmgen:reset\n")
	}
	w.inUser = false
	w.b.WriteString(text)
}

// neutral writes a line that maps nowhere in particular (a label).
func (w *lineWriter) neutral(text string) {
	w.b.WriteString(text)
	if w.inUser {
		w.nextLine += strings.Count(text, "\n")
	}
}

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

// noLineDirectives turns //line directives off, for debugging the generator.
var noLineDirectives = os.Getenv("FSMGEN_NOLINE") != ""

// finishFile formats the generated file, adds the imports of the user's
// packages that copied statements refer to, and turns the reset markers into
// //line directives back to the generated file itself.
func finishFile(src []byte, path string, im *importer, imported map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("generated code for %s does not parse: %w", path, err)
	}
	paths := make([]string, 0, len(im.need))
	for p := range im.need {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		name := im.need[p]
		if imported[p] == name {
			continue // jennifer imported it already, under that name
		}
		if name == lastElem(p) {
			name = ""
		}
		astutil.AddNamedImport(fset, f, name, p)
	}
	dots := make([]string, 0, len(im.dots))
	for p := range im.dots {
		dots = append(dots, p)
	}
	sort.Strings(dots)
	for _, p := range dots {
		astutil.AddNamedImport(fset, f, ".", p)
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, err
	}
	lines := strings.Split(buf.String(), "\n")
	base := shortFile(path)
	for i, line := range lines {
		if strings.TrimSpace(line) == "//fsmgen:reset" {
			lines[i] = fmt.Sprintf("//line %s:%d", base, i+2)
		}
	}
	out := []byte(strings.Join(lines, "\n"))
	return format.Source(out)
}

func lastElem(path string) string {
	if i := strings.LastIndex(path, "/"); i >= 0 {
		return path[i+1:]
	}
	return path
}
