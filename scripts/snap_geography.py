#!/usr/bin/env python3
"""Draw the 1917 map on the real coasts, lakes, rivers and frontier: writes maps/areas.geojson,
maps/water.geojson, maps/rivers.geojson and maps/context.geojson.

    python3 scripts/snap_geography.py          (see scripts/regenerate_maps.sh for the setup)

The topology of the 1917 units is authored in scripts/author_areas.py: named nodes, the oblast rings
and the uezd cuts, so neighbours share their borders node for node. This script keeps that topology
and replaces the geometry of every border that followed a real feature:

1. each feature (the Caspian, Aral and Balkhash shores, the frontier with China, the Irtysh, Chu,
   Syr Darya and Amu Darya) is read from public data (scripts/geodata.py) and simplified to
   SIMPLIFY_KM in the atlas projection;
2. every node on a feature (listed in CHAINS) is moved onto it;
3. every edge between two nodes of a chain becomes that stretch of the feature, computed once, so
   the two units on either side (and the sea or lake outline) use exactly the same coordinates;
4. the seas and lakes are the data's own outlines with the shore nodes inserted; the neighbours of
   1917 are cut against the units and fill every gap up to them.

Land borders that follow no feature stay as the nodes of author_areas.py draw them (see
maps/SOURCES.md for their sources). The script checks validity, overlaps, holes and containment
and exits 1 when a check fails.
"""

from __future__ import annotations

import json
import math
import sys
import tomllib
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.ops import substring, unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent))
import author_areas as A  # noqa: E402  (the topology: nodes, oblast rings, uezd faces, zones)
import author_context as C  # noqa: E402  (the neighbours' rough outlines)
import geodata as G  # noqa: E402
import water_1917 as W  # noqa: E402  (what no dataset has: the Caspian of the 1910s, Zaisan before 1960)

MAPS = Path(__file__).resolve().parent.parent / "maps"
SIMPLIFY_KM = 0.5
STREAM_SIMPLIFY_KM = 1.0  # the unnamed streams of rivers.geojson
DIGITS = 5  # about 1 m

# A point inside each water body, to pick it out of GSHHG, and its names.
LAKES: list[tuple[str, tuple[float, float], tuple[str, str, str]]] = [
    ("caspian_sea", (50.5, 42.0), ("Каспий теңізі", "Каспийское море", "Caspian Sea")),
    ("aral_sea", (60.0, 45.0), ("Арал теңізі", "Аральское море", "Aral Sea")),
    ("lake_balkhash", (74.5, 46.3), ("Балқаш көлі", "озеро Балхаш", "Lake Balkhash")),
    ("lake_issyk_kul", (77.3, 42.45), ("Ыстықкөл", "озеро Иссык-Куль", "Lake Issyk-Kul")),
    ("lake_alakol", (81.7, 46.1), ("Алакөл", "озеро Алаколь", "Lake Alakol")),
    ("lake_sasykkol", (81.0, 46.58), ("Сасықкөл", "озеро Сасыкколь", "Lake Sasykkol")),
    ("lake_tengiz", (68.9, 50.44), ("Теңіз көлі", "озеро Тенгиз", "Lake Tengiz")),
    ("lake_chany", (76.98, 54.83), ("Шаны көлі", "озеро Чаны", "Lake Chany")),
    ("lake_kulunda", (79.60, 52.98), ("Құлынды көлі", "Кулундинское озеро", "Lake Kulunda")),
    ("lake_seletyteniz", (73.29, 53.23), ("Сілетітеңіз", "озеро Селетытениз", "Lake Seletyteniz")),
    ("lake_ebi_nur", (82.93, 44.87), ("Эби-Нур", "озеро Эби-Нур", "Lake Ebi Nur")),
    ("lake_ulungur", (87.23, 47.23), ("Ұлұңғыр көлі", "озеро Улюнгур", "Lake Ulungur")),
    ("lake_bosten", (87.07, 41.98), ("Бағрашкөл", "озеро Баграшкуль", "Lake Bosten")),
    ("lake_urmia", (45.51, 37.69), ("Урмия көлі", "озеро Урмия", "Lake Urmia")),
    ("lake_sevan", (45.36, 40.38), ("Севан көлі", "озеро Гокча (Севан)", "Lake Sevan")),
]
# GSHHG lakes of the region that did not exist in 1917: reservoirs and lakes filled by drainage.
NOT_IN_1917 = [
    ((48.64, 54.56), "Kuybyshev reservoir (1955-57)"), ((48.50, 52.80), "Saratov reservoir (1967-68)"), ((45.77, 50.21), "Volgograd reservoir (1958-61)"),
    ((77.63, 43.84), "Kapchagay reservoir on the Ili (1970)"), ((68.16, 41.13), "Chardara reservoir (1965)"),
    ((46.61, 40.91), "Mingachevir reservoir (1953)"), ((83.44, 48.73), "Zaisan with the Bukhtarma reservoir (1960): drawn from water_1917.py"),
]

# Nodes of author_areas.py that lie on a feature. The order within a list does not matter: nodes are
# sorted along the feature. A node on two features keeps the place the first gives it.
CHAINS: list[tuple[str, list[str]]] = [
    ("caspian_sea", ["c_kigach", "c_bk1", "c_bk2", "c_bk_ur", "c_ural_w", "c_ural_e", "c_emba", "c_prorva",
                     "c_kultuk", "c_kultuk_w", "c_buz_n", "c_buz_nw", "c_buz_sw", "c_mang_bay", "c_tyub_n",
                     "c_tyub_cape", "c_tyub_s", "c_sagyndyk", "c_aktau", "c_mang_s1", "c_kenderli", "c_mang_end"]),
    ("aral_sea", ["ar_nw", "ar_n1", "ar_n2", "ar_n3", "ar_n4", "ar_ts", "ar_e1", "ar_e2", "ar_e3", "ar_e4", "ar_e5",
                  "ar_e6", "amu_mouth", "ar_w1", "ar_w1b", "ar_w2", "ar_w3"]),
    ("lake_balkhash", ["bal_w", "bal_n1", "bal_n2", "bal_n3", "bal_as", "bal_n4", "bal_n5", "bal_n6", "bal_n7", "bal_e"]),
    ("china", ["sc_n", "sc_5", "sc_4", "sc_3", "sc_2", "sc_1", "ss_c", "ch_14", "ch_13", "ch_12", "ch_11", "ch_10",
               "ch_9", "ch_8", "ch_7", "ch_6", "ch_5", "ch_4", "ch_3", "ch_2", "ch_1", "sf_c"]),
    ("irtysh", ["irt_a", "irt_b", "irt_c", "irt_d"]),
    ("chu", ["chu_end", "chu_1", "chu_2", "chu_3", "chu_4", "chu_tri", "chu_5"]),
    ("syr_darya", ["syr_1", "syr_2", "syr_3", "syr_4"]),
    ("amu_darya", ["amu_mouth", "amu_1", "amu_2", "amu_3", "amu_4", "amu_5", "amu_6", "amu_7", "amu_8"]),
]
LAKE_IDS = {wid for wid, _, _ in LAKES}
FEATURE_KIND = {fid: "china" if fid == "china" else "coast" if fid in LAKE_IDS else "river" for fid, _ in CHAINS}

# Nodes placed at a feature's end rather than at the nearest point: the tips of Balkhash, where the
# border leaves the shore, so that the whole lake stays in Semirechye.
PIN_TO_EXTREME = {"bal_w": ("lake_balkhash", "west"), "bal_e": ("lake_balkhash", "east")}
# Nodes placed where a river reaches the shore (filled in when the rivers are read).
MOUTHS: dict[str, tuple[float, float]] = {}

# Named rivers: id, names, the points they pass (source to mouth; towns on the river, confluences),
# the WDBII classes their course is searched in, and stretches no data has, drawn by hand
# (inserted as they are, in order, between the waypoints named by index).
RIVERS: list[dict] = [
    dict(id="ural", names=("Жайық", "Урал", "Ural"), classes=3,
         via=[(59.42, 54.15), (58.98, 53.41), (58.57, 51.22), (55.10, 51.77), (51.37, 51.23), (51.17, 50.20),
              (51.87, 49.03), (51.92, 47.11), (51.75, 46.90)]),
    dict(id="volga", names=("Еділ", "Волга", "Volga"), classes=2,
         via=[(49.10, 55.78), (50.10, 53.20), (46.03, 51.53), (44.52, 48.71), (48.03, 46.35), (48.40, 46.00)]),
    dict(id="irtysh", names=("Ертіс", "Иртыш", "Irtysh"), classes=2,
         via=[(83.49, 48.25), (82.61, 49.95), (80.23, 50.41), (76.95, 52.29), (75.45, 53.33), (73.37, 54.99),
              (74.38, 56.90), (68.25, 58.20), (69.05, 61.00)]),
    dict(id="black_irtysh", names=("Қара Ертіс", "Чёрный Иртыш", "Black Irtysh"), classes=3,
         via=[(87.90, 47.75), (86.87, 47.70), (84.30, 47.90)]),
    dict(id="ishim", names=("Есіл", "Ишим", "Ishim"), classes=3,
         via=[(71.43, 51.17), (68.36, 51.81), (69.15, 54.87), (69.48, 56.11), (71.17, 57.70)]),
    dict(id="tobol", names=("Тобыл", "Тобол", "Tobol"), classes=3,
         via=[(63.62, 53.21), (65.34, 55.45), (68.25, 58.20)]),
    dict(id="syr_darya", names=("Сырдария", "Сыр-Дарья", "Syr Darya"), classes=2,
         via=[(69.20, 40.22), (68.77, 40.93), (67.97, 41.25), (65.51, 44.85), (62.11, 45.76), (61.10, 46.10)]),
    dict(id="amu_darya", names=("Әмудария", "Аму-Дарья", "Amu Darya"), classes=4,
         via=[(62.60, 40.00), (61.00, 41.55), (59.60, 42.46), (59.45, 43.50), (59.48, 43.84)]),
    dict(id="chu", names=("Шу", "Чу", "Chu"), classes=6,
         via=[(75.30, 42.84), (73.76, 43.60), (72.90, 44.30), (70.60, 45.00), (68.70, 45.15)]),
    dict(id="ili", names=("Іле", "Или", "Ili"), classes=2,
         via=[(81.32, 43.92), (78.30, 43.95), (77.10, 43.85), (74.10, 45.35)]),
    dict(id="talas", names=("Талас", "Талас", "Talas"), classes=6,
         via=[(72.24, 42.52), (71.37, 42.90), (70.30, 44.00)]),
    dict(id="naryn", names=("Нарын", "Нарын", "Naryn"), classes=3,
         via=[(75.99, 41.43), (73.50, 41.60), (71.90, 40.95)]),
    dict(id="turgai", names=("Торғай", "Тургай", "Turgai"), classes=6,
         via=[(63.50, 49.63), (62.40, 48.60)]),
    dict(id="nura", names=("Нұра", "Нура", "Nura"), classes=6,
         via=[(72.95, 50.06), (71.43, 50.70), (69.50, 50.40)]),
    dict(id="ilek", names=("Елек", "Илек", "Ilek"), classes=6,
         via=[(57.17, 50.28), (55.00, 51.20)]),
    dict(id="ayaguz", names=("Аягөз", "Аягуз", "Ayaguz"), classes=6,
         via=[(80.43, 47.96), (79.30, 46.75)]),
    dict(id="sarysu", names=("Сарысу", "Сарысу", "Sarysu"), classes=6,
         via=[(70.50, 48.60), (68.50, 47.20), (66.80, 45.40)]),
]
# Reservoirs that drowned a river after 1920: the river is restored along the reservoir's middle
# line (a point inside it, where the river enters, where it leaves).
DROWNED = [
    ((83.44, 48.73), (83.49, 48.25), (83.30, 49.62), "the Irtysh under the Bukhtarma reservoir"),
    ((45.77, 50.21), (46.95, 51.85), (44.68, 48.80), "the Volga under the Volgograd reservoir"),
    ((48.64, 54.56), (49.10, 55.70), (49.45, 53.45), "the Volga under the Kuybyshev reservoir"),
    ((48.50, 52.80), (48.55, 52.85), (47.80, 52.05), "the Volga under the Saratov reservoir"),
    ((59.00, 51.90), (59.00, 52.21), (58.85, 51.69), "the Ural under the Iriklinskoye reservoir"),
    ((77.63, 43.84), (78.30, 43.95), (77.07, 43.88), "the Ili under the Kapchagay reservoir"),
    ((68.16, 41.13), (68.50, 40.93), (67.97, 41.25), "the Syr Darya under the Chardara reservoir"),
]
# Rivers no dataset here has: drawn by hand (maps/SOURCES.md), source to mouth.
HAND_RIVERS: list[dict] = [
    dict(id="emba", names=("Жем", "Эмба", "Emba"),
         course=[(58.60, 49.25), (58.13, 48.83), (57.40, 48.45), (56.70, 48.20), (56.00, 47.75), (55.20, 47.35),
                 (54.40, 47.05), (53.90, 46.85), (53.45, 46.70), (53.20, 46.62)]),
]


def r(x: float) -> float:
    return round(float(x), DIGITS)


class Feature:
    """A line or closed ring in km, simplified once; positions along it are arc lengths."""

    def __init__(self, fid: str, coords_lonlat: np.ndarray, closed: bool):
        self.id = fid
        self.closed = closed
        xy = G.km(coords_lonlat)
        if closed and not np.allclose(xy[0], xy[-1]):
            xy = np.vstack([xy, xy[:1]])
        self.line = LineString(G.simplify_km(xy, SIMPLIFY_KM))
        self.length = self.line.length

    def position(self, lonlat: tuple[float, float]) -> float:
        (p,) = G.km([lonlat])
        return self.line.project(Point(p))

    def point(self, s: float) -> tuple[float, float]:
        q = self.line.interpolate(s)
        (ll,) = G.lonlat([(q.x, q.y)])
        return r(ll[0]), r(ll[1])

    def between(self, s0: float, s1: float) -> list[tuple[float, float]]:
        """The vertices strictly between positions s0 < s1 (wrapping through 0 on a ring when s1 < s0)."""
        if s1 >= s0:
            parts = [substring(self.line, s0, s1)]
        else:
            parts = [substring(self.line, s0, self.length), substring(self.line, 0.0, s1)]
        xy = []
        for part in parts:
            coords = list(part.coords) if part.geom_type == "LineString" else []
            xy += coords
        inner = [p for p in xy[1:-1]]
        # drop vertices within 50 m of an end: the ends are the nodes themselves
        (a,), (b,) = G.km([self.point(s0)]), G.km([self.point(s1)])
        inner = [p for p in inner if math.dist(p, a) > 0.05 and math.dist(p, b) > 0.05]
        out, last = [], None
        for p in inner:
            if last is None or math.dist(p, last) > 1e-6:
                out.append(p)
                last = p
        if not out:
            return []
        return [(r(lon), r(lat)) for lon, lat in G.lonlat(out)]


def extreme_position(feature: Feature, side: str) -> float:
    coords = np.asarray(feature.line.coords)
    i = int(np.argmin(coords[:, 0]) if side == "west" else np.argmax(coords[:, 0]))
    return feature.line.project(Point(coords[i]))


def lake_polygons() -> tuple[dict[str, np.ndarray], list[str]]:
    """Each water body's outline (lon/lat), and a report of what was left out."""
    polygons = G.gshhg_lakes(min_km2=50.0)
    found: dict[str, np.ndarray] = {}
    report = []
    for wid, (lon, lat), _ in LAKES:
        match = [p for p in polygons if p.contains(Point(lon, lat))]
        if not match:
            raise SystemExit(f"GSHHG has no lake at {lon}, {lat} ({wid})")
        found[wid] = np.asarray(match[0].exterior.coords)
    for (lon, lat), why in NOT_IN_1917:
        if any(p.contains(Point(lon, lat)) for p in polygons):
            report.append(f"left out: {why}")
    found["caspian_sea"] = W.caspian_1910s(found["caspian_sea"])
    return found, report, polygons


def river_courses(lakes_all: list[Polygon]) -> tuple[dict[str, np.ndarray], list[str], list]:
    segments = G.gshhg_river_segments({0, 1, 2, 3, 4, 5, 6})
    graph = G.RiverGraph(segments)
    report = []
    for inside, start, end, why in DROWNED:
        polygon = min(lakes_all, key=lambda p: p.distance(Point(inside)))
        line = G.centerline(polygon, start, end)
        graph.add_line(line, 1)
        segments.append((1, line))
        report.append(f"restored {why}: {len(line)} vertices along its middle line")
    courses: dict[str, np.ndarray] = {}
    for river in RIVERS:
        xy, bridged, straight = graph.course(river["via"], river["classes"])
        courses[river["id"]] = G.lonlat(xy)
        length = float(np.sum(np.hypot(*np.diff(xy, axis=0).T)))
        report.append(f"{river['id']}: {length:,.0f} km of course, {bridged:.0f} km bridged across gaps"
                      + (f"; straight, no data: {', '.join(straight)}" if straight else ""))
    for river in HAND_RIVERS:
        courses[river["id"]] = W.chaikin(river["course"])
        report.append(f"{river['id']}: drawn by hand, no dataset here has it")
    return courses, report, segments


def build_features() -> tuple[dict[str, Feature], dict[str, np.ndarray], dict[str, np.ndarray], list[str], list]:
    lakes, report, lakes_all = lake_polygons()
    courses, river_report, segments = river_courses(lakes_all)
    features = {wid: Feature(wid, coords, True) for wid, coords in lakes.items()}
    features["china"] = Feature("china", G.natural_earth_china_line(), False)
    for rid in ("irtysh", "chu", "syr_darya", "amu_darya"):
        features[rid] = Feature(rid, courses[rid], False)
    # The Amu Darya's border ends where the river reaches the Aral, not in the sea.
    aral = Polygon(G.km(lakes["aral_sea"]))
    amu = features["amu_darya"].line
    entry = amu.intersection(aral.exterior)
    points = [entry] if entry.geom_type == "Point" else list(getattr(entry, "geoms", []))
    if points:
        first = min(points, key=lambda p: amu.project(p))
        features["amu_darya"].line = substring(amu, 0.0, amu.project(first))
        features["amu_darya"].length = features["amu_darya"].line.length
        (mouth,) = G.lonlat([(first.x, first.y)])
        MOUTHS["amu_mouth"] = (float(mouth[0]), float(mouth[1]))
    return features, lakes, courses, report + river_report, segments


def junctions() -> dict[str, list[str]]:
    """The nodes of each chain where something leaves the feature: a land border or an uezd cut
    (and the two ends of a river). The other nodes of author_areas.py on a feature only sketched
    its shape; the data now draws it, so they are dropped."""
    rings = [ring for _, ring in A.UNITS] + [ring for _, ring in A.UEZD_RINGS]
    out = {}
    for fid, names in CHAINS:
        members = set(names)
        keep = set()
        for ring in rings:
            for a, b in zip(ring, ring[1:] + ring[:1]):
                if a in members and b not in members:
                    keep.add(a)
                if b in members and a not in members:
                    keep.add(b)
        out[fid] = [n for n in names if n in keep]
    return out


JUNCTIONS = junctions()
DROPPED = {n for _, names in CHAINS for n in names} - {n for names in JUNCTIONS.values() for n in names}


def unit_ring(ring: list[str]) -> list[str]:
    return [n for n in ring if n not in DROPPED]


def land_neighbours() -> dict[str, set[str]]:
    """Each node's neighbours along the borders on land."""
    out: dict[str, set[str]] = {}
    for _, ring in A.UNITS + A.UEZD_RINGS:
        ring = unit_ring(ring)
        for a, b in zip(ring, ring[1:] + ring[:1]):
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


LAND_NEIGHBOURS = land_neighbours()
# Uezd cuts that cross a lake to reach their node on the far shore (the Verny, Kopal, Lepsinsk and
# Pishpek uezds divided Balkhash): their first meeting with the shore is not where they end.
CUTS_ACROSS = {"lake_balkhash": {"z_vpi3", "z_vk1", "z_kl2"}}
CHAIN_OF = {fid: set(names) for fid, names in CHAINS}


def first_crossing(f: Feature, start: tuple[float, float], end: tuple[float, float]) -> float | None:
    """Where the straight land edge from `start` first meets the feature before reaching `end` on it
    (as a position along the feature), if it meets it more than 100 m before."""
    (a,), (b,) = G.km([start]), G.km([end])
    hit = LineString([a, b]).intersection(f.line)
    points = [hit] if hit.geom_type == "Point" else [g for g in getattr(hit, "geoms", []) if g.geom_type == "Point"]
    points = [p for p in points if p.distance(Point(b)) > 0.1]
    if not points:
        return None
    nearest = min(points, key=lambda p: p.distance(Point(a)))
    return f.line.project(nearest)


def snap(features: dict[str, Feature]) -> tuple[dict[str, tuple[float, float]], dict[tuple[str, str], list]]:
    """Moves the nodes onto their features and computes the geometry of every edge along one."""
    nodes = dict(A.NODES)
    placed: dict[str, str] = {}
    positions: dict[str, dict[str, float]] = {}
    for fid, names in JUNCTIONS.items():
        f = features[fid]
        positions[fid] = {}
        for n in names:
            if n in placed:
                positions[fid][n] = f.position(nodes[n])
                continue
            pin = PIN_TO_EXTREME.get(n)
            if pin and pin[0] == fid:
                s = extreme_position(f, pin[1])
            else:
                s = f.position(MOUTHS.get(n, nodes[n]))
            positions[fid][n] = s
            nodes[n] = f.point(s)
            placed[n] = fid
    for fid, names in JUNCTIONS.items():
        f = features[fid]
        for n in names:
            along = set().union(*(members for members in CHAIN_OF.values() if n in members))
            for other in LAND_NEIGHBOURS.get(n, set()) - along - CUTS_ACROSS.get(fid, set()):
                crossing = first_crossing(f, nodes[other], nodes[n])
                if crossing is not None and placed[n] == fid:
                    positions[fid][n] = crossing
                    nodes[n] = f.point(crossing)
    for fid, names in JUNCTIONS.items():
        for n in names:
            if placed[n] != fid:
                positions[fid][n] = features[fid].position(nodes[n])
    edges: dict[tuple[str, str], list] = {}
    for fid, names in JUNCTIONS.items():
        f = features[fid]
        order = sorted(names, key=lambda n: positions[fid][n])
        pairs = list(zip(order, order[1:]))
        if f.closed:
            pairs.append((order[-1], order[0]))
        for a, b in pairs:
            inner = f.between(positions[fid][a], positions[fid][b])
            edges[(a, b)] = [nodes[a]] + inner + [nodes[b]]
    return nodes, edges


def ring_coords(ring: list[str], nodes, edges) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a, b in zip(ring, ring[1:] + ring[:1]):
        if (a, b) in edges:
            out += edges[(a, b)][:-1]
        elif (b, a) in edges:
            out += edges[(b, a)][::-1][:-1]
        else:
            out.append(nodes[a])
    return out + out[:1]


def water_ring(fid: str, feature: Feature, nodes, edges) -> list[tuple[float, float]]:
    """The whole shore of a water body: its chain's edges where it has nodes, else its own line."""
    chain = JUNCTIONS.get(fid)
    if not chain:
        coords = [(r(lon), r(lat)) for lon, lat in G.lonlat(np.asarray(feature.line.coords))]
        return coords[:-1] + coords[:1]
    order = sorted(chain, key=lambda n: feature.position(nodes[n]))
    return ring_coords(order, nodes, edges)


def ccw(coords: list[tuple[float, float]]) -> list[tuple[float, float]]:
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(coords, coords[1:]))
    return coords if area > 0 else coords[::-1]


def feature_json(fid: str, names, geometry: dict, extra: dict | None = None) -> str:
    props = {"id": fid, "name_kk": names[0], "name_ru": names[1], "name_en": names[2]} | (extra or {})
    return ('{"type": "Feature", "properties": ' + json.dumps(props, ensure_ascii=False)
            + ', "geometry": ' + json.dumps(geometry, separators=(",", ":")) + "}")


def write_collection(path: Path, features: list[str]) -> None:
    path.write_text('{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n",
                    encoding="utf-8")


def polygon_geometry(coords) -> dict:
    return {"type": "Polygon", "coordinates": [[list(p) for p in ccw(coords)]]}


def context_shapes(units: dict[str, Polygon], water: dict[str, Polygon]) -> list[tuple[str, tuple, MultiPolygon]]:
    """The neighbours of 1917, each its rough outline minus the units, the seas and the neighbours
    before it; then every gap left between them and the units is given to the neighbour it
    touches longest, so the map has no holes."""
    taken = unary_union(list(units.values()) + [water["caspian_sea"], water["aral_sea"]])
    # every gap within about 150 km of a unit belongs to a neighbour (inside their common outline)
    hull = unary_union(list(units.values()) + [Polygon(pts).buffer(0) for _, _, pts in C.NEIGHBOURS]).convex_hull
    frame = unary_union(list(units.values())).buffer(1.5).intersection(hull)
    shapes = []
    for cid, names, pts in C.NEIGHBOURS:
        shape = Polygon(pts).buffer(0).difference(taken)
        taken = taken.union(shape)
        shapes.append([cid, names, shape])
    enclosed = [Polygon(ring) for part in getattr(taken, "geoms", [taken]) for ring in part.interiors]
    gaps = unary_union([frame] + enclosed).difference(taken)
    for gap in getattr(gaps, "geoms", [gaps]):
        if gap.area <= 0:
            continue
        shared = [(gap.boundary.intersection(s[2].boundary).length, -gap.distance(s[2]), k)
                  for k, s in enumerate(shapes)]
        k = max(shared)[2]  # the longest shared border, else the nearest neighbour
        shapes[k][2] = shapes[k][2].union(gap)
    out = []
    for cid, names, shape in shapes:
        # on the grid of the written coordinates, where the units' vertices already lie: slivers
        # and spikes of the unions collapse there instead of being written as bad rings
        shape = shapely.set_precision(shape, 10.0 ** -DIGITS)
        parts = [g for g in getattr(shape, "geoms", [shape]) if g.geom_type == "Polygon" and g.area > 0]
        out.append((cid, names, MultiPolygon(parts)))
    return out


def split_pinches(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that touches itself at a vertex, cut there into simple closed loops."""
    pts = ring[:-1]
    loops: list[list[tuple[float, float]]] = []
    stack: list[tuple[float, float]] = []
    seen: dict[tuple[float, float], int] = {}
    for p in pts:
        if p in seen:
            k = seen[p]
            loop = stack[k:]
            stack = stack[:k]
            seen = {q: i for i, q in enumerate(stack)}
            if len(loop) >= 3:
                loops.append(loop + [loop[0]])
        seen[p] = len(stack)
        stack.append(p)
    loops.append(stack + [stack[0]])
    return [loop for loop in loops if len(loop) >= 4]


def multipolygon_geometry(shape: MultiPolygon) -> dict:
    """GeoJSON rings as the atlas reads them: no ring touches itself. A pinched outline becomes
    its loops: those turning the outline's way are parts; a loop turning the other way is a
    pocket the outline closes round (a gap left between neighbours), and is filled."""
    polys = []
    for part in shape.geoms:
        ring = [(r(x), r(y)) for x, y in part.exterior.coords]
        turn = 1.0 if Polygon(ring).exterior.is_ccw else -1.0
        loops = split_pinches(ring)
        signed = [(turn * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(l, l[1:])), l) for l in loops]
        # a loop turning the other way is a pocket the outline closes round: a gap, filled
        outer = [ccw(l) for a, l in signed if a > 0]
        holes = []
        holes += [ccw(split)[::-1] for hole in part.interiors
                  for split in split_pinches([(r(x), r(y)) for x, y in hole.coords])]
        outer.sort(key=lambda l: -Polygon(l).area)
        for k, loop in enumerate(outer):
            rings = [loop] + (holes if k == 0 else [])
            polys.append([[list(p) for p in ring] for ring in rings])
    return {"type": "MultiPolygon", "coordinates": polys}


def upstream_of(xy: np.ndarray, seas) -> np.ndarray:
    """A course (km) cut where it first enters the sea: the 1910s shore lies inland of the one the
    river data was drawn to, and a river ends at its mouth."""
    line = LineString(xy)
    if not line.intersects(seas) or seas.contains(Point(xy[0])):
        return xy
    hit = line.intersection(seas.boundary)
    points = [hit] if hit.geom_type == "Point" else [g for g in getattr(hit, "geoms", []) if g.geom_type == "Point"]
    if not points:
        return xy
    mouth = min(line.project(p) for p in points)
    return np.asarray(substring(line, 0.0, mouth).coords)


def river_features(courses: dict[str, np.ndarray], segments, nodes, edges, shores_of) -> tuple[list[str], int]:
    """Named rivers first (a border river uses the border's own coordinates), then the rest of the
    WDBII network as unnamed lines with a rank for the zoom at which they appear."""
    out = []
    vertices = 0
    border_of = {"irtysh": "irtysh", "chu": "chu", "syr_darya": "syr_darya", "amu_darya": "amu_darya"}
    named_lines = []
    seas = Polygon(G.km(np.asarray(shores_of["caspian_sea"]))).union(Polygon(G.km(np.asarray(shores_of["aral_sea"]))))
    for river in RIVERS + HAND_RIVERS:
        xy = G.simplify_km(G.km(courses[river["id"]]), SIMPLIFY_KM)
        xy = upstream_of(xy, seas)
        coords = [(r(lon), r(lat)) for lon, lat in G.lonlat(xy)]
        chain = border_of.get(river["id"])
        if chain:
            coords = splice_border(coords, chain, nodes, edges)
        named_lines.append(LineString(G.km(coords)))
        vertices += len(coords)
        extra = {"rank": 1} | ({"source": "drawn by hand"} if "course" in river else {})
        out.append(feature_json(river["id"], river["names"],
                                {"type": "LineString", "coordinates": [list(p) for p in coords]}, extra))
    named = unary_union(named_lines).buffer(1.0)
    k = 0
    for level, coords in segments:
        lon, lat = coords[:, 0], coords[:, 1]
        if lon.max() < 40 or lon.min() > 95 or lat.max() < 34 or lat.min() > 60:
            continue
        rank = 2 if level <= 1 else 3 if level <= 3 else 4
        # the unnamed streams are drawn only zoomed out to at least a point a km or so: 1 km is
        # finer than a pixel there, and a stream under 10 km is not drawn as a line at all
        xy = G.simplify_km(G.km(coords), STREAM_SIMPLIFY_KM)
        if len(xy) < 2 or seas.contains(Point(xy[0])) and seas.contains(Point(xy[-1])):
            continue
        if seas.contains(Point(xy[0])):
            xy = xy[::-1]  # so that the part on land comes first
        xy = upstream_of(xy, seas)
        if len(xy) < 2:
            continue
        line = LineString(xy)
        if line.length < (10.0 if rank == 4 else 1.0) or named.contains(line):
            continue
        k += 1
        pts = [[r(a), r(b)] for a, b in G.lonlat(xy)]
        vertices += len(pts)
        out.append('{"type": "Feature", "properties": {"id": "wdb_%d", "rank": %d}, "geometry": %s}'
                   % (k, rank, json.dumps({"type": "LineString", "coordinates": pts}, separators=(",", ":"))))
    return out, vertices


def splice_border(coords, chain: str, nodes, edges) -> list:
    """Replaces the stretch of a river that is a border with the border's own edges."""
    names = JUNCTIONS[chain]
    line = LineString(G.km(coords))
    order = sorted(names, key=lambda n: line.project(Point(G.km([nodes[n]])[0])))
    first, last = (line.project(Point(G.km([nodes[n]])[0])) for n in (order[0], order[-1]))
    before = [p for p, s in zip(coords, (line.project(Point(q)) for q in G.km(coords))) if s < first - 0.05]
    after = [p for p, s in zip(coords, (line.project(Point(q)) for q in G.km(coords))) if s > last + 0.05]
    middle = []
    for a, b in zip(order, order[1:]):
        e = edges.get((a, b)) or edges[(b, a)][::-1]
        middle += e[:-1]
    middle.append(nodes[order[-1]])
    return before + middle + after


def insert_t_junctions(rings: list[list[tuple[float, float]]], tolerance: float = 2e-5) -> int:
    """Adds to every ring the vertices of the others that lie on its edges, in place, so that
    neighbours share every vertex of their common border: the atlas's level of detail and its
    projection (straight lines between projected vertices) then draw it identically for both.
    Returns how many were added."""
    cell = 0.5
    grid: dict[tuple[int, int], set[tuple[float, float]]] = {}
    for ring in rings:
        for x, y in ring:
            grid.setdefault((int(x // cell), int(y // cell)), set()).add((x, y))
    added = 0
    for ring in rings:
        out = [ring[0]]
        for a, b in zip(ring, ring[1:]):
            (ax, ay), (bx, by) = a, b
            length2 = (bx - ax) ** 2 + (by - ay) ** 2
            found = []
            if length2 > 0:
                for gx in range(int(min(ax, bx) // cell), int(max(ax, bx) // cell) + 1):
                    for gy in range(int(min(ay, by) // cell), int(max(ay, by) // cell) + 1):
                        for p in grid.get((gx, gy), ()):
                            if p == a or p == b:
                                continue
                            t = ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / length2
                            if 0 < t < 1:
                                off = abs((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)) / math.sqrt(length2)
                                if off < tolerance:
                                    found.append((t, p))
            for _, p in sorted(found):
                out.append(p)
                added += 1
            out.append(b)
        ring[:] = out
    return added


def main(argv: list[str]) -> int:
    problems = A.topology_problems()
    if problems:
        print("not written: the topology in author_areas.py is inconsistent")
        for problem in problems:
            print("  -", problem)
        return 1
    features, lakes, courses, report, segments = build_features()
    nodes, edges = snap(features)
    units = {uid: ring_coords(unit_ring(ring), nodes, edges) for uid, ring in A.UNITS}
    uezds = {uid: ring_coords(unit_ring(ring), nodes, edges) for uid, ring in A.UEZD_RINGS}
    zones = {zid: list(pts) + [pts[0]] for zid, _, pts in A.ZONES}
    shores = {wid: water_ring(wid, features[wid], nodes, edges) for wid, _, _ in LAKES}
    shores["lake_zaisan"] = [(r(x), r(y)) for x, y in W.ZAISAN_1917] + [tuple(map(r, W.ZAISAN_1917[0]))]
    water = {wid: Polygon(c) for wid, c in shores.items()}
    context = context_shapes({uid: Polygon(c) for uid, c in units.items()}, water)
    context_rings = [(cid, n, multipolygon_geometry(shape)["coordinates"]) for cid, n, shape in context]
    for _, _, polys in context_rings:
        for poly in polys:
            for k, ring in enumerate(poly):
                poly[k] = [tuple(p) for p in ring]
    shared = list(units.values()) + list(uezds.values()) + [shores["caspian_sea"], shores["aral_sea"]]
    shared += [ring for _, _, polys in context_rings for poly in polys for ring in poly]
    added = insert_t_junctions(shared)

    names = A.UNIT_NAMES | A.UEZD_NAMES | {zid: n for zid, n, _ in A.ZONES}
    area_features = [feature_json(fid, names[fid], polygon_geometry(c))
                     for fid, c in list(units.items()) + list(uezds.items()) + list(zones.items())]
    write_collection(MAPS / "areas.geojson", area_features)
    water_names = {wid: n for wid, _, n in LAKES} | {"lake_zaisan": ("Зайсан көлі", "озеро Зайсан", "Lake Zaisan")}
    write_collection(MAPS / "water.geojson",
                     [feature_json(wid, water_names[wid], polygon_geometry(c)) for wid, c in shores.items()])
    write_collection(MAPS / "context.geojson",
                     [feature_json(cid, n, {"type": "MultiPolygon", "coordinates": [[[list(p) for p in ring] for ring in poly] for poly in polys]})
                      for cid, n, polys in context_rings])
    report.append(f"{added} vertices of one outline that lay on another's edge added to it")

    rivers, river_vertices = river_features(courses, segments, nodes, edges, shores)
    write_collection(MAPS / "rivers.geojson", rivers)

    for line in report:
        print(" ", line)
    print(f"wrote areas, water, context and rivers ({river_vertices:,} river vertices)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
