package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/loaders"
)

func extractCommand() *Command {
	var (
		asJSON bool
		maxDoc int
		format string
	)
	return &Command{
		Name:  "extract",
		Usage: "[--json] FILE|-",
		Short: "print the extraction record of an article",
		Long: `Extract entities, relations and attributed claims from an article (any
format 'load' reads) without touching the store. With --json it prints the
extraction record defined in docs/extract.md (one JSON object per
document; docs/extract.schema.json is its JSON Schema); without it, a
readable summary.`,
		Flags: func(fs *flag.FlagSet) {
			fs.BoolVar(&asJSON, "json", false, "print the extraction record as JSON")
			fs.IntVar(&maxDoc, "max-doc-bytes", loaders.DefaultMaxDocumentBytes, "largest document accepted, in bytes")
			fs.StringVar(&format, "format", "auto", "input format: auto, text, markdown, html or jsonl")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("extract takes one FILE (or - for standard input)")
			}
			x, err := extract.Default()
			if err != nil {
				return err
			}
			f, err := loaders.ParseFormat(format)
			if err != nil {
				return usagef("%v", err)
			}
			opts := loaders.Options{Format: f, MaxDocumentBytes: maxDoc, MaxLineBytes: maxDoc}
			var recs []*extract.Record
			err = loaders.Walk(ctx, args, env.Stdin, opts, func(d loaders.Document) error {
				rec, err := x.Extract(ctx, d)
				if err != nil {
					return fmt.Errorf("extract %s: %w", d.Path, err)
				}
				recs = append(recs, rec)
				return nil
			})
			if err != nil {
				return err
			}
			for _, rec := range recs {
				if asJSON {
					err = writeJSON(env.Stdout, rec)
				} else {
					err = writeSummary(env.Stdout, rec)
				}
				if err != nil {
					return err
				}
			}
			return nil
		},
	}
}

// writeSummary prints a record for people: entities, claims, relations.
func writeSummary(w io.Writer, rec *extract.Record) error {
	d := rec.Document
	title := "(untitled)"
	if d.Title != nil {
		title = *d.Title
	}
	fmt.Fprintf(w, "Document %s  %s\n", d.ID, title)
	if d.Published != nil {
		fmt.Fprintf(w, "  published %s\n", *d.Published)
	}
	fmt.Fprintf(w, "  %d sentences, %d entities, %d claims, %d relations\n\n",
		len(rec.Sentences), len(rec.Entities), len(rec.Claims), len(rec.Relations))
	names := map[string]string{}
	fmt.Fprintln(w, "Entities")
	for _, e := range rec.Entities {
		names[e.ID] = e.Name
		extra := ""
		if len(e.Titles) > 0 {
			extra += "  titles: " + strings.Join(e.Titles, "; ")
		}
		if len(e.Aliases) > 0 {
			extra += "  aliases: " + strings.Join(e.Aliases, "; ")
		}
		fmt.Fprintf(w, "  %-8s %s (%d mentions)%s\n", e.Type, e.Name, len(e.Mentions), extra)
	}
	fmt.Fprintln(w, "\nClaims")
	for _, c := range rec.Claims {
		who := c.SpeakerText
		if c.Speaker != nil {
			who = names[*c.Speaker]
		}
		q := ""
		if c.Quote {
			q = " (quote)"
		}
		fmt.Fprintf(w, "  %s: %s —%s→ %q [%s]%s\n", c.Sentence, who, c.Cue, c.Content, c.Certainty, q)
		if len(c.ReportedBy) > 0 {
			var rs []string
			for _, r := range c.ReportedBy {
				rs = append(rs, names[r])
			}
			fmt.Fprintf(w, "      reported by %s\n", strings.Join(rs, ", "))
		}
		if c.Time != nil {
			v := "?"
			if c.Time.Value != nil {
				v = *c.Time.Value
			}
			fmt.Fprintf(w, "      time %q = %s\n", c.Time.Text, v)
		}
		for _, f := range c.Figures {
			unit := ""
			if f.Unit != nil {
				unit = " " + *f.Unit
			}
			fmt.Fprintf(w, "      figure %q = %v%s (%s)\n", f.Text, f.Value, unit, f.Modifier)
		}
	}
	fmt.Fprintln(w, "\nRelations")
	for _, r := range rec.Relations {
		obj := r.Object.Text
		if r.Object.Entity != "" {
			obj = names[r.Object.Entity]
		}
		fmt.Fprintf(w, "  %s: %s —%s→ %s [%s]\n", r.Sentence, names[r.Subject], r.Predicate, obj, r.Certainty)
	}
	fmt.Fprintln(w)
	return nil
}
