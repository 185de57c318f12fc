package perceptron

import (
	"bytes"
	"compress/gzip"
	"errors"
	"slices"
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

func TestBundleRoundTrip(t *testing.T) {
	small := New(3, 6) // dense after loading
	big := New(7, 6)   // compressed sparse rows after loading
	for i := range small.W {
		small.W[i] = float32(i%5) - 2
	}
	for i := range big.W {
		if i%3 == 0 {
			big.W[i] = float32(i%11) - 5
		}
	}
	var plain bytes.Buffer
	if err := SaveBundle(&plain, map[string]int{"k": 1}, 0, small, big); err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(plain.Bytes())
	zw.Close()
	feats := []uint64{Str("a"), Str("b"), Str("c")}
	for name, in := range map[string][]byte{"plain": plain.Bytes(), "gzip": zipped.Bytes()} {
		t.Run(name, func(t *testing.T) {
			var meta map[string]int
			ms, err := LoadBundle(bytes.NewReader(in), &meta)
			if err != nil {
				t.Fatal(err)
			}
			if meta["k"] != 1 || len(ms) != 2 {
				t.Fatalf("meta %v, %d models", meta, len(ms))
			}
			for i, m := range []*Model{small, big} {
				want := make([]float32, m.NClasses)
				got := make([]float32, m.NClasses)
				m.Score(feats, want)
				ms[i].Score(feats, got)
				for c := range want {
					if d := want[c] - got[c]; d > 1e-3 || d < -1e-3 {
						t.Errorf("model %d class %d: score %v, want %v", i, c, got[c], want[c])
					}
				}
			}
			if _, err := LoadBundle(bytes.NewReader(in[:len(in)/2]), &meta); !errors.Is(err, ErrBadModel) && name == "plain" {
				t.Errorf("truncated: err = %v, want ErrBadModel", err)
			}
		})
	}
}

func TestTrainerFrom(t *testing.T) {
	m := New(2, 4)
	for i := range m.W {
		m.W[i] = float32(i)
	}
	tr := NewTrainerFrom(m)
	m.W[0] = 100 // the trainer keeps its own copy
	if got := tr.Averaged(); got.W[0] != 0 || got.W[5] != 5 {
		t.Errorf("averaged start weights %v, want 0, 1, 2, ...", got.W[:6])
	}
	f := []uint64{Str("a")}
	start := make([]float32, 2)
	tr.Averaged().Score(f, start)
	tr.Tick()
	tr.Update(f, 0, 1, 1)
	tr.Tick()
	avg, cur := make([]float32, 2), make([]float32, 2)
	tr.Averaged().Score(f, avg)
	tr.M.Score(f, cur)
	for c := range avg {
		lo, hi := min(start[c], cur[c]), max(start[c], cur[c])
		if !(avg[c] > lo && avg[c] < hi) {
			t.Errorf("class %d: averaged score %v not strictly between start %v and current %v", c, avg[c], start[c], cur[c])
		}
	}
}

func TestAverage(t *testing.T) {
	mk := func(bits uint, w ...float32) *Model {
		m := New(2, bits)
		copy(m.W, w)
		return m
	}
	tests := []struct {
		name    string
		models  []*Model
		want    []float32
		wantErr bool
	}{
		{"one", []*Model{mk(1, 1, 2, 3, 4)}, []float32{1, 2, 3, 4}, false},
		{"two", []*Model{mk(1, 1, 2, 3, 4), mk(1, 3, 0, -3, 4)}, []float32{2, 1, 0, 4}, false},
		{"none", nil, nil, true},
		{"shapes differ", []*Model{mk(1), mk(2)}, nil, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Average(tc.models...)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err == nil && !slices.Equal(got.W, tc.want) {
				t.Errorf("weights %v, want %v", got.W, tc.want)
			}
		})
	}
}
