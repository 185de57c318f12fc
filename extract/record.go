package extract

import (
	"bytes"
	"encoding/json"
)

// Record is the extraction record of one document: the public contract
// described in docs/extract.md and validated by docs/extract.schema.json.
// Every field is always present in JSON; empty lists encode as [] and
// unknown values as null.
type Record struct {
	Document  DocumentInfo `json:"document"`
	Sentences []Sentence   `json:"sentences"`
	Entities  []Entity     `json:"entities"`
	Relations []Relation   `json:"relations"`
	Claims    []Claim      `json:"claims"`
}

// DocumentInfo describes the document the record was extracted from.
type DocumentInfo struct {
	ID        string  `json:"id"`
	IRI       string  `json:"iri"`
	Title     *string `json:"title"`
	Source    *string `json:"source"`
	URL       *string `json:"url"`
	Published *string `json:"published"` // YYYY-MM-DD
	Language  string  `json:"language"`
	Text      string  `json:"text"`
}

// Sentence is a sentence span of the document text.
type Sentence struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is one real-world thing named in the document.
type Entity struct {
	ID       string    `json:"id"`
	IRI      string    `json:"iri"`
	Name     string    `json:"name"`
	Type     string    `json:"type"`
	Aliases  []string  `json:"aliases"`
	Titles   []string  `json:"titles"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one occurrence of an entity in a sentence.
type Mention struct {
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
}

// Object is the object of a relation: an entity id or a piece of text.
type Object struct {
	Entity string // entity id, when the object is an entity
	Text   string // text, when it is not
}

// MarshalJSON encodes an entity object as its id string and a text object
// as {"text": "..."}.
func (o Object) MarshalJSON() ([]byte, error) {
	if o.Entity != "" {
		return json.Marshal(o.Entity)
	}
	return json.Marshal(struct {
		Text string `json:"text"`
	}{o.Text})
}

// UnmarshalJSON reads either form written by MarshalJSON.
func (o *Object) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		*o = Object{}
		return json.Unmarshal(b, &o.Entity)
	}
	var t struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(b, &t); err != nil {
		return err
	}
	*o = Object{Text: t.Text}
	return nil
}

// Relation is a typed or open relation between an entity and an object.
type Relation struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    Object `json:"object"`
	Sentence  string `json:"sentence"`
	Certainty string `json:"certainty"`
	Negated   bool   `json:"negated"`
}

// Claim is an attributed statement.
type Claim struct {
	ID          string   `json:"id"`
	Sentence    string   `json:"sentence"`
	Speaker     *string  `json:"speaker"`
	SpeakerText string   `json:"speaker_text"`
	Cue         string   `json:"cue"`
	Content     string   `json:"content"`
	Quote       bool     `json:"quote"`
	ReportedBy  []string `json:"reported_by"`
	Time        *Time    `json:"time"`
	Certainty   string   `json:"certainty"`
	Figures     []Figure `json:"figures"`
	Places      []string `json:"places"`
}

// Time is a time expression and its resolved date.
type Time struct {
	Text  string  `json:"text"`
	Value *string `json:"value"` // YYYY-MM-DD or null
}

// Figure is a number stated in a claim.
type Figure struct {
	Text     string  `json:"text"`
	Value    float64 `json:"value"`
	Unit     *string `json:"unit"`
	Of       *string `json:"of"`
	Modifier string  `json:"modifier"`
}

// Entity types of the contract.
const (
	TypePerson  = "PERSON"
	TypeOrg     = "ORG"
	TypeGPE     = "GPE"
	TypeLoc     = "LOC"
	TypeNORP    = "NORP"
	TypeGroup   = "GROUP"
	TypeFac     = "FAC"
	TypeEvent   = "EVENT"
	TypeProduct = "PRODUCT"
	TypeWork    = "WORK"
	TypeLaw     = "LAW"
	TypeMisc    = "MISC"
)

// Certainty values of the contract.
const (
	Asserted    = "asserted"
	Likely      = "likely"
	Possible    = "possible"
	Unconfirmed = "unconfirmed"
	Conditional = "conditional"
	Denied      = "denied"
)

// Figure modifiers of the contract.
const (
	Exact      = "exact"
	Approx     = "approximate"
	UpperBound = "upper_bound"
	LowerBound = "lower_bound"
	Estimate   = "estimate"
)

// Typed predicates of the contract.
const (
	LocatedIn   = "located_in"
	PartOf      = "part_of"
	Borders     = "borders"
	MemberOf    = "member_of"
	LeaderOf    = "leader_of"
	Nationality = "nationality"
)
