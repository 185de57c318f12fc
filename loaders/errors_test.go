package loaders

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestErrors(t *testing.T) {
	tests := []struct {
		name     string
		path     string
		want     error
		wantLine int
		wantMsg  string
	}{
		{"empty file", "errors/empty.txt", ErrEmpty, 0, "load testdata/errors/empty.txt: no text after cleaning"},
		{"NUL byte", "errors/nul.txt", ErrBinary, 0, "load testdata/errors/nul.txt: binary data, not text"},
		{"image named explicitly", "errors/picture.png", ErrBinary, 0, ""},
		{"invalid UTF-8 line", "errors/invalid-utf8.txt", ErrInvalidUTF8, 3, "load testdata/errors/invalid-utf8.txt:3: invalid UTF-8"},
		{"bad JSON line", "errors/bad-json.jsonl", ErrSyntax, 2, "load testdata/errors/bad-json.jsonl:2: syntax error: "},
		{"bad UTF-8 JSONL line", "errors/bad-utf8.jsonl", ErrInvalidUTF8, 3, "load testdata/errors/bad-utf8.jsonl:3: invalid UTF-8"},
		{"JSONL record without text", "errors/no-text.jsonl", ErrEmpty, 2, "load testdata/errors/no-text.jsonl:2: no text after cleaning"},
		{"JSONL line not an object", "errors/not-object.jsonl", ErrSyntax, 1, "load testdata/errors/not-object.jsonl:1: syntax error: not a JSON object"},
		{"blank JSONL batch", "errors/blank.jsonl", ErrNoArticles, 0, "load testdata/errors/blank.jsonl: no articles"},
		{"bad front matter", "errors/bad-frontmatter.md", ErrSyntax, 0, ""},
		{"HTML without text", "errors/no-text.html", ErrEmpty, 0, ""},
		{"directory without articles", "errors/nothing", ErrNoArticles, 0, "load testdata/errors/nothing: no articles"},
		{"missing file", "errors/missing.txt", fs.ErrNotExist, 0, "load testdata/errors/missing.txt: no such file or directory"},
		{"missing directory", "no/such/dir", fs.ErrNotExist, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("testdata", tt.path)
			docs, err := ReadFile(path, Options{})
			if err == nil {
				t.Fatalf("ReadFile(%s) = %d documents, want error %v", path, len(docs), tt.want)
			}
			if docs != nil {
				t.Errorf("ReadFile returned documents with an error")
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %q is not %v", err, tt.want)
			}
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("error %q is not a *loaders.Error", err)
			}
			if le.Line != tt.wantLine && tt.wantLine != 0 {
				t.Errorf("line = %d, want %d", le.Line, tt.wantLine)
			}
			if !strings.HasPrefix(filepath.ToSlash(le.Path), "testdata/") {
				t.Errorf("path = %q, want the input's path", le.Path)
			}
			if tt.wantMsg != "" && !strings.HasPrefix(filepath.ToSlash(err.Error()), tt.wantMsg) {
				t.Errorf("message = %q, want prefix %q", err, tt.wantMsg)
			}
		})
	}
}

func TestFrontMatterErrorLine(t *testing.T) {
	_, err := Parse("a.md", []byte("---\ntitle: ok\nsource: [unclosed\n---\nText.\n"), Options{})
	var le *Error
	if !errors.As(err, &le) || !errors.Is(err, ErrSyntax) {
		t.Fatalf("err = %v, want a syntax *Error", err)
	}
	if le.Line < 2 || le.Line > 4 {
		t.Errorf("line = %d, want the front matter's lines (2-4)", le.Line)
	}
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"path and line", &Error{Path: "news.jsonl", Line: 12, Err: ErrInvalidUTF8}, "load news.jsonl:12: invalid UTF-8"},
		{"path only", &Error{Path: "a.txt", Err: ErrEmpty}, "load a.txt: no text after cleaning"},
		{"no path", &Error{Err: ErrNoArticles}, "load: no articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
			if !errors.Is(tt.err, tt.err.Err) {
				t.Errorf("Unwrap does not reach %v", tt.err.Err)
			}
		})
	}
}

// endlessLine yields `{"text":"aaaa…` forever and counts what was read.
type endlessLine struct {
	read int64
}

func (r *endlessLine) Read(p []byte) (int, error) {
	const head = `{"text":"`
	for i := range p {
		if r.read+int64(i) < int64(len(head)) {
			p[i] = head[r.read+int64(i)]
		} else {
			p[i] = 'a'
		}
	}
	r.read += int64(len(p))
	return len(p), nil
}

func TestLongLineFailsFast(t *testing.T) {
	const limit = 1 << 20
	tests := []struct {
		name string
		path string
		opts Options
	}{
		{"stdin sniffed", "-", Options{MaxLineBytes: limit}},
		{"stdin forced JSONL", "-", Options{MaxLineBytes: limit, Format: FormatJSONL}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &endlessLine{}
			start := time.Now()
			err := Walk(context.Background(), []string{tt.path}, r, tt.opts, func(Document) error {
				t.Fatal("no document expected")
				return nil
			})
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			var le *Error
			if !errors.As(err, &le) || le.Line != 1 || le.Path != "-" {
				t.Errorf("err = %#v, want line 1 of -", err)
			}
			if r.read > limit+256<<10 {
				t.Errorf("read %d bytes for a limit of %d", r.read, limit)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestFiftyMegabyteLine(t *testing.T) {
	// The default limit is 10 MiB: a 50 MB line stops after ~10 MiB.
	r := &endlessLine{}
	lr := io.LimitReader(r, 50<<20)
	err := Walk(context.Background(), []string{"-"}, lr, Options{}, func(Document) error { return nil })
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if r.read > DefaultMaxLineBytes+256<<10 {
		t.Errorf("read %d bytes, limit %d", r.read, DefaultMaxLineBytes)
	}
}

func TestMaxDocumentBytes(t *testing.T) {
	text := strings.Repeat("A sentence of text. ", 100)
	tests := []struct {
		name  string
		input string
		opts  Options
		ok    bool
	}{
		{"text under the limit", text, Options{MaxDocumentBytes: 4000}, true},
		{"text over the limit", text, Options{MaxDocumentBytes: 1000}, false},
		{"html over the limit", "<p>" + text + "</p>", Options{MaxDocumentBytes: 1000}, false},
		{"JSONL text over the document limit", `{"text":"` + text + `"}`, Options{MaxDocumentBytes: 1000}, false},
		{"JSONL line over the line limit", `{"text":"` + text + `"}`, Options{MaxLineBytes: 1000}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Walk(context.Background(), []string{"-"}, strings.NewReader(tt.input), tt.opts, func(Document) error { return nil })
			if tt.ok && err != nil {
				t.Fatalf("err = %v", err)
			}
			if !tt.ok && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
			_, perr := Parse("-", []byte(tt.input), tt.opts)
			if (perr == nil) != tt.ok || (!tt.ok && !errors.Is(perr, ErrTooLarge)) {
				t.Errorf("Parse err = %v, want ok=%v", perr, tt.ok)
			}
		})
	}
}

func TestFileTooLarge(t *testing.T) {
	_, err := ReadFile(filepath.Join("testdata", "text", "seed.txt"), Options{MaxDocumentBytes: 100})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

func TestWalkStops(t *testing.T) {
	stop := errors.New("stop")
	tests := []struct {
		name string
		ctx  func() context.Context
		fn   func(Document) error
		want error
	}{
		{"callback error is returned as is", context.Background, func(Document) error { return stop }, stop},
		{"cancelled context", func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, func(Document) error { return nil }, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			err := Walk(tt.ctx(), []string{filepath.Join("testdata", "dir")}, nil, Options{}, func(d Document) error {
				n++
				return tt.fn(d)
			})
			if err != tt.want {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if n > 1 {
				t.Errorf("callback called %d times after the stop", n)
			}
		})
	}
}

func TestWalkArguments(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		stdin io.Reader
		want  error
	}{
		{"no paths", nil, nil, ErrNoArticles},
		{"stdin without reader", []string{"-"}, nil, nil},
		{"empty stdin", []string{"-"}, strings.NewReader("  \n"), ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Walk(context.Background(), tt.paths, tt.stdin, Options{}, func(Document) error { return nil })
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}
