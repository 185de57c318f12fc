package loaders

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseMarkdown reads a Markdown article: YAML front matter gives the
// metadata, the body is turned into plain text (see markdownToText), and a
// leading level-1 heading becomes the title when the front matter has none.
func parseMarkdown(data []byte) (Document, error) {
	if err := checkUTF8(data); err != nil {
		return Document{}, err
	}
	var doc Document
	body, fm, bodyLine, err := splitFrontMatter(data)
	if err != nil {
		return Document{}, err
	}
	if fm != nil {
		if err := applyFrontMatter(&doc, fm, bodyLine); err != nil {
			return Document{}, err
		}
	}
	text, h1 := markdownToText(string(body))
	if h1 != "" {
		if doc.Title == "" {
			doc.Title = normalizeField(h1)
		} else if !strings.EqualFold(normalizeField(h1), doc.Title) {
			text = h1 + "\n\n" + text
		}
	}
	doc.Text = cleanBody(text)
	return doc, nil
}

var yamlKeyLine = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_ .-]*:(\s|$)`)

// splitFrontMatter separates YAML front matter ("---" line, YAML, "---" or
// "..." line) from the body. It returns the front matter bytes (nil when
// there is none) and the 1-based line where the front matter's YAML starts.
// A leading "---" followed by text that does not look like YAML is a
// Markdown thematic break, not front matter.
func splitFrontMatter(data []byte) (body, fm []byte, fmLine int, err error) {
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return data, nil, 0, nil
	}
	// Find the closing delimiter.
	off := 0
	for off <= len(rest) {
		line, _, _ := bytes.Cut(rest[off:], []byte("\n"))
		t := string(bytes.TrimRight(line, " \t\r"))
		if t == "---" || t == "..." {
			fm = rest[:off]
			body = rest[min(len(rest), off+len(line)+1):]
			break
		}
		if off+len(line) >= len(rest) {
			return data, nil, 0, nil // no closing line
		}
		off += len(line) + 1
	}
	if fm == nil {
		return data, nil, 0, nil
	}
	// The first meaningful line must be a "key:" line.
	for _, l := range strings.Split(string(fm), "\n") {
		l = strings.TrimRight(l, " \t\r")
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !yamlKeyLine.MatchString(l) {
			return data, nil, 0, nil
		}
		break
	}
	return body, fm, 2, nil
}

// Front matter keys, lower-cased, by the Document field they fill.
var (
	fmTitle  = []string{"title", "headline", "name"}
	fmDate   = []string{"date", "published", "publish_date", "publishdate", "published_at", "pubdate", "date_published", "datepublished", "published_time", "created", "created_at"}
	fmSource = []string{"source", "publisher", "site", "site_name", "sitename", "outlet", "publication", "source_name"}
	fmURL    = []string{"url", "link", "canonical", "canonical_url", "canonicalurl", "permalink", "source_url"}
)

var yamlLine = regexp.MustCompile(`line (\d+)`)

// applyFrontMatter decodes the YAML front matter into doc's metadata.
func applyFrontMatter(doc *Document, fm []byte, firstLine int) error {
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		line, msg := firstLine, err.Error()
		if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
			if n, _ := strconv.Atoi(msg[m[2]:m[3]]); n > 0 {
				line = firstLine + n - 1
			}
			msg = strings.TrimPrefix(msg[m[1]:], ": ")
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		return &lineError{line: line, err: fmt.Errorf("%w: front matter: %s", ErrSyntax, msg)}
	}
	if len(root.Content) == 0 {
		return nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return &lineError{line: firstLine, err: fmt.Errorf("%w: front matter is not a mapping", ErrSyntax)}
	}
	values := map[string]string{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := strings.ToLower(strings.TrimSpace(m.Content[i].Value))
		if _, dup := values[k]; !dup {
			values[k] = yamlString(m.Content[i+1])
		}
	}
	pick := func(keys []string) string {
		for _, k := range keys {
			if v := normalizeField(values[k]); v != "" {
				return v
			}
		}
		return ""
	}
	doc.Title = pick(fmTitle)
	doc.Source = pick(fmSource)
	doc.URL = pick(fmURL)
	for _, k := range fmDate {
		if t, ok := ParseDate(values[k]); ok {
			doc.Published = t
			break
		}
	}
	return nil
}

// yamlString returns a scalar's text, the "name" of a mapping, or the first
// scalar of a sequence.
func yamlString(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Value
	case yaml.AliasNode:
		if n.Alias != nil && n.Alias.Kind == yaml.ScalarNode {
			return n.Alias.Value
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if strings.EqualFold(n.Content[i].Value, "name") {
				return yamlString(n.Content[i+1])
			}
		}
	case yaml.SequenceNode:
		if len(n.Content) > 0 {
			return yamlString(n.Content[0])
		}
	}
	return ""
}

var (
	mdATX        = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdFence      = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	mdThematic   = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdSetext     = regexp.MustCompile(`^ {0,3}(?:=+|-+)[ \t]*$`)
	mdList       = regexp.MustCompile(`^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+`)
	mdRefDef     = regexp.MustCompile(`^ {0,3}\[([^\]]+)\]:[ \t]*\S`)
	mdTableSep   = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	mdBlockquote = regexp.MustCompile(`^ {0,3}>[ ]?`)
	mdTaskBox    = regexp.MustCompile(`^\[[ xX]\][ \t]+`)
)

// markdownToText turns a Markdown body into plain text: paragraphs joined
// into single lines and separated by blank lines, list items and table rows
// on lines of their own, heading markers, emphasis, inline code marks and
// HTML tags removed, links replaced by their text, images, footnote marks,
// link reference definitions and fenced code blocks dropped. It also
// returns the text of a level-1 heading that opens the document, which is
// not included in the text.
func markdownToText(src string) (text, h1 string) {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	lines := strings.Split(src, "\n")
	refs := map[string]bool{}
	for _, l := range lines {
		if m := mdRefDef.FindStringSubmatch(l); m != nil {
			refs[strings.ToLower(m[1])] = true
		}
	}
	var out strings.Builder
	// para holds the current paragraph: its output lines, each a list of
	// source lines to be joined with spaces.
	var para [][]string
	flush := func() {
		if len(para) > 0 {
			if out.Len() > 0 {
				out.WriteString("\n\n")
			}
			for i, l := range para {
				if i > 0 {
					out.WriteByte('\n')
				}
				out.WriteString(strings.Join(l, " "))
			}
			para = para[:0]
		}
	}
	addLine := func(s string, newLine bool) {
		if s == "" {
			return
		}
		if len(para) > 0 && !newLine {
			para[len(para)-1] = append(para[len(para)-1], s)
			return
		}
		para = append(para, []string{s})
	}
	var fence string // the open fence marker, "" outside code blocks
	inComment := false
	seenContent := false
	titleTaken := false // a heading or paragraph has opened the document
	hardBreak := false
	listItem := false
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t")
		raw := lines[i]
		if fence != "" {
			t := strings.TrimLeft(line, " ")
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		hadComment := inComment
		if inComment {
			if j := strings.Index(line, "-->"); j >= 0 {
				inComment = false
				line = line[j+3:]
			} else {
				continue
			}
		}
		if j := strings.Index(line, "<!--"); j >= 0 && !strings.Contains(line[j:], "-->") {
			inComment, hadComment = true, true
			line = line[:j]
		}
		if hadComment && strings.TrimSpace(line) == "" {
			continue
		}
		// Block quotes: strip the markers and read the rest as a line.
		for mdBlockquote.MatchString(line) {
			line = mdBlockquote.ReplaceAllString(line, "")
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
			hardBreak, listItem = false, false
			continue
		case mdFence.MatchString(line):
			flush()
			m := mdFence.FindStringSubmatch(line)
			fence = m[1]
			continue
		case mdRefDef.MatchString(line):
			continue
		case mdSetext.MatchString(line) && len(para) > 0 && !listItem:
			// The paragraph above is a heading; a level-1 heading that
			// opens the document is the title.
			if trimmed[0] == '=' && h1 == "" && out.Len() == 0 && !titleTaken {
				var parts []string
				for _, l := range para {
					parts = append(parts, l...)
				}
				h1 = strings.Join(parts, " ")
				para = para[:0]
			}
			titleTaken = true
			flush()
			continue
		case mdThematic.MatchString(line):
			flush()
			continue
		case mdTableSep.MatchString(line) && strings.Contains(line, "|"):
			continue
		}
		if m := mdATX.FindStringSubmatch(line); m != nil {
			flush()
			h := inlineText(m[2], refs)
			if len(m[1]) == 1 && !seenContent && h1 == "" && !titleTaken {
				h1 = h
			} else {
				addLine(h, true)
				flush()
			}
			seenContent = true
			continue
		}
		seenContent = true
		newLine := hardBreak
		if loc := mdList.FindStringIndex(line); loc != nil {
			line = line[loc[1]:]
			line = mdTaskBox.ReplaceAllString(line, "")
			newLine, listItem = true, true
		} else if strings.HasPrefix(trimmed, "|") && strings.Count(trimmed, "|") >= 2 {
			cells := strings.Split(strings.Trim(trimmed, "|"), "|")
			for k := range cells {
				cells[k] = strings.TrimSpace(cells[k])
			}
			line = strings.Join(cells, " ")
			newLine = true
		}
		hardBreak = strings.HasSuffix(raw, "  ") || strings.HasSuffix(line, "\\")
		line = strings.TrimSuffix(strings.TrimSpace(line), "\\")
		addLine(inlineText(line, refs), newLine)
	}
	flush()
	return out.String(), h1
}

// inlineText strips Markdown inline syntax from one line.
func inlineText(s string, refs map[string]bool) string {
	var b strings.Builder
	b.Grow(len(s))
	writeInline(&b, s, refs, 0)
	return strings.TrimSpace(b.String())
}

// maxInlineDepth bounds recursion into nested link texts.
const maxInlineDepth = 8

func writeInline(b *strings.Builder, s string, refs map[string]bool, depth int) {
	// lastCloser[c] is the start of the last run of c that can close
	// emphasis; an opening run is dropped only when a closer follows it.
	var lastCloser [3]int
	open := [3]int{}
	slot := func(c byte) int { return strings.IndexByte("*_~", c) }
	for k := range lastCloser {
		lastCloser[k] = -1
	}
	for i := 0; i < len(s); {
		c := s[i]
		if k := slot(c); k >= 0 {
			n := runLen(s, i, c)
			if _, right := flanking(s, i, n, c); right {
				lastCloser[k] = i
			}
			i += n
			continue
		}
		i++
	}
	closeAt := matchBrackets(s)
	var noCloser map[int]bool // code span run lengths with no closer left
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '`':
			n := runLen(s, i, '`')
			j := -1
			if !noCloser[n] {
				j = strings.Index(s[i+n:], s[i:i+n])
				if j < 0 || runLen(s, i+n+j, '`') != n {
					if noCloser == nil {
						noCloser = map[int]bool{}
					}
					noCloser[n], j = true, -1
				}
			}
			if j >= 0 {
				code := s[i+n : i+n+j]
				if strings.TrimSpace(code) != "" {
					code = strings.TrimSpace(code)
				}
				b.WriteString(code)
				i += n + j + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if _, end, ok := parseLink(s, i+1, closeAt, refs); ok {
					i = end // images are dropped
					continue
				}
			}
		case '[':
			if i+1 < len(s) && s[i+1] == '^' {
				if j, ok := closeAt[i]; ok && !strings.ContainsAny(s[i:j], " \t") {
					i = j + 1 // footnote reference
					continue
				}
			}
			if label, end, ok := parseLink(s, i, closeAt, refs); ok {
				if depth < maxInlineDepth {
					writeInline(b, label, refs, depth+1)
				} else {
					b.WriteString(label)
				}
				i = end
				continue
			}
		case '<':
			if end, text, ok := parseAngle(s, i); ok {
				b.WriteString(text)
				i = end
				continue
			}
		case '*', '_', '~':
			n := runLen(s, i, c)
			k := slot(c)
			left, right := flanking(s, i, n, c)
			if c != '~' || n >= 2 {
				switch {
				case right && open[k] > 0:
					open[k]--
					i += n
					continue
				case left && lastCloser[k] > i:
					open[k]++
					i += n
					continue
				}
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
}

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}

func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// flanking reports whether the run s[i:i+n] of c can open (left-flanking)
// or close (right-flanking) emphasis in CommonMark's sense; "_" inside a
// word does neither, so snake_case stays.
func flanking(s string, i, n int, c byte) (left, right bool) {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+n:])
	if i == 0 {
		before = ' '
	}
	if i+n >= len(s) {
		after = ' '
	}
	ws := func(r rune) bool { return unicode.IsSpace(r) }
	pu := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
	left = !ws(after) && (!pu(after) || ws(before) || pu(before))
	right = !ws(before) && (!pu(before) || ws(after) || pu(after))
	if c == '_' {
		alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
		if alnum(before) && alnum(after) {
			return false, false
		}
	}
	return left, right
}

// matchBrackets maps each '[' and '(' of s to the index of its matching
// ']' or ')', in one pass; backslash escapes are skipped.
func matchBrackets(s string) map[int]int {
	var m map[int]int
	var brackets, parens []int
	match := func(stack *[]int, i int) {
		if n := len(*stack); n > 0 {
			if m == nil {
				m = map[int]int{}
			}
			m[(*stack)[n-1]] = i
			*stack = (*stack)[:n-1]
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '[':
			brackets = append(brackets, i)
		case ']':
			match(&brackets, i)
		case '(':
			parens = append(parens, i)
		case ')':
			match(&parens, i)
		}
	}
	return m
}

// parseLink parses "[text](dest)", "[text][ref]", "[text][]" or, when ref
// is defined, "[text]" starting at s[i] == '['; closeAt gives matching
// brackets and parentheses. It returns the link text and the index after the link.
func parseLink(s string, i int, closeAt map[int]int, refs map[string]bool) (label string, end int, ok bool) {
	j, found := closeAt[i]
	if !found {
		return "", 0, false
	}
	label = s[i+1 : j]
	k := j + 1
	if k < len(s) && s[k] == '(' {
		if m, ok := closeAt[k]; ok {
			return label, m + 1, true
		}
		return "", 0, false
	}
	if k < len(s) && s[k] == '[' {
		if m, ok := closeAt[k]; ok {
			ref := s[k+1 : m]
			if ref == "" {
				ref = label
			}
			if refs[strings.ToLower(ref)] {
				return label, m + 1, true
			}
		}
	}
	if refs[strings.ToLower(label)] {
		return label, k, true
	}
	return "", 0, false
}

var mdTag = regexp.MustCompile(`^<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--)>`)
var mdAutolink = regexp.MustCompile(`^<((?:https?|ftp|mailto):[^\s<>]*)>`)

// parseAngle recognises an autolink (kept as its address) or an inline HTML
// tag or comment (dropped) at s[i] == '<'.
func parseAngle(s string, i int) (end int, text string, ok bool) {
	if m := mdAutolink.FindStringSubmatch(s[i:]); m != nil {
		return i + len(m[0]), strings.TrimPrefix(m[1], "mailto:"), true
	}
	if m := mdTag.FindString(s[i:]); m != "" {
		if strings.HasPrefix(strings.ToLower(m), "<br") {
			return i + len(m), " ", true
		}
		return i + len(m), "", true
	}
	return 0, "", false
}
