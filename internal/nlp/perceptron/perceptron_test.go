package perceptron

import (
	"bytes"
	"errors"
	"testing"
)

func TestLearnAndRoundTrip(t *testing.T) {
	tr := NewTrainer(3, 10)
	data := []struct {
		feats []uint64
		class int
	}{
		{[]uint64{Str("a"), Str("x")}, 0},
		{[]uint64{Str("b"), Str("x")}, 1},
		{[]uint64{Str("c"), Str("y")}, 2},
	}
	scores := make([]float32, 3)
	for epoch := 0; epoch < 10; epoch++ {
		for _, d := range data {
			tr.M.Score(d.feats, scores)
			g := Best(scores, nil)
			tr.Update(d.feats, d.class, g, 1)
			tr.Tick()
		}
	}
	m := tr.Averaged()
	for _, d := range data {
		m.Score(d.feats, scores)
		if g := Best(scores, nil); g != d.class {
			t.Errorf("predicted %d, want %d", g, d.class)
		}
	}
	var b bytes.Buffer
	if err := m.Save(&b, 0); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&b)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range data {
		m2.Score(d.feats, scores)
		if g := Best(scores, nil); g != d.class {
			t.Errorf("after load predicted %d, want %d", g, d.class)
		}
	}
}

func TestLoadBad(t *testing.T) {
	tests := map[string][]byte{"empty": nil, "garbage": []byte("not a model")}
	var b bytes.Buffer
	New(2, 4).Save(&b, 0)
	tests["truncated"] = b.Bytes()[:b.Len()/2]
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(in)); !errors.Is(err, ErrBadModel) {
				t.Errorf("err = %v, want ErrBadModel", err)
			}
		})
	}
}
