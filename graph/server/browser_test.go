package server

import (
	"context"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser. When it is missing it installs Debian's
// chromium in CI as root, fails in CI otherwise, and skips outside CI.
func chromium(t *testing.T) string {
	t.Helper()
	find := func() string {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
			if p, err := exec.LookPath(name); err == nil {
				return p
			}
		}
		return ""
	}
	if p := find(); p != "" {
		return p
	}
	ci := os.Getenv("CI") != "" && os.Getenv("CI") != "false"
	if !ci {
		t.Skip("chromium is not installed (in CI, as root, the test installs it with apt-get)")
	}
	if os.Geteuid() != 0 {
		t.Fatal("chromium is not installed and the test is not root, so it cannot apt-get install it")
	}
	for _, args := range [][]string{{"update"}, {"install", "-y", "--no-install-recommends", "chromium"}} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("apt-get %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	p := find()
	if p == "" {
		t.Fatal("apt-get installed chromium but it is not on PATH")
	}
	return p
}

// profileDir is a fresh Chromium profile. Chromium's child processes may
// still write there for a moment after it stops, so removal is retried
// rather than left to t.TempDir, whose cleanup would fail the test.
func profileDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "newsgraph-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 50 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("could not remove %s", dir)
	})
	return dir
}

// screenshotDir is where the test writes its screenshots: $NEWSGRAPH_SCREENSHOTS
// when set (docs/ screenshots are made that way), else a temporary directory.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("NEWSGRAPH_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// TestBrowser drives the real UI in headless Chromium: a Gizmo query and the
// query shape in Cayley's UI, saved queries on /saved, the claim graph on
// /graph. The page may not reach any host but the server.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	st := fixtureStore(t, false)
	h, err := New(st, Options{LocalOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srvCtx, stopServer := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(srvCtx, ln, h, time.Second) }()
	defer func() {
		stopServer()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	base := "http://" + ln.Addr().String()

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
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
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profileDir(t)),
		chromedp.WindowSize(1280, 820),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithLogf(t.Logf))
	defer cancel()

	// Watch every request and every uncaught exception of the pages.
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	var (
		mu       sync.Mutex
		foreign  []string
		thrown   []string
		watchers sync.WaitGroup
	)
	watchers.Add(2)
	go func() {
		defer watchers.Done()
		for ev, err := range requests {
			if err != nil {
				return
			}
			u, perr := url.Parse(ev.Request.URL)
			if perr == nil && (u.Scheme == "http" || u.Scheme == "https" || u.Scheme == "ws" || u.Scheme == "wss") && u.Host != ln.Addr().String() {
				mu.Lock()
				foreign = append(foreign, ev.Request.URL)
				mu.Unlock()
			}
		}
	}()
	go func() {
		defer watchers.Done()
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			mu.Lock()
			thrown = append(thrown, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
			mu.Unlock()
		}
	}()

	dir := screenshotDir(t)
	shot := func(name string) {
		t.Helper()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s (%d bytes)", p, len(png))
	}
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText.replace(/\u00a0/g, ' ')`))
			t.Fatalf("%s: %v\npage text:\n%s", step, err, text)
		}
	}
	poll := func(expr string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(45*time.Second))
	}
	// editorText is the text of the i-th Monaco editor on the page.
	editorText := func(i int) string {
		return `(document.querySelectorAll('.monaco-editor .view-lines')[` + strconv.Itoa(i) + `] || {innerText: ''}).innerText.replace(/\u00a0/g, ' ')`
	}
	clickText := func(selector, text string) chromedp.Action[chromedp.Void] {
		return chromedp.Evaluate[chromedp.Void](`Array.from(document.querySelectorAll(` + strconv.Quote(selector) + `)).find(function (e) { return e.textContent.indexOf(` + strconv.Quote(text) + `) >= 0; }).click()`)
	}

	// Cayley's UI: the editor starts with the last query, kept in localStorage.
	const gizmo = `g.V("Anna de Vries", "Havenbedrijf").Tag("speaker")
  .In("<http://schema.org/name>")
  .Out(["<https://w3id.org/newsgraph/ns#says>", "<https://w3id.org/newsgraph/ns#tells>"])
  .Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", "<http://schema.org/Claim>")
  .Out("<http://schema.org/text>").Tag("claim")
  .All()`
	do("open Cayley UI", chromedp.Navigate(base+"/"),
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem("LAST_QUERY", JSON.stringify({text: `+strconv.Quote(gizmo)+`, language: "gizmo"}))`),
		chromedp.Reload(),
		poll(editorText(0)+`.indexOf('Havenbedrijf') >= 0`),
	)
	do("run Gizmo query", clickText("button", "Run"),
		poll(editorText(1)+`.indexOf('at least 1,200 workers had joined the strike') >= 0`),
		poll(editorText(1)+`.indexOf('about 3,000 workers had joined the strike') >= 0`),
	)
	shot("ui-query.png")

	do("query shape", clickText(".mdc-list-item", "Query Shape"),
		poll(editorText(0)+`.indexOf('Havenbedrijf') >= 0`),
		clickText("button", "Run"),
		poll(editorText(1)+`.indexOf('is_link_node') >= 0`),
		poll(editorText(1)+`.indexOf('"nodes"') >= 0`),
	)
	shot("ui-shape.png")

	// The visualiser draws rows tagged source and target.
	const visual = `g.V().Has("<https://w3id.org/newsgraph/ns#entityType>").Tag("source")
  .Out("<https://w3id.org/newsgraph/ns#relays>").Tag("target").All()`
	do("visualize", clickText(".mdc-list-item", "Visualize"),
		poll(`document.querySelectorAll('.monaco-editor').length === 1 && typeof monaco !== 'undefined'`),
		chromedp.Evaluate[chromedp.Void](`monaco.editor.getModels().forEach(function (m) { if (m.getModeId() === 'javascript') { m.setValue(`+strconv.Quote(visual)+`); } })`),
		clickText("button", "Run"),
		poll(`document.querySelectorAll('.graph svg circle').length === 2`),
		poll(`document.querySelector('.graph svg').textContent.indexOf('havenbedrijf') >= 0`),
	)

	// newsgraph's saved-queries page.
	do("saved queries: run without arguments", chromedp.Navigate(base+"/saved"),
		chromedp.WaitVisible("#q-figures button.run"),
		chromedp.Click("#q-figures button.run"),
		poll(`(document.querySelector('#table table[data-query=figures]') || {innerText: ''}).innerText.indexOf('Havenbedrijf') >= 0`),
		poll(`document.querySelector('#table table[data-query=figures] th').innerText === 'value'`),
		chromedp.Click("#all-fields"),
		poll(`document.querySelector('#table table[data-query=figures]').innerText.indexOf('at least 1,200') >= 0`),
		chromedp.Click("#all-fields"),
	)
	do("saved queries: run with an argument",
		chromedp.SetValue(`#q-claims input[name=speaker]`, "Havenbedrijf"),
		chromedp.Click("#q-claims button.run"),
		poll(`document.querySelectorAll('#table table[data-query=claims] tbody tr').length === 1`),
		poll(`document.querySelector('#table table[data-query=claims]').innerText.indexOf('Example Wire') >= 0`),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#q-claims input[name=speaker]').value = ''`),
		chromedp.Click("#q-claims button.run"),
		poll(`document.querySelectorAll('#table table[data-query=claims] tbody tr').length === 3`),
	)
	shot("saved-queries.png")
	do("saved queries: error is shown",
		chromedp.SetValue(`#q-neighbors input[name=entity]`, "Nobody Known"),
		chromedp.Click("#q-neighbors button.run"),
		poll(`document.getElementById('status').className === 'error' && document.getElementById('status').innerText.indexOf('no entity named') >= 0`),
	)

	// The claim graph page.
	rows, err := st.Query(context.Background(), mustBuild(t, "claimgraph"), 0)
	if err != nil {
		t.Fatal(err)
	}
	nodes := map[any]bool{}
	for _, r := range rows {
		nodes[r["source"]], nodes[r["target"]] = true, true
	}
	do("claim graph", chromedp.Navigate(base+"/graph"),
		poll(`document.getElementById('cy').dataset.nodes === '`+strconv.Itoa(len(nodes))+`'`),
		poll(`document.getElementById('cy').dataset.edges === '`+strconv.Itoa(len(rows))+`'`),
		chromedp.Sleep(300*time.Millisecond),
	)
	shot("claim-graph.png")

	cancel()
	watchers.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(foreign) > 0 {
		t.Errorf("pages requested other hosts (everything must be served locally): %q", foreign)
	}
	for _, e := range thrown {
		t.Logf("page exception: %s", e)
	}
}
