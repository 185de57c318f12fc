package loaders

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Format is an input format.
type Format string

// Input formats. FormatAuto picks the format from the file extension, or
// sniffs the content when the extension says nothing (and for stdin).
const (
	FormatAuto     Format = ""
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSONL    Format = "jsonl"
)

// ParseFormat reads a format name as given on a command line: "auto" (or
// ""), "text" ("txt"), "markdown" ("md"), "html" ("htm") or "jsonl"
// ("ndjson").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return FormatAuto, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html", "htm":
		return FormatHTML, nil
	case "jsonl", "ndjson":
		return FormatJSONL, nil
	}
	return FormatAuto, fmt.Errorf("unknown format %q (want auto, text, markdown, html or jsonl)", s)
}

// formatByExt maps file extensions to formats. Only these files are read
// from directories.
var formatByExt = map[string]Format{
	".txt": FormatText, ".text": FormatText,
	".md": FormatMarkdown, ".markdown": FormatMarkdown, ".mdown": FormatMarkdown, ".mkd": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL,
}

// Default limits.
const (
	DefaultMaxDocumentBytes = 10 << 20
	DefaultMaxLineBytes     = 10 << 20
)

// Options control loading. The zero value is ready to use.
type Options struct {
	// Format forces the format of standard input and of files named
	// explicitly; FormatAuto (the default) uses the extension or sniffs.
	// Files found in directories always go by their extension.
	Format Format
	// MaxDocumentBytes bounds one text, Markdown or HTML document, and the
	// text of one JSONL record; 0 means DefaultMaxDocumentBytes.
	MaxDocumentBytes int
	// MaxLineBytes bounds one JSONL line; 0 means DefaultMaxLineBytes.
	MaxLineBytes int
}

func (o Options) withDefaults() Options {
	if o.MaxDocumentBytes <= 0 {
		o.MaxDocumentBytes = DefaultMaxDocumentBytes
	}
	if o.MaxLineBytes <= 0 {
		o.MaxLineBytes = DefaultMaxLineBytes
	}
	return o
}

// Walk loads the documents named by paths, in order, and calls fn for each
// one as soon as it is read. A path is a file, a directory (read
// recursively in lexical order, skipping hidden entries and files whose
// extension is not a supported format), or "-" for stdin. JSONL batches
// are streamed line by line, so memory stays bounded by the limits in
// opts whatever the size of the batch.
//
// Walk stops at the first error: a bad input gives an *Error (see the
// Err… sentinels), an error returned by fn is returned as it is, and a
// cancelled ctx gives ctx.Err(). Documents already passed to fn stay
// passed, so a caller that needs all-or-nothing collects first and acts
// once Walk has returned nil.
func Walk(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(Document) error) error {
	opts = opts.withDefaults()
	if len(paths) == 0 {
		return &Error{Err: ErrNoArticles}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if stdin == nil {
				return &Error{Path: "-", Err: errors.New("no standard input")}
			}
			if err := walkReader(ctx, "-", stdin, opts.Format, opts, fn); err != nil {
				return err
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return pathError(p, err)
		}
		if fi.IsDir() {
			err = walkDir(ctx, p, opts, fn)
		} else {
			f := opts.Format
			if f == FormatAuto {
				f = formatByExt[strings.ToLower(filepath.Ext(p))]
			}
			err = walkFile(ctx, p, fi, f, opts, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ReadFile loads the documents of one file or directory (see Walk).
func ReadFile(path string, opts Options) ([]Document, error) {
	var docs []Document
	err := Walk(context.Background(), []string{path}, nil, opts, func(d Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// Parse loads the documents held in data, read from a file called name
// (which gives Document.Path and, through its extension, the format when
// opts.Format is FormatAuto; "-" or an unknown extension sniffs the
// content). A JSONL batch gives one document per record; other formats one
// document.
func Parse(name string, data []byte, opts Options) ([]Document, error) {
	opts = opts.withDefaults()
	f := opts.Format
	if f == FormatAuto {
		f = formatByExt[strings.ToLower(filepath.Ext(name))]
	}
	if f == FormatAuto {
		f = sniff(data)
	}
	if f == FormatJSONL {
		var docs []Document
		err := walkJSONL(context.Background(), name, bomReader(bytes.NewReader(data)), opts, func(d Document) error {
			docs = append(docs, d)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return docs, nil
	}
	if len(data) > opts.MaxDocumentBytes {
		return nil, tooLarge(name, opts)
	}
	doc, err := parseDocument(name, data, f)
	if err != nil {
		return nil, err
	}
	return []Document{doc}, nil
}

// pathError wraps a file system error, dropping the *fs.PathError layer
// whose path the *Error already gives. errors.Is(err, fs.ErrNotExist)
// still holds.
func pathError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Err: err}
}

func tooLarge(name string, opts Options) error {
	return &Error{Path: name, Err: fmt.Errorf("%w: document longer than %d bytes", ErrTooLarge, opts.MaxDocumentBytes)}
}

// walkDir loads the supported files under root in lexical order.
func walkDir(ctx context.Context, root string, opts Options, fn func(Document) error) error {
	count := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return pathError(path, err)
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f, ok := formatByExt[strings.ToLower(filepath.Ext(path))]
		if !ok {
			return nil
		}
		fi, err := os.Stat(path) // follows symbolic links to files
		if err != nil {
			return pathError(path, err)
		}
		if !fi.Mode().IsRegular() {
			return nil
		}
		count++
		return walkFile(ctx, path, fi, f, opts, fn)
	})
	if err != nil {
		return err
	}
	if count == 0 {
		return &Error{Path: root, Err: ErrNoArticles}
	}
	return nil
}

// walkFile loads one file in format f (FormatAuto sniffs).
func walkFile(ctx context.Context, path string, fi fs.FileInfo, f Format, opts Options, fn func(Document) error) error {
	if f != FormatJSONL && f != FormatAuto && fi.Size() > int64(opts.MaxDocumentBytes) {
		return tooLarge(path, opts)
	}
	file, err := os.Open(path)
	if err != nil {
		return pathError(path, err)
	}
	defer file.Close()
	return walkReader(ctx, path, file, f, opts, fn)
}

// walkReader loads the documents of one stream in format f (FormatAuto
// sniffs the first bytes).
func walkReader(ctx context.Context, name string, r io.Reader, f Format, opts Options, fn func(Document) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if f == FormatAuto {
		head, err := br.Peek(4096)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return pathError(name, err)
		}
		f = sniff(head)
	}
	if f == FormatJSONL {
		return walkJSONL(ctx, name, bomReader(br), opts, fn)
	}
	data, err := io.ReadAll(io.LimitReader(br, int64(opts.MaxDocumentBytes)+1))
	if err != nil {
		return pathError(name, err)
	}
	if len(data) > opts.MaxDocumentBytes {
		return tooLarge(name, opts)
	}
	doc, err := parseDocument(name, data, f)
	if err != nil {
		return err
	}
	return fn(doc)
}

// bomReader transcodes a UTF-16 stream that starts with a byte order mark
// and removes a UTF-8 byte order mark; other bytes pass unchanged.
func bomReader(r io.Reader) *bufio.Reader {
	return bufio.NewReaderSize(transform.NewReader(r, xunicode.BOMOverride(transform.Nop)), 64<<10)
}

// parseDocument parses one text, Markdown or HTML document.
func parseDocument(name string, data []byte, f Format) (Document, error) {
	data, err := decodeText(data)
	if err != nil {
		return Document{}, &Error{Path: name, Err: err}
	}
	var doc Document
	switch f {
	case FormatHTML:
		doc, err = parseHTML(data)
	case FormatMarkdown:
		doc, err = parseMarkdown(data)
	default:
		doc, err = parseText(data)
	}
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return Document{}, &Error{Path: name, Line: le.line, Err: le.err}
		}
		return Document{}, &Error{Path: name, Err: err}
	}
	if doc.Text == "" {
		return Document{}, &Error{Path: name, Err: ErrEmpty}
	}
	doc.Path = name
	return doc, nil
}

// sniff guesses the format of a stream from its first bytes: JSONL when the
// first non-space byte is '{', HTML when it opens with markup, Markdown
// when it opens with YAML front matter, else plain text.
func sniff(head []byte) Format {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(head, []byte("---\n")) || bytes.HasPrefix(head, []byte("---\r\n")) {
		if _, fm, _, _ := splitFrontMatter(head); fm != nil {
			return FormatMarkdown
		}
	}
	t := bytes.TrimLeft(head, " \t\r\n\f")
	if len(t) == 0 {
		return FormatText
	}
	if t[0] == '{' {
		return FormatJSONL
	}
	if t[0] == '<' && len(t) > 1 {
		c := t[1]
		if c == '!' || c == '?' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return FormatHTML
		}
	}
	return FormatText
}
