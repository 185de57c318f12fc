package extract

import "github.com/newsgraph/newsgraph/internal/nlp/lexicon"

// LexiconGazetteer answers Gazetteer questions from the embedded lexicon.
type LexiconGazetteer struct{ L *lexicon.Lexicon }

var _ Gazetteer = LexiconGazetteer{}

// Country resolves country names, codes, alternative spellings and
// demonyms to the common country name.
func (g LexiconGazetteer) Country(s string) (string, bool) {
	if g.L == nil {
		return "", false
	}
	if c, ok := g.L.Country(s); ok {
		return c.Name, true
	}
	if c, ok := g.L.Demonym(s); ok {
		return c.Name, true
	}
	return "", false
}

// CityCountry returns the country of the best-known city of that name.
func (g LexiconGazetteer) CityCountry(s string) (string, bool) {
	if g.L == nil {
		return "", false
	}
	c, ok := g.L.City(s)
	if !ok || c.Country == "" {
		return "", false
	}
	return c.Country, true
}

// FemaleShare returns the female share of a first name.
func (g LexiconGazetteer) FemaleShare(first string) (float64, bool) {
	if g.L == nil {
		return 0, false
	}
	f, _, ok := g.L.FirstName(first)
	return f, ok
}
