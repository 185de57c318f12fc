package cli

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"text/tabwriter"
)

func statsCommand() *Command {
	var (
		store  storeFlags
		asJSON bool
	)
	return &Command{
		Name:  "stats",
		Usage: "[--db PATH] [--json]",
		Short: "count nodes by type and quads by predicate",
		Long:  `Count the quads of the store, the nodes of each rdf:type, and the quads of each predicate.`,
		Flags: func(fs *flag.FlagSet) {
			store.register(fs)
			fs.BoolVar(&asJSON, "json", false, "print the counts as JSON")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("stats takes no arguments")
			}
			s, err := store.open(ctx, true)
			if err != nil {
				return err
			}
			defer s.Close()
			st, err := s.Stats(ctx)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(env.Stdout, map[string]any{"quads": st.Quads, "types": st.Types, "predicates": st.Predicates})
			}
			fmt.Fprintf(env.Stdout, "quads: %d\n\nnodes by type:\n", st.Quads)
			printCounts(env, st.Types)
			fmt.Fprintf(env.Stdout, "\nquads by predicate:\n")
			printCounts(env, st.Predicates)
			return nil
		},
	}
}

// printCounts prints counts largest first, ties by name.
func printCounts(env *Env, m map[string]int64) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, k := range keys {
		fmt.Fprintf(tw, "  %d\t %s\n", m[k], k)
	}
	tw.Flush()
}
