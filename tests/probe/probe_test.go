package probe

import (
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

// probe is one run of a job: its arguments as fsmtest.Check takes them, the
// results worked out by hand (error last when the job returns one), and the
// exact number of awaits. skip, when set, names a known bug of the generator.
type probe struct {
	name   string
	job    any
	args   []any
	want   []any
	awaits int
	skip   string
}

func in(xs ...any) []any  { return xs }
func out(xs ...any) []any { return xs }

var allProbes [][]probe

func register(ps []probe) []probe {
	allProbes = append(allProbes, ps)
	return ps
}

func sameValue(got, want any) bool {
	ge, gIsErr := got.(error)
	we, wIsErr := want.(error)
	if gIsErr || wIsErr {
		return gIsErr && wIsErr && ge.Error() == we.Error()
	}
	if reflect.TypeOf(got) != reflect.TypeOf(want) {
		return false
	}
	return fmt.Sprintf("%#v", got) == fmt.Sprintf("%#v", want)
}

func TestProbes(t *testing.T) {
	seen := map[string]bool{}
	for _, ps := range allProbes {
		for _, p := range ps {
			if seen[p.name] {
				t.Errorf("probe %q listed twice", p.name)
			}
			seen[p.name] = true
			t.Run(p.name, func(t *testing.T) {
				if p.skip != "" && os.Getenv("PROBE_RUN_KNOWN_BUGS") == "" {
					t.Skip("known bug: " + p.skip + " (set PROBE_RUN_KNOWN_BUGS=1 to run)")
				}
				res := fsmtest.Check(t, p.job, p.args...)
				if res.Awaits != p.awaits {
					t.Errorf("awaits: got %d, want %d", res.Awaits, p.awaits)
				}
				if len(res.Values) != len(p.want) {
					t.Fatalf("got %d results %#v, want %d %#v", len(res.Values), res.Values, len(p.want), p.want)
				}
				for i := range p.want {
					if !sameValue(res.Values[i], p.want[i]) {
						t.Errorf("result %d: got %T %#v, want %T %#v", i, res.Values[i], res.Values[i], p.want[i], p.want[i])
					}
				}
			})
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }
