package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/pipeline"
)

func nlpParseCommand() *Command {
	var conll string
	return &Command{
		Name:  "parse",
		Usage: "(--conllu FILE|- | FILE|-)",
		Short: "tag, lemmatise and parse text or CoNLL-U",
		Long: `Parse annotates text with the embedded models and writes CoNLL-U.

With --conllu, the input is CoNLL-U: its tokenization (word lines, multiword
token ranges, empty nodes) and comments are kept, and LEMMA, UPOS, XPOS, HEAD
and DEPREL are replaced by predictions (FEATS and DEPS are written as _, MISC
is kept).

Otherwise FILE is raw text: it is split into sentences and tokens, each
sentence gets "# sent_id" and "# text" comments and every word its code point
offsets in MISC as TokenRange=start:end. "-" reads standard input.`,
		Flags: func(fs *flag.FlagSet) {
			fs.StringVar(&conll, "conllu", "", "CoNLL-U input file (- for standard input)")
		},
		Run: func(ctx context.Context, env *Env, args []string) error {
			switch {
			case conll != "" && len(args) > 0:
				return usagef("give either --conllu FILE or a raw text FILE, not both")
			case conll == "" && len(args) != 1:
				return usagef("want one input file")
			}
			p, err := pipeline.Load()
			if err != nil {
				return err
			}
			if conll != "" {
				return parseCoNLLU(ctx, env, p, conll)
			}
			return parseRaw(env, p, args[0])
		},
	}
}

func parseCoNLLU(ctx context.Context, env *Env, p *pipeline.Pipeline, name string) error {
	in, err := openInput(env, name)
	if err != nil {
		return err
	}
	defer in.Close()
	rd := conllu.NewReader(in, name)
	w := bufio.NewWriter(env.Stdout)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		annotateCoNLLU(p, s)
		if err := conllu.Write(w, s); err != nil {
			return err
		}
	}
	return w.Flush()
}

// annotateCoNLLU replaces the predicted columns of s.
func annotateCoNLLU(p *pipeline.Pipeline, s *conllu.Sentence) {
	ns := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Words))}
	for i, w := range s.Words {
		ns.Tokens[i] = nlp.Token{Form: w.Form}
	}
	p.AnnotateTokens(&ns)
	for i := range s.Words {
		w, t := &s.Words[i], ns.Tokens[i]
		w.Lemma, w.UPOS, w.XPOS, w.Head, w.Deprel = t.Lemma, t.UPOS, t.XPOS, t.Head, t.Deprel
		w.Feats, w.Deps = "_", "_"
	}
}

func parseRaw(env *Env, p *pipeline.Pipeline, name string) error {
	in, err := openInput(env, name)
	if err != nil {
		return err
	}
	defer in.Close()
	text, err := io.ReadAll(in)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	w := bufio.NewWriter(env.Stdout)
	for i, s := range p.Annotate(string(text)) {
		cs := conllu.FromNLP(s, true)
		cs.Comments = []string{" sent_id = " + strconv.Itoa(i+1), " text = " + oneLine(s.Text)}
		if err := conllu.Write(w, cs); err != nil {
			return err
		}
	}
	return w.Flush()
}

// oneLine replaces line breaks and tabs by spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
