package extract

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/loaders"
)

var update = flag.Bool("update", false, "rewrite golden files")

var published = time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC) // a Wednesday

func extractFixture(t *testing.T, name string) *Record {
	t.Helper()
	g, err := readFixture(filepath.Join("testdata", name+".conllu"))
	if err != nil {
		t.Fatal(err)
	}
	x := New(g, g, Options{Gazetteer: fakeGaz{}})
	rec, err := x.Extract(context.Background(), loaders.Document{Text: g.text, Published: published, Title: name})
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.conllu")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".conllu")
		t.Run(name, func(t *testing.T) {
			rec := extractFixture(t, name)
			got, err := json.MarshalIndent(rec, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("record differs from %s (run with -update after checking):\n%s", golden, got)
			}
			// idempotency: the golden file reads back into the same record
			var back Record
			if err := json.Unmarshal(want, &back); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func entityByName(r *Record, name string) *Entity {
	for i := range r.Entities {
		if r.Entities[i].Name == name {
			return &r.Entities[i]
		}
	}
	return nil
}

func nameOf(r *Record, id *string) string {
	if id == nil {
		return "<nil>"
	}
	for _, e := range r.Entities {
		if e.ID == *id {
			return e.Name
		}
	}
	return "?" + *id
}

// namedAs reports whether entity id has name as its name or an alias
// ("State Department" for "U.S. State Department").
func namedAs(r *Record, id, name string) bool {
	for _, e := range r.Entities {
		if e.ID == id {
			return e.Name == name || slices.Contains(e.Aliases, name)
		}
	}
	return false
}

func hasRel(r *Record, subj, pred, obj string) bool {
	for _, rel := range r.Relations {
		s, o := rel.Subject, rel.Object.Entity
		if namedAs(r, s, subj) && rel.Predicate == pred && (o != "" && namedAs(r, o, obj) || o == "" && rel.Object.Text == obj) {
			return true
		}
	}
	return false
}

func TestRules(t *testing.T) {
	relay := extractFixture(t, "relay")
	quote := extractFixture(t, "quote")
	hedge := extractFixture(t, "hedge")
	nested := extractFixture(t, "nested")
	surface := extractFixture(t, "surface")
	str := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"relay claims", len(relay.Claims), 1},
		{"relay speaker", nameOf(relay, relay.Claims[0].Speaker), "Anna Kovac"},
		{"relay reported_by", len(relay.Claims[0].ReportedBy), 1},
		{"relay cue", relay.Claims[0].Cue, "cite"},
		{"relay content", relay.Claims[0].Content, "5,000 Freedonian troops were stationed in Brill"},
		{"relay time", relay.Claims[0].Time.Text + "=" + str(relay.Claims[0].Time.Value), "on Monday=2024-11-04"},
		{"relay figure", relay.Claims[0].Figures[0].Text + "/" + str(relay.Claims[0].Figures[0].Unit) + "/" + relay.Claims[0].Figures[0].Modifier, "5,000/troops/exact"},
		{"relay figure of", nameOf(relay, relay.Claims[0].Figures[0].Of), "Freedonian troops"},
		{"relay title", entityByName(relay, "Anna Kovac").Titles, []string{"President"}},
		{"relay nationality", hasRel(relay, "Freedonian troops", Nationality, "Freedonia"), true},
		{"relay located_in", hasRel(relay, "Freedonian troops", LocatedIn, "Brill"), true},
		{"relay city of a country not named", hasRel(relay, "Brill", LocatedIn, "Sylvania"), false},
		{"quote claims", len(quote.Claims), 3},
		{"quote speaker", nameOf(quote, quote.Claims[0].Speaker), "Mark Reed"},
		{"quote flag", quote.Claims[0].Quote, true},
		{"quote content", quote.Claims[0].Content, "We assess that as many as 2,000 have arrived."},
		{"quote ellipsis unit", str(quote.Claims[0].Figures[0].Unit), "soldiers"},
		{"quote upper bound", quote.Claims[0].Figures[0].Modifier, UpperBound},
		{"inner assess speaker", nameOf(quote, quote.Claims[1].Speaker), "Mark Reed"},
		{"inner assess likely", quote.Claims[1].Certainty, Likely},
		{"inner assess quote", quote.Claims[1].Quote, true},
		{"he added speaker", nameOf(quote, quote.Claims[2].Speaker), "Mark Reed"},
		{"he added possible", quote.Claims[2].Certainty, Possible},
		{"title spokesperson", entityByName(quote, "Mark Reed").Titles, []string{"Spokesperson"}},
		{"hedge speaker null", hedge.Claims[0].Speaker == nil, true},
		{"hedge speaker text", hedge.Claims[0].SpeakerText, "Intelligence reports"},
		{"hedge possible", hedge.Claims[0].Certainty, Possible},
		{"hedge places", len(hedge.Claims[0].Places), 1},
		{"unconfirmed", hedge.Claims[len(hedge.Claims)-1].Certainty, Unconfirmed},
		{"nested claims", len(nested.Claims), 3},
		{"outer quote", nested.Claims[0].Quote, true},
		{"outer figures: not those of the nested claim of another speaker", len(nested.Claims[0].Figures), 1},
		{"nested claim relayed by the outer speaker", len(nested.Claims[1].ReportedBy), 1},
		{"inner title coreference", nameOf(nested, nested.Claims[1].Speaker), "Sara Lind"},
		{"inner indirect", nested.Claims[1].Quote, false},
		{"inner time", str(nested.Claims[1].Time.Value), "2024-11-01"},
		{"inner content", nested.Claims[1].Content, "8,000 Elbonian troops had entered Brill"},
		{"first person in quote", nameOf(nested, nested.Claims[2].Speaker), "Jon Bell"},
		{"parenthetical title", entityByName(nested, "Sara Lind").Titles, []string{"Foreign Minister"}},
		{"according to, misparsed", nameOf(surface, surface.Claims[0].Speaker) + ": " + surface.Claims[0].Content, "Red Cross: 40 people died in Brill"},
		{"told X that, misparsed", nameOf(surface, surface.Claims[1].Speaker) + ": " + surface.Claims[1].Content, "Anna Kovac: 300 soldiers had arrived"},
		{"told X that, relay", len(surface.Claims[1].ReportedBy), 1},
		{"subject-less cue, left noun", surface.Claims[2].SpeakerText + ": " + surface.Claims[2].Content, "president: 20 tanks were in Brill"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, _ := json.Marshal(tc.got)
			w, _ := json.Marshal(tc.want)
			if string(g) != string(w) {
				t.Errorf("got %s, want %s", g, w)
			}
		})
	}
}

// TestConcurrent runs one Extractor from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	g, err := readFixture(filepath.Join("testdata", "nested.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	x := New(g, g, Options{Gazetteer: fakeGaz{}})
	want, _ := x.Extract(context.Background(), loaders.Document{Text: g.text, Published: published})
	wb, _ := json.Marshal(want)
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			r, err := x.Extract(context.Background(), loaders.Document{Text: g.text, Published: published})
			if err != nil {
				done <- err.Error()
				return
			}
			b, _ := json.Marshal(r)
			done <- string(b)
		}()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; got != string(wb) {
			t.Errorf("concurrent result differs: %.200s", got)
		}
	}
}
