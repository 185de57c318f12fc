package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// run calls Main with buffers and returns exit code, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// fixtureDB writes the fixture records (graphtest) into a new bolt store
// and returns its path.
func fixtureDB(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "db")
	graphtest.Open(t, graph.Options{Path: dir}).Close()
	return dir
}

func TestTopLevel(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"no args lists commands", nil, 2, "Commands:", ""},
		{"help", []string{"--help"}, 0, "query", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "newsgraph frobnicate"`},
		{"command help", []string{"query", "--help"}, 0, "usage: newsgraph query", ""},
		{"bad flag", []string{"query", "--nope"}, 2, "", "flag provided but not defined"},
		{"nested group", []string{"nlp"}, 2, "train", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(t, "", tc.args...)
			if code != tc.wantCode || !strings.Contains(out, tc.wantOut) || !strings.Contains(errs, tc.wantErr) {
				t.Errorf("code %d, stdout %q, stderr %q; want code %d, stdout ~%q, stderr ~%q",
					code, out, errs, tc.wantCode, tc.wantOut, tc.wantErr)
			}
		})
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	var walk func(c *Command, path []string)
	walk = func(c *Command, path []string) {
		for _, sub := range c.Sub {
			p := append(append([]string(nil), path...), sub.Name)
			if sub.Run == nil {
				walk(sub, p)
				continue
			}
			t.Run(strings.Join(p, "_"), func(t *testing.T) {
				code, out, _ := run(t, "", append(p, "--help")...)
				if code != 0 || !strings.Contains(out, "usage: newsgraph "+strings.Join(p, " ")) {
					t.Errorf("--help: code %d, out %q", code, out)
				}
				if sub.Short == "" {
					t.Errorf("no short description")
				}
			})
		}
	}
	walk(&Command{Sub: commands()}, nil)
}

func TestParseInterspersed(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		pos  string
		fmt  string
	}{
		{"flags first", []string{"--format", "json", "claims", "x"}, "claims x", "json"},
		{"flags last", []string{"claims", "x", "--format=json"}, "claims x", "json"},
		{"between", []string{"claims", "--format", "json", "x"}, "claims x", "json"},
		{"double dash", []string{"claims", "--", "--format"}, "claims --format", "table"},
		{"stdin dash", []string{"-"}, "-", "table"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var format string
			fs := newFlagSet()
			fs.StringVar(&format, "format", "table", "")
			pos, err := parseInterspersed(fs, tc.args)
			if err != nil || strings.Join(pos, " ") != tc.pos || format != tc.fmt {
				t.Errorf("got %q format %q err %v; want %q format %q", pos, format, err, tc.pos, tc.fmt)
			}
		})
	}
}
