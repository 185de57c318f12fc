// Shared helpers prepended to every saved query. `params` (an object of
// the query's parameters) is defined just before this prelude.
var NS = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  schema: "http://schema.org/",
  prov: "http://www.w3.org/ns/prov#",
  ng: "https://w3id.org/newsgraph/ns#"
};
function iri(prefix, local) { return "<" + NS[prefix] + local + ">"; }
var P = {
  type: iri("rdf", "type"),
  subject: iri("rdf", "subject"), predicate: iri("rdf", "predicate"), object: iri("rdf", "object"),
  name: iri("schema", "name"), alt: iri("schema", "alternateName"), jobTitle: iri("schema", "jobTitle"),
  text: iri("schema", "text"), headline: iri("schema", "headline"), published: iri("schema", "datePublished"),
  publisher: iri("schema", "publisher"), isPartOf: iri("schema", "isPartOf"), position: iri("schema", "position"),
  mentions: iri("schema", "mentions"), value: iri("schema", "value"), unit: iri("schema", "unitText"),
  description: iri("schema", "description"), spatial: iri("schema", "spatialCoverage"),
  derivedFrom: iri("prov", "wasDerivedFrom"), attributedTo: iri("prov", "wasAttributedTo"),
  entityType: iri("ng", "entityType"), speakerText: iri("ng", "speakerText"), cue: iri("ng", "cue"),
  quote: iri("ng", "quote"), reportedBy: iri("ng", "reportedBy"), relays: iri("ng", "relays"),
  certainty: iri("ng", "certainty"), negated: iri("ng", "negated"), timeText: iri("ng", "timeText"),
  date: iri("ng", "date"), figure: iri("ng", "figure"), modifier: iri("ng", "modifier"), counts: iri("ng", "counts")
};
var C = {
  claim: iri("schema", "Claim"), figure: iri("schema", "QuantitativeValue"),
  relation: iri("ng", "Relation"), article: iri("schema", "NewsArticle")
};

// first returns the first value of predicate p on node n, or null.
function first(n, p) {
  var v = g.V(n).Out(p).ToValue();
  return v === undefined ? null : v;
}
// all returns every value of predicate p on node n, sorted.
function all(n, p) { return unique(g.V(n).Out(p).ToArray()).sort(); }
// label is an entity's name, a literal as is, or the IRI when unnamed.
function label(n) {
  if (n === null || n === undefined) { return null; }
  if (typeof n !== "string" || n.charAt(0) !== "<") { return n; }
  var nm = first(n, P.name);
  if (nm === null) { nm = first(n, P.headline); }
  return nm === null ? n : nm;
}
function labels(ns) { return unique(ns).map(label).sort(); }
// entities resolves a user's name, alias or IRI to entity IRIs: exact
// name first, then alias, then a case-insensitive match of either.
function entities(name) {
  if (name.charAt(0) === "<") { return [name]; }
  if (name.indexOf("://") > 0) { return ["<" + name + ">"]; }
  // A name quad is stored once per document that names the entity, so
  // In() repeats it: dedupe before checking the type (Has() on the
  // repeated nodes took seconds on a 10,000-document store).
  var found = unique(g.V(name).In([P.name, P.alt]).ToArray()).filter(function(n) { return first(n, P.entityType) !== null; });
  if (found.length === 0) {
    var want = name.toLowerCase();
    g.V().Has(P.entityType).ForEach(function(d) {
      var names = all(d.id, P.name).concat(all(d.id, P.alt));
      for (var i = 0; i < names.length; i++) {
        if (String(names[i]).toLowerCase() === want) { found.push(d.id); break; }
      }
    });
  }
  return unique(found);
}
function unique(xs) {
  var seen = {}, out = [];
  for (var i = 0; i < xs.length; i++) {
    var k = String(xs[i]);
    if (!seen[k]) { seen[k] = true; out.push(xs[i]); }
  }
  return out;
}
// local is the last path segment of an IRI ("c12" of ".../doc/x/c12").
function local(n) { var s = String(n).replace(/>$/, ""); return s.substring(s.lastIndexOf("/") + 1); }
// natural compares claim-like local ids so that c2 sorts before c10.
function natural(a, b) { return naturalParts(parts(a), parts(b)); }
// parts splits a string into its runs of digits and non-digits.
function parts(s) { return String(s).match(/(\d+)|(\D+)/g) || []; }
// naturalParts compares two strings split by parts.
function naturalParts(x, y) {
  for (var i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) { continue; }
    var nx = Number(x[i]), ny = Number(y[i]);
    if (!isNaN(nx) && !isNaN(ny)) { return nx - ny; }
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}
// claimInfo gathers a claim's context as one plain object.
function claimInfo(c) {
  var sentence = first(c, P.derivedFrom);
  var doc = first(c, P.isPartOf);
  return {
    claim: c,
    speaker: label(first(c, P.attributedTo)),
    speaker_text: first(c, P.speakerText),
    cue: first(c, P.cue),
    content: first(c, P.text),
    quote: first(c, P.quote),
    certainty: first(c, P.certainty),
    time: first(c, P.timeText),
    date: first(c, P.date),
    reported_by: labels(g.V(c).Out(P.reportedBy).ToArray()),
    places: labels(g.V(c).Out(P.spatial).ToArray()),
    figures: g.V(c).Out(P.figure).ToArray().sort(natural).map(function(f) {
      var u = first(f, P.unit);
      return first(f, P.description) + (u ? " " + u : "") + " (" + first(f, P.modifier) + ")";
    }),
    sentence: sentence === null ? null : first(sentence, P.text),
    document: doc === null ? null : (first(doc, P.headline) || doc),
    published: doc === null ? null : first(doc, P.published)
  };
}
// byDocAndId orders claim-like nodes by document then local id.
function byDocAndId(a, b) {
  var da = String(a).substring(0, String(a).lastIndexOf("/")), db = String(b).substring(0, String(b).lastIndexOf("/"));
  if (da !== db) { return da < db ? -1 : 1; }
  return natural(local(a), local(b));
}
// sortByDocAndId sorts nodes as xs.sort(byDocAndId) does (same order:
// the sort is stable and the comparisons agree) but splits each IRI once
// instead of at every comparison. key(x), when given, gives the node of
// element x.
function sortByDocAndId(xs, key) {
  return sortByKeys(xs, key, function() { return 0; });
}
// sortByKeys sorts xs by cmp(a, b) (a comparison of elements), then by
// document and local id of the nodes key(a) and key(b), as
// xs.sort(function(a, b) { return cmp(a, b) || byDocAndId(key(a), key(b)); })
// does, splitting each IRI once.
function sortByKeys(xs, key, cmp) {
  var ks = xs.map(function(x) {
    var n = key ? key(x) : x, s = String(n);
    return {x: x, doc: s.substring(0, s.lastIndexOf("/")), id: parts(local(n))};
  });
  ks.sort(function(a, b) {
    var c = cmp(a.x, b.x);
    if (c) { return c; }
    if (a.doc !== b.doc) { return a.doc < b.doc ? -1 : 1; }
    return naturalParts(a.id, b.id);
  });
  return ks.map(function(k) { return k.x; });
}
