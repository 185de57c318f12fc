package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fmtSscanRange(s string, a, b *int) (int, error) { return fmt.Sscanf(s, "%d:%d", a, b) }

func TestNLPEval(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gold.conllu")
	if err := os.WriteFile(path, []byte(nlpTestCoNLLU), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI([]string{"nlp", "eval", "--conllu", path}, "")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"UPOS", "XPOS", "Lemma", "UAS", "LAS", "raw text: tokens", "raw text: sentences", "tokens/s", "model load"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestNLPEvalUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"nothing", []string{"nlp", "eval"}, 2},
		{"extra", []string{"nlp", "eval", "x"}, 2},
		{"missing", []string{"nlp", "eval", "--conllu", "/nonexistent.conllu"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, _ := runCLI(tt.args, ""); code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
		})
	}
}
