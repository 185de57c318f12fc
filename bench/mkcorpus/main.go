// Command mkcorpus builds newsgraph's scale benchmark corpus: the
// CoNLL-2003 English train and dev documents, detokenised into articles
// (a short first sentence as title, a dateline sentence as publication
// date), and replicated with varied ids up to -n documents, as JSONL on
// standard output. Replica r of a document gets its own URL, "(Edition
// r+1)" before its text (document ids hash the text) and a date moved by r
// days. The number of corpus tokens in the written texts goes to standard
// error ("tokens N"), for tokens/s figures. Anyone with the shared corpora
// can regenerate it:
//
//	go run ./bench/mkcorpus -n 10000 > bench/out/corpus.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

type article struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source"`
}

func main() {
	dir := flag.String("data", "../shared/corpora/conll2003", "directory with train.txt and valid.txt")
	n := flag.Int("n", 10000, "number of documents to write")
	flag.Parse()
	var docs []doc
	for _, f := range []string{"train.txt", "valid.txt"} {
		d, err := readDocs(filepath.Join(*dir, f))
		if err != nil {
			fmt.Fprintln(os.Stderr, "mkcorpus:", err)
			os.Exit(1)
		}
		docs = append(docs, d...)
	}
	if len(docs) == 0 {
		fmt.Fprintln(os.Stderr, "mkcorpus: no documents")
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	tokens := 0
	for i := 0; i < *n; i++ {
		d := docs[i%len(docs)]
		replica := i / len(docs)
		a, ntok := d.article(i%len(docs), replica)
		tokens += ntok
		if err := enc.Encode(a); err != nil {
			fmt.Fprintln(os.Stderr, "mkcorpus:", err)
			os.Exit(1)
		}
	}
	fmt.Fprintf(os.Stderr, "tokens %d\n", tokens)
}

// doc is one CoNLL-2003 document: its detokenised sentences and their
// token counts.
type doc struct {
	sents []string
	ntoks []int
}

// article builds replica r of document number i, and counts the corpus
// tokens of its text.
func (d doc) article(i, r int) (article, int) {
	a := article{Source: "CoNLL-2003 (RCV1)",
		URL: fmt.Sprintf("https://example.org/conll2003/%d/%d", r, i)}
	sents, ntoks := d.sents, d.ntoks
	// A short first sentence is the headline.
	if len(sents) > 1 && len(strings.Fields(sents[0])) <= 20 {
		a.Title = strings.TrimSuffix(sents[0], ".")
		sents, ntoks = sents[1:], ntoks[1:]
	}
	// Bylines and datelines ("BRUSSELS 1996-08-22") are short lines
	// before the story: take the date, drop the lines.
	for len(sents) > 1 && len(strings.Fields(sents[0])) <= 4 {
		if m := dateline.FindStringSubmatch(sents[0]); m != nil {
			a.Published = m[1]
		}
		sents, ntoks = sents[1:], ntoks[1:]
	}
	if a.Title == "" {
		w := strings.Fields(sents[0])
		a.Title = strings.Join(w[:min(len(w), 10)], " ")
	}
	text := strings.Join(sents, " ")
	n := 0
	for _, k := range ntoks {
		n += k
	}
	if r > 0 {
		// Replicas differ in their text so that they are distinct documents.
		text = fmt.Sprintf("(Edition %d) %s", r+1, text)
		n += 4
		a.Title = fmt.Sprintf("%s (edition %d)", a.Title, r+1)
		if t, err := time.Parse(time.DateOnly, a.Published); err == nil {
			a.Published = t.AddDate(0, 0, r).Format(time.DateOnly)
		}
	}
	a.Text = text
	return a, n
}

var clitics = map[string]bool{"'s": true, "n't": true, "'re": true, "'ll": true, "'ve": true, "'d": true, "'m": true}

var dateline = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})$`)

// readDocs splits a CoNLL-2003 file at -DOCSTART- into documents of
// detokenised sentences.
func readDocs(path string) ([]doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	defer f.Close()
	var (
		docs []doc
		sent []string
		cur  doc
	)
	flushSent := func() {
		if len(sent) > 0 {
			cur.sents = append(cur.sents, detok(sent))
			cur.ntoks = append(cur.ntoks, len(sent))
			sent = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.sents) > 0 {
			docs = append(docs, cur)
			cur = doc{}
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "-DOCSTART-"):
			flushDoc()
		case line == "":
			flushSent()
		default:
			sent = append(sent, strings.Fields(line)[0])
		}
	}
	flushDoc()
	return docs, sc.Err()
}

// detok joins tokens with English spacing rules: no space before closing
// punctuation and clitics, none after opening brackets, quotes paired.
func detok(toks []string) string {
	var b strings.Builder
	quoteOpen := false
	noSpace := true
	for i, t := range toks {
		switch {
		case t == "'" && i > 0 && strings.HasSuffix(strings.ToLower(toks[i-1]), "s"):
			b.WriteString(t) // plural possessive: "ministers'"
		case t == "'" && i+1 < len(toks) && len(toks[i+1]) == 2 && strings.Trim(toks[i+1], "0123456789") == "":
			if !noSpace {
				b.WriteByte(' ')
			}
			b.WriteString(t) // year: "'96"
			noSpace = true
			continue
		case t == `"`:
			if quoteOpen {
				b.WriteString(t)
			} else {
				if !noSpace {
					b.WriteByte(' ')
				}
				b.WriteString(t)
				noSpace = true
				quoteOpen = true
				continue
			}
			quoteOpen = !quoteOpen
		case strings.ContainsAny(t[:1], ".,;:!?)]}%") || clitics[strings.ToLower(t)]:
			b.WriteString(t)
		default:
			if !noSpace {
				b.WriteByte(' ')
			}
			b.WriteString(t)
		}
		noSpace = t == "(" || t == "[" || t == "{" || t == "$"
	}
	return b.String()
}
