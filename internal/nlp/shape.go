package nlp

import "unicode"

// Shape maps a word to a short shape string such as "Xx", "d.d" or "x-x":
// upper-case letters become X, other lower-case letters x, digits d, other
// ASCII characters stay, other characters become *, and runs of the same
// class longer than two are cut to two. The tagger and the sentence
// splitter use it as a feature.
func Shape(w string) string {
	var b []byte
	var last byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 128:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			n++
			if n > 2 {
				continue
			}
		} else {
			n = 1
		}
		last = c
		b = append(b, c)
	}
	return string(b)
}
