package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/loaders"
)

// writeFile writes data to name in dir and returns the path.
func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// article is a short article of about 300 bytes; n makes its text unique.
func article(n int) string {
	return fmt.Sprintf("Dock workers in Rotterdam went on strike on Monday, day %d of the dispute. "+
		"The union leader, Anna de Vries, said that about %d workers had joined the strike. "+
		"Police said at least %d people attended a rally near the port.", n, 1000+n, 200+n)
}

// jsonlLine is one JSONL record holding text.
func jsonlLine(t *testing.T, n int, text string) string {
	t.Helper()
	b, err := json.Marshal(map[string]string{"title": fmt.Sprintf("Strike day %d", n), "text": text,
		"url": fmt.Sprintf("https://example.org/strike/%d", n), "published": "2024-03-04", "source": "Test Wire"})
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// runLoad runs the load command's Run directly, so that tests can inspect
// the error value, not only its text.
func runLoad(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	cmd := loadCommand()
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	cmd.Flags(fs)
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &out}
	err := cmd.Run(context.Background(), env, fs.Args())
	return out.String(), err
}

// TestLoadLimits checks that --max-doc-bytes bounds every kind of input
// (text, HTML, Markdown, JSONL lines, standard input, a file in a
// directory) with an error that wraps loaders.ErrTooLarge, names the file
// (and line), and leaves no store behind; a document at the limit loads.
func TestLoadLimits(t *testing.T) {
	const limit = 1000
	big := strings.Repeat(article(1)+" ", 5) // ≈ 1,500 bytes
	for _, tc := range []struct {
		name  string
		files map[string]string // relative path → content
		arg   string            // input argument; "-" reads stdin
		stdin string
		where string // expected file[:line] in the error
		what  string // expected cause in the error
	}{
		{name: "text file", files: map[string]string{"a.txt": big}, arg: "a.txt",
			where: "a.txt", what: "document longer than 1000 bytes"},
		{name: "markdown file", files: map[string]string{"a.md": "# Strike\n\n" + big}, arg: "a.md",
			where: "a.md", what: "document longer than 1000 bytes"},
		{name: "html file", files: map[string]string{"a.html": "<html><body><article><p>" + big + "</p></article></body></html>"},
			arg: "a.html", where: "a.html", what: "document longer than 1000 bytes"},
		{name: "jsonl line", files: map[string]string{"b.jsonl": jsonlLine(t, 1, article(1)) + jsonlLine(t, 2, big) + jsonlLine(t, 3, article(3))},
			arg: "b.jsonl", where: "b.jsonl:2", what: "line longer than 1000 bytes"},
		{name: "standard input", arg: "-", stdin: big, where: "-", what: "longer than 1000 bytes"},
		{name: "one file of a directory", files: map[string]string{"d/a.txt": article(1), "d/sub/b.txt": big, "d/c.txt": article(3)},
			arg: "d", where: filepath.Join("d", "sub", "b.txt"), what: "document longer than 1000 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				writeFile(t, dir, name, data)
			}
			arg := tc.arg
			if arg != "-" {
				arg = filepath.Join(dir, arg)
			}
			db := filepath.Join(dir, "db")
			_, err := runLoad(t, tc.stdin, "--quiet", "--db", db, "--max-doc-bytes", fmt.Sprint(limit), arg)
			if !errors.Is(err, loaders.ErrTooLarge) {
				t.Fatalf("err = %v, want loaders.ErrTooLarge", err)
			}
			var lerr *loaders.Error
			if !errors.As(err, &lerr) {
				t.Fatalf("err = %v (%T), want a *loaders.Error", err, err)
			}
			if msg := err.Error(); !strings.Contains(msg, tc.where) || !strings.Contains(msg, tc.what) {
				t.Errorf("error %q: want it to name %q and say %q", msg, tc.where, tc.what)
			}
			if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("store created although an input was too large (stat: %v)", err)
			}

			// Through Main: exit 1 and one "error:" line.
			args := []string{"load", "--quiet", "--db", db, "--max-doc-bytes", fmt.Sprint(limit), arg}
			var out, errb bytes.Buffer
			code := Main(context.Background(), args, strings.NewReader(tc.stdin), &out, &errb)
			if code != 1 || !strings.HasPrefix(errb.String(), "error: ") || strings.Count(errb.String(), "\n") != 1 {
				t.Errorf("Main: code %d, stderr %q; want 1 and one error line", code, errb.String())
			}
		})
	}

	t.Run("at the limit", func(t *testing.T) {
		if _, err := extract.Default(); err != nil {
			t.Fatalf("extraction models: %v", err)
		}
		dir := t.TempDir()
		text := article(7)
		text += strings.Repeat(" ", limit-len(text)-1) + "." // exactly limit bytes
		p := writeFile(t, dir, "a.txt", text)
		out, err := runLoad(t, "", "--quiet", "--db", filepath.Join(dir, "db"), "--max-doc-bytes", fmt.Sprint(limit), p)
		if err != nil {
			t.Fatalf("load of a %d-byte document with limit %d: %v", len(text), limit, err)
		}
		if !strings.HasPrefix(out, "loaded 1 documents") {
			t.Errorf("output %q", out)
		}
	})
}

// cancelAfterFirst is a progress that cancels the load once the first
// documents are stored, as Ctrl-C would.
type cancelAfterFirst struct {
	cancel context.CancelFunc
	added  int
}

func (p *cancelAfterFirst) add(n int) {
	if p.added == 0 {
		p.cancel()
	}
	p.added += n
}
func (p *cancelAfterFirst) done() {}

// exportByDocument exports the store and groups the N-Quads lines by
// document (the document part of each quad's label), sorted.
func exportByDocument(t *testing.T, s *graph.Store) map[string][]string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.Export(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	docs := map[string][]string{}
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndex(line, " <")
		if i < 0 {
			t.Fatalf("quad without a label: %s", line)
		}
		label := strings.TrimSuffix(line[i+2:], "> .")
		if j := strings.Index(label, "/doc/"); j >= 0 {
			if k := strings.IndexByte(label[j+len("/doc/"):], '/'); k >= 0 {
				label = label[:j+len("/doc/")+k]
			}
		}
		docs[label] = append(docs[label], line)
	}
	for _, q := range docs {
		sort.Strings(q)
	}
	return docs
}

// TestLoadInterrupted cancels a load's context (what SIGINT does) once the
// first documents are stored: the load stops with the interruption
// message, counts only what it stored, and every stored document is whole
// (its quads equal those of an uninterrupted load).
func TestLoadInterrupted(t *testing.T) {
	x, err := extract.Default()
	if err != nil {
		t.Fatalf("extraction models: %v", err)
	}
	dir := t.TempDir()
	var batch strings.Builder
	const total = 40
	for i := 0; i < total; i++ {
		batch.WriteString(jsonlLine(t, i, article(i)))
	}
	path := writeFile(t, dir, "batch.jsonl", batch.String())
	ctx := context.Background()
	env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
	load := func(ctx context.Context, db string, prog progress) (*graph.Store, loadSummary, error) {
		s, err := graph.Open(ctx, graph.Options{Path: filepath.Join(dir, db)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		sum, err := loadDocuments(ctx, env, s, x, []string{path}, nil, loaders.Options{}, 1, prog)
		return s, sum, err
	}

	ref, refSum, err := load(ctx, "ref", nopProgress{})
	if err != nil || refSum.docs != total {
		t.Fatalf("uninterrupted load: %d documents, %v", refSum.docs, err)
	}
	want := exportByDocument(t, ref)

	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s, sum, err := load(cctx, "db", &cancelAfterFirst{cancel: cancel})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("load interrupted after %d documents", sum.docs)) {
		t.Fatalf("err = %v, want the interruption message with %d documents", err, sum.docs)
	}
	if sum.docs == 0 || sum.docs >= total {
		t.Fatalf("interrupted load stored %d of %d documents; want some, not all", sum.docs, total)
	}
	t.Logf("interrupted after %d of %d documents: %v", sum.docs, total, err)
	got := exportByDocument(t, s)
	if len(got) != sum.docs {
		t.Errorf("store holds %d documents, the summary says %d", len(got), sum.docs)
	}
	for doc, quads := range got {
		if strings.Join(quads, "\n") != strings.Join(want[doc], "\n") {
			t.Errorf("document %s is incomplete: %d quads, want %d", doc, len(quads), len(want[doc]))
		}
	}
}
