package cli

import (
	"context"
	"errors"
)

// PLACEHOLDER: replaced by the helper that owns this command.
func nlpParseCommand() *Command {
	return &Command{Name: "parse", Short: "(not built yet)",
		Run: func(ctx context.Context, env *Env, args []string) error { return errors.New("nlp parse: not built yet") }}
}
