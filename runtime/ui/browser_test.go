package ui

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/fsmgen/fsmgen/internal/pgtest"
	"github.com/fsmgen/fsmgen/runtime/pgstore"
	"github.com/fsmgen/fsmgen/runtime/sqlitestore"
)

// These tests drive the dashboard in a real headless Chromium (Debian's
// chromium package; $FSMGEN_CHROMIUM names another binary). Without one they
// are skipped, or fail under CI=true. With FSMGEN_SCREENSHOTS=DIR they write
// the screenshots docs/dashboard.md shows into DIR.

// browser starts Chromium and returns a context of one of its tabs.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := os.Getenv("FSMGEN_CHROMIUM")
	if path == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium to run the browser tests with (apt-get install chromium, or set FSMGEN_CHROMIUM); CI must not skip them")
		}
		t.Skip("no chromium: skipping the browser tests (apt-get install chromium, or set FSMGEN_CHROMIUM)")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// run runs steps, and fails the test with the page's text when one fails.
func run(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
		t.Fatalf("%s: %v\npage text:\n%s", what, err, body)
	}
}

// get runs one action that returns a value.
func get[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		body, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
		t.Fatalf("%s: %v\npage text:\n%s", what, err, body)
	}
	return v
}

// text reads the text of the element sel. The live refresh may replace the
// element between finding it and reading it, which reads as ""; so an empty
// text is read again, for a while.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		s := get(t, ctx, "reading "+sel, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
		if s != "" || time.Now().After(deadline) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return get(t, ctx, "evaluating "+expr, chromedp.Evaluate[T](expr))
}

// screenshot writes a PNG of the page to $FSMGEN_SCREENSHOTS/name.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("FSMGEN_SCREENSHOTS")
	if dir == "" {
		return
	}
	b := get(t, ctx, "screenshot "+name, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitStatus waits until the job page's live refresh shows status.
func waitStatus(t *testing.T, ctx context.Context, status string) {
	t.Helper()
	get(t, ctx, "waiting for status "+status,
		chromedp.Poll[bool](`document.querySelector(".summary .badge").textContent === "`+status+`"`, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
}

func TestBrowserSQLite(t *testing.T) {
	s, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fixture(t, s, true)
	srv := newServer(t, s, Options{Refresh: 300 * time.Millisecond})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	ctx := browser(t)
	base := hs.URL

	// The token link opens a session and leaves the token out of the URL.
	run(t, ctx, "opening the token link", chromedp.Navigate(base+"/?token="+testToken), chromedp.WaitVisible(chromedp.CSS("table.jobs")))
	loc := get(t, ctx, "reading the location", chromedp.Location())
	if strings.Contains(loc, "token") {
		t.Errorf("the token stayed in the URL: %s", loc)
	}

	t.Run("keyboard", func(t *testing.T) {
		run(t, ctx, "tabbing", chromedp.KeyEvent("\t"))
		cls := js[string](t, ctx, `document.activeElement.className`)
		if cls != "skip" {
			t.Errorf("the first Tab focuses %q, want the skip link", cls)
		}
	})

	t.Run("list filters", func(t *testing.T) {
		body := text(t, ctx, "table.jobs")
		for _, id := range []string{"order-1", "order-evil", "patient-1", "quick-1", "parent-1"} {
			if !strings.Contains(body, id) {
				t.Errorf("the list lacks %s", id)
			}
		}
		js[bool](t, ctx, `(document.activeElement.blur(), true)`)
		screenshot(t, ctx, "dashboard-list.png")
		run(t, ctx, "filtering by status",
			chromedp.SetValue(chromedp.ID("f-status"), "succeeded"),
			chromedp.Click(chromedp.CSS(`form.filters button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`a.count.current`)))
		body = text(t, ctx, "table.jobs")
		if !strings.Contains(body, "quick-1") || strings.Contains(body, "order-1") {
			t.Errorf("status succeeded lists:\n%s", body)
		}
		run(t, ctx, "filtering by name",
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(chromedp.ID("f-name")),
			chromedp.SendKeys(chromedp.ID("f-name"), "github.com/fsmgen/fsmgen/tests/engine.Patient\r"),
			chromedp.WaitVisible(`//a[contains(@class,"button") and text()="Clear"]`))
		body = text(t, ctx, "table.jobs")
		if !strings.Contains(body, "patient-1") || strings.Contains(body, "order-1") {
			t.Errorf("name filter lists:\n%s", body)
		}
		run(t, ctx, "filtering by time", chromedp.Navigate(base+"/?to=2000-01-01T00:00"), chromedp.WaitVisible(chromedp.CSS("p.empty")))
	})

	t.Run("job page", func(t *testing.T) {
		run(t, ctx, "opening order-1 from the list",
			chromedp.Navigate(base+"/"),
			chromedp.Click(`//a[text()="order-1"]`),
			chromedp.WaitVisible(chromedp.ID("paused-line")))
		if line := text(t, ctx, "#paused-line"); !strings.Contains(line, "121") || !strings.Contains(line, "fsm.Timeout(ApprovalSignal.Wait(), o.Wait)") {
			t.Errorf("the paused line shows %q", line)
		}
		run(t, ctx, "opening a large value", chromedp.Click(chromedp.CSS(`td[data-var="o"] summary`)), chromedp.WaitVisible(chromedp.CSS(`td[data-var="o"] details pre`)))
		if v := text(t, ctx, `td[data-var="o"] details pre`); !strings.Contains(v, `ID: "o-1"`) || !strings.Contains(v, `"lamp"`) {
			t.Errorf("variable o shows %q", v)
		}
		if v := text(t, ctx, `td[data-var="r"]`); !strings.Contains(v, `Charge: "ch-o-1"`) {
			t.Errorf("variable r shows %q", v)
		}
		if v := text(t, ctx, "#h-op + p"); !strings.Contains(v, `signal "engine.approval" with a timeout`) {
			t.Errorf("the pending op shows %q", v)
		}
		screenshot(t, ctx, "dashboard-job.png")
	})

	t.Run("hostile value escaped", func(t *testing.T) {
		run(t, ctx, "opening order-evil", chromedp.Navigate(base+"/job?id=order-evil"), chromedp.WaitVisible(chromedp.CSS(`td[data-var="o"]`)), chromedp.Sleep(100*time.Millisecond))
		title := get(t, ctx, "reading the title", chromedp.Title())
		if title == "pwned" {
			t.Fatal("a stored <script> ran")
		}
		if v := text(t, ctx, `td[data-var="o"]`); !strings.Contains(v, `<script>document.title=`) {
			t.Errorf("the hostile value does not show as text: %q", v)
		}
		imgs := js[int](t, ctx, `document.querySelectorAll("img").length`)
		if imgs != 0 {
			t.Errorf("a stored <img> became an element")
		}
	})

	t.Run("signal resumes a waiting job", func(t *testing.T) {
		run(t, ctx, "sending the approval",
			chromedp.Navigate(base+"/job?id=order-1"),
			chromedp.WaitVisible(chromedp.ID("sig-payload")),
			chromedp.SetValue(chromedp.ID("sig-payload"), `{"by": "zoe", "ok": 7}`),
			chromedp.Click(chromedp.ID("signal")),
			chromedp.WaitVisible(chromedp.ID("action-error")))
		if e := text(t, ctx, "#action-error"); !strings.Contains(e, "payload.ok") {
			t.Errorf("a payload of the wrong type gives %q", e)
		}
		// Each step waits for an element only the next page has, so that no
		// click lands on a page being left.
		run(t, ctx, "sending a payload that fits",
			chromedp.Navigate(base+"/job?id=order-1"),
			chromedp.WaitVisible(chromedp.ID("sig-payload")),
			chromedp.SetValue(chromedp.ID("sig-payload"), `{"by": "zoe", "ok": true}`),
			chromedp.Click(chromedp.ID("signal")),
			chromedp.WaitVisible(chromedp.ID("confirm")),
			chromedp.Click(chromedp.ID("confirm")),
			chromedp.WaitVisible(chromedp.CSS("p.banner.ok")))
		waitStatus(t, ctx, "succeeded")
		if v := text(t, ctx, `td[data-var="result 0"]`); !strings.Contains(v, `Approver: "zoe"`) {
			t.Errorf("the result shows %q", v)
		}
	})

	t.Run("cancel", func(t *testing.T) {
		run(t, ctx, "cancelling patient-1",
			chromedp.Navigate(base+"/job?id=patient-1"),
			chromedp.WaitVisible(chromedp.ID("cancel")),
			chromedp.Click(chromedp.ID("cancel")),
			chromedp.WaitVisible(chromedp.ID("confirm")))
		if rec, _ := s.Job(context.Background(), "patient-1"); rec.CancelRequested {
			t.Fatal("cancelled before the confirmation")
		}
		run(t, ctx, "confirming", chromedp.Click(chromedp.ID("confirm")), chromedp.WaitVisible(chromedp.CSS("p.banner.ok")))
		waitStatus(t, ctx, "cancelled")
	})

	t.Run("action without the token refused", func(t *testing.T) {
		run(t, ctx, "signing out", chromedp.Navigate(base+"/job?id=order-evil"), chromedp.WaitVisible(chromedp.CSS(".session button")), chromedp.Click(chromedp.CSS(".session button")), chromedp.WaitVisible(chromedp.CSS("table.jobs")))
		run(t, ctx, "opening order-evil signed out", chromedp.Navigate(base+"/job?id=order-evil"), chromedp.WaitVisible(chromedp.ID("h-actions")))
		n := js[int](t, ctx, `document.querySelectorAll("form[action^='/job/']").length`)
		if n != 0 {
			t.Errorf("a signed-out page shows %d action forms", n)
		}
		// A form made by hand, as a page elsewhere could, is refused.
		run(t, ctx, "posting a cancel without the token",
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Evaluate[chromedp.Void](`(() => { const f = document.createElement("form"); f.method = "post"; f.action = "/job/cancel";
				for (const [k, v] of [["id", "order-evil"], ["csrf", "guess"], ["confirm", "yes"]]) { const i = document.createElement("input"); i.type = "hidden"; i.name = k; i.value = v; f.appendChild(i); }
				document.body.appendChild(f); f.submit(); })()`)(ctx, tg)
				return err
			}),
			chromedp.WaitVisible(chromedp.CSS(`p.banner.err`)))
		if e := text(t, ctx, "p.banner.err"); !strings.Contains(e, "Actions need the dashboard's token") {
			t.Errorf("refusal says %q", e)
		}
		if rec, _ := s.Job(context.Background(), "order-evil"); rec.CancelRequested {
			t.Fatal("an action without the token was carried out")
		}
	})
}

func TestBrowserPostgres(t *testing.T) {
	s, err := pgstore.Open(context.Background(), pgtest.Schema(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fixture(t, s, false)
	srv := newServer(t, s, Options{ReadOnly: true})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	ctx := browser(t)
	run(t, ctx, "opening the list", chromedp.Navigate(hs.URL+"/?status=waiting"), chromedp.WaitVisible(chromedp.CSS("table.jobs")))
	if body := text(t, ctx, "table.jobs"); !strings.Contains(body, "order-1") || strings.Contains(body, "quick-1") {
		t.Errorf("waiting jobs on PostgreSQL:\n%s", body)
	}
	run(t, ctx, "opening order-1", chromedp.Click(`//a[text()="order-1"]`), chromedp.WaitVisible(chromedp.ID("paused-line")))
	if v := text(t, ctx, `td[data-var="r"]`); !strings.Contains(v, `Charge: "ch-o-1"`) {
		t.Errorf("variable r shows %q", v)
	}
	n := js[int](t, ctx, `document.querySelectorAll("#h-actions, form[action^='/job/']").length`)
	if n != 0 {
		t.Error("a read-only dashboard shows actions")
	}
}
