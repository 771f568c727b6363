"""The public datasets the map is drawn on, read through the package registries.

- GSHHG 2.3 full resolution (LGPL-3), through Debian's `gmt` and `gmt-gshhg-full`: shorelines of
  seas and lakes (level 2: the Caspian, the Aral and every lake are lakes inside Eurasia) and the
  WDBII rivers (classes 0-6; 8-10 are canals, all built after 1920 here).
- Natural Earth 1:10m admin-0 countries (public domain), through npm `world-atlas` 2.0.2 (fetched
  with `npm pack` and checked against its SHA-256, as scripts/author_base.py does): the
  frontier of Kazakhstan and Kyrgyzstan with China.

Everything works in the atlas's own projection (`ALBERS`, kilometres), where "0.5 km" means the same
thing everywhere on the map. Nothing here writes under maps/.
"""

from __future__ import annotations

import heapq
import json
import math
import os
import subprocess
import tarfile
import tempfile
from pathlib import Path

import numpy as np
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import linemerge, polygonize, unary_union

from author_base import ALBERS, WORLD_ATLAS, fetch

REGION = "30/100/30/62"  # lon/lon/lat/lat: the whole map and its surroundings
DOWNLOADS = Path(os.environ.get("STEPPE_DOWNLOADS", "/tmp/steppe-atlas-base"))


def km(lonlat) -> np.ndarray:
    a = np.asarray(lonlat, dtype=float)
    x, y = ALBERS.project(a[:, 0], a[:, 1])
    return np.column_stack([x, y])


def lonlat(xy) -> np.ndarray:
    a = np.asarray(xy, dtype=float)
    lon, lat = ALBERS.unproject(a[:, 0], a[:, 1])
    return np.column_stack([lon, lat])


def simplify_km(coords_km: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas-Peucker on a line in km; a closed line stays closed."""
    return np.asarray(LineString(coords_km).simplify(tolerance, preserve_topology=False).coords)


def _gmt_segments(args: list[str]) -> list[tuple[str, list[tuple[float, float]]]]:
    out = subprocess.run(["gmt", "coast", f"-R{REGION}", "-M", *args], check=True, capture_output=True,
                         text=True, cwd=tempfile.gettempdir()).stdout
    segments, current, header = [], [], ""
    for line in out.splitlines():
        if line.startswith(">"):
            if len(current) > 1:
                segments.append((header, current))
            current, header = [], line
        elif line.strip():
            parts = line.split()
            current.append((float(parts[0]), float(parts[1])))
    if len(current) > 1:
        segments.append((header, current))
    return segments


def gshhg_lakes(min_km2: float = 50.0) -> list[Polygon]:
    """Every level-2 shoreline (seas and lakes inside the land) in the region, as lon/lat polygons,
    largest first. GMT hands them out cut at its storage bins; they are stitched back here."""
    segments = _gmt_segments(["-Df", "-W2/0.1p", "-A0/2/2"])
    lines = [LineString(coords) for header, coords in segments if header.rstrip().endswith("Level 2")]
    polygons = list(polygonize(linemerge(unary_union(lines))))
    sized = [(abs(area_km2(p)), p) for p in polygons]
    return [p for a, p in sorted(sized, key=lambda t: -t[0]) if a >= min_km2]


def area_km2(poly: Polygon) -> float:
    return Polygon(km(np.asarray(poly.exterior.coords))).area


def gshhg_river_segments(classes: set[int]) -> list[tuple[int, np.ndarray]]:
    """WDBII river segments (lon/lat) of the given classes: (class, coordinates)."""
    out = []
    for header, coords in _gmt_segments(["-Df", "-Ia"]):
        level = int(header.split("Level")[-1])
        if level in classes:
            out.append((level, np.asarray(coords)))
    return out


def natural_earth_china_line() -> np.ndarray:
    """The frontier of Kazakhstan and Kyrgyzstan with China, from the Russian tripoint in the Altai
    to the Tajik tripoint in the Pamirs (lon/lat), from Natural Earth 1:10m."""
    tgz = fetch(DOWNLOADS, WORLD_ATLAS)  # npm pack, checked against its SHA-256
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/countries-10m.json")
        if member is None:
            raise SystemExit(f"{tgz}: no countries-10m.json")
        topo = json.loads(member.read().decode("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    by_name = {g.get("properties", {}).get("name"): g for g in topo["objects"]["countries"]["geometries"]}

    def arc_ids(geometry) -> set[int]:
        found: set[int] = set()

        def walk(a):
            if isinstance(a, int):
                found.add(a if a >= 0 else ~a)
            else:
                for b in a:
                    walk(b)
        walk(geometry.get("arcs", []))
        return found

    china = arc_ids(by_name["China"])
    pieces = [LineString(arcs[i]) for name in ("Kazakhstan", "Kyrgyzstan") for i in arc_ids(by_name[name]) & china]
    merged = linemerge(pieces)
    if merged.geom_type != "LineString":
        raise SystemExit("Natural Earth: the China line is not one piece")
    coords = np.asarray(merged.coords)
    if coords[0][1] < coords[-1][1]:  # north (Altai) first
        coords = coords[::-1]
    return coords


class RiverGraph:
    """The WDBII river network as a graph on its vertices, for finding a named river's course
    between points on it. Gaps (at reservoirs, at GMT's bin edges, where a river runs dry) are
    bridged by straight jumps of up to `bridge_km`, at three times their length, and reported."""

    def __init__(self, segments: list[tuple[int, np.ndarray]], bridge_km: float = 25.0):
        self.xy: list[tuple[float, float]] = []
        self.cls: list[int] = []
        self.index: dict[tuple[int, int], int] = {}
        self.adj: list[dict[int, float]] = []
        for level, coords in segments:
            pts = km(coords)
            ids = [self._node(p, level) for p in pts]
            for a, b in zip(ids, ids[1:]):
                if a != b:
                    d = math.dist(self.xy[a], self.xy[b])
                    self.adj[a][b] = d
                    self.adj[b][a] = d
        self.bridges: set[tuple[int, int]] = set()
        ends = [i for i, n in enumerate(self.adj) if len(n) == 1]
        grid: dict[tuple[int, int], list[int]] = {}
        cell = bridge_km
        for i, (x, y) in enumerate(self.xy):
            grid.setdefault((int(x // cell), int(y // cell)), []).append(i)
        for e in ends:
            x, y = self.xy[e]
            cx, cy = int(x // cell), int(y // cell)
            for gx in (cx - 1, cx, cx + 1):
                for gy in (cy - 1, cy, cy + 1):
                    for j in grid.get((gx, gy), []):
                        if j == e or j in self.adj[e]:
                            continue
                        d = math.dist(self.xy[e], self.xy[j])
                        if d <= bridge_km and (len(self.adj[j]) == 1 or d < 3.0):
                            w = 3.0 * d + 1.0
                            if w < self.adj[e].get(j, math.inf):
                                self.adj[e][j] = w
                                self.adj[j][e] = w
                                self.bridges.add((min(e, j), max(e, j)))

    def add_line(self, coords_lonlat: np.ndarray, level: int, join_km: float = 30.0) -> None:
        """Adds a line that the data lacks (a river under a later reservoir), joined at both ends to
        the nearest vertex of the network within `join_km`."""
        pts = km(coords_lonlat)
        ids = [self._node(p, level) for p in pts]
        for a, b in zip(ids, ids[1:]):
            if a != b:
                self.adj[a][b] = self.adj[b][a] = math.dist(self.xy[a], self.xy[b])
        members = set(ids)
        for end in (ids[0], ids[-1]):
            x, y = self.xy[end]
            best = min((i for i in range(len(self.xy)) if i not in members),
                       key=lambda i: (self.xy[i][0] - x) ** 2 + (self.xy[i][1] - y) ** 2)
            d = math.dist(self.xy[best], (x, y))
            if d <= join_km:
                self.adj[end][best] = self.adj[best][end] = d

    def _node(self, p, level: int) -> int:
        key = (round(p[0] * 100), round(p[1] * 100))  # 10 m
        i = self.index.get(key)
        if i is None:
            i = len(self.xy)
            self.index[key] = i
            self.xy.append((float(p[0]), float(p[1])))
            self.cls.append(level)
            self.adj.append({})
        else:
            self.cls[i] = min(self.cls[i], level)
        return i

    def nearest(self, lon: float, lat: float, max_class: int = 6) -> int:
        (x, y), = km([(lon, lat)])
        best, best_d = -1, math.inf
        for i, (px, py) in enumerate(self.xy):
            if self.cls[i] <= max_class:
                d = (px - x) ** 2 + (py - y) ** 2
                if d < best_d:
                    best, best_d = i, d
        return best

    def path(self, a: int, b: int, max_class: int = 6) -> list[int]:
        """The shortest way from a to b; vertices of lesser classes cost four times their length."""
        def weight(u: int, v: int, w: float) -> float:
            return w * 4.0 if self.cls[v] > max_class else w
        return shortest_path(self.adj, a, b, weight)

    def course(self, waypoints: list[tuple[float, float]], max_class: int = 6) -> tuple[np.ndarray, float, list[str]]:
        """The course through the waypoints (km coordinates), the length of bridged jumps on it, and
        the legs the network could not join, drawn straight between their waypoints instead."""
        nodes = [self.nearest(lon, lat, max_class) for lon, lat in waypoints]
        ids: list[int | tuple[float, float]] = []
        straight: list[str] = []
        for k, (a, b) in enumerate(zip(nodes, nodes[1:])):
            try:
                p: list = self.path(a, b, max_class)
            except ValueError:
                p = [a, b]
                straight.append(f"leg {k + 1} ({math.dist(self.xy[a], self.xy[b]):.0f} km)")
            ids += p if not ids else p[1:]
        bridged = sum(math.dist(self.xy[u], self.xy[v]) for u, v in zip(ids, ids[1:])
                      if (min(u, v), max(u, v)) in self.bridges)
        return np.asarray([self.xy[i] for i in ids]), bridged, straight


def shortest_path(adj: list[dict[int, float]], a: int, b: int, weight=None) -> list[int]:
    """Dijkstra's shortest path from a to b over an adjacency list of edge lengths; `weight(u, v, w)`
    may change what an edge costs. Raises ValueError when b cannot be reached."""
    dist = {a: 0.0}
    prev: dict[int, int] = {}
    heap = [(0.0, a)]
    while heap:
        d, u = heapq.heappop(heap)
        if u == b:
            break
        if d > dist[u]:
            continue
        for v, w in adj[u].items():
            nd = d + (weight(u, v, w) if weight else w)
            if nd < dist.get(v, math.inf):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    if b not in dist:
        raise ValueError("no path")
    out = [b]
    while out[-1] != a:
        out.append(prev[out[-1]])
    return out[::-1]


def nearest_distance_km(points_km: np.ndarray, line) -> np.ndarray:
    """Distance (km) from each point to a shapely geometry in km."""
    return np.asarray([line.distance(Point(p)) for p in points_km])


def densify_km(coords_km: np.ndarray, step: float = 0.5) -> np.ndarray:
    out = [coords_km[:1]]
    for a, b in zip(coords_km, coords_km[1:]):
        n = max(1, int(math.ceil(math.dist(a, b) / step)))
        t = (np.arange(1, n + 1) / n)[:, None]
        out.append(a + (b - a) * t)
    return np.concatenate(out)


def centerline(polygon_lonlat: Polygon, start: tuple[float, float], end: tuple[float, float],
               step_km: float = 1.0) -> np.ndarray:
    """The middle line of a long water body (a reservoir, in the atlas: the river it drowned) from
    `start` to `end`, in lon/lat: the shortest way along the edges of the Voronoi diagram of its
    shore that stay inside it (its medial axis)."""
    from shapely import voronoi_polygons
    from shapely.geometry import MultiPoint

    poly = Polygon(km(np.asarray(polygon_lonlat.exterior.coords))).buffer(0)
    shore = densify_km(np.asarray(poly.exterior.coords), step_km)
    cells = voronoi_polygons(MultiPoint([tuple(p) for p in shore]), only_edges=True)
    index: dict[tuple[int, int], int] = {}
    xy: list[tuple[float, float]] = []
    adj: list[dict[int, float]] = []

    def node(p) -> int:
        key = (round(p[0] * 1000), round(p[1] * 1000))
        if key not in index:
            index[key] = len(xy)
            xy.append((float(p[0]), float(p[1])))
            adj.append({})
        return index[key]

    inside = poly.buffer(-0.05)
    for edge in getattr(cells, "geoms", [cells]):
        if not inside.contains(edge):
            continue
        c = list(edge.coords)
        for a, b in zip(c, c[1:]):
            i, j = node(a), node(b)
            d = math.dist(a, b)
            adj[i][j] = adj[j][i] = d
    (sx, sy), (ex, ey) = km([start])[0], km([end])[0]
    a = min(range(len(xy)), key=lambda i: (xy[i][0] - sx) ** 2 + (xy[i][1] - sy) ** 2)
    b = min(range(len(xy)), key=lambda i: (xy[i][0] - ex) ** 2 + (xy[i][1] - ey) ** 2)
    path = shortest_path(adj, a, b)
    # the medial axis only: the given ends are rough, and joining them would draw a spike
    line = np.asarray([xy[i] for i in path])
    return lonlat(simplify_km(line, 0.5))
