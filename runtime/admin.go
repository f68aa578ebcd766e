package fsm

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// This file holds what people do to jobs from outside their program (the
// fsmgen jobs command, a dashboard): they need only a Store.

// Retry puts a job that stopped back to work:
//
//   - a job needing attention resumes from its last checkpoint, as it is
//     stored, once a worker whose program has its layout claims it;
//   - a failed or cancelled job runs again from its start, with the arguments
//     it was started with: its activities run again, with new idempotency
//     keys, since a retry is a new attempt at the whole job.
//
// A child job that ended cannot be retried (its parent has its result: retry
// the parent), nor can a job that has not stopped. Retry changes nothing when
// it fails.
func Retry(ctx context.Context, s Store, id string, now time.Time) error {
	rec, err := s.Job(ctx, id)
	if err != nil {
		return fmt.Errorf("retrying job %s: %w", id, err)
	}
	u := Update{
		ID: rec.ID, Version: rec.Version, Status: StatusPending,
		Seq: rec.Seq, StateNum: rec.StateNum, State: rec.State, Layout: rec.Layout,
		Op: rec.Op, Progress: rec.Progress, Outcome: rec.Outcome,
		Attempts: rec.Attempts, LastError: rec.LastError, RunAt: now, WakeSeq: rec.WakeSeq,
	}
	detail := "resumed from its checkpoint"
	switch rec.Status {
	case StatusAttention:
	case StatusFailed, StatusCancelled:
		if rec.Parent != "" {
			return fmt.Errorf("job %s is a child of job %s, which has its result already; retry %s instead", id, rec.Parent, rec.Parent)
		}
		start, err := startEvent(ctx, s, id)
		if err != nil {
			return err
		}
		u.StateNum, u.State, u.Layout = 0, start.State, start.Layout
		u.Op, u.Progress, u.Outcome, u.Attempts, u.LastError = nil, nil, nil, 0, ""
		u.ClearCancel = true
		detail = "restarted from its start"
	default:
		return fmt.Errorf("job %s is %s; only jobs that failed, were cancelled or need attention can be retried", id, rec.Status)
	}
	u.Events = []Event{{Seq: rec.Seq, Time: now, Kind: EventRetry, StateNum: u.StateNum, Detail: detail}}
	if _, err := s.Apply(ctx, u); err != nil {
		if errors.Is(err, ErrLeaseLost) {
			return fmt.Errorf("job %s changed while it was being retried; look at it again and retry", id)
		}
		return fmt.Errorf("retrying job %s: %w", id, err)
	}
	return nil
}

func startEvent(ctx context.Context, s Store, id string) (Event, error) {
	evs, err := s.History(ctx, id)
	if err != nil {
		return Event{}, fmt.Errorf("retrying job %s: %w", id, err)
	}
	for _, ev := range evs {
		if ev.Kind == EventStarted {
			if ev.State == nil {
				return Event{}, fmt.Errorf("job %s cannot be restarted: its history does not keep its start state", id)
			}
			return ev, nil
		}
	}
	return Event{}, fmt.Errorf("job %s cannot be restarted: its history has no start", id)
}

// SendSignalJSON sends the named signal to a job with a payload given as JSON
// text, converted with EncodeJSON by the payload type an Engine recorded for
// the signal. A payload that does not fit the type, a signal no engine has
// recorded, an unknown job and a job that ended are errors, and store nothing.
func SendSignalJSON(ctx context.Context, s Store, id, name string, payload []byte) error {
	if _, err := s.Job(ctx, id); err != nil {
		return fmt.Errorf("job %s: %w", id, err)
	}
	raw, err := s.Meta(ctx, SignalKey(name))
	if errors.Is(err, ErrNotFound) {
		return fmt.Errorf("no program using this store defines signal %q (its engine records each signal it defines when it starts)", name)
	}
	if err != nil {
		return err
	}
	var schema Schema
	if err := json.Unmarshal(raw, &schema); err != nil {
		return fmt.Errorf("the recorded type of signal %q does not decode: %v", name, err)
	}
	b, err := EncodeJSON(schema, payload)
	if err != nil {
		return fmt.Errorf("signal %q carries a %s: %w", name, schema.Type, err)
	}
	if err := s.SendSignal(ctx, id, name, b); err != nil {
		return fmt.Errorf("sending signal %q to job %s: %w", name, id, err)
	}
	return nil
}

// base64Decode accepts standard base64, padded or not.
func base64Decode(s string) ([]byte, error) {
	if len(s)%4 != 0 {
		return base64.RawStdEncoding.DecodeString(s)
	}
	return base64.StdEncoding.DecodeString(s)
}
