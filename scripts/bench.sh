#!/usr/bin/env bash
# End-to-end throughput on a generated corpus, beside a plain scan of the same
# bytes, in one run on the same machine.
#
# usage: scripts/bench.sh [N reports, default 10000] [runs, default 3]
#
# Prints, as medians over the runs: (a) a plain parallel read of every file
# (`rg -c` of a fixed string if ripgrep is installed, else a read of all bytes with
# one process per core), (b) `ogi extract` + `ogi stats`, their throughputs in
# files/s and MB/s, the ratio (b)/(a), and the peak RSS of (b).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-3}
cargo build --release --quiet
OGI=${CARGO_TARGET_DIR:-target}/release/ogi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$OGI" gen --reports "$N" --seed 1 --out "$WORK/corpus" 2>/dev/null
INPUT="$WORK/corpus/input"
BYTES=$(du -sb "$INPUT" | cut -f1)
FILES=$(find "$INPUT" -type f | wc -l)

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }

scan_once() {
  if command -v rg >/dev/null 2>&1; then
    rg -c --no-messages "年度报告" "$INPUT" >/dev/null || true
  else
    find "$INPUT" -type f -print0 | xargs -0 -P "$(nproc)" -n 256 cat >/dev/null
  fi
}

scan=() ; run=() ; rss=()
for _ in $(seq "$RUNS"); do
  sync
  t0=$(now); scan_once; t1=$(now)
  scan+=("$(echo "$t1 - $t0" | bc)")
  t0=$(now)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$OGI" extract -q --input "$INPUT" --out "$WORK/out" 2>/dev/null
  r1=$(cat "$WORK/rss")
  /usr/bin/time -f "%M" -o "$WORK/rss" "$OGI" stats -q --data "$WORK/out" >/dev/null 2>&1
  t1=$(now)
  r2=$(cat "$WORK/rss")
  run+=("$(echo "$t1 - $t0" | bc)")
  rss+=("$(( r1 > r2 ? r1 : r2 ))")
done
S=$(printf '%s\n' "${scan[@]}" | median)
R=$(printf '%s\n' "${run[@]}" | median)
M=$(printf '%s\n' "${rss[@]}" | median)
SCANNER=$(command -v rg >/dev/null 2>&1 && echo "rg -c" || echo "parallel read")
echo "corpus: $FILES files, $(echo "scale=1; $BYTES/1048576" | bc) MB, $(nproc) cores, medians of $RUNS runs"
printf "plain scan (%s): %8.2f s  %10.0f files/s  %8.1f MB/s\n" "$SCANNER" "$S" "$(echo "$FILES/$S" | bc -l)" "$(echo "$BYTES/1048576/$S" | bc -l)"
printf "ogi extract+stats: %8.2f s  %10.0f files/s  %8.1f MB/s  peak RSS %.0f MB\n" "$R" "$(echo "$FILES/$R" | bc -l)" "$(echo "$BYTES/1048576/$R" | bc -l)" "$(echo "$M/1024" | bc -l)"
printf "ratio (ogi / plain scan throughput): %.3f\n" "$(echo "$S/$R" | bc -l)"
