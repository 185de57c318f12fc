package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNLPTrainSmall(t *testing.T) {
	data := t.TempDir()
	for _, p := range []string{"ud-ewt/en_ewt-ud-train.conllu", "ud-ewt/en_ewt-ud-dev.conllu", "ud-gum/en_gum-ud-train.conllu"} {
		full := filepath.Join(data, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(nlpTestCoNLLU), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// the tagger's word classes come from the news text of CoNLL-2003
	news := filepath.Join(data, "conll2003", "train.txt")
	if err := os.MkdirAll(filepath.Dir(news), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(news, []byte("-DOCSTART- -X- -X- O\n\nThe DT B-NP O\nfirm NN I-NP O\nfirm NN I-NP O\nfirm NN I-NP O\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
	}{
		{"tokenizer", []string{"--only", "tokenizer"}},
		{"lemma", []string{"--only", "lemma"}},
		{"tagger", []string{"--only", "tagger"}},
		{"parser", []string{"--only", "parser"}},
		{"parser beam", []string{"--only", "parser", "--parser-runs", "2", "--beam", "2", "--beam-epochs", "1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"nlp", "train", "--data", data, "--out", out, "--epochs", "2"}, tc.args...)
			code, stdout, errs := runCLI(args, "")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			if !strings.Contains(stdout, "training done") {
				t.Errorf("output: %s", stdout)
			}
		})
	}
	for _, f := range []string{"tokenizer.gz", "lemma.gz", "tagger.gz", "parser.gz"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("model %s not written: %v", f, err)
		}
	}
}

func TestNLPTrainUsage(t *testing.T) {
	if code, _, _ := runCLI([]string{"nlp", "train", "--only", "everything"}, ""); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if code, _, _ := runCLI([]string{"nlp", "train", "extra"}, ""); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if code, _, _ := runCLI([]string{"nlp", "train", "--data", "/nonexistent", "--out", t.TempDir(), "--only", "lemma"}, ""); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
}

// TestNLPTrainInterrupted checks that a cancelled context ends the command
// with an error and writes no model.
func TestNLPTrainInterrupted(t *testing.T) {
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := Main(ctx, []string{"nlp", "train", "--data", t.TempDir(), "--out", out, "--only", "tagger"}, strings.NewReader(""), &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "canceled") {
		t.Errorf("exit %d, stderr %q; want 1 and a cancellation error", code, stderr.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}
