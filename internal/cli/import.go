package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
)

func importCommand() *Command {
	var store storeFlags
	return &Command{
		Name:  "import",
		Usage: "[--db PATH] FILE.nq|-",
		Short: "read W3C N-Quads into the store",
		Long: `Read W3C N-Quads 1.1 (as written by 'newsgraph export') into the store.
The whole input is checked first: a malformed line is reported with its
line number and nothing is written. Quads already in the store are
skipped, so importing twice adds nothing.`,
		Flags: func(fs *flag.FlagSet) { store.register(fs) },
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("import takes one file (or - for standard input)")
			}
			name := args[0]
			if name != "-" {
				if fi, err := os.Stat(name); err != nil {
					return fmt.Errorf("import %s: %w", name, err)
				} else if fi.IsDir() {
					return fmt.Errorf("import %s: is a directory", name)
				}
			}
			r, err := openInput(env, name)
			if err != nil {
				return fmt.Errorf("import %s: %w", name, err)
			}
			defer r.Close()
			s, err := store.open(ctx, false)
			if err != nil {
				return err
			}
			defer s.Close()
			n, err := s.Import(ctx, r, name)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "imported %s: %d quads added\n", name, n)
			return nil
		},
	}
}
