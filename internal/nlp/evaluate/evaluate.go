// Package evaluate scores newsgraph's NLP core against CoNLL-U gold data:
// tagging, lemma and attachment accuracy on gold tokens, and token and
// sentence F1 of raw-text processing aligned on character offsets (as in the
// CoNLL 2018 shared task).
package evaluate

import (
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
)

// Span is a code point range.
type Span struct{ Start, End int }

// RawText rebuilds the raw text of a treebank from its "# text" comments:
// sentences of a paragraph are joined by a space, paragraphs and documents
// ("# newpar", "# newdoc") are separated by a blank line. It returns the
// text and the gold sentence and word spans in it.
func RawText(gold []*conllu.Sentence) (text string, sents, words []Span) {
	var b strings.Builder
	pos := 0
	for i, s := range gold {
		if i > 0 {
			sep := " "
			for _, c := range s.Comments {
				c = strings.TrimSpace(c)
				if strings.HasPrefix(c, "newpar") || strings.HasPrefix(c, "newdoc") {
					sep = "\n\n"
				}
			}
			b.WriteString(sep)
			pos += len(sep)
		}
		n := conllu.ToNLP(s)
		b.WriteString(n.Text)
		sents = append(sents, Span{pos, pos + utf8.RuneCountInString(n.Text)})
		for _, t := range n.Tokens {
			words = append(words, Span{pos + t.Start, pos + t.End})
		}
		pos += utf8.RuneCountInString(n.Text)
	}
	return b.String(), sents, words
}

// F1 returns precision, recall and F1 of predicted spans against gold spans
// (exact match of start and end).
func F1(gold, pred []Span) (p, r, f float64) {
	g := make(map[Span]int, len(gold))
	for _, s := range gold {
		g[s]++
	}
	ok := 0
	for _, s := range pred {
		if g[s] > 0 {
			g[s]--
			ok++
		}
	}
	if len(pred) > 0 {
		p = float64(ok) / float64(len(pred))
	}
	if len(gold) > 0 {
		r = float64(ok) / float64(len(gold))
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Spans returns the sentence and token spans of annotated sentences, with
// token offsets taken as absolute.
func Spans(ss []nlp.Sentence) (sents, words []Span) {
	for _, s := range ss {
		sents = append(sents, Span{s.Start, s.End})
		for _, t := range s.Tokens {
			words = append(words, Span{t.Start, t.End})
		}
	}
	return sents, words
}

// Scores are accuracies on gold tokens, in [0, 1].
type Scores struct {
	Words                       int
	UPOS, XPOS, Lemma, UAS, LAS float64
}

// Tagged compares predicted sentences (same words as gold) with gold.
func Tagged(gold []*conllu.Sentence, pred []nlp.Sentence) Scores {
	var sc Scores
	var u, x, l, ua, la int
	for i, g := range gold {
		for j, w := range g.Words {
			if i >= len(pred) || j >= len(pred[i].Tokens) {
				sc.Words++
				continue
			}
			p := pred[i].Tokens[j]
			sc.Words++
			if p.UPOS == w.UPOS {
				u++
			}
			if p.XPOS == w.XPOS {
				x++
			}
			if p.Lemma == w.Lemma {
				l++
			}
			if p.Head == w.Head {
				ua++
				if p.Deprel == w.Deprel {
					la++
				}
			}
		}
	}
	if sc.Words > 0 {
		n := float64(sc.Words)
		sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS = float64(u)/n, float64(x)/n, float64(l)/n, float64(ua)/n, float64(la)/n
	}
	return sc
}
