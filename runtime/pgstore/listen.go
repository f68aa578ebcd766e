package pgstore

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/fsmgen/fsmgen/runtime/internal/storeutil"
)

const (
	// maxWatch is the longest the listener waits before it looks again for
	// the next due timer or lease end.
	maxWatch = 10 * time.Second
	// maxBackoff is the longest the listener waits before it reconnects.
	maxBackoff = 5 * time.Second
)

// listen keeps a connection that LISTENs on the store's channel, until ctx
// ends, and passes what it hears on to Changed; it reconnects when the
// connection breaks.
func (s *Store) listen(ctx context.Context) {
	defer close(s.listenDone)
	backoff := 50 * time.Millisecond
	for ctx.Err() == nil {
		start := time.Now()
		_ = s.listenOnce(ctx)
		if time.Since(start) > maxBackoff {
			backoff = 50 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

// listenOnce listens on one connection until it fails or ctx ends. Between
// notifications it waits for the next timer or lease end of the schema, and
// signals Changed when it comes.
func (s *Store) listenOnce(ctx context.Context) error {
	conn, err := pgx.ConnectConfig(ctx, s.connCfg.Copy())
	if err != nil {
		return err
	}
	defer func() { _ = conn.Close(context.Background()) }()
	if _, err := conn.Exec(ctx, "LISTEN "+pgx.Identifier{s.channel}.Sanitize()); err != nil {
		return err
	}
	// Changes made while no connection listened were not heard.
	s.notify()
	for {
		now := s.now()
		next, err := nextDue(ctx, conn, now)
		if err != nil {
			return err
		}
		wait := maxWatch
		if !next.IsZero() {
			wait = min(max(next.Sub(now), 0), maxWatch)
		}
		wctx, cancel := context.WithTimeout(ctx, wait)
		_, err = conn.WaitForNotification(wctx)
		cancel()
		switch {
		case err == nil:
			s.notify()
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, context.DeadlineExceeded):
			if !next.IsZero() && !s.now().Before(next) {
				s.notify()
			}
		default:
			return err
		}
	}
}

// nextDue returns the earliest time after now at which a job of the schema
// becomes claimable by the clock alone (a timer, a retry or a lease ends),
// or the zero time when none will.
func nextDue(ctx context.Context, conn *pgx.Conn, now time.Time) (time.Time, error) {
	n, err := storeutil.EncodeTime(now)
	if err != nil {
		return time.Time{}, err
	}
	var due *int64
	err = conn.QueryRow(ctx, `SELECT least(
			(SELECT min(run_at) FROM jobs WHERE status = 'pending' AND run_at > $1),
			(SELECT min(run_at) FROM jobs WHERE status = 'waiting' AND run_at > $1 AND run_at < $2),
			(SELECT min(lease_until) + 1 FROM jobs WHERE status = 'running' AND lease_until >= $1 AND lease_until < $2))`,
		n, int64(storeutil.NeverTime)).Scan(&due)
	if err != nil || due == nil {
		return time.Time{}, err
	}
	return storeutil.DecodeTime(*due), nil
}
