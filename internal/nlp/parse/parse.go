// Package parse implements newsgraph's dependency parser: an arc-hybrid
// transition system scored by an averaged perceptron over Zhang & Nivre
// style features, decoded greedily or with a small beam, trained with a
// dynamic oracle and error exploration (greedy) and optionally fine-tuned
// with global beam updates, followed by a tree labeller that assigns UD
// relations top down with features of the whole unlabelled tree.
package parse

import (
	"strings"
	"unicode"

	pc "github.com/newsgraph/newsgraph/internal/nlp/perceptron"
)

// Input is a tagged sentence to parse (index 0 is the first word).
type Input struct {
	Words []string
	UPOS  []string
	XPOS  []string
}

// Transition actions of the arc-hybrid system.
const (
	shift = iota
	left  // s0 <- b0, pop s0
	right // s1 -> s0, pop s0
	nActions
)

type tokAttrs struct{ w, p, u, wp uint64 }

var nullAttrs = tokAttrs{w: pc.Str("<NULL>"), p: pc.Str("<NULLP>"), u: pc.Str("<NULLU>"), wp: pc.Str("<NULLWP>")}
var rootAttrs = tokAttrs{w: pc.Str("<ROOT>"), p: pc.Str("<ROOTP>"), u: pc.Str("<ROOTU>"), wp: pc.Str("<ROOTWP>")}

func normWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if r >= '0' && r <= '9' {
			b.WriteByte('0')
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// attrs returns attributes for positions 0 (root) .. n.
func attrs(in Input) []tokAttrs {
	a := make([]tokAttrs, len(in.Words)+1)
	a[0] = rootAttrs
	for i, w := range in.Words {
		t := tokAttrs{w: pc.Str(normWord(w)), p: pc.Str(in.XPOS[i]), u: pc.Str(in.UPOS[i])}
		t.wp = pc.Combine(t.w, t.p)
		a[i+1] = t
	}
	return a
}

// state is an arc-hybrid configuration over tokens 1..n with root 0.
type state struct {
	n        int
	stack    []int
	b        int // next buffer token; n+1 when empty
	heads    []int
	lc1, lc2 []int // two leftmost children (0 = none)
	rc1, rc2 []int
	nl, nr   []int
}

func newState(n int) *state {
	s := &state{n: n, stack: make([]int, 1, n+1), b: 1, heads: make([]int, n+1),
		lc1: make([]int, n+1), lc2: make([]int, n+1), rc1: make([]int, n+1), rc2: make([]int, n+1),
		nl: make([]int, n+1), nr: make([]int, n+1)}
	for i := range s.heads {
		s.heads[i] = -1
	}
	return s
}

func (s *state) done() bool { return s.b > s.n && len(s.stack) == 1 }

func (s *state) valid(a int) bool {
	switch a {
	case shift:
		return s.b <= s.n
	case left:
		return len(s.stack) > 1 && s.b <= s.n
	case right:
		if len(s.stack) < 2 {
			return false
		}
		return s.stack[len(s.stack)-2] != 0 || s.b > s.n
	}
	return false
}

func (s *state) addArc(h, d int) {
	s.heads[d] = h
	if d < h {
		s.nl[h]++
		if s.lc1[h] == 0 || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] == 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.nr[h]++
		if s.rc1[h] == 0 || d > s.rc1[h] {
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		} else if s.rc2[h] == 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

func (s *state) apply(a int) {
	switch a {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case left:
		s0 := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.addArc(s.b, s0)
	case right:
		s0 := s.stack[len(s.stack)-1]
		s1 := s.stack[len(s.stack)-2]
		s.stack = s.stack[:len(s.stack)-1]
		s.addArc(s1, s0)
	}
}

// costs fills c with the number of gold arcs each action makes unreachable
// (Goldberg & Nivre 2013); gold holds gold heads for 1..n.
func (s *state) costs(gold []int, c *[nActions]int) {
	top := len(s.stack) - 1
	s0 := s.stack[top]
	for a := range c {
		c[a] = -1
	}
	if s.valid(shift) {
		k := 0
		b := s.b
		for i, x := range s.stack {
			if gold[b] == x && i != top {
				k++
			}
			if x != 0 && gold[x] == b {
				k++
			}
		}
		c[shift] = k
	}
	depsInBuffer := func(x int) int {
		k := 0
		for d := s.b; d <= s.n; d++ {
			if gold[d] == x {
				k++
			}
		}
		return k
	}
	if s.valid(left) {
		k := depsInBuffer(s0)
		if top > 0 && gold[s0] == s.stack[top-1] {
			k++
		}
		if gold[s0] > s.b {
			k++
		}
		c[left] = k
	}
	if s.valid(right) {
		k := depsInBuffer(s0)
		if gold[s0] >= s.b {
			k++
		}
		c[right] = k
	}
}

func dist(a, b int) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	default:
		return 7
	}
}

func capv(v int) uint64 {
	if v > 5 {
		return 5
	}
	return uint64(v)
}

// features appends the feature hashes of configuration s.
func (s *state) features(fs []uint64, a []tokAttrs) []uint64 {
	at := func(i int) *tokAttrs {
		if i < 0 {
			return &nullAttrs
		}
		return &a[i]
	}
	ch := func(i int, c []int) int {
		if i < 0 || c[i] == 0 {
			return -1
		}
		return c[i]
	}
	sk := func(k int) int {
		if k < len(s.stack) {
			return s.stack[len(s.stack)-1-k]
		}
		return -1
	}
	buf := func(k int) int {
		if s.b+k <= s.n {
			return s.b + k
		}
		return -1
	}
	i0, i1, i2 := sk(0), sk(1), sk(2)
	j0, j1, j2 := buf(0), buf(1), buf(2)
	S0, S1, S2 := at(i0), at(i1), at(i2)
	B0, B1, B2 := at(j0), at(j1), at(j2)
	S0l, S0l2, S0r, S0r2 := at(ch(i0, s.lc1)), at(ch(i0, s.lc2)), at(ch(i0, s.rc1)), at(ch(i0, s.rc2))
	B0l, B0l2 := at(ch(j0, s.lc1)), at(ch(j0, s.lc2))
	S1l, S1r, S1r2 := at(ch(i1, s.lc1)), at(ch(i1, s.rc1)), at(ch(i1, s.rc2))
	f := func(t uint64, vs ...uint64) {
		h := t * 0x9e3779b97f4a7c15
		for _, v := range vs {
			h = pc.Combine(h, v)
		}
		fs = append(fs, h)
	}
	f(1)
	// unigrams
	f(2, S0.w)
	f(3, S0.p)
	f(4, S0.wp)
	f(5, S1.w)
	f(6, S1.p)
	f(7, S1.wp)
	f(8, B0.w)
	f(9, B0.p)
	f(10, B0.wp)
	f(11, B1.w)
	f(12, B1.p)
	f(13, B1.wp)
	f(14, B2.w)
	f(15, B2.p)
	f(16, S2.p)
	f(17, S2.w)
	f(18, S0.u)
	f(19, B0.u)
	// pairs
	f(20, S0.wp, B0.wp)
	f(21, S0.wp, B0.w)
	f(22, S0.w, B0.wp)
	f(23, S0.wp, B0.p)
	f(24, S0.p, B0.wp)
	f(25, S0.w, B0.w)
	f(26, S0.p, B0.p)
	f(27, B0.p, B1.p)
	f(28, S1.p, S0.p)
	f(29, S1.w, S0.w)
	f(30, S1.wp, S0.p)
	f(31, S1.p, S0.wp)
	f(32, S1.p, B0.p)
	f(33, S1.w, B0.w)
	f(34, B0.w, B1.w)
	f(35, B0.wp, B1.p)
	// triples
	f(36, B0.p, B1.p, B2.p)
	f(37, S0.p, B0.p, B1.p)
	f(38, S1.p, S0.p, B0.p)
	f(39, S2.p, S1.p, S0.p)
	f(40, S0.p, S0l.p, B0.p)
	f(41, S0.p, S0r.p, B0.p)
	f(42, S0.p, B0.p, B0l.p)
	f(43, S1.p, S0.p, S0l.p)
	f(44, S1.p, S1r.p, S0.p)
	f(45, S1.p, S0.p, B1.p)
	f(46, S0.w, B0.p, B1.p)
	f(47, S1.p, S0.w, B0.p)
	// distance
	d01 := uint64(8)
	if i0 > 0 && j0 > 0 {
		d01 = dist(i0, j0)
	}
	d10 := uint64(8)
	if i0 >= 0 && i1 >= 0 {
		d10 = dist(i1, i0)
	}
	f(48, S0.w, d01)
	f(49, S0.p, d01)
	f(50, B0.w, d01)
	f(51, B0.p, d01)
	f(52, S0.p, B0.p, d01)
	f(53, S1.p, S0.p, d10)
	f(54, S1.w, S0.w, d10)
	// valency
	if i0 >= 0 {
		f(55, S0.w, capv(s.nl[i0]))
		f(56, S0.p, capv(s.nl[i0]))
		f(57, S0.w, capv(s.nr[i0]))
		f(58, S0.p, capv(s.nr[i0]))
	}
	if j0 >= 0 {
		f(59, B0.w, capv(s.nl[j0]))
		f(60, B0.p, capv(s.nl[j0]))
	}
	if i1 >= 0 {
		f(61, S1.p, capv(s.nr[i1]))
		f(62, S1.p, capv(s.nl[i1]))
	}
	// children
	f(63, S0l.w)
	f(64, S0l.p)
	f(65, S0r.w)
	f(66, S0r.p)
	f(67, S0l2.p)
	f(68, S0r2.p)
	f(69, B0l.w)
	f(70, B0l.p)
	f(71, B0l2.p)
	f(72, S1l.p)
	f(73, S1r.p)
	f(74, S1r.w)
	f(75, S0.p, S0l.p, S0l2.p)
	f(76, S0.p, S0r.p, S0r2.p)
	f(77, B0.p, B0l.p, B0l2.p)
	f(78, S1.p, S1r.p, S1r2.p)
	f(79, S0.w, S0r.p)
	f(80, B0.w, B0l.p)
	f(81, S0.p, S0l.w)
	f(82, S0.u, B0.u, B1.u)
	f(83, S1.u, S0.u, B0.u)
	return fs
}

// Parser predicts unlabelled heads and labels. It is safe for concurrent
// use.
type Parser struct {
	arcs   pc.Scorer
	labels *labeler
	beam   int // beam width; 1 (or 0) decodes greedily
}

// Parse returns 1-based heads (0 = root) and relations for in.
func (p *Parser) Parse(in Input) (heads []int, deprels []string) {
	if p.beam > 1 {
		heads = p.beamHeads(in, p.beam, nil, nil)
	} else {
		heads = p.parseHeads(in, nil, nil, 0)
	}
	return heads, p.labels.label(in, heads)
}

// Beam returns the beam width the parser decodes with (1: greedy).
func (p *Parser) Beam() int { return max(p.beam, 1) }

// WithBeam returns a copy of p sharing its models that decodes with a beam
// of width k (1 or less: greedy).
func (p *Parser) WithBeam(k int) *Parser {
	q := *p
	q.beam = max(k, 1)
	return &q
}

// prepare returns the token attributes of in, the model to score with
// (the trainer's while training) and the gold heads indexed from 1 (nil
// without gold).
func (p *Parser) prepare(in Input, tr *pc.Trainer, gold []int) (a []tokAttrs, m pc.Scorer, g []int) {
	m = p.arcs
	if tr != nil {
		m = tr.M
	}
	if gold != nil {
		g = make([]int, len(in.Words)+1)
		copy(g[1:], gold)
	}
	return attrs(in), m, g
}

// parseHeads runs the transition system; with tr set it trains towards gold
// heads, following wrong predictions with probability explore.
func (p *Parser) parseHeads(in Input, tr *pc.Trainer, gold []int, explore float64) []int {
	n := len(in.Words)
	a, m, g := p.prepare(in, tr, gold)
	s := newState(n)
	fs := make([]uint64, 0, 96)
	var scores [nActions]float32
	var cost [nActions]int
	for !s.done() {
		fs = s.features(fs[:0], a)
		m.Score(fs, scores[:])
		best := -1
		for act := 0; act < nActions; act++ {
			if s.valid(act) && (best < 0 || scores[act] > scores[best]) {
				best = act
			}
		}
		if best < 0 {
			break
		}
		if tr != nil {
			s.costs(g, &cost)
			minc := -1
			for _, c := range cost {
				if c >= 0 && (minc < 0 || c < minc) {
					minc = c
				}
			}
			bestGold := -1
			for act := 0; act < nActions; act++ {
				if cost[act] == minc && (bestGold < 0 || scores[act] > scores[bestGold]) {
					bestGold = act
				}
			}
			if cost[best] != minc {
				tr.Update(fs, bestGold, best, 1)
				if explore <= 0 || rngFloat() >= explore {
					best = bestGold
				}
			}
			tr.Tick()
		}
		s.apply(best)
	}
	heads := make([]int, n)
	for i := 1; i <= n; i++ {
		heads[i-1] = s.heads[i]
		if heads[i-1] < 0 {
			heads[i-1] = 0
		}
	}
	return heads
}
