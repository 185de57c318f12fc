package loaders

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenDoc is the golden-file form of a Document.
type goldenDoc struct {
	Path      string `json:"path"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
}

func toGolden(docs []Document) []byte {
	out := make([]goldenDoc, len(docs))
	for i, d := range docs {
		out[i] = goldenDoc{Path: filepath.ToSlash(d.Path), Title: d.Title, Source: d.Source, URL: d.URL, Text: d.Text}
		if !d.Published.IsZero() {
			out[i].Published = d.Published.Format(time.RFC3339)
		}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// checkGolden compares got with the golden file, or rewrites it with
// -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to accept):\n--- got\n%s\n--- want\n%s", golden, got, want)
	}
}

// goldenInputs lists the sample articles of each format.
func goldenInputs(t *testing.T) []string {
	t.Helper()
	var inputs []string
	for _, dir := range []string{"text", "markdown", "html", "jsonl"} {
		entries, err := os.ReadDir(filepath.Join("testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if !e.IsDir() && !strings.HasSuffix(e.Name(), ".golden") {
				inputs = append(inputs, filepath.Join("testdata", dir, e.Name()))
			}
		}
	}
	return inputs
}

func TestGolden(t *testing.T) {
	for _, in := range goldenInputs(t) {
		t.Run(filepath.ToSlash(in), func(t *testing.T) {
			docs, err := ReadFile(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, in+".golden", toGolden(docs))
			for _, d := range docs {
				checkInvariants(t, d)
				// Cleaning is idempotent: the text read back as plain text
				// is unchanged.
				again, err := Parse("again.txt", []byte(d.Text), Options{})
				if err != nil {
					t.Fatalf("re-read %s: %v", d.Path, err)
				}
				if again[0].Text != d.Text {
					t.Errorf("%s: cleaning is not idempotent:\n--- first\n%s\n--- second\n%s", d.Path, d.Text, again[0].Text)
				}
			}
		})
	}
}

func TestDirectory(t *testing.T) {
	docs, err := ReadFile(filepath.Join("testdata", "dir"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, filepath.Join("testdata", "dir.golden"), toGolden(docs))
	var paths []string
	for _, d := range docs {
		paths = append(paths, filepath.ToSlash(d.Path))
	}
	want := []string{"testdata/dir/a.txt", "testdata/dir/b.md", "testdata/dir/sub/c.html",
		"testdata/dir/sub/d.jsonl:1", "testdata/dir/sub/d.jsonl:2"}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("paths = %q, want %q", paths, want)
	}
}
