package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestSchema validates the golden records and the gold set against the
// contract's JSON Schema.
func TestSchema(t *testing.T) {
	path, err := filepath.Abs("../docs/extract.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Skip("no schema")
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(path)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	files, _ := filepath.Glob("testdata/*.golden.json")
	gold, _ := filepath.Glob("../testdata/gold/*.json")
	held, _ := filepath.Glob("../testdata/gold/heldout/*.json")
	gold = append(gold, held...)
	for _, f := range append(files, gold...) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			fh, err := os.Open(f)
			if err != nil {
				t.Fatal(err)
			}
			defer fh.Close()
			inst, err := jsonschema.UnmarshalJSON(fh)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		})
	}
}
