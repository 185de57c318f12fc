package ner

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestNameGaz(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader("-DOCSTART- O\n\nBank B-ORG\nof I-ORG\nEngland I-ORG\nsaid O\n\nParis B-LOC\n"), "names")
	if err != nil {
		t.Fatal(err)
	}
	full, folds := trainNameGaz(docs)
	if len(folds) != nameFolds || len(folds[0].types) != 0 || len(folds[1].types) != 2 {
		t.Fatalf("folds: %d, fold 0 has %d names, fold 1 %d", len(folds), len(folds[0].types), len(folds[1].types))
	}
	tests := []struct {
		name     string
		words    string
		mask     []uint8
		position []int8
	}{
		{"multiword", "THE BANK OF ENGLAND", []uint8{0, 2, 2, 2}, []int8{0, 1, 2, 2}},
		{"single", "in Paris", []uint8{0, 4}, []int8{0, 3}},
		{"lower case start ignored", "paris", []uint8{0}, []int8{0}},
		{"unknown", "Bank of France", []uint8{0, 0, 0}, []int8{0, 0, 0}},
	}
	fz := featurizer{names: full}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := fz.prepare(strings.Fields(tt.words))
			var mask []uint8
			var pos []int8
			for _, tk := range toks {
				mask, pos = append(mask, tk.nameMask), append(pos, tk.namePos)
			}
			if !reflect.DeepEqual(mask, tt.mask) || !reflect.DeepEqual(pos, tt.position) {
				t.Errorf("mask %v pos %v, want %v %v", mask, pos, tt.mask, tt.position)
			}
		})
	}
	// The gazetteer survives a model round trip.
	m := newModel(nil, nil)
	m.fz.names = full
	var buf bytes.Buffer
	if err := m.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(&buf, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m2.fz.names, full) {
		t.Errorf("gazetteer after round trip %+v, want %+v", m2.fz.names, full)
	}
}
