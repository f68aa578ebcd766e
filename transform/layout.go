package transform

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// This file computes the Layout of a state (fsm.StateInfo.Layout): a
// fingerprint of what the bytes of a stored state mean, so that the engine can
// refuse a checkpoint written by a build that stores that state differently.
//
// A stored state is the list of its variables' encodings, without names or
// types. What the bytes mean is therefore fixed by the variables in stored
// order and, for each, how it is encoded: its complete type as the codec sees
// it. The layout is the first 16 hex digits of the SHA-256 of a canonical text
// describing exactly that (see docs/transform.md, "State layouts"):
//
//	fsmgen layout 1
//	var "order": named "example.com/shop.Order" struct{"ID" string; "Lines" []named "example.com/shop.Line" struct{...}}
//	var "held": int
//	internal "a range position": int
//	var "row" derived from $0.Lines[$2]: ...
//
// Positions, comments, the names generated code gives variables and the
// spelling of types (aliases, import names) do not appear in it, so moving
// code or editing comments keeps a state's layout; renaming a stored variable,
// or changing any type a stored value holds, changes it.

// layoutVersion starts every description: a change to the rule below changes
// every layout, so that builds of different rules never trust each other.
const layoutVersion = "fsmgen layout 2"

// layoutVar is one stored value of a state, as the layout sees it.
type layoutVar struct {
	name     string // the source name, or for an internal value what it is
	internal bool
	derived  string // for a derived variable, what it is made from
	typ      types.Type
	shape    string // shapeOf(typ), once computed
	// nested, for the machine of a nested job's call, describes that
	// machine's stored states (see nestedLayoutText) in place of typ.
	nested string
}

// layoutOf returns the fingerprint of state id, which awaits a value of type
// await (nil for a state that is not an await of an op) and stores vars in
// this order.
func layoutOf(id string, await types.Type, vars []layoutVar) string {
	sum := sha256.Sum256([]byte(layoutText(id, await, vars)))
	return hex.EncodeToString(sum[:])[:16]
}

// drainedLayout is the layout a drained version of a job (see
// DrainDirective) gives a state of layout: one of its own, so that the
// checkpoints it writes are placed in it and in no other version.
func drainedLayout(layout string, version int) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\ndrained version %d\n%s", layoutVersion, version, layout)))
	return hex.EncodeToString(sum[:])[:16]
}

// layoutText is the canonical description layoutOf hashes.
func layoutText(id string, await types.Type, vars []layoutVar) string {
	var b strings.Builder
	b.WriteString(layoutVersion + "\n")
	b.WriteString("state " + strconv.Quote(id) + "\n")
	if await != nil {
		b.WriteString("await: " + shapeOf(await) + "\n")
	}
	for i := range vars {
		v := &vars[i]
		if v.internal {
			b.WriteString("internal ")
		} else {
			b.WriteString("var ")
		}
		b.WriteString(strconv.Quote(v.name))
		if v.derived != "" {
			b.WriteString(" derived from " + v.derived)
		}
		b.WriteString(": ")
		if v.nested != "" {
			b.WriteString(v.nested + "\n")
			continue
		}
		b.WriteString(v.shapeText() + "\n")
	}
	return b.String()
}

// shapeText is the variable's shape, computed once.
func (v *layoutVar) shapeText() string {
	if v.shape == "" {
		v.shape = shapeOf(v.typ)
	}
	return v.shape
}

// shapeOf is the canonical description of how the codec stores a value of
// type t.
func shapeOf(t types.Type) string {
	var b strings.Builder
	d := &layoutDescriber{b: &b, seen: map[string]*types.Named{}}
	d.typ(t)
	return b.String()
}

// stateLayoutVars describes the variables of a machine state, already in
// stored order.
func stateLayoutVars(l *lowerer, vars []*hvar) []layoutVar {
	index := map[*hvar]int{}
	for i, v := range vars {
		index[v] = i
	}
	out := make([]layoutVar, 0, len(vars))
	for _, v := range vars {
		lv := layoutVar{name: v.srcName, typ: v.typ}
		if v.srcName == "" {
			lv.name, lv.internal = v.what, true
		}
		if v.derived != nil {
			lv.derived = derivationText(l, v.derived, index)
		}
		if v.nest != nil {
			lv.nested = nestedLayoutText(l, v)
		}
		out = append(out, lv)
	}
	return out
}

// derivationText writes a derived variable's source path (see purePath) with
// each machine variable as $N, its index in the state: the derivation is
// part of what a stored "still derived" mark means, and the generated names
// of the variables are not.
func derivationText(l *lowerer, e ast.Expr, index map[*hvar]int) string {
	var w func(e ast.Expr) string
	idx := func(e ast.Expr) string {
		if e == nil {
			return ""
		}
		return w(e)
	}
	w = func(e ast.Expr) string {
		switch x := e.(type) {
		case *ast.Ident:
			if v := l.byObj[l.objectOf(x)]; v != nil {
				if i, ok := index[v]; ok {
					return "$" + strconv.Itoa(i)
				}
				if v.srcName != "" {
					return v.srcName
				}
				return "(" + v.what + ")"
			}
			return x.Name
		case *ast.BasicLit:
			return x.Value
		case *ast.ParenExpr:
			return w(x.X)
		case *ast.SelectorExpr:
			return w(x.X) + "." + x.Sel.Name
		case *ast.IndexExpr:
			return w(x.X) + "[" + w(x.Index) + "]"
		case *ast.SliceExpr:
			s := w(x.X) + "[" + idx(x.Low) + ":" + idx(x.High)
			if x.Slice3 {
				s += ":" + idx(x.Max)
			}
			return s + "]"
		case *ast.StarExpr:
			return "*" + w(x.X)
		}
		return types.ExprString(e)
	}
	return w(e)
}

// layoutDescriber writes the canonical description of a type: what the codec
// stores for a value of it.
type layoutDescriber struct {
	b *strings.Builder
	// seen holds the named types described so far in this variable's
	// description; a second occurrence (a recursive type, or one used twice)
	// is written by name only, which the first occurrence has defined.
	seen map[string]*types.Named
}

func (d *layoutDescriber) write(s string) { d.b.WriteString(s) }

func (d *layoutDescriber) typ(t types.Type) {
	t = types.Unalias(t)
	if isErrorType(t) {
		// Stored as its text (fsm.SaveError).
		d.write("error")
		return
	}
	if tp, ok := t.(*types.TypeParam); ok {
		// Made specific per instantiation (see instanceLayout); by index,
		// so that renaming a type parameter keeps the layout.
		d.write("type parameter " + strconv.Itoa(tp.Index()))
		return
	}
	named, _ := t.(*types.Named)
	if named != nil {
		key := qualifiedName(named)
		d.write("named " + strconv.Quote(key))
		if prev := d.seen[key]; prev != nil && types.Identical(prev, named) {
			return
		}
		// Two types of one name (declared in different functions) are
		// both described in full.
		d.seen[key] = named
		d.write(" ")
	}
	// A type stored by its own method, or by a rule of the codec, is
	// described by that: its structure is not what is stored.
	if enc := leafEncoding(t); enc != "" {
		d.write("encoded by " + enc)
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		d.write(basicName(u))
	case *types.Pointer:
		d.write("*")
		d.typ(u.Elem())
	case *types.Slice:
		d.write("[]")
		d.typ(u.Elem())
	case *types.Array:
		d.write("[" + strconv.FormatInt(u.Len(), 10) + "]")
		d.typ(u.Elem())
	case *types.Map:
		d.write("map[")
		d.typ(u.Key())
		d.write("]")
		d.typ(u.Elem())
	case *types.Struct:
		d.structType(u)
	case *types.Interface:
		// The content is stored without its dynamic type; the method set
		// is still part of what the variable is.
		d.write("interface{")
		for i := 0; i < u.NumMethods(); i++ {
			if i > 0 {
				d.write("; ")
			}
			m := u.Method(i)
			d.write(m.Id())
			d.signature(m.Type().(*types.Signature))
		}
		d.write("}")
	default:
		// Channels and functions cannot be stored; the job is refused
		// before it gets here. Spelled out all the same.
		d.write(types.TypeString(u, pathQualifier))
	}
}

// signature writes a method's parameter and result types, without their
// names.
func (d *layoutDescriber) signature(sig *types.Signature) {
	tuple := func(t *types.Tuple, variadic bool) {
		d.write("(")
		for i := 0; i < t.Len(); i++ {
			if i > 0 {
				d.write(", ")
			}
			if variadic && i == t.Len()-1 {
				d.write("...")
			}
			d.write(types.TypeString(t.At(i).Type(), pathQualifier))
		}
		d.write(")")
	}
	tuple(sig.Params(), sig.Variadic())
	tuple(sig.Results(), false)
}

// structType writes the fields the codec stores, in declaration order, each
// with its name, whether it is embedded, its effective tag and its type.
// Fields the codec leaves out (unexported ones, those tagged "-") do not
// change the stored bytes and are left out too.
func (d *layoutDescriber) structType(s *types.Struct) {
	d.write("struct{")
	first := true
	for i := 0; i < s.NumFields(); i++ {
		f := s.Field(i)
		tag := codecTag(s.Tag(i))
		if !isStoredStructField(f, tag) {
			continue
		}
		if !first {
			d.write("; ")
		}
		first = false
		if f.Embedded() {
			d.write("embedded ")
		}
		d.write(strconv.Quote(f.Name()))
		if tag != "" {
			d.write(" tag " + strconv.Quote(tag))
		}
		d.write(" ")
		d.typ(f.Type())
	}
	d.write("}")
}

// codecTag is the struct tag the codec reads: `cbor`, else `json`.
func codecTag(tag string) string {
	st := reflect.StructTag(tag)
	if t := st.Get("cbor"); t != "" {
		return t
	}
	return st.Get("json")
}

// isStoredStructField mirrors the runtime's rule: exported fields and
// embedded structs, less those tagged "-".
func isStoredStructField(f *types.Var, tag string) bool {
	if tag == "-" {
		return false
	}
	if f.Exported() {
		return true
	}
	if !f.Embedded() {
		return false
	}
	t := types.Unalias(f.Type())
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	_, isStruct := t.Underlying().(*types.Struct)
	return isStruct
}

// leafEncoding names how the codec stores t when it is not by t's structure:
// time.Time and big.Int by a rule of their own, a type with a MarshalCBOR or
// MarshalBinary method by that method. It returns "" otherwise, as the
// runtime does for pointers and interfaces.
func leafEncoding(t types.Type) string {
	if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil {
		switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
		case "time.Time":
			return "time"
		case "math/big.Int":
			return "big.Int"
		}
	}
	switch t.Underlying().(type) {
	case *types.Pointer, *types.Interface:
		return ""
	}
	p := types.NewPointer(t)
	switch {
	case types.Implements(p, marshalerIface("MarshalCBOR")):
		return "MarshalCBOR"
	case types.Implements(p, marshalerIface("MarshalBinary")):
		return "MarshalBinary"
	}
	return ""
}

// marshalerIface is interface{ <name>() ([]byte, error) }.
func marshalerIface(name string) *types.Interface {
	results := types.NewTuple(
		types.NewVar(0, nil, "", types.NewSlice(types.Typ[types.Byte])),
		types.NewVar(0, nil, "", types.Universe.Lookup("error").Type()),
	)
	sig := types.NewSignatureType(nil, nil, nil, nil, results, false)
	return types.NewInterfaceType([]*types.Func{types.NewFunc(0, nil, name, sig)}, nil).Complete()
}

// qualifiedName is a named type by import path, name and type arguments.
func qualifiedName(n *types.Named) string {
	name := n.Obj().Name()
	if pkg := n.Obj().Pkg(); pkg != nil {
		name = pkg.Path() + "." + name
	}
	if args := n.TypeArgs(); args != nil && args.Len() > 0 {
		parts := make([]string, args.Len())
		for i := range parts {
			parts[i] = types.TypeString(args.At(i), pathQualifier)
		}
		name += "[" + strings.Join(parts, ", ") + "]"
	}
	return name
}

func pathQualifier(p *types.Package) string { return p.Path() }

// basicName is a basic type's canonical name: byte is uint8, rune int32.
func basicName(b *types.Basic) string {
	if b.Kind() == types.UnsafePointer {
		return "unsafe.Pointer"
	}
	if int(b.Kind()) < len(types.Typ) && types.Typ[b.Kind()] != nil {
		return types.Typ[b.Kind()].Name()
	}
	return fmt.Sprintf("basic(%d)", b.Kind())
}

// nestedLayoutText describes how the machine of a nested job stores its
// states: the job's name, then the layout of each of its awaits, which is
// where a saved nested machine always is (it is never saved at its start, and
// never once it has returned). A change to any of them changes the layout of
// every state of the caller that holds the nested machine.
func nestedLayoutText(l *lowerer, v *hvar) string {
	var b strings.Builder
	callee := v.nest
	b.WriteString("machine of job " + strconv.Quote(v.nestName()))
	cl := l.j.graph.lowered[callee]
	if cl == nil {
		// Not analyzed: the package has diagnostics and gets no files.
		return b.String()
	}
	for _, site := range cl.awaits {
		layout := layoutOf(site.layoutID, site.typ, stateLayoutVars(cl, storedOrder(cl, site.saved)))
		if v.nestIn != nil {
			layout = instanceLayout(layout, v.nestIn)
		}
		fmt.Fprintf(&b, " state %d %s", site.state, layout)
	}
	return b.String()
}
