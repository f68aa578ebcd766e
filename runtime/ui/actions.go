package ui

import (
	"crypto/hmac"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// confirmView asks whether to go ahead with an action.
type confirmView struct {
	Action   string // cancel, retry or signal
	Verb     string // what the button says
	ID       string
	Signal   string
	Payload  string
	Question string
	Effect   string
	Error    string // the payload does not fit: no button then, only the form again
	Job      *jobView
}

// doneMessages are the results shown after an action, by the done
// parameter: fixed texts, so that a link cannot make the page say anything.
var doneMessages = map[string]string{
	"cancel": "Cancellation requested: the job's current await (or its next) fails with fsm.ErrCancelled, and it ends as cancelled.",
	"retry":  "The job will run again as soon as a worker claims it.",
	"signal": "Signal sent: the job resumes with it once a worker claims it (or keeps it until it awaits it).",
}

const maxPayload = 1 << 20

func (s *Server) action(w http.ResponseWriter, r *http.Request) {
	action := r.PathValue("action")
	if action != "cancel" && action != "retry" && action != "signal" {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no action %q: the dashboard can cancel, retry and signal jobs.", action))
		return
	}
	if s.opts.ReadOnly {
		s.fail(w, r, http.StatusForbidden, "This dashboard is read-only (fsmgen ui --read-only): it takes no actions. Use fsmgen jobs, or a dashboard started without --read-only.")
		return
	}
	if !sameOrigin(r) {
		s.fail(w, r, http.StatusForbidden, "Refused: the action was not sent from a page of this dashboard (its Origin is "+r.Header.Get("Origin")+").")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxPayload+64<<10)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "The form does not decode: "+err.Error())
		return
	}
	id := r.PostForm.Get("id")
	back := "/job?id=" + url.QueryEscape(id)
	if !s.authorized(r) {
		s.render(w, r, http.StatusForbidden, "login.html", &page{Title: "Sign in", Next: back,
			Error: "Actions need the dashboard's token: fsmgen ui printed it when it started (or it was given with --token). Sign in with it, then try again."})
		return
	}
	if !hmac.Equal([]byte(r.PostForm.Get(csrfField)), []byte(s.csrf)) {
		s.fail(w, r, http.StatusForbidden, "Refused: the form lacks this session's anti-forgery value. Reload the job's page and try again.")
		return
	}
	v, err := s.describe(r.Context(), id)
	if errors.Is(err, fsm.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no job %q in this store.", id))
		return
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Cannot read job "+id+": "+err.Error())
		return
	}
	c := &confirmView{Action: action, ID: id, Job: v,
		Signal: strings.TrimSpace(r.PostForm.Get("name")), Payload: r.PostForm.Get("payload")}
	switch action {
	case "cancel":
		c.Verb = "Cancel the job"
		c.Question = "Cancel job " + id + "?"
		c.Effect = "The await it is paused at (or its next one) fails with fsm.ErrCancelled, and so does every later await: the job can clean up, and ends as cancelled. A cancelled job can be retried from its start."
	case "retry":
		c.Verb = "Retry the job"
		c.Question = "Retry job " + id + "?"
		c.Effect = "It " + v.RetryNote + "."
		if v.RetryNote == "" {
			c.Effect = "Only jobs that failed, were cancelled or need attention can be retried; this one is " + string(v.Rec.Status) + "."
		}
	case "signal":
		c.Verb = "Send the signal"
		c.Question = fmt.Sprintf("Send signal %q to job %s?", c.Signal, id)
		c.Effect = "The payload below is stored with the signal; the job resumes with it at its await of this signal."
		if c.Signal == "" {
			c.Error = "Name the signal to send."
		} else if err := s.checkPayload(r, c.Signal, c.Payload); err != nil {
			c.Error = err.Error()
		}
	}
	if c.Error != "" || r.PostForm.Get("confirm") != "yes" {
		status := http.StatusOK
		if c.Error != "" {
			status = http.StatusBadRequest
		}
		s.render(w, r, status, "confirm.html", &page{Title: c.Question, Confirm: c, Self: back})
		return
	}
	ctx := r.Context()
	switch action {
	case "cancel":
		err = s.store.RequestCancel(ctx, id)
	case "retry":
		err = fsm.Retry(ctx, s.store, id, s.opts.Now())
	case "signal":
		err = fsm.SendSignalJSON(ctx, s.store, id, c.Signal, []byte(c.Payload))
	}
	if err != nil {
		c.Error = explain(err)
		s.opts.Logger.Info("fsmgen ui: action failed", "action", action, "job_id", id, "err", err)
		s.render(w, r, http.StatusConflict, "confirm.html", &page{Title: c.Question, Confirm: c, Self: back})
		return
	}
	s.opts.Logger.Info("fsmgen ui: action", "action", action, "job_id", id, "signal", c.Signal)
	http.Redirect(w, r, back+"&done="+action, http.StatusSeeOther)
}

// checkPayload checks a signal's JSON payload against the type an engine
// recorded for it, before the person is asked to confirm.
func (s *Server) checkPayload(r *http.Request, name, payload string) error {
	if len(payload) > maxPayload {
		return fmt.Errorf("the payload is larger than %d bytes", maxPayload)
	}
	raw, err := s.store.Meta(r.Context(), fsm.SignalKey(name))
	if errors.Is(err, fsm.ErrNotFound) {
		return fmt.Errorf("no program using this store defines signal %q (its engine records each signal it defines when it starts)", name)
	}
	if err != nil {
		return err
	}
	var sc fsm.Schema
	if err := json.Unmarshal(raw, &sc); err != nil {
		return fmt.Errorf("the recorded type of signal %q does not decode: %v", name, err)
	}
	if _, err := fsm.EncodeJSON(sc, []byte(payload)); err != nil {
		return fmt.Errorf("the payload does not fit signal %q, which carries a %s: %w", name, sc.Type, err)
	}
	return nil
}

// explain adds what to do to the errors people most often meet.
func explain(err error) string {
	switch {
	case errors.Is(err, fsm.ErrNotFound):
		return err.Error() + " (the job is gone: find it in the list)"
	case errors.Is(err, fsm.ErrJobEnded):
		return err.Error() + ": a job that ended takes no signals or cancellations (retry it instead)"
	}
	return err.Error()
}
