package score

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func sp(s string) *string { return &s }

func TestCompare(t *testing.T) {
	gold := &extract.Record{
		Entities:  []extract.Entity{{ID: "e1", Name: "Anna Kovac", Type: "PERSON"}, {ID: "e2", Name: "Brill", Type: "GPE"}},
		Relations: []extract.Relation{{Subject: "e1", Predicate: "located_in", Object: extract.Object{Entity: "e2"}}},
		Claims: []extract.Claim{{Sentence: "s1", Speaker: sp("e1"), Cue: "say", Content: "troops arrived in Brill",
			Certainty: "asserted", Figures: []extract.Figure{{Value: 5, Unit: sp("troops"), Modifier: "exact"}}}},
	}
	tests := []struct {
		name                  string
		pred                  *extract.Record
		ent, claims, rel, fig float64 // F1
		cue                   float64
	}{
		{"identical", gold, 1, 1, 1, 1, 1},
		{"empty", &extract.Record{}, 0, 0, 0, 0, 0},
		{"alias and wrong cue", &extract.Record{
			Entities: []extract.Entity{{ID: "x9", Name: "Anna Kovac", Type: "PERSON", Aliases: []string{"Kovac"}}},
			Claims: []extract.Claim{{Sentence: "s1", Speaker: sp("x9"), Cue: "state", Content: "troops arrived",
				Certainty: "asserted", Figures: []extract.Figure{{Value: 5, Unit: sp("troop"), Modifier: "exact"}}}},
		}, 2.0 / 3, 1, 0, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(gold, tc.pred)
			for _, c := range []struct {
				n         string
				got, want float64
			}{{"entities", r.Entities.F1(), tc.ent}, {"claims", r.Claims.F1(), tc.claims}, {"relations", r.Relations.F1(), tc.rel},
				{"figures", r.Figures.F1(), tc.fig}, {"cue", r.Cue.Value(), tc.cue}} {
				if diff := c.got - c.want; diff > 1e-9 || diff < -1e-9 {
					t.Errorf("%s: got %.3f, want %.3f", c.n, c.got, c.want)
				}
			}
		})
	}
}
