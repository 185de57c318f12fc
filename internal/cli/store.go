package cli

import (
	"context"
	"flag"
	"os"

	"github.com/newsgraph/newsgraph/graph"
)

// storeFlags are the flags every command that opens the store shares.
type storeFlags struct {
	db      string
	backend string
}

// register declares --db and --backend on fs. The default path comes from
// $NEWSGRAPH_DB when set.
func (f *storeFlags) register(fs *flag.FlagSet) {
	def := os.Getenv("NEWSGRAPH_DB")
	if def == "" {
		def = graph.DefaultPath
	}
	fs.StringVar(&f.db, "db", def, "store location: bolt directory, or postgres:// URL with --backend postgres (env NEWSGRAPH_DB)")
	fs.StringVar(&f.backend, "backend", graph.Bolt, "store backend: bolt, postgres or memstore")
}

// open opens the store, read-only for commands that only read.
func (f *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	return graph.Open(ctx, graph.Options{Backend: f.backend, Path: f.db, ReadOnly: readOnly})
}
