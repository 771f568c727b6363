#!/usr/bin/env python3
"""Measure the map against the public data it follows; prints the numbers of maps/SOURCES.md.

    python3 scripts/measure_geography.py      (after scripts/regenerate_maps.sh has set up the data)

Reads maps/areas.geojson, water.geojson and context.geojson as written, and compares them with the
source lines at full resolution (GSHHG full, Natural Earth 1:10m, the WDBII river courses before any
simplification):

- every border stretch that follows a feature (the stretches between the nodes that
  scripts/snap_geography.py puts on it): mean and 90th-percentile distance in km from our line to
  the feature and from the feature back to our line, sampled every 0.25 km;
- the intersection over union of each sea and lake with its source outline;
- the area of overlaps and holes between the units, the neighbours of 1917 and the seas;
- the vertices of the borders: how many, and how many per 100 km.

Exits 1 when a target of the geography issue is missed (see TARGETS).
"""

from __future__ import annotations

import json
import math
import sys
import tomllib
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, shape
from shapely.ops import substring, unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent))
import geodata as G  # noqa: E402
import snap_geography as S  # noqa: E402
import water_1917 as W  # noqa: E402

MAPS = Path(__file__).resolve().parent.parent / "maps"
STEP_KM = 0.25
# mean / p90 targets (km) by kind of feature
TARGETS = {"china": (2.0, 6.0), "river": (3.0, 6.0), "coast": (3.0, 6.0)}
IOU_TARGET = 0.9
BEYOND_THE_MAP = {"moscow", "petrograd"}


def load(name: str) -> dict[str, object]:
    doc = json.loads((MAPS / name).read_text(encoding="utf-8"))
    return {f["properties"]["id"]: shape(f["geometry"]) for f in doc["features"]}


def km_geom(g):
    """A geometry in the atlas projection, in km (made valid: a ring that runs within a metre of
    itself in degrees may touch itself once projected)."""
    return shapely.make_valid(_km_geom(g)) if g.geom_type != "LineString" else _km_geom(g)


def _km_geom(g):
    if g.geom_type == "Polygon":
        return Polygon(G.km(np.asarray(g.exterior.coords)), [G.km(np.asarray(h.coords)) for h in g.interiors])
    if g.geom_type == "MultiPolygon":
        return MultiPolygon([_km_geom(p) for p in g.geoms])
    if g.geom_type == "LineString":
        return LineString(G.km(np.asarray(g.coords)))
    raise ValueError(g.geom_type)


def stats(d: np.ndarray) -> tuple[float, float]:
    return float(np.mean(d)), float(np.percentile(d, 90))


def raw_features(courses: dict[str, np.ndarray]) -> dict[str, LineString]:
    """The source lines at full resolution, in km: what our borders are compared with."""
    lakes, _, _ = S.lake_polygons()
    out = {wid: LineString(G.km(coords)) for wid, coords in lakes.items()}
    out["china"] = LineString(G.km(G.natural_earth_china_line()))
    for rid in ("irtysh", "chu", "syr_darya", "amu_darya"):
        out[rid] = LineString(G.km(courses[rid]))
    return out


def our_stretch(rings_km: list[LineString], a_km, b_km, reference: LineString) -> LineString | None:
    """The stretch of a unit border between the points a and b that runs along the reference."""
    best = None
    for ring in rings_km:
        if ring.distance(Point(a_km)) > 0.01 or ring.distance(Point(b_km)) > 0.01:
            continue
        sa, sb = ring.project(Point(a_km)), ring.project(Point(b_km))
        lo, hi = min(sa, sb), max(sa, sb)
        inner = substring(ring, lo, hi)
        outer = LineString(list(substring(ring, hi, ring.length).coords) + list(substring(ring, 0, lo).coords)[1:])
        for candidate in (inner, outer):
            if candidate.length <= 0:
                continue
            mid = candidate.interpolate(0.5, normalized=True)
            score = reference.distance(mid)
            if best is None or score < best[0]:
                best = (score, candidate)
    return best[1] if best else None


def sample(line: LineString) -> np.ndarray:
    n = max(2, int(line.length / STEP_KM) + 1)
    return np.asarray([line.interpolate(t, normalized=True).coords[0] for t in np.linspace(0, 1, n)])


def measure_stretches(nodes, features_raw, areas_km) -> list[tuple[str, str, float, float, float, float, float]]:
    rings = [LineString(g.exterior.coords) for g in areas_km.values()]
    rows = []
    for fid, names in S.JUNCTIONS.items():
        ref = features_raw[fid]
        order = sorted(names, key=lambda n: ref.project(Point(G.km([nodes[n]])[0])))
        pairs = list(zip(order, order[1:]))
        if fid in S.LAKE_IDS:
            pairs.append((order[-1], order[0]))
        for a, b in pairs:
            a_km, b_km = G.km([nodes[a]])[0], G.km([nodes[b]])[0]
            ours = our_stretch(rings, a_km, b_km, ref)
            if ours is None or ours.length < 1:
                continue
            others = [G.km([nodes[n]])[0] for n in names if n not in (a, b)]
            if any(ours.distance(Point(p)) < 0.01 for p in others):
                continue  # no border runs from a to b along the feature (Balkhash's south shore)
            sa, sb = ref.project(Point(a_km)), ref.project(Point(b_km))
            theirs = substring(ref, min(sa, sb), max(sa, sb))
            if S.FEATURE_KIND.get(fid) == "coast" and ref.coords[0] == ref.coords[-1]:
                around = LineString(list(substring(ref, max(sa, sb), ref.length).coords)
                                    + list(substring(ref, 0, min(sa, sb)).coords)[1:])
                if around.length > 0 and around.hausdorff_distance(ours) < theirs.hausdorff_distance(ours):
                    theirs = around
            to_feature = np.asarray([ref.distance(Point(p)) for p in sample(ours)])
            back = np.asarray([ours.distance(Point(p)) for p in sample(theirs)])
            rows.append((fid, f"{a}-{b}", ours.length, *stats(to_feature), *stats(back)))
    return rows


def iou(a, b) -> float:
    return a.intersection(b).area / a.union(b).area


def main() -> int:
    failures = []
    features, lakes, courses, report, segments = S.build_features()
    nodes, _edges = S.snap(features)
    raw = raw_features(courses)
    areas = load("areas.geojson")
    water = load("water.geojson")
    context = load("context.geojson")
    zones = {"kustanai_partisans", "cherkasskoye_defence", "mountain_eagles"}
    units_km = {k: km_geom(v) for k, v in areas.items() if k not in zones}

    print("== border stretches on a feature: distance in km (ours -> feature | feature -> ours) ==")
    print(f"  {'feature':12} {'stretch':26} {'km':>6} {'mean':>6} {'p90':>6} | {'mean':>6} {'p90':>6}")
    by_kind: dict[str, list[np.ndarray]] = {}
    rows = measure_stretches(nodes, raw, units_km)
    for fid, name, length, m1, p1, m2, p2 in rows:
        print(f"  {fid:12} {name:26} {length:6.0f} {m1:6.2f} {p1:6.2f} | {m2:6.2f} {p2:6.2f}")
    for kind in ("china", "river", "coast"):
        chosen = [r for r in rows if S.FEATURE_KIND[r[0]] == kind]
        if not chosen:
            continue
        total = sum(r[2] for r in chosen)
        mean = sum(max(r[3], r[5]) * r[2] for r in chosen) / total
        p90 = max(max(r[4], r[6]) for r in chosen)
        target = TARGETS[kind]
        ok = mean <= target[0] and p90 <= target[1]
        print(f"  {kind:6} {total:7.0f} km of border: mean {mean:.2f} km (target {target[0]}), "
              f"worst p90 {p90:.2f} km (target {target[1]})  {'met' if ok else 'NOT MET'}")
        if not ok:
            failures.append(f"{kind} stretches: mean {mean:.2f}, p90 {p90:.2f}")

    print("\n== the Caspian's north coast of the 1910s against GSHHG's later line ==")
    gshhg = [p for p in G.gshhg_lakes(50.0) if p.contains(Point(50.5, 42.0))][0]
    north = LineString(G.km(W.chaikin(W.CASPIAN_NORTH_1910S)))
    d = np.asarray([LineString(G.km(np.asarray(gshhg.exterior.coords))).distance(Point(p)) for p in sample(north)])
    print(f"  drawn 1910s line from GSHHG: mean {d.mean():.1f} km, p90 {np.percentile(d, 90):.1f} km "
          f"(by design: the sea stood about 2 m higher)")

    print("\n== seas and lakes: intersection over union with their source ==")
    sources = {wid: Polygon(G.km(coords)) for wid, coords in lakes.items()}
    sources["lake_zaisan"] = Polygon(G.km(np.asarray(W.ZAISAN_1917)))
    for wid, geom in water.items():
        value = iou(km_geom(geom), sources[wid])
        source = ("water_1917.py (hand-drawn; GSHHG shows the reservoir)" if wid == "lake_zaisan" else
                  "GSHHG full with the 1910s north coast" if wid == "caspian_sea" else "GSHHG full")
        area = km_geom(geom).area
        print(f"  {wid:18} IoU {value:.3f}   {area:10,.0f} km2   source: {source}")
        if value < IOU_TARGET:
            failures.append(f"{wid}: IoU {value:.3f}")
    bk = next(p for p in G.gshhg_lakes(50.0) if p.contains(Point(84.0, 48.0)))
    print(f"  (Zaisan as GSHHG has it, with the reservoir: {G.area_km2(bk):,.0f} km2; "
          f"IoU with ours {iou(km_geom(water['lake_zaisan']), Polygon(G.km(np.asarray(bk.exterior.coords)))):.2f})")

    print("\n== overlaps and holes between units, neighbours and seas (km2) ==")
    oblasts = {k: v for k, v in units_km.items() if not k.endswith(("_uezd", "_division"))}
    neighbours = {k: km_geom(v) for k, v in context.items()}
    seas = {k: km_geom(water[k]) for k in ("caspian_sea", "aral_sea")}
    pieces = oblasts | neighbours | seas
    worst_overlap, names = 0.0, "-"
    keys = list(pieces)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if pieces[a].intersects(pieces[b]):
                area = pieces[a].intersection(pieces[b]).area
                if area > worst_overlap:
                    worst_overlap, names = area, f"{a} x {b}"
    union = unary_union(list(pieces.values()))
    frame = unary_union(list(oblasts.values())).buffer(100.0)
    holes = frame.difference(union)
    hole_area = sum(g.area for g in getattr(holes, "geoms", [holes]) if g.area > 0)
    enclosed = sum(Polygon(r).area for g in getattr(union, "geoms", [union]) for r in g.interiors)
    print(f"  largest overlap: {worst_overlap:.4f} km2 ({names})")
    print(f"  holes within 100 km of the units: {hole_area:.4f} km2; enclosed holes: {enclosed:.4f} km2")
    if worst_overlap > 1.0 or hole_area > 1.0:
        failures.append(f"overlap {worst_overlap:.2f} km2, holes {hole_area:.2f} km2")

    print("\n== every place in a polygon ==")
    places = tomllib.loads((MAPS / "places.toml").read_text(encoding="utf-8"))["place"]
    everything = list(units_km.values()) + list(neighbours.values())
    outside, far = [], []
    for p in places:
        if "lonlat" not in p:
            continue
        pt = Point(G.km([p["lonlat"]])[0])
        if not any(g.contains(pt) for g in everything):
            (far if p["id"] in BEYOND_THE_MAP else outside).append(p["id"])
    print(f"  places in no polygon: {outside or 'none'} (beyond the map, as they should be: {far})")
    if outside:
        failures.append(f"places in no polygon: {outside}")

    print("\n== areas of the oblast-level units against the figures of the time (within 10 %) ==")
    import author_areas as A
    for uid, geom in oblasts.items():
        drawn = geom.area
        hist, note = A.HISTORICAL_KM2[uid]
        diff = 100 * (drawn - hist) / hist
        print(f"  {uid:22} {drawn:>10,.0f} km2  {hist:>10,.0f} km2  {diff:+6.1f} %  {note}")
        if abs(diff) > 10:
            failures.append(f"{uid}: area {diff:+.1f} % from {hist:,.0f} km2")

    print("\n== vertices of the borders ==")
    edges = set()
    total_len = 0.0
    for g in units_km.values():
        c = [tuple(map(lambda v: round(v, 6), p)) for p in g.exterior.coords]
        for a, b in zip(c, c[1:]):
            key = (min(a, b), max(a, b))
            if key not in edges:
                edges.add(key)
                total_len += math.dist(a, b)
    vertices = len({p for e in edges for p in e})
    print(f"  {vertices:,} distinct vertices on {total_len:,.0f} km of unit borders: "
          f"{100 * vertices / total_len:.1f} per 100 km (one every {total_len / vertices:.1f} km)")
    print(f"  water: {sum(len(g.exterior.coords) for g in water.values()):,} vertices; neighbours: "
          f"{sum(len(p.exterior.coords) for g in context.values() for p in getattr(g, 'geoms', [g])):,}")

    print()
    if failures:
        print("NOT MET:")
        for f in failures:
            print("  -", f)
        return 1
    print("all targets met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
