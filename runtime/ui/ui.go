// Package ui is the web dashboard of a store: the jobs in it, each job where
// it is paused in its source with its live variables, and the actions people
// take on jobs (cancel, retry, signal). `fsmgen ui` serves it; a program may
// also mount New's handler in its own HTTP server.
//
// The dashboard reads the store as `fsmgen jobs` does, through the inspect
// and admin functions of package fsm: it needs neither the jobs' code nor a
// running worker, only the layouts and signal types an engine recorded.
//
// Safety. Every stored value reaches the page through html/template, so a
// variable holding markup shows as text. Reads need no token; every action
// does: a POST is accepted only with the session cookie that the token opens
// (HttpOnly, SameSite=Strict), the anti-forgery value derived from it in the
// form, and a same-origin Origin or Sec-Fetch-Site header. With
// Options.ReadOnly there are no actions at all. Options.Hosts refuses
// requests for other host names (DNS rebinding) when the server listens on
// loopback.
package ui

import (
	"crypto/hmac"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

//go:embed assets templates
var files embed.FS

// Options configures a dashboard.
type Options struct {
	// Token opens a session that may act on jobs. It must be set unless
	// ReadOnly is; the cmd/fsmgen ui command makes a random one.
	Token string
	// ReadOnly hides every action and refuses them all.
	ReadOnly bool
	// SourceDirs are where the jobs' source files are looked for, to show the
	// line a job is paused at: each is a directory inside a Go module (the
	// module's go.mod maps the job's package to a directory), or the
	// package's own directory. Default: the working directory.
	SourceDirs []string
	// Hosts, when not empty, are the only host names (without port) requests
	// may name; others are refused, so that a web page cannot reach a
	// loopback dashboard through a DNS name of its own.
	Hosts []string
	// PageSize is how many jobs the list shows at once (default 50).
	PageSize int
	// Refresh is how often open pages ask for fresh data (default 2s; a
	// negative value turns live refresh off).
	Refresh time.Duration
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Logger gets one line for every action taken (default slog.Default()).
	Logger *slog.Logger
}

// Server is the dashboard of one store, an http.Handler.
type Server struct {
	store fsm.Store
	opts  Options
	tmpl  *template.Template
	mux   *http.ServeMux
	src   *sources
	// session is the cookie value the token opens, csrf the anti-forgery
	// value forms carry; both derive from the token, so restarts with the
	// same token keep sessions.
	session, csrf string
}

const (
	cookieName = "fsmgen_session"
	csrfField  = "csrf"
)

// New returns the dashboard of store. It fails when neither a token nor
// ReadOnly is given.
func New(store fsm.Store, opts Options) (*Server, error) {
	if opts.Token == "" && !opts.ReadOnly {
		return nil, errors.New("ui: a token is needed to allow actions (or set ReadOnly)")
	}
	if opts.PageSize <= 0 {
		opts.PageSize = 50
	}
	if opts.Refresh == 0 {
		opts.Refresh = 2 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if len(opts.SourceDirs) == 0 {
		opts.SourceDirs = []string{"."}
	}
	s := &Server{store: store, opts: opts, src: newSources(opts.SourceDirs)}
	if opts.Token != "" {
		s.session = derive(opts.Token, "session")
		s.csrf = derive(opts.Token, "csrf")
	}
	t, err := template.New("").Funcs(s.funcs()).ParseFS(files, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("ui: templates: %w", err)
	}
	s.tmpl = t
	assets, err := fs.Sub(files, "assets")
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("GET /assets/", http.StripPrefix("/assets/", cacheAssets(http.FileServerFS(assets))))
	mux.HandleFunc("GET /{$}", s.list)
	mux.HandleFunc("GET /job", s.job)
	mux.HandleFunc("GET /login", s.loginPage)
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.logout)
	mux.HandleFunc("POST /job/{action}", s.action)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
	s.mux = mux
	return s, nil
}

func derive(token, purpose string) string {
	m := hmac.New(sha256.New, []byte(token))
	m.Write([]byte("fsmgen ui " + purpose))
	return hex.EncodeToString(m.Sum(nil))
}

func cacheAssets(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		h.ServeHTTP(w, r)
	})
}

// ServeHTTP serves the dashboard.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if !s.hostAllowed(r.Host) {
		http.Error(w, "fsmgen ui: host "+r.Host+" is not served here (start fsmgen ui with --addr naming it)", http.StatusMisdirectedRequest)
		return
	}
	// A link with ?token= opens a session and is then forgotten, so that the
	// token stays out of the history and of copied links.
	if tok := r.URL.Query().Get("token"); tok != "" && r.Method == http.MethodGet {
		q := r.URL.Query()
		q.Del("token")
		u := *r.URL
		u.RawQuery = q.Encode()
		if s.opts.ReadOnly || !hmac.Equal([]byte(tok), []byte(s.opts.Token)) {
			s.fail(w, r, http.StatusForbidden, "That token does not open a session here: check the one fsmgen ui printed.")
			return
		}
		s.setSession(w, r)
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) hostAllowed(host string) bool {
	if len(s.opts.Hosts) == 0 {
		return true
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	for _, h := range s.opts.Hosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// LoopbackHosts are the host names of a server that listens on loopback.
var LoopbackHosts = []string{"localhost", "127.0.0.1", "::1"}

func (s *Server) setSession(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name: cookieName, Value: s.session, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
}

// authorized reports whether r carries the session cookie.
func (s *Server) authorized(r *http.Request) bool {
	if s.opts.ReadOnly || s.session == "" {
		return false
	}
	c, err := r.Cookie(cookieName)
	return err == nil && hmac.Equal([]byte(c.Value), []byte(s.session))
}

// sameOrigin reports whether a state-changing request comes from a page of
// this server: browsers send Sec-Fetch-Site, and Origin on every POST.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin" || site == "none"
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		// Not a browser (curl, a script): it cannot have been tricked by a
		// page, and still needs the cookie and the form value.
		return true
	}
	o, ok := strings.CutPrefix(origin, "http://")
	if !ok {
		o, ok = strings.CutPrefix(origin, "https://")
	}
	return ok && strings.EqualFold(o, r.Host)
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login.html", &page{Title: "Sign in", Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		s.fail(w, r, http.StatusForbidden, "Refused: the form was not sent from this dashboard.")
		return
	}
	if s.opts.ReadOnly {
		s.fail(w, r, http.StatusForbidden, "This dashboard is read-only: there is nothing to sign in for.")
		return
	}
	next := safeNext(r.PostFormValue("next"))
	if !hmac.Equal([]byte(r.PostFormValue("token")), []byte(s.opts.Token)) {
		p := &page{Title: "Sign in", Next: next, Error: "That token is not the one this dashboard was started with."}
		s.render(w, r, http.StatusForbidden, "login.html", p)
		return
	}
	s.setSession(w, r)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		s.fail(w, r, http.StatusForbidden, "Refused: the form was not sent from this dashboard.")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// safeNext keeps a redirect target on this server.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
