// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies: word lines, multiword token ranges ("1-2"), empty nodes
// ("8.1") and comment lines, which are kept and written back unchanged. It
// converts sentences to and from the shared nlp.Sentence type.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word line. Head is -1 when the HEAD column is "_".
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Deps   string
	Misc   string
}

// MultiToken is a multiword token line such as "1-2 don't _ ...": a surface
// token covering words First..Last.
type MultiToken struct {
	First, Last int
	Form        string
	Misc        string
}

// EmptyNode is an empty node line such as "8.1" (enhanced dependencies).
// Its columns are kept verbatim.
type EmptyNode struct {
	Major, Minor int
	// Cols holds columns 2..10 (FORM to MISC).
	Cols [9]string
}

// Sentence is one CoNLL-U sentence block.
type Sentence struct {
	// Comments are the comment lines without the leading "#", in order
	// (for "# text = x" the entry is " text = x").
	Comments []string
	Words    []Word
	Multi    []MultiToken
	Empty    []EmptyNode
}

// Comment returns the value of the "# key = value" comment, if present.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		c = strings.TrimSpace(c)
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v), true
		}
	}
	return "", false
}

// SetComment sets the "# key = value" comment, replacing an existing one or
// appending a new one.
func (s *Sentence) SetComment(key, value string) {
	line := " " + key + " = " + value
	for i, c := range s.Comments {
		k, _, ok := strings.Cut(strings.TrimSpace(c), "=")
		if ok && strings.TrimSpace(k) == key {
			s.Comments[i] = line
			return
		}
	}
	s.Comments = append(s.Comments, line)
}

// Text returns the "# text" comment.
func (s *Sentence) Text() string {
	t, _ := s.Comment("text")
	return t
}

// MiscHas reports whether the MISC column contains the attribute key=value.
func MiscHas(misc, key, value string) bool {
	v, ok := MiscGet(misc, key)
	return ok && v == value
}

// MiscGet returns the value of attribute key in a MISC column.
func MiscGet(misc, key string) (string, bool) {
	if misc == "_" || misc == "" {
		return "", false
	}
	for _, a := range strings.Split(misc, "|") {
		k, v, _ := strings.Cut(a, "=")
		if k == key {
			return v, true
		}
	}
	return "", false
}

// ErrSyntax is wrapped by every ParseError caused by malformed input.
var ErrSyntax = errors.New("conllu syntax error")

// ParseError reports malformed input with its position.
type ParseError struct {
	File string // may be empty
	Line int    // 1-based
	Msg  string
}

func (e *ParseError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Unwrap returns ErrSyntax.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	file string
	line int
}

// NewReader returns a Reader on r; file names the input in errors.
func NewReader(r io.Reader, file string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	return &Reader{sc: sc, file: file}
}

func (r *Reader) errf(format string, args ...any) error {
	return &ParseError{File: r.file, Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

// Read returns the next sentence or io.EOF after the last one.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if r.line == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" {
			if s != nil {
				if err := r.check(s); err != nil {
					return nil, err
				}
				return s, nil
			}
			continue
		}
		if s == nil {
			s = &Sentence{}
		}
		if line[0] == '#' {
			if len(s.Words) > 0 || len(s.Multi) > 0 || len(s.Empty) > 0 {
				return nil, r.errf("comment after word lines")
			}
			s.Comments = append(s.Comments, line[1:])
			continue
		}
		if err := r.parseLine(s, line); err != nil {
			return nil, err
		}
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", r.file, err)
	}
	if s != nil {
		if err := r.check(s); err != nil {
			return nil, err
		}
		return s, nil
	}
	return nil, io.EOF
}

func (r *Reader) parseLine(s *Sentence, line string) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return r.errf("want 10 tab-separated columns, got %d", len(cols))
	}
	for i, c := range cols {
		if c == "" {
			return r.errf("empty column %d", i+1)
		}
	}
	id := cols[0]
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return r.errf("bad multiword token range %q", id)
		}
		if first != len(s.Words)+1 {
			return r.errf("multiword token %q does not start at the next word", id)
		}
		s.Multi = append(s.Multi, MultiToken{First: first, Last: last, Form: cols[1], Misc: cols[9]})
		return nil
	}
	if a, b, ok := strings.Cut(id, "."); ok {
		major, err1 := strconv.Atoi(a)
		minor, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || major < 0 || minor < 1 || major != len(s.Words) {
			return r.errf("bad empty node id %q", id)
		}
		var e EmptyNode
		e.Major, e.Minor = major, minor
		copy(e.Cols[:], cols[1:])
		s.Empty = append(s.Empty, e)
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != len(s.Words)+1 {
		return r.errf("bad word id %q (want %d)", id, len(s.Words)+1)
	}
	head := -1
	if cols[6] != "_" {
		head, err = strconv.Atoi(cols[6])
		if err != nil || head < 0 {
			return r.errf("bad head %q", cols[6])
		}
	}
	s.Words = append(s.Words, Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
		Feats: cols[5], Head: head, Deprel: cols[7], Deps: cols[8], Misc: cols[9]})
	return nil
}

func (r *Reader) check(s *Sentence) error {
	n := len(s.Words)
	for _, w := range s.Words {
		if w.Head > n {
			return r.errf("word %d: head %d out of range (sentence has %d words)", w.ID, w.Head, n)
		}
	}
	for _, m := range s.Multi {
		if m.Last > n {
			return r.errf("multiword token %d-%d beyond the last word", m.First, m.Last)
		}
	}
	return nil
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, file string) ([]*Sentence, error) {
	rd := NewReader(r, file)
	var out []*Sentence
	for {
		s, err := rd.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes s as a CoNLL-U block followed by a blank line.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString("#")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	mi, ei := 0, 0
	writeEmpty := func(major int) {
		for ei < len(s.Empty) && s.Empty[ei].Major == major {
			e := s.Empty[ei]
			fmt.Fprintf(bw, "%d.%d", e.Major, e.Minor)
			for _, c := range e.Cols {
				bw.WriteByte('\t')
				bw.WriteString(orUnderscore(c))
			}
			bw.WriteByte('\n')
			ei++
		}
	}
	writeEmpty(0)
	for _, wd := range s.Words {
		for mi < len(s.Multi) && s.Multi[mi].First == wd.ID {
			m := s.Multi[mi]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, orUnderscore(m.Form), orUnderscore(m.Misc))
			mi++
		}
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", wd.ID, orUnderscore(wd.Form), orUnderscore(wd.Lemma),
			orUnderscore(wd.UPOS), orUnderscore(wd.XPOS), orUnderscore(wd.Feats), head, orUnderscore(wd.Deprel),
			orUnderscore(wd.Deps), orUnderscore(wd.Misc))
		writeEmpty(wd.ID)
	}
	bw.WriteByte('\n')
	return bw.Flush()
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	// Columns cannot hold tabs or newlines.
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadAll(f, path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return s, nil
}
