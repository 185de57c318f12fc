package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// mention is one entity mention: tokens lo..hi (inclusive) of a sentence.
type mention struct {
	s, lo, hi  int
	typ        string
	text       string
	start, end int // code points
	head       int
	ent        int
	dropped    bool     // absorbed into a GROUP mention
	countries  []string // GROUP: countries of its NORP/GPE modifiers
	orgs       []int    // GROUP: mention indices of ORG modifiers
	noun       string   // GROUP: the collective noun, lowercase
	bare       bool     // GROUP: only modifiers and the noun ("X troops")
	orgCue     bool     // typed ORG by a describing noun ("the firm X", "shares in X")
	cue        string   // type given by a describing noun ("the song X"), for the whole document
	nerType    string   // the recogniser's type
	commaCue   bool     // orgCue from a noun before a comma ("the supplier, X")
}

// entity is a cluster of mentions.
type entity struct {
	typ        string
	name       string
	key        string
	aliases    []string
	titles     []string
	ments      []int
	gender     byte // 'm', 'f' or 0
	needed     bool // referenced though never mentioned (lexicon country)
	first      int  // position of the first mention (for ordering)
	military   bool
	countrySet string
	nouns      map[string]bool // ORG: common nouns it is described by ("the X union")
}

// titleSpan is a role phrase (tokens a..b of sentence s) of person
// mention m.
type titleSpan struct{ s, m, a, b int }

var validTypes = set(TypePerson, TypeOrg, TypeGPE, TypeLoc, TypeNORP, TypeGroup,
	TypeFac, TypeEvent, TypeProduct, TypeWork, TypeLaw, TypeMisc)

// addSpans turns NER spans into mentions, trimming determiners,
// possessive endings and (for people) leading title words.
func (st *state) addSpans(s *sent, spans []nlp.Span) {
	for _, sp := range spans {
		lo, hi := sp.Start, sp.End-1
		if lo < 0 || hi >= len(s.toks) || lo > hi || !validTypes[sp.Type] {
			continue
		}
		for lo <= hi && (s.toks[lo].UPOS == "DET" || s.toks[lo].UPOS == "PUNCT" || s.lower(lo) == "the") {
			lo++
		}
		for hi >= lo && (s.toks[hi].UPOS == "PUNCT" || s.toks[hi].UPOS == "PART" || s.lower(hi) == "'s" || s.lower(hi) == "’s") {
			hi--
		}
		// a name glued to a following phrase ends before it: "X for
		// £146m", "the Y Department for November"
		for k := lo + 1; k < hi; k++ {
			if s.toks[k].UPOS == "ADP" && !isUpperWord(s.toks[k].Form) && !startsWithLetter(s.toks[k+1].Form) ||
				s.toks[k].UPOS == "ADP" && isCalendarWord(s.toks[k+1].Form) {
				hi = k - 1
				break
			}
		}
		// a name headed by an organisation noun is an organisation,
		// whatever the recogniser's MISC says ("World Health Organization")
		if (sp.Type == TypeMisc || sp.Type == TypeLoc) && hi > lo && orgHeads[s.lower(hi)] {
			sp.Type = TypeOrg
		}
		// the tokenizer splits hyphens as UD does; a name written with
		// one ("Saint-Andre", "Rolls-Royce") is one name
		// unless the other part is a name of its own ("Fiat-GM deal";
		// the two halves of a double-barrelled surname are one person)
		// (nor are two halves the recogniser typed differently, when
		// neither is a place or demonym of the lexicon nor written alone
		// elsewhere in the document: "Marie-Claire Y" read as an
		// organisation and a person)
		joins := func(k int) (other nlp.Span, ok bool) {
			other, in := spanAt(spans, k)
			if !in {
				return nlp.Span{Start: k, End: k + 1}, true
			}
			if other.Type == TypePerson && sp.Type == TypePerson {
				return other, true
			}
			if !st.oneHyphenName(s, sp, other) {
				return other, false
			}
			// two names before a noun are two names ("the X-Y merger",
			// "the A-B coalition government") unless one is a person's
			end := max(hi, other.End-1) + 1
			person := other.Type == TypePerson || sp.Type == TypePerson
			return other, person || !(s.ok(end) && commonNoun(s, end))
		}
		joined := sp
		for hi+2 < len(s.toks) && s.hyphenJoin(hi) {
			o, ok := joins(hi + 2)
			if !ok {
				break
			}
			hi = max(hi+2, o.End-1)
			joined.Type = hyphenType(s, joined, o, st.isFirstName)
			joined.End = hi + 1
		}
		for lo-2 >= 0 && s.hyphenJoin(lo-2) {
			o, ok := joins(lo - 2)
			if !ok {
				break
			}
			lo = min(lo-2, o.Start)
			joined.Type = hyphenType(s, o, joined, st.isFirstName)
			joined.Start = lo
		}
		sp.Type = joined.Type
		if sp.Type == TypePerson {
			for lo < hi && (titleWords[s.lower(lo)] || s.toks[lo].UPOS == "ADP" || st.isDemonym(s.toks[lo].Form)) {
				lo++
			}
		}
		if lo > hi {
			continue
		}
		overlap := false
		for k := lo; k <= hi; k++ {
			if s.ment[k] >= 0 {
				overlap = true
			}
		}
		if overlap {
			continue
		}
		m := &mention{s: s.idx, lo: lo, hi: hi, typ: sp.Type, nerType: sp.Type, ent: -1}
		st.finishMention(s, m)
		if sp.Type == TypePerson && titleWords[strings.ToLower(m.text)] || honorifics[strings.ToLower(m.text)] {
			continue // "Secretary" or "Mr" alone is no name
		}
		for k := lo; k <= hi; k++ {
			s.ment[k] = len(st.ments)
		}
		st.ments = append(st.ments, m)
	}
}

func startsWithLetter(w string) bool {
	for _, r := range w {
		return unicode.IsLetter(r)
	}
	return false
}

// oneHyphenName reports whether spans a and b, written "A-B", are one name
// though the recogniser typed them differently (or both as organisations):
// neither is a country or demonym of the lexicon ("US-German carmaker"),
// nor a place the lexicon knows as a city, nor written on its own
// elsewhere in the document ("the Fiat-GM deal" after "Fiat said").
func (st *state) oneHyphenName(s *sent, a, b nlp.Span) bool {
	for _, p := range []nlp.Span{a, b} {
		if p.Start < 0 || p.End > len(s.toks) || p.Start >= p.End {
			return false
		}
		name := st.tokText(s, p.Start, p.End-1)
		place := p.Type == TypeGPE || p.Type == TypeLoc
		if _, ok := st.country(name); ok || place && st.isCity(name) || st.standalone(name) {
			return false
		}
	}
	return true
}

// standalone reports whether name occurs in the document text away from a
// hyphen or letter on either side.
func (st *state) standalone(name string) bool {
	text := []rune(name)
	if len(text) == 0 {
		return false
	}
	edge := func(i int) bool {
		if i < 0 || i >= len(st.runes) {
			return true
		}
		r := st.runes[i]
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '‑'
	}
	for i := 0; i+len(text) <= len(st.runes); i++ {
		if st.runes[i] != text[0] || string(st.runes[i:i+len(text)]) != name {
			continue
		}
		if edge(i-1) && edge(i+len(text)) {
			return true
		}
	}
	return false
}

// hyphenType is the type of the name "A-B" joined from spans a and b: the
// type of the longer half ("Marie-Claire Y" is a person); for halves of
// one word each an organisation if either is one, else a person when A is
// a first name, else A's type.
func hyphenType(s *sent, a, b nlp.Span, firstName func(string) bool) string {
	la, lb := a.End-a.Start, b.End-b.Start
	switch {
	case a.Type == "":
		return b.Type // an untagged half takes the tagged one's type
	case b.Type == "":
		return a.Type
	case la > lb:
		return a.Type
	case lb > la:
		return b.Type
	case a.Type == TypeOrg || b.Type == TypeOrg:
		return TypeOrg
	case (a.Type == TypePerson || b.Type == TypePerson) && a.Start >= 0 && a.Start < len(s.toks) && firstName(s.toks[a.Start].Form):
		return TypePerson
	}
	return a.Type
}

// spanAt returns the span that token k lies in.
func spanAt(spans []nlp.Span, k int) (nlp.Span, bool) {
	for _, sp := range spans {
		if k >= sp.Start && k < sp.End {
			return sp, true
		}
	}
	return nlp.Span{}, false
}

// hyphenJoin reports whether tokens k, k+1 and k+2 are written "X-Y"
// without spaces, with capitalised X and Y.
func (s *sent) hyphenJoin(k int) bool {
	if !s.ok(k) || !s.ok(k+2) {
		return false
	}
	h := s.toks[k+1]
	return (h.Form == "-" || h.Form == "‑") && s.toks[k].End == h.Start && h.End == s.toks[k+2].Start &&
		isUpperWord(s.toks[k].Form) && isUpperWord(s.toks[k+2].Form)
}

func (st *state) finishMention(s *sent, m *mention) {
	m.start, m.end = s.toks[m.lo].Start, s.toks[m.hi].End
	m.text = st.text(m.start, m.end)
	m.head = m.hi
	for k := m.lo; k <= m.hi; k++ {
		h := s.head(k)
		if h < m.lo || h > m.hi {
			m.head = k
			break
		}
	}
}

func (st *state) isDemonym(w string) bool {
	if st.gaz == nil || w == "" || !isUpperWord(w) {
		return false
	}
	c, ok := st.gaz.Country(w)
	return ok && c != w
}

// country returns the lexicon's country for a name or demonym.
func (st *state) country(name string) (string, bool) {
	if st.gaz == nil {
		return "", false
	}
	name = cleanName(name)
	if name == "" {
		return "", false
	}
	if c, ok := st.gaz.Country(name); ok {
		return c, true
	}
	// plural demonyms: "South Africans"
	if strings.HasSuffix(name, "s") {
		if c, ok := st.gaz.Country(strings.TrimSuffix(name, "s")); ok {
			return c, true
		}
	}
	return "", false
}

// honorifics are courtesy titles before a personal name: they make the
// name a person's and are dropped from its front.
var honorifics = set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "miss", "prof", "prof.", "mx")

// cleanName strips a leading article and a possessive ending.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if f := strings.Fields(s); len(f) > 1 && honorifics[strings.ToLower(f[0])] {
		s = strings.Join(f[1:], " ")
	}
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSpace(s)
}

// contextTypes corrects the recogniser's type of a name from the noun that
// describes it in the text: "the city of X" and "X city" are places, "the
// newspaper X", "X news agency" and "carmaker X" organisations, "Mr X" a
// person.
func (st *state) contextTypes() {
	var courtesy []*mention // typed PERSON by a courtesy title
	defer func() { st.courtesyPersons(courtesy) }()
	for _, m := range st.ments {
		s := st.sents[m.s]
		before, after := "", ""
		if s.ok(m.lo - 1) {
			before = s.lower(m.lo - 1)
		}
		if s.ok(m.hi + 1) {
			after = s.lower(m.hi + 1)
		}
		of := ""
		if before == "of" && s.ok(m.lo-2) {
			of = s.lower(m.lo - 2)
		}
		switch {
		case st.placeCompound(s, m):
			// "London-based", "Belfast-born": the place of a compound
			// adjective, never an organisation ("-based" is no part of
			// the name)
			// (a name the lexicon does not know is a place only before a
			// noun for an organisation or a person, "the X-based
			// brewery", not "X-based PCs")
			if _, ok := st.country(m.text); ok || st.isCity(m.text) {
				m.typ = TypeGPE
			} else if (m.typ == TypeOrg || m.typ == TypePerson || m.typ == TypeMisc) && st.basedHolder(s, m.hi+3) {
				m.typ = TypeLoc
			}
		case retypable(m.typ) && (workNouns[before] && commonNoun(s, m.lo-1) || st.apposIs(s, m, workNouns)):
			// "the song X", "hit film X", "X, the comedy": a title
			m.typ, m.cue = TypeWork, TypeWork
		case retypable(m.typ) && productNouns[before] && commonNoun(s, m.lo-1):
			// "the game console X", "its new handset X"
			m.typ, m.cue = TypeProduct, TypeProduct
		case seatNouns[of] || before == "for" && s.ok(m.lo-2) && memberTitles[s.lower(m.lo-2)] ||
			after == "constituency" && commonNoun(s, m.hi+1):
			// "the MP for X", "the seat of X", "the X constituency": a
			// constituency is a place
			typ := TypeLoc
			if _, ok := st.country(m.text); ok || st.isCity(m.text) {
				typ = TypeGPE
			}
			m.typ, m.cue = typ, typ
		case settlementNouns[of] || settlementNouns[after] && s.toks[m.hi+1].UPOS == "NOUN":
			if m.typ == TypePerson || m.typ == TypeOrg || m.typ == TypeLoc || m.typ == TypeMisc {
				m.typ = TypeGPE
			}
		case orgNouns[before] && commonNoun(s, m.lo-1) || orgNouns[after] && commonNoun(s, m.hi+1) ||
			before == "," && s.ok(m.lo-2) && orgNouns[s.lower(m.lo-2)] && commonNoun(s, m.lo-2):
			// "the newspaper X", "X news agency", "the supplier, X"
			if m.typ == TypePerson || m.typ == TypeLoc || m.typ == TypeMisc {
				m.typ, m.orgCue = TypeOrg, true
				// (a noun before a comma may end a phrase of its own:
				// "Head of the division, Jane X", "On its website, X
				// wrote"; person evidence elsewhere undoes it)
				m.commaCue = before == ","
			}
		case (of == "shares" || of == "stock" || s.ok(m.lo-2) && (before == "in" || before == "of") && (s.lower(m.lo-2) == "shares" || s.lower(m.lo-2) == "stock")) ||
			(after == "shares" || after == "stock") && commonNoun(s, m.hi+1):
			// "shares in X", "X shares": a company
			m.typ, m.orgCue = TypeOrg, true
		case m.typ == TypePerson && (before == "at" || before == "with") && s.ok(m.lo-2) && titleWords[s.lower(m.lo-2)] && commonNoun(s, m.lo-2):
			// "an analyst at X", "an economist with X": an employer
			m.typ, m.orgCue = TypeOrg, true
		case (m.typ == TypeOrg || m.typ == TypePerson) && (before == "in" || before == "near" || before == "outside" || before == "inside" || before == "across") && st.isCity(m.text):
			// "the strike in Marseille": a known city after a place
			// preposition is the city, not its football club
			m.typ = TypeGPE
		case (m.typ == TypeOrg || m.typ == TypePerson || m.typ == TypeMisc) && m.hi > m.lo && geoHeads[s.lower(m.hi)]:
			// "Guantanamo Bay", "Lake Chad" read as an organisation
			m.typ = TypeLoc
		case (m.typ == TypeOrg || m.typ == TypePerson || m.typ == TypeMisc) && m.hi > m.lo && geoHeads[s.lower(m.lo)] && s.lower(m.lo+1) == "of":
			// "Isle of Wight", "Gulf of Aden"
			m.typ = TypeLoc
		case (honorifics[before] || m.hi > m.lo && honorifics[s.lower(m.lo)]) && m.typ != TypePerson:
			m.typ = TypePerson
			courtesy = append(courtesy, m)
		case (m.typ == TypeLoc || m.typ == TypeGPE || m.typ == TypePerson) && m.lo == m.hi && isAcronym(m.text) && !strings.Contains(m.text, "."):
			// an acronym that names no country or city ("ANSA") is an
			// organisation
			if _, ok := st.country(m.text); !ok && !st.isCity(m.text) {
				m.typ = TypeOrg
			}
		}
	}
}

// dropCalendarNames drops names made only of month, weekday, season or
// holiday words ("Spring", "Christmas" read as a place or an
// organisation) unless a longer name of the document contains them: the
// short form of "Jan Novak" or of a team named after a weekday is a name.
func (st *state) dropCalendarNames() {
	longer := map[string]bool{}
	for _, m := range st.ments {
		if m.hi > m.lo {
			for _, w := range strings.Fields(strings.ToLower(m.text)) {
				longer[w] = true
			}
		}
	}
	for _, m := range st.ments {
		s := st.sents[m.s]
		calendar := true
		for k := m.lo; k <= m.hi && calendar; k++ {
			calendar = isCalendarWord(s.toks[k].Form) && !longer[s.lower(k)]
		}
		if !calendar || m.typ == TypeGroup {
			continue
		}
		m.dropped = true
		for k := m.lo; k <= m.hi; k++ {
			s.ment[k] = -1
		}
	}
}

// retypable reports whether a describing noun may change type typ: the
// recogniser's person, organisation, place and MISC names, not countries
// and cities (GPE), nationalities or groups.
func retypable(typ string) bool {
	return typ == TypePerson || typ == TypeOrg || typ == TypeLoc || typ == TypeMisc
}

// workNouns describe titles of works ("the song X", "X, the comedy").
var workNouns = set("song", "single", "album", "track", "film", "movie",
	"documentary", "comedy", "drama", "thriller", "musical", "opera",
	"play", "novel", "book", "biography", "memoir", "series", "sitcom",
	"soap", "painting", "sculpture", "poem", "game", "remix",
	"anthem", "ballad", "epic", "blockbuster", "sequel")

// productNouns describe products ("the handset X", "the console X").
var productNouns = set("handset", "phone", "smartphone", "console",
	"gadget", "device", "laptop", "computer", "camera", "browser",
	"software", "drug", "vaccine", "car", "jet", "aircraft",
	"plane", "chip", "processor", "tablet")

// seatNouns name a parliamentary seat ("the seat of X").
var seatNouns = set("seat", "constituency")

// memberTitles are members of a parliament for a constituency ("MP for X").
var memberTitles = set("mp", "mep", "msp", "mla")

// apposIs reports whether mention m is followed by ", the/a … NOUN" with
// the head noun in nouns ("X, the 1994 comedy, …").
func (st *state) apposIs(s *sent, m *mention, nouns map[string]bool) bool {
	if k := m.hi + 1; s.ok(k) && s.lower(k) == "," {
		if h := st.apposHead(s, k+1); h >= 0 && nouns[s.lower(h)] {
			return true
		}
	}
	return false
}

// placeSuffixes make a place name into a compound adjective: "London-based
// firm", "Belfast-born singer" ("US-led", "state-owned" name actors, not
// places).
var placeSuffixes = set("based", "born", "headquartered", "registered", "listed")

// placeCompound reports whether mention m is written right before
// "-based", "-born", … without spaces.
func (st *state) placeCompound(s *sent, m *mention) bool {
	h, k := m.hi+1, m.hi+2
	if !s.ok(k) || (s.toks[h].Form != "-" && s.toks[h].Form != "‑") || !placeSuffixes[s.lower(k)] {
		return false
	}
	// an acronym the lexicon does not know as a country is an
	// organisation's: "ABC-based figures" are based on its figures
	if isAcronym(m.text) {
		if _, ok := st.country(m.text); !ok {
			return false
		}
	}
	return s.toks[m.hi].End == s.toks[h].Start && s.toks[h].End == s.toks[k].Start
}

// basedHolder reports whether the noun phrase from k on ("brewery",
// "investment bank", "fund manager") is headed by a noun for an
// organisation or a person.
func (st *state) basedHolder(s *sent, k int) bool {
	h := -1
	for ; s.ok(k) && (s.toks[k].UPOS == "ADJ" || s.toks[k].UPOS == "NOUN"); k++ {
		if s.toks[k].UPOS == "NOUN" {
			h = k
		}
	}
	if h < 0 {
		return false
	}
	w := s.lower(h)
	w = strings.TrimSuffix(w, "s")
	return orgNounForm(w) || orgHeads[w] || titleWords[w] || collectiveNouns[w] || basedHolders[w]
}

// basedHolders are firms and people often described as "X-based".
var basedHolders = set("brewery", "broker", "investor", "fund",
	"consultancy", "trader", "dealer", "singer", "artist", "designer",
	"musician", "writer", "academic", "lawyer", "expert", "athlete")

// courtesyPersons gives the type of a name that follows a courtesy title
// ("Lord X", "Ms Y") to the other mentions of that name the recogniser
// typed otherwise, alone or as the end of a longer name ("X", "Jane Y",
// "Ex-host and county MEP Jane Y"); in a longer name the words up to the
// last title word are the role, not the name. Countries and cities
// keep their type.
func (st *state) courtesyPersons(courtesy []*mention) {
	names := map[string]bool{}
	for _, m := range courtesy {
		if n := cleanName(m.text); n != "" {
			names[strings.ToLower(n)] = true
		}
	}
	if len(names) == 0 {
		return
	}
	for _, m := range st.ments {
		switch m.typ {
		case TypeOrg, TypeMisc, TypeLoc, TypeFac:
		default:
			continue
		}
		s := st.sents[m.s]
		name := strings.ToLower(cleanName(m.text))
		match := names[name]
		for n := range names {
			match = match || strings.HasSuffix(name, " "+n)
		}
		if !match || st.isCity(m.text) {
			continue
		}
		if _, ok := st.country(m.text); ok {
			continue
		}
		m.typ = TypePerson
		for k := m.hi - 1; k > m.lo; k-- {
			if titleWords[s.lower(k)] {
				for j := m.lo; j <= k; j++ {
					s.ment[j] = -1
				}
				m.lo = k + 1
				st.finishMention(s, m)
				break
			}
		}
	}
}

// isCity reports whether the lexicon knows a city or region of that name.
func (st *state) isCity(name string) bool {
	if st.gaz == nil {
		return false
	}
	_, ok := st.gaz.CityCountry(name)
	return ok
}

// titleAffiliations adds the organisation named in front of a person's
// title that the recogniser missed: "Acme Foods chief executive Jane Roe"
// (a run of proper nouns, then lowercase title words, then the name).
func (st *state) titleAffiliations() {
	n := len(st.ments)
	for i := 0; i < n; i++ {
		m := st.ments[i]
		if m.typ != TypePerson {
			continue
		}
		s := st.sents[m.s]
		k := m.lo - 1
		for k >= 0 && titleWords[s.toks[k].Form] && s.ment[k] < 0 {
			k--
		}
		if k == m.lo-1 {
			continue // no lowercase title right before the name
		}
		hi := k
		for k >= 0 && k > hi-4 && s.ment[k] < 0 && s.toks[k].UPOS == "PROPN" && isUpperWord(s.toks[k].Form) &&
			!titleWords[s.lower(k)] && !st.isDemonym(s.toks[k].Form) && s.timex[k] < 0 {
			k--
		}
		lo := k + 1
		if lo > hi {
			continue
		}
		// a generic word capitalised by house style ("Ministry
		// spokesperson") names nothing
		named := false
		for j := lo; j <= hi; j++ {
			w := s.lower(j)
			named = named || !orgHeads[w] && !govNouns[w] && !orgNouns[w]
		}
		if !named {
			continue
		}
		typ := TypeOrg
		name := st.tokText(s, lo, hi)
		if _, ok := st.country(name); ok || st.isCity(name) {
			typ = TypeGPE
		}
		om := &mention{s: s.idx, lo: lo, hi: hi, typ: typ, ent: -1}
		st.finishMention(s, om)
		for j := lo; j <= hi; j++ {
			s.ment[j] = len(st.ments)
		}
		st.ments = append(st.ments, om)
	}
}

// settlementNouns describe inhabited places.
var settlementNouns = set("city", "town", "village", "capital", "port")

// geoHeads head the names of natural places ("Guantanamo Bay", "Lake
// Chad", "Gulf of Aden").
var geoHeads = set("bay", "gulf", "lake", "river", "sea", "ocean", "strait",
	"straits", "island", "islands", "isle", "mountain", "mountains", "valley",
	"peninsula", "desert", "coast", "channel", "canal", "cape", "mount")

// orgNouns describe organisations ("the newspaper X", "X news agency",
// "X, the world's largest carmaker", "the Y subsidiary X").
var orgNouns = set("newspaper", "agency", "broadcaster", "company", "firm",
	"carmaker", "automaker", "bank", "lender", "insurer", "airline",
	"retailer", "group", "union", "party", "daily", "weekly", "magazine",
	"channel", "network", "manufacturer", "supplier", "operator",
	"conglomerate", "startup", "giant", "club", "charity", "militia",
	"chain", "brand", "label", "website", "publisher",
	"developer", "provider", "subsidiary", "corporation", "business",
	"band", "studio", "carrier", "utility", "multinational", "unit",
	"division", "outfit", "team", "regulator", "watchdog")

// findGroups adds GROUP mentions: a collective noun modified by NORP, GPE
// or ORG mentions.
func (st *state) findGroups() {
	for _, s := range st.sents {
		for n := range s.toks {
			if !collectiveNouns[s.lower(n)] || (s.toks[n].UPOS != "NOUN" && s.toks[n].UPOS != "PROPN") {
				continue
			}
			// "an RSF commander" is one person, not a group ("the X
			// army", "a Y unit" are)
			if collectiveNouns[s.lower(n)+"s"] && !singularCollectives[s.lower(n)] {
				continue
			}
			if s.rel(n) == "compound" || s.ment[n] >= 0 && st.ments[s.ment[n]].typ != TypeNORP {
				continue
			}
			var mods []int
			addMod := func(k int) {
				mi := s.ment[k]
				if mi < 0 || st.ments[mi].dropped || k == n {
					return
				}
				switch st.ments[mi].typ {
				case TypeNORP, TypeGPE, TypeOrg:
				default:
					return
				}
				for _, x := range mods {
					if x == mi {
						return
					}
				}
				mods = append(mods, mi)
			}
			for _, c := range s.kids[n] {
				switch s.baseRel(c) {
				case "amod", "compound", "nmod", "flat":
					if s.rel(c) == "nmod" && s.child(c, "case") >= 0 {
						continue
					}
					if c > n {
						continue
					}
					addMod(c)
					for _, cc := range s.childrenRel(c, "conj") {
						if cc < n {
							addMod(cc)
						}
					}
					// the mention may be headed elsewhere: any token of it
					for _, g := range s.kids[c] {
						if g < n && s.baseRel(g) != "conj" {
							addMod(g)
						}
					}
				}
			}
			// fallback: a mention directly before the noun, possibly
			// with one common-noun premodifier in between
			if len(mods) == 0 {
				for k := n - 1; k >= 0 && k >= n-2; k-- {
					if s.ment[k] >= 0 {
						addMod(k)
						break
					}
					if s.toks[k].UPOS != "NOUN" && s.toks[k].UPOS != "ADJ" {
						break
					}
				}
			}
			if len(mods) == 0 {
				continue
			}
			lo := n
			for _, mi := range mods {
				if st.ments[mi].lo < lo {
					lo = st.ments[mi].lo
				}
			}
			g := &mention{s: s.idx, lo: lo, hi: n, typ: TypeGroup, ent: -1, noun: s.lower(n)}
			ok := true
			for _, mi := range mods {
				m := st.ments[mi]
				if m.typ == TypeOrg {
					g.orgs = append(g.orgs, mi)
					continue
				}
				if c, found := st.country(m.text); found {
					g.countries = append(g.countries, c)
				} else if m.typ == TypeNORP {
					g.countries = append(g.countries, "")
				}
			}
			for k := lo; k <= n; k++ {
				if mi := s.ment[k]; mi >= 0 && st.ments[mi].typ == TypePerson {
					ok = false
				}
				// one noun phrase: no verb of another clause inside
				// ("The Commission and the Union are worried students …")
				if s.toks[k].UPOS == "AUX" || !s.dominates(n, k) && s.toks[k].UPOS == "VERB" {
					ok = false
				}
			}
			if !ok {
				continue
			}
			st.finishMention(s, g)
			g.head = n
			g.bare = true
			for k := lo; k < n; k++ {
				if s.ment[k] < 0 && s.toks[k].UPOS != "CCONJ" && s.toks[k].UPOS != "PUNCT" {
					g.bare = false
				}
			}
			gi := len(st.ments)
			for k := lo; k <= n; k++ {
				if mi := s.ment[k]; mi >= 0 && st.ments[mi].typ == TypeNORP {
					st.ments[mi].dropped = true
				}
			}
			for k := lo; k <= n; k++ {
				if mi := s.ment[k]; mi < 0 || st.ments[mi].dropped {
					s.ment[k] = gi
				}
			}
			st.ments = append(st.ments, g)
		}
	}
}

// buildEntities finds groups, clusters mentions into entities, and collects
// titles and the relations they imply.
func (st *state) buildEntities() {
	st.dropCalendarNames()
	st.contextTypes()
	st.docTypes()
	st.titleAffiliations()
	st.findGroups()
	type cand struct {
		mi   int
		name string
	}
	var cands []cand
	for mi, m := range st.ments {
		if m.dropped {
			continue
		}
		cands = append(cands, cand{mi, cleanName(m.text)})
	}
	// longest names first so short forms join full names
	sort.SliceStable(cands, func(i, j int) bool {
		wi, wj := len(strings.Fields(cands[i].name)), len(strings.Fields(cands[j].name))
		if wi != wj {
			return wi > wj
		}
		return len(cands[i].name) > len(cands[j].name)
	})
	byKey := map[string]int{}
	for _, c := range cands {
		m := st.ments[c.mi]
		typ, name, key := m.typ, c.name, ""
		if name == "" {
			continue
		}
		switch typ {
		case TypeGPE, TypeLoc, TypeNORP:
			if cn, ok := st.country(name); ok && (typ != TypeNORP || !st.isDemonymName(name)) {
				typ, name, key = TypeGPE, cn, "GPE|"+strings.ToLower(cn)
			}
		case TypeGroup:
			key = "GROUP|" + strings.ToLower(name)
			cs := append([]string(nil), m.countries...)
			sort.Strings(cs)
			set := strings.Join(cs, "+")
			if set != "" && militaryNouns[m.noun] && m.bare {
				key = "GROUP|mil|" + set
			}
		}
		if key == "" {
			key = typ + "|" + strings.ToLower(name)
		}
		ei, ok := byKey[key]
		if !ok && typ == TypePerson {
			ei = st.matchPerson(name)
			ok = ei >= 0
		}
		if !ok && typ == TypeOrg {
			ei = st.matchOrg(name)
			ok = ei >= 0
		}
		// "Nordwell" read as a place or a person after "Nordwell Energy"
		if !ok && (typ == TypeLoc || typ == TypeMisc || typ == TypePerson) && !strings.Contains(name, " ") && !st.isCity(name) {
			if _, isCountry := st.country(name); !isCountry {
				if ei = st.matchOrg(name); ei >= 0 {
					ok, typ = true, TypeOrg
					m.typ = TypeOrg
				}
			}
		}
		if !ok {
			// same name with another type: join the existing entity
			for _, t := range []string{TypeOrg, TypeGPE, TypeLoc, TypePerson, TypeFac, TypeMisc, TypeNORP} {
				if e2, found := byKey[t+"|"+strings.ToLower(name)]; found && typ != TypeGroup {
					ei, ok = e2, true
					break
				}
			}
		}
		if !ok {
			ei = len(st.ents)
			e := &entity{typ: typ, name: name, key: key, first: -1}
			if typ == TypeGroup {
				e.military = militaryNouns[m.noun]
			}
			st.ents = append(st.ents, e)
			byKey[key] = ei
		}
		e := st.ents[ei]
		e.ments = append(e.ments, c.mi)
		m.ent = ei
		if name != e.name && !containsFold(e.aliases, name) && typ != TypeGPE {
			e.aliases = append(e.aliases, name)
		}
		if typ == TypeGPE && cleanName(m.text) != e.name && !containsFold(e.aliases, cleanName(m.text)) {
			e.aliases = append(e.aliases, cleanName(m.text))
		}
	}
	for _, e := range st.ents {
		sort.Slice(e.ments, func(i, j int) bool { return st.ments[e.ments[i]].start < st.ments[e.ments[j]].start })
		if len(e.ments) > 0 {
			e.first = st.ments[e.ments[0]].start
		}
		if e.typ == TypeGroup && len(e.ments) > 0 {
			e.name = cleanName(st.ments[e.ments[0]].text)
			var al []string
			for _, mi := range e.ments {
				if n := cleanName(st.ments[mi].text); n != e.name && !containsFold(al, n) {
					al = append(al, n)
				}
			}
			e.aliases = al
		}
	}
	// group relations: nationality to countries, member_of organisations
	for _, m := range st.ments {
		if m.typ != TypeGroup || m.ent < 0 {
			continue
		}
		sid := st.sents[m.s].id
		for _, c := range m.countries {
			if c == "" {
				continue
			}
			st.addRel(m.ent, Nationality, st.countryEntity(c), "", sid, Asserted)
		}
		for _, oi := range m.orgs {
			if o := st.ments[oi].ent; o >= 0 {
				st.addRel(m.ent, MemberOf, o, "", sid, Asserted)
			}
		}
	}
	st.findTitles()
	st.findGenders()
	st.findOrgNationality()
}

// findOrgNationality links an organisation to the country of a demonym in
// its noun phrase ("the American technology company Vexa").
func (st *state) findOrgNationality() {
	for _, m := range st.ments {
		if m.typ != TypeOrg || m.ent < 0 || m.dropped {
			continue
		}
		s := st.sents[m.s]
		for k, n := m.lo-1, 0; k >= 0 && n < 4; k, n = k-1, n+1 {
			u := s.toks[k].UPOS
			if u != "NOUN" && u != "ADJ" && u != "PROPN" {
				break
			}
			if mi := s.ment[k]; mi >= 0 && st.ments[mi].typ != TypeNORP {
				break
			}
			if c, ok := st.country(s.toks[k].Form); ok && st.isDemonymName(s.toks[k].Form) {
				st.addRel(m.ent, Nationality, st.countryEntity(c), "", s.id, Asserted)
				break
			}
		}
	}
}

func (st *state) isDemonymName(name string) bool {
	if st.gaz == nil {
		return false
	}
	c, ok := st.country(name)
	return ok && !strings.EqualFold(c, name) && !strings.EqualFold(strings.TrimSuffix(name, "s"), c)
}

// matchPerson returns the person entity whose full name ends with (or
// starts with) the given shorter name, or -1.
func (st *state) matchPerson(name string) int {
	w := strings.Fields(name)
	for i, e := range st.ents {
		if e.typ != TypePerson {
			continue
		}
		ew := strings.Fields(e.name)
		if len(w) >= len(ew) {
			continue
		}
		if hasSuffixWords(ew, w) {
			return i
		}
	}
	// a lone first name ("Sir Digby" for "Digby Jones") when only one
	// person has it
	if len(w) == 1 {
		found := -1
		for i, e := range st.ents {
			ew := strings.Fields(e.name)
			if e.typ == TypePerson && len(ew) >= 2 && strings.EqualFold(ew[0], w[0]) {
				if found >= 0 {
					return -1
				}
				found = i
			}
		}
		return found
	}
	return -1
}

// matchOrg joins suffixes ("Home Office" of "UK Home Office")
// and acronyms ("NATO") to their expansions.
func (st *state) matchOrg(name string) int {
	w := strings.Fields(name)
	acr := isAcronym(name)
	for i, e := range st.ents {
		if e.typ != TypeOrg {
			continue
		}
		ew := strings.Fields(e.name)
		if len(w) < len(ew) && hasSuffixWords(ew, w) && len(w) >= 2 {
			return i
		}
		if acr && strings.EqualFold(acronymOf(e.name), strings.ReplaceAll(name, ".", "")) {
			return i
		}
		if clippedWords(w, ew) {
			return i
		}
		// "Nordwell" for "Nordwell Energy", "Commission" for "European
		// Commission"
		if len(w) == 1 && len(ew) >= 2 && isUpperWord(w[0]) && (strings.EqualFold(ew[0], w[0]) || strings.EqualFold(ew[len(ew)-1], w[0])) {
			return i
		}
	}
	return -1
}

// clippedWords reports whether short abbreviates long word by word, each
// word clipped to a prefix of at least three letters and plurals aside:
// "Lib Dems" for "Liberal Democrats", "Man Utd" does not qualify.
func clippedWords(short, long []string) bool {
	if len(short) != len(long) || len(short) == 0 {
		return false
	}
	clipped := false
	for i := range short {
		a, b := strings.ToLower(short[i]), strings.ToLower(long[i])
		if len(a) > 3 {
			a = strings.TrimSuffix(a, "s")
		}
		if len(b) > 3 {
			b = strings.TrimSuffix(b, "s")
		}
		if len(a) < 3 || !strings.HasPrefix(b, a) || !isUpperWord(short[i]) {
			return false
		}
		clipped = clipped || len(a) < len(b) || short[i] != long[i]
	}
	return clipped
}

func hasSuffixWords(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i := range short {
		if !strings.EqualFold(long[off+i], short[i]) {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			n++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return n >= 2
}

func acronymOf(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(w)
		if lw == "of" || lw == "the" || lw == "and" || lw == "for" || lw == "&" {
			continue
		}
		r := []rune(w)
		if unicode.IsUpper(r[0]) {
			b.WriteRune(r[0])
		}
	}
	return b.String()
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// countryEntity returns the GPE entity of a lexicon country, creating it
// when the country is never named in the document.
func (st *state) countryEntity(name string) int {
	key := "GPE|" + strings.ToLower(name)
	for i, e := range st.ents {
		if e.key == key {
			return i
		}
	}
	st.ents = append(st.ents, &entity{typ: TypeGPE, name: name, key: key, first: -1, needed: true})
	return len(st.ents) - 1
}

// findTitles reads job titles from premodifiers and appositions of person
// mentions and adds member_of / leader_of / nationality relations.
func (st *state) findTitles() {
	for mi, m := range st.ments {
		if m.typ != TypePerson || m.ent < 0 || m.dropped {
			continue
		}
		s := st.sents[m.s]
		var spans [][2]int
		// premodifiers: tokens left of the mention dominated by its head
		lo := m.lo
		for k := m.lo - 1; k >= 0; k-- {
			if !s.dominates(m.head, k) || s.toks[k].UPOS == "PUNCT" || s.toks[k].UPOS == "DET" || s.rel(k) == "case" && k < m.lo-1 && s.lower(k) != "of" {
				break
			}
			// only nominal premodifiers: a copular subject, an auxiliary
			// or a time word hanging on a predicate name is not part of
			// the title ("The top executive was former chairman X",
			// "Yesterday the minister X said")
			if s.toks[k].UPOS == "AUX" || s.timex[k] >= 0 || !premodifier(s.baseRel(s.childToward(m.head, k))) {
				break
			}
			if s.ment[k] >= 0 && st.ments[s.ment[k]].typ == TypePerson {
				break
			}
			lo = k
		}
		{
			// the parse missed it or part of it: a run of capitalised
			// words, title words and "of" right before the name
			// ("Secretary of State X", "Acme Corp chief executive X")
			for k := lo - 1; k >= 0; k-- {
				f := s.toks[k].Form
				if s.ment[k] >= 0 && st.ments[s.ment[k]].typ == TypePerson || s.toks[k].UPOS == "PUNCT" || s.toks[k].UPOS == "DET" || s.timex[k] >= 0 {
					break
				}
				if !(isUpperWord(f) || titleWords[s.lower(k)] || s.lower(k) == "of") {
					break
				}
				lo = k
			}
			for lo < m.lo && s.lower(lo) == "of" {
				lo++
			}
		}
		if lo < m.lo {
			// a demonym or title word the parse left out ("Somali" when
			// the parser made it the head: "Somali Defence Minister X")
			for k := lo - 1; k >= 0; k-- {
				f := s.toks[k].Form
				if !isUpperWord(f) || !(st.isDemonym(f) || titleWords[s.lower(k)]) ||
					s.ment[k] >= 0 && st.ments[s.ment[k]].typ == TypePerson {
					break
				}
				lo = k
			}
			spans = append(spans, [2]int{lo, m.lo - 1})
		}
		// "Peter Novak of the Acme Institute": a name with an
		// organisation after of/from/at, or before it as a possessive
		// ("Acme's Peter Novak"), belongs to it
		for _, c := range s.childrenRel(m.head, "nmod") {
			cs := s.child(c, "case")
			if cs < 0 {
				continue
			}
			if p := s.lower(cs); !(c > m.hi && (p == "of" || p == "from" || p == "at") || c < m.lo && s.rel(c) == "nmod:poss") {
				continue
			}
			if y := st.npEntity(s, c); y >= 0 && y != m.ent && st.ents[y].typ == TypeOrg {
				st.addRel(m.ent, MemberOf, y, "", s.id, Asserted)
			}
		}
		// appositions
		for _, a := range s.childrenRel(m.head, "appos") {
			if s.ment[a] >= 0 && st.ments[s.ment[a]].typ == TypePerson {
				continue
			}
			alo, ahi := s.subtree(a, func(c int) bool { return s.rel(c) == "acl:relcl" || s.baseRel(c) == "punct" })
			spans = append(spans, [2]int{alo, ahi})
		}
		// (or any other dependent of a title noun right before it: "vice
		// president Tomas Ekdal" read as "president" with an nmod)
		if h := s.head(m.head); h >= 0 && s.ment[h] < 0 && (s.rel(m.head) == "appos" ||
			h == m.lo-1 && titleWords[s.lower(h)] && s.toks[h].UPOS == "NOUN") {
			// the role noun with its own modifiers, not the clause it
			// heads ("The top executive was former chairman, X")
			hlo, hhi := s.subtree(h, func(c int) bool {
				return c == m.head || s.rel(c) == "acl:relcl" || s.baseRel(c) == "punct" ||
					s.head(c) == h && !premodifier(s.baseRel(c)) && s.baseRel(c) != "det"
			})
			spans = append(spans, [2]int{hlo, hhi})
		}
		// the parse often hangs a name in apposition on the nearest noun
		// ("The mayor of Lyon, Claire Dubois, said": Dubois under Lyon);
		// read the role noun phrase off the surface in either order
		spans = append(spans, st.surfaceRoles(s, m)...)
		for _, sp := range spans {
			a, b := sp[0], sp[1]
			// a title never includes the name itself ("Finance
			// Minister X Y" parsed with "Y" under "Finance")
			if a < m.lo && b >= m.lo {
				b = m.lo - 1
			} else if a >= m.lo && a <= m.hi {
				a = m.hi + 1
			}
			// "And Chancellor X", "Then deputy chairman X", "his
			// campaign boss X": the title starts after conjunctions,
			// adverbs and possessives
			for a <= b && titleLead(s, a) {
				a++
			}
			for b >= a && s.toks[b].UPOS == "PUNCT" {
				b--
			}
			if a > b {
				continue
			}
			has := false
			for k := a; k <= b; k++ {
				if titleWords[s.lower(k)] || titleWords[s.lemma(k)] {
					has = true
				}
			}
			if !has {
				continue
			}
			title := st.tokText(s, a, b)
			st.ents[m.ent].addTitle(title)
			st.titleRelations(s, mi, a, b, title)
			st.titles = append(st.titles, titleSpan{s.idx, mi, a, b})
		}
	}
}

// premodifier reports whether a dependent with relation rel may belong to
// a noun phrase's premodifiers.
func premodifier(rel string) bool {
	switch rel {
	case "compound", "amod", "nmod", "flat", "nummod", "advmod", "case", "dep":
		return true
	}
	return false
}

// titleLead reports whether token k cannot start a title: determiners,
// punctuation, conjunctions, adverbs, prepositions ("tabled by former
// party leader X") and possessive pronouns.
func titleLead(s *sent, k int) bool {
	switch s.toks[k].UPOS {
	case "DET", "PUNCT", "CCONJ", "SCONJ", "ADV", "INTJ", "ADP":
		return true
	case "PRON":
		return s.toks[k].XPOS == "PRP$"
	}
	return false
}

// surfaceRoles returns role noun phrases set off by commas right before
// or right after a person mention m: "The chief executive of Siemens,
// Roland Busch, …" and "Roland Busch, the chief executive of Siemens, …".
// The phrase must be a noun phrase (determiners, adjectives, nouns, names,
// numbers, possessives and of/for/at/in/on) containing a title word, with
// no person in it; the name must not be part of a list ("X, Y and Z").
func (st *state) surfaceRoles(s *sent, m *mention) [][2]int {
	npTok := func(k int) bool {
		if s.timex[k] >= 0 {
			return false // "Yesterday the minister, X, said"
		}
		switch s.toks[k].UPOS {
		case "DET", "ADJ", "NOUN", "PROPN", "NUM":
			return true
		case "PART":
			return s.lower(k) == "'s" || s.lower(k) == "’s"
		case "ADP":
			switch s.lower(k) {
			case "of", "for", "at", "in", "on":
				return true
			}
		}
		return s.toks[k].Form == "-" || s.toks[k].Form == "–"
	}
	isComma := func(k int) bool { return s.ok(k) && s.toks[k].Form == "," }
	role := func(a, b int) bool {
		if a > b {
			return false
		}
		has := false
		for k := a; k <= b; k++ {
			if mi := s.ment[k]; mi >= 0 && st.ments[mi].typ == TypePerson {
				return false
			}
			if titleWords[s.lower(k)] && (s.toks[k].UPOS == "NOUN" || s.toks[k].UPOS == "PROPN" || s.toks[k].UPOS == "ADJ") {
				has = true
			}
		}
		// a role phrase starts with a determiner, an adjective or the
		// role noun itself, never with a preposition
		return has && s.toks[a].UPOS != "ADP"
	}
	var out [][2]int
	// before: "[The mayor of Lyon] , NAME ,|VERB"
	if isComma(m.lo - 1) {
		after := m.hi + 1
		ok := !s.ok(after) || isComma(after) || s.toks[after].UPOS == "VERB" || s.toks[after].UPOS == "AUX" || s.toks[after].UPOS == "PUNCT" && s.toks[after].Form != "-"
		if isComma(after) && s.ok(after+1) && (s.toks[after+1].UPOS == "CCONJ" || s.toks[after+1].UPOS == "PROPN") {
			ok = false // a list of names
		}
		b := m.lo - 2
		a := b + 1
		for k := b; k >= 0 && npTok(k); k-- {
			a = k
			if s.toks[k].UPOS == "DET" && !(k > 0 && s.toks[k-1].UPOS == "ADP" && npTok(k-1)) {
				break
			}
		}
		// not the object of a verb or preposition ("according to the
		// president, X …")
		if a > 0 {
			switch s.toks[a-1].UPOS {
			case "ADP", "VERB", "AUX", "SCONJ":
				ok = false
			}
		}
		if ok && (a == 0 || !npTok(a-1) || s.toks[a].UPOS == "DET") && role(a, b) {
			out = append(out, [2]int{a, b})
		}
	}
	// after: "NAME , [the mayor of Lyon] ,|.|VERB"
	if isComma(m.hi + 1) {
		a := m.hi + 2
		b := a - 1
		for k := a; k < len(s.toks) && npTok(k); k++ {
			if k > a && s.toks[k].UPOS == "DET" && s.lower(k) != "the" {
				break
			}
			b = k
		}
		end := b + 1
		if b >= a && (!s.ok(end) || s.toks[end].UPOS == "PUNCT") && role(a, b) {
			out = append(out, [2]int{a, b})
		}
	}
	return out
}

// titlePredicate is leader_of when the head of the role phrase a..b is a
// leader title ("president", "chief executive"), else member_of.
func titlePredicate(s *sent, a, b int, title string) string {
	low := strings.ToLower(title)
	leader := false
	for _, p := range leaderPhrases {
		if strings.Contains(low, p) {
			leader = true
		}
	}
	// the head word of the title decides: the rightmost title word
	for k := b; k >= a; k-- {
		if titleWords[s.lower(k)] {
			leader = leader || leaderTitles[s.lower(k)] && !strings.Contains(low, "vice") && !strings.Contains(low, "deputy")
			break
		}
	}
	if leader {
		return LeaderOf
	}
	return MemberOf
}

// corefTitleRelations adds the member_of / leader_of relations of role
// phrases whose organisation is named by a resolved nominal ("the union's
// leader, X" after "the Y union").
func (st *state) corefTitleRelations() {
	for _, ts := range st.titles {
		s, m := st.sents[ts.s], st.ments[ts.m]
		pred := titlePredicate(s, ts.a, ts.b, st.tokText(s, ts.a, ts.b))
		for k := ts.a; k <= ts.b; k++ {
			if s.ment[k] >= 0 {
				continue
			}
			e, ok := st.coref[tokRef{s.idx, k}]
			if !ok || e < 0 || e == m.ent {
				continue
			}
			switch st.ents[e].typ {
			case TypeOrg, TypeGPE, TypeGroup:
				st.addRel(m.ent, pred, e, "", s.id, Asserted)
			}
		}
		// a title with no organisation in it whose word is the body's
		// ("Competition Commissioner X" and the European Commission named
		// elsewhere, "Health Minister X" and the Ministry of Health)
		named := false
		for k := ts.a; k <= ts.b; k++ {
			if mi := s.ment[k]; mi >= 0 && st.ments[mi].typ != TypeNORP {
				named = true
			}
		}
		if named {
			continue
		}
		for k := ts.a; k <= ts.b; k++ {
			if !titleWords[s.lower(k)] {
				continue
			}
			if e := st.bodyOfTitle(s.lower(k)); e >= 0 && e != m.ent {
				p := pred
				if h := nameHead(st.ents[e].name); h == "ministry" || h == "directorate" {
					p = LeaderOf // the minister heads the ministry
				}
				st.addRel(m.ent, p, e, "", s.id, Asserted)
			}
		}
	}
}

// bodyOfTitle returns the one organisation of the document whose name head
// shares its stem with title word w ("commissioner" – "Commission",
// "minister" – "Ministry", "senator" – "Senate"), or -1.
func (st *state) bodyOfTitle(w string) int {
	found := -1
	for i, e := range st.ents {
		if e.typ != TypeOrg || len(e.ments) == 0 {
			continue
		}
		h := nameHead(e.name)
		if h == "" {
			h = strings.ToLower(e.name)
		}
		n := 0
		for n < len(h) && n < len(w) && h[n] == w[n] {
			n++
		}
		if n < 5 || h == w {
			continue
		}
		if found >= 0 && found != i {
			return -1 // ambiguous
		}
		found = i
	}
	return found
}

func (st *state) titleRelations(s *sent, mi, a, b int, title string) {
	m := st.ments[mi]
	pred := titlePredicate(s, a, b, title)
	seen := map[int]bool{}
	for k := a; k <= b; k++ {
		oi := s.ment[k]
		if oi < 0 || seen[oi] {
			continue
		}
		seen[oi] = true
		o := st.ments[oi]
		target := o.ent
		if o.typ == TypeNORP || o.dropped {
			c, ok := st.country(o.text)
			if !ok {
				continue
			}
			target = st.countryEntity(c)
			st.addRel(m.ent, Nationality, target, "", st.sents[m.s].id, Asserted)
		}
		if target < 0 || target == m.ent {
			continue
		}
		switch st.ents[target].typ {
		case TypeOrg, TypeGPE, TypeGroup:
			st.addRel(m.ent, pred, target, "", st.sents[m.s].id, Asserted)
		}
	}
	// a demonym not tagged by the NER ("Brazilian President")
	for k := a; k <= b; k++ {
		if s.ment[k] >= 0 || !isUpperWord(s.toks[k].Form) || titleWords[s.lower(k)] {
			continue
		}
		if c, ok := st.country(s.toks[k].Form); ok {
			t := st.countryEntity(c)
			st.addRel(m.ent, pred, t, "", st.sents[m.s].id, Asserted)
			st.addRel(m.ent, Nationality, t, "", st.sents[m.s].id, Asserted)
		}
	}
}

// findGenders sets person genders from titles and first names.
func (st *state) findGenders() {
	for _, e := range st.ents {
		if e.typ != TypePerson {
			continue
		}
		for _, t := range e.titles {
			lt := " " + strings.ToLower(t) + " "
			switch {
			case strings.Contains(lt, "woman") || strings.Contains(lt, "queen") || strings.Contains(lt, "princess") || strings.Contains(lt, " mrs") || strings.Contains(lt, " ms"):
				e.gender = 'f'
			case strings.Contains(lt, "spokesman") || strings.Contains(lt, "chairman") || strings.Contains(lt, " king ") || strings.Contains(lt, "prince ") || strings.Contains(lt, " mr"):
				e.gender = 'm'
			}
		}
		if e.gender != 0 || st.gaz == nil {
			continue
		}
		w := strings.Fields(e.name)
		if len(w) < 2 {
			continue
		}
		if f, ok := st.gaz.FemaleShare(w[0]); ok {
			switch {
			case f >= 0.8:
				e.gender = 'f'
			case f <= 0.2:
				e.gender = 'm'
			}
		}
	}
}

// entityIDs assigns e1, e2, ... in order of first mention; lexicon-only
// entities follow when something refers to them.
func (st *state) entityIDs() []string {
	order := make([]int, 0, len(st.ents))
	for i, e := range st.ents {
		if len(e.ments) > 0 || e.needed {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		fa, fb := st.ents[order[a]].first, st.ents[order[b]].first
		if fa < 0 {
			fa = 1 << 60
		}
		if fb < 0 {
			fb = 1 << 60
		}
		return fa < fb
	})
	ids := make([]string, len(st.ents))
	for n, i := range order {
		ids[i] = "e" + itoa(n+1)
	}
	return ids
}

func (st *state) entityRecord(e *entity, id string) Entity {
	key := e.name
	out := Entity{ID: id, IRI: EntityIRI(e.typ, key), Name: e.name, Type: e.typ,
		Aliases: []string{}, Titles: []string{}, Mentions: []Mention{}}
	for _, a := range e.aliases {
		if !strings.EqualFold(a, e.name) {
			out.Aliases = append(out.Aliases, a)
		}
	}
	out.Titles = append(out.Titles, e.titles...)
	for _, mi := range e.ments {
		m := st.ments[mi]
		out.Mentions = append(out.Mentions, Mention{Sentence: st.sents[m.s].id, Start: m.start, End: m.end, Text: m.text})
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// addTitle adds a title unless a longer title already contains its words;
// a longer title replaces the shorter ones it contains.
func (e *entity) addTitle(t string) {
	tw := strings.Fields(strings.ToLower(t))
	contains := func(long, short []string) bool {
		for i := 0; i+len(short) <= len(long); i++ {
			ok := true
			for j := range short {
				if long[i+j] != short[j] {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
		return false
	}
	var keep []string
	for _, x := range e.titles {
		xw := strings.Fields(strings.ToLower(x))
		if contains(xw, tw) {
			return
		}
		if !contains(tw, xw) {
			keep = append(keep, x)
		}
	}
	e.titles = append(keep, t)
}

// coordSpans gives an untagged proper-noun run coordinated with a mention
// the mention's type ("Kyodo and Yonhap" when only Kyodo was tagged).
func (st *state) coordSpans(s *sent) {
	n := len(s.toks)
	isCoord := func(k int) bool { l := s.lower(k); return l == "and" || l == "or" || l == "," || l == "&" }
	propRun := func(a, step int) (int, int) {
		b := a
		for k := a; k >= 0 && k < n && s.toks[k].UPOS == "PROPN" && s.ment[k] < 0 && isUpperWord(s.toks[k].Form); k += step {
			b = k
		}
		if s.toks[a].UPOS != "PROPN" || s.ment[a] >= 0 || !isUpperWord(s.toks[a].Form) {
			return -1, -1
		}
		if step < 0 {
			return b, a
		}
		return a, b
	}
	for mi := 0; mi < len(st.ments); mi++ {
		m := st.ments[mi]
		if m.s != s.idx || m.typ != TypeOrg && m.typ != TypePerson && m.typ != TypeGPE {
			continue
		}
		var lo, hi int = -1, -1
		if m.hi+2 < n && isCoord(m.hi+1) {
			lo, hi = propRun(m.hi+2, 1)
		}
		if lo < 0 && m.lo-2 >= 0 && isCoord(m.lo-1) {
			lo, hi = propRun(m.lo-2, -1)
		}
		if lo < 0 || hi-lo > 3 {
			continue
		}
		// "Argentina's President, X Y": a title before the name is
		// not a second name; "Last July, X …": nor is a date
		title, calendar := true, true
		for k := lo; k <= hi; k++ {
			title = title && titleWords[s.lower(k)]
			calendar = calendar && isCalendarWord(s.toks[k].Form)
		}
		if title || calendar {
			continue
		}
		nm := &mention{s: s.idx, lo: lo, hi: hi, typ: m.typ, ent: -1}
		st.finishMention(s, nm)
		for k := lo; k <= hi; k++ {
			s.ment[k] = len(st.ments)
		}
		st.ments = append(st.ments, nm)
	}
}

// acronymSpans repairs NER spans with a parenthesised acronym: the words
// before "(ACR)" whose initials spell ACR are one name, whatever pieces
// the recogniser cut them into ("Transport and General Workers Union
// (TGWU)", "Project and Contract Office (PCO)"), and the acronym is a
// mention of the same type. Spans inside the name are replaced; a span
// reaching outside it leaves the sentence as it was.
func acronymSpans(s *sent, spans []nlp.Span) []nlp.Span {
	for k := 1; k+2 < len(s.toks); k++ {
		if s.toks[k].Form != "(" || s.toks[k+2].Form != ")" || !isAcronym(s.toks[k+1].Form) {
			continue
		}
		acr := strings.ToUpper(strings.NewReplacer(".", "", "&", "").Replace(s.toks[k+1].Form))
		lo := -1
		for j := k - 1; j >= 0 && j >= k-12; j-- {
			f := s.toks[j].Form
			if !isUpperWord(f) && !nameLinks[strings.ToLower(f)] {
				break
			}
			if isUpperWord(f) && acronymOf(s.forms(j, k-1)) == acr {
				lo = j
			}
		}
		if lo < 0 || lo == k-1 {
			continue
		}
		typ := TypeOrg
		keep := spans[:0:0]
		ok := true
		for _, sp := range spans {
			switch {
			case sp.End <= lo || sp.Start > k+1:
				keep = append(keep, sp)
			case sp.Start >= lo && sp.End <= k:
				if sp.Type != TypeOrg && typ == TypeOrg && sp.Type != TypePerson {
					typ = sp.Type
				}
			case sp.Start == k+1 && sp.End == k+2:
				// the acronym's own span is rebuilt below
			default:
				ok = false
			}
		}
		if !ok {
			continue
		}
		if orgHeads[strings.ToLower(s.toks[k-1].Form)] {
			typ = TypeOrg // "Christian Medical Fellowship", whatever the pieces were
		}
		spans = append(keep, nlp.Span{Start: lo, End: k, Type: typ}, nlp.Span{Start: k + 1, End: k + 2, Type: typ})
		sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	}
	return spans
}

// nameLinks are the lower-case words a name may contain between its
// capitalised words.
var nameLinks = set("and", "of", "for", "the", "&", "on", "de", "-", "'", "’", "'s", "’s")

// forms joins the forms of tokens i..j with spaces.
func (s *sent) forms(i, j int) string {
	var b strings.Builder
	for k := i; k <= j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(s.toks[k].Form)
	}
	return b.String()
}
