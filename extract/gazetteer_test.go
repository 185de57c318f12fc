package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

func TestLexiconGazetteer(t *testing.T) {
	l, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	g := LexiconGazetteer{l}
	tests := []struct {
		name, in, country, city string
	}{
		{"abbreviation", "U.S.", "United States", ""},
		{"demonym", "Ukrainian", "Ukraine", ""},
		{"two-word demonym", "North Korean", "North Korea", ""},
		{"plural demonym", "North Koreans", "North Korea", ""},
		{"country", "Russia", "Russia", ""},
		{"city", "Oslo", "", "Norway"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := g.Country(tc.in)
			cc, _ := g.CityCountry(tc.in)
			if c != tc.country || cc != tc.city {
				t.Errorf("%s: got country %q city %q, want %q %q", tc.in, c, cc, tc.country, tc.city)
			}
		})
	}
	if f, ok := g.FemaleShare("Maria"); !ok || f < 0.8 {
		t.Errorf("Maria: female share %v %v", f, ok)
	}
}
