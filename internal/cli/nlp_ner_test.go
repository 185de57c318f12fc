package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNLPNER(t *testing.T) {
	sample, err := os.ReadFile("../nlp/ner/testdata/sample.conll")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		contains []string
	}{
		{"conll", []string{"nlp", "ner", "--conll", "-"}, string(sample), 0,
			[]string{"-DOCSTART- -X- -X- O O\n", "Peter NNP B-NP B-PER B-PER\n", "BRUSSELS NNP B-NP B-LOC B-LOC\n"}},
		{"raw text", []string{"nlp", "ner", "-"}, "Angela Merkel visited Paris on Monday.", 0,
			[]string{`"type": "PERSON"`, `"type": "GPE"`, `"text": "Angela Merkel"`}},
		{"no args", []string{"nlp", "ner"}, "", 2, nil},
		{"missing file", []string{"nlp", "ner", "/nonexistent/file"}, "", 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(context.Background(), tt.args, strings.NewReader(tt.stdin), &out, &errb)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errb.String())
			}
			for _, c := range tt.contains {
				if !strings.Contains(out.String(), c) {
					t.Errorf("output lacks %q:\n%s", c, out.String())
				}
			}
		})
	}
}

func TestNLPNERJSON(t *testing.T) {
	var out, errb bytes.Buffer
	text := "Ukrainian troops entered Russia. They met officials."
	if code := Main(context.Background(), []string{"nlp", "ner", "-"}, strings.NewReader(text), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var sents []nerSentenceJSON
	if err := json.Unmarshal(out.Bytes(), &sents); err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences", len(sents))
	}
	rs := []rune(text)
	for _, s := range sents {
		for _, e := range s.Entities {
			if string(rs[e.Start:e.End]) != e.Text {
				t.Errorf("offsets %d-%d do not give %q", e.Start, e.End, e.Text)
			}
		}
	}
	if len(sents[0].Entities) != 2 || sents[0].Entities[0].Type != "NORP" || sents[0].Entities[1].Type != "GPE" {
		t.Errorf("entities = %+v", sents[0].Entities)
	}
}

func TestNEREval(t *testing.T) {
	var out bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &out}
	if err := nerEval(context.Background(), env, "../nlp/ner/testdata/sample.conll"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"FB1:", "PER:", "tokens/s"} {
		if !strings.Contains(out.String(), c) {
			t.Errorf("eval output lacks %q:\n%s", c, out.String())
		}
	}
	if err := nerEval(context.Background(), env, filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("want error for a missing file")
	}
}
