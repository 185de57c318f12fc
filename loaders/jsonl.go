package loaders

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// JSONL field names, lower-cased, in order of preference.
var (
	jsonTitle     = []string{"title", "headline"}
	jsonText      = []string{"text", "body", "content", "maintext", "articlebody", "article_body", "article", "story"}
	jsonHTML      = []string{"html", "raw_html", "content_html", "body_html"}
	jsonURL       = []string{"url", "link", "canonical_url", "source_url", "permalink"}
	jsonPublished = []string{"published", "date", "datepublished", "date_published", "date_publish", "published_at", "publish_date", "pubdate", "publication_date", "timestamp", "created_at"}
	jsonSource    = []string{"source", "publisher", "source_name", "site", "site_name", "outlet", "publication", "source_domain"}
)

// walkJSONL streams a JSONL batch: one JSON object per line, blank lines
// skipped. Each object becomes a Document whose Path is "name:line". The
// first bad line stops the walk with an *Error giving its line.
func walkJSONL(ctx context.Context, name string, r io.Reader, opts Options, fn func(Document) error) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	var buf []byte
	count := 0
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, err := readLine(br, buf[:0], opts.MaxLineBytes)
		buf = line
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return &Error{Path: name, Line: lineNo, Err: fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, opts.MaxLineBytes)}
			}
			return &Error{Path: name, Line: lineNo, Err: err}
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		doc, err := parseJSONLine(line, opts)
		if err != nil {
			return &Error{Path: name, Line: lineNo, Err: err}
		}
		doc.Path = name + ":" + strconv.Itoa(lineNo)
		count++
		if err := fn(doc); err != nil {
			return err
		}
	}
	if count == 0 {
		return &Error{Path: name, Err: ErrNoArticles}
	}
	return nil
}

// readLine reads one line into buf, without its line ending. It fails with
// ErrTooLarge as soon as the line passes max bytes, without reading the
// rest of it. It returns io.EOF only when no byte is left.
func readLine(br *bufio.Reader, buf []byte, max int) ([]byte, error) {
	for {
		frag, err := br.ReadSlice('\n')
		buf = append(buf, frag...)
		switch err {
		case nil, io.EOF:
			if err == io.EOF && len(buf) == 0 {
				return buf, io.EOF
			}
			buf = bytes.TrimSuffix(buf, []byte("\n"))
			buf = bytes.TrimSuffix(buf, []byte("\r"))
			if len(buf) > max {
				return buf, ErrTooLarge
			}
			return buf, nil
		case bufio.ErrBufferFull:
			// Allow one more byte for a "\r" before the "\n".
			if len(buf) > max+1 {
				return buf, ErrTooLarge
			}
		default:
			return buf, err
		}
	}
}

// parseJSONLine decodes one JSONL record.
func parseJSONLine(line []byte, opts Options) (Document, error) {
	if bytes.IndexByte(line, 0) >= 0 {
		return Document{}, ErrBinary
	}
	if !utf8.Valid(line) {
		return Document{}, ErrInvalidUTF8
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return Document{}, fmt.Errorf("%w: not a JSON object", ErrSyntax)
		}
		return Document{}, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	if raw == nil {
		return Document{}, fmt.Errorf("%w: not a JSON object", ErrSyntax)
	}
	fields := make(map[string]json.RawMessage, len(raw))
	for k, v := range raw {
		lk := strings.ToLower(k)
		if _, dup := fields[lk]; !dup || k == lk {
			fields[lk] = v
		}
	}
	str := func(keys []string) string {
		for _, k := range keys {
			if s := normalizeField(jsonString(fields[k])); s != "" {
				return s
			}
		}
		return ""
	}
	var doc Document
	doc.Title = str(jsonTitle)
	doc.URL = str(jsonURL)
	doc.Source = str(jsonSource)
	for _, k := range jsonPublished {
		if t, ok := jsonDate(fields[k]); ok {
			doc.Published = t
			break
		}
	}
	var text string
	for _, k := range jsonText {
		if text = jsonTextField(fields[k]); strings.TrimSpace(text) != "" {
			break
		}
	}
	if len(text) > opts.MaxDocumentBytes {
		return Document{}, fmt.Errorf("%w: text longer than %d bytes", ErrTooLarge, opts.MaxDocumentBytes)
	}
	switch {
	case strings.TrimSpace(text) != "" && !looksLikeHTMLBody(text):
		doc.Text = cleanBody(text)
	default:
		if strings.TrimSpace(text) == "" {
			for _, k := range jsonHTML {
				if text = jsonString(fields[k]); strings.TrimSpace(text) != "" {
					break
				}
			}
		}
		if strings.TrimSpace(text) != "" {
			h, err := parseHTML([]byte(text))
			if err != nil {
				return Document{}, err
			}
			doc.Text = h.Text
			if doc.Title == "" {
				doc.Title = h.Title
			}
			if doc.Source == "" {
				doc.Source = h.Source
			}
			if doc.URL == "" {
				doc.URL = h.URL
			}
			if doc.Published.IsZero() {
				doc.Published = h.Published
			}
		}
	}
	if doc.Text == "" {
		return Document{}, ErrEmpty
	}
	return doc, nil
}

// looksLikeHTMLBody reports whether a text field holds HTML markup rather
// than plain text.
func looksLikeHTMLBody(s string) bool {
	l := strings.ToLower(s[:min(len(s), 4096)])
	return strings.Contains(l, "</p>") || strings.Contains(l, "<p>") || strings.Contains(l, "<br") ||
		strings.Contains(l, "</div>") || strings.HasPrefix(strings.TrimSpace(l), "<!doctype html") ||
		strings.HasPrefix(strings.TrimSpace(l), "<html")
}

// jsonString reads a JSON string, the "name" of an object, or the first
// string of an array; other values give "".
func jsonString(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return ""
	}
	return ldName(v)
}

// jsonTextField reads a text field: a string, or an array of strings (one per
// paragraph) joined by blank lines.
func jsonTextField(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return jsonString(raw)
	}
	var parts []any
	if err := json.Unmarshal(raw, &parts); err != nil {
		return ""
	}
	var paras []string
	for _, p := range parts {
		if s, ok := p.(string); ok {
			paras = append(paras, s)
		}
	}
	return strings.Join(paras, "\n\n")
}

// jsonDate reads a date string or a Unix timestamp number.
func jsonDate(raw json.RawMessage) (time.Time, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, false
	}
	if raw[0] >= '0' && raw[0] <= '9' {
		var f float64
		if err := json.Unmarshal(raw, &f); err == nil && f >= 1e8 && f < 1e14 {
			if f >= 1e11 {
				return time.UnixMilli(int64(f)).UTC(), true
			}
			return time.Unix(int64(f), 0).UTC(), true
		}
		return time.Time{}, false
	}
	return ParseDate(jsonString(raw))
}
