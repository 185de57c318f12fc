// Package score compares an extraction record with a hand-annotated gold
// record: entities by name and type, claims matched by sentence and speaker
// (or content) with sub-scores for speaker, cue, quote, time, certainty,
// reported_by and figures, and relations by subject, predicate and object.
package score

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// Count is a precision/recall tally.
type Count struct {
	Matched   int // true positives (counted on the gold side)
	PredMatch int // true positives counted on the predicted side
	Gold      int
	Pred      int
}

// Precision is PredMatch/Pred.
func (c Count) Precision() float64 { return ratio(c.PredMatch, c.Pred) }

// Recall is Matched/Gold.
func (c Count) Recall() float64 { return ratio(c.Matched, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Count) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Acc is an accuracy tally over matched claims.
type Acc struct{ Right, Total int }

// Value is Right/Total.
func (a Acc) Value() float64 { return ratio(a.Right, a.Total) }

// Report holds the scores of one or more documents.
type Report struct {
	Entities       Count
	Claims         Count
	Relations      Count
	TypedRelations Count
	Figures        Count
	// Over matched claims:
	Speaker, Cue, Quote, Time, Certainty, ReportedBy Acc
	Docs                                             int
}

// Add accumulates another report.
func (r *Report) Add(o Report) {
	add := func(a *Count, b Count) {
		a.Matched += b.Matched
		a.PredMatch += b.PredMatch
		a.Gold += b.Gold
		a.Pred += b.Pred
	}
	add(&r.Entities, o.Entities)
	add(&r.Claims, o.Claims)
	add(&r.Relations, o.Relations)
	add(&r.TypedRelations, o.TypedRelations)
	add(&r.Figures, o.Figures)
	for _, p := range [][2]*Acc{{&r.Speaker, &o.Speaker}, {&r.Cue, &o.Cue}, {&r.Quote, &o.Quote},
		{&r.Time, &o.Time}, {&r.Certainty, &o.Certainty}, {&r.ReportedBy, &o.ReportedBy}} {
		p[0].Right += p[1].Right
		p[0].Total += p[1].Total
	}
	r.Docs += o.Docs
}

func norm(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	return strings.Trim(s, " .,;:\"“”'’")
}

type names map[string][]string // entity id -> normalized name and aliases

func entityNames(r *extract.Record) names {
	n := names{}
	for _, e := range r.Entities {
		l := []string{norm(e.Name)}
		for _, a := range e.Aliases {
			l = append(l, norm(a))
		}
		n[e.ID] = l
	}
	return n
}

func (n names) same(a string, m names, b string) bool {
	for _, x := range n[a] {
		for _, y := range m[b] {
			if x == y {
				return true
			}
		}
	}
	return false
}

// Compare scores pred against gold.
func Compare(gold, pred *extract.Record) Report {
	rep := Report{Docs: 1}
	gn, pn := entityNames(gold), entityNames(pred)
	// entities: name (or alias) and type
	used := map[string]bool{}
	rep.Entities.Gold, rep.Entities.Pred = len(gold.Entities), len(pred.Entities)
	for _, g := range gold.Entities {
		for _, p := range pred.Entities {
			if !used[p.ID] && g.Type == p.Type && gn.same(g.ID, pn, p.ID) {
				used[p.ID] = true
				rep.Entities.Matched++
				rep.Entities.PredMatch++
				break
			}
		}
	}
	// relations
	relKey := func(r extract.Relation, n names) (string, string, string) {
		o := "text:" + norm(r.Object.Text)
		if r.Object.Entity != "" {
			o = r.Object.Entity
		}
		return r.Subject, r.Predicate, o
	}
	relSame := func(g, p extract.Relation) bool {
		gs, gp, gobj := relKey(g, gn)
		ps, pp, pobj := relKey(p, pn)
		if gp != pp || !gn.same(gs, pn, ps) {
			return false
		}
		if strings.HasPrefix(gobj, "text:") || strings.HasPrefix(pobj, "text:") {
			return gobj == pobj || strings.HasPrefix(gobj, "text:") && strings.HasPrefix(pobj, "text:") && overlap(gobj[5:], pobj[5:]) >= 0.5
		}
		return gn.same(gobj, pn, pobj)
	}
	countRels := func(c *Count, typed bool) {
		isTyped := func(p string) bool {
			switch p {
			case extract.LocatedIn, extract.PartOf, extract.Borders, extract.MemberOf, extract.LeaderOf, extract.Nationality:
				return true
			}
			return false
		}
		var gs, ps []extract.Relation
		for _, r := range gold.Relations {
			if !typed || isTyped(r.Predicate) {
				gs = append(gs, r)
			}
		}
		for _, r := range pred.Relations {
			if !typed || isTyped(r.Predicate) {
				ps = append(ps, r)
			}
		}
		c.Gold, c.Pred = len(gs), len(ps)
		for _, g := range gs {
			for _, p := range ps {
				if relSame(g, p) {
					c.Matched++
					break
				}
			}
		}
		for _, p := range ps {
			for _, g := range gs {
				if relSame(g, p) {
					c.PredMatch++
					break
				}
			}
		}
	}
	countRels(&rep.Relations, false)
	countRels(&rep.TypedRelations, true)
	// claims
	speakerSame := func(g, p extract.Claim) bool {
		if g.Speaker != nil && p.Speaker != nil {
			return gn.same(*g.Speaker, pn, *p.Speaker)
		}
		if g.Speaker == nil && p.Speaker == nil {
			return overlap(g.SpeakerText, p.SpeakerText) >= 0.5
		}
		return false
	}
	rep.Claims.Gold, rep.Claims.Pred = len(gold.Claims), len(pred.Claims)
	type pair struct {
		g, p  int
		score float64
	}
	var pairs []pair
	for i, g := range gold.Claims {
		for j, p := range pred.Claims {
			if g.Sentence != p.Sentence {
				continue
			}
			sp := speakerSame(g, p)
			ov := overlap(g.Content, p.Content)
			if !sp && ov < 0.5 {
				continue
			}
			s := ov
			if sp {
				s += 2
			}
			if g.Cue == p.Cue {
				s += 0.5
			}
			pairs = append(pairs, pair{i, j, s})
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].score > pairs[b].score })
	gUsed, pUsed := map[int]bool{}, map[int]bool{}
	for _, pr := range pairs {
		if gUsed[pr.g] || pUsed[pr.p] {
			continue
		}
		gUsed[pr.g], pUsed[pr.p] = true, true
		rep.Claims.Matched++
		rep.Claims.PredMatch++
		g, p := gold.Claims[pr.g], pred.Claims[pr.p]
		acc := func(a *Acc, ok bool) {
			a.Total++
			if ok {
				a.Right++
			}
		}
		acc(&rep.Speaker, speakerSame(g, p))
		acc(&rep.Cue, g.Cue == p.Cue)
		acc(&rep.Quote, g.Quote == p.Quote)
		acc(&rep.Certainty, g.Certainty == p.Certainty)
		acc(&rep.Time, timeSame(g.Time, p.Time))
		acc(&rep.ReportedBy, sameIDs(g.ReportedBy, gn, p.ReportedBy, pn))
		// figures of the matched claims: value, unit and modifier
		fUsed := map[int]bool{}
		rep.Figures.Gold += len(g.Figures)
		rep.Figures.Pred += len(p.Figures)
		for _, gf := range g.Figures {
			for k, pf := range p.Figures {
				if !fUsed[k] && figSame(gf, pf) {
					fUsed[k] = true
					rep.Figures.Matched++
					rep.Figures.PredMatch++
					break
				}
			}
		}
	}
	// figures of unmatched claims count as misses
	for i, g := range gold.Claims {
		if !gUsed[i] {
			rep.Figures.Gold += len(g.Figures)
		}
	}
	for j, p := range pred.Claims {
		if !pUsed[j] {
			rep.Figures.Pred += len(p.Figures)
		}
	}
	return rep
}

func figSame(g, p extract.Figure) bool {
	if g.Value != p.Value || g.Modifier != p.Modifier {
		return false
	}
	gu, pu := "", ""
	if g.Unit != nil {
		gu = norm(*g.Unit)
	}
	if p.Unit != nil {
		pu = norm(*p.Unit)
	}
	return gu == pu || strings.TrimSuffix(gu, "s") == strings.TrimSuffix(pu, "s")
}

func timeSame(g, p *extract.Time) bool {
	if g == nil || p == nil {
		return g == nil && p == nil
	}
	if g.Value != nil || p.Value != nil {
		return g.Value != nil && p.Value != nil && *g.Value == *p.Value
	}
	return norm(g.Text) == norm(p.Text)
}

func sameIDs(g []string, gn names, p []string, pn names) bool {
	if len(g) != len(p) {
		return false
	}
	for _, a := range g {
		found := false
		for _, b := range p {
			if gn.same(a, pn, b) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// overlap is the token F1 of two texts (lowercase, punctuation stripped).
func overlap(a, b string) float64 {
	ta, tb := toks(a), toks(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	m := map[string]int{}
	for _, t := range ta {
		m[t]++
	}
	common := 0
	for _, t := range tb {
		if m[t] > 0 {
			m[t]--
			common++
		}
	}
	if common == 0 {
		return 0
	}
	p, r := float64(common)/float64(len(tb)), float64(common)/float64(len(ta))
	return 2 * p * r / (p + r)
}

func toks(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '“' && r != '”' && r != '’')
	})
	return f
}

// Write prints the report as a table.
func (r Report) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "documents: %d\n", r.Docs)
	fmt.Fprintf(&b, "%-16s %6s %6s %6s %6s %6s\n", "part", "P", "R", "F1", "gold", "pred")
	for _, p := range []struct {
		n string
		c Count
	}{{"entities", r.Entities}, {"claims", r.Claims}, {"figures", r.Figures}, {"relations", r.Relations}, {"typed relations", r.TypedRelations}} {
		fmt.Fprintf(&b, "%-16s %6.1f %6.1f %6.1f %6d %6d\n", p.n, 100*p.c.Precision(), 100*p.c.Recall(), 100*p.c.F1(), p.c.Gold, p.c.Pred)
	}
	fmt.Fprintf(&b, "matched claims: accuracy of each field\n")
	for _, a := range []struct {
		n string
		a Acc
	}{{"speaker", r.Speaker}, {"cue", r.Cue}, {"quote", r.Quote}, {"time", r.Time}, {"certainty", r.Certainty}, {"reported_by", r.ReportedBy}} {
		fmt.Fprintf(&b, "  %-14s %6.1f (%d/%d)\n", a.n, 100*a.a.Value(), a.a.Right, a.a.Total)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
