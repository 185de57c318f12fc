// Package ner is newsgraph's named-entity recogniser: a first-order
// structured averaged perceptron with Viterbi decoding over BILOU labels
// of the CoNLL-2003 types (PER, ORG, LOC, MISC), read and written as IOB2
// tags.
//
// Features are the word and its lower-case form, shape, prefixes and
// suffixes, a ±2 context window, capitalisation patterns, sentence-initial
// position, gazetteer matches from package lexicon (countries, demonyms,
// cities, regions, first names; multiword), hierarchical word clusters
// computed from unlabelled news text (bit-string prefixes of length 4, 6,
// 10 and 20, like Brown clusters), how often the word is written in lower
// case, and document-level prediction history: the entity types already
// given to the same word earlier in the document (Ratinov & Roth 2009).
// A last document pass makes repeated names agree on one type.
//
// The trained model and the clusters are embedded (data/) and loaded once
// by Load. Spans maps the CoNLL types to the extraction contract types
// (PERSON, ORG, GPE, LOC, NORP, MISC).
package ner

//go:generate go run ./internal/build -data ../../../../shared/corpora -out data -clusters
