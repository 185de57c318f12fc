// Package graph turns extraction records into quads and keeps them in an
// embedded Cayley store (bolt by default, memstore for tests).
//
// It is the only package of newsgraph that imports Cayley. The graph model —
// which nodes and predicates a record becomes — is described in
// docs/graph-model.md and implemented in quads.go; Store (store.go) opens a
// backend, writes one document per transaction, runs Gizmo queries, and
// reads and writes W3C N-Quads.
package graph
