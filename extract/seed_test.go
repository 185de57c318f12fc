package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/loaders"
)

// TestSeedArticle checks the key facts of the seed article with the real
// embedded models.
func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "seeds", "seed-article.txt"))
	if err != nil {
		t.Skip("no seed article")
	}
	x, err := Default()
	if err != nil {
		t.Skipf("models: %v", err)
	}
	pub := time.Date(2024, 11, 5, 0, 0, 0, 0, time.UTC) // a Tuesday
	rec, err := x.Extract(context.Background(), loaders.Document{Text: string(b), Published: pub})
	if err != nil {
		t.Fatal(err)
	}
	claimBy := func(speaker string, pred func(Claim) bool) bool {
		for _, c := range rec.Claims {
			if (speaker == "" && c.Speaker == nil || speaker != "" && nameOf(rec, c.Speaker) == speaker) && pred(c) {
				return true
			}
		}
		return false
	}
	fig := func(c Claim, text, unit, mod string) bool {
		for _, f := range c.Figures {
			if f.Text == text && f.Unit != nil && *f.Unit == unit && f.Modifier == mod {
				return true
			}
		}
		return false
	}
	groupName := func(name string) string {
		for _, e := range rec.Entities {
			if e.Type == TypeGroup && strings.HasPrefix(e.Name, name) {
				return e.Name
			}
		}
		return ""
	}
	tests := []struct {
		name string
		ok   bool
	}{
		{"Zelenskyy relayed by Reuters and AFP, 11,000 troops exact, on Monday", claimBy("Volodymyr Zelenskyy", func(c Claim) bool {
			return len(c.ReportedBy) == 2 && fig(c, "11,000", "troops", Exact) && c.Time != nil && c.Time.Value != nil && *c.Time.Value == "2024-11-04"
		})},
		{"Miller's quote, as many as 10,000 upper bound", claimBy("Matthew Miller", func(c Claim) bool {
			return c.Quote && fig(c, "as many as 10,000", "troops", UpperBound)
		})},
		{"intelligence reports: no speaker entity", claimBy("", func(c Claim) bool { return c.SpeakerText == "Intelligence reports" })},
		{"an unconfirmed claim", claimBy("", func(c Claim) bool { return c.Certainty == Unconfirmed }) || claimBy("State Department", func(c Claim) bool { return c.Certainty == Unconfirmed })},
		{"a likely claim", claimBy("U.S. and Ukrainian officials", func(c Claim) bool { return c.Certainty == Likely })},
		{"Kursk located_in Russia", hasRel(rec, "Kursk", LocatedIn, "Russia")},
		{"Kursk borders Ukraine", hasRel(rec, "Kursk", Borders, "Ukraine")},
		{"North Korean troops nationality North Korea", hasRel(rec, groupName("North Korean"), Nationality, "North Korea")},
		{"Zelenskyy leader_of Ukraine", hasRel(rec, "Volodymyr Zelenskyy", LeaderOf, "Ukraine")},
		{"Miller member_of State Department", hasRel(rec, "Matthew Miller", MemberOf, "State Department")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !tc.ok {
				t.Error("not extracted")
			}
		})
	}
}
