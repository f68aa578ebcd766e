// Package refused holds jobs fsmgen must refuse, each line marked with the
// diagnostic it must get.
package refused

import (
	"context"
	"sort"
	"strings"
	"sync"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

var Echo = fsm.NewActivity("refused.echo", func(_ context.Context, x int) (int, error) { return x, nil })

//fsmgen:job
func NoContext(x int) int { // want `job NoContext must take fsm.Context`
	return x
}

//fsmgen:job
func (c *Counter) Pointer(ctx fsm.Context) int { // want `job Pointer has a pointer receiver`
	return c.n
}

// Counter is a receiver.
type Counter struct{ n int }

//fsmgen:job
func Channel(ctx fsm.Context) (int, error) {
	ch := make(chan int, 1) // want `variable ch of type chan int is held across the await at refused.go:\d+:\d+, but channels cannot be checkpointed`
	fsm.Await(ctx, Echo.Call(1))
	ch <- 1
	return <-ch, nil
}

//fsmgen:job
func Mutex(ctx fsm.Context) (int, error) {
	var mu sync.Mutex // want `variable mu of type sync.Mutex is held across the await`
	mu.Lock()
	fsm.Await(ctx, Echo.Call(1))
	mu.Unlock()
	return 0, nil
}

//fsmgen:job
func InClosure(ctx fsm.Context) (int, error) {
	f := func() int {
		v, _ := fsm.Await(ctx, Echo.Call(1)) // want `await inside a function literal`
		return v
	}
	return f(), nil
}

//fsmgen:job
func InGo(ctx fsm.Context) {
	go fsm.Await(ctx, Echo.Call(1)) // want `await in a go statement`
}

//fsmgen:job
func DeferInBlock(ctx fsm.Context, b bool) (int, error) {
	if b {
		defer println("done") // want `defer inside a block of a job that awaits`
	}
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferInLoop(ctx fsm.Context) (int, error) {
	for i := 0; i < 2; i++ {
		defer println(i) // want `defer inside a block of a job that awaits`
	}
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferGoto(ctx fsm.Context) (int, error) {
	defer println("done")
	n := 0
again:
	n++
	if n < 3 {
		goto again // want `goto in a job with a defer at refused.go:\d+:\d+`
	}
	return fsm.Await(ctx, Echo.Call(n))
}

//fsmgen:job
func DeferRecover(ctx fsm.Context) (int, error) {
	defer recover() // want `defer recover\(\) in a job that awaits`
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferFuncValue(ctx fsm.Context) (int, error) {
	f := strings.ToUpper
	defer f("x") // want `defer of a function value in a job that awaits`
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferInterface(ctx fsm.Context) (int, error) {
	var s sort.Interface = sort.IntSlice{2, 1}
	defer s.Swap(0, 1) // want `defer of method Swap through an interface in a job that awaits`
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferOtherPackage(ctx fsm.Context) (int, error) {
	defer fsm.NewID() // want `defer of fsm.NewID in a job that awaits: .* cannot read github.com/fsmgen/fsmgen/runtime`
	return fsm.Await(ctx, Echo.Call(1))
}

func catchAll() { recover() }

//fsmgen:job
func DeferRecovering(ctx fsm.Context) (int, error) {
	defer catchAll() // want `defer of catchAll, which calls recover, in a job that awaits`
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferLitResults(ctx fsm.Context) (int, error) {
	defer func() int { return 1 }() // want `deferred function literal with results in a job that awaits`
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferBlankResult(ctx fsm.Context) (_ int, err error) {
	defer func() { err = nil }() // want `defer in a job whose result 0 is named _`
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func DeferField(ctx fsm.Context) (int, error) {
	var w struct{ c Counter }
	defer w.c.bump() // want `defer of method bump on w.c in a job that awaits`
	return fsm.Await(ctx, Echo.Call(w.c.n))
}

func (c *Counter) bump() { c.n++ }

// Deferred is fine: a builtin, with its argument kept across the await.
//
//fsmgen:job
func Deferred(ctx fsm.Context) (int, error) {
	defer println("done")
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func Func(ctx fsm.Context) (int, error) {
	f := func(x int) int { return x + 1 } // want `variable f of type func\(x int\) int is held across the await at refused.go:\d+:\d+, but function values cannot be checkpointed`
	fsm.Await(ctx, Echo.Call(1))
	return apply(f, 1), nil
}

func apply(f func(int) int, x int) int { return f(x) }

//fsmgen:job
func FuncReassigned(ctx fsm.Context, b bool) (int, error) {
	f := func(x int) int { return x + 1 } // want `variable f of type func\(x int\) int is held across the await`
	if b {
		f = func(x int) int { return x + 2 }
	}
	fsm.Await(ctx, Echo.Call(1))
	return f(1), nil
}

// FuncCalled is fine: its literal is made again after the await.
//
//fsmgen:job
func FuncCalled(ctx fsm.Context) (int, error) {
	n := 1
	f := func(x int) int { return x + n }
	fsm.Await(ctx, Echo.Call(1))
	return f(1), nil
}

//fsmgen:job
func AddressTaken(ctx fsm.Context) (int, error) {
	x := 1 // want `variable x has its address taken and is held across the await`
	p := &x
	fsm.Await(ctx, Echo.Call(1))
	*p = 2
	return x, nil
}

//fsmgen:job
func ArraySliced(ctx fsm.Context) (int, error) {
	arr := [3]int{1, 2, 3} // want `variable arr has its address taken and is held across the await`
	s := arr[:]
	fsm.Await(ctx, Echo.Call(1))
	s[0] = 9
	return arr[0], nil
}

//fsmgen:job
func PointerInStruct(ctx fsm.Context) (int, error) {
	x := 1 // want `variable x has its address taken and is held across the await`
	box := struct{ P *int }{&x}
	fsm.Await(ctx, Echo.Call(1))
	*box.P = 2
	return x, nil
}

//fsmgen:job
func Select(ctx fsm.Context, ch chan int) (int, error) {
	select { // want `await in a select statement`
	case <-ch:
		return fsm.Await(ctx, Echo.Call(1))
	}
}

//fsmgen:job
func RangeFunc(ctx fsm.Context) (int, error) {
	sum := 0
	for i := range func(yield func(int) bool) { yield(1) } { // want `await inside a range-over-func loop`
		sum += i
		fsm.Await(ctx, Echo.Call(i))
	}
	return sum, nil
}

// Box is a generic type with a method job, which a job may call with a
// concrete receiver, not with one of its own type parameters.
type Box[T any] struct{ V T }

//fsmgen:job
func (b Box[T]) Unbox(ctx fsm.Context) (T, error) {
	fsm.Await(ctx, Echo.Call(1))
	return b.V, nil
}

//fsmgen:job
func CallsUnbox(ctx fsm.Context, b Box[int]) (int, error) {
	return b.Unbox(ctx)
}

//fsmgen:job
func CallsUnboxGenerically[T any](ctx fsm.Context, b Box[T]) (T, error) {
	return b.Unbox(ctx) // want `job CallsUnboxGenerically calls generic job Box.Unbox with type arguments that are CallsUnboxGenerically's own type parameters`
}

// Held is a valid generic job; some of its instantiations are not.
//
//fsmgen:job
func Held[T any](ctx fsm.Context, x T) (T, error) {
	fsm.Await(ctx, Echo.Call(1))
	return x, nil
}

var (
	_ = Held[int]
	_ = Held[chan int]   // want `Held\[chan int\]: variable x of type T \(chan int here\) is held across the await at refused.go:\d+:\d+, but channels cannot be checkpointed`
	_ = Held[sync.Mutex] // want `Held\[sync.Mutex\]: variable x of type T \(sync.Mutex here\) is held across the await .* sync.Mutex is synchronisation state`
)

func localInstance() {
	type local struct{ N int }
	_ = Held[local] // want `Held\[local\]: fsmgen registers each instantiation of generic job Held in the generated file, which cannot name type argument T: local is declared inside a function`
}

//fsmgen:job
func LocalGenericType[T any](ctx fsm.Context, x T) (T, error) {
	type box struct{ V T } // want `type box declared in generic job LocalGenericType uses its type parameters: fsmgen moves a job's types to package level`
	b := box{x}
	fsm.Await(ctx, Echo.Call(1))
	return b.V, nil
}

//fsmgen:job
func CallsHeldGenerically[T any](ctx fsm.Context, x T) (T, error) {
	return Held(ctx, x) // want `job CallsHeldGenerically calls generic job Held with type arguments that are CallsHeldGenerically's own type parameters`
}

func helper(ctx fsm.Context) (int, error) { return fsm.Await(ctx, Echo.Call(1)) }

//fsmgen:job
func CallsHelper(ctx fsm.Context) (int, error) {
	return helper(ctx) // want `passes its fsm.Context to helper`
}

var callbacks []func() int

func register(f func() int) { callbacks = append(callbacks, f) }

//fsmgen:job
func KeptClosure(ctx fsm.Context) (int, error) {
	for i := 0; i < 3; i++ { // want `variable i is declared in a loop that awaits and its address is taken or it is captured`
		register(func() int { return i })
		fsm.Await(ctx, Echo.Call(i))
	}
	return len(callbacks), nil
}

//fsmgen:job
func SortInLoop(ctx fsm.Context, rows [][]int) (int, error) {
	n := 0
	for _, row := range rows {
		r := append([]int(nil), row...)
		sort.Slice(r, func(a, b int) bool { return r[a] < r[b] })
		v, _ := fsm.Await(ctx, Echo.Call(r[0]))
		n += v
	}
	return n, nil
}

//fsmgen:job
func Fine(ctx fsm.Context) (int, error) {
	x := 1
	v, err := fsm.Await(ctx, Echo.Call(x))
	return v + x, err
}

// Handles: the names fsmgen declares for a job must be free.

// ClashJob is a name the handle of Clash would take.
var ClashJob = 1

//fsmgen:job
func Clash(ctx fsm.Context) (int, error) { // want `job Clash: its handle ClashJob would clash with ClashJob declared at refused.go:\d+:\d+; rename one of them`
	return fsm.Await(ctx, Echo.Call(ClashJob))
}

// SumArgs is a name the argument struct of Sum would take.
type SumArgs struct{}

//fsmgen:job
func Sum(ctx fsm.Context, a, b int) (int, error) { // want `job Sum: its argument struct SumArgs would clash with SumArgs declared at refused.go:\d+:\d+`
	return fsm.Await(ctx, Echo.Call(a+b))
}

// Twin has a method job whose handle is TwinRunJob, as is the handle of the
// function job TwinRun.
type Twin struct{ N int }

//fsmgen:job
func (t Twin) Run(ctx fsm.Context) (int, error) {
	return fsm.Await(ctx, Echo.Call(t.N))
}

//fsmgen:job
func TwinRun(ctx fsm.Context) (int, error) { // want `job TwinRun: its handle TwinRunJob would clash with the handle of job Twin.Run at refused.go:\d+:\d+; rename one of them`
	return fsm.Await(ctx, Echo.Call(1))
}

//fsmgen:job
func SameField(ctx fsm.Context, order int, Order string) (int, error) { // want `job SameField: parameters order and Order would both be field Order of SameFieldArgs; rename one of them`
	return fsm.Await(ctx, Echo.Call(order+len(Order)))
}

//fsmgen:job
func SameResult(ctx fsm.Context) (n int, N string, err error) { // want `job SameResult: results n and N would both be field N of SameResultResults`
	n, err = fsm.Await(ctx, Echo.Call(1))
	return n, "", err
}

//fsmgen:job
func Builder(ctx fsm.Context) (string, error) {
	var b strings.Builder // want `variable b of type strings.Builder is held across the await at refused.go:\d+:\d+, but strings.Builder has unexported field addr, state private to package strings \(outside this module\) that a copy would not restore`
	b.WriteString("x")
	fsm.Await(ctx, Echo.Call(1))
	return b.String(), nil
}

//fsmgen:job
func LocalHidden(ctx fsm.Context) (int, error) {
	type box struct{ n int }
	b := box{n: 1} // want `variable b of type box is held across the await at refused.go:\d+:\d+, but its type box is declared inside a function and has unexported fields`
	fsm.Await(ctx, Echo.Call(1))
	return b.n, nil
}

// Own is a struct of the job's package with unexported fields: storable.
type Own struct{ n int }

//fsmgen:job
func OwnHidden(ctx fsm.Context) (int, error) {
	o := Own{n: 1}
	fsm.Await(ctx, Echo.Call(1))
	return o.n, nil
}

// Composition: calls of jobs that await.

//fsmgen:job
func Sub(ctx fsm.Context, x int) (int, error) {
	return fsm.Await(ctx, Echo.Call(x))
}

//fsmgen:job
func CallsSub(ctx fsm.Context) (int, error) {
	return Sub(ctx, 1) // a valid nested call: no diagnostic
}

//fsmgen:job
func SelfCall(ctx fsm.Context, n int) (int, error) {
	if n == 0 {
		return fsm.Await(ctx, Echo.Call(0))
	}
	return SelfCall(ctx, n-1) // want `recursive call of job SelfCall \(SelfCall → SelfCall\): a recursive job would nest machines without bound; start the inner call as a child job with fsm.Child instead`
}

//fsmgen:job
func Ping(ctx fsm.Context, n int) (int, error) {
	fsm.Await(ctx, Echo.Call(n))
	return Pong(ctx, n)
}

//fsmgen:job
func Pong(ctx fsm.Context, n int) (int, error) {
	return Ping(ctx, n) // want `recursive call of job Ping \(Ping → Pong → Ping\)`
}

// Stepper has a method job.
type Stepper struct{ N int }

//fsmgen:job
func (s Stepper) Step(ctx fsm.Context) (int, error) {
	return fsm.Await(ctx, Echo.Call(s.N))
}

//fsmgen:job
func CallsMethodJob(ctx fsm.Context, s *Stepper) (int, error) {
	return s.Step(ctx) // want `call of job method Stepper.Step from job CallsMethodJob through a pointer or an embedded field: the nested machine takes its receiver by value; call it on a value of type Stepper`
}

// Stepped embeds a Stepper.
type Stepped struct{ Stepper }

//fsmgen:job
func CallsPromotedJob(ctx fsm.Context, s Stepped) (int, error) {
	return s.Step(ctx) // want `call of job method Stepper.Step from job CallsPromotedJob through a pointer or an embedded field`
}

//fsmgen:job
func SubInLiteral(ctx fsm.Context) (int, error) {
	f := func() int {
		n, _ := Sub(ctx, 2) // want `call of job Sub, which awaits, inside a function literal`
		return n
	}
	return f(), nil
}

//fsmgen:job
func SubOtherContext(ctx fsm.Context, other fsm.Context) (int, error) {
	fsm.Await(ctx, Echo.Call(1))
	return Sub(other, 1) // want `job Sub must be called with job SubOtherContext's own Context parameter ctx`
}

//fsmgen:job
func SubInGo(ctx fsm.Context) (int, error) {
	go Sub(ctx, 1) // want `await in a go statement`
	return 0, nil
}

var stored []func()

func keep(f func()) { stored = append(stored, f) }

//fsmgen:job
func StoredClosure(ctx fsm.Context) (int, error) {
	n := 1 // want `variable n is captured by the function literal at refused.go:\d+:\d+, which the job passes on or stores, and is used after the await at refused.go:\d+:\d+`
	keep(func() { n++ })
	fsm.Await(ctx, Echo.Call(0))
	stored[0]()
	return n, nil
}

//fsmgen:job
func StoredClosureWritten(ctx fsm.Context) (int, error) {
	n := 1 // want `variable n is captured by the function literal`
	keep(func() { println(n) })
	fsm.Await(ctx, Echo.Call(0))
	n = 5
	stored[0]()
	return 0, nil
}

// StoredClosureBefore is fine: its literal is done with before the await.
//
//fsmgen:job
func StoredClosureBefore(ctx fsm.Context) (int, error) {
	n := 1
	keep(func() { n++ })
	stored[len(stored)-1]()
	return fsm.Await(ctx, Echo.Call(n))
}

// Migrations of a malformed form (see docs/changing-jobs.md).
type migOld struct{ n int }

type migNew struct{ n int }

//fsmgen:migrate Sub 0123 start // want `//fsmgen:migrate takes a job, the layout an earlier build stored \(16 hex digits`
func migArgs(old migOld) (migNew, error) { return migNew{n: old.n}, nil }

//fsmgen:migrate Sub 0123456789abcdef start
func migPointer(old *migOld) (migNew, error) { // want `migration migPointer must be a function func\(old S1\) \(S2, error\)`
	return migNew{n: old.n}, nil
}
