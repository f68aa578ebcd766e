package probe

import (
	"math"
	"sort"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Range loops whose bodies await.

func arr3() [3]int { return tr("arr3", [3]int{7, 8, 9}) }

// RangeArrayCallIndexOnly ranges over an array returned by a call, with only
// the index: the call must still run (len of it is not constant).
//
//fsmgen:job
func RangeArrayCallIndexOnly(ctx fsm.Context) (int, string, error) {
	resetTrace()
	s := 0
	for i := range arr3() {
		s += v(fsm.Await(ctx, Echo.Call(i)))
	}
	return s, traceStr(), nil
}

// IntList has a pointer method that replaces the list.
type IntList []int

func (l *IntList) Replace() { *l = IntList{100, 200, 300, 400} }

// RangeSliceReplacedByPtrMethod ranges over a local slice that a pointer
// method replaces in the body: the loop must go on over the original.
//
//fsmgen:job
func RangeSliceReplacedByPtrMethod(ctx fsm.Context, xs IntList) (int, int, error) {
	s := 0
	for _, x := range xs {
		s += v(fsm.Await(ctx, Echo.Call(x)))
		xs.Replace()
	}
	return s, len(xs), nil
}

// Dict has a pointer method that replaces the map.
type Dict map[string]int

func (d *Dict) Replace() { *d = Dict{"zz": 1000} }

// RangeMapReplacedByPtrMethod ranges over a local map that a pointer method
// replaces in the body.
//
//fsmgen:job
func RangeMapReplacedByPtrMethod(ctx fsm.Context) (int, int, error) {
	d := Dict{"a": 1, "b": 2, "c": 3}
	s := 0
	for _, x := range d {
		fsm.Await(ctx, Echo.Call(0))
		s += x
		d.Replace()
	}
	return s, len(d), nil
}

// RangeMapNaNKey ranges over a map with a NaN key: range produces it.
//
//fsmgen:job
func RangeMapNaNKey(ctx fsm.Context) (int, int, error) {
	m := map[float64]int{math.NaN(): 5, 1: 1}
	n, s := 0, 0
	for _, x := range m {
		fsm.Await(ctx, Echo.Call(0))
		n++
		s += x
	}
	return n, s, nil
}

// RangeSubslice ranges over a subslice of a slice used after the loop.
//
//fsmgen:job
func RangeSubslice(ctx fsm.Context, xs []int) (int, error) {
	s := 0
	for _, x := range xs[1:] {
		s += v(fsm.Await(ctx, Echo.Call(x)))
	}
	return s + xs[0], nil
}

// Bag is a struct with a slice field.
type Bag struct {
	ID    int
	Items []int
}

// RangeFieldThroughPointer ranges over a slice field reached through a
// pointer used after the loop.
//
//fsmgen:job
func RangeFieldThroughPointer(ctx fsm.Context, b *Bag) (int, error) {
	s := 0
	for _, x := range b.Items {
		s += v(fsm.Await(ctx, Echo.Call(x)))
	}
	return s + b.ID, nil
}

// RangeArrayPointer ranges over *array; later elements changed in the body
// are seen.
//
//fsmgen:job
func RangeArrayPointer(ctx fsm.Context) (int, [3]int, error) {
	a := &[3]int{1, 2, 3}
	s := 0
	for i, x := range a {
		s += v(fsm.Await(ctx, Echo.Call(x)))
		if i+1 < len(a) {
			a[i+1] *= 10
		}
	}
	return s, *a, nil
}

// RangeArrayValueCopy ranges over an array variable changed in the body: the
// loop sees the copy.
//
//fsmgen:job
func RangeArrayValueCopy(ctx fsm.Context) (int, [3]int, error) {
	a := [3]int{1, 2, 3}
	s := 0
	for i, x := range a {
		s += v(fsm.Await(ctx, Echo.Call(x)))
		a[2] = 100 + i
	}
	return s, a, nil
}

// RangeStringForms ranges over strings: index only, both, blank, invalid
// UTF-8, with continue and break.
//
//fsmgen:job
func RangeStringForms(ctx fsm.Context, s string) ([]int, []rune, error) {
	var idx []int
	var rs []rune
	for i := range s {
		idx = append(idx, v(fsm.Await(ctx, Echo.Call(i))))
	}
	for _, r := range s {
		if r == 'x' {
			continue
		}
		if r == '!' {
			break
		}
		rs = append(rs, rune(v(fsm.Await(ctx, Echo.Call(int(r))))))
	}
	for range s {
		fsm.Await(ctx, Echo.Call(0))
	}
	return idx, rs, nil
}

// RangeIntForms ranges over integers: no variables, a bound changed in the
// body, a named integer type, a typed key assigned.
//
//fsmgen:job
func RangeIntForms(ctx fsm.Context, n int) (int, int8, error) {
	type small int8
	c := 0
	for range n {
		c += v(fsm.Await(ctx, Echo.Call(1)))
		n += 10
	}
	var k int8
	for k = range int8(3) {
		c += v(fsm.Await(ctx, Echo.Call(int(k))))
	}
	for i := range small(2) {
		c += int(i) * v(fsm.Await(ctx, Echo.Call(100)))
	}
	return c, k, nil
}

// RangeAssignTargets ranges with = into a field, an element and a named
// result-like outer variable.
//
//fsmgen:job
func RangeAssignTargets(ctx fsm.Context) (Point, [2]int, int, error) {
	var p Point
	var a [2]int
	last := -1
	for p.X = range 3 {
		p.Y += v(fsm.Await(ctx, Echo.Call(p.X)))
	}
	for a[0], a[1] = range []int{5, 6} {
		fsm.Await(ctx, Echo.Call(a[1]))
	}
	for last = range "héllo" {
		fsm.Await(ctx, Echo.Call(last))
	}
	return p, a, last, nil
}

func sliceOf(xs ...int) []int { return tr("slice", xs) }

// RangeOnceCall ranges over a call result: the call runs once.
//
//fsmgen:job
func RangeOnceCall(ctx fsm.Context) (int, string, error) {
	resetTrace()
	s := 0
	for _, x := range sliceOf(1, 2, 3) {
		s += v(fsm.Await(ctx, Echo.Call(x)))
	}
	for k := range mapOf() {
		_ = k
		fsm.Await(ctx, Echo.Call(0))
	}
	return s, traceStr(), nil
}

func mapOf() map[int]bool { return tr("map", map[int]bool{1: true, 2: true}) }

// RangeMapDeleteOthers deletes every other entry on the first iteration;
// values are summed so the result does not depend on order.
//
//fsmgen:job
func RangeMapDeleteOthers(ctx fsm.Context) (int, int, error) {
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	n := 0
	first := ""
	for k := range m {
		fsm.Await(ctx, Echo.Call(0))
		if first == "" {
			first = k
			for k2 := range m {
				if k2 != k {
					delete(m, k2)
				}
			}
		}
		n++
	}
	return n, len(m), nil
}

// RangeNestedMapInSlice nests a map range inside a slice range.
//
//fsmgen:job
func RangeNestedMapInSlice(ctx fsm.Context) ([]string, error) {
	var keys []string
	for _, m := range []map[string]int{{"x": 1, "y": 2}, {}, nil, {"z": 3}} {
		for k, x := range m {
			fsm.Await(ctx, Echo.Call(0))
			keys = append(keys, k+string(rune('0'+x)))
		}
	}
	sort.Strings(keys)
	return keys, nil
}

// RangeSliceOfArrays ranges over a slice of arrays and changes the copy.
//
//fsmgen:job
func RangeSliceOfArrays(ctx fsm.Context) (int, [][2]int, error) {
	xs := [][2]int{{1, 2}, {3, 4}}
	s := 0
	for _, a := range xs {
		a[0] = v(fsm.Await(ctx, Echo.Call(a[0]*10)))
		s += a[0] + a[1]
	}
	return s, xs, nil
}

// RangeKeyAfterLoop keeps the last index assigned by a range with =.
//
//fsmgen:job
func RangeKeyAfterLoop(ctx fsm.Context, xs []string) (int, string, error) {
	i, x := -1, ""
	for i, x = range xs {
		if v(fsm.Await(ctx, Str.Call(x))) == "stop" {
			break
		}
	}
	return i, x, nil
}

// RangeSliceAppendElsewhere appends to another slice while ranging; the
// ranged slice's later elements are changed through an alias-free write.
//
//fsmgen:job
func RangeSliceModifyLater(ctx fsm.Context) ([]int, int, error) {
	xs := []int{1, 2, 3, 4}
	s := 0
	for i, x := range xs {
		s += v(fsm.Await(ctx, Echo.Call(x)))
		if i+1 < len(xs) {
			xs[i+1] += 100
		}
	}
	return xs, s, nil
}

// RangeNested2D ranges over the rows of a [][]int parameter, and over each
// row.
//
//fsmgen:job
func RangeNested2D(ctx fsm.Context, rows [][]int) (int, error) {
	s := 0
	for _, row := range rows {
		for _, x := range row {
			s += v(fsm.Await(ctx, Echo.Call(x)))
		}
	}
	return s, nil
}

// RangeStructsWithSlices ranges over structs with slice fields, awaiting per
// item of each.
//
//fsmgen:job
func RangeStructsWithSlices(ctx fsm.Context, bags []Bag) (int, error) {
	s := 0
	for _, b := range bags {
		for _, x := range b.Items {
			s += v(fsm.Await(ctx, Echo.Call(x)))
		}
		s += b.ID
	}
	return s, nil
}

// RangeRowAwaitOnly holds a row of a [][]int across an await, without
// ranging over it.
//
//fsmgen:job
func RangeRowAwaitOnly(ctx fsm.Context, rows [][]int) (int, error) {
	s := 0
	for _, row := range rows {
		fsm.Await(ctx, Echo.Call(len(row)))
		s += row[0]
	}
	return s, nil
}

// RangeStructCopyModified changes its copy of each struct (which has a slice
// field) before awaiting.
//
//fsmgen:job
func RangeStructCopyModified(ctx fsm.Context, bags []Bag) (int, []Bag, error) {
	s := 0
	for _, b := range bags {
		b.ID *= 10
		for _, x := range b.Items {
			s += v(fsm.Await(ctx, Echo.Call(x+b.ID)))
		}
	}
	return s, bags, nil
}

// RangeRowAppended appends to the row variable of a nested range, then
// awaits.
//
//fsmgen:job
func RangeRowAppended(ctx fsm.Context, rows [][]int) (int, [][]int, error) {
	s := 0
	for _, row := range rows {
		row = append(row, 100)
		s += v(fsm.Await(ctx, Echo.Call(len(row))))
		s += row[len(row)-1]
	}
	return s, rows, nil
}

// RangeElementSliced reslices the element of a nested range before awaiting.
//
//fsmgen:job
func RangeElementSliced(ctx fsm.Context, rows [][]int) (int, error) {
	s := 0
	for _, row := range rows {
		row = row[1:]
		s += v(fsm.Await(ctx, Echo.Call(row[0])))
	}
	return s, nil
}

// RangeMapOfSlicesValue ranges over a map of slices, awaiting per value.
//
//fsmgen:job
func RangeMapOfSlicesValue(ctx fsm.Context) (int, error) {
	m := map[string][]int{"a": {1, 2}, "b": {3}}
	s := 0
	for _, xs := range m {
		fsm.Await(ctx, Echo.Call(0))
		for _, x := range xs {
			s += x
		}
	}
	return s, nil
}

// RangeOuterSliceKept keeps an element of a [][]int in a variable declared
// outside the loop across awaits.
//
//fsmgen:job
func RangeOuterSliceKept(ctx fsm.Context, rows [][]int) (int, error) {
	first := rows[0]
	s := 0
	for i := range rows {
		s += v(fsm.Await(ctx, Echo.Call(rows[i][0])))
	}
	return s + first[0], nil
}

// RangeRowAppendedWrite appends to the row variable within its capacity,
// awaits, then writes through it: the write shows in rows, which shares the
// array.
//
//fsmgen:job
func RangeRowAppendedWrite(ctx fsm.Context, rows [][]int) ([][]int, error) {
	for _, row := range rows {
		row = append(row, 100)
		fsm.Await(ctx, Echo.Call(len(row)))
		row[0] = 7
	}
	return rows, nil
}

// SliceAppendWithinCap appends to a slice within its capacity, keeping both
// the old and the new header across an await, then writes through one.
//
//fsmgen:job
func SliceAppendWithinCap(ctx fsm.Context) ([]int, []int, error) {
	a := make([]int, 1, 4)
	b := append(a, 5)
	fsm.Await(ctx, Echo.Call(0))
	b[0] = 9
	return a, b, nil
}

// SliceAppendElementWithinCap is RangeRowAppendedWrite without the range.
//
//fsmgen:job
func SliceAppendElementWithinCap(ctx fsm.Context) ([][]int, error) {
	rows := [][]int{make([]int, 1, 4)}
	row := append(rows[0], 100)
	fsm.Await(ctx, Echo.Call(len(row)))
	row[0] = 7
	return rows, nil
}

// RangeRowAppendedWriteLocal is RangeRowAppendedWrite with rows made by the
// job itself.
//
//fsmgen:job
func RangeRowAppendedWriteLocal(ctx fsm.Context) ([][]int, error) {
	rows := [][]int{make([]int, 1, 4), {5}}
	for _, row := range rows {
		row = append(row, 100)
		fsm.Await(ctx, Echo.Call(len(row)))
		row[0] = 7
	}
	return rows, nil
}
