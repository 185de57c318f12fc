package extract

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// goldDoc is a document with gold parses and entity spans read from a
// CoNLL-U fixture (entity spans in MISC as NE=B-TYPE / NE=I-TYPE).
type goldDoc struct {
	text  string
	sents []nlp.Sentence
	spans [][]nlp.Span
}

// Annotate returns the gold sentences (the text must be the fixture's).
func (g *goldDoc) Annotate(text string) []nlp.Sentence {
	if text != g.text {
		return nil
	}
	return g.sents
}

// Spans returns the gold entity spans.
func (g *goldDoc) Spans(sents []nlp.Sentence) [][]nlp.Span { return g.spans }

// readFixture reads a CoNLL-U fixture; sentence texts are joined by spaces.
func readFixture(path string) (*goldDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g := &goldDoc{}
	var cur *nlp.Sentence
	var curSpans []nlp.Span
	var text []rune
	pos := 0 // code point offset of the current sentence text
	search := 0
	sc := bufio.NewScanner(f)
	line := 0
	flush := func() {
		if cur != nil && len(cur.Tokens) > 0 {
			g.sents = append(g.sents, *cur)
			g.spans = append(g.spans, curSpans)
		}
		cur, curSpans = nil, nil
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# text = "):
			flush()
			t := []rune(strings.TrimPrefix(l, "# text = "))
			if len(text) > 0 {
				text = append(text, ' ')
			}
			pos = len(text)
			text = append(text, t...)
			cur = &nlp.Sentence{Start: pos, End: len(text), Text: string(t)}
			search = pos
		case strings.TrimSpace(l) == "":
			flush()
		case strings.HasPrefix(l, "#"):
		default:
			c := strings.Split(l, "\t")
			if len(c) != 10 || cur == nil {
				return nil, fmt.Errorf("%s:%d: bad line", path, line)
			}
			form := []rune(c[1])
			start := -1
			for i := search; i+len(form) <= len(text); i++ {
				if string(text[i:i+len(form)]) == c[1] {
					start = i
					break
				}
			}
			if start < 0 {
				return nil, fmt.Errorf("%s:%d: token %q not in text", path, line, c[1])
			}
			search = start + len(form)
			head, _ := strconv.Atoi(c[6])
			idx := len(cur.Tokens)
			cur.Tokens = append(cur.Tokens, nlp.Token{Form: c[1], Lemma: c[2], UPOS: c[3], XPOS: c[4], Feats: c[5],
				Head: head, Deprel: c[7], Start: start, End: start + len(form)})
			if strings.HasPrefix(c[9], "NE=B-") {
				curSpans = append(curSpans, nlp.Span{Start: idx, End: idx + 1, Type: strings.TrimPrefix(c[9], "NE=B-")})
			} else if strings.HasPrefix(c[9], "NE=I-") && len(curSpans) > 0 {
				curSpans[len(curSpans)-1].End = idx + 1
			}
		}
	}
	flush()
	g.text = string(text)
	return g, sc.Err()
}

// fakeGaz is a tiny gazetteer for fixtures.
type fakeGaz struct{}

var fakeCountries = map[string]string{
	"Freedonia": "Freedonia", "Freedonian": "Freedonia", "Elbonia": "Elbonia", "Elbonian": "Elbonia",
	"Sylvania": "Sylvania", "Sylvanian": "Sylvania",
	// seed-article countries for the model test
	"Russia": "Russia", "Russian": "Russia", "Ukraine": "Ukraine", "Ukrainian": "Ukraine",
	"North Korea": "North Korea", "North Korean": "North Korea", "U.S.": "United States",
	"US": "United States", "United States": "United States", "American": "United States",
}

func (fakeGaz) Country(s string) (string, bool) { c, ok := fakeCountries[s]; return c, ok }
func (fakeGaz) CityCountry(s string) (string, bool) {
	c, ok := map[string]string{"Brill": "Sylvania", "Kursk": "Russia"}[s]
	return c, ok
}
func (fakeGaz) FemaleShare(first string) (float64, bool) {
	v, ok := map[string]float64{"Anna": 0.99, "Mark": 0.01, "Matthew": 0.01}[first]
	return v, ok
}
