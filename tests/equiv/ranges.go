package equiv

import (
	"fmt"
	"slices"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// range over slices, arrays, strings, integers and maps with awaits in the body.
// Awaits inside map ranges take arguments that do not depend on the order of
// iteration.

//fsmgen:job
func RangeSlice(ctx fsm.Context, xs []int) (int, error) {
	sum := 0
	for i, x := range xs {
		y := v(fsm.Await(ctx, Echo.Call(x*10)))
		sum += y + i
	}
	return sum, nil
}

//fsmgen:job
func RangeSliceIndexOnly(ctx fsm.Context, xs []string) (string, error) {
	out := ""
	for i := range xs {
		out += fmt.Sprint(v(fsm.Await(ctx, Echo.Call(i)))) + xs[i]
	}
	return out, nil
}

//fsmgen:job
func RangeSliceBlank(ctx fsm.Context, xs []string) (string, error) {
	out := ""
	for _, x := range xs {
		out += v(fsm.Await(ctx, Str.Call(x)))
	}
	return out, nil
}

//fsmgen:job
func RangeNoVars(ctx fsm.Context, xs []int) (int, error) {
	count := 0
	for range xs {
		count += v(fsm.Await(ctx, Echo.Call(1)))
	}
	return count, nil
}

// RangeSliceModify changes later elements during the range; the range sees the
// changes.
//
//fsmgen:job
func RangeSliceModify(ctx fsm.Context) ([]int, []int, error) {
	xs := []int{1, 2, 3, 4}
	var out []int
	for i, x := range xs {
		fsm.Await(ctx, Echo.Call(x))
		if i+1 < len(xs) {
			xs[i+1] += x
		}
		out = append(out, x)
	}
	return out, xs, nil
}

// RangeSliceModifyCurrent doubles each element in place.
//
//fsmgen:job
func RangeSliceModifyCurrent(ctx fsm.Context, xs []int) ([]int, error) {
	for i, x := range xs {
		xs[i] = x * v(fsm.Await(ctx, Echo.Call(2)))
	}
	return xs, nil
}

// RangeReassign reassigns the ranged slice in the body: the range goes on over
// the original.
//
//fsmgen:job
func RangeReassign(ctx fsm.Context) (int, []int, error) {
	xs := []int{1, 2, 3}
	sum := 0
	for _, x := range xs {
		fsm.Await(ctx, Echo.Call(x))
		xs = append(xs, x*10)
		sum += x
	}
	return sum, xs, nil
}

//fsmgen:job
func RangeReassignNil(ctx fsm.Context) (int, int, error) {
	xs := []int{1, 2, 3}
	count := 0
	for i := range xs {
		count += v(fsm.Await(ctx, Echo.Call(i)))
		xs = nil
	}
	return count, len(xs), nil
}

// RangeLoopVarReassigned changes the iteration variables in the body.
//
//fsmgen:job
func RangeLoopVarReassigned(ctx fsm.Context, xs []int) ([]int, error) {
	var out []int
	for i, x := range xs {
		x *= v(fsm.Await(ctx, Echo.Call(10)))
		i += 100
		out = append(out, i+x)
	}
	return out, nil
}

// RangeArray ranges over a copy of the array: a change in the body does not
// show in the iteration values.
//
//fsmgen:job
func RangeArray(ctx fsm.Context) (int, [4]int, error) {
	arr := [4]int{1, 2, 3, 4}
	sum := 0
	for i, x := range arr {
		fsm.Await(ctx, Echo.Call(i))
		if i == 0 {
			arr[3] = 100
		}
		sum += x
	}
	return sum, arr, nil
}

// RangeArrayIndexOnly reads the live array by index, so it sees the change.
//
//fsmgen:job
func RangeArrayIndexOnly(ctx fsm.Context) (int, error) {
	arr := [4]int{1, 2, 3, 4}
	sum := 0
	for i := range arr {
		fsm.Await(ctx, Echo.Call(i))
		if i == 0 {
			arr[3] = 100
		}
		sum += arr[i]
	}
	return sum, nil
}

// RangeString reports byte offsets and runes, with multibyte and invalid UTF-8.
//
//fsmgen:job
func RangeString(ctx fsm.Context, s string) (string, error) {
	out := ""
	for i, r := range s {
		y := v(fsm.Await(ctx, Echo.Call(int(r))))
		out += fmt.Sprintf("%d:%U;", i, y)
	}
	return out, nil
}

//fsmgen:job
func RangeStringIndexOnly(ctx fsm.Context, s string) ([]int, error) {
	var out []int
	for i := range s {
		out = append(out, v(fsm.Await(ctx, Echo.Call(i))))
	}
	return out, nil
}

// RangeStringReassign reassigns the ranged string in the body.
//
//fsmgen:job
func RangeStringReassign(ctx fsm.Context) (string, string, error) {
	s := "héj"
	out := ""
	for _, r := range s {
		out += v(fsm.Await(ctx, Str.Call(string(r))))
		s = "x"
	}
	return out, s, nil
}

//fsmgen:job
func RangeInt(ctx fsm.Context) (int, error) {
	sum := 0
	for i := range 5 {
		sum += v(fsm.Await(ctx, Echo.Call(i)))
	}
	return sum, nil
}

// RangeIntN evaluates n once: changing it in the body does not change the count.
//
//fsmgen:job
func RangeIntN(ctx fsm.Context, n int) (int, int, error) {
	count := 0
	for i := range n {
		count += v(fsm.Await(ctx, Echo.Call(i))) - i + 1
		n = 0
	}
	return count, n, nil
}

//fsmgen:job
func RangeIntTyped(ctx fsm.Context) (int64, error) {
	var k int64 = 3
	var sum int64
	for i := range k {
		sum += i * v(fsm.Await(ctx, EchoI64.Call(10)))
	}
	for i := range uint8(2) {
		sum += int64(i) * 1000
		fsm.Await(ctx, Echo.Call(int(i)))
	}
	return sum, nil
}

//fsmgen:job
func RangeIntNoVar(ctx fsm.Context) (int, error) {
	count := 0
	for range 3 {
		count += v(fsm.Await(ctx, Echo.Call(2)))
	}
	return count, nil
}

// RangeMapSum sums keys lengths and values: independent of order.
//
//fsmgen:job
func RangeMapSum(ctx fsm.Context, m map[string]int) (int, int, error) {
	sum, keys := 0, 0
	for k, val := range m {
		x := v(fsm.Await(ctx, Echo.Call(1)))
		sum += val * x
		keys += len(k)
	}
	return sum, keys, nil
}

//fsmgen:job
func RangeMapKeysOnly(ctx fsm.Context) (int, error) {
	m := map[int]bool{1: true, 20: true, 300: false}
	sum := 0
	for k := range m {
		fsm.Await(ctx, Echo.Call(0))
		sum += k
	}
	return sum, nil
}

// RangeMapDeleteAll deletes every entry on the first iteration, after the
// await: no other entry may be produced.
//
//fsmgen:job
func RangeMapDeleteAll(ctx fsm.Context) (int, int, error) {
	m := map[int]int{1: 1, 2: 2, 3: 3, 4: 4}
	iters := 0
	for range m {
		iters++
		fsm.Await(ctx, Echo.Call(1))
		for k2 := range m {
			delete(m, k2)
		}
	}
	return iters, len(m), nil
}

// RangeMapDeleteAllFirst deletes before the await of the first iteration.
//
//fsmgen:job
func RangeMapDeleteAllFirst(ctx fsm.Context) (int, error) {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	iters := 0
	for k := range m {
		clear(m)
		iters += v(fsm.Await(ctx, Echo.Call(len(k))))
	}
	return iters, nil
}

// RangeMapDeleteOthers keeps only the first entry reached.
//
//fsmgen:job
func RangeMapDeleteOthers(ctx fsm.Context) (int, int, error) {
	m := map[int]int{1: 10, 2: 10, 3: 10, 4: 10, 5: 10}
	iters, sum := 0, 0
	for k, val := range m {
		iters++
		sum += val + v(fsm.Await(ctx, Echo.Call(0)))
		for k2 := range m {
			if k2 != k {
				delete(m, k2)
			}
		}
	}
	return iters, sum*10 + len(m), nil
}

// RangeMapDeleteCurrent deletes the current entry: every entry is produced.
//
//fsmgen:job
func RangeMapDeleteCurrent(ctx fsm.Context) (int, int, error) {
	m := map[string]int{"a": 1, "b": 2, "c": 3, "d": 4}
	sum := 0
	for k, val := range m {
		fsm.Await(ctx, Echo.Call(7))
		delete(m, k)
		sum += val
	}
	return sum, len(m), nil
}

// RangeMapAdd adds entries during the range. They may or may not be produced;
// they carry 0 and are skipped, so the results do not depend on it.
//
//fsmgen:job
func RangeMapAdd(ctx fsm.Context) (int, int, error) {
	m := map[int]int{1: 5, 2: 6, 3: 7}
	sum := 0
	for k, val := range m {
		if k < 100 {
			x := v(fsm.Await(ctx, Echo.Call(1)))
			m[k+100] = 0
			sum += val * x
		}
	}
	return sum, len(m), nil
}

// RangeMapUpdateOthers changes the values of entries not reached yet: they are
// produced with the new values.
//
//fsmgen:job
func RangeMapUpdateOthers(ctx fsm.Context) (int, error) {
	m := map[int]int{1: 5, 2: 5, 3: 5}
	sum := 0
	for k, val := range m {
		sum += val
		fsm.Await(ctx, Echo.Call(0))
		for k2 := range m {
			if k2 != k {
				m[k2] = 100
			}
		}
	}
	return sum, nil
}

//fsmgen:job
func RangeMapNil(ctx fsm.Context) (int, error) {
	var m map[string]int
	count := 0
	for range m {
		count += v(fsm.Await(ctx, Echo.Call(1)))
	}
	count += v(fsm.Await(ctx, Echo.Call(10)))
	return count, nil
}

// RangeMapSortedAfter collects keys across awaits and sorts them afterwards.
//
//fsmgen:job
func RangeMapSortedAfter(ctx fsm.Context) ([]string, error) {
	m := map[string]string{"x": "1", "y": "2", "z": "3"}
	var out []string
	for k, val := range m {
		got := v(fsm.Await(ctx, Str.Call("-")))
		out = append(out, k+got+val)
	}
	slices.Sort(out)
	return out, nil
}

// RangeMapStructKeys ranges over a map keyed by a struct.
//
//fsmgen:job
func RangeMapStructKeys(ctx fsm.Context) (int, error) {
	m := map[Pair]int{{A: 1, B: 2}: 3, {A: 4, B: 5}: 6}
	sum := 0
	for k, val := range m {
		sum += (k.A+k.B)*val + v(fsm.Await(ctx, Echo.Call(0)))
	}
	return sum, nil
}

// countedSlice and friends count their calls in the trace: a range expression
// is evaluated once.
func countedSlice() []int            { return tr("slice", []int{1, 2, 3}) }
func countedArray() [3]int           { return tr("array", [3]int{4, 5, 6}) }
func countedString() string          { return tr("string", "ab") }
func countedInt() int                { return tr("int", 3) }
func countedMap() map[int]int        { return tr("map", map[int]int{1: 1, 2: 2}) }
func countedBytes() []byte           { return tr("bytes", []byte{7, 8}) }
func countedStrs() []string          { return tr("strs", []string{"p", "q"}) }
func countedPairs() []Pair           { return tr("pairs", []Pair{{A: 1, B: 2}}) }
func countedNil() []int              { return tr("nil", []int(nil)) }
func countedMapStr() map[string]bool { return tr("mapstr", map[string]bool{"t": true}) }

//fsmgen:job
func RangeExprOnce(ctx fsm.Context) (int, string, error) {
	resetTrace()
	sum := 0
	for _, x := range countedSlice() {
		sum += v(fsm.Await(ctx, Echo.Call(x)))
	}
	for _, x := range countedArray() {
		sum += v(fsm.Await(ctx, Echo.Call(x)))
	}
	for _, r := range countedString() {
		sum += v(fsm.Await(ctx, Echo.Call(int(r))))
	}
	for i := range countedInt() {
		sum += v(fsm.Await(ctx, Echo.Call(i)))
	}
	for _, val := range countedMap() {
		sum += val * v(fsm.Await(ctx, Echo.Call(1)))
	}
	return sum, traceStr(), nil
}

//fsmgen:job
func RangeExprOnceMore(ctx fsm.Context) (int, string, error) {
	resetTrace()
	sum := 0
	for i, b := range countedBytes() {
		sum += i + int(b)*v(fsm.Await(ctx, Echo.Call(1)))
	}
	for i := range countedStrs() {
		sum += v(fsm.Await(ctx, Echo.Call(i)))
	}
	for _, p := range countedPairs() {
		sum += v(fsm.Await(ctx, Add.Call(p)))
	}
	for range countedNil() {
		sum += v(fsm.Await(ctx, Echo.Call(1000)))
	}
	for k := range countedMapStr() {
		sum += len(k) * v(fsm.Await(ctx, Echo.Call(100)))
	}
	return sum, traceStr(), nil
}

// RangeStructs ranges over structs: the iteration value is a copy.
//
//fsmgen:job
func RangeStructs(ctx fsm.Context) ([]Pair, int, error) {
	ps := []Pair{{A: 1, B: 2}, {A: 3, B: 4}}
	sum := 0
	for _, p := range ps {
		p.A = v(fsm.Await(ctx, Echo.Call(p.A*100)))
		sum += p.A + p.B
	}
	return ps, sum, nil
}

// RangeNested nests ranges of different kinds.
//
//fsmgen:job
func RangeNested(ctx fsm.Context) ([]string, error) {
	var out []string
	for i, w := range []string{"ab", "c"} {
		for j, r := range w {
			for k := range 2 {
				n := v(fsm.Await(ctx, Echo.Call(i*100+j*10+k)))
				out = append(out, fmt.Sprintf("%c%d", r, n))
			}
		}
	}
	return out, nil
}

// RangeFuncNoAwait ranges over an iterator function with no await in the body;
// awaits stand before and after it.
//
//fsmgen:job
func RangeFuncNoAwait(ctx fsm.Context) (int, error) {
	base := v(fsm.Await(ctx, Echo.Call(10)))
	sum := 0
	for x := range slices.Values([]int{1, 2, 3}) {
		sum += x * base
	}
	sum += v(fsm.Await(ctx, Echo.Call(1)))
	return sum, nil
}

// RangeIntNamed ranges over a value of a named integer type.
//
//fsmgen:job
func RangeIntNamed(ctx fsm.Context) (Count, error) {
	var sum Count
	for i := range Count(3) {
		sum += i * Count(v(fsm.Await(ctx, Echo.Call(10))))
	}
	return sum, nil
}

// RangeMapBreak leaves a map range after the first await.
//
//fsmgen:job
func RangeMapBreak(ctx fsm.Context) (int, error) {
	m := map[string]int{"a": 1, "b": 1, "c": 1}
	iters := 0
	for _, val := range m {
		iters += val * v(fsm.Await(ctx, Echo.Call(1)))
		break
	}
	return iters, nil
}

// RangeMapContinue skips half of the entries after an await.
//
//fsmgen:job
func RangeMapContinue(ctx fsm.Context) (int, error) {
	m := map[int]int{1: 1, 2: 2, 3: 3, 4: 4}
	sum := 0
	for k, val := range m {
		fsm.Await(ctx, Echo.Call(0))
		if k%2 == 0 {
			continue
		}
		sum += val
	}
	return sum, nil
}
