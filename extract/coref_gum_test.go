package extract

import (
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/nlp"
	"github.com/newsgraph/newsgraph/internal/nlp/conllu"
	"github.com/newsgraph/newsgraph/loaders"
)

var gumPath = flag.String("gum", "/work/shared/corpora/ud-gum/en_gum-ud-dev.conllu", "UD GUM file for the coreference evaluation")

// gumMention is a GUM coreference mention: tokens lo..hi of a sentence.
type gumMention struct {
	s, lo, hi int
	id        int
	typ       string
}

// gumDoc is one GUM document with gold parses, named-entity spans made from
// the named GUM mentions and all GUM mentions.
type gumDoc struct {
	goldDoc
	ments []gumMention
}

func readGUM(t testing.TB, path string) []*gumDoc {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("GUM not available: %v", err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*gumDoc
	var cur *gumDoc
	var text []rune
	for _, cs := range sents {
		if _, ok := cs.Comment("newdoc id"); ok || cur == nil {
			if cur != nil {
				cur.text = string(text)
			}
			cur = &gumDoc{}
			docs = append(docs, cur)
			text = nil
		}
		ns := conllu.ToNLP(cs)
		if len(text) > 0 {
			text = append(text, ' ')
		}
		off := len(text)
		text = append(text, []rune(ns.Text)...)
		ns.Start += off
		ns.End += off
		for i := range ns.Tokens {
			ns.Tokens[i].Start += off
			ns.Tokens[i].End += off
		}
		si := len(cur.sents)
		cur.sents = append(cur.sents, ns)
		open := map[int][]gumMention{}
		var spans []nlp.Span
		for wi, w := range cs.Words {
			v, _ := conllu.MiscGet(w.Misc, "Entity")
			closeOne := func(id int) {
				st := open[id]
				if len(st) == 0 {
					return
				}
				gm := st[len(st)-1]
				open[id] = st[:len(st)-1]
				gm.hi = wi
				cur.ments = append(cur.ments, gm)
				if typ := gumType(gm.typ); typ != "" && ns.Tokens[gm.lo].UPOS == "PROPN" && ns.Tokens[gm.hi].UPOS == "PROPN" {
					spans = append(spans, nlp.Span{Start: gm.lo, End: gm.hi + 1, Type: typ})
				}
			}
			// "(id-type-...)" opens and closes, "(id-type-..." opens, "id)" closes
			for i := 0; i < len(v); {
				if v[i] == '(' {
					j := i + 1
					for j < len(v) && v[j] != '(' && v[j] != ')' {
						j++
					}
					parts := strings.Split(v[i+1:j], "-")
					id, err := strconv.Atoi(parts[0])
					if err == nil && len(parts) > 1 {
						open[id] = append(open[id], gumMention{s: si, lo: wi, id: id, typ: parts[1]})
						if j < len(v) && v[j] == ')' {
							closeOne(id)
							j++
						}
					}
					i = j
					continue
				}
				j := i
				for j < len(v) && v[j] >= '0' && v[j] <= '9' {
					j++
				}
				if j > i && j < len(v) && v[j] == ')' {
					id, _ := strconv.Atoi(v[i:j])
					closeOne(id)
					i = j + 1
					continue
				}
				i++
			}
		}
		cur.spans = append(cur.spans, spans)
	}
	if cur != nil {
		cur.text = string(text)
	}
	return docs
}

func gumType(t string) string {
	switch t {
	case "person":
		return TypePerson
	case "organization":
		return TypeOrg
	case "place":
		return TypeGPE
	}
	return ""
}

// TestCorefGUM measures pronoun resolution on GUM dev: for third-person
// pronouns whose GUM entity has an earlier named mention, the share
// resolved to an entity containing that named mention.
func TestCorefGUM(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus evaluation")
	}
	if _, err := os.Stat(*gumPath); err != nil {
		t.Skip("GUM not available")
	}
	docs := readGUM(t, *gumPath)
	var eligible, resolved, correct int
	for _, d := range docs {
		x := New(&d.goldDoc, &d.goldDoc, Options{keepSplits: true})
		st := newState(x, loaders.Document{Text: d.text})
		st.findQuotes()
		st.findTimexes()
		st.buildEntities()
		st.resolveCoref()
		// GUM id of each of our mentions (by sentence and head-covering span)
		gid := map[[3]int]int{}
		for _, gm := range d.ments {
			gid[[3]int{gm.s, gm.lo, gm.hi}] = gm.id
		}
		named := map[int]int{} // GUM id -> first sentence*10000+token of a named mention
		for _, m := range st.ments {
			if id, ok := gid[[3]int{m.s, m.lo, m.hi}]; ok {
				if _, seen := named[id]; !seen {
					named[id] = m.s*10000 + m.lo
				}
			}
		}
		for _, gm := range d.ments {
			if gm.lo != gm.hi {
				continue
			}
			s := st.sents[gm.s]
			low := s.lower(gm.lo)
			if !(malePronouns[low] || femalePronouns[low] || pluralPronouns[low] || neuterPronouns[low]) {
				continue
			}
			first, ok := named[gm.id]
			if !ok || first >= gm.s*10000+gm.lo {
				continue
			}
			eligible++
			e, ok := st.coref[tokRef{gm.s, gm.lo}]
			if !ok || e < 0 {
				continue
			}
			resolved++
			for _, mi := range st.ents[e].ments {
				m := st.ments[mi]
				if gid[[3]int{m.s, m.lo, m.hi}] == gm.id {
					correct++
					break
				}
			}
		}
	}
	if eligible == 0 {
		t.Skip("no eligible pronouns")
	}
	t.Logf("GUM dev pronoun coreference: %d pronouns with a named antecedent; resolved %d (%.1f%%); correct %d: precision %.1f%%, recall %.1f%%",
		eligible, resolved, 100*float64(resolved)/float64(eligible), correct,
		100*float64(correct)/float64(max(resolved, 1)), 100*float64(correct)/float64(eligible))
	if float64(correct)/float64(eligible) < 0.7 {
		t.Errorf("pronoun recall %.2f below 0.7", float64(correct)/float64(eligible))
	}
	_ = strings.ToLower
}
