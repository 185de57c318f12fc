package cli

import (
	"context"
	"errors"
)

// PLACEHOLDER: replaced by the helper that owns this command.
func nlpNERCommand() *Command {
	return &Command{Name: "ner", Short: "(not built yet)",
		Run: func(ctx context.Context, env *Env, args []string) error { return errors.New("nlp ner: not built yet") }}
}

// nerTrain trains the NER model; called by 'nlp train'.
func nerTrain(ctx context.Context, env *Env, dataDir, outDir string) error {
	return errors.New("ner train: not built yet")
}

// nerEval evaluates the NER model on a CoNLL-2003 file; called by 'nlp eval --ner'.
func nerEval(ctx context.Context, env *Env, path string) error {
	return errors.New("ner eval: not built yet")
}
