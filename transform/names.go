package transform

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
)

// namer chooses the names of generated code: it keeps the user's names where
// they cannot clash, and gives every name it invents a spelling that appears
// nowhere in the job, so generated code never shadows or is shadowed by the
// user's identifiers.
type namer struct {
	used    map[string]bool                  // every identifier of the job
	objs    map[string]map[types.Object]bool // objects each name denotes in the job
	renamed map[types.Object]string          // objects given a new name
	pkg     *types.Scope                     // package scope, for moved types
	taken   map[string]bool                  // names generated so far

	// reserved names may be spelled by generated code at any point of the
	// machine (package names in types), so no variable may take them.
	reserved map[string]bool

	// pkgTaken holds the package-level names generated for all jobs of the
	// package (types moved out of jobs).
	pkgTaken map[string]bool
}

func newNamer(body ast.Node, info *types.Info, pkg *types.Scope, reserved, pkgTaken map[string]bool) *namer {
	n := &namer{
		pkgTaken: pkgTaken,
		used:     map[string]bool{},
		objs:     map[string]map[types.Object]bool{},
		renamed:  map[types.Object]string{},
		pkg:      pkg,
		taken:    map[string]bool{},

		reserved: map[string]bool{},
	}
	for k := range reserved {
		n.used[k] = true
		n.reserved[k] = true
	}
	ast.Inspect(body, func(c ast.Node) bool {
		id, ok := c.(*ast.Ident)
		if !ok {
			return true
		}
		n.used[id.Name] = true
		if obj := info.ObjectOf(id); obj != nil {
			if n.objs[id.Name] == nil {
				n.objs[id.Name] = map[types.Object]bool{}
			}
			n.objs[id.Name][obj] = true
		}
		return true
	})
	return n
}

// fresh returns a new name built from hint that no identifier of the job uses.
func (n *namer) fresh(hint string) string {
	for i := 0; ; i++ {
		name := hint
		if i > 0 || hint == "" {
			name = hint + "_" + strconv.Itoa(i)
		}
		if !n.used[name] && !n.taken[name] && !token.IsKeyword(name) && types.Universe.Lookup(name) == nil {
			n.taken[name] = true
			return name
		}
	}
}

// forVar returns the generated name of a hoisted variable: its own name when no
// other object of the job is spelled the same, else a fresh one.
func (n *namer) forVar(name string) string {
	if len(n.objs[name]) <= 1 && !n.taken[name] && !n.reserved[name] {
		n.taken[name] = true
		return name
	}
	return n.fresh(name)
}

// forType returns the package-level name of a type declared inside a job.
func (n *namer) forType(name string) string {
	for i := 0; ; i++ {
		cand := name
		if i > 0 {
			cand = name + "_" + strconv.Itoa(i)
		}
		if n.pkg.Lookup(cand) != nil || n.taken[cand] || n.pkgTaken[cand] || n.reserved[cand] ||
			(i > 0 && n.used[cand]) || (i == 0 && len(n.objs[cand]) > 1) {
			continue
		}
		n.taken[cand] = true
		n.pkgTaken[cand] = true
		return cand
	}
}

func (n *namer) rename(obj types.Object, name string) { n.renamed[obj] = name }
