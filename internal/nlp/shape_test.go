package nlp

import "testing"

func TestShape(t *testing.T) {
	tests := map[string]string{"Hello": "Xxx", "USA": "XX", "3.5": "d.d", "e-mail": "x-xx", "1,000,000": "d,dd,dd", "Zoë": "Xxx", "5€": "d*"}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := Shape(in); got != want {
				t.Errorf("Shape(%q) = %q, want %q", in, got, want)
			}
		})
	}
}
