#!/usr/bin/env python3
"""Author the rivers of the atlas: maps/rivers.geojson (LineStrings with names in kk/ru/en).

Run from anywhere:  python3 scripts/author_rivers.py      (standard library only)

A first version, hand-drawn: every course is a chain of named anchor points (towns on the river,
mouths, confluences) placed from general geographic knowledge, good to about ±20-40 km. Where a
river is an oblast border in scripts/author_areas.py (the Irtysh between Irtyshsk and Omsk, the
Chu, the Syr Darya between Begovat and Chardara, the lower Amu Darya), the course passes through
the very same border nodes, imported from that script, so river and border coincide on the map.
Replace with GSHHG/WDBII rivers (Debian gmt-gshhg-high) when there is time; see maps/SOURCES.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import author_areas as areas  # noqa: E402  (the border nodes)

MAPS = Path(__file__).resolve().parent.parent / "maps"
N = areas.NODES

# Each river: id, names (kk, ru, en), and one or more courses from source to mouth.
# An entry is a (lon, lat) pair or the name of a node of author_areas.py.
RIVERS: list[tuple[str, tuple[str, str, str], list[list]]] = [
    ("ural", ("Жайық", "Урал", "Ural"), [[
        (59.45, 54.60), (59.00, 53.90), (59.05, 53.40), (58.90, 52.50), (58.75, 51.60),
        (58.57, 51.22),   # Orsk
        (57.90, 51.10), (57.00, 51.45), (56.00, 51.60),
        (55.10, 51.75),   # Orenburg
        (54.20, 51.55), (53.40, 51.52),   # Iletsk town
        (52.30, 51.40),
        (51.37, 51.20),   # Uralsk
        (51.25, 50.70),
        (51.17, 50.18),   # Lbischensk
        (51.45, 49.60),
        (51.87, 49.01),   # Kalmykov
        (51.80, 48.40), (51.90, 47.60),
        (51.88, 47.09),   # Guryev
        (51.85, 46.88),
    ]]),
    ("emba", ("Жем", "Эмба", "Emba"), [[
        (58.60, 48.95), (58.13, 48.81), (57.30, 48.40), (56.40, 47.90), (55.50, 47.40),
        (54.40, 46.95), (53.50, 46.75), "c_emba",
    ]]),
    ("tobol", ("Тобыл", "Тобол", "Tobol"), [[
        (60.90, 51.30), (61.60, 52.20), (62.70, 52.70),
        (63.62, 53.23),   # Kustanai
        (64.30, 53.90), (64.85, 54.45),
        (65.34, 55.47),   # Kurgan
        (66.30, 56.65), (67.30, 57.60), (68.25, 58.18),
    ]]),
    ("ishim", ("Есіл", "Ишим", "Ishim"), [[
        (73.90, 50.80), (72.60, 51.10),
        (71.43, 51.15),   # Akmolinsk
        (70.00, 50.95), (68.40, 51.00), (67.20, 50.85), (66.30, 51.10), (66.40, 51.95),
        (66.90, 53.00), (67.40, 53.90), (68.30, 54.50),
        (69.15, 54.85),   # Petropavlovsk
        (69.30, 55.50),
        (69.48, 56.09),   # Ishim
        (70.50, 57.00), (71.20, 57.70),
    ]]),
    ("irtysh", ("Ертіс", "Иртыш", "Irtysh"), [
        # the Black Irtysh, from Dzungaria into Lake Zaisan
        [(88.00, 47.60), (87.30, 47.30), (86.20, 47.70), (85.20, 47.95), "za_e"],
        # from Lake Zaisan to the Ob
        ["za_w", (83.00, 48.60), (82.90, 49.30),
         (82.61, 49.97),   # Ust-Kamenogorsk
         (81.70, 50.20),
         (80.23, 50.43),   # Semipalatinsk
         (79.30, 50.90), (78.30, 51.60),
         (76.95, 52.30),   # Pavlodar
         (76.20, 52.80), "irt_a", "irt_b", "irt_c", "irt_d",
         (73.37, 54.98),   # Omsk
         (73.60, 55.60), (74.30, 56.40), (74.40, 56.90), (72.50, 57.60), (71.20, 57.70),
         (69.80, 58.00), (68.25, 58.18)],
    ]),
    ("syr_darya", ("Сырдария", "Сыр-Дарья", "Syr Darya"), [[
        (72.00, 40.90), (71.00, 40.95), (70.30, 40.60), (69.60, 40.28),
        "syr_4", "syr_3", "syr_2", "syr_1",
        (68.05, 41.90), (68.30, 42.60), (68.10, 43.20), (67.30, 43.85), (66.70, 44.20),
        (65.51, 44.83),   # Perovsk
        (64.90, 45.00), (64.10, 45.50), (63.20, 45.75),
        (62.11, 45.74),   # Kazalinsk
        (61.60, 45.90), "ar_e2",
    ]]),
    ("amu_darya", ("Әмудария", "Аму-Дарья", "Amu Darya"), [[
        (68.30, 37.10), (67.28, 37.20), (66.00, 37.40), (65.20, 37.83), (64.40, 38.50),
        (63.58, 39.08), (62.60, 40.00), (61.90, 40.60),
        "amu_8", "amu_7", "amu_6", "amu_5", "amu_4", "amu_3", "amu_2", "amu_1", "amu_mouth",
    ]]),
    ("ili", ("Іле", "Или", "Ili"), [[
        (82.60, 43.60), (81.30, 43.88), "ch_7", (79.80, 43.75), (78.80, 43.75), (77.80, 43.80),
        (77.10, 43.88), (76.60, 44.30), (76.27, 44.80), (75.60, 45.50), "bal_s6",
    ]]),
    ("chu", ("Шу", "Чу", "Chu"), [[
        (75.70, 41.90), (76.00, 42.25), (76.05, 42.50), (75.70, 42.70),
        (75.30, 42.82),   # Tokmak
        (74.60, 42.95), "chu_5", "chu_tri", "chu_4", "chu_3", "chu_2", "chu_1", "chu_end",
    ]]),
    ("turgai", ("Торғай", "Тургай", "Turgai"), [[
        (64.30, 51.00), (63.90, 50.30), (63.52, 49.65), (63.00, 49.10), (62.50, 48.50), (62.20, 48.10),
    ]]),
    ("nura", ("Нұра", "Нура", "Nura"), [[
        (75.00, 49.20), (74.00, 49.60), (73.10, 50.00), (72.30, 50.30), (71.30, 50.50), (70.20, 50.50),
        (69.20, 50.45),
    ]]),
    ("sarysu", ("Сарысу", "Сарысу", "Sarysu"), [[
        (71.00, 48.90), (70.10, 48.30), (69.30, 47.60), (68.50, 46.80), (67.60, 46.10), "as_1",
    ]]),
]


def point(entry) -> tuple[float, float]:
    return N[entry] if isinstance(entry, str) else entry


def num(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".") if "." in f"{x:.3f}" else str(x)


def main() -> int:
    features = []
    vertices = 0
    for rid, (kk, ru, en), courses in RIVERS:
        lines = [[point(e) for e in course] for course in courses]
        vertices += sum(len(line) for line in lines)
        props = {"id": rid, "name_kk": kk, "name_ru": ru, "name_en": en}
        coords = ",\n".join(
            "  [" + ", ".join(f"[{lon:.2f}, {lat:.2f}]" for lon, lat in line) + "]" for line in lines)
        features.append('{"type": "Feature", "properties": ' + json.dumps(props, ensure_ascii=False)
                        + ', "geometry": {"type": "MultiLineString", "coordinates": [\n' + coords + "]}}")
    text = '{"type": "FeatureCollection", "features": [\n' + ",\n".join(features) + "\n]}\n"
    (MAPS / "rivers.geojson").write_text(text, encoding="utf-8")
    print(f"wrote {MAPS / 'rivers.geojson'}: {len(RIVERS)} rivers, {vertices} vertices")
    return 0


if __name__ == "__main__":
    sys.exit(main())
