"""What no dataset has: the Caspian's north coast at its level of the 1910s and Lake Zaisan before
the Bukhtarma reservoir. Drawn by hand from the sources named in maps/SOURCES.md ("Water"); both are
estimates, good to the errors given there.
"""

from __future__ import annotations

import numpy as np

# Lake Zaisan before 1960 (level 386 m, about 1,830 km2, 104 km long): GSHHG's outline with the
# Bukhtarma reservoir's arm cut off at the natural outflow of the Irtysh (83.49 E, 48.27 N), the
# flat shores moved 2-3 km inward and the flooded delta of the Black Irtysh east of 84.3 E removed,
# to the length, width and area that Brockhaus-Efron, EB1911 and the Great Soviet Encyclopedia give.
# Expected error: 3-5 km on the shores, 8 km at the delta. Counter-clockwise or not: the writer orients it.
ZAISAN_1917: list[tuple[float, float]] = [
    (83.03, 48.23), (83.10, 48.20), (83.18, 48.24), (83.21, 48.24), (83.27, 48.26), (83.35, 48.24),
    (83.43, 48.24), (83.49, 48.25), (83.56, 48.22), (83.71, 48.19), (83.87, 48.13), (83.90, 48.12),
    (84.03, 48.07), (84.05, 48.03), (84.07, 48.01), (84.12, 48.01), (84.16, 48.04), (84.20, 48.01),
    (84.25, 48.01), (84.35, 48.00), (84.31, 47.93), (84.29, 47.84), (84.26, 47.80), (84.22, 47.80),
    (84.20, 47.78), (84.10, 47.84), (83.98, 47.87), (83.95, 47.89), (83.91, 47.89), (83.90, 47.88),
    (83.87, 47.89), (83.83, 47.92), (83.79, 47.97), (83.72, 47.99), (83.66, 48.03), (83.61, 48.03),
    (83.58, 48.04), (83.54, 48.04), (83.52, 48.05), (83.41, 48.08), (83.35, 48.06), (83.31, 48.06),
    (83.28, 48.09), (83.22, 48.11), (83.18, 48.16), (83.11, 48.16), (83.06, 48.19),
]

# The north coast at about -26 m (the 1910s), from the Volga delta east to the Mertvyi Kultuk, then
# down the Kaydak and back along the Buzachi peninsula's north shore: 5-15 km landward of GSHHG's
# line on the flat north coast; the Mertvyi Kultuk open to 54.25 E and the Kaydak still water (the
# Great Soviet Encyclopedia: the bay shrank from 15,000 to 500 km2 when the sea fell in the 1930s-40s;
# Meyers 1905; the Emba mouth at 46 45 N 53 10 E). Expected error: 5-10 km on the north coast, 15 km
# at the Volga delta, 15-20 km on the bay's east shore and the Kaydak. West to east, then south-west.
CASPIAN_NORTH_1910S: list[tuple[float, float]] = [
    (47.00, 45.05), (47.37, 45.42), (47.55, 45.68), (47.80, 45.82), (48.10, 45.86), (48.40, 45.97),
    (48.70, 46.07), (49.00, 46.22), (49.25, 46.42), (49.60, 46.60), (50.00, 46.72), (50.40, 46.90),
    (50.80, 47.08), (51.20, 47.20), (51.55, 47.10), (51.80, 46.97), (52.10, 46.97), (52.50, 47.02),
    (52.90, 47.02), (53.25, 46.88), (53.40, 46.60), (53.50, 46.25), (53.70, 46.00), (54.05, 45.80),
    (54.25, 45.55), (54.20, 45.30), (54.08, 45.08), (53.86, 44.83), (53.58, 44.64), (53.30, 44.55),
    (53.30, 44.66), (53.52, 44.77), (53.78, 45.00), (53.95, 45.22), (53.60, 45.27), (53.20, 45.31),
    (52.80, 45.30), (52.30, 45.37), (51.80, 45.37),
]


def chaikin(points: list[tuple[float, float]], rounds: int = 3) -> np.ndarray:
    """Chaikin's corner cutting, ends kept: a hand-drawn line of straight strokes becomes a smooth
    curve that stays within the polygon of its points (so within the error the sources allow)."""
    line = np.asarray(points, dtype=float)
    for _ in range(rounds):
        a, b = line[:-1], line[1:]
        cut = np.empty((2 * len(a), 2))
        cut[0::2] = 0.75 * a + 0.25 * b
        cut[1::2] = 0.25 * a + 0.75 * b
        line = np.vstack([line[:1], cut, line[-1:]])
    return line


def caspian_1910s(gshhg: np.ndarray) -> np.ndarray:
    """GSHHG's Caspian (a closed ring, lon/lat) with its north coast replaced by the 1910s line:
    the stretch between the points nearest to the line's two ends that runs through the north.
    The hand-drawn line is smoothed first (`chaikin`)."""
    ring = gshhg[:-1] if np.allclose(gshhg[0], gshhg[-1]) else gshhg
    north = chaikin(CASPIAN_NORTH_1910S)
    start, end = north[0], north[-1]
    i0 = int(np.argmin(np.hypot(*(ring - start).T)))
    i1 = int(np.argmin(np.hypot(*(ring - end).T)))
    n = len(ring)
    forward = [(i0 + k) % n for k in range((i1 - i0) % n + 1)]
    backward = [(i1 + k) % n for k in range((i0 - i1) % n + 1)]
    # the stretch to replace is the one that reaches furthest north
    if ring[forward][:, 1].max() >= ring[backward][:, 1].max():
        keep = ring[backward]  # from i1 round the south back to i0
        new = np.vstack([north, keep[1:-1]])
    else:
        keep = ring[forward]
        new = np.vstack([north[::-1], keep[1:-1]])
    return np.vstack([new, new[:1]])

