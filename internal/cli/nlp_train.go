package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/internal/nlp/train"
)

func nlpTrainCommand() *Command {
	var data, out, only string
	var epochs, folds, beam, beamEpochs, runs int
	return &Command{
		Name:  "train",
		Usage: "[--data DIR] [--out DIR] [--only tokenizer|tagger|lemma|parser|ner] [--epochs N] [--jackknife K] [--beam K --beam-epochs N] [--parser-runs N]",
		Short: "train the NLP models from the treebanks",
		Long: `Train trains the NLP core's models from Universal Dependencies English EWT
and GUM (train splits, tuned on EWT dev) found in --data (ud-ewt/ and ud-gum/),
and the NER model from conll2003/ there. Dev figures are printed after every
epoch. By default the models are written where they are embedded
(internal/nlp/pipeline/models and internal/nlp/ner/data of the repository);
rebuild the binary afterwards. The parser is tuned with the tagger found in
the output directory, so train the tagger first when training alone.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&data, "data", "", "corpus directory (default ../shared/corpora relative to the repository root)")
			fs.StringVar(&out, "out", "", "model output directory (default: the embedded model directories)")
			fs.StringVar(&only, "only", "", "train only these models (comma-separated): tokenizer, tagger, lemma, parser, ner")
			fs.IntVar(&epochs, "epochs", 0, "training epochs for the tagger or parser (0: defaults; -1 with --beam: parser trained with the beam only)")
			fs.IntVar(&folds, "jackknife", 2, "train the parser on tags predicted by K-fold jackknifed taggers (1: gold tags)")
			fs.IntVar(&beam, "beam", 1, "parser beam width for global fine-tuning and decoding (1: greedy)")
			fs.IntVar(&runs, "parser-runs", 8, "average N greedy parsers (and labellers) trained with different shuffles")
			fs.IntVar(&beamEpochs, "beam-epochs", 0, "parser epochs of global beam training after the greedy ones (with --beam > 1)")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected arguments %q", args)
			}
			onlyNER, withNER := only == "ner", only == ""
			for _, m := range strings.Split(only, ",") {
				switch m {
				case "ner":
					withNER = true
				case "", "tokenizer", "tagger", "lemma", "parser":
				default:
					return usagef("unknown model %q for --only", m)
				}
			}
			root, rootErr := repoRoot()
			if data == "" || out == "" {
				if rootErr != nil {
					return fmt.Errorf("default --data/--out: %w", rootErr)
				}
			}
			if data == "" {
				data = filepath.Join(root, "..", "shared", "corpora")
			}
			nlpOut, nerOut := out, out
			if out == "" {
				nlpOut = filepath.Join(root, "internal", "nlp", "pipeline", "models")
				nerOut = filepath.Join(root, "internal", "nlp", "ner", "data")
			}
			if !onlyNER {
				// training does not watch the context: run it aside so
				// that Ctrl-C ends the command (models are renamed into
				// place, so none is left half-written)
				if err := ctx.Err(); err != nil {
					return fmt.Errorf("nlp train: %w", err)
				}
				done := make(chan error, 1)
				go func() {
					done <- train.Run(train.Options{DataDir: data, OutDir: nlpOut, Only: only, Epochs: epochs,
						JackknifeFolds: folds, Beam: beam, BeamEpochs: beamEpochs, ParserRuns: runs, Log: env.Stdout})
				}()
				select {
				case err := <-done:
					if err != nil {
						return err
					}
				case <-ctx.Done():
					return fmt.Errorf("nlp train: %w", ctx.Err())
				}
			}
			if withNER {
				return nerTrain(ctx, env, data, nerOut)
			}
			return nil
		},
	}
}

// repoRoot finds the repository root: the nearest directory upwards from
// the working directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("repository root (go.mod) not found above the working directory")
		}
		dir = parent
	}
}
