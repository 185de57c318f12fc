package parse

import (
	pc "github.com/newsgraph/newsgraph/internal/nlp/perceptron"
)

// hyp is one hypothesis of the beam: a configuration with the sum of its
// transition scores. While training it also keeps its actions and its
// excess cost (gold arcs lost beyond those the best action of each step
// loses: zero while the best reachable tree is still reachable).
type hyp struct {
	s      *state
	score  float64
	excess int
	acts   []int
}

// cand is one expansion of a hypothesis of the beam.
type cand struct {
	parent, act int
	score       float64
	excess      int
}

// copyFrom makes s an independent copy of o.
func (s *state) copyFrom(o *state) {
	s.n, s.b = o.n, o.b
	s.stack = append(s.stack[:0], o.stack...)
	s.heads = append(s.heads[:0], o.heads...)
	s.lc1 = append(s.lc1[:0], o.lc1...)
	s.lc2 = append(s.lc2[:0], o.lc2...)
	s.rc1 = append(s.rc1[:0], o.rc1...)
	s.rc2 = append(s.rc2[:0], o.rc2...)
	s.nl = append(s.nl[:0], o.nl...)
	s.nr = append(s.nr[:0], o.nr...)
}

// beamHeads parses in with a beam of width k. With tr set it trains
// towards gold heads with a global (structured) perceptron update at the
// step of maximal violation (Huang et al. 2012): the gold hypothesis is the
// best-scoring one of zero excess cost, so non-projective trees are trained
// towards the best tree the transitions can build.
func (p *Parser) beamHeads(in Input, k int, tr *pc.Trainer, gold []int) []int {
	n := len(in.Words)
	if tr == nil {
		gold = nil
	}
	a, m, g := p.prepare(in, tr, gold)
	beam := make([]hyp, 1, k)
	beam[0] = hyp{s: newState(n)}
	next := make([]hyp, 0, k)
	// states of the hypotheses being built; those of the previous beam
	// return here once the new one is complete
	spare := make([]*state, 0, 2*k)
	for i := 1; i < 2*k; i++ {
		spare = append(spare, newState(n))
	}
	fs := make([]uint64, 0, 96)
	var scores [nActions]float32
	var cost [nActions]int
	cands := make([]cand, 0, k*nActions)

	// training: the gold hypothesis (a beam member when goldIn >= 0) and
	// the hypotheses at the step of maximal violation
	var goldH hyp
	goldIn := 0
	maxViol := -1.0
	var violGold, violPred []int
	if tr != nil {
		goldH = hyp{s: newState(n)}
	}
	minCost := func() int {
		minc := -1
		for _, c := range cost {
			if c >= 0 && (minc < 0 || c < minc) {
				minc = c
			}
		}
		return minc
	}

	for !beam[0].s.done() {
		cands = cands[:0]
		var gext cand // the gold hypothesis extended by its best action
		found := false
		for i := range beam {
			h := &beam[i]
			fs = h.s.features(fs[:0], a)
			m.Score(fs, scores[:])
			minc := 0
			if tr != nil {
				h.s.costs(g, &cost)
				minc = minCost()
			}
			for act := 0; act < nActions; act++ {
				if !h.s.valid(act) {
					continue
				}
				c := cand{parent: i, act: act, score: h.score + float64(scores[act])}
				if tr != nil {
					c.excess = h.excess + cost[act] - minc
					if i == goldIn && c.excess == 0 && (!found || c.score > gext.score) {
						gext, found = c, true
					}
				}
				cands = insertCand(cands, c, k)
			}
		}
		if tr != nil && goldIn < 0 {
			fs = goldH.s.features(fs[:0], a)
			m.Score(fs, scores[:])
			goldH.s.costs(g, &cost)
			minc := minCost()
			for act := 0; act < nActions; act++ {
				if cost[act] == minc && (!found || goldH.score+float64(scores[act]) > gext.score) {
					gext, found = cand{parent: -1, act: act, score: goldH.score + float64(scores[act])}, true
				}
			}
		}
		next = next[:0]
		for _, c := range cands {
			s := spare[len(spare)-1]
			spare = spare[:len(spare)-1]
			s.copyFrom(beam[c.parent].s)
			s.apply(c.act)
			h := hyp{s: s, score: c.score, excess: c.excess}
			if tr != nil {
				h.acts = append(append(make([]int, 0, 2*n), beam[c.parent].acts...), c.act)
			}
			next = append(next, h)
		}
		for i := range beam {
			spare = append(spare, beam[i].s)
		}
		beam, next = next, beam
		if tr == nil {
			continue
		}
		// The new gold hypothesis: the best zero-excess member of the beam
		// (at least as good as the gold extension when that made it into
		// the beam), else the gold extension kept outside the beam.
		prevGold := goldIn
		goldIn = -1
		for i := range beam {
			if beam[i].excess == 0 {
				goldIn = i
				break
			}
		}
		if goldIn < 0 {
			if prevGold >= 0 {
				// gold falls off the beam: continue outside it from its
				// last member (next holds the previous beam, whose states
				// are not reused before the next step)
				src := next[prevGold]
				goldH.s.copyFrom(src.s)
				goldH.acts = append(goldH.acts[:0], src.acts...)
				goldH.score = src.score
			}
			goldH.s.apply(gext.act)
			goldH.acts = append(goldH.acts, gext.act)
			goldH.score = gext.score
		}
		gs := goldH.score
		if goldIn >= 0 {
			gs = beam[goldIn].score
		}
		if beam[0].excess > 0 {
			if v := beam[0].score - gs; v >= maxViol {
				maxViol = v
				violPred = append(violPred[:0], beam[0].acts...)
				if goldIn >= 0 {
					violGold = append(violGold[:0], beam[goldIn].acts...)
				} else {
					violGold = append(violGold[:0], goldH.acts...)
				}
			}
		}
	}
	if tr != nil {
		if beam[0].excess > 0 && maxViol >= 0 {
			p.globalUpdate(tr, a, n, violGold, violPred)
		}
		for i := 0; i < 2*n; i++ {
			tr.Tick()
		}
	}
	heads := make([]int, n)
	for i := 1; i <= n; i++ {
		heads[i-1] = beam[0].s.heads[i]
		if heads[i-1] < 0 {
			heads[i-1] = 0
		}
	}
	return heads
}

// insertCand inserts c into cands, kept sorted by decreasing score (earlier
// candidates first among equal scores) and at most k long.
func insertCand(cands []cand, c cand, k int) []cand {
	i := len(cands)
	for i > 0 && cands[i-1].score < c.score {
		i--
	}
	if i >= k {
		return cands
	}
	if len(cands) < k {
		cands = append(cands, cand{})
	}
	copy(cands[i+1:], cands[i:len(cands)-1])
	cands[i] = c
	return cands
}

// globalUpdate rewards the features of the gold action sequence and
// penalises those of the predicted one after their common prefix.
func (p *Parser) globalUpdate(tr *pc.Trainer, a []tokAttrs, n int, gold, pred []int) {
	common := 0
	for common < len(gold) && common < len(pred) && gold[common] == pred[common] {
		common++
	}
	base := newState(n)
	for _, act := range gold[:common] {
		base.apply(act)
	}
	s := newState(n)
	fs := make([]uint64, 0, 96)
	for _, side := range []struct {
		acts      []int
		good, bad bool
	}{{gold, true, false}, {pred, false, true}} {
		s.copyFrom(base)
		for _, act := range side.acts[common:] {
			fs = s.features(fs[:0], a)
			if side.good {
				tr.Update(fs, act, -1, 1)
			} else {
				tr.Update(fs, -1, act, 1)
			}
			s.apply(act)
		}
	}
}
