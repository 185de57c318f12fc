// Command querylat times every saved query on a store: p50 and p95 over
// -n runs each (fewer when a query's runs pass -budget, but at least 3),
// in-process (no start-up cost), as a Markdown table.
//
// With -results DIR it instead runs every query once without a limit and
// writes the rows to DIR/NAME.json, or, when that file is already there,
// compares them with it: run it once before and once after changing a
// saved query to check that the results stayed identical.
//
//	go run ./bench/querylat -db bench/out/bench.db -n 20
//	go run ./bench/querylat -db bench/out/bench.db -results bench/out/before
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

func main() {
	db := flag.String("db", "bench/out/bench.db", "bolt store")
	n := flag.Int("n", 20, "runs per query")
	limit := flag.Int("limit", 100, "result limit per run (as a UI page would ask)")
	budget := flag.Duration("budget", time.Minute, "time after which a query gets no more runs (at least 3)")
	results := flag.String("results", "", "write (or, when present, compare) each query's full results in `dir`/NAME.json instead of timing")
	flag.Parse()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Path: *db, ReadOnly: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "querylat:", err)
		os.Exit(1)
	}
	defer s.Close()
	args := map[string][]string{}
	person, place := pick(ctx, s, "PERSON"), pick(ctx, s, "GPE")
	args["neighbors"] = []string{place}
	args["relations"] = []string{place}
	args["path"] = []string{person, place}
	list, err := queries.List()
	if err != nil {
		fmt.Fprintln(os.Stderr, "querylat:", err)
		os.Exit(1)
	}
	if *results != "" {
		if err := check(ctx, s, list, args, *results); err != nil {
			fmt.Fprintln(os.Stderr, "querylat:", err)
			os.Exit(1)
		}
		return
	}
	fmt.Printf("| query | args | rows | runs | p50 ms | p95 ms |\n|---|---|---:|---:|---:|---:|\n")
	for _, q := range list {
		a := args[q.Name]
		text, err := q.Build(a)
		if err != nil {
			fmt.Printf("| %s | %v | error: %v | | | |\n", q.Name, a, err)
			continue
		}
		var times []time.Duration
		rows := 0
		start := time.Now()
		for i := 0; i < *n && (i < 3 || time.Since(start) < *budget); i++ {
			t0 := time.Now()
			res, err := s.Query(ctx, text, *limit)
			if err != nil {
				fmt.Printf("| %s | %v | error: %v | | | |\n", q.Name, a, err)
				break
			}
			times = append(times, time.Since(t0))
			rows = len(res)
		}
		if len(times) == 0 {
			continue
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		// Nearest-rank percentiles: p95 of 10 runs is the slowest run.
		p := func(f float64) float64 {
			i := int(math.Ceil(f*float64(len(times)))) - 1
			return float64(times[max(i, 0)].Microseconds()) / 1000
		}
		fmt.Printf("| %s | %v | %d | %d | %.1f | %.1f |\n", q.Name, a, rows, len(times), p(0.5), p(0.95))
	}
}

// pick returns the name of one entity of the given type.
func pick(ctx context.Context, s *graph.Store, typ string) string {
	res, err := s.Query(ctx, fmt.Sprintf(`g.V(%q).In("<https://w3id.org/newsgraph/ns#entityType>").Out("<http://schema.org/name>").Limit(1).All()`, typ), 1)
	if err != nil || len(res) == 0 {
		return "x"
	}
	return fmt.Sprint(res[0]["id"])
}

// check runs every query once without a limit and writes its rows to
// dir/NAME.json, or compares them with the file already there.
func check(ctx context.Context, s *graph.Store, list []queries.Query, args map[string][]string, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	differ := 0
	for _, q := range list {
		text, err := q.Build(args[q.Name])
		if err != nil {
			return fmt.Errorf("%s: %w", q.Name, err)
		}
		t0 := time.Now()
		res, err := s.Query(ctx, text, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", q.Name, err)
		}
		took := time.Since(t0)
		got, err := json.MarshalIndent(res, "", " ")
		if err != nil {
			return fmt.Errorf("%s: %w", q.Name, err)
		}
		path := filepath.Join(dir, q.Name+".json")
		want, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if err := os.WriteFile(path, got, 0o644); err != nil {
				return err
			}
			fmt.Printf("%s: %d rows written (%v)\n", q.Name, len(res), took.Round(time.Millisecond))
		case err != nil:
			return err
		case bytes.Equal(got, want):
			fmt.Printf("%s: %d rows, identical (%v)\n", q.Name, len(res), took.Round(time.Millisecond))
		default:
			differ++
			_ = os.WriteFile(path+".new", got, 0o644)
			fmt.Printf("%s: %d rows, DIFFERENT (see %s.new)\n", q.Name, len(res), path)
		}
	}
	if differ > 0 {
		return fmt.Errorf("%d queries differ", differ)
	}
	return nil
}
