package extract

import "strings"

// salient is a candidate antecedent.
type salient struct {
	ent    int // entity index, or nonEntity
	s, t   int
	subj   bool
	plural bool
	text   string
	// role is set for an unnamed spokesperson standing for the
	// organisation ent: 'm', 'f' or 'x' (spokesperson)
	role byte
}

const nonEntity = -2

// resolveCoref links pronouns (he, she, they, it and their forms), bare
// collective nouns ("these troops") and title nominals ("the
// spokesperson", "the Secretary") to the most salient compatible
// antecedent: recent, preferably a subject, of matching gender and number.
// Non-entity plural subjects ("these claims") compete too, so that "they"
// after them resolves to no entity.
func (st *state) resolveCoref() {
	st.orgDescriptors()
	var cands []salient
	for _, s := range st.sents {
		for t := range s.toks {
			subj := strings.HasPrefix(s.rel(t), "nsubj")
			low := s.lower(t)
			if mi := s.ment[t]; mi >= 0 {
				m := st.ments[mi]
				if m.head == t && m.ent >= 0 {
					// the subject of a conjoined NP is its first conjunct;
					// a name in apposition to the subject is the subject
					// ("Its leader, X, said")
					sj := subj || (s.rel(t) == "conj" || s.rel(t) == "appos") && strings.HasPrefix(s.rel(s.head(t)), "nsubj")
					cands = append(cands, salient{ent: m.ent, s: s.idx, t: t, subj: sj,
						plural: m.typ == TypeGroup || m.typ == TypeOrg || m.typ == TypeNORP, text: m.text})
				}
				continue
			}
			u := s.toks[t].UPOS
			if u == "PRON" || u == "DET" && (low == "his" || low == "her" || low == "its" || low == "their") {
				e := st.pickAntecedent(cands, s, t, low)
				if e != -1 {
					st.coref[tokRef{s.idx, t}] = e
					if e >= 0 && subj {
						cands = append(cands, salient{ent: e, s: s.idx, t: t, subj: true,
							plural: pluralPronouns[low], text: s.toks[t].Form})
					}
				}
				continue
			}
			if u != "NOUN" && u != "PROPN" {
				continue
			}
			// "A spokesman for X said …, he said": the unnamed
			// spokesperson speaks for X
			if r := spokesRole[s.lemma(t)]; r != 0 && subj {
				if e := st.spokesOrg(s, t); e >= 0 {
					cands = append(cands, salient{ent: e, s: s.idx, t: t, subj: true, text: low, role: r})
					continue
				}
			}
			// bare collective noun or title nominal with a definite determiner
			det := s.child(t, "det")
			if det >= 0 {
				d := s.lower(det)
				if d != "the" && d != "these" && d != "those" && d != "this" && d != "that" {
					det = -1
				}
			}
			if det >= 0 && collectiveNouns[low] && s.child(t, "amod", "compound") < 0 {
				if e := st.recentGroup(cands, s.idx, low); e >= 0 {
					st.coref[tokRef{s.idx, t}] = e
					cands = append(cands, salient{ent: e, s: s.idx, t: t, subj: subj, plural: true, text: low})
					continue
				}
			}
			if (det >= 0 || isUpperWord(s.toks[t].Form)) && (titleWords[low] || titleWords[s.lemma(t)]) && s.rel(t) != "compound" {
				if e := st.titleAntecedent(s, t); e >= 0 {
					st.coref[tokRef{s.idx, t}] = e
					cands = append(cands, salient{ent: e, s: s.idx, t: t, subj: subj, text: low})
					continue
				}
				// "the spokesman" after "a spokesman for X": X's
				if r := spokesRole[s.lemma(t)]; r != 0 && det >= 0 && st.spokesOrg(s, t) < 0 {
					if e := recentSpokes(cands, s.idx); e >= 0 {
						st.coref[tokRef{s.idx, t}] = e
						cands = append(cands, salient{ent: e, s: s.idx, t: t, subj: subj, text: low, role: r})
						continue
					}
				}
			}
			// "the telecoms regulator X": the name right after the noun is
			// its referent, not an earlier organisation
			if s.ok(t+1) && s.ment[t+1] >= 0 && st.ments[s.ment[t+1]].lo == t+1 && st.ments[s.ment[t+1]].ent >= 0 {
				continue
			}
			// "the country's biggest lender" after "X, the country's
			// biggest lender": a possessor makes the noun definite, but
			// only a name or description with that noun resolves it
			if e := st.orgNominal(s, t); det < 0 && e >= 0 && s.child(t, "nmod:poss") >= 0 && s.toks[s.child(t, "nmod:poss")].UPOS != "PRON" && s.rel(t) != "compound" && s.ment[t] < 0 {
				st.coref[tokRef{s.idx, t}] = e
				cands = append(cands, salient{ent: e, s: s.idx, t: t, subj: subj, plural: true, text: low})
				continue
			}
			if e := st.orgNominal(s, t); det >= 0 && s.rel(t) != "compound" && (e >= 0 || genericOrgNouns[low] && st.recentOrg(cands, s.idx) >= 0) {
				if e < 0 {
					e = st.recentOrg(cands, s.idx)
				}
				st.coref[tokRef{s.idx, t}] = e
				cands = append(cands, salient{ent: e, s: s.idx, t: t, subj: subj, plural: true, text: low})
				continue
			}
			// plural common-noun subjects compete for "they"
			if subj && (strings.Contains(s.toks[t].Feats, "Number=Plur") || s.toks[t].XPOS == "NNS") {
				cands = append(cands, salient{ent: nonEntity, s: s.idx, t: t, subj: true, plural: true, text: low})
			}
		}
	}
}

// pickAntecedent returns the entity a pronoun refers to, nonEntity when
// its best antecedent is not an entity, or -1 when it is not resolved.
func (st *state) pickAntecedent(cands []salient, s *sent, t int, low string) int {
	var want func(c salient) bool
	switch {
	case malePronouns[low] || femalePronouns[low]:
		g := byte('m')
		if femalePronouns[low] {
			g = 'f'
		}
		want = func(c salient) bool {
			if c.ent < 0 {
				return false
			}
			e := st.ents[c.ent]
			return e.typ == TypePerson && (e.gender == 0 || e.gender == g)
		}
	case pluralPronouns[low]:
		want = func(c salient) bool {
			if c.ent == nonEntity {
				return true
			}
			typ := st.ents[c.ent].typ
			return c.plural && (typ == TypeGroup || typ == TypeOrg || typ == TypeNORP)
		}
	case neuterPronouns[low]:
		want = func(c salient) bool {
			if c.ent < 0 {
				return false
			}
			switch st.ents[c.ent].typ {
			case TypeOrg, TypeGPE, TypeLoc, TypeFac:
				return true
			}
			return false
		}
	default:
		return -1
	}
	// only a speech verb's subject stands for a spokesperson's
	// organisation
	if malePronouns[low] || femalePronouns[low] {
		if h := s.head(t); h >= 0 && strings.HasPrefix(s.rel(t), "nsubj") && cueLemmas[s.lemma(h)] {
			g := byte('m')
			if femalePronouns[low] {
				g = 'f'
			}
			person := want
			want = func(c salient) bool {
				if c.role != 0 {
					return c.role == 'x' || c.role == g
				}
				return person(c)
			}
		}
	}
	// the speaker of "“…,” he said" is none of the people the quote
	// itself names or refers to
	speakerOfQuote := strings.HasPrefix(s.rel(t), "nsubj") && s.head(t) >= 0 && cueLemmas[s.lemma(s.head(t))] &&
		st.quoteAt(s.toks[t].Start) < 0
	best, bestScore := -1, -1e9
	for i := len(cands) - 1; i >= 0; i-- {
		c := cands[i]
		d := s.idx - c.s
		if d > 3 {
			break
		}
		if c.s == s.idx && c.t >= t || !want(c) {
			continue
		}
		if speakerOfQuote && c.s == s.idx && st.quoteAt(s.toks[c.t].Start) >= 0 {
			continue
		}
		score := -1.5*float64(d) + 0.001*float64(i)
		if c.subj {
			score += 4.0
		}
		if score > bestScore {
			best, bestScore = c.ent, score
		}
	}
	return best
}

// spokesRole gives the gender a spokesperson noun allows a pronoun.
var spokesRole = map[string]byte{"spokesman": 'm', "spokeswoman": 'f', "spokesperson": 'x'}

// spokesOrg returns the organisation an unnamed spokesperson t speaks for
// ("a spokesman for X", "an X spokeswoman", "X's spokesperson"), or -1.
func (st *state) spokesOrg(s *sent, t int) int {
	if s.ment[t] >= 0 {
		return -1
	}
	for _, c := range s.kids[t] {
		switch s.rel(c) {
		case "compound", "nmod:poss", "nmod":
			if s.rel(c) == "nmod" {
				if cs := s.child(c, "case"); cs < 0 || s.lower(cs) != "for" && s.lower(cs) != "at" && s.lower(cs) != "of" {
					continue
				}
			}
			if e := st.npEntity(s, c); e >= 0 && st.ents[e].typ == TypeOrg {
				return e
			}
		}
	}
	return -1
}

// recentSpokes returns the organisation of the most recent unnamed
// spokesperson within three sentences, or -1.
func recentSpokes(cands []salient, si int) int {
	for i := len(cands) - 1; i >= 0; i-- {
		if si-cands[i].s > 3 {
			break
		}
		if cands[i].role != 0 {
			return cands[i].ent
		}
	}
	return -1
}

// recentGroup returns the most recent GROUP entity whose noun matches.
func (st *state) recentGroup(cands []salient, si int, noun string) int {
	for i := len(cands) - 1; i >= 0; i-- {
		c := cands[i]
		if si-c.s > 4 {
			break
		}
		if c.ent < 0 || st.ents[c.ent].typ != TypeGroup {
			continue
		}
		e := st.ents[c.ent]
		if e.military && militaryNouns[noun] || strings.HasSuffix(strings.ToLower(e.name), noun) {
			return c.ent
		}
	}
	return -1
}

// titleAntecedent returns the person whose title contains the noun: the
// last one mentioned before, else the first one mentioned after.
func (st *state) titleAntecedent(s *sent, t int) int {
	word := s.lower(t)
	pos := s.toks[t].Start
	before, after := -1, -1
	bestBefore, bestAfter := -1, 1<<60
	for i, e := range st.ents {
		if e.typ != TypePerson {
			continue
		}
		match := false
		for _, ti := range e.titles {
			for _, w := range strings.Fields(strings.ToLower(ti)) {
				if w == word {
					match = true
				}
			}
		}
		if !match {
			continue
		}
		for _, mi := range e.ments {
			m := st.ments[mi]
			if m.start < pos && m.start > bestBefore {
				bestBefore, before = m.start, i
			}
			if m.start > pos && m.start < bestAfter {
				bestAfter, after = m.start, i
			}
		}
	}
	if before >= 0 {
		return before
	}
	return after
}

// orgNominal links "the ministry", "the union" to the ORG entity whose name
// has that word as its head ("Ministry of Health", "Teamsters Union") or
// that a mention describes with it ("the X union", "carmaker X"); the
// most recently mentioned one before t wins.
func (st *state) orgNominal(s *sent, t int) int {
	w, l := s.lower(t), s.lemma(t)
	if len(w) < 4 {
		return -1
	}
	pos := s.toks[t].Start
	// the most salient match: mentioned often before t, and recently
	best, bestScore := -1, 0.0
	for i, e := range st.ents {
		if e.typ != TypeOrg || len(e.ments) == 0 {
			continue
		}
		if h := nameHead(e.name); h != w && h != l && !e.nouns[w] && !e.nouns[l] {
			continue
		}
		n, last := 0, -1
		for _, mi := range e.ments {
			if m := st.ments[mi]; m.start < pos {
				n++
				last = max(last, m.s)
			}
		}
		if n == 0 {
			continue
		}
		score := float64(min(n, 4)) - 0.5*float64(s.idx-last)
		if best < 0 || score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// nameHead returns the lowercase head word of a multi-word name: the word
// before the first "of"/"for" ("Ministry of Health") or the last word
// ("Teamsters Union"); "" for one-word names.
func nameHead(name string) string {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 2 {
		return ""
	}
	for i := 1; i < len(f); i++ {
		if f[i] == "of" || f[i] == "for" {
			return f[i-1]
		}
	}
	return f[len(f)-1]
}

// commonNoun reports whether token k is a lowercase noun (the tagger
// sometimes calls "union" in "the X union" a proper noun).
func commonNoun(s *sent, k int) bool {
	u := s.toks[k].UPOS
	return (u == "NOUN" || u == "PROPN") && !isUpperWord(s.toks[k].Form) && strings.ToLower(s.toks[k].Form) == s.toks[k].Form
}

// orgDescriptors records the common nouns ORG mentions are described by:
// the head noun a mention modifies ("the X union") and a noun right
// before it ("carmaker X", "the insurer X").
func (st *state) orgDescriptors() {
	for _, m := range st.ments {
		if m.ent < 0 || m.dropped || m.typ != TypeOrg {
			continue
		}
		s := st.sents[m.s]
		add := func(k int) {
			if !s.ok(k) || !commonNoun(s, k) || s.ment[k] >= 0 {
				return
			}
			// only nouns that name a kind of organisation: "the X sale"
			// does not make "the sale" X
			if l := s.lemma(k); !orgNoun(l) && !orgHeads[l] && !govNouns[l] && !genericOrgNouns[l] {
				return
			}
			e := st.ents[m.ent]
			if e.nouns == nil {
				e.nouns = map[string]bool{}
			}
			e.nouns[s.lemma(k)] = true
		}
		if k := m.hi + 1; s.ok(k) && (s.head(m.head) == k || s.head(k) == m.head) && !(s.ok(k+1) && commonNoun(s, k+1)) {
			add(k)
		}
		if k := m.lo - 1; s.ok(k) && s.head(k) == m.head && s.baseRel(k) == "compound" || s.ok(k) && s.rel(m.head) == "appos" && s.head(m.head) == k {
			add(k)
		}
		// "X, the country's largest bank, …"
		for _, a := range s.childrenRel(m.head, "appos") {
			if a > m.hi {
				add(a)
			}
		}
	}
}

// refOf returns the entity token t of sentence s refers to: through a
// mention, through coreference, or -1.
func (st *state) refOf(s *sent, t int) int {
	if t < 0 || t >= len(s.toks) {
		return -1
	}
	if mi := s.ment[t]; mi >= 0 && st.ments[mi].ent >= 0 && !st.ments[mi].dropped {
		return st.ments[mi].ent
	}
	if e, ok := st.coref[tokRef{s.idx, t}]; ok && e >= 0 {
		return e
	}
	return -1
}

// npEntity returns the entity an NP headed by h refers to: the head's
// mention or coreference, a mention inside the NP that covers the head's
// compound chain, or an apposition.
func (st *state) npEntity(s *sent, h int) int {
	if e := st.refOf(s, h); e >= 0 {
		return e
	}
	for _, a := range s.childrenRel(h, "appos") {
		if e := st.refOf(s, a); e >= 0 {
			return e
		}
	}
	for _, c := range s.childrenRel(h, "flat", "compound", "amod", "nmod:poss") {
		// "Ruhr region", "the U.S. government": a place noun or a
		// government noun stands for the named place
		if c > h || placeNouns[s.lemma(h)] || govNouns[s.lemma(h)] {
			if e := st.refOf(s, c); e >= 0 && (c > h || placeNouns[s.lemma(h)] || st.isPlace(e)) {
				// "French territory" is France's
				if st.ents[e].typ == TypeNORP && placeNouns[s.lemma(h)] {
					if cn, ok := st.country(st.ents[e].name); ok {
						return st.countryEntity(cn)
					}
				}
				return e
			}
			if c < h && govNouns[s.lemma(h)] {
				if cn, ok := st.country(s.toks[c].Form); ok {
					return st.countryEntity(cn)
				}
			}
		}
	}
	if s.toks[h].UPOS == "NOUN" {
		// close apposition: "the technology company X"
		if s.ok(h+1) && s.ment[h+1] >= 0 && st.ments[s.ment[h+1]].lo == h+1 {
			if e := st.ments[s.ment[h+1]].ent; e >= 0 && !st.ments[s.ment[h+1]].dropped {
				return e
			}
		}
		// "the city of X"
		if placeNouns[s.lemma(h)] {
			for _, c := range s.childrenRel(h, "nmod") {
				if cs := s.child(c, "case"); cs >= 0 && s.lower(cs) == "of" {
					if e := st.refOf(s, c); e >= 0 && st.isPlace(e) {
						return e
					}
				}
			}
		}
	}
	return -1
}

// govNouns stand for their country ("the U.S. government", "Chinese
// authorities" are not GROUPs but the state).
var govNouns = set("government", "administration", "authorities", "state", "kremlin")

// genericOrgNouns refer back to the most recent organisation ("the
// company", "the alliance").
var genericOrgNouns = set("company", "firm", "group", "organisation",
	"organization", "agency", "alliance", "bank", "carrier", "airline",
	"retailer", "broadcaster", "manufacturer", "club", "party", "union",
	"commission", "regulator", "watchdog", "insurer", "lender", "giant")

// recentOrg returns the most salient ORG of the last five sentences:
// mentioned often, as a subject, recently (in that order of weight); ties
// go to the most recent.
func (st *state) recentOrg(cands []salient, si int) int {
	type score struct {
		n, last int
		subj    bool
	}
	seen := map[int]*score{}
	for i, c := range cands {
		if c.ent < 0 || st.ents[c.ent].typ != TypeOrg {
			continue
		}
		sc := seen[c.ent]
		if sc == nil {
			sc = &score{}
			seen[c.ent] = sc
		}
		sc.n++
		sc.last = i
		if si-c.s <= 5 && c.subj {
			sc.subj = true
		}
	}
	best, bestScore, bestLast := -1, 0.0, -1
	for e, sc := range seen {
		d := si - cands[sc.last].s
		if d > 5 {
			continue
		}
		v := float64(min(sc.n, 4)) - float64(d)
		if sc.subj {
			v += 2
		}
		if best < 0 || v > bestScore || v == bestScore && sc.last > bestLast {
			best, bestScore, bestLast = e, v, sc.last
		}
	}
	return best
}
