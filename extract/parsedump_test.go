package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestParseDump(t *testing.T) {
	f := os.Getenv("PARSEDUMP")
	if f == "" {
		t.Skip()
	}
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(f)
	want := os.Getenv("SENTS")
	for i, s := range x.ann.Annotate(string(b)) {
		if want != "" && !strings.Contains(","+want+",", fmt.Sprintf(",%d,", i+1)) {
			continue
		}
		fmt.Printf("# s%d %s\n", i+1, s.Text)
		for j, tk := range s.Tokens {
			fmt.Printf("%d\t%s\t%s\t%s\t%d\t%s\n", j+1, tk.Form, tk.Lemma, tk.UPOS, tk.Head, tk.Deprel)
		}
	}
}
