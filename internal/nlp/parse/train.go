package parse

import (
	"fmt"
	"io"
	"math/rand"

	pc "github.com/newsgraph/newsgraph/internal/nlp/perceptron"
)

// Example is one training sentence with gold heads (1-based, 0 = root) and
// relations.
type Example struct {
	Input
	Heads   []int
	Deprels []string
}

// Options sets training parameters.
type Options struct {
	Epochs      int     // arc model epochs
	LabelEpochs int     // labeller epochs
	Explore     float64 // probability of following a wrong prediction
	Bits        uint    // hashed rows of the arc model (log2)
	LabelBits   uint
	Log         io.Writer
}

var rng = rand.New(rand.NewSource(7))

func rngFloat() float64 { return rng.Float64() }

// Train trains a parser, printing dev UAS and LAS after each epoch.
func Train(train, dev []Example, o Options) (*Parser, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("train parser: no training data")
	}
	p := &Parser{labels: &labeler{}}
	idx := map[string]int{}
	for _, ex := range train {
		for _, r := range ex.Deprels {
			if _, ok := idx[r]; !ok && r != "root" {
				idx[r] = len(p.labels.classes)
				p.labels.classes = append(p.labels.classes, r)
			}
		}
	}
	p.labels.setHashes()
	goldLab := make([][]int, len(train))
	for i, ex := range train {
		goldLab[i] = make([]int, len(ex.Deprels))
		for j, r := range ex.Deprels {
			if c, ok := idx[r]; ok {
				goldLab[i][j] = c
			} else {
				goldLab[i][j] = -1
			}
		}
	}
	order := rng.Perm(len(train))
	// Labeller on gold trees.
	lt := pc.NewTrainer(len(p.labels.classes), o.LabelBits)
	for ep := 1; ep <= o.LabelEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			p.labels.run(train[k].Input, train[k].Heads, lt, goldLab[k])
		}
		p.labels.model = lt.Averaged()
		fmt.Fprintf(o.Log, "labeller epoch %d: dev label accuracy on gold trees %.2f\n", ep, 100*p.labelAccuracy(dev))
	}
	at := pc.NewTrainer(nActions, o.Bits)
	var best pc.Scorer
	bestLAS := -1.0
	for ep := 1; ep <= o.Epochs; ep++ {
		explore := 0.0
		if ep > 1 {
			explore = o.Explore
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			p.parseHeads(train[k].Input, at, train[k].Heads, explore)
		}
		p.arcs = at.Averaged()
		uas, las := p.Score(dev)
		fmt.Fprintf(o.Log, "parser epoch %d: dev UAS %.2f LAS %.2f\n", ep, 100*uas, 100*las)
		if las > bestLAS || len(dev) == 0 {
			bestLAS, best = las, p.arcs
		}
	}
	p.arcs = best
	return p, nil
}

func (l *labeler) setHashes() {
	l.hashes = make([]uint64, len(l.classes))
	for i, c := range l.classes {
		l.hashes[i] = pc.Str(c)
	}
}

func (p *Parser) labelAccuracy(exs []Example) float64 {
	n, ok := 0, 0
	for _, ex := range exs {
		got := p.labels.label(ex.Input, ex.Heads)
		for i, r := range ex.Deprels {
			n++
			if got[i] == r {
				ok++
			}
		}
	}
	if n == 0 {
		return 0
	}
	return float64(ok) / float64(n)
}

// Score returns UAS and LAS on examples (punctuation included, as in the
// CoNLL 2018 shared task).
func (p *Parser) Score(exs []Example) (uas, las float64) {
	n, u, l := 0, 0, 0
	for _, ex := range exs {
		h, r := p.Parse(ex.Input)
		for i := range h {
			n++
			if h[i] == ex.Heads[i] {
				u++
				if r[i] == ex.Deprels[i] {
					l++
				}
			}
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(u) / float64(n), float64(l) / float64(n)
}

type meta struct {
	Labels []string
}

// Save writes the parser; weights below prune are dropped.
func (p *Parser) Save(w io.Writer, prune float32) error {
	a, ok1 := p.arcs.(*pc.Model)
	l, ok2 := p.labels.model.(*pc.Model)
	if !ok1 || !ok2 {
		return fmt.Errorf("save parser: model is read-only")
	}
	return pc.SaveBundle(w, meta{Labels: p.labels.classes}, prune, a, l)
}

// Load reads a parser written by Save.
func Load(r io.Reader) (*Parser, error) {
	var m meta
	models, err := pc.LoadBundle(r, &m)
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	if len(models) != 2 || models[0].Classes() != nActions || models[1].Classes() != len(m.Labels) {
		return nil, fmt.Errorf("load parser: %w: model shapes", pc.ErrBadModel)
	}
	l := &labeler{model: models[1], classes: m.Labels}
	l.setHashes()
	return &Parser{arcs: models[0], labels: l}, nil
}

// Repruned returns a copy of a loaded parser whose models are dense again,
// so that it can be saved with another pruning threshold.
func (p *Parser) Repruned() *Parser {
	q := &Parser{arcs: p.arcs, labels: &labeler{model: p.labels.model, classes: p.labels.classes, hashes: p.labels.hashes}}
	if s, ok := p.arcs.(*pc.Sparse); ok {
		q.arcs = s.Dense()
	}
	if s, ok := p.labels.model.(*pc.Sparse); ok {
		q.labels.model = s.Dense()
	}
	return q
}
