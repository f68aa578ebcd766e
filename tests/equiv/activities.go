package equiv

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Pair is the argument of Add and the value of Swap.
type Pair struct {
	A, B int
}

// Activities of the corpus. Each one is a pure function of its argument except
// Record, which also appends its argument to a log so that tests can see the
// order and number of its runs.
var (
	Echo     = fsm.NewActivity("equiv.echo", func(_ context.Context, x int) (int, error) { return x, nil })
	Add      = fsm.NewActivity("equiv.add", func(_ context.Context, p Pair) (int, error) { return p.A + p.B, nil })
	Swap     = fsm.NewActivity("equiv.swap", func(_ context.Context, p Pair) (Pair, error) { return Pair{A: p.B, B: p.A}, nil })
	Str      = fsm.NewActivity("equiv.str", func(_ context.Context, s string) (string, error) { return s, nil })
	Positive = fsm.NewActivity("equiv.positive", func(_ context.Context, x int) (bool, error) { return x > 0, nil })
	Fail     = fsm.NewActivity("equiv.fail", func(_ context.Context, s string) (int, error) { return 0, errors.New("boom: " + s) })
	// Even fails for odd numbers, so a job can handle some errors and go on.
	Even = fsm.NewActivity("equiv.even", func(_ context.Context, x int) (int, error) {
		if x%2 != 0 {
			return 0, fmt.Errorf("odd: %d", x)
		}
		return x, nil
	})
	Record = fsm.NewActivity("equiv.record", func(_ context.Context, s string) (string, error) {
		records.Lock()
		defer records.Unlock()
		records.log = append(records.log, s)
		return s, nil
	})

	// Echoes of other types, so that values also travel as op arguments and
	// results.
	EchoI64   = fsm.NewActivity("equiv.i64", func(_ context.Context, x int64) (int64, error) { return x, nil })
	EchoU64   = fsm.NewActivity("equiv.u64", func(_ context.Context, x uint64) (uint64, error) { return x, nil })
	EchoF64   = fsm.NewActivity("equiv.f64", func(_ context.Context, x float64) (float64, error) { return x, nil })
	EchoBytes = fsm.NewActivity("equiv.bytes", func(_ context.Context, x []byte) ([]byte, error) { return x, nil })
	EchoInts  = fsm.NewActivity("equiv.ints", func(_ context.Context, x []int) ([]int, error) { return x, nil })
	EchoDict  = fsm.NewActivity("equiv.dict", func(_ context.Context, x map[string]int) (map[string]int, error) { return x, nil })
	EchoDur   = fsm.NewActivity("equiv.duration", func(_ context.Context, x time.Duration) (time.Duration, error) { return x, nil })
	EchoOuter = fsm.NewActivity("equiv.outer", func(_ context.Context, x Outer) (Outer, error) { return x, nil })
)

// records is the log of Record runs.
var records struct {
	sync.Mutex
	log []string
}

func resetRecords() {
	records.Lock()
	defer records.Unlock()
	records.log = nil
}

func recordLog() []string {
	records.Lock()
	defer records.Unlock()
	return append([]string(nil), records.log...)
}

// v returns the value of an await, for awaits nested in expressions.
func v[T any](x T, _ error) T { return x }

// e returns the error of an await.
func e[T any](_ T, err error) error { return err }

// trace records the calls of tr in order. A job that uses it calls resetTrace
// first and returns traceStr last, so that a helper call the machine runs twice,
// skips or runs out of order shows in its results.
var trace []string

func resetTrace() { trace = nil }

// tr records label and returns x.
func tr[T any](label string, x T) T {
	trace = append(trace, label)
	return x
}

func traceStr() string { return strings.Join(trace, ",") }

// f3 combines three digits, so that a swapped argument shows.
func f3(a, b, c int) int { return a*100 + b*10 + c }
