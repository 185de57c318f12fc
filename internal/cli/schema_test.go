package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// compileSchema compiles docs/extract.schema.json with format assertions on.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path, err := filepath.Abs("../../docs/extract.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return s
}

// checkRecord validates one extraction record (JSON) against the schema and
// against what the schema cannot say: ids are unique and every reference
// resolves, offsets are code points that cut the exact text out of
// document.text.
func checkRecord(t *testing.T, schema *jsonschema.Schema, data []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("schema: %v", err)
	}
	var rec extract.Record
	if err := json.Unmarshal(data, &rec); err != nil {
		t.Fatal(err)
	}
	for _, p := range recordProblems(&rec) {
		t.Error(p)
	}
}

func recordProblems(rec *extract.Record) []string {
	var out []string
	bad := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	text := []rune(rec.Document.Text)
	cut := func(start, end int) (string, bool) {
		if start < 0 || end < start || end > len(text) {
			return "", false
		}
		return string(text[start:end]), true
	}
	if rec.Document.ID != extract.DocumentID(rec.Document.Text) {
		bad("document id %s is not the id of its text", rec.Document.ID)
	}
	sents := map[string]bool{}
	for _, s := range rec.Sentences {
		if sents[s.ID] {
			bad("duplicate sentence %s", s.ID)
		}
		sents[s.ID] = true
		if got, ok := cut(s.Start, s.End); !ok || got != s.Text {
			bad("sentence %s [%d,%d) text %q does not match document text %q", s.ID, s.Start, s.End, s.Text, got)
		}
	}
	ents := map[string]bool{}
	for _, e := range rec.Entities {
		if ents[e.ID] {
			bad("duplicate entity %s", e.ID)
		}
		ents[e.ID] = true
		for _, m := range e.Mentions {
			if !sents[m.Sentence] {
				bad("entity %s mention in unknown sentence %s", e.ID, m.Sentence)
			}
			if got, ok := cut(m.Start, m.End); !ok || got != m.Text {
				bad("entity %s mention [%d,%d) %q does not match document text %q", e.ID, m.Start, m.End, m.Text, got)
			}
		}
	}
	ref := func(what, id string) {
		if !ents[id] {
			bad("%s refers to unknown entity %q", what, id)
		}
	}
	for i, r := range rec.Relations {
		ref(fmt.Sprintf("relation %d subject", i), r.Subject)
		if r.Object.Entity != "" {
			ref(fmt.Sprintf("relation %d object", i), r.Object.Entity)
		}
		if !sents[r.Sentence] {
			bad("relation %d in unknown sentence %s", i, r.Sentence)
		}
	}
	claims := map[string]bool{}
	for _, c := range rec.Claims {
		if claims[c.ID] {
			bad("duplicate claim %s", c.ID)
		}
		claims[c.ID] = true
		if !sents[c.Sentence] {
			bad("claim %s in unknown sentence %s", c.ID, c.Sentence)
		}
		if c.Speaker != nil {
			ref("claim "+c.ID+" speaker", *c.Speaker)
		}
		for _, r := range c.ReportedBy {
			ref("claim "+c.ID+" reported_by", r)
		}
		for _, p := range c.Places {
			ref("claim "+c.ID+" place", p)
		}
		for _, f := range c.Figures {
			if f.Of != nil {
				ref("claim "+c.ID+" figure of", *f.Of)
			}
		}
	}
	return out
}

func TestSchemaOnFixtures(t *testing.T) {
	schema := compileSchema(t)
	files, _ := filepath.Glob(filepath.Join(graphtest.Dir(), "doc-*.json"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, schema, b)
		})
	}
}

func TestSchemaRejects(t *testing.T) {
	schema := compileSchema(t)
	for _, tc := range []struct{ name, json string }{
		{"missing claims", `{"document":{"id":"x","iri":"https://a/b","title":null,"source":null,"url":null,"published":null,"language":"en","text":""},"sentences":[],"entities":[],"relations":[]}`},
		{"bad certainty", `{"document":{"id":"x","iri":"https://a/b","title":null,"source":null,"url":null,"published":null,"language":"en","text":""},"sentences":[],"entities":[],"relations":[{"subject":"e1","predicate":"p","object":"e2","sentence":"s1","certainty":"sure","negated":false}],"claims":[]}`},
		{"bad date", `{"document":{"id":"x","iri":"https://a/b","title":null,"source":null,"url":null,"published":"Monday","language":"en","text":""},"sentences":[],"entities":[],"relations":[],"claims":[]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(tc.json)))
			if err != nil {
				t.Fatal(err)
			}
			if schema.Validate(inst) == nil {
				t.Errorf("schema accepted %s", tc.name)
			}
		})
	}
}

// TestSchemaOnRealOutput validates what 'extract --json' prints for the seed
// and the gold-set articles against the schema and the reference checks.
func TestSchemaOnRealOutput(t *testing.T) {
	schema := compileSchema(t)
	inputs := []string{"../../seeds/seed-article.txt"}
	gold, _ := filepath.Glob("../../testdata/gold/*.txt")
	inputs = append(inputs, gold...)
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			code, out, errs := run(t, "", "extract", "--json", in)
			if code != 0 {
				t.Fatalf("extract: %s", errs)
			}
			checkRecord(t, schema, []byte(out))
		})
	}
}
