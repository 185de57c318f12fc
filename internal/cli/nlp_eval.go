package cli

import (
	"context"
	"flag"
	"fmt"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/evaluate"
	"github.com/newsgraph/newsgraph/internal/nlp/pipeline"
)

func nlpEvalCommand() *Command {
	var conll, nerFile string
	return &Command{
		Name:  "eval",
		Usage: "[--conllu FILE] [--ner FILE]",
		Short: "evaluate the NLP models",
		Long: `Eval scores the embedded models.

With --conllu FILE (gold CoNLL-U) it prints UPOS, XPOS and lemma accuracy
and UAS and LAS on the gold tokens (punctuation included), then rebuilds the
raw text from the "# text" comments (sentences joined by a space, paragraphs
and documents separated by a blank line), runs sentence splitting and
tokenization on it and prints token and sentence precision, recall and F1
aligned on character offsets (CoNLL 2018 style), and the speed of tagging
plus parsing in tokens per second on one goroutine.

With --ner FILE (CoNLL-2003) it evaluates the NER model.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&conll, "conllu", "", "gold CoNLL-U file")
			fs.StringVar(&nerFile, "ner", "", "gold CoNLL-2003 file for the NER model")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("unexpected arguments %q", args)
			}
			if conll == "" && nerFile == "" {
				return usagef("want --conllu FILE or --ner FILE")
			}
			if conll != "" {
				if err := evalCoNLLU(ctx, env, conll); err != nil {
					return err
				}
			}
			if nerFile != "" {
				return nerEval(ctx, env, nerFile)
			}
			return nil
		},
	}
}

func evalCoNLLU(ctx context.Context, env *Env, path string) error {
	t0, c0 := time.Now(), cpuTime()
	p, err := pipeline.Load()
	if err != nil {
		return err
	}
	load, loadCPU := time.Since(t0), cpuTime()-c0
	in, err := openInput(env, path)
	if err != nil {
		return err
	}
	gold, err := conllu.ReadAll(in, path)
	in.Close()
	if err != nil {
		return err
	}
	pred := make([]nlp.Sentence, len(gold))
	words := 0
	t1, c1 := time.Now(), cpuTime()
	for i, s := range gold {
		if err := ctx.Err(); err != nil {
			return err
		}
		ns := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Words))}
		for j, w := range s.Words {
			ns.Tokens[j] = nlp.Token{Form: w.Form}
		}
		p.AnnotateTokens(&ns)
		pred[i] = ns
		words += len(s.Words)
	}
	el, cpu := time.Since(t1), cpuTime()-c1
	sc := evaluate.Tagged(gold, pred)
	fmt.Fprintf(env.Stdout, "gold tokens: %d sentences, %d words\n", len(gold), sc.Words)
	fmt.Fprintf(env.Stdout, "UPOS   %6.2f\nXPOS   %6.2f\nLemma  %6.2f\nUAS    %6.2f\nLAS    %6.2f\n",
		100*sc.UPOS, 100*sc.XPOS, 100*sc.Lemma, 100*sc.UAS, 100*sc.LAS)
	text, gs, gw := evaluate.RawText(gold)
	t2, c2 := time.Now(), cpuTime()
	ps, pw := evaluate.Spans(p.Annotate(text))
	rawEl, rawCPU := time.Since(t2), cpuTime()-c2
	tp, tr, tf := evaluate.F1(gw, pw)
	sp, sr, sf := evaluate.F1(gs, ps)
	fmt.Fprintf(env.Stdout, "raw text: tokens    P %6.2f R %6.2f F1 %6.2f\n", 100*tp, 100*tr, 100*tf)
	fmt.Fprintf(env.Stdout, "raw text: sentences P %6.2f R %6.2f F1 %6.2f\n", 100*sp, 100*sr, 100*sf)
	fmt.Fprintf(env.Stdout, "speed (one goroutine): tag+lemma+parse %.0f tokens/s wall, %.0f tokens/CPU-s; full pipeline on raw text %.0f tokens/s wall, %.0f tokens/CPU-s\n",
		float64(words)/el.Seconds(), float64(words)/cpu.Seconds(), float64(len(pw))/rawEl.Seconds(), float64(len(pw))/rawCPU.Seconds())
	fmt.Fprintf(env.Stdout, "model load: %s wall, %s CPU\n", load.Round(time.Millisecond), loadCPU.Round(time.Millisecond))
	return nil
}

// cpuTime returns the user+system CPU time of the process so far (zero
// where unavailable); speed per CPU second is robust to a busy machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
