package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp"
)

// sentFrom builds a sentence from "form/UPOS/head/deprel" words (lemma =
// lower-case form, "said" → "say").
func sentFrom(t *testing.T, spec string) nlp.Sentence {
	t.Helper()
	var s nlp.Sentence
	for _, w := range strings.Fields(spec) {
		// form/UPOS/head/deprel, optionally /lemma/XPOS
		f := strings.Split(w, "/")
		if len(f) != 4 && len(f) != 6 {
			t.Fatalf("bad word %q", w)
		}
		h := 0
		for _, c := range f[2] {
			h = h*10 + int(c-'0')
		}
		lemma := strings.ToLower(f[0])
		if lemma == "said" {
			lemma = "say"
		}
		xpos := ""
		if f[1] == "PART" && f[0] == "'s" {
			xpos = "POS"
		}
		if len(f) == 6 {
			lemma, xpos = f[4], f[5]
		}
		s.Tokens = append(s.Tokens, nlp.Token{Form: f[0], Lemma: lemma, UPOS: f[1], XPOS: xpos, Head: h, Deprel: f[3]})
	}
	return s
}

func TestRepairReporting(t *testing.T) {
	tests := []struct {
		name    string
		spec    string
		changed bool
		subj    string // form of the verb's subject after the repair
		ccomp   string // form of the content's root
	}{
		{"inverted, speaker read as object",
			"Prices/NOUN/3/nsubj are/AUX/3/cop high/ADJ/0/root ,/PUNCT/5/punct said/VERB/3/parataxis the/DET/7/det office/NOUN/5/obj ./PUNCT/3/punct",
			true, "office", "high"},
		{"postposed, a content word as a second subject",
			"Chinese/ADJ/7/nsubj sales/NOUN/7/ccomp grow/VERB/2/acl ,/PUNCT/6/punct the/DET/6/det ministry/NOUN/7/nsubj said/VERB/0/root ./PUNCT/7/punct",
			true, "ministry", "sales"},
		{"the reporting verb read as a relative clause of the quote",
			"“/PUNCT/4/punct This/PRON/4/nsubj is/AUX/4/cop good/ADJ/0/root ,/PUNCT/4/punct ”/PUNCT/4/punct Ann/PROPN/8/nsubj said/VERB/4/acl:relcl ./PUNCT/8/punct",
			true, "Ann", "good"},
		{"already right",
			"Sales/NOUN/2/nsubj grew/VERB/5/ccomp ,/PUNCT/4/punct officials/NOUN/5/nsubj said/VERB/0/root ./PUNCT/5/punct",
			false, "officials", "grew"},
		{"a clause follows the verb: not a reporting clause",
			"In/ADP/2/case Paris/PROPN/5/obl ,/PUNCT/4/punct he/PRON/5/nsubj said/VERB/0/root prices/NOUN/7/nsubj rose/VERB/5/ccomp ./PUNCT/5/punct",
			false, "he", ""},
		{"no verb before the comma",
			"Good/ADJ/2/amod news/NOUN/0/root ,/PUNCT/5/punct he/PRON/5/nsubj said/VERB/2/parataxis ./PUNCT/2/punct",
			false, "he", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sentFrom(t, tc.spec)
			if got := repairReporting(&s); got != tc.changed {
				t.Fatalf("changed %v, want %v", got, tc.changed)
			}
			v := -1
			for i, tk := range s.Tokens {
				if tk.Lemma == "say" {
					v = i
				}
			}
			subj, cc := "", ""
			roots := 0
			for _, tk := range s.Tokens {
				if tk.Head == 0 {
					roots++
				}
				if tk.Head == v+1 && tk.Deprel == "nsubj" {
					subj = tk.Form
				}
				if tk.Head == v+1 && tk.Deprel == "ccomp" {
					cc = tk.Form
				}
			}
			if subj != tc.subj {
				t.Errorf("subject %q, want %q", subj, tc.subj)
			}
			if tc.ccomp != "" && cc != tc.ccomp {
				t.Errorf("complement %q, want %q", cc, tc.ccomp)
			}
			if roots != 1 {
				t.Errorf("%d roots", roots)
			}
		})
	}
}

// headOf returns the form of the head of the word form and its relation.
func headOf(s nlp.Sentence, form string) (head, rel string) {
	for _, tk := range s.Tokens {
		if tk.Form == form && tk.Head > 0 {
			return s.Tokens[tk.Head-1].Form, tk.Deprel
		}
	}
	return "", ""
}

func TestRepairForSubject(t *testing.T) {
	tests := []struct {
		name    string
		spec    string
		changed bool
		subj    string // form of the subject of "said" after the repair
	}{
		{"a for-clause with a finite verb",
			"A/DET/2/det lawyer/NOUN/0/root for/ADP/5/mark Daniel/PROPN/5/nsubj said/VERB/2/acl/say/VBD it/PRON/7/nsubj failed/VERB/5/ccomp ./PUNCT/2/punct",
			true, "lawyer"},
		{"'for' read as a preposition of the verb",
			"A/DET/2/det lawyer/NOUN/0/root for/ADP/5/case Daniel/PROPN/5/nsubj said/VERB/2/nmod/say/VBD it/PRON/7/nsubj failed/VERB/5/ccomp ./PUNCT/2/punct",
			true, "lawyer"},
		{"a real for-to clause",
			"A/DET/2/det plan/NOUN/0/root for/ADP/6/mark Daniel/PROPN/6/nsubj to/PART/6/mark say/VERB/2/acl/say/VB it/PRON/6/obj ./PUNCT/2/punct",
			false, "Daniel"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sentFrom(t, tc.spec)
			if got := repairForSubject(&s); got != tc.changed {
				t.Fatalf("changed %v, want %v", got, tc.changed)
			}
			subj := ""
			for _, tk := range s.Tokens {
				if strings.HasPrefix(tk.Deprel, "nsubj") && tk.Head > 0 && s.Tokens[tk.Head-1].Lemma == "say" {
					subj = tk.Form
				}
			}
			if subj != tc.subj {
				t.Errorf("subject of say %q, want %q", subj, tc.subj)
			}
			if h, rel := headOf(s, "Daniel"); tc.changed && (h != "lawyer" || rel != "nmod") {
				t.Errorf("Daniel under %s as %s, want lawyer as nmod", h, rel)
			}
		})
	}
}

// TestRepairReattach checks the repairs that move one word under another
// head: the word's head (and relation, when given) after the repair.
func TestRepairReattach(t *testing.T) {
	tests := []struct {
		name    string
		repair  func(*nlp.Sentence) bool
		word    string
		spec    string
		changed bool
		head    string
		rel     string // "" for any
	}{
		{"a list read as a second complement of the main verb", repairRelativeObject, "Society",
			"The/DET/2/det Alliance/PROPN/7/nsubj ,/PUNCT/5/punct which/PRON/5/nsubj includes/VERB/2/acl:relcl Society/PROPN/7/ccomp said/VERB/0/root costs/NOUN/9/nsubj rose/VERB/7/ccomp ./PUNCT/7/punct",
			true, "includes", "obj"},
		{"the relative verb has an object already", repairRelativeObject, "Society",
			"The/DET/2/det Alliance/PROPN/8/nsubj ,/PUNCT/5/punct which/PRON/5/nsubj includes/VERB/2/acl:relcl us/PRON/5/obj Society/PROPN/8/ccomp said/VERB/0/root costs/NOUN/10/nsubj rose/VERB/8/ccomp ./PUNCT/8/punct",
			false, "said", "ccomp"},
		{"the only complement is kept", repairRelativeObject, "Society",
			"The/DET/2/det Alliance/PROPN/7/nsubj ,/PUNCT/5/punct which/PRON/5/nsubj grew/VERB/2/acl:relcl Society/PROPN/7/ccomp said/VERB/0/root ./PUNCT/7/punct",
			false, "said", "ccomp"},
		{"no relative clause", repairRelativeObject, "Society",
			"Society/PROPN/3/ccomp they/PRON/3/nsubj said/VERB/0/root costs/NOUN/5/nsubj rose/VERB/3/ccomp ./PUNCT/3/punct",
			false, "said", "ccomp"},
		{"hung on the complement's predicate", repairTrailingParticiple, "adding",
			"He/PRON/2/nsubj said/VERB/0/root prices/NOUN/5/nsubj would/AUX/5/aux rise/VERB/2/ccomp ,/PUNCT/7/punct adding/VERB/5/advcl/add/VBG wages/NOUN/9/nsubj fell/VERB/7/ccomp ./PUNCT/2/punct",
			true, "said", ""},
		{"already on the speech verb", repairTrailingParticiple, "adding",
			"He/PRON/2/nsubj said/VERB/0/root prices/NOUN/5/nsubj would/AUX/5/aux rise/VERB/2/ccomp ,/PUNCT/7/punct adding/VERB/2/advcl/add/VBG wages/NOUN/9/nsubj fell/VERB/7/ccomp ./PUNCT/2/punct",
			false, "said", ""},
		{"no speech verb above", repairTrailingParticiple, "adding",
			"Prices/NOUN/2/nsubj rose/VERB/0/root ,/PUNCT/4/punct adding/VERB/2/advcl/add/VBG pressure/NOUN/4/obj ./PUNCT/2/punct",
			false, "rose", ""},
		{"the name read as the verb's complement", repairApposName, "Nabil",
			"The/DET/2/det spokesman/NOUN/7/nsubj ,/PUNCT/4/punct Nabil/PROPN/7/ccomp Abdallah/PROPN/4/flat ,/PUNCT/4/punct said/VERB/0/root it/PRON/9/nsubj ended/VERB/7/ccomp ./PUNCT/7/punct",
			true, "spokesman", "appos"},
		{"already an apposition", repairApposName, "Nabil",
			"The/DET/2/det spokesman/NOUN/7/nsubj ,/PUNCT/4/punct Nabil/PROPN/2/appos Abdallah/PROPN/4/flat ,/PUNCT/4/punct said/VERB/0/root it/PRON/9/nsubj ended/VERB/7/ccomp ./PUNCT/7/punct",
			false, "spokesman", "appos"},
		{"the name is the subject", repairApposName, "Nabil",
			"In/ADP/2/case May/PROPN/7/obl ,/PUNCT/2/punct Nabil/PROPN/7/nsubj Abdallah/PROPN/4/flat ,/PUNCT/4/punct said/VERB/0/root it/PRON/9/nsubj ended/VERB/7/ccomp ./PUNCT/7/punct",
			false, "said", "nsubj"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := sentFrom(t, tc.spec)
			if got := tc.repair(&s); got != tc.changed {
				t.Fatalf("changed %v, want %v", got, tc.changed)
			}
			if h, rel := headOf(s, tc.word); h != tc.head || tc.rel != "" && rel != tc.rel {
				t.Errorf("%s under %s as %s, want %s as %s", tc.word, h, rel, tc.head, tc.rel)
			}
		})
	}
}
