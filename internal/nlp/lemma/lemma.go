// Package lemma implements a lemmatiser learned from a treebank: an
// exception table of (form, XPOS) pairs and suffix rewrite rules per XPOS
// for unseen words.
package lemma

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Lemmatizer maps a form and its XPOS tag to a lemma. It is safe for
// concurrent use.
type Lemmatizer struct {
	// Exceptions maps "form\tXPOS" (exact, then lowercased form) to a lemma.
	Exceptions map[string]string
	// Rules maps "XPOS\tsuffix" to a rewrite "cut\tadd" (cut bytes off the
	// lowercased form, then add).
	Rules map[string]string
	// Forms maps a form seen in training with a single lemma to "lemma\tTAGS"
	// (the XPOS tags it was seen with, space-separated). A form tagged with
	// a tag it was never seen with is probably mistagged: its known lemma is
	// used when it differs from the tag's lemma by more than case.
	Forms map[string]string

	knownOnce sync.Once
	known     map[string]bool // lemmas of Forms
}

const maxSuffix = 7

// Example is one (form, XPOS, lemma) triple.
type Example struct {
	Form, XPOS, Lemma string
	Weight            int // 0 counts as 1
}

func keepCase(xpos string) bool { return strings.HasPrefix(xpos, "NNP") }

// Train learns a lemmatiser from examples.
func Train(exs []Example) *Lemmatizer {
	type key struct{ a, b string }
	ruleCount := map[key]map[string]int{}
	pairCount := map[key]map[string]int{}
	formLemmas := map[string]map[string]bool{}
	formTags := map[string]map[string]bool{}
	for _, e := range exs {
		if e.Lemma == "" || e.Lemma == "_" {
			continue
		}
		wt := max(e.Weight, 1)
		k := key{e.Form, e.XPOS}
		if pairCount[k] == nil {
			pairCount[k] = map[string]int{}
		}
		pairCount[k][e.Lemma] += wt
		if formLemmas[e.Form] == nil {
			formLemmas[e.Form], formTags[e.Form] = map[string]bool{}, map[string]bool{}
		}
		formLemmas[e.Form][e.Lemma] = true
		formTags[e.Form][e.XPOS] = true
		if keepCase(e.XPOS) {
			continue
		}
		lf := strings.ToLower(e.Form)
		r := rewrite(lf, e.Lemma)
		for n := 0; n <= maxSuffix && n <= len(lf); n++ {
			sk := key{e.XPOS, lf[len(lf)-n:]}
			if ruleCount[sk] == nil {
				ruleCount[sk] = map[string]int{}
			}
			ruleCount[sk][r] += wt
		}
	}
	l := &Lemmatizer{Exceptions: map[string]string{}, Rules: map[string]string{}, Forms: map[string]string{}}
	for k, m := range ruleCount {
		best, n, total := argmax(m)
		if k.b == "" || (n >= 2 && float64(n) >= 0.6*float64(total)) {
			l.Rules[k.a+"\t"+k.b] = best
		}
	}
	for f, lemmas := range formLemmas {
		if len(lemmas) != 1 {
			continue
		}
		tags := make([]string, 0, len(formTags[f]))
		for t := range formTags[f] {
			tags = append(tags, t)
		}
		sort.Strings(tags)
		for lm := range lemmas {
			l.Forms[f] = lm + "\t" + strings.Join(tags, " ")
		}
	}
	for k, m := range pairCount {
		best, _, _ := argmax(m)
		if l.byRule(k.a, k.b) != best {
			l.Exceptions[k.a+"\t"+k.b] = best
		}
	}
	return l
}

func argmax(m map[string]int) (string, int, int) {
	best, bn, total := "", -1, 0
	for s, n := range m {
		total += n
		if n > bn || (n == bn && s < best) {
			best, bn = s, n
		}
	}
	return best, bn, total
}

// rewrite returns the "cut\tadd" rule turning form into lemma.
func rewrite(form, lemma string) string {
	i := 0
	for i < len(form) && i < len(lemma) && form[i] == lemma[i] {
		i++
	}
	for i > 0 && i < len(form) && !utf8.RuneStart(form[i]) {
		i--
	}
	return fmt.Sprintf("%d\t%s", len(form)-i, lemma[i:])
}

func (l *Lemmatizer) byRule(form, xpos string) string {
	if xpos == "NNPS" && len(form) > 3 && strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss") {
		return form[:len(form)-1]
	}
	if keepCase(xpos) || form == "" || xpos == "ADD" || xpos == "GW" {
		return form // names, e-mail addresses and URLs are lemmatised as written
	}

	if xpos == "CD" && strings.Contains(form, ",") && strings.ContainsAny(form, "0123456789") {
		return strings.ReplaceAll(form, ",", "")
	}
	lf := strings.ToLower(form)
	// The longest suffix with a rule decides, unless its lemma was never
	// seen in training and a shorter suffix's rule gives one that was
	// ("preceding" → "precede", not "preced").
	first := ""
	found := false
	for n := min(maxSuffix, len(lf)); n >= 0; n-- {
		r, ok := l.Rules[xpos+"\t"+lf[len(lf)-n:]]
		if !ok {
			continue
		}
		cut, add, _ := strings.Cut(r, "\t")
		var c int
		fmt.Sscan(cut, &c)
		// The lemma of a lowercased form gains no capitals: rules learned
		// from whole capitalised words otherwise turn "argentinian" into
		// "Palestinian" or "gisb" into "gUSB".
		if c > len(lf) || strings.IndexFunc(add, unicode.IsUpper) >= 0 {
			continue
		}
		lm := lf[:len(lf)-c] + add
		if !found {
			first, found = lm, true
			if !inflected(xpos) {
				break
			}
		}
		if l.isKnown(lm) {
			return lm
		}
	}
	if found {
		return first
	}
	return lf
}

// inflected reports whether xpos marks an inflected form, whose lemma
// differs from it by a suffix.
func inflected(xpos string) bool {
	switch xpos {
	case "VBD", "VBG", "VBN", "VBZ", "NNS", "JJR", "JJS":
		return true
	}
	return false
}

// isKnown reports whether lm is the lemma of a form seen in training
// (with that lemma only, so that Train, which computes Forms before the
// exceptions, and Load agree).
func (l *Lemmatizer) isKnown(lm string) bool {
	l.knownOnce.Do(func() {
		l.known = make(map[string]bool, len(l.Forms))
		for _, fl := range l.Forms {
			lemma, _, _ := strings.Cut(fl, "\t")
			l.known[lemma] = true
		}
	})
	return l.known[lm]
}

// Sentence returns the lemmas of a sentence's forms tagged xpos: Lemma of
// each, except that a clitic "'s" before "been", "got", "gotten" or "had"
// (adverbs aside) is "have", not "be" ("it's been", "he's got").
func (l *Lemmatizer) Sentence(forms, xpos []string) []string {
	out := make([]string, len(forms))
	for i, f := range forms {
		out[i] = l.Lemma(f, xpos[i])
		if (f == "'s" || f == "’s") && xpos[i] == "VBZ" {
			j := i + 1
			for j < len(forms) && xpos[j] == "RB" {
				j++
			}
			if j < len(forms) {
				switch strings.ToLower(forms[j]) {
				case "been", "got", "gotten", "had":
					out[i] = "have"
				}
			}
		}
	}
	return out
}

// Lemma returns the lemma of form tagged xpos.
func (l *Lemmatizer) Lemma(form, xpos string) string {
	lm := l.lemma(form, xpos)
	if t := titleCase(form); t != form {
		switch {
		case xpos == "JJ" && lm == form && !l.seen(form) && l.Exceptions[t+"\t"+xpos] == t:
			// an unseen adjective written in lower case whose capitalised
			// form keeps its capital, a demonym ("german" → "German")
			return t
		case xpos == "NNP" && len(form) >= 3 && allLetters(form) && isUpperWord(form) && l.knownName(t):
			// a known name written in capitals ("TEHRAN" → "Tehran")
			return t
		case xpos == "NNP" && len(form) >= 3 && allLetters(form) && form == strings.ToLower(form) &&
			l.knownName(t) && !l.seenAs(form, "NNP"):
			// a known name written in lower case ("paris" → "Paris"),
			// unless training had the lower-case form as a name too
			return t
		}
	}
	if fl, ok := l.Forms[form]; ok {
		known, tags, _ := strings.Cut(fl, "\t")
		if known != lm && !hasField(tags, xpos) && !strings.EqualFold(known, lm) {
			return known
		}
	}
	return lm
}

// titleCase returns w with its first letter upper case and the rest
// lower case.
func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if r == utf8.RuneError {
		return w
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(w[n:])
}

// isUpperWord reports whether w has letters, all of them upper case.
func isUpperWord(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// seen reports whether form occurred in training.
func (l *Lemmatizer) seen(form string) bool {
	if _, ok := l.Forms[form]; ok {
		return true
	}
	for _, x := range []string{"JJ", "NN", "NNP", "VB", "RB"} {
		if _, ok := l.Exceptions[form+"\t"+x]; ok {
			return true
		}
	}
	return false
}

// seenAs reports whether training had form tagged xpos.
func (l *Lemmatizer) seenAs(form, xpos string) bool {
	if _, ok := l.Exceptions[form+"\t"+xpos]; ok {
		return true
	}
	fl, ok := l.Forms[form]
	if !ok {
		return false
	}
	_, tags, _ := strings.Cut(fl, "\t")
	return hasField(tags, xpos)
}

// allLetters reports whether w consists of letters only.
func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

// knownName reports whether the training data had t as a proper noun
// with itself as lemma.
func (l *Lemmatizer) knownName(t string) bool {
	fl, ok := l.Forms[t]
	if !ok {
		return false
	}
	known, tags, _ := strings.Cut(fl, "\t")
	return known == t && hasField(tags, "NNP")
}

// hasField reports whether the space-separated list fields holds f.
func hasField(fields, f string) bool {
	for fields != "" {
		var x string
		x, fields, _ = strings.Cut(fields, " ")
		if x == f {
			return true
		}
	}
	return false
}

func (l *Lemmatizer) lemma(form, xpos string) string {
	if s, ok := l.Exceptions[form+"\t"+xpos]; ok {
		return s
	}
	if (xpos == "``" || xpos == "''") && (form == "“" || form == "”") {
		return `"` // curly quotes are lemmatised as straight ones
	}
	if strings.IndexFunc(form, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		// unseen punctuation and symbols stay as written, unless a rule
		// learned for the whole form adds letters to it (a possessive "'"
		// is "'s")
		if r, ok := l.Rules[xpos+"\t"+form]; ok {
			if cut, add, _ := strings.Cut(r, "\t"); cut == "0" && strings.IndexFunc(add, unicode.IsLetter) >= 0 {
				return form + add
			}
		}
		return form
	}
	if lf := strings.ToLower(form); lf != form {
		if s, ok := l.Exceptions[lf+"\t"+xpos]; ok {
			return s
		}
	}
	return l.byRule(form, xpos)
}

// Save writes the lemmatiser as gzipped tab-separated lines: "E", key,
// lemma for exceptions and "R", key, rule for rules, sorted.
func (l *Lemmatizer) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, t := range []struct {
		kind string
		m    map[string]string
	}{{"E", l.Exceptions}, {"R", l.Rules}, {"F", l.Forms}} {
		keys := make([]string, 0, len(t.m))
		for k := range t.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", t.kind, k, t.m[k])
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a lemmatiser written by Save.
func Load(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	l := &Lemmatizer{Exceptions: make(map[string]string, 1<<15), Rules: make(map[string]string, 1<<14),
		Forms: make(map[string]string, 1<<16)}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		kind, rest, ok1 := strings.Cut(sc.Text(), "\t")
		a, b, ok2 := strings.Cut(rest, "\t")
		c, d, ok3 := strings.Cut(b, "\t")
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("load lemmatizer: line %d: want 4 fields", line)
		}
		key := a + "\t" + c
		switch kind {
		case "E":
			l.Exceptions[key] = d
		case "R":
			l.Rules[key] = d
		case "F":
			l.Forms[a] = c + "\t" + d
		default:
			return nil, fmt.Errorf("load lemmatizer: line %d: unknown kind %q", line, kind)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("load lemmatizer: %w", err)
	}
	if line == 0 {
		return nil, fmt.Errorf("load lemmatizer: empty model")
	}
	return l, nil
}
