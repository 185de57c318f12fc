#!/usr/bin/env bash
# Scale benchmark, side by side in one run: newsgraph load with 1 and 2
# jobs (documents/s, tokens/s, peak RSS), newsgraph import vs Cayley's own
# `cayley load` on the same N-Quads, export quads/s, and p50/p95 of every
# saved query. Prints Markdown; docs/benchmarks.md keeps the results.
#
#   N=1000 bash bench/run.sh        # N documents of the CoNLL-2003 corpus
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000}
out=bench/out
mkdir -p "$out"
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

go build -o "$out/newsgraph" ./cmd/newsgraph
ng="$out/newsgraph"

# Cayley's own command, built from the module newsgraph already requires,
# in a throwaway module (its go.mod needs a logrus replace).
if [ ! -x "$out/cayley" ]; then
  mkdir -p "$out/cayleymod"
  cayver=$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)
  cat > "$out/cayleymod/go.mod" <<MOD
module cayleybench

go 1.26

require github.com/cayleygraph/cayley $cayver

replace github.com/Sirupsen/logrus => github.com/Sirupsen/logrus v1.0.1
MOD
  printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/cayleygraph/cayley/cmd/cayley"\n' > "$out/cayleymod/tools.go"
  (cd "$out/cayleymod" && go mod tidy >/dev/null 2>&1 && go build -o ../cayley github.com/cayleygraph/cayley/cmd/cayley)
fi

go run ./bench/mkcorpus -data ../shared/corpora/conll2003 -n "$N" > "$out/corpus.jsonl"
words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$out/corpus.jsonl")

echo "## newsgraph scale benchmark: $N documents, $words words"
echo
echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/{print $2}') RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3)"
echo
echo "| step | seconds | rate | peak RSS MB |"
echo "|---|---:|---:|---:|"
measure() { # label, rate-unit count, command...
  local label=$1 count=$2 unit=$3; shift 3
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || { cat "$out/stderr.txt"; exit 1; }
  read -r secs kb < "$out/time.txt"
  printf '| %s | %s | %s | %d |\n' "$label" "$secs" "$(python3 -c "print(f'{$count/$secs:,.0f} $unit')")" $((kb / 1024))
}
for jobs in 1 2; do
  rm -rf "$out/load$jobs.db"
  measure "load --jobs $jobs (docs/s)" "$N" "docs/s" "$ng" load --quiet --jobs "$jobs" --db "$out/load$jobs.db" "$out/corpus.jsonl"
  secs=$(cut -d' ' -f1 "$out/time.txt")
  printf '| load --jobs %s (words/s) | %s | %s | |\n' "$jobs" "$secs" "$(python3 -c "print(f'{$words/$secs:,.0f} words/s')")"
done
quads=$("$ng" stats --db "$out/load2.db" | awk '/^quads:/{print $2}')
measure "export ($quads quads)" "$quads" "quads/s" "$ng" export --db "$out/load2.db" -o "$out/graph.nq"
rm -rf "$out/import.db"
measure "newsgraph import" "$quads" "quads/s" "$ng" import --db "$out/import.db" "$out/graph.nq"
rm -rf "$out/cayley.db"
"$out/cayley" init --db bolt --dbpath "$out/cayley.db" >/dev/null 2>&1
measure "cayley load" "$quads" "quads/s" "$out/cayley" load --db bolt --dbpath "$out/cayley.db" --load "$out/graph.nq"
echo
echo "### saved queries on the $N-document store (p50/p95 of 10 runs, limit 100)"
echo
go run ./bench/querylat -db "$out/load2.db" -n 10
