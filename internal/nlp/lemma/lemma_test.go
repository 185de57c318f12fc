package lemma

import (
	"bytes"
	"testing"
)

func TestLemma(t *testing.T) {
	train := []Example{
		{"dogs", "NNS", "dog", 0}, {"cats", "NNS", "cat", 0}, {"boxes", "NNS", "box", 0}, {"foxes", "NNS", "fox", 0},
		{"walked", "VBD", "walk", 0}, {"talked", "VBD", "talk", 0}, {"went", "VBD", "go", 0},
		{"running", "VBG", "run", 0}, {"eating", "VBG", "eat", 0}, {"reading", "VBG", "read", 0},
		{"was", "VBD", "be", 0}, {"Paris", "NNP", "Paris", 0}, {"The", "DT", "the", 0},
		{"German", "JJ", "German", 0}, {"Fine", "JJ", "Fine", 0}, {"fine", "JJ", "fine", 0},
		{"Ebay", "NNP", "Ebay", 0}, {"ebay", "NNP", "ebay", 0},
		{"'", "POS", "'s", 0}, {"'", "POS", "'s", 0}, {"'s", "POS", "'s", 0},
	}
	l := Train(train)
	tests := []struct{ form, xpos, want string }{
		{"dogs", "NNS", "dog"},
		{"hats", "NNS", "hat"},
		{"went", "VBD", "go"},
		{"jumped", "VBD", "jump"},
		{"Was", "VBD", "be"},
		{"Paris", "NNP", "Paris"},
		{"Londoners", "NNPS", "Londoner"},
		{"1,100", "CD", "1100"},
		{"The", "DT", "the"},
		{"sleeping", "VBG", "sleep"},
		{"went", "NN", "go"},       // mistagged: the form's only lemma
		{"running", "NN", "run"},   // likewise
		{"The", "NNP", "The"},      // differs only in case: the tag decides
		{"walked", "VBN", "walk"},  // rules agree
		{"german", "JJ", "German"}, // an unseen lower-case demonym
		{"fine", "JJ", "fine"},     // a seen adjective keeps its own lemma
		{"PARIS", "NNP", "Paris"},  // a known name in capitals
		{"NATO", "NNP", "NATO"},    // an unknown one stays as written
		{"LTD.", "NNP", "LTD."},
		{"paris", "NNP", "Paris"}, // a known name in lower case
		{"ebay", "NNP", "ebay"},   // unless seen in lower case as a name
		{"pa", "NNP", "pa"},       // too short to tell
		{"paris", "NN", "paris"},  // a noun is not a name
		{"'", "POS", "'s"},        // punctuation with a whole-form rule
		{"...", ":", "..."},       // and without one
		{"fines", "NNS", "fine"},  // the longest suffix's lemma (fin) is unknown, a shorter one's is known
		{"hoxes", "NNS", "hox"},   // neither known: the longest suffix decides
	}
	var b bytes.Buffer
	if err := l.Save(&b); err != nil {
		t.Fatal(err)
	}
	l2, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.form+"/"+tt.xpos, func(t *testing.T) {
			if got := l2.Lemma(tt.form, tt.xpos); got != tt.want {
				t.Errorf("Lemma(%q, %q) = %q, want %q", tt.form, tt.xpos, got, tt.want)
			}
		})
	}
	if _, err := Load(bytes.NewReader([]byte("x"))); err == nil {
		t.Error("Load(garbage) succeeded")
	}
}

func TestRulesAddNoCapitals(t *testing.T) {
	l := &Lemmatizer{Exceptions: map[string]string{}, Rules: map[string]string{
		"JJ\tinian": "11\tPalestinian", "JJ\t": "0\t", "NN\ts": "1\t"}}
	tests := []struct{ form, xpos, want string }{
		{"argentinian", "JJ", "argentinian"},
		{"cats", "NN", "cat"},
		{"Kevin.A.Boone@example.com", "ADD", "Kevin.A.Boone@example.com"},
		{"“", "``", `"`},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			if got := l.Lemma(tt.form, tt.xpos); got != tt.want {
				t.Errorf("Lemma(%q, %q) = %q, want %q", tt.form, tt.xpos, got, tt.want)
			}
		})
	}
}

func TestSentenceClitic(t *testing.T) {
	l := Train([]Example{{"'s", "VBZ", "be", 0}, {"been", "VBN", "be", 0}})
	tests := []struct {
		forms, xpos []string
		want        string // lemma of the first word
	}{
		{[]string{"'s", "been"}, []string{"VBZ", "VBN"}, "have"},
		{[]string{"’s", "really", "got"}, []string{"VBZ", "RB", "VBN"}, "have"},
		{[]string{"'s", "done"}, []string{"VBZ", "VBN"}, "be"},
		{[]string{"'s", "fine"}, []string{"VBZ", "JJ"}, "be"},
		{[]string{"'s"}, []string{"VBZ"}, "be"},
	}
	for _, tt := range tests {
		if got := l.Sentence(tt.forms, tt.xpos)[0]; got != tt.want {
			t.Errorf("Sentence(%q)[0] = %q, want %q", tt.forms, got, tt.want)
		}
	}
}
