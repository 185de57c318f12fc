package loaders

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// checkInvariants checks what every loaded document must satisfy.
func checkInvariants(t *testing.T, d Document) {
	t.Helper()
	for name, s := range map[string]string{"text": d.Text, "title": d.Title, "source": d.Source, "url": d.URL} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not valid UTF-8: %q", d.Path, name, s)
		}
		if s != strings.TrimSpace(s) {
			t.Errorf("%s: %s is not trimmed: %q", d.Path, name, s)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%s: %s is not NFC: %q", d.Path, name, s)
		}
		if name != "text" && strings.Contains(s, "\n") {
			t.Errorf("%s: %s has a line break: %q", d.Path, name, s)
		}
	}
	if strings.Contains(d.Text, "\r") || strings.Contains(d.Text, "\n\n\n") || strings.Contains(d.Text, "  ") {
		t.Errorf("%s: text not normalised: %q", d.Path, d.Text)
	}
}
