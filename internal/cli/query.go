package cli

import (
	"context"
	"errors"
	"flag"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

func queryCommand() *Command {
	var (
		store  storeFlags
		format string
		gizmo  string
		file   string
		limit  int
	)
	return &Command{
		Name:  "query",
		Usage: "[--db PATH] [--format table|json] [--limit N] NAME [ARG...] | --gizmo CODE | --file FILE",
		Short: "run a saved query or an ad-hoc Gizmo query",
		Long: `Run a saved query by name with its arguments (see 'newsgraph queries'),
or an ad-hoc Gizmo query given with --gizmo or read from --file (- for
standard input), against the store. The store is opened read-only, so
queries can run while 'newsgraph serve' is running.

Examples:
  newsgraph query claims
  newsgraph query claims "Anna de Vries" --format json
  newsgraph query path Rotterdam Antwerp
  newsgraph query --gizmo 'g.V().Has("<https://w3id.org/newsgraph/ns#entityType>", "PERSON").Out("<http://schema.org/name>").All()'`,
		Flags: func(fs *flag.FlagSet) {
			store.register(fs)
			fs.StringVar(&format, "format", "table", "output format: table or json")
			fs.StringVar(&gizmo, "gizmo", "", "run this Gizmo code instead of a saved query")
			fs.StringVar(&file, "file", "", "run the Gizmo code in this file (- for standard input)")
			fs.IntVar(&limit, "limit", 0, "return at most N results (0: all)")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if format != "table" && format != "json" {
				return usagef("unknown --format %q (want table or json)", format)
			}
			var (
				text    string
				columns []string
			)
			switch {
			case gizmo != "" && file != "":
				return usagef("give --gizmo or --file, not both")
			case gizmo != "" || file != "":
				if len(args) > 0 {
					return usagef("--gizmo and --file take no saved query name")
				}
				text = gizmo
				if file != "" {
					r, err := openInput(env, file)
					if err != nil {
						return err
					}
					b, err := io.ReadAll(r)
					r.Close()
					if err != nil {
						return err
					}
					text = string(b)
				}
				if strings.TrimSpace(text) == "" {
					return usagef("empty Gizmo query")
				}
			default:
				if len(args) == 0 {
					return usagef("missing query name (run 'newsgraph queries' for the list)")
				}
				q, err := queries.Get(args[0])
				if errors.Is(err, queries.ErrUnknown) {
					return usagef("%v", err)
				}
				if err != nil {
					return err
				}
				text, err = q.Build(args[1:])
				var ae *queries.ArgError
				if errors.As(err, &ae) {
					return usagef("%v", err)
				}
				if err != nil {
					return err
				}
				columns = q.Columns
			}
			s, err := store.open(ctx, true)
			if err != nil {
				return err
			}
			defer s.Close()
			rows, err := s.Query(ctx, text, limit)
			if err != nil {
				return err
			}
			if rows == nil {
				rows = []graph.Result{}
			}
			if format == "json" {
				return writeJSON(env.Stdout, rows)
			}
			return writeTable(env.Stdout, rows, columns)
		},
	}
}
