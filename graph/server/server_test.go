package server

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// newTestServer serves the fixture store with opts.
func newTestServer(t *testing.T, st *graph.Store, opts Options) *httptest.Server {
	t.Helper()
	if st == nil {
		st = fixtureStore(t, false)
	}
	h, err := New(st, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

type response struct {
	code int
	body []byte
	ct   string
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

func do(t *testing.T, method, url, contentType, body string) response {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{res.StatusCode, b, res.Header.Get("Content-Type")}
}

const (
	iriName  = "<http://schema.org/name>"
	iriPlace = "<http://schema.org/spatialCoverage>"
)

func TestV2Query(t *testing.T) {
	ts := newTestServer(t, nil, Options{})
	slow := newTestServer(t, nil, Options{Timeout: 50 * time.Millisecond})
	limited := newTestServer(t, nil, Options{Limit: 2})
	for _, tc := range []struct {
		name     string
		url      string
		query    string
		wantCode int
		wantRows int    // -1: don't check
		wantErr  string // substring of the JSON error
	}{
		{"good", ts.URL, `g.V().Has("` + iriName + `", "Rotterdam").In("` + iriPlace + `").Unique().All()`, 200, 1, ""},
		{"syntax error", ts.URL, `g.V(.All()`, 400, -1, "SyntaxError"},
		{"runtime error", ts.URL, `g.V().Nope()`, 400, -1, "Nope"},
		{"empty", ts.URL, ``, 400, -1, "query is empty"},
		{"timeout", slow.URL, `while (true) {}`, 504, -1, "timed out after 50ms"},
		{"limit", limited.URL, `g.V().All()`, 200, 2, ""},
		{"except unknown value (Cayley nil-shape panic)", ts.URL, `g.V("Rotterdam", "Antwerp").Except(g.V("not in the store")).All()`, 200, 2, ""},
		{"unknown value", ts.URL, `g.V("not in the store").All()`, 200, 0, ""},
		{"unknown value in a step", ts.URL, `g.V().Has("` + iriName + `", "not in the store").All()`, 200, 0, ""},
		{"except known value", ts.URL, `g.V("Rotterdam", "Antwerp").Except(g.V("Antwerp")).All()`, 200, 1, ""},
		{"limit counts emits", limited.URL, `for (var i = 0; i < 10; i++) { g.Emit(i) }`, 200, 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", tc.url+"/api/v2/query?lang=gizmo", "", tc.query)
			if r.code != tc.wantCode {
				t.Fatalf("status %d, want %d: %s", r.code, tc.wantCode, r.body)
			}
			m := r.json(t)
			if tc.wantErr != "" {
				if e, _ := m["error"].(string); !strings.Contains(e, tc.wantErr) {
					t.Fatalf("error %q, want it to contain %q", e, tc.wantErr)
				}
				return
			}
			rows, _ := m["result"].([]any)
			if tc.wantRows >= 0 && len(rows) != tc.wantRows {
				t.Fatalf("%d rows, want %d: %s", len(rows), tc.wantRows, r.body)
			}
		})
	}
}

// TestBolt runs queries over a bolt store, whose own shape optimizer
// (index scans) must keep working behind safeStore.
func TestBolt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	fixtureStoreOn(t, graph.Options{Path: dir}).Close()
	st, err := graph.Open(context.Background(), graph.Options{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ts := newTestServer(t, st, Options{})
	for _, tc := range []struct {
		name, path, query string
		wantRows          int
	}{
		{"step", "/api/v2/query?lang=gizmo", `g.V().Has("` + iriName + `", "Rotterdam").In("` + iriPlace + `").Unique().All()`, 1},
		{"except unknown", "/api/v2/query?lang=gizmo", `g.V("Rotterdam", "Antwerp").Except(g.V("not in the store")).All()`, 2},
		{"saved claims", "/api/queries/claims", "", 3},
		{"saved claimgraph", "/api/queries/claimgraph", "", 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", ts.URL+tc.path, "", tc.query)
			if r.code != 200 {
				t.Fatalf("status %d: %s", r.code, r.body)
			}
			if rows, _ := r.json(t)["result"].([]any); len(rows) != tc.wantRows {
				t.Fatalf("%d rows, want %d: %s", len(rows), tc.wantRows, r.body)
			}
		})
	}
	r := do(t, "POST", ts.URL+"/api/v1/shape/gizmo", "", `g.V().Has("`+iriName+`", "Rotterdam").In("`+iriPlace+`").All()`)
	if r.code != 200 || !strings.Contains(string(r.body), iriPlace) {
		t.Fatalf("shape on bolt: %d %s", r.code, r.body)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	ts := newTestServer(t, nil, Options{})
	const nq = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
	for _, path := range []string{"/api/v2/write", "/api/v2/delete"} {
		t.Run(path, func(t *testing.T) {
			r := do(t, "POST", ts.URL+path, "application/n-quads", nq)
			if r.code < 400 || r.code >= 500 {
				t.Fatalf("status %d, want 4xx: %s", r.code, r.body)
			}
			if e, _ := r.json(t)["error"].(string); !strings.Contains(e, "read-only") {
				t.Fatalf("error %q, want read-only", e)
			}
		})
	}
	t.Run("writable", func(t *testing.T) {
		st := fixtureStore(t, true)
		w := newTestServer(t, st, Options{Writable: true})
		r := do(t, "POST", w.URL+"/api/v2/write", "application/n-quads", nq)
		if r.code != 200 {
			t.Fatalf("status %d: %s", r.code, r.body)
		}
		q := do(t, "POST", w.URL+"/api/v2/query?lang=gizmo", "", `g.V("<http://example.org/a>").Out().All()`)
		if !strings.Contains(string(q.body), "example.org/b") {
			t.Fatalf("written quad not found: %s", q.body)
		}
	})
	t.Run("writable needs a writer", func(t *testing.T) {
		st, err := graph.Open(context.Background(), graph.Options{Backend: graph.Memstore, ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := New(st, Options{Writable: true}); err == nil {
			t.Fatal("New accepted --writable over a read-only store")
		}
	})
}

func TestSavedQueriesList(t *testing.T) {
	ts := newTestServer(t, nil, Options{})
	r := do(t, "GET", ts.URL+"/api/queries", "", "")
	if r.code != 200 {
		t.Fatalf("status %d: %s", r.code, r.body)
	}
	var body struct{ Queries []savedQuery }
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	byName := map[string]savedQuery{}
	for _, q := range body.Queries {
		byName[q.Name] = q
	}
	path, ok := byName["path"]
	if !ok || len(path.Params) != 2 || path.Usage != "path FROM TO" || path.Description == "" {
		t.Fatalf("path query listed as %+v", path)
	}
	if cg := byName["claimgraph"]; len(cg.Params) != 1 || !cg.Params[0].Optional {
		t.Fatalf("claimgraph listed as %+v", cg)
	}
}

func TestSavedQueriesRun(t *testing.T) {
	ts := newTestServer(t, nil, Options{})
	limited := newTestServer(t, nil, Options{Limit: 1})
	for _, tc := range []struct {
		name, method, url, body string
		wantCode                int
		wantRows                int
		wantText                string // substring of the body
	}{
		{"no args", "GET", ts.URL + "/api/queries/claims", "", 200, 3, "Anna de Vries"},
		{"positional arg", "GET", ts.URL + "/api/queries/claims?arg=Havenbedrijf", "", 200, 1, "at least 1,200"},
		{"named param", "GET", ts.URL + "/api/queries/claims?speaker=anna+de+vries", "", 200, 1, "about 3,000"},
		{"json args", "POST", ts.URL + "/api/queries/path", `{"args": ["Havenbedrijf", "Anna de Vries"]}`, 200, -1, "result"},
		{"json params", "POST", ts.URL + "/api/queries/claimgraph", `{"params": {"entity": "Havenbedrijf"}}`, 200, 4, "relays"},
		{"empty post", "POST", ts.URL + "/api/queries/entities", "", 200, -1, "Rotterdam"},
		{"limit", "GET", limited.URL + "/api/queries/claims", "", 200, 1, `"truncated":true`},
		{"unknown name", "GET", ts.URL + "/api/queries/nope", "", 404, -1, "unknown saved query"},
		{"missing arg", "GET", ts.URL + "/api/queries/path?arg=Havenbedrijf", "", 400, -1, "missing argument TO"},
		{"too many args", "GET", ts.URL + "/api/queries/claims?arg=a&arg=b", "", 400, -1, "too many arguments"},
		{"unknown param", "POST", ts.URL + "/api/queries/claims", `{"params": {"who": "x"}}`, 400, -1, `unknown parameter \"who\"`},
		{"gap in params", "POST", ts.URL + "/api/queries/path", `{"params": {"to": "x"}}`, 400, -1, "parameter from is needed"},
		{"bad json", "POST", ts.URL + "/api/queries/claims", `{"args": [1]}`, 400, -1, "body"},
		{"query error", "GET", ts.URL + "/api/queries/neighbors?arg=Nobody+Known", "", 400, -1, "no entity named"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, tc.method, tc.url, "application/json", tc.body)
			if r.code != tc.wantCode {
				t.Fatalf("status %d, want %d: %s", r.code, tc.wantCode, r.body)
			}
			if !strings.Contains(string(r.body), tc.wantText) {
				t.Fatalf("body lacks %q: %s", tc.wantText, r.body)
			}
			m := r.json(t)
			if tc.wantCode != 200 {
				if _, ok := m["error"].(string); !ok {
					t.Fatalf("no JSON error: %s", r.body)
				}
				return
			}
			rows, ok := m["result"].([]any)
			if !ok {
				t.Fatalf("no result array: %s", r.body)
			}
			if tc.wantRows >= 0 && len(rows) != tc.wantRows {
				t.Fatalf("%d rows, want %d: %s", len(rows), tc.wantRows, r.body)
			}
		})
	}
}

func TestShapeEndpoint(t *testing.T) {
	ts := newTestServer(t, nil, Options{})
	slow := newTestServer(t, nil, Options{Timeout: 50 * time.Millisecond})
	t.Run("path", func(t *testing.T) {
		r := do(t, "POST", ts.URL+"/api/v1/shape/gizmo", "", `g.V().Has("`+iriName+`", "Rotterdam").Tag("place").In("`+iriPlace+`").All()`)
		if r.code != 200 {
			t.Fatalf("status %d: %s", r.code, r.body)
		}
		var sh Shape
		if err := json.Unmarshal(r.body, &sh); err != nil {
			t.Fatal(err)
		}
		nodes := map[int]ShapeNode{}
		for _, n := range sh.Nodes {
			nodes[n.ID] = n
		}
		// claims ←spatialCoverage— place(tagged) —name→ "Rotterdam"
		if len(sh.Nodes) != 5 || len(sh.Links) != 2 {
			t.Fatalf("want 5 nodes and 2 links, got %s", r.body)
		}
		var sawPlace, sawName bool
		for _, l := range sh.Links {
			via, src, dst := nodes[l.LinkNode], nodes[l.Source], nodes[l.Target]
			if !via.IsLinkNode {
				t.Errorf("link %+v has no link node", l)
			}
			switch strings.Join(via.Values, ",") {
			case iriPlace:
				sawPlace = strings.Join(dst.Tags, ",") == "place" && len(src.Tags) == 0
			case iriName:
				sawName = strings.Join(src.Tags, ",") == "place" && dst.IsFixed && strings.Join(dst.Values, ",") == `"Rotterdam"`
			}
		}
		if !sawPlace || !sawName {
			t.Fatalf("links do not draw claim→place→name: %s", r.body)
		}
	})
	for _, tc := range []struct {
		name, url, lang, query string
		wantCode               int
		wantText               string
	}{
		{"no path", ts.URL, "gizmo", `g.Emit(1)`, 200, `"nodes":[]`},
		{"limit op", ts.URL, "gizmo", `g.V().Limit(3).All()`, 200, `"limit 3"`},
		{"except unknown value", ts.URL, "gizmo", `g.V().Except(g.V("not in the store")).Union(g.V("x")).Count()`, 200, `"nodes"`},
		{"bad query", ts.URL, "gizmo", `g.V(`, 400, "error"},
		{"empty", ts.URL, "gizmo", ``, 400, "query is empty"},
		{"unknown language", ts.URL, "sparql", `x`, 400, "unknown query language"},
		{"timeout", slow.URL, "gizmo", `while (true) {}`, 504, "timed out"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, "POST", tc.url+"/api/v1/shape/"+tc.lang, "", tc.query)
			if r.code != tc.wantCode || !strings.Contains(string(r.body), tc.wantText) {
				t.Fatalf("status %d body %s, want %d with %q", r.code, r.body, tc.wantCode, tc.wantText)
			}
			r.json(t)
		})
	}
}

func TestStatic(t *testing.T) {
	ts := newTestServer(t, nil, Options{})
	for _, tc := range []struct {
		name, path string
		wantCode   int
		want       []string
		notWant    []string
	}{
		{"cayley ui index", "/", 200, []string{`<div id="root">`, `href="/saved"`, `href="/graph"`}, nil},
		{"index.html", "/index.html", 200, []string{`id="newsgraph-nav"`}, nil},
		{"gizmo typings", "/gizmo.d.ts", 200, []string{"interface"}, nil},
		{"main chunk talks to this server", "/static/js/main.84d3ab8c.chunk.js", 200, []string{"/api/v2/query"}, []string{"localhost:64210"}},
		{"editor from vendor", "/static/js/2.7d84b3fa.chunk.js", 200, []string{uiMonacoLocal}, []string{"cdn.jsdelivr"}},
		{"icons from vendor", "/static/css/main.72fe53e6.chunk.css", 200, []string{uiIconsLocal}, []string{"googleapis"}},
		{"monaco loader", "/vendor/monaco-editor/min/vs/loader.js", 200, []string{"define"}, nil},
		{"cytoscape", "/vendor/cytoscape/cytoscape.min.js", 200, []string{"cytoscape"}, nil},
		{"saved page", "/saved", 200, []string{"/newsgraph/saved.js"}, nil},
		{"graph page", "/graph", 200, []string{"/vendor/cytoscape/cytoscape.min.js"}, nil},
		{"own script", "/newsgraph/saved.js", 200, []string{"/api/queries"}, nil},
		{"unknown api", "/api/nope", 404, []string{`"error"`}, nil},
		{"health", "/health", 200, []string{`"ok"`}, nil},
		{"info", "/api/info", 200, []string{`"writable":false`, `"limit":1000`, `"timeout":"30s"`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
			res, err := client.Get(ts.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != tc.wantCode {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.wantCode)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(b), w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(string(b), w) {
					t.Errorf("body still has %q", w)
				}
			}
		})
	}
}

func TestLocalOnly(t *testing.T) {
	ts := newTestServer(t, nil, Options{LocalOnly: true})
	for _, tc := range []struct {
		host string
		want int
	}{
		{"", 200},
		{"localhost:64210", 200},
		{"[::1]:8080", 200},
		{"evil.example:64210", 403},
		{"10.0.0.1", 403},
	} {
		t.Run(tc.host, func(t *testing.T) {
			req, _ := http.NewRequest("GET", ts.URL+"/health", nil)
			if tc.host != "" {
				req.Host = tc.host
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.want)
			}
		})
	}
}

func TestCrossOrigin(t *testing.T) {
	ts := newTestServer(t, nil, Options{})
	host := strings.TrimPrefix(ts.URL, "http://")
	for _, tc := range []struct {
		name   string
		method string
		header map[string]string
		want   int
	}{
		{"no origin", "POST", nil, 200},
		{"same origin", "POST", map[string]string{"Origin": ts.URL, "Sec-Fetch-Site": "same-origin"}, 200},
		{"other origin", "POST", map[string]string{"Origin": "http://evil.example"}, 403},
		{"other port", "POST", map[string]string{"Origin": "http://127.0.0.1:1"}, 403},
		{"cross-site fetch", "POST", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"cross-site GET is harmless", "GET", map[string]string{"Origin": "http://evil.example"}, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, ts.URL+"/api/queries/entities", nil)
			req.Host = host
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tc.want {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.want)
			}
		})
	}
}

func TestServeShutsDown(t *testing.T) {
	h, err := New(fixtureStore(t, false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h, time.Second) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/health")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/health"); err == nil {
		t.Fatal("server still answers after shutdown")
	}
}
