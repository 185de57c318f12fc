// Package queries holds newsgraph's saved Gizmo queries, embedded from
// saved/*.gizmo. Each file starts with a header of line comments:
//
//	// name: claims
//	// description: attributed claims with speaker, cue, ...
//	// param: speaker? name, alias or IRI of the speaker
//	// columns: speaker, cue, content
//
// A trailing "?" marks an optional parameter. Build prepends the shared
// prelude (saved/prelude.js) and a `params` object holding the arguments,
// JSON-encoded so that no argument can change the query's code.
package queries

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed saved
var saved embed.FS

// Param is one parameter of a saved query.
type Param struct {
	Name        string
	Optional    bool
	Description string
}

// Query is one saved query.
type Query struct {
	Name        string
	Description string
	Params      []Param
	// Columns is the preferred column order of table output.
	Columns []string
	// Text is the query body (without prelude and parameters).
	Text string
}

// ErrUnknown is returned for a name that is not a saved query.
var ErrUnknown = errors.New("unknown saved query")

// ArgError reports arguments that do not fit a query's parameters.
type ArgError struct {
	Query string
	Msg   string
}

func (e *ArgError) Error() string { return e.Query + ": " + e.Msg }

var (
	loadOnce sync.Once
	all      []Query
	prelude  string
	loadErr  error
)

func load() {
	b, err := saved.ReadFile("saved/prelude.js")
	if err != nil {
		loadErr = err
		return
	}
	prelude = string(b)
	files, err := fs.Glob(saved, "saved/*.gizmo")
	if err != nil {
		loadErr = err
		return
	}
	for _, f := range files {
		b, err := saved.ReadFile(f)
		if err != nil {
			loadErr = err
			return
		}
		q, err := Parse(string(b))
		if err != nil {
			loadErr = fmt.Errorf("%s: %w", path.Base(f), err)
			return
		}
		all = append(all, q)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Name < all[j].Name })
}

// Parse reads a saved query file: its header comments and body.
func Parse(src string) (Query, error) {
	var q Query
	lines := strings.Split(src, "\n")
	i := 0
	for ; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(l, "//") {
			break
		}
		key, val, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(l, "//")), ":")
		if !ok {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.TrimSpace(key) {
		case "name":
			q.Name = val
		case "description":
			q.Description = val
		case "columns":
			for _, c := range strings.Split(val, ",") {
				if c = strings.TrimSpace(c); c != "" {
					q.Columns = append(q.Columns, c)
				}
			}
		case "param":
			name, desc, _ := strings.Cut(val, " ")
			p := Param{Name: strings.TrimSuffix(name, "?"), Optional: strings.HasSuffix(name, "?"), Description: strings.TrimSpace(desc)}
			if p.Name == "" {
				return q, fmt.Errorf("line %d: empty parameter name", i+1)
			}
			if n := len(q.Params); n > 0 && q.Params[n-1].Optional && !p.Optional {
				return q, fmt.Errorf("line %d: required parameter %s after an optional one", i+1, p.Name)
			}
			q.Params = append(q.Params, p)
		}
	}
	if q.Name == "" {
		return q, errors.New("missing '// name:' header")
	}
	if q.Description == "" {
		return q, errors.New("missing '// description:' header")
	}
	q.Text = strings.Join(lines[i:], "\n")
	return q, nil
}

// List returns the saved queries sorted by name.
func List() ([]Query, error) {
	loadOnce.Do(load)
	return all, loadErr
}

// Get returns the saved query with the given name.
func Get(name string) (Query, error) {
	qs, err := List()
	if err != nil {
		return Query{}, err
	}
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
	}
	return Query{}, fmt.Errorf("%w %q (run 'newsgraph queries' for the list)", ErrUnknown, name)
}

// Usage is the parameter synopsis, e.g. "FROM TO" or "[SPEAKER]".
func (q Query) Usage() string {
	var parts []string
	for _, p := range q.Params {
		n := strings.ToUpper(p.Name)
		if p.Optional {
			n = "[" + n + "]"
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, " ")
}

// Build returns the complete Gizmo program for the given positional
// arguments.
func (q Query) Build(args []string) (string, error) {
	params := map[string]string{}
	required := 0
	for _, p := range q.Params {
		if !p.Optional {
			required++
		}
	}
	if len(args) < required {
		return "", &ArgError{q.Name, fmt.Sprintf("missing argument %s (usage: %s %s)", strings.ToUpper(q.Params[len(args)].Name), q.Name, q.Usage())}
	}
	if len(args) > len(q.Params) {
		return "", &ArgError{q.Name, fmt.Sprintf("too many arguments (usage: %s %s)", q.Name, q.Usage())}
	}
	for i, a := range args {
		params[q.Params[i].Name] = a
	}
	b, err := json.Marshal(params)
	if err != nil {
		return "", err
	}
	loadOnce.Do(load)
	return "var params = " + string(b) + ";\n" + prelude + "\n" + q.Text, nil
}
