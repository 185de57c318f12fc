package ner

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
)

func model(t testing.TB) *Model {
	t.Helper()
	m, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []Chunk
	}{
		{"empty", nil, nil},
		{"iob2", []string{"B-PER", "I-PER", "O", "B-LOC"}, []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"adjacent B", []string{"B-PER", "B-PER", "I-PER"}, []Chunk{{0, 1, "PER"}, {1, 3, "PER"}}},
		{"iob1 start with I", []string{"I-ORG", "I-ORG", "O"}, []Chunk{{0, 2, "ORG"}}},
		{"type change", []string{"B-ORG", "I-LOC"}, []Chunk{{0, 1, "ORG"}, {1, 2, "LOC"}}},
		{"I after O", []string{"O", "I-MISC"}, []Chunk{{1, 2, "MISC"}}},
		{"at end", []string{"O", "B-MISC", "I-MISC"}, []Chunk{{1, 3, "MISC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Chunks(tt.tags); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Chunks(%v) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name         string
		gold, pred   []string
		p, r, f      float64
		perTypeMatch string
	}{
		{"perfect", []string{"B-PER", "I-PER", "O"}, []string{"B-PER", "I-PER", "O"}, 100, 100, 100, "PER"},
		{"boundary error", []string{"B-PER", "I-PER", "O"}, []string{"B-PER", "O", "O"}, 0, 0, 0, "PER"},
		{"one of two", []string{"B-PER", "O", "B-LOC"}, []string{"B-PER", "O", "O"}, 100, 50, 66.67, "PER"},
		{"type error", []string{"B-ORG"}, []string{"B-LOC"}, 0, 0, 0, "ORG"},
		{"extra", []string{"O", "B-LOC"}, []string{"B-MISC", "B-LOC"}, 50, 100, 66.67, "LOC"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Score
			if err := s.Add(tt.gold, tt.pred); err != nil {
				t.Fatal(err)
			}
			o := s.Overall
			if !near(o.Precision(), tt.p) || !near(o.Recall(), tt.r) || !near(o.F1(), tt.f) {
				t.Errorf("P/R/F = %.2f/%.2f/%.2f, want %.2f/%.2f/%.2f", o.Precision(), o.Recall(), o.F1(), tt.p, tt.r, tt.f)
			}
			if _, ok := s.ByType[tt.perTypeMatch]; !ok {
				t.Errorf("no counts for %s", tt.perTypeMatch)
			}
		})
	}
	var s Score
	if err := s.Add([]string{"O"}, nil); err == nil {
		t.Error("want length mismatch error")
	}
}

func near(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }

func TestViterbiConstraints(t *testing.T) {
	var trans [nLabels + 1][nLabels]float32
	tests := []struct {
		name string
		em   [][nLabels]float32
		want []int
	}{
		// BILOU labels: 1 B-PER, 2 I-PER, 3 L-PER, 4 U-PER, 7 L-ORG.
		{"I at start becomes allowed label", [][nLabels]float32{{2: 5, 4: 1}}, []int{4}},
		{"B cannot end a sentence", [][nLabels]float32{{1: 5, 4: 1}}, []int{4}},
		{"B I L", [][nLabels]float32{{1: 5}, {2: 5}, {3: 5}}, []int{1, 2, 3}},
		{"L of other type not after B", [][nLabels]float32{{1: 5}, {7: 5, 3: 1}}, []int{1, 3}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := viterbi(tt.em, &trans); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("viterbi = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBILOU(t *testing.T) {
	tests := []struct {
		name       string
		iob, bilou []int
		back       []int // toIOB(bilou) when it differs from iob
	}{
		{"single", []int{0, 1, 0}, []int{0, 4, 0}, nil},
		{"long", []int{3, 4, 4, 0}, []int{5, 6, 7, 0}, nil},
		{"adjacent", []int{1, 1, 2}, []int{4, 1, 3}, nil},
		{"I without B begins", []int{0, 2, 2, 6}, []int{0, 1, 3, 12}, []int{0, 1, 2, 5}},
		{"type change", []int{1, 4}, []int{4, 8}, []int{1, 3}},
		{"empty", []int{}, []int{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := toBILOU(tt.iob)
			if !reflect.DeepEqual(got, tt.bilou) {
				t.Fatalf("toBILOU(%v) = %v, want %v", tt.iob, got, tt.bilou)
			}
			want := tt.back
			if want == nil {
				want = tt.iob
			}
			if back := toIOB(got); !reflect.DeepEqual(back, want) {
				t.Errorf("toIOB(%v) = %v, want %v", got, back, want)
			}
			for i, l := range got {
				p := nLabels
				if i > 0 {
					p = got[i-1]
				}
				if !allowedTab[p][l] {
					t.Errorf("label %d after %d not allowed", l, p)
				}
			}
			if n := len(got); n > 0 && !canEnd(got[n-1]) {
				t.Errorf("cannot end with %d", got[n-1])
			}
		})
	}
}

func TestTrimCalendar(t *testing.T) {
	tests := []struct {
		name  string
		words string
		in    []int
		want  []int
	}{
		{"month before org", "August National Association", []int{3, 4, 4}, []int{0, 3, 4}},
		{"weekday before person", "Monday Smith said", []int{1, 2, 0}, []int{0, 1, 0}},
		{"month-like first name kept", "June Carter", []int{1, 2}, []int{1, 2}},
		{"May kept", "May Department Stores", []int{3, 4, 4}, []int{3, 4, 4}},
		{"single token untouched", "August", []int{7}, []int{7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := [][]int{append([]int(nil), tt.in...)}
			trimCalendar([][]string{strings.Fields(tt.words)}, ls)
			if !reflect.DeepEqual(ls[0], tt.want) {
				t.Errorf("got %v, want %v", ls[0], tt.want)
			}
		})
	}
}

func TestShapes(t *testing.T) {
	tests := []struct{ in, shape, short string }{
		{"Obama", "Xxxxx", "Xx"},
		{"U.S.", "X.X.", "X.X."},
		{"1996-08-22", "dddd-dd-dd", "d-d-d"},
		{"iPhone", "xXxxxx", "xXx"},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, sh := shapes(tt.in)
			if s != tt.shape || sh != tt.short {
				t.Errorf("shapes(%q) = %q, %q; want %q, %q", tt.in, s, sh, tt.shape, tt.short)
			}
		})
	}
}

func TestFeaturesDeterministic(t *testing.T) {
	m := model(t)
	words := []string{"Peter", "Blackburn", "visited", "North", "Korea", "."}
	toks := m.fz.prepare(words)
	for i := range toks {
		a := m.fz.static(toks, i, nil, nil)
		b := m.fz.static(toks, i, nil, nil)
		if !reflect.DeepEqual(a, b) || len(a) < 20 {
			t.Fatalf("token %d: %d features, not deterministic or too few", i, len(a))
		}
	}
	if toks[3].gaz[1] == 0 || toks[4].gaz[1] == 0 || toks[2].gaz[1] != 0 {
		t.Errorf("gazetteer codes = %v %v %v", toks[2].gaz, toks[3].gaz, toks[4].gaz)
	}
	if toks[0].fname == 0 {
		t.Error("Peter not a first name")
	}
}

func TestTag(t *testing.T) {
	m := model(t)
	tests := []struct {
		name  string
		words []string
		want  []string
	}{
		{"person and place", strings.Fields("Peter Blackburn flew to Paris on Monday ."),
			[]string{"B-PER", "I-PER", "O", "O", "B-LOC", "O", "O", "O"}},
		{"org", strings.Fields("The European Commission said it disagreed ."),
			[]string{"O", "B-ORG", "I-ORG", "O", "O", "O", "O"}},
		{"misc", strings.Fields("He rejects German advice ."),
			[]string{"O", "O", "B-MISC", "O", "O"}},
		{"empty", []string{}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := m.Tag(tt.words); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tag(%v) = %v, want %v", tt.words, got, tt.want)
			}
		})
	}
}

func TestSpansContractTypes(t *testing.T) {
	m := model(t)
	text := "Ukrainian forces fought near Moscow on Monday. Officials in Washington said the United Nations and John Smith met in Europe."
	sents := Sentences(text)
	if len(sents) != 2 {
		t.Fatalf("%d sentences", len(sents))
	}
	got := map[string]string{}
	for i, sps := range m.Spans(sents) {
		for _, sp := range sps {
			var ws []string
			for _, tk := range sents[i].Tokens[sp.Start:sp.End] {
				ws = append(ws, tk.Form)
			}
			got[strings.Join(ws, " ")] = sp.Type
		}
	}
	want := map[string]string{"Ukrainian": "NORP", "Moscow": "GPE", "Washington": "GPE",
		"United Nations": "ORG", "John Smith": "PERSON", "Europe": "LOC"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q: type %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if _, ok := got["Monday"]; ok {
		t.Error("Monday tagged")
	}
}

func TestSentencesOffsets(t *testing.T) {
	tests := []struct {
		name string
		text string
		n    int
	}{
		{"two", "Mr. Smith went to the U.S. on Monday. He said \"no.\" Then left.", 3},
		{"unicode", "Zoë’s café in Köln. Ça va?", 2},
		{"blank lines", "Title here\n\nBody text.", 2},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ss := Sentences(tt.text)
			if len(ss) != tt.n {
				t.Errorf("%d sentences, want %d: %+v", len(ss), tt.n, ss)
			}
			checkOffsets(t, tt.text, ss)
		})
	}
}

func checkOffsets(t *testing.T, text string, ss []nlp.Sentence) {
	t.Helper()
	rs := []rune(text)
	for _, s := range ss {
		if s.Start < 0 || s.End > len(rs) || s.Start > s.End || string(rs[s.Start:s.End]) != s.Text {
			t.Fatalf("bad sentence offsets %d-%d", s.Start, s.End)
		}
		for _, tk := range s.Tokens {
			if tk.Start < s.Start || tk.End > s.End || string(rs[tk.Start:tk.End]) != tk.Form {
				t.Fatalf("token %q at %d-%d does not match text", tk.Form, tk.Start, tk.End)
			}
		}
	}
}

func TestReadCoNLL(t *testing.T) {
	f, err := os.Open("testdata/sample.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f, "sample.conll")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 3 || len(docs[1].Sentences) != 1 {
		t.Fatalf("docs = %d", len(docs))
	}
	var buf bytes.Buffer
	if err := WriteCoNLL(&buf, docs); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile("testdata/sample.conll")
	if buf.String() != string(raw)+"\n" {
		t.Errorf("round trip differs:\n%s", buf.String())
	}
	_, err = ReadCoNLL(strings.NewReader("a B\nb C D\n"), "x")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !errors.Is(err, ErrColumns) {
		t.Errorf("err = %v, want ParseError at line 2", err)
	}
}

func TestAnnotateCoNLL(t *testing.T) {
	m := model(t)
	raw, err := os.ReadFile("testdata/sample.conll")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	n, err := m.AnnotateCoNLL(bytes.NewReader(raw), &out, "sample")
	if err != nil {
		t.Fatal(err)
	}
	in := strings.Split(string(raw), "\n")
	got := strings.Split(out.String(), "\n")
	if len(in) != len(got) || n != 27 {
		t.Fatalf("%d lines in, %d out, %d tokens", len(in), len(got), n)
	}
	for i := range in {
		if in[i] == "" {
			if got[i] != "" {
				t.Errorf("line %d: blank line became %q", i+1, got[i])
			}
			continue
		}
		if !strings.HasPrefix(got[i], in[i]+" ") || len(strings.Fields(got[i])) != len(strings.Fields(in[i]))+1 {
			t.Errorf("line %d: %q -> %q", i+1, in[i], got[i])
		}
	}
	docs, err := ReadCoNLL(&out, "out")
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(m, nil)
	for _, d := range docs {
		for _, s := range d.Sentences {
			sc.Add(s.Column(-2), s.Column(-1))
		}
	}
	if sc.Overall.F1() < 70 {
		t.Errorf("sample F1 %.1f", sc.Overall.F1())
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := model(t)
	var buf bytes.Buffer
	if err := m.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(buf.Bytes()), m.fz.clusters, m.fz.lex)
	if err != nil {
		t.Fatal(err)
	}
	if m2.NumFeatures() != m.NumFeatures() {
		t.Fatalf("features %d != %d", m2.NumFeatures(), m.NumFeatures())
	}
	if !reflect.DeepEqual(m.fz.names, m2.fz.names) {
		t.Errorf("training-name gazetteers differ")
	}
	words := strings.Fields("EU rejects German call to boycott British lamb .")
	if a, b := m.Tag(words), m2.Tag(words); !reflect.DeepEqual(a, b) {
		t.Errorf("tags differ: %v vs %v", a, b)
	}
	// Bad model files fail with ErrBadModel and never panic.
	bad := [][]byte{nil, []byte("nonsense"), buf.Bytes()[:len(buf.Bytes())/2]}
	for i, b := range bad {
		if _, err := ReadModel(bytes.NewReader(b), nil, nil); err == nil {
			t.Errorf("case %d: want error", i)
		}
	}
}

func TestTrainTiny(t *testing.T) {
	f, err := os.Open("testdata/sample.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadCoNLL(f, "sample")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	cl := BuildClusters([][]string{{"a", "b", "a", "b", "a", "c", "a", "b"}}, ClusterOptions{MinCount: 1})
	m, err := Train(t.Context(), docs, docs, cl, lex, TrainOptions{Epochs: 10, MinCount: 1, Ensemble: 1})
	if err != nil {
		t.Fatal(err)
	}
	if sc := Evaluate(m, docs); sc.Overall.F1() < 99 {
		t.Errorf("training-set F1 %.1f", sc.Overall.F1())
	}
}

func TestClustersRoundTrip(t *testing.T) {
	sents := [][]string{}
	for i := 0; i < 20; i++ {
		sents = append(sents, strings.Fields("the cat sat on the mat while a dog sat on a rug"))
	}
	a := BuildClusters(sents, ClusterOptions{MinCount: 1, Seed: 7})
	b := BuildClusters(sents, ClusterOptions{MinCount: 1, Seed: 7})
	var ba, bb bytes.Buffer
	if err := a.Write(&ba); err != nil {
		t.Fatal(err)
	}
	b.Write(&bb)
	if !bytes.Equal(ba.Bytes(), bb.Bytes()) {
		t.Error("clusters not reproducible")
	}
	c, err := ReadClusters(&ba)
	if err != nil {
		t.Fatal(err)
	}
	if c.Len() != a.Len() || c.Path("cat") != a.Path("cat") || c.Count("sat") != 40 {
		t.Errorf("round trip: %d vs %d words", c.Len(), a.Len())
	}
}

func TestConcurrent(t *testing.T) {
	m := model(t)
	words := strings.Fields("Peter Blackburn met Angela Merkel in Berlin .")
	want := m.Tag(words)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Go(func() {
			for k := 0; k < 20; k++ {
				if got := m.Tag(words); !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent tag differs")
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzReadCoNLL(f *testing.F) {
	raw, _ := os.ReadFile("testdata/sample.conll")
	f.Add(string(raw))
	f.Add("-DOCSTART-\n\na b\n\nc d\n")
	f.Add("x\n\n\n\ny\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s), "fuzz")
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteCoNLL(&buf, docs); err != nil {
			t.Fatal(err)
		}
		again, err := ReadCoNLL(&buf, "again")
		if err != nil {
			t.Fatalf("re-read: %v", err)
		}
		if !reflect.DeepEqual(normDocs(docs), normDocs(again)) {
			t.Fatalf("write-then-read differs")
		}
	})
}

// normDocs drops empty leading documents created by files without
// -DOCSTART- lines.
func normDocs(ds []Document) [][][]string {
	var out [][][]string
	for _, d := range ds {
		var doc [][]string
		for _, s := range d.Sentences {
			for _, l := range s {
				doc = append(doc, l.Cols)
			}
			doc = append(doc, nil)
		}
		out = append(out, doc)
	}
	return out
}

func FuzzTokenSpans(f *testing.F) {
	for _, s := range []string{"Mr. Smith's U.S. trip (twice).", "Zoë’s café, Köln!", "\"Quoted,\" he said.", "don't"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkOffsets(t, s, Sentences(s))
	})
}

func BenchmarkTagDocument(b *testing.B) {
	m := model(b)
	f, err := os.Open("testdata/sample.conll")
	if err != nil {
		b.Fatal(err)
	}
	docs, err := ReadCoNLL(f, "sample")
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var sents [][]string
	n := 0
	for k := 0; k < 20; k++ {
		for _, d := range docs {
			for _, s := range d.Sentences {
				sents = append(sents, s.Words())
				n += len(s)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.TagDocument(sents)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func FuzzTag(f *testing.F) {
	f.Add("Peter Blackburn flew to PARIS on Monday .")
	f.Add("-- ... \"\" ' É ß 1996-08-22")
	m := model(f)
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		tags := m.Tag(words)
		if len(tags) != len(words) {
			t.Fatalf("%d tags for %d words", len(tags), len(words))
		}
		for i, tag := range tags {
			if strings.HasPrefix(tag, "I-") && (i == 0 || tags[i-1] != tag && tags[i-1] != "B-"+tag[2:]) {
				t.Fatalf("invalid IOB2 sequence %v", tags)
			}
		}
	})
}
