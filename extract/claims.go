package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
)

// claim is an attributed statement before ids are assigned.
type claim struct {
	s, cue      int
	cueLemma    string
	speaker     int
	speakerTok  int
	speakerText string
	content     string
	cspans      []span // content spans (code points)
	clo, chi    int    // content tokens in the cue sentence, -1 if none
	quote       bool
	quoteIdx    int
	firstPerson bool
	reportedBy  []int
	time        *timex
	cert        string
	figures     []figure
	places      []int
}

// findClaims finds attribution cues and builds claims. Cues outside quotes
// come first so that first-person cues inside a quote ("We now assess")
// can be given the quote's speaker.
func (st *state) findClaims() {
	figs := st.findFigures()
	var all []*claim
	relayed := map[tokRef][]int{}
	// "according to Y": Y relays the claim of the clause
	for _, s := range st.sents {
		for t := range s.toks {
			if s.lower(t) != "according" || t+1 >= len(s.toks) || s.lower(t+1) != "to" {
				continue
			}
			y := s.head(t)
			if y < 0 || y < t {
				// the parser made "according" a verb: its object is the source
				if o := s.child(t, "obj", "obl"); o > t {
					y = o
				} else {
					y = t + 2
				}
			}
			if y >= len(s.toks) {
				continue
			}
			h := s.head(y)
			if h < 0 || h == t {
				h = s.head(t)
			}
			if h < 0 {
				h = y
			}
			src := st.npEntity(s, y)
			if cueLemmas[s.lemma(h)] && s.child(h, "nsubj") >= 0 {
				if src >= 0 {
					relayed[tokRef{s.idx, h}] = append(relayed[tokRef{s.idx, h}], src)
				}
				continue
			}
			// climb to the clause the source is attached to
			for steps := 0; h >= 0 && steps < 4 && s.toks[h].UPOS != "VERB" && s.toks[h].UPOS != "AUX" && s.child(h, "cop") < 0 && s.head(h) >= 0; steps++ {
				h = s.head(h)
			}
			var spans [][2]int
			slo, shi := -1, -1
			if a, b, c, d, ok := accordingSurface(s, t); ok {
				spans, slo, shi = [][2]int{{a, b}}, c, d
				if c2, d2, ok2 := accordingTail(s, t); ok2 {
					spans = append(spans, [2]int{c2, d2})
				}
				// the first entity of the source phrase, a nationality
				// adjective only failing all else ("the Brazilian
				// newspaper X" is X)
				natl := -1
				for k := slo; k <= shi && src < 0; k++ {
					if e := st.refOf(s, k); e >= 0 {
						if st.ents[e].typ == TypeNORP {
							if natl < 0 {
								natl = e
							}
							continue
						}
						src = e
					}
				}
				if src < 0 {
					src = natl
				}
			} else {
				lo, hi := s.subtree(h, func(c int) bool { return c == y })
				ylo, yhi := s.subtree(y, nil)
				switch {
				case ylo <= lo+1:
					lo = yhi + 1
				case yhi >= hi-1:
					hi = ylo - 1
				}
				lo, hi = s.trim(lo, hi, false)
				if lo > hi {
					continue
				}
				spans = [][2]int{{lo, hi}}
				slo, shi = s.subtree(y, func(c int) bool { return s.rel(c) == "case" || s.rel(c) == "punct" })
				slo, shi = s.trim(slo, shi, false)
			}
			// "run according to British rules": a rule, plan or law is
			// no source
			if src < 0 {
				ok := false
				for k := max(slo, 0); k <= shi && k < len(s.toks); k++ {
					ok = ok || sourceNoun(s.lemma(k)) || s.ment[k] >= 0 && st.ments[s.ment[k]].typ != TypeNORP && st.ments[s.ment[k]].typ != TypeMisc
				}
				if !ok {
					continue
				}
			}
			lo, hi := spans[0][0], spans[0][1]
			c := &claim{s: s.idx, cue: t, cueLemma: "according to", speaker: src, speakerTok: y,
				speakerText: st.tokText(s, slo, shi), clo: lo, chi: hi, quoteIdx: -1}
			var parts []string
			for _, sp := range spans {
				c.cspans = append(c.cspans, span{s.toks[sp[0]].Start, s.toks[sp[1]].End})
				parts = append(parts, st.tokText(s, sp[0], sp[1]))
			}
			c.content = strings.Join(parts, " ... ")
			all = append(all, c)
		}
	}
	for pass := 0; pass < 2; pass++ {
		for _, s := range st.sents {
			for v := range s.toks {
				if !cueLemmas[s.lemma(v)] || s.toks[v].UPOS != "VERB" {
					continue
				}
				inQuote := st.quoteAt(s.toks[v].Start) >= 0
				if inQuote != (pass == 1) {
					continue
				}
				// inside a quote only saying and believing attribute ("we
				// now assess that …", not "we showed we could")
				if inQuote && !speechLemmas[s.lemma(v)] && !cognitionCues[s.lemma(v)] {
					continue
				}
				// "we thought the best thing was …" narrates; "we now
				// assess", "I think" attribute
				if f := s.lower(v); inQuote && cognitionCues[s.lemma(v)] && f != s.lemma(v) && !strings.HasSuffix(f, "s") && !strings.HasSuffix(f, "ing") {
					continue
				}
				c := st.cueClaim(s, v)
				if c == nil {
					continue
				}
				c.reportedBy = append(c.reportedBy, relayed[tokRef{s.idx, v}]...)
				all = append(all, c)
			}
		}
	}
	qspeaker := map[int]*claim{}
	for _, c := range all {
		if c.quote && c.quoteIdx >= 0 && !c.firstPerson {
			if _, ok := qspeaker[c.quoteIdx]; !ok {
				qspeaker[c.quoteIdx] = c
			}
		}
	}
	// a quote with no attribution of its own right after an attributed
	// one in the same paragraph continues it ("“…,” said X. “I think …”"):
	// its first-person cues are X's, and when it opens a sentence that
	// attributes nothing else it is more of X's quote, joined to the
	// content with " ... " (its figures and places are X's too)
	for q := 1; q < len(st.quotes); q++ {
		if _, ok := qspeaker[q]; ok {
			continue
		}
		if prev, ok := qspeaker[q-1]; ok && st.continuesQuote(q-1, q) {
			qspeaker[q] = prev
			if st.quoteOpensSentence(q) && !st.quoteClaimed(all, q) {
				qs := st.quotes[q]
				prev.cspans = append(prev.cspans, qs)
				prev.content += " ... " + strings.TrimSpace(st.text(qs.start, qs.end))
			}
		}
	}
	for _, c := range all {
		if !c.firstPerson {
			continue
		}
		q := st.quoteAt(st.sents[c.s].toks[c.cue].Start)
		if oc, ok := qspeaker[q]; ok {
			c.speaker = oc.speaker
			c.quote = true
			c.quoteIdx = q
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.s != b.s {
			return a.s < b.s
		}
		return a.cue < b.cue
	})
	// nested attribution ("S said: 'As B said, 5,000 …'"): the inner
	// claim is B's, relayed by S; its figures are not S's own
	nested := map[*claim][]span{}
	for _, outer := range all {
		for _, inner := range all {
			if inner == outer || inner.s != outer.s && len(outer.cspans) == 0 {
				continue
			}
			pos := st.sents[inner.s].toks[inner.cue].Start
			in := false
			for _, sp := range outer.cspans {
				if pos >= sp.start && pos < sp.end {
					in = true
				}
			}
			// what the speaker says another expects or believes stays
			// the speaker's ("the firm expected to earn $5m")
			if !in || inner.speaker == outer.speaker && inner.speaker >= 0 || inner.firstPerson || cognitionCues[inner.cueLemma] {
				continue
			}
			nested[outer] = append(nested[outer], inner.cspans...)
			if outer.speaker >= 0 && !slices.Contains(inner.reportedBy, outer.speaker) {
				inner.reportedBy = append(inner.reportedBy, outer.speaker)
			}
		}
	}
	for _, c := range all {
		st.finishClaim(c, figs, nested[c])
	}
	st.claims = all
}

// cueClaim builds the claim of cue verb v, or nil when v has no content.
func (st *state) cueClaim(s *sent, v int) *claim {
	lemma := s.lemma(v)
	// infinitival cues ("to confirm", "to say") are not assertions
	// ("This is not to say …" has only the copula's outer subject)
	if m := s.child(v, "mark"); m >= 0 && s.lower(m) == "to" {
		if n := s.child(v, "nsubj"); n < 0 || s.rel(n) == "nsubj:outer" || s.child(v, "cop") >= 0 {
			return nil
		}
	}
	// verbs that attribute only with a clause ("polls show that …", not
	// "he showed great courage")
	if clauseOnlyCues[lemma] && s.child(v, "ccomp") < 0 && thatAfter(s, v) < 0 && !(cognitionCues[lemma] || lemma == "suggest" || lemma == "indicate") || clauseOnlyCues[lemma] && s.child(v, "ccomp") < 0 && thatAfter(s, v) < 0 && !objClause(s, v) {
		return nil
	}
	// "the survey found that …" reports a finding; "police found the
	// men hiding", "found it hard to …" do not
	if lemma == "find" && s.child(v, "ccomp") < 0 && thatAfter(s, v) < 0 {
		return nil
	}
	// "what they claim is a stark choice", "the figures he cited": the
	// relative clause's gap is the cue's object, there is no content
	if s.rel(v) == "acl:relcl" && s.child(v, "ccomp") < 0 && thatAfter(s, v) < 0 && s.child(v, "xcomp") < 0 {
		return nil
	}
	// "analysts expect the dispute to cost …", not "the firm expected to earn"
	if lemma == "expect" && s.child(v, "ccomp") < 0 && thatAfter(s, v) < 0 && s.child(v, "obj") < 0 {
		return nil
	}
	// "citing Y" inside "X, citing Y, reported …" is read with its head
	if (lemma == "cite" || lemma == "quote") && s.child(v, "obj") >= 0 && (s.baseRel(v) == "advcl" && cueLemmas[s.lemma(s.head(v))] ||
		s.baseRel(v) == "acl" && strings.HasPrefix(s.rel(s.head(v)), "nsubj") && cueLemmas[s.lemma(s.head(s.head(v)))]) {
		return nil
	}
	// "the films they claimed to.": an elided infinitive reports nothing
	if x := s.child(v, "xcomp"); x >= 0 && s.lower(x) == "to" && len(s.kids[x]) == 0 {
		return nil
	}
	// "those reported to have doubts", "the plans announced yesterday": a
	// passive participle on a noun has no source, and the noun is what
	// is reported, not who reports it
	if s.rel(v) == "acl" && (s.toks[v].XPOS == "VBN" || s.toks[v].XPOS == "VBD") && s.child(v, "nsubj", "obj", "iobj", "ccomp") < 0 && !clauseAfter(s, v) {
		return nil
	}
	// the same participle read as a verb with the noun as its subject
	// ("All the measures announced today, …, are affordable"): a past
	// participle without an auxiliary is no finite verb
	if o := s.child(v, "obj"); s.toks[v].XPOS == "VBN" && s.child(v, "nsubj") >= 0 && s.child(v, "aux", "cop", "iobj", "ccomp", "xcomp") < 0 && (o < 0 || s.timex[o] >= 0) && thatAfter(s, v) < 0 && !clauseAfter(s, v) {
		return nil
	}
	// "the ministers reported to have voted …", "said to be": with an
	// infinitive these verbs are passive hearsay with no source
	if n := s.child(v, "nsubj"); raisingCues[lemma] && (n < 0 || s.rel(n) == "nsubj:pass" || s.baseRel(v) == "acl") && s.child(v, "ccomp") < 0 && thatAfter(s, v) < 0 && s.ok(v+2) && s.lower(v+1) == "to" && (s.toks[v+2].UPOS == "VERB" || s.toks[v+2].UPOS == "AUX") {
		return nil
	}
	// "reported X as saying …" is read with the participle
	if relayLemmas[lemma] {
		for _, k := range s.childrenRel(v, "advcl", "xcomp") {
			if asMark(s, k) && cueLemmas[s.lemma(k)] {
				return nil
			}
		}
		if o := s.child(v, "obj"); o >= 0 {
			for _, k := range s.childrenRel(o, "acl") {
				if cueLemmas[s.lemma(k)] && s.toks[k].XPOS == "VBG" {
					return nil
				}
			}
		}
		for k := v + 1; k < len(s.toks) && k <= v+10; k++ {
			if r, _ := asSayingRelay(s, k); r == v {
				return nil
			}
		}
	}
	c := &claim{s: s.idx, cue: v, cueLemma: lemma, speaker: -1, speakerTok: -1, clo: -1, chi: -1, quoteIdx: -1}
	// content
	var lo, hi int = -1, -1
	var leadTime *timex
	tellTo := -1 // the named addressee of "told NAME CLAUSE", a mention
	if cc := s.child(v, "ccomp"); cc >= 0 {
		lo, hi = s.compactSubtree(cc)
		// "told BBC News she had …" read with two subjects: the first
		// is the addressee
		if subjs := s.childrenRel(cc, "nsubj"); lemma == "tell" && len(subjs) >= 2 && subjs[0] < subjs[1] {
			lo, _ = s.subtree(subjs[1], nil)
		}
		lo = subjectGap(s, v, cc, lo)
		// "told the X Times the hardest year was …": the named addressee,
		// then the complement's subject the parser hung elsewhere
		if lemma == "tell" && lo > v+1 && s.child(cc, "nsubj", "expl", "csubj") < 0 {
			if m, a, _, ok := st.toldClause(s, v); ok && a < lo {
				lo, tellTo = a, m
				if m < 0 {
					tellTo = -2 // an addressee, but not one that relays
				}
			}
		}
	} else if p := s.childrenRel(v, "parataxis"); len(p) > 0 && st.quoteNear(s, p[0]) {
		lo, hi = s.subtree(p[0], nil)
		lo = subjectGap(s, v, p[0], lo)
	} else if x := s.child(v, "xcomp"); x >= 0 && (xcompContentCues[lemma] || objectContentCues[lemma] && s.toks[x].XPOS == "VBG") {
		// "urged allies to act", "denied losing the city"
		lo, hi = s.subtree(x, nil)
		if o := s.child(v, "obj", "iobj"); o >= 0 && o < lo {
			olo, _ := s.subtree(o, nil)
			lo = olo
		}
	} else if o := s.child(v, "obj"); o >= 0 && objectContentCues[lemma] && s.toks[o].UPOS != "PRON" {
		// the noun phrase, not what a misparse hung on it after a comma
		// ("who have denied the allegations, have been charged")
		lo, hi = s.subtree(o, nil)
		for k := o + 1; k <= hi; k++ {
			if s.toks[k].Form == "," {
				hi = k - 1
				break
			}
		}
	} else if r, _ := asSayingRelay(s, v); r >= 0 {
		// "…,” the paper quoted X as saying.": no clause of the cue's
		// own; the quote before the relay clause is read below
	} else if h := s.head(v); h >= 0 && (s.rel(v) == "parataxis" || s.rel(v) == "advcl" && s.hasChildLemma(v, set("as")) && s.child(v, "obj") < 0 || s.rel(v) == "ccomp" && v > h && st.quoteNear(s, h) ||
		// "…, health officials said on Monday." read as an adverbial clause
		s.baseRel(v) == "advcl" && v > h && s.child(v, "mark") < 0 && commaBefore(s, v) && s.toks[v].XPOS != "VBG" ||
		// "CONTENT, X has warned." read as the content's complement
		s.rel(v) == "ccomp" && v > h && commaBefore(s, v) && s.child(v, "nsubj") >= 0 && s.child(v, "mark", "obj") < 0 && s.toks[v].XPOS != "VBG" && st.quoteAt(s.toks[v].Start) < 0) {
		// "..., X said" and "As X said, ..."
		vlo, vhi := s.subtree(v, nil)
		lo, hi = s.subtree(h, func(k int) bool { return k == v })
		if vlo > lo && vhi < hi {
			// cue in the middle: keep the part before it (the side with
			// the clause's head when the cue was read as its complement)
			if vlo-lo >= hi-vhi || h < vlo && v > h && s.rel(v) == "ccomp" {
				hi = vlo - 1
			} else {
				lo = vhi + 1
			}
		} else if vlo <= lo {
			lo = vhi + 1
		}
	}
	// surface readings the parser often gets wrong: "told X that ..." and
	// "CONTENT, X said."
	if th := thatAfter(s, v); th >= 0 && !(lo >= th && lo <= th+1) {
		lo, hi = th+1, sentEnd(s, th+1)
	} else if a, b, ok := frontedContent(s, v); ok && (lo < 0 || lo > a || lo >= a && hi < b) {
		lo, hi = a, b
	}
	// a complement cut short by the parser runs on to the end of the
	// sentence when nothing separates the rest from it
	if lo > v && hi >= 0 && hi+1 < len(s.toks) && s.toks[hi+1].UPOS != "PUNCT" && s.toks[hi+1].UPOS != "CCONJ" {
		if e := sentEnd(s, lo); e > hi && !hasCueWithSubject(s, hi+1, e) {
			hi = e
		}
	}
	cueQ := st.quoteAt(s.toks[v].Start)
	if lo >= 0 && lo <= hi {
		// a parataxis or conjunct running on right after the content
		// belongs to it ("it is highly probable these forces would ...")
		for _, k := range s.kids[v] {
			// "said A - and that B": a second complement conjoined to the
			// cue
			if s.baseRel(k) == "conj" && k > hi && s.child(k, "nsubj") >= 0 {
				if m := s.child(k, "mark"); m >= 0 && s.lower(m) == "that" {
					if klo, khi := s.subtree(k, nil); klo > hi && !hasCueWithSubject(s, hi+1, klo) {
						hi = khi
						continue
					}
				}
			}
			if (s.baseRel(k) == "parataxis" || s.baseRel(k) == "conj" && s.child(k, "cc") < 0) && k > hi {
				klo, khi := s.subtree(k, nil)
				// (a dash inside a quote that goes on is no break: "…
				// would be “X is growing - don't stop it”")
				inQ := st.quoteAt(s.toks[hi].Start)
				if klo == hi+1 && (s.toks[klo].UPOS != "PUNCT" || inQ >= 0 && inQ == st.quoteAt(s.toks[k].Start)) {
					hi = khi
				}
			}
		}
		// a parataxis after a comma inside the content is another clause
		root := -1
		for k := lo; k <= hi; k++ {
			if h := s.head(k); h < lo || h > hi {
				root = k
				break
			}
		}
		if root >= 0 {
			for _, k := range s.childrenRel(root, "parataxis") {
				// not inside a quote that runs on past the break ("the
				// motto was “work hard - stay humble”")
				if klo, _ := s.subtree(k, nil); klo > lo {
					if q := st.quoteAt(s.toks[k].Start); q >= 0 && q == st.quoteAt(s.toks[klo].Start) && q == st.quoteAt(s.toks[klo-1].Start) {
						continue
					}
				}
				if klo, _ := s.subtree(k, nil); klo > root && klo > lo && s.toks[klo].UPOS == "PUNCT" || klo > root && klo-1 > lo && s.toks[klo-1].UPOS == "PUNCT" {
					if klo-1 < hi {
						hi = klo - 1
					}
				}
			}
		}
		// ", but the claim could not be verified": a contrasting clause
		// with a subject of its own is the writer's, not the speaker's
		if root >= 0 && root > v {
			for _, k := range s.childrenRel(root, "conj") {
				// (without the comma, "says A but B" is all the speaker's,
				// unless B attributes something of its own: "but officials
				// argued …")
				if cc := s.child(k, "cc"); cc >= 0 && (s.lower(cc) == "but" || s.lower(cc) == "yet") && s.child(k, "nsubj", "nsubj:pass") >= 0 && cc > 0 && (s.toks[cc-1].Form == "," || cueLemmas[s.lemma(k)] && s.toks[k].UPOS == "VERB") {
					if b := cc - 1; b > lo && b <= hi {
						hi = b
						if s.toks[b].Form == "," {
							hi = b - 1
						}
					}
				}
			}
		}
		// "… but regulators argued …" however the parser hung it: a
		// contrasting clause that attributes something of its own ends
		// the content
		if lo > v {
			for b := lo + 1; b <= hi; b++ {
				if (s.lower(b) == "but" || s.lower(b) == "yet") && s.toks[b].UPOS == "CCONJ" && hasCueWithSubject(s, b+1, hi) {
					hi = b - 1
					if s.toks[hi].Form == "," {
						hi--
					}
					break
				}
			}
		}
		// "said on Friday, 5,000 troops …": the time right after the cue,
		// set off by a comma, dates the saying, not the content
		if lo > v && s.timex[lo] >= 0 {
			if tx := st.timexs[s.timex[lo]]; tx.lo == lo && tx.hi+2 <= hi && s.toks[tx.hi+1].Form == "," {
				leadTime = tx
				lo = tx.hi + 2
			}
		}
		lo, hi = s.trim(lo, hi, true)
		if lo < hi && s.lower(lo) == "that" && (s.rel(lo) == "mark" || !isNominal(s, lo+1)) {
			lo++
		}
	}
	// "The plan, said X, is flawed", "“A,” he said, “B”": the cue clause
	// set off by commas inside its content
	pa, pb, pc, pd, psubj, paren := -1, -1, -1, -1, -1, false
	if cueQ < 0 {
		pa, pb, pc, pd, psubj, paren = parentheticalCue(s, v)
	}
	if paren {
		lo, hi = pa, pd
		if pa < 0 {
			lo = pc
			paren = false
		}
	}
	if cueQ >= 0 && lo >= 0 {
		// a cue inside a quote: its content ends with the quote
		q := st.quotes[cueQ]
		for lo <= hi && s.toks[lo].Start < q.start {
			lo++
		}
		for hi >= lo && s.toks[hi].End > q.end {
			hi--
		}
		if lo > hi {
			lo, hi = -1, -1
		}
	}
	// "I can't believe what has happened": amazement, not a claim
	if lo >= 0 && lo <= hi && cognitionCues[lemma] && s.negated(v) && s.lower(lo) == "what" {
		return nil
	}
	if (lo < 0 || lo > hi) && cueQ < 0 {
		if a, b, ok := bareComplement(s, v); ok {
			lo, hi = a, b
		}
	}
	// "told the X Times the hardest year was …" with the clause lost in
	// the parse: the content follows the named addressee
	if (lo < 0 || lo > hi) && cueQ < 0 && lemma == "tell" {
		if m, a, b, ok := st.toldClause(s, v); ok {
			lo, hi, tellTo = a, b, m
			if m < 0 {
				tellTo = -2
			}
		}
	}
	if lo < 0 || lo > hi || hi-lo < 1 {
		// no content in the parse: a quote right after the cue
		// ("X stated, “...") or right before its clause ("“...,” X said")
		q := st.adjacentQuote(s, v, cueQ)
		if r, _ := asSayingRelay(s, v); q < 0 && r >= 0 {
			q = st.adjacentQuote(s, r, cueQ)
		}
		if q < 0 {
			return nil
		}
		lo, hi = -1, -1
		c.cspans = []span{st.quotes[q]}
		c.content = strings.TrimSpace(st.text(st.quotes[q].start, st.quotes[q].end))
		c.quote, c.quoteIdx = true, q
	} else if paren {
		// two parts, joined like the parts of a split quote
		c.cspans = []span{{s.toks[pa].Start, s.toks[pb].End}, {s.toks[pc].Start, s.toks[pd].End}}
		quoted := 0
		for _, cs := range c.cspans {
			if q := st.quoteCovering(cs); q >= 0 {
				quoted++
				if c.quoteIdx < 0 {
					c.quoteIdx = q
				}
			}
		}
		if quoted == len(c.cspans) {
			c.quote = true
			for i, cs := range c.cspans {
				q := st.quotes[st.quoteCovering(cs)]
				c.cspans[i] = q
			}
		} else {
			c.quoteIdx = -1
		}
		var parts []string
		for _, cs := range c.cspans {
			parts = append(parts, strings.TrimSpace(st.text(cs.start, cs.end)))
		}
		c.content = strings.Join(parts, " ... ")
	} else {
		c.clo, c.chi = lo, hi
		cs := span{s.toks[lo].Start, s.toks[hi].End}
		c.cspans = []span{cs}
		c.content = st.text(cs.start, cs.end)
		st.markQuote(c, cs, cueQ)
	}
	// speaker
	subj, relay := st.subjectOf(s, v)
	if psubj >= 0 {
		subj, relay = psubj, -1
	}
	// "“…,” X, an analyst, told Bloomberg": the parser took the
	// addressee after "told" for the subject; the speaker stands between
	// the quote and the cue
	addressee := -1
	if speechLemmas[lemma] && (subj < 0 || lemma == "tell" && subj > v) {
		found, k := -1, v-1
		for ; k >= 0 && !isQuoteChar(s.toks[k].Form); k-- {
			if mi := s.ment[k]; mi >= 0 && (st.ments[mi].typ == TypePerson || st.ments[mi].typ == TypeOrg) {
				found = st.ments[mi].head
			}
		}
		if found >= 0 && k >= 0 {
			if subj > v {
				addressee = subj
			}
			subj = found
		}
	}
	if subj >= 0 {
		anc := s.ancestors(v)
		skip := func(k int) bool {
			switch s.baseRel(k) {
			case "mark", "expl", "cop", "aux":
				// "that there have been media reports suggesting …":
				// the noun phrase, not its clause
				return true
			}
			return s.rel(k) == "acl:relcl" || s.rel(k) == "punct" || s.rel(k) == "case" || anc[k] || s.timex[k] >= 0 ||
				s.rel(k) == "appos" && s.child(k, "punct") >= 0 && s.toks[s.child(k, "punct")].Form == "("
		}
		slo, shi := s.subtree(subj, skip)
		c.speaker = st.npEntity(s, subj)
		// the parser may split "German Chancellor | Olaf Scholz" into two
		// subjects, or read the second half as an object placed before
		// the verb: take adjacent nominals before the cue together
		if s.head(subj) == v {
			for _, o := range s.childrenRel(v, "nsubj", "iobj", "obj", "dep", "appos") {
				if o == subj || o > v || s.timex[o] >= 0 || (s.baseRel(o) != "nsubj" && s.toks[o].UPOS != "PROPN" && s.toks[o].UPOS != "NOUN") {
					continue
				}
				olo, ohi := s.subtree(o, skip)
				if ohi+1 >= slo && olo <= shi+1 {
					slo, shi = min(slo, olo), max(shi, ohi)
					if c.speaker < 0 || st.ents[c.speaker].typ != TypePerson {
						if e := st.npEntity(s, o); e >= 0 {
							c.speaker = e
						}
					}
				}
			}
		}
		// the rest of a noun phrase the parse hung elsewhere, up to the
		// cue ("a lawyer | for X said")
		if subj < v && shi < v-1 {
			ext := true
			for k := shi + 1; k < v; k++ {
				switch s.toks[k].UPOS {
				case "ADP", "DET", "PROPN", "NOUN", "ADJ", "NUM":
				default:
					ext = false
				}
			}
			if ext {
				shi = v - 1
			}
		}
		slo, shi = s.trim(slo, shi, false)
		for slo < shi && (s.toks[slo].UPOS == "AUX" || s.toks[slo].UPOS == "SCONJ" || s.lower(slo) == "there" || s.lemma(slo) == "be") {
			slo++
		}
		c.speaker = st.bestSpeaker(s, slo, shi, subj, c.speaker)
		// "CONTENT, NAME, the finance minister said" with no comma after
		// the role: the name before it is the speaker, the role its
		// apposition, and the content ends before the name
		if subj < v && slo >= 2 && s.toks[slo-1].Form == "," && s.ment[subj] < 0 && s.toks[subj].UPOS == "NOUN" && (roleNoun(s.lemma(subj)) || orgNoun(s.lemma(subj))) {
			if mi := s.ment[slo-2]; mi >= 0 {
				m := st.ments[mi]
				if e := m.ent; e >= 0 && !m.dropped && m.hi == slo-2 && m.lo >= 2 && (st.ents[e].typ == TypePerson || st.ents[e].typ == TypeOrg) &&
					(s.toks[m.lo-1].Form == "," || isQuoteChar(s.toks[m.lo-1].Form)) && c.clo >= 0 && c.chi >= m.lo-1 && c.clo < m.lo-1 {
					c.speaker, slo = e, m.lo
				}
			}
		}
		c.speakerTok = subj
		// "ROLE, NAME, said CONTENT" read with the role as content: a
		// content wholly before the speaker while a clause follows the
		// cue is that clause
		if c.clo >= 0 && c.clo < slo && !c.quote && !endsClause(s, v) {
			if a, b, ok := bareComplement(s, v); ok && (slo < a || slo > b) {
				c.clo, c.chi = a, b
				cs := span{s.toks[a].Start, s.toks[b].End}
				c.cspans = []span{cs}
				c.content = st.text(cs.start, cs.end)
				st.markQuote(c, cs, cueQ)
				lo, hi = a, b
			}
		}
		c.speakerText = st.tokText(s, slo, shi)
		if cueQ >= 0 && firstPronouns[s.lower(subj)] {
			c.firstPerson = true
		}
		// the content read off the parse ran over the speaker ("“…,”
		// X, an analyst, told Y"): it ends before the speaker
		if c.clo >= 0 && slo > c.clo && slo <= c.chi {
			hi := slo - 1
			for hi > c.clo && (s.toks[hi].UPOS == "PUNCT" && !isQuoteChar(s.toks[hi].Form) || s.toks[hi].Form == ",") {
				hi--
			}
			c.chi = hi
			cs := span{s.toks[c.clo].Start, s.toks[hi].End}
			c.cspans = []span{cs}
			c.content = st.text(cs.start, cs.end)
			c.quote, c.quoteIdx = false, -1
			st.markQuote(c, cs, cueQ)
		}
	}
	if relay >= 0 && (asMark(s, v) || s.baseRel(v) == "acl") {
		// "Y reported X as saying", "X was quoted by Y as saying": the
		// cue stays X's; Y (the active subject or the agent) relays
		for _, n := range s.childrenRel(relay, "nsubj") {
			if s.rel(n) != "nsubj:pass" && s.rel(n) != "nsubjpass" {
				c.reportedBy = append(c.reportedBy, st.conjEntities(s, n)...)
			}
		}
		for _, k := range append(s.childrenRel(relay, "obl"), s.childrenRel(v, "obl")...) {
			if cs := s.child(k, "case"); cs >= 0 && s.lower(cs) == "by" {
				c.reportedBy = append(c.reportedBy, st.conjEntities(s, k)...)
			}
		}
	} else if relay >= 0 {
		c.cueLemma = s.lemma(relay)
		for _, n := range s.childrenRel(relay, "nsubj") {
			c.reportedBy = append(c.reportedBy, st.conjEntities(s, n)...)
			c.reportedBy = append(c.reportedBy, st.surfaceConj(s, n)...)
		}
	}
	// "X, citing Y, reported that …": Y is the source and X relays it
	// (the parser may make X the subject of "citing")
	citing := s.childrenRel(v, "advcl")
	if subj >= 0 {
		citing = append(citing, s.childrenRel(subj, "acl", "advcl")...)
	}
	for _, k := range citing {
		l := s.lemma(k)
		o := s.child(k, "obj")
		if l != "cite" && l != "quote" || o < 0 {
			continue
		}
		x := subj
		if n := s.child(k, "nsubj"); n >= 0 {
			x = n
		}
		if x < 0 {
			break
		}
		olo, ohi := s.subtree(o, func(c int) bool { return s.rel(c) == "acl:relcl" || s.baseRel(c) == "punct" })
		olo, ohi = s.trim(olo, ohi, false)
		c.reportedBy = append(c.reportedBy, st.conjEntities(s, x)...)
		c.speaker = st.bestSpeaker(s, olo, ohi, o, st.npEntity(s, o))
		c.speakerTok, c.speakerText = o, st.tokText(s, olo, ohi)
		c.cueLemma = l
		break
	}
	if addressee >= 0 {
		if e := st.npEntity(s, addressee); e >= 0 && st.ents[e].typ == TypeOrg && e != c.speaker {
			c.reportedBy = append(c.reportedBy, e)
		}
	}
	if tellTo != -1 {
		if tellTo >= 0 {
			if e := st.ments[tellTo].ent; e >= 0 && st.ents[e].typ == TypeOrg && e != c.speaker {
				c.reportedBy = append(c.reportedBy, e)
			}
		}
	} else if lemma == "tell" && addressee < 0 {
		// "X told the BBC": the addressee after the cue relays the claim
		found := false
		for _, o := range s.childrenRel(v, "obj", "iobj") {
			if o < v {
				continue
			}
			if e := st.npEntity(s, o); e >= 0 && st.ents[e].typ == TypeOrg && e != c.speaker {
				c.reportedBy = append(c.reportedBy, e)
			}
			found = true
			break
		}
		// the parse lost it: an organisation between "told" and "that"
		if th := thatAfter(s, v); !found && th > v+1 {
			for k := v + 1; k < th; k++ {
				if mi := s.ment[k]; mi >= 0 && st.ments[mi].head == k {
					if e := st.ments[mi].ent; e >= 0 && st.ents[e].typ == TypeOrg && e != c.speaker {
						c.reportedBy = append(c.reportedBy, e)
					}
				}
			}
		}
	}
	if c.speakerText == "" {
		return nil
	}
	// time: attached to the cue (or the relay verb, or the verb the cue
	// depends on), outside the content
	c.time = st.clauseTime(s, v, lo, hi)
	if c.time == nil {
		c.time = leadTime
	}
	if c.time == nil && relay >= 0 {
		c.time = st.clauseTime(s, relay, lo, hi)
	}
	if c.time == nil && (s.rel(v) == "xcomp" || s.rel(v) == "conj" && s.child(v, "nsubj") < 0 && s.lower(v-1) == "and") && s.head(v) >= 0 {
		c.time = st.clauseTime(s, s.head(v), lo, hi)
	}
	c.cert = st.claimCertainty(s, v, lo, hi)
	return c
}

func isNominal(s *sent, i int) bool {
	if !s.ok(i) {
		return false
	}
	switch s.toks[i].UPOS {
	case "NOUN", "PROPN", "ADJ":
		return true
	}
	return false
}

// adjacentQuote returns the quote region that starts right after cue v
// (after a comma or colon) or ends right before the cue's clause, or -1.
func (st *state) adjacentQuote(s *sent, v, cueQ int) int {
	gap := func(a, b int) bool {
		if a > b || b-a > 4 {
			return false
		}
		for _, r := range st.runes[a:b] {
			switch r {
			case ' ', ',', ':', '\n', '“', '”', '"', '«', '»', '„':
			default:
				return false
			}
		}
		return true
	}
	cueEnd := s.toks[v].End
	clauseStart, _ := s.subtree(v, nil)
	start := s.toks[clauseStart].Start
	for qi, q := range st.quotes {
		if qi == cueQ {
			continue
		}
		if gap(cueEnd, q.start) || gap(q.end, start) {
			return qi
		}
	}
	return -1
}

// markQuote makes c a direct quote when quote regions (other than the one
// holding the cue) cover most of its content span cs.
func (st *state) markQuote(c *claim, cs span, cueQ int) {
	// a content that ends where a quote opened inside it ends keeps the
	// closing mark (it has “entered a crisis”)
	for qi, q := range st.quotes {
		if qi != cueQ && q.start > cs.start && q.end == cs.end && q.end < len(st.runes) &&
			strings.ContainsRune("”\"»", st.runes[q.end]) && c.content == st.text(cs.start, cs.end) {
			c.content += string(st.runes[q.end])
		}
	}
	var qs []span
	for qi, q := range st.quotes {
		if qi == cueQ {
			continue
		}
		lo, hi := max(q.start, cs.start), min(q.end, cs.end)
		if hi > lo && (2*(hi-lo) >= cs.end-cs.start || cs.start >= q.start && cs.end <= q.end) {
			qs = append(qs, q)
			if c.quoteIdx < 0 {
				c.quoteIdx = qi
			}
		}
	}
	if len(qs) > 0 {
		c.quote = true
		// "he said it has “entered a crisis”": the quote is part of the
		// content, whose own words before it stay (the subject and verb
		// the quoted phrase needs)
		if st.wordsBefore(cs, qs[0]) >= 2 {
			return
		}
		c.cspans = qs
		var parts []string
		for _, q := range qs {
			parts = append(parts, strings.TrimSpace(st.text(q.start, q.end)))
		}
		c.content = strings.Join(parts, " ... ")
	}
}

// quoteNear reports whether token t's subtree touches a quote region.
func (st *state) quoteNear(s *sent, t int) bool {
	lo, hi := s.subtree(t, nil)
	a, b := s.toks[lo].Start, s.toks[hi].End
	for _, q := range st.quotes {
		if q.start < b && a < q.end {
			return true
		}
	}
	return false
}

// subjectOf returns the subject of verb v: its nsubj, or that of the verb
// it is conjoined to or depends on; for participles relayed by "cite" or
// "quote" ("the agency cited X, stating ...") the object of the relay verb,
// returned with the relay verb.
func (st *state) subjectOf(s *sent, v int) (subj, relay int) {
	relay = -1
	// "X was quoted (by Y) as saying …", "Y reported X as saying …",
	// "X, quoted by Y as saying …", whatever the parse hung the
	// participle on
	if r, spk := asSayingRelay(s, v); r >= 0 {
		return spk, r
	}
	// no subject in the parse but a noun phrase right before the cue ("the
	// company said", "President X warned"): that is the subject
	if s.child(v, "nsubj") < 0 && v > 0 && s.baseRel(v) != "acl" {
		l := v - 1
		// skip a parenthesis: "the minister (… – ed.) said"
		if s.toks[l].Form == ")" {
			for k := l - 1; k >= 0 && k >= l-30; k-- {
				if s.toks[k].Form == "(" {
					l = k - 1
					break
				}
			}
		}
		if l < 0 {
			return -1, relay
		}
		// "CONTENT, NAME, a former minister, said.": the name before
		// the apposition set off by commas
		if s.toks[l].Form == "," && l >= 2 {
			k := l - 1
			for k > 0 && s.toks[k].Form != "," && l-k <= 12 {
				k--
			}
			for _, n := range []int{l - 1, k - 1} {
				if mi := s.ment[max(n, 0)]; n >= 1 && mi >= 0 && st.ments[mi].hi == n && st.ments[mi].ent >= 0 && !st.ments[mi].dropped &&
					(st.ments[mi].typ == TypePerson || st.ments[mi].typ == TypeOrg) && st.ments[mi].lo >= 1 && s.toks[st.ments[mi].lo-1].Form == "," {
					return st.ments[mi].head, relay
				}
			}
		}
		u := s.toks[l].UPOS
		if (u == "NOUN" || u == "PROPN" || u == "PRON") && !relPronouns[s.lower(l)] {
			if mi := s.ment[l]; mi >= 0 {
				// "a lawyer for X said": the noun the name's
				// preposition hangs on
				m := st.ments[mi]
				if prepBefore(s, m.lo, 0) != "" {
					k := m.lo - 1
					for k >= 0 && s.toks[k].UPOS != "ADP" {
						k--
					}
					if k > 0 && (s.toks[k-1].UPOS == "NOUN" || s.toks[k-1].UPOS == "PROPN") {
						return k - 1, relay
					}
				}
				return m.head, relay
			}
			return l, relay
		}
	}
	for steps := 0; v >= 0 && steps < 6; steps++ {
		if n := s.child(v, "nsubj"); n >= 0 {
			if s.rel(n) == "nsubj:pass" || s.rel(n) == "nsubjpass" {
				return -1, relay
			}
			if relPronouns[s.lower(n)] {
				// "..., who said": the noun the relative clause modifies;
				// "who" is a person, so when the parse hung the clause
				// elsewhere ("a nomination for X, 49, who told …") the
				// nearest person named before it
				if s.rel(v) == "acl:relcl" && s.head(v) >= 0 {
					h := s.head(v)
					if s.lower(n) == "who" && !st.isPersonTok(s, h) {
						for k := n - 1; k >= 0 && k >= n-6; k-- {
							if st.isPersonTok(s, k) {
								return st.ments[s.ment[k]].head, relay
							}
						}
					}
					return h, relay
				}
				// the parser read "…, which said" as a comment on the
				// whole clause; a clause says nothing, the noun before
				// the comma does
				if s.rel(v) == "advcl:relcl" {
					k := n - 1
					for k >= 0 && s.toks[k].UPOS == "PUNCT" {
						k--
					}
					if k >= 0 && (s.toks[k].UPOS == "NOUN" || s.toks[k].UPOS == "PROPN") {
						if mi := s.ment[k]; mi >= 0 {
							return st.ments[mi].head, relay
						}
						return k, relay
					}
				}
				return -1, relay
			}
			return n, relay
		}
		h := s.head(v)
		if h < 0 {
			return -1, relay
		}
		switch s.baseRel(v) {
		case "advcl", "xcomp":
			// "reported X as saying", "X was quoted as saying": X speaks,
			// the reporter relays
			as := asMark(s, v)
			if l := s.lemma(h); l == "cite" || l == "quote" || as && relayLemmas[l] {
				if o := s.child(h, "obj"); o >= 0 {
					return o, h
				}
				if n := s.child(h, "nsubj"); as && n >= 0 && (s.rel(n) == "nsubj:pass" || s.rel(n) == "nsubjpass") {
					return n, h
				}
			}
			v = h
		case "conj":
			v = h
		case "acl":
			// "a spokesman saying …": the noun speaks; "slaps that aside,
			// claiming …" or "wrote to the men telling them …": a noun that
			// cannot speak hands the participle on to its clause
			if st.canSpeak(s, h) || s.toks[v].XPOS != "VBG" {
				// "Y quoted a spokesman saying …": Y relays
				if g := s.head(h); s.baseRel(h) == "obj" && relayLemmas[s.lemma(g)] && s.toks[v].XPOS == "VBG" {
					return h, g
				}
				return h, relay
			}
			for v = s.head(h); v >= 0 && s.toks[v].UPOS != "VERB"; v = s.head(v) {
			}
			if v < 0 {
				return h, relay
			}
		default:
			return -1, relay
		}
	}
	return -1, relay
}

// canSpeak reports whether noun h can be a source: a person, organisation,
// group or country, or a role, collective or document noun.
func (st *state) canSpeak(s *sent, h int) bool {
	if e := st.npEntity(s, h); e >= 0 {
		switch st.ents[e].typ {
		case TypePerson, TypeOrg, TypeGroup, TypeGPE, TypeNORP:
			return true
		}
	}
	return sourceNoun(s.lemma(h)) || sourceNoun(s.lower(h)) || s.toks[h].UPOS == "PRON"
}

// conjEntities returns the entities of an NP and its conjuncts.
func (st *state) conjEntities(s *sent, h int) []int {
	if h < 0 {
		return nil
	}
	var out []int
	if e := st.npEntity(s, h); e >= 0 {
		out = append(out, e)
	}
	for _, c := range s.childrenRel(h, "conj") {
		if e := st.npEntity(s, c); e >= 0 && (len(out) == 0 || out[len(out)-1] != e) {
			out = append(out, e)
		}
	}
	return out
}

// clauseTime returns the time expression attached to verb v (directly or
// through its arguments, "cited X on Monday") outside the content tokens
// lo..hi.
func (st *state) clauseTime(s *sent, v, lo, hi int) *timex {
	best, bestDepth := (*timex)(nil), 4
	for _, tx := range st.timexs {
		if tx.s != s.idx {
			continue
		}
		h := tx.lo
		for k := tx.lo; k <= tx.hi; k++ {
			if hh := s.head(k); hh < tx.lo || hh > tx.hi {
				h = k
				break
			}
		}
		if lo >= 0 && tx.lo >= lo && tx.hi <= hi {
			continue
		}
		depth := 0
		for k := s.head(h); k >= 0 && depth < 4; k = s.head(k) {
			depth++
			if lo >= 0 && k >= lo && k <= hi {
				break
			}
			if k == v {
				if depth < bestDepth {
					best, bestDepth = tx, depth
				}
				break
			}
			if s.toks[k].UPOS == "VERB" && depth > 0 {
				break
			}
		}
	}
	return best
}

// certainty ranks: higher wins.
var certRank = map[string]int{Asserted: 0, Likely: 1, Possible: 2, Conditional: 3, Unconfirmed: 4, Denied: 5}

func stronger(a, b string) string {
	if certRank[b] > certRank[a] {
		return b
	}
	return a
}

// claimCertainty combines the cue (its lemma, negation, modals, an
// if-clause), hedges in the content outside nested attributions, and an
// "unconfirmed" in the clause the cue depends on.
func (st *state) claimCertainty(s *sent, v, lo, hi int) string {
	cert := Asserted
	l := s.lemma(v)
	if s.negated(v) {
		if verifyLemmas[l] {
			cert = stronger(cert, Unconfirmed)
		} else {
			cert = stronger(cert, Denied)
		}
	}
	if c, ok := hedgeClass[l]; ok {
		cert = stronger(cert, c)
	}
	cert = stronger(cert, st.localCertainty(s, v))
	// content hedges, not inside nested cues
	if lo >= 0 {
		var root = -1
		for k := lo; k <= hi; k++ {
			if h := s.head(k); h < lo || h > hi {
				root = k
				break
			}
		}
		if root >= 0 {
			cert = stronger(cert, st.scopeCertainty(s, root, true))
		}
	}
	// "While X suggested ..., these reports remain unconfirmed": an
	// explicit "unconfirmed" anywhere in the sentence outside a nested
	// claim's content
	for k := range s.toks {
		if c, ok := hedgeClass[s.lemma(k)]; ok && c == Unconfirmed {
			cert = stronger(cert, c)
		}
	}
	// "While X suggested ..., these reports remain unconfirmed"
	if s.baseRel(v) == "advcl" {
		if h := s.head(v); h >= 0 {
			for _, k := range append([]int{h}, s.kids[h]...) {
				if k == v {
					continue
				}
				if c, ok := hedgeClass[s.lemma(k)]; ok && c == Unconfirmed {
					cert = stronger(cert, c)
				}
			}
		}
	}
	return cert
}

// localCertainty reads modals, hedging adverbs, negation and if-clauses
// directly attached to predicate p.
func (st *state) localCertainty(s *sent, p int) string {
	cert := Asserted
	for _, k := range s.kids[p] {
		low := s.lower(k)
		switch s.baseRel(k) {
		case "aux", "advmod", "xcomp":
			if c, ok := hedgeClass[low]; ok && c != Denied {
				cert = stronger(cert, c)
			} else if c, ok := hedgeClass[s.lemma(k)]; ok && c != Denied && s.baseRel(k) != "xcomp" {
				cert = stronger(cert, c)
			}
		case "advcl":
			if m := s.child(k, "mark"); m >= 0 && (s.lower(m) == "if" || s.lower(m) == "unless") {
				cert = stronger(cert, Conditional)
			}
		}
	}
	if l := s.lemma(p); l == "likely" || l == "probable" || l == "expected" || l == "expect" {
		cert = stronger(cert, Likely)
	}
	if l := s.lemma(p); l == "unconfirmed" || l == "unverified" {
		cert = stronger(cert, Unconfirmed)
	}
	return cert
}

// scopeCertainty walks the clause of root (and its coordinated and
// complement clauses), stopping at nested attribution cues and relative
// clauses.
func (st *state) scopeCertainty(s *sent, root int, top bool) string {
	cert := st.localCertainty(s, root)
	if s.negated(root) {
		if verifyLemmas[s.lemma(root)] {
			cert = stronger(cert, Unconfirmed)
		} else {
			cert = stronger(cert, Denied)
		}
	}
	if verifyLemmas[s.lemma(root)] && s.hasChildLemma(root, set("can", "cannot")) && s.negated(root) {
		cert = stronger(cert, Unconfirmed)
	}
	for _, k := range s.kids[root] {
		switch s.baseRel(k) {
		case "conj", "xcomp", "ccomp":
			if cueLemmas[s.lemma(k)] && s.child(k, "nsubj") >= 0 {
				continue
			}
			cert = stronger(cert, st.scopeCertainty(s, k, false))
		}
	}
	if top && hasCondition(s, root) {
		cert = stronger(cert, Conditional)
	}
	return cert
}

// hasCondition reports whether an if/unless clause hangs anywhere under
// root (the parser often attaches it to a noun or an adverbial clause: "would
// increase its presence in the region if the situation deteriorated"),
// not counting nested attributions and relative clauses.
func hasCondition(s *sent, root int) bool {
	for _, k := range s.kids[root] {
		switch r := s.rel(k); {
		case r == "acl:relcl":
			continue
		case (r == "ccomp" || r == "conj") && cueLemmas[s.lemma(k)] && s.child(k, "nsubj") >= 0:
			continue
		case s.baseRel(k) == "advcl" || s.baseRel(k) == "acl":
			if m := s.child(k, "mark"); m >= 0 && (s.lower(m) == "if" || s.lower(m) == "unless") {
				return true
			}
		}
		if hasCondition(s, k) {
			return true
		}
	}
	return false
}

// finishClaim attaches figures (not those inside the spans of nested
// claims of other speakers) and places.
func (st *state) finishClaim(c *claim, figs []figure, nested []span) {
	for _, f := range figs {
		inner := false
		for _, sp := range nested {
			if f.start >= sp.start && f.end <= sp.end {
				inner = true
			}
		}
		if inner {
			continue
		}
		for _, sp := range c.cspans {
			if f.start >= sp.start && f.end <= sp.end {
				c.figures = append(c.figures, f)
				break
			}
		}
	}
	seen := map[int]bool{}
	for _, m := range st.ments {
		if m.ent < 0 || m.dropped || seen[m.ent] {
			continue
		}
		switch st.ents[m.ent].typ {
		case TypeGPE, TypeLoc, TypeFac:
		default:
			continue
		}
		for _, sp := range c.cspans {
			if m.start >= sp.start && m.end <= sp.end {
				c.places = append(c.places, m.ent)
				seen[m.ent] = true
				break
			}
		}
	}
}

func (st *state) claimRecord(c *claim, id string, ids []string) Claim {
	out := Claim{ID: id, Sentence: st.sents[c.s].id, SpeakerText: c.speakerText, Cue: c.cueLemma,
		Content: c.content, Quote: c.quote, ReportedBy: []string{}, Certainty: c.cert,
		Figures: []Figure{}, Places: []string{}}
	if out.Certainty == "" {
		out.Certainty = Asserted
	}
	if out.Content == "" && len(c.cspans) > 0 {
		out.Content = st.text(c.cspans[0].start, c.cspans[0].end)
	}
	if e, ok := entRef(ids, c.speaker); ok {
		out.Speaker = &e
	}
	for _, r := range c.reportedBy {
		if e, ok := entRef(ids, r); ok && !containsFold(out.ReportedBy, e) {
			out.ReportedBy = append(out.ReportedBy, e)
		}
	}
	if c.time != nil {
		out.Time = &Time{Text: c.time.text, Value: c.time.value}
	}
	for _, f := range c.figures {
		fr := Figure{Text: f.text, Value: f.value, Modifier: f.mod}
		if f.unit != "" {
			u := f.unit
			fr.Unit = &u
		}
		if e, ok := entRef(ids, f.of); ok {
			fr.Of = &e
		}
		out.Figures = append(out.Figures, fr)
	}
	for _, p := range c.places {
		if e, ok := entRef(ids, p); ok {
			out.Places = append(out.Places, e)
		}
	}
	return out
}

// accordingSurface reads "According to Y, CONTENT." and "CONTENT,
// according to Y." from the token sequence alone (the parser often
// attaches the source wrongly): content tokens a..b, source tokens c..d.
func accordingSurface(s *sent, t int) (a, b, c, d int, ok bool) {
	end := len(s.toks) - 1
	for end > t && s.toks[end].UPOS == "PUNCT" {
		end--
	}
	comma := func(from int) int {
		for k := from; k <= end; k++ {
			if s.toks[k].Form == "," {
				return k
			}
		}
		return -1
	}
	initial := true
	for k := 0; k < t; k++ {
		if u := s.toks[k].UPOS; u != "PUNCT" && u != "CCONJ" {
			initial = false
		}
	}
	if initial {
		cm := comma(t + 2)
		if cm < 0 || cm+1 > end || cm-1 < t+2 {
			return 0, 0, 0, 0, false
		}
		return cm + 1, end, t + 2, cm - 1, true
	}
	if t > 1 && s.toks[t-1].Form == "," {
		cm := comma(t + 2)
		srcEnd := end
		if cm >= 0 {
			srcEnd = cm - 1
		}
		if srcEnd < t+2 {
			return 0, 0, 0, 0, false
		}
		return 0, t - 2, t + 2, srcEnd, true
	}
	return 0, 0, 0, 0, false
}

// accordingTail returns the content after a mid-sentence "X, according to
// Y, did Z": tokens after the comma that closes the source.
func accordingTail(s *sent, t int) (int, int, bool) {
	if t == 0 || s.toks[t-1].Form != "," {
		return 0, 0, false
	}
	end := len(s.toks) - 1
	for end > t && s.toks[end].UPOS == "PUNCT" {
		end--
	}
	for k := t + 2; k < end; k++ {
		if s.toks[k].Form == "," {
			return k + 1, end, true
		}
	}
	return 0, 0, false
}

// sentEnd returns the last content token of the sentence from i on: before
// the final punctuation, and before ", adding ..." style continuations.
func sentEnd(s *sent, i int) int {
	end := len(s.toks) - 1
	for end > i && s.toks[end].UPOS == "PUNCT" && !isQuoteChar(s.toks[end].Form) {
		end--
	}
	for k := i; k+1 <= end; k++ {
		if s.toks[k].Form == "," && cueLemmas[s.lemma(k+1)] && strings.HasSuffix(s.lower(k+1), "ing") {
			return k - 1
		}
	}
	return end
}

// thatAfter returns the index of a complementizer "that" following cue v
// after at most a short nominal object ("told reporters in X that"), or -1.
func thatAfter(s *sent, v int) int {
	for k := v + 1; k < len(s.toks) && k <= v+9; k++ {
		if s.lower(k) == "that" {
			// "added to the belief that …": the clause completes the noun
			if k > v+1 && s.toks[k-1].UPOS == "NOUN" && contentNouns[s.lemma(k-1)] {
				return -1
			}
			if k+2 < len(s.toks) {
				return k
			}
			return -1
		}
		switch s.toks[k].UPOS {
		case "DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON", "ADP", "CCONJ", "ADV":
			if s.toks[k].UPOS == "PRON" && k == v+1 && s.lower(k) != "me" && s.lower(k) != "us" && s.lower(k) != "him" && s.lower(k) != "her" && s.lower(k) != "them" && s.lower(k) != "you" {
				return -1
			}
		default:
			return -1
		}
	}
	return -1
}

// frontedContent reads "CONTENT, X said." : the cue ends the sentence (up
// to a time expression), its subject follows a comma, and the content is
// everything before that comma.
func frontedContent(s *sent, v int) (int, int, bool) {
	subj := s.child(v, "nsubj")
	if subj < 0 || subj > v {
		return 0, 0, false
	}
	anc := s.ancestors(v)
	slo, _ := s.subtree(subj, func(k int) bool { return anc[k] })
	if slo < 2 || s.toks[slo-1].Form != "," && !isQuoteChar(s.toks[slo-1].Form) {
		return 0, 0, false
	}
	for k := v + 1; k < len(s.toks); k++ {
		if s.toks[k].UPOS == "PUNCT" || s.timex[k] >= 0 {
			continue
		}
		if s.toks[k].UPOS == "ADP" && k+1 < len(s.toks) && s.timex[k+1] >= 0 {
			continue
		}
		// "…, the bank said in its latest report.": a verbless
		// prepositional phrase on the cue
		if c := s.childToward(v, k); c > v && s.baseRel(c) == "obl" && s.child(c, "case") >= 0 && !hasVerbIn(s, c) {
			continue
		}
		return 0, 0, false
	}
	lo, hi := s.trim(0, slo-2, false)
	if hi-lo < 2 {
		return 0, 0, false
	}
	return lo, hi, true
}

// hasCueWithSubject reports whether tokens a..b hold a cue verb with its own
// subject (a new attribution).
func hasCueWithSubject(s *sent, a, b int) bool {
	for k := a; k <= b; k++ {
		if cueLemmas[s.lemma(k)] && s.toks[k].UPOS == "VERB" && s.child(k, "nsubj") >= 0 {
			return true
		}
	}
	return false
}

// surfaceConj returns the entities listed with "and" or commas right after
// the mention at token h ("Kyodo and Yonhap"), whatever the parse says.
func (st *state) surfaceConj(s *sent, h int) []int {
	mi := s.ment[h]
	if mi < 0 {
		return nil
	}
	var out []int
	k := st.ments[mi].hi + 1
	for k+1 < len(s.toks) && (s.lower(k) == "and" || s.lower(k) == ",") {
		nm := s.ment[k+1]
		if nm < 0 || st.ments[nm].ent < 0 {
			break
		}
		out = append(out, st.ments[nm].ent)
		k = st.ments[nm].hi + 1
	}
	return out
}

// bestSpeaker prefers a person named in the speaker phrase lo..hi ("NATO
// Secretary General Jens Stoltenberg" is Stoltenberg, not NATO; "German
// Chancellor Olaf Scholz" is Scholz, not the nationality), then the
// syntactic choice e, then an organisation or group in the phrase.
func (st *state) bestSpeaker(s *sent, lo, hi, head, e int) int {
	if lo < 0 || hi >= len(s.toks) {
		return e
	}
	person, other, possessor, possOther := -1, -1, -1, -1
	for k := lo; k <= hi; k++ {
		mi := s.ment[k]
		if mi < 0 || st.ments[mi].ent < 0 || st.ments[mi].dropped {
			continue
		}
		typ := st.ents[st.ments[mi].ent].typ
		// "X's mother said", "the country's biggest lender said": the
		// possessor is not the source (but "X's spokesman" speaks for X,
		// and "X's report", "X's ministry" are X's)
		if m := st.ments[mi]; s.ok(m.hi+1) && (s.lower(m.hi+1) == "'s" || s.lower(m.hi+1) == "’s") && (head < m.lo || head > m.hi) {
			if typ == TypePerson {
				possessor = m.ent
				continue
			}
			if hl := s.lemma(max(head, 0)); head >= 0 && (spokesNouns[hl] || orgNoun(hl) && !documentNouns[hl] && !govNouns[hl] && !titleWords[s.lower(head)] && !titleWords[hl]) {
				if possOther < 0 {
					possOther = m.ent
				}
				continue
			}
		}
		// an entity in a prepositional modifier is not the source: "a
		// lawyer for X", "health officials in Y" (but "a statement from
		// the ministry" is the ministry's)
		if p := prepBefore(s, st.ments[mi].lo, lo); p != "" && (typ == TypePerson || locativePreps[p]) {
			continue
		}
		switch typ {
		case TypePerson:
			person = st.ments[mi].ent
		case TypeOrg, TypeGroup, TypeGPE:
			if other < 0 {
				other = st.ments[mi].ent
			}
		}
	}
	if person >= 0 {
		// the syntactic choice when it is a person named in the phrase;
		// not one a title word resolved to ("Shadow Foreign Secretary Y"
		// is Y, not the Foreign Secretary named earlier)
		if e >= 0 && st.ents[e].typ == TypePerson && st.namedIn(s, lo, hi, e) {
			return e
		}
		return person
	}
	// an unnamed person by role: "a company spokesperson", "an X
	// commander" (not "the X union")
	if e < 0 && head >= 0 && s.ment[head] < 0 && roleNoun(s.lemma(head)) && (s.toks[head].UPOS == "NOUN" || !isUpperWord(s.toks[head].Form)) {
		// a spokesperson speaks for the organisation named with it, or
		// for the person whose spokesperson it is
		if spokesNouns[s.lemma(head)] && other >= 0 && st.ents[other].typ == TypeOrg {
			return other
		}
		if spokesNouns[s.lemma(head)] && possessor >= 0 {
			return possessor
		}
		if spokesNouns[s.lemma(head)] && possOther >= 0 && st.ents[possOther].typ == TypeOrg {
			return possOther
		}
		return -1
	}
	if e >= 0 && st.ents[e].typ != TypeNORP && st.ents[e].typ != TypeMisc {
		return e
	}
	if other >= 0 {
		return other
	}
	return e
}

// continuesQuote reports whether quote b follows quote a in the same
// paragraph with at most a short attribution between them ("said X.",
// "X, the firm's head of research, told reporters."; quote marks and
// dashes are no words).
func (st *state) continuesQuote(a, b int) bool {
	qa, qb := st.quotes[a], st.quotes[b]
	if qb.start < qa.end {
		return false
	}
	gap := st.text(qa.end, qb.start)
	if strings.Contains(gap, "\n") {
		return false
	}
	words := 0
	for _, f := range strings.Fields(gap) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			words++
		}
	}
	return words <= 10
}

// quoteOpensSentence reports whether quote q starts its sentence (only
// quote marks before it): a whole quoted sentence, not a phrase quoted in
// the writer's own sentence.
func (st *state) quoteOpensSentence(q int) bool {
	start := st.quotes[q].start
	for _, s := range st.sents {
		if start < s.start || start >= s.end {
			continue
		}
		for _, t := range s.toks {
			if t.End > start {
				return true
			}
			if t.UPOS != "PUNCT" {
				return false
			}
		}
		return false
	}
	return false
}

// wordsBefore counts the words of content span cs before quote q.
func (st *state) wordsBefore(cs, q span) int {
	if q.start <= cs.start {
		return 0
	}
	n := 0
	for _, f := range strings.Fields(st.text(cs.start, min(q.start, cs.end))) {
		if strings.IndexFunc(f, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// quoteClaimed reports whether quote q overlaps the content of a claim
// or shares its first sentence with a cue (first-person cues inside the
// quote aside: they are the quote's speaker's).
func (st *state) quoteClaimed(all []*claim, q int) bool {
	qs := st.quotes[q]
	for _, c := range all {
		if c.firstPerson {
			continue
		}
		for _, sp := range c.cspans {
			if sp.start < qs.end && qs.start < sp.end {
				return true
			}
		}
		if s := st.sents[c.s]; qs.start >= s.start && qs.start < s.end {
			return true
		}
	}
	return false
}

// isPersonTok reports whether token k is part of a person's mention.
func (st *state) isPersonTok(s *sent, k int) bool {
	mi := s.ment[k]
	return mi >= 0 && st.ments[mi].ent >= 0 && st.ents[st.ments[mi].ent].typ == TypePerson
}

// commaBefore reports whether the subject phrase of cue v follows a comma
// ("…, X said").
func commaBefore(s *sent, v int) bool {
	lo, _ := s.subtree(v, nil)
	if n := s.child(v, "nsubj"); n >= 0 {
		lo, _ = s.subtree(n, nil)
	}
	return s.toks[lo].Form == "," || lo > 0 && s.toks[lo-1].Form == ","
}

// objClause reports whether the object of cue v is the subject of a clause
// the parser broke up ("believe | an attack | was imminent"): a verb or
// auxiliary follows it in the sentence.
func objClause(s *sent, v int) bool {
	o := s.child(v, "obj")
	if o < 0 {
		return false
	}
	_, hi := s.subtree(o, nil)
	for k := hi + 1; k < len(s.toks) && s.toks[k].UPOS != "PUNCT"; k++ {
		if s.toks[k].UPOS == "AUX" || s.toks[k].UPOS == "VERB" {
			return true
		}
	}
	return false
}

// prepBefore returns the preposition (lowercase) that governs a mention
// starting at token m inside a phrase starting at lo, looking left over
// determiners, adjectives and title words ("for the President X"), or "".
func prepBefore(s *sent, m, lo int) string {
	k := m - 1
	for k >= lo && (s.toks[k].UPOS == "DET" || s.toks[k].UPOS == "ADJ" || titleWords[s.lower(k)]) {
		k--
	}
	if k >= lo && s.toks[k].UPOS == "ADP" {
		return s.lower(k)
	}
	return ""
}

// locativePreps introduce places, not sources ("officials in X").
var locativePreps = set("in", "at", "inside", "near", "across", "around", "throughout", "outside", "on")

// bareComplement reads a complement the parser missed: "X said its profit
// would fall" (a clause right after the cue, with a verb in it) or "X
// urged residents to boil water" (an object followed by "to").
func bareComplement(s *sent, v int) (int, int, bool) {
	a := v + 1
	for a < len(s.toks) && (s.toks[a].UPOS == "ADV" || s.timex[a] >= 0) {
		a++
	}
	// "cited last year's sale": the time is the possessor of the content
	if a < len(s.toks) && a > v+1 && (s.lower(a) == "'s" || s.lower(a) == "’s") {
		a = v + 1
	}
	if a >= len(s.toks) || s.toks[a].UPOS == "PUNCT" || s.toks[a].UPOS == "ADP" {
		return 0, 0, false
	}
	// up to a comma before a conjunction or a new subject: the clause
	// after it is another one ("As soon as he had added the crown, I
	// jumped up"); a verb right after the comma continues it
	b := sentEnd(s, a)
	for k := a + 1; k < b; k++ {
		if s.toks[k].Form == "," && k+1 <= b && s.toks[k+1].UPOS != "VERB" && s.toks[k+1].UPOS != "AUX" {
			b = k - 1
			break
		}
	}
	if b-a < 2 {
		return 0, 0, false
	}
	hasVerb, hasTo := false, false
	for k := a; k <= b; k++ {
		if u := s.toks[k].UPOS; u == "AUX" || u == "VERB" && k > a {
			hasVerb = true
		}
		if s.lower(k) == "to" && k > a {
			hasTo = true
		}
	}
	if xcompContentCues[s.lemma(v)] && hasTo || !xcompContentCues[s.lemma(v)] && hasVerb {
		return a, b, true
	}
	return 0, 0, false
}

// quoteCovering returns the quote region that covers most of span cs (or
// all of it), or -1.
func (st *state) quoteCovering(cs span) int {
	for qi, q := range st.quotes {
		lo, hi := max(q.start, cs.start), min(q.end, cs.end)
		if hi > lo && (2*(hi-lo) >= cs.end-cs.start || cs.start >= q.start && cs.end <= q.end) {
			return qi
		}
	}
	return -1
}

// parentheticalCue reads a cue clause set off by commas inside what it
// attributes, from the token sequence alone: "The plan, said X, is
// flawed.", "Nobody, he claimed, could do it.", "“A,” she said, “and B.”"
// and "A, the report said, and B to C." (a gapped conjunct). It returns
// the content before (a..b) and after (c..d) the cue clause and the head
// of the cue clause's subject. The part before must open the sentence;
// either it has no verb and the part after has one, or both are quotes,
// or the part after is a verbless "and …".
func parentheticalCue(s *sent, v int) (a, b, c, d, subj int, ok bool) {
	n := len(s.toks)
	nominal := func(k int) bool {
		switch s.toks[k].UPOS {
		case "DET", "PROPN", "NOUN", "ADJ", "NUM", "PRON":
			return !relPronouns[s.lower(k)]
		case "PART":
			return s.lower(k) == "'s" || s.lower(k) == "’s"
		}
		return false
	}
	l, r := v, v
	if v+1 < n && nominal(v+1) {
		// inverted: ", said X,", ", said X of Y in Z,"
		for r+1 < n && (nominal(r+1) || s.toks[r+1].UPOS == "ADP" && r+2 < n && nominal(r+2)) {
			r++
		}
		subj = r
	} else {
		// ", X said,", ", he has claimed,"
		for l-1 >= 0 && (s.toks[l-1].UPOS == "AUX" || s.toks[l-1].UPOS == "ADV") {
			l--
		}
		for l-1 >= 0 && nominal(l-1) {
			l--
		}
		if l == v || s.toks[l].UPOS == "AUX" || s.toks[l].UPOS == "ADV" {
			return 0, 0, 0, 0, -1, false
		}
		subj = l
		for k := l; k < v && nominal(k); k++ {
			subj = k
		}
	}
	// the subject's head: the nominal of the phrase the others hang on
	for k := subj; k >= l && k <= r; k-- {
		if u := s.toks[k].UPOS; u == "PROPN" || u == "NOUN" || u == "PRON" {
			if h := s.head(k); h < l || h > r || h == v {
				subj = k
				break
			}
		}
	}
	// the commas around the clause (a quote mark may stand next to them)
	b = l - 1
	if b >= 0 && isQuoteChar(s.toks[b].Form) {
		b--
	}
	if b < 1 || s.toks[b].Form != "," || r+1 >= n || s.toks[r+1].Form != "," {
		return 0, 0, 0, 0, -1, false
	}
	before, quoteBefore := b-1, l-1 != b
	c = r + 2
	quoteAfter := c < n && isQuoteChar(s.toks[c].Form)
	a = 0
	for a < before && (s.toks[a].UPOS == "PUNCT" || s.toks[a].UPOS == "CCONJ") {
		a++
	}
	d = n - 1
	for d > c && s.toks[d].UPOS == "PUNCT" && !isQuoteChar(s.toks[d].Form) {
		d--
	}
	if quoteBefore {
		before = l - 1
	}
	b = before
	if d-c < 1 || b < a {
		return 0, 0, 0, 0, -1, false
	}
	hasVerb := func(x, y int) bool {
		for k := x; k <= y; k++ {
			if u := s.toks[k].UPOS; u == "VERB" || u == "AUX" {
				return true
			}
		}
		return false
	}
	// "But, he said, …", "Earlier, she said, …": no part of the content
	// before the cue
	noun := false
	for k := a; k <= b; k++ {
		switch s.toks[k].UPOS {
		case "NOUN", "PROPN", "PRON", "NUM":
			noun = true
		}
	}
	// "His mother, Jane, said her son's …": a before part with a comma
	// of its own is the subject with an apposition, not content
	if !quoteBefore {
		for k := a; k <= b; k++ {
			if s.toks[k].Form == "," {
				return 0, 0, 0, 0, -1, false
			}
		}
	}
	if quoteAfter != quoteBefore {
		// "During X, Y stated, “…”": the quote is read as usual
		return 0, 0, 0, 0, -1, false
	}
	switch u := s.toks[a].UPOS; {
	case !noun:
		return 0, 0, 0, 0, -1, false
	case (u == "ADP" || u == "ADV" || u == "SCONJ" || s.timex[a] >= 0) && !hasVerb(a, b) && hasVerb(c, d):
		// "For instance, said X, …", "Earlier this week, she said, …":
		// an adverbial before the cue, the content is after it
		return -1, -1, c, d, subj, true
	case quoteBefore && quoteAfter:
	case !hasVerb(a, b) && hasVerb(c, d) && !hasCueWithSubject(s, c, d):
	case hasVerb(a, b) && s.lower(c) == "and" && !hasVerb(c, d):
	default:
		return 0, 0, 0, 0, -1, false
	}
	return a, b, c, d, subj, true
}

// relayLemmas report what another said: "reported X as saying", "X was
// quoted as saying".
var relayLemmas = set("report", "quote", "cite")

// asMark reports whether clause v is introduced by "as" ("as saying"),
// in the parse or on the surface.
func asMark(s *sent, v int) bool {
	m := s.child(v, "mark")
	return m >= 0 && s.lower(m) == "as" || v > 0 && s.lower(v-1) == "as" && s.toks[v].XPOS == "VBG"
}

// asSayingRelay reads "X was quoted (by Y) as saying", "Y reported X as
// saying" and "X, quoted by Y as saying" off the surface: for the
// participle cue v after "as", the relay verb before it and the speaker
// (the relay's object, its passive subject, or the noun a relay
// participle modifies), or -1, -1.
func asSayingRelay(s *sent, v int) (relay, speaker int) {
	if v < 2 || s.lower(v-1) != "as" || s.toks[v].XPOS != "VBG" || !cueLemmas[s.lemma(v)] {
		return -1, -1
	}
	r := v - 2
	for r >= 0 && r >= v-10 && !relayLemmas[s.lemma(r)] {
		switch s.toks[r].UPOS {
		case "DET", "PROPN", "NOUN", "ADJ", "ADP", "PART", "NUM":
			r--
			continue
		}
		return -1, -1
	}
	if r < 0 || r < v-10 || s.toks[r].UPOS != "VERB" {
		return -1, -1
	}
	// the object between the relay verb and "as" (not a "by" agent)
	if r+1 < v-1 && s.toks[r+1].UPOS != "ADP" {
		k := v - 2
		for k > r+1 && (s.head(k) > r && s.head(k) < v-1) {
			k--
		}
		return r, k
	}
	if n := s.child(r, "nsubj"); n >= 0 && (s.rel(n) == "nsubj:pass" || s.rel(n) == "nsubjpass") {
		return r, n
	}
	if s.baseRel(r) == "acl" && s.head(r) >= 0 && s.head(r) < r {
		return r, s.head(r)
	}
	return -1, -1
}

// subjectGap returns where the content of cue v starts when the parser
// hung the subject of its complement cc on the cue: "said there would be
// …" (expletive), "predicted carrying the cards would become …" (a
// gerund subject), "said a new car would be …" read as an object. The
// tokens between the cue and lo must all belong to such dependents of the
// cue (adverbs aside), without punctuation or time expressions, and cc
// must lack a subject of its own; otherwise lo is returned unchanged.
func subjectGap(s *sent, v, cc, lo int) int {
	if lo <= v+1 || s.child(cc, "nsubj", "expl", "csubj") >= 0 {
		return lo
	}
	subjLike := false
	for g := v + 1; g < lo; g++ {
		if s.toks[g].UPOS == "PUNCT" || s.timex[g] >= 0 {
			return lo
		}
		c := s.childToward(v, g)
		if c < 0 {
			return lo
		}
		switch s.baseRel(c) {
		case "expl", "xcomp", "csubj", "nsubj":
			subjLike = true
		case "obj":
			// "told X …", "urged X to …": the object is the addressee
			if xcompContentCues[s.lemma(v)] {
				return lo
			}
			subjLike = true
		case "advmod":
		default:
			return lo
		}
	}
	if !subjLike {
		return lo
	}
	return v + 1
}

// raisingCues followed by an infinitive report hearsay without a source
// ("reported to have left", "said to be ill", "believed to be hiding").
var raisingCues = set("report", "say", "believe", "think", "know", "understand", "allege", "rumour", "rumor")

// orgNoun reports whether a common noun names an organisation by its
// kind ("the bank", "the country's biggest carmaker").
func orgNoun(w string) bool {
	return genericOrgNouns[w] || orgHeads[w] || orgKindNouns[w] || strings.HasSuffix(w, "maker") && len(w) > 5
}

// orgKindNouns are kinds of firm beyond genericOrgNouns and orgHeads.
var orgKindNouns = set("producer", "exporter", "importer", "supplier", "operator", "chain",
	"brewer", "miner", "utility", "developer", "conglomerate", "exchange", "supermarket",
	"builder", "publisher", "distributor", "provider", "telecom", "outlet", "maker")

// namedIn reports whether entity e has a mention in tokens lo..hi.
func (st *state) namedIn(s *sent, lo, hi, e int) bool {
	for k := lo; k <= hi; k++ {
		if mi := s.ment[k]; mi >= 0 && st.ments[mi].ent == e && !st.ments[mi].dropped {
			return true
		}
	}
	return false
}

// hasVerbIn reports whether the subtree of k holds a verb or auxiliary.
func hasVerbIn(s *sent, k int) bool {
	lo, hi := s.subtree(k, nil)
	for i := lo; i <= hi; i++ {
		if u := s.toks[i].UPOS; u == "VERB" || u == "AUX" {
			return true
		}
	}
	return false
}

// toldClause reads "told NAME CLAUSE" off the surface: a person or
// organisation named right after the cue (after "the"), then a clause
// with a nominal start and a verb. It returns the name's mention and the
// clause's tokens.
func (st *state) toldClause(s *sent, v int) (m, a, b int, ok bool) {
	k := v + 1
	if s.ok(k) && s.toks[k].UPOS == "DET" {
		k++
	}
	mi := -1
	if s.ok(k) {
		mi = s.ment[k]
	}
	if mi < 0 || st.ments[mi].lo != k || st.ments[mi].ent < 0 {
		return -1, 0, 0, false
	}
	if t := st.ents[st.ments[mi].ent].typ; t != TypeOrg && t != TypePerson {
		return -1, 0, 0, false
	}
	a = st.ments[mi].hi + 1
	// "told the X Courier Mr Y had …" with the courtesy title read into
	// the addressee's name: the title starts the content, and the name
	// is no relay
	for h := st.ments[mi].lo + 1; h <= st.ments[mi].hi; h++ {
		if honorifics[s.lower(h)] {
			return -1, h, sentEnd(s, h), hasVerbAfter(s, h)
		}
	}
	if !s.ok(a) {
		return -1, 0, 0, false
	}
	switch s.toks[a].UPOS {
	case "DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM":
	default:
		return -1, 0, 0, false
	}
	b = sentEnd(s, a)
	verb := false
	for i := a + 1; i <= b; i++ {
		if u := s.toks[i].UPOS; u == "VERB" || u == "AUX" {
			verb = true
			break
		}
	}
	if !verb || b-a < 2 {
		return -1, 0, 0, false
	}
	return mi, a, b, true
}

// clauseAfter reports whether a noun phrase and then a verb or auxiliary
// follow token v ("insisted Mr X had made …"): v is then a main verb
// with a complement clause, whatever its tag says.
func clauseAfter(s *sent, v int) bool {
	k := v + 1
	for k < len(s.toks) {
		switch s.toks[k].UPOS {
		case "DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM":
			k++
			continue
		}
		break
	}
	return k > v+1 && k < len(s.toks) && (s.toks[k].UPOS == "AUX" || s.toks[k].UPOS == "VERB")
}

// endsClause reports whether only punctuation and time expressions
// follow token v in its sentence.
func endsClause(s *sent, v int) bool {
	for k := v + 1; k < len(s.toks); k++ {
		if s.toks[k].UPOS != "PUNCT" && s.timex[k] < 0 {
			return false
		}
	}
	return true
}

// hasVerbAfter reports whether a verb or auxiliary follows token k in its
// sentence.
func hasVerbAfter(s *sent, k int) bool {
	for i := k + 1; i < len(s.toks); i++ {
		if u := s.toks[i].UPOS; u == "VERB" || u == "AUX" {
			return true
		}
	}
	return false
}
