#!/usr/bin/env python3
"""Export speed: `steppe-atlas render` against geopandas + matplotlib, timed in one run.

Both draw the atlas on one date as a 1920x1080 PNG from the same GeoJSON (maps/areas.geojson,
water, rivers, context) in the same colours and the same Albers projection: the neighbours in
their neutral tone, every oblast and uezd filled by who held it (alpha 170/255, low confidence
washed out towards the unknown grey, a second side hatched), free zones hatched with a dashed
edge, water, rivers, uezd and oblast borders. The colours per place come from
`steppe-atlas query --json` (the same resolution the map uses), so both maps agree.

steppe-atlas draws more on its page (relief shading, names, cities, title, legend, scale bar,
north arrow, attribution): the comparison favours geopandas.

Three numbers per side, each the median of --runs:
  ours, process     `steppe-atlas render --date D --size 1920x1080 --out F.png`, wall time of the
                    whole process (start, load and check the embedded data, lay out, rasterise,
                    encode, write);
  geopandas, draw   read the four GeoJSON files, reproject, plot, save the PNG, in a warm Python
                    (imports done), as a notebook user would time it;
  geopandas, process  the same drawing as a fresh `python3` process (imports included).

Usage (from the repository root, after `cargo build --release`):

    pip install -r benches/requirements.txt
    python3 benches/export_vs_geopandas.py [--date 1918-07-01] [--runs 5] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"

# crates/map/src/style.rs, crates/core/src/model/force.rs (Side::rgb) and crates/map/src/layers.rs.
SIDE_RGB = {
    "soviet": (0xD6, 0x3A, 0x2F),
    "white": (0x4A, 0x78, 0xC2),
    "alash": (0x1F, 0x9E, 0x89),
    "partisan": (0xE8, 0xA0, 0x20),
    "provisional": (0x9B, 0x8A, 0xC4),
    "kokand": (0x5A, 0x48, 0x2E),
}
UNKNOWN = (0xC9, 0xC4, 0xB8)
BACKGROUND = (0xEE, 0xEA, 0xDF)
WATER = (0xA9, 0xCC, 0xE3)
WATER_EDGE = (0x6F, 0x9F, 0xC2)
BORDER = (0x3A, 0x34, 0x2C)
ZONE_BORDER = (0x7A, 0x4A, 0x00)
CONTEXT_FILL = (0xE3, 0xDF, 0xD3)
CONTEXT_EDGE = (0xB8, 0xB2, 0xA4)
AREA_FILL_ALPHA = 170 / 255
ZONE_FILL_ALPHA = 90 / 255

# Albers equal-area conic of crates/core/src/geometry/projection.rs: parallels 42 and 54 N, origin 48 N, 67 E.
ALBERS = "+proj=aea +lat_1=42 +lat_2=54 +lat_0=48 +lon_0=67 +R=6371007.2 +units=m +no_defs"

# A 1080-pixel-high image is laid out at one egui point per pixel; matplotlib counts widths in
# points of 1/72 inch, so at 100 dpi a pixel is 0.72 of its points.
DPI = 100
PX = 72 / DPI


def rgb(colour: tuple[int, int, int]) -> tuple[float, float, float]:
    return tuple(c / 255 for c in colour)


def faded(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """ControlPaint::faded: halfway (0.55) to the unknown grey."""
    return tuple(round(c + (u - c) * 0.55) for c, u in zip(colour, UNKNOWN))


def paints(binary: Path, date: str) -> dict[str, tuple[tuple[int, int, int], tuple[int, int, int] | None]]:
    """Fill and hatch colour of every place on `date`, from `steppe-atlas query --json`."""
    out = subprocess.run([str(binary), "query", "--date", date, "--json"], check=True, capture_output=True, text=True)
    result = {}
    for place in json.loads(out.stdout)["places"]:
        holders = sorted(place["control"], key=lambda c: c["role"] != "military")
        sides = []
        for holder in holders:
            if holder["side"] not in sides:
                sides.append(holder["side"])
        fill = SIDE_RGB[sides[0]] if sides else UNKNOWN
        hatch = SIDE_RGB[sides[1]] if len(sides) > 1 else None
        if holders and holders[0]["confidence"] == "low":
            fill, hatch = faded(fill), (faded(hatch) if hatch else None)
        result[place["id"]] = (fill, hatch)
    return result


def place_kinds() -> dict[str, str]:
    return {place["id"]: place["kind"] for place in tomllib.loads((MAPS / "places.toml").read_text())["place"]}


def zones_shown(date: str) -> set[str]:
    """A free zone exists only while it has a period of its own (DatePaint::compute)."""
    shown = set()
    for period in tomllib.loads((MAPS / "control.toml").read_text())["period"]:
        start, end = str(period["start"]), str(period.get("end", "1920-12-31"))
        if start <= date <= end:
            shown.add(period["place"])
    return shown


def draw(paint, kinds, zones, out: Path) -> dict[str, float]:
    """Reads, reprojects, plots and saves; returns the time of each phase in seconds."""
    import geopandas as gpd
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    times = {}
    started = time.perf_counter()
    frames = {name: gpd.read_file(MAPS / f"{name}.geojson") for name in ("areas", "water", "rivers", "context")}
    times["read"] = time.perf_counter() - started

    started = time.perf_counter()
    frames = {name: frame.to_crs(ALBERS) for name, frame in frames.items()}
    times["reproject"] = time.perf_counter() - started

    started = time.perf_counter()
    areas = frames["areas"]
    areas["kind"] = areas["id"].map(kinds)
    fig = plt.figure(figsize=(1920 / DPI, 1080 / DPI), dpi=DPI, facecolor=rgb(BACKGROUND))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_facecolor(rgb(BACKGROUND))
    ax.set_axis_off()
    frames["context"].plot(ax=ax, color=rgb(CONTEXT_FILL), edgecolor=rgb(CONTEXT_EDGE), linewidth=0.7 * PX)
    for kind in ("oblast", "uezd"):
        part = areas[areas["kind"] == kind]
        fills = [(*rgb(paint.get(i, (UNKNOWN, None))[0]), AREA_FILL_ALPHA) for i in part["id"]]
        part.plot(ax=ax, color=fills, linewidth=0)
        hatched = part[[paint.get(i, (UNKNOWN, None))[1] is not None for i in part["id"]]]
        for _, row in hatched.iterrows():
            gpd.GeoSeries([row.geometry]).plot(
                ax=ax, facecolor="none", edgecolor=rgb(paint[row["id"]][1]), hatch="///", linewidth=0
            )
    frames["water"].plot(ax=ax, color=rgb(WATER), edgecolor=rgb(WATER_EDGE), linewidth=0.8 * PX)
    for kind, width in (("uezd", 0.6), ("oblast", 1.4)):
        areas[areas["kind"] == kind].boundary.plot(ax=ax, color=rgb(BORDER), linewidth=width * PX)
    zone_rows = areas[(areas["kind"] == "zone") & areas["id"].isin(zones)]
    for _, row in zone_rows.iterrows():
        fill, hatch = paint.get(row["id"], (UNKNOWN, None))
        series = gpd.GeoSeries([row.geometry])
        series.plot(ax=ax, color=(*rgb(fill), ZONE_FILL_ALPHA), linewidth=0)
        series.plot(ax=ax, facecolor="none", edgecolor=rgb(hatch or fill), hatch="///", linewidth=0)
        series.boundary.plot(ax=ax, color=rgb(ZONE_BORDER), linewidth=1.5 * PX, linestyle=(0, (6, 4)))
    frames["rivers"].plot(ax=ax, color=rgb(WATER_EDGE), linewidth=1.2 * PX)
    # The view of the whole atlas: the oblasts' extent, centred, as MapView::fit does.
    oblasts = areas[areas["kind"] == "oblast"]
    x0, y0, x1, y1 = oblasts.total_bounds
    scale = max((x1 - x0) / 1920, (y1 - y0) / 1080) * 1.05
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    ax.set_xlim(cx - 960 * scale, cx + 960 * scale)
    ax.set_ylim(cy - 540 * scale, cy + 540 * scale)
    ax.set_aspect("equal")
    times["plot"] = time.perf_counter() - started

    started = time.perf_counter()
    fig.savefig(out, dpi=DPI, facecolor=fig.get_facecolor())
    plt.close(fig)
    times["save"] = time.perf_counter() - started
    return times


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--date", default="1918-07-01")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "steppe-atlas")
    parser.add_argument("--out-dir", type=Path, default=None, help="keep the PNGs here (a temporary folder if absent)")
    parser.add_argument("--draw-once", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if not args.binary.exists():
        print(f"{args.binary} is missing: run `cargo build --release` first", file=sys.stderr)
        return 2
    paint = paints(args.binary, args.date)
    kinds = place_kinds()
    zones = zones_shown(args.date)

    if args.draw_once:  # the child of "geopandas, process"
        draw(paint, kinds, zones, args.draw_once)
        return 0

    with tempfile.TemporaryDirectory() as temporary:
        out_dir = args.out_dir or Path(temporary)
        out_dir.mkdir(parents=True, exist_ok=True)

        ours = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [str(args.binary), "render", "--date", args.date, "--size", "1920x1080", "--lang", "en",
                 "--out", str(out_dir / "steppe-atlas.png")],
                check=True, capture_output=True,
            )
            ours.append(time.perf_counter() - started)

        started = time.perf_counter()
        import geopandas  # noqa: F401  (the first import, timed apart)
        import matplotlib.pyplot  # noqa: F401
        import_seconds = time.perf_counter() - started
        draw(paint, kinds, zones, out_dir / "geopandas-warmup.png")  # fills caches, fonts
        warm, phases = [], []
        for _ in range(args.runs):
            started = time.perf_counter()
            phases.append(draw(paint, kinds, zones, out_dir / "geopandas.png"))
            warm.append(time.perf_counter() - started)

        cold = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, __file__, "--date", args.date, "--binary", str(args.binary),
                 "--draw-once", str(out_dir / "geopandas-process.png")],
                check=True, capture_output=True,
            )
            cold.append(time.perf_counter() - started)

    ours_ms, warm_ms, cold_ms = median_ms(ours), median_ms(warm), median_ms(cold)
    print(f"date {args.date}, 1920x1080 PNG, median of {args.runs} runs")
    print(f"steppe-atlas render, whole process       {ours_ms:8.1f} ms")
    print(f"geopandas+matplotlib, draw in warm Python {warm_ms:8.1f} ms  "
          + ", ".join(f"{k} {median_ms([p[k] for p in phases]):.0f}" for k in phases[0]))
    print(f"geopandas+matplotlib, whole process       {cold_ms:8.1f} ms  (first import alone {import_seconds * 1000:.0f} ms)")
    print(f"ratio, warm geopandas / our process       {warm_ms / ours_ms:8.1f}x")
    print(f"ratio, process / process                  {cold_ms / ours_ms:8.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
