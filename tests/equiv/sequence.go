package equiv

import (
	"fmt"
	"strconv"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Plain sequences of awaits, awaits whose results are dropped, and the forms of
// assignment an await can stand in.

//fsmgen:job
func SeqOne(ctx fsm.Context, x int) (int, error) {
	y, err := fsm.Await(ctx, Echo.Call(x))
	if err != nil {
		return 0, err
	}
	return y + 1, nil
}

//fsmgen:job
func SeqChain(ctx fsm.Context, x int) (int, error) {
	a, err := fsm.Await(ctx, Echo.Call(x))
	if err != nil {
		return 0, err
	}
	b, err := fsm.Await(ctx, Add.Call(Pair{A: a, B: 10}))
	if err != nil {
		return 0, err
	}
	c, err := fsm.Await(ctx, Echo.Call(b*2))
	if err != nil {
		return 0, err
	}
	return a + b + c, nil
}

// SeqDiscard drops results in every way Go allows.
//
//fsmgen:job
func SeqDiscard(ctx fsm.Context) (int, error) {
	fsm.Await(ctx, Record.Call("a"))
	_, _ = fsm.Await(ctx, Record.Call("b"))
	_, err := fsm.Await(ctx, Record.Call("c"))
	x, _ := fsm.Await(ctx, Echo.Call(5))
	return x, err
}

// SeqDiscardOnly has nothing but dropped awaits.
//
//fsmgen:job
func SeqDiscardOnly(ctx fsm.Context) {
	fsm.Await(ctx, Record.Call("x"))
	fsm.Await(ctx, Record.Call("y"))
	_, _ = fsm.Await(ctx, Record.Call("z"))
}

//fsmgen:job
func SeqReassign(ctx fsm.Context, x int) (int, error) {
	var err error
	x, err = fsm.Await(ctx, Echo.Call(x*2))
	if err != nil {
		return 0, err
	}
	x, err = fsm.Await(ctx, Echo.Call(x+1))
	return x, err
}

//fsmgen:job
func SeqVarDecl(ctx fsm.Context) (int, error) {
	var a, err = fsm.Await(ctx, Echo.Call(7))
	var b int
	b, err = fsm.Await(ctx, Echo.Call(a*3))
	return a + b, err
}

// SeqLive keeps values computed before the first await alive across several.
//
//fsmgen:job
func SeqLive(ctx fsm.Context, a, b, c int) (string, error) {
	p := a * b
	q := b * c
	s := fmt.Sprint(a)
	fsm.Await(ctx, Echo.Call(0))
	r, err := fsm.Await(ctx, Echo.Call(p))
	if err != nil {
		return "", err
	}
	fsm.Await(ctx, Echo.Call(q))
	return s + ":" + strconv.Itoa(p+q+r), nil
}

// SeqTargets assigns awaits to a field, a slice element, a map element and an
// array element.
//
//fsmgen:job
func SeqTargets(ctx fsm.Context) (int, error) {
	var p Pair
	var err error
	p.A, err = fsm.Await(ctx, Echo.Call(3))
	xs := make([]int, 2)
	xs[1], err = fsm.Await(ctx, Echo.Call(4))
	mm := map[string]int{}
	mm["k"], err = fsm.Await(ctx, Echo.Call(5))
	arr := [2]int{}
	arr[0], _ = fsm.Await(ctx, Echo.Call(6))
	return p.A*1000 + xs[1]*100 + mm["k"]*10 + arr[0], err
}

// SeqOnce runs a helper between each pair of awaits: each must run once.
//
//fsmgen:job
func SeqOnce(ctx fsm.Context) (string, error) {
	resetTrace()
	tr("a", 0)
	fsm.Await(ctx, Echo.Call(1))
	tr("b", 0)
	fsm.Await(ctx, Echo.Call(2))
	tr("c", 0)
	return traceStr(), nil
}

//fsmgen:job
func SeqRecordOrder(ctx fsm.Context) (string, error) {
	a, _ := fsm.Await(ctx, Record.Call("1"))
	b, _ := fsm.Await(ctx, Record.Call("2"))
	c, _ := fsm.Await(ctx, Record.Call("3"))
	return a + b + c, nil
}

//fsmgen:job
func SeqStringBuild(ctx fsm.Context, n int) (string, error) {
	s := ""
	s += v(fsm.Await(ctx, Str.Call("x")))
	s += strconv.Itoa(v(fsm.Await(ctx, Echo.Call(n))))
	s += v(fsm.Await(ctx, Str.Call("y")))
	return s, nil
}

// SeqParamsLive changes its parameters between awaits.
//
//fsmgen:job
func SeqParamsLive(ctx fsm.Context, a int, b string) (string, error) {
	a++
	fsm.Await(ctx, Echo.Call(a))
	b += "!"
	a *= 10
	fsm.Await(ctx, Str.Call(b))
	return fmt.Sprint(a, b), nil
}
