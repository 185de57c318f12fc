package cli

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/carb"
)

func openieCommand() *Command {
	var gold string
	return &Command{
		Name:  "openie",
		Usage: "[--score GOLD.tsv] FILE|-",
		Short: "open information extraction, one sentence per line (CaRB format)",
		Long: `Read one sentence per line and print one extraction per line:

  sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>more args]

the sentence exactly as given (the CaRB benchmark's tab format; n-ary
extractions carry further arguments; an empty second argument marks an
intransitive clause). With --score, the extractions are also scored
against CaRB gold tuples (sentence<TAB>relation<TAB>arg1...) the way CaRB's
carb.py does with its default matcher (binary lenient tuple match), and
precision, recall, F1 (at the best confidence threshold) and AUC are
printed to standard error.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&gold, "score", "", "CaRB gold `file` to score the extractions against")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("openie takes one input file or -")
			}
			in, err := openInput(env, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			x, err := newExtractor()
			if err != nil {
				return fmt.Errorf("load extractor: %w", err)
			}
			var buf bytes.Buffer
			sc := bufio.NewScanner(in)
			sc.Buffer(make([]byte, 1<<20), 1<<24)
			w := bufio.NewWriter(env.Stdout)
			for sc.Scan() {
				if err := ctx.Err(); err != nil {
					return err
				}
				line := strings.TrimRight(sc.Text(), "\r")
				for _, t := range x.OpenIE(line) {
					fields := []string{line, strconv.FormatFloat(t.Confidence, 'f', 2, 64), clean(t.Relation)}
					for _, a := range t.Args {
						fields = append(fields, clean(a))
					}
					s := strings.Join(fields, "\t") + "\n"
					w.WriteString(s)
					buf.WriteString(s)
				}
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("read %s: %w", args[0], err)
			}
			if err := w.Flush(); err != nil {
				return err
			}
			if gold == "" {
				return nil
			}
			f, err := os.Open(gold)
			if err != nil {
				return err
			}
			defer f.Close()
			g, err := carb.ReadGold(f, gold)
			if err != nil {
				return err
			}
			p, err := carb.ReadPredicted(&buf, "predictions")
			if err != nil {
				return err
			}
			r := carb.Score(g, p)
			fmt.Fprintf(env.Stderr, "CaRB: P %.1f R %.1f F1 %.1f AUC %.1f (threshold %.2f, %d gold, %d predicted)\n",
				100*r.Precision, 100*r.Recall, 100*r.F1, 100*r.AUC, r.Threshold, r.Gold, r.Predicted)
			return nil
		},
	}
}

// clean keeps tabs and newlines out of a field.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
