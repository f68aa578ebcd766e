// Command bench runs the same durable work on fsmgen, River and go-workflows,
// side by side in one run, and prints one table of figures and ratios.
//
// The work is a chain of sequential steps, each a no-op, each made durable
// before the next starts: for fsmgen a job of -steps awaits of an activity
// (tests/engine.Counter), for River a chain of -steps jobs each inserting the
// next in its own transaction, for go-workflows a workflow of -steps
// activities. -jobs chains run at once. Every system's results are checked
// before its figure counts.
//
// Each of -runs rounds measures every system once, in the same order, so
// that drift of the machine hits all of them; the table gives the median and
// the range of the rounds. See docs/benchmarks.md for the settings.
//
// Run it from this directory with `go run .` (or `make bench` in the
// repository root). PostgreSQL systems use -pg; they are left out when it
// cannot be reached, unless CI=true.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"time"
)

type config struct {
	runs, jobs, steps, gowfJobs int
	pg                          string
	dir                         string
}

// A system is one contender: run measures one round and returns its figure
// (operations per second) after checking every result.
type system struct {
	name, unit, settings string
	run                  func(ctx context.Context, c *config) (float64, error)
	pg                   bool
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	c := &config{}
	flag.IntVar(&c.runs, "runs", 3, "rounds; the table gives their median, min and max")
	flag.IntVar(&c.jobs, "jobs", 1000, "chains run at once by each system")
	flag.IntVar(&c.steps, "steps", 10, "sequential durable steps in each chain")
	flag.IntVar(&c.gowfJobs, "gowf-jobs", 200, "workflows for go-workflows, which is much slower (its figure is a rate, so comparable)")
	flag.StringVar(&c.pg, "pg", envOr("FSMGEN_TEST_POSTGRES", "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"), "PostgreSQL server for the PostgreSQL systems")
	only := flag.String("only", "", "comma-separated names of the systems to run (all when empty)")
	svg := flag.String("svg", "", "also write the chart to this SVG file")
	worker := flag.String("worker", "", "internal: run as a worker process of this kind on -pg")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the measured rounds (this process only, not worker processes) to this file")
	flag.Parse()
	if flag.NArg() > 0 {
		log.Fatalf("unexpected argument %q; see -help", flag.Arg(0))
	}
	if *worker != "" {
		if err := runWorker(*worker, c); err != nil {
			log.Fatalf("worker %s: %v", *worker, err)
		}
		return
	}
	if c.runs < 1 || c.jobs < 1 || c.steps < 1 || c.gowfJobs < 1 {
		log.Fatal("-runs, -jobs, -steps and -gowf-jobs must be at least 1")
	}
	dir, err := os.MkdirTemp("", "fsmgen-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	c.dir = dir

	systems := allSystems()
	if *only != "" {
		want := strings.Split(*only, ",")
		systems = slices.DeleteFunc(systems, func(s system) bool { return !slices.Contains(want, s.name) })
		if len(systems) == 0 {
			log.Fatalf("-only %q names no system; the systems are %s", *only, names(allSystems()))
		}
	}
	ctx := context.Background()
	if err := pgReachable(ctx, c.pg); err != nil {
		if os.Getenv("CI") == "true" {
			log.Fatalf("PostgreSQL at %s is not reachable: %v", c.pg, err)
		}
		log.Printf("PostgreSQL at %s is not reachable (%v): leaving out the PostgreSQL systems", c.pg, err)
		systems = slices.DeleteFunc(systems, func(s system) bool { return s.pg })
	}

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		defer pprof.StopCPUProfile()
	}
	results := make([][]float64, len(systems))
	began := time.Now()
	for r := range c.runs {
		for i, s := range systems {
			t0 := time.Now()
			v, err := s.run(ctx, c)
			if err != nil {
				log.Fatalf("round %d, %s: %v", r+1, s.name, err)
			}
			results[i] = append(results[i], v)
			log.Printf("round %d/%d  %-22s %10.0f %s  (%.1fs)", r+1, c.runs, s.name, v, s.unit, time.Since(t0).Seconds())
		}
	}
	report(os.Stdout, c, systems, results, time.Since(began))
	if *svg != "" {
		if err := writeChart(*svg, systems, results); err != nil {
			log.Fatal(err)
		}
	}
}

func allSystems() []system {
	return []system{
		{name: "sqlite-ceiling-1", unit: "rows/s", settings: "one row per commit", run: ceiling(1)},
		{name: "sqlite-ceiling-100", unit: "rows/s", settings: "100 rows per commit", run: ceiling(100)},
		{name: "fsmgen-sqlite", unit: "awaits/s", settings: "one engine, Workers 256", run: fsmgenSQLite},
		{name: "river-sqlite", unit: "steps/s", settings: "MaxWorkers 100, FetchCooldown 1ms, FetchPollInterval 5ms, one connection", run: riverSQLite},
		{name: "gowf-sqlite", unit: "activities/s", settings: "SingleWorkerMode, 4 pollers each, polling 1ms", run: gowfSQLite},
		{name: "fsmgen-pg-1", unit: "awaits/s", settings: "1 worker process, Workers 256", run: fsmgenPG(1), pg: true},
		{name: "fsmgen-pg-4", unit: "awaits/s", settings: "4 worker processes, Workers 256 each", run: fsmgenPG(4), pg: true},
		{name: "river-pg-1", unit: "steps/s", settings: "1 worker process, MaxWorkers 100, FetchCooldown 1ms", run: riverPG(1), pg: true},
		{name: "river-pg-4", unit: "steps/s", settings: "4 worker processes, MaxWorkers 100 each, FetchCooldown 1ms", run: riverPG(4), pg: true},
	}
}

func names(ss []system) string {
	var n []string
	for _, s := range ss {
		n = append(n, s.name)
	}
	return strings.Join(n, ", ")
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// report prints the table: each system's median and range, and the ratios
// the targets are stated in.
func report(w io.Writer, c *config, systems []system, results [][]float64, took time.Duration) {
	fmt.Fprintf(w, "\n%d rounds, %d chains × %d steps (go-workflows: %d workflows), %s in all\n\n", c.runs, c.jobs, c.steps, c.gowfJobs, took.Round(time.Second))
	fmt.Fprintf(w, "| system | settings | median | min–max |\n|---|---|---|---|\n")
	med := map[string]float64{}
	for i, s := range systems {
		med[s.name] = median(results[i])
		fmt.Fprintf(w, "| %s | %s | %.0f %s | %.0f–%.0f |\n", s.name, s.settings, med[s.name], s.unit, slices.Min(results[i]), slices.Max(results[i]))
	}
	fmt.Fprintf(w, "\n| ratio (medians) | value | target |\n|---|---|---|\n")
	ratio := func(label, a, b, target string) {
		if med[a] > 0 && med[b] > 0 {
			fmt.Fprintf(w, "| %s | %.2f× | %s |\n", label, med[a]/med[b], target)
		}
	}
	ratio("fsmgen-sqlite / sqlite-ceiling-100", "fsmgen-sqlite", "sqlite-ceiling-100", "≥ 0.5×")
	ratio("fsmgen-sqlite / river-sqlite", "fsmgen-sqlite", "river-sqlite", "≥ 100×")
	ratio("fsmgen-sqlite / gowf-sqlite", "fsmgen-sqlite", "gowf-sqlite", "≥ 150×")
	ratio("fsmgen-pg-1 / river-pg-1", "fsmgen-pg-1", "river-pg-1", "≥ 10×")
	ratio("fsmgen-pg-4 / river-pg-4", "fsmgen-pg-4", "river-pg-4", "≥ 10×")
	ratio("fsmgen-pg-4 / fsmgen-pg-1", "fsmgen-pg-4", "fsmgen-pg-1", "")
}
