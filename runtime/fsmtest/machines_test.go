package fsmtest_test

// Hand-written state machines in the style fsmgen generates, some correct and
// some with one bug each, for testing Check before there is a generator.

import (
	"context"
	"fmt"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

const pkgPath = "github.com/fsmgen/fsmgen/runtime/fsmtest_test."

var double = fsm.NewActivity("fsmtest.double", func(_ context.Context, x int) (int, error) {
	return 2 * x, nil
})

var half = fsm.NewActivity("fsmtest.half", func(_ context.Context, x int) (int, error) {
	if x%2 != 0 {
		return 0, fmt.Errorf("%d is odd", x)
	}
	return x / 2, nil
})

var inc = fsm.NewActivity("fsmtest.inc", func(_ context.Context, x int64) (int64, error) {
	return x + 1, nil
})

// bug is what a test machine gets wrong.
type bug int

const (
	noBug         bug = iota
	bugResult         // returns a wrong result
	bugArg            // awaits an op with another argument
	bugShift          // awaits every op with another argument
	bugExtraAwait     // awaits one op more than the job
	bugDropVar        // UnmarshalCBOR loses a variable
	bugRunaway        // never returns
	bugPanicValue     // panics with another value
	bugNoPanic        // returns where the job panics
	bugNoPoison       // is not poisoned after a panic
	bugErrText        // adds words to an error's text
	bugNilErr         // drops an error
)

// ---- sumDoubles: a loop around an await ----

//fsmgen:job
func sumDoubles(ctx fsm.Context, n int) (int, error) {
	total := 0
	for i := 0; i < n; i++ {
		v, err := fsm.Await(ctx, double.Call(i))
		if err != nil {
			return 0, err
		}
		total += v
	}
	return total, nil
}

// The same job, each with a buggy machine.
func sumDoublesWrongResult(ctx fsm.Context, n int) (int, error) { return sumDoubles(ctx, n) }
func sumDoublesWrongArg(ctx fsm.Context, n int) (int, error)    { return sumDoubles(ctx, n) }
func sumDoublesShifted(ctx fsm.Context, n int) (int, error)     { return sumDoubles(ctx, n) }
func sumDoublesExtraAwait(ctx fsm.Context, n int) (int, error)  { return sumDoubles(ctx, n) }
func sumDoublesDropVar(ctx fsm.Context, n int) (int, error)     { return sumDoubles(ctx, n) }
func sumDoublesRunaway(ctx fsm.Context, n int) (int, error)     { return sumDoubles(ctx, n) }

func init() {
	registerSumDoubles("sumDoubles", sumDoubles, noBug)
	registerSumDoubles("sumDoublesWrongResult", sumDoublesWrongResult, bugResult)
	registerSumDoubles("sumDoublesWrongArg", sumDoublesWrongArg, bugArg)
	registerSumDoubles("sumDoublesShifted", sumDoublesShifted, bugShift)
	registerSumDoubles("sumDoublesExtraAwait", sumDoublesExtraAwait, bugExtraAwait)
	registerSumDoubles("sumDoublesDropVar", sumDoublesDropVar, bugDropVar)
	registerSumDoubles("sumDoublesRunaway", sumDoublesRunaway, bugRunaway)
}

func registerSumDoubles(name string, fn func(fsm.Context, int) (int, error), b bug) {
	fsm.RegisterJob(fsm.JobInfo{
		Name: pkgPath + name,
		Func: fn,
		New: func(args []any) (fsm.Machine, error) {
			if len(args) != 1 {
				return nil, fmt.Errorf("%s takes 1 argument, got %d", name, len(args))
			}
			m := &sumDoublesMachine{bug: b}
			var ok bool
			if m.frame.n, ok = args[0].(int); !ok {
				return nil, fmt.Errorf("%s: argument n is a %T, not an int", name, args[0])
			}
			return m, nil
		},
		Zero: func() fsm.Machine { return &sumDoublesMachine{bug: b} },
		States: []fsm.StateInfo{
			{Pos: "machines_test.go:51:13", Vars: []fsm.VarInfo{{Name: "n", Type: "int"}, {Name: "total", Type: "int"}, {Name: "i", Type: "int"}}},
			{Pos: "(bug)", Vars: []fsm.VarInfo{{Name: "n", Type: "int"}, {Name: "total", Type: "int"}, {Name: "i", Type: "int"}}},
		},
	})
}

type sumDoublesMachine struct {
	state int
	frame struct{ n, total, i int }
	r0    int
	r1    error
	bug   bug
}

func (m *sumDoublesMachine) Resume(ctx fsm.Context, in fsm.Outcome) (fsm.AnyOp, error) {
	switch m.state {
	case 0:
		m.frame.total = 0
		m.frame.i = 0
	case 1:
		v, err := fsm.Take[int](in)
		if err != nil {
			return m.finish(0, err)
		}
		m.frame.total += v
		m.frame.i++
	case 2:
		if _, err := fsm.Take[int](in); err != nil {
			return m.finish(0, err)
		}
		return m.finish(m.frame.total, nil)
	case fsm.StateDone:
		return nil, fsm.ErrFinished
	default:
		return nil, fmt.Errorf("sumDoubles: no state %d", m.state)
	}
	if m.bug == bugRunaway && m.frame.i >= m.frame.n {
		m.frame.i = 0
	}
	if m.frame.i < m.frame.n {
		m.state = 1
		arg := m.frame.i
		if m.bug == bugArg && arg == 1 {
			arg = 7
		}
		if m.bug == bugShift {
			arg++
		}
		return double.Call(arg), nil
	}
	if m.bug == bugExtraAwait {
		m.state = 2
		return double.Call(m.frame.n), nil
	}
	if m.bug == bugResult {
		return m.finish(m.frame.total+1, nil)
	}
	return m.finish(m.frame.total, nil)
}

func (m *sumDoublesMachine) finish(r0 int, r1 error) (fsm.AnyOp, error) {
	m.state = fsm.StateDone
	m.r0, m.r1 = r0, r1
	m.frame.n, m.frame.total, m.frame.i = 0, 0, 0
	return nil, nil
}

func (m *sumDoublesMachine) State() int     { return m.state }
func (m *sumDoublesMachine) Results() []any { return []any{m.r0, m.r1} }

func (m *sumDoublesMachine) MarshalCBOR() ([]byte, error) {
	w := fsm.NewStateWriter(m.state)
	switch m.state {
	case 0:
		fsm.Save(w, "n", m.frame.n)
	case 1, 2:
		fsm.Save(w, "n", m.frame.n)
		fsm.Save(w, "total", m.frame.total)
		fsm.Save(w, "i", m.frame.i)
	}
	return w.Bytes()
}

func (m *sumDoublesMachine) UnmarshalCBOR(data []byte) error {
	r, err := fsm.NewStateReader(data, 2)
	if err != nil {
		return err
	}
	m.state = r.State()
	switch m.state {
	case 0:
		fsm.Load(r, "n", &m.frame.n)
	case 1, 2:
		fsm.Load(r, "n", &m.frame.n)
		if m.bug == bugDropVar {
			var lost int
			fsm.Load(r, "total", &lost)
		} else {
			fsm.Load(r, "total", &m.frame.total)
		}
		fsm.Load(r, "i", &m.frame.i)
	}
	return r.Close()
}

// ---- panicky: a job that panics after an await ----

//fsmgen:job
func panicky(ctx fsm.Context, n int) (int, error) {
	v, err := fsm.Await(ctx, double.Call(n))
	if err != nil {
		return 0, err
	}
	if v > 2 {
		panic(fmt.Sprintf("too big: %d", v))
	}
	return v, nil
}

func panickyOtherValue(ctx fsm.Context, n int) (int, error) { return panicky(ctx, n) }
func panickyNoPanic(ctx fsm.Context, n int) (int, error)    { return panicky(ctx, n) }
func panickyNoPoison(ctx fsm.Context, n int) (int, error)   { return panicky(ctx, n) }

func init() {
	registerPanicky("panicky", panicky, noBug)
	registerPanicky("panickyOtherValue", panickyOtherValue, bugPanicValue)
	registerPanicky("panickyNoPanic", panickyNoPanic, bugNoPanic)
	registerPanicky("panickyNoPoison", panickyNoPoison, bugNoPoison)
}

func registerPanicky(name string, fn func(fsm.Context, int) (int, error), b bug) {
	fsm.RegisterJob(fsm.JobInfo{
		Name: pkgPath + name,
		Func: fn,
		New: func(args []any) (fsm.Machine, error) {
			m := &panickyMachine{bug: b}
			m.frame.n = args[0].(int)
			return m, nil
		},
		Zero:   func() fsm.Machine { return &panickyMachine{bug: b} },
		States: []fsm.StateInfo{{Pos: "machines_test.go:205:12"}},
	})
}

type panickyMachine struct {
	state int
	frame struct{ n int }
	r0    int
	r1    error
	bug   bug
}

func (m *panickyMachine) Resume(ctx fsm.Context, in fsm.Outcome) (fsm.AnyOp, error) {
	switch m.state {
	case 0:
		m.state = 1
		return double.Call(m.frame.n), nil
	case 1:
		v, err := fsm.Take[int](in)
		if err != nil {
			return m.finish(0, err)
		}
		if v > 2 {
			switch m.bug {
			case bugNoPanic:
				return m.finish(v, nil)
			case bugPanicValue:
				m.state = fsm.StatePoisoned
				panic(fmt.Sprintf("too large: %d", v))
			case bugNoPoison:
				panic(fmt.Sprintf("too big: %d", v))
			}
			m.state = fsm.StatePoisoned
			panic(fmt.Sprintf("too big: %d", v))
		}
		return m.finish(v, nil)
	case fsm.StateDone:
		return nil, fsm.ErrFinished
	case fsm.StatePoisoned:
		return nil, fsm.ErrPoisoned
	}
	return nil, fmt.Errorf("panicky: no state %d", m.state)
}

func (m *panickyMachine) finish(r0 int, r1 error) (fsm.AnyOp, error) {
	m.state = fsm.StateDone
	m.r0, m.r1 = r0, r1
	return nil, nil
}

func (m *panickyMachine) State() int     { return m.state }
func (m *panickyMachine) Results() []any { return []any{m.r0, m.r1} }

func (m *panickyMachine) MarshalCBOR() ([]byte, error) {
	w := fsm.NewStateWriter(m.state)
	if m.state == 0 {
		fsm.Save(w, "n", m.frame.n)
	}
	return w.Bytes()
}

func (m *panickyMachine) UnmarshalCBOR(data []byte) error {
	r, err := fsm.NewStateReader(data, 1)
	if err != nil {
		return err
	}
	m.state = r.State()
	if m.state == 0 {
		fsm.Load(r, "n", &m.frame.n)
	}
	return r.Close()
}

// ---- halve: an activity that fails ----

//fsmgen:job
func halve(ctx fsm.Context, x int) (int, error) {
	v, err := fsm.Await(ctx, half.Call(x))
	if err != nil {
		return 0, err
	}
	return v, nil
}

func halveErrText(ctx fsm.Context, x int) (int, error) { return halve(ctx, x) }
func halveNilErr(ctx fsm.Context, x int) (int, error)  { return halve(ctx, x) }

func init() {
	registerHalve("halve", halve, noBug)
	registerHalve("halveErrText", halveErrText, bugErrText)
	registerHalve("halveNilErr", halveNilErr, bugNilErr)
}

func registerHalve(name string, fn func(fsm.Context, int) (int, error), b bug) {
	fsm.RegisterJob(fsm.JobInfo{
		Name: pkgPath + name,
		Func: fn,
		New: func(args []any) (fsm.Machine, error) {
			m := &halveMachine{bug: b}
			m.frame.x = args[0].(int)
			return m, nil
		},
		Zero:   func() fsm.Machine { return &halveMachine{bug: b} },
		States: []fsm.StateInfo{{Pos: "machines_test.go:291:12"}},
	})
}

type halveMachine struct {
	state int
	frame struct{ x int }
	r0    int
	r1    error
	bug   bug
}

func (m *halveMachine) Resume(ctx fsm.Context, in fsm.Outcome) (fsm.AnyOp, error) {
	switch m.state {
	case 0:
		m.state = 1
		return half.Call(m.frame.x), nil
	case 1:
		v, err := fsm.Take[int](in)
		if err != nil {
			switch m.bug {
			case bugErrText:
				err = fmt.Errorf("halve: %w", err)
			case bugNilErr:
				err = nil
			}
			return m.finish(0, err)
		}
		return m.finish(v, nil)
	case fsm.StateDone:
		return nil, fsm.ErrFinished
	}
	return nil, fmt.Errorf("halve: no state %d", m.state)
}

func (m *halveMachine) finish(r0 int, r1 error) (fsm.AnyOp, error) {
	m.state = fsm.StateDone
	m.r0, m.r1 = r0, r1
	return nil, nil
}

func (m *halveMachine) State() int     { return m.state }
func (m *halveMachine) Results() []any { return []any{m.r0, m.r1} }

func (m *halveMachine) MarshalCBOR() ([]byte, error) {
	w := fsm.NewStateWriter(m.state)
	if m.state == 0 {
		fsm.Save(w, "x", m.frame.x)
	}
	return w.Bytes()
}

func (m *halveMachine) UnmarshalCBOR(data []byte) error {
	r, err := fsm.NewStateReader(data, 1)
	if err != nil {
		return err
	}
	m.state = r.State()
	if m.state == 0 {
		fsm.Load(r, "x", &m.frame.x)
	}
	return r.Close()
}

// ---- Counter.Count: a method with a value receiver ----

// Counter counts from Start.
type Counter struct{ Start int }

// Count adds the doubles of 0..n-1 to c.Start.
//
//fsmgen:job
func (c Counter) Count(ctx fsm.Context, n int) (int, error) {
	total := c.Start
	for i := 0; i < n; i++ {
		v, err := fsm.Await(ctx, double.Call(i))
		if err != nil {
			return 0, err
		}
		total += v
	}
	return total, nil
}

func init() {
	fsm.RegisterJob(fsm.JobInfo{
		Name: pkgPath + "Counter.Count",
		Func: Counter.Count,
		New: func(args []any) (fsm.Machine, error) {
			if len(args) != 2 {
				return nil, fmt.Errorf("Counter.Count takes a receiver and 1 argument, got %d values", len(args))
			}
			m := &counterCountMachine{}
			var ok1, ok2 bool
			m.frame.c, ok1 = args[0].(Counter)
			m.frame.n, ok2 = args[1].(int)
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("Counter.Count: arguments of types %T, %T", args[0], args[1])
			}
			return m, nil
		},
		Zero: func() fsm.Machine { return &counterCountMachine{} },
		States: []fsm.StateInfo{
			{Pos: "machines_test.go:378:13", Vars: []fsm.VarInfo{{Name: "n", Type: "int"}, {Name: "total", Type: "int"}, {Name: "i", Type: "int"}}},
		},
	})
}

type counterCountMachine struct {
	state int
	frame struct {
		c           Counter
		n, total, i int
	}
	r0 int
	r1 error
}

func (m *counterCountMachine) Resume(ctx fsm.Context, in fsm.Outcome) (fsm.AnyOp, error) {
	switch m.state {
	case 0:
		m.frame.total = m.frame.c.Start
		m.frame.i = 0
	case 1:
		v, err := fsm.Take[int](in)
		if err != nil {
			return m.finish(0, err)
		}
		m.frame.total += v
		m.frame.i++
	case fsm.StateDone:
		return nil, fsm.ErrFinished
	default:
		return nil, fmt.Errorf("Counter.Count: no state %d", m.state)
	}
	if m.frame.i < m.frame.n {
		m.state = 1
		return double.Call(m.frame.i), nil
	}
	return m.finish(m.frame.total, nil)
}

func (m *counterCountMachine) finish(r0 int, r1 error) (fsm.AnyOp, error) {
	m.state = fsm.StateDone
	m.r0, m.r1 = r0, r1
	return nil, nil
}

func (m *counterCountMachine) State() int     { return m.state }
func (m *counterCountMachine) Results() []any { return []any{m.r0, m.r1} }

func (m *counterCountMachine) MarshalCBOR() ([]byte, error) {
	w := fsm.NewStateWriter(m.state)
	switch m.state {
	case 0:
		fsm.Save(w, "c", m.frame.c)
		fsm.Save(w, "n", m.frame.n)
	case 1:
		fsm.Save(w, "n", m.frame.n)
		fsm.Save(w, "total", m.frame.total)
		fsm.Save(w, "i", m.frame.i)
	}
	return w.Bytes()
}

func (m *counterCountMachine) UnmarshalCBOR(data []byte) error {
	r, err := fsm.NewStateReader(data, 1)
	if err != nil {
		return err
	}
	m.state = r.State()
	switch m.state {
	case 0:
		fsm.Load(r, "c", &m.frame.c)
		fsm.Load(r, "n", &m.frame.n)
	case 1:
		fsm.Load(r, "n", &m.frame.n)
		fsm.Load(r, "total", &m.frame.total)
		fsm.Load(r, "i", &m.frame.i)
	}
	return r.Close()
}

// ---- sumAll: a variadic job ----

//fsmgen:job
func sumAll(ctx fsm.Context, base int64, xs ...int64) (int64, bool, error) {
	total := base
	for _, x := range xs {
		v, err := fsm.Await(ctx, inc.Call(x))
		if err != nil {
			return 0, false, err
		}
		total += v
	}
	return total, xs == nil, nil
}

func init() {
	fsm.RegisterJob(fsm.JobInfo{
		Name: pkgPath + "sumAll",
		Func: sumAll,
		New: func(args []any) (fsm.Machine, error) {
			if len(args) != 2 {
				return nil, fmt.Errorf("sumAll takes 2 arguments (the variadic one as a slice), got %d", len(args))
			}
			m := &sumAllMachine{}
			var ok1, ok2 bool
			m.frame.base, ok1 = args[0].(int64)
			m.frame.xs, ok2 = args[1].([]int64)
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("sumAll: arguments of types %T, %T", args[0], args[1])
			}
			return m, nil
		},
		Zero: func() fsm.Machine { return &sumAllMachine{} },
		States: []fsm.StateInfo{
			{Pos: "machines_test.go:476:13", Vars: []fsm.VarInfo{{Name: "xs", Type: "[]int64"}, {Name: "total", Type: "int64"}, {Name: "i", Type: "int"}}},
		},
	})
}

type sumAllMachine struct {
	state int
	frame struct {
		base  int64
		xs    []int64
		total int64
		i     int
	}
	r0 int64
	r1 bool
	r2 error
}

func (m *sumAllMachine) Resume(ctx fsm.Context, in fsm.Outcome) (fsm.AnyOp, error) {
	switch m.state {
	case 0:
		m.frame.total = m.frame.base
		m.frame.i = 0
	case 1:
		v, err := fsm.Take[int64](in)
		if err != nil {
			return m.finish(0, false, err)
		}
		m.frame.total += v
		m.frame.i++
	case fsm.StateDone:
		return nil, fsm.ErrFinished
	default:
		return nil, fmt.Errorf("sumAll: no state %d", m.state)
	}
	if m.frame.i < len(m.frame.xs) {
		m.state = 1
		return inc.Call(m.frame.xs[m.frame.i]), nil
	}
	return m.finish(m.frame.total, m.frame.xs == nil, nil)
}

func (m *sumAllMachine) finish(r0 int64, r1 bool, r2 error) (fsm.AnyOp, error) {
	m.state = fsm.StateDone
	m.r0, m.r1, m.r2 = r0, r1, r2
	return nil, nil
}

func (m *sumAllMachine) State() int     { return m.state }
func (m *sumAllMachine) Results() []any { return []any{m.r0, m.r1, m.r2} }

func (m *sumAllMachine) MarshalCBOR() ([]byte, error) {
	w := fsm.NewStateWriter(m.state)
	switch m.state {
	case 0:
		fsm.Save(w, "base", m.frame.base)
		fsm.Save(w, "xs", m.frame.xs)
	case 1:
		fsm.Save(w, "xs", m.frame.xs)
		fsm.Save(w, "total", m.frame.total)
		fsm.Save(w, "i", m.frame.i)
	}
	return w.Bytes()
}

func (m *sumAllMachine) UnmarshalCBOR(data []byte) error {
	r, err := fsm.NewStateReader(data, 1)
	if err != nil {
		return err
	}
	m.state = r.State()
	switch m.state {
	case 0:
		fsm.Load(r, "base", &m.frame.base)
		fsm.Load(r, "xs", &m.frame.xs)
	case 1:
		fsm.Load(r, "xs", &m.frame.xs)
		fsm.Load(r, "total", &m.frame.total)
		fsm.Load(r, "i", &m.frame.i)
	}
	return r.Close()
}

// ---- unregistered: a job fsmgen has not been run on ----

func unregistered(ctx fsm.Context, n int) (int, error) { return sumDoubles(ctx, n) }
