package ner

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

// GUMOptions configures ReadGUM.
type GUMOptions struct {
	// Genres keeps only documents of these genres (the second part of the
	// document id, GUM_news_...); nil keeps all.
	Genres []string
	// Weight scales the perceptron updates from GUM sentences (0: 1).
	Weight float64
}

// gumTypes maps GUM entity types to CoNLL types; the other types (time,
// and anything unknown) give no name.
var gumTypes = map[string]string{
	"person":       "PER",
	"organization": "ORG",
	"place":        "LOC",
	"event":        "MISC",
	"object":       "MISC",
	"abstract":     "MISC",
	"substance":    "MISC",
	"animal":       "MISC",
	"plant":        "MISC",
}

// personTitles are words that open a GUM person mention but stay outside
// a CoNLL PER span ("President Obama" → "Obama").
var personTitles = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true, "dr.": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "king": true, "queen": true, "prince": true,
	"princess": true, "president": true, "senator": true, "sen.": true, "governor": true, "gov.": true,
	"general": true, "gen.": true, "captain": true, "capt.": true, "professor": true, "prof.": true,
	"pope": true, "judge": true, "justice": true, "rev.": true, "reverend": true, "saint": true,
	"st.": true, "emperor": true, "empress": true, "uncle": true, "aunt": true, "father": true,
	"mother": true, "brother": true, "sister": true, "chancellor": true, "minister": true,
	"secretary": true, "officer": true, "detective": true, "colonel": true, "col.": true,
	"lieutenant": true, "lt.": true, "sergeant": true, "sgt.": true, "mayor": true, "coach": true,
	"bishop": true, "archbishop": true, "cardinal": true, "rabbi": true, "imam": true, "sheikh": true,
	"count": true, "duke": true, "duchess": true, "baron": true, "chief": true, "admiral": true,
	"vice": true, "speaker": true, "representative": true, "rep.": true, "congressman": true, "congresswoman": true, "agent": true,
}

// nameConnectors may join two proper nouns inside one name ("Bank of
// England", "Procter & Gamble").
var nameConnectors = map[string]bool{"of": true, "and": true, "&": true, "de": true, "for": true, "the": true, "on": true, "du": true, "la": true, "von": true, "van": true}

// gumMention is one entity mention of a GUM sentence: words start..end-1
// (0-based), its GUM type.
type gumMention struct {
	start, end int
	etype      string
}

// parseGUMEntities reads the Entity= brackets of a sentence's MISC column.
func parseGUMEntities(words []conllu.Word) []gumMention {
	type open struct {
		eid   string
		etype string
		start int
	}
	var stack []open
	var out []gumMention
	for i, w := range words {
		v, ok := conllu.MiscGet(w.Misc, "Entity")
		if !ok {
			continue
		}
		for p := 0; p < len(v); {
			if v[p] == '(' {
				q := p + 1
				for q < len(v) && v[q] != '(' && v[q] != ')' {
					q++
				}
				f := strings.SplitN(v[p+1:q], "-", 3)
				o := open{start: i}
				if len(f) >= 2 {
					o.eid, o.etype = f[0], f[1]
				}
				if q < len(v) && v[q] == ')' {
					out = append(out, gumMention{i, i + 1, o.etype})
					q++
				} else {
					stack = append(stack, o)
				}
				p = q
				continue
			}
			q := p
			for q < len(v) && v[q] != ')' && v[q] != '(' {
				q++
			}
			eid := v[p:q]
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].eid == eid {
					out = append(out, gumMention{stack[k].start, i + 1, stack[k].etype})
					stack = append(stack[:k], stack[k+1:]...)
					break
				}
			}
			if q < len(v) && v[q] == ')' {
				q++
			}
			p = q
		}
	}
	return out
}

// headOf returns the first word of m whose head lies outside m.
func headOf(words []conllu.Word, m gumMention) int {
	for i := m.start; i < m.end; i++ {
		h := words[i].Head - 1
		if h < m.start || h >= m.end {
			return i
		}
	}
	return m.start
}

func isNNP(w conllu.Word) bool { return w.XPOS == "NNP" || w.XPOS == "NNPS" }

// gumName returns the CoNLL-style name span inside mention m (ok false
// when the mention's head is not a proper noun): the run of proper nouns
// around the head, with connectors between proper nouns, leading titles
// left out of person names.
func gumName(words []conllu.Word, m gumMention) (start, end int, ok bool) {
	head := headOf(words, m)
	if !isNNP(words[head]) {
		return 0, 0, false
	}
	start, end = head, head+1
	for start > m.start {
		switch {
		case isNNP(words[start-1]):
			start--
			continue
		case start-2 >= m.start && nameConnectors[words[start-1].Form] && isNNP(words[start-2]):
			start -= 2
			continue
		}
		break
	}
	for end < m.end {
		switch {
		case isNNP(words[end]):
			end++
			continue
		case end+1 < m.end && nameConnectors[words[end].Form] && isNNP(words[end+1]):
			end += 2
			continue
		}
		break
	}
	if gumTypes[m.etype] == "PER" {
		for start < end && personTitles[strings.ToLower(words[start].Form)] {
			start++
		}
	}
	// A name starts with a capital letter or a digit.
	for start < end {
		r := []rune(words[start].Form)
		if len(r) > 0 && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) {
			break
		}
		start++
	}
	return start, end, start < end
}

// GUMDocuments converts UD GUM sentences with Entity= annotations into
// CoNLL documents whose last column is an IOB2 tag: named mentions (head
// tagged NNP/NNPS) of persons, organisations and places become PER, ORG
// and LOC, other named mentions MISC (time expressions none), longer
// names winning over nested ones; capitalised demonyms outside names
// ("Spanish") become MISC as in CoNLL.
func GUMDocuments(sents []*conllu.Sentence, lex *lexicon.Lexicon, opt GUMOptions) []Document {
	keep := func(id string) bool {
		if opt.Genres == nil {
			return true
		}
		f := strings.Split(id, "_")
		if len(f) < 2 {
			return false
		}
		for _, g := range opt.Genres {
			if f[1] == g {
				return true
			}
		}
		return false
	}
	var docs []Document
	use := false
	for _, s := range sents {
		if id, ok := s.Comment("newdoc id"); ok {
			use = keep(id)
			if use {
				docs = append(docs, Document{Start: []string{"-DOCSTART-", "O"}, weight: opt.Weight})
			}
		}
		if !use || len(s.Words) == 0 {
			continue
		}
		if len(docs) == 0 {
			docs = append(docs, Document{weight: opt.Weight})
		}
		words := s.Words
		labels := make([]string, len(words))
		for i := range labels {
			labels[i] = "O"
		}
		type name struct {
			start, end int
			typ        string
		}
		var names []name
		for _, m := range parseGUMEntities(words) {
			typ := gumTypes[m.etype]
			if typ == "" {
				continue
			}
			if st, en, ok := gumName(words, m); ok {
				if typ == "PER" && words[headOf(words, m)].XPOS == "NNPS" {
					typ = "MISC" // "the Tagbanuas", a people
				}
				names = append(names, name{st, en, typ})
			}
		}
		sort.SliceStable(names, func(a, b int) bool {
			return names[a].end-names[a].start > names[b].end-names[b].start
		})
		for _, n := range names {
			free := true
			for j := n.start; j < n.end; j++ {
				if labels[j] != "O" {
					free = false
				}
			}
			if !free {
				continue
			}
			for j := n.start; j < n.end; j++ {
				labels[j] = "I-" + n.typ
			}
			labels[n.start] = "B-" + n.typ
		}
		forms := make([]string, len(words))
		for i, w := range words {
			forms[i] = w.Form
		}
		if lex != nil {
			for _, m := range lex.Matches(forms) {
				if m.Kind&lexicon.KindDemonym == 0 {
					continue
				}
				free := true
				for j := m.Start; j < m.End; j++ {
					r := []rune(forms[j])
					if labels[j] != "O" || len(r) == 0 || !unicode.IsUpper(r[0]) {
						free = false
					}
				}
				if !free {
					continue
				}
				for j := m.Start; j < m.End; j++ {
					labels[j] = "I-MISC"
				}
				labels[m.Start] = "B-MISC"
			}
		}
		sent := make(Sentence, len(words))
		for i := range words {
			sent[i] = Line{Cols: []string{forms[i], labels[i]}}
		}
		d := &docs[len(docs)-1]
		d.Sentences = append(d.Sentences, sent)
	}
	return docs
}

// ReadGUMFile reads a GUM CoNLL-U file as CoNLL NER documents (see
// GUMDocuments).
func ReadGUMFile(path string, lex *lexicon.Lexicon, opt GUMOptions) ([]Document, error) {
	sents, err := conllu.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read gum: %w", err)
	}
	return GUMDocuments(sents, lex, opt), nil
}
