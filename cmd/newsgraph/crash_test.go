package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds newsgraph into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "newsgraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeBatch writes n short synthetic articles as one JSONL batch.
func writeBatch(t *testing.T, n int) string {
	t.Helper()
	cities := []string{"Lyon", "Leeds", "Porto", "Gdansk", "Turin", "Ghent", "Malmo", "Bilbao"}
	people := []string{"Anna Keller", "Tomas Novak", "Maria Lopes", "Jan de Boer", "Sofia Rossi", "Lena Berg"}
	roles := []string{"union leader", "city spokesperson", "port director", "transport minister"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	r := rand.New(rand.NewSource(1))
	var b strings.Builder
	for i := 0; i < n; i++ {
		city, who, role := cities[r.Intn(len(cities))], people[r.Intn(len(people))], roles[r.Intn(len(roles))]
		text := fmt.Sprintf("Transport workers in %s walked out on %s, the %d. day of the dispute. "+
			"The %s, %s, said that about %d workers had joined the strike. "+
			"Police in %s said at least %d people attended a rally near the station.",
			city, days[i%len(days)], i+1, role, who, 100+r.Intn(9000), city, 50+r.Intn(900))
		rec := map[string]string{"title": fmt.Sprintf("Strike day %d in %s", i+1, city), "text": text,
			"published": fmt.Sprintf("2024-03-%02d", 1+i%28), "source": "Test Wire", "url": fmt.Sprintf("https://example.org/%d", i)}
		line, _ := json.Marshal(rec)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "batch.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// docQuads exports the store and groups its quads by document: every quad's
// label is the document IRI or one of its sentences' IRIs.
func docQuads(t *testing.T, bin, db string) map[string][]string {
	t.Helper()
	cmd := exec.Command(bin, "export", "--db", db)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		// Killed before the store was first initialised: nothing was loaded.
		if strings.Contains(stderr.String(), "no store here") {
			return map[string][]string{}
		}
		t.Fatalf("export after kill: %v: %s", err, stderr.String())
	}
	docs := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndex(line, " <")
		if i < 0 {
			t.Fatalf("quad without label: %s", line)
		}
		label := strings.TrimSuffix(strings.TrimSpace(line[i+2:]), "> .")
		if j := strings.Index(label, "/doc/"); j >= 0 {
			rest := label[j+len("/doc/"):]
			if k := strings.IndexByte(rest, '/'); k >= 0 {
				label = label[:j+len("/doc/")+k]
			}
		}
		docs[label] = append(docs[label], line)
	}
	for k := range docs {
		sort.Strings(docs[k])
	}
	return docs
}

// TestKillDuringLoad kills 'newsgraph load' with SIGKILL at random moments,
// 50 times, and checks after each kill that the store opens, queries work
// and every document in it is complete; a final load completes the store,
// which then equals a clean load.
func TestKillDuringLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test is long; runs without -short")
	}
	bin := buildBinary(t)
	batch := writeBatch(t, 150)
	dir := t.TempDir()

	ref := filepath.Join(dir, "ref.db")
	if out, err := exec.Command(bin, "load", "--quiet", "--db", ref, batch).CombinedOutput(); err != nil {
		t.Fatalf("reference load: %v\n%s", err, out)
	}
	want := docQuads(t, bin, ref)

	db := filepath.Join(dir, "crash.db")
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	killedMidway := 0
	for i := 0; i < 50; i++ {
		cmd := exec.Command(bin, "load", "--quiet", "--db", db, batch)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+r.Intn(1500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		got := docQuads(t, bin, db)
		if len(got) > 0 && len(got) < len(want) {
			killedMidway++
		}
		for doc, quads := range got {
			if strings.Join(quads, "\n") != strings.Join(want[doc], "\n") {
				t.Fatalf("kill %d: document %s is half-written: %d quads, want %d", i, doc, len(quads), len(want[doc]))
			}
		}
		if len(got) == 0 {
			continue
		}
		if out, err := exec.Command(bin, "query", "--db", db, "claims", "--format", "json").CombinedOutput(); err != nil {
			t.Fatalf("kill %d: query after kill: %v\n%s", i, err, out)
		}
	}
	t.Logf("50 kills, %d of them left a partly loaded batch of whole documents", killedMidway)

	if out, err := exec.Command(bin, "load", "--quiet", "--db", db, batch).CombinedOutput(); err != nil {
		t.Fatalf("completing load: %v\n%s", err, out)
	}
	got := docQuads(t, bin, db)
	if len(got) != len(want) {
		t.Fatalf("after completing: %d documents, want %d", len(got), len(want))
	}
	for doc := range want {
		if strings.Join(got[doc], "\n") != strings.Join(want[doc], "\n") {
			t.Errorf("after completing: document %s differs from a clean load", doc)
		}
	}
}

// TestInterruptLoad sends SIGINT (Ctrl-C) to a running load: it stops with
// a clear message and exit 1, and what it stored is whole documents.
func TestInterruptLoad(t *testing.T) {
	bin := buildBinary(t)
	batch := writeBatch(t, 400)
	db := filepath.Join(t.TempDir(), "db")
	cmd := exec.Command(bin, "load", "--quiet", "--jobs", "1", "--db", db, batch)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the first documents are stored, then interrupt.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		if fi, err := os.Stat(filepath.Join(db, "indexes.bolt")); err == nil && fi.Size() > 64<<10 {
			break
		}
	}
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if err == nil {
		t.Fatal("load finished before the interrupt arrived; make the batch larger")
	}
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want exit code 1", err)
	}
	if !strings.Contains(stderr.String(), "load interrupted after") {
		t.Errorf("stderr %q lacks the interruption message", stderr.String())
	}
	ref := filepath.Join(t.TempDir(), "ref.db")
	if out, err := exec.Command(bin, "load", "--quiet", "--db", ref, batch).CombinedOutput(); err != nil {
		t.Fatalf("reference load: %v\n%s", err, out)
	}
	want := docQuads(t, bin, ref)
	for doc, quads := range docQuads(t, bin, db) {
		if strings.Join(quads, "\n") != strings.Join(want[doc], "\n") {
			t.Errorf("document %s is half-written after the interrupt", doc)
		}
	}
}
