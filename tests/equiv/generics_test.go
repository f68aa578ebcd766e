package equiv

import (
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Each generic job is checked with more than one instantiation: each is a
// machine of its own, registered under a name of its own.
var genericCases = []jobCase{
	{name: "GenCollect/int", job: GenCollect[int], args: in([]int{4, 5}), want: out([]int{4, 5, 0}, nil), awaits: 2},
	{name: "GenCollect/string", job: GenCollect[string], args: in([]string{"a"}), want: out([]string{"a", ""}, nil), awaits: 1},
	{name: "GenCollect/Pair", job: GenCollect[Pair], args: in([]Pair{{1, 2}}), want: out([]Pair{{1, 2}, {}}, nil), awaits: 1},
	{name: "GenCollect/pointer", job: GenCollect[*Pair], args: in([]*Pair{nil}), want: out([]*Pair{nil, nil}, nil), awaits: 1},
	{name: "GenCollect/empty", job: GenCollect[int], args: in([]int(nil)), want: out([]int{0}, nil), awaits: 0},
	{name: "GenSum/int", job: GenSum[int], args: in([]int{1, 2, 3}), want: out(14, nil), awaits: 3},
	{name: "GenSum/float64", job: GenSum[float64], args: in([]float64{0.5, 0.25}), want: out(1.0, nil), awaits: 2},
	{name: "GenSum/named", job: GenSum[Celsius], args: in([]Celsius{10, 20}), want: out(Celsius(50), nil), awaits: 2},
	{name: "GenIndex", job: GenIndex[string, Pair], args: in([]string{"a", "b", "c"}, Pair{1, 2}), want: out(map[string]Pair{"a": {1, 2}}, nil), awaits: 3},
	{name: "GenIndex/ints", job: GenIndex[int, []string], args: in([]int{7}, []string{"x"}), want: out(map[int][]string{7: {"x"}}, nil), awaits: 1},
	{name: "GenShow", job: GenShow[Tag], args: in(Tag{"t"}), want: out("<t> <t> true", nil), awaits: 1},
	{name: "GenPlain", job: GenPlain[[]int], args: in([]int{1}), want: out([]int{1}, nil), awaits: 0},
	{name: "GenDefer", job: GenDefer[string], args: in("x", "y"), want: out("y", nil), awaits: 1},
	{name: "GenClosure", job: GenClosure[Pair], args: in(Pair{3, 4}, 2), want: out([]Pair{{3, 4}, {3, 4}}, nil), awaits: 2},
	{name: "GenCell/string", job: GenCell[string], args: in("v"), want: out(Cell[string]{Value: "v", Count: 3}, nil), awaits: 3},
	{name: "GenCell/map", job: GenCell[map[string]int], args: in(map[string]int{"k": 1}), want: out(Cell[map[string]int]{Value: map[string]int{"k": 1}, Count: 3}, nil), awaits: 3},
	{name: "GenSwitch/int", job: GenSwitch[int], args: in(41), want: out("int 42", nil), awaits: 1},
	{name: "GenSwitch/string", job: GenSwitch[string], args: in("s"), want: out("string S", nil), awaits: 1},
	{name: "GenSwitch/other", job: GenSwitch[Pair], args: in(Pair{}), want: out("equiv.Pair", nil), awaits: 1},
	{name: "GenRunes", job: GenRunes[Label], args: in(Label("hé")), want: out([]string{"h", "é"}, nil), awaits: 2},
	{name: "GenReverse", job: GenReverse[Ints], args: in(Ints{1, 2, 3}), want: out(Ints{3, 2, 1}, nil), awaits: 3},
	{name: "GenReverse/strings", job: GenReverse[[]string], args: in([]string{"a", "b"}), want: out([]string{"b", "a"}, nil), awaits: 2},
	{name: "GenCountMap", job: GenCountMap[map[string]int, string, int], args: in(map[string]int{"a": 1, "b": 2}), want: out(3, nil), awaits: 2},
	{name: "GenUpTo", job: GenUpTo[int32], args: in(int32(4)), want: out(int32(6), nil), awaits: 4},
	{name: "GenKeys", job: GenKeys[int64, bool], args: in(map[int64]bool{3: true, 1: false}), want: out([]int64{2, 6}, nil), awaits: 4},
	{name: "GenGetter", job: GenGetter[string], args: in("g"), want: out("g", nil), awaits: 1},
	{name: "GenGetter/struct", job: GenGetter[Pair], args: in(Pair{1, 2}), want: out(Pair{1, 2}, nil), awaits: 1},
	{name: "Stack.Drain/int", job: Stack[int].Drain, args: in(Stack[int]{Items: []int{1, 2, 3}}, 2), want: out([]int{3, 2}, nil), awaits: 2},
	{name: "Stack.Drain/string", job: Stack[string].Drain, args: in(Stack[string]{Items: []string{"a"}}, 5), want: out([]string{"a"}, nil), awaits: 1},
	{name: "Stack.Size", job: Stack[Pair].Size, args: in(Stack[Pair]{Items: []Pair{{}}}), want: out(1, nil), awaits: 0},
	{name: "Entry.With", job: Entry[string, []int].With, args: in(Entry[string, []int]{Key: "k"}, []int{7}), want: out(Entry[string, []int]{Key: "k", Val: []int{7}}, nil), awaits: 1},
	{name: "ComposeStack", job: ComposeStack, args: in([]Label{"a", "b", "c"}), want: out("[c b] 3", nil), awaits: 2},
	{name: "ComposeGeneric", job: ComposeGeneric, args: in([]int{1, 2}), want: out("[1 2 0] 5.5 [a b ]", nil), awaits: 6},
}

// TestGenericNames: each instantiation is registered under the job's name
// with its type arguments, spelled with their packages' paths.
func TestGenericNames(t *testing.T) {
	for _, c := range []struct {
		job  any
		want string
	}{
		{GenCollect[int], "github.com/fsmgen/fsmgen/tests/equiv.GenCollect[int]"},
		{GenCollect[*Pair], "github.com/fsmgen/fsmgen/tests/equiv.GenCollect[*github.com/fsmgen/fsmgen/tests/equiv.Pair]"},
		{GenIndex[string, Pair], "github.com/fsmgen/fsmgen/tests/equiv.GenIndex[string,github.com/fsmgen/fsmgen/tests/equiv.Pair]"},
		{GenCell[map[string]int], "github.com/fsmgen/fsmgen/tests/equiv.GenCell[map[string]int]"},
		{GenCollect[string], "github.com/fsmgen/fsmgen/tests/equiv.GenCollect[string]"},
		{GenSum[Celsius], "github.com/fsmgen/fsmgen/tests/equiv.GenSum[github.com/fsmgen/fsmgen/tests/equiv.Celsius]"},
	} {
		info, ok := fsm.LookupJob(c.job)
		if !ok {
			t.Errorf("%s: not registered", c.want)
			continue
		}
		if info.Name != c.want {
			t.Errorf("registered as %s, want %s", info.Name, c.want)
		}
	}
	// Instantiations differ in layout where their type arguments are
	// stored differently.
	a, _ := fsm.LookupJob(GenCollect[int])
	b, _ := fsm.LookupJob(GenCollect[string])
	if a.Start.Layout == b.Start.Layout || a.Start.Vars[0].Type != "[]int" || b.Start.Vars[0].Type != "[]string" {
		t.Errorf("GenCollect[int] start %s %v, GenCollect[string] start %s %v: want distinct layouts and instantiated types", a.Start.Layout, a.Start.Vars, b.Start.Layout, b.Start.Vars)
	}
	// An instantiation nobody makes is not registered: its handle names
	// the fix.
	if _, ok := fsm.JobByName("github.com/fsmgen/fsmgen/tests/equiv.GenCollect[uint8]"); ok {
		t.Error("GenCollect[uint8] is registered, though the package never instantiates it")
	}
	if _, ok := lookupCollect[uint16](); ok {
		t.Error("GenCollect[uint16] is registered, though fsmgen could not have seen it")
	}
}

// lookupCollect instantiates GenCollect in generic code, which fsmgen does
// not register (it cannot know T).
func lookupCollect[T any]() (*fsm.JobInfo, bool) { return fsm.LookupJob(GenCollect[T]) }
