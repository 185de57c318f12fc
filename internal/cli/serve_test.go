package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// lockedBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingURL = regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)`)

// startServe runs 'newsgraph serve' in the background and returns its URL
// and a function that stops it and returns exit code, stdout and stderr.
func startServe(t *testing.T, args ...string) (string, func() (int, string, string)) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), &out, &errb)
	}()
	stop := func() (int, string, string) {
		cancel()
		select {
		case code := <-done:
			return code, out.String(), errb.String()
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop")
			return 0, "", ""
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingURL.FindStringSubmatch(out.String()); m != nil {
			return m[1], stop
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s%s", code, out.String(), errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	stop()
	t.Fatalf("serve printed no URL: %s", out.String())
	return "", nil
}

func get(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func TestServeReadOnly(t *testing.T) {
	db := fixtureDB(t)
	url, stop := startServe(t, "--db", db)
	code, body := get(t, "GET", url+"/api/queries/claims?arg=Havenbedrijf", "")
	if code != 200 || !strings.Contains(body, "at least 1,200") {
		t.Errorf("saved query: %d %s", code, body)
	}
	// claimgraph on bolt (Count() fails there with "kv: not found").
	code, body = get(t, "GET", url+"/api/queries/claimgraph", "")
	if code != 200 || !strings.Contains(body, `"edge":"relays"`) {
		t.Errorf("claimgraph: %d %s", code, body)
	}
	code, body = get(t, "POST", url+"/api/v2/write", "<a> <b> <c> .\n")
	if code != 403 {
		t.Errorf("write on read-only server: %d %s", code, body)
	}
	// A reader (newsgraph query) can open the store alongside serve ...
	ro, err := graph.Open(context.Background(), graph.Options{Path: db, ReadOnly: true})
	if err != nil {
		t.Errorf("read-only open while serving: %v", err)
	} else {
		ro.Close()
	}
	// ... a writer (newsgraph load) gets the lock error.
	_, err = graph.Open(context.Background(), graph.Options{Path: db, LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, graph.ErrLocked) {
		t.Errorf("writable open while serving: %v, want ErrLocked", err)
	}
	code, out, errs := stop()
	if code != 0 || !strings.Contains(out, "read-only") || !strings.Contains(out, "stopped") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestServeWritable(t *testing.T) {
	db := fixtureDB(t)
	url, stop := startServe(t, "--db", db, "--writable", "--limit", "5", "--timeout", "2s")
	code, body := get(t, "POST", url+"/api/v2/write", "<http://example.org/a> <http://example.org/p> \"x\" .\n")
	if code != 200 {
		t.Errorf("write: %d %s", code, body)
	}
	code, body = get(t, "GET", url+"/api/info", "")
	if code != 200 || !strings.Contains(body, `"writable":true`) || !strings.Contains(body, `"limit":5`) || !strings.Contains(body, `"timeout":"2s"`) {
		t.Errorf("info: %d %s", code, body)
	}
	_, err := graph.Open(context.Background(), graph.Options{Path: db, ReadOnly: true, LockTimeout: 100 * time.Millisecond})
	if !errors.Is(err, graph.ErrLocked) {
		t.Errorf("read-only open while serving writable: %v, want ErrLocked", err)
	}
	if code, _, errs := stop(); code != 0 {
		t.Errorf("exit %d: %s", code, errs)
	}
	s, err := graph.Open(context.Background(), graph.Options{Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Query(context.Background(), `g.V("<http://example.org/a>").Out().All()`, 0)
	if err != nil || len(res) != 1 {
		t.Errorf("written quad after stop: %v %v", res, err)
	}
}

func TestServeErrors(t *testing.T) {
	db := fixtureDB(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	taken := ln.Addr().String()
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"argument", []string{"serve", "--db", db, "extra"}, 2, "takes no arguments"},
		{"zero timeout", []string{"serve", "--db", db, "--timeout", "0s"}, 2, "--timeout must be positive"},
		{"zero limit", []string{"serve", "--db", db, "--limit", "0"}, 2, "--limit must be positive"},
		{"bad addr", []string{"serve", "--db", db, "--addr", "nowhere"}, 2, "bad --addr"},
		{"no store", []string{"serve", "--db", db + "-missing"}, 1, "no store"},
		{"port taken", []string{"serve", "--db", db, "--addr", taken}, 1, "listen"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, "", tc.args...)
			if code != tc.wantCode || !strings.Contains(errs, tc.wantErr) {
				t.Errorf("code %d stderr %q; want %d with %q", code, errs, tc.wantCode, tc.wantErr)
			}
		})
	}
}
