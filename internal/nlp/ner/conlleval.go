package ner

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Chunk is an entity span of a tag sequence: tokens [Start, End).
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks returns the chunks of an IOB tag sequence following conlleval's
// rules: a chunk starts at a B- tag, or at an I- tag after O or after a
// tag of another type, and ends before O, B- or a change of type. This
// reads IOB1 and IOB2 alike.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	start, typ := -1, ""
	for i, t := range tags {
		prefix, ty := splitTag(t)
		if start >= 0 && (prefix != 'I' || ty != typ) {
			out = append(out, Chunk{start, i, typ})
			start = -1
		}
		if prefix != 'O' && start < 0 {
			start, typ = i, ty
		}
	}
	if start >= 0 {
		out = append(out, Chunk{start, len(tags), typ})
	}
	return out
}

func splitTag(t string) (byte, string) {
	if t == "" || t == "O" {
		return 'O', ""
	}
	if len(t) > 2 && t[1] == '-' && (t[0] == 'B' || t[0] == 'I') {
		return t[0], t[2:]
	}
	if len(t) > 2 && t[1] == '-' && (t[0] == 'E' || t[0] == 'S') {
		// IOBES: treat E as I and S as B.
		if t[0] == 'E' {
			return 'I', t[2:]
		}
		return 'B', t[2:]
	}
	return 'B', t // a bare type
}

// Counts are chunk counts for one type or overall.
type Counts struct {
	Gold, Pred, Correct int
}

// Precision returns Correct/Pred in percent.
func (c Counts) Precision() float64 { return pct(c.Correct, c.Pred) }

// Recall returns Correct/Gold in percent.
func (c Counts) Recall() float64 { return pct(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall in percent.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Score holds conlleval chunk counts overall and per type, and token
// accuracy.
type Score struct {
	Overall       Counts
	ByType        map[string]Counts
	Tokens, TokOK int
}

// Add scores one sentence: gold and predicted tags of the same length.
func (s *Score) Add(gold, pred []string) error {
	if len(gold) != len(pred) {
		return fmt.Errorf("score: %d gold tags, %d predicted", len(gold), len(pred))
	}
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	for i := range gold {
		s.Tokens++
		if gold[i] == pred[i] {
			s.TokOK++
		}
	}
	g, p := Chunks(gold), Chunks(pred)
	gs := map[Chunk]bool{}
	for _, c := range g {
		gs[c] = true
		ct := s.ByType[c.Type]
		ct.Gold++
		s.ByType[c.Type] = ct
		s.Overall.Gold++
	}
	for _, c := range p {
		ct := s.ByType[c.Type]
		ct.Pred++
		s.Overall.Pred++
		if gs[c] {
			ct.Correct++
			s.Overall.Correct++
		}
		s.ByType[c.Type] = ct
	}
	return nil
}

// Write prints a conlleval-style report.
func (s *Score) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		s.Tokens, s.Overall.Gold, s.Overall.Pred, s.Overall.Correct)
	fmt.Fprintf(&b, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		pct(s.TokOK, s.Tokens), s.Overall.Precision(), s.Overall.Recall(), s.Overall.F1())
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := s.ByType[t]
		fmt.Fprintf(&b, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			t, c.Precision(), c.Recall(), c.F1(), c.Pred)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
