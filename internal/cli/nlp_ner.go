package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/ner"
	"github.com/newsgraph/newsgraph/internal/nlp/pipeline"
)

func nlpNERCommand() *Command {
	var (
		conll    bool
		modelDir string
	)
	return &Command{
		Name:  "ner",
		Usage: "[--conll] [--model DIR] FILE|-",
		Short: "tag named entities in raw text or a CoNLL-2003 file",
		Long: `Tag named entities with the embedded averaged-perceptron model.

With --conll, FILE is in CoNLL-2003 column format (token first; blank lines
between sentences; -DOCSTART- lines between documents): every line is
written back with the predicted IOB2 tag (PER, ORG, LOC, MISC) appended as
a last column.

Without --conll, FILE is raw text: the output is JSON, one object per
sentence with its entity spans (code point offsets) and contract types
(PERSON, ORG, GPE, LOC, NORP, EVENT, LAW, MISC).

Training and scoring are 'newsgraph nlp train' and 'newsgraph nlp eval --ner'.`,
		Flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&conll, "conll", false, "read and write CoNLL-2003 columns")
			fs.StringVar(&modelDir, "model", "", "load the model from `DIR` instead of the embedded one")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("nlp ner takes one FILE or -")
			}
			m, err := loadNER(modelDir)
			if err != nil {
				return err
			}
			in, err := openInput(env, args[0])
			if err != nil {
				return fmt.Errorf("nlp ner: %w", err)
			}
			defer in.Close()
			if conll {
				_, err := m.AnnotateCoNLL(in, env.Stdout, args[0])
				return err
			}
			text, err := io.ReadAll(in)
			if err != nil {
				return fmt.Errorf("read %s: %w", args[0], err)
			}
			return writeJSON(env.Stdout, nerJSON(m, string(text)))
		},
	}
}

func loadNER(dir string) (*ner.Model, error) {
	if dir == "" {
		return ner.Load()
	}
	return ner.LoadFS(os.DirFS(dir))
}

type nerEntityJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Text  string `json:"text"`
}

type nerSentenceJSON struct {
	Start    int             `json:"start"`
	End      int             `json:"end"`
	Text     string          `json:"text"`
	Entities []nerEntityJSON `json:"entities"`
}

// nerSentences splits raw text with the NLP pipeline, or with the NER
// package's simple tokenizer when the pipeline cannot be loaded.
func nerSentences(text string) []nlp.Sentence {
	if p, err := pipeline.Load(); err == nil {
		return p.Annotate(text)
	}
	return ner.Sentences(text)
}

// nerJSON tags raw text and returns its sentences with entity spans.
func nerJSON(m *ner.Model, text string) []nerSentenceJSON {
	sents := nerSentences(text)
	spans := m.Spans(sents)
	rs := []rune(text)
	out := make([]nerSentenceJSON, 0, len(sents))
	for i, s := range sents {
		js := nerSentenceJSON{Start: s.Start, End: s.End, Text: s.Text, Entities: []nerEntityJSON{}}
		for _, sp := range spans[i] {
			a, b := s.Tokens[sp.Start].Start, s.Tokens[sp.End-1].End
			js.Entities = append(js.Entities, nerEntityJSON{Start: a, End: b, Type: sp.Type, Text: string(rs[a:b])})
		}
		out = append(out, js)
	}
	return out
}

// nerTrain trains the NER model; called by 'nlp train'. dataDir holds
// conll2003/{train,valid}.txt and bbc-news/articles.jsonl; the word
// clusters are rebuilt (deterministically) and the clusters and model are
// written to outDir. Dev F1 is printed after every epoch.
func nerTrain(ctx context.Context, env *Env, dataDir, outDir string) error {
	t0 := time.Now()
	_, err := ner.TrainDir(ctx, dataDir, outDir, ner.BuildOptions{Clusters: true, Log: env.Stdout})
	if err != nil {
		return fmt.Errorf("ner train: %w", err)
	}
	fmt.Fprintf(env.Stdout, "ner: trained in %s; model in %s\n", time.Since(t0).Round(time.Second), filepath.Join(outDir, ner.ModelFile))
	return nil
}

// nerEval evaluates the embedded NER model on a CoNLL-2003 file (gold tag
// in the last column); called by 'nlp eval --ner'. It prints conlleval
// precision, recall and F1 overall and per type, and the tagging speed.
func nerEval(ctx context.Context, env *Env, path string) error {
	m, err := ner.Load()
	if err != nil {
		return err
	}
	return ner.EvaluateFile(env.Stdout, m, path)
}
