package extract

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/loaders"
)

// Annotator splits a text into sentences of tagged, lemmatised and parsed
// tokens whose offsets are code points into that text.
type Annotator interface {
	Annotate(text string) []nlp.Sentence
}

// Reparser is implemented by annotators that can parse a sentence again
// after its tags were corrected.
type Reparser interface {
	Reparse(s *nlp.Sentence)
}

// Recognizer finds named-entity spans in annotated sentences: one list of
// spans per sentence.
type Recognizer interface {
	Spans(sents []nlp.Sentence) [][]nlp.Span
}

// Gazetteer answers lexicon questions about places and names. A nil
// Gazetteer knows nothing.
type Gazetteer interface {
	// Country returns the common name of the country that s names, spells
	// differently, abbreviates ("U.S.") or describes with a demonym
	// ("Brazilian").
	Country(s string) (name string, ok bool)
	// CityCountry returns the country of a city name.
	CityCountry(s string) (country string, ok bool)
	// FemaleShare returns the share of bearers of a first name who are
	// female.
	FemaleShare(first string) (share float64, ok bool)
}

// Options configure an Extractor.
type Options struct {
	// Gazetteer resolves countries, cities and first names; nil means
	// none.
	Gazetteer Gazetteer

	// keepSplits keeps the annotator's sentence splits as they are (tests
	// on gold sentence boundaries).
	keepSplits bool
}

// Extractor turns documents into extraction records. It is safe for
// concurrent use if its Annotator and Recognizer are.
type Extractor struct {
	ann  Annotator
	rec  Recognizer
	opts Options
}

// New returns an Extractor that annotates with a and finds entities with r.
func New(a Annotator, r Recognizer, opts Options) *Extractor {
	return &Extractor{ann: a, rec: r, opts: opts}
}

// Extract fills the whole extraction record of doc.
func (x *Extractor) Extract(ctx context.Context, doc loaders.Document) (rec *Record, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	defer func() {
		if !recoverPanics {
			return
		}
		if r := recover(); r != nil {
			rec, err = nil, fmt.Errorf("extract %s: internal error: %v", doc.Path, r)
		}
	}()
	st := newState(x, doc)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	st.run()
	return st.record(), nil
}

// recoverPanics turns internal panics into errors; tests switch it off to
// see the stack.
var recoverPanics = true

// sent is one annotated sentence with derived tree structure.
type sent struct {
	idx   int
	id    string
	start int
	end   int
	toks  []nlp.Token
	kids  [][]int // children (0-based) of each token
	ment  []int   // mention index covering each token, -1 if none
	timex []int   // time expression index per token, -1 if none
}

// state is the working state of one extraction.
type state struct {
	x      *Extractor
	wideNP bool // OpenIE: keep relative clauses and appositions in noun phrases
	doc    loaders.Document
	runes  []rune
	sents  []*sent
	ments  []*mention
	ents   []*entity
	rels   []relation
	claims []*claim
	quotes []span // quote regions (code points, inner text)
	timexs []*timex
	coref  map[tokRef]int // pronoun/nominal token -> entity, -2 for non-entity
	titles []titleSpan    // role phrases of person mentions (findTitles)
	pub    dateT
	hasPub bool
	gaz    Gazetteer
}

type tokRef struct{ s, t int }

type span struct{ start, end int }

func newState(x *Extractor, doc loaders.Document) *state {
	st := &state{x: x, doc: doc, runes: []rune(doc.Text), coref: map[tokRef]int{}, gaz: x.opts.Gazetteer}
	if !doc.Published.IsZero() {
		st.hasPub = true
		y, m, d := doc.Published.Date()
		st.pub = dateT{y, int(m), d}
	}
	var raw []nlp.Sentence
	if x.ann != nil && doc.Text != "" {
		raw = x.ann.Annotate(doc.Text)
	}
	raw = st.sanitize(raw)
	var spans [][]nlp.Span
	if x.rec != nil && len(raw) > 0 {
		spans = x.rec.Spans(raw)
		for i := range spans {
			if i < len(raw) {
				spans[i] = dropInitialWords(&raw[i], spans[i])
			}
		}
		if rp, ok := x.ann.(Reparser); ok {
			for i := range raw {
				if i < len(spans) && retagNames(&raw[i], spans[i]) {
					rp.Reparse(&raw[i])
					if fixed := st.sanitize(raw[i : i+1]); len(fixed) == 1 && len(fixed[0].Tokens) == len(raw[i].Tokens) {
						raw[i] = fixed[0]
					}
				}
			}
		}
	}
	for i := range raw {
		repairReporting(&raw[i])
		repairNounClauses(&raw[i])
		repairParticipleCue(&raw[i])
		repairRelativeObject(&raw[i])
		repairTrailingParticiple(&raw[i])
		repairForSubject(&raw[i])
		repairApposName(&raw[i])
	}
	for i, s := range raw {
		se := &sent{idx: i, id: fmt.Sprintf("s%d", i+1), start: s.Start, end: s.End, toks: s.Tokens}
		n := len(s.Tokens)
		se.kids = make([][]int, n)
		se.ment = make([]int, n)
		se.timex = make([]int, n)
		for j := range s.Tokens {
			se.ment[j], se.timex[j] = -1, -1
			if h := s.Tokens[j].Head; h > 0 && h <= n && h-1 != j {
				se.kids[h-1] = append(se.kids[h-1], j)
			}
		}
		st.sents = append(st.sents, se)
		if i < len(spans) {
			st.addSpans(se, acronymSpans(se, spans[i]))
			st.coordSpans(se)
		}
	}
	return st
}

// dropInitialWords drops one-word names at the start of a sentence that
// the tagger reads as a verb, adverb or function word: capitalised only
// because they start the sentence ("Born in X, she …", "Asked about …").
func dropInitialWords(s *nlp.Sentence, spans []nlp.Span) []nlp.Span {
	out := spans[:0:0]
	for _, sp := range spans {
		// (an acronym is capitalised throughout, wherever it stands:
		// "ANSA, citing …")
		// (nor is a word before a noun, which modifies it: "Dutch firm
		// X …" with "Dutch" read as a verb)
		if sp.Start == 0 && sp.End == 1 && len(s.Tokens) > 1 && !isAcronym(s.Tokens[0].Form) &&
			s.Tokens[1].UPOS != "NOUN" && s.Tokens[1].UPOS != "PROPN" {
			switch s.Tokens[0].UPOS {
			case "VERB", "AUX", "ADV", "ADP", "SCONJ", "PRON", "DET", "CCONJ":
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

// retagNames makes the capitalised words of PERSON, ORG, GPE and LOC names
// proper nouns where the tagger read them otherwise ("Acme, which is
// based in ..." with "Acme" as an interjection) and reports whether it
// changed a tag.
func retagNames(s *nlp.Sentence, spans []nlp.Span) bool {
	changed := false
	for _, sp := range spans {
		switch sp.Type {
		case TypePerson, TypeOrg, TypeGPE, TypeLoc:
		case TypeNORP, TypeMisc:
			// a nationality or other name read as a verb or function
			// word ("Dutch firm X saw …" with "Dutch" as a verb) is an
			// adjective
			for k := max(sp.Start, 0); k < sp.End && k < len(s.Tokens); k++ {
				t := &s.Tokens[k]
				switch t.UPOS {
				case "VERB", "AUX", "ADV", "PRON", "SCONJ", "INTJ":
					if isUpperWord(t.Form) {
						t.UPOS, t.XPOS = "ADJ", "JJ"
						changed = true
					}
				}
			}
			continue
		default:
			continue
		}
		for k := max(sp.Start, 0); k < sp.End && k < len(s.Tokens); k++ {
			t := &s.Tokens[k]
			switch t.UPOS {
			case "PROPN", "NUM", "DET", "ADP", "CCONJ", "PUNCT", "PART":
				continue
			}
			if !isUpperWord(t.Form) {
				continue
			}
			t.UPOS, t.XPOS = "PROPN", "NNP"
			changed = true
		}
	}
	return changed
}

// sanitize drops or repairs annotations that do not fit the text: offsets
// outside the text, heads outside the sentence, cycles.
func (st *state) sanitize(in []nlp.Sentence) []nlp.Sentence {
	n := len(st.runes)
	out := make([]nlp.Sentence, 0, len(in))
	for _, s := range in {
		if len(s.Tokens) == 0 {
			continue
		}
		toks := make([]nlp.Token, 0, len(s.Tokens))
		for _, t := range s.Tokens {
			if t.Start < 0 || t.End > n || t.Start >= t.End {
				continue
			}
			toks = append(toks, t)
		}
		if len(toks) == 0 {
			continue
		}
		if len(toks) != len(s.Tokens) {
			for i := range toks {
				toks[i].Head = -1
			}
		}
		for i := range toks {
			if toks[i].Head < 0 || toks[i].Head > len(toks) || toks[i].Head == i+1 {
				toks[i].Head = 0
				if toks[i].Deprel == "" {
					toks[i].Deprel = "dep"
				}
			}
			if toks[i].Lemma == "" {
				toks[i].Lemma = strings.ToLower(toks[i].Form)
			}
		}
		// break cycles: follow heads; a token whose chain does not reach
		// the root within len steps is attached to the root.
		for i := range toks {
			h, steps := toks[i].Head, 0
			for h > 0 && steps <= len(toks) {
				h = toks[h-1].Head
				steps++
			}
			if h != 0 {
				toks[i].Head = 0
			}
		}
		s.Tokens = toks
		s.Start, s.End = toks[0].Start, toks[len(toks)-1].End
		if s.Start < 0 || s.End > n || s.Start > s.End {
			continue
		}
		s.Text = string(st.runes[s.Start:s.End])
		out = append(out, s)
	}
	// sentences must not overlap and must be in text order
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	res := out[:0]
	last := -1
	for _, s := range out {
		if s.Start < last {
			continue
		}
		res = append(res, s)
		last = s.End
	}
	if st.x != nil && st.x.opts.keepSplits {
		return res
	}
	return st.mergeSplits(res)
}

// mergeSplits undoes sentence splits after abbreviations: a sentence that
// starts with a lower-case word continues the previous one. Its root is
// attached to the previous root as parataxis.
func (st *state) mergeSplits(in []nlp.Sentence) []nlp.Sentence {
	var out []nlp.Sentence
	for _, s := range in {
		first := []rune(s.Tokens[0].Form)
		if len(out) > 0 && len(first) > 0 && unicode.IsLower(first[0]) {
			prev := &out[len(out)-1]
			off := len(prev.Tokens)
			root := 0
			for i, t := range prev.Tokens {
				if t.Head == 0 {
					root = i + 1
					break
				}
			}
			toks := make([]nlp.Token, 0, off+len(s.Tokens))
			toks = append(toks, prev.Tokens...)
			for _, t := range s.Tokens {
				switch {
				case t.Head > 0:
					t.Head += off
				case t.Head == 0 && root > 0:
					t.Head, t.Deprel = root, "parataxis"
				}
				toks = append(toks, t)
			}
			prev.Tokens = toks
			prev.End = s.End
			prev.Text = string(st.runes[prev.Start:prev.End])
			continue
		}
		out = append(out, s)
	}
	return out
}

func (st *state) run() {
	st.findQuotes()
	st.findTimexes()
	st.buildEntities()
	st.resolveCoref()
	st.corefTitleRelations()
	st.findClaims()
	st.findRelations()
}

// text returns the document text between code point offsets.
func (st *state) text(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(st.runes) {
		b = len(st.runes)
	}
	if a >= b {
		return ""
	}
	return string(st.runes[a:b])
}

// tokText is the text from token i to token j inclusive.
func (st *state) tokText(s *sent, i, j int) string {
	if i < 0 || j >= len(s.toks) || i > j {
		return ""
	}
	return st.text(s.toks[i].Start, s.toks[j].End)
}

func (s *sent) ok(i int) bool { return i >= 0 && i < len(s.toks) }
func (s *sent) lemma(i int) string {
	if !s.ok(i) {
		return ""
	}
	return strings.ToLower(s.toks[i].Lemma)
}
func (s *sent) lower(i int) string {
	if !s.ok(i) {
		return ""
	}
	return strings.ToLower(s.toks[i].Form)
}
func (s *sent) rel(i int) string {
	if !s.ok(i) {
		return ""
	}
	return s.toks[i].Deprel
}
func (s *sent) baseRel(i int) string {
	r := s.rel(i)
	if k := strings.IndexByte(r, ':'); k >= 0 {
		return r[:k]
	}
	return r
}
func (s *sent) head(i int) int {
	if !s.ok(i) {
		return -1
	}
	return s.toks[i].Head - 1
}

// child returns the first child of i whose relation is one of rels
// (base relation or full relation), or -1.
func (s *sent) child(i int, rels ...string) int {
	if !s.ok(i) {
		return -1
	}
	for _, c := range s.kids[i] {
		for _, r := range rels {
			if s.toks[c].Deprel == r || s.baseRel(c) == r {
				return c
			}
		}
	}
	return -1
}

func (s *sent) childrenRel(i int, rels ...string) []int {
	if !s.ok(i) {
		return nil
	}
	var out []int
	for _, c := range s.kids[i] {
		for _, r := range rels {
			if s.toks[c].Deprel == r || s.baseRel(c) == r {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// hasChildLemma reports whether i has a child with one of the lemmas.
func (s *sent) hasChildLemma(i int, lemmas map[string]bool) bool {
	for _, c := range s.kids[i] {
		if lemmas[s.lemma(c)] || lemmas[s.lower(c)] {
			return true
		}
	}
	return false
}

// dominates reports whether a dominates b (or a == b).
func (s *sent) dominates(a, b int) bool {
	for steps := 0; b >= 0 && steps <= len(s.toks); steps++ {
		if a == b {
			return true
		}
		b = s.head(b)
	}
	return false
}

// childToward returns the child of a on the path from a down to b (b
// itself when a is its head), or -1 when a does not dominate b.
func (s *sent) childToward(a, b int) int {
	for steps := 0; b >= 0 && steps <= len(s.toks); steps++ {
		h := s.head(b)
		if h == a {
			return b
		}
		b = h
	}
	return -1
}

// ancestors returns v and the tokens above it.
func (s *sent) ancestors(v int) map[int]bool {
	m := map[int]bool{}
	for steps := 0; v >= 0 && steps <= len(s.toks); steps++ {
		m[v] = true
		v = s.head(v)
	}
	return m
}

// subtree returns the token range [lo, hi] of i's subtree, leaving out
// the subtrees of children for which skip returns true.
func (s *sent) subtree(i int, skip func(c int) bool) (int, int) {
	lo, hi := i, i
	var walk func(k, depth int)
	walk = func(k, depth int) {
		if depth > len(s.toks) {
			return
		}
		if k < lo {
			lo = k
		}
		if k > hi {
			hi = k
		}
		for _, c := range s.kids[k] {
			if skip != nil && skip(c) {
				continue
			}
			walk(c, depth+1)
		}
	}
	walk(i, 0)
	return lo, hi
}

// compactSubtree is the span of i's subtree without punctuation the
// parser hung on it from afar (a closing quote at the end of the sentence
// attached to an earlier clause), keeping punctuation next to it.
func (s *sent) compactSubtree(i int) (int, int) {
	lo, hi := s.subtree(i, func(c int) bool { return s.baseRel(c) == "punct" })
	in := func(k int) bool { return s.dominates(i, k) }
	for lo > 0 && s.toks[lo-1].UPOS == "PUNCT" && in(lo-1) {
		lo--
	}
	for hi+1 < len(s.toks) && s.toks[hi+1].UPOS == "PUNCT" && in(hi+1) {
		hi++
	}
	return lo, hi
}

// trim moves lo/hi inward past punctuation, conjunctions and
// complementizers at the edges.
func (s *sent) trim(lo, hi int, dropMark bool) (int, int) {
	for lo <= hi {
		u := s.toks[lo].UPOS
		if u == "PUNCT" || u == "CCONJ" && lo != hi ||
			dropMark && s.rel(lo) == "mark" && (s.lower(lo) == "that" || s.lower(lo) == "whether" || s.lower(lo) == "if") {
			lo++
			continue
		}
		break
	}
	for hi >= lo {
		u := s.toks[hi].UPOS
		if u == "PUNCT" && !(s.toks[hi].Form == ")" && hasOpenParen(s, lo, hi)) || u == "CCONJ" {
			hi--
			continue
		}
		break
	}
	return lo, hi
}

func isQuoteChar(f string) bool {
	switch f {
	case "\"", "“", "”", "''", "``", "‘", "’", "«", "»":
		return true
	}
	return false
}

// isVerbal reports whether token i heads a clause.
func (s *sent) isVerbal(i int) bool {
	u := s.toks[i].UPOS
	return u == "VERB" || u == "AUX" || s.child(i, "cop") >= 0 && s.child(i, "nsubj") >= 0
}

// negated reports whether the clause headed by i is negated.
func (s *sent) negated(i int) bool {
	for _, c := range s.kids[i] {
		if (s.rel(c) == "advmod" || s.rel(c) == "neg" || s.baseRel(c) == "aux" || s.rel(c) == "det") && negWords[s.lower(c)] {
			if s.rel(c) == "det" {
				continue
			}
			return true
		}
	}
	return false
}

// firstNonSpace etc.
func isUpperWord(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// record builds the output record.
func (st *state) record() *Record {
	doc := st.doc
	id := DocumentID(doc.Text)
	r := &Record{
		Document: DocumentInfo{ID: id, IRI: DocumentIRI(id), Language: "en", Text: doc.Text,
			Title: strPtr(doc.Title), Source: strPtr(doc.Source), URL: strPtr(doc.URL)},
		Sentences: []Sentence{}, Entities: []Entity{}, Relations: []Relation{}, Claims: []Claim{},
	}
	if st.hasPub {
		v := st.pub.String()
		r.Document.Published = &v
	}
	for _, s := range st.sents {
		r.Sentences = append(r.Sentences, Sentence{ID: s.id, Start: s.start, End: s.end, Text: st.text(s.start, s.end)})
	}
	ids := st.entityIDs()
	byID := make([]int, len(st.ents)+1)
	for i := range ids {
		if ids[i] != "" {
			n, _ := strconv.Atoi(ids[i][1:])
			byID[n] = i + 1
		}
	}
	for _, i := range byID {
		if i > 0 {
			r.Entities = append(r.Entities, st.entityRecord(st.ents[i-1], ids[i-1]))
		}
	}
	seen := map[string]bool{}
	// a place that is part of another is not also located in it
	partOf := map[[2]int]bool{}
	for _, rel := range st.rels {
		if rel.pred == PartOf {
			partOf[[2]int{rel.subj, rel.obj}] = true
		}
	}
	for _, rel := range st.rels {
		if rel.pred == LocatedIn && partOf[[2]int{rel.subj, rel.obj}] {
			continue
		}
		sub, ok := entRef(ids, rel.subj)
		if !ok {
			continue
		}
		obj := Object{Text: rel.objText}
		if rel.obj >= 0 {
			o, ok := entRef(ids, rel.obj)
			if !ok || o == sub {
				continue
			}
			obj = Object{Entity: o}
		}
		if obj.Entity == "" && strings.TrimSpace(obj.Text) == "" {
			continue
		}
		key := sub + "|" + rel.pred + "|" + obj.Entity + "|" + obj.Text
		if !typedPredicates[rel.pred] {
			// events are told per sentence; standing facts once
			key += "|" + rel.sent
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		r.Relations = append(r.Relations, Relation{Subject: sub, Predicate: rel.pred, Object: obj,
			Sentence: rel.sent, Certainty: rel.cert, Negated: rel.cert == Denied})
	}
	for i, c := range st.claims {
		r.Claims = append(r.Claims, st.claimRecord(c, fmt.Sprintf("c%d", i+1), ids))
	}
	return r
}

func entRef(ids []string, i int) (string, bool) {
	if i < 0 || i >= len(ids) || ids[i] == "" {
		return "", false
	}
	return ids[i], true
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// hasOpenParen reports whether tokens lo..hi contain an opening bracket.
func hasOpenParen(s *sent, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if s.toks[k].Form == "(" {
			return true
		}
	}
	return false
}
