//! The map's geometry, projected once at load (each level of detail triangulated when first drawn), ready to draw every frame.

use std::sync::{Arc, OnceLock};

use geo::{Area, Contains, Coord, InteriorPoint, LineString, MultiPolygon, Polygon, TriangulateEarcut};

use super::projection::{Albers, MapPoint, MapRect};
use super::simplify::Importance;
use crate::model::{Atlas, PlaceId};

/// The tolerances (km) of the coarser levels of detail kept for each outline; a frame picks the
/// coarsest whose error stays under half a pixel.
const LEVEL_TOLERANCES_KM: [f32; 9] = [0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0];

/// An outline at one level of detail: triangles to fill and rings to stroke.
#[derive(Clone, Debug, Default)]
pub struct Outline {
    pub vertices: Vec<MapPoint>,
    /// Triangles, three indices into `vertices` each.
    pub triangles: Vec<u32>,
    /// Outer and inner rings, closed (last point repeats the first).
    pub rings: Vec<Vec<MapPoint>>,
}

impl Outline {
    fn of(polygons: &MultiPolygon<f64>) -> Outline {
        let mut outline = Outline::default();
        for polygon in polygons {
            let raw = polygon.earcut_triangles_raw();
            let offset = outline.vertices.len() as u32;
            outline.vertices.extend(raw.vertices.iter().map(|[x, y]| MapPoint::new(*x as f32, *y as f32)));
            outline.triangles.extend(raw.triangle_indices.iter().map(|&i| offset + i as u32));
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                outline.rings.push(ring.coords().map(|c| MapPoint::new(c.x as f32, c.y as f32)).collect());
            }
        }
        outline
    }

    /// Vertices drawn: the fill's and the rings'.
    pub fn vertex_count(&self) -> usize {
        self.vertices.len() + self.rings.iter().map(Vec::len).sum::<usize>()
    }
}

/// One area, in map kilometres, at full detail and at coarser levels for zoomed-out views.
///
/// Each level is simplified and triangulated the first time a view asks for it, not at load:
/// a window that opens on the whole map pays for one coarse level of every shape, and the fine
/// coastlines are only cut into triangles when someone zooms in on them.
#[derive(Clone, Debug)]
pub struct AreaShape {
    /// Full detail, as in the data: triangulated on first use.
    full: OnceLock<Outline>,
    /// The rings at full detail (closed), known from the start: the importance of vertices is
    /// computed from them.
    rings: Vec<Vec<MapPoint>>,
    /// `levels[i]`: the outline at `LEVEL_TOLERANCES_KM[i]`, made on first use. Every shape has
    /// the same tolerances and the same importance of vertices, so that neighbours drawn in one
    /// frame always agree on their border.
    levels: Vec<OnceLock<Outline>>,
    /// The importance of the map's vertices; `None` until [`MapGeometry::new`] adds it (until
    /// then the shape only has its full detail).
    importance: Option<Arc<Importance>>,
    pub bounds: MapRect,
    /// A point inside the area's largest polygon, where its label goes.
    pub label_point: MapPoint,
    projected: MultiPolygon<f64>,
}

impl AreaShape {
    /// Projects and triangulates an outline given in degrees (full detail only; levels are added
    /// by [`MapGeometry::new`], which knows the neighbours).
    pub fn new(projection: &Albers, area: &MultiPolygon<f64>) -> AreaShape {
        let project_ring = |ring: &LineString<f64>| -> LineString<f64> {
            ring.coords()
                .map(|c| {
                    let (x, y) = projection.project(c.x, c.y);
                    Coord { x, y }
                })
                .collect()
        };
        let projected = MultiPolygon(
            area.iter()
                .map(|polygon| {
                    Polygon::new(
                        project_ring(polygon.exterior()),
                        polygon.interiors().iter().map(project_ring).collect(),
                    )
                })
                .collect(),
        );
        let rings: Vec<Vec<MapPoint>> = projected
            .iter()
            .flat_map(|polygon| std::iter::once(polygon.exterior()).chain(polygon.interiors()))
            .map(|ring| ring.coords().map(|c| MapPoint::new(c.x as f32, c.y as f32)).collect())
            .collect();
        let mut bounds = MapRect::NOTHING;
        rings.iter().flatten().for_each(|&p| bounds.extend(p));
        let outer_area = |polygon: &Polygon<f64>| Polygon::new(polygon.exterior().clone(), Vec::new()).unsigned_area();
        let largest = projected.iter().max_by(|a, b| outer_area(a).total_cmp(&outer_area(b)));
        let label_point =
            largest.and_then(label_point_of).map_or(bounds.centre(), |p| MapPoint::new(p.x() as f32, p.y() as f32));
        AreaShape { full: OnceLock::new(), rings, levels: Vec::new(), importance: None, bounds, label_point, projected }
    }

    /// The outline at full detail.
    pub fn outline(&self) -> &Outline {
        self.full.get_or_init(|| Outline::of(&self.projected))
    }

    /// The coarsest outline whose vertices stray at most `tolerance_km` from the full one.
    pub fn outline_for(&self, tolerance_km: f32) -> &Outline {
        let usable = LEVEL_TOLERANCES_KM.iter().take_while(|&&tolerance| tolerance <= tolerance_km).count();
        let (Some(level), Some(importance)) = (usable.checked_sub(1), self.importance.as_deref()) else {
            return self.outline();
        };
        let Some(cell) = self.levels.get(level) else { return self.outline() };
        cell.get_or_init(|| {
            let tolerance = LEVEL_TOLERANCES_KM[level];
            Outline::of(&MultiPolygon(
                self.projected.iter().filter_map(|polygon| simplify_polygon(polygon, importance, tolerance)).collect(),
            ))
        })
    }

    /// How many levels of detail the shape has besides the full one: coarser outlines that drop
    /// vertices (made now if they were not yet).
    pub fn level_count(&self) -> usize {
        let full = self.outline().vertex_count();
        LEVEL_TOLERANCES_KM.iter().filter(|&&tolerance| self.outline_for(tolerance).vertex_count() != full).count()
    }

    fn add_levels(&mut self, importance: &Arc<Importance>) {
        self.importance = Some(Arc::clone(importance));
        self.levels = LEVEL_TOLERANCES_KM.iter().map(|_| OnceLock::new()).collect();
    }

    /// The rings at full detail, for computing importance over the whole map.
    fn full_rings(&self) -> impl Iterator<Item = &[MapPoint]> {
        self.rings.iter().map(Vec::as_slice)
    }

    pub fn contains(&self, point: MapPoint) -> bool {
        self.bounds.contains(point) && self.projected.contains(&geo::Point::new(f64::from(point.x), f64::from(point.y)))
    }

    /// Area on the map in km²; equal to the true area, the projection being equal-area.
    pub fn area_km2(&self) -> f64 {
        self.projected.iter().map(|polygon| polygon.unsigned_area()).sum()
    }
}

/// A point well inside a polygon, for its label. Found on the outline simplified to 2 km (the
/// full coasts make the search costly and move the point by no more than that), kept only if it
/// lies inside the full outline.
fn label_point_of(polygon: &Polygon<f64>) -> Option<geo::Point<f64>> {
    use geo::Simplify;
    let coarse = polygon.simplify(2.0);
    coarse.interior_point().filter(|point| polygon.contains(point)).or_else(|| polygon.interior_point())
}

/// A polygon without the vertices dropped at `tolerance`; `None` when its outer ring collapses.
fn simplify_polygon(polygon: &Polygon<f64>, importance: &Importance, tolerance: f32) -> Option<Polygon<f64>> {
    let exterior = simplify_ring(polygon.exterior(), importance, tolerance)?;
    let interiors = polygon.interiors().iter().filter_map(|ring| simplify_ring(ring, importance, tolerance)).collect();
    Some(Polygon::new(exterior, interiors))
}

/// A closed ring without the vertices dropped at `tolerance`, closed again; `None` when fewer
/// than three vertices are left.
fn simplify_ring(ring: &LineString<f64>, importance: &Importance, tolerance: f32) -> Option<LineString<f64>> {
    let as_point = |c: &Coord<f64>| MapPoint::new(c.x as f32, c.y as f32);
    let open = match ring.0.as_slice() {
        [first, rest @ .., last] if as_point(first) == as_point(last) => &ring.0[..rest.len() + 1],
        all => all,
    };
    let mut kept: Vec<Coord<f64>> = open.iter().copied().filter(|c| importance.keeps(as_point(c), tolerance)).collect();
    if kept.len() < 3 {
        return None;
    }
    kept.push(kept[0]);
    Some(LineString(kept))
}

/// A river's course, projected once at load: one polyline per part.
#[derive(Clone, Debug)]
pub struct RiverShape {
    /// Full detail, as in the data.
    pub lines: Vec<Vec<MapPoint>>,
    /// `levels[i]`: the course at `LEVEL_TOLERANCES_KM[i]`, made on first use.
    levels: Vec<OnceLock<Vec<Vec<MapPoint>>>>,
    importance: Option<Arc<Importance>>,
    pub bounds: MapRect,
    /// Where its name goes: the middle vertex of its longest part.
    pub label_point: MapPoint,
}

impl RiverShape {
    pub fn new(projection: &Albers, course: &geo::MultiLineString<f64>) -> RiverShape {
        let lines: Vec<Vec<MapPoint>> = course
            .0
            .iter()
            .map(|line| {
                line.0.iter().map(|c| projection.map_from_lonlat(crate::model::LonLat { lon: c.x, lat: c.y })).collect()
            })
            .collect();
        let mut bounds = MapRect::NOTHING;
        for point in lines.iter().flatten() {
            bounds.extend(*point);
        }
        let longest = lines.iter().max_by_key(|line| line.len());
        let label_point = longest.and_then(|line| line.get(line.len() / 2)).copied().unwrap_or(bounds.centre());
        RiverShape { lines, levels: Vec::new(), importance: None, bounds, label_point }
    }

    /// The coarsest course whose vertices stray at most `tolerance_km` from the full one.
    pub fn lines_for(&self, tolerance_km: f32) -> &[Vec<MapPoint>] {
        let usable = LEVEL_TOLERANCES_KM.iter().take_while(|&&tolerance| tolerance <= tolerance_km).count();
        let (Some(level), Some(importance)) = (usable.checked_sub(1), self.importance.as_deref()) else {
            return &self.lines;
        };
        let Some(cell) = self.levels.get(level) else { return &self.lines };
        cell.get_or_init(|| {
            let tolerance = LEVEL_TOLERANCES_KM[level];
            self.lines.iter().map(|line| importance.simplify(line, tolerance)).filter(|l| l.len() >= 2).collect()
        })
    }

    fn add_levels(&mut self, importance: &Arc<Importance>) {
        self.importance = Some(Arc::clone(importance));
        self.levels = LEVEL_TOLERANCES_KM.iter().map(|_| OnceLock::new()).collect();
    }
}

/// Every place and water body, projected: what the map draws and hit-tests.
#[derive(Clone, Debug)]
pub struct MapGeometry {
    pub projection: Albers,
    /// `areas[place]`: the outline of an oblast, uezd or zone.
    pub areas: Vec<Option<AreaShape>>,
    /// `points[place]`: the position of a city.
    pub points: Vec<Option<MapPoint>>,
    pub water: Vec<AreaShape>,
    /// `context[i]`: the outline of the neighbour `atlas.context[i]`.
    pub context: Vec<AreaShape>,
    /// `rivers[i]`: the course of `atlas.rivers[i]`.
    pub rivers: Vec<RiverShape>,
    /// `modern_borders[i]`: the line of `atlas.modern_borders[i]`.
    pub modern_borders: Vec<RiverShape>,
    /// `ranges[i]`, `modern_labels[i]`: where the label of `atlas.ranges[i]` and so on goes.
    pub ranges: Vec<MapPoint>,
    pub modern_labels: Vec<MapPoint>,
    /// The extent of the historical units, the map's home view.
    pub bounds: MapRect,
    /// Different for every geometry built, so that what was drawn from an earlier one (after a
    /// reload of the data) is never taken for this one's.
    pub generation: u64,
}

/// The generation of the next geometry built.
static NEXT_GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl MapGeometry {
    pub fn new(atlas: &Atlas) -> MapGeometry {
        let projection = Albers::kazakhstan();
        let mut areas: Vec<Option<AreaShape>> = atlas
            .places()
            .iter()
            .map(|place| place.area.as_ref().map(|area| AreaShape::new(&projection, area)))
            .collect();
        let points = atlas.places().iter().map(|place| place.location.map(|p| projection.map_from_lonlat(p))).collect();
        let mut water: Vec<AreaShape> =
            atlas.water.iter().map(|body| AreaShape::new(&projection, &body.area)).collect();
        let mut context: Vec<AreaShape> =
            atlas.context.iter().map(|area| AreaShape::new(&projection, &area.area)).collect();
        let mut rivers: Vec<RiverShape> =
            atlas.rivers.iter().map(|river| RiverShape::new(&projection, &river.course)).collect();
        let mut bounds = MapRect::NOTHING;
        for (place, shape) in atlas.places().iter().zip(&areas) {
            if let Some(shape) = shape.as_ref().filter(|_| place.kind == crate::model::PlaceKind::Oblast) {
                bounds = bounds.union(shape.bounds);
            }
        }
        if bounds.is_empty() {
            // No outlines loaded (a broken areas file): frame Kazakhstan by its corners instead.
            for (lon, lat) in [(46.0, 40.0), (87.0, 56.0), (46.0, 56.0), (87.0, 40.0)] {
                bounds.extend(projection.map_from_lonlat(crate::model::LonLat { lon, lat }));
            }
        }
        let mut modern_borders: Vec<RiverShape> =
            atlas.modern_borders.iter().map(|b| RiverShape::new(&projection, &b.course)).collect();
        add_levels(&mut areas, &mut water, &mut context, &mut rivers, &mut modern_borders);
        let ranges = atlas.ranges.iter().map(|label| projection.map_from_lonlat(label.at)).collect();
        let modern_labels = atlas.modern_labels.iter().map(|label| projection.map_from_lonlat(label.at)).collect();
        let generation = NEXT_GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        MapGeometry {
            projection,
            areas,
            points,
            water,
            context,
            rivers,
            modern_borders,
            ranges,
            modern_labels,
            bounds,
            generation,
        }
    }

    /// Every vertex drawn at full detail (fills and strokes), to report how the map scales.
    pub fn vertex_count(&self) -> usize {
        let areas = self.areas.iter().flatten().chain(&self.water).chain(&self.context);
        let lines = self.rivers.iter().chain(&self.modern_borders).flat_map(|shape| &shape.lines);
        areas.map(|shape| shape.outline().vertex_count()).sum::<usize>() + lines.map(Vec::len).sum::<usize>()
    }

    /// The part of the map that shows `places`: areas whole, a city with 150 km around it;
    /// `None` when none of them is on the map. Tours' cameras and `render --view` fit with it.
    pub fn extent_of(&self, places: &[PlaceId]) -> Option<MapRect> {
        const CITY_SURROUNDINGS_KM: f32 = 150.0;
        let mut extent = MapRect::NOTHING;
        for &place in places {
            if let Some(area) = self.area(place) {
                extent = extent.union(area.bounds);
            } else if let Some(point) = self.point(place) {
                let margin = CITY_SURROUNDINGS_KM;
                extent.extend(MapPoint::new(point.x - margin, point.y - margin));
                extent.extend(MapPoint::new(point.x + margin, point.y + margin));
            }
        }
        (!extent.is_empty()).then_some(extent)
    }

    pub fn area(&self, place: PlaceId) -> Option<&AreaShape> {
        self.areas.get(place.index())?.as_ref()
    }

    pub fn point(&self, place: PlaceId) -> Option<MapPoint> {
        *self.points.get(place.index())?
    }
}

/// Gives every outline and line its coarser levels, simplified together so that neighbours keep
/// sharing their borders (see [`super::simplify`]).
fn add_levels(
    areas: &mut [Option<AreaShape>],
    water: &mut [AreaShape],
    context: &mut [AreaShape],
    rivers: &mut [RiverShape],
    modern_borders: &mut [RiverShape],
) {
    let importance = Arc::new({
        let shapes = areas.iter().flatten().chain(water.iter()).chain(context.iter());
        let rings: Vec<&[MapPoint]> = shapes.flat_map(AreaShape::full_rings).collect();
        let lines: Vec<&[MapPoint]> =
            rivers.iter().chain(modern_borders.iter()).flat_map(|shape| &shape.lines).map(Vec::as_slice).collect();
        Importance::new(&rings, &lines)
    });
    for shape in areas.iter_mut().flatten().chain(water.iter_mut()).chain(context.iter_mut()) {
        shape.add_levels(&importance);
    }
    for shape in rivers.iter_mut().chain(modern_borders.iter_mut()) {
        shape.add_levels(&importance);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triangulates_a_square_with_a_hole() {
        let outer = LineString::from(vec![(60.0, 45.0), (62.0, 45.0), (62.0, 47.0), (60.0, 47.0), (60.0, 45.0)]);
        let hole = LineString::from(vec![(60.5, 45.5), (60.5, 46.5), (61.5, 46.5), (61.5, 45.5), (60.5, 45.5)]);
        let shape = AreaShape::new(&Albers::kazakhstan(), &MultiPolygon(vec![Polygon::new(outer, vec![hole])]));
        assert_eq!(shape.outline().rings.len(), 2);
        assert!(shape.outline().triangles.len() >= 8 * 3);
        // The filled triangles add up to the area between the rings.
        let filled: f64 = shape
            .outline()
            .triangles
            .chunks(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| shape.outline().vertices[i as usize]);
                f64::from(((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs()) / 2.0
            })
            .sum();
        assert!((filled / shape.area_km2() - 1.0).abs() < 1e-3);
        let projection = Albers::kazakhstan();
        let inside = projection.map_from_lonlat(crate::model::LonLat { lon: 60.2, lat: 45.2 });
        let in_hole = projection.map_from_lonlat(crate::model::LonLat { lon: 61.0, lat: 46.0 });
        assert!(shape.contains(inside));
        assert!(!shape.contains(in_hole));
    }
}
