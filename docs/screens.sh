#!/usr/bin/env bash
# Retakes the README's screenshots from the real release binary in a real
# terminal (tmux, 100×30, dark theme, a fresh data directory), and writes
# each one into the README's text block that follows its marker line
# `<!-- screen: NAME -->`. Run from the project root after a change that
# shows on screen; review the diff of README.md as a user would.
#
# Usage: docs/screens.sh   (installs tmux, Debian's package, when it is missing:
# as root, or through sudo)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null; then
  echo "installing tmux (Debian package)" >&2
  root=""
  ((EUID == 0)) || root=sudo
  $root apt-get update -qq
  $root apt-get install -y -qq tmux >/dev/null
fi
cargo build --release --quiet
bin="$PWD/target/release/sdgmap"
out=$(mktemp -d)
sock="readme-$$"
export SDGMAP_HOME; SDGMAP_HOME=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$SDGMAP_HOME" "$out"' EXIT

# shot NAME "ARGS" KEY... : starts sdgmap with ARGS, types the keys, captures.
shot() {
  local name=$1 args=$2
  shift 2
  tmux -L "$sock" -f /dev/null new-session -d -s t -x 100 -y 30 \
    "NO_COLOR= $bin $args; sleep 30"
  tmux -L "$sock" set-option -t t status off >/dev/null
  sleep 1
  for k in "$@"; do
    tmux -L "$sock" send-keys -t t "$k"
    sleep 0.2
  done
  sleep 0.6
  # trailing blanks are the terminal's, not the screen's
  tmux -L "$sock" capture-pane -p -t t | sed -e 's/[[:space:]]*$//' >"$out/$name.txt"
  tmux -L "$sock" kill-server 2>/dev/null || true
  sleep 0.3
}

shot filter "--view 'sdg:3,9 al:C7'" f
shot finder "" / d i g i t a l
shot present "present" Right
shot matrix "" j l l l l l l l l
shot drill "" j l l l l l l l l Enter j j j Enter
shot sdgs "" 2 j j Space
shot activities "" 4
shot countries "" 5 j j l s j
shot indicators "" 2 j j j j j j j j l j j j j j j j j l j

python3 - "$out" <<'EOF'
import pathlib, re, sys
out = pathlib.Path(sys.argv[1])
readme = pathlib.Path("README.md")
text = readme.read_text()
def put(m):
    name = m.group(2)
    shot = out / f"{name}.txt"
    if not shot.exists():
        sys.exit(f"README names a screen '{name}' that docs/screens.sh does not take")
    body = shot.read_text().rstrip("\n")
    return f"{m.group(1)}```text\n{body}\n```"
pattern = re.compile(r"(<!-- screen: ([a-z]+) -->\n)```text\n.*?\n```", re.S)
new, n = pattern.subn(put, text)
readme.write_text(new)
print(f"docs/screens.sh: {n} screenshots retaken in README.md")
EOF
