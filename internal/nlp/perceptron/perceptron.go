// Package perceptron implements a multiclass averaged perceptron with hashed
// feature weights kept in one flat []float32 (one row of class weights per
// hashed feature), its trainer and a compact quantised file format.
package perceptron

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Hash mixes a template id with values into a feature hash.
func Hash(parts ...uint64) uint64 {
	h := uint64(0x9e3779b97f4a7c15)
	for _, p := range parts {
		h = Mix(h ^ p)
	}
	return h
}

// Mix is a 64-bit finaliser (splitmix64).
func Mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Combine hashes a and b in order.
func Combine(a, b uint64) uint64 { return Mix(a*0x9e3779b97f4a7c15 ^ b) }

// Str hashes a string (FNV-1a then mixed).
func Str(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return Mix(h)
}

// Model holds the weights: row r (of 1<<Bits) holds NClasses weights.
type Model struct {
	NClasses int
	Bits     uint
	W        []float32
}

// New returns a zero model.
func New(nclasses int, bits uint) *Model {
	return &Model{NClasses: nclasses, Bits: bits, W: hugePages(make([]float32, (1<<bits)*nclasses))}
}

func (m *Model) row(f uint64) int { return int(Mix(f)>>(64-m.Bits)) * m.NClasses }

// Score sets scores[c] to the total weight of class c for feats.
func (m *Model) Score(feats []uint64, scores []float32) {
	n := m.NClasses
	scores = scores[:n]
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		r := m.row(f)
		w := m.W[r : r+n : r+n]
		for c := range scores {
			scores[c] += w[c]
		}
	}
}

// Best returns the class with the highest score among those allowed (all
// when allowed is nil).
func Best(scores []float32, allowed []bool) int {
	best, bs := -1, float32(0)
	for c, s := range scores {
		if allowed != nil && !allowed[c] {
			continue
		}
		if best < 0 || s > bs {
			best, bs = c, s
		}
	}
	return best
}

// Trainer trains a Model with lazy averaging.
type Trainer struct {
	M *Model
	u []float64 // sum of time*update
	c float64   // instance counter (starts at 1)
}

// NewTrainer returns a trainer for a fresh model.
func NewTrainer(nclasses int, bits uint) *Trainer {
	m := New(nclasses, bits)
	return &Trainer{M: m, u: hugePages(make([]float64, len(m.W))), c: 1}
}

// NewTrainerFrom returns a trainer starting from a copy of m's weights,
// with a fresh average (the averaged model starts as m).
func NewTrainerFrom(m *Model) *Trainer {
	t := NewTrainer(m.NClasses, m.Bits)
	copy(t.M.W, m.W)
	return t
}

// Tick counts one training instance.
func (t *Trainer) Tick() { t.c++ }

// Update adds amount to the weights of class good and subtracts it from
// class bad for every feature.
func (t *Trainer) Update(feats []uint64, good, bad int, amount float32) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r := t.M.row(f)
		if good >= 0 {
			t.M.W[r+good] += amount
			t.u[r+good] += t.c * float64(amount)
		}
		if bad >= 0 {
			t.M.W[r+bad] -= amount
			t.u[r+bad] -= t.c * float64(amount)
		}
	}
}

// Averaged returns a copy of the model with averaged weights.
func (t *Trainer) Averaged() *Model {
	m := &Model{NClasses: t.M.NClasses, Bits: t.M.Bits, W: hugePages(make([]float32, len(t.M.W)))}
	for i, w := range t.M.W {
		if w != 0 || t.u[i] != 0 {
			m.W[i] = float32(float64(w) - t.u[i]/t.c)
		}
	}
	return m
}

// Average returns the model whose weights are the mean of those of models
// (of equal shape): for linear models it scores like their ensemble.
func Average(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("average models: no models")
	}
	m0 := models[0]
	out := New(m0.NClasses, m0.Bits)
	for _, m := range models {
		if m.NClasses != m0.NClasses || m.Bits != m0.Bits {
			return nil, fmt.Errorf("average models: shape %d×2^%d differs from %d×2^%d", m.NClasses, m.Bits, m0.NClasses, m0.Bits)
		}
		for i, w := range m.W {
			out.W[i] += w
		}
	}
	inv := 1 / float32(len(models))
	for i := range out.W {
		out.W[i] *= inv
	}
	return out, nil
}

// ErrBadModel is wrapped by errors about malformed model files.
var ErrBadModel = errors.New("bad perceptron model")

const magic = "NGAP1"

// Save writes m gzip-compressed with weights quantised to 16 bits; weights
// whose magnitude is below prune are dropped.
func (m *Model) Save(w io.Writer, prune float32) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := m.Write(zw, prune); err != nil {
		return err
	}
	return zw.Close()
}

// Write writes m uncompressed (see Save).
func (m *Model) Write(w io.Writer, prune float32) error {
	bw := bufio.NewWriter(w)
	var maxAbs float32
	n := 0
	for _, x := range m.W {
		a := float32(math.Abs(float64(x)))
		if a > maxAbs {
			maxAbs = a
		}
		if a >= prune && x != 0 {
			n++
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	bw.WriteString(magic)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	put(uint64(m.NClasses))
	put(uint64(m.Bits))
	put(uint64(math.Float32bits(scale)))
	put(uint64(n))
	last := -1
	for i, x := range m.W {
		if x == 0 || float32(math.Abs(float64(x))) < prune {
			continue
		}
		q := int64(math.Round(float64(x / scale)))
		put(uint64(i - last))
		bw.Write(buf[:binary.PutVarint(buf[:], q)])
		last = i
	}
	return bw.Flush()
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Sparse, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
	}
	m, _, err := decode(b)
	return m, err
}

// Scorer scores feature vectors: dense models while training, sparse ones
// once loaded.
type Scorer interface {
	Score(feats []uint64, scores []float32)
	Classes() int
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.NClasses }

// Sparse is a read-only model storing only non-zero weights, row by row
// (compressed sparse rows).
type Sparse struct {
	NClasses int
	Bits     uint
	start    []uint32 // len 1<<Bits + 1
	cls      []uint16
	w        []float32
	dense    []int16 // quantised weights, used instead of the rows above for few classes
	scale    float32 // weight of one dense quantum
}

// denseMax is the largest class count stored densely after loading (one
// cache line per feature instead of two or three random reads).
const denseMax = 4

// Classes returns the number of classes.
func (m *Sparse) Classes() int { return m.NClasses }

// Score sets scores[c] to the total weight of class c for feats.
func (m *Sparse) Score(feats []uint64, scores []float32) {
	scores = scores[:m.NClasses]
	for i := range scores {
		scores[i] = 0
	}
	if m.dense != nil {
		// Integer sums of the quantised weights, scaled once: exact, and
		// half the memory of float32 rows (a cold load touches fewer pages).
		var acc [denseMax]int32
		n := m.NClasses
		sums := acc[:n]
		for _, f := range feats {
			r := int(Mix(f)>>(64-m.Bits)) * n
			w := m.dense[r : r+n : r+n]
			for c := range sums {
				sums[c] += int32(w[c])
			}
		}
		for c, v := range sums {
			scores[c] = float32(v) * m.scale
		}
		return
	}
	for _, f := range feats {
		r := Mix(f) >> (64 - m.Bits)
		a, b := m.start[r], m.start[r+1]
		cls, w := m.cls[a:b], m.w[a:b]
		for k, c := range cls {
			scores[c] += w[k]
		}
	}
}

// decode decodes a model written by Write from the start of b and returns
// the remaining bytes.
func decode(b []byte) (*Sparse, []byte, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return nil, nil, fmt.Errorf("%w: missing header", ErrBadModel)
	}
	b = b[len(magic):]
	uvarint := func() (uint64, bool) {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return 0, false
		}
		b = b[n:]
		return v, true
	}
	var vals [4]uint64
	for i := range vals {
		v, ok := uvarint()
		if !ok {
			return nil, nil, fmt.Errorf("%w: bad header", ErrBadModel)
		}
		vals[i] = v
	}
	nc, bits, n := vals[0], vals[1], vals[3]
	if nc == 0 || nc > 1<<12 || bits == 0 || bits > 26 {
		return nil, nil, fmt.Errorf("%w: bad shape %d classes, %d bits", ErrBadModel, nc, bits)
	}
	scale := math.Float32frombits(uint32(vals[2]))
	size := (1 << bits) * int(nc)
	if n > uint64(size) || n > uint64(len(b)) {
		return nil, nil, fmt.Errorf("%w: %d weights for %d slots", ErrBadModel, n, size)
	}
	rows := 1 << bits
	if nc <= denseMax {
		m := &Sparse{NClasses: int(nc), Bits: uint(bits), dense: make([]int16, size), scale: scale}
		idx := -1
		for k := uint64(0); k < n; k++ {
			var q int64
			var err error
			if idx, q, b, err = nextEntry(b, idx, size); err != nil {
				return nil, nil, err
			}
			if q < math.MinInt16 || q > math.MaxInt16 {
				return nil, nil, fmt.Errorf("%w: weight out of range", ErrBadModel)
			}
			m.dense[idx] = int16(q)
		}
		return m, b, nil
	}
	m := &Sparse{NClasses: int(nc), Bits: uint(bits), start: make([]uint32, rows+1),
		cls: make([]uint16, n), w: make([]float32, n)}
	idx := -1
	row, rowEnd := 0, int(nc)
	for k := uint64(0); k < n; k++ {
		var q int64
		var err error
		if idx, q, b, err = nextEntry(b, idx, size); err != nil {
			return nil, nil, err
		}
		for idx >= rowEnd {
			row++
			rowEnd += int(nc)
			m.start[row] = uint32(k)
		}
		m.cls[k] = uint16(idx - (rowEnd - int(nc)))
		m.w[k] = float32(q) * scale
	}
	for row < rows {
		row++
		m.start[row] = uint32(n)
	}
	return m, b, nil
}

// Dense returns a dense copy of m (for re-saving with other pruning).
func (m *Sparse) Dense() *Model {
	d := New(m.NClasses, m.Bits)
	if m.dense != nil {
		for i, q := range m.dense {
			d.W[i] = float32(q) * m.scale
		}
		return d
	}
	for r := 0; r+1 < len(m.start); r++ {
		for k := m.start[r]; k < m.start[r+1]; k++ {
			d.W[r*m.NClasses+int(m.cls[k])] = m.w[k]
		}
	}
	return d
}

// nextWeight decodes one (index delta, quantised weight) pair from the start

// nextEntry reads the next (index delta, weight) pair after slot idx of a
// table of size slots and returns the new slot, checking both.
func nextEntry(b []byte, idx, size int) (int, int64, []byte, error) {
	d, q, b, ok := nextWeight(b)
	if !ok {
		return 0, 0, nil, fmt.Errorf("%w: truncated weights", ErrBadModel)
	}
	if d == 0 || d > uint64(size) || idx+int(d) >= size {
		return 0, 0, nil, fmt.Errorf("%w: weight index out of range", ErrBadModel)
	}
	return idx + int(d), q, b, nil
}

// of b, with a fast path for values below 128 and 8192.
func nextWeight(b []byte) (d uint64, q int64, rest []byte, ok bool) {
	if len(b) >= 3 && b[0] < 0x80 {
		d = uint64(b[0])
		var z uint64
		switch {
		case b[1] < 0x80:
			z, rest = uint64(b[1]), b[2:]
		case b[2] < 0x80:
			z, rest = uint64(b[1]&0x7f)|uint64(b[2])<<7, b[3:]
		default:
			goto slow
		}
		q = int64(z >> 1)
		if z&1 != 0 {
			q = ^q
		}
		return d, q, rest, true
	}
slow:
	d, l := binary.Uvarint(b)
	if l <= 0 {
		return 0, 0, nil, false
	}
	b = b[l:]
	q, l = binary.Varint(b)
	if l <= 0 {
		return 0, 0, nil, false
	}
	return d, q, b[l:], true
}
