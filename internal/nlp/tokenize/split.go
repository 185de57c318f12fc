package tokenize

import (
	"strings"
	"unicode"
)

// Sentence is a run of tokens; Start and End are code point offsets.
type Sentence struct {
	Start, End int
	Tokens     []Token
}

func isFinal(s string) bool {
	for _, r := range s {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return s != ""
}

func isCloser(s string) bool {
	switch s {
	case "\"", "”", "’", "'", ")", "]", "}", "»":
		return true
	}
	return false
}

func startsSentence(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpen(r) || unicode.IsPunct(r) || !unicode.IsLetter(r) && !unicode.IsSpace(r)
	}
	return false
}

// Split tokenizes text and groups the tokens into sentences. Sentences end
// at blank lines, at line breaks not followed by a lowercase continuation,
// and after sentence-final punctuation (with any closing quotes or brackets)
// followed by a capitalised word, a number, an opening quote or the end.
func (t *Tokenizer) Split(text string) []Sentence {
	rs := []rune(text)
	toks := t.Tokenize(text)
	var out []Sentence
	var fs []string
	level := ""
	learned := false
	if t.boundary != nil {
		// text that ends nearly all its paragraphs with punctuation
		// punctuates its sentences too: the rules suffice
		level = punctLevel(text)
		learned = level != wellPunctuated
	}
	begin := 0
	cut := func(end int) {
		if end > begin {
			out = append(out, Sentence{Start: toks[begin].Start, End: toks[end-1].End, Tokens: toks[begin:end:end]})
		}
		begin = end
	}
	for i := 0; i < len(toks); i++ {
		if i > begin {
			// Line breaks between the previous token and this one.
			nl := 0
			for k := toks[i-1].End; k < toks[i].Start; k++ {
				if rs[k] == '\n' {
					nl++
				}
			}
			if nl >= 2 || nl == 1 && !continues(toks[i-1].Text, toks[i].Text) {
				cut(i)
			} else if learned && toks[i].Start > toks[i-1].End {
				var sc float64
				if sc, fs = t.boundaryScore(fs, toks, i, begin, nl, level); sc > 0 {
					cut(i)
				}
			}
		}
		if isDash(toks[i].Text) && i > begin+1 && i-begin <= 10 && toks[i-1].Text == ")" && isUpperWord(toks[begin].Text) {
			cut(i + 1) // dateline "CITY (Agency) -"
			continue
		}
		if !isFinal(toks[i].Text) && !t.abbrevEnd(toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && isCloser(toks[j].Text) && toks[j].Start == toks[j-1].End {
			j++
		}
		strong := isFinal(toks[i].Text) && !strings.HasPrefix(toks[i].Text, "..") && toks[i].Text != "…"
		if !strong && j == i+1 && j < len(toks) && toks[j].Start == toks[i].End {
			continue // "...Now": an ellipsis attached to the next word
		}
		if j == len(toks) || strong || startsSentence(toks[j].Text) {
			if t.abbrevEnd(toks, i) && j < len(toks) && !isFinal(toks[i].Text) && !starters[toks[j].Text] {
				// "the U.S. Senate": an abbreviation ends a sentence only
				// before a typical sentence-initial word.
				continue
			}
			if !isFinal(toks[i].Text) && isTitle(toks[i].Text) {
				continue
			}
			cut(j)
			i = j - 1
		}
	}
	cut(len(toks))
	return out
}

// continues reports whether a single line break between prev and next looks
// like a wrapped line rather than a new sentence.
func continues(prev, next string) bool {
	if isFinal(prev) {
		return false
	}
	for _, r := range next {
		return unicode.IsLower(r)
	}
	return false
}

var titles = map[string]bool{"Mr.": true, "Mrs.": true, "Ms.": true, "Dr.": true, "St.": true, "Prof.": true,
	"Gen.": true, "Gov.": true, "Sen.": true, "Rep.": true, "Lt.": true, "Col.": true, "Capt.": true, "Sgt.": true,
	"Rev.": true, "Ft.": true, "Mt.": true, "No.": true, "vs.": true, "v.": true, "Jan.": true, "Feb.": true,
	"Mar.": true, "Apr.": true, "Jun.": true, "Jul.": true, "Aug.": true, "Sep.": true, "Sept.": true, "Oct.": true,
	"Nov.": true, "Dec.": true, "e.g.": true, "i.e.": true, "cf.": true}

func isTitle(s string) bool {
	if titles[s] {
		return true
	}
	r := []rune(s)
	return len(r) == 2 && unicode.IsUpper(r[0]) && r[1] == '.' // initial
}

// abbrevEnd reports whether token i is an abbreviation ending in a period,
// which may also end the sentence ("in the U.S. The ...").
func (t *Tokenizer) abbrevEnd(toks []Token, i int) bool {
	s := toks[i].Text
	return len(s) > 1 && s[len(s)-1] == '.' && !isFinal(s)
}

func isDash(s string) bool { return s == "-" || s == "--" || s == "—" || s == "–" }

func isUpperWord(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// starters are words that typically begin a sentence; after an
// abbreviation they signal a sentence boundary.
var starters = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`The A An He She It They We I You This That These Those There Here His Her Its
		Our Their My Your But And Or So Yet However Meanwhile In On At For With After Before When While If As
		What Who Why How Where Some Many Most All No Not One Two Both Each Other Such Then Now Still Also
		"` + "“ ‘ (") {
		starters[w] = true
	}
}
