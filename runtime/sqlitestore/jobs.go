package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// nowNano returns the store's clock as stored.
func (s *Store) nowNano() int64 {
	n, _ := storeutil.EncodeTime(s.now()) // the clock is never before 1678
	return n
}

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
	err = s.do(ctx, func(tx *wtx) (bool, error) {
		c, err := insertJob(tx, j, now)
		if err != nil {
			return false, err
		}
		r, err := readJob(tx.QueryRow(selectJob, j.ID), j.ID)
		if err != nil {
			return false, err
		}
		if !c && r.Name != j.Name {
			return false, fmt.Errorf("sqlitestore: job %s is a %s, not a %s: %w", j.ID, r.Name, j.Name, fsm.ErrIDTaken)
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
		return fmt.Errorf("%s: %w", "sqlitestore", err)
	}
	return nil
}

// insertJob inserts the job j unless a job with its ID exists, and reports
// whether it did. j has passed checkSpec.
func insertJob(tx *wtx, j fsm.JobSpec, now int64) (bool, error) {
	runAt, _ := storeutil.EncodeTime(j.RunAt)
	res, err := tx.Exec(`INSERT INTO jobs (id, name, status, parent, state_num, state, layout, run_at, created_at, updated_at, lease_until)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
		j.ID, j.Name, string(fsm.StatusPending), j.Parent, j.StateNum, j.State, j.Layout, runAt, now, now, int64(storeutil.ZeroTime))
	if err != nil {
		return false, fmt.Errorf("sqlitestore: creating job %s: %w", j.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("sqlitestore: creating job %s: %w", j.ID, err)
	}
	if n == 0 {
		return false, nil
	}
	if j.Event.Kind != "" {
		if err := insertEvents(tx, j.ID, []fsm.Event{j.Event}); err != nil {
			return false, err
		}
	}
	return true, nil
}

// insertEvents appends events to the history of job id. Their times have
// been checked with encodeTime. The rows are written when the transaction
// commits, all of a batch's together (see wtx.flushEvents); a write that
// fails takes its events back with it.
func insertEvents(tx *wtx, id string, events []fsm.Event) error {
	for _, e := range events {
		t, _ := storeutil.EncodeTime(e.Time)
		tx.events = append(tx.events, id, e.Seq, t, string(e.Kind), e.StateNum, e.State, e.Layout, e.Op, e.Outcome, e.Detail)
	}
	return nil
}

// eventValues is the number of values of one events row as insertEvents
// queues them.
const eventValues = 10

// insertEventRows returns the statement that inserts n rows of events.
func insertEventRows(n int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO events (job_id, seq, time, kind, state_num, state, layout, op, outcome, detail) VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
	}
	return b.String()
}

// eventChunks are the numbers of rows one statement of flushEvents inserts:
// few sizes, so that few statements are kept prepared.
var eventChunks = []int{64, 16, 4, 1}

// eventInserts holds the statement of each size of eventChunks.
var eventInserts = func() map[int]string {
	m := map[int]string{}
	for _, n := range eventChunks {
		m[n] = insertEventRows(n)
	}
	return m
}()

// selectJob is the query readJob reads the answer of.
const selectJob = "SELECT " + jobColumns + " FROM jobs WHERE id = ?"

// readJob reads the job id from row, an answer to selectJob.
func readJob(row scanner, id string) (fsm.JobRecord, error) {
	vals, err := scanAny(row, nJobColumns)
	if errors.Is(err, sql.ErrNoRows) {
		return fsm.JobRecord{}, fmt.Errorf("sqlitestore: job %s: %w", id, fsm.ErrNotFound)
	}
	if err != nil {
		return fsm.JobRecord{}, fmt.Errorf("sqlitestore: reading job %s: %w", id, err)
	}
	return decodeJob(vals)
}

// Job returns the job id, or an error wrapping fsm.ErrNotFound.
func (s *Store) Job(ctx context.Context, id string) (fsm.JobRecord, error) {
	if err := s.check(); err != nil {
		return fsm.JobRecord{}, err
	}
	return readJob(s.rdb.QueryRowContext(ctx, selectJob, id), id)
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
		where = append(where, cond)
		args = append(args, arg)
	}
	if f.Status != "" {
		if !f.Status.Valid() {
			return nil, fmt.Errorf("sqlitestore: listing jobs: unknown status %q", f.Status)
		}
		add("status = ?", string(f.Status))
	}
	if f.Name != "" {
		add("name = ?", f.Name)
	}
	if f.Parent != "" {
		add("parent = ?", f.Parent)
	}
	if !f.CreatedAfter.IsZero() {
		t, err := storeutil.EncodeTime(f.CreatedAfter)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: listing jobs: CreatedAfter: %w", err)
		}
		add("created_at > ?", t)
	}
	if !f.CreatedBefore.IsZero() {
		t, err := storeutil.EncodeTime(f.CreatedBefore)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: listing jobs: CreatedBefore: %w", err)
		}
		add("created_at < ?", t)
	}
	if f.AfterNum != 0 {
		add("num > ?", f.AfterNum)
	}
	if f.BeforeNum != 0 {
		add("num < ?", f.BeforeNum)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	q := "SELECT " + listColumns + " FROM jobs"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY num"
	if f.Newest {
		q += " DESC"
	}
	q += " LIMIT ?"
	args = append(args, limit)
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: listing jobs: %w", err)
	}
	return collectJobs(rows)
}

// collectJobs reads and closes rows of jobColumns or listColumns.
func collectJobs(rows *sql.Rows) ([]fsm.JobRecord, error) {
	defer rows.Close()
	var recs []fsm.JobRecord
	for rows.Next() {
		vals, err := scanAny(rows, nJobColumns)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: reading jobs: %w", err)
		}
		rec, err := decodeJob(vals)
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitestore: reading jobs: %w", err)
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
	if name != "" {
		q, args = "SELECT status, count(*) FROM jobs WHERE name = ? GROUP BY status", []any{name}
	}
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: counting jobs: %w", err)
	}
	defer rows.Close()
	counts := make(map[fsm.Status]int, len(fsm.Statuses))
	for _, st := range fsm.Statuses {
		counts[st] = 0
	}
	for rows.Next() {
		vals, err := scanAny(rows, 2)
		if err != nil {
			return nil, fmt.Errorf("sqlitestore: counting jobs: %w", err)
		}
		c := columns{vals: vals}
		st, n := c.status("status"), c.int("count")
		if err := c.done(); err != nil {
			return nil, fmt.Errorf("sqlitestore: counting jobs: %w", err)
		}
		counts[st] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlitestore: counting jobs: %w", err)
	}
	return counts, nil
}
