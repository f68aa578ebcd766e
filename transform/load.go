package transform

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// RuntimePath is the import path of the runtime that jobs import.
const RuntimePath = "github.com/fsmgen/fsmgen/runtime"

// Directive marks a job in its doc comment.
const Directive = "//fsmgen:job"

// A job is a function marked with the directive, as found by the load stage.
type job struct {
	pkg  *packages.Package
	file *ast.File
	decl *ast.FuncDecl
	fn   *types.Func
	sig  *types.Signature
	ctx  *types.Var // the fsm.Context parameter
	// graph is what the package's jobs know of each other (see nest.go).
	graph *jobGraph
	// drain is set for an earlier version of a job, kept to finish the
	// jobs paused on it (DrainDirective).
	drain *drainOf
	// instances are a generic job's instantiations (see generic.go).
	instances []*instance
}

// DrainDirective marks, in a job's doc comment, an earlier version of
// another job of the package, kept so that jobs paused on that version
// finish on it: //fsmgen:drain Steps 1. fsmgen -drain writes such jobs.
const DrainDirective = "//fsmgen:drain"

// drainOf is what a DrainDirective says: the job and its version.
type drainOf struct {
	job     string
	version int
}

// name returns the job's stored name: import path, receiver type and
// function; for a drained version, the name of the job it is a version of.
func (j *job) name() string {
	if j.drain != nil {
		return j.pkg.PkgPath + "." + j.drain.job
	}
	if recv := j.sig.Recv(); recv != nil {
		return fmt.Sprintf("%s.%s.%s", j.pkg.PkgPath, recvTypeName(recv.Type()), j.fn.Name())
	}
	return j.pkg.PkgPath + "." + j.fn.Name()
}

func recvTypeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		return "(*" + recvTypeName(p.Elem()) + ")"
	}
	if n, ok := t.(*types.Named); ok {
		return n.Obj().Name()
	}
	return t.String()
}

// isDirective reports whether a comment line is the job directive.
func isDirective(text string) bool {
	_, ok := directiveArgs(text, Directive)
	return ok
}

// directiveArgs reports whether a comment line is directive, alone or
// followed by a space or tab, and returns what follows it.
func directiveArgs(text, directive string) (rest string, ok bool) {
	rest, ok = strings.CutPrefix(text, directive)
	if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return rest, true
}

// findJobs returns the functions of pkg marked as jobs, validating each
// signature. Misplaced directives are diagnosed too.
func findJobs(pkg *packages.Package, ds *diagnostics) []*job {
	var jobs []*job
	for _, file := range pkg.Syntax {
		docs := map[*ast.CommentGroup]bool{}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue
			}
			docs[fd.Doc] = true
			marked := false
			for _, c := range fd.Doc.List {
				if isDirective(c.Text) {
					marked = true
				}
			}
			if !marked {
				continue
			}
			if j := validateJob(pkg, file, fd, ds); j != nil {
				jobs = append(jobs, j)
			}
		}
		for _, cg := range file.Comments {
			if docs[cg] {
				continue
			}
			for _, c := range cg.List {
				if isDirective(c.Text) {
					ds.errorf(c.Pos(), "%s must be in the doc comment of a function declaration", Directive)
				}
			}
		}
	}
	linkJobs(jobs, ds)
	return jobs
}

// isContextType reports whether t is the runtime's Context interface.
func isContextType(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == RuntimePath && obj.Name() == "Context"
}

func validateJob(pkg *packages.Package, file *ast.File, fd *ast.FuncDecl, ds *diagnostics) *job {
	fn, _ := pkg.TypesInfo.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return nil // the type checker has said why
	}
	sig := fn.Type().(*types.Signature)
	name := fd.Name.Name
	if fd.Body == nil {
		ds.errorf(fd.Name.Pos(), "job %s has no body; a job must be a Go function with a body", name)
		return nil
	}
	if sig.Params().Len() == 0 || !isContextType(sig.Params().At(0).Type()) {
		ds.errorf(fd.Name.Pos(), "job %s must take fsm.Context (%s) as its first parameter", name, RuntimePath)
		return nil
	}
	if recv := sig.Recv(); recv != nil {
		if _, ptr := recv.Type().(*types.Pointer); ptr {
			ds.errorf(fd.Recv.Pos(), "job %s has a pointer receiver: the machine saves the receiver by value, so writes through it would be lost after a checkpoint; use a value receiver", name)
			return nil
		}
	}
	j := &job{pkg: pkg, file: file, decl: fd, fn: fn, sig: sig, ctx: sig.Params().At(0)}
	for _, c := range fd.Doc.List {
		rest, ok := directiveArgs(c.Text, DrainDirective)
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		var v int
		if len(f) == 2 && token.IsIdentifier(f[0]) {
			v, _ = strconv.Atoi(f[1])
		}
		switch {
		case v < 1:
			ds.errorf(c.Pos(), "%s takes the job this is a version of and the version, as in %s Checkout 1", DrainDirective, DrainDirective)
			return nil
		case sig.Recv() != nil:
			ds.errorf(c.Pos(), "a drained version must be a function, not a method")
			return nil
		case j.drain != nil:
			ds.errorf(c.Pos(), "job %s has two %s directives", name, DrainDirective)
			return nil
		}
		j.drain = &drainOf{job: f[0], version: v}
	}
	return j
}

// lockKey is the job's key in its package's lock: its name, and for a
// drained version the version too.
func (j *job) lockKey() string {
	if j.drain != nil {
		return fmt.Sprintf("%s@%d", j.name(), j.drain.version)
	}
	return j.name()
}

// position is a shorthand for a position in the job's package.
func (j *job) position(p token.Pos) token.Position { return j.pkg.Fset.Position(p) }
