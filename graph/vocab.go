package graph

import (
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/extract"
)

// Vocabulary namespaces.
const (
	nsRDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	nsSchema = "http://schema.org/"
	nsProv   = "http://www.w3.org/ns/prov#"
	nsNG     = extract.NS
)

// Predicates and classes used by the graph model (see docs/graph-model.md).
var (
	rdfType      = quad.IRI(nsRDF + "type")
	rdfSubject   = quad.IRI(nsRDF + "subject")
	rdfPredicate = quad.IRI(nsRDF + "predicate")
	rdfObject    = quad.IRI(nsRDF + "object")
	rdfStatement = quad.IRI(nsRDF + "Statement")

	schemaNewsArticle   = quad.IRI(nsSchema + "NewsArticle")
	schemaClaim         = quad.IRI(nsSchema + "Claim")
	schemaQuantValue    = quad.IRI(nsSchema + "QuantitativeValue")
	schemaHeadline      = quad.IRI(nsSchema + "headline")
	schemaPublisher     = quad.IRI(nsSchema + "publisher")
	schemaURL           = quad.IRI(nsSchema + "url")
	schemaDatePublished = quad.IRI(nsSchema + "datePublished")
	schemaIdentifier    = quad.IRI(nsSchema + "identifier")
	schemaInLanguage    = quad.IRI(nsSchema + "inLanguage")
	schemaText          = quad.IRI(nsSchema + "text")
	schemaName          = quad.IRI(nsSchema + "name")
	schemaAltName       = quad.IRI(nsSchema + "alternateName")
	schemaJobTitle      = quad.IRI(nsSchema + "jobTitle")
	schemaMentions      = quad.IRI(nsSchema + "mentions")
	schemaIsPartOf      = quad.IRI(nsSchema + "isPartOf")
	schemaPosition      = quad.IRI(nsSchema + "position")
	schemaValue         = quad.IRI(nsSchema + "value")
	schemaUnitText      = quad.IRI(nsSchema + "unitText")
	schemaDescription   = quad.IRI(nsSchema + "description")
	schemaSpatial       = quad.IRI(nsSchema + "spatialCoverage")
	schemaDateCreated   = quad.IRI(nsSchema + "dateCreated")

	provDerivedFrom  = quad.IRI(nsProv + "wasDerivedFrom")
	provAttributedTo = quad.IRI(nsProv + "wasAttributedTo")
	provQuotedFrom   = quad.IRI(nsProv + "wasQuotedFrom")

	ngSentence    = quad.IRI(nsNG + "Sentence")
	ngRelation    = quad.IRI(nsNG + "Relation")
	ngEntityType  = quad.IRI(nsNG + "entityType")
	ngStart       = quad.IRI(nsNG + "start")
	ngEnd         = quad.IRI(nsNG + "end")
	ngSpeakerText = quad.IRI(nsNG + "speakerText")
	ngCue         = quad.IRI(nsNG + "cue")
	ngQuote       = quad.IRI(nsNG + "quote")
	ngReportedBy  = quad.IRI(nsNG + "reportedBy")
	ngRelays      = quad.IRI(nsNG + "relays")
	ngCertainty   = quad.IRI(nsNG + "certainty")
	ngNegated     = quad.IRI(nsNG + "negated")
	ngTimeText    = quad.IRI(nsNG + "timeText")
	ngFigure      = quad.IRI(nsNG + "figure")
	ngModifier    = quad.IRI(nsNG + "modifier")
	ngCounts      = quad.IRI(nsNG + "counts")
	ngMentionedIn = quad.IRI(nsNG + "mentionedIn")
	ngClaim       = quad.IRI(nsNG + "claim")
)

// entityClass maps contract entity types to classes: schema.org where it
// has one, the project namespace otherwise.
var entityClass = map[string]string{
	extract.TypePerson:  nsSchema + "Person",
	extract.TypeOrg:     nsSchema + "Organization",
	extract.TypeGPE:     nsSchema + "AdministrativeArea",
	extract.TypeLoc:     nsSchema + "Place",
	extract.TypeFac:     nsSchema + "CivicStructure",
	extract.TypeEvent:   nsSchema + "Event",
	extract.TypeProduct: nsSchema + "Product",
	extract.TypeWork:    nsSchema + "CreativeWork",
	extract.TypeLaw:     nsSchema + "Legislation",
	extract.TypeNORP:    nsNG + "Nationality",
	extract.TypeGroup:   nsNG + "Group",
	extract.TypeMisc:    nsNG + "Thing",
}

// RelationPredicate is the IRI of the direct edge for a relation predicate
// of the contract (typed or open): the project namespace plus the name.
func RelationPredicate(name string) quad.IRI { return quad.IRI(nsNG + name) }

// CuePredicate is the IRI of the direct edge from a speaker to what they
// stated, named after the cue in the third person: say → says,
// state → states, assess → assesses, "according to" → according_to.
func CuePredicate(cue string) quad.IRI { return quad.IRI(nsNG + cueVerb(cue)) }

func cueVerb(cue string) string {
	cue = strings.ToLower(strings.TrimSpace(cue))
	if cue == "" {
		return "states"
	}
	if strings.ContainsAny(cue, " _-") {
		return strings.Join(strings.FieldsFunc(cue, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), "_")
	}
	switch {
	case strings.HasSuffix(cue, "s"), strings.HasSuffix(cue, "sh"), strings.HasSuffix(cue, "ch"),
		strings.HasSuffix(cue, "x"), strings.HasSuffix(cue, "z"), strings.HasSuffix(cue, "o"):
		return cue + "es"
	case len(cue) > 1 && strings.HasSuffix(cue, "y") && !strings.ContainsRune("aeiou", rune(cue[len(cue)-2])):
		return cue[:len(cue)-1] + "ies"
	}
	return cue + "s"
}
