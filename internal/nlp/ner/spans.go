package ner

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// Spans tags the sentences of one document and returns the entity spans
// of each with extraction-contract types: PER → PERSON, ORG → ORG, LOC →
// GPE for countries, cities and regions known to the lexicon, else LOC;
// MISC → NORP for nationalities and religious or political groups, EVENT
// or LAW when the head word says so, else MISC. Months, weekdays and
// sentence-initial common words are dropped.
func (m *Model) Spans(sents []nlp.Sentence) [][]nlp.Span {
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = make([]string, len(s.Tokens))
		for j, t := range s.Tokens {
			words[i][j] = t.Form
		}
	}
	labels := m.tagDocument(words)
	// Words tagged as (part of) an entity away from the sentence start.
	confirmed := map[string]bool{}
	for i, ls := range labels {
		for j, l := range ls {
			if l != 0 && j > 0 {
				confirmed[words[i][j]] = true
			}
		}
	}
	out := make([][]nlp.Span, len(sents))
	for i, ls := range labels {
		for _, sp := range spansOf(ls) {
			ws := words[i][sp.start:sp.end]
			if allCalendar(ws) {
				continue
			}
			if sp.start == 0 && sp.end == 1 && !confirmed[ws[0]] && m.commonWord(ws[0]) {
				continue
			}
			out[i] = append(out[i], nlp.Span{Start: sp.start, End: sp.end, Type: m.contractType(types[sp.typ], ws)})
		}
	}
	return out
}

// ContractType maps a CoNLL type (PER, ORG, LOC, MISC) and the span's
// words to a type of the extraction contract.
func (m *Model) ContractType(conllType string, words []string) string {
	return m.contractType(conllType, words)
}

func (m *Model) contractType(t string, ws []string) string {
	name := displayName(ws)
	lex := m.fz.lex
	switch t {
	case "PER":
		return "PERSON"
	case "ORG":
		return "ORG"
	case "LOC":
		if lex != nil {
			if _, ok := lex.Country(name); ok {
				return "GPE"
			}
			if _, ok := lex.City(name); ok {
				return "GPE"
			}
		}
		return "LOC"
	case "MISC":
		if lex != nil {
			if _, ok := lex.Demonym(name); ok {
				return "NORP"
			}
		}
		if norpWords[strings.ToLower(name)] {
			return "NORP"
		}
		last := strings.ToLower(ws[len(ws)-1])
		if len(ws) > 1 && eventHeads[last] {
			return "EVENT"
		}
		if len(ws) > 1 && lawHeads[last] {
			return "LAW"
		}
		return "MISC"
	}
	return t
}

// displayName joins words, turning all-capital words into title case so
// that lexicon lookups work on headlines.
func displayName(ws []string) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		if len(w) > 3 && strings.ToUpper(w) == w && strings.ToLower(w) != w {
			w = titleCase(strings.ToLower(w))
		}
		parts[i] = w
	}
	return strings.Join(parts, " ")
}

// commonWord reports whether w is mostly written in lower case in the
// cluster corpus and is not a known place, nationality or first name.
func (m *Model) commonWord(w string) bool {
	low := strings.ToLower(w)
	if low == w {
		return false
	}
	cl, cw := m.fz.clusters.Count(low), m.fz.clusters.Count(w)
	if cl < 5 || cl < 4*cw {
		return false
	}
	if lex := m.fz.lex; lex != nil {
		if _, ok := lex.Country(w); ok {
			return false
		}
		if _, ok := lex.Demonym(w); ok {
			return false
		}
		if _, ok := lex.City(w); ok {
			return false
		}
		if _, n, ok := lex.FirstName(w); ok && n > 1000 {
			return false
		}
	}
	return true
}

func allCalendar(ws []string) bool {
	for _, w := range ws {
		if !calendarWords[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return false
		}
	}
	return true
}

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

var calendarWords = setOf("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday")

// norpWords are nationalities, religious and political groups that are
// not country demonyms.
var norpWords = setOf("western", "westerner", "westerners", "european", "europeans", "arab", "arabs",
	"african", "africans", "asian", "asians", "latin american", "latin americans", "muslim", "muslims",
	"christian", "christians", "jewish", "jew", "jews", "islamic", "islamist", "islamists", "catholic",
	"catholics", "protestant", "protestants", "sunni", "sunnis", "shia", "shiite", "shiites", "hindu",
	"hindus", "buddhist", "buddhists", "sikh", "sikhs", "kurdish", "kurd", "kurds", "democrat",
	"democrats", "republican", "republicans", "communist", "communists", "socialist", "socialists",
	"soviet", "soviets", "nazi", "nazis", "english", "scottish", "scot", "scots", "welsh", "basque",
	"catalan", "tamil", "tamils", "pashtun", "uighur", "uyghur", "tibetan", "tibetans", "roma",
	"slav", "slavic", "nordic", "scandinavian", "balkan", "caucasian", "hispanic", "latino", "latinos",
	"orthodox", "evangelical", "evangelicals", "zionist", "maoist", "maoists", "eastern european")

var eventHeads = setOf("war", "cup", "olympics", "games", "championship", "championships", "open",
	"summit", "festival", "election", "elections", "tournament", "prix", "marathon", "revolution",
	"conference", "crisis", "series")

var lawHeads = setOf("act", "treaty", "accord", "accords", "convention", "protocol", "charter",
	"constitution", "bill", "amendment", "agreement", "law")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Sentences is a simple fallback splitter and tokenizer for raw text:
// tokens by Tokenize's rules, sentences ending at '.', '!' or '?' tokens
// (not abbreviations) followed by a token that does not start with a
// lower-case letter, and at blank lines. Offsets are in code points.
func Sentences(text string) []nlp.Sentence {
	toks, starts, ends := TokenSpans(text)
	rs := []rune(text)
	var out []nlp.Sentence
	begin := 0
	flush := func(end int) {
		if end <= begin {
			return
		}
		s := nlp.Sentence{Start: starts[begin], End: ends[end-1]}
		s.Text = string(rs[s.Start:s.End])
		for k := begin; k < end; k++ {
			t := nlp.Token{Form: toks[k], Start: starts[k], End: ends[k], Head: -1}
			t.SpaceAfter = k+1 < len(toks) && ends[k] < starts[k+1]
			s.Tokens = append(s.Tokens, t)
		}
		out = append(out, s)
		begin = end
	}
	for k := range toks {
		if k > begin && strings.Count(string(rs[ends[k-1]:starts[k]]), "\n") >= 2 {
			flush(k)
		}
		switch toks[k] {
		case ".", "!", "?":
			if k+1 < len(toks) {
				r := firstRune(toks[k+1])
				if unicode.IsLower(r) {
					continue
				}
				if strings.ContainsRune("\"'”’)", r) {
					continue // the closing quote belongs to this sentence
				}
			}
			flush(k + 1)
		case "\"", "”", "'", "’", ")":
			if k > begin && (toks[k-1] == "." || toks[k-1] == "!" || toks[k-1] == "?") {
				flush(k + 1)
			}
		}
	}
	flush(len(toks))
	return out
}
