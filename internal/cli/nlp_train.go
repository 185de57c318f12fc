package cli

import (
	"context"
	"errors"
)

// PLACEHOLDER: replaced by the helper that owns this command.
func nlpTrainCommand() *Command {
	return &Command{Name: "train", Short: "(not built yet)",
		Run: func(ctx context.Context, env *Env, args []string) error { return errors.New("nlp train: not built yet") }}
}
