package tokenize

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// signOffCorpus returns documents of unpunctuated sentences that end with
// a sign-off ("… regards NAME"), the kind of boundary only a learned model
// finds.
func signOffCorpus(n, offset int) []BoundaryDoc {
	nouns := []string{"car", "plan", "file", "report", "meeting", "budget", "room"}
	adjs := []string{"ready", "late", "fine", "done", "open", "small"}
	names := []string{"Ann", "Bob", "Carl", "Dora", "Emil", "Fay", "Gus", "Hana"}
	var docs []BoundaryDoc
	for i := 0; i < n; i++ {
		var d BoundaryDoc
		for k := 0; k < 3; k++ {
			j := i + offset + k
			s := fmt.Sprintf("the %s is %s regards %s", nouns[j%len(nouns)], adjs[j%len(adjs)], names[j%len(names)])
			if d.Text != "" {
				d.Text += " "
			}
			start := utf8.RuneCountInString(d.Text)
			d.Text += s
			d.Sents = append(d.Sents, [2]int{start, start + utf8.RuneCountInString(s)})
		}
		docs = append(docs, d)
	}
	return docs
}

func sentenceTexts(tk *Tokenizer, text string) []string {
	rs := []rune(text)
	var out []string
	for _, s := range tk.Split(text) {
		out = append(out, string(rs[s.Start:s.End]))
	}
	return out
}

func TestTrainBoundaries(t *testing.T) {
	tk := Default()
	f1, rules := tk.TrainBoundaries(signOffCorpus(200, 0), signOffCorpus(20, 7), 5)
	if f1 <= rules || f1 < 0.9 {
		t.Fatalf("dev F1 %.3f with learned boundaries, %.3f with rules: want a gain to at least 0.9", f1, rules)
	}
	tk2 := New(tk.Lists()) // the weights survive saving
	tests := []struct {
		name, in string
		want     []string
	}{
		{"unpunctuated sign-offs", "the desk is new regards Ivo the lamp is old regards Jan",
			[]string{"the desk is new regards Ivo", "the lamp is old regards Jan"}},
		{"well punctuated text keeps the rules", "The desk is new regards Ivo the lamp is old. It works.",
			[]string{"The desk is new regards Ivo the lamp is old.", "It works."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []*Tokenizer{tk, tk2} {
				if got := sentenceTexts(k, tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
				}
			}
		})
	}
	if got := sentenceTexts(Default(), tests[0].in); len(got) != 1 {
		t.Errorf("the rules alone split %q into %q: the test needs text they leave whole", tests[0].in, got)
	}
}

func TestTrainBoundariesWithoutGain(t *testing.T) {
	// every document is one sentence: there is nothing to add to the rules
	var docs []BoundaryDoc
	for _, d := range signOffCorpus(50, 0) {
		docs = append(docs, BoundaryDoc{Text: d.Text, Sents: [][2]int{{0, utf8.RuneCountInString(d.Text)}}})
	}
	tk := Default()
	f1, rules := tk.TrainBoundaries(docs, docs, 3)
	if f1 != rules || tk.boundary != nil || len(tk.Lists().Boundary) != 0 {
		t.Errorf("F1 %.3f, rules %.3f, %d weights kept: want the model dropped", f1, rules, len(tk.boundary))
	}
}

func TestPunctLevel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"One. Two.\n\nThree!", wellPunctuated},
		{"Headline\n\nOne. Two.\n\nThree “four.”\n\nFive.\n\nSix?", "80"},
		{"hi\n\nthanks Bob", "0"},
		{"", "0"},
	}
	for _, tt := range tests {
		if got := punctLevel(tt.in); got != tt.want {
			t.Errorf("punctLevel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
