// Package pipeline runs newsgraph's NLP core on raw text: sentence
// splitting, tokenization, part-of-speech tagging, lemmatisation and
// dependency parsing, with models embedded in the binary.
package pipeline

import (
	"embed"
	"fmt"
	"io"
	"io/fs"
	"runtime/debug"
	"sync"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/lemma"
	"github.com/newsgraph/newsgraph/internal/nlp/parse"
	"github.com/newsgraph/newsgraph/internal/nlp/tag"
	"github.com/newsgraph/newsgraph/internal/nlp/tokenize"
)

// Model file names inside a model file system.
const (
	TokenizerFile = "tokenizer.gz"
	TaggerFile    = "tagger.gz"
	LemmaFile     = "lemma.gz"
	ParserFile    = "parser.gz"
)

//go:embed models/*.gz
var embedded embed.FS

// Models returns the embedded model file system.
func Models() fs.FS {
	sub, err := fs.Sub(embedded, "models")
	if err != nil {
		return embedded
	}
	return sub
}

// Pipeline annotates text. It is safe for concurrent use.
type Pipeline struct {
	tok    *tokenize.Tokenizer
	tagger *tag.Tagger
	lem    *lemma.Lemmatizer
	parser *parse.Parser
}

var (
	once     sync.Once
	loaded   *Pipeline
	errLoads error
)

// Load returns the pipeline with the embedded models, loading them once.
func Load() (*Pipeline, error) {
	once.Do(func() {
		// The models are long-lived: a collection while they are being
		// decoded would only scan them and slowed a cold load by ~100 ms.
		old := debug.SetGCPercent(-1)
		defer debug.SetGCPercent(old)
		loaded, errLoads = LoadFS(Models())
	})
	return loaded, errLoads
}

// LoadFS loads the models from fsys (files named TokenizerFile, TaggerFile,
// LemmaFile and ParserFile).
func LoadFS(fsys fs.FS) (*Pipeline, error) {
	p := &Pipeline{}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	load := func(i int, name string, f func(io.Reader) error) {
		defer wg.Done()
		r, err := fsys.Open(name)
		if err != nil {
			errs[i] = fmt.Errorf("load model: %w", err)
			return
		}
		defer r.Close()
		if err := f(r); err != nil {
			errs[i] = fmt.Errorf("load model %s: %w", name, err)
		}
	}
	wg.Add(4)
	go load(0, TokenizerFile, func(r io.Reader) (err error) { p.tok, err = tokenize.Load(r); return })
	go load(1, TaggerFile, func(r io.Reader) (err error) { p.tagger, err = tag.Load(r); return })
	go load(2, LemmaFile, func(r io.Reader) (err error) { p.lem, err = lemma.Load(r); return })
	go load(3, ParserFile, func(r io.Reader) (err error) { p.parser, err = parse.Load(r); return })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return p, nil
}

// Annotate splits text into sentences and tokens and fills Lemma, UPOS,
// XPOS, Head and Deprel. Offsets are code points into text.
func (p *Pipeline) Annotate(text string) []nlp.Sentence {
	rs := []rune(text)
	split := p.tok.Split(text)
	out := make([]nlp.Sentence, 0, len(split))
	for _, s := range split {
		ns := nlp.Sentence{Start: s.Start, End: s.End, Text: string(rs[s.Start:s.End]), Tokens: make([]nlp.Token, len(s.Tokens))}
		for i, t := range s.Tokens {
			ns.Tokens[i] = nlp.Token{Form: t.Text, Start: t.Start, End: t.End, Head: -1,
				SpaceAfter: i == len(s.Tokens)-1 || s.Tokens[i+1].Start > t.End}
		}
		p.AnnotateTokens(&ns)
		out = append(out, ns)
	}
	return out
}

// AnnotateTokens tags, lemmatises and parses a sentence whose tokens are
// already set, keeping its tokenization.
func (p *Pipeline) AnnotateTokens(s *nlp.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	words := make([]string, n)
	for i, t := range s.Tokens {
		words[i] = t.Form
	}
	upos, xpos := p.tagger.Tag(words)
	heads, rels := p.parser.Parse(parse.Input{Words: words, UPOS: upos, XPOS: xpos})
	lemmas := p.lem.Sentence(words, xpos)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.UPOS, t.XPOS = upos[i], xpos[i]
		t.Lemma = lemmas[i]
		t.Head, t.Deprel = heads[i], rels[i]
	}
}

// Reparse lemmatises and parses s again with the tags it carries now, for
// callers that corrected tags (names found by an entity recogniser that
// the tagger had read as adjectives or interjections).
func (p *Pipeline) Reparse(s *nlp.Sentence) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	in := parse.Input{Words: make([]string, n), UPOS: make([]string, n), XPOS: make([]string, n)}
	for i, t := range s.Tokens {
		in.Words[i], in.UPOS[i], in.XPOS[i] = t.Form, t.UPOS, t.XPOS
	}
	heads, rels := p.parser.Parse(in)
	lemmas := p.lem.Sentence(in.Words, in.XPOS)
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Lemma = lemmas[i]
		t.Head, t.Deprel = heads[i], rels[i]
	}
}

// Tokenizer returns the pipeline's tokenizer.
func (p *Pipeline) Tokenizer() *tokenize.Tokenizer { return p.tok }
