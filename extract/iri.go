package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Namespaces of newsgraph IRIs. Vocabulary terms live under NS; minted
// resources (documents, entities, claims) under ID.
const (
	NS = "https://w3id.org/newsgraph/ns#"
	ID = "https://w3id.org/newsgraph/id/"
)

// DocumentID is the stable id of a body text: the same text always gives the
// same id.
func DocumentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// DocumentIRI is the IRI of the document with the given id.
func DocumentIRI(docID string) string { return ID + "doc/" + docID }

// LocalIRI is the IRI of a node that belongs to one document, such as a
// sentence ("s3"), a claim ("c2") or a figure ("c2-f1").
func LocalIRI(docID, local string) string { return DocumentIRI(docID) + "/" + local }

// EntityIRI is the IRI of an entity of the given contract type whose
// canonical key (canonical name, or lexicon name for countries and cities)
// is key. Entities with the same type and key share one node across
// documents.
func EntityIRI(typ, key string) string {
	return ID + strings.ToLower(typ) + "/" + Slug(key)
}

// Slug turns a name into a lowercase IRI path segment of letters, digits and
// hyphens: accents are folded, anything else separates words.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}
