package graph

import (
	"context"
	"fmt"

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

func (b bound) BuildIterator(cgraph.QuadStore) iterator.Shape {
	return guardShape{b.s.BuildIterator(b.qs)}
}

// guardShape turns a panic inside the inner store's iterators into a query
// error. Cayley's SQL backend dereferences a nil path on
// g.V().In().All() (a predicate-less In), in the goroutine that runs the
// query, which would take the whole process down.
type guardShape struct{ iterator.Shape }

func (g guardShape) Iterate() (sc iterator.Scanner) {
	defer func() {
		if r := recover(); r != nil {
			sc = iterator.NewNull().Iterate()
		}
	}()
	return &guardScanner{Scanner: g.Shape.Iterate()}
}

func (g guardShape) Lookup() (ix iterator.Index) {
	defer func() {
		if r := recover(); r != nil {
			ix = iterator.NewNull().Lookup()
		}
	}()
	return &guardIndex{Index: g.Shape.Lookup()}
}

func (g guardShape) Optimize(ctx context.Context) (iterator.Shape, bool) {
	s, ok := g.Shape.Optimize(ctx)
	return guardShape{s}, ok
}

// errInnerPanic reports a panic of the store's iterators.
type errInnerPanic struct{ v any }

func (e errInnerPanic) Error() string {
	return fmt.Sprintf("the store cannot run this query (internal error: %v); name the predicates of In/Out", e.v)
}

type guardScanner struct {
	iterator.Scanner
	err error
}

func (g *guardScanner) catch() {
	if r := recover(); r != nil {
		g.err = errInnerPanic{r}
	}
}

func (g *guardScanner) Next(ctx context.Context) (ok bool) {
	if g.err != nil {
		return false
	}
	defer g.catch()
	return g.Scanner.Next(ctx)
}

func (g *guardScanner) NextPath(ctx context.Context) (ok bool) {
	if g.err != nil {
		return false
	}
	defer g.catch()
	return g.Scanner.NextPath(ctx)
}

func (g *guardScanner) Result() (r refs.Ref) {
	defer g.catch()
	return g.Scanner.Result()
}

func (g *guardScanner) TagResults(m map[string]refs.Ref) {
	defer g.catch()
	g.Scanner.TagResults(m)
}

func (g *guardScanner) Err() error {
	if g.err != nil {
		return g.err
	}
	return g.Scanner.Err()
}

type guardIndex struct {
	iterator.Index
	err error
}

func (g *guardIndex) catch() {
	if r := recover(); r != nil {
		g.err = errInnerPanic{r}
	}
}

func (g *guardIndex) Contains(ctx context.Context, v refs.Ref) (ok bool) {
	if g.err != nil {
		return false
	}
	defer g.catch()
	return g.Index.Contains(ctx, v)
}

func (g *guardIndex) NextPath(ctx context.Context) (ok bool) {
	if g.err != nil {
		return false
	}
	defer g.catch()
	return g.Index.NextPath(ctx)
}

func (g *guardIndex) Err() error {
	if g.err != nil {
		return g.err
	}
	return g.Index.Err()
}

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
