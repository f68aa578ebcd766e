package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// stepArgs is one step of a chain: its worker adds Step to Sum and inserts
// the next step in the transaction that completes this one; the last step
// records the chain's sum in bench_results instead.
type stepArgs struct {
	Chain int `json:"chain"`
	Step  int `json:"step"`
	Steps int `json:"steps"`
	Sum   int `json:"sum"`
}

func (stepArgs) Kind() string { return "fsmgen_bench_step" }

func (a stepArgs) next() (stepArgs, bool) {
	if a.Step+1 >= a.Steps {
		return a, false
	}
	return stepArgs{Chain: a.Chain, Step: a.Step + 1, Steps: a.Steps, Sum: a.Sum + a.Step}, true
}

// riverConfig is River's configuration for this work: as many workers as the
// machine can use and fetches as eager as River allows, since each step's
// successor is ready the moment it commits.
func riverConfig(workers *river.Workers, schema string) *river.Config {
	return &river.Config{
		Queues:            map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: 100}},
		Workers:           workers,
		FetchCooldown:     time.Millisecond,
		FetchPollInterval: 5 * time.Millisecond,
		Schema:            schema,
		Logger:            slog.New(slog.DiscardHandler),
	}
}

type sqliteStepWorker struct {
	river.WorkerDefaults[stepArgs]
	db     *sql.DB
	client **river.Client[*sql.Tx]
}

func (w *sqliteStepWorker) Work(ctx context.Context, job *river.Job[stepArgs]) error {
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if next, ok := job.Args.next(); ok {
		if _, err := (*w.client).InsertTx(ctx, tx, next, nil); err != nil {
			return err
		}
	} else if _, err := tx.ExecContext(ctx, "INSERT INTO bench_results (chain, sum) VALUES (?, ?)", job.Args.Chain, job.Args.Sum+job.Args.Step); err != nil {
		return err
	}
	if _, err := river.JobCompleteTx[*riversqlite.Driver](ctx, tx, job); err != nil {
		return err
	}
	return tx.Commit()
}

// riverSQLite runs the chains on River over one SQLite file, through the
// same driver and with the same durability settings as fsmgen's store; one
// connection, as riversqlite advises.
func riverSQLite(ctx context.Context, c *config) (float64, error) {
	db, err := sql.Open("sqlite", sqliteDSN(filepath.Join(c.dir, fmt.Sprintf("river-%d.db", time.Now().UnixNano()))))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := checkPragmas(ctx, db); err != nil {
		return 0, err
	}
	driver := riversqlite.New(db)
	if err := riverMigrate(ctx, driver, ""); err != nil {
		return 0, err
	}
	if _, err := db.ExecContext(ctx, "CREATE TABLE bench_results (chain INTEGER PRIMARY KEY, sum INTEGER NOT NULL)"); err != nil {
		return 0, err
	}
	workers := river.NewWorkers()
	var client *river.Client[*sql.Tx]
	river.AddWorker(workers, &sqliteStepWorker{db: db, client: &client})
	client, err = river.NewClient(driver, riverConfig(workers, ""))
	if err != nil {
		return 0, err
	}
	count := func(ctx context.Context) (int, error) {
		var n int
		err := db.QueryRowContext(ctx, "SELECT count(*) FROM bench_results").Scan(&n)
		return n, err
	}
	sums := func(ctx context.Context) (map[int]int, error) {
		rows, err := db.QueryContext(ctx, "SELECT chain, sum FROM bench_results")
		if err != nil {
			return nil, err
		}
		return scanSums(rows.Next, rows.Scan, rows.Err, rows.Close)
	}
	if err := client.Start(ctx); err != nil {
		return 0, err
	}
	defer func() { _ = client.Stop(context.Background()) }()
	el, err := runChains(ctx, c, func(params []river.InsertManyParams) error {
		_, err := client.InsertMany(ctx, params)
		return err
	}, count, sums)
	if err != nil {
		return 0, err
	}
	return float64(c.jobs*c.steps) / el.Seconds(), nil
}

// riverMigrate brings River's schema up to date through its own migrator.
func riverMigrate[TTx any](ctx context.Context, driver riverdriver.Driver[TTx], schema string) error {
	m, err := rivermigrate.New(driver, &rivermigrate.Config{Schema: schema, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return err
	}
	_, err = m.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}

// runChains inserts c.jobs first steps at once, waits until every chain has
// recorded its sum, and checks the sums.
func runChains(ctx context.Context, c *config, insert func([]river.InsertManyParams) error, count func(context.Context) (int, error), sums func(context.Context) (map[int]int, error)) (time.Duration, error) {
	params := make([]river.InsertManyParams, c.jobs)
	for i := range params {
		params[i] = river.InsertManyParams{Args: stepArgs{Chain: i, Steps: c.steps}}
	}
	start := time.Now()
	if err := insert(params); err != nil {
		return 0, err
	}
	deadline := time.Now().Add(10 * time.Minute)
	for {
		n, err := count(ctx)
		if err != nil {
			return 0, err
		}
		if n >= c.jobs {
			break
		}
		if time.Now().After(deadline) {
			return 0, fmt.Errorf("%d of %d chains finished after 10 minutes", n, c.jobs)
		}
		time.Sleep(5 * time.Millisecond)
	}
	el := time.Since(start)
	got, err := sums(ctx)
	if err != nil {
		return 0, err
	}
	want := c.steps * (c.steps - 1) / 2
	for i := range c.jobs {
		if got[i] != want {
			return 0, fmt.Errorf("chain %d recorded sum %d, want %d", i, got[i], want)
		}
	}
	return el, nil
}

func scanSums(next func() bool, scan func(...any) error, rerr func() error, closeRows func() error) (map[int]int, error) {
	defer closeRows()
	out := map[int]int{}
	for next() {
		var chain, sum int
		if err := scan(&chain, &sum); err != nil {
			return nil, err
		}
		out[chain] = sum
	}
	return out, rerr()
}

type pgStepWorker struct {
	river.WorkerDefaults[stepArgs]
	pool   *pgxpool.Pool
	client **river.Client[pgx.Tx]
}

func (w *pgStepWorker) Work(ctx context.Context, job *river.Job[stepArgs]) error {
	tx, err := w.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if next, ok := job.Args.next(); ok {
		if _, err := (*w.client).InsertTx(ctx, tx, next, nil); err != nil {
			return err
		}
	} else if _, err := tx.Exec(ctx, "INSERT INTO bench_results (chain, sum) VALUES ($1, $2)", job.Args.Chain, job.Args.Sum+job.Args.Step); err != nil {
		return err
	}
	if _, err := river.JobCompleteTx[*riverpgxv5.Driver](ctx, tx, job); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// riverPGWorker runs a River client on the schema cs's search_path names
// until ctx ends.
func riverPGWorker(ctx context.Context, cs string) error {
	pool, err := pgxpool.New(ctx, cs)
	if err != nil {
		return err
	}
	defer pool.Close()
	schema := searchPath(cs)
	workers := river.NewWorkers()
	var client *river.Client[pgx.Tx]
	river.AddWorker(workers, &pgStepWorker{pool: pool, client: &client})
	client, err = river.NewClient(riverpgxv5.New(pool), riverConfig(workers, schema))
	if err != nil {
		return err
	}
	if err := client.Start(ctx); err != nil {
		return err
	}
	<-ctx.Done()
	return client.Stop(context.Background())
}

// riverPG runs the chains on n River worker processes sharing one schema.
func riverPG(n int) func(context.Context, *config) (float64, error) {
	return func(ctx context.Context, c *config) (float64, error) {
		schema, cs, drop, err := newSchema(ctx, c.pg, "river_bench")
		if err != nil {
			return 0, err
		}
		defer drop()
		pool, err := pgxpool.New(ctx, cs)
		if err != nil {
			return 0, err
		}
		defer pool.Close()
		driver := riverpgxv5.New(pool)
		if err := riverMigrate(ctx, driver, schema); err != nil {
			return 0, err
		}
		if _, err := pool.Exec(ctx, "CREATE TABLE bench_results (chain int PRIMARY KEY, sum int NOT NULL)"); err != nil {
			return 0, err
		}
		// An insert-only client: it does not work jobs.
		client, err := river.NewClient(driver, &river.Config{Schema: schema, Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			return 0, err
		}
		stop, err := startWorkers("river-pg", cs, n)
		if err != nil {
			return 0, err
		}
		count := func(ctx context.Context) (int, error) {
			var k int
			err := pool.QueryRow(ctx, "SELECT count(*) FROM bench_results").Scan(&k)
			return k, err
		}
		sums := func(ctx context.Context) (map[int]int, error) {
			rows, err := pool.Query(ctx, "SELECT chain, sum FROM bench_results")
			if err != nil {
				return nil, err
			}
			return scanSums(rows.Next, rows.Scan, rows.Err, func() error { rows.Close(); return nil })
		}
		// Warm up: a chain per worker, so the clock starts with every
		// worker connected and fetching; its rows are cleared after.
		warm := &config{jobs: n * 4, steps: 1}
		if _, err := runChains(ctx, warm, func(p []river.InsertManyParams) error { _, err := client.InsertMany(ctx, p); return err }, count, sums); err != nil {
			_ = stop()
			return 0, err
		}
		if _, err := pool.Exec(ctx, "DELETE FROM bench_results"); err != nil {
			_ = stop()
			return 0, err
		}
		el, err := runChains(ctx, c, func(p []river.InsertManyParams) error { _, err := client.InsertMany(ctx, p); return err }, count, sums)
		if err2 := stop(); err == nil {
			err = err2
		}
		if err != nil {
			return 0, err
		}
		return float64(c.jobs*c.steps) / el.Seconds(), nil
	}
}

// searchPath returns the search_path parameter of connection string cs.
func searchPath(cs string) string {
	cfg, err := pgx.ParseConfig(cs)
	if err != nil {
		return ""
	}
	return cfg.RuntimeParams["search_path"]
}
