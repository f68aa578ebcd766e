package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// CreateJob inserts a job in StatusPending, with its JobSpec.Event (when it
// has a Kind) as the first entry of its history. When a job with the same ID
// exists already, it changes nothing and returns that job with created false;
// when that job has another Name, it fails with an error wrapping
// fsm.ErrIDTaken.
func (s *Store) CreateJob(ctx context.Context, j fsm.JobSpec) (rec fsm.JobRecord, created bool, err error) {
	if err := checkSpec(j); err != nil {
		return fsm.JobRecord{}, false, err
	}
	now := s.nowNano()
	err = s.do(ctx, func(tx pgx.Tx) (bool, error) {
		c, err := insertJob(ctx, tx, j, now)
		if err != nil {
			return false, err
		}
		r, err := readJob(tx.QueryRow(ctx, selectJob, j.ID), j.ID)
		if err != nil {
			return false, err
		}
		if !c && r.Name != j.Name {
			return false, fmt.Errorf("pgstore: job %s is a %s, not a %s: %w", j.ID, r.Name, j.Name, fsm.ErrIDTaken)
		}
		rec, created = r, c
		return c, nil
	})
	if err != nil {
		return fsm.JobRecord{}, false, err
	}
	return rec, created, nil
}

// checkSpec returns an error for a JobSpec that cannot be stored.
func checkSpec(j fsm.JobSpec) error {
	if err := storeutil.CheckSpec(j); err != nil {
		return fmt.Errorf("%s: %w", "pgstore", err)
	}
	return nil
}

// insertJob inserts the job j unless a job with its ID exists, and reports
// whether it did. j has passed checkSpec.
func insertJob(ctx context.Context, tx pgx.Tx, j fsm.JobSpec, now int64) (bool, error) {
	runAt, _ := storeutil.EncodeTime(j.RunAt)
	tag, err := tx.Exec(ctx, `INSERT INTO jobs (id, name, status, parent, state_num, state, layout, run_at, created_at, updated_at, lease_until)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) ON CONFLICT (id) DO NOTHING`,
		j.ID, j.Name, string(fsm.StatusPending), j.Parent, int64(j.StateNum), j.State, j.Layout, runAt, now, int64(storeutil.ZeroTime))
	if err != nil {
		return false, fmt.Errorf("pgstore: creating job %s: %w", j.ID, err)
	}
	if tag.RowsAffected() == 0 {
		return false, nil
	}
	if j.Event.Kind != "" {
		if err := insertEvents(ctx, tx, j.ID, []fsm.Event{j.Event}); err != nil {
			return false, err
		}
	}
	return true, nil
}

// insertEvents appends events to the history of job id. Their times have
// been checked with encodeTime.
func insertEvents(ctx context.Context, tx pgx.Tx, id string, events []fsm.Event) error {
	for _, e := range events {
		t, _ := storeutil.EncodeTime(e.Time)
		if _, err := tx.Exec(ctx, `INSERT INTO events (job_id, seq, time, kind, state_num, state, layout, op, outcome, detail)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			id, e.Seq, t, string(e.Kind), int64(e.StateNum), e.State, e.Layout, e.Op, e.Outcome, textBytes(e.Detail)); err != nil {
			return fmt.Errorf("pgstore: job %s: writing its history: %w", id, err)
		}
	}
	return nil
}

// selectJob is the query readJob reads the answer of.
const selectJob = "SELECT " + jobColumns + " FROM jobs WHERE id = $1"

// readJob reads the job id from row, an answer to selectJob.
func readJob(row pgx.Row, id string) (fsm.JobRecord, error) {
	rec, err := scanJob(row)
	if errors.Is(err, pgx.ErrNoRows) {
		return fsm.JobRecord{}, fmt.Errorf("pgstore: job %s: %w", id, fsm.ErrNotFound)
	}
	if err != nil {
		return fsm.JobRecord{}, fmt.Errorf("pgstore: reading job %s: %w", id, err)
	}
	return rec, nil
}

// Job returns the job id, or an error wrapping fsm.ErrNotFound.
func (s *Store) Job(ctx context.Context, id string) (fsm.JobRecord, error) {
	if err := s.check(); err != nil {
		return fsm.JobRecord{}, err
	}
	if err := noSuchID(id); err != nil {
		return fsm.JobRecord{}, err
	}
	return readJob(s.pool.QueryRow(ctx, selectJob, id), id)
}

// defaultLimit is the most jobs Jobs lists when JobFilter.Limit is 0.
const defaultLimit = 100

// Jobs lists the jobs matching f in the order they were created (Num), or
// newest first with f.Newest, at most f.Limit of them (100 when f.Limit is 0
// or less). CreatedAfter and CreatedBefore are exclusive bounds. The records
// have nil State, Op, Progress and Outcome. An f.Status that is not one of
// fsm.Statuses is an error.
func (s *Store) Jobs(ctx context.Context, f fsm.JobFilter) ([]fsm.JobRecord, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	add := func(cond string, arg any) {
		args = append(args, arg)
		where = append(where, cond+" $"+strconv.Itoa(len(args)))
	}
	if f.Status != "" {
		if !f.Status.Valid() {
			return nil, fmt.Errorf("pgstore: listing jobs: unknown status %q", f.Status)
		}
		add("status =", string(f.Status))
	}
	if !storeutil.ValidText(f.Name) || !storeutil.ValidText(f.Parent) {
		return nil, nil // no job has them
	}
	if f.Name != "" {
		add("name =", f.Name)
	}
	if f.Parent != "" {
		add("parent =", f.Parent)
	}
	if !f.CreatedAfter.IsZero() {
		t, err := storeutil.EncodeTime(f.CreatedAfter)
		if err != nil {
			return nil, fmt.Errorf("pgstore: listing jobs: CreatedAfter: %w", err)
		}
		add("created_at >", t)
	}
	if !f.CreatedBefore.IsZero() {
		t, err := storeutil.EncodeTime(f.CreatedBefore)
		if err != nil {
			return nil, fmt.Errorf("pgstore: listing jobs: CreatedBefore: %w", err)
		}
		add("created_at <", t)
	}
	if f.AfterNum != 0 {
		add("num >", f.AfterNum)
	}
	if f.BeforeNum != 0 {
		add("num <", f.BeforeNum)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	q := "SELECT " + listColumns + " FROM jobs"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	args = append(args, int64(limit))
	q += " ORDER BY num"
	if f.Newest {
		q += " DESC"
	}
	q += " LIMIT $" + strconv.Itoa(len(args))
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("pgstore: listing jobs: %w", err)
	}
	return collectJobs(rows)
}

// collectJobs reads and closes rows of jobColumns or listColumns.
func collectJobs(rows pgx.Rows) ([]fsm.JobRecord, error) {
	defer rows.Close()
	var recs []fsm.JobRecord
	for rows.Next() {
		rec, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("pgstore: reading jobs: %w", err)
		}
		recs = append(recs, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pgstore: reading jobs: %w", err)
	}
	return recs, nil
}

// Counts returns how many jobs there are of each status, of the job named
// name only when name is not "". Every status of fsm.Statuses is in the map,
// with 0 when no job has it.
func (s *Store) Counts(ctx context.Context, name string) (map[fsm.Status]int, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	q, args := "SELECT status, count(*) FROM jobs GROUP BY status", []any(nil)
	switch {
	case !storeutil.ValidText(name):
		q = "SELECT status, count(*) FROM jobs WHERE false GROUP BY status" // no job has it
	case name != "":
		q, args = "SELECT status, count(*) FROM jobs WHERE name = $1 GROUP BY status", []any{name}
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("pgstore: counting jobs: %w", err)
	}
	defer rows.Close()
	counts := make(map[fsm.Status]int, len(fsm.Statuses))
	for _, st := range fsm.Statuses {
		counts[st] = 0
	}
	for rows.Next() {
		var st string
		var n int64
		if err := rows.Scan(&st, &n); err != nil {
			return nil, fmt.Errorf("pgstore: counting jobs: %w", err)
		}
		if !fsm.Status(st).Valid() {
			return nil, fmt.Errorf("pgstore: counting jobs: unknown job status %q", st)
		}
		counts[fsm.Status(st)] = int(n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pgstore: counting jobs: %w", err)
	}
	return counts, nil
}

// noSuchID returns an error wrapping fsm.ErrNotFound for an id that no job
// can have (CreateJob refuses it), which a text column could not even be
// asked for; else nil.
func noSuchID(id string) error {
	if storeutil.ValidText(id) {
		return nil
	}
	return fmt.Errorf("pgstore: job %q: %w", id, fsm.ErrNotFound)
}
