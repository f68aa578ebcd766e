package fsm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"
)

type chargeReq struct {
	Order  ID
	Amount int64
	Items  []string
	Rate   float32
}

type receipt struct {
	ID    string
	Total float64
	When  time.Time
	Lines map[string]int
}

// Activities registered for the tests; names are unique to this file.
var (
	testCharge = NewActivity("fsm_test.charge", func(_ context.Context, r chargeReq) (receipt, error) {
		return receipt{ID: "r-" + string(r.Order), Total: float64(r.Amount) * 1.5, When: time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC), Lines: map[string]int{}}, nil
	})
	testFail = NewActivity("fsm_test.fail", func(_ context.Context, n int) (int, error) {
		return 0, fmt.Errorf("attempt %d failed: %w", n, io.ErrUnexpectedEOF)
	})
	testPtr = NewActivity("fsm_test.ptr", func(_ context.Context, p *Point) (*Point, error) {
		if p == nil {
			return nil, nil
		}
		return &Point{p.Y, p.X}, nil
	})
	testSlice = NewActivity("fsm_test.slice", func(_ context.Context, s []float64) ([]float64, error) {
		return s, nil
	})
	testChan   = NewActivity("fsm_test.chan", func(_ context.Context, c chan int) (int, error) { return 0, nil })
	testCyclic = NewActivity("fsm_test.cyclic", func(_ context.Context, n int) (*node, error) {
		l := &node{V: n}
		l.Next = l
		return l, nil
	})
)

// reloadOp encodes op, decodes it, and checks that it is the same op.
func reloadOp(t *testing.T, op AnyOp) AnyOp {
	t.Helper()
	b, err := EncodeOp(op)
	if err != nil {
		t.Fatalf("EncodeOp(%v): %v", op, err)
	}
	got, err := DecodeOp(b)
	if err != nil {
		t.Fatalf("DecodeOp(%x): %v", b, err)
	}
	if got.String() != op.String() {
		t.Fatalf("decoded op %v, want %v", got, op)
	}
	type hasArg interface{ Arg() any }
	a, b2 := op.(hasArg).Arg(), got.(hasArg).Arg()
	if d := exactDiff(valueOf(&a), valueOf(&b2), "arg"); d != "" {
		t.Fatalf("argument changed: %s", d)
	}
	return got
}

// reloadOutcome encodes an outcome of op and decodes it.
func reloadOutcome(t *testing.T, op AnyOp, o Outcome) Outcome {
	t.Helper()
	b, err := EncodeOutcome(op, o)
	if err != nil {
		t.Fatalf("EncodeOutcome: %v", err)
	}
	got, err := DecodeOutcome(op, b)
	if err != nil {
		t.Fatalf("DecodeOutcome(%x): %v", b, err)
	}
	return got
}

func TestOpRoundTrip(t *testing.T) {
	ctx := context.Background()
	ops := []AnyOp{
		testCharge.Call(chargeReq{Order: "o\xff1", Amount: math.MinInt64, Items: []string{}, Rate: float32(math.Inf(-1))}),
		testCharge.Call(chargeReq{}),
		testFail.Call(math.MaxInt),
		testPtr.Call(nil),
		testPtr.Call(&Point{1, 2}),
		testSlice.Call(nil),
		testSlice.Call([]float64{math.Copysign(0, -1), math.NaN()}),
	}
	for _, op := range ops {
		t.Run(op.String(), func(t *testing.T) {
			got := reloadOp(t, op)
			// The decoded op does what the original does.
			want := RunOp(ctx, op)
			out := RunOp(ctx, got)
			if (want.Err() == nil) != (out.Err() == nil) || (want.Err() != nil && want.Err().Error() != out.Err().Error()) {
				t.Fatalf("outcome %v, want %v", out.Err(), want.Err())
			}
			// And its outcome survives storage.
			re := reloadOutcome(t, got, out)
			if want.Err() != nil {
				if re.Err() == nil || re.Err().Error() != want.Err().Error() {
					t.Fatalf("reloaded error %v, want text %q", re.Err(), want.Err())
				}
				return
			}
			wv, rv := want.Value(), re.Value()
			if d := exactDiff(valueOf(&wv), valueOf(&rv), "value"); d != "" {
				t.Fatal(d)
			}
		})
	}
}

func TestOutcomeFailedKeepsText(t *testing.T) {
	op := testFail.Call(3)
	orig := RunOp(context.Background(), op)
	if orig.Err() == nil {
		t.Fatal("the test activity did not fail")
	}
	re := reloadOutcome(t, op, orig)
	if re.Err().Error() != orig.Err().Error() {
		t.Fatalf("reloaded error text %q, want %q", re.Err(), orig.Err())
	}
	var ae *ActivityError
	if !errors.As(re.Err(), &ae) || ae.Op != op.String() || ae.Message != orig.Err().Error() {
		t.Fatalf("reloaded error %#v, want an *ActivityError of %v", re.Err(), op)
	}
	if _, err := Take[int](re); err == nil || err.Error() != "attempt 3 failed: unexpected EOF" {
		t.Fatalf("Take: %v", err)
	}
	// Reloading a reloaded failure changes nothing.
	again := reloadOutcome(t, op, re)
	if again.Err().Error() != orig.Err().Error() {
		t.Fatalf("twice reloaded error text %q", again.Err())
	}
	// An error with empty text stays an error.
	empty := reloadOutcome(t, op, Outcome{err: errors.New("")})
	if empty.Err() == nil || empty.Err().Error() != "" {
		t.Fatalf("empty error came back as %#v", empty.Err())
	}
}

func TestOutcomeValues(t *testing.T) {
	op := testCharge.Call(chargeReq{Order: "x"})
	out := RunOp(context.Background(), op)
	re := reloadOutcome(t, op, out)
	r, err := Take[receipt](re)
	if err != nil {
		t.Fatal(err)
	}
	want := out.Value().(receipt)
	if d := exactDiff(valueOf(&want), valueOf(&r), "receipt"); d != "" {
		t.Fatal(d)
	}
	// The zero Outcome (no value, no error) comes back as the zero result.
	z := reloadOutcome(t, op, Outcome{})
	if zr, err := Take[receipt](z); err != nil || zr.ID != "" || zr.Lines != nil {
		t.Fatalf("zero outcome came back as %#v, %v", zr, err)
	}
	// A nil pointer result stays nil; a non-nil one stays non-nil.
	pop := testPtr.Call(nil)
	if p, err := Take[*Point](reloadOutcome(t, pop, Outcome{value: (*Point)(nil)})); err != nil || p != nil {
		t.Fatalf("nil pointer result came back as %v, %v", p, err)
	}
	if p, err := Take[*Point](reloadOutcome(t, pop, Outcome{value: &Point{}})); err != nil || p == nil {
		t.Fatalf("non-nil pointer result came back as %v, %v", p, err)
	}
}

func TestOpErrors(t *testing.T) {
	rec := func(kind uint8, name string, arg []byte) []byte {
		b, err := encode(opRecord{Kind: kind, Name: name, Arg: arg})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	good, err := EncodeOp(testCharge.Call(chargeReq{Order: "a"}))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"unknown op kind", rec(99, testCharge.Name(), []byte{0xf6}), "stored op has unknown kind 99"},
		{"kind zero", rec(0, testCharge.Name(), []byte{0xf6}), "unknown kind 0"},
		{"unregistered activity", rec(opActivity, "nobody.registers.this", []byte{0xf6}), `activity "nobody.registers.this", which this program does not register`},
		{"argument of the wrong type", rec(opActivity, testCharge.Name(), mustMarshal(t, "not a struct")), `decoding the argument of activity "fsm_test.charge"`},
		{"argument with an unknown field", rec(opActivity, testCharge.Name(), mustMarshal(t, map[string]int{"Bogus": 1})), "unknown field"},
		{"argument overflows", rec(opActivity, testFail.Name(), mustMarshal(t, uint64(math.MaxUint64))), "overflows"},
		{"kind overflows uint8", mustMarshal(t, []any{300, "x", nil}), "decoding an op"},
		{"too few fields", mustMarshal(t, []any{1, testCharge.Name()}), "decoding an op"},
		{"too many fields", mustMarshal(t, []any{1, testCharge.Name(), nil, nil}), "decoding an op"},
		{"a map, not an array", mustMarshal(t, map[string]int{"Kind": 1}), "decoding an op"},
		{"truncated", good[:len(good)-2], "decoding an op"},
		{"empty", nil, "decoding an op"},
		{"trailing bytes", append(append([]byte{}, good...), 0xf6), "decoding an op"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			op, err := DecodeOp(c.data)
			if err == nil {
				t.Fatalf("DecodeOp(%x) = %v, want an error", c.data, op)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to contain %q", err, c.want)
			}
		})
	}
	if _, err := EncodeOp(nil); err == nil {
		t.Error("EncodeOp(nil): no error")
	}
	if _, err := EncodeOp(testChan.Call(make(chan int))); err == nil || !strings.Contains(err.Error(), `encoding the argument of activity "fsm_test.chan"`) {
		t.Errorf("EncodeOp with a channel argument: %v", err)
	}
}

func TestOutcomeErrors(t *testing.T) {
	op := testCharge.Call(chargeReq{})
	rec := func(failed bool, value []byte, msg string) []byte {
		b, err := encode(outcomeRecord{Failed: failed, Value: value, Error: msg})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"value of the wrong type", rec(false, mustMarshal(t, 42), ""), `decoding the result of activity "fsm_test.charge"`},
		{"value with an unknown field", rec(false, mustMarshal(t, map[string]int{"Nope": 1}), ""), "unknown field"},
		{"failed with a value", rec(true, mustMarshal(t, 42), "x"), "a failed outcome with a value"},
		{"not a record", mustMarshal(t, "hello"), "decoding the outcome of"},
		{"too few fields", mustMarshal(t, []any{false, nil}), "decoding the outcome of"},
		{"failed not a bool", mustMarshal(t, []any{1, nil, ""}), "decoding the outcome of"},
		{"truncated", rec(false, mustMarshal(t, receipt{ID: "x"}), "")[:10], "decoding the outcome of"},
		{"empty", nil, "decoding the outcome of"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o, err := DecodeOutcome(op, c.data)
			if err == nil {
				t.Fatalf("DecodeOutcome(%x) = %+v, want an error", c.data, o)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q, want it to contain %q", err, c.want)
			}
		})
	}
	if _, err := DecodeOutcome(nil, rec(false, []byte{0xf6}, "")); err == nil {
		t.Error("DecodeOutcome with a nil op: no error")
	}
	cyc := testCyclic.Call(1)
	if _, err := EncodeOutcome(cyc, RunOp(context.Background(), cyc)); err == nil || !strings.Contains(err.Error(), "cyclic") {
		t.Errorf("EncodeOutcome of a cyclic result: %v", err)
	}
	if _, err := EncodeOutcome(op, Outcome{err: (*panicky)(nil)}); err == nil {
		t.Error("EncodeOutcome of an error whose Error panics: no error")
	}
}
