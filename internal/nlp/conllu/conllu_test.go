package conllu

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	4:aux	_
3	n't	not	PART	RB	_	4	advmod	4:advmod	_
4	know	know	VERB	VB	_	0	root	0:root	SpaceAfter=No
4.1	knew	know	VERB	VBD	_	_	_	4:conj	_
5	.	.	PUNCT	.	_	4	punct	4:punct	_

# sent_id = s2
# text = Hi!
1	Hi	hi	INTJ	UH	_	0	root	0:root	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	1:punct	_

`

func TestRoundTrip(t *testing.T) {
	sents, err := ReadAll(strings.NewReader(sample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	var b bytes.Buffer
	for _, s := range sents {
		if err := Write(&b, s); err != nil {
			t.Fatal(err)
		}
	}
	if b.String() != sample {
		t.Errorf("round trip differs:\n%s", b.String())
	}
}

func TestGolden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "sample.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(bytes.NewReader(in), "sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, s := range sents {
		n := ToNLP(s)
		for _, tok := range n.Tokens {
			b.WriteString(tok.Form + "\t" + string([]rune(n.Text)[tok.Start:tok.End]) + "\n")
		}
		b.WriteString("\n")
	}
	golden := filepath.Join("testdata", "sample.offsets.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("offsets differ from %s:\n%s", golden, b.String())
	}
	// Idempotency: write then read gives the same text.
	var w1, w2 bytes.Buffer
	for _, s := range sents {
		Write(&w1, s)
	}
	again, err := ReadAll(bytes.NewReader(w1.Bytes()), "again")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range again {
		Write(&w2, s)
	}
	if w1.String() != w2.String() {
		t.Error("write-read-write is not idempotent")
	}
}

func TestToNLP(t *testing.T) {
	sents, _ := ReadAll(strings.NewReader(sample), "")
	n := ToNLP(sents[0])
	want := []struct {
		form       string
		start, end int
		space      bool
	}{{"I", 0, 1, true}, {"do", 2, 4, false}, {"n't", 4, 7, true}, {"know", 8, 12, false}, {".", 12, 13, true}}
	for i, w := range want {
		tok := n.Tokens[i]
		if tok.Form != w.form || tok.Start != w.start || tok.End != w.end || tok.SpaceAfter != w.space {
			t.Errorf("token %d = %+v, want %+v", i, tok, w)
		}
	}
	back := FromNLP(n, true)
	if back.Words[3].Misc != "SpaceAfter=No|TokenRange=8:12" {
		t.Errorf("misc = %q", back.Words[3].Misc)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
	}{
		{"columns", "1\tA\tb\n", 1},
		{"bad id", "# c\nx\tA\ta\tX\tX\t_\t0\troot\t_\t_\n", 2},
		{"gap", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n", 2},
		{"head range", "1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n", 2},
		{"bad head", "1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n", 1},
		{"bad range", "2-1\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n", 1},
		{"comment after words", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n# c\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tt.in), "f.conllu")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *ParseError", err)
			}
			if pe.Line != tt.line || pe.File != "f.conllu" || !errors.Is(err, ErrSyntax) {
				t.Errorf("err = %v (line %d), want line %d", err, pe.Line, tt.line)
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	if b, err := os.ReadFile(filepath.Join("testdata", "sample.conllu")); err == nil {
		f.Add(string(b))
	}
	f.Add("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadAll(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		var b bytes.Buffer
		for _, s := range sents {
			if err := Write(&b, s); err != nil {
				t.Fatal(err)
			}
			n := ToNLP(s)
			rt := []rune(n.Text)
			for _, tok := range n.Tokens {
				if tok.Start < 0 || tok.End > len(rt) || tok.Start > tok.End {
					t.Fatalf("bad offsets %d:%d in %q", tok.Start, tok.End, n.Text)
				}
			}
		}
		again, err := ReadAll(bytes.NewReader(b.Bytes()), "again")
		if err != nil {
			t.Fatalf("reading written output: %v\n%s", err, b.String())
		}
		var b2 bytes.Buffer
		for _, s := range again {
			Write(&b2, s)
		}
		if b.String() != b2.String() {
			t.Fatalf("not idempotent:\n%s\n---\n%s", b.String(), b2.String())
		}
	})
}
