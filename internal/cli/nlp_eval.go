package cli

import (
	"context"
	"errors"
)

// PLACEHOLDER: replaced by the helper that owns this command.
func nlpEvalCommand() *Command {
	return &Command{Name: "eval", Short: "(not built yet)",
		Run: func(ctx context.Context, env *Env, args []string) error { return errors.New("nlp eval: not built yet") }}
}
