package parse

import (
	pc "github.com/newsgraph/newsgraph/internal/nlp/perceptron"
)

// labeler assigns dependency relations to an unlabelled tree, top down so
// that the relation of the head is a feature.
type labeler struct {
	model   pc.Scorer
	classes []string
	hashes  []uint64
}

var funcUPOS = map[string]bool{"ADP": true, "SCONJ": true, "AUX": true, "PART": true, "DET": true,
	"PRON": true, "CCONJ": true, "PUNCT": true, "ADV": true}

// order returns the dependents in top-down (breadth first) order.
func order(heads []int) (ord []int, children [][]int) {
	n := len(heads)
	children = make([][]int, n+1)
	for d, h := range heads {
		if h >= 0 && h <= n {
			children[h] = append(children[h], d+1)
		}
	}
	seen := make([]bool, n+1)
	queue := []int{0}
	seen[0] = true
	for len(queue) > 0 {
		h := queue[0]
		queue = queue[1:]
		for _, d := range children[h] {
			if !seen[d] {
				seen[d] = true
				ord = append(ord, d)
				queue = append(queue, d)
			}
		}
	}
	for d := 1; d <= n; d++ { // tokens in cycles, if any
		if !seen[d] {
			ord = append(ord, d)
		}
	}
	return ord, children
}

var rootLabelHash = pc.Str("<ROOTLABEL>")

func (l *labeler) features(fs []uint64, in Input, a []tokAttrs, heads []int, children [][]int, lab []int, d int) []uint64 {
	h := heads[d-1]
	if h < 0 || h >= len(a) {
		h = 0
	}
	D, H := &a[d], &a[h]
	f := func(t uint64, vs ...uint64) {
		x := t * 0x9e3779b97f4a7c15
		for _, v := range vs {
			x = pc.Combine(x, v)
		}
		fs = append(fs, x)
	}
	dir := uint64(0)
	if d < h {
		dir = 1
	}
	ds := dist(d, h)
	hl := rootLabelHash
	gp := &rootAttrs
	if h > 0 {
		if lab[h] >= 0 {
			hl = l.hashes[lab[h]]
		}
		if g := heads[h-1]; g >= 0 && g < len(a) {
			gp = &a[g]
		}
	}
	f(1)
	f(2, D.w)
	f(3, D.p)
	f(4, D.u)
	f(5, D.wp)
	f(6, H.w)
	f(7, H.p)
	f(8, H.u)
	f(9, D.p, H.p, dir)
	f(10, D.u, H.u, dir)
	f(11, D.w, H.p, dir)
	f(12, D.p, H.w, dir)
	f(13, D.w, H.w)
	f(14, D.p, H.p, ds)
	f(15, hl, D.p)
	f(16, hl, D.u, dir)
	f(17, gp.p, H.p, D.p)
	f(18, dir, ds)
	f(19, hl)
	f(20, D.wp, dir)
	prev, next := &nullAttrs, &nullAttrs
	if d > 1 {
		prev = &a[d-1]
	}
	if d < len(a)-1 {
		next = &a[d+1]
	}
	f(21, prev.p, D.p)
	f(22, D.p, next.p)
	f(23, prev.w, D.p)
	f(24, uint64(len(children[d])), D.p)
	for _, c := range children[d] {
		C := &a[c]
		cd := uint64(0)
		if c < d {
			cd = 1
		}
		f(30, C.p, cd)
		f(31, C.p, D.p)
		if funcUPOS[in.UPOS[c-1]] {
			f(32, C.w)
			f(33, C.w, D.p)
			f(34, C.w, H.p, dir)
		}
	}
	for _, s := range children[h] {
		if s == d {
			continue
		}
		S := &a[s]
		sd := uint64(0)
		if s < d {
			sd = 1
		}
		f(40, S.p, sd, dir)
		f(41, S.u, D.p)
		if funcUPOS[in.UPOS[s-1]] {
			f(42, S.w, dir)
			f(43, S.w, D.p)
		}
		if lab[s] >= 0 {
			f(44, l.hashes[lab[s]], sd)
			f(45, l.hashes[lab[s]], D.p)
		}
	}
	return fs
}

// label predicts relations; with tr set it trains towards gold labels.
func (l *labeler) label(in Input, heads []int) []string {
	ids := l.run(in, heads, nil, nil)
	out := make([]string, len(ids))
	for i, c := range ids {
		if heads[i] == 0 {
			out[i] = "root"
		} else if c >= 0 {
			out[i] = l.classes[c]
		} else {
			out[i] = "dep"
		}
	}
	return out
}

func (l *labeler) run(in Input, heads []int, tr *pc.Trainer, gold []int) []int {
	n := len(heads)
	a := attrs(in)
	ord, children := order(heads)
	lab := make([]int, n+1)
	for i := range lab {
		lab[i] = -1
	}
	var m pc.Scorer = l.model
	if tr != nil {
		m = tr.M
	}
	scores := make([]float32, len(l.classes))
	fs := make([]uint64, 0, 128)
	for _, d := range ord {
		fs = l.features(fs[:0], in, a, heads, children, lab, d)
		m.Score(fs, scores)
		best := pc.Best(scores, nil)
		if tr != nil {
			if g := gold[d-1]; g >= 0 {
				tr.Update(fs, g, best, 1)
				tr.Tick()
				best = g
			}
		}
		lab[d] = best
	}
	return lab[1:]
}
