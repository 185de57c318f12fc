package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

//go:embed data
var dataFS embed.FS

// Model file names inside a model directory.
const (
	ModelFile    = "ner.model.gz"
	ClustersFile = "clusters.tsv.gz"
)

// ErrBadModel reports a malformed model file.
var ErrBadModel = errors.New("bad ner model file")

const magic = "NGNER3\n"

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	index map[uint64]int32 // feature hash -> row
	w     []float32        // rows of nLabels weights
	trans [nLabels + 1][nLabels]float32
	fz    featurizer
	// twoPass re-tags each document with the first pass's labels of the
	// whole document as features.
	twoPass bool
	// noHarmonize turns the document type vote off (for ablations).
	noHarmonize bool
}

var (
	loadOnce  sync.Once
	loadModel *Model
	loadErr   error
)

// Load returns the embedded model, loaded once.
func Load() (*Model, error) {
	loadOnce.Do(func() {
		sub, err := fs.Sub(dataFS, "data")
		if err != nil {
			loadErr = err
			return
		}
		loadModel, loadErr = LoadFS(sub)
	})
	return loadModel, loadErr
}

// LoadFS loads a model from ModelFile and ClustersFile at the root of fsys.
func LoadFS(fsys fs.FS) (*Model, error) {
	cf, err := fsys.Open(ClustersFile)
	if err != nil {
		return nil, fmt.Errorf("load ner clusters: %w", err)
	}
	defer cf.Close()
	cl, err := ReadClusters(cf)
	if err != nil {
		return nil, fmt.Errorf("load ner clusters: %w", err)
	}
	mf, err := fsys.Open(ModelFile)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	defer mf.Close()
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	m, err := ReadModel(mf, cl, lex)
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	return m, nil
}

func newModel(cl *Clusters, lex *lexicon.Lexicon) *Model {
	return &Model{index: map[uint64]int32{}, fz: featurizer{clusters: cl, lex: lex}}
}

// Clusters returns the model's word clusters.
func (m *Model) Clusters() *Clusters { return m.fz.clusters }

// NumFeatures returns the number of weighted features.
func (m *Model) NumFeatures() int { return len(m.index) }

// scores adds the emission scores of feats to s.
func (m *Model) scores(feats []uint64, s *[nLabels]float32) {
	for _, f := range feats {
		if r, ok := m.index[f]; ok {
			w := m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
			for k := range s {
				s[k] += w[k]
			}
		}
	}
}

// viterbi returns the best label sequence for emission scores em under the
// transition weights and IOB2 constraints.
func viterbi(em [][nLabels]float32, trans *[nLabels + 1][nLabels]float32) []int {
	n := len(em)
	if n == 0 {
		return nil
	}
	neg := float32(math.Inf(-1))
	delta := make([][nLabels]float32, n)
	back := make([][nLabels]int8, n)
	for c := 0; c < nLabels; c++ {
		if allowedTab[nLabels][c] {
			delta[0][c] = em[0][c] + trans[nLabels][c]
		} else {
			delta[0][c] = neg
		}
	}
	for i := 1; i < n; i++ {
		for c := 0; c < nLabels; c++ {
			best, bp := neg, 0
			for p := 0; p < nLabels; p++ {
				if delta[i-1][p] == neg || !allowedTab[p][c] {
					continue
				}
				if v := delta[i-1][p] + trans[p][c]; v > best {
					best, bp = v, p
				}
			}
			delta[i][c] = best + em[i][c]
			back[i][c] = int8(bp)
		}
	}
	out := make([]int, n)
	best := 0
	for c := 1; c < nLabels; c++ {
		if canEnd(c) && delta[n-1][c] > delta[n-1][best] {
			best = c
		}
	}
	out[n-1] = best
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
	return out
}

// decode tags one sentence given its prepared tokens and document info,
// returning IOB2 labels.
func (m *Model) decode(toks []tok, doc *docInfo, buf []uint64) ([]int, []uint64) {
	em := make([][nLabels]float32, len(toks))
	for i := range toks {
		buf = m.fz.static(toks, i, doc, buf[:0])
		buf = dynamic(toks, i, doc, buf)
		m.scores(buf, &em[i])
	}
	return toIOB(viterbi(em, &m.trans)), buf
}

// Tag returns IOB2 tags (CoNLL scheme) for one sentence.
func (m *Model) Tag(words []string) []string {
	return m.TagDocument([][]string{words})[0]
}

// TagDocument tags the sentences of one document, using the labels given
// earlier in the document as features and making repeated names agree.
func (m *Model) TagDocument(sents [][]string) [][]string {
	labels := m.tagDocument(sents)
	out := make([][]string, len(sents))
	for i, ls := range labels {
		out[i] = make([]string, len(ls))
		for j, l := range ls {
			out[i][j] = Labels[l]
		}
	}
	return out
}

func (m *Model) tagDocument(sents [][]string) [][]int {
	doc := newDocInfo(sents)
	toks := make([][]tok, len(sents))
	out := make([][]int, len(sents))
	var buf []uint64
	// Pass 1: history of earlier sentences only.
	for i, s := range sents {
		toks[i] = m.fz.prepare(s)
		for k := range toks[i] {
			toks[i][k].sent = i
		}
		out[i], buf = m.decode(toks[i], doc, buf)
		doc.record(s, out[i])
	}
	if m.twoPass && len(sents) > 1 {
		// Pass 2: also what pass 1 said about the whole document.
		doc.setPrevious(sents, out)
		doc.hist = map[string]*[4]int16{}
		second := make([][]int, len(sents))
		for i, s := range sents {
			second[i], buf = m.decode(toks[i], doc, buf)
			doc.record(s, second[i])
		}
		out = second
	}
	if !m.noHarmonize {
		harmonize(sents, out)
	}
	trimCalendar(sents, out)
	return out
}

// trimCalendar drops a leading weekday, or a leading month from a
// non-person span, from longer entity spans ("August National Association
// of ..." → "National Association of ...").
func trimCalendar(sents [][]string, labels [][]int) {
	for si, ls := range labels {
		for _, sp := range spansOf(ls) {
			if sp.end-sp.start < 2 {
				continue
			}
			w := strings.ToLower(strings.TrimSuffix(sents[si][sp.start], "."))
			if !calendarWords[w] || w == "may" || types[sp.typ] == "PER" && !weekdays[w] {
				continue
			}
			ls[sp.start] = 0
			ls[sp.start+1] = 2*sp.typ + 1
		}
	}
}

// harmonize gives every repeated entity string the type most often
// predicted for it in the document.
func harmonize(sents [][]string, labels [][]int) {
	type occ struct{ s, start, end int }
	votes := map[string]*[4]int{}
	var occs []occ
	var keys []string
	for si, ls := range labels {
		for _, sp := range spansOf(ls) {
			key := joinWords(sents[si][sp.start:sp.end])
			v := votes[key]
			if v == nil {
				v = new([4]int)
				votes[key] = v
			}
			v[sp.typ]++
			occs = append(occs, occ{si, sp.start, sp.end})
			keys = append(keys, key)
		}
	}
	for k, o := range occs {
		v := votes[keys[k]]
		best := 0
		for t := 1; t < 4; t++ {
			if v[t] > v[best] {
				best = t
			}
		}
		cur := (labels[o.s][o.start] - 1) / 2
		if cur != best && v[best] > v[cur] {
			labels[o.s][o.start] = 2*best + 1
			for j := o.start + 1; j < o.end; j++ {
				labels[o.s][j] = 2*best + 2
			}
		}
	}
}

func joinWords(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

type labelSpan struct{ start, end, typ int }

// spansOf returns the entity spans of an IOB2 label sequence (an I- label
// without a matching B- starts a span, as conlleval does).
func spansOf(ls []int) []labelSpan {
	var out []labelSpan
	for i := 0; i < len(ls); {
		l := ls[i]
		if l == 0 {
			i++
			continue
		}
		t := (l - 1) / 2
		j := i + 1
		for j < len(ls) && ls[j] == 2*t+2 {
			j++
		}
		out = append(out, labelSpan{i, j, t})
		i = j
	}
	return out
}

// WriteModel writes m's weights: gzip of a header, the transition matrix
// and the features sorted by hash (delta-coded), their weights quantised
// to 16 bits.
func (m *Model) WriteModel(w io.Writer) error {
	keys := make([]uint64, 0, len(m.index))
	maxAbs := float32(0)
	for k, r := range m.index {
		row := m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
		keep := false
		for _, x := range row {
			if x != 0 {
				keep = true
			}
			if a := float32(math.Abs(float64(x))); a > maxAbs {
				maxAbs = a
			}
		}
		if keep {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	scale := maxAbs / 32000
	if scale == 0 {
		scale = 1
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	var tmp [binary.MaxVarintLen64]byte
	put := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	puts := func(x int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	put(nLabels)
	flags := uint64(0)
	if m.twoPass {
		flags |= 1
	}
	if m.fz.names != nil {
		flags |= 2
	}
	put(flags)
	put(uint64(math.Float32bits(scale)))
	for p := range m.trans {
		for c := range m.trans[p] {
			put(uint64(math.Float32bits(m.trans[p][c])))
		}
	}
	// Count features whose quantised row is non-zero.
	quant := func(x float32) int64 { return int64(math.Round(float64(x / scale))) }
	var kept []uint64
	for _, k := range keys {
		r := m.index[k]
		for _, x := range m.w[int(r)*nLabels : int(r)*nLabels+nLabels] {
			if quant(x) != 0 {
				kept = append(kept, k)
				break
			}
		}
	}
	put(uint64(len(kept)))
	prev := uint64(0)
	for _, k := range kept {
		put(k - prev)
		prev = k
		r := m.index[k]
		for _, x := range m.w[int(r)*nLabels : int(r)*nLabels+nLabels] {
			puts(quant(x))
		}
	}
	if m.fz.names != nil {
		keys := make([]string, 0, len(m.fz.names.types))
		for k := range m.fz.names.types {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		put(uint64(len(keys)))
		for _, k := range keys {
			put(uint64(len(k)))
			bw.WriteString(k)
			put(uint64(m.fz.names.types[k]))
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// ReadModel reads weights written by WriteModel.
func ReadModel(r io.Reader, cl *Clusters, lex *lexicon.Lexicon) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, fmt.Errorf("%w: bad magic", ErrBadModel)
	}
	br := bytes.NewReader(raw[len(magic):])
	get := func() (uint64, error) { return binary.ReadUvarint(br) }
	bad := func(what string, err error) error { return fmt.Errorf("%w: %s: %v", ErrBadModel, what, err) }
	n, err := get()
	if err != nil || n != nLabels {
		return nil, fmt.Errorf("%w: label count %d", ErrBadModel, n)
	}
	flags, err := get()
	if err != nil {
		return nil, bad("flags", err)
	}
	sb, err := get()
	if err != nil {
		return nil, bad("scale", err)
	}
	scale := math.Float32frombits(uint32(sb))
	m := newModel(cl, lex)
	m.twoPass = flags&1 != 0
	for p := range m.trans {
		for c := range m.trans[p] {
			x, err := get()
			if err != nil {
				return nil, bad("transitions", err)
			}
			m.trans[p][c] = math.Float32frombits(uint32(x))
		}
	}
	nf, err := get()
	if err != nil {
		return nil, bad("feature count", err)
	}
	if nf > uint64(len(raw)) {
		return nil, fmt.Errorf("%w: feature count %d too large", ErrBadModel, nf)
	}
	m.index = make(map[uint64]int32, nf)
	m.w = make([]float32, 0, nf*nLabels)
	key := uint64(0)
	for i := uint64(0); i < nf; i++ {
		d, err := get()
		if err != nil {
			return nil, bad("feature", err)
		}
		key += d
		m.index[key] = int32(i)
		for c := 0; c < nLabels; c++ {
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, bad("weight", err)
			}
			m.w = append(m.w, float32(q)*scale)
		}
	}
	if flags&2 != 0 {
		n, err := get()
		if err != nil || n > uint64(br.Len()) {
			return nil, bad("name count", err)
		}
		g := newNameGaz()
		for i := uint64(0); i < n; i++ {
			l, err := get()
			if err != nil || l > uint64(br.Len()) {
				return nil, bad("name", err)
			}
			b := make([]byte, l)
			if _, err := io.ReadFull(br, b); err != nil {
				return nil, bad("name", err)
			}
			mask, err := get()
			if err != nil || mask == 0 || mask > 15 {
				return nil, bad("name types", err)
			}
			g.add(string(b), uint8(mask), strings.Count(string(b), " ")+1)
		}
		m.fz.names = g
	}
	if br.Len() != 0 {
		return nil, fmt.Errorf("%w: %d trailing bytes", ErrBadModel, br.Len())
	}
	return m, nil
}
