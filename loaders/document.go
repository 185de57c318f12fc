package loaders

import "time"

// Document is one article read from a file, a directory entry, a JSONL line
// or standard input, with its body text cleaned of boilerplate.
type Document struct {
	// Path names where the document came from ("file.html", "batch.jsonl:12", "-").
	Path string
	// Title, Source and URL come from metadata; empty when unknown.
	Title  string
	Source string
	URL    string
	// Published is the publication date; zero when unknown.
	Published time.Time
	// Text is the cleaned body text that extraction reads.
	Text string
}
