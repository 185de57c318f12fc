package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/nlp"
)

// fakeAnnotator parses "Alice likes Bob." style lines: subject, verb,
// object, full stop; anything else gets no analysis.
type fakeAnnotator struct{}

func (fakeAnnotator) Annotate(text string) []nlp.Sentence {
	f := strings.Fields(strings.TrimSuffix(text, "."))
	if len(f) != 3 {
		return nil
	}
	var toks []nlp.Token
	off := 0
	rs := []rune(text)
	heads := []int{2, 0, 2}
	rels := []string{"nsubj", "root", "obj"}
	tags := []string{"PROPN", "VERB", "PROPN"}
	for i, w := range f {
		for off < len(rs) && rs[off] == ' ' {
			off++
		}
		n := len([]rune(w))
		toks = append(toks, nlp.Token{Form: w, Lemma: strings.ToLower(w), UPOS: tags[i], Head: heads[i], Deprel: rels[i], Start: off, End: off + n})
		off += n
	}
	return []nlp.Sentence{{Start: 0, End: len(rs), Text: text, Tokens: toks}}
}

type fakeRecognizer struct{}

func (fakeRecognizer) Spans(sents []nlp.Sentence) [][]nlp.Span {
	out := make([][]nlp.Span, len(sents))
	for i, s := range sents {
		for j, t := range s.Tokens {
			if t.UPOS == "PROPN" {
				out[i] = append(out[i], nlp.Span{Start: j, End: j + 1, Type: "PERSON"})
			}
		}
	}
	return out
}

func useFakeExtractor(t *testing.T) {
	t.Helper()
	old := newExtractor
	newExtractor = func() (*extract.Extractor, error) {
		return extract.New(fakeAnnotator{}, fakeRecognizer{}, extract.Options{}), nil
	}
	t.Cleanup(func() { newExtractor = old })
}

func TestEval(t *testing.T) {
	useFakeExtractor(t)
	gold := "../../testdata/gold/somalia.json"
	tests := []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"self", []string{"eval", gold, gold}, 0, []string{"entities          100.0  100.0  100.0", "claims            100.0  100.0  100.0"}},
		{"extracted", []string{"eval", gold}, 0, []string{"claims              0.0    0.0    0.0"}},
		{"directory", []string{"eval", "-v", "../../testdata/gold"}, 0, []string{"documents: 5", "== total"}},
		{"no args", []string{"eval"}, 2, nil},
		{"missing", []string{"eval", "nope.json"}, 1, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(context.Background(), tc.args, strings.NewReader(""), &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}
