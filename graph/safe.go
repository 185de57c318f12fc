package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// safeStore protects the process from a Cayley bug: a Gizmo path whose
// values are not in the store resolves to a nil shape, and
// shape.Except.Optimize dereferences it, so
//
//	g.V().Except(g.V("not in the store")).All()
//
// panics in the query goroutine and kills the whole server. safeStore
// resolves unknown values to a placeholder ref instead of nothing, and its
// shape optimizer (run after Cayley's generic pass) removes placeholders
// again — a set of unknown values becomes the empty set — before the inner
// store's own optimizer runs. Placeholders never reach the inner store.
type safeStore struct {
	cgraph.QuadStore
}

var _ shape.Optimizer = safeStore{}

// missingRef stands for a value that is not in the store.
type missingRef struct{ v string }

type missingKey struct{ v string }

func (m missingRef) Key() any { return missingKey(m) }

func isMissing(r refs.Ref) bool {
	_, ok := r.(missingRef)
	return ok
}

// ValueOf implements refs.Namer.
func (s safeStore) ValueOf(v quad.Value) (refs.Ref, error) {
	r, err := s.QuadStore.ValueOf(v)
	if err == nil && r == nil && v != nil {
		return missingRef{quad.StringOf(v)}, nil
	}
	return r, err
}

// NameOf implements refs.Namer.
func (s safeStore) NameOf(r refs.Ref) (quad.Value, error) {
	if isMissing(r) {
		return nil, nil
	}
	return s.QuadStore.NameOf(r)
}

// QuadIterator implements graph.QuadIndexer.
func (s safeStore) QuadIterator(d quad.Direction, r refs.Ref) iterator.Shape {
	if isMissing(r) {
		return iterator.NewNull()
	}
	return s.QuadStore.QuadIterator(d, r)
}

// QuadIteratorSize implements graph.QuadIndexer.
func (s safeStore) QuadIteratorSize(ctx context.Context, d quad.Direction, r refs.Ref) (refs.Size, error) {
	if isMissing(r) {
		return refs.Size{Value: 0, Exact: true}, nil
	}
	return s.QuadStore.QuadIteratorSize(ctx, d, r)
}

// OptimizeShape implements shape.Optimizer: placeholders out, then the
// inner store's optimizations.
func (s safeStore) OptimizeShape(ctx context.Context, sh shape.Shape) (shape.Shape, bool) {
	out, changed := dropMissing(sh)
	if o, ok := s.QuadStore.(shape.Optimizer); ok && !shape.IsNull(out) {
		if ns, opt := o.OptimizeShape(ctx, out); opt {
			// The store's own shapes (kv index scans) build only on it.
			return bound{ns, s.QuadStore}, true
		}
	}
	return out, changed
}

// bound is a shape made by the inner store's optimizer: it builds its
// iterators on that store, whatever store it is asked to build on.
type bound struct {
	s  shape.Shape
	qs cgraph.QuadStore
}

func (b bound) BuildIterator(cgraph.QuadStore) iterator.Shape { return b.s.BuildIterator(b.qs) }

func (b bound) Optimize(ctx context.Context, r shape.Optimizer) (shape.Shape, bool) { return b, false }

// dropMissing removes placeholders from one shape (its children have been
// cleaned already: the optimizer visits shapes bottom-up).
func dropMissing(sh shape.Shape) (shape.Shape, bool) {
	switch sh := sh.(type) {
	case shape.Fixed:
		var keep shape.Fixed
		for _, r := range sh {
			if !isMissing(r) {
				keep = append(keep, r)
			}
		}
		if len(keep) == len(sh) {
			return sh, false
		}
		if len(keep) == 0 {
			return shape.Null{}, true
		}
		return keep, true
	case shape.QuadsAction:
		for _, r := range sh.Filter {
			if isMissing(r) {
				return shape.Null{}, true // no quad has an unknown node
			}
		}
	case shape.FixedTags:
		changed := false
		tags := make(map[string]refs.Ref, len(sh.Tags))
		for k, r := range sh.Tags {
			if isMissing(r) {
				changed = true
				continue
			}
			tags[k] = r
		}
		if changed {
			return shape.FixedTags{Tags: tags, On: sh.On}, true
		}
	case shape.Except:
		if shape.IsNull(sh.Exclude) {
			if sh.From == nil {
				return shape.AllNodes{}, true
			}
			return sh.From, true
		}
	}
	return sh, false
}

// Safe wraps a Cayley quad store so that Gizmo queries naming values that
// are not in the store cannot crash the process (see safeStore). It is
// idempotent.
func Safe(qs cgraph.QuadStore) cgraph.QuadStore {
	if _, ok := qs.(safeStore); ok {
		return qs
	}
	return safeStore{qs}
}

// DropMissing removes the placeholders Safe uses for values that are not in
// the store from one shape; a set of only unknown values becomes the empty
// set. It is for code that inspects optimized shapes (the query-shape API).
func DropMissing(sh shape.Shape) (shape.Shape, bool) { return dropMissing(sh) }

// InnerShape returns the shape that Safe's optimizer bound to the inner
// store, and whether s was such a shape.
func InnerShape(s shape.Shape) (shape.Shape, bool) {
	if b, ok := s.(bound); ok {
		return b.s, true
	}
	return s, false
}
