package train

import (
	"reflect"
	"strings"
	"testing"
)

func TestNewsTagClasses(t *testing.T) {
	text := `-DOCSTART- -X- -X- O

The DT B-NP O
firm NN I-NP O
said VBD B-VP O
firm NN I-NP O
firm NN I-NP O
close JJ B-ADJP O
close VB B-VP O
close RB B-ADVP O
Close VB B-VP O
rare JJ B-ADJP O
firm JJ B-ADJP O

the DT B-NP O
THE DT B-NP O
`
	got, err := NewsTagClasses(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"the":   "DT",       // case folded: three occurrences
		"firm":  "JJ+NN",    // one JJ in four is at least a tenth
		"close": "JJ+RB+VB", // sorted
		// "said" and "rare" are seen fewer than three times
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NewsTagClasses = %v, want %v", got, want)
	}
}
