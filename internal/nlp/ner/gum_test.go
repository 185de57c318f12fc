package ner

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

// gumSample is a made-up document in the GUM CoNLL-U format.
const gumSample = `# newdoc id = GUM_news_sample
# sent_id = 1
1	President	president	PROPN	NNP	_	2	compound	_	Entity=(1-person-new-nnnnn-cf1-2-coref
2	Smith	Smith	PROPN	NNP	_	3	nsubj	_	Entity=1)
3	visited	visit	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	Entity=(2-organization-new-nnnnn-cf2-5-sgl-Bank_of_England
5	Bank	Bank	PROPN	NNP	_	3	obj	_	_
6	of	of	ADP	IN	_	7	case	_	_
7	England	England	PROPN	NNP	_	5	nmod	_	Entity=(3-place-new-nnnnn-cf3-1-sgl-England)2)
8	with	with	ADP	IN	_	10	case	_	_
9	Spanish	Spanish	ADJ	JJ	_	10	amod	_	Entity=(4-person-new-nnnnn-cf4-2-sgl
10	bankers	banker	NOUN	NNS	_	3	obl	_	Entity=4)
11	on	on	ADP	IN	_	12	case	_	_
12	Monday	Monday	PROPN	NNP	_	3	obl	_	Entity=(5-time-new-nnnnn-cf5-1-sgl)
13	.	.	PUNCT	.	_	3	punct	_	_

# newdoc id = GUM_fiction_sample
# sent_id = 2
1	Kim	Kim	PROPN	NNP	_	2	nsubj	_	Entity=(6-person-new-nnnnn-cf1-1-coref)
2	left	leave	VERB	VBD	_	0	root	_	_

`

func TestGUMDocuments(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader(gumSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		genres []string
		want   [][]string
	}{
		{"all genres", nil, [][]string{
			{"O", "B-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-MISC", "O", "O", "O", "O"},
			{"B-PER", "O"},
		}},
		{"news only", []string{"news"}, [][]string{
			{"O", "B-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-MISC", "O", "O", "O", "O"},
		}},
		{"no such genre", []string{"vlog"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]string
			for _, d := range GUMDocuments(sents, lex, GUMOptions{Genres: tt.genres}) {
				for _, s := range d.Sentences {
					got = append(got, s.Column(-1))
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("labels = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseGUMEntities(t *testing.T) {
	tests := []struct {
		name string
		misc []string
		want []gumMention
	}{
		{"single token", []string{"Entity=(1-place-new-x-cf1-1-sgl-Paris)"}, []gumMention{{0, 1, "place"}}},
		{"nested", []string{"Entity=(1-organization-x(2-place-y)", "Entity=1)"}, []gumMention{{0, 1, "place"}, {0, 2, "organization"}}},
		{"unclosed ignored", []string{"Entity=(1-person-x", "_"}, nil},
		{"stray close", []string{"Entity=7)"}, nil},
		{"garbage", []string{"Entity=((-)"}, []gumMention{{0, 1, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := make([]conllu.Word, len(tt.misc))
			for i, m := range tt.misc {
				words[i] = conllu.Word{ID: i + 1, Form: "X", Misc: m}
			}
			if got := parseGUMEntities(words); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("mentions = %v, want %v", got, tt.want)
			}
		})
	}
}

func FuzzGUMEntities(f *testing.F) {
	f.Add("Entity=(1-place-new-x-cf1-1-sgl-Paris)", "Entity=1)")
	f.Add("Entity=(1-organization-x(2-place-y)", "Entity=2)1)")
	f.Add("Entity=((-)", "_")
	f.Fuzz(func(t *testing.T, a, b string) {
		words := []conllu.Word{{ID: 1, Form: "A", XPOS: "NNP", Head: 2, Misc: a}, {ID: 2, Form: "B", XPOS: "NNP", Misc: b}}
		for _, m := range parseGUMEntities(words) {
			if m.start < 0 || m.end > len(words) || m.start >= m.end {
				t.Fatalf("bad mention %+v", m)
			}
			if st, en, ok := gumName(words, m); ok && (st < m.start || en > m.end || st >= en) {
				t.Fatalf("name %d..%d outside mention %+v", st, en, m)
			}
		}
	})
}
