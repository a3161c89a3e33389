#!/usr/bin/env bash
# Whole-process comparison: `sdgmap query Q --data big.json` vs
# `fzf --filter Q` over the same SYNTHETIC records as lines.
# Installs nothing: it needs fzf, hyperfine and jq on PATH.
#
#   benches/fzf_compare.sh [ACTIVITIES=100000] [QUERY="digital health"]
#
# fzf gets two inputs, both reported:
#   same text    each activity's searchable text — title, summary, lead and
#                partners, the haystack sdgmap matches — so both tools find
#                exactly the same records (the counts are printed);
#   title+summary  only those two fields, as the issue describes the lines:
#                less text, so fzf finds and ranks fewer records.
set -euo pipefail
n="${1:-100000}"
q="${2:-digital health}"
missing=()
for tool in fzf hyperfine jq; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]} — install with: sudo apt-get install ${missing[*]}" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
dir="${TMPDIR:-/tmp}/sdgmap-fzf-compare"
mkdir -p "$dir"
big="$dir/big-$n.json"
same="$dir/big-$n-same.txt"
short="$dir/big-$n.txt"
cargo build --release --quiet --bin sdgmap --example synth
[[ -s "$big" ]] || target/release/examples/synth --activities "$n" --seed 7 --compact >"$big"
# One line per activity.
jq -r '.activities[] | [.title, .summary, (.lead // empty), (.partners[]?)] | join(" ")' "$big" >"$same"
jq -r '.activities[] | "\(.title) \(.summary)"' "$big" >"$short"
echo "SYNTHETIC data: $n generated activities, query: $q"
echo "records found: sdgmap $(target/release/sdgmap query "$q" --data "$big" --format csv | tail -n +2 | wc -l)," \
  "fzf same text $(fzf --filter "$q" <"$same" | wc -l)," \
  "fzf title+summary $(fzf --filter "$q" <"$short" | wc -l)"
hyperfine --warmup 2 --runs 10 --ignore-failure --export-json "$dir/result.json" \
  -n sdgmap "target/release/sdgmap query '$q' --data '$big' --format csv > /dev/null" \
  -n "fzf same text" "fzf --filter '$q' < '$same' > /dev/null" \
  -n "fzf title+summary" "fzf --filter '$q' < '$short' > /dev/null"
jq -r '.results | (.[0].mean) as $s |
  "ratio sdgmap / fzf, same text (mean wall time): \($s / .[1].mean * 100 | round / 100)x (goal <= 1.0x)",
  "ratio sdgmap / fzf, title+summary lines:        \($s / .[2].mean * 100 | round / 100)x"' "$dir/result.json"
