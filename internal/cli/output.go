package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// writeJSON writes v as indented JSON without HTML escaping, so IRIs keep
// their angle brackets.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// maxCell is the widest a table cell gets before it is cut with "…".
const maxCell = 72

// writeTable renders query results as an aligned table: the given columns
// in order (a saved query's preferred columns), or every key sorted when
// none are given. --format json shows every field.
func writeTable(w io.Writer, rows []graph.Result, columns []string) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "(no results)")
		return err
	}
	cols := append([]string(nil), columns...)
	known := map[string]bool{}
	for _, c := range cols {
		known[c] = true
	}
	if len(cols) == 0 {
		for _, r := range rows {
			for k := range r {
				if !known[k] {
					known[k] = true
					cols = append(cols, k)
				}
			}
		}
		sort.Strings(cols)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = cell(r[c])
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(%d rows)\n", len(rows))
	return err
}

// cell formats one value for a table: lists joined with "; ", objects as
// compact JSON, nulls as "-", long text cut.
func cell(v any) string {
	var s string
	switch x := v.(type) {
	case nil:
		s = "-"
	case string:
		s = x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e)
		}
		s = strings.Join(parts, "; ")
		if s == "" {
			s = "-"
		}
	case map[string]any:
		// A nested row (a figure in a conflict): its text and source.
		if t, ok := x["text"]; ok {
			s = cell(t)
			if sp, ok := x["speaker"]; ok && sp != nil {
				s += " (" + cell(sp) + ")"
			}
			break
		}
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.Encode(x)
		s = b.String()
	case float64:
		s = fmt.Sprint(x)
	default:
		s = fmt.Sprint(x)
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > maxCell {
		r := []rune(s)
		s = string(r[:maxCell-1]) + "…"
	}
	return s
}
