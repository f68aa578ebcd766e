package transform

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/ssa"
)

// Which of a job's variables live in memory, rather than in registers, is a
// question go/ssa answers well: building SSA lifts every local variable into
// registers unless its address is taken or a closure captures it. The
// variables left as allocations are the ones a checkpoint could split from a
// pointer to them.

// memoryFacts records, for one job, the variables whose address escapes
// (with where it does) and those captured by function literals.
type memoryFacts struct {
	addressTaken map[types.Object]token.Pos
	captured     map[types.Object]bool
	awaits       int // calls of fsm.Await and of jobs that suspend in the job's own body, as SSA sees them
	// boxed are the concrete types the job (or a function literal in it)
	// converts to interface types, in order of appearance: the machine
	// registers them, so that an interface holding one can be stored.
	boxed []types.Type
}

// buildSSA builds the SSA form of a package's functions; the packages it
// imports are created from their types only.
func buildSSA(pkg *packages.Package) (p *ssa.Package, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("building SSA of %s: %v", pkg.PkgPath, r)
		}
	}()
	// The packages it imports are created from their types alone (loaded
	// from export data, not source): SSA needs their functions' signatures,
	// not their bodies.
	prog := ssa.NewProgram(pkg.Fset, ssa.GlobalDebug)
	created := map[*types.Package]bool{pkg.Types: true}
	var create func(ps []*types.Package)
	create = func(ps []*types.Package) {
		for _, tp := range ps {
			if !created[tp] {
				created[tp] = true
				prog.CreatePackage(tp, nil, nil, true)
				create(tp.Imports())
			}
		}
	}
	create(pkg.Types.Imports())
	p = prog.CreatePackage(pkg.Types, pkg.Syntax, pkg.TypesInfo, false)
	p.Build()
	return p, nil
}

// jobMemory returns the memory facts of job j from its package's SSA form.
func jobMemory(p *ssa.Package, j *job) (memoryFacts, error) {
	facts := memoryFacts{addressTaken: map[types.Object]token.Pos{}, captured: map[types.Object]bool{}}
	fn := p.Prog.FuncValue(j.fn)
	if fn == nil {
		return facts, fmt.Errorf("no SSA function for job %s", j.fn.Name())
	}
	// Debug references name the source variable of each allocation.
	objOf := map[*ssa.Alloc]types.Object{}
	var allocs []*ssa.Alloc // in the frame (fn.Locals) or on the heap
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.Call:
				if isAwait(instr.Common()) || j.nestsCall(instr.Common()) {
					facts.awaits++
				}
			case *ssa.Alloc:
				allocs = append(allocs, instr)
			case *ssa.DebugRef:
				if a, ok := instr.X.(*ssa.Alloc); ok && instr.IsAddr && instr.Object() != nil {
					if _, seen := objOf[a]; !seen {
						objOf[a] = instr.Object()
					}
				}
			}
		}
	}
	facts.boxed = boxedTypes(fn)
	for _, a := range allocs {
		obj := objOf[a]
		if obj == nil {
			continue
		}
		taken, captured := addressUses(fn, a, map[ssa.Value]bool{})
		if taken.IsValid() {
			facts.addressTaken[obj] = taken
		}
		if captured {
			facts.captured[obj] = true
		}
	}
	return facts, nil
}

// boxedTypes lists the types of the values fn and its function literals
// convert to interfaces, each once.
func boxedTypes(fn *ssa.Function) []types.Type {
	var out []types.Type
	seen := map[string]bool{}
	var visit func(f *ssa.Function)
	visit = func(f *ssa.Function) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if mi, ok := instr.(*ssa.MakeInterface); ok {
					t := mi.X.Type()
					if k := types.TypeString(t, nil); !seen[k] {
						seen[k] = true
						out = append(out, t)
					}
				}
			}
		}
		for _, anon := range f.AnonFuncs {
			visit(anon)
		}
	}
	visit(fn)
	return out
}

// addressUses follows the uses of the address v of a variable (or of a part
// of it) and returns where the address escapes, if it does, and whether a
// function literal of fn captures it. Loads and stores through the address
// do not let it escape, nor does calling a method with a pointer receiver on
// the variable: the method is trusted not to keep its receiver.
func addressUses(fn *ssa.Function, v ssa.Value, seen map[ssa.Value]bool) (escape token.Pos, captured bool) {
	if seen[v] {
		return token.NoPos, false
	}
	seen[v] = true
	refs := v.Referrers()
	if refs == nil {
		return token.NoPos, false
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.DebugRef:
			if !r.IsAddr && r.Object() != nil {
				// The address is the value of another variable: p := &x.
				return posOf(r, v), captured
			}
		case *ssa.UnOp:
			if r.Op != token.MUL { // not a load
				return posOf(r, v), captured
			}
		case *ssa.Store:
			if r.Val == v {
				return posOf(r, v), captured
			}
		case *ssa.FieldAddr:
			if e, c := addressUses(fn, r, seen); e.IsValid() {
				return e, captured || c
			} else if c {
				captured = true
			}
		case *ssa.IndexAddr:
			if e, c := addressUses(fn, r, seen); e.IsValid() {
				return e, captured || c
			} else if c {
				captured = true
			}
		case *ssa.MakeClosure:
			if lit, ok := r.Fn.(*ssa.Function); ok && lit.Parent() != nil {
				captured = true
				continue
			}
			return posOf(r, v), captured // a method value bound to the variable
		case *ssa.Call:
			if isReceiverOnly(r.Common(), v) || keepsNoPointers(r.Common()) {
				continue
			}
			return posOf(r, v), captured
		case *ssa.Defer:
			if _, whole := v.(*ssa.Alloc); whole {
				// defer x.M() or defer f(&x) at the top of a job: the call
				// runs when the job ends, on the variable as it then is
				// (see lowerdefer.go); nothing of the job runs after it.
				continue
			}
			return posOf(r, v), captured
		case *ssa.MakeInterface:
			if onlyToTrustedCalls(r) {
				continue // fmt.Sscan(s, &n), json.Unmarshal(b, &v)
			}
			return posOf(r, v), captured
		default:
			return posOf(r, v), captured
		}
	}
	return token.NoPos, captured
}

// isAwait reports whether c calls an instance of the runtime's Await.
func isAwait(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil {
		return false
	}
	if o := callee.Origin(); o != nil {
		callee = o
	}
	obj, ok := callee.Object().(*types.Func)
	return ok && obj.Pkg() != nil && obj.Pkg().Path() == RuntimePath && obj.Name() == "Await"
}

// isReceiverOnly reports whether a call passes v only as the receiver of a
// statically known method.
func isReceiverOnly(c *ssa.CallCommon, v ssa.Value) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Signature.Recv() == nil || len(c.Args) == 0 || c.Args[0] != v {
		return false
	}
	for _, a := range c.Args[1:] {
		if a == v {
			return false
		}
	}
	return true
}

// keepsNoPointers reports whether c calls a function of the standard library
// known to use the pointers it is passed only while it runs: the decoders and
// scanners of fmt and encoding/*, and errors.As.
func keepsNoPointers(c *ssa.CallCommon) bool {
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg == nil {
		return false
	}
	switch callee.Pkg.Pkg.Path() {
	case "fmt", "errors", "encoding/json", "encoding/xml", "encoding/binary", "encoding/gob", "encoding/hex", "encoding/base64":
		return true
	}
	return false
}

// onlyToTrustedCalls reports whether an interface value holding an address
// only goes to calls that keep no pointers: directly, or through the
// argument slice of a variadic call.
func onlyToTrustedCalls(mi *ssa.MakeInterface) bool {
	for _, r := range *mi.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			if !keepsNoPointers(r.Common()) {
				return false
			}
		case *ssa.Store:
			// args[i] = any(&n), args being the array of a variadic call.
			ia, ok := r.Addr.(*ssa.IndexAddr)
			if !ok || r.Val != mi {
				return false
			}
			arr, ok := ia.X.(*ssa.Alloc)
			if !ok {
				return false
			}
			for _, ar := range *arr.Referrers() {
				switch ar := ar.(type) {
				case *ssa.IndexAddr, *ssa.DebugRef:
				case *ssa.Slice:
					for _, sr := range *ar.Referrers() {
						call, ok := sr.(*ssa.Call)
						if !ok || !keepsNoPointers(call.Common()) {
							return false
						}
					}
				default:
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// posOf returns a position for an instruction using v, falling back to v's.
func posOf(instr ssa.Instruction, v ssa.Value) token.Pos {
	if p := instr.Pos(); p.IsValid() {
		return p
	}
	if p := v.Pos(); p.IsValid() {
		return p
	}
	return token.Pos(1)
}
