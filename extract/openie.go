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
func OpenIE(text string, s nlp.Sentence) []Tuple {
	st := &state{runes: []rune(text), coref: map[tokRef]int{}}
	sents := st.sanitize([]nlp.Sentence{s})
	if len(sents) == 0 {
		return nil
	}
	raw := sents[0]
	se := &sent{toks: raw.Tokens, kids: make([][]int, len(raw.Tokens))}
	for j, t := range raw.Tokens {
		if h := t.Head; h > 0 && h <= len(raw.Tokens) && h-1 != j {
			se.kids[h-1] = append(se.kids[h-1], j)
		}
	}
	var out []Tuple
	for v := range se.toks {
		if tp, ok := st.clauseTuple(se, v); ok {
			out = append(out, tp)
		}
		if se.rel(v) == "appos" {
			h := se.head(v)
			if h >= 0 && (se.toks[h].UPOS == "PROPN" || se.toks[h].UPOS == "NOUN") {
				a1 := st.npText(se, h, func(k int) bool { return k == v || se.rel(k) == "acl:relcl" || se.rel(k) == "case" })
				a2 := st.npText(se, v, nil)
				if a1 != "" && a2 != "" {
					out = append(out, Tuple{Confidence: 0.6, Relation: "is", Args: []string{a1, a2}})
				}
			}
		}
	}
	return out
}

// npText is the trimmed text of k's subtree without skipped children.
func (st *state) npText(s *sent, k int, skip func(int) bool) string {
	lo, hi := s.subtree(k, func(c int) bool {
		if skip != nil && skip(c) {
			return true
		}
		switch s.baseRel(c) {
		case "punct":
			return c < k && c != k-1 || c > k // keep nothing after a comma
		case "parataxis", "advcl":
			return true
		}
		return false
	})
	lo, hi = s.trim(lo, hi, true)
	// cut at a comma that starts an apposition or clause inside the span
	return st.tokText(s, lo, hi)
}

func (st *state) clauseTuple(s *sent, v int) (Tuple, bool) {
	u := s.toks[v].UPOS
	cop := s.child(v, "cop")
	if u != "VERB" && cop < 0 {
		return Tuple{}, false
	}
	if s.rel(v) == "amod" || s.rel(v) == "compound" || s.rel(v) == "case" || s.rel(v) == "mark" {
		return Tuple{}, false
	}
	// subject
	subj := s.child(v, "nsubj", "csubj")
	var arg1 string
	if subj >= 0 {
		if w := s.lower(subj); (w == "who" || w == "which" || w == "that") && s.rel(v) == "acl:relcl" {
			arg1 = st.npText(s, s.head(v), func(k int) bool { return k == v })
		} else {
			arg1 = st.npText(s, subj, func(k int) bool { return s.rel(k) == "acl:relcl" || s.rel(k) == "appos" })
		}
	} else {
		h := v
		for steps := 0; steps < 4 && subj < 0; steps++ {
			switch s.baseRel(h) {
			case "conj", "xcomp":
				h = s.head(h)
				subj = s.child(h, "nsubj")
				if subj >= 0 {
					arg1 = st.npText(s, subj, nil)
				}
			case "acl":
				if hh := s.head(h); hh >= 0 {
					arg1 = st.npText(s, hh, func(k int) bool { return k == h })
				}
				steps = 4
			default:
				steps = 4
			}
		}
	}
	if arg1 == "" {
		return Tuple{}, false
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
	conf := 0.9
	var args []string
	if cop >= 0 {
		// "X is (a) Y": relation is the copula, arg2 the predicate
		pred := st.npText(s, v, func(k int) bool {
			switch s.baseRel(k) {
			case "nsubj", "cop", "aux", "csubj", "mark", "cc", "conj", "advmod", "obl", "advcl", "ccomp", "parataxis":
				return true
			}
			return false
		})
		args = []string{arg1, pred}
		relText := joinToks(st, s, rel)
		for _, o := range s.childrenRel(v, "obl") {
			args = append(args, st.npText(s, o, nil))
		}
		return Tuple{Confidence: 0.8, Relation: relText, Args: args}, true
	}
	rel = append(rel, v)
	obj := s.child(v, "obj")
	var obls []int
	for _, k := range s.kids[v] {
		if s.baseRel(k) == "obl" || s.rel(k) == "iobj" {
			obls = append(obls, k)
		}
	}
	xc := s.child(v, "xcomp")
	if obj >= 0 {
		args = []string{arg1, st.npText(s, obj, nil)}
	} else if len(obls) > 0 && s.child(obls[0], "case") >= 0 && obls[0] > v {
		// first prepositional object: the preposition joins the relation
		o := obls[0]
		obls = obls[1:]
		cs := s.child(o, "case")
		rel = append(rel, cs)
		args = []string{arg1, st.npText(s, o, func(k int) bool { return k == cs })}
	} else if xc >= 0 && s.toks[xc].UPOS != "VERB" {
		args = []string{arg1, st.npText(s, xc, nil)}
		xc = -1
	} else if cc := s.child(v, "ccomp"); cc >= 0 {
		args = []string{arg1, st.npText(s, cc, nil)}
		conf = 0.7
	} else if xc >= 0 {
		args = []string{arg1, st.npText(s, xc, nil)}
		conf = 0.6
		xc = -1
	} else {
		conf = 0.4
		args = []string{arg1}
	}
	for _, o := range obls {
		if t := st.npText(s, o, nil); t != "" {
			args = append(args, t)
		}
	}
	if len(args) < 2 {
		return Tuple{}, false
	}
	return Tuple{Confidence: conf, Relation: joinToks(st, s, rel), Args: args}, true
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
