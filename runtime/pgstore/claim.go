package pgstore

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

// Claim leases up to c.Limit claimable jobs to c.Owner until c.Now+c.Lease,
// marks them fsm.StatusRunning, raises their Version by one and returns them,
// earliest RunAt first (then in the order they were created). Claimable are
// jobs that are pending or waiting with RunAt <= c.Now, and running jobs
// whose lease ended before c.Now. A nil c.Names claims jobs of any name; an
// empty, non-nil one claims none.
//
// Jobs are taken with FOR UPDATE SKIP LOCKED: concurrent claims, from any
// number of processes, skip each other's rows rather than wait for them, and
// no job is handed to two of them.
func (s *Store) Claim(ctx context.Context, c fsm.ClaimRequest) ([]fsm.JobRecord, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if c.Owner == "" {
		return nil, errors.New("pgstore: Claim with no owner")
	}
	if c.Limit <= 0 || (c.Names != nil && len(c.Names) == 0) {
		return nil, nil
	}
	now, err := storeutil.EncodeTime(c.Now)
	if err != nil {
		return nil, fmt.Errorf("pgstore: claiming jobs: Now: %w", err)
	}
	until, err := storeutil.EncodeTime(c.Now.Add(c.Lease))
	if err != nil {
		return nil, fmt.Errorf("pgstore: claiming jobs: lease end: %w", err)
	}
	args := []any{c.Owner, until, s.nowNano(), now, int64(c.Limit)}
	names := ""
	if c.Names != nil {
		args = append(args, c.Names)
		names = " AND name = ANY($6::text[])"
	}
	q := `WITH due AS (
			SELECT num FROM jobs
			WHERE ((status IN ('pending', 'waiting') AND run_at <= $4) OR (status = 'running' AND lease_until < $4))` + names + `
			ORDER BY run_at, num LIMIT $5
			FOR UPDATE SKIP LOCKED)
		UPDATE jobs SET status = 'running', lease_owner = $1, lease_until = $2, updated_at = $3, version = version + 1
		FROM due WHERE jobs.num = due.num
		RETURNING ` + qualified("jobs", jobColumns)
	var recs []fsm.JobRecord
	err = s.do(ctx, func(tx pgx.Tx) (bool, error) {
		rows, err := tx.Query(ctx, q, args...)
		if err != nil {
			return false, fmt.Errorf("pgstore: claiming jobs: %w", err)
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
		return nil, errors.New("pgstore: ExtendLeases with no owner")
	}
	end, err := storeutil.EncodeTime(until)
	if err != nil {
		return nil, fmt.Errorf("pgstore: extending leases: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	// Sorted, so that concurrent writers lock rows in one order.
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	kept := map[string]bool{}
	err = s.do(ctx, func(tx pgx.Tx) (bool, error) {
		clear(kept)
		rows, err := tx.Query(ctx, `UPDATE jobs SET lease_until = $1
			WHERE num IN (SELECT num FROM jobs WHERE id = ANY($2::text[]) AND status = 'running' AND lease_owner = $3 ORDER BY id FOR UPDATE)
			AND status = 'running' AND lease_owner = $3
			RETURNING id`, end, sorted, owner)
		if err != nil {
			return false, fmt.Errorf("pgstore: extending leases: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return false, fmt.Errorf("pgstore: extending leases: %w", err)
			}
			kept[id] = true
		}
		if err := rows.Err(); err != nil {
			return false, fmt.Errorf("pgstore: extending leases: %w", err)
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

// qualified prefixes each of the comma-separated columns with table.
func qualified(table, columns string) string {
	out := []byte{}
	start := true
	for i := 0; i < len(columns); i++ {
		ch := columns[i]
		if start && ch != ' ' && ch != '\t' && ch != '\n' {
			out = append(out, table...)
			out = append(out, '.')
			start = false
		}
		out = append(out, ch)
		if ch == ',' {
			start = true
		}
	}
	return string(out)
}
