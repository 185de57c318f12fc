package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportImportStatsMigrate(t *testing.T) {
	db := fixtureDB(t)
	dir := t.TempDir()
	nq := filepath.Join(dir, "out.nq")
	if code, _, errs := run(t, "", "export", "--db", db, "-o", nq); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	b, err := os.ReadFile(nq)
	if err != nil || !strings.Contains(string(b), "<http://schema.org/Claim>") {
		t.Fatalf("export file: %v", err)
	}
	code, stdout, _ := run(t, "", "export", "--db", db)
	if code != 0 || stdout != string(b) {
		t.Errorf("export to stdout differs from -o file")
	}
	fresh := filepath.Join(dir, "fresh.db")
	code, out, errs := run(t, "", "import", "--db", fresh, nq)
	if code != 0 || !strings.Contains(out, "quads added") {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	code, out, _ = run(t, string(b), "import", "--db", fresh, "-")
	if code != 0 || !strings.Contains(out, ": 0 quads added") {
		t.Errorf("re-import from stdin: %d %s", code, out)
	}
	code, out, _ = run(t, "", "stats", "--db", fresh)
	if code != 0 || !strings.Contains(out, "http://schema.org/Claim") {
		t.Errorf("stats: %d %s", code, out)
	}
	migrated := filepath.Join(dir, "migrated.db")
	code, out, errs = run(t, "", "migrate", "--from", "bolt:"+fresh, "--to", "bolt:"+migrated)
	if code != 0 || !strings.Contains(out, "quads added") {
		t.Errorf("migrate: %d %s %s", code, out, errs)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		code    int
		wantErr string
	}{
		{"import missing", []string{"import", "--db", fresh, filepath.Join(dir, "nope.nq")}, 1, "nope.nq"},
		{"import dir", []string{"import", "--db", fresh, dir}, 1, "is a directory"},
		{"import no args", []string{"import"}, 2, "one file"},
		{"export bad format", []string{"export", "--db", db, "--format", "turtle"}, 2, "unknown --format"},
		{"migrate bad url", []string{"migrate", "--from", "mysql://x", "--to", "bolt:y"}, 2, "neither bolt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, "", tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.wantErr) {
				t.Errorf("code %d stderr %q; want %d ~%q", code, errs, tc.code, tc.wantErr)
			}
		})
	}
}
