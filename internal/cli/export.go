package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/graph"
)

func exportCommand() *Command {
	var (
		store  storeFlags
		format string
		out    string
	)
	return &Command{
		Name:  "export",
		Usage: "[--db PATH] [--format nquads] [-o FILE]",
		Short: "write the whole graph as W3C N-Quads",
		Long: `Write every quad of the store as W3C N-Quads 1.1 to standard output or to
FILE (written to a temporary file first and renamed, so FILE is never left
half-written). 'newsgraph import' reads the output back.`,
		Flags: func(fs *flag.FlagSet) {
			store.register(fs)
			fs.StringVar(&format, "format", "nquads", "output format (nquads)")
			fs.StringVar(&out, "o", "", "write to FILE instead of standard output")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("export takes no arguments")
			}
			if format != "nquads" {
				return usagef("unknown --format %q (want nquads)", format)
			}
			s, err := store.open(ctx, true)
			if err != nil {
				return err
			}
			defer s.Close()
			if out == "" {
				w := bufio.NewWriter(env.Stdout)
				if _, err := s.Export(ctx, w); err != nil {
					return err
				}
				return w.Flush()
			}
			n, err := exportFile(ctx, s, out)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "wrote %d quads to %s\n", n, out)
			return nil
		},
	}
}

func exportFile(ctx context.Context, s *graph.Store, path string) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	n, err := s.Export(ctx, w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return 0, fmt.Errorf("export %s: %w", path, err)
	}
	return n, nil
}
