package probe

import (
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Locals named like the generator's internals, like builtins and like
// packages.

//fsmgen:job
func NamesInternals(ctx fsm.Context, m int, in string) (int, string, error) {
	s := 1
	state := 2
	pc := 3
	st := 4
	ok := true
	finish := 5
	suspend := 6
	Take := 7
	Resume := 8
	r0 := 9
	w := 10
	r := 11
	data := 12
	args := 13
	x, err := fsm.Await(ctx, Echo.Call(m+s+state+pc+st))
	if err != nil || !ok {
		return 0, "", err
	}
	in2 := v(fsm.Await(ctx, Str.Call(in)))
	return x + finish + suspend + Take + Resume + r0 + w + r + data + args, in2, nil
}

// NamesShadowStrings uses package strings, then declares a local named
// strings after an await.
//
//fsmgen:job
func NamesShadowStrings(ctx fsm.Context) (int, string, error) {
	s := strings.ToUpper(v(fsm.Await(ctx, Str.Call("ab"))))
	strings := []string{s, v(fsm.Await(ctx, Str.Call("c")))}
	return len(strings), s + strings[1], nil
}

// NamesShadowHelperV declares a local named v after using the helper v.
//
//fsmgen:job
func NamesShadowHelperV(ctx fsm.Context) (int, error) {
	x := v(fsm.Await(ctx, Echo.Call(4)))
	v := x * 2
	y, _ := fsm.Await(ctx, Echo.Call(v))
	return v + y, nil
}

// NamesLocalInt declares a local named int; the awaits' values are ints that
// the job never names.
//
//fsmgen:job
func NamesLocalInt(ctx fsm.Context) (int, error) {
	int := 3
	x := v(fsm.Await(ctx, Echo.Call(int)))
	return x + int, nil
}

// NamesLocalTime declares a local named time; an await returns a
// time.Duration that the job never names.
//
//fsmgen:job
func NamesLocalTime(ctx fsm.Context) (int64, error) {
	time := int64(7)
	d := v(fsm.Await(ctx, Dur.Call(1500)))
	return int64(d) + time, nil
}

// NamesUnicode uses non-ASCII identifiers.
//
//fsmgen:job
func NamesUnicode(ctx fsm.Context, größe int) (int, error) {
	变量 := v(fsm.Await(ctx, Echo.Call(größe)))
	π := 3
	for ä := range π {
		变量 += v(fsm.Await(ctx, Echo.Call(ä)))
	}
	return 变量, nil
}

// NamesResumeLabel uses a label named like the generator's resume labels.
//
// NamesGeneratedLabels uses labels named like the generator's other labels.
//
//fsmgen:job
//fsmgen:job
func NamesGeneratedLabels(ctx fsm.Context) (int, error) {
	n := 0
loop:
	for i := 0; i < 3; i++ {
		n += v(fsm.Await(ctx, Echo.Call(i)))
		if n > 100 {
			break loop
		}
	}
	if n < 10 {
		goto endIf
	}
	n = -1
endIf:
	return n, nil
}

// NamesShadowPerScope declares err and x in several scopes.
//
//fsmgen:job
func NamesShadowPerScope(ctx fsm.Context) (int, error) {
	x := 1
	x, err := fsm.Await(ctx, Echo.Call(x+1))
	if err != nil {
		return 0, err
	}
	{
		x := x * 10
		x, err := fsm.Await(ctx, Echo.Call(x))
		if err != nil {
			return 0, err
		}
		if x, err := fsm.Await(ctx, Echo.Call(x+1)); err == nil {
			_ = x
		}
		_ = x
	}
	for x := 0; x < 2; x++ {
		err := error(nil)
		_, err = fsm.Await(ctx, Echo.Call(x))
		_ = err
	}
	return x, err
}

// NamesResultsLikeInternals has named results called like the machine's
// fields and methods.
//
//fsmgen:job
func NamesResultsLikeInternals(ctx fsm.Context) (state int, v_ string, r0 int, err error) {
	state = v(fsm.Await(ctx, Echo.Call(1)))
	v_ = v(fsm.Await(ctx, Str.Call("s")))
	r0 = state + 1
	return
}
