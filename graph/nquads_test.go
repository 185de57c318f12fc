package graph

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

func TestReadNQuadsErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		in       string
		wantLine int
		wantN    int
	}{
		{"ok with comments and blanks", "# c\n\n<a> <b> <c> .\n<a> <b> \"x\"@en <g> .\n", 0, 2},
		{"no final newline", "<a> <b> <c> .", 0, 1},
		{"unterminated literal", "<a> <b> <c> .\n<a> <b> \"x .\n", 2, 1},
		{"space in IRI", "<a> <b> <c d> .\n", 1, 0},
		{"missing dot", "<a> <b> <c>\n", 1, 0},
		{"invalid utf8", "<a> <b> \"\xff\" .\n", 1, 0},
		{"too few terms", "<a> <b> .\n", 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			err := ReadNQuads(strings.NewReader(tc.in), "in.nq", func(quad.Quad) error { n++; return nil })
			var pe *ParseError
			switch {
			case tc.wantLine == 0 && err != nil:
				t.Fatalf("unexpected error %v", err)
			case tc.wantLine != 0 && (!errors.As(err, &pe) || pe.Line != tc.wantLine || pe.Path != "in.nq"):
				t.Fatalf("err = %v, want ParseError at line %d", err, tc.wantLine)
			case n != tc.wantN:
				t.Errorf("read %d quads before stopping, want %d", n, tc.wantN)
			}
		})
	}
}

func TestReadNQuadsLongLine(t *testing.T) {
	in := "<a> <b> <c> .\n<a> <b> \"" + strings.Repeat("x", MaxNQuadsLine+10) + "\" .\n"
	err := ReadNQuads(strings.NewReader(in), "big.nq", func(quad.Quad) error { return nil })
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !errors.Is(err, ErrLineTooLong) {
		t.Fatalf("err = %v, want line-too-long at big.nq:2", err)
	}
}

// FuzzReadNQuads checks that the reader never panics and that whatever it
// accepts writes back and reads again to the same quads.
func FuzzReadNQuads(f *testing.F) {
	f.Add("<a> <b> <c> .\n")
	f.Add("<a> <b> \"x\\n\\\"y\"@en-GB <g> .\n# comment\n")
	f.Add("<a> <b> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
	f.Add("_:b0 <b> \"\" .\n")
	f.Add("<a> <b> \"unterminated .\n")
	f.Fuzz(func(t *testing.T, in string) {
		var got []quad.Quad
		if err := ReadNQuads(strings.NewReader(in), "f.nq", func(q quad.Quad) error {
			got = append(got, q)
			return nil
		}); err != nil {
			return
		}
		var buf bytes.Buffer
		w := nquads.NewWriter(&buf)
		if _, err := w.WriteQuads(got); err != nil {
			t.Fatal(err)
		}
		w.Close()
		var again []quad.Quad
		if err := ReadNQuads(&buf, "again.nq", func(q quad.Quad) error {
			again = append(again, q)
			return nil
		}); err != nil {
			t.Fatalf("re-reading written quads: %v\n%s", err, buf.String())
		}
		if len(again) != len(got) {
			t.Fatalf("round trip: %d quads, then %d", len(got), len(again))
		}
		for i := range got {
			if got[i].String() != again[i].String() {
				t.Fatalf("round trip changed quad %d: %v → %v", i, got[i], again[i])
			}
		}
	})
}
