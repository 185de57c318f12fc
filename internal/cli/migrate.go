package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

func migrateCommand() *Command {
	var from, to string
	return &Command{
		Name:  "migrate",
		Usage: "--from bolt:PATH|postgres://... --to bolt:PATH|postgres://...",
		Short: "copy a store to another backend",
		Long: `Copy every quad of one store into another, for example from the embedded
bolt store to PostgreSQL when the graph outgrows one file:

  newsgraph migrate --from bolt:newsgraph.db --to postgres://user@db:5432/news?sslmode=disable

A store is named bolt:PATH or by a postgres:// (or postgresql://)
connection string. The source is opened read-only; quads already in the
target are skipped, so a migration can be re-run.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&from, "from", "", "source store")
			fs.StringVar(&to, "to", "", "target store")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 || from == "" || to == "" {
				return usagef("migrate needs --from and --to and no arguments")
			}
			src, err := parseStoreURL(from, true)
			if err != nil {
				return usagef("--from: %v", err)
			}
			dst, err := parseStoreURL(to, false)
			if err != nil {
				return usagef("--to: %v", err)
			}
			s, err := graph.Open(ctx, src)
			if err != nil {
				return err
			}
			defer s.Close()
			d, err := graph.Open(ctx, dst)
			if err != nil {
				return err
			}
			defer d.Close()
			n, err := s.CopyTo(ctx, d)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "migrated %s → %s: %d quads added\n", from, to, n)
			return nil
		},
	}
}

// parseStoreURL reads bolt:PATH or a postgres connection string.
func parseStoreURL(s string, readOnly bool) (graph.Options, error) {
	switch {
	case strings.HasPrefix(s, "bolt:"):
		return graph.Options{Backend: graph.Bolt, Path: strings.TrimPrefix(s, "bolt:"), ReadOnly: readOnly}, nil
	case strings.HasPrefix(s, "postgres://"), strings.HasPrefix(s, "postgresql://"):
		return graph.Options{Backend: graph.Postgres, Path: s, ReadOnly: readOnly}, nil
	}
	return graph.Options{}, fmt.Errorf("%q is neither bolt:PATH nor a postgres:// URL", s)
}
