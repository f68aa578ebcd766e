package main

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/cschleiden/go-workflows/backend"
	"github.com/cschleiden/go-workflows/backend/sqlite"
	"github.com/cschleiden/go-workflows/client"
	"github.com/cschleiden/go-workflows/worker"
	"github.com/cschleiden/go-workflows/workflow"
)

// chainWorkflow is the chain as a go-workflows workflow: steps sequential
// activities, each result added up, as Counter does.
func chainWorkflow(ctx workflow.Context, steps int) (int, error) {
	sum := 0
	for i := range steps {
		v, err := workflow.ExecuteActivity[int](ctx, workflow.DefaultActivityOptions, echoActivity, i).Get(ctx)
		if err != nil {
			return 0, err
		}
		sum += v
	}
	return sum, nil
}

func echoActivity(_ context.Context, i int) (int, error) { return i, nil }

// gowfSQLite runs c.gowfJobs chain workflows on go-workflows over one SQLite
// file, with one worker in single-worker mode and short polling intervals.
func gowfSQLite(ctx context.Context, c *config) (float64, error) {
	b := sqlite.NewSqliteBackend(filepath.Join(c.dir, fmt.Sprintf("gowf-%d.db", time.Now().UnixNano())),
		sqlite.WithBackendOptions(backend.WithLogger(slog.New(slog.DiscardHandler))))
	defer b.Close()
	opts := worker.DefaultOptions
	opts.SingleWorkerMode = true
	opts.WorkflowPollers, opts.ActivityPollers = 4, 4
	opts.WorkflowPollingInterval, opts.ActivityPollingInterval = time.Millisecond, time.Millisecond
	w := worker.New(b, &opts)
	if err := w.RegisterWorkflow(chainWorkflow); err != nil {
		return 0, err
	}
	if err := w.RegisterActivity(echoActivity); err != nil {
		return 0, err
	}
	wctx, stop := context.WithCancel(ctx)
	if err := w.Start(wctx); err != nil {
		stop()
		return 0, err
	}
	defer func() { stop(); _ = w.WaitForCompletion() }()
	cl := client.New(b)
	want := c.steps * (c.steps - 1) / 2
	start := time.Now()
	insts := make([]*workflow.Instance, c.gowfJobs)
	for i := range insts {
		inst, err := cl.CreateWorkflowInstance(ctx, client.WorkflowInstanceOptions{InstanceID: fmt.Sprintf("chain-%d", i)}, chainWorkflow, c.steps)
		if err != nil {
			return 0, err
		}
		insts[i] = inst
	}
	errs := make(chan error, len(insts))
	var wg sync.WaitGroup
	for _, inst := range insts {
		wg.Go(func() {
			got, err := client.GetWorkflowResult[int](ctx, cl, inst, 10*time.Minute)
			if err == nil && got != want {
				err = fmt.Errorf("workflow %s returned %d, want %d", inst.InstanceID, got, want)
			}
			errs <- err
		})
	}
	wg.Wait()
	el := time.Since(start)
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return float64(c.gowfJobs*c.steps) / el.Seconds(), nil
}
