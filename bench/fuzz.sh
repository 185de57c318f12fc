#!/usr/bin/env bash
# Long fuzz runs: every Fuzz target of the module, one after another, each
# until EXECS executions or its wall-time cap, whichever comes first. One
# fuzzing worker (-parallel 1) at low priority (nice 15): the machine is
# shared. Prints a Markdown table: executions reached, fuzzing seconds as
# the fuzzer counts them (baseline coverage included, build excluded),
# average executions/s, new corpus entries, result. Logs go to
# bench/out/fuzz/.
#
# A failing target leaves its input under the package's testdata/fuzz/ (the
# fuzzer writes it there); the result column names the file. A worker the
# fuzzer thinks hung (possible on a starved machine) also leaves a file:
# re-run it with `go test -run 'FuzzX/NAME' ./pkg` before calling it a bug.
# New inputs are not minimised (-fuzzminimizetime 0, see .ci/test.sh and
# golang/go#52569).
#
#   bash bench/fuzz.sh                               # EXECS=1000000 CAP=300s
#   EXECS=100000 CAP=60s ONLY="FuzzTokenize carb.FuzzRead" bash bench/fuzz.sh
#   CAP_FuzzExtract=3600s bash bench/fuzz.sh         # per-target cap
#
# ONLY/SKIP: space-separated target names, or pkg.Target where pkg is the
# last element of the import path (two packages have a FuzzRead).
set -euo pipefail
cd "$(dirname "$0")/.."
EXECS=${EXECS:-1000000}
CAP=${CAP:-300s}
ONLY=${ONLY:-}
SKIP=${SKIP:-}
PARALLEL=${PARALLEL:-1}
NICE=${NICE:-15}
logs=bench/out/fuzz
mkdir -p "$logs"

# listed NAME LIST: whether pkg.Target or Target is in the space-separated LIST.
listed() {
  local w
  for w in $2; do [ "$w" = "$1" ] || [ "$w" = "${1#*.}" ] && return 0; done
  return 1
}

echo "| package | target | executions | seconds | execs/s | new interesting | result |"
echo "|---|---|---:|---:|---:|---:|---|"
for pkg in $(go list ./... | grep -v /bench/); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    name="${pkg##*/}.$target"
    [ -n "$ONLY" ] && ! listed "$name" "$ONLY" && continue
    [ -n "$SKIP" ] && listed "$name" "$SKIP" && continue
    log="$logs/${pkg##*/}-$target.log"
    capvar="CAP_$target"
    cap=${!capvar:-$CAP}
    crashdir="$dir/testdata/fuzz/$target"
    before=$( (ls "$crashdir" 2>/dev/null || true) | sort)
    # At the cap timeout sends SIGINT to the whole process group: the
    # fuzzer stops cleanly and still prints its last counts (timeout then
    # exits 124). -k: a fuzzer that ignores it is killed a minute later.
    rc=0
    timeout -k 60s -s INT "$cap" nice -n "$NICE" \
      go test -run '^$' -fuzz "^${target}\$" -fuzztime "${EXECS}x" -fuzzminimizetime 0 -parallel "$PARALLEL" -timeout 0 "$pkg" >"$log" 2>&1 || rc=$?
    new=$(comm -13 <(echo "$before") <( (ls "$crashdir" 2>/dev/null || true) | sort) | grep . || true)
    if [ -n "$new" ]; then
      kind=FAIL
      grep -q 'hung or terminated unexpectedly' "$log" && kind="worker hung or died"
      result="$kind: ${crashdir#"$PWD/"}/$(echo $new | tr ' ' ',')"
    elif [ $rc = 0 ]; then
      result=ok
    elif [ $rc = 124 ]; then
      result="cap $cap reached"
    elif grep -q -- '--- FAIL\|panic:' "$log"; then
      result="FAIL without input (see $log)"
    else
      result="exit $rc (see $log)"
    fi
    python3 - "$pkg" "$target" "$log" "$result" <<'PY'
import re, sys
pkg, target, log, result = sys.argv[1:]
execs, secs, new = 0, 0.0, 0
for line in open(log, errors="replace"):
    m = re.search(r"elapsed: (\S+), execs: (\d+) .*new interesting: (\d+)", line)
    if m:
        secs = sum(float(v) * {"h": 3600, "m": 60, "s": 1}[u] for v, u in re.findall(r"([\d.]+)([hms])", m.group(1)))
        execs, new = int(m.group(2)), int(m.group(3))
# The per-line "(N/sec)" is the rate since the previous line; this is the
# average over the whole run (elapsed is rounded to seconds).
rate = f"{execs/secs:,.0f}" if secs else ""
print(f"| {pkg.replace('github.com/newsgraph/newsgraph/', '') or '.'} | {target} | {execs:,} | {secs:.0f} | {rate} | {new} | {result} |", flush=True)
PY
  done
done
