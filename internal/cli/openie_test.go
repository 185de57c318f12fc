package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenIE(t *testing.T) {
	useFakeExtractor(t)
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.tsv")
	if err := os.WriteFile(gold, []byte("Alice likes Bob.\tlikes\tAlice\tBob\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		stdin   string
		code    int
		out     string
		errWant string
	}{
		{"one line", []string{"openie", "-"}, "Alice likes Bob.\n", 0, "Alice likes Bob.\t0.90\tlikes\tAlice\tBob\n", ""},
		{"no parse", []string{"openie", "-"}, "Hello.\n\n", 0, "", ""},
		{"score", []string{"openie", "--score", gold, "-"}, "Alice likes Bob.\n", 0, "Alice likes Bob.\t0.90\tlikes\tAlice\tBob\n", "F1 100.0"},
		{"no file", []string{"openie"}, "", 2, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(context.Background(), tc.args, strings.NewReader(tc.stdin), &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errb.String())
			}
			if tc.code == 0 && out.String() != tc.out {
				t.Errorf("got %q, want %q", out.String(), tc.out)
			}
			if !strings.Contains(errb.String(), tc.errWant) {
				t.Errorf("stderr %q lacks %q", errb.String(), tc.errWant)
			}
		})
	}
}
