package server

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// fixtureStore loads the saved-query fixture documents into a memstore.
func fixtureStore(t testing.TB, writable bool) *graph.Store {
	return fixtureStoreOn(t, graph.Options{Backend: graph.Memstore})
}

// fixtureStoreOn loads the fixture documents into a store opened with opts.
func fixtureStoreOn(t testing.TB, opts graph.Options) *graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for _, f := range []string{"doc-a.json", "doc-b.json"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "queries", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		var rec extract.Record
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if _, err := s.AddRecord(ctx, &rec); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	return s
}

// mustBuild returns the program of a saved query without arguments.
func mustBuild(t testing.TB, name string) string {
	t.Helper()
	q, err := queries.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	text, err := q.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	return text
}
