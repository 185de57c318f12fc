package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// dateT is a calendar date.
type dateT struct{ y, m, d int }

func (d dateT) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

func (d dateT) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 12, 0, 0, 0, time.UTC) }

func fromTime(t time.Time) dateT {
	y, m, d := t.Date()
	return dateT{y, int(m), d}
}

// timex is a time expression: tokens lo..hi of a sentence.
type timex struct {
	s, lo, hi int
	text      string
	value     *string
}

var timePreps = set("on", "in", "since", "by", "until", "during", "last", "this", "next", "early", "late", "mid", "earlier", "later", "from", "before", "after", "past")
var dayParts = set("morning", "afternoon", "evening", "night")
var relUnits = set("week", "month", "year", "weekend")

// findTimexes finds weekday, relative-day, relative-period, month and date
// expressions and resolves them against the publication date:
//
//   - "on Monday": the latest such weekday on or before the publication date
//     ("next Monday": the first one after it);
//   - "yesterday", "today", "tomorrow": publication date -1, 0, +1 day;
//   - "last week": the Monday of the previous week; "this week" its own
//     Monday; "last month"/"this month": the first of that month;
//     "last year"/"this year": January 1;
//   - "in August": the first day of the latest August on or before the
//     publication date; "August 5": the latest such day on or before it;
//     explicit years are used as written; "in 2023": 2023-01-01.
//
// Without a publication date only explicit full dates get a value.
func (st *state) findTimexes() {
	for _, s := range st.sents {
		for t := 0; t < len(s.toks); t++ {
			if s.timex[t] >= 0 || st.inPersonName(s, t) {
				continue
			}
			lo, hi, val := st.matchTimex(s, t)
			if lo < 0 {
				continue
			}
			// a preceding preposition or "last/this/next" belongs to it
			for lo > 0 && timePreps[s.lower(lo-1)] && s.timex[lo-1] < 0 {
				lo--
				if s.lower(lo) != "early" && s.lower(lo) != "late" && s.lower(lo) != "mid" {
					break
				}
			}
			overlap := false
			for k := lo; k <= hi; k++ {
				if s.timex[k] >= 0 {
					overlap = true
				}
			}
			if overlap {
				continue
			}
			tx := &timex{s: s.idx, lo: lo, hi: hi, text: st.tokText(s, lo, hi)}
			if v, ok := val(strings.ToLower(tx.text)); ok {
				vs := v.String()
				tx.value = &vs
			}
			for k := lo; k <= hi; k++ {
				s.timex[k] = len(st.timexs)
			}
			st.timexs = append(st.timexs, tx)
			t = hi
		}
	}
}

// inPersonName reports whether token t lies inside a person's name of two
// or more words: a first name or surname that is also a month ("Jan",
// "April", "June") is no date there.
func (st *state) inPersonName(s *sent, t int) bool {
	if s.ment[t] < 0 {
		return false
	}
	m := st.ments[s.ment[t]]
	if m.typ != TypePerson || m.hi == m.lo {
		return false
	}
	for k := m.lo; k <= m.hi; k++ {
		if isNumTok(s, k) {
			return false // "June 5" read as a name is still a date
		}
	}
	return true
}

type resolver func(text string) (dateT, bool)

func (st *state) matchTimex(s *sent, t int) (int, int, resolver) {
	low := s.lower(t)
	form := s.toks[t].Form
	pub, has := st.pub, st.hasPub
	none := func(string) (dateT, bool) { return dateT{}, false }
	if wd, ok := weekdays[low]; ok && isUpperWord(form) {
		hi := t
		if t+1 < len(s.toks) && dayParts[s.lower(t+1)] {
			hi = t + 1
		}
		// "Monday, March 3" is a full date: let the month rule take it
		if t+2 < len(s.toks) && s.lower(t+1) == "," {
			if _, isMonth := months[s.lower(t+2)]; isMonth && isUpperWord(s.toks[t+2].Form) {
				lo, hi2, r := st.matchTimex(s, t+2)
				if lo >= 0 {
					return t, hi2, r
				}
			}
		}
		return t, hi, func(text string) (dateT, bool) {
			if !has {
				return dateT{}, false
			}
			p := pub.time()
			back := (int(p.Weekday()) - wd + 7) % 7
			if strings.Contains(text, "next") {
				fwd := (wd - int(p.Weekday()) + 7) % 7
				if fwd == 0 {
					fwd = 7
				}
				return fromTime(p.AddDate(0, 0, fwd)), true
			}
			return fromTime(p.AddDate(0, 0, -back)), true
		}
	}
	switch low {
	case "yesterday", "today", "tonight", "tomorrow":
		if isUpperWord(form) && t > 0 && !isQuoteChar(s.toks[t-1].Form) && s.toks[t-1].UPOS != "PUNCT" {
			break // a name: "the Today programme"
		}
		off := map[string]int{"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[low]
		return t, t, func(string) (dateT, bool) {
			if !has {
				return dateT{}, false
			}
			return fromTime(pub.time().AddDate(0, 0, off)), true
		}
	}
	if relUnits[low] && t > 0 {
		p := s.lower(t - 1)
		if p == "last" || p == "this" || p == "past" || p == "next" {
			unit := low
			return t - 1, t, func(string) (dateT, bool) {
				if !has {
					return dateT{}, false
				}
				pt := pub.time()
				step := map[string]int{"last": -1, "past": -1, "this": 0, "next": 1}[p]
				switch unit {
				case "week", "weekend":
					mon := pt.AddDate(0, 0, -((int(pt.Weekday()) + 6) % 7))
					return fromTime(mon.AddDate(0, 0, 7*step)), true
				case "month":
					f := time.Date(pub.y, time.Month(pub.m), 1, 12, 0, 0, 0, time.UTC)
					return fromTime(f.AddDate(0, step, 0)), true
				default:
					return dateT{pub.y + step, 1, 1}, true
				}
			}
		}
	}
	if mo, ok := months[low]; ok && isUpperWord(form) {
		if low == "may" && !(t+1 < len(s.toks) && isNumTok(s, t+1)) && !(t > 0 && timePreps[s.lower(t-1)]) {
			return -1, -1, none
		}
		if (low == "march" || strings.HasSuffix(low, ".")) && s.toks[t].UPOS == "VERB" {
			return -1, -1, none
		}
		lo, hi := t, t
		day, year := 0, 0
		if t > 0 && isDayNum(s.lower(t-1)) {
			day, lo = atoiDay(s.lower(t-1)), t-1
			if t > 1 && s.lower(t-2) == "the" {
				lo = t - 2
			}
		} else if t+1 < len(s.toks) && isDayNum(s.lower(t+1)) {
			day, hi = atoiDay(s.lower(t+1)), t+1
		}
		k := hi + 1
		if k < len(s.toks) && s.lower(k) == "," {
			k++
		}
		if k < len(s.toks) && isYear(s.lower(k)) {
			year, _ = strconv.Atoi(s.lower(k))
			hi = k
		}
		return lo, hi, func(string) (dateT, bool) {
			d := day
			if d == 0 {
				d = 1
			}
			if year > 0 {
				return dateT{year, mo, d}, true
			}
			if !has {
				return dateT{}, false
			}
			y := pub.y
			if mo > pub.m || mo == pub.m && day > pub.d {
				y--
			}
			return dateT{y, mo, d}, true
		}
	}
	if isYear(low) && t > 0 && (s.lower(t-1) == "in" || s.lower(t-1) == "since" || s.lower(t-1) == "during" || s.lower(t-1) == "by") {
		y, _ := strconv.Atoi(low)
		return t, t, func(string) (dateT, bool) { return dateT{y, 1, 1}, true }
	}
	if len(low) == 10 && low[4] == '-' && low[7] == '-' {
		if tt, err := time.Parse("2006-01-02", low); err == nil {
			return t, t, func(string) (dateT, bool) { return fromTime(tt), true }
		}
	}
	return -1, -1, none
}

func isNumTok(s *sent, i int) bool {
	_, err := strconv.Atoi(strings.TrimRight(s.lower(i), "stndrh"))
	return err == nil
}

func isDayNum(w string) bool {
	d := atoiDay(w)
	return d >= 1 && d <= 31
}

func atoiDay(w string) int {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	n, err := strconv.Atoi(w)
	if err != nil || len(w) > 2 {
		return 0
	}
	return n
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1800 && n <= 2100
}

// findQuotes records the inner spans of quotations: curly or guillemet
// pairs and straight double quotes toggling. An unclosed quote runs to the
// end of its paragraph.
func (st *state) findQuotes() {
	r := st.runes
	open := -1
	straight := false
	for i, c := range r {
		switch c {
		case '“', '«', '„':
			if open < 0 {
				open, straight = i+1, false
			}
		case '”', '»':
			if open >= 0 && !straight {
				st.quotes = append(st.quotes, span{open, i})
				open = -1
			}
		case '"':
			// a straight quote opens after a space and before a word, and
			// closes after a word; an opener while one is open means the
			// earlier quote ran on unclosed (a paragraph break lost in
			// the text), a closer with none open is stray
			prevSpace := i == 0 || unicode.IsSpace(r[i-1]) || strings.ContainsRune("([{—–-", r[i-1])
			nextSpace := i+1 >= len(r) || unicode.IsSpace(r[i+1]) || strings.ContainsRune(".,;:!?)]}", r[i+1])
			opener := prevSpace && !nextSpace
			closer := !prevSpace && nextSpace
			switch {
			case open < 0 && !closer:
				open, straight = i+1, true
			case open >= 0 && straight && opener:
				st.quotes = append(st.quotes, span{open, i})
				open = i + 1
			case open >= 0 && straight:
				st.quotes = append(st.quotes, span{open, i})
				open = -1
			}
		case '\n':
			// a quote never runs across a paragraph break: news style
			// reopens it on the next paragraph
			if open >= 0 {
				st.quotes = append(st.quotes, span{open, i})
				open = -1
			}
		}
	}
	if open >= 0 {
		st.quotes = append(st.quotes, span{open, len(r)})
	}
}

// quoteAt returns the index of the quote region containing code point
// offset off, or -1.
func (st *state) quoteAt(off int) int {
	for i, q := range st.quotes {
		if off >= q.start && off < q.end {
			return i
		}
	}
	return -1
}
