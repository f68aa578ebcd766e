package equiv

import (
	"math"
)

var kindCases = []jobCase{
	{name: "KindComplex", job: KindComplex, want: out(
		complex(math.Float64frombits(0x7ff8_0000_0000_0007), math.Copysign(0, -1)),
		complex64(complex(float32(math.Inf(-1)), 0.1)),
		Phasor(2-4i),
		[]complex128{1i, complex(math.MaxFloat64, math.SmallestNonzeroFloat64), 2},
		map[string]complex64{"x": 3 + 4i, "y": complex64(complex(float32(math.Inf(-1)), 0.1)) * complex64(complex(float32(math.Inf(-1)), 0.1))},
		nil), awaits: 1},
}
