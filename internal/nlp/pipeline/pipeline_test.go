package pipeline

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

const sample = `WASHINGTON (AP) - The Senate approved a $1.2 billion aid package on Tuesday, officials said.
“We didn’t expect it,” said Sen. Jane Smith, who voted against the bill. Critics can't agree.

The U.S. economy grew 3.5% in the third quarter.`

func load(t testing.TB) *Pipeline {
	t.Helper()
	p, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func checkSentences(t *testing.T, text string, ss []nlp.Sentence) {
	t.Helper()
	rs := []rune(text)
	last := 0
	for _, s := range ss {
		if s.Start < last || s.End > len(rs) || string(rs[s.Start:s.End]) != s.Text {
			t.Fatalf("bad sentence span %d:%d %q", s.Start, s.End, s.Text)
		}
		for i, tk := range s.Tokens {
			if tk.Start < last || tk.End > len(rs) || string(rs[tk.Start:tk.End]) != tk.Form {
				t.Fatalf("bad token %q at %d:%d", tk.Form, tk.Start, tk.End)
			}
			last = tk.End
			if tk.UPOS == "" || tk.XPOS == "" || tk.Lemma == "" || tk.Deprel == "" {
				t.Errorf("token %d %q not annotated: %+v", i, tk.Form, tk)
			}
			if tk.Head < 0 || tk.Head > len(s.Tokens) || tk.Head == i+1 {
				t.Errorf("token %q has bad head %d", tk.Form, tk.Head)
			}
		}
	}
}

func TestAnnotate(t *testing.T) {
	p := load(t)
	ss := p.Annotate(sample)
	checkSentences(t, sample, ss)
	if len(ss) != 5 {
		var got []string
		for _, s := range ss {
			got = append(got, s.Text)
		}
		t.Errorf("got %d sentences, want 5: %q", len(ss), got)
	}
	// "can't" is split into ca + n't with lemma "not".
	found := false
	for _, s := range ss {
		for _, tk := range s.Tokens {
			if tk.Form == "n't" {
				found = true
				if tk.Lemma != "not" || tk.UPOS != "PART" {
					t.Errorf("n't annotated %+v", tk)
				}
			}
		}
	}
	if !found {
		t.Error("no n't token")
	}
	if got := p.Annotate(""); len(got) != 0 {
		t.Errorf("empty text gave %d sentences", len(got))
	}
}

func TestConcurrent(t *testing.T) {
	p := load(t)
	want := p.Annotate(sample)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				got := p.Annotate(sample)
				if len(got) != len(want) {
					t.Error("concurrent result differs")
					return
				}
				for i := range got {
					for j := range got[i].Tokens {
						if got[i].Tokens[j] != want[i].Tokens[j] {
							t.Error("concurrent result differs")
							return
						}
					}
				}
			}
		}()
	}
	wg.Wait()
}

func TestLoadFSErrors(t *testing.T) {
	good := Models()
	full := fstest.MapFS{}
	for _, name := range []string{TokenizerFile, TaggerFile, LemmaFile, ParserFile} {
		b, err := fs.ReadFile(good, name)
		if err != nil {
			t.Fatal(err)
		}
		full[name] = &fstest.MapFile{Data: b}
	}
	if _, err := LoadFS(full); err != nil {
		t.Fatalf("LoadFS(copy of embedded) = %v", err)
	}
	for _, name := range []string{TokenizerFile, TaggerFile, LemmaFile, ParserFile} {
		t.Run("missing "+name, func(t *testing.T) {
			m := fstest.MapFS{}
			for k, v := range full {
				if k != name {
					m[k] = v
				}
			}
			if _, err := LoadFS(m); err == nil {
				t.Error("no error")
			}
		})
		t.Run("corrupt "+name, func(t *testing.T) {
			m := fstest.MapFS{}
			for k, v := range full {
				m[k] = v
			}
			d := full[name].Data
			m[name] = &fstest.MapFile{Data: d[:len(d)/3]}
			if _, err := LoadFS(m); err == nil {
				t.Error("no error")
			}
		})
	}
}

// BenchmarkTagParse measures tagging, lemmatisation and parsing of
// pre-tokenized sentences; tokens/s is reported.
func BenchmarkTagParse(b *testing.B) {
	p := load(b)
	var sents []nlp.Sentence
	words := 0
	for _, s := range p.Annotate(strings.Repeat(sample+"\n\n", 4)) {
		ns := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Tokens))}
		for i, tk := range s.Tokens {
			ns.Tokens[i] = nlp.Token{Form: tk.Form}
		}
		sents = append(sents, ns)
		words += len(s.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range sents {
			p.AnnotateTokens(&sents[j])
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures loading the embedded models.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := LoadFS(Models()); err != nil {
			b.Fatal(err)
		}
	}
}
