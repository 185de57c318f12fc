package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/score"
	"github.com/newsgraph/newsgraph/loaders"
)

// newExtractor builds the extractor the eval and openie commands use;
// tests replace it.
var newExtractor = extract.Default

func evalCommand() *Command {
	var verbose bool
	return &Command{
		Name:  "eval",
		Usage: "[-v] GOLD.json|GOLD_DIR [PRED.json]",
		Short: "score extraction records against hand-annotated gold records",
		Long: `Score an extraction record against a gold record of the same article
(both in the extraction contract's JSON). Without PRED, the gold record's
own document is extracted with the default models and scored. GOLD may be a
directory: every *.json file in it is scored and the totals printed.

Entities match by name (or alias) and type; claims match within a sentence
by speaker (or, failing that, by content overlap), and the matched claims
are scored for speaker, cue, quote, time, certainty and reported_by;
figures of matched claims match by value, unit and modifier; relations
match by subject, predicate and object.`,
		Flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&verbose, "v", false, "print the score of each document")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usagef("eval takes GOLD and an optional PRED")
			}
			golds, err := goldFiles(args[0])
			if err != nil {
				return err
			}
			if len(args) == 2 && len(golds) != 1 {
				return usagef("PRED needs a single GOLD file")
			}
			var x *extract.Extractor
			var total score.Report
			for _, g := range golds {
				gold, err := readRecord(g)
				if err != nil {
					return err
				}
				var pred *extract.Record
				if len(args) == 2 {
					if pred, err = readRecord(args[1]); err != nil {
						return err
					}
				} else {
					if x == nil {
						if x, err = newExtractor(); err != nil {
							return fmt.Errorf("load extractor: %w", err)
						}
					}
					if pred, err = x.Extract(ctx, documentOf(gold)); err != nil {
						return fmt.Errorf("extract %s: %w", g, err)
					}
				}
				rep := score.Compare(gold, pred)
				if verbose && len(golds) > 1 {
					fmt.Fprintf(env.Stdout, "== %s\n", g)
					if err := rep.Write(env.Stdout); err != nil {
						return err
					}
				}
				total.Add(rep)
			}
			if verbose && len(golds) > 1 {
				fmt.Fprintf(env.Stdout, "== total\n")
			}
			return total.Write(env.Stdout)
		},
	}
}

// goldFiles lists the gold records named by path: the file itself or the
// *.json files of a directory.
func goldFiles(path string) ([]string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return []string{path}, nil
	}
	m, err := filepath.Glob(filepath.Join(path, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(m) == 0 {
		return nil, fmt.Errorf("%s: no *.json gold records", path)
	}
	sort.Strings(m)
	return m, nil
}

func readRecord(path string) (*extract.Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r extract.Record
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return &r, nil
}

// documentOf rebuilds the loaded document a record was extracted from.
func documentOf(r *extract.Record) loaders.Document {
	d := loaders.Document{Text: r.Document.Text}
	if r.Document.Title != nil {
		d.Title = *r.Document.Title
	}
	if r.Document.Source != nil {
		d.Source = *r.Document.Source
	}
	if r.Document.URL != nil {
		d.URL = *r.Document.URL
	}
	if p := r.Document.Published; p != nil {
		if t, err := time.Parse("2006-01-02", strings.TrimSpace(*p)); err == nil {
			d.Published = t
		}
	}
	return d
}
