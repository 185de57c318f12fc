package loaders

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchInputs reads the sample articles of one format.
func benchInputs(b *testing.B, dir string) map[string][]byte {
	b.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		b.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".golden") {
			continue
		}
		data, err := os.ReadFile(filepath.Join("testdata", dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

func BenchmarkParse(b *testing.B) {
	for _, dir := range []string{"text", "markdown", "html", "jsonl"} {
		inputs := benchInputs(b, dir)
		var size int64
		for _, data := range inputs {
			size += int64(len(data))
		}
		b.Run(dir, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(size)
			for b.Loop() {
				for name, data := range inputs {
					if _, err := Parse(name, data, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkWalkJSONL streams a 1,000-article batch built from the samples.
func BenchmarkWalkJSONL(b *testing.B) {
	line := `{"title":"Bridge reopens after repairs","text":"` +
		strings.Repeat("The Old Town bridge reopened to traffic on Monday after eight months of repairs, the city said. ", 20) +
		`","published":"2024-04-15","source":"City Herald"}` + "\n"
	batch := []byte(strings.Repeat(line, 1000))
	b.ReportAllocs()
	b.SetBytes(int64(len(batch)))
	for b.Loop() {
		n := 0
		err := Walk(context.Background(), []string{"-"}, bytes.NewReader(batch), Options{}, func(Document) error {
			n++
			return nil
		})
		if err != nil || n != 1000 {
			b.Fatal(n, err)
		}
	}
}
