package loaders

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addSeeds adds the sample files with the given extensions from testdata/
// to a fuzz corpus.
func addSeeds(f *testing.F, exts ...string) {
	f.Helper()
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, e := range exts {
			if strings.HasSuffix(path, e) {
				data, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				f.Add(data)
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
}

// fuzzOpts keeps fuzzed inputs small enough to run fast.
var fuzzOpts = Options{MaxDocumentBytes: 1 << 20, MaxLineBytes: 1 << 20}

// checkFuzzResult checks the invariants of Parse's result: either
// documents that satisfy checkInvariants, or an *Error.
func checkFuzzResult(t *testing.T, docs []Document, err error) {
	t.Helper()
	if err != nil {
		var le *Error
		if !errors.As(err, &le) {
			t.Fatalf("error %v (%T) is not a *loaders.Error", err, err)
		}
		if docs != nil {
			t.Fatalf("documents returned with error %v", err)
		}
		return
	}
	if len(docs) == 0 {
		t.Fatal("no documents and no error")
	}
	for _, d := range docs {
		if d.Text == "" {
			t.Fatalf("%s: empty text without ErrEmpty", d.Path)
		}
		if !utf8.ValidString(d.Text) {
			t.Fatalf("%s: invalid UTF-8 out", d.Path)
		}
		checkInvariants(t, d)
	}
}

func FuzzPlainText(f *testing.F) {
	addSeeds(f, ".txt")
	f.Add([]byte("a\r\n\r\n\r\nb  c\nMost read\n"))
	f.Add([]byte("\xFF\xFEa\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse("f.txt", data, fuzzOpts)
		checkFuzzResult(t, docs, err)
		if err == nil {
			// Cleaning is idempotent.
			again, err := Parse("g.txt", []byte(docs[0].Text), fuzzOpts)
			if err != nil || again[0].Text != docs[0].Text {
				t.Fatalf("not idempotent: %q → %q (%v)", docs[0].Text, again, err)
			}
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f, ".md")
	f.Add([]byte("---\ntitle: x\ndate: 2024-01-01\n---\n# H\n\n*a* [b](c) ![d](e) `f`\n"))
	f.Add([]byte("```\ncode\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse("f.md", data, fuzzOpts)
		checkFuzzResult(t, docs, err)
	})
}

func FuzzHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"h"}]}</script><article><p>x.</p></article>`))
	f.Add([]byte("<div><div><div><p>deep</div>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse("f.html", data, fuzzOpts)
		checkFuzzResult(t, docs, err)
	})
}

func FuzzJSONL(f *testing.F) {
	addSeeds(f, ".jsonl")
	f.Add([]byte(`{"title":"t","text":"x","published":1700000000}` + "\n\n" + `{"body":"<p>y</p>"}`))
	f.Add([]byte(`{"text":"a"}` + "\r\n" + `[1]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := Parse("f.jsonl", data, fuzzOpts)
		checkFuzzResult(t, docs, err)
		for i, d := range docs {
			if !strings.HasPrefix(d.Path, "f.jsonl:") || (i > 0 && d.Path == docs[i-1].Path) {
				t.Fatalf("bad path %q", d.Path)
			}
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-11-04", "Mon, 04 Nov 2024 09:30:00 GMT", "Nov. 4th, 2024 at 9 p.m.", "1730713800"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ParseDate(s)
	})
}
