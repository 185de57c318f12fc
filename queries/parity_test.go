package queries_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/internal/pgtest"
	"github.com/newsgraph/newsgraph/loaders"
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
	compareBackends(t, bolt, pg, args, false)
}

// compareBackends runs every saved query (with args by name) on both
// stores and requires identical results; with foldCase, results that
// differ only in letter case are logged as the known issue instead.
func compareBackends(t *testing.T, bolt, pg *graph.Store, args map[string][]string, foldCase bool) {
	t.Helper()
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
			var rows [2][]graph.Result
			run := func(i int, s *graph.Store) string {
				res, err := s.Query(context.Background(), text, 0)
				if err != nil {
					t.Fatal(err)
				}
				rows[i] = res
				b, _ := json.MarshalIndent(res, "", " ")
				return string(b)
			}
			a, b := run(0, bolt), run(1, pg)
			switch {
			case a == b:
			case foldCase && equalFoldedRows(rows[0], rows[1]):
				// Known issue: an entity named in capitals in one
				// article ("LONDON") and normally in another has two
				// schema:name values, and the prelude's first() returns
				// whichever the backend stores first.
				t.Logf("KNOWN ISSUE: bolt and postgres differ in the case of a name (first() of a node with several names)")
			default:
				t.Errorf("bolt and postgres differ:\nbolt: %s\npostgres: %s", a, b)
			}
		})
	}
}

// TestBackendParityExtracted loads articles through the real extractor
// into bolt and PostgreSQL and compares every saved query: the seed
// article and the gold articles (testdata/gold), plus 40 documents of the
// scale benchmark corpus (bench/mkcorpus) when the shared CoNLL-2003
// corpus is present.
func TestBackendParityExtracted(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts real articles; runs without -short")
	}
	x, err := extract.Default()
	if err != nil {
		t.Fatalf("extraction models: %v", err)
	}
	root := filepath.Join("..")
	sets := []struct {
		name  string
		paths func(t *testing.T) []string
	}{
		{"seed and gold", func(t *testing.T) []string {
			return []string{filepath.Join(root, "seeds"), filepath.Join(root, "testdata", "gold")}
		}},
		{"bench corpus sample", func(t *testing.T) []string {
			data := filepath.Join(root, "..", "shared", "corpora", "conll2003")
			if _, err := os.Stat(filepath.Join(data, "train.txt")); err != nil {
				if os.Getenv("CI") == "true" {
					t.Fatalf("no CoNLL-2003 corpus at %s (CI has ../shared beside the clone)", data)
				}
				t.Skipf("no CoNLL-2003 corpus at %s", data)
			}
			out := filepath.Join(t.TempDir(), "sample.jsonl")
			cmd := exec.Command("go", "run", "./bench/mkcorpus", "-data", filepath.Join("..", "shared", "corpora", "conll2003"), "-n", "40")
			cmd.Dir = root
			b, err := cmd.Output()
			if err != nil {
				t.Fatalf("mkcorpus: %v", err)
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				t.Fatal(err)
			}
			return []string{out}
		}},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			paths := set.paths(t)
			ctx := context.Background()
			bolt, err := graph.Open(ctx, graph.Options{Backend: graph.Bolt, Path: filepath.Join(t.TempDir(), "db")})
			if err != nil {
				t.Fatal(err)
			}
			defer bolt.Close()
			pg, err := graph.Open(ctx, graph.Options{Backend: graph.Postgres, Path: pgtest.NewDatabase(t)})
			if err != nil {
				t.Fatal(err)
			}
			defer pg.Close()
			count := map[string]map[string]int{} // entity type → name → mentions
			docs := 0
			err = loaders.Walk(ctx, paths, nil, loaders.Options{}, func(d loaders.Document) error {
				rec, err := x.Extract(ctx, d)
				if err != nil {
					return err
				}
				for _, s := range []*graph.Store{bolt, pg} {
					if _, err := s.AddRecord(ctx, rec); err != nil {
						return err
					}
				}
				for _, e := range rec.Entities {
					if count[e.Type] == nil {
						count[e.Type] = map[string]int{}
					}
					count[e.Type][e.Name] += len(e.Mentions)
				}
				docs++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			person, place := mostMentioned(count["PERSON"]), mostMentioned(count["GPE"])
			t.Logf("%d documents; arguments %q and %q", docs, person, place)
			compareBackends(t, bolt, pg, map[string][]string{
				"neighbors": {place}, "relations": {person}, "path": {person, place},
			}, true)
		})
	}
}

// equalFoldedRows reports whether two results hold the same rows, in any
// order, once letter case is ignored.
func equalFoldedRows(a, b []graph.Result) bool {
	fold := func(rs []graph.Result) []string {
		out := make([]string, len(rs))
		for i, r := range rs {
			j, _ := json.Marshal(r)
			out[i] = strings.ToLower(string(j))
		}
		sort.Strings(out)
		return out
	}
	return len(a) == len(b) && strings.Join(fold(a), "\n") == strings.Join(fold(b), "\n")
}

// mostMentioned returns the name with the most mentions (ties by name).
func mostMentioned(m map[string]int) string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if m[names[i]] != m[names[j]] {
			return m[names[i]] > m[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) == 0 {
		return "none"
	}
	return names[0]
}
