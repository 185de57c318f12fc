package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/cli"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"newsgraph": func() {
			os.Exit(cli.Main(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script: the
// binary is this test binary re-executed as "newsgraph".
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SEEDS", filepath.Join(root, "seeds"))
			env.Setenv("NEWSGRAPH_DB", filepath.Join(env.WorkDir, "newsgraph.db"))
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"rapper-check": cmdRapperCheck,
			"sortedeq":     cmdSortedEqual,
			"holdlock":     cmdHoldLock,
			"bigline":      cmdBigLine,
			"writebytes":   cmdWriteBytes,
		},
	})
}

// rapper-check FILE validates N-Quads with raptor's rapper (Debian
// raptor2-utils), which the test command installs. It fails, never skips,
// when rapper is missing.
func cmdRapperCheck(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: rapper-check FILE")
	}
	path, err := exec.LookPath("rapper")
	if err != nil {
		ts.Fatalf("rapper not found: install raptor2-utils (bash .ci/test.sh does)")
	}
	out, err := exec.Command(path, "-i", "nquads", "-c", ts.MkAbs(args[0])).CombinedOutput()
	ts.Logf("%s", out)
	if (err != nil) != neg {
		ts.Fatalf("rapper: %v", err)
	}
}

// sortedeq A B compares two files as sets of lines.
func cmdSortedEqual(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: sortedeq A B")
	}
	lines := func(name string) string {
		l := strings.Split(strings.TrimSpace(ts.ReadFile(name)), "\n")
		sort.Strings(l)
		return strings.Join(l, "\n")
	}
	a, b := lines(args[0]), lines(args[1])
	if (a == b) == neg {
		ts.Fatalf("%s and %s differ as line sets: %v", args[0], args[1], !neg)
	}
}

// holdlock DIR opens the bolt store at DIR for writing and keeps it open
// until the script ends, as a concurrent load would.
func cmdHoldLock(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: holdlock DIR")
	}
	s, err := graph.Open(context.Background(), graph.Options{Path: ts.MkAbs(args[0])})
	if err != nil {
		ts.Fatalf("holdlock: %v", err)
	}
	ts.Defer(func() { s.Close() })
}

// bigline FILE MB writes one line of MB megabytes without a newline.
func cmdBigLine(ts *testscript.TestScript, neg bool, args []string) {
	var mb int
	if len(args) != 2 {
		ts.Fatalf("usage: bigline FILE MB")
	}
	fmt.Sscan(args[1], &mb)
	line := bytes.Repeat([]byte("word "), mb<<20/5)
	if err := os.WriteFile(ts.MkAbs(args[0]), line, 0o644); err != nil {
		ts.Fatalf("%v", err)
	}
}

// writebytes FILE HEX... writes raw bytes (for binary and invalid UTF-8 input).
func cmdWriteBytes(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 2 {
		ts.Fatalf("usage: writebytes FILE HEX...")
	}
	var b []byte
	for _, h := range args[1:] {
		var v byte
		if _, err := fmt.Sscanf(h, "%02x", &v); err != nil {
			ts.Fatalf("bad hex %q", h)
		}
		b = append(b, v)
	}
	if err := os.WriteFile(ts.MkAbs(args[0]), b, 0o644); err != nil {
		ts.Fatalf("%v", err)
	}
}
