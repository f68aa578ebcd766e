package handles

import (
	"context"
	"reflect"
	"regexp"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

// Each handle has the argument and result types the docs promise; this
// does not compile otherwise.
var (
	_ fsm.Job[struct{}, int]                                 = NoParamsJob
	_ fsm.Job[Order, Receipt]                                = CheckoutJob
	_ fsm.Job[SplitArgs, string]                             = SplitJob
	_ fsm.Job[int, struct{}]                                 = NothingJob
	_ fsm.Job[int, struct{}]                                 = ErrOnlyJob
	_ fsm.Job[int, int]                                      = NoErrorJob
	_ fsm.Job[[]int, StatsResults]                           = StatsJob
	_ fsm.Job[int, PairResults]                              = PairJob
	_ fsm.Job[CartTotalArgs, int]                            = CartTotalJob
	_ fsm.Job[Cart, int]                                     = CartSizeJob
	_ fsm.Job[CartEmptyArgs, bool]                           = CartEmptyJob
	_ fsm.Job[Order, string]                                 = ParentJob
	_ fsm.Job[ZipArgs[string, int], ZipResults[string, int]] = ZipJob[string, int]()
	_ fsm.Job[[]Order, Order]                                = FirstJob[Order]()
	_                                                        = startAndWait
	_ func(CartTotalArgs) (Cart, int)                        = func(a CartTotalArgs) (Cart, int) { return a.C, a.Discount }
)

// startAndWait is how a driver uses handles: the compiler checks the
// argument given to Start and the result Wait returns.
func startAndWait(ctx context.Context, e *fsm.Engine) (Receipt, StatsResults, error) {
	id, err := fsm.Start(ctx, e, CheckoutJob, Order{ID: "o-1", Cents: 3})
	if err != nil {
		return Receipt{}, StatsResults{}, err
	}
	r, err := fsm.Wait(ctx, e, CheckoutJob, id)
	if err != nil {
		return Receipt{}, StatsResults{}, err
	}
	id, err = fsm.Start(ctx, e, StatsJob, []int{1, 2})
	if err != nil {
		return r, StatsResults{}, err
	}
	s, err := fsm.Wait(ctx, e, StatsJob, id)
	return r, s, err
}

// runHandle starts the job of a handle from a, drives its machine to the end,
// encoding it to bytes and decoding it into a fresh machine at every step
// (and once it is done), and returns what the handle reads from its results.
func runHandle[A, R any](t *testing.T, job fsm.Job[A, R], a A) (R, error) {
	t.Helper()
	info, ok := fsm.JobByName(job.Name())
	if !ok {
		t.Fatalf("no machine registered as %s", job.Name())
	}
	m, err := info.New(job.Args(a))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx := fsm.MachineContext(context.Background())
	var in fsm.Outcome
	for steps := 0; ; steps++ {
		if steps > 100 {
			t.Fatal("the machine does not finish")
		}
		op, err := m.Resume(ctx, in)
		if err != nil {
			t.Fatalf("Resume: %v", err)
		}
		b, err := m.MarshalCBOR()
		if err != nil {
			t.Fatalf("MarshalCBOR: %v", err)
		}
		fresh := info.Zero()
		if err := fresh.UnmarshalCBOR(b); err != nil {
			t.Fatalf("UnmarshalCBOR: %v", err)
		}
		m = fresh
		if op == nil {
			break
		}
		// Ops run outside the machine's Context, as a driver runs them.
		in = fsm.RunOp(context.Background(), op)
	}
	return job.Result(m.Results())
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestHandles(t *testing.T) {
	check := func(t *testing.T, got any, err error, want any, wantErr string) {
		t.Helper()
		if !reflect.DeepEqual(got, want) || errText(err) != wantErr {
			t.Errorf("got %#v, %q; want %#v, %q", got, errText(err), want, wantErr)
		}
	}
	t.Run("Bag.Count", func(t *testing.T) {
		r, err := runHandle(t, BagCountJob[string](), BagCountArgs[string]{B: Bag[string]{Items: []string{"a"}}, Extra: 2})
		check(t, r, err, 3, "")
	})
	t.Run("Zip", func(t *testing.T) {
		r, err := runHandle(t, ZipJob[string, int](), ZipArgs[string, int]{Keys: []string{"a", "b"}, Vals: []int{1, 2, 3}})
		check(t, r, err, ZipResults[string, int]{M: map[string]int{"a": 1, "b": 2}, Extra: 1}, "")
	})
	t.Run("First", func(t *testing.T) {
		r, err := runHandle(t, FirstJob[Order](), []Order{{ID: "f"}})
		check(t, r, err, Order{ID: "f"}, "")
		r, err = runHandle(t, FirstJob[Order](), nil)
		check(t, r, err, Order{}, "")
	})
	t.Run("NoParams", func(t *testing.T) {
		r, err := runHandle(t, NoParamsJob, struct{}{})
		check(t, r, err, 7, "")
	})
	t.Run("Checkout", func(t *testing.T) {
		r, err := runHandle(t, CheckoutJob, Order{ID: "o-1", Cents: 3})
		check(t, r, err, Receipt{Order: "o-1", Charge: "ch-xxx"}, "")
	})
	t.Run("Checkout/error", func(t *testing.T) {
		r, err := runHandle(t, CheckoutJob, Order{ID: "o-2"})
		check(t, r, err, Receipt{}, "nothing to charge")
	})
	t.Run("Split", func(t *testing.T) {
		r, err := runHandle(t, SplitJob, SplitArgs{Sep: "-", Limit: 2, Words: []string{"a", "b", "c"}})
		check(t, r, err, "a-b", "")
	})
	t.Run("Nothing", func(t *testing.T) {
		r, err := runHandle(t, NothingJob, 3)
		check(t, r, err, struct{}{}, "")
	})
	t.Run("ErrOnly", func(t *testing.T) {
		r, err := runHandle(t, ErrOnlyJob, 0)
		check(t, r, err, struct{}{}, "nothing to charge")
		r, err = runHandle(t, ErrOnlyJob, 1)
		check(t, r, err, struct{}{}, "")
	})
	t.Run("NoError", func(t *testing.T) {
		r, err := runHandle(t, NoErrorJob, 21)
		check(t, r, err, 42, "")
	})
	t.Run("Stats", func(t *testing.T) {
		r, err := runHandle(t, StatsJob, []int{1, 2, 3})
		check(t, r, err, StatsResults{Sum: 6, Label: "n=|||"}, "")
	})
	t.Run("Pair", func(t *testing.T) {
		r, err := runHandle(t, PairJob, 2)
		check(t, r, err, PairResults{R0: 2, R1: "aa"}, "")
	})
	t.Run("Cart.Total", func(t *testing.T) {
		r, err := runHandle(t, CartTotalJob, CartTotalArgs{C: Cart{Items: []int{4, 5}}, Discount: 1})
		check(t, r, err, 8, "")
	})
	t.Run("Cart.Size", func(t *testing.T) {
		r, err := runHandle(t, CartSizeJob, Cart{Items: []int{4, 5}})
		check(t, r, err, 2, "")
	})
	t.Run("Cart.Empty", func(t *testing.T) {
		r, err := runHandle(t, CartEmptyJob, CartEmptyArgs{X: 0})
		check(t, r, err, true, "")
	})
	t.Run("Parent", func(t *testing.T) {
		r, err := runHandle(t, ParentJob, Order{ID: "o-3", Cents: 2})
		check(t, r, err, "o-3/ch-xx", "")
	})
}

// TestEquivalence runs every job as plain code and as its machine.
func TestEquivalence(t *testing.T) {
	cases := []struct {
		name string
		job  any
		args []any
	}{
		{"NoParams", NoParams, nil},
		{"Checkout", Checkout, []any{Order{ID: "o", Cents: 4}}},
		{"Split", Split, []any{",", 5, "x", "y"}},
		{"Nothing", Nothing, []any{1}},
		{"ErrOnly", ErrOnly, []any{0}},
		{"NoError", NoError, []any{1}},
		{"Stats", Stats, []any{[]int{3, 4}}},
		{"Pair", Pair, []any{3}},
		{"Cart.Total", Cart.Total, []any{Cart{Items: []int{1, 2}}, 0}},
		{"Cart.Size", Cart.Size, []any{Cart{}}},
		{"Cart.Empty", Cart.Empty, []any{Cart{}, 1}},
		// Parent is left out: fsmtest.Check counts the awaits of a child
		// run inline as the parent's own in the plain run, and not in the
		// machine's.
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { fsmtest.Check(t, c.job, c.args...) })
	}
}

// TestStartAndDone checks the descriptions of state 0 and the done state.
func TestStartAndDone(t *testing.T) {
	info, ok := fsm.JobByName(StatsJob.Name())
	if !ok {
		t.Fatal("Stats is not registered")
	}
	names := func(vs []fsm.VarInfo) []string {
		var out []string
		for _, v := range vs {
			out = append(out, v.Name+" "+v.Type)
		}
		return out
	}
	// State 0 stores what the job reads before writing: its parameter, and
	// the named result it adds to.
	if got, want := names(info.Start.Vars), []string{"xs []int", "sum int"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Start.Vars = %q, want %q", got, want)
	}
	if got, want := names(info.Done.Vars), []string{"sum int", "label string", "err error"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Done.Vars = %q, want %q", got, want)
	}
	if !regexp.MustCompile(`^handles\.go:\d+:6$`).MatchString(info.Start.Pos) {
		t.Errorf("Start.Pos = %q, want the job's name in handles.go", info.Start.Pos)
	}
	if !regexp.MustCompile(`^handles\.go:\d+:1$`).MatchString(info.Done.Pos) {
		t.Errorf("Done.Pos = %q, want the job's closing brace in handles.go", info.Done.Pos)
	}
	hex := regexp.MustCompile(`^[0-9a-f]{16}$`)
	for _, j := range fsm.RegisteredJobs() {
		states := append([]fsm.StateInfo{j.Start, j.Done}, j.States...)
		for i, s := range states {
			if !hex.MatchString(s.Layout) {
				t.Errorf("%s: state description %d has layout %q, want 16 hex digits", j.Name, i, s.Layout)
			}
		}
	}
	if info.Start.Layout == info.Done.Layout {
		t.Errorf("Stats: Start and Done have the same layout %s", info.Start.Layout)
	}
}
