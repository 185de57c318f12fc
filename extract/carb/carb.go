// Package carb scores open information extractions against CaRB gold
// tuples the way the CaRB benchmark does (Bhardwaj et al., 2019): token
// overlap per part with the lenient binary tuple match, recall as each gold
// tuple's best match, precision over a one-to-one greedy matching, and the
// best F1 over confidence thresholds.
package carb

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Extraction is one tuple: a relation and its arguments.
type Extraction struct {
	Confidence float64
	Relation   string
	Args       []string
}

// Set maps a sentence to its extractions.
type Set map[string][]Extraction

// ParseError is a malformed line of a tuple file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ReadGold reads CaRB gold lines: sentence, relation, arg1, arg2, ...
func ReadGold(r io.Reader, name string) (Set, error) { return read(r, name, false) }

// ReadPredicted reads predicted lines: sentence, confidence, relation,
// arg1, arg2, ...
func ReadPredicted(r io.Reader, name string) (Set, error) { return read(r, name, true) }

func read(r io.Reader, name string, conf bool) (Set, error) {
	out := Set{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		min := 3
		if conf {
			min = 4
		}
		if len(f) < min {
			return nil, &ParseError{name, n, fmt.Errorf("want at least %d tab-separated fields, got %d", min, len(f))}
		}
		e := Extraction{Confidence: 1}
		rest := f[1:]
		if conf {
			c, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				return nil, &ParseError{name, n, fmt.Errorf("bad confidence %q", f[1])}
			}
			e.Confidence = c
			rest = f[2:]
		}
		e.Relation = rest[0]
		e.Args = rest[1:]
		out[f[0]] = append(out[f[0]], e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// words splits a part into whitespace-separated words. CaRB compares words
// case-sensitively (its ignoreCase flag is not used by the matcher).
func words(s string) []string { return strings.Fields(s) }

// binarize joins the arguments after the first into one, as CaRB's
// binary_linient_tuple_match does for both gold and predicted tuples.
func binarize(args []string) []string {
	if len(args) < 2 {
		return args
	}
	return []string{args[0], strings.Join(args[1:], " ")}
}

// beForms are the forms of "be" a predicted "be" matches in a gold relation.
var beForms = []string{"be", "is", "am", "are", "was", "were", "been", "being"}

// saidWords mark a gold relation whose arguments may be matched in reverse
// order (CaRB's said_type_reln; a substring test, as in CaRB).
var saidWords = []string{"said", "told", "added", "adds", "says"}

// match is CaRB's binary lenient tuple match (matcher.py,
// binary_linient_tuple_match over linient_tuple_match): arguments after
// the first are joined on both sides; the relation must share a word (a
// predicted "be" matches any form of be); a missing first or second
// argument is no match, but arguments need not overlap; precision counts
// the predicted words of the parts the gold tuple has, recall all gold
// words. For say/tell/add relations the arguments are also tried in
// reverse order and the better score is kept.
func match(gold, pred Extraction) (float64, float64) {
	g := Extraction{Relation: gold.Relation, Args: binarize(gold.Args)}
	p := Extraction{Relation: pred.Relation, Args: binarize(pred.Args)}
	pr, rc := lenient(g, p)
	said := false
	for _, w := range saidWords {
		if strings.Contains(gold.Relation, w) {
			said = true
			break
		}
	}
	if said && len(pred.Args) >= 2 {
		rev := Extraction{Relation: pred.Relation, Args: []string{strings.Join(pred.Args[1:], " "), pred.Args[0]}}
		if pr2, rc2 := lenient(g, rev); pr2 > pr || pr2 == pr && rc2 > rc {
			// Python's max over [prec, rec] lists compares lexicographically.
			pr, rc = pr2, rc2
		}
	}
	return pr, rc
}

// overlap counts the gold words found in pred, each predicted word used
// once; it returns the count and the unused predicted words.
func overlap(g, p []string) (int, []string) {
	left := append([]string(nil), p...)
	m := 0
	for _, w := range g {
		for i, x := range left {
			if x == w {
				m++
				left = append(left[:i], left[i+1:]...)
				break
			}
		}
	}
	return m, left
}

// lenient is CaRB's linient_tuple_match on already binarized tuples.
func lenient(gold, pred Extraction) (float64, float64) {
	gw, pw := words(gold.Relation), words(pred.Relation)
	pd, rd := len(pw), len(gw)
	m, left := overlap(gw, pw)
	for _, w := range left {
		if w != "be" {
			continue
		}
		found := false
		for _, f := range beForms {
			for _, x := range gw {
				if x == f {
					found = true
				}
			}
		}
		if found {
			m++
		}
		break
	}
	if m == 0 {
		return 0, 0
	}
	pn, rn := m, m
	for i, ga := range gold.Args {
		g := words(ga)
		rd += len(g)
		if i >= len(pred.Args) {
			if i < 2 {
				return 0, 0
			}
			continue
		}
		p := words(pred.Args[i])
		pd += len(p)
		m, _ := overlap(g, p)
		pn += m
		rn += m
	}
	var pr, rc float64
	if pd > 0 {
		pr = float64(pn) / float64(pd)
	}
	if rd > 0 {
		rc = float64(rn) / float64(rd)
	}
	return pr, rc
}

// Result is a CaRB score.
type Result struct {
	Precision, Recall, F1 float64
	Threshold             float64 // confidence threshold of the best F1
	AUC                   float64
	Gold, Predicted       int
}

// normalizeKey is CaRB's sentence key: spaces removed, Penn Treebank
// bracket escapes undone, ASCII punctuation removed.
func normalizeKey(k string) string {
	k = strings.ReplaceAll(k, " ", "")
	for _, e := range [][2]string{{"(", "-LRB-"}, {")", "-RRB-"}, {"[", "-LSB-"}, {"]", "-RSB-"}, {"{", "-LCB-"}, {"}", "-RCB-"}} {
		k = strings.ReplaceAll(k, e[1], e[0])
	}
	return strings.Map(func(r rune) rune {
		if r < 128 && strings.ContainsRune("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", r) {
			return -1
		}
		return r
	}, k)
}

func normalize(s Set) Set {
	out := make(Set, len(s))
	for k, v := range s {
		n := normalizeKey(k)
		out[n] = append(out[n], v...)
	}
	return out
}

// Score compares predictions with gold over the gold sentences (matched by
// CaRB's normalised sentence key), as CaRB's Benchmark.compare does.
func Score(gold, pred Set) Result {
	gold, pred = normalize(gold), normalize(pred)
	type sentScores struct {
		scores [][][2]float64
		confs  []float64
	}
	var all []sentScores
	var thresholds []float64
	res := Result{}
	for sent, g := range gold {
		p := pred[sent]
		res.Gold += len(g)
		res.Predicted += len(p)
		ss := sentScores{scores: make([][][2]float64, len(g))}
		for _, e := range p {
			ss.confs = append(ss.confs, e.Confidence)
			thresholds = append(thresholds, e.Confidence)
		}
		for i, ge := range g {
			ss.scores[i] = make([][2]float64, len(p))
			for j, pe := range p {
				pr, rc := match(ge, pe)
				ss.scores[i][j] = [2]float64{pr, rc}
			}
		}
		all = append(all, ss)
	}
	sort.Float64s(thresholds)
	thresholds = append([]float64{-1}, thresholds...)
	var pts [][2]float64
	for ti, c := range thresholds {
		if ti > 0 && c == thresholds[ti-1] {
			continue
		}
		var pNum, pDen, rNum, rDen float64
		for _, ss := range all {
			var idx []int
			for j, cf := range ss.confs {
				if cf >= c {
					idx = append(idx, j)
				}
			}
			for _, row := range ss.scores {
				best := 0.0
				for _, j := range idx {
					if row[j][1] > best {
						best = row[j][1]
					}
				}
				rNum += best
			}
			usedR, usedC := map[int]bool{}, map[int]bool{}
			n := len(ss.scores)
			if len(idx) < n {
				n = len(idx)
			}
			for k := 0; k < n; k++ {
				bi, bj, bp := -1, -1, -1.0
				for i := range ss.scores {
					if usedR[i] {
						continue
					}
					for _, j := range idx {
						if usedC[j] {
							continue
						}
						if ss.scores[i][j][0] > bp {
							bi, bj, bp = i, j, ss.scores[i][j][0]
						}
					}
				}
				if bi < 0 {
					break
				}
				usedR[bi], usedC[bj] = true, true
				pNum += bp
			}
			pDen += float64(len(idx))
			rDen += float64(len(ss.scores))
		}
		p, r := 1.0, 0.0 // CaRB: precision 1 when nothing is predicted
		if pDen > 0 {
			p = pNum / pDen
		}
		if rDen > 0 {
			r = rNum / rDen
		}
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		pts = append(pts, [2]float64{p, r})
		if f > res.F1 {
			res.Precision, res.Recall, res.F1, res.Threshold = p, r, f, c
		}
	}
	// area under the precision-recall curve (trapezoids over recall)
	sort.Slice(pts, func(i, j int) bool { return pts[i][1] < pts[j][1] })
	for i := 1; i < len(pts); i++ {
		res.AUC += (pts[i][1] - pts[i-1][1]) * (pts[i][0] + pts[i-1][0]) / 2
	}
	return res
}
