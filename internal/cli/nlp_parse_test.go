package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
)

const nlpTestCoNLLU = `# sent_id = t1
# text = I don't like cats.
1	I	I	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	like	like	VERB	VB	_	0	root	_	_
5	cats	cat	NOUN	NNS	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_

# newpar
# sent_id = t2
# text = The dog barked loudly.
1	The	the	DET	DT	_	2	det	_	_
2	dog	dog	NOUN	NN	_	3	nsubj	_	_
3	barked	bark	VERB	VBD	_	0	root	_	_
4	loudly	loudly	ADV	RB	_	3	advmod	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_

`

func runCLI(args []string, stdin string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestNLPParseCoNLLU(t *testing.T) {
	code, out, errs := runCLI([]string{"nlp", "parse", "--conllu", "-"}, nlpTestCoNLLU)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sents, err := conllu.ReadAll(strings.NewReader(out), "output")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) != 2 || len(sents[0].Words) != 6 || len(sents[0].Multi) != 1 {
		t.Fatalf("tokenization not kept:\n%s", out)
	}
	if sents[0].Text() != "I don't like cats." || !strings.Contains(out, "# newpar") {
		t.Errorf("comments not kept:\n%s", out)
	}
	roots := 0
	for _, w := range sents[1].Words {
		if w.UPOS == "" || w.Lemma == "" || w.Deprel == "" || w.Head < 0 {
			t.Errorf("word not annotated: %+v", w)
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
	if sents[0].Words[4].Misc != "SpaceAfter=No" {
		t.Errorf("MISC not kept: %q", sents[0].Words[4].Misc)
	}
}

func TestNLPParseRaw(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "in.txt")
	text := "The cat sat. “It’s late,” she said.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI([]string{"nlp", "parse", path}, "")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sents, err := conllu.ReadAll(strings.NewReader(out), "output")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences:\n%s", len(sents), out)
	}
	if id, _ := sents[1].Comment("sent_id"); id != "2" || sents[1].Text() != "“It’s late,” she said." {
		t.Errorf("bad comments:\n%s", out)
	}
	rs := []rune(text)
	for _, s := range sents {
		for _, w := range s.Words {
			r, ok := conllu.MiscGet(w.Misc, "TokenRange")
			if !ok {
				t.Fatalf("no TokenRange in %q", w.Misc)
			}
			var a, b int
			if _, err := fmtSscanRange(r, &a, &b); err != nil || string(rs[a:b]) != w.Form {
				t.Errorf("TokenRange %s does not match %q", r, w.Form)
			}
		}
	}
}

func TestNLPParseUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no input", []string{"nlp", "parse"}, 2},
		{"both", []string{"nlp", "parse", "--conllu", "a", "b"}, 2},
		{"missing file", []string{"nlp", "parse", "/nonexistent/file.txt"}, 1},
		{"bad conllu", []string{"nlp", "parse", "--conllu", "-"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, _ := runCLI(tt.args, "1\tbroken\n")
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
		})
	}
}
