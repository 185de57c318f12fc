package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// fixtureCopies returns n distinct records made from the fixture records:
// copy i of a record has the document id (and so every document, sentence,
// claim and figure IRI) suffixed with i, while its entities stay shared, as
// across real articles.
func fixtureCopies(b *testing.B, n int) []*extract.Record {
	b.Helper()
	recs, err := graphtest.Records()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]*extract.Record, 0, n)
	for i := 0; len(out) < n; i++ {
		rec := recs[i%len(recs)]
		data, err := json.Marshal(rec)
		if err != nil {
			b.Fatal(err)
		}
		id := rec.Document.ID
		data = []byte(strings.ReplaceAll(string(data), id, fmt.Sprintf("%s%06d", id, i)))
		var c extract.Record
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
		out = append(out, &c)
	}
	return out
}

// quadsOf returns the quads of the records, in order.
func quadsOf(b *testing.B, recs []*extract.Record) []quad.Quad {
	b.Helper()
	var out []quad.Quad
	for _, rec := range recs {
		qs, err := graph.Quads(rec)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, qs...)
	}
	return out
}

// openBench opens an empty store of the backend in a temporary directory.
func openBench(b *testing.B, backend string) *graph.Store {
	b.Helper()
	s, err := graph.Open(context.Background(), graph.Options{Backend: backend, Path: filepath.Join(b.TempDir(), "db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkAddRecord writes one new document per iteration, each in its
// own transaction, as `load` did before it grouped documents: the store
// grows during the run.
func BenchmarkAddRecord(b *testing.B) {
	for _, backend := range []string{graph.Bolt, graph.Memstore} {
		b.Run(backend, func(b *testing.B) {
			recs := fixtureCopies(b, b.N)
			quads := len(quadsOf(b, recs))
			s := openBench(b, backend)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.AddRecord(ctx, recs[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// BenchmarkAddRecordAgain re-adds a document the store already holds:
// the cost of loading the same article twice (no quad is added).
func BenchmarkAddRecordAgain(b *testing.B) {
	recs := fixtureCopies(b, 1)
	s := openBench(b, graph.Bolt)
	ctx := context.Background()
	if _, err := s.AddRecord(ctx, recs[0]); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := s.AddRecord(ctx, recs[0])
		if err != nil || n != 0 {
			b.Fatalf("added %d quads, %v", n, err)
		}
	}
}

// BenchmarkAddQuadsBatch writes 50 new documents per transaction, the way
// `load` groups documents that are ready together.
func BenchmarkAddQuadsBatch(b *testing.B) {
	const perBatch = 50
	recs := fixtureCopies(b, b.N*perBatch)
	s := openBench(b, graph.Bolt)
	ctx := context.Background()
	total := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		batch := quadsOf(b, recs[i*perBatch:(i+1)*perBatch])
		total += len(batch)
		b.StartTimer()
		if _, err := s.AddQuads(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "quads/s")
}

// benchStore is a bolt store holding docs copies of the fixture
// documents, and its N-Quads export.
func benchStore(b *testing.B, docs int) (*graph.Store, []byte, int) {
	b.Helper()
	s := openBench(b, graph.Bolt)
	ctx := context.Background()
	recs := fixtureCopies(b, docs)
	for i := 0; i < len(recs); i += 50 {
		batch := quadsOf(b, recs[i:min(i+50, len(recs))])
		if _, err := s.AddQuads(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	n, err := s.Export(ctx, &buf)
	if err != nil {
		b.Fatal(err)
	}
	return s, buf.Bytes(), n
}

// BenchmarkExport writes a 200-document store as N-Quads.
func BenchmarkExport(b *testing.B) {
	s, _, n := benchStore(b, 200)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Export(ctx, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkImport reads the N-Quads of a 200-document store into a new,
// empty bolt store.
func BenchmarkImport(b *testing.B) {
	_, data, n := benchStore(b, 200)
	ctx := context.Background()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dst := openBench(b, graph.Bolt)
		b.StartTimer()
		got, err := dst.Import(ctx, bytes.NewReader(data), "bench.nq")
		if err != nil || got != n {
			b.Fatalf("imported %d of %d quads: %v", got, n, err)
		}
		b.StopTimer()
		dst.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkQuads converts one record to quads (no store).
func BenchmarkQuads(b *testing.B) {
	recs := fixtureCopies(b, 1)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := graph.Quads(recs[0]); err != nil {
			b.Fatal(err)
		}
	}
}
