package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Clusters maps words to hierarchical cluster bit strings (prefix-closed,
// like Brown clusters) and corpus counts.
type Clusters struct {
	words map[string]clusterInfo
}

type clusterInfo struct {
	path  string
	count int32
}

// Path returns the cluster bit string of w ("" when unknown).
func (c *Clusters) Path(w string) string {
	if c == nil {
		return ""
	}
	return c.words[w].path
}

// Count returns the corpus count of w.
func (c *Clusters) Count(w string) int {
	if c == nil {
		return 0
	}
	return int(c.words[w].count)
}

// Len returns the number of words with a cluster.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.words)
}

// ReadClusters reads a gzip-compressed "word TAB path TAB count" file.
func ReadClusters(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	defer zr.Close()
	c := &Clusters{words: make(map[string]clusterInfo, 40000)}
	sc := bufio.NewScanner(zr)
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, &ParseError{File: "clusters", Line: n, Err: fmt.Errorf("want 3 fields, got %d", len(f))}
		}
		cnt, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, &ParseError{File: "clusters", Line: n, Err: err}
		}
		c.words[f[0]] = clusterInfo{path: f[1], count: int32(cnt)}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read clusters: %w", err)
	}
	return c, nil
}

// Write writes c gzip-compressed, sorted by word (reproducible bytes).
func (c *Clusters) Write(w io.Writer) error {
	keys := make([]string, 0, len(c.words))
	for k := range c.words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b bytes.Buffer
	for _, k := range keys {
		ci := c.words[k]
		fmt.Fprintf(&b, "%s\t%s\t%d\n", k, ci.path, ci.count)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// ClusterOptions configures BuildClusters.
type ClusterOptions struct {
	MinCount int    // words seen fewer times get no cluster (default 3)
	Contexts int    // number of frequent context words (default 2000)
	Dim      int    // random projection dimension (default 96)
	Depth    int    // maximal bit-string length (default 20)
	Seed     uint64 // random seed
}

// BuildClusters computes hierarchical word clusters from tokenised
// sentences: each word is represented by the positive PMI of its left and
// right neighbours (among the most frequent words), randomly projected to
// a dense vector, and the vocabulary is split recursively by spherical
// 2-means; a word's cluster is its path of left/right choices. The result
// is deterministic for given input and options.
func BuildClusters(sents [][]string, opt ClusterOptions) *Clusters {
	if opt.MinCount == 0 {
		opt.MinCount = 3
	}
	if opt.Contexts == 0 {
		opt.Contexts = 2000
	}
	if opt.Dim == 0 {
		opt.Dim = 96
	}
	if opt.Depth == 0 {
		opt.Depth = 20
	}
	count := map[string]int{}
	lowCount := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			count[w]++
			lowCount[strings.ToLower(w)]++
		}
	}
	var vocab []string
	for w, n := range count {
		if n >= opt.MinCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if count[vocab[i]] != count[vocab[j]] {
			return count[vocab[i]] > count[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	wid := make(map[string]int, len(vocab))
	for i, w := range vocab {
		wid[w] = i
	}
	// Context vocabulary: most frequent lower-case forms.
	var lows []string
	for w := range lowCount {
		lows = append(lows, w)
	}
	sort.Slice(lows, func(i, j int) bool {
		if lowCount[lows[i]] != lowCount[lows[j]] {
			return lowCount[lows[i]] > lowCount[lows[j]]
		}
		return lows[i] < lows[j]
	})
	if len(lows) > opt.Contexts {
		lows = lows[:opt.Contexts]
	}
	cid := map[string]int{}
	for i, w := range lows {
		cid[w] = i
	}
	nctx := 2*len(lows) + 4 // left/right contexts, plus sentence boundaries and "other"
	ctxOf := func(s []string, j int, right bool) int {
		off := 0
		if right {
			off = len(lows)
		}
		if j < 0 || j >= len(s) {
			if right {
				return 2*len(lows) + 1
			}
			return 2 * len(lows)
		}
		if c, ok := cid[strings.ToLower(s[j])]; ok {
			return off + c
		}
		if right {
			return 2*len(lows) + 3
		}
		return 2*len(lows) + 2
	}
	co := make([]map[int32]float32, len(vocab))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	ctxTotal := make([]float64, nctx)
	total := 0.0
	for _, s := range sents {
		for j, w := range s {
			i, ok := wid[w]
			if !ok {
				continue
			}
			for _, c := range []int{ctxOf(s, j-1, false), ctxOf(s, j+1, true), ctxOf(s, j-2, false), ctxOf(s, j+2, true)} {
				co[i][int32(c)]++
				ctxTotal[c]++
				total++
			}
		}
	}
	// Random projection vectors for contexts (Gaussian-ish, seeded).
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	proj := make([]float32, nctx*opt.Dim)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vec := make([]float32, len(vocab)*opt.Dim)
	for i := range vocab {
		wt := 0.0
		for _, v := range co[i] {
			wt += float64(v)
		}
		keys := make([]int, 0, len(co[i]))
		for c := range co[i] {
			keys = append(keys, int(c))
		}
		sort.Ints(keys) // deterministic summation order
		v := vec[i*opt.Dim : (i+1)*opt.Dim]
		for _, c := range keys {
			n := float64(co[i][int32(c)])
			pmi := math.Log(n * total / (wt * ctxTotal[c]))
			if pmi <= 0 {
				continue
			}
			p := proj[c*opt.Dim : (c+1)*opt.Dim]
			for d := range v {
				v[d] += float32(pmi) * p[d]
			}
		}
		normalize(v)
	}
	paths := make([][]byte, len(vocab))
	idx := make([]int, len(vocab))
	for i := range idx {
		idx[i] = i
	}
	bisect(vec, opt.Dim, idx, paths, opt.Depth)
	out := &Clusters{words: make(map[string]clusterInfo, len(vocab))}
	for i, w := range vocab {
		p := string(paths[i])
		if p == "" {
			p = "0"
		}
		out.words[w] = clusterInfo{path: p, count: int32(count[w])}
	}
	return out
}

func normalize(v []float32) {
	s := 0.0
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// bisect splits idx (sorted by frequency, most frequent first) into two by
// spherical 2-means and recurses, appending '0'/'1' to paths.
func bisect(vec []float32, dim int, idx []int, paths [][]byte, depth int) {
	if len(idx) < 2 || depth == 0 {
		return
	}
	row := func(i int) []float32 { return vec[i*dim : (i+1)*dim] }
	// Seeds: the most frequent word and the word least similar to it.
	a := make([]float32, dim)
	b := make([]float32, dim)
	copy(a, row(idx[0]))
	far, farSim := idx[len(idx)-1], float32(2)
	for _, i := range idx {
		if s := dot(a, row(i)); s < farSim {
			far, farSim = i, s
		}
	}
	copy(b, row(far))
	side := make([]bool, len(idx))
	for it := 0; it < 8; it++ {
		changed := false
		na, nb := 0, 0
		sa := make([]float32, dim)
		sb := make([]float32, dim)
		for k, i := range idx {
			r := row(i)
			right := dot(b, r) > dot(a, r)
			if right != side[k] || it == 0 {
				changed = true
			}
			side[k] = right
			acc := sa
			if right {
				acc, nb = sb, nb+1
			} else {
				na++
			}
			for d := range acc {
				acc[d] += r[d]
			}
		}
		if na == 0 || nb == 0 {
			// Degenerate: split by frequency rank.
			for k := range side {
				side[k] = k >= len(idx)/2
			}
			break
		}
		normalize(sa)
		normalize(sb)
		a, b = sa, sb
		if !changed {
			break
		}
	}
	var left, right []int
	for k, i := range idx {
		if side[k] {
			right = append(right, i)
			paths[i] = append(paths[i], '1')
		} else {
			left = append(left, i)
			paths[i] = append(paths[i], '0')
		}
	}
	bisect(vec, dim, left, paths, depth-1)
	bisect(vec, dim, right, paths, depth-1)
}

// Tokenize splits raw text into CoNLL-like tokens: whitespace, then
// leading and trailing punctuation, keeping abbreviations such as "U.S."
// and splitting possessive "'s" and "n't". It is a simple fallback used
// for cluster building and when no pipeline tokenizer is available.
func Tokenize(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		out = appendToken(out, f)
	}
	return out
}

// TokenSpans is Tokenize with the code point offsets of each token.
func TokenSpans(text string) (toks []string, starts, ends []int) {
	rs := []rune(text)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) {
			j++
		}
		field := string(rs[i:j])
		parts := appendToken(nil, field)
		off := i
		for _, p := range parts {
			// Parts are consecutive substrings of field.
			n := len([]rune(p))
			toks = append(toks, p)
			starts = append(starts, off)
			ends = append(ends, off+n)
			off += n
		}
		i = j
	}
	return toks, starts, ends
}

const leadPunct = "\"'([{“‘«"
const trailPunct = "\"')]}.,;:!?”’»"

func appendToken(out []string, f string) []string {
	var tail []string
	for f != "" && strings.ContainsRune(leadPunct, firstRune(f)) {
		r := string(firstRune(f))
		out = append(out, r)
		f = f[len(r):]
	}
	for f != "" {
		r := lastRune(f)
		if !strings.ContainsRune(trailPunct, r) {
			break
		}
		if r == '.' && isAbbrev(f) {
			break
		}
		tail = append(tail, string(r))
		f = f[:len(f)-len(string(r))]
	}
	if f != "" {
		low := strings.ToLower(f)
		switch {
		case len(f) > 2 && (strings.HasSuffix(low, "'s") || strings.HasSuffix(low, "’s")):
			k := len(f) - len("'s")
			if strings.HasSuffix(low, "’s") {
				k = len(f) - len("’s")
			}
			out = append(out, f[:k], f[k:])
		case len(f) > 3 && strings.HasSuffix(low, "n't"):
			out = append(out, f[:len(f)-3], f[len(f)-3:])
		default:
			out = append(out, f)
		}
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

// isAbbrev reports whether f (ending in '.') is an abbreviation whose dot
// belongs to it: "U.S.", "Mr.", "Jan.", single initials "J.".
func isAbbrev(f string) bool {
	body := f[:len(f)-1]
	if strings.Contains(body, ".") {
		return true
	}
	if len(body) == 1 && unicode.IsUpper(firstRune(body)) {
		return true
	}
	switch body {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Prof",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "No", "vs":
		return true
	}
	return false
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

func lastRune(s string) rune {
	var last rune
	for _, r := range s {
		last = r
	}
	return last
}
