package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/fsmgen/fsmgen/examples/orders"
	fsm "github.com/fsmgen/fsmgen/runtime"
)

// TestMain makes the test binary a worker when the demo under test starts it
// as one (run re-executes os.Executable, which is then this binary).
func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) != "" {
		os.Exit(worker())
	}
	os.Exit(m.Run())
}

// TestDemo runs the demo end to end, worker processes and fsmgen command
// included, and checks what it says against what it did.
func TestDemo(t *testing.T) {
	testDemo(t, "")
}

// TestDemoPostgres is TestDemo with the store on PostgreSQL, as
// `make demo DB=postgres://...` runs it. It uses the server
// FSMGEN_TEST_POSTGRES names, and skips when it cannot be reached unless
// CI=true.
func TestDemoPostgres(t *testing.T) {
	dsn := os.Getenv("FSMGEN_TEST_POSTGRES")
	if dsn == "" {
		dsn = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	conn, err := pgx.Connect(context.Background(), dsn)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL at %s (FSMGEN_TEST_POSTGRES) is not reachable: %v", dsn, err)
		}
		t.Skipf("PostgreSQL at %s (FSMGEN_TEST_POSTGRES) is not reachable: %v", dsn, err)
	}
	conn.Close(context.Background())
	testDemo(t, dsn)
}

func testDemo(t *testing.T, server string) {
	if testing.Short() {
		t.Skip("builds fsmgen and runs worker processes for several seconds")
	}
	var out bytes.Buffer
	sum, err := run(&out, server)
	if err != nil {
		t.Fatalf("run: %v\noutput:\n%s", err, out.String())
	}
	text := out.String()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("output:\n%s", text)
		}
	})

	if _, err := os.Stat(sum.Dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary directory %s is left behind (%v)", sum.Dir, err)
	}
	if !sum.Killed {
		t.Error("the first worker was not killed by SIGKILL")
	}
	if !sum.Stopped {
		t.Error("the second worker did not stop with status 0")
	}

	// The kill came while the big order waited for its approval and
	// killAt's charge was at the provider.
	at := map[string]jobAt{}
	for _, a := range sum.AtKill {
		at[a.ID] = a
	}
	if a := at[bigOrder]; a.Status == fsm.StatusWaiting && !strings.Contains(a.Op, orders.Approvals.Name()) {
		t.Errorf("at the kill %s was %s at %q, want waiting for its approval or before it", bigOrder, a.Status, a.Op)
	}
	if a := at[killAt]; a.Status.Finished() {
		t.Errorf("at the kill %s had ended already", killAt)
	}

	// The big order was shown paused, then resumed by the signal.
	if !sum.Shown || !strings.Contains(text, "paused at  orders.go:") {
		t.Error("the big order was not shown paused at its await")
	}
	if !strings.Contains(text, `signal "orders.approval" sent to job `+bigOrder) {
		t.Error("fsmgen jobs signal did not report the signal sent")
	}

	// Every receipt is the plain function's.
	if len(sum.Receipts) != len(demoOrders) {
		t.Fatalf("%d receipts, want %d", len(sum.Receipts), len(demoOrders))
	}
	for i, o := range demoOrders {
		orders.Payments = orders.NewPaymentProvider("")
		want, wantErr := orders.RunDirect(context.Background(), o.order, o.decision)
		if got := sum.Receipts[i]; !reflect.DeepEqual(got, want) || errText(sum.Errors[i]) != errText(wantErr) {
			t.Errorf("%s: the engine gave %+v, %v\nthe function gave    %+v, %v", o.order.ID, got, sum.Errors[i], want, wantErr)
		}
		if o.order.ID == bigOrder && (sum.Receipts[i].Status != "shipped" || sum.Receipts[i].ApprovedBy != "dana") {
			t.Errorf("%s: %+v, want it shipped, approved by dana", bigOrder, sum.Receipts[i])
		}
	}
	if n := strings.Count(text, "same as the plain function"); n != len(demoOrders) || strings.Contains(text, "MISMATCH") || len(sum.Mismatches) > 0 {
		t.Errorf("%d orders reported the same as the plain function, mismatches %v", n, sum.Mismatches)
	}

	// No order was charged twice; a charge whose answer was lost was
	// answered from the ledger.
	charges := map[string]int{}
	replays := map[string]bool{}
	for _, e := range sum.Ledger {
		if e.Replay {
			replays[e.OrderID] = true
			continue
		}
		charges[e.OrderID]++
		if e.ChargeID != "ch_"+e.OrderID {
			t.Errorf("ledger: charge %s for %s", e.ChargeID, e.OrderID)
		}
	}
	for _, o := range demoOrders {
		want := 1
		if o.order.Card == orders.DeclinedCard {
			want = 0
		}
		if charges[o.order.ID] != want {
			t.Errorf("%s was charged %d times, want %d", o.order.ID, charges[o.order.ID], want)
		}
	}
	for _, a := range sum.AtKill {
		if a.LostAnswer && !replays[a.ID] {
			t.Errorf("the charge of %s lost its answer at the kill, but the provider saw no repeat of it", a.ID)
		}
	}
}
