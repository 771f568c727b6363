#!/usr/bin/env python3
"""Author the neighbours of 1917 drawn as context around the atlas: maps/context.geojson.

Run from anywhere:  pip install shapely && python3 scripts/author_context.py

Each neighbour is a rough polygon (lon, lat) drawn from general geographic knowledge, then cut by
the atlas's own units (scripts/author_areas.py) and by the neighbours before it, so that no
neighbour overlaps a unit or another neighbour: where a neighbour meets a unit it follows the
unit's own border nodes. Context only, no history; the outer edges are schematic (±100-200 km).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from shapely.geometry import Polygon
from shapely.ops import unary_union

sys.path.insert(0, str(Path(__file__).resolve().parent))
import author_areas as areas  # noqa: E402

MAPS = Path(__file__).resolve().parent.parent / "maps"

# In order: each is cut by the units and by every neighbour above it.
NEIGHBOURS: list[tuple[str, tuple[str, str, str], list[tuple[float, float]]]] = [
    ("samara_gub", ("Самара губерниясы", "Самарская губерния", "Samara Governorate"), [
        (46.8, 50.0), (49.9, 50.4), (50.4, 51.5), (52.3, 51.8), (53.5, 51.7), (53.6, 52.6),
        (52.5, 54.3), (49.0, 54.6), (47.0, 53.2), (46.6, 51.5)]),
    ("orenburg_gub", ("Орынбор губерниясы", "Оренбургская губерния", "Orenburg Governorate"), [
        (53.5, 51.0), (61.9, 50.0), (62.9, 54.2), (62.5, 55.5), (59.3, 55.8), (57.0, 55.2),
        (55.0, 54.5), (52.5, 54.3), (53.6, 52.6)]),
    ("astrakhan_gub", ("Астрахан губерниясы", "Астраханская губерния", "Astrakhan Governorate"), [
        (43.8, 45.2), (48.9, 46.3), (48.9, 50.2), (46.8, 50.0), (44.5, 49.0)]),
    ("saratov_gub", ("Саратов губерниясы", "Саратовская губерния", "Saratov Governorate"), [
        (42.5, 49.2), (44.5, 49.0), (46.8, 50.0), (46.6, 51.5), (47.0, 53.2), (44.5, 53.6), (42.5, 52.2)]),
    ("tobolsk_gub", ("Тобыл губерниясы", "Тобольская губерния", "Tobolsk Governorate"), [
        (62.0, 54.0), (74.0, 54.5), (74.5, 58.5), (64.0, 59.5), (59.3, 58.0), (59.3, 55.8)]),
    ("tomsk_gub", ("Томск губерниясы", "Томская губерния", "Tomsk Governorate"), [
        (73.8, 54.6), (76.3, 54.0), (80.0, 51.7), (83.2, 50.75), (86.5, 49.7), (87.3, 49.15),
        (89.5, 50.0), (89.5, 56.5), (76.0, 57.5), (74.3, 56.4)]),
    ("fergana_obl", ("Ферғана облысы", "Ферганская область", "Fergana Oblast"), [
        (68.7, 40.0), (69.0, 40.4), (69.6, 40.75), (70.3, 41.05), (70.9, 41.5), (71.6, 41.95),
        (72.6, 42.2), (73.7, 42.2), (73.95, 41.75), (74.6, 41.2), (74.95, 40.45), (75.2, 38.6),
        (74.9, 37.2), (72.5, 37.0), (71.5, 37.9), (71.0, 39.2), (69.5, 39.5)]),
    ("xinjiang", ("Шыңжаң", "Синьцзян", "Xinjiang"), [
        (73.5, 36.0), (92.0, 36.0), (92.0, 49.5), (87.3, 49.15), (85.7, 47.95), (82.5, 46.2),
        (80.2, 42.2), (75.6, 40.6), (73.5, 39.5)]),
    ("samarkand_obl", ("Самарқанд облысы", "Самаркандская область", "Samarkand Oblast"), [
        (65.5, 40.0), (66.0, 39.2), (67.5, 38.8), (69.5, 39.5), (68.7, 40.0), (69.0, 40.4),
        (68.7, 40.9), (67.95, 41.2), (67.3, 41.35), (66.3, 41.65), (65.0, 42.0), (64.6, 41.0)]),
    ("bukhara", ("Бұхара әмірлігі", "Бухарский эмират", "Emirate of Bukhara"), [
        (61.55, 41.05), (62.3, 41.6), (63.5, 42.2), (65.0, 42.0), (64.6, 41.0), (65.5, 40.0),
        (66.0, 39.2), (67.5, 38.8), (69.5, 39.5), (71.0, 39.2), (71.5, 37.9), (70.0, 37.0),
        (67.8, 37.1), (66.0, 37.4), (65.2, 37.83), (64.4, 38.5), (63.58, 39.08), (62.6, 40.0),
        (61.9, 40.6)]),
    ("khiva", ("Хиуа хандығы", "Хивинское ханство", "Khanate of Khiva"), [
        (58.0, 43.3), (58.45, 43.6), (59.5, 43.85), (59.3, 43.3), (59.4, 42.75), (59.5, 42.4),
        (60.2, 42.05), (60.7, 41.75), (60.92, 41.55), (61.2, 41.3), (61.55, 41.05), (61.9, 40.6),
        (61.0, 40.9), (60.0, 41.2), (57.8, 41.3), (57.0, 42.5), (57.95, 43.55)]),
    ("transcaspian_obl", ("Закаспий облысы", "Закаспийская область", "Transcaspian Oblast"), [
        (52.5, 42.3), (57.95, 43.6), (58.5, 41.5), (61.9, 40.6), (63.58, 39.08), (65.2, 37.83),
        (64.5, 36.2), (61.0, 35.6), (56.0, 37.7), (53.95, 37.3), (52.8, 40.0)]),
]


def main() -> int:
    taken = unary_union([Polygon(areas.coords_of(ring)) for _, ring in areas.UNITS])
    # The seas are not land of any neighbour.
    taken = taken.union(unary_union([Polygon(areas.coords_of(ring)) for wid, ring in areas.WATER_RINGS
                                     if wid in ("caspian_sea", "aral_sea")]))
    features = []
    vertices = 0
    for cid, (kk, ru, en), pts in NEIGHBOURS:
        shape = Polygon(pts).buffer(0).difference(taken)
        taken = taken.union(Polygon(pts).buffer(0))
        parts = [g for g in getattr(shape, "geoms", [shape]) if g.area > 0.05]  # drop slivers under ~500 km2
        polys = []
        for part in parts:
            part = part.simplify(0.0)
            rings = [part.exterior] + list(part.interiors)
            polys.append([[[round(x, 3), round(y, 3)] for x, y in
                           (ring.coords if i > 0 or ring.is_ccw else list(ring.coords)[::-1])]
                          for i, ring in enumerate(rings)])
            vertices += sum(len(r.coords) for r in rings)
        props = {"id": cid, "name_kk": kk, "name_ru": ru, "name_en": en}
        geometry = {"type": "MultiPolygon", "coordinates": polys}
        features.append('{"type": "Feature", "properties": ' + json.dumps(props, ensure_ascii=False)
                        + ', "geometry": ' + json.dumps(geometry) + "}")
    text = '{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n"
    (MAPS / "context.geojson").write_text(text, encoding="utf-8")
    print(f"wrote {MAPS / 'context.geojson'}: {len(NEIGHBOURS)} neighbours, {vertices} vertices")
    return 0


if __name__ == "__main__":
    sys.exit(main())
