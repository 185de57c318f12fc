package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/loaders"
)

// cheapAnnotator tokenizes on spaces and punctuation and invents tags and a
// parse from the token text, so that fuzzing reaches every rule.
type cheapAnnotator struct{}

var fuzzTags = []string{"NOUN", "VERB", "PROPN", "NUM", "ADJ", "PRON", "AUX", "ADP", "DET", "PUNCT", "SCONJ", "PART"}
var fuzzRels = []string{"nsubj", "obj", "ccomp", "obl", "nummod", "amod", "compound", "appos", "conj", "advcl", "xcomp", "case", "mark", "det", "aux", "parataxis", "acl", "flat", "nmod", "advmod", "punct", "nsubj:pass", "acl:relcl", "fixed", "compound:prt"}
var fuzzLemmas = []string{"say", "cite", "state", "according", "to", "the", "as", "many", "if", "not", "may", "likely", "confirm", "troops", "Monday", "in", "border", "share", "tell", "he", "they", "it", "we", "August"}

func (cheapAnnotator) Annotate(text string) []nlp.Sentence {
	rs := []rune(text)
	var sents []nlp.Sentence
	var cur []nlp.Token
	flush := func() {
		if len(cur) > 0 {
			sents = append(sents, nlp.Sentence{Start: cur[0].Start, End: cur[len(cur)-1].End, Tokens: cur})
			cur = nil
		}
	}
	i := 0
	for i < len(rs) {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		j := i + 1
		if unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i]) {
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == ',' || rs[j] == '.') && !(rs[j] == '.' && (j+1 >= len(rs) || unicode.IsSpace(rs[j+1]))) {
				j++
			}
		}
		form := string(rs[i:j])
		h := 0
		for _, r := range form {
			h = h*31 + int(r)
		}
		if h < 0 {
			h = -h
		}
		n := len(cur)
		head := 0
		if n > 0 {
			head = h % (n + 2) // may point forward or be invalid
		}
		cur = append(cur, nlp.Token{Form: form, Start: i, End: j, Lemma: fuzzLemmas[h%len(fuzzLemmas)],
			UPOS: fuzzTags[h%len(fuzzTags)], Head: head, Deprel: fuzzRels[(h/7)%len(fuzzRels)]})
		if form == "." || form == "!" {
			flush()
		}
		i = j
	}
	flush()
	return sents
}

type cheapRecognizer struct{}

var fuzzTypes = []string{"PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP", "BOGUS"}

func (cheapRecognizer) Spans(sents []nlp.Sentence) [][]nlp.Span {
	out := make([][]nlp.Span, len(sents))
	for i, s := range sents {
		for j, t := range s.Tokens {
			if r := []rune(t.Form); len(r) > 0 && unicode.IsUpper(r[0]) {
				end := j + 1 + len(r)%3
				out[i] = append(out[i], nlp.Span{Start: j, End: end, Type: fuzzTypes[len(r)%len(fuzzTypes)]})
			}
		}
	}
	return out
}

func FuzzExtract(f *testing.F) {
	f.Add("Reuters cited President Anna Kovac on Monday, stating that 5,000 Freedonian troops were stationed in Brill.")
	f.Add("“We see as many as 10,000,” he said. According to AFP, the 3.5 million figure may be unconfirmed.")
	f.Add("Spokesperson Mark Reed said, \"We assess that a dozen have arrived in August.\"")
	if b, err := os.ReadFile(filepath.Join("..", "seeds", "seed-article.txt")); err == nil {
		f.Add(string(b))
	}
	x := New(cheapAnnotator{}, cheapRecognizer{}, Options{Gazetteer: fakeGaz{}})
	f.Fuzz(func(t *testing.T, text string) {
		rec, err := x.Extract(context.Background(), loaders.Document{Text: text, Published: published})
		if err != nil {
			t.Fatalf("extract: %v", err)
		}
		n := len([]rune(text))
		for _, s := range rec.Sentences {
			if s.Start < 0 || s.End > n || s.Start > s.End {
				t.Fatalf("sentence %s out of text: %d-%d of %d", s.ID, s.Start, s.End, n)
			}
		}
		ids := map[string]bool{}
		for _, e := range rec.Entities {
			ids[e.ID] = true
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Fatalf("mention out of text: %+v", m)
				}
			}
		}
		for _, r := range rec.Relations {
			if !ids[r.Subject] || r.Object.Entity != "" && !ids[r.Object.Entity] {
				t.Fatalf("dangling relation %+v", r)
			}
		}
		for _, c := range rec.Claims {
			if c.Speaker != nil && !ids[*c.Speaker] {
				t.Fatalf("dangling speaker %v", *c.Speaker)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	g, err := readFixture(filepath.Join("testdata", "quote.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	x := New(g, g, Options{Gazetteer: fakeGaz{}})
	doc := loaders.Document{Text: g.text, Published: published}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}

func TestMain(m *testing.M) {
	if os.Getenv("EXTRACT_PANIC") != "" {
		recoverPanics = false
	}
	os.Exit(m.Run())
}

// FuzzOpenIE runs OpenIE over the fake annotator's random parses (run
// with EXTRACT_PANIC=1 to see panics instead of empty results).
func FuzzOpenIE(f *testing.F) {
	f.Add("The mayor , who was elected in 2020 , opened a new library .")
	f.Add("Anna Berg , a chemist from Oslo , won the prize .")
	f.Add("The committee attempted to block the merger .")
	x := New(cheapAnnotator{}, cheapRecognizer{}, Options{Gazetteer: fakeGaz{}})
	f.Fuzz(func(t *testing.T, text string) {
		for _, tu := range x.OpenIE(text) {
			if tu.Confidence <= 0 || tu.Confidence > 1 || len(tu.Args) < 2 || tu.Args[0] == "" {
				t.Fatalf("bad tuple %+v", tu)
			}
		}
	})
}
