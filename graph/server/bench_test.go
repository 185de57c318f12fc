package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func BenchmarkSavedQuery(b *testing.B) {
	h, err := New(fixtureStore(b, false), Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/api/queries/claims", nil))
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}

func BenchmarkQueryShape(b *testing.B) {
	st := fixtureStore(b, false)
	const q = `g.V().Has("<http://schema.org/name>", "Rotterdam").Tag("place").In("<http://schema.org/spatialCoverage>").Out("<http://schema.org/text>").All()`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := QueryShape(context.Background(), st.QuadStore(), "gizmo", q); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzQueryShape checks that any query text gives an error or a consistent
// shape: links only between existing nodes, through link nodes.
func FuzzQueryShape(f *testing.F) {
	st := fixtureStore(f, false)
	for _, s := range []string{
		`g.V().All()`,
		`g.V("Rotterdam").In("<http://schema.org/name>").Tag("e").Out().Unique().All()`,
		`g.V().Has("<http://schema.org/name>", "Rotterdam").Tag("place").In("<http://schema.org/spatialCoverage>").Out("<http://schema.org/text>").All()`,
		`g.V().Out(g.V("<http://schema.org/name>")).Filter(regex("^R")).Limit(2).All()`,
		`g.V().Except(g.V("Rotterdam")).Union(g.V("x")).Count()`,
		`g.V().Save("<http://schema.org/name>", "n").SaveR("<http://schema.org/mentions>", "d").ToArray()`,
		`g.M()`, `g.V(`, `while(true){}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		sh, err := QueryShape(ctx, st.QuadStore(), "gizmo", q)
		if d := time.Since(start); d > 2*time.Second {
			t.Fatalf("took %s despite a 200ms timeout", d)
		}
		if err != nil {
			return
		}
		ids := map[int]ShapeNode{}
		for i, n := range sh.Nodes {
			if n.ID != i+1 {
				t.Fatalf("node %d has id %d", i, n.ID)
			}
			ids[n.ID] = n
		}
		for _, l := range sh.Links {
			if _, ok := ids[l.Source]; !ok {
				t.Fatalf("link from missing node %d", l.Source)
			}
			if _, ok := ids[l.Target]; !ok {
				t.Fatalf("link to missing node %d", l.Target)
			}
			if l.LinkNode != 0 && !ids[l.LinkNode].IsLinkNode {
				t.Fatalf("link through %d, not a link node", l.LinkNode)
			}
		}
	})
}
