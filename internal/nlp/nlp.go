// Package nlp holds the shared linguistic data types of newsgraph's NLP core:
// sentences and tokens with character offsets, tags, lemmas and dependency
// arcs, and the word shape several models use as a feature (Shape). The
// trained components live in subpackages (tokenize, tag, parse, ner,
// conllu, ...). Package nlp and its subpackages import nothing else of
// newsgraph.
package nlp

// Token is one syntactic word of a sentence.
//
// Start and End are offsets in Unicode code points into the text that was
// annotated (end exclusive). Head is the 1-based index of the governing token
// in the same sentence, 0 for the root, -1 when not parsed.
type Token struct {
	Form   string
	Start  int
	End    int
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	// SpaceAfter is false when the token is directly followed by the next
	// one in the text (CoNLL-U SpaceAfter=No).
	SpaceAfter bool
}

// Sentence is a span of text with its tokens.
type Sentence struct {
	Start  int // code point offset of the first character
	End    int // code point offset after the last character
	Text   string
	Tokens []Token
}

// Span is a named-entity mention: tokens [Start, End) of a sentence with an
// entity type of the extraction contract (PERSON, ORG, GPE, LOC, NORP,
// GROUP, FAC, EVENT, PRODUCT, WORK, LAW, MISC).
type Span struct {
	Start int
	End   int
	Type  string
}
