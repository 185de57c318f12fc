// Package lexicon is newsgraph's embedded gazetteer: countries (names,
// official names, alternative spellings, ISO codes, capitals, demonyms),
// world cities with their country and first-level subdivision (region), and
// US first names with their female share.
//
// The data files under data/ are generated from the shared source lexicons
// by `go generate` (see internal/gen) and embedded in the binary.
package lexicon

//go:generate go run ./internal/gen -src ../../../../shared/lexicons -out data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	unorm "golang.org/x/text/unicode/norm"
)

//go:embed data/countries.tsv data/cities.tsv.gz data/first-names.tsv.gz
var dataFS embed.FS

// Country is one country or territory.
type Country struct {
	Name     string   // common English name, e.g. "United Kingdom"
	Official string   // official name
	CCA2     string   // ISO 3166-1 alpha-2 code
	CCA3     string   // ISO 3166-1 alpha-3 code
	Capital  string   // first capital, "" when none
	Capitals []string // all capitals
	Demonyms []string // English demonyms, e.g. "British", "Briton"
	Aliases  []string // alternative names and spellings
}

// City is a city, or a region (first-level subdivision) when IsRegion.
type City struct {
	Name       string
	Country    string // common country name ("" when unknown)
	Subcountry string // region the city lies in ("" for regions)
	IsRegion   bool
	IsCapital  bool // capital of Country
}

// Kind is a bit set of gazetteer classes a phrase belongs to.
type Kind uint8

// Gazetteer classes.
const (
	KindCountry Kind = 1 << iota // country name or alias
	KindDemonym                  // demonym or its plural
	KindCity                     // city
	KindRegion                   // first-level subdivision
	KindCapital                  // capital city
)

// Match is a gazetteer phrase found in a token slice: tokens [Start, End).
type Match struct {
	Start, End int
	Kind       Kind
}

type nameInfo struct {
	share float32
	count int32
}

// Lexicon holds the loaded gazetteers. It is safe for concurrent use.
type Lexicon struct {
	countries []Country
	byName    map[string]int // normalised name/alias -> country index
	byCode    map[string]int // exact-case short codes (US, UK, USA)
	byDemonym map[string]int // lower-case demonym (and plural) -> country
	demCode   map[string]int // exact-case short demonyms
	cities    map[string][]City
	names     map[string]nameInfo
	phrases   map[string]Kind  // lower-case token phrase -> kinds
	codes     map[string]Kind  // exact-case short tokens -> kinds
	maxLen    map[string]uint8 // first lower-case token -> longest phrase
}

var (
	defOnce sync.Once
	defLex  *Lexicon
	defErr  error
)

// Load returns the embedded lexicon, parsed once and cached.
func Load() (*Lexicon, error) {
	defOnce.Do(func() { defLex, defErr = LoadFS(dataFS, "data") })
	return defLex, defErr
}

// LoadFS loads the lexicon files from directory dir of fsys.
func LoadFS(fsys fs.FS, dir string) (*Lexicon, error) {
	l := &Lexicon{
		byName: map[string]int{}, byCode: map[string]int{},
		byDemonym: map[string]int{}, demCode: map[string]int{},
		cities: make(map[string][]City, 50000), names: make(map[string]nameInfo, 90000),
		phrases: make(map[string]Kind, 50000), codes: map[string]Kind{}, maxLen: make(map[string]uint8, 50000),
	}
	if err := l.loadCountries(fsys, dir+"/countries.tsv"); err != nil {
		return nil, err
	}
	if err := l.loadCities(fsys, dir+"/cities.tsv.gz"); err != nil {
		return nil, err
	}
	if err := l.loadNames(fsys, dir+"/first-names.tsv.gz"); err != nil {
		return nil, err
	}
	return l, nil
}

// ParseError is a malformed line in a lexicon data file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

func readLines(fsys fs.FS, path string, gz bool, fn func(line int, fields []string) error) error {
	raw, err := fs.ReadFile(fsys, path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	var r io.Reader = bytes.NewReader(raw)
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return &ParseError{File: path, Line: n, Err: err}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// isCode reports whether s is a short all-capitals code such as "US" or
// "UAE", which is matched only with its exact case.
func isCode(s string) bool {
	if len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

// norm lower-cases s, collapses spaces and drops a leading "the".
func norm(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimPrefix(s, "the ")
}

func (l *Lexicon) addPhrase(s string, k Kind) {
	if isCode(s) {
		l.codes[s] |= k
		return
	}
	toks := strings.Fields(strings.ToLower(s))
	if len(toks) == 0 || len(toks) > 255 {
		return
	}
	l.phrases[strings.Join(toks, " ")] |= k
	if uint8(len(toks)) > l.maxLen[toks[0]] {
		l.maxLen[toks[0]] = uint8(len(toks))
	}
}

func (l *Lexicon) loadCountries(fsys fs.FS, path string) error {
	return readLines(fsys, path, false, func(_ int, f []string) error {
		if len(f) != 7 {
			return fmt.Errorf("want 7 fields, got %d", len(f))
		}
		c := Country{Name: f[0], Official: f[1], CCA2: f[2], CCA3: f[3],
			Capitals: splitList(f[4]), Demonyms: splitList(f[5]), Aliases: splitList(f[6])}
		if len(c.Capitals) > 0 {
			c.Capital = c.Capitals[0]
		}
		i := len(l.countries)
		l.countries = append(l.countries, c)
		for _, n := range append([]string{c.Name, c.Official, c.CCA3}, c.Aliases...) {
			if isCode(n) {
				if _, ok := l.byCode[n]; !ok {
					l.byCode[n] = i
				}
			} else if _, ok := l.byName[norm(n)]; !ok || n == c.Name {
				l.byName[norm(n)] = i
			}
			// Bare two-letter ISO codes are too ambiguous in text ("IN",
			// "IT"), except the common US and UK.
			if !isCode(n) || n == "US" || n == "UK" || len(n) == 3 && n != c.CCA3 {
				l.addPhrase(n, KindCountry)
			}
		}
		for _, d := range c.Demonyms {
			for _, form := range []string{d, plural(d)} {
				if form == "" {
					continue
				}
				if isCode(strings.ReplaceAll(form, ".", "")) && len(form) <= 4 {
					if _, ok := l.demCode[form]; !ok {
						l.demCode[form] = i
					}
				} else if _, ok := l.byDemonym[norm(form)]; !ok {
					l.byDemonym[norm(form)] = i
				}
				if form != "U.S." {
					l.addPhrase(form, KindDemonym)
				}
			}
		}
		return nil
	})
}

// plural returns the plural of a demonym noun ("Brazilian" → "Brazilians"),
// or "" for demonyms without a plural in -s ("Chinese", "British", "Swiss").
func plural(d string) string {
	low := strings.ToLower(d)
	switch {
	case strings.HasSuffix(low, "ese"), strings.HasSuffix(low, "sh"), strings.HasSuffix(low, "ch"),
		strings.HasSuffix(low, "ss"), strings.HasSuffix(low, "s"), strings.HasSuffix(low, "."):
		return ""
	case strings.HasSuffix(low, "hman"), strings.HasSuffix(low, "sman"):
		return d[:len(d)-3] + "men"
	}
	return d + "s"
}

func (l *Lexicon) loadCities(fsys fs.FS, path string) error {
	capital := map[string]string{} // lower capital name -> country
	for _, c := range l.countries {
		for _, cp := range c.Capitals {
			capital[strings.ToLower(cp)] = c.Name
		}
	}
	regionSeen := map[string]bool{}
	err := readLines(fsys, path, true, func(_ int, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		key := strings.ToLower(f[0])
		c := City{Name: f[0], Country: f[1], Subcountry: f[2]}
		c.IsCapital = capital[key] == c.Country && c.Country != ""
		l.cities[key] = append(l.cities[key], c)
		// "Krakow" finds "Kraków" (lookups only; the gazetteer phrases
		// the NER features see stay as written)
		if f := fold(key); f != key {
			l.cities[f] = append(l.cities[f], c)
		}
		k := KindCity
		if c.IsCapital {
			k |= KindCapital
		}
		l.addPhrase(c.Name, k)
		if f[2] != "" && !regionSeen[f[2]+"\x00"+f[1]] {
			regionSeen[f[2]+"\x00"+f[1]] = true
			rk := strings.ToLower(f[2])
			l.cities[rk] = append(l.cities[rk], City{Name: f[2], Country: f[1], IsRegion: true})
			l.addPhrase(f[2], KindRegion)
		}
		return nil
	})
	if err != nil {
		return err
	}
	// Order candidates: capitals, then cities named like their region (the
	// region's main city), then other cities, then regions; stable otherwise.
	for k, cs := range l.cities {
		rank := func(c City) int {
			switch {
			case c.IsCapital:
				return 0
			case !c.IsRegion && c.Name == c.Subcountry:
				return 1
			case !c.IsRegion:
				return 2
			}
			return 3
		}
		sorted := make([]City, 0, len(cs))
		for r := 0; r <= 3; r++ {
			for _, c := range cs {
				if rank(c) == r {
					sorted = append(sorted, c)
				}
			}
		}
		l.cities[k] = sorted
	}
	return nil
}

// fold strips diacritics: "kraków" → "krakow".
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range unorm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (l *Lexicon) loadNames(fsys fs.FS, path string) error {
	return readLines(fsys, path, true, func(_ int, f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		if f[0] == "name" {
			return nil // header
		}
		share, err := strconv.ParseFloat(f[1], 32)
		if err != nil {
			return fmt.Errorf("female_share: %w", err)
		}
		n, err := strconv.ParseInt(f[2], 10, 32)
		if err != nil {
			return fmt.Errorf("count: %w", err)
		}
		l.names[strings.ToLower(f[0])] = nameInfo{share: float32(share), count: int32(n)}
		return nil
	})
}

// Countries returns all countries: sovereign states first, each group
// ordered by CCA3 code.
func (l *Lexicon) Countries() []Country { return l.countries }

// Country looks a country up by common or official name, alternative
// spelling or code ("U.S.", "USA", "Britain", "the Netherlands").
// Names are matched case-insensitively; short all-capital codes (US, UK)
// only with their exact case.
func (l *Lexicon) Country(name string) (Country, bool) {
	name = strings.TrimSpace(name)
	if i, ok := l.byCode[name]; ok {
		return l.countries[i], true
	}
	if isCode(name) || len(name) < 3 {
		return Country{}, false
	}
	if i, ok := l.byName[norm(name)]; ok {
		return l.countries[i], true
	}
	return Country{}, false
}

// Demonym looks a demonym or its plural up: "Brazilian", "South African",
// "Americans". It is case-insensitive except for short forms.
func (l *Lexicon) Demonym(word string) (Country, bool) {
	word = strings.TrimSpace(word)
	if i, ok := l.demCode[word]; ok {
		return l.countries[i], true
	}
	if len(word) < 3 || !startsUpper(word) && strings.ToLower(word) != word {
		return Country{}, false
	}
	if i, ok := l.byDemonym[norm(word)]; ok {
		return l.countries[i], true
	}
	return Country{}, false
}

// City looks a city or region up by name. When several places share the
// name, capitals come first, then cities, then regions. A name written all
// in lower case never matches a capitalised place ("reading", "split").
func (l *Lexicon) City(name string) (City, bool) {
	cs := l.Cities(name)
	if len(cs) == 0 {
		return City{}, false
	}
	return cs[0], true
}

// Cities returns every city and region of that name, best first.
func (l *Lexicon) Cities(name string) []City {
	name = strings.TrimSpace(name)
	cs := l.cities[strings.ToLower(name)]
	if len(cs) == 0 {
		return nil
	}
	if strings.ToLower(name) == name {
		var out []City
		for _, c := range cs {
			if c.Name == name {
				out = append(out, c)
			}
		}
		return out
	}
	return cs
}

// FirstName returns the female share (0..1) and birth count of a first
// name (case-insensitive).
func (l *Lexicon) FirstName(name string) (femaleShare float64, count int, ok bool) {
	ni, ok := l.names[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return 0, 0, false
	}
	return float64(ni.share), int(ni.count), true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// MatchAt returns the longest gazetteer phrase starting at token i: its
// length in tokens (0 when none) and kinds. The first token must start
// with a capital letter; short codes must match with their exact case.
func (l *Lexicon) MatchAt(tokens []string, i int) (n int, k Kind) {
	if i < 0 || i >= len(tokens) || !startsUpper(tokens[i]) {
		return 0, 0
	}
	if kk, ok := l.codes[tokens[i]]; ok {
		n, k = 1, kk
	}
	first := strings.ToLower(tokens[i])
	max := int(l.maxLen[first])
	if max == 0 {
		return n, k
	}
	if i+max > len(tokens) {
		max = len(tokens) - i
	}
	var b strings.Builder
	b.WriteString(first)
	best, bestK := n, k
	for j := i + 1; j <= i+max; j++ {
		if j > i+1 {
			b.WriteByte(' ')
			b.WriteString(strings.ToLower(tokens[j-1]))
		}
		if kk, ok := l.phrases[b.String()]; ok && j-i >= best {
			if j-i == best {
				bestK |= kk
			} else {
				best, bestK = j-i, kk
			}
		}
	}
	return best, bestK
}

// Matches returns the non-overlapping longest gazetteer matches in tokens,
// left to right.
func (l *Lexicon) Matches(tokens []string) []Match {
	var out []Match
	for i := 0; i < len(tokens); {
		n, k := l.MatchAt(tokens, i)
		if n == 0 {
			i++
			continue
		}
		out = append(out, Match{Start: i, End: i + n, Kind: k})
		i += n
	}
	return out
}
