package equiv

import (
	"context"
	"fmt"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// The benchmarks run ManyAwaits (a loop of awaits of a no-op activity) three
// ways, per await: as the plain function, as its machine driven in memory, and
// as its machine with a checkpoint (state and op encoded, decoded into a fresh
// machine, outcome stored and loaded) at every await. Compare them side by
// side in one run: go test -run '^$' -bench ManyAwaits ./tests/equiv

const benchAwaits = 1000

func BenchmarkManyAwaitsPlain(b *testing.B) {
	ctx := fsm.Direct(context.Background())
	for b.Loop() {
		if _, err := ManyAwaits(ctx, benchAwaits); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchAwaits), "ns/await")
}

func BenchmarkManyAwaitsMachine(b *testing.B) {
	info, _ := fsm.LookupJob(ManyAwaits)
	ctx := context.Background()
	mctx := fsm.MachineContext(ctx)
	for b.Loop() {
		m, err := info.New([]any{benchAwaits})
		if err != nil {
			b.Fatal(err)
		}
		var out fsm.Outcome
		for {
			op, err := m.Resume(mctx, out)
			if err != nil {
				b.Fatal(err)
			}
			if op == nil {
				break
			}
			out = fsm.RunOp(ctx, op)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchAwaits), "ns/await")
}

func BenchmarkManyAwaitsCheckpointed(b *testing.B) {
	info, _ := fsm.LookupJob(ManyAwaits)
	ctx := context.Background()
	mctx := fsm.MachineContext(ctx)
	var bytesPerCheckpoint int
	for b.Loop() {
		m, err := info.New([]any{benchAwaits})
		if err != nil {
			b.Fatal(err)
		}
		var out fsm.Outcome
		for {
			op, err := m.Resume(mctx, out)
			if err != nil {
				b.Fatal(err)
			}
			if op == nil {
				break
			}
			c := save(b, m, op)
			bytesPerCheckpoint = len(c.state)
			m, op = c.load(b, info)
			res, err := fsm.EncodeOutcome(op, fsm.RunOp(ctx, op))
			if err != nil {
				b.Fatal(err)
			}
			if out, err = fsm.DecodeOutcome(op, res); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*benchAwaits), "ns/await")
	b.ReportMetric(float64(bytesPerCheckpoint), "B/checkpoint")
}

// BenchmarkResumeAt resumes ManyAwaits from its checkpoint at await #10 and
// at await #10,000: decode the state, the pending op and its outcome into a
// fresh machine and run it to its next await, as a worker does after a
// restart. Nothing is replayed, so the two cost the same; compare them in
// one run: go test -run '^$' -bench ResumeAt ./tests/equiv
func BenchmarkResumeAt(b *testing.B) {
	for _, at := range []int{10, 10_000} {
		b.Run(fmt.Sprintf("await=%d", at), func(b *testing.B) {
			info, _ := fsm.LookupJob(ManyAwaits)
			ctx := context.Background()
			mctx := fsm.MachineContext(ctx)
			m, err := info.New([]any{at + 10})
			if err != nil {
				b.Fatal(err)
			}
			var out fsm.Outcome
			var op fsm.AnyOp
			for range at {
				if op, err = m.Resume(mctx, out); err != nil || op == nil {
					b.Fatalf("await: %v, %v", op, err)
				}
				out = fsm.RunOp(ctx, op)
			}
			c := save(b, m, op)
			outBytes, err := fsm.EncodeOutcome(op, out)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				m, op := c.load(b, info)
				in, err := fsm.DecodeOutcome(op, outBytes)
				if err != nil {
					b.Fatal(err)
				}
				if next, err := m.Resume(mctx, in); err != nil || next == nil {
					b.Fatalf("resume: %v, %v", next, err)
				}
			}
			b.ReportMetric(float64(len(c.state)), "B/state")
		})
	}
}

// checkpoint is a machine stopped at an await, as a store holds it.
type checkpoint struct{ state, op []byte }

// save encodes m and the op it awaits.
func save(b *testing.B, m fsm.Machine, op fsm.AnyOp) checkpoint {
	state, err := m.MarshalCBOR()
	if err != nil {
		b.Fatal(err)
	}
	opBytes, err := fsm.EncodeOp(op)
	if err != nil {
		b.Fatal(err)
	}
	return checkpoint{state, opBytes}
}

// load decodes c into a fresh machine of info's job and its pending op.
func (c checkpoint) load(b *testing.B, info *fsm.JobInfo) (fsm.Machine, fsm.AnyOp) {
	m := info.Zero()
	if err := m.UnmarshalCBOR(c.state); err != nil {
		b.Fatal(err)
	}
	op, err := fsm.DecodeOp(c.op)
	if err != nil {
		b.Fatal(err)
	}
	return m, op
}
