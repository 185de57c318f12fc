package loaders

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error returned by this package for a bad input is
// an *Error that wraps one of these (or an I/O error such as
// fs.ErrNotExist); test for them with errors.Is.
var (
	// ErrEmpty means a document has no text left after cleaning: an empty
	// file, an HTML page with no article text, a JSONL record whose text
	// field is missing or blank.
	ErrEmpty = errors.New("no text after cleaning")

	// ErrBinary means the input is not text: it holds NUL bytes, many
	// control characters or the signature of a known binary format.
	ErrBinary = errors.New("binary data, not text")

	// ErrInvalidUTF8 means the input is neither valid UTF-8 nor in an
	// encoding the loader can recognise (a UTF-16 byte order mark, or an
	// HTML charset declaration). Error.Line gives the first bad line.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")

	// ErrTooLarge means a document is longer than Options.MaxDocumentBytes
	// or a JSONL line is longer than Options.MaxLineBytes. The loader stops
	// reading as soon as the limit is passed.
	ErrTooLarge = errors.New("too large")

	// ErrNoArticles means a directory or a JSONL batch holds no article at
	// all (no supported file, or only blank lines), or no path was given.
	ErrNoArticles = errors.New("no articles")

	// ErrSyntax means a structured input is malformed: a JSONL line that is
	// not a JSON object, or Markdown front matter that is not valid YAML.
	ErrSyntax = errors.New("syntax error")
)

// Error is the error of one input: a file, a directory, a JSONL line or
// standard input ("-"). It wraps a sentinel above or an I/O error.
type Error struct {
	// Path is the file or directory, or "-" for standard input.
	Path string
	// Line is the 1-based line of the problem; 0 when not known or not
	// relevant.
	Line int
	// Err is the underlying error.
	Err error
}

// Error formats the error as "load path:line: cause".
func (e *Error) Error() string {
	where := e.Path
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	if where == "" {
		return "load: " + e.Err.Error()
	}
	return "load " + where + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// checkUTF8 returns a *lineError wrapping ErrInvalidUTF8 when data is not
// valid UTF-8.
func checkUTF8(data []byte) error {
	if line := firstInvalidLine(data); line > 0 {
		return &lineError{line: line, err: ErrInvalidUTF8}
	}
	return nil
}

// lineError carries a line number out of a format parser; the caller turns
// it into an *Error with the document's path.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return e.err.Error() }
func (e *lineError) Unwrap() error { return e.err }
