package sqlitestore

import (
	"errors"
	"fmt"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// How values are kept in columns, and read back from them. The readers take
// whatever the file holds (it may have been edited by hand, or damaged) and
// return an error for anything this package would not have written.

// encodeBool returns how b is stored.
func encodeBool(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// columns reads the values of one row, as database/sql scans them into any,
// checking each is of the type its column must hold.
type columns struct {
	vals []any
	i    int
	err  error
}

// next returns the next value.
func (c *columns) next() any {
	if c.i >= len(c.vals) {
		c.fail("", errors.New("missing column"))
		return nil
	}
	v := c.vals[c.i]
	c.i++
	return v
}

func (c *columns) fail(col string, err error) {
	if c.err == nil {
		if col == "" {
			c.err = fmt.Errorf("column %d: %w", c.i, err)
		} else {
			c.err = fmt.Errorf("column %s: %w", col, err)
		}
	}
}

func (c *columns) int64(col string) int64 {
	v := c.next()
	n, ok := v.(int64)
	if !ok {
		c.fail(col, fmt.Errorf("want an integer, have %s", describe(v)))
	}
	return n
}

func (c *columns) int(col string) int {
	n := c.int64(col)
	if int64(int(n)) != n {
		c.fail(col, fmt.Errorf("integer %d out of range", n))
		return 0
	}
	return int(n)
}

func (c *columns) bool(col string) bool {
	switch n := c.int64(col); n {
	case 0:
		return false
	case 1:
		return true
	default:
		c.fail(col, fmt.Errorf("want 0 or 1, have %d", n))
		return false
	}
}

func (c *columns) time(col string) time.Time {
	return storeutil.DecodeTime(c.int64(col))
}

func (c *columns) text(col string) string {
	switch v := c.next().(type) {
	case string:
		return v
	case []byte:
		return string(v)
	default:
		c.fail(col, fmt.Errorf("want text, have %s", describe(v)))
		return ""
	}
}

// bytes returns nil for NULL and a non-nil slice for a blob, even an empty one.
func (c *columns) bytes(col string) []byte {
	switch v := c.next().(type) {
	case nil:
		return nil
	case []byte:
		if v == nil {
			return []byte{}
		}
		return v
	case string:
		return []byte(v)
	default:
		c.fail(col, fmt.Errorf("want a blob, have %s", describe(v)))
		return nil
	}
}

func (c *columns) status(col string) fsm.Status {
	s := fsm.Status(c.text(col))
	if c.err == nil && !s.Valid() {
		c.fail(col, fmt.Errorf("unknown job status %q", s))
	}
	return s
}

// done reports the first error, or one for values left over.
func (c *columns) done() error {
	if c.err == nil && c.i != len(c.vals) {
		return fmt.Errorf("%d columns, want %d", len(c.vals), c.i)
	}
	return c.err
}

func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return fmt.Sprintf("integer %d", v)
	case float64:
		return fmt.Sprintf("real %g", v)
	case string:
		return "text"
	case []byte:
		return "a blob"
	default:
		return fmt.Sprintf("a %T", v)
	}
}

// jobColumns are the columns decodeJob reads, in order.
const jobColumns = `num, id, name, status, parent, seq, state_num, state, layout, op, progress, outcome,
	attempts, last_error, run_at, wake_seq, cancel_requested, error, created_at, updated_at,
	lease_owner, lease_until, version`

// listColumns are jobColumns with NULL for the bytes Jobs leaves out.
const listColumns = `num, id, name, status, parent, seq, state_num, NULL, layout, NULL, NULL, NULL,
	attempts, last_error, run_at, wake_seq, cancel_requested, error, created_at, updated_at,
	lease_owner, lease_until, version`

// decodeJob reads a row of jobColumns.
func decodeJob(vals []any) (fsm.JobRecord, error) {
	c := columns{vals: vals}
	j := fsm.JobRecord{
		Num:             c.int64("num"),
		ID:              c.text("id"),
		Name:            c.text("name"),
		Status:          c.status("status"),
		Parent:          c.text("parent"),
		Seq:             c.int64("seq"),
		StateNum:        c.int("state_num"),
		State:           c.bytes("state"),
		Layout:          c.text("layout"),
		Op:              c.bytes("op"),
		Progress:        c.bytes("progress"),
		Outcome:         c.bytes("outcome"),
		Attempts:        c.int("attempts"),
		LastError:       c.text("last_error"),
		RunAt:           c.time("run_at"),
		WakeSeq:         c.int64("wake_seq"),
		CancelRequested: c.bool("cancel_requested"),
		Error:           c.text("error"),
		CreatedAt:       c.time("created_at"),
		UpdatedAt:       c.time("updated_at"),
		LeaseOwner:      c.text("lease_owner"),
		LeaseUntil:      c.time("lease_until"),
		Version:         c.int64("version"),
	}
	if err := c.done(); err != nil {
		return fsm.JobRecord{}, fmt.Errorf("sqlitestore: job %q: %w", j.ID, err)
	}
	return j, nil
}

// eventColumns are the columns decodeEvent reads, in order.
const eventColumns = `seq, time, kind, state_num, state, layout, op, outcome, detail`

// decodeEvent reads a row of eventColumns.
func decodeEvent(vals []any) (fsm.Event, error) {
	c := columns{vals: vals}
	e := fsm.Event{
		Seq:      c.int64("seq"),
		Time:     c.time("time"),
		Kind:     fsm.EventKind(c.text("kind")),
		StateNum: c.int("state_num"),
		State:    c.bytes("state"),
		Layout:   c.text("layout"),
		Op:       c.bytes("op"),
		Outcome:  c.bytes("outcome"),
		Detail:   c.text("detail"),
	}
	if err := c.done(); err != nil {
		return fsm.Event{}, fmt.Errorf("sqlitestore: event: %w", err)
	}
	return e, nil
}

// signalColumns are the columns decodeSignal reads, in order.
const signalColumns = `id, job_id, name, payload, sent_at`

// decodeSignal reads a row of signalColumns.
func decodeSignal(vals []any) (fsm.SignalRecord, error) {
	c := columns{vals: vals}
	s := fsm.SignalRecord{
		ID:      c.int64("id"),
		JobID:   c.text("job_id"),
		Name:    c.text("name"),
		Payload: c.bytes("payload"),
		SentAt:  c.time("sent_at"),
	}
	if err := c.done(); err != nil {
		return fsm.SignalRecord{}, fmt.Errorf("sqlitestore: signal: %w", err)
	}
	return s, nil
}

// scanner is what *sql.Rows and *sql.Row have in common.
type scanner interface {
	Scan(dest ...any) error
}

// scanAny scans n columns into values of any type.
func scanAny(r scanner, n int) ([]any, error) {
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := r.Scan(ptrs...); err != nil {
		return nil, err
	}
	return vals, nil
}

const (
	nJobColumns    = 23
	nEventColumns  = 9
	nSignalColumns = 5
)
