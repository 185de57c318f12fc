package extract

import (
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/internal/nlp/lexicon"
	"github.com/newsgraph/newsgraph/internal/nlp/ner"
	"github.com/newsgraph/newsgraph/internal/nlp/pipeline"
)

var loadDefault = sync.OnceValues(func() (*Extractor, error) {
	p, err := pipeline.Load()
	if err != nil {
		return nil, fmt.Errorf("load pipeline: %w", err)
	}
	m, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	lex, err := lexicon.Load()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	return New(p, m, Options{Gazetteer: LexiconGazetteer{lex}}), nil
})

// Default returns an Extractor wired to the project's embedded models: the
// pipeline (tokenizer, tagger, lemmatizer, parser), the NER model and the
// lexicon gazetteer. The models are loaded once and shared.
func Default() (*Extractor, error) { return loadDefault() }
