package extract

import (
	"strings"
)

// relation is a relation between entity indices (obj -1: text object).
type relation struct {
	subj    int
	pred    string
	obj     int
	objText string
	sent    string
	cert    string
}

func (st *state) addRel(subj int, pred string, obj int, objText, sid, cert string) {
	if subj < 0 || subj >= len(st.ents) || obj >= len(st.ents) || obj == subj {
		return
	}
	if obj < 0 && strings.TrimSpace(objText) == "" {
		return
	}
	// a country is not located in a town, a street or another country
	// ("played Ireland at Lansdowne Road")
	if pred == LocatedIn && st.isCountry(subj) && obj >= 0 && !(st.ents[obj].typ == TypeLoc && continentLike(st.ents[obj].name)) {
		return
	}
	st.ents[subj].needed = true
	if obj >= 0 {
		st.ents[obj].needed = true
	}
	if cert == "" {
		cert = Asserted
	}
	st.rels = append(st.rels, relation{subj: subj, pred: pred, obj: obj, objText: objText, sent: sid, cert: cert})
}

// frontedSubject reads the subject the parser lost in "X, situated in Y,
// shares a border with Z": a name opening the sentence, then a comma, a
// parenthetical and a comma right before the verb v.
func frontedSubject(s *sent, st *state, v int) int {
	if v < 4 || s.toks[v-1].Form != "," {
		return -1
	}
	mi := s.ment[0]
	if mi < 0 || st.ments[mi].lo != 0 {
		return -1
	}
	m := st.ments[mi]
	if m.hi+1 >= v-1 || s.toks[m.hi+1].Form != "," {
		return -1
	}
	for k := m.hi + 2; k < v-1; k++ {
		// a clause of its own, not a parenthetical ("X, situated in Y,"
		// with X read as the participle's subject is still one)
		if n := s.child(k, "nsubj"); s.toks[k].UPOS == "VERB" && n >= 0 && !(n == m.head && (s.toks[k].XPOS == "VBN" || s.toks[k].XPOS == "VBG")) {
			return -1
		}
	}
	return m.head
}

// continentLike names regions larger than countries.
func continentLike(name string) bool {
	switch strings.ToLower(name) {
	case "europe", "asia", "africa", "north america", "south america", "latin america",
		"oceania", "antarctica", "middle east", "the middle east", "caribbean", "balkans",
		"scandinavia", "central asia", "east africa", "west africa", "southeast asia":
		return true
	}
	return false
}

func (st *state) isPlace(e int) bool {
	if e < 0 {
		return false
	}
	switch st.ents[e].typ {
	case TypeGPE, TypeLoc, TypeFac:
		return true
	}
	return false
}

func (st *state) isCountry(e int) bool {
	if e < 0 || st.ents[e].typ != TypeGPE {
		return false
	}
	_, ok := st.country(st.ents[e].name)
	return ok && strings.EqualFold(mustCountry(st, st.ents[e].name), st.ents[e].name)
}

func mustCountry(st *state, n string) string {
	c, _ := st.country(n)
	return c
}

// findRelations reads typed relations (located_in, borders, part_of) from
// parse patterns and open relations from every verb with an entity
// subject and an object or prepositional object.
func (st *state) findRelations() {
	for _, s := range st.sents {
		st.surfaceBorders(s)
		st.demonymPlaces(s)
		for t := range s.toks {
			st.placePatterns(s, t)
			if s.toks[t].UPOS == "VERB" || s.toks[t].UPOS == "AUX" && s.child(t, "nsubj") >= 0 {
				st.verbRelations(s, t)
			}
		}
	}
}

// demonymPlaces reads a place's country off a demonym in front of a place
// noun: "the Polish city of X" and "X, a Polish port" (X located_in
// Poland, a node of its own even when the country is never named).
func (st *state) demonymPlaces(s *sent) {
	for _, m := range st.ments {
		if m.s != s.idx || m.ent < 0 || m.dropped || !st.isPlace(m.ent) {
			continue
		}
		noun, dem := -1, -1
		switch {
		case m.lo >= 3 && s.lower(m.lo-1) == "of" && placeNouns[s.lower(m.lo-2)]:
			// "the Polish city of X"
			noun, dem = m.lo-2, m.lo-3
		case m.hi+3 < len(s.toks) && s.lower(m.hi+1) == "," && (s.lower(m.hi+2) == "a" || s.lower(m.hi+2) == "an" || s.lower(m.hi+2) == "the"):
			// "X, a Polish city"
			noun, dem = m.hi+4, m.hi+3
		}
		if noun < 0 || dem < 0 || !s.ok(noun) || !placeNouns[s.lower(noun)] {
			continue
		}
		c, ok := st.country(s.toks[dem].Form)
		if !ok || !st.isDemonym(s.toks[dem].Form) {
			continue
		}
		ce := st.countryEntity(c)
		if ce < 0 || ce == m.ent {
			continue
		}
		pred := LocatedIn
		if l := s.lower(noun); l == "exclave" || l == "enclave" || l == "region" || l == "province" || l == "territory" || l == "oblast" || l == "part" {
			pred = PartOf
		}
		st.addRel(m.ent, pred, ce, "", s.id, Asserted)
	}
}

// placePatterns handles "X, Y" (place, country), "X, situated in Y",
// "X borders Y", "X shares a border with Y", "X, adjacent to Y" and
// "X is part of Y".
func (st *state) placePatterns(s *sent, t int) {
	sid := s.id
	x := st.refOf(s, t)
	if x < 0 {
		if mi := s.ment[t]; mi < 0 || st.ments[mi].head != t {
			return
		}
	}
	if mi := s.ment[t]; mi >= 0 && st.ments[mi].head != t {
		return
	}
	// "Lyon, France": apposition / flat / a comma-separated next mention
	if st.isPlace(x) {
		m := -1
		if mi := s.ment[t]; mi >= 0 {
			m = mi
		}
		if m >= 0 {
			hi := st.ments[m].hi
			if hi+2 < len(s.toks) && s.lower(hi+1) == "," {
				if y := st.refOf(s, hi+2); y >= 0 && y != x && st.isPlace(y) && st.isCountry(y) && !st.isCountry(x) {
					if ym := s.ment[hi+2]; ym >= 0 && st.ments[ym].lo == hi+2 {
						// not a list "A, B and C"
						yhi := st.ments[ym].hi
						if !(yhi+1 < len(s.toks) && (s.lower(yhi+1) == "and" || s.lower(yhi+1) == "or")) {
							st.addRel(x, LocatedIn, y, "", sid, Asserted)
						}
					}
				}
			}
		}
		for _, a := range s.childrenRel(t, "appos", "acl", "amod") {
			l := s.lemma(a)
			if y := st.refOf(s, a); y >= 0 && st.isPlace(y) && st.isCountry(y) && !st.isCountry(x) && s.rel(a) == "appos" {
				st.addRel(x, LocatedIn, y, "", sid, Asserted)
				continue
			}
			// "X, situated in Y", "X, located in Y", "X, in Y"
			for _, o := range s.childrenRel(a, "obl", "nmod") {
				y := st.refOf(s, o)
				if y < 0 || !st.isPlace(y) {
					continue
				}
				cs := s.child(o, "case")
				if cs < 0 {
					continue
				}
				p := s.lower(cs)
				switch {
				case locPreps[p] && (locVerbs[l] || s.rel(a) == "appos"):
					st.addRel(x, LocatedIn, y, "", sid, Asserted)
				case (p == "to" || p == "with") && adjacentWords[l]:
					st.addRel(x, Borders, y, "", sid, Asserted)
				}
			}
		}
		// "the X region of Y": X is a compound of a place noun with an
		// "of/in" modifier naming a place
		if h := s.head(t); h >= 0 && s.rel(t) == "compound" && placeNouns[s.lemma(h)] {
			for _, o := range s.childrenRel(h, "nmod") {
				if cs := s.child(o, "case"); cs >= 0 && (s.lower(cs) == "of" || locPreps[s.lower(cs)]) {
					if y := st.refOf(s, o); st.isPlace(y) && y != x {
						st.addRel(x, LocatedIn, y, "", sid, Asserted)
					}
				}
			}
		}
		// "X, a Spanish exclave": part_of the country of the modifier
		for _, a := range s.childrenRel(t, "appos") {
			if !placeNouns[s.lemma(a)] {
				continue
			}
			for _, m := range s.childrenRel(a, "amod", "compound", "nmod") {
				var y = -1
				if c, ok := st.country(s.toks[m].Form); ok {
					y = st.countryEntity(c)
				} else if e := st.refOf(s, m); st.isPlace(e) {
					y = e
				}
				if y >= 0 && y != x {
					st.addRel(x, PartOf, y, "", sid, Asserted)
				}
			}
		}
		// "X, in southwestern Y": nmod with "in" directly on X
		for _, o := range s.childrenRel(t, "nmod") {
			if cs := s.child(o, "case"); cs >= 0 && locPreps[s.lower(cs)] {
				if y := st.refOf(s, o); st.isPlace(y) {
					st.addRel(x, LocatedIn, y, "", sid, Asserted)
				}
			}
		}
	}
}

// verbRelations reads relations of verb v: typed ones for location,
// border and membership verbs, and an open relation per object.
func (st *state) verbRelations(s *sent, v int) {
	sid := s.id
	subjTok := s.child(v, "nsubj")
	if subjTok < 0 {
		// shared subject of coordinated verbs
		h := v
		for steps := 0; steps < 4 && subjTok < 0 && s.baseRel(h) == "conj"; steps++ {
			h = s.head(h)
			if h < 0 {
				break
			}
			subjTok = s.child(h, "nsubj")
		}
		if subjTok < 0 && s.rel(v) == "acl" && s.head(v) >= 0 {
			subjTok = s.head(v)
			// "redeployed forces from the region to reclaim ground": an
			// infinitive of purpose hung on an oblique noun takes the
			// subject of the clause above it, not the noun (an object
			// does the infinitive: "urged allies to act")
			if m := s.child(v, "mark"); m >= 0 && s.lower(m) == "to" && s.baseRel(s.head(v)) != "obj" {
				subjTok = -1
				for h := s.head(v); h >= 0; h = s.head(h) {
					if s.toks[h].UPOS == "VERB" {
						subjTok = s.child(h, "nsubj")
						break
					}
				}
			}
		}
	}
	if subjTok < 0 {
		subjTok = frontedSubject(s, st, v)
	}
	if subjTok < 0 {
		return
	}
	passive := s.rel(subjTok) == "nsubj:pass" || s.rel(subjTok) == "nsubjpass" || beParticiple(s, v)
	x := st.npEntity(s, subjTok)
	if x < 0 {
		return
	}
	cert := st.relCertainty(s, v)
	lemma := s.lemma(v)
	prt := ""
	// a particle, but not the "up" of "up to 500 jobs"
	if p := s.child(v, "compound:prt"); p >= 0 && !(s.lower(p) == "up" && s.lower(p+1) == "to") {
		prt = "_" + s.lower(p)
	}
	// copula: "X is part of Y", "X is located in Y", "X is likely a move"
	if s.toks[v].UPOS == "AUX" {
		return
	}
	isCue := speechLemmas[lemma] || cueLemmas[lemma] && (s.child(v, "ccomp") >= 0 || st.quoteNear(s, v) && s.child(v, "parataxis") >= 0) ||
		!xcompContentCues[lemma] && st.claimCue(s.idx, v)
	sharedBorder := false
	// objects
	if o := s.child(v, "obj"); o >= 0 && !isCue {
		y := st.npEntity(s, o)
		pred := snake(lemma + prt)
		if lemma == "border" && st.isPlace(x) {
			for _, oo := range append([]int{o}, s.childrenRel(o, "conj")...) {
				if y2 := st.npEntity(s, oo); st.isPlace(y2) {
					st.addRel(x, Borders, y2, "", sid, cert)
				}
			}
		} else if lemma == "share" && borderWords[s.lower(o)] {
			sharedBorder = true
			for _, w := range append(s.childrenRel(o, "nmod"), s.childrenRel(v, "obl")...) {
				if y2 := st.refOf(s, w); y2 >= 0 && st.isPlace(y2) {
					st.addRel(x, Borders, y2, "", sid, cert)
				}
			}
		} else if lemma == "lead" || lemma == "head" || lemma == "run" && y >= 0 && st.ents[y].typ == TypeOrg {
			if y >= 0 {
				st.addRel(x, LeaderOf, y, "", sid, cert)
			}
		} else if y >= 0 {
			st.addRel(x, pred, y, "", sid, cert)
		} else if s.toks[o].UPOS != "PRON" && s.toks[o].UPOS != "DET" && !misreadParticles[s.lower(o)] {
			// (a bare "that" or "this" names nothing)
			// the object phrase without relative clauses and without
			// the places told apart as relations of their own
			lo, hi := s.subtree(o, func(k int) bool {
				// nor a clause coordinated onto it by a misparse ("had
				// one attempt turned down and responded by …")
				if s.rel(k) == "acl:relcl" || s.baseRel(k) == "conj" && (s.toks[k].UPOS == "VERB" || s.toks[k].UPOS == "AUX") {
					return true
				}
				if s.baseRel(k) == "nmod" && k > o {
					if cs := s.child(k, "case"); cs >= 0 && (locPreps[s.lower(cs)] || s.lower(cs) == "from" || s.lower(cs) == "to" || s.lower(cs) == "into") && st.isPlace(st.npEntity(s, k)) {
						return true
					}
				}
				return false
			})
			// nor what follows a comma ("…, according to officials")
			for k := o + 1; k <= hi; k++ {
				if s.toks[k].UPOS == "PUNCT" && s.toks[k].Form != "-" && s.toks[k].Form != "%" {
					hi = k - 1
					break
				}
			}
			lo, hi = s.trim(lo, hi, false)
			st.addRel(x, pred, -1, st.tokText(s, lo, hi), sid, cert)
		}
	}
	// a passive with its agent is the active relation: "X was fined by
	// Y" → Y fine X; other obliques of a passive keep the voice in the
	// predicate ("X was knocked out of Y" → X be_knock_out_of Y)
	voice := ""
	if passive {
		voice = "be_"
		for _, o := range s.childrenRel(v, "obl") {
			if cs := s.child(o, "case"); cs >= 0 && s.lower(cs) == "by" && s.timex[o] < 0 && !isCue {
				if y := st.npEntity(s, o); y >= 0 && y != x {
					st.addRel(y, snake(lemma+prt), x, "", sid, cert)
				}
			}
		}
	}
	// obliques
	for _, o := range s.childrenRel(v, "obl") {
		cs := s.child(o, "case")
		if cs < 0 || s.timex[o] >= 0 {
			continue
		}
		p := s.lower(cs)
		if fx := s.child(cs, "fixed"); fx >= 0 {
			p += "_" + s.lower(fx)
		}
		// a compound preposition the parse left as two case markers
		// ("out of", "ahead of")
		for _, c2 := range s.childrenRel(o, "case") {
			if c2 > cs && c2 == cs+1 {
				p += "_" + s.lower(c2)
			}
		}
		y := st.npEntity(s, o)
		if y < 0 {
			continue
		}
		if locPreps[p] && st.isPlace(y) && (locVerbs[lemma] || passive) {
			st.addRel(x, LocatedIn, y, "", sid, cert)
			continue
		}
		if p == "with" && lemma == "border" {
			st.addRel(x, Borders, y, "", sid, cert)
			continue
		}
		if p == "by" && passive || p == "with" && sharedBorder {
			continue
		}
		if !isCue {
			st.addRel(x, snake(voice+lemma+prt+"_"+p), y, "", sid, cert)
		}
	}
	// "taken up positions in Y"; "redeployed forces from Y" (the parser
	// attaching the oblique to the object)
	if o := s.child(v, "obj"); o >= 0 && !isCue {
		for _, n := range s.childrenRel(o, "nmod") {
			cs := s.child(n, "case")
			if cs < 0 {
				continue
			}
			y := st.npEntity(s, n)
			if y < 0 || y == x {
				continue
			}
			if locPreps[s.lower(cs)] && st.isPlace(y) && (lemma == "take" || lemma == "hold" || lemma == "establish") {
				st.addRel(x, LocatedIn, y, "", sid, cert)
			} else if s.lower(cs) == "from" || s.lower(cs) == "to" || s.lower(cs) == "into" {
				st.addRel(x, snake(lemma+prt+"_"+s.lower(cs)), y, "", sid, cert)
			}
		}
	}
	// "X joined Y" / "X works for Y"
	if lemma == "join" || lemma == "work" {
		for _, o := range append(s.childrenRel(v, "obj"), s.childrenRel(v, "obl")...) {
			if y := st.npEntity(s, o); y >= 0 && st.ents[y].typ == TypeOrg {
				st.addRel(x, MemberOf, y, "", sid, cert)
			}
		}
	}
}

// relCertainty is the certainty of the clause of verb v, combined with
// the certainty of a claim whose content contains it.
func (st *state) relCertainty(s *sent, v int) string {
	cert := st.localCertainty(s, v)
	if s.negated(v) {
		cert = stronger(cert, Denied)
	}
	// hedges on governing copular predicates: "X is likely ..."
	off := s.toks[v].Start
	for _, c := range st.claims {
		for _, sp := range c.cspans {
			if off >= sp.start && off < sp.end {
				cert = stronger(cert, c.cert)
			}
		}
	}
	return cert
}

// snake turns a phrase into lower_snake_case.
func snake(s string) string {
	var b strings.Builder
	us := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if us && b.Len() > 0 {
				b.WriteByte('_')
			}
			us = false
			b.WriteRune(r)
		} else {
			us = true
		}
	}
	return b.String()
}

// surfaceBorders reads "X (, …,) borders Y and Z" from the token sequence
// when the parser did not make "borders" the verb: X is the place that
// opens the sentence (else the nearest place before), Y, Z the places
// listed right after.
func (st *state) surfaceBorders(s *sent) {
	for t := range s.toks {
		l := s.lower(t)
		if l != "borders" && l != "bordering" || s.toks[t].UPOS == "VERB" && s.child(t, "nsubj") >= 0 {
			continue
		}
		x := -1
		for k := 0; k < t && k < 2; k++ {
			if e := st.refOf(s, k); st.isPlace(e) {
				x = e
				break
			}
		}
		for k := t - 1; k >= 0 && x < 0; k-- {
			if e := st.refOf(s, k); st.isPlace(e) {
				x = e
			}
		}
		if x < 0 {
			continue
		}
		for k := t + 1; k < len(s.toks); k++ {
			w := s.lower(k)
			if w == "and" || w == "," || w == "the" {
				continue
			}
			e := st.refOf(s, k)
			if !st.isPlace(e) {
				break
			}
			if e != x {
				st.addRel(x, Borders, e, "", s.id, Asserted)
			}
			if mi := s.ment[k]; mi >= 0 {
				k = st.ments[mi].hi
			}
		}
	}
}

// claimCue reports whether token v of sentence si is the cue of a claim:
// its object is then the claim's content, not a relation's ("admitted the
// festival may be moved", "denied any wrongdoing"). The addressee of
// urge/ask/warn/tell stays a relation (excluded by the caller).
func (st *state) claimCue(si, v int) bool {
	for _, c := range st.claims {
		if c.s == si && c.cue == v {
			return true
		}
	}
	return false
}

// beParticiple reports whether verb v is a participle with a form of "be"
// as auxiliary ("have been knocked out"), a passive the parse may have
// labelled as active.
func beParticiple(s *sent, v int) bool {
	if x := s.toks[v].XPOS; x != "VBN" && x != "VBD" {
		return false
	}
	for _, k := range s.kids[v] {
		if (s.baseRel(k) == "aux" || s.baseRel(k) == "cop") && s.lemma(k) == "be" {
			return true
		}
	}
	return false
}

// misreadParticles are adverbial particles the tagger sometimes reads as
// nouns ("slaps that aside"): never a relation's object.
var misreadParticles = set("aside", "away", "apart", "back")
