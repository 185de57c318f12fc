package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestOpenIE checks CaRB-shaped tuples from the real embedded models: one
// tuple per clause, prepositions of the first oblique and auxiliaries in the
// relation, relative clauses read with their antecedent, copular clauses,
// appositions, intransitives with an empty second argument.
func TestOpenIE(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Skipf("models: %v", err)
	}
	tests := []struct {
		name, sentence string
		want           []string // relation, arg1, arg2, ...
	}{
		{"intransitive", "The bridge collapsed .", []string{"collapsed", "The bridge", ""}},
		{"passive with preposition", "She was born in Lyon and moved to Paris in 1990 .", []string{"was born in", "She", "Lyon"}},
		{"conjoined verb, n-ary", "She was born in Lyon and moved to Paris in 1990 .", []string{"moved to", "She", "Paris", "in 1990"}},
		{"relative clause subject", "The mayor , who was elected in 2020 , opened a new library .", []string{"was elected in", "The mayor", "2020"}},
		{"relative clause object", "The police found the car , which the thieves had abandoned .", []string{"had abandoned", "the thieves", "the car"}},
		{"copula with preposition", "Tarboro is in North Carolina .", []string{"is in", "Tarboro", "North Carolina"}},
		{"infinitive joins the relation", "The committee attempted to block the merger .", []string{"attempted to block", "The committee", "the merger"}},
		{"apposition", "Anna Berg , a chemist from Oslo , won the prize .", []string{"is", "Anna Berg", "a chemist from Oslo"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, tu := range x.OpenIE(tc.sentence) {
				if tu.Confidence <= 0 || tu.Confidence > 1 {
					t.Errorf("confidence %v out of (0, 1]", tu.Confidence)
				}
				row := append([]string{tu.Relation}, tu.Args...)
				if slices.Equal(row, tc.want) {
					return
				}
				got = append(got, strings.Join(row, " | "))
			}
			t.Errorf("no tuple %q in\n%s", strings.Join(tc.want, " | "), strings.Join(got, "\n"))
		})
	}
}
