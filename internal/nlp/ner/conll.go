package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Line is one token line of a CoNLL-2003 column file: the token is Cols[0].
type Line struct {
	Cols []string
}

// Sentence is a run of token lines.
type Sentence []Line

// Document is the sentences between two -DOCSTART- lines.
type Document struct {
	Start     []string // the -DOCSTART- line's columns; nil when the file has none
	Sentences []Sentence
	// weight scales the training updates of the document's sentences (0
	// counts as 1).
	weight float64
}

// ParseError is a malformed line of a CoNLL file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrColumns reports a token line whose column count differs from the
// file's first token line.
var ErrColumns = errors.New("inconsistent number of columns")

// maxLine bounds a line of a CoNLL file.
const maxLine = 1 << 20

// ReadCoNLL reads a CoNLL-2003 column file: whitespace-separated columns,
// token first, blank lines between sentences, "-DOCSTART-" lines between
// documents. Name is used in errors.
func ReadCoNLL(r io.Reader, name string) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var docs []Document
	var cur *Document
	var sent Sentence
	ncols := 0
	flush := func() {
		if len(sent) > 0 {
			if cur == nil {
				docs = append(docs, Document{})
				cur = &docs[len(docs)-1]
			}
			cur.Sentences = append(cur.Sentences, sent)
			sent = nil
		}
	}
	for n := 1; sc.Scan(); n++ {
		cols := strings.Fields(sc.Text())
		if len(cols) == 0 {
			flush()
			continue
		}
		if cols[0] == "-DOCSTART-" {
			flush()
			docs = append(docs, Document{Start: cols})
			cur = &docs[len(docs)-1]
			continue
		}
		if ncols == 0 {
			ncols = len(cols)
		} else if len(cols) != ncols {
			return nil, &ParseError{File: name, Line: n, Err: fmt.Errorf("%w: got %d, want %d", ErrColumns, len(cols), ncols)}
		}
		sent = append(sent, Line{Cols: cols})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	flush()
	return docs, nil
}

// WriteCoNLL writes docs in column format, with a blank line after every
// -DOCSTART- line and sentence (the CoNLL-2003 layout).
func WriteCoNLL(w io.Writer, docs []Document) error {
	bw := bufio.NewWriter(w)
	for _, d := range docs {
		if d.Start != nil {
			bw.WriteString(strings.Join(d.Start, " "))
			bw.WriteString("\n\n")
		}
		for _, s := range d.Sentences {
			for _, l := range s {
				bw.WriteString(strings.Join(l.Cols, " "))
				bw.WriteByte('\n')
			}
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// Words returns the tokens of s.
func (s Sentence) Words() []string {
	out := make([]string, len(s))
	for i, l := range s {
		out[i] = l.Cols[0]
	}
	return out
}

// Column returns column c of every line of s ("" where missing); c < 0
// counts from the end (-1 is the last column).
func (s Sentence) Column(c int) []string {
	out := make([]string, len(s))
	for i, l := range s {
		j := c
		if j < 0 {
			j += len(l.Cols)
		}
		if j >= 0 && j < len(l.Cols) {
			out[i] = l.Cols[j]
		}
	}
	return out
}

// AnnotateCoNLL copies a CoNLL column file from r to w, appending the
// predicted IOB2 tag as a last column to every token line ("O" on
// -DOCSTART- lines). Blank lines and all other columns are kept as they
// are; -DOCSTART- lines delimit documents for document-level features.
func (m *Model) AnnotateCoNLL(r io.Reader, w io.Writer, name string) (tokens int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return 0, fmt.Errorf("read %s: %w", name, err)
	}
	bw := bufio.NewWriter(w)
	// Process one document (lines up to the next -DOCSTART-) at a time.
	for i := 0; i < len(lines); {
		j := i
		if isDocStart(lines[j]) {
			j++
		}
		for j < len(lines) && !isDocStart(lines[j]) {
			j++
		}
		var sents [][]string
		var lineOf [][]int
		var cur []string
		var curLines []int
		for k := i; k < j; k++ {
			f := strings.Fields(lines[k])
			if len(f) == 0 || f[0] == "-DOCSTART-" {
				if len(cur) > 0 {
					sents, lineOf = append(sents, cur), append(lineOf, curLines)
					cur, curLines = nil, nil
				}
				continue
			}
			cur, curLines = append(cur, f[0]), append(curLines, k)
		}
		if len(cur) > 0 {
			sents, lineOf = append(sents, cur), append(lineOf, curLines)
		}
		tags := make([]string, j-i)
		for s, ts := range m.TagDocument(sents) {
			for t, tag := range ts {
				tags[lineOf[s][t]-i] = tag
				tokens++
			}
		}
		for k := i; k < j; k++ {
			line := strings.TrimRight(lines[k], " \t\r")
			if strings.TrimSpace(line) == "" {
				bw.WriteString("\n")
				continue
			}
			tag := tags[k-i]
			if tag == "" {
				tag = "O"
			}
			bw.WriteString(line)
			bw.WriteString(" ")
			bw.WriteString(tag)
			bw.WriteString("\n")
		}
		i = j
	}
	if err := bw.Flush(); err != nil {
		return tokens, err
	}
	return tokens, nil
}

func isDocStart(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), "-DOCSTART-")
}
