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
	// Beam is the beam width of the global training epochs, whose models
	// are scored on dev greedily and with this beam; the parser decodes
	// with the width of its best dev epoch.
	Beam int
	// BeamEpochs are epochs of global (max-violation) beam training run
	// after the Epochs greedy ones, starting from their averaged weights.
	BeamEpochs int
	// Runs > 1 trains that many greedy arc models (and labellers) with
	// different shuffles and averages their weights (best epochs of the
	// arc models, last ones of the labellers).
	Runs      int
	Bits      uint // hashed rows of the arc model (log2)
	LabelBits uint
	Log       io.Writer
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
	// Labeller on gold trees; with several runs, the mean of the last
	// epochs of runs with different shuffles.
	runs := max(o.Runs, 1)
	var labelModels []*pc.Model
	for run := 0; run < runs; run++ {
		r := rng
		if run > 0 {
			r = rand.New(rand.NewSource(int64(8 + 1000*run)))
		}
		lt := pc.NewTrainer(len(p.labels.classes), o.LabelBits)
		for ep := 1; ep <= o.LabelEpochs; ep++ {
			r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, k := range order {
				p.labels.run(train[k].Input, train[k].Heads, lt, goldLab[k])
			}
			p.labels.model = lt.Averaged()
			fmt.Fprintf(o.Log, "labeller run %d epoch %d: dev label accuracy on gold trees %.2f\n", run+1, ep, 100*p.labelAccuracy(dev))
		}
		if m, ok := p.labels.model.(*pc.Model); ok && runs > 1 {
			labelModels = append(labelModels, m)
		}
	}
	if len(labelModels) > 1 {
		m, err := pc.Average(labelModels...)
		if err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		p.labels.model = m
		fmt.Fprintf(o.Log, "labeller mean of %d runs: dev label accuracy on gold trees %.2f\n", runs, 100*p.labelAccuracy(dev))
	}
	var best pc.Scorer
	bestBeam := 1
	bestLAS := -1.0
	// evaluate scores the arc model with the given beam widths, keeping the
	// best model and width so far, and returns the LAS of the first width.
	// (Greedily trained models are only scored greedily: they lose 5-6
	// points with a beam.)
	evaluate := func(name string, ep int, m *pc.Model, widths ...int) float64 {
		p.arcs = m
		firstLAS := -1.0
		for _, k := range widths {
			uas, las := p.WithBeam(k).Score(dev)
			fmt.Fprintf(o.Log, "parser %s epoch %d: dev beam %d UAS %.2f LAS %.2f\n", name, ep, k, 100*uas, 100*las)
			if las > bestLAS || len(dev) == 0 {
				bestLAS, best, bestBeam = las, m, k
			}
			if firstLAS < 0 {
				firstLAS = las
			}
		}
		return firstLAS
	}
	// Greedy runs with different shuffles; the mean of their best epochs
	// scores like their ensemble at the cost of one model.
	var runBest []*pc.Model
	var greedy *pc.Model // starting point of beam training
	for run := 0; run < runs && o.Epochs > 0; run++ {
		if run > 0 {
			rng = rand.New(rand.NewSource(int64(7 + 1000*run)))
		}
		at := pc.NewTrainer(nActions, o.Bits)
		var rb *pc.Model
		rbLAS := -1.0
		for ep := 1; ep <= o.Epochs; ep++ {
			explore := 0.0
			if ep > 1 {
				explore = o.Explore
			}
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, k := range order {
				p.parseHeads(train[k].Input, at, train[k].Heads, explore)
			}
			m := at.Averaged()
			name := "greedy"
			if runs > 1 {
				name = fmt.Sprintf("greedy run %d", run+1)
			}
			if las := evaluate(name, ep, m, 1); las > rbLAS {
				rbLAS, rb = las, m
			}
			greedy = m
		}
		runBest = append(runBest, rb)
	}
	if runs > 1 && len(runBest) > 0 {
		m, err := pc.Average(runBest...)
		if err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
		runBest = nil
		evaluate(fmt.Sprintf("mean of %d runs", runs), 0, m, 1)
		greedy = m
	}
	if o.Beam > 1 && o.BeamEpochs > 0 {
		// Fine-tuning starts from the averaged greedy weights with a fresh
		// average: continuing the greedy average kept the beam model close
		// to the greedy one for many epochs.
		bt := pc.NewTrainer(nActions, o.Bits)
		if greedy != nil {
			bt = pc.NewTrainerFrom(greedy)
		}
		for ep := 1; ep <= o.BeamEpochs; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, k := range order {
				p.beamHeads(train[k].Input, o.Beam, bt, train[k].Heads)
			}
			evaluate("beam", ep, bt.Averaged(), 1, o.Beam)
		}
	}
	if best == nil {
		return nil, fmt.Errorf("train parser: no training epochs")
	}
	p.arcs, p.beam = best, bestBeam
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

// maxBeam bounds the beam width a model file may ask for.
const maxBeam = 64

type meta struct {
	Labels []string
	Beam   int `json:",omitempty"` // beam width; absent (0) means greedy
}

// Save writes the parser; weights below prune are dropped.
func (p *Parser) Save(w io.Writer, prune float32) error {
	a, ok1 := p.arcs.(*pc.Model)
	l, ok2 := p.labels.model.(*pc.Model)
	if !ok1 || !ok2 {
		return fmt.Errorf("save parser: model is read-only")
	}
	md := meta{Labels: p.labels.classes}
	if p.beam > 1 {
		md.Beam = p.beam // greedy parsers keep the old metadata
	}
	return pc.SaveBundle(w, md, prune, a, l)
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
	if m.Beam < 0 || m.Beam > maxBeam {
		return nil, fmt.Errorf("load parser: %w: beam width %d", pc.ErrBadModel, m.Beam)
	}
	return &Parser{arcs: models[0], labels: l, beam: max(m.Beam, 1)}, nil
}

// Repruned returns a copy of a loaded parser whose models are dense again,
// so that it can be saved with another pruning threshold.
func (p *Parser) Repruned() *Parser {
	q := &Parser{arcs: p.arcs, beam: p.beam, labels: &labeler{model: p.labels.model, classes: p.labels.classes, hashes: p.labels.hashes}}
	if s, ok := p.arcs.(*pc.Sparse); ok {
		q.arcs = s.Dense()
	}
	if s, ok := p.labels.model.(*pc.Sparse); ok {
		q.labels.model = s.Dense()
	}
	return q
}
