// Package loaders reads news articles from files, directories, JSONL
// batches and standard input, and returns them as Documents: cleaned body
// text plus the metadata (title, source, URL, publication date) found
// alongside it.
//
// Formats are chosen by extension (.txt, .md/.markdown, .html/.htm,
// .jsonl/.ndjson) or, for stdin and unknown extensions, by sniffing the
// first bytes. Every format goes through the same cleaning: Unicode NFC,
// LF line endings, collapsed spaces, paragraphs separated by blank lines,
// and removal of page furniture such as a trailing "Most read" or "Related
// stories" block. HTML pages also go through main-content extraction.
//
// Walk streams documents to a callback with bounded memory; ReadFile and
// Parse return them as a slice. Errors on bad input are *Error values
// wrapping the Err… sentinels. See docs/loaders.md for the full rules.
package loaders
