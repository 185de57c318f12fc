package lexicon

import (
	"errors"
	"testing"
	"testing/fstest"
)

func lex(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestCountry(t *testing.T) {
	l := lex(t)
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"United States", "United States", true},
		{"U.S.", "United States", true},
		{"US", "United States", true},
		{"USA", "United States", true},
		{"United States of America", "United States", true},
		{"the United States", "United States", true},
		{"UK", "United Kingdom", true},
		{"Britain", "United Kingdom", true},
		{"ukraine", "Ukraine", true},
		{"North Korea", "North Korea", true},
		{"Russian Federation", "Russia", true},
		{"The Netherlands", "Netherlands", true},
		{"Holland", "Netherlands", true},
		{"Turkey", "Türkiye", true},
		{"us", "", false},
		{"uk", "", false},
		{"Atlantis", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := l.Country(tt.in)
			if ok != tt.ok || c.Name != tt.want {
				t.Errorf("Country(%q) = %q, %v; want %q, %v", tt.in, c.Name, ok, tt.want, tt.ok)
			}
		})
	}
	c, _ := l.Country("France")
	if c.CCA2 != "FR" || c.CCA3 != "FRA" || c.Capital != "Paris" || len(c.Demonyms) == 0 {
		t.Errorf("France = %+v", c)
	}
}

func TestDemonym(t *testing.T) {
	l := lex(t)
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Ukrainian", "Ukraine", true},
		{"Ukrainians", "Ukraine", true},
		{"North Korean", "North Korea", true},
		{"Americans", "United States", true},
		{"American", "United States", true},
		{"British", "United Kingdom", true},
		{"Briton", "United Kingdom", true},
		{"Chinese", "China", true},
		{"German", "Germany", true},
		{"Germans", "Germany", true},
		{"Frenchmen", "", false},
		{"Table", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := l.Demonym(tt.in)
			if ok != tt.ok || c.Name != tt.want {
				t.Errorf("Demonym(%q) = %q, %v; want %q, %v", tt.in, c.Name, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestCity(t *testing.T) {
	l := lex(t)
	tests := []struct {
		in, country string
		region, ok  bool
	}{
		{"Paris", "France", false, true},
		{"London", "United Kingdom", false, true},
		{"Moscow", "Russia", false, true},
		{"PARIS", "France", false, true},
		{"Bavaria", "Germany", true, true},
		{"England", "United Kingdom", true, true},
		{"California", "United States", true, true},
		{"paris", "", false, false},
		{"Kraków", "Poland", false, true},
		{"Krakow", "Poland", false, true},
		{"Nowhereville", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, ok := l.City(tt.in)
			if ok != tt.ok || c.Country != tt.country || c.IsRegion != tt.region {
				t.Errorf("City(%q) = %+v, %v; want country %q region %v ok %v", tt.in, c, ok, tt.country, tt.region, tt.ok)
			}
		})
	}
}

func TestFirstName(t *testing.T) {
	l := lex(t)
	tests := []struct {
		in     string
		female bool
		ok     bool
	}{
		{"Mary", true, true},
		{"john", false, true},
		{"JAMES", false, true},
		{"Xqzzy", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			share, n, ok := l.FirstName(tt.in)
			if ok != tt.ok || ok && (share > 0.5) != tt.female || ok && n <= 0 {
				t.Errorf("FirstName(%q) = %v, %d, %v", tt.in, share, n, ok)
			}
		})
	}
}

func TestMatches(t *testing.T) {
	l := lex(t)
	tests := []struct {
		name   string
		tokens []string
		want   []Match
	}{
		{"multiword country", []string{"Troops", "from", "North", "Korea", "arrived"}, []Match{{2, 4, KindCountry}}},
		{"code exact case", []string{"The", "US", "and", "us"}, []Match{{1, 2, KindCountry}}},
		{"demonym", []string{"Ukrainian", "forces"}, []Match{{0, 1, KindDemonym}}},
		{"lowercase never", []string{"paris", "is", "nice"}, nil},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := l.Matches(tt.tokens)
			if len(got) != len(tt.want) {
				t.Fatalf("Matches(%q) = %+v, want %+v", tt.tokens, got, tt.want)
			}
			for i := range got {
				if got[i].Start != tt.want[i].Start || got[i].End != tt.want[i].End || got[i].Kind&tt.want[i].Kind == 0 {
					t.Errorf("match %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
	if n, k := l.MatchAt([]string{"Paris"}, 0); n != 1 || k&KindCapital == 0 {
		t.Errorf("Paris: %d %b", n, k)
	}
}

func TestLoadFSBad(t *testing.T) {
	fsys := fstest.MapFS{
		"d/countries.tsv": {Data: []byte("a\tb\n")},
	}
	_, err := LoadFS(fsys, "d")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 1 {
		t.Fatalf("err = %v, want ParseError at line 1", err)
	}
	if _, err := LoadFS(fstest.MapFS{}, "d"); err == nil {
		t.Fatal("want error for missing files")
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadFS(dataFS, "data"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatches(b *testing.B) {
	l := lex(b)
	toks := []string{"The", "United", "States", "and", "Britain", "sent", "troops", "to", "Paris", "on", "Monday", "said", "Mary", "Smith", "."}
	b.ReportAllocs()
	for b.Loop() {
		l.Matches(toks)
	}
}
