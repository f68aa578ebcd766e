package transform

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/dave/jennifer/jen"
	"golang.org/x/tools/go/packages"
)

// This file is the migration path for a breaking change: a function the user
// writes, marked
//
//	//fsmgen:migrate Job LAYOUT STATE
//
// that takes what checkpoints of an earlier layout of a job stored (a struct
// whose fields are named after the stored variables and have the types they
// were stored with) and returns what state STATE of this build stores (a
// struct of its variables, by name) or an error. The generated machine
// accepts the layout through it (fsm.Accepted.Migrate), and the lock records
// the layout with the migration's name, so that the next run checks the
// migration again.

// MigrateDirective marks a migration function.
const MigrateDirective = "//fsmgen:migrate"

// migration is a function marked with MigrateDirective.
type migration struct {
	decl       *ast.FuncDecl
	pos        token.Pos // the directive
	job        string    // the job as the directive names it (Job, or Type.Method)
	layout     string    // the earlier layout it takes
	target     string    // the id of the state it gives
	oldT, newT *types.Named
	oldS, newS *types.Struct
	used       bool // claimed by a job of the package
}

// findMigrations reads the package's migration functions; mistakes in their
// form are diagnostics.
func findMigrations(pkg *packages.Package, ds *diagnostics) []*migration {
	var out []*migration
	errorType := types.Universe.Lookup("error").Type()
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue
			}
			for _, c := range fd.Doc.List {
				rest, ok := directiveArgs(c.Text, MigrateDirective)
				if !ok {
					continue
				}
				args := strings.Fields(rest)
				if len(args) != 3 || !isLayout(args[1]) {
					ds.errorf(c.Pos(), "%s takes a job, the layout an earlier build stored (16 hex digits, from %s) and the id of the state it migrates to, as in %s Checkout 62c1a3b4c5d6e7f8 Charge.Call", MigrateDirective, LockFile, MigrateDirective)
					continue
				}
				m := &migration{decl: fd, pos: c.Pos(), job: args[0], layout: args[1], target: args[2]}
				if m.checkSignature(pkg.Types, pkg.TypesInfo, errorType, ds) {
					out = append(out, m)
				}
			}
		}
	}
	seen := map[string]*migration{}
	for _, m := range out {
		key := m.job + " " + m.layout
		if first := seen[key]; first != nil {
			ds.errorf(m.pos, "layout %s of job %s already has a migration, %s", m.layout, m.job, first.decl.Name.Name)
			continue
		}
		seen[key] = m
	}
	return out
}

func isLayout(s string) bool {
	if len(s) != 16 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

// checkSignature checks that the migration is func(Old) (New, error), with
// Old and New struct types of the package.
func (m *migration) checkSignature(pkg *types.Package, info *types.Info, errorType types.Type, ds *diagnostics) bool {
	fn, _ := info.Defs[m.decl.Name].(*types.Func)
	if fn == nil {
		return false
	}
	sig := fn.Type().(*types.Signature)
	bad := func() bool {
		ds.errorf(m.decl.Name.Pos(), "migration %s must be a function func(old S1) (S2, error), S1 a struct type of this package whose fields are what layout %s stored, S2 one whose fields are what state %s stores", m.decl.Name.Name, m.layout, m.target)
		return false
	}
	if sig.Recv() != nil || sig.TypeParams().Len() > 0 || sig.Params().Len() != 1 || sig.Results().Len() != 2 || sig.Variadic() ||
		!types.Identical(sig.Results().At(1).Type(), errorType) {
		return bad()
	}
	local := func(t types.Type) (*types.Named, *types.Struct) {
		n, ok := types.Unalias(t).(*types.Named)
		if !ok || n.Obj().Pkg() != pkg || n.TypeParams().Len() > 0 {
			return nil, nil
		}
		s, _ := n.Underlying().(*types.Struct)
		return n, s
	}
	m.oldT, m.oldS = local(sig.Params().At(0).Type())
	m.newT, m.newS = local(sig.Results().At(0).Type())
	if m.oldS == nil || m.newS == nil {
		return bad()
	}
	return true
}

// stateFields names a state's variables as a migration's struct fields: a
// variable by its name, a second of one name (shadowing) as name_2; internal
// and derived values and nested machines get "", having no field.
func stateFields(vars []lockVar) []string {
	out := make([]string, len(vars))
	count := map[string]int{}
	for i, v := range vars {
		if !v.byName() {
			continue
		}
		count[v.Name]++
		out[i] = v.Name
		if k := count[v.Name]; k > 1 {
			out[i] = fmt.Sprintf("%s_%d", v.Name, k)
		}
	}
	return out
}

// matchFields maps the fields of a migration's struct onto the variables
// they stand for: for each variable, the index of its field, or -1. what
// names the struct in messages ("layout L" or "state S").
func matchFields(s *types.Struct, vars []lockVar, what string, report func(token.Pos, string, ...any)) ([]int, bool) {
	names := stateFields(vars)
	index := map[string]int{}
	for i, n := range names {
		if n != "" {
			index[n] = i
		}
	}
	mapping := make([]int, len(vars))
	for i := range mapping {
		mapping[i] = -1
	}
	ok := true
	for k := 0; k < s.NumFields(); k++ {
		f := s.Field(k)
		i, found := index[f.Name()]
		if !found {
			report(f.Pos(), "field %s is not a variable %s stores (it stores %s)", f.Name(), what, fieldList(names))
			ok = false
			continue
		}
		if got := lockShape(shapeOf(f.Type())); got != vars[i].Shape {
			report(f.Pos(), "field %s has type %s, and %s stores %s as %s: give the field that type", f.Name(), typeString(f.Type(), f.Pkg()), what, f.Name(), vars[i].display())
			ok = false
			continue
		}
		mapping[i] = k
	}
	return mapping, ok
}

func fieldList(names []string) string {
	var list []string
	for _, n := range names {
		if n != "" {
			list = append(list, n)
		}
	}
	if len(list) == 0 {
		return "no variable a migration can read"
	}
	return strings.Join(list, ", ")
}

// oldLayout is a layout of a job the lock records: the state that stored it
// and what it stored.
type oldLayout struct {
	id string
	l  lockLayout
}

// oldLayouts lists every layout the lock records for a job.
func oldLayouts(old *lockJob) map[string]oldLayout {
	out := map[string]oldLayout{}
	for _, s := range old.States {
		out[s.Layout] = oldLayout{s.ID, s.lockLayout}
		for _, a := range s.Accepts {
			id := s.ID
			if a.From != "" {
				id = a.From
			}
			out[a.Layout] = oldLayout{id, a}
		}
	}
	return out
}

// migrated is a migration checked against the lock and the job: the
// Accepted it gives its target state, and the lock's record of it.
type migrated struct {
	target *stateRec
	code   jen.Code
	rec    lockLayout
}

// checkMigration checks a migration of job jr against the lock's layouts
// and the job's states, and makes what the target state accepts.
func checkMigration(m *migration, jr *jobRecs, layouts map[string]oldLayout, cur map[string]*stateRec, report func(token.Pos, string, ...any)) *migrated {
	j := jr.j
	if j.generic() {
		report(m.pos, "job %s is generic, and migrations of generic jobs are not supported yet; keep what its states store, or run fsmgen -update-lock", j.fn.Name())
		return nil
	}
	o, ok := layouts[m.layout]
	if !ok {
		report(m.pos, "job %s: %s records no layout %s; a migration takes a layout an earlier build stored, as the lock's states list them", j.fn.Name(), LockFile, m.layout)
		return nil
	}
	for _, r := range jr.all() {
		if r.layout == m.layout {
			report(m.pos, "job %s: layout %s is this build's own layout of state %s, so there is nothing to migrate; delete %s", j.fn.Name(), m.layout, r.id, m.decl.Name.Name)
			return nil
		}
	}
	t := cur[m.target]
	if t == nil || t.id == doneID {
		report(m.pos, "job %s has no state %s to migrate to (its states are %s)", j.fn.Name(), m.target, stateList(jr))
		return nil
	}
	if !awaitDecodes(o.l, t.lockLayout()) {
		report(m.pos, "job %s: state %s's await gives %s, and jobs paused at %s (layout %s) wait for %s: the operation they wait for would not decode; migrate them to a state that awaits %s", j.fn.Name(), t.id, t.lockLayout().awaitDisplay(), o.id, m.layout, o.l.awaitDisplay(), o.l.awaitDisplay())
		return nil
	}
	for _, v := range t.vars {
		if !v.byName() {
			report(m.pos, "job %s: state %s keeps %s, which a migration cannot give (only variables it stores by name); migrate to a state outside range loops, nested jobs and pending operands", j.fn.Name(), t.id, v.Name)
			return nil
		}
	}
	what := fmt.Sprintf("layout %s", m.layout)
	fromOld, ok1 := matchFields(m.oldS, o.l.Vars, what, report)
	fromNew, ok2 := matchFields(m.newS, t.vars, "state "+t.id, report)
	if !ok1 || !ok2 {
		return nil
	}

	// The wrapper: read the old variables into Old (skipping those without
	// a field), migrate, write New's fields as the state's variables (those
	// without a field absent, so zero).
	rt := RuntimePath
	ret := jen.Return(jen.Nil(), jen.Err())
	body := []jen.Code{
		jen.List(jen.Id("r"), jen.Err()).Op(":=").Qual(rt, "ReadOldState").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(ret),
		jen.Var().Id("old").Id(m.oldT.Obj().Name()),
	}
	for i, v := range o.l.Vars {
		if k := fromOld[i]; k >= 0 {
			body = append(body, jen.Qual(rt, "Load").Call(jen.Id("r"), jen.Lit(v.Name), jen.Op("&").Id("old").Dot(m.oldS.Field(k).Name())))
		} else {
			body = append(body, jen.Id("r").Dot("Skip").Call())
		}
	}
	body = append(body,
		jen.If(jen.Err().Op(":=").Id("r").Dot("Close").Call(), jen.Err().Op("!=").Nil()).Block(ret),
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Id(m.decl.Name.Name).Call(jen.Id("old")),
		jen.If(jen.Err().Op("!=").Nil()).Block(ret),
		jen.Id("w").Op(":=").Qual(rt, "NewStateWriter").Call(jen.Lit(jr.number(t))),
	)
	for i, v := range t.vars {
		if k := fromNew[i]; k >= 0 {
			body = append(body, jen.Qual(rt, "Save").Call(jen.Id("w"), jen.Lit(v.Name), jen.Id("v").Dot(m.newS.Field(k).Name())))
		} else {
			body = append(body, jen.Id("w").Dot("SaveAbsent").Call())
		}
	}
	body = append(body, jen.Return(jen.Id("w").Dot("Bytes").Call()))
	code := jen.Values(jen.Dict{
		jen.Id("Layout"):  jen.Lit(m.layout),
		jen.Id("Migrate"): jen.Func().Params(jen.Id("data").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(body...),
	})
	rec := o.l
	rec.From, rec.Migrate = o.id, m.decl.Name.Name
	return &migrated{target: t, code: code, rec: rec}
}

// number is the state number of r in this build.
func (jr *jobRecs) number(r *stateRec) int {
	switch r {
	case jr.start:
		return 0
	case jr.done:
		return -1
	}
	for i, a := range jr.awaits {
		if a == r {
			return i + 1
		}
	}
	panic("state of another job")
}

func stateList(jr *jobRecs) string {
	var ids []string
	for _, r := range jr.all() {
		if r.id != doneID {
			ids = append(ids, r.id)
		}
	}
	return strings.Join(ids, ", ")
}

// scaffoldMigrations is a run with Config.Migrate: for each layout the
// breaking changes strand that some state could take, a new file with a
// migration to finish. Changes that strand a layout no state can take, and
// mistakes in migrations, are diagnostics.
func scaffoldMigrations(pkg *packages.Package, problems []lockProblem, ds *diagnostics) (files []File, diags, forgotten []Diagnostic) {
	for _, p := range problems {
		covered := len(p.needs) > 0 && !p.hard
		for _, need := range p.needs {
			if need.target == nil {
				covered = false
				continue
			}
			f, err := scaffold(pkg, need)
			if err != nil {
				ds.errorf(p.pos, "%v", err)
				covered = false
				continue
			}
			if f != nil {
				files = append(files, *f)
			}
		}
		if !covered {
			ds.errorf(p.pos, "%s", p.msg)
		}
	}
	return files, ds.list, nil
}

// scaffold writes the migration of one stranded layout to its target state:
// the struct of what the layout stored, the struct of what the state
// stores, and the function, which copies each variable kept alike and marks
// the others for the user. It returns nil when the file exists.
func scaffold(pkg *packages.Package, need migrationNeed) (*File, error) {
	j, old, t := need.jr.j, need.old, need.target
	if j.generic() {
		return nil, fmt.Errorf("job %s is generic, and migrations of generic jobs are not supported yet; keep what its states store, or run fsmgen -update-lock", j.fn.Name())
	}
	short := jobDisplayName(j)
	stem := identWords(short) + identWords(old.id) + strings.ToUpper(old.l.Layout[:6])
	oldName, newName, fnName := "old"+stem, "new"+stem, "migrate"+stem
	for _, n := range []string{oldName, newName, fnName} {
		if pkg.Types.Scope().Lookup(n) != nil {
			return nil, fmt.Errorf("job %s: fsmgen -migrate would declare %s, which the package has; write the migration of layout %s yourself (see docs/changing-jobs.md)", j.fn.Name(), n, old.l.Layout)
		}
	}
	dir := filepath.Dir(j.position(j.decl.Pos()).Filename)
	path := filepath.Join(dir, "migrate_"+strings.ToLower(stem)+".go")
	if _, err := os.Stat(path); err == nil {
		return nil, nil
	}

	imports := map[string]string{} // name -> path
	qualify := func(p *types.Package) string {
		if p == pkg.Types {
			return ""
		}
		imports[p.Name()] = p.Path()
		return p.Name()
	}
	var b bytes.Buffer
	b.WriteString(commentText(fmt.Sprintf("Jobs that an earlier build of job %s left paused at state %s (layout %s) resume at state %s of this build through %s, written by fsmgen -migrate for you to finish: it gets what they stored and returns what the state stores now. It must not have side effects: it may run more than once for a job. Once no job is paused in that layout, delete this file and run fsmgen -update-lock.", short, old.id, old.l.Layout, t.id, fnName)))
	b.WriteString("\n")

	// What the layout stored, with the types it was stored with, as far
	// as the package still has them.
	oldTypes := map[string]string{} // field -> type as the scaffold writes it
	fmt.Fprintf(&b, "// %s is what layout %s stored.\ntype %s struct {\n", oldName, old.l.Layout, oldName)
	for i, f := range stateFields(old.l.Vars) {
		if f == "" {
			continue
		}
		v := old.l.Vars[i]
		tv, err := types.Eval(pkg.Fset, pkg.Types, j.decl.Pos(), v.display())
		if err != nil || !tv.IsType() || lockShape(shapeOf(tv.Type)) != v.Shape {
			fmt.Fprintf(&b, "\t%s %s // TODO: this build has no type %s stored as it was; declare one\n", f, v.display(), v.display())
			oldTypes[f] = v.display()
			continue
		}
		oldTypes[f] = types.TypeString(tv.Type, qualify)
		fmt.Fprintf(&b, "\t%s %s\n", f, oldTypes[f])
	}
	fmt.Fprintf(&b, "}\n\n// %s is what state %s stores in this build.\ntype %s struct {\n", newName, t.id, newName)
	newFields := stateFields(t.vars)
	for i, f := range newFields {
		fmt.Fprintf(&b, "\t%s %s\n", f, types.TypeString(t.types[i], qualify))
	}
	fmt.Fprintf(&b, "}\n\n%s %s %s %s\n", MigrateDirective, short, old.l.Layout, t.id)
	fmt.Fprintf(&b, "func %s(old %s) (%s, error) {\n\treturn %s{\n", fnName, oldName, newName, newName)
	oldByField := map[string]lockVar{}
	for i, f := range stateFields(old.l.Vars) {
		if f != "" {
			oldByField[f] = old.l.Vars[i]
		}
	}
	for i, f := range newFields {
		nv, typ := t.vars[i], types.TypeString(t.types[i], qualify)
		ov, ok := oldByField[f]
		switch {
		case !ok:
			fmt.Fprintf(&b, "\t\t// %s: not stored at %s by the earlier build, so zero unless you set it\n", f, old.id)
		case ov.Shape == nv.Shape:
			fmt.Fprintf(&b, "\t\t%s: old.%s,\n", f, f)
		case widens(ov.Shape, nv.Shape):
			fmt.Fprintf(&b, "\t\t%s: %s(old.%s),\n", f, typ, f)
		default:
			fmt.Fprintf(&b, "\t\t%s: old.%s, // TODO: was %s and is %s: convert it\n", f, f, oldTypes[f], typ)
		}
	}
	b.WriteString("\t}, nil\n}\n")

	var head bytes.Buffer
	fmt.Fprintf(&head, "package %s\n\n", pkg.Name)
	writeImports(&head, imports)
	head.Write(b.Bytes())
	src, err := format.Source(head.Bytes())
	if err != nil {
		return nil, fmt.Errorf("internal error writing the migration of layout %s: %v (please report this)", old.l.Layout, err)
	}
	return &File{Path: path, Content: src, New: true}, nil
}

// identWords turns an id such as "Go1.Wait" or "fsm.Signal[int](\"x\")"
// into identifier words: "Go1Wait", "FsmSignalIntX".
func identWords(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// commentText is text as a // comment, its lines kept short.
func commentText(text string) string {
	var b strings.Builder
	line := "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 76 && line != "//" {
			b.WriteString(line + "\n")
			line = "//"
		}
		line += " " + w
	}
	b.WriteString(line + "\n")
	return b.String()
}
