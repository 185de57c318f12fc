package extract

import (
	"context"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/loaders"
)

// TestRoleAppositions checks titles and title relations from a role noun
// phrase in apposition with a person's name, in either order, with the
// real embedded models (the parser often hangs the name on the nearest
// noun, so this also covers the surface reading).
func TestRoleAppositions(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatalf("models: %v", err)
	}
	tests := []struct {
		name, text string
		person     string
		title      string // "" = no title expected
		pred, obj  string // optional title relation
	}{
		{"role first", "The mayor of Lyon, Claire Dubois, said the bridge would reopen in May.",
			"Claire Dubois", "mayor of Lyon", LeaderOf, "Lyon"},
		{"name first", "Claire Dubois, the mayor of Lyon, said the bridge would reopen in May.",
			"Claire Dubois", "mayor of Lyon", LeaderOf, "Lyon"},
		{"role first, governor", "The governor of Texas, Greg Abbott, signed the bill on Tuesday.",
			"Greg Abbott", "governor of Texas", LeaderOf, "Texas"},
		{"role first, spokesperson of an organisation", "A spokesperson for the World Health Organization, Tarik Jasarevic, said the outbreak was contained.",
			"Tarik Jasarevic", "spokesperson for the World Health Organization", MemberOf, "World Health Organization"},
		{"role first, two-word role", "The chief executive of Siemens, Roland Busch, told reporters that sales had risen.",
			"Roland Busch", "chief executive of Siemens", "", ""},
		{"demonym before a title", "Kenyan Interior Minister Kipchumba Murkomen told reporters on Monday that the border would close.",
			"Kipchumba Murkomen", "Kenyan Interior Minister", Nationality, "Kenya"},
		{"object of a preposition is no apposition", "According to the president, Joe Bloggs has left the company.",
			"Joe Bloggs", "", "", ""},
		{"list of names", "The ministers, Ann Lee, Bo Chan and Cy Ray, met on Monday.",
			"Ann Lee", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := x.Extract(context.Background(), loaders.Document{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			found := false
			for _, e := range rec.Entities {
				if e.Name == tc.person {
					found = true
					titles = e.Titles
				}
			}
			if !found {
				t.Fatalf("no entity %q", tc.person)
			}
			switch {
			case tc.title == "" && len(titles) > 0:
				t.Errorf("titles %q, want none", titles)
			case tc.title != "" && !slices.Contains(titles, tc.title):
				t.Errorf("titles %q, want %q", titles, tc.title)
			}
			if tc.pred != "" && !hasRel(rec, tc.person, tc.pred, tc.obj) {
				t.Errorf("no %s %s %s", tc.person, tc.pred, tc.obj)
			}
		})
	}
}
