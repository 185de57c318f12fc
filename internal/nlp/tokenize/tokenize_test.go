package tokenize

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

var tokenCases = []struct {
	name, in string
	want     string // tokens joined by " | "
}{
	{"simple", "The cat sat.", "The | cat | sat | ."},
	{"negation", "I don't know.", "I | do | n't | know | ."},
	{"cant", "We can't go", "We | ca | n't | go"},
	{"wont", "It won't work", "It | wo | n't | work"},
	{"clitics", "She's here and they'll come, we'd say I'm fine", "She | 's | here | and | they | 'll | come | , | we | 'd | say | I | 'm | fine"},
	{"curly apostrophe", "It’s John’s car", "It | ’s | John | ’s | car"},
	{"cannot", "I cannot go", "I | can | not | go"},
	{"gonna", "gonna win", "gon | na | win"},
	{"abbreviation", "Mr. Smith met Dr. Jones in the U.S. yesterday.", "Mr. | Smith | met | Dr. | Jones | in | the | U.S. | yesterday | ."},
	{"number", "It cost 11,000 dollars or 3.5% more.", "It | cost | 11,000 | dollars | or | 3.5 | % | more | ."},
	{"currency", "$5 and £10", "$ | 5 | and | £ | 10"},
	{"email url", "Write to john.doe@example.com or see https://example.com/a?b=1.", "Write | to | john.doe@example.com | or | see | https://example.com/a?b=1 | ."},
	{"hyphen", "A well-known long-term e-mail", "A | well | - | known | long | - | term | e-mail"},
	{"prefix hyphen", "a non-profit group", "a | non-profit | group"},
	{"curly quotes", "“Yes,” she said ‘no’.", "“ | Yes | , | ” | she | said | ‘ | no | ’ | ."},
	{"brackets", "(see [1])", "( | see | [ | 1 | ] | )"},
	{"ellipsis", "Wait... what?!", "Wait | ... | what | ?!"},
	{"possessive plural", "the students' books", "the | students | ' | books"},
	{"initials", "J. K. Rowling wrote", "J. | K. | Rowling | wrote"},
	{"slash", "and/or 9/11", "and | / | or | 9/11"},
	{"empty", "", ""},
	{"stars", "***NOTICE***", "*** | NOTICE | ***"},
	{"missing spaces", "fine,but way...actually", "fine | , | but | way | ... | actually"},
	{"spaces", "  \n\t ", ""},
	{"its as it's", "Its a pity, its not mine but its tail", "It | s | a | pity | , | it | s | not | mine | but | its | tail"},
}

func join(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, t.Text)
	}
	return strings.Join(s, " | ")
}

func TestTokenize(t *testing.T) {
	tk := Default()
	for _, tt := range tokenCases {
		t.Run(tt.name, func(t *testing.T) {
			got := tk.Tokenize(tt.in)
			if j := join(got); j != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, j, tt.want)
			}
			checkOffsets(t, tt.in, got)
		})
	}
}

func checkOffsets(t *testing.T, text string, toks []Token) {
	t.Helper()
	rs := []rune(text)
	last := 0
	for _, tk := range toks {
		if tk.Start < last || tk.End <= tk.Start || tk.End > len(rs) {
			t.Fatalf("bad offsets %d:%d (previous end %d) in %q", tk.Start, tk.End, last, text)
		}
		if string(rs[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token %q != text slice %q", tk.Text, string(rs[tk.Start:tk.End]))
		}
		last = tk.End
	}
}

var splitCases = []struct {
	name, in string
	want     []string
}{
	{"two", "He left. She stayed.", []string{"He left.", "She stayed."}},
	{"abbreviation", "Mr. Smith left at 5 p.m. on Monday. Then he ate.", []string{"Mr. Smith left at 5 p.m. on Monday.", "Then he ate."}},
	{"initial", "J. K. Rowling wrote it. It sold.", []string{"J. K. Rowling wrote it.", "It sold."}},
	{"quote", "He said \"Go.\" Then he left.", []string{"He said \"Go.\"", "Then he left."}},
	{"curly quote", "She said “No!” They left.", []string{"She said “No!”", "They left."}},
	{"question lowercase", "really? yes.", []string{"really?", "yes."}},
	{"bracket", "It ended (finally.) Good.", []string{"It ended (finally.)", "Good."}},
	{"headline", "Markets fall\n\nStocks fell on Monday.", []string{"Markets fall", "Stocks fell on Monday."}},
	{"headline single newline", "Markets fall\nStocks fell on Monday.", []string{"Markets fall", "Stocks fell on Monday."}},
	{"wrapped line", "Stocks fell\non Monday and rose\non Tuesday.", []string{"Stocks fell\non Monday and rose\non Tuesday."}},
	{"dateline", "LONDON (Reuters) - Stocks fell. Bonds rose.", []string{"LONDON (Reuters) -", "Stocks fell.", "Bonds rose."}},
	{"us end", "He lives in the U.S. He likes it.", []string{"He lives in the U.S.", "He likes it."}},
	{"us senate", "The U.S. Senate voted. Acme Inc. Chief Executive Jo Li said so.", []string{"The U.S. Senate voted.", "Acme Inc. Chief Executive Jo Li said so."}},
	{"number", "It rose 3.5 percent. Good.", []string{"It rose 3.5 percent.", "Good."}},
}

func TestSplit(t *testing.T) {
	tk := Default()
	for _, tt := range splitCases {
		t.Run(tt.name, func(t *testing.T) {
			rs := []rune(tt.in)
			var got []string
			for _, s := range tk.Split(tt.in) {
				got = append(got, string(rs[s.Start:s.End]))
			}
			if strings.Join(got, "\n||\n") != strings.Join(tt.want, "\n||\n") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLearnAndSave(t *testing.T) {
	l := Learn([]string{"e-mail", "Corp.", "b/c", ":-)", "dog", "its"}, [][]string{{"dont", "do", "nt"}, {"its", "it", "s"}})
	tk := New(l)
	if got := join(tk.Tokenize("Ask Foo Corp. b/c of its dog :-) I dont")); got != "Ask | Foo | Corp. | b/c | of | its | dog | :-) | I | do | nt" {
		t.Errorf("got %s", got)
	}
	var b strings.Builder
	if err := tk.Save(&b); err != nil {
		t.Fatal(err)
	}
	tk2, err := Load(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if got := join(tk2.Tokenize("b/c")); got != "b/c" {
		t.Errorf("after load got %s", got)
	}
	if _, err := Load(strings.NewReader("junk")); err == nil {
		t.Error("Load(junk) succeeded")
	}
}

func FuzzTokenize(f *testing.F) {
	for _, tt := range tokenCases {
		f.Add(tt.in)
	}
	for _, tt := range splitCases {
		f.Add(tt.in)
	}
	f.Add("the desk is new regards Ivo the lamp is old regards Jan")
	tk := Default()
	learned := Default() // with learned sentence boundaries
	learned.TrainBoundaries(signOffCorpus(100, 0), signOffCorpus(10, 3), 3)
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			in = strings.ToValidUTF8(in, "\uFFFD")
		}
		checkOffsets(t, in, tk.Tokenize(in))
		for _, k := range []*Tokenizer{tk, learned} {
			var all []Token
			last := 0
			for _, s := range k.Split(in) {
				if s.Start < last || s.End < s.Start || len(s.Tokens) == 0 {
					t.Fatalf("bad sentence %d:%d", s.Start, s.End)
				}
				last = s.End
				all = append(all, s.Tokens...)
			}
			checkOffsets(t, in, all)
		}
	})
}

func TestBracketsInsideWordsAndLearnedPrefixes(t *testing.T) {
	tk := Default()
	tests := []struct{ in, want string }{
		{"attached file: stocks.pdf)(See attached", "attached|file|:|stocks.pdf|)|(|See|attached"},
		{"(GISB rev1).doc", "(|GISB|rev1|)|.doc"},
		{"<a.b@example.com> wrote", "<|a.b@example.com|>|wrote"},
		{"b/c it rains", "b/c|it|rains"},
		{"...Now comes -Page 71 ,thank you", "...|Now|comes|-|Page|71|,|thank|you"},
		{"see .doc files", "see|.doc|files"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, w := range tk.Tokenize(tt.in) {
				got = append(got, w.Text)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("Tokenize(%q) = %s, want %s", tt.in, g, tt.want)
			}
		})
	}
	l := Learn([]string{"self", "-", "driven", "self", "-", "made", "non-profit", "non-stop", "over-eat", "over-do", "over-run"},
		[][]string{{"im", "i", "m"}, {"im", "i", "m"}, {"its", "it", "s"}})
	if !slices.Contains(l.Prefixes, "over") || slices.Contains(l.Prefixes, "self") {
		t.Errorf("prefixes %v: want over, not self", l.Prefixes)
	}
	if !slices.Contains(l.Splits, "im 1") {
		t.Errorf("splits %v: want im 1", l.Splits)
	}
}
