package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/stores"
)

const jobsUsage = `usage: fsmgen jobs COMMAND [flags] [arguments]

Commands, against the store of a program's engine (--db or $FSMGEN_DB):

	list                     jobs, newest last (--status, --name, --limit, --after)
	versions NAME            the versions of job NAME the program runs, and how many
	                         unfinished jobs are on each (see fsmgen -drain)
	show ID                  a job: status, where it is paused, its variables, its pending op
	history ID               every checkpoint and op outcome of a job, with times
	cancel ID                ask a job to stop; its await fails with fsm.ErrCancelled
	signal ID NAME JSON      send a signal; JSON must decode into the signal's payload type
	retry ID                 resume a job that needs attention from its checkpoint, or run
	                         a failed or cancelled job again from its start

Flags (anywhere after COMMAND):

	--db PATH     the SQLite store (default $FSMGEN_DB)
	--json        print JSON instead of tables, for scripts
	--all         show: include the variables fsmgen adds (loop counters, ...)
`

// jobsMain runs "fsmgen jobs ..."; it returns the exit status: 0 on success, 1
// when the command failed, 2 for usage errors.
func jobsMain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stderr, jobsUsage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, args := args[0], args[1:]
	nargs := map[string]int{"list": 0, "versions": 1, "show": 1, "history": 1, "cancel": 1, "signal": 3, "retry": 1}
	want, ok := nargs[cmd]
	if !ok {
		fmt.Fprintf(stderr, "fsmgen jobs: unknown command %q; run 'fsmgen jobs help' for the list\n", cmd)
		return 2
	}
	fs := flag.NewFlagSet("fsmgen jobs "+cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", os.Getenv("FSMGEN_DB"), "")
	jsonOut := fs.Bool("json", false, "")
	all := fs.Bool("all", false, "")
	status := fs.String("status", "", "")
	name := fs.String("name", "", "")
	limit := fs.Int("limit", 100, "")
	after := fs.Int64("after", 0, "")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		fmt.Fprintf(stderr, "fsmgen jobs %s: %v; run 'fsmgen jobs help'\n", cmd, err)
		return 2
	}
	if len(pos) != want {
		fmt.Fprintf(stderr, "fsmgen jobs %s: want %d argument(s), got %d; run 'fsmgen jobs help'\n", cmd, want, len(pos))
		return 2
	}
	if cmd != "list" && (*status != "" || *name != "") {
		fmt.Fprintf(stderr, "fsmgen jobs %s: --status and --name are flags of list\n", cmd)
		return 2
	}
	if *status != "" && !fsm.Status(*status).Valid() {
		fmt.Fprintf(stderr, "fsmgen jobs list: unknown status %q; use one of %s\n", *status, statusList())
		return 2
	}
	if *limit <= 0 {
		fmt.Fprintf(stderr, "fsmgen jobs list: --limit must be positive\n")
		return 2
	}
	if *db == "" {
		fmt.Fprintf(stderr, "fsmgen jobs %s: no store given; pass --db PATH (the file the program's engine opened) or set FSMGEN_DB\n", cmd)
		return 2
	}
	ctx := context.Background()
	store, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "fsmgen jobs %s: %v\n", cmd, err)
		return 1
	}
	defer store.Close()
	c := &jobsCmd{store: store, out: stdout, json: *jsonOut, all: *all, now: time.Now()}
	switch cmd {
	case "list":
		err = c.list(ctx, fsm.JobFilter{Status: fsm.Status(*status), Name: *name, Limit: *limit, AfterNum: *after})
	case "versions":
		err = c.versions(ctx, pos[0])
	case "show":
		err = c.show(ctx, pos[0])
	case "history":
		err = c.history(ctx, pos[0])
	case "cancel":
		err = store.RequestCancel(ctx, pos[0])
		if err == nil {
			c.done("cancellation of job %s requested; it stops at its next await", pos[0])
		}
	case "signal":
		err = fsm.SendSignalJSON(ctx, store, pos[0], pos[1], []byte(pos[2]))
		if err == nil {
			c.done("signal %q sent to job %s", pos[1], pos[0])
		}
	case "retry":
		err = fsm.Retry(ctx, store, pos[0], c.now)
		if err == nil {
			c.done("job %s will run again", pos[0])
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "fsmgen jobs %s: %s\n", cmd, oneLine(explain(err)))
		return 1
	}
	return 0
}

// parseInterleaved parses flags that may stand before, between or after the
// positional arguments (fsmgen jobs show ID --json).
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

func statusList() string {
	s := make([]string, len(fsm.Statuses))
	for i, st := range fsm.Statuses {
		s[i] = string(st)
	}
	return strings.Join(s, ", ")
}

// openStore opens the store at path: a SQLite file, which must exist, so that
// a mistyped path is an error rather than a new empty store; or a postgres://
// URL, whose schema pgstore.Open brings up to date (creating the tables in an
// empty one, as a worker would).
func openStore(ctx context.Context, path string) (fsm.Store, error) {
	if !stores.IsPostgres(path) {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no store at %s: %v; pass the file the program's engine opened", path, errors.Unwrap(err))
		}
	}
	return stores.Open(ctx, path)
}

// explain adds what to do to the errors a person most often meets.
func explain(err error) string {
	switch {
	case errors.Is(err, fsm.ErrNotFound):
		return err.Error() + " (list the jobs with 'fsmgen jobs list')"
	case errors.Is(err, fsm.ErrJobEnded):
		return err.Error() + " (a job that ended takes no signals or cancellations; see 'fsmgen jobs retry')"
	}
	return err.Error()
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

type jobsCmd struct {
	store fsm.Store
	out   io.Writer
	json  bool
	all   bool
	now   time.Time
	// layoutVersions caches the version each stored layout belongs to.
	layoutVersions map[string]int
}

// version is the version of its job that a job's checkpoint belongs to, as
// the engine that wrote its layout recorded it; 0 when none did.
func (c *jobsCmd) version(ctx context.Context, r fsm.JobRecord) int {
	key := fsm.LayoutKey(r.Name, r.StateNum, r.Layout)
	if v, ok := c.layoutVersions[key]; ok {
		return v
	}
	v := 0
	if raw, err := c.store.Meta(ctx, key); err == nil {
		var info fsm.StateInfo
		if json.Unmarshal(raw, &info) == nil {
			v = max(info.Version, 1)
		}
	}
	if c.layoutVersions == nil {
		c.layoutVersions = map[string]int{}
	}
	c.layoutVersions[key] = v
	return v
}

// versionText is a version for a table: "-" for one not known.
func versionText(v int) string {
	if v == 0 {
		return "-"
	}
	return strconv.Itoa(v)
}

// versions prints the versions of a job the program's engine recorded, and
// the unfinished jobs on each.
func (c *jobsCmd) versions(ctx context.Context, name string) error {
	raw, err := c.store.Meta(ctx, fsm.VersionsKey(name))
	if errors.Is(err, fsm.ErrNotFound) {
		return fmt.Errorf("no engine has recorded versions of job %q: check the name (fsmgen jobs list shows them), or start the program's engine once", name)
	}
	if err != nil {
		return err
	}
	var recorded fsm.JobVersions
	if err := json.Unmarshal(raw, &recorded); err != nil {
		return fmt.Errorf("the versions recorded for job %q do not decode: %v", name, err)
	}
	counts := map[int]int{}
	for _, st := range fsm.Statuses {
		if st.Finished() {
			continue
		}
		var after int64
		for {
			recs, err := c.store.Jobs(ctx, fsm.JobFilter{Name: name, Status: st, AfterNum: after, Limit: 500})
			if err != nil {
				return err
			}
			for _, r := range recs {
				counts[c.version(ctx, r)]++
			}
			if len(recs) < 500 {
				break
			}
			after = recs[len(recs)-1].Num
		}
	}
	type row struct {
		Version int    `json:"version"` // 0: not known
		Kind    string `json:"kind"`    // current, drained, or other
		Jobs    int    `json:"unfinished_jobs"`
		Note    string `json:"note,omitempty"`
	}
	rows := []row{{Version: recorded.Current, Kind: "current", Jobs: counts[recorded.Current]}}
	delete(counts, recorded.Current)
	for _, d := range recorded.Drained {
		r := row{Version: d.Version, Kind: "drained", Jobs: counts[d.Version]}
		if r.Jobs == 0 {
			file, _, _ := strings.Cut(d.Pos, ":")
			r.Note = fmt.Sprintf("no job left on it: delete %s and run fsmgen -update-lock", file)
		}
		delete(counts, d.Version)
		rows = append(rows, r)
	}
	var others []int
	for v := range counts {
		others = append(others, v)
	}
	sort.Ints(others)
	for _, v := range others {
		rows = append(rows, row{Version: v, Kind: "other", Jobs: counts[v], Note: "not in the program: these jobs need attention (fsmgen jobs list)"})
	}
	if c.json {
		return c.writeJSON(rows)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "VERSION\tKIND\tUNFINISHED\tNOTE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", versionText(r.Version), r.Kind, r.Jobs, r.Note)
	}
	return tw.Flush()
}

func (c *jobsCmd) done(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if c.json {
		c.writeJSON(map[string]string{"result": msg})
		return
	}
	fmt.Fprintln(c.out, msg)
}

func (c *jobsCmd) writeJSON(v any) error {
	enc := json.NewEncoder(c.out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// listedJob is a job in list's JSON.
type listedJob struct {
	ID        string     `json:"id"`
	Num       int64      `json:"num"`
	Name      string     `json:"name"`
	Status    fsm.Status `json:"status"`
	Parent    string     `json:"parent,omitempty"`
	Seq       int64      `json:"seq"`
	Version   int        `json:"version,omitempty"` // of the job's code its checkpoint belongs to; 0 when not known
	RunAt     *time.Time `json:"run_at,omitempty"`
	Error     string     `json:"error,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
}

func toListed(r fsm.JobRecord) listedJob {
	j := listedJob{ID: r.ID, Num: r.Num, Name: r.Name, Status: r.Status, Parent: r.Parent, Seq: r.Seq, Error: r.Error, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if !r.Status.Finished() && r.RunAt.Before(fsm.Never) {
		t := r.RunAt
		j.RunAt = &t
	}
	return j
}

func (c *jobsCmd) list(ctx context.Context, f fsm.JobFilter) error {
	recs, err := c.store.Jobs(ctx, f)
	if err != nil {
		return err
	}
	if c.json {
		out := make([]listedJob, 0, len(recs))
		for _, r := range recs {
			l := toListed(r)
			l.Version = c.version(ctx, r)
			out = append(out, l)
		}
		return c.writeJSON(out)
	}
	if len(recs) == 0 {
		fmt.Fprintln(c.out, "no jobs")
		return nil
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tVERSION\tSTATUS\tAWAITS\tUPDATED\tNOTE")
	for _, r := range recs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, r.Name, versionText(c.version(ctx, r)), r.Status, r.Seq, ago(c.now, r.UpdatedAt), c.note(r))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(recs) == f.Limit {
		fmt.Fprintf(c.out, "(first %d; more with --after %d)\n", len(recs), recs[len(recs)-1].Num)
	}
	return nil
}

// note is the short reason beside a job in list.
func (c *jobsCmd) note(r fsm.JobRecord) string {
	switch {
	case r.Status == fsm.StatusFailed || r.Status == fsm.StatusAttention:
		return truncate(oneLine(r.Error), 60)
	case r.Status.Finished():
		return ""
	case r.CancelRequested:
		return "cancelling"
	case r.RunAt.Equal(fsm.Never):
		return "until woken"
	case r.RunAt.After(c.now):
		return "runs in " + r.RunAt.Sub(c.now).Round(time.Second).String()
	}
	return ""
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

func ago(now, t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t)
	if d < 0 {
		return t.Format(time.RFC3339)
	}
	return d.Round(time.Second).String() + " ago"
}

// shownJob is a job in show's JSON.
type shownJob struct {
	listedJob
	State           int              `json:"state"`
	StateID         string           `json:"state_id,omitempty"`
	Position        string           `json:"position,omitempty"`
	Layout          string           `json:"layout"`
	LayoutKnown     bool             `json:"layout_known"`
	Variables       []fsm.VarValue   `json:"variables"`
	VariablesError  string           `json:"variables_error,omitempty"`
	Op              *fsm.OpView      `json:"op,omitempty"`
	OpError         string           `json:"op_error,omitempty"`
	Outcome         *fsm.OutcomeView `json:"outcome,omitempty"`
	Attempts        int              `json:"attempts,omitempty"`
	LastError       string           `json:"last_error,omitempty"`
	CancelRequested bool             `json:"cancel_requested,omitempty"`
	LeaseOwner      string           `json:"lease_owner,omitempty"`
	LeaseUntil      *time.Time       `json:"lease_until,omitempty"`
	Signals         []string         `json:"signals,omitempty"`
}

func (c *jobsCmd) describe(ctx context.Context, r fsm.JobRecord) shownJob {
	s := shownJob{listedJob: toListed(r), State: r.StateNum, Layout: r.Layout, Attempts: r.Attempts, LastError: r.LastError, CancelRequested: r.CancelRequested}
	if r.Status == fsm.StatusRunning {
		s.LeaseOwner = r.LeaseOwner
		t := r.LeaseUntil
		s.LeaseUntil = &t
	}
	raw, err := c.store.Meta(ctx, fsm.LayoutKey(r.Name, r.StateNum, r.Layout))
	var info fsm.StateInfo
	if err == nil {
		err = json.Unmarshal(raw, &info)
	}
	if err != nil {
		s.VariablesError = fmt.Sprintf("the store has no description of layout %q of state %d of %s (an engine records it when a program with this job opens the store): %v", r.Layout, r.StateNum, r.Name, err)
	} else {
		s.LayoutKnown = true
		s.Position, s.StateID, s.Version = info.Pos, info.ID, max(info.Version, 1)
		vars, err := fsm.DescribeState(r.State, info, c.all)
		if err != nil {
			s.VariablesError = err.Error()
		}
		s.Variables = vars
	}
	if r.Op != nil {
		v, err := fsm.DescribeOp(r.Op, r.Progress)
		if err != nil {
			s.OpError = err.Error()
		} else {
			s.Op = &v
		}
	}
	if r.Outcome != nil {
		if o, err := fsm.DescribeOutcome(r.Outcome); err == nil {
			s.Outcome = &o
		}
	}
	if sigs, err := c.store.Signals(ctx, r.ID); err == nil {
		for _, sg := range sigs {
			s.Signals = append(s.Signals, sg.Name)
		}
	}
	return s
}

func (c *jobsCmd) show(ctx context.Context, id string) error {
	r, err := c.store.Job(ctx, id)
	if err != nil {
		return fmt.Errorf("job %s: %w", id, err)
	}
	s := c.describe(ctx, r)
	if c.json {
		return c.writeJSON(s)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	row := func(k, format string, args ...any) { fmt.Fprintf(tw, "%s\t%s\n", k, fmt.Sprintf(format, args...)) }
	row("job", "%s", r.ID)
	row("name", "%s", r.Name)
	if s.Version != 0 {
		row("version", "%d", s.Version)
	}
	st := string(r.Status)
	if r.CancelRequested && !r.Status.Finished() {
		st += " (cancellation requested)"
	}
	row("status", "%s", st)
	if r.Parent != "" {
		row("parent", "%s", r.Parent)
	}
	row("created", "%s (%s)", r.CreatedAt.Format(time.RFC3339), ago(c.now, r.CreatedAt))
	row("updated", "%s (%s)", r.UpdatedAt.Format(time.RFC3339), ago(c.now, r.UpdatedAt))
	switch {
	case r.StateNum == fsm.StateDone:
		row("state", "returned")
	case r.StateNum == 0 && r.Op == nil:
		row("state", "not started")
	default:
		pos := s.Position
		if pos == "" {
			pos = "(position unknown)"
		}
		if s.StateID != "" {
			row("paused at", "%s  (state %s, number %d, await #%d)", pos, s.StateID, r.StateNum, r.Seq)
		} else {
			row("paused at", "%s  (state %d, await #%d)", pos, r.StateNum, r.Seq)
		}
	}
	if s.Op != nil {
		row("awaiting", "%s", s.Op)
		for _, l := range leafLines(*s.Op, c.now) {
			row("", "  %s", l)
		}
	} else if s.OpError != "" {
		row("awaiting", "(cannot describe: %s)", s.OpError)
	}
	if s.Outcome != nil {
		row("outcome", "%s  (resumes with it)", s.Outcome)
	}
	if r.Attempts > 0 {
		row("attempts", "%d", r.Attempts)
	}
	if r.LastError != "" {
		row("last error", "%s", oneLine(r.LastError))
	}
	if !r.Status.Finished() && r.Status != fsm.StatusAttention {
		switch {
		case r.Status == fsm.StatusRunning:
			row("worker", "%s (lease until %s)", r.LeaseOwner, r.LeaseUntil.Format(time.RFC3339))
		case r.RunAt.Equal(fsm.Never):
			row("runs", "when woken (a signal, a child's end, a cancellation)")
		case r.RunAt.After(c.now):
			row("runs", "at %s (in %s)", r.RunAt.Format(time.RFC3339), r.RunAt.Sub(c.now).Round(time.Second))
		default:
			row("runs", "now (waiting for a worker)")
		}
	}
	if len(s.Signals) > 0 {
		row("signals", "%s (sent, not yet awaited)", strings.Join(s.Signals, ", "))
	}
	if r.Error != "" {
		label := "error"
		if r.Status == fsm.StatusAttention {
			label = "attention"
		}
		row(label, "%s", oneLine(r.Error))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	title := "variables"
	if r.StateNum == fsm.StateDone {
		title = "results"
	} else if r.StateNum == 0 {
		title = "arguments"
	}
	fmt.Fprintln(c.out)
	if s.VariablesError != "" {
		fmt.Fprintf(c.out, "%s: cannot show them: %s\n", title, s.VariablesError)
		return nil
	}
	if len(s.Variables) == 0 {
		fmt.Fprintf(c.out, "%s: none\n", title)
		return nil
	}
	fmt.Fprintf(c.out, "%s:\n", title)
	tw = tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	for _, v := range s.Variables {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", v.Name, v.Type, truncate(fsm.FormatPlain(v.Value), 200))
	}
	return tw.Flush()
}

// leafLines describes the progress of each leaf of an op, one line each, for
// ops that have some.
func leafLines(v fsm.OpView, now time.Time) []string {
	var out []string
	var walk func(v fsm.OpView)
	walk = func(v fsm.OpView) {
		if len(v.Ops) > 0 {
			for _, o := range v.Ops {
				walk(o)
			}
			return
		}
		var parts []string
		switch {
		case v.Done:
			parts = append(parts, "done")
		case !v.Due.IsZero():
			if v.Due.After(now) {
				parts = append(parts, fmt.Sprintf("fires at %s (in %s)", v.Due.Format(time.RFC3339), v.Due.Sub(now).Round(time.Second)))
			} else {
				parts = append(parts, "due")
			}
		}
		if v.Child != "" {
			parts = append(parts, "child "+v.Child)
		}
		if v.Attempts > 0 {
			parts = append(parts, "attempts "+strconv.Itoa(v.Attempts))
		}
		if !v.NextTry.IsZero() && !v.Done {
			parts = append(parts, "next try "+v.NextTry.Format(time.RFC3339))
		}
		if v.LastError != "" {
			parts = append(parts, "last error: "+oneLine(v.LastError))
		}
		if len(parts) > 0 {
			out = append(out, v.String()+": "+strings.Join(parts, ", "))
		}
	}
	walk(v)
	return out
}

// historyEvent is an event in history's JSON.
type historyEvent struct {
	Seq     int64            `json:"seq"`
	Time    time.Time        `json:"time"`
	Kind    fsm.EventKind    `json:"kind"`
	State   int              `json:"state"`
	Detail  string           `json:"detail,omitempty"`
	Op      *fsm.OpView      `json:"op,omitempty"`
	Outcome *fsm.OutcomeView `json:"outcome,omitempty"`
	Bytes   int              `json:"state_bytes,omitempty"`
}

func (c *jobsCmd) history(ctx context.Context, id string) error {
	evs, err := c.store.History(ctx, id)
	if err != nil {
		return fmt.Errorf("job %s: %w", id, err)
	}
	out := make([]historyEvent, 0, len(evs))
	for _, ev := range evs {
		h := historyEvent{Seq: ev.Seq, Time: ev.Time, Kind: ev.Kind, State: ev.StateNum, Detail: ev.Detail, Bytes: len(ev.State)}
		if ev.Op != nil {
			if v, err := fsm.DescribeOp(ev.Op, nil); err == nil {
				h.Op = &v
			}
		}
		if ev.Outcome != nil {
			if o, err := fsm.DescribeOutcome(ev.Outcome); err == nil {
				h.Outcome = &o
			}
		}
		out = append(out, h)
	}
	if c.json {
		return c.writeJSON(out)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "AWAIT\tTIME\tEVENT\tSTATE\tDETAIL")
	for _, h := range out {
		detail := h.Detail
		if h.Outcome != nil {
			detail = h.Outcome.String()
			if h.Detail != "" {
				detail = h.Detail + " -> " + detail
			}
		}
		state := strconv.Itoa(h.State)
		if h.State == fsm.StateDone {
			state = "done"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", h.Seq, h.Time.Format("2006-01-02 15:04:05.000"), h.Kind, state, truncate(oneLine(detail), 120))
	}
	return tw.Flush()
}
