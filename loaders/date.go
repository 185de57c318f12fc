package loaders

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// dateLayouts are tried in order on a cleaned date string. Layouts with a
// clock come before their date-only prefixes.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006",
	"Mon, 02 Jan 2006",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.UnixDate,
	time.ANSIC,
	"January 2, 2006 15:04:05",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04PM",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006 15:04",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan. 2, 2006",
	"2 January 2006 15:04",
	"2 January 2006",
	"2 January, 2006",
	"2 Jan 2006 15:04",
	"2 Jan 2006",
	"02 Jan 2006",
	"2-Jan-2006",
	"January 2006",
}

// ParseDate parses a publication date written in a common format: RFC 3339
// and ISO 8601 ("2024-11-04", "2024-11-04T09:30:00+02:00"), RFC 1123 and
// RFC 822 ("Mon, 04 Nov 2024 09:30:00 GMT"), and English prose dates
// ("November 4, 2024", "4 November 2024", "Nov. 4th, 2024", with or without
// a weekday and a time). Numeric Unix timestamps in seconds or milliseconds
// are accepted too. A time zone offset is kept as written, so
// t.Format("2006-01-02") is the date as published. It reports false when
// nothing date-like is found.
func ParseDate(s string) (time.Time, bool) {
	s = cleanDate(s)
	if s == "" {
		return time.Time{}, false
	}
	if t, ok := parseUnix(s); ok {
		return t, true
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	// Retry on prefixes: dates often trail a clock or a label we do not
	// know ("November 4, 2024 at 9:30 a.m. EST", "2024-11-04 | Updated").
	words := strings.Fields(s)
	for n := len(words) - 1; n >= 2; n-- {
		p := strings.TrimRight(strings.Join(words[:n], " "), ",;|·-–—")
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, p); err == nil {
				return t, true
			}
		}
	}
	if len(words) > 0 && len(words[0]) >= 10 {
		w := words[0]
		if t, err := time.Parse("2006-01-02", w[:10]); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// cleanDate trims a date string, drops a leading weekday, a leading label
// such as "Published:" or "Updated", ordinal suffixes ("4th") and "at"
// between date and time, and fixes abbreviations written with a dot.
func cleanDate(s string) string {
	s = normalizeField(s)
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	lower := strings.ToLower(s)
	for _, label := range []string{"published on", "published:", "published", "posted on", "posted:", "posted", "updated on", "updated:", "updated", "date:", "on "} {
		if strings.HasPrefix(lower, label) {
			s = strings.TrimSpace(s[len(label):])
			lower = strings.ToLower(s)
			break
		}
	}
	words := strings.Fields(s)
	out := words[:0]
	for i, w := range words {
		lw := strings.ToLower(strings.TrimRight(w, ",."))
		if i == 0 && isWeekday(lw) && len(words) > 1 {
			continue
		}
		if lw == "at" || lw == "on" {
			continue
		}
		w = stripOrdinal(w)
		// "Nov." → "Nov", "Sept" → "Sep".
		if strings.HasSuffix(w, ".") && len(w) <= 5 && isMonthPrefix(strings.ToLower(strings.TrimSuffix(w, "."))) {
			w = strings.TrimSuffix(w, ".")
		}
		if strings.EqualFold(strings.TrimRight(w, ","), "sept") {
			w = "Sep" + w[4:]
		}
		out = append(out, w)
	}
	s = strings.Join(out, " ")
	// Capitalise month names so "november 4, 2024" parses.
	return capitaliseWords(s)
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun":
		return true
	}
	return false
}

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

func isMonthPrefix(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, m := range monthNames {
		if strings.HasPrefix(m, w) {
			return true
		}
	}
	return false
}

// stripOrdinal turns "4th," into "4," and "1st" into "1".
func stripOrdinal(w string) string {
	core := strings.TrimRight(w, ",")
	tail := w[len(core):]
	if len(core) < 3 {
		return w
	}
	suf := strings.ToLower(core[len(core)-2:])
	digits := core[:len(core)-2]
	if (suf == "st" || suf == "nd" || suf == "rd" || suf == "th") && allDigits(digits) {
		return digits + tail
	}
	return w
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// capitaliseWords upper-cases the first letter of each word ("november" →
// "November"), and whole meridiem and zone words ("p.m." → "PM", "est" →
// "EST"), as the time package wants them.
func capitaliseWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case lw == "am" || lw == "a.m." || lw == "a.m":
			words[i] = "AM"
		case lw == "pm" || lw == "p.m." || lw == "p.m":
			words[i] = "PM"
		case len(w) >= 3 && len(w) <= 4 && isLetters(w) && !isMonthPrefix(lw) && !isWeekday(lw):
			words[i] = strings.ToUpper(w)
		default:
			r := []rune(w)
			if unicode.IsLower(r[0]) {
				r[0] = unicode.ToUpper(r[0])
			}
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// parseUnix reads a Unix timestamp in seconds or milliseconds, between the
// years 1970 and 2200.
func parseUnix(s string) (time.Time, bool) {
	if !allDigits(s) || len(s) < 9 || len(s) > 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	if len(s) >= 12 {
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}
