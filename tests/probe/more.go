package probe

import (
	"sort"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// More combinations of the listed constructs.

// MoreKitchenSink nests a map range in a string range in a labeled 3-clause
// loop, with switch, fallthrough, labeled continue and goto.
//
//fsmgen:job
func MoreKitchenSink(ctx fsm.Context, words []string) (string, error) {
	b := ""
	seen := map[string]int{}
outer:
	for i := 0; i < len(words); i++ {
		for j, r := range words[i] {
			switch {
			case r == '-':
				continue outer
			case r == '.':
				break outer
			case j == 0:
				seen[string(r)]++
				fallthrough
			default:
				b += v(fsm.Await(ctx, Upper.Call(string(r))))
			}
		}
		for k := range map[string]bool{"x": true} {
			if seen[k] > 0 {
				goto skip
			}
		}
		b += v(fsm.Await(ctx, Str.Call("|")))
	skip:
	}
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return b + ":" + strings.Join(keys, ""), nil
}

// MoreFallthroughSkipsCaseAwait falls through into a case whose expression
// awaits: the expression is not evaluated.
//
//fsmgen:job
func MoreFallthroughSkipsCaseAwait(ctx fsm.Context, k int) (int, error) {
	n := 0
	switch {
	case v(fsm.Await(ctx, Echo.Call(k))) == 1:
		n += 1
		fallthrough
	case v(fsm.Await(ctx, Echo.Call(k+10))) == 12:
		n += 10
	}
	return n, nil
}

// MoreDeepExpr nests an await deep in calls, an indexed literal and a method
// call on a literal.
//
//fsmgen:job
func MoreDeepExpr(ctx fsm.Context) (int, string, error) {
	a := len(strings.Repeat("ab", max(1, min(5, v(fsm.Await(ctx, Echo.Call(3)))))))
	b := [...]int{v(fsm.Await(ctx, Echo.Call(10))), v(fsm.Await(ctx, Echo.Call(20)))}[v(fsm.Await(ctx, Echo.Call(1)))]
	s := Point{X: v(fsm.Await(ctx, Echo.Call(4)))}.String()
	c := Counter(v(fsm.Await(ctx, Echo.Call(2))))
	return a + b + int(c), s, nil
}

// MoreMapOfSlices appends awaited values to a map of slices and trims.
//
//fsmgen:job
func MoreMapOfSlices(ctx fsm.Context) (map[string][]int, error) {
	m := map[string][]int{}
	for i := range 4 {
		k := "even"
		if i%2 == 1 {
			k = "odd"
		}
		m[k] = append(m[k], v(fsm.Await(ctx, Echo.Call(i))))
	}
	m["odd"] = m["odd"][:len(m["odd"])-1]
	return m, nil
}

// MorePanicAfterAwait divides by an awaited zero.
//
//fsmgen:job
func MorePanicAfterAwait(ctx fsm.Context, d int) (int, error) {
	x := v(fsm.Await(ctx, Echo.Call(d)))
	return 10 / x, nil
}

// MoreGotoBackOutOfLoop leaves a loop that awaits with a goto to a label
// before it, running the loop again.
//
//fsmgen:job
func MoreGotoBackOutOfLoop(ctx fsm.Context) (int, error) {
	rounds := 0
	total := 0
again:
	rounds++
	for i := range 3 {
		total += v(fsm.Await(ctx, Echo.Call(i)))
		if i == 1 && rounds < 3 {
			goto again
		}
	}
	return total*10 + rounds, nil
}

// MoreCondOnlyContinue has a condition-only loop with continue and an await
// in the condition.
//
//fsmgen:job
func MoreCondOnlyContinue(ctx fsm.Context) (int, error) {
	i, s := 0, 0
	for v(fsm.Await(ctx, Pos.Call(5-i))) {
		i++
		if i%2 == 0 {
			continue
		}
		s += i
	}
	return s, nil
}

// MoreStringAccumulate builds a string across awaits with op=.
//
//fsmgen:job
func MoreStringAccumulate(ctx fsm.Context, parts []string) (string, error) {
	acc := ""
	for i := len(parts) - 1; i >= 0; i-- {
		acc += v(fsm.Await(ctx, Upper.Call(parts[i]))) + "."
	}
	return acc, nil
}

// MoreSwitchTrueTag switches on true with awaiting cases and a break out of
// an if inside a case.
//
//fsmgen:job
func MoreSwitchTrueTag(ctx fsm.Context, k int) (string, error) {
	r := "start"
	switch true {
	case k > 10:
		r = "big"
	case v(fsm.Await(ctx, Pos.Call(k))):
		if k == 3 {
			break
		}
		r = "pos"
	default:
		r = "neg"
	}
	return r, nil
}

// MoreRangeIntBreakContinue ranges over an int with labeled break and
// continue from a nested range.
//
//fsmgen:job
func MoreRangeIntBreakContinue(ctx fsm.Context) (int, error) {
	s := 0
rows:
	for i := range 4 {
	cols:
		for j := range 4 {
			switch {
			case j > i:
				continue rows
			case i == 3:
				break rows
			case j == 2:
				break cols
			}
			s += v(fsm.Await(ctx, Echo.Call(i*10+j)))
		}
		s += 1000
	}
	return s, nil
}
