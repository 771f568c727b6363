#!/usr/bin/env bash
# Takes a screenshot of the atlas window under a virtual X display, as docs/screenshots/ keeps them.
#
#   apt-get install -y xvfb imagemagick xdotool mesa-vulkan-drivers libgl1-mesa-dri libegl1 libxkbcommon-x11-0
#   scripts/screenshot.sh OUT.png [--pointer X,Y] -- [steppe-atlas arguments...]
#
# Example: scripts/screenshot.sh docs/screenshots/1918-07-01.png -- --date 1918-07-01 --lang en
set -euo pipefail
out=$1; shift
pointer="1390,890"   # bottom-right corner of the window: no tooltip over the map
if [ "${1:-}" = "--pointer" ]; then pointer=$2; shift 2; fi
[ "${1:-}" = "--" ] && shift
cd "$(dirname "$0")/.."
cargo build --release --quiet
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $atlas_pid $xvfb_pid 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display ./target/release/steppe-atlas "$@" >/dev/null 2>&1 &
atlas_pid=$!
sleep 4
DISPLAY=$display xdotool mousemove "${pointer%,*}" "${pointer#*,}"
sleep 1.5
DISPLAY=$display import -window root -crop 1400x900+0+0 "$out"
echo "$out"
