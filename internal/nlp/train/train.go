// Package train trains newsgraph's NLP models (tagger, lemmatiser, parser)
// from Universal Dependencies treebanks and writes them where package
// pipeline embeds them.
package train

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
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
	// Clusters is a gzipped "word TAB bit-path TAB count" file of word
	// clusters used as tagger features; empty for none.
	Clusters string
	// JackknifeFolds > 1 trains the parser on tags predicted by taggers
	// trained on the other folds of the training data.
	JackknifeFolds int
}

// Corpora are the training and development sentences.
type Corpora struct {
	Train, Dev []*conllu.Sentence
	// EWT is the number of leading Train sentences that come from EWT.
	EWT int
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
		if c.EWT == 0 {
			c.EWT = len(s)
		}
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
		var clusters map[string]string
		if o.Clusters != "" {
			if clusters, err = readClusters(o.Clusters); err != nil {
				return err
			}
		}
		tg, err := tag.Train(TagExamples(c.Train), TagExamples(c.Dev), ep, clusters, o.Log)
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
		exs := LemmaExamples(c.Train[:c.EWT])
		for i := range exs {
			exs[i].Weight = 3 // EWT conventions win over GUM's where they differ
		}
		lm := lemma.Train(append(exs, LemmaExamples(c.Train[c.EWT:])...))
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
		trainEx := ParseExamples(c.Train)
		if o.JackknifeFolds > 1 {
			if err := jackknife(trainEx, c.Train, o); err != nil {
				return err
			}
		}
		ps, err := parse.Train(trainEx, dev, parse.Options{Epochs: ep, LabelEpochs: 6, Explore: 0.9,
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

// readClusters reads a gzipped "word TAB path TAB count" cluster file.
func readClusters(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	m := map[string]string{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) >= 2 && parts[0] != "" {
			m[parts[0]] = parts[1]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return m, nil
}

// jackknife replaces the tags of exs (built from sents) with predictions of
// taggers trained on the other folds, training the folds in parallel.
func jackknife(exs []parse.Example, sents []*conllu.Sentence, o Options) error {
	var clusters map[string]string
	if o.Clusters != "" {
		var err error
		if clusters, err = readClusters(o.Clusters); err != nil {
			return err
		}
	}
	k := o.JackknifeFolds
	all := TagExamples(sents)
	errs := make([]error, k)
	var wg sync.WaitGroup
	for f := 0; f < k; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			var tr []tag.Example
			for i, ex := range all {
				if i%k != f {
					tr = append(tr, ex)
				}
			}
			tg, err := tag.Train(tr, nil, 5, clusters, io.Discard)
			if err != nil {
				errs[f] = err
				return
			}
			for i := f; i < len(exs); i += k {
				exs[i].UPOS, exs[i].XPOS = tg.Tag(exs[i].Words)
			}
		}(f)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	ok, n := 0, 0
	for i, ex := range exs {
		for j, w := range sents[i].Words {
			n++
			if ex.UPOS[j] == w.UPOS {
				ok++
			}
		}
	}
	fmt.Fprintf(o.Log, "jackknife: %d-fold tagging of the parser's training data, UPOS %.2f\n", k, 100*float64(ok)/float64(max(n, 1)))
	return nil
}
