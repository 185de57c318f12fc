package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/loaders"
)

func loadCommand() *Command {
	var (
		store  storeFlags
		jobs   int
		quiet  bool
		maxDoc int
		format string
	)
	return &Command{
		Name:  "load",
		Usage: "[--db PATH] [--jobs N] [--quiet] FILE|DIR|- ...",
		Short: "extract articles and add them to the graph",
		Long: `Read articles (plain text, Markdown, HTML, JSONL batches, directories of
them, or - for standard input), extract entities, relations and attributed
claims, and write them as quads into the store (bolt at ./newsgraph.db by
default).

All inputs are read and checked before the store is opened: a missing
file, an empty or binary article, invalid UTF-8 or an over-long line stops
the load with an error naming the file and line, and the store is left as
it was. Documents are then written in transactions that hold whole
documents only, so an interrupted load never leaves half a document; loading the same article
again adds nothing. Extraction runs on --jobs goroutines; one writer
stores the results, grouping documents that are ready together into one
transaction.`,
		Flags: func(fs *flag.FlagSet) {
			store.register(fs)
			fs.IntVar(&jobs, "jobs", runtime.NumCPU(), "documents extracted in parallel")
			fs.BoolVar(&quiet, "quiet", false, "print only the summary")
			fs.IntVar(&maxDoc, "max-doc-bytes", loaders.DefaultMaxDocumentBytes, "largest document (and JSONL line) accepted, in bytes")
			fs.StringVar(&format, "format", "auto", "input format: auto, text, markdown, html or jsonl")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) == 0 {
				return usagef("load needs at least one FILE, DIR or -")
			}
			if jobs < 1 {
				return usagef("--jobs must be at least 1")
			}
			f, err := loaders.ParseFormat(format)
			if err != nil {
				return usagef("%v", err)
			}
			opts := loaders.Options{Format: f, MaxDocumentBytes: maxDoc, MaxLineBytes: maxDoc}
			in, cleanup, err := spoolStdin(env, args)
			if err != nil {
				return err
			}
			defer cleanup()
			// Pass 1: read and check every input before touching the store.
			total := 0
			if err := loaders.Walk(ctx, args, in(), opts, func(loaders.Document) error {
				total++
				return nil
			}); err != nil {
				return err
			}
			x, err := extract.Default()
			if err != nil {
				return err
			}
			s, err := store.open(ctx, false)
			if err != nil {
				return err
			}
			defer s.Close()
			start := time.Now()
			sum, err := loadDocuments(ctx, env, s, x, args, in(), opts, jobs, newProgress(env, total, quiet))
			fmt.Fprintf(env.Stdout, "loaded %d documents: %d entities, %d claims, %d relations, %d quads added (%.2fs)\n",
				sum.docs, sum.entities, sum.claims, sum.relations, sum.quads, time.Since(start).Seconds())
			return err
		},
	}
}

type loadSummary struct {
	docs, entities, claims, relations, quads int
}

// spoolStdin makes standard input readable twice (once to check, once to
// load) by copying it to a temporary file when "-" is among the inputs.
func spoolStdin(env *Env, args []string) (func() io.Reader, func(), error) {
	hasStdin := false
	for _, a := range args {
		hasStdin = hasStdin || a == "-"
	}
	if !hasStdin {
		return func() io.Reader { return env.Stdin }, func() {}, nil
	}
	tmp, err := os.CreateTemp("", "newsgraph-stdin-*")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { tmp.Close(); os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, env.Stdin); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("read standard input: %w", err)
	}
	return func() io.Reader { return io.NewSectionReader(tmp, 0, 1<<62) }, cleanup, nil
}

// loadDocuments extracts documents on jobs goroutines and writes each one
// in its own transaction from this goroutine.
func loadDocuments(ctx context.Context, env *Env, s *graph.Store, x *extract.Extractor,
	paths []string, stdin io.Reader, opts loaders.Options, jobs int, prog progress) (loadSummary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		rec *extract.Record
		err error
	}
	docs := make(chan loaders.Document, jobs)
	results := make(chan result, jobs)
	var walkErr error
	go func() {
		defer close(docs)
		walkErr = loaders.Walk(ctx, paths, stdin, opts, func(d loaders.Document) error {
			select {
			case docs <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for i := 0; i < jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				rec, err := x.Extract(ctx, d)
				if err != nil {
					err = fmt.Errorf("extract %s: %w", d.Path, err)
				}
				select {
				case results <- result{rec, err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// The writer groups whole documents into one transaction while more
	// results are already waiting (up to batchQuads quads): fewer commits,
	// and a batch is still all-or-nothing, so no document is ever half
	// stored.
	var (
		sum      loadSummary
		firstErr error
		pending  []*extract.Record
		quads    []quad.Quad
	)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		n, err := s.AddQuads(ctx, quads)
		if err != nil {
			return err
		}
		for _, rec := range pending {
			sum.docs++
			sum.entities += len(rec.Entities)
			sum.claims += len(rec.Claims)
			sum.relations += len(rec.Relations)
		}
		sum.quads += n
		prog.add(len(pending))
		pending, quads = pending[:0], quads[:0]
		return nil
	}
	for r := range results {
		if firstErr != nil {
			continue // drain
		}
		if r.err == nil {
			var qs []quad.Quad
			if qs, r.err = graph.Quads(r.rec); r.err == nil {
				pending = append(pending, r.rec)
				quads = append(quads, qs...)
				if len(results) == 0 || len(quads) >= batchQuads {
					r.err = flush()
				}
			}
		}
		if r.err != nil {
			firstErr = r.err
			cancel()
		}
	}
	if firstErr == nil {
		firstErr = flush()
	}
	prog.done()
	if firstErr == nil && walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		firstErr = walkErr
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if errors.Is(firstErr, context.Canceled) {
		return sum, fmt.Errorf("load interrupted after %d documents (each stored document is complete)", sum.docs)
	}
	return sum, firstErr
}

// batchQuads bounds the quads written in one transaction.
const batchQuads = 20000

// progress reports documents written.
type progress interface {
	add(n int)
	done()
}

func newProgress(env *Env, total int, quiet bool) progress {
	if quiet || total < 2 {
		return nopProgress{}
	}
	if f, ok := env.Stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &barProgress{bar: progressbar.NewOptions(total,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)}
	}
	return &lineProgress{w: env.Stderr, total: total, start: time.Now(), last: time.Now()}
}

type nopProgress struct{}

func (nopProgress) add(int) {}
func (nopProgress) done()   {}

type barProgress struct{ bar *progressbar.ProgressBar }

func (p *barProgress) add(n int) { p.bar.Add(n) }
func (p *barProgress) done()     { p.bar.Finish() }

// lineProgress prints a plain line every few seconds when stderr is not a
// terminal.
type lineProgress struct {
	w           io.Writer
	total, n    int
	start, last time.Time
}

const progressEvery = 5 * time.Second

func (p *lineProgress) add(n int) {
	p.n += n
	if now := time.Now(); now.Sub(p.last) >= progressEvery {
		p.last = now
		el := now.Sub(p.start).Seconds()
		rate := float64(p.n) / el
		eta := time.Duration(float64(p.total-p.n)/rate) * time.Second
		fmt.Fprintf(p.w, "loading: %d/%d documents, %.1f docs/s, ETA %s\n", p.n, p.total, rate, eta.Round(time.Second))
	}
}

func (p *lineProgress) done() {}
