// Package probe is a red-team corpus of jobs for fsmgen: unusual but legal
// uses of the constructs a job may contain, each checked by fsmtest.Check as
// plain code and as its generated machine. Jobs that the generator gets wrong
// are kept as skipped tests (or, when their machine does not compile, as
// source text in failing/README.md).
package probe

//go:generate go run github.com/fsmgen/fsmgen/cmd/fsmgen

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Pair is a small struct value for ops.
type Pair struct {
	A, B int
}

// Activities of the probes; all pure functions of their argument.
var (
	Echo  = fsm.NewActivity("probe.echo", func(_ context.Context, x int) (int, error) { return x, nil })
	Inc   = fsm.NewActivity("probe.inc", func(_ context.Context, x int) (int, error) { return x + 1, nil })
	Str   = fsm.NewActivity("probe.str", func(_ context.Context, s string) (string, error) { return s, nil })
	Upper = fsm.NewActivity("probe.upper", func(_ context.Context, s string) (string, error) { return strings.ToUpper(s), nil })
	Swap  = fsm.NewActivity("probe.swap", func(_ context.Context, p Pair) (Pair, error) { return Pair{A: p.B, B: p.A}, nil })
	Pos   = fsm.NewActivity("probe.pos", func(_ context.Context, x int) (bool, error) { return x > 0, nil })
	Fail  = fsm.NewActivity("probe.fail", func(_ context.Context, s string) (int, error) { return 0, errors.New("fail: " + s) })
	Odd   = fsm.NewActivity("probe.odd", func(_ context.Context, x int) (int, error) {
		if x%2 == 0 {
			return 0, fmt.Errorf("even: %d", x)
		}
		return x, nil
	})
	Dur  = fsm.NewActivity("probe.dur", func(_ context.Context, d time.Duration) (time.Duration, error) { return d, nil })
	F64  = fsm.NewActivity("probe.f64", func(_ context.Context, x float64) (float64, error) { return x, nil })
	Ints = fsm.NewActivity("probe.ints", func(_ context.Context, x []int) ([]int, error) { return x, nil })
)

// v returns the value of an await.
func v[T any](x T, err error) T { return x }

// trace records helper calls in order; jobs that use it reset it first and
// return traceStr() last.
var trace []string

func resetTrace() { trace = nil }

func tr[T any](label string, x T) T {
	trace = append(trace, label)
	return x
}

func traceStr() string { return strings.Join(trace, ",") }
