package conllu

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// ToNLP converts s to an nlp.Sentence. Its Text is the "# text" comment (or
// the surface forms joined by their spacing when the comment is missing) and
// token offsets are code point offsets into that text, found by aligning the
// surface tokens with it. Words of a multiword token whose forms do not
// spell the surface form all get the span of the multiword token.
func ToNLP(s *Sentence) nlp.Sentence {
	text, ok := s.Comment("text")
	if !ok {
		text = s.surface()
	}
	rt := []rune(text)
	out := nlp.Sentence{Text: text, Start: 0, End: len(rt), Tokens: make([]nlp.Token, len(s.Words))}
	pos := 0
	// align returns the span of form starting at or after pos.
	align := func(form string) (int, int) {
		for pos < len(rt) && unicode.IsSpace(rt[pos]) {
			pos++
		}
		fr := []rune(form)
		if hasPrefixRunes(rt[pos:], fr) {
			st := pos
			pos += len(fr)
			return st, pos
		}
		// Not found at pos: look a little ahead (text may differ slightly).
		if i := indexRunes(rt[pos:], fr); i >= 0 && i < 20 {
			st := pos + i
			pos = st + len(fr)
			return st, pos
		}
		st := pos
		pos += len(fr)
		if pos > len(rt) {
			pos = len(rt)
		}
		if st > pos {
			st = pos
		}
		return st, pos
	}
	mi := 0
	for i := 0; i < len(s.Words); i++ {
		w := s.Words[i]
		if mi < len(s.Multi) && s.Multi[mi].First == w.ID {
			m := s.Multi[mi]
			mi++
			st, en := align(m.Form)
			last := m.Last
			if last > len(s.Words) {
				last = len(s.Words)
			}
			var b strings.Builder
			for j := i; j < last; j++ {
				b.WriteString(s.Words[j].Form)
			}
			spell := b.String() == string(rt[st:en]) || len([]rune(b.String())) == en-st
			p := st
			for j := i; j < last; j++ {
				t := wordToken(s.Words[j])
				if spell {
					n := len([]rune(s.Words[j].Form))
					t.Start, t.End = p, p+n
					p += n
				} else {
					t.Start, t.End = st, en
				}
				t.SpaceAfter = false
				out.Tokens[j] = t
			}
			out.Tokens[last-1].SpaceAfter = !MiscHas(m.Misc, "SpaceAfter", "No")
			i = last - 1
			continue
		}
		t := wordToken(w)
		t.Start, t.End = align(w.Form)
		t.SpaceAfter = !MiscHas(w.Misc, "SpaceAfter", "No")
		out.Tokens[i] = t
	}
	return out
}

func wordToken(w Word) nlp.Token {
	t := nlp.Token{Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS, XPOS: w.XPOS, Feats: w.Feats, Head: w.Head, Deprel: w.Deprel}
	for _, p := range []*string{&t.Lemma, &t.UPOS, &t.XPOS, &t.Feats, &t.Deprel} {
		if *p == "_" && w.Form != "_" {
			*p = ""
		}
	}
	return t
}

// surface rebuilds the sentence text from surface tokens and SpaceAfter.
func (s *Sentence) surface() string {
	var b strings.Builder
	mi := 0
	for i := 0; i < len(s.Words); i++ {
		form, misc := s.Words[i].Form, s.Words[i].Misc
		if mi < len(s.Multi) && s.Multi[mi].First == s.Words[i].ID {
			form, misc = s.Multi[mi].Form, s.Multi[mi].Misc
			i = s.Multi[mi].Last - 1
			mi++
		}
		b.WriteString(form)
		if i < len(s.Words)-1 && !MiscHas(misc, "SpaceAfter", "No") {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func hasPrefixRunes(s, p []rune) bool {
	if len(p) > len(s) {
		return false
	}
	for i := range p {
		if s[i] != p[i] {
			return false
		}
	}
	return true
}

func indexRunes(s, p []rune) int {
	for i := 0; i+len(p) <= len(s); i++ {
		if hasPrefixRunes(s[i:], p) {
			return i
		}
	}
	return -1
}

// FromNLP converts an annotated sentence to CoNLL-U words. With ranges set,
// MISC holds TokenRange=start:end (code point offsets of the token in the
// annotated text) besides SpaceAfter=No. Empty fields become "_"; a Head
// below 0 is written as "_".
func FromNLP(sent nlp.Sentence, ranges bool) *Sentence {
	out := &Sentence{Words: make([]Word, len(sent.Tokens))}
	for i, t := range sent.Tokens {
		var misc []string
		if !t.SpaceAfter && i < len(sent.Tokens)-1 {
			misc = append(misc, "SpaceAfter=No")
		}
		if ranges {
			misc = append(misc, "TokenRange="+strconv.Itoa(t.Start)+":"+strconv.Itoa(t.End))
		}
		out.Words[i] = Word{ID: i + 1, Form: t.Form, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS, Feats: t.Feats,
			Head: t.Head, Deprel: t.Deprel, Deps: "_", Misc: strings.Join(misc, "|")}
	}
	return out
}
