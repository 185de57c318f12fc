package parse

import (
	"bytes"
	"errors"
	"math/rand"
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
