//! Level of detail for outlines that share their edges.
//!
//! Zoomed out, a map of many places draws far more vertices than it has pixels. Simplifying each
//! outline on its own would open gaps and overlaps between neighbours, because two rings would
//! drop different vertices of the border they share. So the importance of a vertex is a
//! property of the vertex, computed once for the whole map, as TopoJSON does:
//!
//! 1. every ring is cut into arcs at its *nodes*: vertices where the set of rings passing
//!    through changes (a border meets a third unit, or a coast begins);
//! 2. each arc is walked in one canonical direction, so that both neighbours see the same
//!    sequence, and Douglas-Peucker gives every interior vertex the largest tolerance at which it
//!    would still be kept; nodes are always kept;
//! 3. an outline at tolerance `t` keeps the vertices whose importance is above `t`.
//!
//! Both sides of a shared border therefore keep exactly the same vertices at every level.

use std::hash::{BuildHasherDefault, Hasher};

use super::MapPoint;

/// Maps keyed by vertices. The keys are two floats' bits, not attacker-chosen text, so a
/// multiply-and-rotate hash (as rustc's FxHash) serves instead of SipHash, at a fraction of its
/// cost: the importance of the whole map's vertices is computed at every start.
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<VertexHasher>>;

#[derive(Default)]
struct VertexHasher(u64);

impl Hasher for VertexHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(u64::from(value));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A vertex's identity: its exact bits. Shared borders come from the same coordinates in the
/// data files and are projected by the same code, so they are equal to the bit.
type VertexKey = (u32, u32);

fn key(point: MapPoint) -> VertexKey {
    (point.x.to_bits(), point.y.to_bits())
}

/// The importance of every vertex of the map: the tolerance (in km) below which it is kept.
#[derive(Clone, Debug, Default)]
pub struct Importance {
    of: HashMap<VertexKey, f32>,
}

impl Importance {
    /// Computes the importance of the vertices of closed `rings` (last point repeating the
    /// first, or not) and open `lines` (their ends always kept).
    pub fn new(rings: &[&[MapPoint]], lines: &[&[MapPoint]]) -> Importance {
        let rings: Vec<&[MapPoint]> = rings.iter().map(|ring| open_ring(ring)).filter(|ring| ring.len() >= 3).collect();
        let membership = ring_membership(&rings);
        let mut importance = Importance::default();
        for ring in &rings {
            let nodes = ring_nodes(ring, &membership);
            for (n, &start) in nodes.iter().enumerate() {
                let end = nodes[(n + 1) % nodes.len()];
                let arc: Vec<MapPoint> = if end > start {
                    ring[start..=end].to_vec()
                } else {
                    ring[start..].iter().chain(&ring[..=end]).copied().collect()
                };
                importance.add_arc(arc);
            }
        }
        for line in lines.iter().filter(|line| line.len() >= 2) {
            importance.add_arc(line.to_vec());
        }
        importance
    }

    /// Whether a vertex stays in an outline simplified to `tolerance_km`. Unknown vertices stay.
    pub fn keeps(&self, point: MapPoint, tolerance_km: f32) -> bool {
        self.of.get(&key(point)).is_none_or(|&importance| importance > tolerance_km)
    }

    /// `points` without the vertices dropped at `tolerance_km`.
    pub fn simplify(&self, points: &[MapPoint], tolerance_km: f32) -> Vec<MapPoint> {
        points.iter().copied().filter(|&point| self.keeps(point, tolerance_km)).collect()
    }

    /// Douglas-Peucker over one arc, whose ends are kept at every tolerance.
    fn add_arc(&mut self, mut arc: Vec<MapPoint>) {
        if canonical_order(&arc) == std::cmp::Ordering::Greater {
            arc.reverse();
        }
        let last = arc.len() - 1;
        for end in [arc[0], arc[last]] {
            self.of.insert(key(end), f32::INFINITY);
        }
        // (first, last, importance of the vertex that split this part off).
        let mut parts = vec![(0, last, f32::INFINITY)];
        while let Some((first, last, ceiling)) = parts.pop() {
            if last <= first + 1 {
                continue;
            }
            let (farthest, distance) = (first + 1..last)
                .map(|i| (i, segment_distance(arc[i], arc[first], arc[last])))
                .fold((first + 1, -1.0_f32), |best, candidate| if candidate.1 > best.1 { candidate } else { best });
            // Never above the vertex that split this part off, so that a kept vertex always
            // has its parents kept too.
            let importance = distance.min(ceiling);
            let entry = self.of.entry(key(arc[farthest])).or_insert(importance);
            *entry = entry.max(importance);
            parts.push((first, farthest, importance));
            parts.push((farthest, last, importance));
        }
    }
}

/// A closed ring without its repeated closing point.
fn open_ring(ring: &[MapPoint]) -> &[MapPoint] {
    match ring {
        [first, .., last] if key(*first) == key(*last) => &ring[..ring.len() - 1],
        _ => ring,
    }
}

/// For every vertex, the rings it belongs to (sorted, each once).
fn ring_membership(rings: &[&[MapPoint]]) -> HashMap<VertexKey, Vec<u32>> {
    let mut membership: HashMap<VertexKey, Vec<u32>> = HashMap::default();
    for (index, ring) in rings.iter().enumerate() {
        for &point in *ring {
            let rings = membership.entry(key(point)).or_default();
            if rings.last() != Some(&(index as u32)) {
                rings.push(index as u32);
            }
        }
    }
    membership
}

/// Indices of the vertices of `ring` where arcs start and end: where the set of rings through
/// the vertex changes, or where the ring touches itself. A ring with none (an island, or a ring
/// shared whole) gets two chosen from its vertices alone, so its twin chooses the same two.
fn ring_nodes(ring: &[MapPoint], membership: &HashMap<VertexKey, Vec<u32>>) -> Vec<usize> {
    let rings_at = |i: usize| membership.get(&key(ring[i % ring.len()])).map_or(&[][..], Vec::as_slice);
    let n = ring.len();
    let mut seen: HashMap<VertexKey, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    for &point in ring {
        *seen.entry(key(point)).or_default() += 1;
    }
    let mut nodes: Vec<usize> = (0..n)
        .filter(|&i| {
            let here = rings_at(i);
            here != rings_at(i + n - 1) || here != rings_at(i + 1) || seen.get(&key(ring[i])).copied().unwrap_or(0) > 1
        })
        .collect();
    if nodes.len() < 2 {
        let lowest = (0..n).min_by_key(|&i| key(ring[i])).unwrap_or(0);
        let farthest = (0..n)
            .filter(|&i| i != lowest)
            .max_by(|&a, &b| {
                let (da, db) = (ring[a].distance(ring[lowest]), ring[b].distance(ring[lowest]));
                da.total_cmp(&db).then_with(|| key(ring[b]).cmp(&key(ring[a])))
            })
            .unwrap_or(0);
        nodes.extend([lowest, farthest]);
        nodes.sort_unstable();
        nodes.dedup();
    }
    nodes
}

/// Whether an arc is in its canonical direction (`Less` or `Equal`) or must be reversed.
fn canonical_order(arc: &[MapPoint]) -> std::cmp::Ordering {
    let forward = arc.iter().map(|&p| key(p));
    let backward = arc.iter().rev().map(|&p| key(p));
    forward.cmp(backward)
}

/// Distance from `point` to the segment from `a` to `b`.
fn segment_distance(point: MapPoint, a: MapPoint, b: MapPoint) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length2 = dx * dx + dy * dy;
    if length2 == 0.0 {
        return point.distance(a);
    }
    let t = (((point.x - a.x) * dx + (point.y - a.y) * dy) / length2).clamp(0.0, 1.0);
    point.distance(MapPoint::new(a.x + t * dx, a.y + t * dy))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f32, y: f32) -> MapPoint {
        MapPoint::new(x, y)
    }

    /// Two squares sharing a wiggly vertical border from (10, 0) to (10, 10).
    fn neighbours() -> (Vec<MapPoint>, Vec<MapPoint>) {
        let border: Vec<MapPoint> = (0..=20)
            .map(|i| p(10.0 + if i % 2 == 0 { 0.0 } else { 0.3 * (i % 3 + 1) as f32 }, i as f32 * 0.5))
            .collect();
        let mut left = vec![p(0.0, 0.0)];
        left.extend(border.iter().copied());
        left.extend([p(0.0, 10.0), p(0.0, 0.0)]);
        let mut right = vec![p(20.0, 10.0)];
        right.extend(border.iter().rev().copied());
        right.extend([p(20.0, 0.0), p(20.0, 10.0)]);
        (left, right)
    }

    #[test]
    fn neighbours_keep_the_same_border_vertices_at_every_tolerance() {
        let (left, right) = neighbours();
        let importance = Importance::new(&[&left, &right], &[]);
        for tolerance in [0.0, 0.05, 0.1, 0.2, 0.4, 1.0, 10.0] {
            let on_border = |ring: &[MapPoint]| {
                let mut kept: Vec<VertexKey> = importance
                    .simplify(ring, tolerance)
                    .into_iter()
                    .filter(|q| q.x >= 10.0 && q.x < 11.5)
                    .map(key)
                    .collect();
                kept.sort_unstable();
                kept.dedup();
                kept
            };
            assert_eq!(on_border(&left), on_border(&right), "tolerance {tolerance}");
        }
        // The corners where the border meets the outer edges are nodes, kept at any tolerance.
        let coarse = importance.simplify(&left, 1000.0);
        assert!(coarse.contains(&p(10.0, 0.0)) && coarse.contains(&p(10.0, 10.0)));
        // At zero tolerance nothing goes; at a large one the wiggles go.
        assert_eq!(importance.simplify(&left, 0.0).len(), left.len());
        assert!(importance.simplify(&left, 1.0).len() < 8);
    }

    #[test]
    fn a_kept_vertex_is_within_tolerance_of_the_simplified_line() {
        let line: Vec<MapPoint> = (0..200).map(|i| p(i as f32, (i as f32 * 0.3).sin() * 5.0)).collect();
        let importance = Importance::new(&[], &[&line]);
        for tolerance in [0.1, 0.5, 2.0] {
            let simple = importance.simplify(&line, tolerance);
            assert_eq!(simple.first(), line.first());
            assert_eq!(simple.last(), line.last());
            for point in &line {
                let nearest =
                    simple.windows(2).map(|w| segment_distance(*point, w[0], w[1])).fold(f32::INFINITY, f32::min);
                assert!(nearest <= tolerance + 1e-4, "{point:?} is {nearest} from the line at {tolerance}");
            }
        }
    }

    #[test]
    fn an_island_keeps_two_nodes_and_shrinks_to_nothing() {
        let mut island: Vec<MapPoint> =
            (0..36).map(|i| (i as f32 * 10.0).to_radians()).map(|a| p(a.cos() * 3.0, a.sin() * 3.0)).collect();
        island.push(island[0]);
        let importance = Importance::new(&[&island], &[]);
        assert_eq!(importance.simplify(&island, 0.01).len(), island.len());
        let open = open_ring(&island);
        assert_eq!(importance.simplify(open, 100.0).len(), 2);
    }
}
