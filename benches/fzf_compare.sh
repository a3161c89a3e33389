#!/usr/bin/env bash
# Whole-process comparison: `sdgmap query Q --data big.json` vs
# `fzf --filter Q` over the same SYNTHETIC records as lines (title + summary).
# Installs nothing: it needs fzf, hyperfine and jq on PATH.
#
#   benches/fzf_compare.sh [ACTIVITIES=100000] [QUERY="digital health"]
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
lines="$dir/big-$n.txt"
cargo build --release --quiet --bin sdgmap --example synth
[[ -s "$big" ]] || target/release/examples/synth --activities "$n" --seed 7 --compact >"$big"
# The same records fzf sees: one line per activity, title then summary.
jq -r '.activities[] | "\(.title) \(.summary)"' "$big" >"$lines"
echo "SYNTHETIC data: $n generated activities, query: $q"
hyperfine --warmup 2 --runs 10 --ignore-failure --export-json "$dir/result.json" \
  -n sdgmap "target/release/sdgmap query '$q' --data '$big' --format csv > /dev/null" \
  -n fzf "fzf --filter '$q' < '$lines' > /dev/null"
jq -r '.results | (.[0].mean / .[1].mean) as $r |
  "ratio sdgmap / fzf (mean wall time): \($r * 100 | round / 100)x (goal <= 1.0x)"' "$dir/result.json"
