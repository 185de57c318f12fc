package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestQueryCommand(t *testing.T) {
	db := fixtureDB(t)
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		want     []string
		wantErr  string
	}{
		{"saved table", []string{"query", "--db", db, "claims"}, 0, []string{"SPEAKER", "Anna de Vries", "Havenbedrijf", "(3 rows)"}, ""},
		{"saved with arg", []string{"query", "--db", db, "claims", "Havenbedrijf"}, 0, []string{"(1 rows)", "Example Wire"}, ""},
		{"saved json", []string{"query", "--db", db, "figures", "--format", "json"}, 0, []string{`"value": 3000`, `"modifier": "lower_bound"`}, ""},
		{"gizmo", []string{"query", "--db", db, "--gizmo", `g.V("Antwerp").In("<http://schema.org/name>").All()`}, 0, []string{"<https://w3id.org/newsgraph/id/gpe/antwerp>"}, ""},
		{"limit", []string{"query", "--db", db, "--limit", "1", "--gizmo", `g.V().All()`}, 0, []string{"(1 rows)"}, ""},
		{"unknown", []string{"query", "--db", db, "nope"}, 2, nil, `unknown saved query "nope"`},
		{"missing arg", []string{"query", "--db", db, "path", "A"}, 2, nil, "missing argument TO"},
		{"bad gizmo", []string{"query", "--db", db, "--gizmo", "g.V(("}, 1, nil, "query:"},
		{"bad format", []string{"query", "--db", db, "--format", "xml", "claims"}, 2, nil, "unknown --format"},
		{"no store", []string{"query", "--db", db + "-missing", "claims"}, 1, nil, "no store"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != tc.wantCode {
				t.Fatalf("code %d, want %d; stderr %s", code, tc.wantCode, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			if !strings.Contains(errs, tc.wantErr) {
				t.Errorf("stderr %q lacks %q", errs, tc.wantErr)
			}
		})
	}
}

func TestQueriesCommand(t *testing.T) {
	code, out, _ := run(t, "", "queries")
	for _, w := range []string{"claims [SPEAKER]", "path FROM TO", "figures"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("queries output lacks %q:\n%s", w, out)
		}
	}
	code, out, _ = run(t, "", "queries", "--json")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) < 10 {
		t.Errorf("queries --json: code %d, %d entries", code, len(list))
	}
}
