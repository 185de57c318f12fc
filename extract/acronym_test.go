package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

func TestAcronymSpans(t *testing.T) {
	tests := []struct {
		name  string
		words string
		spans []nlp.Span
		want  []nlp.Span
	}{
		{"pieces joined, acronym added",
			"the Transport and General Workers Union ( TGWU ) said",
			[]nlp.Span{{Start: 1, End: 2, Type: TypeOrg}, {Start: 3, End: 6, Type: TypeOrg}},
			[]nlp.Span{{Start: 1, End: 6, Type: TypeOrg}, {Start: 7, End: 8, Type: TypeOrg}}},
		{"the type of a piece that is not an organisation",
			"the Red and Black Sea Region ( RBSR ) is cold",
			[]nlp.Span{{Start: 1, End: 2, Type: TypeLoc}, {Start: 3, End: 6, Type: TypeLoc}},
			[]nlp.Span{{Start: 1, End: 6, Type: TypeLoc}, {Start: 7, End: 8, Type: TypeLoc}}},
		{"a span reaching outside the name leaves the spans alone",
			"Mr Project and Contract Office ( PCO ) left",
			[]nlp.Span{{Start: 0, End: 2, Type: TypePerson}},
			[]nlp.Span{{Start: 0, End: 2, Type: TypePerson}}},
		{"initials that do not spell the acronym",
			"the Audit Office ( XYZ ) said",
			[]nlp.Span{{Start: 1, End: 3, Type: TypeOrg}},
			[]nlp.Span{{Start: 1, End: 3, Type: TypeOrg}}},
		{"no name before the brackets",
			"costs ( GBP ) rose",
			nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &sent{}
			for _, w := range strings.Fields(tc.words) {
				s.toks = append(s.toks, nlp.Token{Form: w})
			}
			got := acronymSpans(s, tc.spans)
			if len(got) == 0 && len(tc.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestClippedWords(t *testing.T) {
	tests := []struct {
		short, long string
		want        bool
	}{
		{"Lib Dems", "Liberal Democrats", true},
		{"Lib Dem", "Liberal Democrats", true},
		{"Liberal Democrat", "Liberal Democrats", true},
		{"Liberal Democrats", "Liberal Democrats", false}, // the same name is no clipping
		{"General Mills", "General Motors", false},
		{"Li Dem", "Liberal Democrats", false}, // too short a clip
		{"Lib", "Liberal Democrats", false},    // word counts differ
		{"lib dems", "Liberal Democrats", false},
	}
	for _, tc := range tests {
		if got := clippedWords(strings.Fields(tc.short), strings.Fields(tc.long)); got != tc.want {
			t.Errorf("clippedWords(%q, %q) = %v, want %v", tc.short, tc.long, got, tc.want)
		}
	}
}
