package queries_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/queries"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestBackendParity runs every saved query (with the golden test's
// arguments) on the fixture graph in bolt and in PostgreSQL and requires
// identical results.
func TestBackendParity(t *testing.T) {
	bolt := graphtest.Open(t, graph.Options{Backend: graph.Bolt, Path: filepath.Join(t.TempDir(), "db")})
	pg := graphtest.Open(t, graph.Options{Backend: graph.Postgres, Path: pgtest.NewDatabase(t)})
	args := map[string][]string{
		"neighbors": {"Rotterdam"}, "relations": {"Dock workers"}, "path": {"Havenbedrijf", "Anna de Vries"},
		"claimgraph": nil,
	}
	list, err := queries.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range list {
		t.Run(q.Name, func(t *testing.T) {
			text, err := q.Build(args[q.Name])
			if err != nil {
				t.Fatal(err)
			}
			run := func(s *graph.Store) string {
				res, err := s.Query(context.Background(), text, 0)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := json.MarshalIndent(res, "", " ")
				return string(b)
			}
			if a, b := run(bolt), run(pg); a != b {
				t.Errorf("bolt and postgres differ:\nbolt: %s\npostgres: %s", a, b)
			}
		})
	}
}
