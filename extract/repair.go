package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// reportingLemmas are the verbs of a reporting clause set off after the
// reported content ("…, the ministry said." / "…, said the ministry.").
var reportingLemmas = set("say", "tell", "state", "add", "note", "claim",
	"assert", "announce", "reply", "explain", "insist", "write", "comment",
	"remark", "declare", "stress", "reiterate", "warn", "confirm", "estimate",
	"believe", "predict", "report", "argue", "suggest", "admit", "concede",
	"conclude", "acknowledge", "allege", "caution", "emphasise", "emphasize")

// repairReporting rebuilds the tree of a sentence that ends in a reporting
// clause, "CONTENT, NP said [PP]." or "CONTENT, said NP [PP].", when the
// parser read it otherwise (the speaker as object of the verb, a word of
// the content as its subject, the verb as a parataxis of the content). The
// reporting verb becomes the root, the noun phrase its subject and the
// content its clausal complement. It reports whether the tree changed.
func repairReporting(s *nlp.Sentence) bool {
	toks := s.Tokens
	n := len(toks)
	for v := 0; v < n; v++ {
		if toks[v].UPOS != "VERB" || !reportingLemmas[toks[v].Lemma] {
			continue
		}
		comma, npLo, npHi, ok := reportingNP(toks, v)
		if !ok {
			continue
		}
		// the content before the comma must be a clause of a few words
		if comma < 3 || !hasVerb(toks[:comma]) {
			continue
		}
		head := npHead(toks, npLo, npHi)
		if head < 0 {
			continue
		}
		if reportingParsed(toks, v, head, comma) {
			continue
		}
		rebuildReporting(toks, v, head, comma, npLo, npHi)
		return true
	}
	return false
}

// reportingNP finds the speaker phrase of reporting verb v: between a comma
// (or closing quote) and v, or right after v when v follows the comma. It
// checks that nothing but a prepositional phrase, a time or an addressee
// follows the clause before the sentence ends or a comma continues it.
func reportingNP(toks []nlp.Token, v int) (comma, lo, hi int, ok bool) {
	n := len(toks)
	isSep := func(k int) bool {
		f := toks[k].Form
		return f == "," || isQuoteChar(f) && k > 0 && toks[k-1].Form == ","
	}
	var after int
	switch {
	case v > 0 && isSep(v-1):
		// "…, said the ministry."
		comma, lo = v-1, v+1
		hi = lo
		for hi < n && npToken(toks, hi, hi == lo) {
			hi++
		}
		hi--
		if hi < lo {
			return 0, 0, 0, false
		}
		after = hi + 1
	default:
		// "…, the ministry said."
		k := v - 1
		for k >= 0 && npToken(toks, k, false) {
			k--
		}
		if k < 0 || k == v-1 || !isSep(k) || !npToken(toks, k+1, true) {
			return 0, 0, 0, false
		}
		comma, lo, hi = k, k+1, v-1
		after = v + 1
		if toks[v].Lemma == "tell" {
			// "…, she told reporters."
			for after < n && npToken(toks, after, false) {
				after++
			}
		}
	}
	if isQuoteChar(toks[comma].Form) {
		comma-- // the comma before the closing quote
	}
	// what follows: a prepositional phrase or time, then the end of the
	// sentence or a comma
	for k := after; k < n; k++ {
		f, u := toks[k].Form, toks[k].UPOS
		if f == "," || f == ";" {
			break
		}
		if u == "PUNCT" || u == "ADP" || u == "DET" || u == "NOUN" || u == "PROPN" || u == "NUM" || u == "ADJ" || u == "PRON" && toks[k].XPOS == "PRP$" || u == "ADV" {
			continue
		}
		return 0, 0, 0, false
	}
	return comma, lo, hi, true
}

// npToken reports whether token k can belong to a short speaker phrase
// ("the US trade department", "a senior official", "he", "its chief
// executive").
func npToken(toks []nlp.Token, k int, first bool) bool {
	switch toks[k].UPOS {
	case "DET", "ADJ", "NOUN", "PROPN", "NUM":
		return true
	case "PRON":
		return first || toks[k].XPOS == "PRP$"
	case "PART":
		return !first && toks[k].XPOS == "POS"
	case "PUNCT":
		return !first && (toks[k].Form == "-" || toks[k].Form == ".")
	}
	return false
}

// npHead is the last noun, proper noun or pronoun of tokens lo..hi.
func npHead(toks []nlp.Token, lo, hi int) int {
	for k := hi; k >= lo; k-- {
		switch toks[k].UPOS {
		case "NOUN", "PROPN", "PRON":
			if toks[k].XPOS != "PRP$" {
				return k
			}
		}
	}
	return -1
}

func hasVerb(toks []nlp.Token) bool {
	for _, t := range toks {
		if t.UPOS == "VERB" || t.UPOS == "AUX" {
			return true
		}
	}
	return false
}

// reportingParsed reports whether the parse already reads the reporting
// clause right: head is the only subject of v and v heads the content or
// hangs on it as a parataxis or adverbial clause.
func reportingParsed(toks []nlp.Token, v, head, comma int) bool {
	if toks[head].Head != v+1 || baseDeprel(toks[head].Deprel) != "nsubj" {
		return false
	}
	// v hanging on the content other than as a parataxis or adverbial
	// clause ("“…,” X told reporters" read as a relative clause)
	if h := toks[v].Head - 1; h >= 0 && h < comma {
		switch baseDeprel(toks[v].Deprel) {
		case "parataxis", "advcl":
		default:
			return false
		}
	}
	for k, t := range toks {
		if k != head && t.Head == v+1 && baseDeprel(t.Deprel) == "nsubj" {
			return false
		}
		// a word of the content hanging on the verb other than through
		// its complement
		if k < comma && t.Head == v+1 {
			switch baseDeprel(t.Deprel) {
			case "ccomp", "parataxis", "punct", "advcl":
			default:
				return false
			}
		}
	}
	return true
}

func baseDeprel(r string) string {
	for i := 0; i < len(r); i++ {
		if r[i] == ':' {
			return r[:i]
		}
	}
	return r
}

// rebuildReporting makes v the root, the speaker phrase lo..hi (headed by
// head) its subject and the content before comma its complement.
func rebuildReporting(toks []nlp.Token, v, head, comma, lo, hi int) {
	in := func(k, a, b int) bool { return k >= a && k <= b }
	// the content's root: a word of the content whose head lies outside
	// it; prefer the sentence root, then a verb, then the last such word
	root := -1
	var loose []int
	for k := 0; k < comma; k++ {
		h := toks[k].Head - 1
		if h >= 0 && h < comma {
			continue
		}
		loose = append(loose, k)
	}
	for _, k := range loose {
		if toks[k].Head == 0 {
			root = k
			break
		}
	}
	if root < 0 {
		for _, k := range loose {
			if toks[k].UPOS == "VERB" || toks[k].UPOS == "AUX" && root < 0 {
				root = k
			}
		}
	}
	if root < 0 && len(loose) > 0 {
		root = loose[len(loose)-1]
	}
	if root < 0 {
		return
	}
	for _, k := range loose {
		if k != root {
			toks[k].Head, toks[k].Deprel = root+1, "dep"
		}
	}
	toks[root].Head, toks[root].Deprel = v+1, "ccomp"
	toks[v].Head, toks[v].Deprel = 0, "root"
	toks[head].Head, toks[head].Deprel = v+1, "nsubj"
	for k := lo; k <= hi; k++ {
		if k == head || in(toks[k].Head-1, lo, hi) {
			continue
		}
		rel := "compound"
		switch toks[k].UPOS {
		case "DET":
			rel = "det"
		case "ADJ":
			rel = "amod"
		case "PRON":
			rel = "nmod:poss"
		case "PART":
			rel = "case"
		case "PUNCT":
			rel = "punct"
		}
		toks[k].Head, toks[k].Deprel = head+1, rel
	}
	// everything else that hung on the content's old root or the speaker
	// phrase after it stays; words that now hang on themselves through a
	// cycle are attached to the verb
	for k := range toks {
		h, steps := toks[k].Head, 0
		for h > 0 && steps <= len(toks) {
			h = toks[h-1].Head
			steps++
		}
		if h != 0 {
			toks[k].Head, toks[k].Deprel = v+1, "dep"
		}
	}
}

// repairNounClauses re-attaches a that-clause read as the complement of a
// verb to the content noun right before it ("added to the belief that …",
// "ignored the fact that …"): the clause completes the noun. It reports
// whether the tree changed.
func repairNounClauses(s *nlp.Sentence) bool {
	toks := s.Tokens
	changed := false
	for c := range toks {
		h := toks[c].Head - 1
		if h < 0 || baseDeprel(toks[c].Deprel) != "ccomp" || h > c {
			continue
		}
		// the first word of the clause
		lo := c
		for k := c - 1; k > h; k-- {
			if dominatesTok(toks, c, k) {
				lo = k
			}
		}
		if strings.ToLower(toks[lo].Form) != "that" || lo-1 <= h {
			continue
		}
		n := lo - 1
		if toks[n].UPOS != "NOUN" || !contentNouns[toks[n].Lemma] || !dominatesTok(toks, h, n) {
			continue
		}
		toks[c].Head, toks[c].Deprel = n+1, "acl"
		changed = true
	}
	return changed
}

// dominatesTok reports whether token a dominates token b (0-based).
func dominatesTok(toks []nlp.Token, a, b int) bool {
	for k, steps := b, 0; k >= 0 && steps <= len(toks); steps++ {
		if k == a {
			return true
		}
		k = toks[k].Head - 1
	}
	return false
}

// repairParticipleCue rebuilds "MAIN, claiming his forecasts are accurate"
// when the parser hung the main clause or the participle on the reported
// predicate ("claiming his forecasts" or "MAIN" as the subject of
// "accurate"): the participle becomes an adverbial clause of the main
// clause and the predicate its complement, with the participle's object
// as subject. It reports whether the tree changed.
func repairParticipleCue(s *nlp.Sentence) bool {
	toks := s.Tokens
	changed := false
	for v := 1; v < len(toks); v++ {
		if toks[v].XPOS != "VBG" || !cueLemmas[toks[v].Lemma] || toks[v-1].Form != "," {
			continue
		}
		// p: the nearest ancestor after the participle; m: the word
		// below it on the way up
		m, p := v, toks[v].Head-1
		for steps := 0; p >= 0 && p < v && steps < len(toks); steps++ {
			m, p = p, toks[p].Head-1
		}
		if p <= v || !strings.HasPrefix(toks[m].Deprel, "csubj") && !strings.HasPrefix(toks[m].Deprel, "nsubj") {
			// "MAIN, claiming his forecasts | are accurate" with the
			// predicate hung on the main clause: an auxiliary or copula
			// right after the participle's object starts its complement
			if q := smallClause(toks, v); q >= 0 {
				changed = true
			}
			continue
		}
		o := -1
		for k := v + 1; k < p; k++ {
			if toks[k].Head == v+1 && baseDeprel(toks[k].Deprel) == "obj" {
				o = k
			}
		}
		for k := range toks {
			if toks[k].Head == p+1 && k != m && strings.HasPrefix(toks[k].Deprel, "nsubj") {
				o = -1 // the predicate has a subject of its own
			}
		}
		if m == v {
			// "claiming his forecasts" read as the subject
			main := toks[p].Head - 1
			if main < 0 || main >= v {
				continue
			}
			toks[v].Head, toks[v].Deprel = main+1, "advcl"
		} else {
			// the main clause read as the subject
			toks[m].Head, toks[m].Deprel = toks[p].Head, toks[p].Deprel
			toks[v].Head, toks[v].Deprel = m+1, "advcl"
		}
		toks[p].Head, toks[p].Deprel = v+1, "ccomp"
		if o >= 0 {
			toks[o].Head, toks[o].Deprel = p+1, "nsubj"
		}
		changed = true
	}
	return changed
}

// smallClause attaches the predicate that follows the object of cue
// participle v ("claiming her figures | are accurate") to v as its
// complement, with the object as subject, when the parser hung it
// elsewhere. It returns the predicate, or -1 when nothing changed.
func smallClause(toks []nlp.Token, v int) int {
	o, hi := -1, v
	for k := v + 1; k < len(toks); k++ {
		if dominatesTok(toks, v, k) {
			hi = k
		} else {
			break
		}
	}
	for k := v + 1; k <= hi; k++ {
		if toks[k].Head == v+1 && baseDeprel(toks[k].Deprel) == "obj" {
			o = k
		}
	}
	next := hi + 1
	if o < 0 || next >= len(toks) || toks[next].UPOS != "AUX" {
		return -1
	}
	p := toks[next].Head - 1
	if p <= next || dominatesTok(toks, p, v) {
		return -1
	}
	if r := baseDeprel(toks[next].Deprel); r != "cop" && r != "aux" {
		return -1
	}
	for k := range toks {
		if toks[k].Head == p+1 && strings.HasPrefix(toks[k].Deprel, "nsubj") {
			return -1
		}
	}
	toks[p].Head, toks[p].Deprel = v+1, "ccomp"
	toks[o].Head, toks[o].Deprel = p+1, "nsubj"
	return p
}

// repairRelativeObject re-attaches a noun phrase read as a second clausal
// complement of a later verb to the relative clause before it when that
// clause's verb has no object ("X, which includes A, B and C, said …" with
// "A" as a complement of "said"): the noun phrase is the relative verb's
// object. It reports whether the tree changed.
func repairRelativeObject(s *nlp.Sentence) bool {
	toks := s.Tokens
	changed := false
	for c := range toks {
		h := toks[c].Head - 1
		if h <= c || toks[c].Deprel != "ccomp" || toks[c].UPOS != "NOUN" && toks[c].UPOS != "PROPN" {
			continue
		}
		// a nominal complement with no clause of its own
		clause := false
		for k := range toks {
			if toks[k].Head-1 == c {
				switch baseDeprel(toks[k].Deprel) {
				case "nsubj", "cop", "aux", "mark", "csubj":
					clause = true
				}
			}
		}
		if clause {
			continue
		}
		// the verb has another complement: the real content
		other := false
		for k := range toks {
			if k != c && toks[k].Head-1 == h && toks[k].Deprel == "ccomp" {
				other = true
			}
		}
		if !other {
			continue
		}
		// the nearest relative clause verb before c, without an object
		r := -1
		for k := c - 1; k >= 0; k-- {
			if toks[k].Deprel == "acl:relcl" && toks[k].UPOS == "VERB" {
				r = k
				break
			}
		}
		if r < 0 {
			continue
		}
		hasObj := false
		for k := range toks {
			if toks[k].Head-1 == r && (baseDeprel(toks[k].Deprel) == "obj" || baseDeprel(toks[k].Deprel) == "ccomp") {
				hasObj = true
			}
		}
		if hasObj {
			continue
		}
		toks[c].Head, toks[c].Deprel = r+1, "obj"
		changed = true
	}
	return changed
}

// repairTrailingParticiple re-attaches "…, adding that …" to the speech
// verb whose complement the parser hung it on ("He said A was B, adding
// that C" with "adding" under B): a participle cue after a comma inside
// the clausal complement of an earlier cue belongs to that cue, so it
// shares its subject. It reports whether the tree changed.
func repairTrailingParticiple(s *nlp.Sentence) bool {
	toks := s.Tokens
	changed := false
	for v := 1; v < len(toks); v++ {
		if toks[v].XPOS != "VBG" || !cueLemmas[toks[v].Lemma] || toks[v-1].Form != "," {
			continue
		}
		switch baseDeprel(toks[v].Deprel) {
		case "acl", "advcl", "xcomp", "conj":
		default:
			continue
		}
		// climb to the complement's root and its cue
		k := toks[v].Head - 1
		for steps := 0; k >= 0 && steps < len(toks); steps++ {
			h := toks[k].Head - 1
			if toks[k].Deprel == "ccomp" && h >= 0 && h < v && cueLemmas[toks[h].Lemma] && toks[h].UPOS == "VERB" {
				if toks[v].Head-1 != h {
					toks[v].Head, toks[v].Deprel = h+1, "advcl"
					changed = true
				}
				break
			}
			k = h
		}
	}
	return changed
}

// repairForSubject rebuilds "A lawyer for X said …" read as a clause
// under the noun ("for X to say", or "for" as a preposition of the verb)
// with X as subject although the verb is finite: the noun before "for" is
// the subject, "for X" its modifier.
// It reports whether the tree changed.
func repairForSubject(s *nlp.Sentence) bool {
	toks := s.Tokens
	changed := false
	for k := 1; k+1 < len(toks); k++ {
		if strings.ToLower(toks[k].Form) != "for" || toks[k].Deprel != "mark" && toks[k].Deprel != "case" {
			continue
		}
		v := toks[k].Head - 1
		if v <= k {
			continue
		}
		switch toks[v].XPOS {
		case "VBD", "VBZ", "VBP":
		default:
			continue
		}
		h := toks[v].Head - 1
		n := -1
		for i := k + 1; i < v; i++ {
			if toks[i].Head-1 == v && baseDeprel(toks[i].Deprel) == "nsubj" {
				n = i
			}
		}
		if n < 0 || h < 0 || h >= k || toks[h].UPOS != "NOUN" {
			continue
		}
		switch baseDeprel(toks[v].Deprel) {
		case "acl", "nmod", "advcl", "dep":
		default:
			continue
		}
		toks[v].Head, toks[v].Deprel = toks[h].Head, toks[h].Deprel
		toks[h].Head, toks[h].Deprel = v+1, "nsubj"
		toks[n].Head, toks[n].Deprel = h+1, "nmod"
		toks[k].Head, toks[k].Deprel = n+1, "case"
		changed = true
	}
	return changed
}

// repairApposName re-attaches "SUBJECT, NAME, said" read with the name as
// the verb's complement or object: a run of proper nouns set off by commas
// between a verb's subject and the verb is the subject's apposition. It
// reports whether the tree changed.
func repairApposName(s *nlp.Sentence) bool {
	toks := s.Tokens
	changed := false
	for v := 4; v < len(toks); v++ {
		if toks[v].UPOS != "VERB" || toks[v-1].Form != "," {
			continue
		}
		// the name run before the comma, and the comma before it
		k := v - 2
		for k >= 0 && toks[k].UPOS == "PROPN" {
			k--
		}
		if k == v-2 || k < 1 || toks[k].Form != "," {
			continue
		}
		n := k - 1 // the subject's last word
		if toks[n].Head-1 != v || baseDeprel(toks[n].Deprel) != "nsubj" || toks[n].UPOS != "NOUN" {
			continue
		}
		// the run's own head, hung on the verb as anything but a subject
		h := -1
		for i := k + 1; i < v-1; i++ {
			if p := toks[i].Head - 1; p < k+1 || p > v-2 {
				if h >= 0 {
					h = -2 // more than one word hangs outside
				} else {
					h = i
				}
			}
		}
		if h < 0 || toks[h].Head-1 != v || baseDeprel(toks[h].Deprel) == "nsubj" {
			continue
		}
		toks[h].Head, toks[h].Deprel = n+1, "appos"
		toks[k].Head, toks[k].Deprel = h+1, "punct"
		toks[v-1].Head, toks[v-1].Deprel = h+1, "punct"
		changed = true
	}
	return changed
}
