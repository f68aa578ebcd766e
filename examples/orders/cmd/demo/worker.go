package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/fsmgen/fsmgen/examples/orders"
	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/stores"
)

// The environment of a worker process: workerEnv set to "1" makes the demo's
// binary a worker instead of the demo, on the store at the path in dbEnv and
// with the payment provider's ledger in the file at the path in ledgerEnv.
const (
	workerEnv = "FSMGEN_DEMO_WORKER"
	dbEnv     = "FSMGEN_DEMO_DB"
	ledgerEnv = "FSMGEN_DEMO_LEDGER"
)

// The shop's policy in the demo, the same in the demo's process (for the
// comparison with orders.RunDirect) and in its workers. RunDirect needs
// approvalTimeout and coolOff to differ.
const (
	// latency is how long each fake service takes to answer, so that work
	// is in flight when the demo kills its worker.
	latency = 300 * time.Millisecond
	// approvalTimeout is long enough for the large order to be still
	// waiting for its decision when the demo shows it.
	approvalTimeout = time.Minute
	// coolOff is short enough to watch, long enough to outlive a worker.
	coolOff = 2 * time.Second
)

// setPolicy sets the shop's waits of package orders to the demo's.
func setPolicy() {
	orders.ApprovalTimeout = approvalTimeout
	orders.CoolOff = coolOff
}

// worker runs the engine on the store named by the environment until it gets
// SIGTERM or SIGINT, or its standard input ends (the demo that started it is
// gone), and returns the process's exit status.
func worker() int {
	logger := log.New(os.Stderr, "   worker: ", 0)
	sigCtx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	ctx, cancel := context.WithCancel(sigCtx)
	defer cancel()
	go func() {
		// The demo holds the other end of this pipe; it closes when the
		// demo exits, however it exits, and then this worker stops too.
		_, _ = io.Copy(io.Discard, os.Stdin)
		cancel()
	}()

	db, ledger := os.Getenv(dbEnv), os.Getenv(ledgerEnv)
	if db == "" || ledger == "" {
		logger.Printf("%s and %s must name the store and the ledger", dbEnv, ledgerEnv)
		return 2
	}
	setPolicy()
	orders.Latency = latency
	orders.Payments = orders.NewPaymentProvider(ledger)
	orders.Log = logger

	store, err := stores.Open(ctx, db)
	if err != nil {
		logger.Print(err)
		return 1
	}
	engine, err := fsm.NewEngine(ctx, store, fsm.Options{
		Poll:          20 * time.Millisecond, // jobs are started by another process
		ShutdownGrace: 5 * time.Second,
		Logger:        slog.New(slog.NewTextHandler(lineWriter{logger}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		logger.Print(err)
		store.Close()
		return 1
	}
	logger.Printf("engine running, pid %d", os.Getpid())
	err = engine.Run(ctx)
	if cerr := store.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		logger.Print(err)
		return 1
	}
	logger.Printf("engine stopped, pid %d", os.Getpid())
	return 0
}

// lineWriter writes each line written to it through a log.Logger, so that
// the engine's own logs carry the worker's prefix too.
type lineWriter struct{ l *log.Logger }

// Write logs p, which holds whole lines.
func (w lineWriter) Write(p []byte) (int, error) {
	for line := range strings.Lines(string(p)) {
		if err := w.l.Output(2, strings.TrimSuffix(line, "\n")); err != nil {
			return 0, fmt.Errorf("worker log: %w", err)
		}
	}
	return len(p), nil
}
