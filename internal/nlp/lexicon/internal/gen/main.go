// Command gen builds the compact lexicon data files of package lexicon from
// the shared source lexicons (countries.json, world-cities.csv,
// first-names.tsv). Run it through `go generate ./internal/nlp/lexicon`.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	Independent  bool     `json:"independent"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// extraAliases are well-known English short forms missing from the source
// data (general knowledge, keyed by CCA3).
var extraAliases = map[string][]string{
	"USA": {"U.S.", "U.S.A.", "America", "United States"},
	"GBR": {"U.K.", "Britain", "Great Britain"},
	"TUR": {"Turkey"},
	"CZE": {"Czech Republic"},
	"CPV": {"Cabo Verde"},
	"TWN": {"Taiwan, Province of China"},
	"COD": {"D.R. Congo", "Congo-Kinshasa"},
	"MMR": {"Burma"},
	"VAT": {"Holy See"},
	"KOR": {"Korea, Republic of"},
	"PRK": {"Korea, Democratic People's Republic of"},
	"ARE": {"U.A.E."},
}

// extraDemonyms are well-known demonyms missing from the source data.
var extraDemonyms = map[string][]string{
	"GBR": {"Briton", "Brit"},
	"TUR": {"Turk"},
	"NLD": {"Dutchman"},
	"PHL": {"Philippine"},
	"USA": {"U.S."},
	"SAU": {"Saudi"},
	"CZE": {"Czech"},
	"NZL": {"New Zealander"},
	"ISL": {"Icelander"},
	"POL": {"Pole"},
	"DNK": {"Dane"},
	"SWE": {"Swede"},
	"FIN": {"Finn"},
	"ESP": {"Spaniard"},
	"ARE": {"Emirati"},
}

func main() {
	src := flag.String("src", "../../../../shared/lexicons", "directory of the shared lexicons")
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func clean(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\t", " ", "|", " ").Replace(s)), " ")
}

// latin reports whether s is written in Latin letters (others are dropped:
// the lexicon serves English text).
func latin(s string) bool {
	for _, r := range s {
		if r > 0x24F && r != 0x2019 {
			return false
		}
	}
	return s != ""
}

func run(src, out string) error {
	raw, err := os.ReadFile(filepath.Join(src, "countries", "countries.json"))
	if err != nil {
		return fmt.Errorf("read countries: %w", err)
	}
	var cs []country
	if err := json.Unmarshal(raw, &cs); err != nil {
		return fmt.Errorf("parse countries: %w", err)
	}
	// Sovereign states first, so that shared demonyms and names ("American",
	// "British") resolve to them.
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Independent != cs[j].Independent {
			return cs[i].Independent
		}
		return cs[i].CCA3 < cs[j].CCA3
	})
	byName := map[string]string{}
	var cb bytes.Buffer
	cb.WriteString("# name\tofficial\tcca2\tcca3\tcapitals\tdemonyms\taliases\n")
	for _, c := range cs {
		var dem []string
		if d, ok := c.Demonyms["eng"]; ok {
			for _, x := range []string{d.M, d.F} {
				if x = clean(x); x != "" && !contains(dem, x) {
					dem = append(dem, x)
				}
			}
		}
		for _, x := range extraDemonyms[c.CCA3] {
			if !contains(dem, x) {
				dem = append(dem, x)
			}
		}
		var alts []string
		for _, a := range append(append([]string{}, c.AltSpellings...), extraAliases[c.CCA3]...) {
			if a = clean(a); latin(a) && a != c.Name.Common && !contains(alts, a) {
				alts = append(alts, a)
			}
		}
		var caps []string
		for _, x := range c.Capital {
			caps = append(caps, clean(x))
		}
		fmt.Fprintf(&cb, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", clean(c.Name.Common), clean(c.Name.Official),
			c.CCA2, c.CCA3, strings.Join(caps, "|"), strings.Join(dem, "|"), strings.Join(alts, "|"))
		for _, k := range append(append([]string{c.Name.Common, c.Name.Official}, c.AltSpellings...), extraAliases[c.CCA3]...) {
			byName[strings.ToLower(clean(k))] = clean(c.Name.Common)
		}
	}
	if err := os.WriteFile(filepath.Join(out, "countries.tsv"), cb.Bytes(), 0o644); err != nil {
		return err
	}

	// Cities: name, country (common name when known), subcountry.
	f, err := os.Open(filepath.Join(src, "cities", "world-cities.csv"))
	if err != nil {
		return fmt.Errorf("read cities: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	var cityRows []string
	seen := map[string]bool{}
	for line := 0; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("cities line %d: %w", line+1, err)
		}
		if line == 0 || len(rec) < 3 {
			continue
		}
		cn := clean(rec[1])
		if c, ok := byName[strings.ToLower(cn)]; ok {
			cn = c
		} else if strings.HasPrefix(cn, "No country") {
			cn = ""
		}
		row := clean(rec[0]) + "\t" + cn + "\t" + clean(rec[2])
		if !seen[row] && clean(rec[0]) != "" {
			seen[row] = true
			cityRows = append(cityRows, row)
		}
	}
	if err := writeGz(filepath.Join(out, "cities.tsv.gz"), "# name\tcountry\tsubcountry\n"+strings.Join(cityRows, "\n")+"\n"); err != nil {
		return err
	}

	names, err := os.ReadFile(filepath.Join(src, "names", "first-names.tsv"))
	if err != nil {
		return fmt.Errorf("read names: %w", err)
	}
	return writeGz(filepath.Join(out, "first-names.tsv.gz"), string(names))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// writeGz writes s gzip-compressed with a zero header time, so that the
// output is byte-for-byte reproducible.
func writeGz(path, s string) error {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write([]byte(s)); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}
