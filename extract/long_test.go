package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/loaders"
)

// TestLongSentence guards against super-linear blow-ups on one huge
// sentence (3,000 tokens).
func TestLongSentence(t *testing.T) {
	text := strings.Repeat("Reuters said that Anna Kovac told AFP that 5,000 troops, ", 300)
	x := New(cheapAnnotator{}, cheapRecognizer{}, Options{Gazetteer: fakeGaz{}})
	start := time.Now()
	if _, err := x.Extract(context.Background(), loaders.Document{Text: text}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("%d runes took %v", len(text), d)
	}
}
