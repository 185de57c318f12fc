// Command mkcorpus builds newsgraph's scale benchmark corpus: the
// CoNLL-2003 English train and dev documents, detokenised into articles
// (first sentence as title, a dateline sentence as publication date), and
// replicated with varied ids up to -n documents, as JSONL on standard
// output. Anyone with the shared corpora can regenerate it:
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
	var docs [][]string // sentences of each document
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
	for i := 0; i < *n; i++ {
		sents := docs[i%len(docs)]
		replica := i / len(docs)
		a := article{Title: sents[0], Source: "CoNLL-2003 (Reuters)",
			URL: fmt.Sprintf("https://example.org/conll2003/%d/%d", replica, i%len(docs))}
		body := sents[1:]
		// Bylines and datelines ("BRUSSELS 1996-08-22") are short lines
		// before the story: take the date, drop the lines.
		for len(body) > 1 && len(strings.Fields(body[0])) <= 4 {
			if m := dateline.FindStringSubmatch(body[0]); m != nil {
				a.Published = m[1]
			}
			body = body[1:]
		}
		if len(body) == 0 {
			body = sents
		}
		text := strings.Join(body, " ")
		if replica > 0 {
			// Replicas differ in their text so that they are distinct documents.
			text = fmt.Sprintf("(Edition %d) %s", replica+1, text)
		}
		a.Text = text
		if err := enc.Encode(a); err != nil {
			fmt.Fprintln(os.Stderr, "mkcorpus:", err)
			os.Exit(1)
		}
	}
}

var dateline = regexp.MustCompile(`(\d{4}-\d{2}-\d{2})$`)

// readDocs splits a CoNLL-2003 file at -DOCSTART- into documents of
// detokenised sentences.
func readDocs(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		docs  [][]string
		sent  []string
		sents []string
	)
	flushSent := func() {
		if len(sent) > 0 {
			sents = append(sents, detok(sent))
			sent = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(sents) > 0 {
			docs = append(docs, sents)
			sents = nil
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
	for _, t := range toks {
		switch {
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
		case strings.ContainsAny(t[:1], ".,;:!?)]}%") || t == "'s" || t == "n't" || t == "'re" || t == "'ll" || t == "'ve" || t == "'d" || t == "'m":
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
