package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Open a throwaway store, write one extraction record, and ask who stated
// which figure — one hop over the speaker's cue edge.
func Example() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Backend: graph.Memstore})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	b, _ := os.ReadFile("testdata/fixture.json")
	var rec extract.Record
	if err := json.Unmarshal(b, &rec); err != nil {
		fmt.Println(err)
		return
	}
	n, _ := s.AddRecord(ctx, &rec)
	again, _ := s.AddRecord(ctx, &rec)
	fmt.Println("quads added:", n > 0, "then", again)

	says := graph.CuePredicate("say")
	rows, _ := s.Query(ctx, `g.V("Anna de Vries").In("<http://schema.org/name>")
		.Out("<`+string(says)+`>").Out("<http://schema.org/description>").All()`, 0)
	for _, r := range rows {
		fmt.Println(r["id"])
	}
	// Output:
	// quads added: true then 0
	// about 3,000
}
