package equiv

import (
	"math"

	fsm "github.com/fsmgen/fsmgen/runtime"
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
