package equiv

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/tests/equiv/ledger"
)

// Values beyond plain data, held across awaits: complex numbers, times with
// their zones, interface values of several dynamic types, and structs with
// unexported fields.

// Phasor is a named complex type.
type Phasor complex64

// KindComplex holds complex numbers of both widths, alone and inside other
// values, across an await; their parts include the floats that are easiest to
// lose (NaN payloads, -0, infinities).
//
//fsmgen:job
func KindComplex(ctx fsm.Context) (complex128, complex64, Phasor, []complex128, map[string]complex64, error) {
	c := complex(math.Float64frombits(0x7ff8_0000_0000_0007), math.Copysign(0, -1))
	var c64 complex64 = complex(float32(math.Inf(-1)), 0.1)
	p := Phasor(1 - 2i)
	cs := []complex128{1i, complex(math.MaxFloat64, math.SmallestNonzeroFloat64)}
	m := map[string]complex64{"x": 3 + 4i}
	n, err := fsm.Await(ctx, Echo.Call(2))
	cs = append(cs, complex(float64(n), 0))
	m["y"] = c64 * c64
	p *= 2
	return c, c64, p, cs, m, err
}

// Figure is an interface with implementations of several kinds.
type Figure interface{ Area() float64 }

// Tile and Disc are Shapes; *Plank is one through its pointer.
type (
	Tile  float64
	Disc  struct{ R float64 }
	Plank struct{ W, H float64 }
)

func (s Tile) Area() float64   { return float64(s * s) }
func (c Disc) Area() float64   { return 3 * c.R * c.R }
func (r *Plank) Area() float64 { return r.W * r.H }
func (s Tile) String() string  { return fmt.Sprintf("square %g", float64(s)) }

// KindInterfaces holds interface values of several dynamic types across
// awaits, alone and inside slices, maps and structs, and asks for their
// dynamic types after each.
//
//fsmgen:job
func KindInterfaces(ctx fsm.Context, n int) (string, error) {
	var x any = n
	figures := []Figure{Tile(2), Disc{R: 1}, &Plank{W: 2, H: 3}, nil}
	byName := map[string]any{"int8": int8(-3), "list": []any{"a", 1.5, nil}, "shape": Disc{R: 2}}
	var s fmt.Stringer = Tile(1.5)
	var log []string
	for i := range 3 {
		v, err := fsm.Await(ctx, Echo.Call(i))
		if err != nil {
			return "", err
		}
		switch t := x.(type) {
		case int:
			x = fmt.Sprint(t + v)
		case string:
			x = []byte(t)
		case []byte:
			x = Plank{W: float64(len(t))}
		}
		log = append(log, fmt.Sprintf("%T", x))
	}
	total := 0.0
	for _, sh := range figures {
		if sh != nil {
			total += sh.Area()
		}
	}
	_, isInt8 := byName["int8"].(int8)
	return fmt.Sprintf("%v %v %v %g %v %s %T", log, x, isInt8, total, byName["list"], s, byName["shape"]), nil
}

// KindTypeSwitch holds the variable of a type switch across awaits, in a
// case of one type (a concrete variable) and in a case of several (an
// interface one).
//
//fsmgen:job
func KindTypeSwitch(ctx fsm.Context, x any) (string, error) {
	switch t := x.(type) {
	case int:
		v, err := fsm.Await(ctx, Echo.Call(t))
		return fmt.Sprint("int ", v), err
	case error, fmt.Stringer:
		if _, err := fsm.Await(ctx, Echo.Call(1)); err != nil {
			return "", err
		}
		return fmt.Sprintf("%T %v", t, t), nil
	}
	return "other", nil
}

// KindErrors keeps errors inside other values across an await: an error of
// a registered type survives as itself, any other as its text, as an error
// variable does.
//
//fsmgen:job
func KindErrors(ctx fsm.Context) (string, error) {
	errs := []error{errors.New("first"), nil, fmt.Errorf("wrapped: %w", errors.New("inner"))}
	var holder struct{ Err, Coded error }
	holder.Err = errors.New("held")
	holder.Coded = CodeErr{Code: 7}
	if _, err := fsm.Await(ctx, Echo.Call(1)); err != nil {
		return "", err
	}
	var ce CodeErr
	return fmt.Sprintf("%v %v %v %v %v", errs[0], errs[1] == nil, errs[2], holder.Err, errors.As(holder.Coded, &ce) && ce.Code == 7), nil
}

// CodeErr is an error type the job registers (by converting it to error), so
// that it is stored as itself rather than as its text.
type CodeErr struct{ Code int }

func (e CodeErr) Error() string { return fmt.Sprint("code ", e.Code) }

// Zones used by KindTimes.
var (
	newYork = mustLoad("America/New_York")
	tokyo   = mustLoad("Asia/Tokyo")
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// KindTimes holds times in several kinds of zone across awaits and formats
// them after, with their zone names and the zone rules six months on.
//
//fsmgen:job
func KindTimes(ctx fsm.Context) (string, error) {
	ny := time.Date(2026, 3, 8, 1, 59, 59, 999999999, newYork)
	jp := time.Date(2026, 12, 6, 12, 0, 0, 1, tokyo)
	fixed := time.Date(2026, 12, 6, 12, 0, 0, 0, time.FixedZone("EST", -5*3600))
	parsed, err := time.Parse(time.RFC3339, "2026-12-06T12:00:00+05:30")
	if err != nil {
		return "", err
	}
	lmt := time.Date(1850, 1, 1, 0, 0, 0, 0, newYork)
	times := map[string]time.Time{"utc": time.Unix(1e9, 5).UTC(), "zero": {}}
	if _, err := fsm.Await(ctx, Echo.Call(1)); err != nil {
		return "", err
	}
	ny = ny.Add(time.Second) // across the switch to summer time
	var out []string
	for _, t := range []time.Time{ny, jp, fixed, parsed, lmt, times["utc"], times["zero"]} {
		out = append(out, t.Format(time.RFC3339Nano+" MST")+" "+t.Location().String()+" "+t.AddDate(0, 6, 0).Format("-07:00 MST"))
	}
	return strings.Join(out, "\n"), nil
}

// tally is a struct of the job's package with unexported fields, one of them
// a pointer to another such struct and one an interface.
type tally struct {
	name  string
	count int
	last  *tally
	seen  map[string]bool
	extra any
}

// KindUnexported holds structs with unexported fields across awaits: one of
// the job's package, and one of another package of the module, changed by its
// methods between the awaits.
//
//fsmgen:job
func KindUnexported(ctx fsm.Context, owner string) (string, error) {
	t := tally{name: "t", seen: map[string]bool{}, last: &tally{name: "prev", count: -1}}
	l := ledger.New(owner)
	for i := range 3 {
		v, err := fsm.Await(ctx, Echo.Call(i*100))
		if err != nil {
			return "", err
		}
		t.count += v
		t.seen[fmt.Sprint(i)] = true
		t.extra = i
		l.Add(fmt.Sprint("e", i), v)
	}
	l.Close()
	if _, err := fsm.Await(ctx, Echo.Call(0)); err != nil {
		return "", err
	}
	l.Add("late", 1000)
	return fmt.Sprintf("%s %d %s %d %d %v | %s", t.name, t.count, t.last.name, t.last.count, len(t.seen), t.extra, l), nil
}
