package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	"github.com/newsgraph/newsgraph/extract"
)

// Backends newsgraph can open.
const (
	Bolt     = "bolt"
	Memstore = "memstore"
	Postgres = "postgres"
)

// DefaultPath is where the bolt store lives when no path is given.
const DefaultPath = "newsgraph.db"

// ErrLocked means another process has the store open for writing (or, for
// a writer, for reading).
var ErrLocked = errors.New("store is locked by another process (a running load, import or serve); stop it or use another --db")

// ErrNoStore means a read-only open found no store at the path.
var ErrNoStore = errors.New("no store here; run 'newsgraph load' first")

// ErrReadOnly means a write was attempted on a store opened read-only.
var ErrReadOnly = errors.New("store is open read-only")

// Options select and configure a backend.
type Options struct {
	// Backend is Bolt (default), Memstore or Postgres.
	Backend string
	// Path is the bolt store directory (DefaultPath when empty), or the
	// PostgreSQL connection string (postgres://user@host:port/db?sslmode=disable).
	Path string
	// ReadOnly opens the store for reading only: bolt takes a shared lock,
	// so several readers (query, serve) may run at once, and the store must
	// exist.
	ReadOnly bool
	// LockTimeout is how long to wait for another process's lock before
	// failing with ErrLocked (default 500ms).
	LockTimeout time.Duration
}

// Store is an open Cayley quad store holding newsgraph's graph.
type Store struct {
	qs   cgraph.QuadStore
	w    cgraph.QuadWriter
	opts Options
}

// Open opens (and for a writable bolt store, creates) the store.
func Open(ctx context.Context, opts Options) (*Store, error) {
	if opts.Backend == "" {
		opts.Backend = Bolt
	}
	if opts.LockTimeout == 0 {
		opts.LockTimeout = 500 * time.Millisecond
	}
	var (
		qs  cgraph.QuadStore
		err error
	)
	switch opts.Backend {
	case Bolt:
		if opts.Path == "" {
			opts.Path = DefaultPath
		}
		qs, err = openBolt(opts)
	case Memstore:
		qs, err = cgraph.NewQuadStore("memstore", "", nil)
	case Postgres:
		qs, err = openSQL(opts)
	default:
		return nil, fmt.Errorf("unknown backend %q (want %s, %s or %s)", opts.Backend, Bolt, Postgres, Memstore)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{qs: qs, opts: opts}
	if !opts.ReadOnly {
		s.w, err = cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true})
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("open writer: %w", err)
		}
	}
	return s, nil
}

func openBolt(opts Options) (cgraph.QuadStore, error) {
	file := filepath.Join(opts.Path, "indexes.bolt")
	fi, err := os.Stat(opts.Path)
	switch {
	case err == nil && !fi.IsDir():
		return nil, fmt.Errorf("open store %s: not a directory", opts.Path)
	case errors.Is(err, os.ErrNotExist) && opts.ReadOnly:
		return nil, fmt.Errorf("open store %s: %w", opts.Path, ErrNoStore)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("open store %s: %w", opts.Path, err)
	}
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) && opts.ReadOnly {
		return nil, fmt.Errorf("open store %s: %w", opts.Path, ErrNoStore)
	}
	if err := os.MkdirAll(opts.Path, 0o755); err != nil {
		return nil, fmt.Errorf("open store %s: %w", opts.Path, err)
	}
	db, err := hbolt.Open(file, &bolt.Options{Timeout: opts.LockTimeout, ReadOnly: opts.ReadOnly})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: %w", opts.Path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", opts.Path, err)
	}
	if !opts.ReadOnly {
		if err := ckv.Init(db, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			db.Close()
			return nil, fmt.Errorf("init store %s: %w", opts.Path, err)
		}
	}
	qs, err := ckv.New(db, nil)
	if err != nil {
		db.Close()
		if errors.Is(err, cgraph.ErrNotInitialized) {
			return nil, fmt.Errorf("open store %s: %w", opts.Path, ErrNoStore)
		}
		return nil, fmt.Errorf("open store %s: %w", opts.Path, err)
	}
	return qs, nil
}

func openSQL(opts Options) (cgraph.QuadStore, error) {
	if opts.Path == "" || opts.Path == DefaultPath {
		return nil, fmt.Errorf("open postgres store: --db must be a connection string (postgres://user@host:port/db)")
	}
	if !opts.ReadOnly {
		err := cgraph.InitQuadStore(opts.Backend, opts.Path, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("init postgres store: %w", err)
		}
	}
	qs, err := cgraph.NewQuadStore(opts.Backend, opts.Path, nil)
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	return qs, nil
}

// Close releases the store and its lock.
func (s *Store) Close() error {
	var err error
	if s.w != nil {
		err = s.w.Close()
	}
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	return err
}

// QuadStore exposes the underlying Cayley quad store (for the HTTP
// server), wrapped by Safe so that queries cannot crash the process.
func (s *Store) QuadStore() cgraph.QuadStore { return Safe(s.qs) }

// QuadWriter exposes the underlying writer; nil when read-only.
func (s *Store) QuadWriter() cgraph.QuadWriter { return s.w }

// Count returns the number of quads in the store.
func (s *Store) Count(ctx context.Context) (int64, error) {
	// kv stores keep an exact quad count; SQL stores only estimate it
	// unless asked for an exact one (which they then cache).
	st, err := s.qs.Stats(ctx, s.opts.Backend == Postgres)
	if errors.Is(err, ckv.ErrNoBucket) {
		return 0, nil // a new bolt store has no size key yet
	}
	if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}

// AddQuads writes quads in one transaction: either all are stored or none.
// Quads already in the store are skipped; it returns how many were new.
func (s *Store) AddQuads(ctx context.Context, quads []quad.Quad) (int, error) {
	if s.w == nil {
		return 0, ErrReadOnly
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	before, err := s.Count(ctx)
	if err != nil {
		return 0, err
	}
	tx := cgraph.NewTransactionN(len(quads))
	for _, q := range quads {
		tx.AddQuad(q)
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		return 0, fmt.Errorf("write %d quads: %w", len(quads), err)
	}
	after, err := s.Count(ctx)
	if err != nil {
		return 0, err
	}
	return int(after - before), nil
}

// AddRecord writes the quads of one extraction record in one transaction
// and returns how many were new. Loading the same record twice adds nothing.
func (s *Store) AddRecord(ctx context.Context, rec *extract.Record) (int, error) {
	qs, err := Quads(rec)
	if err != nil {
		return 0, fmt.Errorf("document %s: %w", rec.Document.ID, err)
	}
	return s.AddQuads(ctx, qs)
}

// Result is one row of a query result: tag name → value (the "id" key
// holds the node a path ended on).
type Result map[string]any

// QueryError wraps errors raised by the query engine for a bad query.
type QueryError struct{ Err error }

func (e *QueryError) Error() string { return "query: " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

// Query runs a Gizmo query and returns at most limit results (all when
// limit <= 0), JSON-collated as Cayley's HTTP API returns them.
func (s *Store) Query(ctx context.Context, text string, limit int) ([]Result, error) {
	it, err := query.Execute(ctx, Safe(s.qs), "gizmo", text, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, &QueryError{err}
	}
	defer it.Close()
	out := []Result{}
	for it.Next(ctx) {
		switch v := it.Result().(type) {
		case map[string]any:
			out = append(out, Result(v))
		default:
			out = append(out, Result{"id": v})
		}
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return out, &QueryError{err}
	}
	return out, ctx.Err()
}

// Stats counts nodes by type and quads by predicate.
type Stats struct {
	Quads      int64
	Types      map[string]int64 // rdf:type object → subjects
	Predicates map[string]int64 // predicate → quads
}

// Stats walks all quads once.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{Types: map[string]int64{}, Predicates: map[string]int64{}}
	r := cgraph.NewQuadStoreReader(s.qs)
	defer r.Close()
	typed := map[[2]string]bool{}
	for {
		q, err := r.ReadQuad()
		if err != nil {
			if errors.Is(err, errEOF) {
				break
			}
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st.Quads++
		p := quad.ToString(q.Predicate)
		st.Predicates[p]++
		if q.Predicate == rdfType {
			k := [2]string{quad.ToString(q.Subject), quad.ToString(q.Object)}
			if !typed[k] {
				typed[k] = true
				st.Types[k[1]]++
			}
		}
	}
	return st, nil
}
