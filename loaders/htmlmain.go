package loaders

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Main-content extraction for HTML pages. The steps, in order:
//
//  1. removeNonContent drops elements that never hold article text
//     (scripts, styles, form controls, media, navigation, asides,
//     footers).
//  2. computeStats measures every element: its text, the part of it inside
//     links, and its "paragraph text" (text of <p>, <pre> and loose text
//     blocks that are not mostly links).
//  3. chooseMain picks the article container: itemprop=articleBody, the
//     <article>, the <main> or role=main element, an element with a
//     content class, or else the best-scoring paragraph parent joined with
//     its content-like siblings.
//  4. pruneBoilerplate drops from it hidden elements, navigation roles,
//     blocks whose class or id hints at page furniture (related, most read,
//     share, newsletter, comments, players …), teaser card lists,
//     link-dense blocks and boilerplate headings with their link lists.
//  5. renderText writes the text with a blank line between blocks.

// nonContent elements are removed wherever they are.
var nonContent = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true,
	atom.Canvas: true, atom.Button: true, atom.Input: true, atom.Select: true,
	atom.Textarea: true, atom.Img: true, atom.Picture: true, atom.Video: true,
	atom.Audio: true, atom.Source: true, atom.Track: true, atom.Map: true,
	atom.Figure: true, atom.Figcaption: true, atom.Link: true, atom.Meta: true,
	atom.Head: true, atom.Title: true, atom.Dialog: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Menu: true, atom.Label: true, atom.Datalist: true, atom.Output: true,
}

// blockTags start and end a paragraph in the rendered text.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Ul: true, atom.Caption: true, atom.Body: true, atom.Html: true,
	atom.Legend: true, atom.Option: true,
}

// removeNonContent removes nonContent elements and comments under n.
func removeNonContent(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode, c.Type == html.ElementNode && nonContent[c.DataAtom]:
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			removeNonContent(c)
		}
		c = next
	}
}

// nodeStats measures an element's text in non-space runes.
type nodeStats struct {
	text  int // all text
	link  int // text inside <a>
	ptext int // paragraph text: <p>, <pre> and loose text, minus links
}

// computeStats measures n and every element under it.
func computeStats(n *html.Node) map[*html.Node]nodeStats {
	st := map[*html.Node]nodeStats{}
	measure(n, false, st)
	return st
}

func measure(n *html.Node, inLink bool, st map[*html.Node]nodeStats) nodeStats {
	var s nodeStats
	loose := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			k := countText(c.Data)
			s.text += k
			if inLink {
				s.link += k
			} else {
				loose += k
			}
		case html.ElementNode:
			cs := measure(c, inLink || c.DataAtom == atom.A, st)
			s.text += cs.text
			s.link += cs.link
			s.ptext += cs.ptext
		}
	}
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.P, atom.Pre:
			if s.link*2 <= s.text {
				s.ptext = s.text - s.link
			} else {
				s.ptext = 0
			}
		case atom.Div, atom.Article, atom.Section, atom.Main, atom.Td, atom.Dd, atom.Blockquote, atom.Body:
			if loose >= 20 {
				s.ptext += loose
			}
		}
		st[n] = s
	}
	return s
}

// countText counts the non-space runes of s.
func countText(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// contentHints are class and id fragments of article containers.
var contentHints = []string{
	"articlebody", "article-body", "article__body", "article_body", "story-body", "storybody",
	"story__body", "entry-content", "post-content", "article-content", "article__content",
	"story-content", "article-text", "body-text", "post-body", "main-text", "article-main",
}

// chooseMain picks the element that holds the article text.
func chooseMain(body *html.Node, st map[*html.Node]nodeStats) *html.Node {
	total := st[body].ptext
	if total == 0 {
		return body
	}
	best := func(match func(*html.Node) bool, share float64) *html.Node {
		var b *html.Node
		for d := range body.Descendants() {
			if d.Type == html.ElementNode && match(d) && (b == nil || st[d].ptext > st[b].ptext) {
				b = d
			}
		}
		if b != nil && float64(st[b].ptext) >= share*float64(total) {
			return b
		}
		return nil
	}
	if b := best(func(n *html.Node) bool { return strings.EqualFold(attr(n, "itemprop"), "articleBody") }, 0.2); b != nil {
		return b
	}
	if b := best(func(n *html.Node) bool { return n.DataAtom == atom.Article }, 0.4); b != nil {
		return b
	}
	if b := best(func(n *html.Node) bool {
		return n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	}, 0.4); b != nil {
		return b
	}
	if b := best(func(n *html.Node) bool {
		h := hintText(n)
		for _, c := range contentHints {
			if strings.Contains(h, c) {
				return true
			}
		}
		return false
	}, 0.4); b != nil {
		return b
	}
	if scored := bestScored(body, st); scored != nil {
		return scored
	}
	return body
}

// bestScored scores the parents (fully) and grandparents (half) of
// paragraphs by their paragraph text, discounted by link density and
// adjusted by class hints, and returns the best, joined with its
// content-like siblings.
func bestScored(body *html.Node, st map[*html.Node]nodeStats) *html.Node {
	score := map[*html.Node]float64{}
	for d := range body.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		var own int
		switch d.DataAtom {
		case atom.P, atom.Pre:
			own = st[d].ptext
			if p := d.Parent; p != nil {
				score[p] += float64(own)
				if g := p.Parent; g != nil {
					score[g] += float64(own) / 2
				}
			}
		}
	}
	var bestNode *html.Node
	bestScore := 0.0
	for n, s := range score {
		ns := st[n]
		if ns.text > 0 {
			s *= 1 - float64(ns.link)/float64(ns.text)
		}
		h := hintText(n)
		switch {
		case isStrongNegative(h):
			s *= 0.5
		case hasPositive(h):
			s *= 1.25
		}
		if s > bestScore || (s == bestScore && bestNode != nil && st[n].ptext > st[bestNode].ptext) {
			bestNode, bestScore = n, s
		}
	}
	if bestNode == nil {
		return nil
	}
	return joinSiblings(bestNode, body, score, bestScore, st)
}

// joinSiblings widens the chosen container to its parent when article text
// continues in sibling elements (pages that split the body into several
// blocks): siblings scoring at least a fifth of the best, and long
// paragraphs that are not mostly links, are kept; other siblings are
// removed from the parent, which becomes the container.
func joinSiblings(best, body *html.Node, score map[*html.Node]float64, bestScore float64, st map[*html.Node]nodeStats) *html.Node {
	parent := best.Parent
	if best == body || parent == nil {
		return best
	}
	keep := func(n *html.Node) bool {
		if n == best {
			return true
		}
		if n.Type == html.TextNode {
			return countText(n.Data) >= 80
		}
		if n.Type != html.ElementNode {
			return false
		}
		if hintText(n) != "" && hintText(n) == hintText(best) {
			return true
		}
		if score[n] >= bestScore/5 && score[n] > 0 {
			return true
		}
		s := st[n]
		return n.DataAtom == atom.P && s.text >= 80 && s.link*4 < s.text
	}
	joined := false
	for c := parent.FirstChild; c != nil; c = c.NextSibling {
		if c != best && keep(c) {
			joined = true
		}
	}
	if !joined {
		return best
	}
	for c := parent.FirstChild; c != nil; {
		next := c.NextSibling
		if !keep(c) {
			parent.RemoveChild(c)
		}
		c = next
	}
	return parent
}

// hintText is an element's class and id, lower-cased.
func hintText(n *html.Node) string {
	c, id := attr(n, "class"), attr(n, "id")
	if c == "" && id == "" {
		return ""
	}
	return strings.ToLower(c + " " + id)
}

// Class and id fragments of page furniture. Strong hints remove a block
// unless it holds most of the article's text; weak hints only when the
// block holds little of it and has no content hint.
var (
	strongNegSub = []string{
		"related", "mostread", "most-read", "most_read", "mostpopular", "most-popular",
		"most-viewed", "mostviewed", "most-commented", "mostcommented", "newsletter",
		"outbrain", "taboola", "breadcrumb", "comment", "recommend", "trending", "sponsor",
		"subscribe", "signup", "sign-up", "paywall", "social", "sharing", "share-", "-share",
		"_share", "share_", "sharebar", "cookie", "consent", "promo", "advert", "read-more",
		"readmore", "more-stories", "also-read", "more-from", "tag-list", "taglist",
	}
	strongNegTok = setOf("share", "shares", "ad", "ads", "adv", "tags", "tag", "popular", "topics")
	weakNegSub   = []string{
		"sidebar", "footer", "masthead", "header", "navbar", "menu", "widget", "banner",
		"popup", "modal", "toolbar", "pagination", "pager", "caption", "credit", "skip",
		"hidden", "author-bio", "authorbio", "about-author", "disclaimer", "print",
		"player", "vjs", "tooltip", "slider", "carousel", "overlay", "dropdown", "lightbox",
	}
	weakNegTok   = setOf("nav", "aside", "tools", "extra", "meta", "rail", "sr-only", "visually-hidden")
	positiveSub  = []string{"article", "body", "content", "story", "entry", "post", "text", "main", "blog", "prose"}
	negExceptSub = []string{"commentary", "comment-is-free"}
)

func hintTokens(h string) []string {
	return strings.FieldsFunc(h, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
}

func isStrongNegative(h string) bool {
	if h == "" {
		return false
	}
	for _, e := range negExceptSub {
		h = strings.ReplaceAll(h, e, "")
	}
	for _, s := range strongNegSub {
		if strings.Contains(h, s) {
			return true
		}
	}
	for _, t := range hintTokens(h) {
		for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '_' }) {
			if strongNegTok[part] {
				return true
			}
		}
	}
	return false
}

func isWeakNegative(h string) bool {
	if h == "" {
		return false
	}
	for _, s := range weakNegSub {
		if strings.Contains(h, s) {
			return true
		}
	}
	for _, t := range hintTokens(h) {
		if weakNegTok[t] {
			return true
		}
		for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '_' }) {
			if weakNegTok[part] {
				return true
			}
		}
	}
	return false
}

func hasPositive(h string) bool {
	for _, s := range positiveSub {
		if strings.Contains(h, s) {
			return true
		}
	}
	return false
}

// junkRoles are ARIA roles of page furniture.
var junkRoles = setOf("navigation", "banner", "contentinfo", "complementary", "search",
	"menu", "menubar", "dialog", "alertdialog", "toolbar", "tablist", "form", "tooltip",
	"button", "slider", "progressbar", "menuitem", "menuitemradio", "menuitemcheckbox",
	"listbox", "option", "tab", "timer", "marquee", "status")

// pruneBoilerplate removes page furniture under n. rootP is the paragraph
// text of the article container, which hint-based removal must not lose.
func pruneBoilerplate(n *html.Node, st map[*html.Node]nodeStats, rootP int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode {
			n.RemoveChild(c)
			c = next
			continue
		}
		if c.Type != html.ElementNode {
			c = next
			continue
		}
		if isJunkHeading(c, st) {
			// A "Related stories" or "Most read" heading takes its list along.
			if sib := nextElement(c); sib != nil && st[sib].text > 0 && st[sib].link*3 >= st[sib].text {
				if sib == next {
					next = sib.NextSibling
				}
				n.RemoveChild(sib)
			}
			next = c.NextSibling
			n.RemoveChild(c)
			c = next
			continue
		}
		if isBoilerplate(c, st, rootP) {
			n.RemoveChild(c)
		} else {
			pruneBoilerplate(c, st, rootP)
		}
		c = next
	}
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return nil
		}
	}
	return nil
}

// isJunkHeading reports whether n is a short heading-like element whose
// text is boilerplate vocabulary ("Related stories", "Most read").
func isJunkHeading(n *html.Node, st map[*html.Node]nodeStats) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Div, atom.Span,
		atom.Strong, atom.B, atom.Header:
	default:
		return false
	}
	if st[n].text == 0 || st[n].text > 40 {
		return false
	}
	key := lineKey(nodeText(n))
	if trailingLines[key] || furnitureLines[key] {
		return true
	}
	if len(strings.Fields(key)) > 6 {
		return false
	}
	for _, p := range []string{"related", "most ", "more from", "more on", "read more", "you may",
		"you might", "recommended", "top stories", "latest", "also read", "more stories"} {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	return false
}

// isBoilerplate reports whether element c of the article container is page
// furniture.
func isBoilerplate(c *html.Node, st map[*html.Node]nodeStats, rootP int) bool {
	s := st[c]
	if hasAttr(c, "hidden") || strings.EqualFold(attr(c, "aria-hidden"), "true") {
		return true
	}
	style := strings.ReplaceAll(strings.ToLower(attr(c, "style")), " ", "")
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	if junkRoles[strings.ToLower(strings.TrimSpace(attr(c, "role")))] {
		return true
	}
	switch c.DataAtom {
	case atom.Header:
		if s.ptext < 80 {
			return true
		}
	case atom.Form:
		if s.ptext*2 < rootP {
			return true
		}
	}
	h := hintText(c)
	if isStrongNegative(h) && !(rootP > 0 && s.ptext*10 > rootP*6) {
		return true
	}
	if isWeakNegative(h) && !hasPositive(h) && !(s.ptext > 200 && s.ptext*10 > rootP*3) {
		return true
	}
	if s.text == 0 {
		return false
	}
	switch c.DataAtom {
	case atom.Ul, atom.Ol, atom.Div, atom.Section:
		if isCardList(c, st) {
			return true
		}
	}
	switch c.DataAtom {
	case atom.Ul, atom.Ol, atom.Dl, atom.Table, atom.Div, atom.Section, atom.Span:
		return s.link*2 > s.text && s.ptext*10 < rootP*3
	case atom.P, atom.Li, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Dt, atom.Dd:
		if s.link*10 >= s.text*9 {
			return true
		}
		return s.link*2 > s.text && !endsSentence(nodeText(c))
	}
	return false
}

// renderText writes the text under n, one paragraph per block element,
// separated by blank lines; <br> gives a line break.
func renderText(n *html.Node) string {
	var b strings.Builder
	render(&b, n, false)
	return b.String()
}

func render(b *strings.Builder, n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		if pre {
			b.WriteString(n.Data)
			return
		}
		writeCollapsed(b, n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if n.DataAtom == atom.Br {
		b.WriteByte('\n')
		return
	}
	if block {
		b.WriteString("\n\n")
	}
	pre = pre || n.DataAtom == atom.Pre
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		render(b, c, pre)
	}
	switch {
	case block:
		b.WriteString("\n\n")
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		b.WriteByte(' ')
	}
}

// writeCollapsed writes s with every run of white space as one space.
func writeCollapsed(b *strings.Builder, s string) {
	space := false
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsSpace(r) && r != '\u00A0' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
}

// isCardList reports whether n is a list of teaser cards ("related",
// "more stories", a news stream): at least three element children, four in
// five of them cards. A card is a short block (at most 800 characters)
// whose first text is a link of at least 15 characters — a headline link,
// usually followed by a summary. Article paragraphs start with text, not
// with a link, so they do not form card lists.
func isCardList(n *html.Node, st map[*html.Node]nodeStats) bool {
	children, cards := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return false
			}
		case html.ElementNode:
			children++
			if isCard(c, st) {
				cards++
			}
		}
	}
	return cards >= 3 && cards*5 >= children*4
}

func isCard(c *html.Node, st map[*html.Node]nodeStats) bool {
	if st[c].text == 0 || st[c].text > 800 {
		return false
	}
	for d := range c.Descendants() {
		if d.Type != html.TextNode || strings.TrimSpace(d.Data) == "" {
			continue
		}
		for a := d.Parent; a != nil && a != c; a = a.Parent {
			if a.Type == html.ElementNode && a.DataAtom == atom.A {
				return st[a].text >= 15
			}
		}
		return false
	}
	return false
}
