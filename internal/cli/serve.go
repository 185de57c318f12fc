package cli

import (
	"context"
	"flag"
	"fmt"
	"net"
	"time"

	"github.com/newsgraph/newsgraph/graph/server"
)

func serveCommand() *Command {
	var (
		store    storeFlags
		addr     string
		writable bool
		timeout  time.Duration
		limit    int
	)
	return &Command{
		Name:  "serve",
		Usage: "[--db PATH] [--addr HOST:PORT] [--writable] [--timeout D] [--limit N]",
		Short: "serve Cayley's web UI, its HTTP API and the saved queries",
		Long: `Serve the store over HTTP until interrupted (Ctrl-C, SIGTERM):

  /               Cayley's web UI: Gizmo editor, results, query shape, visualiser
  /saved          newsgraph's saved queries: descriptions, parameters, Run, table
  /graph          the claim graph: speakers, relays, claims, figures, places
  /api/v2/query   Cayley's HTTP API v2 (?lang=gizmo, query in the POST body)
  /api/v1/shape/gizmo   the shape of a query, as nodes and links
  /api/queries    saved queries as JSON; /api/queries/NAME?arg=... runs one

The defaults are safe: the server listens on 127.0.0.1 only, answers only
requests addressed to a loopback name, opens the store read-only (so
'newsgraph query' can run alongside, while 'newsgraph load' fails with
"store is locked" until serve stops), stops every query after --timeout and
returns at most --limit rows. --writable opens the store for writing and
enables Cayley's /api/v2/write and /api/v2/delete; no other process can
then open the store. See docs/serve.md.`,
		Flags: func(fs *flag.FlagSet) {
			store.register(fs)
			fs.StringVar(&addr, "addr", server.DefaultAddr, "listen address; a non-loopback host exposes the store to the network")
			fs.BoolVar(&writable, "writable", false, "open the store for writing and enable the write API")
			fs.DurationVar(&timeout, "timeout", server.DefaultTimeout, "stop any query after this long")
			fs.IntVar(&limit, "limit", server.DefaultLimit, "return at most N rows per query")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("serve takes no arguments, got %q", args[0])
			}
			if timeout <= 0 {
				return usagef("--timeout must be positive, got %s", timeout)
			}
			if limit <= 0 {
				return usagef("--limit must be positive, got %d", limit)
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return usagef("bad --addr %q: %v", addr, err)
			}
			st, err := store.open(ctx, !writable)
			if err != nil {
				return err
			}
			defer st.Close()
			local := isLoopback(host)
			h, err := server.New(st, server.Options{Writable: writable, Timeout: timeout, Limit: limit, LocalOnly: local})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return fmt.Errorf("listen: %w", err)
			}
			mode := "read-only"
			if writable {
				mode = "writable"
			}
			url := "http://" + ln.Addr().String()
			fmt.Fprintf(env.Stdout, "serving %s (%s, timeout %s, limit %d) on %s\n", store.db, mode, timeout, limit, url)
			fmt.Fprintf(env.Stdout, "  Cayley UI %s/  saved queries %s/saved  claim graph %s/graph\n", url, url, url)
			if !local {
				fmt.Fprintf(env.Stderr, "warning: listening on %s: anyone who can reach it can query the store%s\n",
					ln.Addr(), map[bool]string{true: " and write to it", false: ""}[writable])
			}
			if err := server.Serve(ctx, ln, h, 5*time.Second); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, "stopped")
			return nil
		},
	}
}

// isLoopback reports whether a listen host only accepts local connections.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
