#!/usr/bin/env python3
"""Measure how far the hand-drawn seas and lakes of maps/water.geojson are from GSHHG shorelines.

Reads only; writes nothing under maps/. Needs GMT with the high-resolution GSHHG (Debian):

    apt-get update && apt-get install -y --no-install-recommends gmt gmt-gshhg-high
    pip install numpy            # or apt-get install python3-numpy

    python3 scripts/measure_water_gshhg.py

For each water body it densifies both outlines to about 1 km steps in the atlas projection
(Albers, as in src/geometry/projection.rs; distances in km, good to a few per cent here) and prints
the distance from the drawn outline to the nearest GSHHG shore (median, 90th percentile, max) and
back, from the GSHHG shore to the drawn outline (which catches bays and capes the drawing misses).
GSHHG lakes under 1000 km² are left out, so that small lakes beside a big one do not pull the
distances down. GSHHG (LGPL-3) data is only compared with, never copied into the atlas.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from author_base import ALBERS  # noqa: E402  (the projection, transcribed from projection.rs)

ROOT = Path(__file__).resolve().parent.parent


def gshhg_segments() -> list[np.ndarray]:
    out = subprocess.run(["gmt", "coast", "-R44/90/35/57", "-Dh", "-M", "-W", "-A1000/2/2"],
                         check=True, capture_output=True, text=True, cwd=tempfile.gettempdir()).stdout
    segments, current = [], []
    for line in out.splitlines():
        if line.startswith(">"):
            if len(current) > 1:
                segments.append(np.array(current))
            current = []
        elif line.strip():
            lon, lat = map(float, line.split()[:2])
            current.append((lon, lat))
    if len(current) > 1:
        segments.append(np.array(current))
    return segments


def densify_km(lonlat: np.ndarray, step: float = 1.0) -> np.ndarray:
    x, y = ALBERS.project(lonlat[:, 0], lonlat[:, 1])
    pts = [np.array([[x[0], y[0]]])]
    for i in range(len(x) - 1):
        d = float(np.hypot(x[i + 1] - x[i], y[i + 1] - y[i]))
        n = max(1, int(np.ceil(d / step)))
        t = np.arange(1, n + 1) / n
        pts.append(np.column_stack([x[i] + (x[i + 1] - x[i]) * t, y[i] + (y[i + 1] - y[i]) * t]))
    return np.concatenate(pts)


def nearest(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    out = np.empty(len(a))
    for k in range(0, len(a), 2000):
        chunk = a[k:k + 2000]
        d2 = (chunk[:, None, 0] - b[None, :, 0]) ** 2 + (chunk[:, None, 1] - b[None, :, 1]) ** 2
        out[k:k + 2000] = np.sqrt(d2.min(axis=1))
    return out


def components(segments: list[np.ndarray]) -> list[list[np.ndarray]]:
    """Groups GMT's bin-cut pieces into whole shorelines: pieces that share an end point."""
    parent = list(range(len(segments)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ends: dict[tuple[float, float], int] = {}
    for i, s in enumerate(segments):
        for p in (s[0], s[-1]):
            key = (round(float(p[0]), 5), round(float(p[1]), 5))
            if key in ends:
                parent[find(i)] = find(ends[key])
            else:
                ends[key] = i
    groups: dict[int, list[np.ndarray]] = {}
    for i, s in enumerate(segments):
        groups.setdefault(find(i), []).append(s)
    return list(groups.values())


def main() -> int:
    water = json.loads((ROOT / "maps" / "water.geojson").read_text(encoding="utf-8"))
    shores = [np.concatenate([densify_km(s) for s in group]) for group in components(gshhg_segments())]
    print("| id | drawn → GSHHG median / p90 / max km | GSHHG → drawn median / p90 / max km |")
    print("| --- | --- | --- |")
    for feature in water["features"]:
        geometry = feature["geometry"]
        rings = [geometry["coordinates"][0]] if geometry["type"] == "Polygon" else \
            [p[0] for p in geometry["coordinates"]]
        drawn = np.concatenate([densify_km(np.array(r)) for r in rings])
        # The GSHHG lake this outline stands for: the whole shoreline nearest to it.
        shore = min(shores, key=lambda sh: float(np.median(nearest(drawn[::10], sh))))
        there = nearest(drawn, shore)
        back = nearest(shore, drawn)
        f = lambda d: f"{np.median(d):.0f} / {np.percentile(d, 90):.0f} / {d.max():.0f}"  # noqa: E731
        print(f"| {feature['properties']['id']} | {f(there)} | {f(back)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
