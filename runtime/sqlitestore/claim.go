package sqlitestore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// Claim leases up to c.Limit claimable jobs to c.Owner until c.Now+c.Lease,
// marks them fsm.StatusRunning, raises their Version by one and returns them,
// earliest RunAt first (then in the order they were created). Claimable are
// jobs that are pending or waiting with RunAt <= c.Now, and running jobs
// whose lease ended before c.Now. A nil c.Names claims jobs of any name; an
// empty, non-nil one claims none. Claims are writes, made one at a time by
// the store's writer, so no two Claim calls, in this process or another, are
// handed the same job.
func (s *Store) Claim(ctx context.Context, c fsm.ClaimRequest) ([]fsm.JobRecord, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if c.Owner == "" {
		return nil, errors.New("sqlitestore: Claim with no owner")
	}
	if c.Limit <= 0 || (c.Names != nil && len(c.Names) == 0) {
		return nil, nil
	}
	now, err := storeutil.EncodeTime(c.Now)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: claiming jobs: Now: %w", err)
	}
	until, err := storeutil.EncodeTime(c.Now.Add(c.Lease))
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: claiming jobs: lease end: %w", err)
	}
	args := []any{c.Owner, until, s.nowNano(), now, c.Limit}
	names := ""
	if c.Names != nil {
		// Numbered like the others: an anonymous ? takes the largest number
		// seen so far plus one, which here would be ?5's.
		ph := make([]string, len(c.Names))
		for i, n := range c.Names {
			args = append(args, n)
			ph[i] = "?" + strconv.Itoa(len(args))
		}
		names = " AND name IN (" + strings.Join(ph, ", ") + ")"
	}
	q := `UPDATE jobs SET status = 'running', lease_owner = ?1, lease_until = ?2, updated_at = ?3, version = version + 1
		WHERE num IN (
			SELECT num FROM jobs
			WHERE ((status IN ('pending', 'waiting') AND run_at <= ?4) OR (status = 'running' AND lease_until < ?4))` + names + `
			ORDER BY run_at, num LIMIT ?5)
		RETURNING ` + jobColumns
	var recs []fsm.JobRecord
	err = s.do(ctx, func(tx *wtx) (bool, error) {
		rows, err := tx.Query(q, args...)
		if err != nil {
			return false, fmt.Errorf("sqlitestore: claiming jobs: %w", err)
		}
		recs, err = collectJobs(rows)
		return false, err
	})
	if err != nil {
		return nil, err
	}
	// RETURNING gives rows in no particular order.
	slices.SortFunc(recs, func(a, b fsm.JobRecord) int {
		if c := a.RunAt.Compare(b.RunAt); c != 0 {
			return c
		}
		return int(min(max(a.Num-b.Num, -1), 1))
	})
	return recs, nil
}

// ExtendLeases moves to until the lease end of each job of ids that is
// running and leased to owner, and returns, in the order of ids, those that
// are not: they were claimed by another owner after their lease ran out,
// written back without keeping the lease, or do not exist.
func (s *Store) ExtendLeases(ctx context.Context, owner string, ids []string, until time.Time) (lost []string, err error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if owner == "" {
		return nil, errors.New("sqlitestore: ExtendLeases with no owner")
	}
	end, err := storeutil.EncodeTime(until)
	if err != nil {
		return nil, fmt.Errorf("sqlitestore: extending leases: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	kept := map[string]bool{}
	err = s.do(ctx, func(tx *wtx) (bool, error) {
		clear(kept)
		// One statement a job: the number of variables of one statement is
		// bounded, and these are few.
		for _, id := range ids {
			if kept[id] {
				continue
			}
			res, err := tx.Exec(`UPDATE jobs SET lease_until = ? WHERE id = ? AND status = 'running' AND lease_owner = ?`, end, id, owner)
			if err != nil {
				return false, fmt.Errorf("sqlitestore: extending leases: %w", err)
			}
			n, err := res.RowsAffected()
			if err != nil {
				return false, fmt.Errorf("sqlitestore: extending leases: %w", err)
			}
			kept[id] = n > 0
		}
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if !kept[id] && !seen[id] {
			lost = append(lost, id)
			seen[id] = true
		}
	}
	return lost, nil
}
