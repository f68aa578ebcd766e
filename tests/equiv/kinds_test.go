package equiv

import (
	"math"
	"strings"
)

var kindCases = []jobCase{
	{name: "KindComplex", job: KindComplex, want: out(
		complex(math.Float64frombits(0x7ff8_0000_0000_0007), math.Copysign(0, -1)),
		complex64(complex(float32(math.Inf(-1)), 0.1)),
		Phasor(2-4i),
		[]complex128{1i, complex(math.MaxFloat64, math.SmallestNonzeroFloat64), 2},
		map[string]complex64{"x": 3 + 4i, "y": complex64(complex(float32(math.Inf(-1)), 0.1)) * complex64(complex(float32(math.Inf(-1)), 0.1))},
		nil), awaits: 1},
	{name: "KindInterfaces", job: KindInterfaces, args: []any{4}, want: out("[string []uint8 equiv.Plank] {1 0} true 13 [a 1.5 <nil>] square 1.5 equiv.Disc", nil), awaits: 3},
	{name: "KindTypeSwitchInt", job: KindTypeSwitch, args: []any{7}, want: out("int 7", nil), awaits: 1},
	{name: "KindTypeSwitchStringer", job: KindTypeSwitch, args: []any{Tile(2)}, want: out("equiv.Tile square 2", nil), awaits: 1},
	{name: "KindTypeSwitchError", job: KindTypeSwitch, args: []any{CodeErr{Code: 3}}, want: out("equiv.CodeErr code 3", nil), awaits: 1},
	{name: "KindTypeSwitchOther", job: KindTypeSwitch, args: []any{"s"}, want: out("other", nil), awaits: 0},
	{name: "KindErrors", job: KindErrors, want: out("first true wrapped: inner held true", nil), awaits: 1},
	{name: "KindTimes", job: KindTimes, want: out(strings.Join([]string{
		"2026-03-08T03:00:00.999999999-04:00 EDT America/New_York -04:00 EDT",
		"2026-12-06T12:00:00.000000001+09:00 JST Asia/Tokyo +09:00 JST",
		"2026-12-06T12:00:00-05:00 EST EST -05:00 EST",
		"2026-12-06T12:00:00+05:30 +0530  +05:30 +0530",
		"1850-01-01T00:00:00-04:56 LMT America/New_York -04:56 LMT",
		"2001-09-09T01:46:40.000000005Z UTC UTC +00:00 UTC",
		"0001-01-01T00:00:00Z UTC UTC +00:00 UTC",
	}, "\n"), nil), awaits: 1},
	{name: "KindUnexported", job: KindUnexported, args: []any{"bob"}, want: out("t 300 prev -1 3 2 | bob e0 e1 e2 (closed) = $$$", nil), awaits: 4},
}
