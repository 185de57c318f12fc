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
	// arguments keep their relative clauses and appositions, as CaRB gold
	// arguments do (measured: F1 +0.6 on dev)
	st := &state{runes: []rune(text), coref: map[tokRef]int{}, wideNP: true}
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
	// CaRB gold writes implied relations (appositions, titles,
	// possessives) in the present tense, even in past-tense sentences.
	be, have := "is", "has"
	for v := range se.toks {
		out = append(out, st.clauseTuples(se, v)...)
		out = append(out, st.implicitTuples(se, v, be, have)...)
		if t, ok := st.titleTuple(se, v, be); ok {
			out = append(out, t)
		}
		if se.rel(v) == "appos" {
			h := se.head(v)
			if h >= 0 && (se.toks[h].UPOS == "PROPN" || se.toks[h].UPOS == "NOUN") {
				a1 := st.npText(se, h, func(k int) bool { return k == v || se.rel(k) == "acl:relcl" || se.rel(k) == "case" })
				a2 := st.npText(se, v, nil)
				if a1 != "" && a2 != "" {
					b := be
					plural := strings.Contains(se.toks[h].Feats, "Number=Plur") || se.toks[h].XPOS == "NNS" || se.toks[h].XPOS == "NNPS"
					if plural {
						b = "are"
					}
					out = append(out, Tuple{Confidence: 0.32, Relation: b, Args: []string{a1, a2}})
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
	in := make([]bool, len(s.toks))
	in[k] = true
	lo, hi := s.subtree(k, func(c int) bool {
		if st.skipNP(s, c, skip) {
			return true
		}
		in[c] = true
		return false
	})
	// the contiguous run around k: a skipped apposition or clause in the
	// middle ends the phrase ("Anna Berg , a chemist , won": "Anna Berg")
	l, h := k, k
	for l > lo && in[l-1] {
		l--
	}
	for h < hi && in[h+1] {
		h++
	}
	return st.cutNP(s, k, l, h)
}

// skipNP reports whether child c is left out of a noun phrase: skipped by
// the caller, or a clause, apposition (unless wide) or verbal conjunct.
func (st *state) skipNP(s *sent, c int, skip func(int) bool) bool {
	if skip != nil && skip(c) {
		return true
	}
	switch s.baseRel(c) {
	case "parataxis", "advcl", "dep", "discourse", "vocative":
		return true
	case "acl":
		return s.rel(c) == "acl:relcl" && !st.wideNP
	case "appos":
		return !st.wideNP
	case "conj":
		return s.toks[c].UPOS == "VERB" || s.toks[c].UPOS == "AUX"
	}
	return false
}

// cutNP cuts [lo, hi] at the punctuation nearest to k (unless wide) and
// trims it.
func (st *state) cutNP(s *sent, k, lo, hi int) (int, int) {
	for i := k + 1; i <= hi && !st.wideNP; i++ {
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

func (st *state) clauseTuples(s *sent, v int) (out []Tuple) {
	u := s.toks[v].UPOS
	cop := s.child(v, "cop")
	if u != "VERB" && cop < 0 {
		return nil
	}
	switch s.baseRel(v) {
	case "amod", "compound", "case", "mark", "det", "aux", "cop", "fixed", "flat":
		return nil
	case "xcomp":
		if openieOpts.dedupXcomp && absorbedXcomp(s, s.head(v)) >= 0 {
			return nil // read as part of the governing verb's tuple
		}
	}
	// subject(s)
	var arg1s []string
	conf := 0.9
	subj := s.child(v, "nsubj", "csubj")
	if subj >= 0 {
		if a, ok := st.antecedent(s, v, subj); ok {
			arg1s = a
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
				wasX := s.baseRel(h) == "xcomp"
				h = s.head(h)
				if o := s.child(h, "obj"); wasX && o >= 0 && o < v {
					// object control: "led Shaftesbury to support …"
					subj = o
					arg1s = st.argVariants(s, o, nil)
					conf = 0.6
					break
				}
				if subj = s.child(h, "nsubj"); subj >= 0 {
					if a, ok := st.antecedent(s, h, subj); ok {
						arg1s = a
					} else {
						arg1s = st.argVariants(s, subj, nil)
					}
				}
			case "acl":
				if hh := s.head(h); hh >= 0 {
					arg1s = st.argVariants(s, hh, func(k int) bool { return k == h || s.rel(k) == "case" && s.head(k) == hh })
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
			// negation, and adverbs inside the verb group ("is first
			// mentioned", "has also been")
			if negWords[s.lower(k)] || k < v && k > 0 && s.toks[k].UPOS == "ADV" && !whAdverbs[s.lower(k)] &&
				(s.baseRel(k-1) == "aux" || s.baseRel(k-1) == "cop" || k == v-1 && openieOpts.preAdv && s.baseRel(k-1) != "punct") {
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
	var extraTok []int // the head token of each obls() argument
	obls := func(except int) {
		for _, k := range s.kids[v] {
			if k == except {
				continue
			}
			if s.baseRel(k) == "obl" || s.rel(k) == "iobj" ||
				openieOpts.advArgs && s.baseRel(k) == "advmod" && k > v && s.toks[k].UPOS == "ADV" && !negWords[s.lower(k)] && !whAdverbs[s.lower(k)] {
				if t := st.npText(s, k, nil); t != "" {
					extra = append(extra, t)
					extraTok = append(extraTok, k)
				}
			}
		}
	}
	if cop >= 0 {
		cs := s.child(v, "case")
		if cs >= 0 && cs < v {
			rel = append(rel, cs)
			if fx := s.child(cs, "fixed"); fx >= 0 {
				rel = append(rel, fx)
			}
		} else {
			cs = -1
		}
		pred := st.npText(s, v, func(k int) bool {
			if k == cs {
				return true
			}
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
		// and brings its obliques
		if xo := absorbedXcomp(s, v); xo >= 0 {
			m := s.child(xc, "mark")
			rel = append(rel, m, xc)
			if p := s.child(xc, "compound:prt"); p >= 0 {
				rel = append(rel, p)
			}
			obj = xo
			for _, k := range s.kids[xc] {
				switch s.rel(k) {
				case "obl", "obl:tmod", "obl:npmod", "obl:agent":
					if t := st.npText(s, k, nil); t != "" {
						extra = append(extra, t)
					}
				}
			}
		}
		ccomp := s.child(v, "ccomp")
		var relObj []string
		if obj >= 0 {
			relObj, _ = st.antecedent(s, v, obj)
		}
		switch {
		case relObj != nil:
			arg2s = relObj
			obls(-1)
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
				// intransitive: CaRB gold keeps an empty second argument
				arg2s = []string{""}
				conf = 0.5
				break
			}
			// the first oblique after the verb (else the first) is arg2
			i := 0
			for j, k := range extraTok {
				if k > v {
					i = j
					break
				}
			}
			if i >= len(extra) {
				i = 0
			}
			arg2s = []string{extra[i]}
			extra = append(extra[:i:i], extra[i+1:]...)
			conf = 0.4
		}
	}
	relText := joinToks(st, s, rel)
	if openieOpts.embedded && s.inComplement(v) {
		// clauses reported or embedded under another verb are asserted
		// less often on their own
		conf -= 0.15
	}
	for _, a1 := range arg1s {
		if openieOpts.stripCase {
			a1 = stripLeadingPrep(a1)
		}
		if openieOpts.dropWh && whArg[strings.ToLower(a1)] {
			continue
		}
		for _, a2 := range arg2s {
			if a1 == "" || a2 == "" && len(arg2s) > 1 || a1 == a2 {
				continue
			}
			args := append([]string{a1, a2}, extra...)
			out = append(out, Tuple{Confidence: conf, Relation: relText, Args: args})
		}
	}
	return out
}

// openieOpts switch heuristics measured on CaRB dev.
var openieOpts = struct{ embedded, stripCase, dropWh, dedupXcomp, preAdv, advArgs bool }{true, true, false, true, true, true}

// whAdverbs introduce clauses and never join a relation phrase.
var whAdverbs = set("when", "where", "why", "how", "while", "whenever", "wherever", "so", "thus", "however")

// whArg are argument texts that only point elsewhere (an unresolved
// relative or interrogative pronoun).
var whArg = set("what", "which", "that", "who", "whom", "whose", "where", "when")

// stripLeadingPrep drops a leading preposition from a subject borrowed
// from a prepositional phrase ("such as military contractors", "of the
// group").
func stripLeadingPrep(a string) string {
	for _, p := range []string{"such as ", "of ", "for ", "in ", "by ", "from ", "with ", "to ", "on ", "at ", "as "} {
		if strings.HasPrefix(a, p) && len(a) > len(p) {
			return a[len(p):]
		}
	}
	return a
}

// absorbedXcomp returns the object of v's subject-less "to" infinitive
// when v has no object of its own ("attempted to popularize it"): the
// infinitive then joins v's relation. Otherwise -1.
func absorbedXcomp(s *sent, v int) int {
	if !s.ok(v) || s.toks[v].UPOS != "VERB" || s.child(v, "obj") >= 0 {
		return -1
	}
	xc := s.child(v, "xcomp")
	if xc < 0 || s.toks[xc].UPOS != "VERB" || s.child(xc, "nsubj") >= 0 {
		return -1
	}
	if m := s.child(xc, "mark"); m < 0 || s.lower(m) != "to" {
		return -1
	}
	return s.child(xc, "obj")
}

// inComplement reports whether clause v sits (possibly through
// conjunctions) in a clausal complement of another verb.
func (s *sent) inComplement(v int) bool {
	for steps := 0; v >= 0 && steps < 6; steps++ {
		switch s.baseRel(v) {
		case "ccomp":
			return true
		case "conj":
			v = s.head(v)
			continue
		}
		return false
	}
	return false
}

// antecedent returns the noun phrase(s) a relative pronoun argument w of
// clause v stands for: the noun modified by the relative clause that v
// heads or is conjoined into ("Muslims, who maintain …", "a match, which
// Keibler lost").
func (st *state) antecedent(s *sent, v, w int) ([]string, bool) {
	if !relPronouns[s.lower(w)] || s.lower(w) == "what" {
		return nil, false
	}
	h := v
	for steps := 0; steps < 4; steps++ {
		switch s.baseRel(h) {
		case "conj":
			h = s.head(h)
			continue
		case "advcl":
			if s.rel(h) != "advcl:relcl" {
				return nil, false
			}
			// a relative clause the parser hung on the verb: the
			// antecedent is the verb's last nominal before the pronoun
			g, n := s.head(h), -1
			for _, k := range s.kids[g] {
				if k < w && (s.baseRel(k) == "obj" || s.baseRel(k) == "obl" || s.baseRel(k) == "nsubj") &&
					(s.toks[k].UPOS == "NOUN" || s.toks[k].UPOS == "PROPN") {
					n = k
				}
			}
			if n < 0 {
				return nil, false
			}
			a := st.argVariants(s, n, func(k int) bool { return k == h || s.rel(k) == "case" && s.head(k) == n })
			return a, len(a) > 0 && a[0] != ""
		case "acl":
			n := s.head(h)
			if n < 0 {
				return nil, false
			}
			if u := s.toks[n].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" && u != "NUM" {
				return nil, false
			}
			a := st.argVariants(s, n, func(k int) bool { return k == h || s.rel(k) == "case" && s.head(k) == n })
			return a, len(a) > 0 && a[0] != ""
		}
		return nil, false
	}
	return nil, false
}

// titleTuple reads a role written before a name: "former U.S. Attorney
// Todd Graves" → (Todd Graves; is; former U.S. Attorney). h must head a
// proper-noun name; the role is its pre-modifiers and must contain a title
// word or a common noun.
func (st *state) titleTuple(s *sent, h int, be string) (Tuple, bool) {
	if s.toks[h].UPOS != "PROPN" || s.baseRel(h) == "compound" || s.baseRel(h) == "flat" {
		return Tuple{}, false
	}
	// the name: h and the proper nouns just before it that hang from it
	start := h
	for start > 0 && s.toks[start-1].UPOS == "PROPN" && s.head(start-1) == h &&
		(s.baseRel(start-1) == "flat" || s.baseRel(start-1) == "compound") && !titleWords[s.lower(start-1)] {
		start--
	}
	lo := start
	role := false
	for lo > 0 {
		k := lo - 1
		if s.head(k) != h && !(s.ok(s.head(k)) && s.head(k) >= lo-1 && s.head(k) < start && k < s.head(k)) {
			break
		}
		r := s.baseRel(k)
		if r != "compound" && r != "amod" && r != "flat" && r != "nmod" && r != "punct" {
			break
		}
		if titleWords[s.lower(k)] || s.toks[k].UPOS == "NOUN" {
			role = true
		}
		lo = k
	}
	end := h
	for end+1 < len(s.toks) && s.head(end+1) == h && s.baseRel(end+1) == "flat" {
		end++
	}
	for k := start; k <= end; k++ {
		if titleWords[s.lower(k)] || s.toks[k].UPOS != "PROPN" {
			return Tuple{}, false
		}
	}
	lo, hi := s.trim(lo, start-1, false)
	if !role || lo > hi || start > h {
		return Tuple{}, false
	}
	name, title := st.tokText(s, start, end), st.tokText(s, lo, hi)
	if name == "" || title == "" {
		return Tuple{}, false
	}
	return Tuple{Confidence: 0.55, Relation: be, Args: []string{name, title}}, true
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

// Implicit noun-phrase tuples measured on CaRB dev; each is on only when
// it raised F1 there.
var (
	implicitPossPron = false // "King … her grandmother" → (King; has; grandmother)
	implicitOf       = false // "the nave of the cathedral" → (the cathedral; has; nave)
	implicitIn       = false // "competition in the sale" → (competition; is in; the sale)
)

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
		case "nmod":
			cs := s.child(c, "case")
			if cs < 0 || c < n || s.toks[c].UPOS != "NOUN" && s.toks[c].UPOS != "PROPN" {
				continue
			}
			switch s.lower(cs) {
			case "of":
				// "the nave of the cathedral" → (the cathedral; has; nave)
				if !implicitOf || s.toks[n].UPOS != "NOUN" {
					continue
				}
				owner := st.npText(s, c, func(k int) bool { return k == cs })
				np := st.npText(s, n, func(k int) bool { return k == c || s.baseRel(k) == "det" })
				if owner != "" && np != "" {
					out = append(out, Tuple{Confidence: 0.2, Relation: have, Args: []string{owner, np}})
				}
			case "in", "at", "on":
				// "competition in the sale of bikes" → (competition; is in; the sale of bikes)
				if !implicitIn {
					continue
				}
				np := st.npText(s, n, func(k int) bool { return k == c })
				obj := st.npText(s, c, func(k int) bool { return k == cs })
				if np != "" && obj != "" {
					out = append(out, Tuple{Confidence: 0.2, Relation: be + " " + s.lower(cs), Args: []string{np, obj}})
				}
			}
		case "nmod:poss":
			if s.toks[c].UPOS == "PRON" {
				if !implicitPossPron {
					continue
				}
				// "King … her grandmother": the clause subject owns it
				v := n
				for steps := 0; steps < 6 && v >= 0 && !s.isVerbal(v); steps++ {
					v = s.head(v)
				}
				sj := -1
				if v >= 0 {
					sj = s.child(v, "nsubj")
				}
				if sj < 0 || sj == n || s.toks[sj].UPOS == "PRON" {
					continue
				}
				owner := st.npText(s, sj, nil)
				np := st.npText(s, n, func(k int) bool { return k == c || s.baseRel(k) == "det" })
				if owner != "" && np != "" {
					out = append(out, Tuple{Confidence: 0.2, Relation: have, Args: []string{owner, np}})
				}
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
