#!/usr/bin/env bash
# Builds the PDF sets that BENCHMARKS.md scores plain and `-layout` pdftotext
# on: a generated corpus's Word documents (`.doc`, `.docx`) and its pages of the
# table eras (`.html`, UTF-8 and GBK) printed to PDF by LibreOffice, each read
# back by `pdftotext` three ways: plain (`raw`, its reading order), `-layout`
# (`lay`) and `-raw` (`stream`, the order the PDF draws its text in), with the
# report's gold (its source renamed to the text file; its date of publication
# none where the text does not print it, a page's that its <meta> alone gives).
#
#   usage: scripts/pdf_sets.sh OUT [reports, default 3000] [seed, default 7]
#   makes: OUT/word/{raw,lay,stream}/{input,gold}, OUT/web/{raw,lay,stream}/{input,gold}
#   then:  target/release/ogi extract -q --input OUT/word/raw/input --out /tmp/o
#          target/release/ogi eval -q --gold OUT/word/raw/gold --out /tmp/o --by layout,era
#   needs: target/release/ogi, soffice (libreoffice-writer), pdftotext
#          (poppler-utils), python3. Which order plain pdftotext prints a
#          table in depends on the type LibreOffice finds (fonts-wqy-zenhei
#          gives each row's label first).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/pdf_sets.sh OUT [reports] [seed]}
reports=${2:-3000}
seed=${3:-7}
mkdir -p "$out"
out=$(cd "$out" && pwd)
target/release/ogi gen --reports "$reports" --seed "$seed" --out "$out/gen" >/dev/null
# LibreOffice's own profile (the default one may hang a headless run).
profile="file://$out/profile"

# convert NAME FILTER FILES...: converts FILES to PDF (with the import FILTER, if
# any), then reads each back both ways.
convert() {
  local name=$1 filter=$2
  shift 2
  local dir="$out/$name"
  mkdir -p "$dir/pdf"
  local args=(-env:UserInstallation="$profile" --headless)
  [ -n "$filter" ] && args+=(--infilter="$filter")
  printf '%s\n' "$@" | xargs -n 40 soffice "${args[@]}" --convert-to pdf:writer_pdf_Export --outdir "$dir/pdf" >/dev/null 2>&1
  for mode in raw lay stream; do
    mkdir -p "$dir/$mode/input" "$dir/$mode/gold"
  done
  for source in "$@"; do
    local stem
    stem=$(basename "${source%.*}")
    [ -f "$dir/pdf/$stem.pdf" ] || { echo "no PDF for $stem" >&2; continue; }
    pdftotext -enc UTF-8 "$dir/pdf/$stem.pdf" "$dir/raw/input/$stem.txt"
    pdftotext -layout -enc UTF-8 "$dir/pdf/$stem.pdf" "$dir/lay/input/$stem.txt"
    pdftotext -raw -enc UTF-8 "$dir/pdf/$stem.pdf" "$dir/stream/input/$stem.txt"
    for mode in raw lay stream; do
      python3 - "$out/gen/gold/$stem.json" "$dir/$mode/gold/$stem.json" "$dir/$mode/input/$stem.txt" <<'PY'
import json, pathlib, re, sys
gold = json.load(open(sys.argv[1]))
text = pathlib.Path(sys.argv[3])
gold["source"] = text.name
# A page's date that only its <meta> gives does not print: none to read. A Big5 page
# printed as the gb2312 it declares prints its date's digits between other characters
# (`2021¦~1 る 11 ら`): printed, and read once the text is decoded again.
published = gold.get("report", {}).get("published")
if published:
    y, m, d = (int(x) for x in published.split("-"))
    printed = rf"{y}[^\d\n]{{1,4}}0?{m}[^\d\n]{{1,4}}0?{d}(?!\d)"
    if not re.search(printed, text.read_text(encoding="utf-8", errors="replace")):
        gold["report"]["published"] = None
json.dump(gold, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
    done
  done
}

mapfile -t word < <(find "$out/gen/input" -name '*.doc' -o -name '*.docx' | grep -v copy | sort)
mapfile -t web < <(find "$out/gen/input" -name '*_html*.html' | grep -E '/20(19|2[0-9])/' | grep -v copy | sort)
convert word "" "${word[@]}"
convert web "HTML (StarWriter)" "${web[@]}"
echo "word: ${#word[@]} documents, web: ${#web[@]} pages under $out"
