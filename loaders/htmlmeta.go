package loaders

import (
	"encoding/json"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is the metadata found in an HTML page.
type pageMeta struct {
	title, htmlTitle, source, url string
	published                     time.Time
	articleBody                   string
}

// Meta keys (the property, name or itemprop of a <meta> tag, lower-cased),
// in order of preference.
var (
	metaTitle  = []string{"og:title", "twitter:title", "dc.title", "dcterms.title", "headline", "sailthru.title", "parsely-title", "title"}
	metaSource = []string{"og:site_name", "application-name", "publisher", "dc.publisher", "dcterms.publisher", "citation_publisher", "cxenseparse:site"}
	metaURL    = []string{"og:url", "twitter:url", "parsely-link"}
	metaDate   = []string{
		"article:published_time", "og:article:published_time", "og:published_time", "published_time",
		"article.published", "datepublished", "date", "pubdate", "publishdate", "publish-date",
		"publish_date", "publication_date", "dc.date.issued", "dc.date", "dcterms.issued",
		"dcterms.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
		"citation_publication_date", "citation_date", "original-publish-date", "article_date_original",
	}
)

// collectMeta reads metadata from <meta>, <link rel=canonical>, <title>,
// <time itemprop=datePublished> and JSON-LD Article objects. JSON-LD wins
// over <meta> tags, which win over <title> and <time>.
func collectMeta(root *html.Node) pageMeta {
	metas := map[string]string{}
	var canonical, htmlTitle, timeDate string
	var ld ldArticle
	for n := range root.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Meta:
			content := attr(n, "content")
			if strings.TrimSpace(content) == "" {
				continue
			}
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
					if _, seen := metas[key]; !seen {
						metas[key] = content
					}
				}
			}
		case atom.Link:
			if canonical == "" && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical") {
				canonical = attr(n, "href")
			}
		case atom.Title:
			if htmlTitle == "" && n.FirstChild != nil {
				htmlTitle = normalizeField(n.FirstChild.Data)
			}
		case atom.Time:
			if timeDate == "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
				timeDate = attr(n, "datetime")
				if timeDate == "" {
					timeDate = nodeText(n)
				}
			}
		case atom.Script:
			if ld.found || !strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") || n.FirstChild == nil {
				continue
			}
			ld = parseJSONLD(n.FirstChild.Data)
		}
	}
	pick := func(keys []string) string {
		for _, k := range keys {
			if v := normalizeField(metas[k]); v != "" {
				return v
			}
		}
		return ""
	}
	var m pageMeta
	m.title = firstNonEmpty(normalizeField(ld.headline), pick(metaTitle))
	m.source = firstNonEmpty(pick(metaSource[:1]), normalizeField(ld.publisher), pick(metaSource[1:]))
	if strings.HasPrefix(m.source, "http") {
		m.source = ""
	}
	m.url = firstNonEmpty(pick(metaURL[:1]), normalizeField(ld.url), normalizeField(canonical), pick(metaURL[1:]))
	m.articleBody = ld.body
	for _, s := range append([]string{ld.published, metas["article:published_time"]}, pickAll(metas, metaDate)...) {
		if t, ok := ParseDate(s); ok {
			m.published = t
			break
		}
	}
	if m.published.IsZero() {
		m.published, _ = ParseDate(timeDate)
	}
	m.htmlTitle = cleanHTMLTitle(htmlTitle, m.source)
	if m.title != "" {
		m.title = cleanHTMLTitle(m.title, m.source)
	}
	return m
}

func pickAll(metas map[string]string, keys []string) []string {
	var out []string
	for _, k := range keys {
		if v, ok := metas[k]; ok {
			out = append(out, v)
		}
	}
	return out
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// cleanHTMLTitle removes a trailing " | Site", " - Site" or " — Site" from a
// page title when Site is the known source name.
func cleanHTMLTitle(title, source string) string {
	if source == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			if strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), source) {
				return strings.TrimSpace(title[:i])
			}
		}
	}
	return title
}

// ldArticle is what we read from a JSON-LD Article object.
type ldArticle struct {
	found                                     bool
	headline, published, publisher, url, body string
}

// parseJSONLD finds the first object typed as an article (NewsArticle,
// Article, ReportageNewsArticle, BlogPosting …) in a JSON-LD script, looking
// into arrays and @graph. Malformed JSON-LD is ignored.
func parseJSONLD(src string) ldArticle {
	// Drop wrappers such as "<!-- … -->" and "<![CDATA[ … ]]>": the JSON
	// runs from the first bracket to the last.
	if k := strings.Index(src, "<![CDATA["); k >= 0 {
		src = src[k+len("<![CDATA["):]
		if e := strings.LastIndex(src, "]]>"); e >= 0 {
			src = src[:e]
		}
	}
	i := strings.IndexAny(src, "{[")
	j := strings.LastIndexAny(src, "}]")
	if i < 0 || j < i {
		return ldArticle{}
	}
	var v any
	if err := json.Unmarshal([]byte(src[i:j+1]), &v); err != nil {
		return ldArticle{}
	}
	obj := findLDObject(v, isArticle, 0)
	if obj == nil {
		// A page typed WebPage or similar may still carry the headline
		// and date.
		obj = findLDObject(v, func(o map[string]any) bool { return o["datePublished"] != nil }, 0)
	}
	if obj == nil {
		return ldArticle{}
	}
	a := ldArticle{found: true}
	a.headline = firstNonEmpty(ldString(obj["headline"]), ldString(obj["name"]))
	a.published = firstNonEmpty(ldString(obj["datePublished"]), ldString(obj["dateCreated"]))
	a.publisher = firstNonEmpty(ldName(obj["publisher"]), ldName(obj["sourceOrganization"]))
	a.url = ldString(obj["url"])
	if a.url == "" {
		a.url = firstNonEmpty(ldString(obj["mainEntityOfPage"]), ldID(obj["mainEntityOfPage"]))
	}
	a.body = ldString(obj["articleBody"])
	return a
}

func isArticle(o map[string]any) bool { return isArticleType(o["@type"]) }

// findLDObject returns the first object, depth first, that match accepts,
// looking into arrays, @graph and mainEntity.
func findLDObject(v any, match func(map[string]any) bool, depth int) map[string]any {
	if depth > 16 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if o := findLDObject(e, match, depth+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if match(x) {
			return x
		}
		for _, k := range []string{"@graph", "mainEntity"} {
			if g, ok := x[k]; ok {
				if o := findLDObject(g, match, depth+1); o != nil {
					return o
				}
			}
		}
	}
	return nil
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return strings.Contains(x, "Article") || strings.Contains(x, "Posting") || x == "Report"
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString returns a string value, or the first string of an array.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				return s
			}
		}
	}
	return ""
}

// ldName returns a string value or the "name" of an object (or of the
// first object of an array).
func ldName(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return ldString(x["name"])
	case []any:
		for _, e := range x {
			if s := ldName(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func ldID(v any) string {
	if o, ok := v.(map[string]any); ok {
		return firstNonEmpty(ldString(o["@id"]), ldString(o["url"]))
	}
	return ""
}
