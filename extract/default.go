package extract

import "errors"

// ErrNoModels reports that the default tagger, parser or NER model is not
// available in this build.
var ErrNoModels = errors.New("default NLP models are not available")

// Default returns an Extractor wired to the project's embedded models: the
// pipeline (tokenizer, tagger, lemmatizer, parser), the NER model and the
// lexicon gazetteer.
func Default() (*Extractor, error) {
	return nil, ErrNoModels
}
