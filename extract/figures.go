package extract

import (
	"strconv"
	"strings"
	"unicode"
)

// figure is a number found in the text, before it is attached to a claim.
type figure struct {
	s, lo, hi int // tokens of the figure text (modifier + number)
	start     int
	end       int
	text      string
	value     float64
	unit      string
	of        int
	mod       string
}

// findFigures lists the figures of the whole document in text order.
//
// A figure is a cardinal in digits or words ("14,500", "eight thousand",
// "3.5 million", "a dozen"). Its unit is the noun it counts, as written
// ("troops"); percentages get the unit "percent" and money the currency
// ("dollars"). A bare number with no noun ("as many as 10,000 have ...")
// inherits the unit and the counted entity of the previous counted figure.
// Years, dates, times of day, ordinals and ages are not figures.
func (st *state) findFigures() []figure {
	var out []figure
	lastUnit, lastOf := "", -1
	for _, s := range st.sents {
		for t := 0; t < len(s.toks); t++ {
			if !st.isNumber(s, t) {
				continue
			}
			lo, hi := t, t
			for hi+1 < len(s.toks) && st.isNumber(s, hi+1) && !strings.Contains(s.toks[hi+1].Form, ",") {
				if _, err := parseDigits(s.toks[hi+1].Form); err == nil && !isScaleTok(s, hi+1) {
					if _, err2 := parseDigits(s.toks[hi].Form); err2 == nil {
						break // two digit numbers in a row are two figures
					}
				}
				hi++
			}
			t = hi
			if st.skipNumber(s, lo, hi) {
				continue
			}
			val, ok := numberValue(s, lo, hi)
			if !ok {
				continue
			}
			if lo > 0 && (s.lower(lo-1) == "a" || s.lower(lo-1) == "an") && !isDigitWord(s.toks[lo].Form) {
				lo--
			}
			f := figure{s: s.idx, value: val, of: -1}
			numHi := hi
			// money and percentages
			if lo > 0 {
				if c, ok := currencies[strings.ToLower(s.toks[lo-1].Form)]; ok && s.toks[lo-1].UPOS != "NOUN" {
					f.unit = c
					lo--
				}
			}
			if c, ok := currencyPrefix(s.toks[lo].Form); ok && f.unit == "" {
				f.unit = c
			}
			// "the 5,000m", "a 100m fall": without a currency, "m"
			// after digits is metres, not millions
			if f.unit == "" && lo == numHi && metreFigure(s.toks[lo].Form) {
				if _, cur := currencies[s.lower(min(hi+1, len(s.toks)-1))]; !cur || hi+1 >= len(s.toks) {
					f.value, f.unit = val/scaleWords["m"], "metres"
				}
			}
			if hi+1 < len(s.toks) && percentWords[s.lower(hi+1)] {
				f.unit = "percent"
				hi++
				numHi = hi
			} else if hi+2 < len(s.toks) && s.lower(hi+1) == "per" && s.lower(hi+2) == "cent" {
				f.unit = "percent"
				hi += 2
				numHi = hi
			}
			// the counted noun
			if f.unit == "" {
				head := s.head(numHi)
				if s.rel(numHi) != "nummod" && s.rel(lo) == "nummod" {
					head = s.head(lo)
				}
				if (s.baseRel(numHi) == "nummod" || s.baseRel(lo) == "nummod") && head >= 0 && head > numHi {
					if c, ok := currencies[s.lower(head)]; ok {
						f.unit = c
					} else {
						f.unit = s.toks[head].Form
						f.of = st.npEntity(s, head)
						lastUnit, lastOf = f.unit, f.of
					}
				} else if hi+1 < len(s.toks) && (s.toks[hi+1].UPOS == "NOUN") && s.head(hi+1) != numHi {
					if c, ok := currencies[s.lower(hi+1)]; ok {
						f.unit = c
					} else {
						f.unit = s.toks[hi+1].Form
						f.of = st.npEntity(s, hi+1)
						lastUnit, lastOf = f.unit, f.of
					}
				} else if of := s.child(numHi, "nmod"); of >= 0 && s.hasChildLemma(of, set("of")) {
					// "6,000 of them", "6,000 of the workers"
					f.unit = lastUnit
					f.of = st.npEntity(s, of)
					if f.of < 0 {
						f.of = lastOf
					}
				} else {
					f.unit, f.of = lastUnit, lastOf
				}
			}
			// the modifier
			f.mod = Exact
			modLo := lo
			for _, fm := range figureModifiers {
				n := len(fm.words)
				if lo-n < 0 {
					continue
				}
				match := true
				for i, w := range fm.words {
					if s.lower(lo-n+i) != w {
						match = false
						break
					}
				}
				if match {
					f.mod = fm.mod
					modLo = lo - n
					break
				}
			}
			if s.lower(modLo) == "the" || s.lower(modLo) == "an" && f.mod == Estimate {
				modLo++
			}
			f.lo, f.hi = modLo, hi
			f.start, f.end = s.toks[modLo].Start, s.toks[hi].End
			f.text = st.text(f.start, f.end)
			out = append(out, f)
		}
	}
	return out
}

func isScaleTok(s *sent, i int) bool {
	_, ok := scaleWords[s.lower(i)]
	return ok
}

// isNumber reports whether token t is part of a cardinal.
func (st *state) isNumber(s *sent, t int) bool {
	f := s.toks[t].Form
	low := strings.ToLower(f)
	if isDigitWord(f) {
		return true
	}
	if _, ok := currencyPrefix(f); ok && len([]rune(f)) > 1 {
		return isDigitWord(strings.TrimLeftFunc(f, func(r rune) bool { return !unicode.IsDigit(r) }))
	}
	if s.toks[t].UPOS != "NUM" {
		if low == "dozen" && t > 0 && (s.lower(t-1) == "a" || s.lower(t-1) == "one") {
			return true
		}
		if _, ok := scaleWords[low]; ok && t > 0 && st.isNumberNoScale(s, t-1) && len(low) > 2 {
			return true
		}
		return false
	}
	if _, ok := unitWords[low]; ok {
		return true
	}
	if _, ok := scaleWords[low]; ok {
		return true
	}
	if strings.Contains(low, "-") {
		for _, p := range strings.Split(low, "-") {
			if _, ok := unitWords[p]; !ok {
				return false
			}
		}
		return true
	}
	return false
}

func (st *state) isNumberNoScale(s *sent, t int) bool {
	if _, ok := scaleWords[s.lower(t)]; ok {
		return false
	}
	return st.isNumber(s, t)
}

func isDigitWord(f string) bool {
	_, err := parseDigits(f)
	return err == nil
}

func currencyPrefix(f string) (string, bool) {
	for sym, c := range currencies {
		if !unicode.IsLetter([]rune(sym)[0]) && strings.HasPrefix(f, sym) {
			return c, true
		}
	}
	return "", false
}

// parseDigits parses "14,500", "3.5", "$5", "10m".
func parseDigits(f string) (float64, error) {
	f = strings.TrimLeftFunc(f, func(r rune) bool { return !unicode.IsDigit(r) && r != '.' })
	mult := 1.0
	low := strings.ToLower(f)
	for _, suf := range []string{"bn", "m", "k"} {
		if strings.HasSuffix(low, suf) && len(low) > len(suf) {
			mult = scaleWords[suf]
			f = f[:len(f)-len(suf)]
			break
		}
	}
	if f == "" || !unicode.IsDigit(rune(f[0])) {
		return 0, strconv.ErrSyntax
	}
	clean := strings.ReplaceAll(f, ",", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, err
	}
	// commas must group thousands
	if strings.Contains(f, ",") {
		parts := strings.Split(strings.SplitN(f, ".", 2)[0], ",")
		for i, p := range parts {
			if i > 0 && len(p) != 3 || i == 0 && (len(p) == 0 || len(p) > 3) {
				return 0, strconv.ErrSyntax
			}
		}
	}
	return v * mult, nil
}

// numberValue computes the value of number tokens lo..hi.
func numberValue(s *sent, lo, hi int) (float64, bool) {
	total, cur := 0.0, 0.0
	seen := false
	for i := lo; i <= hi; i++ {
		w := strings.ToLower(s.toks[i].Form)
		if v, err := parseDigits(s.toks[i].Form); err == nil {
			cur += v
			seen = true
			continue
		}
		if w == "and" {
			continue
		}
		if v, ok := scaleWords[w]; ok {
			if cur == 0 {
				cur = 1
			}
			if v == 100 {
				cur *= v
			} else {
				total += cur * v
				cur = 0
			}
			seen = true
			continue
		}
		parts := strings.Split(w, "-")
		ok := true
		for _, p := range parts {
			if v, found := unitWords[p]; found {
				cur += v
				seen = true
			} else {
				ok = false
			}
		}
		if !ok {
			return 0, false
		}
	}
	return total + cur, seen
}

// yearNouns are dated by a year in front of them ("2005 revenues").
var yearNouns = set("revenue", "revenues", "earning", "earnings", "sale", "sales",
	"profit", "profits", "result", "results", "budget", "forecast", "figure",
	"figures", "season", "election", "elections", "account", "accounts",
	"target", "targets", "loss", "losses", "olympics", "games", "census",
	"accord", "accords", "championship", "championships", "talks", "levels",
	"prices", "rates", "estimates", "projections", "plans", "goals")

// timeUnits are the nouns of durations.
var timeUnits = set("second", "seconds", "minute", "minutes", "hour", "hours",
	"day", "days", "week", "weeks", "month", "months", "year", "years",
	"decade", "decades", "century", "centuries")

// skipNumber reports whether a number is a year, a date, a time, an
// ordinal, an age, a duration or part of a name.
func (st *state) skipNumber(s *sent, lo, hi int) bool {
	f := s.toks[lo].Form
	for k := lo; k <= hi; k++ {
		if s.timex[k] >= 0 {
			return true
		}
		if mi := s.ment[k]; mi >= 0 && st.ments[mi].typ != TypeGroup {
			return true
		}
	}
	if strings.Contains(f, ":") || strings.Contains(f, "/") {
		return true
	}
	if lo == hi && isYear(f) && s.rel(lo) != "nummod" {
		return true
	}
	if lo == hi && isYear(f) && s.head(lo) >= 0 && (!strings.HasSuffix(s.lower(s.head(lo)), "s") || yearNouns[s.lemma(s.head(lo))]) {
		// "2005 revenues", "the 2024 elections": a year, not a count
		return true
	}
	if lo > 0 && ageWords[s.lower(lo-1)] {
		return true
	}
	if hi+1 < len(s.toks) {
		n := s.lower(hi + 1)
		if strings.Contains(n, "year-old") || strings.Contains(n, "years-old") {
			return true
		}
		if (n == "years" || n == "year") && hi+2 < len(s.toks) && s.lower(hi+2) == "old" {
			return true
		}
		if n == "-" && hi+2 < len(s.toks) && strings.HasPrefix(s.lower(hi+2), "year") {
			return true
		}
		// durations ("in two years", "for 48 hours") count time, not
		// people or things
		if timeUnits[n] {
			return true
		}
	}
	if strings.Contains(strings.ToLower(f), "-year") {
		return true
	}
	// a number inside a hyphenated word ("mother-of-nine", "a two-thirds
	// majority") counts nothing
	if lo > 0 && s.toks[lo-1].Form == "-" && s.toks[lo-1].End == s.toks[lo].Start || hi+1 < len(s.toks) && s.toks[hi+1].Form == "-" && s.toks[hi+1].Start == s.toks[hi].End {
		return true
	}
	if lo > 1 && s.lower(lo-1) == "of" && s.toks[lo-2].Form == "-" {
		return true
	}
	// "the two countries", "both sides": a small number written as a word
	// after a definite determiner refers back, it counts nothing new
	if lo > 0 && lo == hi && !isDigitWord(f) {
		switch s.lower(lo - 1) {
		case "the", "these", "those", "its", "their", "his", "her", "our":
			if v, ok := numberValue(s, lo, hi); ok && v < 10 {
				return true
			}
		}
	}
	// "one" used as a pronoun ("one of them") is not a figure
	if lo == hi && strings.EqualFold(f, "one") && s.rel(lo) != "nummod" {
		return true
	}
	return false
}

// metreFigure reports whether f is digits followed by "m" ("5,000m").
func metreFigure(f string) bool {
	n, ok := strings.CutSuffix(f, "m")
	if !ok || n == "" {
		return false
	}
	for _, r := range n {
		if !unicode.IsDigit(r) && r != ',' && r != '.' {
			return false
		}
	}
	return true
}
