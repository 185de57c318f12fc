// Package tokenize splits raw text into sentences and Universal Dependencies
// style English tokens (clitics such as n't, 's and 'll split off, hyphenated
// compounds split at the hyphen, abbreviations, numbers, e-mail addresses
// and URLs kept whole) with offsets in Unicode code points.
package tokenize

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Token is one word of the text; Start and End are code point offsets (end
// exclusive) and Text equals the text between them.
type Token struct {
	Text       string
	Start, End int
}

// Tokenizer holds the word lists learned from a treebank. The zero value is
// not usable; use New or Default. It is safe for concurrent use.
type Tokenizer struct {
	abbrev map[string]bool // abbreviations with their final period ("Mr.")
	whole  map[string]bool // lowercased hyphenated words kept whole
	prefix map[string]bool // lowercased prefixes kept with the hyphen ("non")
	split  map[string]int  // lowercased tokens split in two after n runes ("dont")
	// boundary holds the learned sentence-boundary weights (boundary.go);
	// nil: the rules alone split sentences
	boundary map[string]float64
}

// Lists is the serialisable content of a Tokenizer.
type Lists struct {
	Abbreviations []string
	Hyphenated    []string
	Prefixes      []string
	// Splits are tokens written without space that the treebank splits
	// into two words, as "word N" (split after N code points): "dont 2".
	Splits []string `json:",omitempty"`
	// Boundary holds the weights of learned sentence boundaries as
	// "feature TAB weight" (see TrainBoundaries).
	Boundary []string `json:",omitempty"`
}

var defaultLists = Lists{
	Abbreviations: strings.Fields(`Mr. Mrs. Ms. Dr. St. Jr. Sr. Prof. Gen. Gov. Sen. Rep. Lt. Col. Capt. Sgt. Rev. Ft. Mt.
		Inc. Corp. Co. Ltd. Bros. etc. vs. v. i.e. e.g. a.m. p.m. al. No. Nos. cf. approx. dept. est. fig. Jan. Feb. Mar.
		Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. Mon. Tue. Tues. Wed. Thu. Thur. Thurs. Fri. Sat. Sun. U.S. U.K. U.N.
		U.S.A. E.U. D.C. Ph.D. Ave. Blvd. Rd. Univ. Assn. Dept. ext. min. max. ca. c.`),
	Hyphenated: strings.Fields(`e-mail e-mails b/c w/o`),
	Prefixes:   strings.Fields(`non pre post co re semi multi pro anti mid ex self`),
}

// New returns a tokenizer using the given lists.
func New(l Lists) *Tokenizer {
	t := &Tokenizer{abbrev: map[string]bool{}, whole: map[string]bool{}, prefix: map[string]bool{}, split: map[string]int{}}
	for _, sp := range l.Splits {
		w, n, ok := strings.Cut(sp, " ")
		k, err := strconv.Atoi(n)
		if ok && err == nil {
			t.split[w] = k
		}
	}
	for _, a := range l.Abbreviations {
		t.abbrev[a] = true
	}
	for _, h := range l.Hyphenated {
		t.whole[strings.ToLower(h)] = true
	}
	for _, p := range l.Prefixes {
		t.prefix[strings.ToLower(p)] = true
	}
	for _, b := range l.Boundary {
		f, v, ok := strings.Cut(b, "\t")
		x, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			continue
		}
		if t.boundary == nil {
			t.boundary = map[string]float64{}
		}
		t.boundary[f] = x
	}
	return t
}

// Default returns a tokenizer with built-in lists.
func Default() *Tokenizer { return New(defaultLists) }

// Lists returns the tokenizer's lists.
func (t *Tokenizer) Lists() Lists {
	var l Lists
	for k := range t.abbrev {
		l.Abbreviations = append(l.Abbreviations, k)
	}
	for k := range t.whole {
		l.Hyphenated = append(l.Hyphenated, k)
	}
	for k := range t.prefix {
		l.Prefixes = append(l.Prefixes, k)
	}
	for k, n := range t.split {
		l.Splits = append(l.Splits, k+" "+strconv.Itoa(n))
	}
	sort.Strings(l.Abbreviations)
	sort.Strings(l.Hyphenated)
	sort.Strings(l.Prefixes)
	sort.Strings(l.Splits)
	l.Boundary = t.boundaryList()
	return l
}

// Save writes the lists as gzipped JSON.
func (t *Tokenizer) Save(w io.Writer) error {
	zw := gzip.NewWriter(w)
	if err := json.NewEncoder(zw).Encode(t.Lists()); err != nil {
		return err
	}
	return zw.Close()
}

// Load reads a tokenizer written by Save.
func Load(r io.Reader) (*Tokenizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load tokenizer: %w", err)
	}
	var l Lists
	if err := json.NewDecoder(zr).Decode(&l); err != nil {
		return nil, fmt.Errorf("load tokenizer: %w", err)
	}
	return New(l), nil
}

func isOpen(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '“', '‘', '«', '„', '<', '\'', '`', '*':
		return true
	}
	return false
}

func isClose(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '”', '’', '»', ',', ';', ':', '!', '?', '\'', '…', '>', '*':
		return true
	}
	return false
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// Tokenize returns the tokens of text.
func (t *Tokenizer) Tokenize(text string) []Token {
	rs := []rune(text)
	var out []Token
	i := 0
	for i < len(rs) {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) {
			j++
		}
		out = t.chunk(rs, i, j, out)
		i = j
	}
	return splitItsContractions(rs, out)
}

// beforeContraction are words that follow "it's" written without its
// apostrophe but never the possessive "its": determiners, possessives and
// "not" ("its a pity", "its not", "its your call").
var beforeContraction = map[string]bool{"a": true, "an": true, "the": true, "this": true, "that": true,
	"these": true, "those": true, "my": true, "your": true, "his": true, "her": true, "our": true,
	"their": true, "not": true, "no": true}

// splitItsContractions splits "its" before a word of beforeContraction
// into "it" and "s", as the treebank splits "it's" written without its
// apostrophe.
func splitItsContractions(rs []rune, toks []Token) []Token {
	for i := 0; i+1 < len(toks); i++ {
		tk := toks[i]
		if tk.End-tk.Start != 3 || !strings.EqualFold(tk.Text, "its") || !beforeContraction[strings.ToLower(toks[i+1].Text)] {
			continue
		}
		toks = slices.Insert(toks, i+1, tok(rs, tk.Start+2, tk.End))
		toks[i] = tok(rs, tk.Start, tk.Start+2)
		i++
	}
	return toks
}

func tok(rs []rune, a, b int) Token { return Token{Text: string(rs[a:b]), Start: a, End: b} }

func isURL(s string) bool {
	ls := strings.ToLower(s)
	if strings.Contains(ls, "://") || strings.HasPrefix(ls, "www.") {
		return true
	}
	if at := strings.IndexByte(ls, '@'); at > 0 && strings.Contains(ls[at:], ".") && !strings.ContainsAny(ls, "()\"") {
		return true
	}
	return false
}

// chunk tokenizes the whitespace-free run rs[a:b].
func (t *Tokenizer) chunk(rs []rune, a, b int, out []Token) []Token {
	if t.whole[string(rs[a:b])] || sameRune(rs[a:b]) && !unicode.IsLetter(rs[a]) && !unicode.IsDigit(rs[a]) {
		return append(out, tok(rs, a, b))
	}
	// Leading punctuation.
	var tail []Token
	for a < b {
		r := rs[a]
		if isOpen(r) && b-a > 1 && !(isApos(r) && t.isClitic(rs, a, b)) {
			e := a + 1
			for e < b-1 && rs[e] == r && r != '(' && r != '[' {
				e++
			}
			out = append(out, tok(rs, a, e))
			a = e
			continue
		}
		if (r == '-' || r == ',') && b-a > 1 && (unicode.IsLetter(rs[a+1]) || unicode.IsDigit(rs[a+1])) {
			// "-Page", "-0.39" and ",thank": the treebank splits them.
			out = append(out, tok(rs, a, a+1))
			a++
			continue
		}
		if r == '.' && b-a > 1 {
			// "...Now", ".thank", but not ".doc".
			e := a
			for e < b && rs[e] == '.' {
				e++
			}
			if e < b && unicode.IsLetter(rs[e]) && (e-a > 1 || b-e > 4) {
				out = append(out, tok(rs, a, e))
				a = e
				continue
			}
		}
		if (r == '$' || r == '#' || r == '£' || r == '€') && b-a > 1 && unicode.IsDigit(rs[a+1]) {
			out = append(out, tok(rs, a, a+1))
			a++
			continue
		}
		break
	}
	if a >= b {
		return out
	}
	if t.whole[strings.ToLower(string(rs[a:b]))] {
		return append(out, tok(rs, a, b))
	}
	if isURL(string(rs[a:b])) {
		e := b
		for e > a+1 && strings.ContainsRune(".,;:!?)\"'”’]>", rs[e-1]) {
			e--
		}
		out = append(out, tok(rs, a, e))
		for k := e; k < b; {
			n := k + 1
			for n < b && rs[n] == rs[k] {
				n++
			}
			out = append(out, tok(rs, k, n))
			k = n
		}
		return out
	}
	// Trailing punctuation, collected in reverse.
	for a < b {
		r := rs[b-1]
		if r == '.' || r == '!' || r == '?' {
			// A run of sentence punctuation is one token ("...", "!!", "?!").
			k := b - 1
			for k > a && (rs[k-1] == '.' || rs[k-1] == '!' || rs[k-1] == '?') {
				k--
			}
			if r == '.' && k == b-1 && t.keepPeriod(rs, a, b) {
				break
			}
			if k == a {
				break
			}
			tail = append(tail, tok(rs, k, b))
			b = k
			continue
		}
		if r == '%' && b-a > 1 && unicode.IsDigit(rs[b-2]) {
			tail = append(tail, tok(rs, b-1, b))
			b--
			continue
		}
		if isClose(r) && b-a > 1 {
			if isApos(r) && b-a > 2 && (rs[b-2] == 's' || rs[b-2] == 'S') {
				// Plural possessive ("students'").
				tail = append(tail, tok(rs, b-1, b))
				b--
				continue
			}
			if r == '\'' && unicode.IsLetter(rs[b-2]) && b-a <= 3 {
				break // "ol'", "o'"
			}
			e := b - 1
			for e > a+1 && rs[e-1] == r && r != ')' && r != ']' {
				e--
			}
			tail = append(tail, tok(rs, e, b))
			b = e
			continue
		}
		break
	}
	out = t.word(rs, a, b, out)
	for k := len(tail) - 1; k >= 0; k-- {
		out = append(out, tail[k])
	}
	return out
}

// isClitic reports whether rs[a:b] starting with an apostrophe is a clitic
// such as 's or 're.
func (t *Tokenizer) isClitic(rs []rune, a, b int) bool {
	s := strings.ToLower(string(rs[a+1 : b]))
	s = strings.TrimRight(s, ".,;:!?\"”’)")
	switch s {
	case "s", "re", "ve", "ll", "d", "m", "em", "t", "n":
		return true
	}
	return false
}

// keepPeriod reports whether the period ending rs[a:b] belongs to the word.
func (t *Tokenizer) keepPeriod(rs []rune, a, b int) bool {
	w := string(rs[a:b])
	if t.abbrev[w] {
		return true
	}
	n := b - a
	// Initials: "J." and "U.S." style letter-period sequences.
	if n == 2 && unicode.IsUpper(rs[a]) {
		return true
	}
	if n >= 4 {
		ok := true
		for k := a; k < b; k += 2 {
			if !unicode.IsLetter(rs[k]) || k+1 >= b || rs[k+1] != '.' {
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

var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

var splits = map[string][2]int{"cannot": {3, 3}, "gonna": {3, 2}, "wanna": {3, 2}, "gotta": {3, 2}}

// word tokenizes a chunk stripped of outer punctuation.
func (t *Tokenizer) word(rs []rune, a, b int, out []Token) []Token {
	if a >= b {
		return out
	}
	lw := strings.ToLower(string(rs[a:b]))
	if sp, ok := splits[lw]; ok {
		return append(out, tok(rs, a, a+sp[0]), tok(rs, a+sp[0], b))
	}
	if sp, ok := t.split[lw]; ok && sp > 0 && sp < b-a {
		return append(out, tok(rs, a, a+sp), tok(rs, a+sp, b))
	}
	for _, c := range clitics {
		n := len([]rune(c))
		if b-a > n && strings.HasSuffix(lw, c) {
			stem := rs[a : b-n]
			if !isLetters(stem) {
				continue
			}
			out = t.inner(rs, a, b-n, out)
			return append(out, tok(rs, b-n, b))
		}
	}
	return t.inner(rs, a, b, out)
}

func isLetters(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return len(rs) > 0
}

// inner splits word-internal punctuation: hyphens between letters (unless
// the word is kept whole), slashes between words and similar.
func (t *Tokenizer) inner(rs []rune, a, b int, out []Token) []Token {
	w := string(rs[a:b])
	lw := strings.ToLower(w)
	if t.whole[lw] || b-a <= 1 {
		return append(out, tok(rs, a, b))
	}
	start := a
	for k := a + 1; k < b-1; k++ {
		r := rs[k]
		if (r == ',' || r == ';') && unicode.IsLetter(rs[k-1]) && unicode.IsLetter(rs[k+1]) {
			out = append(out, tok(rs, start, k), tok(rs, k, k+1))
			start = k + 1
			continue
		}
		if r == '.' && rs[k+1] == '.' && unicode.IsLetter(rs[k-1]) {
			e := k
			for e < b && rs[e] == '.' {
				e++
			}
			if e < b && unicode.IsLetter(rs[e]) {
				out = append(out, tok(rs, start, k), tok(rs, k, e))
				start = e
				k = e - 1
			}
			continue
		}
		if r == ')' && (rs[k+1] == '(' || rs[k+1] == '.') && k > start {
			// "file.pdf)(See", "(GISB rev1).doc": the bracket is a token.
			out = append(out, tok(rs, start, k), tok(rs, k, k+1))
			start = k + 1
			continue
		}
		if r == '(' && rs[k-1] == ')' && k == start {
			out = append(out, tok(rs, k, k+1))
			start = k + 1
			continue
		}
		if r != '-' && r != '/' && r != '–' && r != '—' {
			continue
		}
		l, rr := rs[k-1], rs[k+1]
		split := false
		switch r {
		case '-':
			if unicode.IsLetter(l) && unicode.IsLetter(rr) || unicode.IsLetter(l) && unicode.IsDigit(rr) || unicode.IsDigit(l) && unicode.IsLetter(rr) {
				split = !t.prefix[strings.ToLower(string(rs[start:k]))]
			}
		case '/':
			split = unicode.IsLetter(l) && unicode.IsLetter(rr)
		default:
			split = true
		}
		if split {
			out = append(out, tok(rs, start, k), tok(rs, k, k+1))
			start = k + 1
		}
	}
	return append(out, tok(rs, start, b))
}

// Learn builds tokenizer lists from gold words: abbreviations (words of
// letters and periods ending in a period) and words with inner punctuation
// that the treebank keeps whole ("e-mail", "b/c", "Yahoo!").
//
// mwts are multiword tokens as surface form and word forms; those always
// split the same way whose words spell the surface become Splits, unless
// the surface form occurs at least as often as a single word ("im" and
// "alot" split, "its" does not).
func Learn(words []string, mwts [][]string) Lists {
	l := Lists{Prefixes: learnPrefixes(words)}
	seenA, seenH := map[string]bool{}, map[string]bool{}
	for _, a := range defaultLists.Abbreviations {
		seenA[a] = true
	}
	for _, h := range defaultLists.Hyphenated {
		seenH[h] = true
	}
	for _, w := range words {
		rs := []rune(w)
		if len(rs) < 2 || len(rs) > 24 {
			continue
		}
		letters, punct, digits := 0, 0, 0
		for _, r := range rs {
			switch {
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				digits++
			default:
				punct++
			}
		}
		if letters == 0 && digits == 0 {
			seenH[w] = true // ":-)", "--"
			continue
		}
		if letters == 0 || punct == 0 || digits > 0 || strings.ContainsAny(w, "@:'’") {
			continue
		}
		if rs[len(rs)-1] == '.' && strings.Count(w, ".")+letters == len(rs) {
			seenA[w] = true
			continue
		}
		seenH[strings.ToLower(w)] = true
	}
	single := map[string]int{}
	for _, w := range words {
		single[strings.ToLower(w)]++
	}
	splitAt, nsplit := map[string]int{}, map[string]int{}
	for _, m := range mwts {
		if len(m) != 3 || !strings.EqualFold(m[1]+m[2], m[0]) {
			continue
		}
		lw := strings.ToLower(m[0])
		nsplit[lw]++
		n := len([]rune(m[1]))
		if old, ok := splitAt[lw]; ok && old != n {
			splitAt[lw] = -1
			continue
		}
		splitAt[lw] = n
	}
	for w, n := range splitAt {
		if n > 0 && nsplit[w] > single[w] {
			l.Splits = append(l.Splits, w+" "+strconv.Itoa(n))
		}
	}
	sort.Strings(l.Splits)
	for a := range seenA {
		l.Abbreviations = append(l.Abbreviations, a)
	}
	for h := range seenH {
		l.Hyphenated = append(l.Hyphenated, h)
	}
	sort.Strings(l.Abbreviations)
	sort.Strings(l.Hyphenated)
	return l
}

func sameRune(rs []rune) bool {
	for _, r := range rs {
		if r != rs[0] {
			return false
		}
	}
	return len(rs) > 1
}

// learnPrefixes returns the default prefixes kept with their hyphen plus
// the first parts of hyphenated words that the treebank keeps whole more
// often than it splits them ("non-profit" but "self - driven"); a default
// prefix the treebank mostly splits is dropped.
func learnPrefixes(words []string) []string {
	whole, split := map[string]int{}, map[string]int{}
	for i, w := range words {
		lw := strings.ToLower(w)
		if i+2 < len(words) && words[i+1] == "-" && isLetters([]rune(lw)) && isLetters([]rune(words[i+2])) {
			split[lw]++
		}
		p, rest, ok := strings.Cut(lw, "-")
		if ok && isLetters([]rune(p)) && rest != "" && isLetters([]rune(rest[:1])) {
			whole[p]++
		}
	}
	var out []string
	for _, p := range defaultLists.Prefixes {
		if split[p] <= whole[p] {
			out = append(out, p)
		}
	}
	for p, n := range whole {
		if n >= 3 && n > 2*split[p] && !slices.Contains(defaultLists.Prefixes, p) {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}
