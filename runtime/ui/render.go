package ui

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// page is what every template gets.
type page struct {
	Title      string
	Authorized bool   // the session may act
	ReadOnly   bool   // no actions at all
	CSRF       string // the anti-forgery value of action forms
	Refresh    int    // milliseconds between live refreshes, 0 for none
	Self       string // this page's URL, for the refresh and for sign-in
	Next       string // sign-in: where to go after
	Error      string // a failure to show
	Message    string // a success to show
	Status     int    // the HTTP status, for error pages

	List    *listView
	Job     *jobView
	Confirm *confirmView
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	p.ReadOnly = s.opts.ReadOnly
	p.Authorized = s.authorized(r)
	if p.Authorized {
		p.CSRF = s.csrf
	}
	if s.opts.Refresh > 0 {
		p.Refresh = int(s.opts.Refresh / time.Millisecond)
	}
	if p.Self == "" {
		p.Self = r.URL.RequestURI()
	}
	p.Status = status
	var b bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&b, name, p); err != nil {
		s.opts.Logger.Error("fsmgen ui: rendering a page", "page", name, "err", err)
		http.Error(w, "fsmgen ui: cannot render the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// fail shows an error page with a message that says what to do.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error.html", &page{Title: http.StatusText(status), Error: msg})
}

func (s *Server) funcs() template.FuncMap {
	return template.FuncMap{
		"jobURL":  func(id string) string { return "/job?id=" + url.QueryEscape(id) },
		"ago":     func(t time.Time) string { return ago(s.opts.Now(), t) },
		"when":    func(t time.Time) string { return when(s.opts.Now(), t) },
		"stamp":   stamp,
		"iso":     func(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) },
		"plain":   fsm.FormatPlain,
		"value":   newValue,
		"short":   func(s string, n int) string { return truncate(oneLine(s), n) },
		"oneLine": oneLine,
		"statusClass": func(st fsm.Status) string {
			return "st-" + string(st)
		},
		"never": func(t time.Time) bool { return !t.Before(fsm.Never) },
		"add":   func(a, b int) int { return a + b },
	}
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04:05.000") + " UTC"
}

// ago says how long before now t was, for people.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t)
	if d < 0 {
		return "in " + roughly(-d)
	}
	if d < time.Second {
		return "just now"
	}
	return roughly(d) + " ago"
}

// when says when t is relative to now, past or future.
func when(now, t time.Time) string {
	if !t.Before(fsm.Never) {
		return "when woken"
	}
	if t.After(now) {
		return "in " + roughly(t.Sub(now))
	}
	return ago(now, t)
}

func roughly(d time.Duration) string {
	switch {
	case d < time.Minute:
		return strconv.Itoa(int(d/time.Second)) + "s"
	case d < time.Hour:
		return strconv.Itoa(int(d/time.Minute)) + "m" + strconv.Itoa(int(d%time.Minute/time.Second)) + "s"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d/time.Hour)) + "h" + strconv.Itoa(int(d%time.Hour/time.Minute)) + "m"
	}
	return strconv.Itoa(int(d/(24*time.Hour))) + " days"
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	// Cut on a rune boundary.
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
