// Command nlpbench compares newsgraph's NLP core with github.com/jdkato/prose/v2
// (Go) and the npm packages wink-nlp (with wink-eng-lite-web-model) and
// compromise on UD English EWT dev: UPOS accuracy of raw-sentence tagging
// (each tool tokenizes the "# text" of every sentence itself; a gold word
// counts as correct when a predicted token has exactly its character span
// and the tool's tag, mapped to UPOS, equals the gold UPOS) and tokens per
// second. See README.md.
//
//	go run . --conllu ../../../shared/corpora/ud-ewt/en_ewt-ud-dev.conllu
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/jdkato/prose/v2"
	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/internal/nlp/pipeline"
)

type sentence struct {
	text  string
	spans map[[2]int]string // gold word span -> UPOS
	words int
}

type tagged struct {
	text, tag string
}

type result struct {
	name             string
	correct, matched int
	tokens           int
	seconds          float64
	note             string
}

func main() {
	conll := flag.String("conllu", "../../../shared/corpora/ud-ewt/en_ewt-ud-dev.conllu", "gold CoNLL-U file")
	jsDir := flag.String("js", "js", "directory of tag.js with node_modules installed")
	flag.Parse()
	if err := run(*conll, *jsDir); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func run(path, jsDir string) error {
	gold, err := conllu.ReadFile(path)
	if err != nil {
		return err
	}
	var sents []sentence
	total := 0
	for _, s := range gold {
		n := conllu.ToNLP(s)
		st := sentence{text: n.Text, spans: map[[2]int]string{}, words: len(n.Tokens)}
		for i, t := range n.Tokens {
			st.spans[[2]int{t.Start, t.End}] = s.Words[i].UPOS
		}
		total += len(n.Tokens)
		sents = append(sents, st)
	}
	var results []result

	// newsgraph
	p, err := pipeline.Load()
	if err != nil {
		return err
	}
	out := make([][]tagged, len(sents))
	spans := make([][][2]int, len(sents))
	t0 := time.Now()
	ntok := 0
	for i, s := range sents {
		for _, ns := range p.Annotate(s.text) {
			for _, t := range ns.Tokens {
				out[i] = append(out[i], tagged{t.Form, t.UPOS})
				spans[i] = append(spans[i], [2]int{t.Start, t.End})
				ntok++
			}
		}
	}
	r := score("newsgraph", sents, out, spans, func(t string) string { return t })
	r.seconds, r.tokens = time.Since(t0).Seconds(), ntok
	r.note = "own tokenization, sentence splitting, tagging, lemmas and parsing"
	results = append(results, r)

	// newsgraph tagging only on gold tokens, for reference.
	{
		t1 := time.Now()
		c, n := 0, 0
		for _, s := range gold {
			ns := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Words))}
			for j, w := range s.Words {
				ns.Tokens[j].Form = w.Form
			}
			p.AnnotateTokens(&ns)
			for j, w := range s.Words {
				n++
				if ns.Tokens[j].UPOS == w.UPOS {
					c++
				}
			}
		}
		results = append(results, result{name: "newsgraph (gold tokens)", correct: c, matched: n, tokens: n,
			seconds: time.Since(t1).Seconds(), note: "tag+lemma+parse on gold tokens"})
	}

	// prose: one document for the whole text (prose loads its model for
	// every document); tokens are aligned back to the sentences.
	{
		var b strings.Builder
		starts := make([]int, len(sents))
		pos := 0
		for i, s := range sents {
			if i > 0 {
				b.WriteString("\n")
				pos++
			}
			starts[i] = pos
			b.WriteString(s.text)
			pos += len([]rune(s.text))
		}
		full := b.String()
		t0 = time.Now()
		doc, err := prose.NewDocument(full, prose.WithExtraction(false), prose.WithSegmentation(false))
		if err != nil {
			return fmt.Errorf("prose: %w", err)
		}
		toks := doc.Tokens()
		el := time.Since(t0).Seconds()
		out = make([][]tagged, len(sents))
		spans = make([][][2]int, len(sents))
		rs := []rune(full)
		p, si := 0, 0
		for _, t := range toks {
			sp, ok := find(rs, &p, t.Text)
			if !ok {
				continue
			}
			for si+1 < len(sents) && sp[0] >= starts[si+1] {
				si++
			}
			out[si] = append(out[si], tagged{t.Text, t.Tag})
			spans[si] = append(spans[si], [2]int{sp[0] - starts[si], sp[1] - starts[si]})
		}
		r = score("prose v2", sents, out, spans, ptbToUPOS)
		r.seconds, r.tokens = el, len(toks)
		r.note = "PTB tags mapped to UPOS; whole text as one document"
		results = append(results, r)
	}

	// JS tools
	for _, tool := range []string{"wink", "compromise"} {
		r, err := runJS(jsDir, tool, sents)
		if err != nil {
			fmt.Fprintf(os.Stderr, "skipping %s: %v\n", tool, err)
			continue
		}
		results = append(results, r)
	}

	fmt.Printf("EWT dev: %d sentences, %d gold words\n\n", len(sents), total)
	fmt.Printf("| tool | UPOS accuracy | gold words with exact token | tokens/s | notes |\n|---|---:|---:|---:|---|\n")
	for _, r := range results {
		fmt.Printf("| %s | %.2f | %.2f | %.0f | %s |\n", r.name, 100*float64(r.correct)/float64(total),
			100*float64(r.matched)/float64(total), float64(r.tokens)/r.seconds, r.note)
	}
	return nil
}

func runJS(dir, tool string, sents []sentence) (result, error) {
	var in bytes.Buffer
	for _, s := range sents {
		b, _ := json.Marshal(s.text)
		in.Write(b)
		in.WriteByte('\n')
	}
	cmd := exec.Command("node", filepath.Join(dir, "tag.js"), tool)
	cmd.Stdin = &in
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("node: %v: %s", err, stderr.String())
	}
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(nil, 1<<24)
	out := make([][]tagged, 0, len(sents))
	var timing struct {
		Seconds float64
		Tokens  int
	}
	for sc.Scan() {
		line := sc.Bytes()
		if len(out) == len(sents) {
			if err := json.Unmarshal(line, &timing); err != nil {
				return result{}, err
			}
			break
		}
		var pairs [][2]string
		if err := json.Unmarshal(line, &pairs); err != nil {
			return result{}, err
		}
		var ts []tagged
		for _, p := range pairs {
			ts = append(ts, tagged{p[0], p[1]})
		}
		out = append(out, ts)
	}
	if len(out) != len(sents) {
		return result{}, fmt.Errorf("%s returned %d sentences for %d", tool, len(out), len(sents))
	}
	mapTag, note := func(t string) string { return t }, "UPOS from wink-eng-lite-web-model"
	name := "wink-nlp"
	if tool == "compromise" {
		mapTag, note, name = compromiseToUPOS, "tag sets mapped to UPOS; punctuation is not a term in compromise", "compromise"
	}
	r := score(name, sents, out, nil, mapTag)
	r.seconds, r.tokens, r.note = timing.Seconds, timing.Tokens, note
	return r, nil
}

// score aligns each tool token with the sentence text (exact spans given, or
// found by searching the token text from the current position) and counts
// gold words with an exactly matching token and tag.
func score(name string, sents []sentence, out [][]tagged, spans [][][2]int, mapTag func(string) string) result {
	r := result{name: name}
	for i, s := range sents {
		rs := []rune(s.text)
		pos := 0
		for k, t := range out[i] {
			var sp [2]int
			if spans != nil {
				sp = spans[i][k]
			} else {
				var ok bool
				if sp, ok = find(rs, &pos, t.text); !ok {
					continue
				}
			}
			g, ok := s.spans[sp]
			if !ok {
				continue
			}
			r.matched++
			if mapTag(t.tag) == g {
				r.correct++
			}
		}
	}
	return r
}

// ptbToUPOS maps Penn Treebank tags to UPOS the way EWT mostly does.
func ptbToUPOS(t string) string {
	switch t {
	case "NN", "NNS":
		return "NOUN"
	case "NNP", "NNPS":
		return "PROPN"
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		return "VERB"
	case "MD":
		return "AUX"
	case "JJ", "JJR", "JJS":
		return "ADJ"
	case "RB", "RBR", "RBS", "WRB":
		return "ADV"
	case "PRP", "PRP$", "WP", "WP$", "EX":
		return "PRON"
	case "DT", "PDT", "WDT":
		return "DET"
	case "IN", "RP":
		return "ADP"
	case "CC":
		return "CCONJ"
	case "CD":
		return "NUM"
	case "UH":
		return "INTJ"
	case "TO", "POS":
		return "PART"
	case "SYM", "$", "#":
		return "SYM"
	case "FW", "LS":
		return "X"
	}
	if strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return "PUNCT"
	}
	return "X"
}

// compromiseToUPOS maps a comma-separated compromise tag set to UPOS.
func compromiseToUPOS(tags string) string {
	has := map[string]bool{}
	for _, t := range strings.Split(tags, ",") {
		has[t] = true
	}
	for _, m := range []struct{ tag, upos string }{
		{"Auxiliary", "AUX"}, {"Modal", "AUX"}, {"Copula", "AUX"}, {"Negative", "PART"},
		{"ProperNoun", "PROPN"}, {"Pronoun", "PRON"}, {"Determiner", "DET"}, {"Preposition", "ADP"},
		{"Conjunction", "CCONJ"}, {"Value", "NUM"}, {"Cardinal", "NUM"}, {"Adjective", "ADJ"},
		{"Adverb", "ADV"}, {"Verb", "VERB"}, {"Noun", "NOUN"}, {"Expression", "INTJ"},
	} {
		if has[m.tag] {
			return m.upos
		}
	}
	return "X"
}

// find locates text in rs at or shortly after *pos (skipping spaces) and
// advances *pos past it.
func find(rs []rune, pos *int, text string) ([2]int, bool) {
	tr := []rune(text)
	if len(tr) == 0 {
		return [2]int{}, false
	}
	p := *pos
	for p < len(rs) && unicode.IsSpace(rs[p]) {
		p++
	}
	for j := p; j <= len(rs)-len(tr) && j <= p+10; j++ {
		if string(rs[j:j+len(tr)]) == text {
			*pos = j + len(tr)
			return [2]int{j, j + len(tr)}, true
		}
	}
	return [2]int{}, false
}
