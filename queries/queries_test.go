package queries_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/queries"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixtureStore loads the two fixture documents into a fresh memstore.
func fixtureStore(t *testing.T) *graph.Store {
	return graphtest.Open(t, graph.Options{Backend: graph.Memstore})
}

func TestSavedQueries(t *testing.T) {
	s := fixtureStore(t)
	cases := []struct {
		golden string
		query  string
		args   []string
	}{
		{"entities", "entities", nil},
		{"entities-gpe", "entities", []string{"gpe"}},
		{"claims", "claims", nil},
		{"claims-speaker", "claims", []string{"anna de vries"}},
		{"figures", "figures", nil},
		{"stated", "stated", nil},
		{"sources", "sources", nil},
		{"conflicts", "conflicts", nil},
		{"neighbors", "neighbors", []string{"Rotterdam"}},
		{"relations", "relations", []string{"Dock workers"}},
		{"path", "path", []string{"Havenbedrijf", "Anna de Vries"}},
		{"timeline", "timeline", nil},
		{"unconfirmed", "unconfirmed", nil},
		{"claimgraph", "claimgraph", nil},
		{"claimgraph-entity", "claimgraph", []string{"Havenbedrijf"}},
	}
	listed, err := queries.List()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, tc := range cases {
		covered[tc.query] = true
		t.Run(tc.golden, func(t *testing.T) {
			q, err := queries.Get(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			text, err := q.Build(tc.args)
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Query(context.Background(), text, 0)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(res); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			path := filepath.Join("testdata", tc.golden+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
				t.Errorf("results differ from %s:\n%s", path, got)
			}
		})
	}
	for _, q := range listed {
		if !covered[q.Name] {
			t.Errorf("saved query %s has no test case", q.Name)
		}
	}
}

func TestBuildArguments(t *testing.T) {
	for _, tc := range []struct {
		name    string
		query   string
		args    []string
		wantErr string
	}{
		{"optional omitted", "claims", nil, ""},
		{"optional given", "claims", []string{"X"}, ""},
		{"too many", "claims", []string{"X", "Y"}, "too many arguments"},
		{"missing required", "path", []string{"A"}, "missing argument TO"},
		{"injection stays data", "neighbors", []string{`"); g.V().All(); ("`}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, err := queries.Get(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			text, err := q.Build(tc.args)
			var ae *queries.ArgError
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tc.wantErr != "" && (!errors.As(err, &ae) || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("err = %v, want ArgError containing %q", err, tc.wantErr)
			case tc.wantErr == "" && len(tc.args) > 0 && !strings.Contains(text, `var params = {`):
				t.Fatalf("params not encoded as data:\n%s", text[:80])
			}
		})
	}
	if _, err := queries.Get("nope"); !errors.Is(err, queries.ErrUnknown) {
		t.Errorf("Get(nope) err = %v, want ErrUnknown", err)
	}
}

func TestParseHeader(t *testing.T) {
	for _, tc := range []struct {
		name, src, wantErr string
	}{
		{"ok", "// name: x\n// description: d\n// param: a? first\ng.V().All()", ""},
		{"no name", "// description: d\ng.V()", "missing '// name:'"},
		{"no description", "// name: x\ng.V()", "missing '// description:'"},
		{"required after optional", "// name: x\n// description: d\n// param: a? one\n// param: b two\n", "required parameter b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := queries.Parse(tc.src)
			if (err == nil) != (tc.wantErr == "") || err != nil && !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("Parse err = %v, want %q", err, tc.wantErr)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("// name: x\n// description: d\n// param: a? first\ng.V().All()")
	f.Add("// param: \n")
	f.Fuzz(func(t *testing.T, src string) {
		q, err := queries.Parse(src)
		if err == nil && (q.Name == "" || q.Description == "") {
			t.Fatalf("accepted query without name or description: %+v", q)
		}
	})
}
