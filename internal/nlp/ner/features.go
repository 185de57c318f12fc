package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

// Labels are the IOB2 tags, in output order (label 2k+1 is B-type k).
var Labels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// The model itself works with BILOU labels (Ratinov & Roth 2009): 0 is O,
// 1+4k+p is part p (0 B, 1 I, 2 L, 3 U) of type k. Decoded sequences are
// converted to IOB2 (toIOB) before anything else reads them.
const nLabels = 17

const (
	partB = iota
	partI
	partL
	partU
)

// Entity types of the CoNLL scheme, in label order.
var types = []string{"PER", "ORG", "LOC", "MISC"}

func labelIndex(tag string) int {
	for i, l := range Labels {
		if l == tag {
			return i
		}
	}
	return 0
}

func bilouType(l int) int { return (l - 1) / 4 }
func bilouPart(l int) int { return (l - 1) % 4 }

// toIOB converts BILOU labels to IOB2 label indices.
func toIOB(ls []int) []int {
	out := make([]int, len(ls))
	for i, l := range ls {
		if l == 0 {
			continue
		}
		switch bilouPart(l) {
		case partB, partU:
			out[i] = 2*bilouType(l) + 1
		default:
			out[i] = 2*bilouType(l) + 2
		}
	}
	return out
}

// toBILOU converts IOB2 label indices to BILOU labels (an I- without a
// matching B- or I- before it begins a span, as in conlleval).
func toBILOU(ls []int) []int {
	out := make([]int, len(ls))
	for i, l := range ls {
		if l == 0 {
			continue
		}
		t := (l - 1) / 2
		begin := l == 2*t+1 || i == 0 || (ls[i-1] != 2*t+1 && ls[i-1] != 2*t+2)
		cont := i+1 < len(ls) && ls[i+1] == 2*t+2
		p := partI
		switch {
		case begin && cont:
			p = partB
		case begin:
			p = partU
		case !cont:
			p = partL
		}
		out[i] = 1 + 4*t + p
	}
	return out
}

// allowed reports whether label cur may follow label prev (prev < 0 at the
// sentence start) in BILOU.
func allowed(prev, cur int) bool {
	open := prev > 0 && (bilouPart(prev) == partB || bilouPart(prev) == partI)
	if cur == 0 || bilouPart(cur) == partB || bilouPart(cur) == partU {
		return !open
	}
	return open && bilouType(prev) == bilouType(cur)
}

// canEnd reports whether a sentence may end with label l.
func canEnd(l int) bool { return l == 0 || bilouPart(l) == partL || bilouPart(l) == partU }

// allowedTab caches allowed: row nLabels is the sentence start.
var allowedTab = func() (t [nLabels + 1][nLabels]bool) {
	for p := 0; p <= nLabels; p++ {
		for c := 0; c < nLabels; c++ {
			if p == nLabels {
				t[p][c] = allowed(-1, c)
			} else {
				t[p][c] = allowed(p, c)
			}
		}
	}
	return t
}()

// Feature templates. Each feature is a 64-bit hash of a template id and
// its values.
const (
	fBias = iota + 1
	fWord
	fLow
	fShape
	fShort
	fPre
	fSuf
	fLowM2
	fLowM1
	fLowP1
	fLowP2
	fShapeM1
	fShapeP1
	fShapeM1_0
	fShape0_P1
	fBiM1
	fBiP1
	fClu
	fCluM1
	fCluP1
	fInitShape
	fCapsSent
	fGaz
	fGazM1
	fGazP1
	fFirstName
	fFirstNameM1
	fLowRatio
	fDocLower
	fDocCap
	fHist
	fHistMaj
	fWordClu
	fSuffixWordP1
	fLowRatioInit
	fGazShape
	fCapsWord
	fAggM1
	fAggP1
	fAggM2
	fWordM1
	fWordP1
	fSufM1
	fSufP1
	fShapeM2
	fShapeP2
	fFull
	fFullMaj
	fCapRun
	fCapRunWord
	fName
	fNameM1
	fNameP1
)

const (
	hOffset = 14695981039346656037
	hPrime  = 1099511628211
)

func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= hPrime
	}
	h ^= 0xff
	h *= hPrime
	return h
}

func feat(t int, s string) uint64 { return mix(hstr(hOffset^uint64(t)*0x9e3779b97f4a7c15, s)) }

func feat2(t int, a, b string) uint64 {
	return mix(hstr(hstr(hOffset^uint64(t)*0x9e3779b97f4a7c15, a), b))
}

func featN(t int, n uint64) uint64 {
	return mix(hOffset ^ uint64(t)*0x9e3779b97f4a7c15 ^ n*0xc2b2ae3d27d4eb4f)
}

// tok is the per-token information the features read.
type tok struct {
	w, low, shape, short, path  string
	initCap, allCaps, hasLetter bool
	gaz                         [3]uint16 // gazetteer codes of tokens i-1, i, i+1 (0 = none)
	fname                       int8      // 0 none, 1 male, 2 female, 3 both
	lowRatio                    int8      // bucket of how often the word is written in lower case, -1 unknown
	sent                        int       // sentence index in the document
	runPos, runLen              int8      // position code and length of the capitalised-word run
	nameMask                    uint8     // types of the training-name gazetteer match (0 = none)
	namePos                     int8      // 1 begin, 2 inside, 3 whole match
}

// shape maps characters to X, x, d or themselves, compressing repeats for
// the short shape.
func shapes(w string) (shape, short string) {
	var b, s strings.Builder
	var last rune = -1
	n := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if n < 12 {
			b.WriteRune(c)
		}
		n++
		if c != last {
			s.WriteRune(c)
		}
		last = c
	}
	return b.String(), s.String()
}

// docInfo holds document-level facts used as features.
type docInfo struct {
	lowerSeen map[string]bool // lower-case forms seen in non-initial lower-case use
	capSeen   map[string]bool // words seen capitalised in non-initial position
	hist      map[string]*[4]int16
	// full counts the types given to each word (lower-case) anywhere in
	// the document by a previous pass, and prev holds that pass's labels
	// (nil when there was none).
	full map[string]*[4]int16
	prev [][]int
	// ctx lists, for every capitalised word, the contexts of its
	// occurrences in the document (for context aggregation).
	ctx map[string][]aggCtx
}

type aggCtx struct {
	sent, pos  int
	m2, m1, p1 string
}

// ctxWord is the form a neighbour contributes to aggregated context: its
// lower-case form when it has letters, else its short shape.
func ctxWord(s []string, j int) string {
	if j < 0 {
		return "<s>"
	}
	if j >= len(s) {
		return "</s>"
	}
	w := s[j]
	if strings.ContainsFunc(w, unicode.IsLetter) {
		return strings.ToLower(w)
	}
	_, sh := shapes(w)
	return sh
}

func newDocInfo(sents [][]string) *docInfo {
	d := &docInfo{lowerSeen: map[string]bool{}, capSeen: map[string]bool{}, hist: map[string]*[4]int16{},
		ctx: map[string][]aggCtx{}}
	for si, s := range sents {
		for i, w := range s {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && len(d.ctx[strings.ToLower(w)]) < 12 {
				lw := strings.ToLower(w)
				d.ctx[lw] = append(d.ctx[lw], aggCtx{sent: si, pos: i, m2: ctxWord(s, i-2), m1: ctxWord(s, i-1), p1: ctxWord(s, i+1)})
			}
			if i == 0 || w == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLower(r) {
				d.lowerSeen[w] = true
			} else if unicode.IsUpper(r) && strings.ToUpper(w) != w {
				d.capSeen[w] = true
			}
		}
	}
	return d
}

// record adds predicted labels of a sentence to the history.
func (d *docInfo) record(words []string, labels []int) {
	for i, l := range labels {
		if l == 0 || !hasUpper(words[i]) {
			continue
		}
		key := strings.ToLower(words[i])
		h := d.hist[key]
		if h == nil {
			h = new([4]int16)
			d.hist[key] = h
		}
		if h[(l-1)/2] < 1000 {
			h[(l-1)/2]++
		}
	}
}

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// setPrevious installs the labels of a previous pass over the document.
func (d *docInfo) setPrevious(sents [][]string, labels [][]int) {
	d.prev = labels
	d.full = map[string]*[4]int16{}
	for si, ls := range labels {
		for i, l := range ls {
			if l == 0 || !hasUpper(sents[si][i]) {
				continue
			}
			key := strings.ToLower(sents[si][i])
			h := d.full[key]
			if h == nil {
				h = new([4]int16)
				d.full[key] = h
			}
			if h[(l-1)/2] < 1000 {
				h[(l-1)/2]++
			}
		}
	}
}

// featurizer turns sentences into feature hashes.
type featurizer struct {
	clusters *Clusters
	lex      *lexicon.Lexicon
	names    *nameGaz // training-name gazetteer; nil for none
}

func gazCode(k lexicon.Kind, begin bool) uint16 {
	c := uint16(k) << 1
	if begin {
		c |= 1
	}
	return c
}

// prepare computes per-token information for a sentence.
func (fz *featurizer) prepare(words []string) []tok {
	toks := make([]tok, len(words))
	capsSent := true
	for i, w := range words {
		t := &toks[i]
		t.w = w
		t.low = strings.ToLower(w)
		t.shape, t.short = shapes(w)
		r, _ := utf8.DecodeRuneInString(w)
		t.initCap = unicode.IsUpper(r)
		t.hasLetter = strings.ContainsFunc(w, unicode.IsLetter)
		t.allCaps = t.hasLetter && strings.ToUpper(w) == w
		if t.hasLetter && !t.allCaps {
			capsSent = false
		}
		t.path = fz.clusters.Path(w)
		if t.path == "" && t.allCaps && len(w) > 1 {
			// Headlines: fall back to the title-case form.
			t.path = fz.clusters.Path(titleCase(t.low))
		}
		t.lowRatio = -1
		if t.initCap && fz.clusters != nil {
			cl := fz.clusters.Count(t.low)
			cw := fz.clusters.Count(w)
			if t.allCaps {
				cw += fz.clusters.Count(titleCase(t.low))
			}
			if cl+cw > 0 {
				t.lowRatio = int8(5 * cl / (cl + cw + 1))
			}
		}
		if fz.lex != nil && t.initCap {
			name := w
			if t.allCaps {
				name = titleCase(t.low)
			}
			if share, n, ok := fz.lex.FirstName(name); ok && n >= 200 {
				switch {
				case share < 0.1:
					t.fname = 1
				case share > 0.9:
					t.fname = 2
				default:
					t.fname = 3
				}
			}
		}
	}
	_ = capsSent
	capRuns(toks)
	fz.names.mark(toks)
	if fz.lex != nil {
		lookup := words
		// Title-case all-capital tokens so gazetteers match headlines.
		anyCaps := false
		for i := range toks {
			if toks[i].allCaps && len(words[i]) > 3 {
				anyCaps = true
			}
		}
		if anyCaps {
			lookup = make([]string, len(words))
			for i, w := range words {
				if toks[i].allCaps && len(w) > 3 {
					lookup[i] = titleCase(toks[i].low)
				} else {
					lookup[i] = w
				}
			}
		}
		for _, m := range fz.lex.Matches(lookup) {
			for j := m.Start; j < m.End; j++ {
				toks[j].gaz[1] = gazCode(m.Kind, j == m.Start)
			}
		}
		for i := range toks {
			if i > 0 {
				toks[i].gaz[0] = toks[i-1].gaz[1]
			}
			if i+1 < len(toks) {
				toks[i].gaz[2] = toks[i+1].gaz[1]
			}
		}
	}
	return toks
}

var connectors = map[string]bool{"of": true, "and": true, "&": true, "for": true, "the": true, "de": true, "'s": true}

// capRuns marks runs of capitalised tokens, allowing connectors between
// two capitalised tokens.
func capRuns(toks []tok) {
	inRun := func(i int) bool { return toks[i].initCap || toks[i].hasLetter && toks[i].allCaps }
	for i := 0; i < len(toks); {
		if !inRun(i) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if inRun(j) {
				j++
			} else if connectors[toks[j].low] && j+1 < len(toks) && inRun(j+1) {
				j += 2
			} else {
				break
			}
		}
		n := j - i
		if n > 6 {
			n = 6
		}
		for k := i; k < j; k++ {
			toks[k].runLen = int8(n)
			switch {
			case j-i == 1:
				toks[k].runPos = 1
			case k == i:
				toks[k].runPos = 2
			case k == j-1:
				toks[k].runPos = 4
			default:
				toks[k].runPos = 3
			}
		}
		i = j
	}
}

func titleCase(low string) string {
	r, n := utf8.DecodeRuneInString(low)
	if n == 0 {
		return low
	}
	return string(unicode.ToUpper(r)) + low[n:]
}

// static returns the features of token i that do not depend on predictions.
func (fz *featurizer) static(toks []tok, i int, doc *docInfo, buf []uint64) []uint64 {
	t := &toks[i]
	get := func(j int) *tok {
		if j < 0 || j >= len(toks) {
			return nil
		}
		return &toks[j]
	}
	low := func(j int) string {
		if p := get(j); p != nil {
			return p.low
		}
		if j < 0 {
			return "<s>"
		}
		return "</s>"
	}
	shp := func(j int) string {
		if p := get(j); p != nil {
			return p.short
		}
		return "<b>"
	}
	buf = append(buf,
		featN(fBias, 0),
		feat(fWord, t.w),
		feat(fLow, t.low),
		feat(fShape, t.shape),
		feat(fShort, t.short),
		feat(fLowM2, low(i-2)),
		feat(fLowM1, low(i-1)),
		feat(fLowP1, low(i+1)),
		feat(fLowP2, low(i+2)),
		feat(fShapeM1, shp(i-1)),
		feat(fShapeP1, shp(i+1)),
		feat2(fShapeM1_0, shp(i-1), t.short),
		feat2(fShape0_P1, t.short, shp(i+1)),
		feat2(fBiM1, low(i-1), t.low),
		feat2(fBiP1, t.low, low(i+1)),
	)
	if p := get(i - 1); p != nil {
		buf = append(buf, feat(fWordM1, p.w), feat(fSufM1, suffix(p.low, 3)))
	}
	if p := get(i + 1); p != nil {
		buf = append(buf, feat(fWordP1, p.w), feat(fSufP1, suffix(p.low, 3)))
	}
	buf = append(buf, feat(fShapeM2, shp(i-2)), feat(fShapeP2, shp(i+2)))
	// Prefixes and suffixes up to 4 runes.
	rs := []rune(t.low)
	for k := 1; k <= 4 && k <= len(rs); k++ {
		buf = append(buf, feat(fPre+100*k, string(rs[:k])), feat(fSuf+100*k, string(rs[len(rs)-k:])))
	}
	for _, n := range [...]int{2, 4, 6, 8, 10, 12, 16, 20} {
		if t.path != "" {
			buf = append(buf, feat(fClu+100*n, prefix(t.path, n)))
		} else {
			buf = append(buf, feat(fClu+100*n, "?"))
		}
	}
	for _, n := range [...]int{4, 6, 10, 20} {
		if p := get(i - 1); p != nil && p.path != "" {
			buf = append(buf, feat(fCluM1+100*n, prefix(p.path, n)))
		}
		if p := get(i + 1); p != nil && p.path != "" {
			buf = append(buf, feat(fCluP1+100*n, prefix(p.path, n)))
		}
	}
	if t.path != "" {
		buf = append(buf, feat2(fWordClu, prefix(t.path, 6), t.short))
	}
	if i == 0 {
		buf = append(buf, feat(fInitShape, t.short))
		if t.lowRatio >= 0 {
			buf = append(buf, featN(fLowRatioInit, uint64(t.lowRatio)))
		}
	}
	allCapsSent := true
	for k := range toks {
		if toks[k].hasLetter && !toks[k].allCaps {
			allCapsSent = false
			break
		}
	}
	if allCapsSent {
		buf = append(buf, feat(fCapsSent, t.short), feat(fCapsWord, t.low))
		if t.allCaps && len(t.w) > 1 {
			// Share the weights of the title-case form in headlines.
			buf = append(buf, feat(fWord, titleCase(t.low)))
		}
	}
	for k, g := range t.gaz {
		if g != 0 {
			buf = append(buf, featN(fGaz+100*k, uint64(g)))
		}
	}
	if t.gaz[1] != 0 {
		buf = append(buf, feat2(fGazShape, t.short, string(rune('a'+t.gaz[1]))))
	}
	if t.runPos != 0 {
		buf = append(buf, featN(fCapRun, uint64(t.runPos)*16+uint64(t.runLen)))
		if t.runPos == 3 && !t.initCap {
			buf = append(buf, feat(fCapRunWord, t.low))
		}
	}
	if t.nameMask != 0 {
		buf = append(buf, featN(fName, uint64(t.nameMask)*4+uint64(t.namePos)))
	}
	if p := get(i - 1); p != nil && p.nameMask != 0 {
		buf = append(buf, featN(fNameM1, uint64(p.nameMask)*4+uint64(p.namePos)))
	}
	if p := get(i + 1); p != nil && p.nameMask != 0 {
		buf = append(buf, featN(fNameP1, uint64(p.nameMask)*4+uint64(p.namePos)))
	}
	if t.fname != 0 {
		buf = append(buf, featN(fFirstName, uint64(t.fname)))
	}
	if p := get(i - 1); p != nil && p.fname != 0 {
		buf = append(buf, featN(fFirstNameM1, uint64(p.fname)))
	}
	if t.lowRatio >= 0 {
		buf = append(buf, featN(fLowRatio, uint64(t.lowRatio)))
	} else if t.initCap {
		buf = append(buf, featN(fLowRatio, 9))
	}
	if doc != nil && t.initCap {
		seen := 0
		for _, c := range doc.ctx[t.low] {
			if c.sent == t.sent && c.pos == i {
				continue
			}
			buf = append(buf, feat(fAggM1, c.m1), feat(fAggP1, c.p1), feat(fAggM2, c.m2))
			seen++
		}
		_ = seen
		if doc.lowerSeen[t.low] {
			buf = append(buf, featN(fDocLower, boolN(i == 0)))
		}
		if i == 0 && doc.capSeen[t.w] {
			buf = append(buf, featN(fDocCap, 1))
		}
	}
	return buf
}

func boolN(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func suffix(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// dynamic appends the prediction-history features of token i.
func dynamic(toks []tok, i int, doc *docInfo, buf []uint64) []uint64 {
	if doc == nil || !toks[i].initCap {
		return buf
	}
	if doc.full != nil {
		if f := doc.full[toks[i].low]; f != nil {
			c := *f
			// Leave out this token's own previous label.
			if t := toks[i].sent; t < len(doc.prev) && i < len(doc.prev[t]) && doc.prev[t][i] != 0 {
				c[(doc.prev[t][i]-1)/2]--
			}
			best, bestN, total := -1, int16(0), int16(0)
			for k, n := range c {
				total += n
				if n > 0 {
					buf = append(buf, featN(fFull, uint64(k)))
				}
				if n > bestN {
					best, bestN = k, n
				}
			}
			if best >= 0 && bestN*2 > total {
				buf = append(buf, featN(fFullMaj, uint64(best)))
			}
		}
	}
	h := doc.hist[toks[i].low]
	if h == nil {
		return buf
	}
	best, bestN, total := -1, int16(0), int16(0)
	for k, n := range h {
		total += n
		if n > 0 {
			buf = append(buf, featN(fHist, uint64(k)))
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	if best >= 0 && bestN*2 > total {
		buf = append(buf, featN(fHistMaj, uint64(best)))
	}
	return buf
}
