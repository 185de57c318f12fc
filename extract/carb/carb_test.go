package carb

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	gold := "S1\tserved as\tHe\tthe first Prime Minister of Australia\nS1\tbecame\tHe\ta founding justice\n"
	tests := []struct {
		name     string
		pred     string
		p, r, f1 float64
	}{
		{"exact", "S1\t0.9\tserved as\tHe\tthe first Prime Minister of Australia\nS1\t0.9\tbecame\tHe\ta founding justice\n", 1, 1, 1},
		{"none", "", 0, 0, 0},
		{"partial", "S1\t0.9\tserved\tHe\tthe first Prime Minister\n", 1, (6.0 / 9) / 2, 2 * (1.0 / 3) / (1 + 1.0/3)},
		{"wrong relation", "S1\t0.9\tate\tHe\tthe first Prime Minister of Australia\n", 0, 0, 0},
	}
	g, err := ReadGold(strings.NewReader(gold), "gold")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ReadPredicted(strings.NewReader(tc.pred), "pred")
			if err != nil {
				t.Fatal(err)
			}
			r := Score(g, p)
			if math.Abs(r.Precision-tc.p) > 1e-9 || math.Abs(r.Recall-tc.r) > 1e-9 || math.Abs(r.F1-tc.f1) > 1e-9 {
				t.Errorf("got P %.4f R %.4f F1 %.4f, want %.4f %.4f %.4f", r.Precision, r.Recall, r.F1, tc.p, tc.r, tc.f1)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred Extraction
		p, r       float64
	}{
		{"exact", Extraction{Relation: "was born in", Args: []string{"He", "Paris"}},
			Extraction{Relation: "was born in", Args: []string{"He", "Paris"}}, 1, 1},
		{"args need not overlap", Extraction{Relation: "was born in", Args: []string{"He", "Paris"}},
			Extraction{Relation: "was born", Args: []string{"She", "London"}}, 2.0 / 4, 2.0 / 5},
		{"relation must overlap", Extraction{Relation: "was born in", Args: []string{"He", "Paris"}},
			Extraction{Relation: "lived", Args: []string{"He", "Paris"}}, 0, 0},
		{"second argument required", Extraction{Relation: "was born in", Args: []string{"He", "Paris"}},
			Extraction{Relation: "was born in", Args: []string{"He"}}, 0, 0},
		{"n-ary joined", Extraction{Relation: "moved to", Args: []string{"He", "Paris", "in 1990"}},
			Extraction{Relation: "moved to", Args: []string{"He", "Paris in", "1990"}}, 1, 1},
		{"be matches is", Extraction{Relation: "is", Args: []string{"Bush", "President"}},
			Extraction{Relation: "be", Args: []string{"Bush", "President"}}, 1, 1},
		{"case-sensitive", Extraction{Relation: "is", Args: []string{"Bush", "President"}},
			Extraction{Relation: "is", Args: []string{"bush", "President"}}, 2.0 / 3, 2.0 / 3},
		{"said reversed", Extraction{Relation: "said", Args: []string{"he", "rain is coming"}},
			Extraction{Relation: "said", Args: []string{"rain is coming", "he"}}, 1, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, r := match(tc.gold, tc.pred)
			if math.Abs(p-tc.p) > 1e-9 || math.Abs(r-tc.r) > 1e-9 {
				t.Errorf("match = %.4f, %.4f; want %.4f, %.4f", p, r, tc.p, tc.r)
			}
		})
	}
}

func TestNormalizeKey(t *testing.T) {
	if a, b := normalizeKey("He said , -LRB- yes -RRB- ."), normalizeKey("He said, (yes)."); a != b {
		t.Errorf("%q != %q", a, b)
	}
}

func TestReadError(t *testing.T) {
	_, err := ReadPredicted(strings.NewReader("S\tx\trel\ta\n"), "p.tsv")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 1 {
		t.Fatalf("want ParseError at line 1, got %v", err)
	}
}

func FuzzRead(f *testing.F) {
	f.Add("S1\t0.9\tserved as\tHe\tthe first\n")
	f.Add("\t\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ReadPredicted(strings.NewReader(s), "f")
		if err != nil {
			return
		}
		Score(p, p)
	})
}
