// Package storeutil holds what the stores of package fsm share whatever
// their database: how times are kept in integer columns, how embedded
// schema migrations are listed, and the checks of a job spec and an update
// before either is written.
package storeutil

import (
	"fmt"
	"io/fs"
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// Times are Unix nanoseconds, which cover the years 1678 to 2262. Two values
// at the ends of that range stand for the zero time.Time and fsm.Never.
const (
	ZeroTime  = math.MinInt64
	NeverTime = math.MaxInt64
)

// MinTime and MaxTime are the earliest and latest times kept as themselves.
var (
	MinTime = time.Unix(0, ZeroTime+1)
	MaxTime = time.Unix(0, NeverTime-1)
)

// EncodeTime returns how t is stored. A time after 2262 is stored as
// fsm.Never: a job due then is, in practice, due never. A time before 1678,
// other than the zero time, cannot be stored.
func EncodeTime(t time.Time) (int64, error) {
	switch {
	case t.IsZero():
		return ZeroTime, nil
	case t.After(MaxTime):
		return NeverTime, nil
	case t.Before(MinTime):
		return 0, fmt.Errorf("time %v is before 1678 and cannot be stored", t)
	}
	return t.UnixNano(), nil
}

// DecodeTime is the inverse of EncodeTime; every int64 is a time, in UTC.
func DecodeTime(n int64) time.Time {
	switch n {
	case ZeroTime:
		return time.Time{}
	case NeverTime:
		return fsm.Never
	}
	return time.Unix(0, n).UTC()
}

// A Migration is one step of a store's schema.
type Migration struct {
	Version int    // from 1, without gaps
	Name    string // the file's name
	SQL     string
}

// Migrations returns the migrations in fsys, files matching
// migrations/*.sql named NNNN_what.sql, in order. It fails when their numbers
// do not run from 1 without gaps.
func Migrations(fsys fs.FS) ([]Migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var ms []Migration
	for i, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != i+1 {
			return nil, fmt.Errorf("migration %s is not numbered %04d", base, i+1)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, Migration{Version: v, Name: base, SQL: string(b)})
	}
	return ms, nil
}

// CheckSpec reports whether the job j can be created: it has an id and its
// times can be stored.
func CheckSpec(j fsm.JobSpec) error {
	if j.ID == "" {
		return fmt.Errorf("creating a job of %s with an empty id", j.Name)
	}
	for _, f := range []struct{ what, v string }{{"id", j.ID}, {"name", j.Name}, {"parent", j.Parent}} {
		if !ValidText(f.v) {
			return fmt.Errorf("creating a job with the %s %q: ids and names must be UTF-8 text without NUL bytes", f.what, f.v)
		}
	}
	if _, err := EncodeTime(j.RunAt); err != nil {
		return fmt.Errorf("job %s: RunAt: %w", j.ID, err)
	}
	if _, err := EncodeTime(j.Event.Time); err != nil {
		return fmt.Errorf("job %s: event: %w", j.ID, err)
	}
	return nil
}

// CheckUpdate reports whether u can be applied, and returns its RunAt and
// the lease end it keeps (ZeroTime when it keeps none, or keeps the lease's
// end as stored: KeepLease with a zero LeaseUntil) as stored.
func CheckUpdate(u fsm.Update) (runAt, leaseUntil int64, err error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("job %s: invalid update: "+format, append([]any{u.ID}, args...)...)
	}
	if !u.Status.Valid() {
		return 0, 0, bad("unknown status %q", u.Status)
	}
	if u.KeepLease && u.Status != fsm.StatusRunning {
		return 0, 0, bad("KeepLease with status %s, not running", u.Status)
	}
	leaseUntil = ZeroTime
	if runAt, err = EncodeTime(u.RunAt); err != nil {
		return 0, 0, bad("RunAt: %v", err)
	}
	if u.KeepLease {
		if leaseUntil, err = EncodeTime(u.LeaseUntil); err != nil {
			return 0, 0, bad("LeaseUntil: %v", err)
		}
	}
	for _, e := range u.Events {
		if _, err := EncodeTime(e.Time); err != nil {
			return 0, 0, bad("event: %v", err)
		}
	}
	for _, c := range u.Children {
		if err := CheckSpec(c); err != nil {
			return 0, 0, bad("child: %v", err)
		}
	}
	return runAt, leaseUntil, nil
}

// ValidText reports whether s can be an id or a name: UTF-8 without NUL
// bytes, which a PostgreSQL text column refuses.
func ValidText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// ClaimableNow reports whether a job written with status and runAt (an
// encoded time) may be claimable at the encoded time now, so that idle
// workers should be told of the write: a pending job (whatever its RunAt: the
// workers' clock is theirs), or a waiting one already due. A job that ended,
// or waits for later, is no news.
func ClaimableNow(status fsm.Status, runAt, now int64) bool {
	return status == fsm.StatusPending || status == fsm.StatusWaiting && runAt <= now
}
