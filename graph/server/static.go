package server

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

//go:embed web/*.html web/*.css web/*.js web/vendor
var web embed.FS

// Addresses Cayley's UI bundle loads from outside, and what they become.
// newStatic fails if an address is no longer in the bundle, so a Cayley
// upgrade that changes them breaks the tests rather than the UI.
const (
	// The UI talks to a fixed server address; "" makes its requests
	// relative to the page, whatever port serve listens on.
	uiServerURL = `"http://localhost:64210"`
	// The editor (monaco-editor 0.18.1) comes from a CDN.
	uiMonacoCDN   = "https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs"
	uiMonacoLocal = "/vendor/monaco-editor/min/vs"
	// The icon font comes from Google Fonts.
	uiIconsCDN   = "https://fonts.googleapis.com/icon?family=Material+Icons"
	uiIconsLocal = "/vendor/material-icons/filled.css"
)

// navLinks is added to Cayley's index.html: a way to newsgraph's pages.
const navLinks = `<nav id="newsgraph-nav" style="position:fixed;right:12px;bottom:10px;z-index:10;font:14px sans-serif;background:#fff;border:1px solid #ccc;border-radius:6px;padding:6px 10px;box-shadow:0 1px 4px rgba(0,0,0,.2)">newsgraph: <a href="/saved">saved queries</a> · <a href="/graph">claim graph</a></nav>`

type static struct {
	ui        http.Handler
	own       http.Handler
	overrides map[string][]byte // Cayley UI paths served rewritten
}

func newStatic() (*static, error) {
	uifs, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, fmt.Errorf("cayley ui assets: %w", err)
	}
	own, err := fs.Sub(web, "web")
	if err != nil {
		return nil, err
	}
	s := &static{ui: http.FileServerFS(uifs), own: http.FileServerFS(own), overrides: map[string][]byte{}}
	rewrite := func(glob string, pairs ...string) error {
		names, err := fs.Glob(uifs, glob)
		if err != nil || len(names) != 1 {
			return fmt.Errorf("cayley ui assets: want one file %s, found %d", glob, len(names))
		}
		b, err := fs.ReadFile(uifs, names[0])
		if err != nil {
			return fmt.Errorf("cayley ui assets: %w", err)
		}
		for i := 0; i < len(pairs); i += 2 {
			if !bytes.Contains(b, []byte(pairs[i])) {
				return fmt.Errorf("cayley ui assets: %s no longer contains %s", names[0], pairs[i])
			}
			b = bytes.ReplaceAll(b, []byte(pairs[i]), []byte(pairs[i+1]))
		}
		s.overrides["/"+names[0]] = b
		return nil
	}
	if err := rewrite("static/js/main.*.chunk.js", uiServerURL, `""`); err != nil {
		return nil, err
	}
	if err := rewrite("static/js/2.*.chunk.js", uiMonacoCDN, uiMonacoLocal); err != nil {
		return nil, err
	}
	if err := rewrite("static/css/main.*.chunk.css", uiIconsCDN, uiIconsLocal); err != nil {
		return nil, err
	}
	if err := rewrite("index.html", "</body>", navLinks+"</body>"); err != nil {
		return nil, err
	}
	s.overrides["/"] = s.overrides["/index.html"]
	return s, nil
}

func (s *static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if b, ok := s.overrides[p]; ok {
		name := path.Base(p)
		if p == "/" {
			name = "index.html"
		}
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
		return
	}
	switch {
	case p == "/saved" || p == "/graph":
		r2 := *r
		u := *r.URL
		u.Path = p + ".html"
		r2.URL = &u
		s.own.ServeHTTP(w, &r2)
	case strings.HasPrefix(p, "/vendor/"):
		w.Header().Set("Cache-Control", "public, max-age=86400")
		s.own.ServeHTTP(w, r)
	case strings.HasPrefix(p, "/newsgraph/"):
		r2 := *r
		u := *r.URL
		u.Path = strings.TrimPrefix(p, "/newsgraph")
		r2.URL = &u
		s.own.ServeHTTP(w, &r2)
	default:
		s.ui.ServeHTTP(w, r)
	}
}

func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeError(w, http.StatusNotFound, "no endpoint "+r.Method+" "+r.URL.Path)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed")
		return
	}
	s.static.ServeHTTP(w, r)
}
