package ui

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	fsm "github.com/fsmgen/fsmgen/runtime"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

const testToken = "test-token"

// pausedStore is an SQLite store with the fixture's jobs and no worker.
func pausedStore(t *testing.T) fsm.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fixture(t, s, false)
	return s
}

func newServer(t *testing.T, s fsm.Store, opts Options) *Server {
	t.Helper()
	if opts.Token == "" && !opts.ReadOnly {
		opts.Token = testToken
	}
	opts.SourceDirs = []string{"."}
	opts.Logger = quiet
	srv, err := New(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

type resp struct {
	code int
	body string
	h    http.Header
}

func do(t *testing.T, srv http.Handler, method, target string, form url.Values, edit func(*http.Request)) resp {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if edit != nil {
		edit(r)
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, r)
	return resp{w.Code, w.Body.String(), w.Header()}
}

// signedIn adds the session cookie and a same-origin header.
func signedIn(srv *Server) func(*http.Request) {
	return func(r *http.Request) {
		r.AddCookie(&http.Cookie{Name: cookieName, Value: srv.session})
		r.Header.Set("Sec-Fetch-Site", "same-origin")
	}
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

func TestHandlers(t *testing.T) {
	s := pausedStore(t)
	srv := newServer(t, s, Options{})

	t.Run("list", func(t *testing.T) {
		r := do(t, srv, "GET", "/", nil, nil)
		if r.code != 200 {
			t.Fatalf("GET /: %d", r.code)
		}
		mustContain(t, "the list", r.body, "order-1", "patient-1", "quick-1", `/job?id=order-1`, `<span class="n">3</span> waiting`)
		if ct := r.h.Get("Content-Security-Policy"); !strings.Contains(ct, "script-src 'self'") {
			t.Errorf("CSP = %q", ct)
		}
		r = do(t, srv, "GET", "/?status=succeeded", nil, nil)
		mustContain(t, "succeeded jobs", r.body, "quick-1", "parent-1")
		if strings.Contains(r.body, "patient-1") {
			t.Error("the succeeded list shows a waiting job")
		}
		r = do(t, srv, "GET", "/?name="+url.QueryEscape("github.com/fsmgen/fsmgen/tests/engine.Patient"), nil, nil)
		if !strings.Contains(r.body, "patient-1") || strings.Contains(r.body, "order-1") {
			t.Error("the name filter does not filter")
		}
		r = do(t, srv, "GET", "/?status=bogus&from=yesterday", nil, nil)
		mustContain(t, "a bad filter", r.body, "Unknown status", "is not a time")
		r = do(t, srv, "GET", "/?from=2000-01-01T00:00&to=2000-01-02T00:00", nil, nil)
		mustContain(t, "an empty time range", r.body, "No jobs match this filter")
		r = do(t, srv, "GET", "/?part=1", nil, nil)
		if strings.Contains(r.body, "<html") || !strings.Contains(r.body, "order-1") {
			t.Error("the live part of the list is not a fragment with the jobs")
		}
	})

	t.Run("job page", func(t *testing.T) {
		r := do(t, srv, "GET", "/job?id=order-1", nil, nil)
		if r.code != 200 {
			t.Fatalf("job page: %d %s", r.code, r.body)
		}
		mustContain(t, "the job page, signed out", r.body, "sign in</a>")
		r = do(t, srv, "GET", "/job?id=order-1", nil, signedIn(srv))
		mustContain(t, "the job page", r.body,
			`class="here" id="paused-line"`,
			"ApprovalSignal.Wait()",
			`data-var="o"`, "&#34;o-1&#34;", "<details",
			"engine.approval", "engine.Approval",
			"Actions", `action="/job/cancel"`, `name="csrf" value="`+srv.csrf)
		r = do(t, srv, "GET", "/job?id=parent-1", nil, nil)
		mustContain(t, "the parent's page", r.body, "Child jobs", "/job?id=parent-1%2F")
	})

	t.Run("escaping", func(t *testing.T) {
		r := do(t, srv, "GET", "/job?id=order-evil", nil, nil)
		if strings.Contains(r.body, "<script>document") || strings.Contains(r.body, "<img src=x") {
			t.Fatal("a stored value reached the page unescaped")
		}
		mustContain(t, "the hostile job's page", r.body, "&lt;script&gt;document.title=")
	})

	t.Run("not found", func(t *testing.T) {
		r := do(t, srv, "GET", "/job?id=no-such-job", nil, nil)
		if r.code != 404 || !strings.Contains(r.body, "There is no job &#34;no-such-job&#34; in this store") {
			t.Errorf("unknown job: %d %s", r.code, r.body)
		}
		r = do(t, srv, "GET", "/job", nil, nil)
		if r.code != 404 || !strings.Contains(r.body, "No job id given") {
			t.Errorf("no id: %d", r.code)
		}
		r = do(t, srv, "GET", "/nowhere", nil, nil)
		if r.code != 404 || !strings.Contains(r.body, "There is no page at /nowhere") {
			t.Errorf("unknown page: %d", r.code)
		}
		r = do(t, srv, "POST", "/job/explode", url.Values{"id": {"order-1"}}, signedIn(srv))
		if r.code != 404 {
			t.Errorf("unknown action: %d", r.code)
		}
	})

	t.Run("actions refused", func(t *testing.T) {
		form := url.Values{"id": {"patient-1"}, "csrf": {srv.csrf}, "confirm": {"yes"}}
		for _, c := range []struct {
			name string
			edit func(*http.Request)
			form url.Values
			want string
		}{
			{"no token", func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "same-origin") }, form, "Actions need the dashboard&#39;s token"},
			{"wrong cookie", func(r *http.Request) {
				r.AddCookie(&http.Cookie{Name: cookieName, Value: "guess"})
			}, form, "Actions need the dashboard&#39;s token"},
			{"no csrf value", signedIn(srv), url.Values{"id": {"patient-1"}, "confirm": {"yes"}}, "anti-forgery"},
			{"cross-site", func(r *http.Request) {
				signedIn(srv)(r)
				r.Header.Set("Sec-Fetch-Site", "cross-site")
			}, form, "not sent from a page of this dashboard"},
			{"other origin", func(r *http.Request) {
				r.AddCookie(&http.Cookie{Name: cookieName, Value: srv.session})
				r.Header.Set("Origin", "http://evil.example")
			}, form, "not sent from a page of this dashboard"},
		} {
			r := do(t, srv, "POST", "/job/cancel", c.form, c.edit)
			if r.code != http.StatusForbidden || !strings.Contains(r.body, c.want) {
				t.Errorf("%s: %d, want 403 with %q:\n%s", c.name, r.code, c.want, r.body)
			}
		}
		if rec, _ := s.Job(context.Background(), "patient-1"); rec.CancelRequested {
			t.Fatal("a refused cancellation was stored")
		}
	})

	t.Run("cancel", func(t *testing.T) {
		form := url.Values{"id": {"patient-1"}, "csrf": {srv.csrf}}
		r := do(t, srv, "POST", "/job/cancel", form, signedIn(srv))
		if r.code != 200 || !strings.Contains(r.body, "Cancel job patient-1?") || !strings.Contains(r.body, `name="confirm" value="yes"`) {
			t.Fatalf("no confirmation: %d %s", r.code, r.body)
		}
		if rec, _ := s.Job(context.Background(), "patient-1"); rec.CancelRequested {
			t.Fatal("cancelled before confirming")
		}
		form.Set("confirm", "yes")
		r = do(t, srv, "POST", "/job/cancel", form, signedIn(srv))
		if r.code != http.StatusSeeOther || r.h.Get("Location") != "/job?id=patient-1&done=cancel" {
			t.Fatalf("confirmed cancel: %d %v", r.code, r.h)
		}
		if rec, _ := s.Job(context.Background(), "patient-1"); !rec.CancelRequested {
			t.Fatal("the cancellation was not stored")
		}
		r = do(t, srv, "GET", "/job?id=patient-1&done=cancel", nil, nil)
		mustContain(t, "the page after cancelling", r.body, "Cancellation requested", "cancellation requested")
	})

	t.Run("signal payload checked", func(t *testing.T) {
		form := url.Values{"id": {"order-1"}, "csrf": {srv.csrf}, "name": {"engine.approval"}, "payload": {`{"by": 7}`}, "confirm": {"yes"}}
		r := do(t, srv, "POST", "/job/signal", form, signedIn(srv))
		if r.code != http.StatusBadRequest || !strings.Contains(r.body, "payload.by: want text") {
			t.Errorf("bad payload: %d %s", r.code, r.body)
		}
		form.Set("name", "no.such.signal")
		r = do(t, srv, "POST", "/job/signal", form, signedIn(srv))
		if r.code != http.StatusBadRequest || !strings.Contains(r.body, "no program using this store defines signal") {
			t.Errorf("unknown signal: %d", r.code)
		}
		sigs, _ := s.Signals(context.Background(), "order-1")
		if len(sigs) != 0 {
			t.Fatal("a refused signal was stored")
		}
		form.Set("name", "engine.approval")
		form.Set("payload", `{"by": "ann", "ok": true}`)
		r = do(t, srv, "POST", "/job/signal", form, signedIn(srv))
		if r.code != http.StatusSeeOther {
			t.Fatalf("good payload: %d %s", r.code, r.body)
		}
		if sigs, _ := s.Signals(context.Background(), "order-1"); len(sigs) != 1 {
			t.Fatalf("signals stored: %d, want 1", len(sigs))
		}
	})

	t.Run("token link and sign-in", func(t *testing.T) {
		r := do(t, srv, "GET", "/job?id=order-1&token="+testToken, nil, nil)
		if r.code != http.StatusSeeOther || r.h.Get("Location") != "/job?id=order-1" || !strings.Contains(r.h.Get("Set-Cookie"), "SameSite=Strict") || !strings.Contains(r.h.Get("Set-Cookie"), "HttpOnly") {
			t.Errorf("token link: %d %v", r.code, r.h)
		}
		r = do(t, srv, "GET", "/?token=wrong", nil, nil)
		if r.code != http.StatusForbidden || r.h.Get("Set-Cookie") != "" {
			t.Errorf("wrong token link: %d", r.code)
		}
		r = do(t, srv, "POST", "/login", url.Values{"token": {"wrong"}, "next": {"/"}}, nil)
		if r.code != http.StatusForbidden {
			t.Errorf("wrong token: %d", r.code)
		}
		r = do(t, srv, "POST", "/login", url.Values{"token": {testToken}, "next": {"//evil.example/"}}, nil)
		if r.code != http.StatusSeeOther || r.h.Get("Location") != "/" {
			t.Errorf("sign-in with an outside next: %d %v", r.code, r.h.Get("Location"))
		}
	})

	t.Run("hosts", func(t *testing.T) {
		local := newServer(t, s, Options{Hosts: LoopbackHosts})
		r := do(t, local, "GET", "/", nil, func(r *http.Request) { r.Host = "rebound.example:8080" })
		if r.code != http.StatusMisdirectedRequest {
			t.Errorf("another host: %d", r.code)
		}
		r = do(t, local, "GET", "/", nil, func(r *http.Request) { r.Host = "127.0.0.1:8080" })
		if r.code != 200 {
			t.Errorf("loopback: %d", r.code)
		}
	})
}

func TestReadOnly(t *testing.T) {
	s := pausedStore(t)
	srv := newServer(t, s, Options{ReadOnly: true})
	r := do(t, srv, "GET", "/job?id=order-1", nil, nil)
	if r.code != 200 || strings.Contains(r.body, "/job/cancel") || strings.Contains(r.body, "Sign in") || !strings.Contains(r.body, "read-only") {
		t.Errorf("read-only page shows actions: %s", r.body)
	}
	r = do(t, srv, "POST", "/job/cancel", url.Values{"id": {"order-1"}, "confirm": {"yes"}}, signedIn(srv))
	if r.code != http.StatusForbidden || !strings.Contains(r.body, "read-only") {
		t.Errorf("read-only cancel: %d", r.code)
	}
	if rec, _ := s.Job(context.Background(), "order-1"); rec.CancelRequested {
		t.Error("a read-only dashboard cancelled a job")
	}
	if _, err := New(s, Options{}); err == nil {
		t.Error("New without a token nor ReadOnly succeeded")
	}
}

func TestSplitPos(t *testing.T) {
	for _, c := range []struct {
		pos, file string
		line      int
		ok        bool
	}{
		{"jobs.go:12:3", "jobs.go", 12, true},
		{"../../etc/passwd.go:1:1", "passwd.go", 1, true},
		{"/etc/passwd:1:1", "passwd", 1, false},
		{"jobs.go:x:1", "", 0, false},
	} {
		file, line, _, ok := splitPos(c.pos)
		if ok != c.ok || (ok && (file != c.file || line != c.line)) {
			t.Errorf("splitPos(%q) = %q %d %v", c.pos, file, line, ok)
		}
	}
	for name, want := range map[string]string{"example.com/shop.Checkout": "example.com/shop", "example.com/shop.Cart.Total": "example.com/shop", "main.Job": "main", "a/../b.Job": "", "Job": ""} {
		got, ok := packageOf(name)
		if got != want || ok != (want != "") {
			t.Errorf("packageOf(%q) = %q, %v", name, got, ok)
		}
	}
}
