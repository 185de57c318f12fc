package parse

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"testing"

	pc "github.com/newsgraph/newsgraph/internal/nlp/perceptron"
)

// projective reports whether heads (1-based, 0 = root) form a projective tree.
func projective(heads []int) bool {
	for d, h := range heads {
		a, b := min(d+1, h), max(d+1, h)
		for k := a + 1; k < b; k++ {
			// every word between must be dominated by h
			x := k
			for x != 0 && x != h {
				x = heads[x-1]
			}
			if x != h {
				return false
			}
		}
	}
	return true
}

// randomTree returns a random projective tree of n words by random
// recursive splitting.
func randomTree(rng *rand.Rand, n int) []int {
	heads := make([]int, n)
	var build func(lo, hi, head int)
	build = func(lo, hi, head int) { // words lo..hi (1-based) attach under head
		if lo > hi {
			return
		}
		r := lo + rng.Intn(hi-lo+1)
		heads[r-1] = head
		build(lo, r-1, r)
		build(r+1, hi, r)
	}
	build(1, n, 0)
	return heads
}

var oracleTrees = map[string][]int{
	"single":   {0},
	"chain":    {2, 3, 0},
	"left":     {0, 1, 1, 1},
	"sentence": {2, 0, 4, 2, 2}, // "John saw a dog ."
	"nested":   {4, 3, 4, 0, 6, 4, 4},
}

// TestOracle checks that always taking a zero-cost action reproduces the
// gold tree of projective sentences.
func TestOracle(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	trees := map[string][]int{}
	for k, v := range oracleTrees {
		trees[k] = v
	}
	for i := 0; i < 200; i++ {
		trees["random"+string(rune('a'+i%26))+string(rune('a'+i/26))] = randomTree(rng, 1+rng.Intn(25))
	}
	for name, gold := range trees {
		t.Run(name, func(t *testing.T) {
			if !projective(gold) {
				t.Fatalf("test tree %v is not projective", gold)
			}
			n := len(gold)
			g := append([]int{-1}, gold...)
			s := newState(n)
			var c [nActions]int
			for steps := 0; !s.done(); steps++ {
				if steps > 4*n+4 {
					t.Fatal("oracle does not terminate")
				}
				s.costs(g, &c)
				act := -1
				for a := range c {
					if c[a] == 0 {
						act = a
						break
					}
				}
				if act < 0 {
					t.Fatalf("no zero-cost action (costs %v, stack %v, buffer %d)", c, s.stack, s.b)
				}
				s.apply(act)
			}
			for d := 1; d <= n; d++ {
				if s.heads[d] != gold[d-1] {
					t.Fatalf("heads %v, want %v", s.heads[1:], gold)
				}
			}
		})
	}
}

func tinyData() []Example {
	mk := func(words, tags string, heads []int, rels string) Example {
		w, tg, r := split(words), split(tags), split(rels)
		return Example{Input: Input{Words: w, UPOS: tg, XPOS: tg}, Heads: heads, Deprels: r}
	}
	return []Example{
		mk("John saw a dog .", "PROPN VERB DET NOUN PUNCT", []int{2, 0, 4, 2, 2}, "nsubj root det obj punct"),
		mk("Mary likes the cat .", "PROPN VERB DET NOUN PUNCT", []int{2, 0, 4, 2, 2}, "nsubj root det obj punct"),
		mk("The dog slept .", "DET NOUN VERB PUNCT", []int{2, 3, 0, 3}, "det nsubj root punct"),
	}
}

func split(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	return out
}

func TestTrainSaveLoad(t *testing.T) {
	data := tinyData()
	p, err := Train(data, data, Options{Epochs: 10, LabelEpochs: 10, Explore: 0.9, Bits: 12, LabelBits: 10, Log: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	uas, las := p.Score(data)
	if uas < 1 || las < 1 {
		t.Errorf("training data UAS %.2f LAS %.2f, want 1", uas, las)
	}
	var b bytes.Buffer
	if err := p.Save(&b, 0); err != nil {
		t.Fatal(err)
	}
	q, err := Load(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if q.Beam() != 1 {
		t.Errorf("loaded greedy parser has beam width %d", q.Beam())
	}
	if bytes.Contains(b.Bytes()[:200], []byte(`"Beam"`)) {
		t.Error("greedy parser saved a beam width (older readers expect none)")
	}
	for _, ex := range data {
		h1, r1 := p.Parse(ex.Input)
		h2, r2 := q.Parse(ex.Input)
		for i := range h1 {
			if h1[i] != h2[i] || r1[i] != r2[i] {
				t.Fatalf("loaded model differs: %v %v vs %v %v", h1, r1, h2, r2)
			}
		}
	}
	if _, err := Load(bytes.NewReader(b.Bytes()[:b.Len()/2])); !errors.Is(err, pc.ErrBadModel) {
		t.Errorf("truncated model: err = %v", err)
	}
	// Empty input parses to nothing.
	if h, r := q.Parse(Input{}); len(h) != 0 || len(r) != 0 {
		t.Error("empty input gave arcs")
	}
}

// randomInput returns a random sentence of n words over a small vocabulary.
func randomInput(rng *rand.Rand, n int) Input {
	words := []string{"the", "dog", "saw", "a", "cat", "with", "John", ".", "and", "big", "ran", "of"}
	tags := []string{"DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "CCONJ", "ADJ", "VERB", "ADP"}
	in := Input{Words: make([]string, n), UPOS: make([]string, n), XPOS: make([]string, n)}
	for i := range in.Words {
		k := rng.Intn(len(words))
		in.Words[i], in.UPOS[i], in.XPOS[i] = words[k], tags[k], tags[k]
	}
	return in
}

// randomExamples returns sentences with random projective trees, so that a
// parser trained on them makes mistakes on fresh input.
func randomExamples(rng *rand.Rand, count int) []Example {
	var exs []Example
	for i := 0; i < count; i++ {
		n := 1 + rng.Intn(20)
		in := randomInput(rng, n)
		heads := randomTree(rng, n)
		rels := make([]string, n)
		for d, h := range heads {
			rels[d] = "dep"
			if h == 0 {
				rels[d] = "root"
			}
		}
		exs = append(exs, Example{Input: in, Heads: heads, Deprels: rels})
	}
	return exs
}

// validTree reports whether heads form a single-rooted tree over 1..n.
func validTree(heads []int) bool {
	roots := 0
	for d, h := range heads {
		if h < 0 || h > len(heads) || h == d+1 {
			return false
		}
		if h == 0 {
			roots++
		}
		seen := 0
		for x := d + 1; x != 0; x = heads[x-1] {
			if seen++; seen > len(heads) {
				return false // cycle
			}
		}
	}
	return roots == 1 || len(heads) == 0
}

// TestBeam checks beam decoding at several widths: width 1 reproduces the
// greedy parser, and every width returns projective trees.
func TestBeam(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	train := append(tinyData(), randomExamples(rng, 50)...)
	p, err := Train(train, nil, Options{Epochs: 3, LabelEpochs: 1, Explore: 0.9, Bits: 14, LabelBits: 10, Log: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	inputs := []Input{{}}
	for i := 0; i < 100; i++ {
		inputs = append(inputs, randomInput(rng, 1+rng.Intn(30)))
	}
	for _, k := range []int{1, 2, 3, 4, 8} {
		t.Run(fmt.Sprintf("width%d", k), func(t *testing.T) {
			for _, in := range inputs {
				got := p.beamHeads(in, k, nil, nil)
				if !validTree(got) || !projective(got) {
					t.Fatalf("beam %d: %v is not a projective tree", k, got)
				}
				if k == 1 {
					if want := p.parseHeads(in, nil, nil, 0); !slices.Equal(got, want) {
						t.Fatalf("beam 1: %v, greedy %v", got, want)
					}
				}
			}
		})
	}
}

// TestBeamTrain checks that global beam training learns the training data
// and that the beam width survives saving and loading.
func TestBeamTrain(t *testing.T) {
	data := tinyData()
	tests := []struct {
		name                 string
		epochs, beam, beamEp int
		runs                 int
		wantBeam             int
	}{
		{"greedy", 10, 1, 0, 1, 1},
		{"beam only", 0, 3, 10, 1, 1},        // greedy decoding is as good here and wins ties
		{"greedy then beam", 1, 4, 10, 1, 1}, // the first epoch already has LAS 1: ties keep it
		{"mean of runs", 5, 1, 0, 3, 1},
		{"mean of runs then beam", 5, 2, 3, 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Train(data, data, Options{Epochs: tc.epochs, Beam: tc.beam, BeamEpochs: tc.beamEp, Runs: tc.runs,
				LabelEpochs: 10, Explore: 0.9, Bits: 12, LabelBits: 10, Log: &bytes.Buffer{}})
			if err != nil {
				t.Fatal(err)
			}
			if uas, las := p.Score(data); uas < 1 || las < 1 {
				t.Errorf("training data UAS %.2f LAS %.2f, want 1", uas, las)
			}
			if p.Beam() != tc.wantBeam {
				t.Errorf("beam width %d, want %d", p.Beam(), tc.wantBeam)
			}
			var b bytes.Buffer
			if err := p.WithBeam(5).Save(&b, 0); err != nil {
				t.Fatal(err)
			}
			q, err := Load(&b)
			if err != nil {
				t.Fatal(err)
			}
			if q.Beam() != 5 || q.Repruned().Beam() != 5 {
				t.Errorf("loaded beam width %d (repruned %d), want 5", q.Beam(), q.Repruned().Beam())
			}
		})
	}
}

func TestTrainNoEpochs(t *testing.T) {
	if _, err := Train(tinyData(), nil, Options{LabelEpochs: 1, Bits: 10, LabelBits: 10, Log: &bytes.Buffer{}}); err == nil {
		t.Error("training without epochs succeeded")
	}
}

func TestInsertCand(t *testing.T) {
	tests := []struct {
		name   string
		scores []float64
		k      int
		want   []int // acts (insertion order) of the kept candidates
	}{
		{"sorted", []float64{3, 2, 1}, 3, []int{0, 1, 2}},
		{"reversed", []float64{1, 2, 3}, 3, []int{2, 1, 0}},
		{"truncated", []float64{1, 5, 3, 4}, 2, []int{1, 3}},
		{"ties keep the earlier", []float64{2, 2, 2}, 2, []int{0, 1}},
		{"width one", []float64{1, 3, 3}, 1, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var cands []cand
			for i, s := range tc.scores {
				cands = insertCand(cands, cand{act: i, score: s}, tc.k)
			}
			var got []int
			for _, c := range cands {
				got = append(got, c.act)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("kept %v, want %v", got, tc.want)
			}
		})
	}
}

// TestBeamTrainNonProjective checks that global training runs on trees the
// transitions cannot build and still returns trees.
func TestBeamTrainNonProjective(t *testing.T) {
	tg := split("PROPN VERB DET NOUN ADV PUNCT NOUN")
	ex := Example{Input: Input{Words: split("John saw a dog yesterday . dog"), UPOS: tg, XPOS: tg},
		Heads: []int{2, 0, 4, 2, 2, 2, 4}, Deprels: split("nsubj root det obj advmod punct dep")}
	if projective(ex.Heads) {
		t.Fatal("test tree is projective")
	}
	p := &Parser{labels: &labeler{}}
	tr := pc.NewTrainer(nActions, 10)
	for k := 1; k <= 4; k++ {
		for ep := 0; ep < 5; ep++ {
			if h := p.beamHeads(ex.Input, k, tr, ex.Heads); !validTree(h) {
				t.Fatalf("beam %d: %v is not a tree", k, h)
			}
		}
	}
	p.arcs = tr.Averaged()
	if h := p.beamHeads(ex.Input, 4, nil, nil); !validTree(h) || h[0] != 2 || h[3] != 2 {
		t.Errorf("after training: heads %v, want a tree with John and dog under saw", h)
	}
}
