package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"os/exec"
	"time"

	"github.com/jackc/pgx/v5"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/pgstore"
)

func pgReachable(ctx context.Context, cs string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, cs)
	if err != nil {
		return err
	}
	return conn.Close(ctx)
}

// newSchema creates an empty schema on the server cs names and returns its
// name, a connection string whose search_path is it, and a function that
// drops it.
func newSchema(ctx context.Context, cs, prefix string) (schema, scs string, drop func(), err error) {
	conn, err := pgx.Connect(ctx, cs)
	if err != nil {
		return "", "", nil, err
	}
	defer conn.Close(ctx)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema = prefix + "_" + hex.EncodeToString(b[:])
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", "", nil, err
	}
	drop = func() {
		if c, err := pgx.Connect(ctx, cs); err == nil {
			_, _ = c.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			_ = c.Close(ctx)
		}
	}
	u, err := url.Parse(cs)
	if err != nil {
		drop()
		return "", "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return schema, u.String(), drop, nil
}

// startWorkers starts n copies of this program as workers of the given kind
// on the database cs names. stop closes their standard input, which ends
// them, and waits for them.
func startWorkers(kind, cs string, n int) (stop func() error, err error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	var cmds []*exec.Cmd
	var stdins []io.Closer
	stop = func() error {
		for _, in := range stdins {
			in.Close()
		}
		var first error
		for _, cmd := range cmds {
			if err := cmd.Wait(); err != nil && first == nil {
				first = fmt.Errorf("%s worker: %w", kind, err)
			}
		}
		return first
	}
	for range n {
		cmd := exec.Command(exe, "-worker", kind, "-pg", cs)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			_ = stop()
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			_ = stop()
			return nil, err
		}
		cmds, stdins = append(cmds, cmd), append(stdins, in)
	}
	return stop, nil
}

// runWorker is the body of a worker process: it works until its standard
// input closes.
func runWorker(kind string, c *config) error {
	ctx, stop := context.WithCancel(context.Background())
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()
	switch kind {
	case "fsmgen-pg":
		s, err := pgstore.Open(ctx, c.pg)
		if err != nil {
			return err
		}
		defer s.Close()
		e, err := fsm.NewEngine(ctx, s, fsm.Options{
			Workers: fsmgenWorkers, Lease: 30 * time.Second, Poll: 100 * time.Millisecond,
			Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		})
		if err != nil {
			return err
		}
		if err := e.Run(ctx); err != nil && ctx.Err() == nil {
			return err
		}
		return nil
	case "river-pg":
		return riverPGWorker(ctx, c.pg)
	}
	return fmt.Errorf("unknown worker kind %q", kind)
}

// fsmgenPG runs the chains as Counter jobs on n worker processes sharing one
// PostgreSQL schema; this process only starts the jobs and watches them.
func fsmgenPG(n int) func(context.Context, *config) (float64, error) {
	return func(ctx context.Context, c *config) (float64, error) {
		_, cs, drop, err := newSchema(ctx, c.pg, "fsmgen_bench")
		if err != nil {
			return 0, err
		}
		defer drop()
		s, err := pgstore.Open(ctx, cs)
		if err != nil {
			return 0, err
		}
		defer s.Close()
		e, err := fsm.NewEngine(ctx, s, fsm.Options{Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			return 0, err
		}
		stop, err := startWorkers("fsmgen-pg", cs, n)
		if err != nil {
			return 0, err
		}
		// Warm up: every worker connected and listening before the clock
		// starts.
		if _, err := runCounters(ctx, e, s, n*4, 1); err != nil {
			_ = stop()
			return 0, err
		}
		el, err := runCounters(ctx, e, s, c.jobs, c.steps)
		if err2 := stop(); err == nil {
			err = err2
		}
		if err != nil {
			return 0, err
		}
		return float64(c.jobs*c.steps) / el.Seconds(), nil
	}
}
