package fsm

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
)

// sharing detects memory shared between the variables saved in one state.
// Values are encoded one by one, so two variables that share memory (a pointer
// and its target, two slices of one array, the same map) would come back apart
// after a round trip: the job would go on silently wrong. A checkpoint that
// would split them fails instead. The same holds inside one value (two pointers
// to one node), and a cyclic value could not be encoded at all.
//
// The walk follows what the encoder follows: pointers, the elements of slices
// and arrays, the keys and values of maps, the stored fields of structs, the
// dynamic values of interfaces. Every pointer, slice and map it meets is noted as
// a range of memory: [p, p+size of *p) for a pointer, [data, data+cap*elem size)
// for a slice, the map's identity for a map. Two ranges that overlap are shared
// memory. Strings are immutable and never count; nil pointers and maps and
// zero-capacity slices reach nothing. Types that cannot hold a reference ([]int's
// elements, a struct of numbers) are not walked at all.
//
// A sharing belongs to one StateWriter: the same variable saved by the next
// writer starts afresh.
type sharing struct {
	names  []string   // variables added so far; owner indexes into it
	ranges []memRange // memory of the variables added so far: sorted by start, disjoint

	// Scratch of the variable being walked.
	owner int32
	cur   []memRange
	path  map[uintptr]bool // start addresses walked into: true while on the current path
}

type refKind uint8

const (
	refPointer refKind = iota
	refSlice
	refMap
)

type memRange struct {
	start, end uintptr
	owner      int32
	kind       refKind
}

// maxWalkDepth bounds the recursion of the walk, which counts pointers and
// interfaces as well as the levels the encoder nests. A value deeper than this
// is far beyond maxValueNesting and could not be stored anyway; stopping here
// keeps the walk and the encoder after it from exhausting the stack.
const maxWalkDepth = 16 * maxValueNesting

// SharingError reports that saved values share memory, or that a value is
// cyclic, so that storing them would split what is shared. A checkpoint with
// shared memory fails with a *SharingError rather than resume wrong.
type SharingError struct {
	// A and B name the variables that share memory, in the order they were
	// saved. They are equal when one variable reaches the same memory twice
	// (or itself, when Cycle is set), and empty for a value given to Marshal.
	A, B string
	// How says what is shared, e.g. "two slices of one array".
	How string
	// Cycle is set when a value reaches itself.
	Cycle bool
	// Type is the Go type of the value the problem was found in.
	Type reflect.Type
}

// Error says which variables share memory and how, and that the checkpoint was
// refused because of it.
func (e *SharingError) Error() string {
	switch {
	case e.Cycle && e.A == "":
		return fmt.Sprintf("fsm: a %v is cyclic (%s); fsmgen cannot checkpoint cyclic data yet", e.Type, e.How)
	case e.Cycle:
		return fmt.Sprintf("fsm: variable %s is cyclic (%s); fsmgen cannot checkpoint cyclic data yet", e.A, e.How)
	case e.A == "":
		return fmt.Sprintf("fsm: a %v shares memory with itself (%s); fsmgen cannot checkpoint shared memory yet", e.Type, e.How)
	case e.A == e.B:
		return fmt.Sprintf("fsm: variable %s shares memory with itself (%s); fsmgen cannot checkpoint shared memory yet", e.A, e.How)
	}
	return fmt.Sprintf("fsm: variables %s and %s share memory (%s); fsmgen cannot checkpoint shared memory yet", e.A, e.B, e.How)
}

// checkShared is Marshal's check of one value: no cycle, no memory reached twice.
func checkShared(v any) error {
	if v == nil || !infoOf(reflect.TypeOf(v)).refs {
		return nil
	}
	var s sharing
	return s.add("", v)
}

// add walks v, the value of variable name, and fails when it shares memory with
// itself or with a variable added before.
func (s *sharing) add(name string, v any) error {
	s.names = append(s.names, name)
	if v == nil {
		return nil
	}
	rv := reflect.ValueOf(v)
	ti := infoOf(rv.Type())
	if !ti.refs {
		return nil
	}
	s.owner = int32(len(s.names) - 1)
	s.cur = s.cur[:0]
	clear(s.path)
	err := s.walk(rv, ti, 0)
	if err == nil {
		err = s.merge()
	}
	if se, ok := err.(*SharingError); ok {
		se.Type = rv.Type()
	}
	return err
}

// walk notes the memory v reaches. ti is infoOf(v.Type()).
func (s *sharing) walk(v reflect.Value, ti *typeInfo, depth int) error {
	if depth > maxWalkDepth {
		return fmt.Errorf("fsm: %s nests more than %d levels deep, too deep to store (stored values nest at most %d levels)", s.what(), maxWalkDepth, maxValueNesting)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		et := v.Type().Elem()
		size := et.Size()
		if size == 0 {
			return nil
		}
		p := v.Pointer()
		s.cur = append(s.cur, memRange{start: p, end: p + size, owner: s.owner, kind: refPointer})
		eti := ti.elemInfo(v.Type())
		if !eti.refs {
			return nil
		}
		if err := s.enter(p, "a pointer leads back to a value that holds it"); err != nil {
			return err
		}
		err := s.walk(v.Elem(), eti, depth+1)
		s.path[p] = false
		return err

	case reflect.Slice:
		if v.Cap() == 0 {
			return nil
		}
		et := v.Type().Elem()
		size := et.Size()
		if size == 0 {
			return nil
		}
		p := v.Pointer()
		s.cur = append(s.cur, memRange{start: p, end: p + uintptr(v.Cap())*size, owner: s.owner, kind: refSlice})
		eti := ti.elemInfo(v.Type())
		if ti.leaf || !eti.refs {
			return nil
		}
		if err := s.enter(p, "a slice holds itself"); err != nil {
			return err
		}
		if et.Kind() == reflect.Pointer {
			s.cur = slices.Grow(s.cur, v.Len())
		}
		for i := range v.Len() {
			if err := s.walk(v.Index(i), eti, depth+1); err != nil {
				return err
			}
		}
		s.path[p] = false
		return nil

	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		p := v.Pointer()
		s.cur = append(s.cur, memRange{start: p, end: p + 1, owner: s.owner, kind: refMap})
		kti, eti := ti.keyInfo(v.Type()), ti.elemInfo(v.Type())
		if ti.leaf || (!kti.refs && !eti.refs) {
			return nil
		}
		if err := s.enter(p, "a map holds itself"); err != nil {
			return err
		}
		for it := v.MapRange(); it.Next(); {
			if kti.refs {
				if err := s.walk(it.Key(), kti, depth+1); err != nil {
					return err
				}
			}
			if eti.refs {
				if err := s.walk(it.Value(), eti, depth+1); err != nil {
					return err
				}
			}
		}
		s.path[p] = false
		return nil

	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		e := v.Elem()
		eti := infoOf(e.Type())
		if !eti.refs {
			return nil
		}
		return s.walk(e, eti, depth+1)

	case reflect.Struct:
		for _, f := range ti.walk {
			if err := s.walk(v.Field(f.index), f.info, depth+1); err != nil {
				return err
			}
		}
		return nil

	case reflect.Array:
		if ti.leaf {
			return nil
		}
		eti := ti.elemInfo(v.Type())
		if !eti.refs {
			return nil
		}
		for i := range v.Len() {
			if err := s.walk(v.Index(i), eti, depth+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// enter marks the memory at p as walked into. Meeting it again on the current
// path is a cycle; meeting it again elsewhere is memory reached twice. Either
// way the walk stops there, so it ends on every value.
func (s *sharing) enter(p uintptr, cycle string) error {
	if s.path == nil {
		s.path = map[uintptr]bool{}
	}
	onPath, seen := s.path[p]
	switch {
	case onPath:
		name := s.names[s.owner]
		return &SharingError{A: name, B: name, How: cycle, Cycle: true}
	case seen:
		name := s.names[s.owner]
		return &SharingError{A: name, B: name, How: "it reaches one value by two paths"}
	}
	s.path[p] = true
	return nil
}

// merge checks the ranges of the variable just walked against each other and
// against those of earlier variables, and adds them to the latter.
func (s *sharing) merge() error {
	if len(s.cur) == 0 {
		return nil
	}
	slices.SortFunc(s.cur, func(a, b memRange) int { return cmp.Compare(a.start, b.start) })
	if len(s.ranges) == 0 {
		// The first variable with references: check it against itself and
		// keep its ranges as they are. Sorted by start, ranges are disjoint
		// when no two neighbours overlap.
		for i := 1; i < len(s.cur); i++ {
			if s.cur[i].start < s.cur[i-1].end {
				return s.overlap(s.cur[i-1], s.cur[i])
			}
		}
		s.ranges, s.cur = s.cur, nil
		return nil
	}
	merged := make([]memRange, 0, len(s.ranges)+len(s.cur))
	var last memRange // the range with the greatest end so far
	i, j := 0, 0
	for i < len(s.ranges) || j < len(s.cur) {
		var r memRange
		if j == len(s.cur) || (i < len(s.ranges) && s.ranges[i].start <= s.cur[j].start) {
			r = s.ranges[i]
			i++
		} else {
			r = s.cur[j]
			j++
		}
		if len(merged) > 0 && r.start < last.end {
			return s.overlap(last, r)
		}
		merged = append(merged, r)
		if r.end > last.end || len(merged) == 1 {
			last = r
		}
	}
	s.ranges = merged
	return nil
}

func (s *sharing) overlap(a, b memRange) error {
	if a.owner > b.owner {
		a, b = b, a
	}
	return &SharingError{A: s.names[a.owner], B: s.names[b.owner], How: describeOverlap(a, b)}
}

func describeOverlap(a, b memRange) string {
	if a.kind > b.kind {
		a, b = b, a
	}
	switch {
	case a.kind == refMap || b.kind == refMap:
		return "one map"
	case a.kind == refSlice && b.kind == refSlice:
		return "two slices of one array"
	case a.kind == refPointer && b.kind == refSlice:
		return "a pointer into the array of a slice"
	case a.start == b.start && a.end == b.end:
		return "two pointers to one value"
	}
	return "a pointer into a value another pointer points to"
}

// what names the value being walked in an error.
func (s *sharing) what() string {
	if name := s.names[s.owner]; name != "" {
		return "variable " + name
	}
	return "the value"
}
