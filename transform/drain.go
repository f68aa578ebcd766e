package transform

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/types"
	"os"
	pathpkg "path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// This file is the drain path for a breaking change: fsmgen -drain keeps
// the job's earlier version, from the source the lock recorded, as a job of
// its own marked //fsmgen:drain Job N. Its machine is registered as version
// N of the job: jobs paused at states the current version cannot resume
// finish on it, and its states have layouts of their own (drainedLayout), so
// that what it writes stays on it. New jobs start on the current version,
// which is N+1.

// jobSource is what the lock keeps of job j for -drain: its declaration from
// the func keyword on, after its rename directives, and the packages it
// names. A method keeps nothing (a drained version must be a function).
func jobSource(overlay map[string][]byte, j *job) (string, map[string]string) {
	if j.drain != nil || j.sig.Recv() != nil || j.generic() {
		return "", nil
	}
	tf := j.pkg.Fset.File(j.decl.Pos())
	data, ok := overlay[tf.Name()]
	if !ok {
		var err error
		if data, err = os.ReadFile(tf.Name()); err != nil {
			return "", nil
		}
	}
	from, to := tf.Offset(j.decl.Type.Func), tf.Offset(j.decl.End())
	if from < 0 || to > len(data) || from > to {
		return "", nil
	}
	var b strings.Builder
	for _, c := range j.decl.Doc.List {
		if _, ok := directiveArgs(c.Text, RenameDirective); ok {
			b.WriteString(c.Text + "\n")
		}
	}
	b.Write(data[from:to])
	imports := map[string]string{}
	ast.Inspect(j.decl, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if x, ok := sel.X.(*ast.Ident); ok {
				if pn, ok := j.pkg.TypesInfo.Uses[x].(*types.PkgName); ok {
					imports[x.Name] = pn.Imported().Path()
				}
			}
		}
		return true
	})
	if len(imports) == 0 {
		imports = nil
	}
	return b.String(), imports
}

// writeImports writes the import declaration of a file written for the user
// (a migration, a drained version): imports maps each package's name in the
// file to its path.
func writeImports(b *bytes.Buffer, imports map[string]string) {
	if len(imports) == 0 {
		return
	}
	names := make([]string, 0, len(imports))
	for n := range imports {
		names = append(names, n)
	}
	sort.Slice(names, func(x, y int) bool { return imports[names[x]] < imports[names[y]] })
	b.WriteString("import (\n")
	for _, n := range names {
		if p := imports[n]; n == pathpkg.Base(p) {
			fmt.Fprintf(b, "\t%q\n", p)
		} else {
			fmt.Fprintf(b, "\t%s %q\n", n, p)
		}
	}
	b.WriteString(")\n\n")
}

// drainJobs is a run with Config.Drain: each job whose changes break what
// the lock records gets its earlier version kept in a new file, and the lock
// records that version as drained and the job's version as the next. Other
// breaking changes (a job removed, a drained version broken) and mistakes
// in migrations are diagnostics.
func drainJobs(pkg *packages.Package, lockPath string, old, lf *lockFile, problems []lockProblem, ds *diagnostics) (files []File, diags []Diagnostic) {
	var order []*jobRecs
	seen := map[*jobRecs]bool{}
	for _, p := range problems {
		if p.hard || p.jr == nil || p.jr.j.drain != nil {
			ds.errorf(p.pos, "%s", p.msg)
			continue
		}
		if !seen[p.jr] {
			seen[p.jr] = true
			order = append(order, p.jr)
		}
	}
	if len(ds.list) > 0 {
		return nil, ds.list
	}
	byKey := map[string]*lockJob{}
	for i := range old.Jobs {
		byKey[old.Jobs[i].key()] = &old.Jobs[i]
	}
	for _, jr := range order {
		j := jr.j
		o := byKey[j.lockKey()]
		f, err := drainFile(pkg, j, o)
		if err != nil {
			ds.errorf(j.decl.Name.Pos(), "job %s: %v", j.fn.Name(), err)
			continue
		}
		files = append(files, f)
		for i := range lf.Jobs {
			if lf.Jobs[i].key() == j.lockKey() {
				lf.Jobs[i].Version = o.version() + 1
			}
		}
		kept := *o
		kept.Version, kept.Drained, kept.Source, kept.Imports = o.version(), true, "", nil
		// Layouts the job took through migrations stay with the job: the
		// kept version has no migrations of its own.
		kept.States = make([]lockState, len(o.States))
		for i, st := range o.States {
			st.Accepts = nil
			for _, a := range o.States[i].Accepts {
				if a.Migrate == "" {
					st.Accepts = append(st.Accepts, a)
				}
			}
			kept.States[i] = st
		}
		lf.Jobs = append(lf.Jobs, kept)
	}
	if len(ds.list) > 0 {
		return nil, ds.list
	}
	lf.sort()
	return append(files, File{Path: lockPath, Content: lf.format()}), nil
}

// drainFile writes version o of job j, as the lock recorded its source, as
// a job of its own.
func drainFile(pkg *packages.Package, j *job, o *lockJob) (File, error) {
	short, v := j.fn.Name(), o.version()
	if j.sig.Recv() != nil {
		return File{}, fmt.Errorf("a method job cannot be drained (a drained version is a function); write a migration (fsmgen -migrate), or run fsmgen -update-lock")
	}
	if j.generic() {
		return File{}, fmt.Errorf("a generic job cannot be drained yet; keep what its states store, or run fsmgen -update-lock")
	}
	if o.Source == "" {
		return File{}, fmt.Errorf("%s holds no source of the job's version %d (an older fsmgen wrote it), so -drain cannot keep that version; write a migration (fsmgen -migrate), or run fsmgen -update-lock", LockFile, v)
	}
	name := lowerFirst(short) + "V" + strconv.Itoa(v)
	if pkg.Types.Scope().Lookup(name) != nil {
		return File{}, fmt.Errorf("fsmgen -drain would declare version %d of the job as %s, which the package has; rename that, or keep the version yourself (see docs/changing-jobs.md)", v, name)
	}
	path := filepath.Join(filepath.Dir(j.position(j.decl.Pos()).Filename), "drain_"+strings.ToLower(short)+"_v"+strconv.Itoa(v)+".go")
	if _, err := os.Stat(path); err == nil {
		return File{}, fmt.Errorf("%s exists; a drained version is kept once", filepath.Base(path))
	}
	var renames []string
	src := o.Source
	for {
		line, rest, _ := strings.Cut(src, "\n")
		if _, ok := directiveArgs(line, RenameDirective); !ok {
			break
		}
		renames, src = append(renames, line), rest
	}
	decl, ok := strings.CutPrefix(src, "func "+short+"(")
	if !ok {
		return File{}, errors.New("the source " + LockFile + " holds does not declare it; restore the lock from version control")
	}

	var b bytes.Buffer
	b.WriteString(commentText(fmt.Sprintf("Version %d of job %s, as %s recorded it when fsmgen -drain kept it. Jobs paused on it at states the current %s cannot resume finish here; new jobs start on the current %s. It is ordinary Go: if it no longer builds against the package, fix it. Once fsmgen jobs versions shows no job on version %d, delete this file and run fsmgen -update-lock.", v, short, LockFile, short, short, v)))
	fmt.Fprintf(&b, "\npackage %s\n\n", pkg.Name)
	writeImports(&b, o.Imports)
	fmt.Fprintf(&b, "// %s is version %d of job %s, kept to finish the jobs paused on it.\n//\n%s\n%s %s %d\n", name, v, short, Directive, DrainDirective, short, v)
	for _, r := range renames {
		b.WriteString(r + "\n")
	}
	fmt.Fprintf(&b, "func %s(%s\n", name, decl)
	content, err := format.Source(b.Bytes())
	if err != nil {
		return File{}, fmt.Errorf("the source %s holds does not parse (%v); restore the lock from version control", LockFile, err)
	}
	return File{Path: path, Content: content, New: true}, nil
}
