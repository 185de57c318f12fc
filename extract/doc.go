// Package extract turns documents into extraction records (the JSON
// contract of docs/extract.md): sentences, entities resolved within the
// document (canonical names, aliases, titles, GROUP actors, coreference),
// typed and open relations, and attributed claims with speaker, cue,
// content, quotes, relays, time, certainty, figures and places.
//
// The linguistic analysis comes from two small interfaces, Annotator
// (sentences, tokens, lemmas, tags, dependency parse) and Recognizer
// (named-entity spans), plus an optional Gazetteer (countries, cities,
// first names); everything else is rules over the parse. See
// docs/extraction.md.
package extract
