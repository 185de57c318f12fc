package loaders

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Boilerplate vocabulary. The lists name page furniture, not article
// content; they are matched against whole lines, lower-cased, with
// decoration (bullets, arrows, pipes, trailing colons) trimmed.
var (
	// furnitureLines are dropped wherever they stand as a line of their own.
	furnitureLines = setOf(
		"advertisement", "advertising", "ad", "sponsored", "sponsored content",
		"skip advertisement", "story continues below advertisement",
		"article continues below advertisement", "continue reading below",
		"continue reading the main story", "scroll to continue with content",
		"skip to main content", "skip to content", "skip to navigation",
		"share this article", "share this story", "share this page", "share this",
		"share", "share on facebook", "share on twitter", "share on x",
		"share via email", "copy link", "link copied", "listen to this article",
		"print this article", "save article", "save", "image caption",
		"media caption", "getty images", "click to expand",
	)

	// trailingLines and trailingPrefixes mark a line at the end of a
	// document as boilerplate even when it ends with sentence punctuation.
	trailingLines = setOf(
		"most commented", "most read", "most popular", "most viewed", "most shared",
		"most emailed", "most watched", "related", "related stories", "related articles",
		"related content", "related topics", "related coverage", "related news",
		"related links", "read more", "read next", "more stories", "more news",
		"more on this story", "more from", "see also", "top stories", "latest news",
		"latest stories", "trending", "trending now", "popular", "recommended",
		"recommended for you", "you may also like", "you might also like",
		"also read", "comments", "comment", "leave a comment", "view comments",
		"show comments", "tags", "topics", "follow us", "newsletter", "subscribe",
		"sign up", "back to top", "print", "email", "tweet", "facebook", "twitter",
		"linkedin", "whatsapp", "reddit", "telegram", "home", "menu", "search",
		"log in", "login", "sign in", "register", "contact us", "about us",
		"privacy policy", "terms of use", "terms of service", "cookie policy",
		"cookie settings", "accessibility", "sitemap", "site map", "rss",
	)
	// listHeaders head a list of links to other stories. Near the end of a
	// document everything from such a header on is boilerplate, even
	// headlines that end with punctuation.
	listHeaders = setOf(
		"most commented", "most read", "most popular", "most viewed", "most shared",
		"most emailed", "most watched", "related", "related stories", "related articles",
		"related content", "related coverage", "related news", "related links",
		"read more", "read next", "more stories", "more news", "more on this story",
		"see also", "top stories", "latest news", "latest stories", "trending",
		"trending now", "recommended", "recommended for you", "you may also like",
		"you might also like", "also read", "more from this section", "in other news",
	)
	trailingPrefixes = []string{
		"read more", "read next", "related:", "related stories", "related articles",
		"see also", "also read", "more:", "more from", "more on ", "most read",
		"most commented", "most popular", "you may also", "you might also",
		"sign up", "subscribe", "follow us", "follow @", "share this", "share on",
		"©", "(c) ", "copyright", "all rights reserved", "click here", "tap here",
		"this article was originally published", "this story was originally published",
		"originally published", "don't miss", "do not miss", "watch:", "listen:",
		"get the latest", "download our app", "download the app", "join our",
	}
	trailingContains = []string{
		"all rights reserved", "sign up for our", "subscribe to our",
		"follow us on", "click here", "was originally published", "© ",
	}
)

// maxFurnitureLen bounds the length in bytes of a furniture line, with
// room for decoration.
const maxFurnitureLen = 80

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lineKey lower-cases a line and trims decoration around it, for matching
// against the vocabulary.
func lineKey(line string) string {
	k := strings.ToLower(strings.TrimSpace(line))
	k = strings.TrimFunc(k, func(r rune) bool {
		return r == ':' || r == '|' || r == '•' || r == '·' || r == '»' || r == '›' ||
			r == '>' || r == '<' || r == '«' || r == '‹' || r == '-' || r == '–' ||
			r == '—' || r == '*' || r == '#' || r == '→' || r == '▸' || r == '►' ||
			r == '[' || r == ']' || r == '(' || r == ')' || unicode.IsSpace(r)
	})
	return k
}

// endsSentence reports whether a line ends like prose: with ".", "!", "?"
// or "…", possibly followed by closing quotes or brackets.
func endsSentence(line string) bool {
	line = strings.TrimRightFunc(line, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '’' || r == '»' || r == ')' ||
			r == ']' || r == '*' || r == '_' || unicode.IsSpace(r)
	})
	r, _ := utf8.DecodeLastRuneInString(line)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。'
}

// maxJunkWords is the longest line (in words) that can be taken for a
// trailing link or menu line when it has no sentence punctuation.
const maxJunkWords = 20

// maxBareJunkLines is the longest trailing block of short unpunctuated
// lines that is removed without any boilerplate vocabulary in it (a credit
// line, a tag line). Longer blocks without vocabulary are more likely
// content: a list of results, a table.
const maxBareJunkLines = 2

// maxBareJunkWords is the longest line (in words) of such a block: a
// longer unpunctuated line is more likely a sentence missing its period.
const maxBareJunkWords = 12

// isBoilerplateLine reports whether a line is known page furniture: a line
// of the boilerplate vocabulary ("Most read", "Related stories", "Share
// this", "© 2024 …", "Read more: …") or a bare link.
func isBoilerplateLine(line string) bool {
	key := lineKey(line)
	if furnitureLines[key] || trailingLines[key] || isURL(key) {
		return true
	}
	if len(strings.Fields(key)) > 25 {
		return false
	}
	for _, p := range trailingPrefixes {
		if strings.HasPrefix(key, p) && wordBoundary(key, len(p)) {
			return true
		}
	}
	for _, c := range trailingContains {
		if strings.Contains(key, c) {
			return true
		}
	}
	return false
}

// isShortUnpunctuated reports whether a line has the shape of a menu entry,
// a headline in a link list or a credit line: at most maxJunkWords words
// and no sentence punctuation. A line ending with ":" introduces what
// follows and does not count.
func isShortUnpunctuated(line string) bool {
	return len(strings.Fields(line)) <= maxJunkWords && !endsSentence(line) && !endsColon(line)
}

func endsColon(line string) bool {
	return strings.HasSuffix(strings.TrimSpace(line), ":")
}

// wordBoundary reports whether position i of s is the end of a word.
func wordBoundary(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if !unicode.IsLetter(prev) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isURL(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") ||
		strings.HasPrefix(s, "www.")
}

// isProse reports whether a line reads as article text: it ends like a
// sentence, or it is too long to be a menu entry or a headline.
func isProse(line string) bool {
	return endsSentence(line) || len(strings.Fields(line)) > maxJunkWords
}

// stripBoilerplate removes page furniture from normalised text:
//
//   - lines that are only furniture ("Advertisement", "Share this
//     article"), wherever they stand;
//   - a list header ("Most read", "Related stories") followed only by a
//     short list of short lines, with that list (see cutListHeader);
//   - the trailing block of lines that are boilerplate vocabulary or short
//     and unpunctuated, from its first vocabulary line on ("Most
//     Commented", "Related stories" and the headlines under it, "© 2024 …");
//   - the whole trailing block when it has at most maxBareJunkLines lines
//     of at most maxBareJunkWords words (a credit or tag line) and does not
//     follow a line ending with ":".
//
// Nothing is removed unless article prose (a line ending like a sentence,
// or a long line) remains before the cut. The rules are applied until
// nothing more goes: a cut can bring an earlier list header or trailing
// block to the end (a page whose furniture was repeated), and cleaning
// must give the same text when applied to its own output.
func stripBoilerplate(text string) string {
	for {
		out := stripOnce(text)
		if out == text {
			return out
		}
		text = out // only removes lines, so this ends
	}
}

// stripOnce applies the rules of stripBoilerplate once.
func stripOnce(text string) string {
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l != "" && len(l) <= maxFurnitureLen && furnitureLines[lineKey(l)] {
			continue
		}
		kept = append(kept, l)
	}
	lines = kept
	lines = cutListHeader(lines)
	// The trailing block: lines[start:], blank lines included.
	start := len(lines)
	firstVocab := -1
	bareOK := true // every unpunctuated line is short enough to go without vocabulary
scan:
	for ; start > 0; start-- {
		l := lines[start-1]
		switch {
		case l == "":
		case isBoilerplateLine(l):
			firstVocab = start - 1
		case isShortUnpunctuated(l):
			if len(strings.Fields(l)) > maxBareJunkWords {
				bareOK = false
			}
		default:
			break scan
		}
	}
	cut := len(lines)
	introduced := start > 0 && endsColon(lines[start-1])
	if firstVocab >= 0 {
		cut = firstVocab
	}
	if !introduced && bareOK && countNonBlank(lines[start:cut]) <= maxBareJunkLines {
		cut = start
	}
	if cut < len(lines) && hasProse(lines[:cut]) {
		lines = lines[:cut]
	}
	return collapseBlankLines(lines)
}

// Bounds of the link list under a list header that cutListHeader removes.
const (
	maxListLines = 15
	maxListWords = 15
)

// cutListHeader removes a "Most read" / "Related stories" header near the
// end of the text and everything after it, when what follows is a short
// list: at most maxListLines lines of at most maxListWords words each.
// Prose must remain before the header.
func cutListHeader(lines []string) []string {
	n := 0
	for i := len(lines) - 1; i >= 0; i-- {
		l := lines[i]
		if l == "" {
			continue
		}
		if listHeaders[lineKey(l)] {
			if hasProse(lines[:i]) {
				return lines[:i]
			}
			return lines
		}
		n++
		if n > maxListLines || len(strings.Fields(l)) > maxListWords {
			return lines
		}
	}
	return lines
}

func countNonBlank(lines []string) int {
	n := 0
	for _, l := range lines {
		if l != "" {
			n++
		}
	}
	return n
}

func hasProse(lines []string) bool {
	for _, l := range lines {
		if isProse(l) {
			return true
		}
	}
	return false
}

// collapseBlankLines joins lines, dropping leading, trailing and repeated
// blank lines.
func collapseBlankLines(lines []string) string {
	var b strings.Builder
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}
