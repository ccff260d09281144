#!/usr/bin/env bash
# End-to-end throughput on a generated corpus, beside a plain scan of the same
# files, in one run on the same machine.
#
# usage: scripts/bench.sh [N reports, default 10000] [runs, default 3] [corpus dir]
#
# Generates N reports (`ogi gen --seed 1`) into the corpus dir (a temporary one
# by default; an existing corpus of N reports there is reused, so a run on
# 1,000,000 need not generate them twice). Then, RUNS times, (a) a plain
# parallel scan of every file (`rg -c` of a fixed string if ripgrep is
# installed, else `examples/scan.rs`: read all bytes, count lines, one thread per
# core) and (b) `ogi run` (extract, write, stats). Prints medians: throughput in
# files/s and MB/s, the ratio (b)/(a), and the peak RSS of (b).
#
# By default both read the corpus from the page cache (an untimed pass before
# each timed step), so the ratio compares CPU work. With COLD=1 the page cache
# is dropped before each timed step (root only: it writes
# /proc/sys/vm/drop_caches), as on a first run over a corpus just copied to the
# machine: then the disk sets the pace of both.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
RUNS=${2:-3}
CORPUS=${3:-}
COLD=${COLD:-0}
if [ "$COLD" = 1 ] && ! { sync && echo 3 > /proc/sys/vm/drop_caches; } 2>/dev/null; then
  echo "COLD=1 needs to write /proc/sys/vm/drop_caches (root)" >&2
  exit 2
fi
# Before each timed step: the writes flushed, then the page cache dropped
# (COLD=1) or the corpus read once more, untimed: some machines reclaim cached
# pages that went unread for a few seconds (a virtual machine handing memory
# back to its host), so a pass run seconds earlier does not keep it all cached.
settle() { sync; if [ "$COLD" = 1 ]; then echo 3 > /proc/sys/vm/drop_caches; else scan_once; fi; }
cargo build --release --quiet --bin ogi --example scan
TARGET=${CARGO_TARGET_DIR:-target}/release
OGI=$TARGET/ogi
SCAN=$TARGET/examples/scan
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "$CORPUS" ]; then
  CORPUS=$WORK/corpus
fi
INPUT="$CORPUS/input"
if [ -f "$CORPUS/.generated-$N" ] && [ -d "$INPUT" ]; then
  echo "reusing the corpus of $N reports in $CORPUS"
else
  /usr/bin/time -f "generated in %e s" "$OGI" gen --reports "$N" --seed 1 --out "$CORPUS" >/dev/null
  touch "$CORPUS/.generated-$N"
fi
BYTES=$(du -sb "$INPUT" | cut -f1)
FILES=$(find "$INPUT" -type f | wc -l)

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
now() { date +%s.%N; }

if command -v rg >/dev/null 2>&1; then
  SCANNER="rg -c"
  scan_once() { rg -c --no-messages "年度报告" "$INPUT" >/dev/null || true; }
else
  SCANNER="parallel read"
  scan_once() { "$SCAN" "$INPUT" >/dev/null; }
fi

scan=() ; run=() ; rss=()
for _ in $(seq "$RUNS"); do
  settle
  t0=$(now); scan_once; t1=$(now)
  scan+=("$(echo "$t1 - $t0" | bc)")
  settle
  t0=$(now)
  /usr/bin/time -f "%M" -o "$WORK/rss" "$OGI" run -q --input "$INPUT" --out "$WORK/out" >"$WORK/log" 2>&1
  t1=$(now)
  run+=("$(echo "$t1 - $t0" | bc)")
  rss+=("$(cat "$WORK/rss")")
done
S=$(printf '%s\n' "${scan[@]}" | median)
R=$(printf '%s\n' "${run[@]}" | median)
M=$(printf '%s\n' "${rss[@]}" | median)
CACHE=$([ "$COLD" = 1 ] && echo "page cache dropped before each step" || echo "corpus in the page cache")
echo "corpus: $FILES files, $(echo "scale=1; $BYTES/1048576" | bc) MB, $(nproc) cores, medians of $RUNS runs, $CACHE"
grep -E "files:|stats:" "$WORK/log" | sed 's/^/ogi run (last): /'
printf "plain scan (%s): %8.2f s  %10.0f files/s  %8.1f MB/s\n" "$SCANNER" "$S" "$(echo "$FILES/$S" | bc -l)" "$(echo "$BYTES/1048576/$S" | bc -l)"
printf "ogi run:         %8.2f s  %10.0f files/s  %8.1f MB/s  peak RSS %.0f MB\n" "$R" "$(echo "$FILES/$R" | bc -l)" "$(echo "$BYTES/1048576/$R" | bc -l)" "$(echo "$M/1024" | bc -l)"
printf "ratio (ogi run / plain scan throughput): %.3f\n" "$(echo "$S/$R" | bc -l)"
