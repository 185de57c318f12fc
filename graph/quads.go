package graph

import (
	"fmt"
	"math"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/extract"
)

var ngDate = quad.IRI(nsNG + "date")

// Quads converts an extraction record into the quads of the graph model
// (docs/graph-model.md). Facts about the document, its sentences and its
// entities are labelled with the document IRI; facts taken from one
// sentence (claims, figures, relations) are labelled with that sentence's
// IRI, which is part of the document. The result has no duplicates and the
// same record always gives the same quads in the same order.
func Quads(rec *extract.Record) ([]quad.Quad, error) {
	b := &quadBuilder{seen: make(map[quad.Quad]struct{})}
	d := rec.Document
	if d.IRI == "" {
		return nil, fmt.Errorf("record has no document iri")
	}
	doc := quad.IRI(d.IRI)
	b.label = doc
	b.add(doc, rdfType, schemaNewsArticle)
	b.add(doc, schemaIdentifier, quad.String(d.ID))
	b.addOpt(doc, schemaHeadline, d.Title)
	b.addOpt(doc, schemaPublisher, d.Source)
	b.addOpt(doc, schemaURL, d.URL)
	b.addOpt(doc, schemaDatePublished, d.Published)
	if d.Language != "" {
		b.add(doc, schemaInLanguage, quad.String(d.Language))
	}
	b.add(doc, schemaText, quad.String(d.Text))

	sent := make(map[string]quad.IRI, len(rec.Sentences))
	for i, s := range rec.Sentences {
		iri := quad.IRI(extract.LocalIRI(d.ID, s.ID))
		sent[s.ID] = iri
		b.add(iri, rdfType, ngSentence)
		b.add(iri, schemaIsPartOf, doc)
		b.add(iri, schemaPosition, quad.Int(i+1))
		b.add(iri, schemaText, quad.String(s.Text))
		b.add(iri, ngStart, quad.Int(s.Start))
		b.add(iri, ngEnd, quad.Int(s.End))
	}
	sentence := func(id string) (quad.IRI, error) {
		if iri, ok := sent[id]; ok {
			return iri, nil
		}
		return "", fmt.Errorf("unknown sentence %q", id)
	}

	ent := make(map[string]quad.IRI, len(rec.Entities))
	for _, e := range rec.Entities {
		if e.IRI == "" {
			return nil, fmt.Errorf("entity %s has no iri", e.ID)
		}
		iri := quad.IRI(e.IRI)
		ent[e.ID] = iri
		class, ok := entityClass[e.Type]
		if !ok {
			return nil, fmt.Errorf("entity %s: unknown type %q", e.ID, e.Type)
		}
		b.add(iri, rdfType, quad.IRI(class))
		b.add(iri, ngEntityType, quad.String(e.Type))
		b.add(iri, schemaName, quad.String(e.Name))
		for _, a := range e.Aliases {
			b.add(iri, schemaAltName, quad.String(a))
		}
		for _, t := range e.Titles {
			b.add(iri, schemaJobTitle, quad.String(t))
		}
		b.add(doc, schemaMentions, iri)
		for _, m := range e.Mentions {
			s, err := sentence(m.Sentence)
			if err != nil {
				return nil, fmt.Errorf("entity %s: %w", e.ID, err)
			}
			b.add(s, schemaMentions, iri)
		}
	}
	entity := func(id string) (quad.IRI, error) {
		if iri, ok := ent[id]; ok {
			return iri, nil
		}
		return "", fmt.Errorf("unknown entity %q", id)
	}

	for i, r := range rec.Relations {
		s, err := sentence(r.Sentence)
		if err != nil {
			return nil, fmt.Errorf("relation %d: %w", i+1, err)
		}
		subj, err := entity(r.Subject)
		if err != nil {
			return nil, fmt.Errorf("relation %d: %w", i+1, err)
		}
		var obj quad.Value = quad.String(r.Object.Text)
		if r.Object.Entity != "" {
			if obj, err = entity(r.Object.Entity); err != nil {
				return nil, fmt.Errorf("relation %d: %w", i+1, err)
			}
		}
		if r.Predicate == "" {
			return nil, fmt.Errorf("relation %d: empty predicate", i+1)
		}
		pred := RelationPredicate(r.Predicate)
		b.label = s
		b.add(subj, pred, obj)
		node := quad.IRI(extract.LocalIRI(d.ID, fmt.Sprintf("r%d", i+1)))
		b.add(node, rdfType, rdfStatement)
		b.add(node, rdfType, ngRelation)
		b.add(node, rdfSubject, subj)
		b.add(node, rdfPredicate, pred)
		b.add(node, rdfObject, obj)
		b.add(node, ngCertainty, quad.String(r.Certainty))
		b.add(node, ngNegated, quad.Bool(r.Negated))
		b.add(node, provDerivedFrom, s)
	}

	for _, c := range rec.Claims {
		s, err := sentence(c.Sentence)
		if err != nil {
			return nil, fmt.Errorf("claim %s: %w", c.ID, err)
		}
		b.label = s
		claim := quad.IRI(extract.LocalIRI(d.ID, c.ID))
		b.add(claim, rdfType, schemaClaim)
		b.add(claim, provDerivedFrom, s)
		b.add(claim, schemaIsPartOf, doc)
		b.add(claim, ngSpeakerText, quad.String(c.SpeakerText))
		b.add(claim, ngCue, quad.String(c.Cue))
		b.add(claim, schemaText, quad.String(c.Content))
		b.add(claim, ngQuote, quad.Bool(c.Quote))
		b.add(claim, ngCertainty, quad.String(c.Certainty))
		var speaker quad.IRI
		if c.Speaker != nil {
			if speaker, err = entity(*c.Speaker); err != nil {
				return nil, fmt.Errorf("claim %s: %w", c.ID, err)
			}
			b.add(claim, provAttributedTo, speaker)
			if c.Quote {
				b.add(claim, provQuotedFrom, speaker)
			}
			b.add(speaker, CuePredicate(c.Cue), claim)
		}
		for _, rid := range c.ReportedBy {
			relay, err := entity(rid)
			if err != nil {
				return nil, fmt.Errorf("claim %s: %w", c.ID, err)
			}
			b.add(claim, ngReportedBy, relay)
			if speaker != "" && speaker != relay {
				b.add(relay, ngRelays, speaker)
			}
		}
		if c.Time != nil {
			b.add(claim, ngTimeText, quad.String(c.Time.Text))
			b.addOpt(claim, ngDate, c.Time.Value)
		}
		for _, pid := range c.Places {
			place, err := entity(pid)
			if err != nil {
				return nil, fmt.Errorf("claim %s: %w", c.ID, err)
			}
			b.add(claim, schemaSpatial, place)
		}
		for k, f := range c.Figures {
			fig := quad.IRI(extract.LocalIRI(d.ID, fmt.Sprintf("%s-f%d", c.ID, k+1)))
			b.add(claim, ngFigure, fig)
			b.add(fig, rdfType, schemaQuantValue)
			b.add(fig, schemaValue, number(f.Value))
			b.add(fig, schemaDescription, quad.String(f.Text))
			b.add(fig, ngModifier, quad.String(f.Modifier))
			b.addOpt(fig, schemaUnitText, f.Unit)
			b.add(fig, provDerivedFrom, s)
			if f.Of != nil {
				of, err := entity(*f.Of)
				if err != nil {
					return nil, fmt.Errorf("claim %s figure %d: %w", c.ID, k+1, err)
				}
				b.add(fig, ngCounts, of)
			}
			if speaker != "" {
				b.add(speaker, CuePredicate(c.Cue), fig)
			}
		}
	}
	return b.quads, nil
}

// number encodes integral values as xsd:integer and others as xsd:double.
func number(v float64) quad.Value {
	if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
		return quad.Int(int64(v))
	}
	return quad.Float(v)
}

type quadBuilder struct {
	label quad.IRI
	quads []quad.Quad
	seen  map[quad.Quad]struct{}
}

func (b *quadBuilder) add(s quad.Value, p quad.IRI, o quad.Value) {
	q := quad.Quad{Subject: s, Predicate: p, Object: o, Label: b.label}
	if _, dup := b.seen[q]; dup {
		return
	}
	b.seen[q] = struct{}{}
	b.quads = append(b.quads, q)
}

func (b *quadBuilder) addOpt(s quad.Value, p quad.IRI, o *string) {
	if o != nil && *o != "" {
		b.add(s, p, quad.String(*o))
	}
}
