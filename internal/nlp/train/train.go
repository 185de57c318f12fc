// Package train trains newsgraph's NLP models (tagger, lemmatiser, parser)
// from Universal Dependencies treebanks and writes them where package
// pipeline embeds them.
package train

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/evaluate"
	"github.com/newsgraph/newsgraph/internal/nlp/lemma"
	"github.com/newsgraph/newsgraph/internal/nlp/parse"
	"github.com/newsgraph/newsgraph/internal/nlp/tag"
	"github.com/newsgraph/newsgraph/internal/nlp/tokenize"
)

// Options configures a training run.
type Options struct {
	DataDir string    // holds ud-ewt/ and ud-gum/
	OutDir  string    // model directory
	Only    string    // "" (all) or a comma-separated list of tokenizer, tagger, lemma, parser
	Epochs  int       // 0 for the defaults; < 0 with Beam > 1: no greedy parser epochs
	Log     io.Writer // progress and dev figures
	// Clusters is a gzipped "word TAB bit-path TAB count" file of word
	// clusters used as tagger features; empty means the words' tags in
	// CoNLL-2003 train (NewsTagClasses).
	Clusters string
	// JackknifeFolds > 1 trains the tagger's second pass and the parser on
	// tags predicted by taggers trained on the other folds of the training
	// data; 0 means 2; 1 means a one-pass tagger and a parser trained on
	// gold tags.
	JackknifeFolds int
	// EWTWeight is how many times the EWT training sentences are used per
	// epoch of the tagger and parser (GUM once); 0 means 2. Jackknifing is
	// done before the copies are made, so no sentence tags its own copy.
	EWTWeight int
	// JackknifeCache, when set, is a file keeping the jackknifed tags
	// between runs (experiments that retrain only the parser); it must be
	// removed when the tagger's features change. Empty means the
	// NEWSGRAPH_JACKKNIFE_CACHE environment variable.
	JackknifeCache string
	// Beam > 1 fine-tunes the parser with BeamEpochs epochs of global beam
	// training at this width after its greedy epochs; the parser keeps the
	// width (1 or Beam) of its best dev epoch.
	Beam       int
	BeamEpochs int
	// ParserRuns > 1 averages that many greedy parsers (and labellers)
	// trained with different shuffles; 0 means 1.
	ParserRuns int
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

// BoundaryDocs returns the documents of ss ("# newdoc") as raw text (see
// evaluate.RawText) with their gold sentence spans, for learning sentence
// boundaries.
func BoundaryDocs(ss []*conllu.Sentence) []tokenize.BoundaryDoc {
	var out []tokenize.BoundaryDoc
	flush := func(doc []*conllu.Sentence) {
		if len(doc) == 0 {
			return
		}
		text, sents, _ := evaluate.RawText(doc)
		d := tokenize.BoundaryDoc{Text: text, Sents: make([][2]int, len(sents))}
		for i, sp := range sents {
			d.Sents[i] = [2]int{sp.Start, sp.End}
		}
		out = append(out, d)
	}
	start := 0
	for i, s := range ss {
		for _, c := range s.Comments {
			if strings.HasPrefix(strings.TrimSpace(c), "newdoc") && i > start {
				flush(ss[start:i])
				start = i
			}
		}
	}
	flush(ss[start:])
	return out
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
	if o.JackknifeFolds == 0 {
		o.JackknifeFolds = 2
	}
	if o.EWTWeight == 0 {
		o.EWTWeight = 2
	}
	if o.JackknifeCache == "" {
		o.JackknifeCache = os.Getenv("NEWSGRAPH_JACKKNIFE_CACHE")
	}
	var jk [][]string
	getJK := func() ([][]string, error) {
		if jk != nil {
			return jk, nil
		}
		clusters, err := o.tagClasses()
		if err != nil {
			return nil, err
		}
		if o.JackknifeCache != "" {
			if b, err := os.ReadFile(o.JackknifeCache); err == nil {
				jk = decodeJackknife(string(b), c.Train)
				if jk != nil {
					fmt.Fprintf(o.Log, "jackknife: tags read from %s\n", o.JackknifeCache)
					return jk, nil
				}
			}
		}
		if jk, err = jackknifeTags(c.Train, o.JackknifeFolds, clusters, o.Log); err != nil {
			return nil, err
		}
		if o.JackknifeCache != "" {
			var b strings.Builder
			for _, s := range jk {
				b.WriteString(strings.Join(s, "\x1f"))
				b.WriteByte('\n')
			}
			if err := os.WriteFile(o.JackknifeCache, []byte(b.String()), 0o644); err != nil {
				return nil, err
			}
		}
		return jk, nil
	}
	if o.want("tokenizer") {
		words, mwts := TokenizerData(c.Train)
		tk := tokenize.New(tokenize.Learn(words, mwts))
		bf1, rf1 := tk.TrainBoundaries(BoundaryDocs(c.Train), BoundaryDocs(c.Dev), 5)
		fmt.Fprintf(o.Log, "sentence splitter: dev sentence F1 %.2f with learned boundaries, %.2f with the rules alone\n", 100*bf1, 100*rf1)
		if err := saveFile(filepath.Join(o.OutDir, "tokenizer.gz"), tk.Save); err != nil {
			return err
		}
		l := tk.Lists()
		fmt.Fprintf(o.Log, "tokenizer: %d abbreviations, %d whole words, %d splits learned\n", len(l.Abbreviations), len(l.Hyphenated), len(l.Splits))
	}
	if o.want("tagger") {
		ep := o.Epochs
		if ep == 0 {
			ep = 8
		}
		t0 := time.Now()
		clusters, err := o.tagClasses()
		if err != nil {
			return err
		}
		trainEx := weighted(TagExamples(c.Train), c.EWT, o.EWTWeight)
		tg, err := tag.Train(trainEx, TagExamples(c.Dev), ep, clusters, o.Log)
		if err != nil {
			return err
		}
		if o.JackknifeFolds > 1 {
			first, err := getJK()
			if err != nil {
				return err
			}
			if err := tg.TrainSecond(trainEx, TagExamples(c.Dev), weighted(first, c.EWT, o.EWTWeight), ep, o.Log); err != nil {
				return err
			}
		}
		devEx := TagExamples(c.Dev)
		data, err := choosePrune(o.Log, "tagger", 0.0003, tg.Save, func(b []byte) (float64, error) {
			t2, err := tag.Load(bytes.NewReader(b))
			if err != nil {
				return 0, err
			}
			u, x := t2.Accuracy(devEx)
			return (u + x) / 2, nil
		})
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(o.OutDir, "tagger.gz"), data); err != nil {
			return err
		}
		u, x := tg.Accuracy(TagExamples(c.Dev))
		fmt.Fprintf(o.Log, "tagger: dev UPOS %.2f XPOS %.2f after save (%s)\n", 100*u, 100*x, time.Since(t0).Round(time.Second))
	}
	if o.want("lemma") {
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
	if o.want("parser") {
		t0 := time.Now()
		dev := ParseExamples(c.Dev)
		if tg, err := loadTagger(o.OutDir); err == nil {
			retag(tg, dev)
			fmt.Fprintf(o.Log, "parser: dev uses predicted tags\n")
		}
		ep := o.Epochs
		if ep == 0 {
			ep = 12
		}
		if ep < 0 && o.Beam > 1 {
			ep = 0 // beam training only
		}
		trainEx := ParseExamples(c.Train)
		var first [][]string
		if o.JackknifeFolds > 1 {
			var err error
			if first, err = getJK(); err != nil {
				return err
			}
			for i := range trainEx {
				for j, jt := range first[i] {
					trainEx[i].UPOS[j], trainEx[i].XPOS[j] = tag.Split(jt)
				}
			}
		}
		ps, err := parse.Train(weighted(trainEx, c.EWT, o.EWTWeight), dev, parse.Options{Epochs: ep, LabelEpochs: 6, Explore: 0.9,
			Beam: o.Beam, BeamEpochs: o.BeamEpochs, Runs: o.ParserRuns, Bits: 22, LabelBits: 19, Log: o.Log})
		if err != nil {
			return err
		}
		data, err := choosePrune(o.Log, "parser", 0.0005, ps.Save, func(b []byte) (float64, error) {
			p2, err := parse.Load(bytes.NewReader(b))
			if err != nil {
				return 0, err
			}
			_, las := p2.Score(dev)
			return las, nil
		})
		if err != nil {
			return err
		}
		if err := writeFile(filepath.Join(o.OutDir, "parser.gz"), data); err != nil {
			return err
		}
		fmt.Fprintf(o.Log, "parser trained in %s\n", time.Since(t0).Round(time.Second))
	}
	fmt.Fprintf(o.Log, "training done in %s\n", time.Since(start).Round(time.Second))
	return nil
}

// saveFile writes a model through a temporary file renamed into place, so
// an interrupted run never leaves a half-written model behind.
func saveFile(path string, save func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if err := save(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// writeFile is os.WriteFile through saveFile.
func writeFile(path string, data []byte) error {
	return saveFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
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

// tagClasses returns the word classes of the tagger's cluster features:
// those of o.Clusters when set, else each word's tags in news text, read
// from the POS column of CoNLL-2003 train (see NewsTagClasses).
func (o Options) tagClasses() (map[string]string, error) {
	if o.Clusters != "" {
		return readClusters(o.Clusters)
	}
	f, err := os.Open(filepath.Join(o.DataDir, "conll2003", "train.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return NewsTagClasses(f)
}

// NewsTagClasses reads CoNLL-2003 column text (word, POS, chunk, entity)
// and returns, for every lower-case word seen at least three times, the
// Penn Treebank tags it has in at least a tenth of its occurrences,
// sorted and joined by "+" ("firm" → "NN", "close" → "JJ+RB+VB"). The
// tagger uses them as word classes: how a word is used in news text,
// which the web text of EWT does not always show.
func NewsTagClasses(r io.Reader) (map[string]string, error) {
	counts := map[string]map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || f[0] == "-DOCSTART-" {
			continue
		}
		w := strings.ToLower(f[0])
		if counts[w] == nil {
			counts[w] = map[string]int{}
		}
		counts[w][f[1]]++
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read news tags: %w", err)
	}
	out := map[string]string{}
	for w, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < 3 {
			continue
		}
		var tags []string
		for t, n := range c {
			if 10*n >= total {
				tags = append(tags, t)
			}
		}
		sort.Strings(tags)
		out[w] = strings.Join(tags, "+")
	}
	return out, nil
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

// jackknifeTags returns joint tags of sents predicted by first-pass
// taggers trained on the other folds, training the folds in parallel.
func jackknifeTags(sents []*conllu.Sentence, k int, clusters map[string]string, log io.Writer) ([][]string, error) {
	all := TagExamples(sents)
	out := make([][]string, len(all))
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
			for i := f; i < len(all); i += k {
				out[i] = tg.Joint(all[i].Words)
			}
		}(f)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	ok, n := 0, 0
	for i, ex := range all {
		for j, g := range ex.Tags {
			n++
			if out[i][j] == g {
				ok++
			}
		}
	}
	fmt.Fprintf(log, "jackknife: %d-fold first-pass tagging of the training data, joint tag accuracy %.2f\n", k, 100*float64(ok)/float64(max(n, 1)))
	return out, nil
}

// choosePrune saves a model with growing pruning thresholds and keeps the
// smallest file whose dev score is within tol of the least pruned one
// (smaller files load faster).
func choosePrune(log io.Writer, name string, tol float64, save func(io.Writer, float32) error, score func([]byte) (float64, error)) ([]byte, error) {
	var best []byte
	bestScore := -1.0
	for _, th := range []float32{0.1, 0.25, 0.5, 1, 2, 4, 8} {
		var b bytes.Buffer
		if err := save(&b, th); err != nil {
			return nil, fmt.Errorf("save %s: %w", name, err)
		}
		sc, err := score(b.Bytes())
		if err != nil {
			return nil, fmt.Errorf("reload %s: %w", name, err)
		}
		fmt.Fprintf(log, "%s: prune %.1f: %.2f MB, dev %.2f\n", name, th, float64(b.Len())/1e6, 100*sc)
		if best == nil {
			best, bestScore = b.Bytes(), sc
			continue
		}
		if sc < bestScore-tol {
			break
		}
		best = b.Bytes()
	}
	return best, nil
}

func (o Options) want(model string) bool {
	if o.Only == "" {
		return true
	}
	for _, m := range strings.Split(o.Only, ",") {
		if strings.TrimSpace(m) == model {
			return true
		}
	}
	return false
}

// TokenizerData returns the words and the multiword tokens (surface form
// then word forms) of sentences that are not inside a multiword token.
func TokenizerData(ss []*conllu.Sentence) (words []string, mwts [][]string) {
	for _, s := range ss {
		inMWT := map[int]bool{}
		for _, m := range s.Multi {
			mw := []string{m.Form}
			for id := m.First; id <= m.Last && id <= len(s.Words); id++ {
				mw = append(mw, s.Words[id-1].Form)
				inMWT[id] = true
			}
			mwts = append(mwts, mw)
		}
		for _, w := range s.Words {
			if !inMWT[w.ID] {
				words = append(words, w.Form)
			}
		}
	}
	return words, mwts
}

// decodeJackknife reads tags written by Run's jackknife cache; nil when
// they do not fit sents.
func decodeJackknife(s string, sents []*conllu.Sentence) [][]string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) != len(sents) {
		return nil
	}
	out := make([][]string, len(sents))
	for i, l := range lines {
		if out[i] = strings.Split(l, "\x1f"); len(out[i]) != len(sents[i].Words) {
			return nil
		}
	}
	return out
}

// weighted returns xs with its first n elements repeated to appear w times.
func weighted[T any](xs []T, n, w int) []T {
	out := append([]T(nil), xs...)
	for k := 1; k < w; k++ {
		out = append(out, xs[:n]...)
	}
	return out
}
