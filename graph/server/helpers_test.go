package server

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/queries"
)

// fixtureStore loads the saved-query fixture documents into a memstore.
func fixtureStore(t testing.TB, writable bool) *graph.Store {
	return fixtureStoreOn(t, graph.Options{Backend: graph.Memstore})
}

// fixtureStoreOn loads the fixture documents into a store opened with opts.
func fixtureStoreOn(t testing.TB, opts graph.Options) *graph.Store {
	return graphtest.Open(t, opts)
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
