//go:build readability

// This measurement is built only with -tags readability, so that the
// ordinary test run has nothing to skip.

package loaders

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestReadabilityPages measures HTML extraction against the test pages of
// Mozilla Readability (github.com/mozilla/readability, test/test-pages),
// which are not part of this repository. It runs only when
// NEWSGRAPH_READABILITY_PAGES names a directory holding <page>/source.html,
// <page>/expected.html and <page>/expected-metadata.json, and logs the
// mean bag-of-words precision and recall of our text against Readability's.
func TestReadabilityPages(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_READABILITY_PAGES")
	if dir == "" {
		t.Fatal("set NEWSGRAPH_READABILITY_PAGES to the Readability test-pages directory")
	}
	pages, err := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages under %s", dir)
	}
	var sumP, sumR float64
	var titles, titlesOK, dates, datesOK int
	for _, src := range pages {
		page := filepath.Dir(src)
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		expected, err := os.ReadFile(filepath.Join(page, "expected.html"))
		if err != nil {
			t.Fatal(err)
		}
		var got Document
		if docs, err := Parse("source.html", data, Options{}); err == nil {
			got = docs[0]
		}
		p, r := wordOverlap(got.Text, flatHTMLText(expected))
		sumP += p
		sumR += r
		t.Logf("%-40s P=%.2f R=%.2f", filepath.Base(page), p, r)
		var meta struct {
			Title         string `json:"title"`
			PublishedTime string `json:"publishedTime"`
		}
		if b, err := os.ReadFile(filepath.Join(page, "expected-metadata.json")); err == nil && json.Unmarshal(b, &meta) == nil {
			if meta.Title != "" {
				titles++
				if normalizeField(meta.Title) == got.Title {
					titlesOK++
				}
			}
			if want, ok := ParseDate(meta.PublishedTime); ok {
				dates++
				if got.Published.Format("2006-01-02") == want.Format("2006-01-02") {
					datesOK++
				}
			}
		}
	}
	n := float64(len(pages))
	t.Logf("%d pages: precision %.3f recall %.3f; title %d/%d; date %d/%d",
		len(pages), sumP/n, sumR/n, titlesOK, titles, datesOK, dates)
}

// wordOverlap is the bag-of-words precision and recall of got against
// want, on lower-cased letter and digit runs.
func wordOverlap(got, want string) (precision, recall float64) {
	bag := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			m[w]++
		}
		return m
	}
	g, w := bag(got), bag(want)
	common, ng, nw := 0, 0, 0
	for k, c := range g {
		ng += c
		common += min(c, w[k])
	}
	for _, c := range w {
		nw += c
	}
	if ng > 0 {
		precision = float64(common) / float64(ng)
	}
	recall = 1
	if nw > 0 {
		recall = float64(common) / float64(nw)
	}
	return precision, recall
}
