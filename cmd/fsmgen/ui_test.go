package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestUIBadFlags(t *testing.T) {
	path, _ := pausedStore(t)
	for _, args := range [][]string{
		{"--bogus"},
		{"--db", path, "--addr", "nonsense"},
		{"--db", path, "--read-only", "--token", "x"},
		{"--db", path, "extra"},
		{},
	} {
		t.Setenv("FSMGEN_DB", "")
		var out, errb bytes.Buffer
		code := run(append([]string{"ui"}, args...), &out, &errb)
		if code != 2 || strings.Count(strings.TrimSpace(errb.String()), "\n") != 0 || !strings.HasPrefix(errb.String(), "fsmgen ui: ") {
			t.Errorf("fsmgen ui %v: exit %d, stderr %q; want 2 and one line", args, code, errb.String())
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"ui", "--db", t.TempDir() + "/none.db"}, &out, &errb); code != 1 {
		t.Errorf("a missing store: exit %d, %s", code, errb.String())
	}
}

func TestUIServes(t *testing.T) {
	path, id := pausedStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan int, 1)
	var out bytes.Buffer
	go func() {
		done <- serveUI(ctx, []string{"--db", path, "--addr", "127.0.0.1:0", "--token", "tok"}, &out, io.Discard, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case code := <-done:
		t.Fatalf("exited %d", code)
	case <-time.After(20 * time.Second):
		t.Fatal("did not start")
	}
	resp, err := http.Get("http://" + addr + "/job?id=" + id)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "paused-line") {
		t.Errorf("job page: %d", resp.StatusCode)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d after the interrupt", code)
	}
	if !strings.Contains(out.String(), "?token=tok") {
		t.Errorf("the start message lacks the token link: %s", out.String())
	}
}
