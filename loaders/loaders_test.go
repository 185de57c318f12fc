package loaders

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestNormalizeText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"CRLF and CR", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"collapse spaces", "a  b\t\tc \u00a0 d", "a b c d"},
		{"trim lines and text", "  \n  a  \n  b  \n\n", "a\nb"},
		{"paragraph breaks kept", "a\n\n\n\nb", "a\n\nb"},
		{"blank line with spaces", "a\n \t \nb", "a\n\nb"},
		{"NFC", "Cafe\u0301", "Café"},
		{"invisible characters", "co\u00adop\u200berate\ufeff", "cooperate"},
		{"control characters", "a\x07b\x1bc", "abc"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a\nb\n\nc"},
		{"curly quotes kept", "“Yes,” she said. ‘No’", "“Yes,” she said. ‘No’"},
		{"empty", " \n\t ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeText(tt.in); got != tt.want {
				t.Errorf("normalizeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStripBoilerplate(t *testing.T) {
	const body = "The minister resigned on Friday after a week of pressure.\nHer deputy will take over."
	tests := []struct {
		name, in, want string
	}{
		{"most commented", body + "\nMost Commented", body},
		{"related block with headlines", body + "\n\nRelated stories\nMinister faces vote\nParty loses seat\nShare this", body},
		{"list header with punctuated headlines", body + "\n\nMost read\nWhat happens next in the war?\nWhy prices are rising.\nThree things to know.", body},
		{"list header mid-text kept", "Intro.\nRelated\n" + strings.Repeat("The article goes on after the related link with a paragraph of about twenty words in it.\n", 2), "Intro.\nRelated\n" + strings.TrimSuffix(strings.Repeat("The article goes on after the related link with a paragraph of about twenty words in it.\n", 2), "\n")},
		{"menu without vocabulary, short", body + "\n\nPolitics\nWorld", body},
		{"credit line", body + "\n\nReporting by Ann Lee; Editing by Tom Hart", body},
		{"copyright", body + "\n© 2025 Example News. All rights reserved.", body},
		{"read more with punctuation", body + "\nRead more: Why the minister quit.", body},
		{"advertisement in the middle", "First paragraph ends here.\nAdvertisement\nSecond paragraph ends here.", "First paragraph ends here.\nSecond paragraph ends here."},
		{"ends with a quote", body + "\n“We will fight on,” he said.”", body + "\n“We will fight on,” he said.”"},
		{"long unpunctuated list kept", body + "\n\nAlpha one\nBeta two\nGamma three\nDelta four", body + "\n\nAlpha one\nBeta two\nGamma three\nDelta four"},
		{"list introduced by a colon kept", "The winners were:\nAnna Berg\nLuis Ortega", "The winners were:\nAnna Berg\nLuis Ortega"},
		{"long unpunctuated last line kept", body + "\nThe company said the plant would stay open for at least another two years despite the losses", body + "\nThe company said the plant would stay open for at least another two years despite the losses"},
		{"no prose: left alone", "Headline one\nHeadline two", "Headline one\nHeadline two"},
		{"only vocabulary: left alone", "Most read\nShare this", "Most read"},
		{"sentence about a newsletter kept", body + "\nThe group also runs a newsletter for farmers.", body + "\nThe group also runs a newsletter for farmers."},
		{"subscribers sentence kept", body + "\nSubscribers rose by 8% in the quarter.", body + "\nSubscribers rose by 8% in the quarter."},
		{"leading byline kept", "By Jane Doe\nLONDON (Wire) - Prices rose.", "By Jane Doe\nLONDON (Wire) - Prices rose."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripBoilerplate(tt.in); got != tt.want {
				t.Errorf("stripBoilerplate(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // YYYY-MM-DD, "" for no date
	}{
		{"2024-11-04", "2024-11-04"},
		{"2024-11-04T23:30:00-05:00", "2024-11-04"},
		{"2024-11-04T09:30:00Z", "2024-11-04"},
		{"2024-11-04T09:30:00.123+0200", "2024-11-04"},
		{"2024-11-04 09:30:00", "2024-11-04"},
		{"2024/11/04", "2024-11-04"},
		{"Mon, 04 Nov 2024 09:30:00 GMT", "2024-11-04"},
		{"Mon, 4 Nov 2024 09:30:00 +0100", "2024-11-04"},
		{"November 4, 2024", "2024-11-04"},
		{"Nov 4, 2024", "2024-11-04"},
		{"Nov. 4th, 2024", "2024-11-04"},
		{"Sept. 9, 2024", "2024-09-09"},
		{"4 November 2024", "2024-11-04"},
		{"4th November, 2024", "2024-11-04"},
		{"Monday, November 4, 2024", "2024-11-04"},
		{"november 4, 2024 at 9:30 a.m. EST", "2024-11-04"},
		{"Published: 4 Nov 2024 10:15", "2024-11-04"},
		{"Updated November 4, 2024 3:04 PM", "2024-11-04"},
		{"1730713800", "2024-11-04"},
		{"1730713800000", "2024-11-04"},
		{"", ""},
		{"yesterday", ""},
		{"2024-13-45", ""},
		{"not a date at all 2024", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := ParseDate(tt.in)
			if tt.want == "" {
				if ok {
					t.Errorf("ParseDate(%q) = %v, want no date", tt.in, got)
				}
				return
			}
			if !ok || got.Format("2006-01-02") != tt.want {
				t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, in string
		want     Format
	}{
		{"JSONL", "  \n{\"text\": \"x\"}", FormatJSONL},
		{"doctype", "<!DOCTYPE html><p>x", FormatHTML},
		{"tag", "\n<html>", FormatHTML},
		{"paragraph tag", "<p>Hello</p>", FormatHTML},
		{"front matter", "---\ntitle: x\n---\nBody", FormatMarkdown},
		{"thematic break is not front matter", "---\nBody text.\n---\n", FormatText},
		{"text", "Hello <world>", FormatText},
		{"less-than text", "< 5 people came", FormatText},
		{"BOM then JSON", "\xEF\xBB\xBF{\"text\":\"x\"}", FormatJSONL},
		{"empty", "", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("sniff(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		opts   Options
		paths  []string
		titles []string
		texts  []string
	}{
		{"text", "A report from the coast.\r\nMost read\r\n", Options{}, []string{"-"}, []string{""}, []string{"A report from the coast."}},
		{"JSONL", "{\"title\":\"A\",\"text\":\"One.\"}\n{\"title\":\"B\",\"text\":\"Two.\"}", Options{}, []string{"-:1", "-:2"}, []string{"A", "B"}, []string{"One.", "Two."}},
		{"HTML", "<html><head><title>T</title></head><body><p>Body text here.</p></body></html>", Options{}, []string{"-"}, []string{"T"}, []string{"Body text here."}},
		{"Markdown front matter", "---\ntitle: M\n---\nSome *text*.", Options{}, []string{"-"}, []string{"M"}, []string{"Some text."}},
		{"forced Markdown", "# Head\n\nSome **bold** text.", Options{Format: FormatMarkdown}, []string{"-"}, []string{"Head"}, []string{"Some bold text."}},
		{"forced text keeps markup", "<p>x</p>", Options{Format: FormatText}, []string{"-"}, []string{""}, []string{"<p>x</p>"}},
		{"UTF-16 text", "\xFF\xFEH\x00i\x00.\x00", Options{}, []string{"-"}, []string{""}, []string{"Hi."}},
		{"UTF-16 JSONL", "\xFF\xFE{\x00\"\x00t\x00e\x00x\x00t\x00\"\x00:\x00\"\x00H\x00i\x00\"\x00}\x00", Options{Format: FormatJSONL}, []string{"-:1"}, []string{""}, []string{"Hi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var docs []Document
			err := Walk(context.Background(), []string{"-"}, strings.NewReader(tt.in), tt.opts, func(d Document) error {
				docs = append(docs, d)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != len(tt.paths) {
				t.Fatalf("got %d documents, want %d", len(docs), len(tt.paths))
			}
			for i, d := range docs {
				if d.Path != tt.paths[i] || d.Title != tt.titles[i] || d.Text != tt.texts[i] {
					t.Errorf("doc %d = %+v, want path %q title %q text %q", i, d, tt.paths[i], tt.titles[i], tt.texts[i])
				}
				checkInvariants(t, d)
			}
		})
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"emphasis", "*a* **b** _c_ __d__ ***e***", "a b c d e"},
		{"strikethrough", "~~old~~ new", "old new"},
		{"snake_case kept", "use snake_case_names", "use snake_case_names"},
		{"arithmetic kept", "2 * 3 = 6", "2 * 3 = 6"},
		{"link", "see [the report](http://x.org/a_(b)) now", "see the report now"},
		{"link with title", `[NGA](https://example.org "NGA site")`, "NGA"},
		{"image dropped", "before ![alt text](a.png) after", "before  after"},
		{"linked image dropped", "[![logo](l.png)](http://x)", ""},
		{"inline code", "run `go test` now", "run go test now"},
		{"escapes", `5\*3 and \_x\_`, "5*3 and _x_"},
		{"autolink", "<https://example.com>", "https://example.com"},
		{"html tags", "a <span class=\"x\">b</span><br>c", "a b c"},
		{"brackets kept", "he said [the mayor] would go", "he said [the mayor] would go"},
		{"footnote", "claim[^1] here", "claim here"},
		{"unclosed", "a [b (c *d", "a [b (c *d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inlineText(tt.in, nil); got != tt.want {
				t.Errorf("inlineText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name, in, title, text string
	}{
		{"ATX title", "# Big news\n\nBody text.", "Big news", "Body text."},
		{"later H1 kept", "Intro text.\n\n# Section\n\nMore text.", "", "Intro text.\n\nSection\n\nMore text."},
		{"closing hashes", "## Sub ##\nText.", "", "Sub\n\nText."},
		{"fence dropped", "Text.\n\n~~~\ncode\n~~~\n\nMore.", "", "Text.\n\nMore."},
		{"unclosed fence drops the rest", "Text.\n\n```\ncode", "", "Text."},
		{"blockquote", "> Quoted words.\n> More.", "", "Quoted words. More."},
		{"list items on lines", "- one.\n- two.\n  continued.", "", "one.\ntwo. continued."},
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |", "", "a b\n1 2"},
		{"html comment", "A.<!-- hidden\nstill hidden -->\nB.", "", "A. B."},
		{"reference link", "See [the map][m].\n\n[m]: http://x", "", "See the map."},
		{"front matter title wins", "---\ntitle: FM\n---\n# Other\n\nBody.", "FM", "Other\n\nBody."},
		{"front matter equal H1 dropped", "---\ntitle: Same\n---\n# Same\n\nBody.", "Same", "Body."},
		{"front matter date and nested source", "---\ndate: \"4 March 2024\"\npublisher:\n  name: Wire\n---\nBody.", "", "Body."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("a.md", []byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.Title != tt.title || d.Text != tt.text {
				t.Errorf("got title %q text %q, want %q %q", d.Title, d.Text, tt.title, tt.text)
			}
		})
	}
	docs, err := Parse("a.md", []byte("---\ndate: \"4 March 2024\"\npublisher:\n  name: Wire\n---\nBody."), Options{})
	if err != nil || docs[0].Source != "Wire" || docs[0].Published.Format("2006-01-02") != "2024-03-04" {
		t.Errorf("front matter metadata: %+v, %v", docs, err)
	}
}

func TestHTMLExtraction(t *testing.T) {
	para := "<p>The committee approved the plan on Tuesday after a long debate about costs and schedules.</p>"
	tests := []struct {
		name, in string
		want     string
		title    string
		date     string
	}{
		{"article wins over sidebar", "<body><div class=sidebar><p>Side text that is long enough to count as a paragraph of text.</p></div><article>" + para + "</article></body>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"role main", "<body><div role=navigation><a href=/>Home</a></div><div role=main>" + para + "</div></body>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"link list dropped", "<article>" + para + "<ul><li><a href=/a>Story A</a></li><li><a href=/b>Story B</a></li></ul></article>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"hidden dropped", "<article>" + para + "<p hidden>Secret text.</p><p style=\"display: none\">Also secret.</p></article>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"inline links kept", "<article><p><a href=/p>Ana Diaz</a> met <a href=/q>Li Wei</a> in Rome.</p></article>",
			"Ana Diaz met Li Wei in Rome.", "", ""},
		{"most read heading and list", "<main>" + para + "<h3>Most read</h3><div><a href=/1>One story</a> <a href=/2>Two story</a></div></main>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"scored div", "<body><div id=top><a href=/>Home</a> <a href=/w>World</a></div><div id=x>" + para + para + "</div><div id=foot>Contact</div></body>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.\n\nThe committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"meta name=date and title suffix", "<head><title>Plan approved | The Gazette</title><meta property=og:site_name content=\"The Gazette\"><meta name=pubdate content=20240105></head><body>" + para + "</body>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "Plan approved", "2024-01-05"},
		{"time element", "<article><time datetime=\"2021-03-09T10:00:00+09:00\">9 March</time>" + para + "</article>",
			"9 March\n\nThe committee approved the plan on Tuesday after a long debate about costs and schedules.", "", "2021-03-09"},
		{"title heading not repeated", "<head><meta property=og:title content=\"Plan approved\"></head><article><h1>Plan approved</h1>" + para + "</article>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "Plan approved", ""},
		{"JSON-LD body fallback", `<head><script type="application/ld+json">[{"@type":"NewsArticle","headline":"H","articleBody":"A long article body that the markup hides from the extractor entirely. It has two sentences."}]</script></head><body><div>Menu</div></body>`,
			"A long article body that the markup hides from the extractor entirely. It has two sentences.", "H", ""},
		{"teaser card list dropped", "<main>" + para + "<ul><li><a href=/1>Mayor opens the new harbour bridge</a><p>The bridge links the two halves of the old town for the first time.</p></li>" +
			"<li><a href=/2>School wins national science prize</a><p>Pupils built a weather station that reports to the national network.</p></li>" +
			"<li><a href=/3>Bakery chain to hire 300 staff</a><p>The chain plans ten new shops in the region next year.</p></li></ul></main>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"player controls dropped", "<article>" + para + "<div class=\"vjs-control-bar\"><span>Play</span><span>Current Time 0:00</span></div><div role=slider>Volume</div></article>",
			"The committee approved the plan on Tuesday after a long debate about costs and schedules.", "", ""},
		{"pre keeps lines", "<article><p>Results were as follows:</p><pre>a  1\nb  2</pre></article>", "Results were as follows:\n\na 1\nb 2", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("a.html", []byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			if d.Text != tt.want {
				t.Errorf("text = %q\nwant   %q", d.Text, tt.want)
			}
			if d.Title != tt.title {
				t.Errorf("title = %q, want %q", d.Title, tt.title)
			}
			var date string
			if !d.Published.IsZero() {
				date = d.Published.Format("2006-01-02")
			}
			if date != tt.date {
				t.Errorf("date = %q, want %q", date, tt.date)
			}
			checkInvariants(t, d)
		})
	}
}

func TestDeepHTML(t *testing.T) {
	in := strings.Repeat("<div>", 100000) + "<p>Deep text.</p>" + strings.Repeat("</div>", 100000)
	start := time.Now()
	docs, err := Parse("deep.html", []byte(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if docs[0].Text != "Deep text." {
		t.Errorf("text = %q", docs[0].Text)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestJSONLFields(t *testing.T) {
	tests := []struct {
		name, in                 string
		title, source, url, date string
		text                     string
	}{
		{"text and published", `{"title":"T","text":"Body.","published":"2024-01-02","source":"S","url":"u"}`, "T", "S", "u", "2024-01-02", "Body."},
		{"body and date", `{"headline":"T","body":"Body.","date":"January 2, 2024"}`, "T", "", "", "2024-01-02", "Body."},
		{"content, publisher object", `{"content":"Body.","publisher":{"name":"P"}}`, "", "P", "", "", "Body."},
		{"mixed case keys", `{"Title":"T","Text":"Body."}`, "T", "", "", "", "Body."},
		{"unix timestamp", `{"text":"Body.","timestamp":1704153600}`, "", "", "", "2024-01-02", "Body."},
		{"html field", `{"html":"<html><head><title>HT</title></head><body><p>Para.</p></body></html>"}`, "HT", "", "", "", "Para."},
		{"paragraph array", `{"text":["First.","Second."]}`, "", "", "", "", "First.\n\nSecond."},
		{"unknown fields ignored", `{"text":"Body.","id":7,"tags":["a"],"published":null}`, "", "", "", "", "Body."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("b.jsonl", []byte(tt.in), Options{})
			if err != nil {
				t.Fatal(err)
			}
			d := docs[0]
			var date string
			if !d.Published.IsZero() {
				date = d.Published.Format("2006-01-02")
			}
			if d.Title != tt.title || d.Source != tt.source || d.URL != tt.url || date != tt.date || d.Text != tt.text || d.Path != "b.jsonl:1" {
				t.Errorf("got %+v (date %s)", d, date)
			}
		})
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want Format
		ok   bool
	}{
		{"", FormatAuto, true}, {"auto", FormatAuto, true}, {"TXT", FormatText, true},
		{"md", FormatMarkdown, true}, {"html", FormatHTML, true}, {"ndjson", FormatJSONL, true},
		{"pdf", FormatAuto, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if got != tt.want || (err == nil) != tt.ok {
				t.Errorf("ParseFormat(%q) = %q, %v", tt.in, got, err)
			}
		})
	}
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" means an error
		err  error
	}{
		{"UTF-8 BOM", "\xEF\xBB\xBFHi.", "Hi.", nil},
		{"UTF-16LE", "\xFF\xFEH\x00i\x00.\x00", "Hi.", nil},
		{"UTF-16BE", "\xFE\xFF\x00H\x00i\x00.", "Hi.", nil},
		{"UTF-32LE", "\xFF\xFE\x00\x00H\x00\x00\x00i\x00\x00\x00", "Hi", nil},
		{"UTF-32BE", "\x00\x00\xFE\xFF\x00\x00\x00H\x00\x00\x00i", "Hi", nil},
		{"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "", ErrBinary},
		{"gzip", "\x1F\x8B\x08\x00", "", ErrBinary},
		{"control characters", strings.Repeat("\x01\x02a", 50), "", ErrBinary},
		{"text starting like a signature", "BZh is not a word, RIFF is one.", "BZh is not a word, RIFF is one.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := Parse("a.txt", []byte(tt.in), Options{})
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if docs[0].Text != tt.want {
				t.Errorf("text = %q, want %q", docs[0].Text, tt.want)
			}
		})
	}
}

func TestHTMLSplitArticle(t *testing.T) {
	// The article body is split into sibling blocks with an ad between
	// them and a teaser list after them; no <article> or <main>.
	p := func(s string) string {
		return "<p>" + s + " The report was published on Monday by the regional office.</p>"
	}
	page := "<body><div id=page><div class=block>" + p("First part of the story.") + p("Second paragraph of the first part.") +
		"</div><div class=ad>Advertisement</div><div class=block>" + p("Third paragraph follows the break.") + p("Fourth paragraph ends the story.") +
		"</div><div class=more><a href=/x>Other news from the region today</a></div></div></body>"
	docs, err := Parse("split.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := docs[0].Text
	for _, want := range []string{"First part", "Second paragraph", "Third paragraph", "Fourth paragraph"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	for _, junk := range []string{"Advertisement", "Other news"} {
		if strings.Contains(text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, text)
		}
	}
}

// TestPathologicalInputs checks that inputs built to hit quadratic paths
// (unclosed brackets, one paragraph of many lines, unclosed footnotes)
// stay fast.
func TestPathologicalInputs(t *testing.T) {
	const n = 100000
	tests := []struct {
		name, file, in string
	}{
		{"unclosed brackets", "a.md", strings.Repeat("[", n)},
		{"bracket pairs", "a.md", strings.Repeat("[a", n)},
		{"footnote marks", "a.md", strings.Repeat("[^", n)},
		{"backticks", "a.md", strings.Repeat("`` a", n)},
		{"one long paragraph", "a.md", strings.Repeat("word\n", n)},
		{"link destinations", "a.md", strings.Repeat("[a](", n)},
		{"short lines", "a.txt", strings.Repeat("a\n", n)},
		{"unclosed tags", "a.html", strings.Repeat("<b><i>", n)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			docs, err := Parse(tt.file, []byte(tt.in), Options{})
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
			if err == nil {
				checkInvariants(t, docs[0])
			}
		})
	}
}
