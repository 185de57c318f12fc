package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// Tuple is an open information extraction: a relation phrase and its
// arguments (Args[0] the subject), all as written in the sentence.
type Tuple struct {
	Confidence float64
	Relation   string
	Args       []string
}

// OpenIE reads tuples off a parsed sentence whose token offsets point into
// text: one per clause predicate (verbs, copular predicates, passive
// participles), with the subject (inherited along conjunctions, the noun a
// relative clause modifies), the object or first prepositional object (its
// preposition joins the relation phrase) and further obliques as extra
// arguments; appositions give "X is Y".
func OpenIE(text string, s nlp.Sentence) (out []Tuple) {
	defer func() {
		if recoverPanics {
			if r := recover(); r != nil {
				out = nil
			}
		}
	}()
	st := &state{runes: []rune(text), coref: map[tokRef]int{}}
	sents := st.sanitize([]nlp.Sentence{s})
	if len(sents) == 0 {
		return nil
	}
	raw := sents[0]
	se := &sent{toks: raw.Tokens, kids: make([][]int, len(raw.Tokens)),
		ment: make([]int, len(raw.Tokens)), timex: make([]int, len(raw.Tokens))}
	for i := range se.ment {
		se.ment[i], se.timex[i] = -1, -1
	}
	for j, t := range raw.Tokens {
		if h := t.Head; h > 0 && h <= len(raw.Tokens) && h-1 != j {
			se.kids[h-1] = append(se.kids[h-1], j)
		}
	}
	be, have := "is", "has"
	for _, t := range se.toks {
		if t.XPOS == "VBD" || strings.Contains(t.Feats, "Tense=Past") && t.UPOS == "AUX" {
			be, have = "was", "had"
			break
		}
	}
	for v := range se.toks {
		out = append(out, st.clauseTuples(se, v)...)
		out = append(out, st.implicitTuples(se, v, be, have)...)
		if se.rel(v) == "appos" {
			h := se.head(v)
			if h >= 0 && (se.toks[h].UPOS == "PROPN" || se.toks[h].UPOS == "NOUN") {
				a1 := st.npText(se, h, func(k int) bool { return k == v || se.rel(k) == "acl:relcl" || se.rel(k) == "case" })
				a2 := st.npText(se, v, nil)
				if a1 != "" && a2 != "" {
					b := be
					plural := strings.Contains(se.toks[h].Feats, "Number=Plur") || se.toks[h].XPOS == "NNS" || se.toks[h].XPOS == "NNPS"
					switch {
					case plural && b == "was":
						b = "were"
					case plural:
						b = "are"
					}
					out = append(out, Tuple{Confidence: 0.6, Relation: b, Args: []string{a1, a2}})
				}
			}
		}
	}
	return out
}

// npText is the trimmed text of k's subtree without skipped children,
// relative clauses, appositions and attached clauses, cut at the commas
// nearest to k.
func (st *state) npText(s *sent, k int, skip func(int) bool) string {
	lo, hi := st.npSpan(s, k, skip)
	if lo > hi {
		return ""
	}
	return st.tokText(s, lo, hi)
}

func (st *state) npSpan(s *sent, k int, skip func(int) bool) (int, int) {
	lo, hi := s.subtree(k, func(c int) bool {
		if skip != nil && skip(c) {
			return true
		}
		switch s.baseRel(c) {
		case "parataxis", "advcl", "dep", "discourse", "vocative":
			return true
		case "acl":
			return s.rel(c) == "acl:relcl"
		case "appos":
			return true
		case "conj":
			return s.toks[c].UPOS == "VERB" || s.toks[c].UPOS == "AUX"
		}
		return false
	})
	for i := k + 1; i <= hi; i++ {
		if f := s.toks[i].Form; f == "," || f == ";" || f == ":" || f == "--" || f == "(" {
			hi = i - 1
			break
		}
	}
	for i := k - 1; i >= lo; i-- {
		if f := s.toks[i].Form; f == "," || f == ";" || f == ":" || f == "--" || f == ")" {
			lo = i + 1
			break
		}
	}
	return s.trim(lo, hi, true)
}

// conjuncts returns the NP heads of k and its conjuncts, and a skip
// function that cuts a conjunct's NP down to itself.
func conjuncts(s *sent, k int) []int {
	out := []int{k}
	for _, c := range s.childrenRel(k, "conj") {
		if u := s.toks[c].UPOS; u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "ADJ" {
			out = append(out, c)
		}
	}
	return out
}

// argVariants returns the texts of an argument NP headed by k: each
// conjunct on its own when it is coordinated.
func (st *state) argVariants(s *sent, k int, skip func(int) bool) []string {
	cs := conjuncts(s, k)
	noConj := func(c int) bool {
		return skip != nil && skip(c) || s.baseRel(c) == "conj" || s.baseRel(c) == "cc"
	}
	if len(cs) == 1 {
		return []string{st.npText(s, k, skip)}
	}
	var out []string
	for _, c := range cs {
		if t := st.npText(s, c, noConj); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (st *state) clauseTuples(s *sent, v int) []Tuple {
	u := s.toks[v].UPOS
	cop := s.child(v, "cop")
	if u != "VERB" && cop < 0 {
		return nil
	}
	switch s.baseRel(v) {
	case "amod", "compound", "case", "mark", "det", "aux", "cop", "fixed", "flat":
		return nil
	}
	// subject(s)
	var arg1s []string
	conf := 0.9
	subj := s.child(v, "nsubj", "csubj")
	if subj >= 0 {
		if w := s.lower(subj); relPronouns[w] && s.rel(v) == "acl:relcl" {
			arg1s = st.argVariants(s, s.head(v), func(k int) bool { return k == v })
			conf = 0.8
		} else {
			arg1s = st.argVariants(s, subj, nil)
		}
	} else {
		h := v
		for steps := 0; steps < 4 && subj < 0; steps++ {
			switch s.baseRel(h) {
			case "conj", "xcomp", "advcl":
				if s.baseRel(h) == "advcl" {
					conf = 0.35
				}
				h = s.head(h)
				if subj = s.child(h, "nsubj"); subj >= 0 {
					arg1s = st.argVariants(s, subj, nil)
				}
			case "acl":
				if hh := s.head(h); hh >= 0 {
					arg1s = st.argVariants(s, hh, func(k int) bool { return k == h })
				}
				conf = 0.7
				steps = 4
			default:
				steps = 4
			}
		}
	}
	if len(arg1s) == 0 || arg1s[0] == "" {
		return nil
	}
	// relation phrase: aux, negation, copula, verb, particle
	var rel []int
	for _, k := range s.kids[v] {
		switch s.baseRel(k) {
		case "aux", "cop":
			rel = append(rel, k)
		case "advmod":
			if negWords[s.lower(k)] {
				rel = append(rel, k)
			}
		case "compound":
			if s.rel(k) == "compound:prt" {
				rel = append(rel, k)
			}
		}
	}
	var arg2s []string
	var extra []string
	obls := func(except int) {
		for _, k := range s.kids[v] {
			if k == except {
				continue
			}
			switch s.rel(k) {
			case "obl", "obl:tmod", "obl:npmod", "iobj", "obl:agent":
				if t := st.npText(s, k, nil); t != "" {
					extra = append(extra, t)
				}
			}
		}
	}
	if cop >= 0 {
		pred := st.npText(s, v, func(k int) bool {
			switch s.baseRel(k) {
			case "nsubj", "cop", "aux", "csubj", "mark", "cc", "conj", "advmod", "obl", "advcl", "ccomp", "parataxis", "punct":
				return true
			}
			return false
		})
		if pred == "" {
			return nil
		}
		arg2s = []string{pred}
		conf = 0.8
		obls(-1)
	} else {
		rel = append(rel, v)
		obj := s.child(v, "obj")
		var firstObl = -1
		for _, k := range s.kids[v] {
			if s.baseRel(k) == "obl" && k > v && s.child(k, "case") >= 0 && s.timex[k] < 0 {
				firstObl = k
				break
			}
		}
		xc := s.child(v, "xcomp")
		// "are estimated to have X": the infinitive joins the relation
		if xc >= 0 && obj < 0 && s.toks[xc].UPOS == "VERB" && s.child(xc, "nsubj") < 0 {
			if m := s.child(xc, "mark"); m >= 0 && s.lower(m) == "to" {
				if xo := s.child(xc, "obj"); xo >= 0 {
					rel = append(rel, m, xc)
					if p := s.child(xc, "compound:prt"); p >= 0 {
						rel = append(rel, p)
					}
					obj = xo
					v0 := v
					_ = v0
				}
			}
		}
		ccomp := s.child(v, "ccomp")
		switch {
		case obj >= 0 && s.head(obj) != v:
			arg2s = st.argVariants(s, obj, nil)
			obls(-1)
		case obj >= 0:
			arg2s = st.argVariants(s, obj, nil)
			obls(-1)
		case ccomp >= 0:
			cc := ccomp
			if m := s.child(cc, "mark"); m >= 0 && m < cc {
				rel = append(rel, m)
			}
			lo, hi := s.subtree(cc, func(k int) bool { return s.rel(k) == "mark" && s.head(k) == cc })
			lo, hi = s.trim(lo, hi, true)
			arg2s = []string{st.tokText(s, lo, hi)}
			conf = 0.7
			obls(-1)
		case firstObl >= 0:
			cs := s.child(firstObl, "case")
			rel = append(rel, cs)
			if fx := s.child(cs, "fixed"); fx >= 0 {
				rel = append(rel, fx)
			}
			arg2s = st.argVariants(s, firstObl, func(k int) bool { return k == cs })
			obls(firstObl)
		case xc >= 0 && s.toks[xc].UPOS != "VERB":
			arg2s = []string{st.npText(s, xc, nil)}
			obls(-1)
		case xc >= 0:
			lo, hi := s.subtree(xc, nil)
			lo, hi = s.trim(lo, hi, false)
			arg2s = []string{st.tokText(s, lo, hi)}
			conf = 0.5
			obls(-1)
		default:
			obls(-1)
			if len(extra) == 0 {
				return nil
			}
			arg2s = extra[:1]
			extra = extra[1:]
			conf = 0.4
		}
	}
	relText := joinToks(st, s, rel)
	var out []Tuple
	for _, a1 := range arg1s {
		for _, a2 := range arg2s {
			if a1 == "" || a2 == "" {
				continue
			}
			args := append([]string{a1, a2}, extra...)
			out = append(out, Tuple{Confidence: conf, Relation: relText, Args: args})
		}
	}
	return out
}

func joinToks(st *state, s *sent, ks []int) string {
	// in sentence order
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	var parts []string
	for _, k := range ks {
		parts = append(parts, st.text(s.toks[k].Start, s.toks[k].End))
	}
	return strings.Join(parts, " ")
}

// OpenIE annotates one sentence of text (or a line that the annotator may
// split further) and returns its tuples.
func (x *Extractor) OpenIE(text string) []Tuple {
	if x == nil || x.ann == nil || strings.TrimSpace(text) == "" {
		return nil
	}
	var out []Tuple
	for _, s := range x.ann.Annotate(text) {
		out = append(out, OpenIE(text, s)...)
	}
	return out
}

// implicitAmod turns adjective-modifier tuples on; off by default, as they
// lower CaRB F1 with the current parser.
var implicitAmod = false

// implicitTuples reads relations implied by noun phrases: an adjective
// modifier ("a circular map" → map is circular) and a possessive ("the
// reaction's selectivity" → reaction has selectivity).
func (st *state) implicitTuples(s *sent, n int, be, have string) []Tuple {
	u := s.toks[n].UPOS
	if u != "NOUN" && u != "PROPN" {
		return nil
	}
	var out []Tuple
	for _, c := range s.kids[n] {
		switch s.rel(c) {
		case "amod":
			if s.toks[c].UPOS != "ADJ" || c > n || !implicitAmod {
				continue
			}
			np := st.npText(s, n, func(k int) bool { return k == c || s.baseRel(k) == "nmod" || s.baseRel(k) == "acl" })
			if np == "" {
				continue
			}
			out = append(out, Tuple{Confidence: 0.3, Relation: be, Args: []string{np, st.tokText(s, c, c)}})
		case "nmod:poss":
			if s.toks[c].UPOS == "PRON" {
				continue
			}
			owner := st.npText(s, c, func(k int) bool { return s.rel(k) == "case" })
			np := st.npText(s, n, func(k int) bool { return k == c || s.baseRel(k) == "det" })
			if owner != "" && np != "" {
				out = append(out, Tuple{Confidence: 0.3, Relation: have, Args: []string{owner, np}})
			}
		}
	}
	return out
}
