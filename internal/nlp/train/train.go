// Package train trains newsgraph's NLP models (tagger, lemmatiser, parser)
// from Universal Dependencies treebanks and writes them where package
// pipeline embeds them.
package train

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/lemma"
	"github.com/newsgraph/newsgraph/internal/nlp/parse"
	"github.com/newsgraph/newsgraph/internal/nlp/tag"
	"github.com/newsgraph/newsgraph/internal/nlp/tokenize"
)

// Options configures a training run.
type Options struct {
	DataDir string    // holds ud-ewt/ and ud-gum/
	OutDir  string    // model directory
	Only    string    // "" (all), "tokenizer", "tagger", "lemma" or "parser"
	Epochs  int       // 0 for the defaults
	Log     io.Writer // progress and dev figures
}

// Corpora are the training and development sentences.
type Corpora struct {
	Train, Dev []*conllu.Sentence
}

// LoadCorpora reads EWT+GUM train and EWT dev from dataDir.
func LoadCorpora(dataDir string) (*Corpora, error) {
	c := &Corpora{}
	for _, p := range []string{"ud-ewt/en_ewt-ud-train.conllu", "ud-gum/en_gum-ud-train.conllu"} {
		s, err := conllu.ReadFile(filepath.Join(dataDir, p))
		if err != nil {
			return nil, err
		}
		c.Train = append(c.Train, s...)
	}
	dev, err := conllu.ReadFile(filepath.Join(dataDir, "ud-ewt/en_ewt-ud-dev.conllu"))
	if err != nil {
		return nil, err
	}
	c.Dev = dev
	return c, nil
}

// TagExamples converts sentences to tagger examples.
func TagExamples(ss []*conllu.Sentence) []tag.Example {
	out := make([]tag.Example, 0, len(ss))
	for _, s := range ss {
		ex := tag.Example{Words: make([]string, len(s.Words)), Tags: make([]string, len(s.Words))}
		for i, w := range s.Words {
			ex.Words[i] = w.Form
			ex.Tags[i] = tag.Joint(w.UPOS, w.XPOS)
		}
		out = append(out, ex)
	}
	return out
}

// Run trains the selected models.
func Run(o Options) error {
	start := time.Now()
	c, err := LoadCorpora(o.DataDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
		return err
	}
	if o.Only == "" || o.Only == "tokenizer" {
		var words []string
		for _, s := range c.Train {
			for _, w := range s.Words {
				words = append(words, w.Form)
			}
		}
		tk := tokenize.New(tokenize.Learn(words))
		if err := saveFile(filepath.Join(o.OutDir, "tokenizer.gz"), tk.Save); err != nil {
			return err
		}
		l := tk.Lists()
		fmt.Fprintf(o.Log, "tokenizer: %d abbreviations, %d whole words learned\n", len(l.Abbreviations), len(l.Hyphenated))
	}
	if o.Only == "" || o.Only == "tagger" {
		ep := o.Epochs
		if ep == 0 {
			ep = 8
		}
		t0 := time.Now()
		tg, err := tag.Train(TagExamples(c.Train), TagExamples(c.Dev), ep, o.Log)
		if err != nil {
			return err
		}
		if err := saveFile(filepath.Join(o.OutDir, "tagger.gz"), func(w io.Writer) error { return tg.Save(w, 0.5) }); err != nil {
			return err
		}
		u, x := tg.Accuracy(TagExamples(c.Dev))
		fmt.Fprintf(o.Log, "tagger: dev UPOS %.2f XPOS %.2f after save (%s)\n", 100*u, 100*x, time.Since(t0).Round(time.Second))
	}
	if o.Only == "" || o.Only == "lemma" {
		lm := lemma.Train(LemmaExamples(c.Train))
		if err := saveFile(filepath.Join(o.OutDir, "lemma.gz"), lm.Save); err != nil {
			return err
		}
		fmt.Fprintf(o.Log, "lemmatizer: dev accuracy with gold XPOS %.2f\n", 100*LemmaAccuracy(lm, LemmaExamples(c.Dev)))
	}
	if o.Only == "" || o.Only == "parser" {
		t0 := time.Now()
		dev := ParseExamples(c.Dev)
		if tg, err := loadTagger(o.OutDir); err == nil {
			retag(tg, dev)
			fmt.Fprintf(o.Log, "parser: dev uses predicted tags\n")
		}
		ep := o.Epochs
		if ep == 0 {
			ep = 10
		}
		ps, err := parse.Train(ParseExamples(c.Train), dev, parse.Options{Epochs: ep, LabelEpochs: 6, Explore: 0.9,
			Bits: 22, LabelBits: 19, Log: o.Log})
		if err != nil {
			return err
		}
		if err := saveFile(filepath.Join(o.OutDir, "parser.gz"), func(w io.Writer) error { return ps.Save(w, 0.5) }); err != nil {
			return err
		}
		fmt.Fprintf(o.Log, "parser trained in %s\n", time.Since(t0).Round(time.Second))
	}
	fmt.Fprintf(o.Log, "training done in %s\n", time.Since(start).Round(time.Second))
	return nil
}

func saveFile(path string, save func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := save(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// LemmaExamples converts sentences to lemmatiser examples.
func LemmaExamples(ss []*conllu.Sentence) []lemma.Example {
	var out []lemma.Example
	for _, s := range ss {
		for _, w := range s.Words {
			out = append(out, lemma.Example{Form: w.Form, XPOS: w.XPOS, Lemma: w.Lemma})
		}
	}
	return out
}

// LemmaAccuracy is the share of examples whose lemma is predicted exactly.
func LemmaAccuracy(l *lemma.Lemmatizer, exs []lemma.Example) float64 {
	ok := 0
	for _, e := range exs {
		if l.Lemma(e.Form, e.XPOS) == e.Lemma {
			ok++
		}
	}
	if len(exs) == 0 {
		return 0
	}
	return float64(ok) / float64(len(exs))
}

// ParseExamples converts sentences to parser examples with gold tags.
func ParseExamples(ss []*conllu.Sentence) []parse.Example {
	out := make([]parse.Example, 0, len(ss))
	for _, s := range ss {
		n := len(s.Words)
		ex := parse.Example{Input: parse.Input{Words: make([]string, n), UPOS: make([]string, n), XPOS: make([]string, n)},
			Heads: make([]int, n), Deprels: make([]string, n)}
		for i, w := range s.Words {
			ex.Words[i], ex.UPOS[i], ex.XPOS[i] = w.Form, w.UPOS, w.XPOS
			ex.Heads[i], ex.Deprels[i] = w.Head, w.Deprel
			if w.Head < 0 {
				ex.Heads[i] = 0
			}
		}
		out = append(out, ex)
	}
	return out
}

func loadTagger(dir string) (*tag.Tagger, error) {
	f, err := os.Open(filepath.Join(dir, "tagger.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return tag.Load(f)
}

// retag replaces the tags of exs by the tagger's predictions.
func retag(tg *tag.Tagger, exs []parse.Example) {
	for i := range exs {
		exs[i].UPOS, exs[i].XPOS = tg.Tag(exs[i].Words)
	}
}
