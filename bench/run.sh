#!/usr/bin/env bash
# Scale benchmark, side by side in one run: newsgraph load with 1 and 2
# jobs on a SAMPLE-document sample and on the whole N-document corpus
# (documents/s, tokens/s, tokens per CPU-second, peak RSS), newsgraph import
# vs Cayley's own `cayley load` on the same N-Quads, export quads/s, and
# p50/p95 of every saved query on the N-document store. Prints Markdown;
# docs/benchmarks.md ("Scale") keeps the results.
#
#   bash bench/run.sh                      # N=10000 SAMPLE=1000 QRUNS=10
#   N=1000 SAMPLE=200 bash bench/run.sh    # quicker
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
SAMPLE=${SAMPLE:-1000}
QRUNS=${QRUNS:-10}
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

go run ./bench/mkcorpus -data ../shared/corpora/conll2003 -n "$N" > "$out/corpus.jsonl" 2> "$out/mkcorpus.txt"
tokens=$(awk '/^tokens/{print $2}' "$out/mkcorpus.txt")
head -n "$SAMPLE" "$out/corpus.jsonl" > "$out/sample.jsonl"
go run ./bench/mkcorpus -data ../shared/corpora/conll2003 -n "$SAMPLE" 2>&1 >/dev/null | awk '/^tokens/{print $2}' > "$out/sample-tokens.txt"
stokens=$(cat "$out/sample-tokens.txt")

echo "## newsgraph scale benchmark: $N documents ($tokens tokens), sample of $SAMPLE ($stokens tokens)"
echo
echo "machine: $(nproc) cores, $(free -h | awk '/Mem:/{print $2}') RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(go version | cut -d' ' -f3); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| step | wall s | CPU s | rate | tokens/s | tokens/CPU-s | peak RSS MB | load avg |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
# measure LABEL COUNT UNIT TOKENS COMMAND...: one table row. TOKENS is 0
# for steps that read no text.
measure() {
  local label=$1 count=$2 unit=$3 toks=$4; shift 4
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || { cat "$out/stderr.txt" >&2; exit 1; }
  read -r secs user sys kb < "$out/time.txt"
  python3 - "$label" "$count" "$unit" "$toks" "$secs" "$user" "$sys" "$kb" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
label, count, unit, toks, secs, user, sys_, kb, la = sys.argv[1:]
count, toks, secs, cpu = int(count), int(toks), float(secs), float(user) + float(sys_)
t = f"{toks/secs:,.0f}" if toks else ""
tc = f"{toks/cpu:,.0f}" if toks else ""
print(f"| {label} | {secs:.2f} | {cpu:.2f} | {count/secs:,.0f} {unit} | {t} | {tc} | {int(kb)//1024} | {la} |")
PY
}
sizes=("$SAMPLE")
[ "$N" != "$SAMPLE" ] && sizes+=("$N")
for n in "${sizes[@]}"; do
  if [ "$n" = "$SAMPLE" ]; then in="$out/sample.jsonl" toks=$stokens; else in="$out/corpus.jsonl" toks=$tokens; fi
  for jobs in 1 2; do
    rm -rf "$out/load$n-$jobs.db"
    measure "load $n docs, --jobs $jobs" "$n" "docs/s" "$toks" "$ng" load --quiet --jobs "$jobs" --db "$out/load$n-$jobs.db" "$in"
  done
done
db="$out/load$N-2.db"
quads=$("$ng" stats --db "$db" | awk '/^quads:/{print $2}')
measure "export ($quads quads)" "$quads" "quads/s" 0 "$ng" export --db "$db" -o "$out/graph.nq"
rm -rf "$out/import.db"
measure "newsgraph import" "$quads" "quads/s" 0 "$ng" import --db "$out/import.db" "$out/graph.nq"
rm -rf "$out/cayley.db"
"$out/cayley" init --db bolt --dbpath "$out/cayley.db" >/dev/null 2>&1
measure "cayley load" "$quads" "quads/s" 0 "$out/cayley" load --db bolt --dbpath "$out/cayley.db" --load "$out/graph.nq"
echo
echo "### saved queries on the $N-document store (p50/p95 of up to $QRUNS runs, limit 100)"
echo
go run ./bench/querylat -db "$db" -n "$QRUNS"
