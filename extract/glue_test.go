package extract

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/loaders"
)

// spanRecognizer tags one span per sentence, from the first token written
// from to the first later token written to, with type typ: a recogniser
// that glued a name to the words after it.
type spanRecognizer struct{ from, to, typ string }

func (r spanRecognizer) Spans(sents []nlp.Sentence) [][]nlp.Span {
	out := make([][]nlp.Span, len(sents))
	for i, s := range sents {
		lo := -1
		for k, t := range s.Tokens {
			if lo < 0 && t.Form == r.from {
				lo = k
			}
			if lo >= 0 && t.Form == r.to {
				out[i] = append(out[i], nlp.Span{Start: lo, End: k + 1, Type: r.typ})
				break
			}
		}
	}
	return out
}

// TestGluedSpans checks names the recogniser found, with the real tagger
// and parser: one glued to the phrase after it ends before that phrase,
// and an acronym that spells a month stays a name.
func TestGluedSpans(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatalf("models: %v", err)
	}
	tests := []struct {
		name, text, from, to, typ, want string
	}{
		{"a preposition before an amount", "The stake was sold to Kelvar for £85m last year.", "Kelvar", "85m", TypeOrg, "Kelvar"},
		{"a preposition before a month", "The Trade Office for March data came out late.", "Trade", "March", TypeOrg, "Trade Office"},
		{"an acronym that spells a month is a name", "DEC shares rose on Tuesday.", "DEC", "DEC", TypeOrg, "DEC"},
		{"a preposition inside a name stays", "The Office for National Statistics said prices rose.", "Office", "Statistics", TypeOrg, "Office for National Statistics"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := New(x.ann, spanRecognizer{tc.from, tc.to, tc.typ}, x.opts)
			r, err := g.Extract(context.Background(), loaders.Document{Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range r.Entities {
				names = append(names, e.Name)
				if e.Name == tc.want {
					return
				}
			}
			t.Errorf("entities %q, want %q", names, tc.want)
		})
	}
}

// TestBasedHolder checks which phrases after "X-based" make an X the
// lexicon does not know a place: a firm or a person, not a product.
func TestBasedHolder(t *testing.T) {
	tests := []struct {
		spec string
		want bool
	}{
		{"Vexatron/PROPN/3/compound -/PUNCT/3/punct based/VERB/4/amod brewery/NOUN/0/root", true},
		{"Vexatron/PROPN/3/compound -/PUNCT/3/punct based/VERB/5/amod fund/NOUN/5/compound manager/NOUN/0/root", true},
		{"Vexatron/PROPN/3/compound -/PUNCT/3/punct based/VERB/4/amod PCs/NOUN/0/root", false},
		{"Vexatron/PROPN/3/compound -/PUNCT/3/punct based/VERB/5/amod portable/ADJ/5/amod players/NOUN/0/root", false},
	}
	st := &state{}
	for _, tc := range tests {
		t.Run(tc.spec, func(t *testing.T) {
			ns := sentFrom(t, tc.spec)
			s := &sent{toks: ns.Tokens}
			if got := st.basedHolder(s, 3); got != tc.want {
				t.Errorf("basedHolder = %v, want %v", got, tc.want)
			}
		})
	}
}
