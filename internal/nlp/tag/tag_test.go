package tag

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	pc "github.com/newsgraph/newsgraph/internal/nlp/perceptron"
)

func examples() []Example {
	mk := func(s string) Example {
		var ex Example
		for _, wt := range strings.Fields(s) {
			w, t, _ := strings.Cut(wt, "/")
			u, x, _ := strings.Cut(t, ":")
			ex.Words = append(ex.Words, w)
			ex.Tags = append(ex.Tags, Joint(u, x))
		}
		return ex
	}
	return []Example{
		mk("The/DET:DT dog/NOUN:NN runs/VERB:VBZ ./PUNCT:."),
		mk("A/DET:DT cat/NOUN:NN sleeps/VERB:VBZ ./PUNCT:."),
		mk("Dogs/NOUN:NNS run/VERB:VBP fast/ADV:RB ./PUNCT:."),
	}
}

func TestTrainSaveLoad(t *testing.T) {
	exs := examples()
	tg, err := Train(exs, exs, 5, map[string]string{"dog": "0101"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if u, x := tg.Accuracy(exs); u < 1 || x < 1 {
		t.Errorf("training accuracy %.2f %.2f, want 1", u, x)
	}
	var b bytes.Buffer
	if err := tg.Save(&b, 0); err != nil {
		t.Fatal(err)
	}
	tg2, err := Load(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		u1, x1 := tg.Tag(ex.Words)
		u2, x2 := tg2.Tag(ex.Words)
		if strings.Join(u1, " ") != strings.Join(u2, " ") || strings.Join(x1, " ") != strings.Join(x2, " ") {
			t.Errorf("loaded tagger differs: %v %v vs %v %v", u1, x1, u2, x2)
		}
	}
	if _, err := Load(bytes.NewReader(b.Bytes()[:10])); !errors.Is(err, pc.ErrBadModel) {
		t.Errorf("truncated: err = %v", err)
	}
	if u, _ := tg2.Tag(nil); len(u) != 0 {
		t.Error("tags for no words")
	}
}
