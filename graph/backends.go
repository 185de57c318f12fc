package graph

// Cayley registers its storage backends and query languages in init
// functions; these blank imports are the only place newsgraph selects them.
import (
	// bolt: the default embedded, persistent key-value backend.
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	// memstore: in-memory backend for tests and throwaway stores.
	_ "github.com/cayleygraph/cayley/graph/memstore"
	// postgres: Cayley's SQL backend on PostgreSQL (or CockroachDB).
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	// gizmo: the JavaScript-like query language of the saved queries.
	_ "github.com/cayleygraph/cayley/query/gizmo"
	// writer: the "single" quad writer used by graph.NewQuadWriter.
	_ "github.com/cayleygraph/cayley/writer"
)
