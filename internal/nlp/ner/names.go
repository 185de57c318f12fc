package ner

import "strings"

// nameGaz is a gazetteer of the entity strings of the training data: the
// lower-case words of each span joined by spaces, with a bit mask of the
// types (bit k: types[k]) they were given. Training documents see a
// jackknifed copy built from the other folds, so that the feature is as
// reliable in training as on new text.
type nameGaz struct {
	types  map[string]uint8
	maxLen int
}

// nameFolds is the number of jackknife folds of the training gazetteer.
const nameFolds = 10

// maxNameLen bounds the words of a gazetteer entry.
const maxNameLen = 6

func newNameGaz() *nameGaz { return &nameGaz{types: map[string]uint8{}} }

func (g *nameGaz) add(key string, mask uint8, n int) {
	g.types[key] |= mask
	if n > g.maxLen {
		g.maxLen = n
	}
}

// trainNameGaz builds the full gazetteer of docs and one per fold (for
// documents i with i%nameFolds == f, from the other folds).
func trainNameGaz(docs []Document) (full *nameGaz, folds []*nameGaz) {
	full = newNameGaz()
	folds = make([]*nameGaz, nameFolds)
	for f := range folds {
		folds[f] = newNameGaz()
	}
	for di, d := range docs {
		for _, s := range d.Sentences {
			words := s.Words()
			for _, sp := range spansOf(goldLabels(s)) {
				n := sp.end - sp.start
				if n > maxNameLen {
					continue
				}
				key := strings.ToLower(joinWords(words[sp.start:sp.end]))
				mask := uint8(1) << sp.typ
				full.add(key, mask, n)
				for f := range folds {
					if f != di%nameFolds {
						folds[f].add(key, mask, n)
					}
				}
			}
		}
	}
	return full, folds
}

// mark sets the name fields of toks from the longest gazetteer matches
// that start with a capitalised word.
func (g *nameGaz) mark(toks []tok) {
	if g == nil || len(g.types) == 0 {
		return
	}
	var b strings.Builder
	for i := 0; i < len(toks); {
		if !toks[i].initCap {
			i++
			continue
		}
		found := false
		for n := min(g.maxLen, len(toks)-i); n >= 1; n-- {
			b.Reset()
			for k := i; k < i+n; k++ {
				if k > i {
					b.WriteByte(' ')
				}
				b.WriteString(toks[k].low)
			}
			mask, ok := g.types[b.String()]
			if !ok {
				continue
			}
			for k := i; k < i+n; k++ {
				toks[k].nameMask = mask
				toks[k].namePos = 2 // inside
			}
			toks[i].namePos = 1 // begin
			if n == 1 {
				toks[i].namePos = 3 // whole
			}
			i += n
			found = true
			break
		}
		if !found {
			i++
		}
	}
}
