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

// isTrailingJunk reports whether a line at the end of a document looks like
// page furniture rather than article text: a known boilerplate line, a bare
// link, or a short line without sentence punctuation (a headline in a
// "related" list, a menu entry, a credit line).
func isTrailingJunk(line string) bool {
	key := lineKey(line)
	if key == "" {
		return true
	}
	words := len(strings.Fields(key))
	if furnitureLines[key] || trailingLines[key] || isURL(key) {
		return true
	}
	if words <= 25 {
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
	}
	return words <= maxJunkWords && !endsSentence(line)
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

// stripBoilerplate removes page furniture from normalised text: lines that
// are only furniture ("Advertisement", "Share this article") wherever they
// stand, and a trailing block of boilerplate lines ("Most Commented",
// "Related stories", a list of headlines, "© 2024 …"). The trailing block
// is removed only when article prose remains before it; a text that has no
// prose line at all is left as it is.
func stripBoilerplate(text string) string {
	lines := strings.Split(text, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if l != "" && furnitureLines[lineKey(l)] {
			continue
		}
		kept = append(kept, l)
	}
	lines = kept
	end := len(lines)
	for end > 0 && isTrailingJunk(lines[end-1]) {
		end--
	}
	hasProse := false
	for _, l := range lines[:end] {
		if isProse(l) {
			hasProse = true
			break
		}
	}
	if hasProse {
		lines = lines[:end]
	}
	return collapseBlankLines(lines)
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
