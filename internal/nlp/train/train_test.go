package train

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/tokenize"
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

func TestBoundaryDocs(t *testing.T) {
	text := `# newdoc id = a
# text = Hi Bob
1	Hi	hi	INTJ	UH	_	0	root	_	_
2	Bob	Bob	PROPN	NNP	_	1	vocative	_	_

# text = See you
1	See	see	VERB	VB	_	0	root	_	_
2	you	you	PRON	PRP	_	1	obj	_	_

# newdoc id = b
# text = Done.
1	Done	do	VERB	VBN	_	0	root	_	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	_	_

`
	ss, err := conllu.ReadAll(strings.NewReader(text), "test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	got := BoundaryDocs(ss)
	want := []tokenize.BoundaryDoc{
		{Text: "Hi Bob See you", Sents: [][2]int{{0, 6}, {7, 14}}},
		{Text: "Done.", Sents: [][2]int{{0, 5}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("BoundaryDocs = %+v, want %+v", got, want)
	}
}
