package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/fsmgen/fsmgen/runtime/ui"
)

const uiUsage = `usage: fsmgen ui [--db PATH|URL] [--addr HOST:PORT] [--token T] [--read-only] [--src DIR]

Serves the web dashboard of a store: its jobs, each job where it is paused in
its source with its variables, and cancel, retry and signal actions.

	--db PATH|URL   the store: an SQLite file or a postgres:// URL (default $FSMGEN_DB)
	--addr A        where to listen (default 127.0.0.1:8080; loopback unless told otherwise)
	--token T       the token that allows actions (default $FSMGEN_UI_TOKEN, else a random one, printed)
	--read-only     no actions at all
	--src DIR       where the jobs' source is (a directory of their module; default .)
`

// uiMain runs "fsmgen ui"; it returns the exit status: 1 when the server
// could not start, 2 for usage errors. It serves until interrupted.
func uiMain(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUI(ctx, args, stdout, stderr, nil)
}

// serveUI is uiMain with its context; ready, when not nil, gets the address
// the server listens on.
func serveUI(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- string) int {
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(stderr, uiUsage)
		return 0
	}
	fs := flag.NewFlagSet("fsmgen ui", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", os.Getenv("FSMGEN_DB"), "")
	addr := fs.String("addr", "127.0.0.1:8080", "")
	token := fs.String("token", os.Getenv("FSMGEN_UI_TOKEN"), "")
	readOnly := fs.Bool("read-only", false, "")
	src := fs.String("src", ".", "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "fsmgen ui: %v; run 'fsmgen ui help'\n", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "fsmgen ui: unexpected argument %q; run 'fsmgen ui help'\n", fs.Arg(0))
		return 2
	}
	if *db == "" {
		fmt.Fprintf(stderr, "fsmgen ui: no store given; pass --db PATH or URL (the store the program's engine opened) or set FSMGEN_DB\n")
		return 2
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "fsmgen ui: --addr %q is not HOST:PORT\n", *addr)
		return 2
	}
	tokenFlag := false
	fs.Visit(func(f *flag.Flag) { tokenFlag = tokenFlag || f.Name == "token" })
	if *readOnly && !tokenFlag {
		*token = "" // from the environment: read-only needs none
	}
	if *readOnly && *token != "" {
		fmt.Fprintf(stderr, "fsmgen ui: --token and --read-only contradict each other\n")
		return 2
	}
	if !*readOnly && *token == "" {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			fmt.Fprintf(stderr, "fsmgen ui: making a token: %v\n", err)
			return 1
		}
		*token = hex.EncodeToString(b)
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "fsmgen ui: %v\n", err)
		return 1
	}
	defer store.Close()
	opts := ui.Options{Token: *token, ReadOnly: *readOnly, SourceDirs: []string{*src}}
	loopback := isLoopback(host)
	if loopback {
		opts.Hosts = append(opts.Hosts, ui.LoopbackHosts...)
	}
	srv, err := ui.New(store, opts)
	if err != nil {
		fmt.Fprintf(stderr, "fsmgen ui: %v\n", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "fsmgen ui: %v\n", err)
		return 1
	}
	base := "http://" + ln.Addr().String() + "/"
	if !loopback {
		fmt.Fprintf(stderr, "fsmgen ui: warning: listening on %s, beyond this machine, without TLS; put it behind a proxy with TLS and authentication (see docs/dashboard.md)\n", ln.Addr())
	}
	if *readOnly {
		fmt.Fprintf(stdout, "fsmgen ui: serving %s (read-only)\n", base)
	} else {
		fmt.Fprintf(stdout, "fsmgen ui: serving %s\nfsmgen ui: to act on jobs, open %s?token=%s (or sign in with the token %s)\n", base, base, *token, *token)
	}
	if ready != nil {
		ready <- ln.Addr().String()
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = hs.Shutdown(sctx)
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "fsmgen ui: %v\n", err)
		return 1
	}
	return 0
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
