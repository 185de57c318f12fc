package cli

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/newsgraph/newsgraph/queries"
)

func queriesCommand() *Command {
	var asJSON bool
	return &Command{
		Name:  "queries",
		Usage: "[--json]",
		Short: "list the saved queries",
		Long: `List the saved Gizmo queries with a one-line description and their
parameters ([NAME] is optional). Run one with 'newsgraph query NAME ARGS'.`,
		Flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print the list as JSON")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("queries takes no arguments")
			}
			list, err := queries.List()
			if err != nil {
				return err
			}
			if asJSON {
				type param struct {
					Name        string `json:"name"`
					Optional    bool   `json:"optional"`
					Description string `json:"description"`
				}
				type entry struct {
					Name        string  `json:"name"`
					Description string  `json:"description"`
					Usage       string  `json:"usage"`
					Params      []param `json:"params"`
				}
				out := make([]entry, 0, len(list))
				for _, q := range list {
					e := entry{Name: q.Name, Description: q.Description, Usage: q.Usage(), Params: []param{}}
					for _, p := range q.Params {
						e.Params = append(e.Params, param{p.Name, p.Optional, p.Description})
					}
					out = append(out, e)
				}
				return writeJSON(env.Stdout, out)
			}
			tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
			for _, q := range list {
				fmt.Fprintf(tw, "%s %s\t%s\n", q.Name, q.Usage(), q.Description)
			}
			return tw.Flush()
		},
	}
}
