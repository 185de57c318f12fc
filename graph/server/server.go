// Package server is the HTTP side of `newsgraph serve`: Cayley's web UI
// (from the Cayley module's embedded assets), Cayley's HTTP API v2 over
// newsgraph's store, the v1 query-shape endpoint the UI still calls (which
// Cayley itself no longer answers), newsgraph's saved queries as JSON, and
// two small pages of its own: /saved (run saved queries) and /graph (draw
// the claim graph).
//
// It lives under graph/ because only graph/ may import Cayley. Everything
// the browser loads is embedded; nothing is fetched from the network.
// Cayley's UI asks a CDN for its editor and Google Fonts for its icons; the
// server rewrites those addresses to copies vendored under web/vendor by
// web/vendor.sh.
package server

//go:generate sh web/vendor.sh

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// Defaults for Options.
const (
	DefaultAddr    = "127.0.0.1:64210"
	DefaultTimeout = 30 * time.Second
	DefaultLimit   = 1000
)

// maxBody bounds request bodies of newsgraph's own endpoints (Cayley's
// query endpoint has its own 1 MB bound).
const maxBody = 1 << 20

// Options configure the handler. The zero value is the safe default:
// read-only, DefaultTimeout, DefaultLimit.
type Options struct {
	// Writable enables Cayley's write endpoints (/api/v2/write, delete);
	// the store must then be open for writing.
	Writable bool
	// Timeout bounds every query (0 means DefaultTimeout).
	Timeout time.Duration
	// Limit caps the rows a query returns (0 means DefaultLimit).
	Limit int
	// LocalOnly refuses requests whose Host header is not a loopback name
	// (localhost, 127.0.0.1, [::1]): a web page elsewhere cannot reach a
	// server bound to loopback through DNS rebinding.
	LocalOnly bool
}

// Server answers the HTTP endpoints over one store.
type Server struct {
	st     *graph.Store
	qs     cgraph.QuadStore // st's quad store, wrapped by graph.Safe
	opts   Options
	router *httprouter.Router
	static http.Handler
}

var _ http.Handler = (*Server)(nil)

// New returns the handler for st. With opts.Writable the store must have
// been opened for writing.
func New(st *graph.Store, opts Options) (*Server, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Limit <= 0 {
		opts.Limit = DefaultLimit
	}
	if opts.Writable && st.QuadWriter() == nil {
		return nil, fmt.Errorf("writable server needs a store open for writing: %w", graph.ErrReadOnly)
	}
	static, err := newStatic()
	if err != nil {
		return nil, err
	}
	s := &Server{st: st, qs: st.QuadStore(), opts: opts, router: httprouter.New(), static: static}
	r := s.router
	api := cayleyhttp.NewBoundAPIv2(&cgraph.Handle{QuadStore: s.qs, QuadWriter: st.QuadWriter()}, r)
	api.SetReadOnly(!opts.Writable)
	api.SetQueryTimeout(opts.Timeout)
	api.SetQueryLimit(opts.Limit)
	r.POST("/api/v1/shape/:lang", s.serveShape)
	r.GET("/api/queries", s.serveQueries)
	r.GET("/api/queries/:name", s.serveSaved)
	r.POST("/api/queries/:name", s.serveSaved)
	r.GET("/api/info", s.serveInfo)
	r.GET("/health", func(w http.ResponseWriter, _ *http.Request, _ httprouter.Params) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	r.NotFound = http.HandlerFunc(s.serveStatic)
	r.MethodNotAllowed = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		msg := "method " + r.Method + " not allowed"
		if !opts.Writable && strings.HasPrefix(r.URL.Path, "/api/v2/") {
			msg += " (the server is read-only; restart with --writable)"
		}
		writeError(w, http.StatusMethodNotAllowed, msg)
	})
	return s, nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.opts.LocalOnly && !loopbackHost(r.Host) {
		writeError(w, http.StatusForbidden, "host "+r.Host+" refused: the server only answers loopback names (localhost, 127.0.0.1)")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && crossOrigin(r) {
		writeError(w, http.StatusForbidden, "cross-origin "+r.Method+" refused")
		return
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if r.URL.Path == "/api/v2/query" {
		s.serveV2Query(w, r)
		return
	}
	s.router.ServeHTTP(w, r)
}

// serveV2Query runs Cayley's query endpoint and turns its answer to a
// timed-out query (a 400 saying "context deadline exceeded") into a 504
// that says what happened and which flag controls it.
func (s *Server) serveV2Query(w http.ResponseWriter, r *http.Request) {
	rec := &bufferedWriter{header: http.Header{}}
	s.router.ServeHTTP(rec, r)
	if rec.code == http.StatusBadRequest && strings.Contains(rec.body.String(), context.DeadlineExceeded.Error()) {
		writeError(w, http.StatusGatewayTimeout, s.timeoutMessage())
		return
	}
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	if rec.code == 0 {
		rec.code = http.StatusOK
	}
	w.WriteHeader(rec.code)
	w.Write(rec.body.Bytes())
}

func (s *Server) timeoutMessage() string {
	return fmt.Sprintf("query timed out after %s (server flag --timeout)", s.opts.Timeout)
}

type bufferedWriter struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (b *bufferedWriter) Header() http.Header { return b.header }
func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.code == 0 {
		b.code = http.StatusOK
	}
	return b.body.Write(p)
}
func (b *bufferedWriter) WriteHeader(code int) {
	if b.code == 0 {
		b.code = code
	}
}

// crossOrigin reports whether a browser sent r from a page of another
// origin. The API sends no CORS headers, so such pages cannot read answers,
// but a simple POST still runs: refusing it keeps other sites from writing
// to a --writable server or loading it with queries.
func crossOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return true
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false // not a browser, or a same-origin request of an old one
	}
	u, err := url.Parse(origin)
	return err != nil || !strings.EqualFold(u.Host, r.Host)
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serveShape answers POST /api/v1/shape/LANG with the query's shape.
func (s *Server) serveShape(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	text, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeError(w, http.StatusBadRequest, "read query: "+err.Error())
		return
	}
	if len(bytes.TrimSpace(text)) == 0 {
		writeError(w, http.StatusBadRequest, "query is empty")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	sh, err := QueryShape(ctx, s.qs, ps.ByName("lang"), string(text))
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, s.timeoutMessage())
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
	default:
		writeJSON(w, http.StatusOK, sh)
	}
}

// savedQuery is one saved query as GET /api/queries lists it.
type savedQuery struct {
	Name        string       `json:"name"`
	Description string       `json:"description"`
	Params      []savedParam `json:"params"`
	Usage       string       `json:"usage"`
	// Columns is the preferred column order for tables (may be empty).
	Columns []string `json:"columns"`
}

type savedParam struct {
	Name        string `json:"name"`
	Optional    bool   `json:"optional"`
	Description string `json:"description"`
}

func (s *Server) serveQueries(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	qs, err := queries.List()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	out := make([]savedQuery, 0, len(qs))
	for _, q := range qs {
		sq := savedQuery{Name: q.Name, Description: q.Description, Params: []savedParam{},
			Usage: strings.TrimSpace(q.Name + " " + q.Usage()), Columns: q.Columns}
		if sq.Columns == nil {
			sq.Columns = []string{}
		}
		for _, p := range q.Params {
			sq.Params = append(sq.Params, savedParam{p.Name, p.Optional, p.Description})
		}
		out = append(out, sq)
	}
	writeJSON(w, http.StatusOK, map[string]any{"queries": out})
}

// runRequest is the JSON body of POST /api/queries/NAME: positional args,
// or params by name.
type runRequest struct {
	Args   []string          `json:"args"`
	Params map[string]string `json:"params"`
}

// serveSaved runs a saved query: GET or POST /api/queries/NAME with
// arguments as repeated ?arg=, as ?PARAM=VALUE, or as a JSON body.
func (s *Server) serveSaved(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	q, err := queries.Get(ps.ByName("name"))
	if errors.Is(err, queries.ErrUnknown) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("unknown saved query %q (GET /api/queries lists them)", ps.ByName("name")))
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	var req runRequest
	vals := r.URL.Query()
	req.Args = vals["arg"]
	for _, p := range q.Params {
		if v := vals.Get(p.Name); v != "" {
			if req.Params == nil {
				req.Params = map[string]string{}
			}
			req.Params[p.Name] = v
		}
	}
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			writeError(w, http.StatusBadRequest, "read body: "+err.Error())
			return
		}
		if len(bytes.TrimSpace(body)) > 0 {
			var b runRequest
			dec := json.NewDecoder(bytes.NewReader(body))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&b); err != nil {
				writeError(w, http.StatusBadRequest, "body: want {\"args\": [...]} or {\"params\": {...}}: "+err.Error())
				return
			}
			req.Args = append(req.Args, b.Args...)
			for k, v := range b.Params {
				if req.Params == nil {
					req.Params = map[string]string{}
				}
				req.Params[k] = v
			}
		}
	}
	args, err := positional(q, req)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	text, err := q.Build(args)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	res, err := s.st.Query(ctx, text, s.opts.Limit)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, s.timeoutMessage())
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	out := map[string]any{"result": res}
	if len(q.Columns) > 0 {
		out["columns"] = q.Columns
	}
	if len(res) >= s.opts.Limit {
		out["truncated"] = true
	}
	writeJSON(w, http.StatusOK, out)
}

// positional merges named params into positional arguments.
func positional(q queries.Query, req runRequest) ([]string, error) {
	if len(req.Params) == 0 {
		return req.Args, nil
	}
	if len(req.Args) > 0 {
		return nil, fmt.Errorf("%s: give arguments either by position (arg) or by name, not both", q.Name)
	}
	known := map[string]bool{}
	args := make([]string, len(q.Params))
	last := -1
	for i, p := range q.Params {
		known[p.Name] = true
		if v, ok := req.Params[p.Name]; ok && v != "" {
			args[i] = v
			last = i
		}
	}
	for k := range req.Params {
		if !known[k] {
			return nil, fmt.Errorf("%s: unknown parameter %q (usage: %s %s)", q.Name, k, q.Name, q.Usage())
		}
	}
	args = args[:last+1]
	for i, a := range args {
		if a == "" {
			return nil, fmt.Errorf("%s: parameter %s is needed when a later one is given", q.Name, q.Params[i].Name)
		}
	}
	return args, nil
}

// serveInfo tells the pages how the server is configured.
func (s *Server) serveInfo(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	n, err := s.st.Count(r.Context())
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"quads":    n,
		"writable": s.opts.Writable,
		"timeout":  s.opts.Timeout.String(),
		"limit":    s.opts.Limit,
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// Serve answers h on ln until ctx is done, then shuts down gracefully:
// no new connections, and requests in flight get up to grace to finish.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, grace time.Duration) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
