package fsm

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"time"
)

// RetryPolicy says how the engine retries an activity whose attempt failed.
// An attempt fails when the activity returns an error, panics, or runs past
// Timeout. The activity's await gets the error of the last attempt once
// MaxAttempts attempts have failed, or at once when the error is permanent
// (see Permanent).
//
// Under a direct context (Direct) an activity runs once: retries are the
// engine's business.
type RetryPolicy struct {
	// MaxAttempts is how many attempts are made in all; 1 means no retry.
	MaxAttempts int
	// InitialInterval is the wait before the second attempt.
	InitialInterval time.Duration
	// Multiplier grows the wait after each failed attempt (at least 1).
	Multiplier float64
	// MaxInterval caps the wait between attempts.
	MaxInterval time.Duration
	// Jitter spreads each wait at random by up to this fraction of it (0 to
	// 1), so that many jobs failing together do not retry together. Negative
	// means none.
	Jitter float64
	// Timeout bounds one attempt: its context is cancelled after it, and the
	// attempt fails with context.DeadlineExceeded. 0 means no bound.
	Timeout time.Duration
}

// DefaultRetryPolicy is the policy of an activity that sets none, and gives
// the fields a policy leaves zero.
var DefaultRetryPolicy = RetryPolicy{
	MaxAttempts:     5,
	InitialInterval: time.Second,
	Multiplier:      2,
	MaxInterval:     5 * time.Minute,
	Jitter:          0.2,
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	d := DefaultRetryPolicy
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = d.MaxAttempts
	}
	if p.InitialInterval <= 0 {
		p.InitialInterval = d.InitialInterval
	}
	if p.Multiplier < 1 {
		p.Multiplier = d.Multiplier
	}
	if p.MaxInterval <= 0 {
		p.MaxInterval = d.MaxInterval
	}
	if p.Jitter == 0 {
		p.Jitter = d.Jitter
	}
	if p.Jitter < 0 {
		p.Jitter = 0
	}
	if p.Jitter > 1 {
		p.Jitter = 1
	}
	return p
}

// Backoff returns the wait after failed attempt number attempt (1 for the
// first), jitter included.
func (p RetryPolicy) Backoff(attempt int) time.Duration {
	p = p.withDefaults()
	wait := float64(p.InitialInterval) * math.Pow(p.Multiplier, float64(max(attempt-1, 0)))
	wait = min(wait, float64(p.MaxInterval))
	if p.Jitter > 0 {
		wait *= 1 + p.Jitter*(2*rand.Float64()-1)
	}
	return time.Duration(max(wait, 0))
}

// ErrPermanent is what errors.Is finds in an error made by Permanent.
var ErrPermanent = errors.New("fsm: permanent error")

// Permanent marks err as not worth retrying: the engine gives it to the
// activity's await at once. Its text stays err's own.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err}
}

type permanentError struct{ err error }

func (e *permanentError) Error() string        { return e.err.Error() }
func (e *permanentError) Unwrap() error        { return e.err }
func (e *permanentError) Is(target error) bool { return target == ErrPermanent }

// ActivityInfo describes the attempt an activity runs in under an engine.
type ActivityInfo struct {
	JobID   string
	JobName string
	// Seq is the number of the await (counted from 1 over the job's life);
	// Leaf numbers the activity among the ops of a composite await (All,
	// First, Timeout), 0 otherwise.
	Seq  int64
	Leaf int
	// Attempt counts from 1.
	Attempt int
	// IdempotencyKey is the same for every attempt of this await of this job,
	// and differs from every other: pass it to the service the activity calls
	// to make its effect happen once however often the attempt runs.
	IdempotencyKey string
}

type activityInfoKey struct{}

// ActivityInfoFrom returns the attempt an activity's context belongs to; ok
// is false under a direct context.
func ActivityInfoFrom(ctx context.Context) (info ActivityInfo, ok bool) {
	info, ok = ctx.Value(activityInfoKey{}).(ActivityInfo)
	return info, ok
}

// IdempotencyKey returns ActivityInfoFrom(ctx).IdempotencyKey, "" under a
// direct context.
func IdempotencyKey(ctx context.Context) string {
	info, _ := ActivityInfoFrom(ctx)
	return info.IdempotencyKey
}
