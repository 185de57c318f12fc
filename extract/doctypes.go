package extract

import (
	"strings"
)

// orgNounForm reports whether w, singular or plural, is in orgNouns
// ("makers", "firms").
func orgNounForm(w string) bool {
	// (a maker or producer may be a person, "the film producer X", but
	// "the makers of X" are a firm)
	return orgNouns[w] || w == "makers" || w == "producers" || strings.HasSuffix(w, "s") && orgNouns[strings.TrimSuffix(w, "s")] ||
		strings.HasSuffix(w, "ies") && orgNouns[strings.TrimSuffix(w, "ies")+"y"]
}

// madeGoods are goods named after their maker: "X aircraft", "X cars".
var madeGoods = set("aircraft", "airliners", "jets", "cars", "vehicles",
	"trucks", "models", "phones", "handsets", "computers", "laptops",
	"chips", "consoles", "software", "products", "footwear", "shoes")

// orgRoles are roles in an organisation, a band or a team that name the
// organisation before them and a person after them: "X chief executive
// Jane Y", "X frontman Y", "X striker Y" (a person has aides and
// spokesmen, not a chief executive or a drummer).
var orgRoles = set("chief", "ceo", "chairman", "chairwoman", "founder",
	"co-founder", "frontman", "frontwoman", "guitarist", "drummer",
	"bassist", "keyboardist", "striker",
	"midfielder", "defender", "goalkeeper", "winger", "manager", "boss",
	"coach", "captain", "shareholders", "employees", "staff")

// orgPossessions are nouns an organisation has and a person does not:
// "X's chief executive", "X's shares", "X's annual profits".
var orgPossessions = set("shares", "shareholders", "stock", "profit",
	"profits", "revenue", "revenues", "turnover", "earnings", "chief",
	"ceo", "chairman", "chairwoman", "founder", "founders", "subsidiary", "executive",
	"subsidiaries", "headquarters", "workforce", "employees", "factory",
	"factories", "plants", "stores", "subscribers", "executives",
	"shareholder", "boardroom")

// orgCompounds are two-noun possessions of organisations ("X's share
// price").
var orgCompounds = set("share price", "stock price", "chief executive",
	"board members", "share sale")

// corporateSuffixes follow a company's name: "X Inc", "X plc".
var corporateSuffixes = set("inc", "inc.", "ltd", "ltd.", "plc", "corp",
	"corp.", "llc", "gmbh", "ag", "nv", "bv")

// docTypes corrects the recogniser's person, place and MISC types with the
// evidence of the whole document. A name is an organisation when some
// mention of it has organisation evidence — "X's chief executive", "X's
// shares", "X, the world's largest carmaker", "X Inc", "X said its …", or
// a sentence about X followed by "The firm said …" — and no mention has
// person evidence: a first name before it ("Jane X"), a courtesy title or a
// person's title right before it ("Mr X", "striker X"), an age (", 45,"),
// "X said he/his …" or a person's role in apposition ("X, the company's
// founder"). "its" alone does not turn a place or MISC name into an
// organisation ("the region and its people", "Islam in its true form").
func (st *state) docTypes() {
	type evidence struct {
		org, its, person bool
		firstName        bool   // person evidence only from a first name
		notPerson        bool   // some mention typed as a place or MISC, which take "its" too
		cue              string // a describing noun's type ("the song X")
		ments            []*mention
	}
	byName := map[string]*evidence{}
	get := func(k string) *evidence {
		e := byName[k]
		if e == nil {
			e = &evidence{}
			byName[k] = e
		}
		return e
	}
	for _, m := range st.ments {
		if m.dropped || m.typ == TypeGroup || m.typ == TypeNORP {
			continue
		}
		name := strings.ToLower(cleanName(m.text))
		if name == "" {
			continue
		}
		e := get(name)
		e.ments = append(e.ments, m)
		s := st.sents[m.s]
		switch m.typ {
		case TypeLoc, TypeGPE:
			e.notPerson = true
		case TypeMisc:
			e.notPerson = true
		}
		// "Jane X": a first name makes X a person's surname
		if w := strings.Fields(name); len(w) > 1 && st.hasFirstName(s, m) {
			e.firstName = true
			for _, x := range w {
				get(x).firstName = true // "Anil" after "Anil Y" too
			}
		}
		if m.cue != "" {
			e.cue = m.cue
		}
		e.org = e.org || m.orgCue || st.orgCue(s, m)
		e.its = e.its || st.pronounAfter(s, m, "its")
		e.person = e.person || st.personCue(s, m)
	}
	for name, e := range byName {
		if e.cue != "" && !e.person {
			// "the song X" … "X topped the charts": every mention (a
			// describing noun outweighs a first name: "the drama Anna
			// Y")
			for _, m := range e.ments {
				switch m.typ {
				case TypePerson, TypeLoc, TypeMisc, TypeOrg:
					m.typ = e.cue
				}
			}
			continue
		}
		if e.person || e.firstName {
			// a noun before a comma ("Head of the division, Jane Y",
			// "On the band's website, Y wrote") does not outweigh a
			// person's name
			for _, m := range e.ments {
				if m.commaCue && m.nerType == TypePerson {
					m.typ = TypePerson
				}
			}
			continue
		}
		if !(e.org || e.its && !e.notPerson) {
			continue
		}
		if _, ok := st.country(name); ok || st.isCity(name) {
			continue
		}
		for _, m := range e.ments {
			switch m.typ {
			case TypePerson, TypeLoc, TypeMisc:
				m.typ = TypeOrg
			}
		}
	}
}

// hasFirstName reports whether a capitalised word of mention m before its
// last one is a first name of the lexicon ("Jane X", "lead singer Jane
// X").
func (st *state) hasFirstName(s *sent, m *mention) bool {
	for k := m.lo; k < m.hi; k++ {
		if st.isFirstName(s.toks[k].Form) {
			return true
		}
	}
	return false
}

// isFirstName reports whether the lexicon knows w as a first name.
func (st *state) isFirstName(w string) bool {
	if st.gaz == nil || !isUpperWord(w) {
		return false
	}
	_, ok := st.gaz.FemaleShare(w)
	return ok
}

// orgCue reports organisation evidence next to mention m: a possessive
// with something only organisations have, an apposition headed by an
// organisation noun, a corporate suffix, or "The firm …" as the subject of
// the next sentence when m is the subject of its own and the only name in
// it.
func (st *state) orgCue(s *sent, m *mention) bool {
	k := m.hi + 1
	if !s.ok(k) {
		return false
	}
	switch w := s.lower(k); {
	case corporateSuffixes[w] && isUpperWord(s.toks[k].Form):
		return true
	case w == "'s" || w == "’s" || w == "'" || w == "’":
		// "X's chief executive", "X's annual profits", "X's share
		// price" (not "X's biggest stock market": the head noun counts)
		for j := k + 1; j <= k+3 && s.ok(j); j++ {
			if s.toks[j].UPOS == "ADJ" || s.toks[j].UPOS == "NUM" {
				continue
			}
			if !commonNoun(s, j) {
				return false
			}
			h := j
			for s.ok(h+1) && commonNoun(s, h+1) && s.toks[h+1].UPOS == "NOUN" {
				h++
			}
			if h == j {
				return orgPossessions[s.lower(j)]
			}
			return orgPossessions[s.lower(h)] && orgPossessions[s.lower(j)] || orgCompounds[s.lower(j)+" "+s.lower(h)]
		}
	case w == ",":
		if h := st.apposHead(s, k+1); h >= 0 && orgNounForm(s.lower(h)) {
			return true
		}
	case madeGoods[w] && commonNoun(s, k) && m.typ != TypeGPE:
		// "X aircraft", "Y and X cars": the maker
		return true
	case orgRoles[w] && commonNoun(s, k):
		// "X frontman Jane Y", "X chief executive Jane Y"
		for j := k + 1; j <= k+3 && s.ok(j); j++ {
			if mi := s.ment[j]; mi >= 0 && st.ments[mi].typ == TypePerson {
				return true
			}
			if !commonNoun(s, j) {
				break
			}
		}
	}
	// "X is the world's largest carmaker", "X was a niche maker of …"
	if p := s.head(m.head); s.baseRel(m.head) == "nsubj" && s.ok(p) && s.toks[p].UPOS == "NOUN" &&
		orgNounForm(s.lower(p)) && s.child(p, "cop") >= 0 {
		return true
	}
	// "manufacturers like X", "firms such as X"
	if k := m.lo - 1; s.ok(k-1) && (s.lower(k) == "like" || s.lower(k) == "as" && s.lower(k-1) == "such") {
		n := k - 1
		if s.lower(k) == "as" {
			n = k - 2
		}
		if s.ok(n) && commonNoun(s, n) && orgNounForm(s.lower(n)) {
			return true
		}
	}
	// a place or MISC name that speaks is an organisation ("X said …"):
	// places do not talk, and the lexicon's countries and cities are
	// left alone by the caller
	// (a MISC name may be a person's the recogniser missed: only "X said
	// it …" counts for it)
	if v := s.head(m.head); (m.typ == TypeLoc || m.typ == TypeMisc && st.pronounAfter(s, m, "it")) && s.baseRel(m.head) == "nsubj" &&
		s.ok(v) && s.toks[v].UPOS == "VERB" && speechLemmas[s.lemma(v)] {
		return true
	}
	return st.firmNext(s, m)
}

// apposHead returns the head noun of a noun phrase "the/a … NOUN" starting
// at k and ending at punctuation, a preposition, a verb or a relative
// pronoun ("the world's largest carmaker", "a maker of ovens"), or -1.
func (st *state) apposHead(s *sent, k int) int {
	switch s.lower(k) {
	case "the", "a", "an", "its", "their":
	default:
		return -1
	}
	h := -1
np:
	for j := k + 1; j < k+8 && s.ok(j); j++ {
		switch s.toks[j].UPOS {
		case "NOUN":
			if commonNoun(s, j) {
				h = j
			}
		case "ADJ", "PROPN", "NUM", "PART", "DET":
		case "VERB":
			// a participle modifying a later noun ("its main oil
			// producing unit"), not a clause ("the firm making cars")
			if s.head(j) <= j {
				break np
			}
		default:
			break np
		}
	}
	// "… with X, the chain sells …": the noun phrase after the
	// comma is a clause's subject, not an apposition
	if h >= 0 && (s.baseRel(h) == "nsubj" || s.rel(h) == "nsubj:pass") {
		return -1
	}
	return h
}

// firmNext reports whether m is the subject of its sentence and the only
// name there, no organisation is named in the two sentences before, and
// "the firm/company/…" is the subject of a later clause of the sentence
// ("X sued the site, the company said") or of the next sentence.
func (st *state) firmNext(s *sent, m *mention) bool {
	if s.baseRel(m.head) != "nsubj" {
		return false
	}
	for k := range s.toks {
		if mi := s.ment[k]; mi >= 0 && st.ments[mi] != m {
			return false
		}
	}
	for i := max(s.idx-2, 0); i < s.idx; i++ {
		for _, mi := range st.sents[i].ment {
			if mi >= 0 && st.ments[mi].typ == TypeOrg {
				return false
			}
		}
	}
	firm := func(n *sent, from int) bool {
		for k := from; k+1 < len(n.toks); k++ {
			if n.lower(k) == "the" && orgNouns[n.lower(k+1)] && commonNoun(n, k+1) && n.baseRel(k+1) == "nsubj" {
				return true
			}
		}
		return false
	}
	return firm(s, m.hi+1) || s.idx+1 < len(st.sents) && firm(st.sents[s.idx+1], 0)
}

// personCue reports person evidence next to mention m: a courtesy or
// person's title right before it, an age after it (", 45,"), "X said
// he/his …", or an apposition headed by a title word.
func (st *state) personCue(s *sent, m *mention) bool {
	if honorifics[s.lower(m.lo)] {
		return true
	}
	if k := m.lo - 1; s.ok(k) && (honorifics[s.lower(k)] || titleWords[s.lower(k)] && commonNoun(s, k)) {
		return true
	}
	if k := m.hi + 1; s.ok(k+2) && s.lower(k) == "," && s.toks[k+1].UPOS == "NUM" && s.lower(k+2) == "," {
		return true
	}
	if k := m.hi + 1; s.ok(k) && s.lower(k) == "," {
		if h := st.apposHead(s, k+1); h >= 0 && titleWords[s.lower(h)] {
			return true
		}
	}
	for _, p := range []string{"he", "his", "she", "her"} {
		if st.pronounAfter(s, m, p) {
			return true
		}
	}
	return false
}

// pronounAfter reports whether pronoun p follows mention m in the same
// stretch of the sentence with nothing between them it could refer to
// instead: no name, pronoun or punctuation, and for "its" no singular
// noun ("X said its profits …", "X is targeting gamers with its new
// chair"), for he/his/she/her no noun at all.
func (st *state) pronounAfter(s *sent, m *mention, p string) bool {
	for k := m.hi + 1; k <= m.hi+8 && s.ok(k); k++ {
		if s.lower(k) == p {
			return true
		}
		switch s.toks[k].UPOS {
		case "PROPN", "PRON", "PUNCT", "NUM":
			return false
		case "NOUN":
			if p != "its" || s.toks[k].XPOS != "NNS" {
				return false
			}
		}
	}
	return false
}
