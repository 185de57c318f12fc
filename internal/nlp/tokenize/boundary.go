package tokenize

import (
	"math"
	"math/rand"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// Learned sentence boundaries. The rules of Split cut after final
// punctuation and at line breaks; text without them (e-mail signatures,
// "Regards, NAME", time stamps, lists run together) still holds sentence
// boundaries. A binary averaged perceptron over the words and shapes
// around each remaining whitespace gap, trained on the treebank's raw
// text, adds boundaries where its score is positive.

// BoundaryDoc is a raw text with its gold sentence spans (code point
// offsets), for TrainBoundaries.
type BoundaryDoc struct {
	Text  string
	Sents [][2]int
}

// boundaryFeatures returns the features of the gap between toks[i-1] and
// toks[i] in a sentence that began at token begin; nl is the number of
// line breaks in the gap, level how well the text is punctuated
// (punctLevel).
func boundaryFeatures(fs []string, toks []Token, i, begin, nl int, level string) []string {
	// at applies f to token k's text; tokens outside the sentence are padding
	at := func(k int, f func(string) string) string {
		switch {
		case k < begin:
			return "<s>"
		case k >= len(toks):
			return "</s>"
		}
		return f(toks[k].Text)
	}
	word := func(k int) string { return at(k, strings.ToLower) }
	shape := func(k int) string { return at(k, nlp.Shape) }
	a, b := word(i-1), word(i)
	sa, sb := shape(i-1), shape(i)
	n := i - begin
	bucket := "1"
	switch {
	case n > 20:
		bucket = ">20"
	case n > 10:
		bucket = "11-20"
	case n > 5:
		bucket = "6-10"
	case n > 2:
		bucket = "3-5"
	case n == 2:
		bucket = "2"
	}
	return append(fs,
		"bias",
		"a:"+a, "b:"+b, "ab:"+a+" "+b,
		"sa:"+sa, "sb:"+sb, "sab:"+sa+" "+sb,
		"sa2:"+shape(i-2)+" "+sa, "sb2:"+sb+" "+shape(i+1),
		"a2a:"+word(i-2)+" "+a, "bb2:"+b+" "+word(i+1),
		"na:"+bucket+" "+a, "nsab:"+bucket+" "+sa+" "+sb,
		"nl:"+string(rune('0'+min(nl, 1)))+" "+sb,
		"doc:"+level, "docn:"+level+" "+bucket, "docsb:"+level+" "+sb,
	)
}

// wellPunctuated is the punctLevel of text whose sentences the rules
// split alone.
const wellPunctuated = "95"

// punctLevel says how well text is punctuated: the share of its
// non-empty lines whose last word is sentence-final punctuation, perhaps
// followed by closing quotes or brackets, in four bands. Edited text such
// as news ends its paragraphs with punctuation (headlines and bylines
// aside); e-mail and web text often do not.
func punctLevel(text string) string {
	n, ok := 0, 0
	for _, p := range strings.Split(text, "\n") {
		p = strings.TrimRightFunc(p, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("\"”’')]}»", r) })
		if p == "" {
			continue
		}
		n++
		if r, _ := utf8.DecodeLastRuneInString(p); strings.ContainsRune(".!?…", r) {
			ok++
		}
	}
	switch f := float64(ok) / float64(max(n, 1)); {
	case f >= 0.95:
		return wellPunctuated
	case f >= 0.8:
		return "80"
	case f >= 0.5:
		return "50"
	}
	return "0"
}

// boundaryScore is the learned score of a sentence boundary before
// toks[i]; positive means a boundary.
func (t *Tokenizer) boundaryScore(fs []string, toks []Token, i, begin, nl int, level string) (float64, []string) {
	fs = boundaryFeatures(fs[:0], toks, i, begin, nl, level)
	s := 0.0
	for _, f := range fs {
		s += t.boundary[f]
	}
	return s, fs
}

// gap is a whitespace gap inside a rule-made sentence: a candidate
// boundary before toks[i].
type gap struct {
	toks     []Token
	i, begin int
	nl       int
	level    string
	boundary bool // gold
}

// ruleGaps runs the rules of Split on doc and returns the gaps they left
// inside their sentences, labelled with doc's gold sentence ends.
func (t *Tokenizer) ruleGaps(doc BoundaryDoc) []gap {
	saved := t.boundary
	t.boundary = nil
	sents := t.Split(doc.Text)
	t.boundary = saved
	ends := map[int]bool{}
	for _, s := range doc.Sents {
		ends[s[1]] = true
	}
	rs := []rune(doc.Text)
	level := punctLevel(doc.Text)
	if level == wellPunctuated {
		return nil // Split uses the rules alone there
	}
	var out []gap
	for _, s := range sents {
		begin := 0 // after the last gold boundary, as Split begins after its last cut
		for i := 1; i < len(s.Tokens); i++ {
			a, b := s.Tokens[i-1], s.Tokens[i]
			if b.Start <= a.End {
				continue
			}
			nl := 0
			for k := a.End; k < b.Start && k < len(rs); k++ {
				if rs[k] == '\n' {
					nl++
				}
			}
			out = append(out, gap{toks: s.Tokens, i: i, begin: begin, nl: nl, level: level, boundary: ends[a.End]})
			if ends[a.End] {
				begin = i
			}
		}
	}
	return out
}

// TrainBoundaries learns sentence boundaries from train (epochs of an
// averaged perceptron over the gaps the rules leave), picks the bias that
// gives the best sentence F1 on dev and returns that F1 and the rules'
// own. The gaps are scored as if each rule-made sentence began at its
// first token or after the last gold boundary in it.
func (t *Tokenizer) TrainBoundaries(train, dev []BoundaryDoc, epochs int) (f1, rulesF1 float64) {
	var gaps []gap
	for _, d := range train {
		gaps = append(gaps, t.ruleGaps(d)...)
	}
	w := map[string]float64{}
	u := map[string]float64{} // sums of c*update for averaging
	c := 1.0
	rng := rand.New(rand.NewSource(1))
	order := rng.Perm(len(gaps))
	var fs []string
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			g := gaps[k]
			fs = boundaryFeatures(fs[:0], g.toks, g.i, g.begin, g.nl, g.level)
			s := 0.0
			for _, f := range fs {
				s += w[f]
			}
			if (s > 0) != g.boundary {
				y := -1.0
				if g.boundary {
					y = 1
				}
				for _, f := range fs {
					w[f] += y
					u[f] += c * y
				}
			}
			c++
		}
	}
	avg := make(map[string]float64, len(w))
	for f, v := range w {
		if a := v - u[f]/c; math.Abs(a) >= 0.005 {
			avg[f] = math.Round(a*1000) / 1000
		}
	}
	t.boundary = nil
	rulesF1 = t.sentenceF1(dev)
	t.boundary = avg
	base := avg["bias"]
	bestF1, bestBias := -1.0, base
	for _, d := range []float64{-1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2, 3} {
		avg["bias"] = base - d
		if f := t.sentenceF1(dev); f > bestF1 {
			bestF1, bestBias = f, avg["bias"]
		}
	}
	avg["bias"] = bestBias
	if bestF1 <= rulesF1 {
		t.boundary = nil // the learned boundaries do not help
		return rulesF1, rulesF1
	}
	return bestF1, rulesF1
}

// sentenceF1 is the F1 of Split's sentence spans against docs' gold spans
// (exact start and end).
func (t *Tokenizer) sentenceF1(docs []BoundaryDoc) float64 {
	tp, np, ng := 0, 0, 0
	for _, d := range docs {
		gold := map[[2]int]bool{}
		for _, s := range d.Sents {
			gold[s] = true
		}
		ng += len(d.Sents)
		for _, s := range t.Split(d.Text) {
			np++
			if gold[[2]int{s.Start, s.End}] {
				tp++
			}
		}
	}
	if tp == 0 {
		return 0
	}
	p, r := float64(tp)/float64(np), float64(tp)/float64(ng)
	return 2 * p * r / (p + r)
}

// boundaryList returns the learned weights as sorted "feature weight"
// pairs for saving.
func (t *Tokenizer) boundaryList() []string {
	out := make([]string, 0, len(t.boundary))
	for f, v := range t.boundary {
		out = append(out, f+"\t"+strconv.FormatFloat(v, 'g', -1, 64))
	}
	sort.Strings(out)
	return out
}
