package server

import (
	"github.com/newsgraph/newsgraph/graph"

	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// Shape is the drawing of a query's first path as Cayley's v1 shape API
// returned it: set nodes (IsFixed when the path names them), link nodes
// carrying the predicates, and links from subject side to object side
// through a link node.
type Shape struct {
	Nodes []ShapeNode `json:"nodes"`
	Links []ShapeLink `json:"links"`
}

// ShapeNode is one set of graph nodes in a query, or a link node holding
// the predicates of a step.
type ShapeNode struct {
	ID         int      `json:"id"`
	Tags       []string `json:"tags,omitempty"`
	Values     []string `json:"values,omitempty"`
	IsLinkNode bool     `json:"is_link_node"`
	IsFixed    bool     `json:"is_fixed"`
	// Ops lists set operations applied at this node (unique, limit 5,
	// filter, except, union, count …); an extension of the v1 format.
	Ops []string `json:"ops,omitempty"`
}

// ShapeLink is one step of the query: from Source to Target (subject to
// object) through LinkNode; Pred is always 0, as in Cayley's v1 format.
type ShapeLink struct {
	Source   int `json:"source"`
	Target   int `json:"target"`
	Pred     int `json:"type"`
	LinkNode int `json:"link_node"`
}

// errNoSession means a language has no Session to run queries with.
var errNoSession = errors.New("query language has no session")

// QueryShape runs a query against a recording view of qs that answers no
// rows, and returns the shape of the first path the query executes (an
// empty shape when it executes none). Cayley no longer ships this: its
// gizmo session lost ShapeOf in 2019. The recording works through the
// shape optimizer hook: every optimized sub-shape is wrapped so that
// building the outermost one captures the whole tree instead of reading
// the store.
func QueryShape(ctx context.Context, qs cgraph.QuadStore, lang, text string) (*Shape, error) {
	l := query.GetLanguage(lang)
	if l == nil {
		return nil, fmt.Errorf("unknown query language %q", lang)
	}
	if l.Session == nil {
		return nil, errNoSession
	}
	qs = graph.Safe(qs)
	rec := &recordingStore{QuadStore: qs}
	it, err := l.Session(rec).Execute(ctx, text, query.Options{Collation: query.Raw, Limit: 1})
	if err != nil {
		return nil, err
	}
	for it.Next(ctx) {
	}
	err = it.Err()
	it.Close()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b := &shaper{qs: qs}
	if rec.root != nil {
		b.visit(rec.root)
	}
	return b.result(), nil
}

// recordingStore is a quad store whose shape optimizer wraps every shape
// in a recorded marker. The first marker asked to build an iterator is the
// root of the path being run: it keeps that shape and yields nothing.
type recordingStore struct {
	cgraph.QuadStore
	root shape.Shape
}

var _ shape.Optimizer = (*recordingStore)(nil)

// OptimizeShape implements shape.Optimizer.
func (r *recordingStore) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	if _, ok := s.(*recorded); ok || s == nil {
		return s, false
	}
	s, _ = graph.DropMissing(s)
	return &recorded{s: s, r: r}, true
}

type recorded struct {
	s shape.Shape
	r *recordingStore
}

func (m *recorded) BuildIterator(qs cgraph.QuadStore) iterator.Shape {
	if m.r.root == nil {
		m.r.root = m.s
	}
	return iterator.NewNull()
}

func (m *recorded) Optimize(ctx context.Context, r shape.Optimizer) (shape.Shape, bool) {
	return m, false
}

func unwrap(s shape.Shape) shape.Shape {
	for {
		switch m := s.(type) {
		case *recorded:
			s = m.s
		default:
			inner, ok := graph.InnerShape(s)
			if !ok {
				return s
			}
			s = inner
		}
	}
}

// shaper turns a shape tree into nodes and links.
type shaper struct {
	qs    cgraph.QuadStore
	nodes []*ShapeNode // nil once merged into another
	links []ShapeLink
}

func (b *shaper) node() *ShapeNode {
	n := &ShapeNode{ID: len(b.nodes) + 1}
	b.nodes = append(b.nodes, n)
	return n
}

func (b *shaper) link(src, dst, via *ShapeNode) {
	l := ShapeLink{Source: src.ID, Target: dst.ID}
	if via != nil {
		l.LinkNode = via.ID
	}
	b.links = append(b.links, l)
}

// merge moves everything of m into n: both stand for the same set.
func (b *shaper) merge(n, m *ShapeNode) {
	if n == m {
		return
	}
	n.Tags = append(n.Tags, m.Tags...)
	n.Values = append(n.Values, m.Values...)
	n.Ops = append(n.Ops, m.Ops...)
	n.IsFixed = n.IsFixed || m.IsFixed
	n.IsLinkNode = n.IsLinkNode || m.IsLinkNode
	for i := range b.links {
		l := &b.links[i]
		if l.Source == m.ID {
			l.Source = n.ID
		}
		if l.Target == m.ID {
			l.Target = n.ID
		}
		if l.LinkNode == m.ID {
			l.LinkNode = n.ID
		}
	}
	b.nodes[m.ID-1] = nil
}

func (b *shaper) name(ref cgraph.Ref) string {
	v, err := b.qs.NameOf(ref)
	if err != nil || v == nil {
		return fmt.Sprint(ref)
	}
	return v.String()
}

// visit draws s and returns the node standing for the set s yields.
func (b *shaper) visit(s shape.Shape) *ShapeNode {
	switch s := unwrap(s).(type) {
	case nil, shape.Null:
		n := b.node()
		n.Ops = append(n.Ops, "empty")
		return n
	case shape.AllNodes:
		return b.node()
	case shape.Fixed:
		n := b.node()
		n.IsFixed = true
		for _, ref := range s {
			n.Values = append(n.Values, b.name(ref))
		}
		return n
	case shape.Lookup:
		n := b.node()
		n.IsFixed = true
		for _, v := range s {
			n.Values = append(n.Values, quad.StringOf(v))
		}
		return n
	case shape.Save:
		n := b.visit(s.From)
		n.Tags = append(n.Tags, s.Tags...)
		return n
	case shape.FixedTags:
		n := b.visit(s.On)
		for _, k := range sortedKeys(s.Tags) {
			n.Tags = append(n.Tags, k+"="+b.name(s.Tags[k]))
		}
		return n
	case shape.Intersect:
		return b.intersect(s, nil)
	case shape.IntersectOpt:
		n := b.intersect(s.Sub, nil)
		for _, o := range s.Opt {
			m := b.visit(o)
			m.Ops = append(m.Ops, "optional")
			b.merge(n, m)
		}
		return n
	case shape.Union:
		n := b.node()
		n.Ops = append(n.Ops, "union")
		for _, sub := range s {
			b.link(n, b.visit(sub), nil)
		}
		return n
	case shape.NodesFrom:
		n := b.node()
		b.quads(n, s.Dir, s.Quads)
		return n
	case shape.Quads:
		n := b.node()
		n.Ops = append(n.Ops, "quads")
		b.quads(n, quad.Any, s)
		return n
	case shape.QuadsAction:
		return b.quadsAction(s)
	case shape.Filter:
		n := b.visit(s.From)
		for _, f := range s.Filters {
			n.Ops = append(n.Ops, describeFilter(f))
		}
		return n
	case shape.Except:
		var n *ShapeNode
		if s.From != nil {
			n = b.visit(s.From)
		} else {
			n = b.node()
		}
		m := b.visit(s.Exclude)
		m.Ops = append(m.Ops, "excluded")
		n.Ops = append(n.Ops, "except")
		b.link(n, m, nil)
		return n
	case shape.Page:
		n := b.visit(s.From)
		if s.Skip > 0 {
			n.Ops = append(n.Ops, fmt.Sprintf("skip %d", s.Skip))
		}
		if s.Limit > 0 {
			n.Ops = append(n.Ops, fmt.Sprintf("limit %d", s.Limit))
		}
		return n
	case shape.Unique:
		n := b.visit(s.From)
		n.Ops = append(n.Ops, "unique")
		return n
	case shape.Sort:
		n := b.visit(s.From)
		n.Ops = append(n.Ops, "sort")
		return n
	case shape.Count:
		n := b.visit(s.Values)
		n.Ops = append(n.Ops, "count")
		return n
	case shape.Materialize:
		return b.visit(s.Values)
	default:
		n := b.node()
		n.Ops = append(n.Ops, reflect.TypeOf(s).String())
		return n
	}
}

func (b *shaper) intersect(s shape.Intersect, n *ShapeNode) *ShapeNode {
	for _, sub := range s {
		m := b.visit(sub)
		if n == nil {
			n = m
			continue
		}
		b.merge(n, m)
	}
	if n == nil {
		n = b.node()
	}
	return n
}

// quads draws a step: n is the dir side of the quads q selects.
func (b *shaper) quads(n *ShapeNode, dir quad.Direction, q shape.Shape) {
	via := b.node()
	via.IsLinkNode = true
	linked := false
	filters, ok := unwrap(q).(shape.Quads)
	if !ok {
		b.link(b.visit(q), n, via)
		return
	}
	for _, f := range filters {
		switch {
		case f.Dir == quad.Predicate:
			b.merge(via, b.visit(f.Values))
		case f.Dir == quad.Label:
			m := b.visit(f.Values)
			for i, v := range m.Values {
				m.Values[i] = "label " + v
			}
			b.merge(via, m)
		case f.Dir == dir:
			b.merge(n, b.visit(f.Values))
		default:
			m := b.visit(f.Values)
			b.linkDir(n, dir, m, via)
			linked = true
		}
	}
	if !linked {
		b.linkDir(n, dir, b.node(), via)
	}
	via.IsFixed = false
}

// linkDir links the result side n of a step with the other side m: a step
// to objects goes m → n, a step to subjects n → m.
func (b *shaper) linkDir(n *ShapeNode, dir quad.Direction, m, via *ShapeNode) {
	if dir == quad.Subject {
		b.link(n, m, via)
	} else {
		b.link(m, n, via)
	}
}

func (b *shaper) quadsAction(s shape.QuadsAction) *ShapeNode {
	n := b.node()
	via := b.node()
	via.IsLinkNode = true
	other := map[quad.Direction]*ShapeNode{}
	side := func(d quad.Direction) *ShapeNode {
		switch d {
		case s.Result:
			return n
		case quad.Predicate, quad.Label:
			return via
		}
		if m := other[d]; m != nil {
			return m
		}
		m := b.node()
		other[d] = m
		b.linkDir(n, s.Result, m, via)
		return m
	}
	for _, d := range []quad.Direction{quad.Subject, quad.Predicate, quad.Object, quad.Label} {
		if ref, ok := s.Filter[d]; ok {
			m := side(d)
			v := b.name(ref)
			if d == quad.Label {
				v = "label " + v
			}
			m.Values = append(m.Values, v)
			m.IsFixed = m != via
		}
		if tags, ok := s.Save[d]; ok {
			m := side(d)
			m.Tags = append(m.Tags, tags...)
		}
	}
	if len(other) == 0 {
		side(opposite(s.Result))
	}
	return n
}

// opposite is the other end of a subject–object step.
func opposite(d quad.Direction) quad.Direction {
	if d == quad.Subject {
		return quad.Object
	}
	return quad.Subject
}

func describeFilter(f shape.ValueFilter) string {
	switch f := f.(type) {
	case shape.Comparison:
		return fmt.Sprintf("filter %v %s", f.Op, quad.StringOf(f.Val))
	case shape.Regexp:
		return "filter regex " + f.Re.String()
	case shape.Wildcard:
		return "filter like " + f.Pattern
	}
	return "filter " + strings.TrimPrefix(reflect.TypeOf(f).String(), "shape.")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// result renumbers the surviving nodes 1..n in order and rewrites links.
func (b *shaper) result() *Shape {
	out := &Shape{Nodes: []ShapeNode{}, Links: []ShapeLink{}}
	ids := map[int]int{}
	for _, n := range b.nodes {
		if n == nil {
			continue
		}
		ids[n.ID] = len(out.Nodes) + 1
		c := *n
		c.ID = ids[n.ID]
		out.Nodes = append(out.Nodes, c)
	}
	for _, l := range b.links {
		l.Source, l.Target = ids[l.Source], ids[l.Target]
		if l.LinkNode != 0 {
			l.LinkNode = ids[l.LinkNode]
		}
		out.Links = append(out.Links, l)
	}
	return out
}
