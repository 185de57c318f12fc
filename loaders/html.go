package loaders

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// parseHTML reads an HTML page: metadata from <meta> tags, JSON-LD and
// <title>, and the main article text (see extractMain).
func parseHTML(data []byte) (Document, error) {
	if !utf8.Valid(data) {
		dec, ok := decodeDeclared(data)
		if !ok {
			return Document{}, checkUTF8(data)
		}
		data = dec
	}
	if htmlDepth(data) > maxHTMLDepth {
		// Pathologically deep nesting makes tree building quadratic; read
		// the text off the token stream instead.
		return Document{Text: cleanBody(flatHTMLText(data))}, nil
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Document{}, err
	}
	meta := collectMeta(root)
	body := findFirst(root, atom.Body)
	if body == nil {
		body = root
	}
	removeNonContent(body)
	st := computeStats(body)
	main := chooseMain(body, st)
	pruneBoilerplate(main, st, st[main].ptext)
	text := normalizeText(renderText(main))

	doc := Document{Source: meta.source, URL: meta.url, Published: meta.published}
	doc.Title = meta.title
	if doc.Title == "" {
		// <title> often carries the site name; the article's <h1> is the
		// clean headline when <title> contains it.
		var h1 string
		if n := findFirst(main, atom.H1); n != nil {
			h1 = normalizeField(nodeText(n))
		}
		switch {
		case h1 != "" && strings.Contains(strings.ToLower(meta.htmlTitle), strings.ToLower(h1)):
			doc.Title = h1
		case meta.htmlTitle != "":
			doc.Title = meta.htmlTitle
		default:
			doc.Title = h1
		}
	}
	if doc.Published.IsZero() {
		for n := range main.Descendants() {
			if n.Type == html.ElementNode && n.DataAtom == atom.Time {
				if t, ok := ParseDate(attr(n, "datetime")); ok {
					doc.Published = t
					break
				}
			}
		}
	}
	text = dropLeadingTitle(text, doc.Title)
	text = stripBoilerplate(text)
	// Pages whose markup defeats extraction often carry the article body in
	// JSON-LD; prefer it when it is clearly longer than what we found.
	if body := stripBoilerplate(normalizeText(meta.articleBody)); len(body) > 2*len(text) {
		text = body
	}
	doc.Text = text
	return doc, nil
}

// maxHTMLDepth is the element nesting beyond which a page is read as a flat
// token stream.
const maxHTMLDepth = 512

// decodeDeclared transcodes an HTML page from the character encoding it
// declares in a <meta> tag or an XML declaration, when that encoding is
// not UTF-8.
func decodeDeclared(data []byte) ([]byte, bool) {
	head := strings.ToLower(string(data[:min(len(data), 4096)]))
	var name string
	for _, key := range []string{"charset=", "encoding="} {
		i := strings.Index(head, key)
		if i < 0 {
			continue
		}
		v := strings.TrimLeft(head[i+len(key):], `"' `)
		end := strings.IndexFunc(v, func(r rune) bool {
			return !(r == '-' || r == '_' || r == '.' || r == ':' || unicode.IsLetter(r) || unicode.IsDigit(r))
		})
		if end < 0 {
			end = len(v)
		}
		name = v[:end]
		break
	}
	if name == "" {
		return nil, false
	}
	enc, canon := charset.Lookup(name)
	if enc == nil || canon == "utf-8" {
		return nil, false
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, false
	}
	return out, true
}

// optionalEnd lists elements whose end tag is commonly omitted; they do
// not count towards the nesting depth.
var optionalEnd = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Tr: true, atom.Td: true,
	atom.Th: true, atom.Option: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Colgroup: true, atom.Rt: true, atom.Rp: true, atom.Optgroup: true,
}

// htmlDepth estimates the maximum element nesting depth of a page from its
// tokens.
func htmlDepth(data []byte) int {
	z := html.NewTokenizer(bytes.NewReader(data))
	depth, maxDepth := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return maxDepth
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidElements[a] || optionalEnd[a] {
				continue
			}
			depth++
			maxDepth = max(maxDepth, depth)
		case html.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); !voidElements[a] && !optionalEnd[a] && depth > 0 {
				depth--
			}
		}
	}
}

var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// flatHTMLText reads the text of a page from its tokens, skipping the
// content of non-content elements and breaking paragraphs at block tags.
func flatHTMLText(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if nonContent[a] && !voidElements[a] {
				skip++
			}
			if blockTags[a] || a == atom.Br {
				b.WriteString("\n\n")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if nonContent[a] && !voidElements[a] && skip > 0 {
				skip--
			}
			if blockTags[a] {
				b.WriteString("\n\n")
			}
		}
	}
}

// Element helpers.

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// nodeText is the text of n with whitespace collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// dropLeadingTitle removes a first paragraph that repeats the title.
func dropLeadingTitle(text, title string) string {
	if title == "" {
		return text
	}
	first, rest, _ := strings.Cut(text, "\n\n")
	if strings.EqualFold(normalizeField(first), title) {
		return rest
	}
	return text
}
