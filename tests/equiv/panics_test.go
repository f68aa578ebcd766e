package equiv

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/fsmtest"
)

var panicCases = []jobCase{
	{name: "PanicAfterAwait/ok", job: PanicAfterAwait, args: in(2), want: out(3, nil), awaits: 1},
}

// panicLine is the line of panics.go holding the index that panics.
func panicLine(t *testing.T) int {
	src, err := os.ReadFile("panics.go")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(src), "\n") {
		if strings.Contains(line, "the line panicLine names") {
			return i + 1
		}
	}
	t.Fatal("marker line not found in panics.go")
	return 0
}

func TestPanicEquivalent(t *testing.T) {
	// Check compares the two runs' panic values.
	res := fsmtest.Check(t, PanicAfterAwait, 7)
	if res.Awaits != 1 || res.Values != nil {
		t.Errorf("Check = %+v, want 1 await and a panic", res)
	}
}

// TestPanicPointsAtSource runs the machine until it panics and looks for the
// job's own file and line in the stack: a panic in a machine reads like a
// panic in the job.
func TestPanicPointsAtSource(t *testing.T) {
	info, ok := fsm.LookupJob(PanicAfterAwait)
	if !ok {
		t.Fatal("no machine registered")
	}
	m, err := info.New([]any{7})
	if err != nil {
		t.Fatal(err)
	}
	ctx := fsm.MachineContext(context.Background())
	op, err := m.Resume(ctx, fsm.Outcome{})
	if err != nil || op == nil {
		t.Fatalf("first Resume = %v, %v; want an op", op, err)
	}
	out := fsm.RunOp(context.Background(), op)
	var frames []string
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the machine did not panic")
			}
			pcs := make([]uintptr, 32)
			n := runtime.Callers(0, pcs)
			fs := runtime.CallersFrames(pcs[:n])
			for {
				f, more := fs.Next()
				frames = append(frames, fmt.Sprintf("%s:%d", f.File, f.Line))
				if !more {
					break
				}
			}
		}()
		_, _ = m.Resume(ctx, out)
	}()
	// Directives name the source file relative to the generated one, so that
	// generated files do not depend on where the module is checked out.
	want := fmt.Sprintf("panics.go:%d", panicLine(t))
	for _, f := range frames {
		if f == want || strings.HasSuffix(f, "/"+want) {
			if m.State() != fsm.StatePoisoned {
				t.Errorf("State after a panic = %d, want StatePoisoned", m.State())
			}
			return
		}
	}
	t.Errorf("no frame at %s in the panic's stack:\n%s", want, strings.Join(frames, "\n"))
}
