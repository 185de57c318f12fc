// Package graphtest gives tests of packages built on graph a store holding
// the fixture extraction records (queries/testdata/doc-*.json: two short
// articles with claims, figures, a relay, relations and a conflict).
package graphtest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// FixtureFiles are the fixture records, in load order.
var FixtureFiles = []string{"doc-a.json", "doc-b.json"}

// Dir is the directory holding the fixture records.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "queries", "testdata")
}

// Records reads the fixture records.
func Records() ([]*extract.Record, error) {
	var out []*extract.Record
	for _, f := range FixtureFiles {
		b, err := os.ReadFile(filepath.Join(Dir(), f))
		if err != nil {
			return nil, err
		}
		var rec extract.Record
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, &rec)
	}
	return out, nil
}

// Open opens a store with opts, adds the fixture records and closes it when
// the test ends.
func Open(t testing.TB, opts graph.Options) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	recs, err := Records()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs {
		if _, err := s.AddRecord(context.Background(), rec); err != nil {
			t.Fatalf("%s: %v", rec.Document.ID, err)
		}
	}
	return s
}
