package ner

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

// TrainOptions configures Train.
type TrainOptions struct {
	Epochs   int    // passes over the training data (default 22)
	MinCount int    // features seen fewer times are dropped (default 1)
	Seed     uint64 // shuffling seed
	// OnePass turns off the second pass (extended prediction history):
	// by default the model tags each document twice, the second time with
	// the labels the first pass gave to every word of the whole document as
	// features (during training, the previous epoch's labels).
	OnePass bool
	// Ensemble is the number of models (different shuffles) whose
	// weights are averaged (default 3).
	Ensemble int
	// Names adds features from a gazetteer of the training-set names
	// (jackknifed over 10 folds during training, complete in the model).
	// Off: it helped single models (+0.1 dev F1) but not their average.
	Names bool
	// Progress, when set, is called after every epoch with the dev score
	// (zero when there is no dev data).
	Progress func(epoch int, dev Score)
}

type trainSent struct {
	words []string
	toks  []tok
	gold  []int
	rows  [][]int32 // static feature rows per token
}

type trainDoc struct {
	sents []trainSent
	words [][]string
	info  *docInfo
	last  [][]int // labels predicted in the previous epoch
	wt    float64 // update weight
}

// Gold returns the gold labels (last column) of a CoNLL sentence.
func goldLabels(s Sentence) []int {
	out := make([]int, len(s))
	for i, t := range s.Column(-1) {
		out[i] = labelIndex(t)
	}
	return out
}

// Train trains a model on CoNLL documents whose last column is the IOB2
// gold tag, choosing the epoch with the best dev F1 when dev is given.
// With Ensemble > 1 it trains that many models on differently shuffled
// data and averages their weights.
func Train(ctx context.Context, train, dev []Document, cl *Clusters, lex *lexicon.Lexicon, opt TrainOptions) (*Model, error) {
	k := opt.Ensemble
	if k == 0 {
		k = 3
	}
	var names *nameGaz
	var folds []*nameGaz
	if opt.Names {
		names, folds = trainNameGaz(train)
	}
	var sum *Model
	for i := 0; i < k; i++ {
		o := opt
		o.Seed = opt.Seed + uint64(i)*7919
		m, err := trainOne(ctx, train, dev, cl, lex, o, names, folds)
		if err != nil {
			return nil, err
		}
		if sum == nil {
			sum = m
			continue
		}
		if len(m.w) != len(sum.w) {
			return nil, fmt.Errorf("train ner: ensemble members differ in size")
		}
		for j := range sum.w {
			sum.w[j] += m.w[j]
		}
		for p := range sum.trans {
			for c := range sum.trans[p] {
				sum.trans[p][c] += m.trans[p][c]
			}
		}
	}
	if k > 1 {
		inv := 1 / float32(k)
		for j := range sum.w {
			sum.w[j] *= inv
		}
		for p := range sum.trans {
			for c := range sum.trans[p] {
				sum.trans[p][c] *= inv
			}
		}
		if opt.Progress != nil && len(dev) > 0 {
			opt.Progress(0, Evaluate(sum, dev))
		}
	}
	return sum, nil
}

func trainOne(ctx context.Context, train, dev []Document, cl *Clusters, lex *lexicon.Lexicon, opt TrainOptions, names *nameGaz, folds []*nameGaz) (*Model, error) {
	if opt.Epochs == 0 {
		opt.Epochs = 22
	}
	if opt.MinCount == 0 {
		opt.MinCount = 1
	}
	m := newModel(cl, lex)
	// Count static features.
	counts := map[uint64]int32{}
	var docs []trainDoc
	var buf []uint64
	var hashes [][][]uint64
	for di, d := range train {
		if folds != nil {
			m.fz.names = folds[di%nameFolds]
		}
		var words [][]string
		for _, s := range d.Sentences {
			words = append(words, s.Words())
		}
		td := trainDoc{info: newDocInfo(words), words: words, wt: d.weight}
		if td.wt == 0 {
			td.wt = 1
		}
		for si, s := range d.Sentences {
			ts := trainSent{words: words[si], toks: m.fz.prepare(words[si]), gold: toBILOU(goldLabels(s))}
			for k := range ts.toks {
				ts.toks[k].sent = si
			}
			var hs [][]uint64
			for i := range ts.toks {
				buf = m.fz.static(ts.toks, i, td.info, buf[:0])
				for _, f := range buf {
					counts[f]++
				}
				hs = append(hs, append([]uint64(nil), buf...))
			}
			hashes = append(hashes, hs)
			td.sents = append(td.sents, ts)
		}
		docs = append(docs, td)
	}
	addRow := func(f uint64) int32 {
		if r, ok := m.index[f]; ok {
			return r
		}
		r := int32(len(m.index))
		m.index[f] = r
		return r
	}
	for k := 0; k < 4; k++ {
		addRow(featN(fHist, uint64(k)))
		addRow(featN(fHistMaj, uint64(k)))
		addRow(featN(fFull, uint64(k)))
		addRow(featN(fFullMaj, uint64(k)))
	}
	hi := 0
	for di := range docs {
		for si := range docs[di].sents {
			hs := hashes[hi]
			hi++
			rows := make([][]int32, len(hs))
			for i, fs := range hs {
				for _, f := range fs {
					if counts[f] >= int32(opt.MinCount) {
						rows[i] = append(rows[i], addRow(f))
					}
				}
			}
			docs[di].sents[si].rows = rows
		}
	}
	hashes, counts = nil, nil
	m.fz.names = names
	nf := len(m.index)
	m.w = make([]float32, nf*nLabels)
	acc := make([]float64, nf*nLabels)
	var tacc [nLabels + 1][nLabels]float64
	c := 1.0

	rng := rand.New(rand.NewPCG(opt.Seed, 1))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var best *Model
	bestF := -1.0
	var dyn []uint64
	for ep := 1; ep <= opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			d := &docs[di]
			d.info.hist = map[string]*[4]int16{}
			if !opt.OnePass && d.last != nil {
				d.info.setPrevious(d.words, d.last)
			}
			cur := make([][]int, len(d.sents))
			for si := range d.sents {
				s := &d.sents[si]
				em := make([][nLabels]float32, len(s.toks))
				dynRows := make([][]int32, len(s.toks))
				for i := range s.toks {
					for _, r := range s.rows[i] {
						w := m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
						for k := range em[i] {
							em[i][k] += w[k]
						}
					}
					dyn = dynamic(s.toks, i, d.info, dyn[:0])
					for _, f := range dyn {
						r := m.index[f]
						dynRows[i] = append(dynRows[i], r)
						w := m.w[int(r)*nLabels : int(r)*nLabels+nLabels]
						for k := range em[i] {
							em[i][k] += w[k]
						}
					}
				}
				pred := viterbi(em, &m.trans)
				wt := float32(d.wt)
				for i := range pred {
					g, p := s.gold[i], pred[i]
					gp, pp := nLabels, nLabels
					if i > 0 {
						gp, pp = s.gold[i-1], pred[i-1]
					}
					if gp != pp || g != p {
						m.trans[gp][g] += wt
						tacc[gp][g] += c * float64(wt)
						m.trans[pp][p] -= wt
						tacc[pp][p] -= c * float64(wt)
					}
					if g == p {
						continue
					}
					upd := func(r int32) {
						o := int(r) * nLabels
						m.w[o+g] += wt
						acc[o+g] += c * float64(wt)
						m.w[o+p] -= wt
						acc[o+p] -= c * float64(wt)
					}
					for _, r := range s.rows[i] {
						upd(r)
					}
					for _, r := range dynRows[i] {
						upd(r)
					}
				}
				c++
				iob := toIOB(pred)
				d.info.record(s.words, iob)
				cur[si] = iob
			}
			d.last = cur
		}
		avg := newModel(cl, lex)
		avg.twoPass = !opt.OnePass
		avg.index = m.index
		avg.fz.names = names
		avg.w = make([]float32, len(m.w))
		for i := range m.w {
			avg.w[i] = m.w[i] - float32(acc[i]/c)
		}
		for p := range m.trans {
			for k := range m.trans[p] {
				avg.trans[p][k] = m.trans[p][k] - float32(tacc[p][k]/c)
			}
		}
		var sc Score
		if len(dev) > 0 {
			sc = Evaluate(avg, dev)
		}
		if opt.Progress != nil {
			opt.Progress(ep, sc)
		}
		if len(dev) == 0 || sc.Overall.F1() > bestF {
			best, bestF = avg, sc.Overall.F1()
		}
	}
	if best == nil {
		return nil, fmt.Errorf("train ner: no epochs")
	}
	return best, nil
}

// Evaluate tags the documents and scores them against their last column.
func Evaluate(m *Model, docs []Document) Score {
	var sc Score
	for _, d := range docs {
		var words [][]string
		for _, s := range d.Sentences {
			words = append(words, s.Words())
		}
		pred := m.TagDocument(words)
		for i, s := range d.Sentences {
			sc.Add(s.Column(-1), pred[i])
		}
	}
	return sc
}

// EvaluateFile scores m on a CoNLL-2003 file (gold tag in the last column)
// and writes conlleval precision, recall and F1 overall and per type, then
// the tagging speed, to w.
func EvaluateFile(w io.Writer, m *Model, path string) error {
	docs, err := ReadCoNLLFile(path)
	if err != nil {
		return err
	}
	t0 := time.Now()
	sc := Evaluate(m, docs)
	el := time.Since(t0)
	if err := sc.Write(w); err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "tagged %d tokens in %s: %.0f tokens/s\n", sc.Tokens, el.Round(time.Millisecond), float64(sc.Tokens)/el.Seconds())
	return err
}
