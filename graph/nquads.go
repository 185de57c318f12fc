package graph

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode"
	"unicode/utf8"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

var errEOF = io.EOF

// MaxNQuadsLine is the longest N-Quads line Import accepts.
const MaxNQuadsLine = 16 << 20

// importBatch is how many quads Import writes per transaction.
const importBatch = 10000

// ParseError reports a malformed N-Quads line.
type ParseError struct {
	Path string // file name, or "-" for standard input
	Line int    // 1-based
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrLineTooLong means an N-Quads line exceeded MaxNQuadsLine.
var ErrLineTooLong = errors.New("line too long")

// ReadNQuads parses W3C N-Quads 1.1 from r, calling fn for every quad. Blank
// lines and comments are skipped. The first malformed line stops it with a
// *ParseError naming path and line.
func ReadNQuads(r io.Reader, path string, fn func(quad.Quad) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var line []byte
	for n := 1; ; n++ {
		var err error
		line, err = readLine(br, line[:0])
		if err == io.EOF && len(line) == 0 {
			return nil
		}
		if errors.Is(err, ErrLineTooLong) {
			return &ParseError{Path: path, Line: n, Err: err}
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read %s: %w", path, err)
		}
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			q, perr := parseQuad(t)
			if perr != nil {
				return &ParseError{Path: path, Line: n, Err: perr}
			}
			if ferr := fn(q); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

func parseQuad(line []byte) (quad.Quad, error) {
	if !utf8.Valid(line) {
		return quad.Quad{}, errors.New("invalid UTF-8")
	}
	end, err := checkSyntax(line)
	if err != nil {
		return quad.Quad{}, err
	}
	// Only the statement: Cayley's parser misreads a comment that follows
	// the final '.' without a space ("<a> <b> \"\" .#x").
	q, err := nquads.Parse(string(line[:end]))
	if err != nil {
		return quad.Quad{}, err
	}
	if !q.IsValid() {
		return quad.Quad{}, errors.New("incomplete quad")
	}
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if iri, ok := v.(quad.IRI); ok && !validIRI(string(iri)) {
			return quad.Quad{}, fmt.Errorf("invalid IRI <%s>", string(iri))
		}
	}
	return q, nil
}

// checkSyntax checks the term structure of one N-Quads statement strictly
// (Cayley's parser also accepts bare words): 3 or 4 terms — IRI, blank
// node or literal, with a literal allowed only as object — then ".". It
// returns the offset just after the final '.' (a comment may follow).
func checkSyntax(line []byte) (int, error) {
	i, n := 0, len(line)
	skip := func() {
		for i < n && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
	}
	terms, end := 0, 0
	for {
		skip()
		if i >= n {
			return 0, errors.New("missing final '.'")
		}
		if line[i] == '.' {
			i++
			end = i
			skip()
			if i < n && line[i] != '#' {
				return 0, fmt.Errorf("unexpected text after '.' at column %d", i+1)
			}
			break
		}
		terms++
		switch {
		case line[i] == '<':
			j := bytes.IndexByte(line[i:], '>')
			if j < 0 {
				return 0, fmt.Errorf("unterminated IRI at column %d", i+1)
			}
			if !validIRI(string(line[i+1 : i+j])) {
				return 0, fmt.Errorf("invalid IRI %s at column %d", line[i:i+j+1], i+1)
			}
			i += j + 1
		case bytes.HasPrefix(line[i:], []byte("_:")):
			i += 2
			start := i
			for i < n && line[i] != ' ' && line[i] != '\t' {
				i++
			}
			if i > start && line[i-1] == '.' {
				i-- // "_:b." ends the statement
			}
			if i == start {
				return 0, fmt.Errorf("empty blank node label at column %d", start-1)
			}
		case line[i] == '"':
			if terms != 3 {
				return 0, fmt.Errorf("literal in position %d at column %d (only the object may be a literal)", terms, i+1)
			}
			i++
			for i < n && line[i] != '"' {
				if line[i] == '\\' {
					i++
				}
				i++
			}
			if i >= n {
				return 0, fmt.Errorf("unterminated literal")
			}
			i++
			switch {
			case i < n && line[i] == '@':
				i++
				for i < n && (line[i] == '-' || line[i] >= 'a' && line[i] <= 'z' || line[i] >= 'A' && line[i] <= 'Z' || line[i] >= '0' && line[i] <= '9') {
					i++
				}
			case bytes.HasPrefix(line[i:], []byte("^^<")):
				j := bytes.IndexByte(line[i:], '>')
				if j < 0 {
					return 0, fmt.Errorf("unterminated datatype IRI")
				}
				if !validIRI(string(line[i+3 : i+j])) {
					return 0, fmt.Errorf("invalid datatype IRI at column %d", i+3)
				}
				i += j + 1
			}
		default:
			return 0, fmt.Errorf("unexpected %q at column %d (want <IRI>, _:blank or \"literal\")", line[i], i+1)
		}
		if terms > 4 {
			return 0, errors.New("more than 4 terms")
		}
	}
	if terms < 3 {
		return 0, fmt.Errorf("%d terms, want 3 or 4", terms)
	}
	return end, nil
}

// validIRI rejects characters N-Quads forbids inside IRIREF.
func validIRI(s string) bool {
	for _, r := range s {
		// control characters (DEL and C1 too) are not IRI characters
		// (RFC 3987), and Cayley's parser misreads them
		if r <= 0x20 || unicode.IsControl(r) || r == '<' || r == '>' || r == '"' || r == '{' || r == '}' || r == '|' || r == '^' || r == '`' || r == '\\' {
			return false
		}
	}
	return s != ""
}

// readLine reads one line without its end, refusing lines over
// MaxNQuadsLine without buffering them whole.
func readLine(br *bufio.Reader, buf []byte) ([]byte, error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(buf)+len(chunk) > MaxNQuadsLine {
			return buf, ErrLineTooLong
		}
		buf = append(buf, chunk...)
		if err != nil {
			return buf, err
		}
		if !isPrefix {
			return buf, nil
		}
	}
}

// Import reads N-Quads from r (named path in errors) into the store. The
// input is checked whole before anything is written, so a malformed line
// leaves the store unchanged; valid input is written in batched
// transactions. It returns the number of new quads.
func (s *Store) Import(ctx context.Context, r io.Reader, path string) (int, error) {
	if s.w == nil {
		return 0, ErrReadOnly
	}
	f, cleanup, err := seekable(r)
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", path, err)
	}
	defer cleanup()
	if err := ReadNQuads(f, path, func(quad.Quad) error { return ctx.Err() }); err != nil {
		return 0, err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, fmt.Errorf("import %s: %w", path, err)
	}
	added := 0
	batch := make([]quad.Quad, 0, importBatch)
	flush := func() error {
		n, err := s.AddQuads(ctx, batch)
		added += n
		batch = batch[:0]
		return err
	}
	err = ReadNQuads(f, path, func(q quad.Quad) error {
		batch = append(batch, q)
		if len(batch) == importBatch {
			return flush()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = flush()
	}
	return added, err
}

// seekable returns r as a seekable file, spooling it to a temporary file
// when it is not one already.
func seekable(r io.Reader) (io.ReadSeeker, func(), error) {
	if f, ok := r.(*os.File); ok {
		if _, err := f.Seek(0, io.SeekCurrent); err == nil {
			return f, func() {}, nil
		}
	}
	tmp, err := os.CreateTemp("", "newsgraph-import-*.nq")
	if err != nil {
		return nil, nil, err
	}
	cleanup := func() { tmp.Close(); os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, r); err != nil {
		cleanup()
		return nil, nil, err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		cleanup()
		return nil, nil, err
	}
	return tmp, cleanup, nil
}

// Export writes every quad of the store to w as N-Quads and returns how
// many it wrote.
func (s *Store) Export(ctx context.Context, w io.Writer) (int, error) {
	r := cgraph.NewQuadStoreReader(s.qs)
	defer r.Close()
	enc := nquads.NewWriter(w)
	n := 0
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if err := enc.WriteQuad(q); err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		n++
	}
	if err := enc.Close(); err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

// CopyTo writes every quad of s into dst in batched transactions and
// returns how many were new there. It is how a store moves between
// backends (bolt → postgres).
func (s *Store) CopyTo(ctx context.Context, dst *Store) (int, error) {
	r := cgraph.NewQuadStoreReader(s.qs)
	defer r.Close()
	added := 0
	batch := make([]quad.Quad, 0, importBatch)
	flush := func() error {
		n, err := dst.AddQuads(ctx, batch)
		added += n
		batch = batch[:0]
		return err
	}
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return added, fmt.Errorf("copy: %w", err)
		}
		batch = append(batch, q)
		if len(batch) == importBatch {
			if err := flush(); err != nil {
				return added, err
			}
		}
	}
	if len(batch) > 0 {
		if err := flush(); err != nil {
			return added, err
		}
	}
	return added, nil
}
