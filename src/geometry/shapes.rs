//! The map's geometry, projected and triangulated once at load, ready to draw every frame.

use geo::{Contains, Coord, InteriorPoint, LineString, MultiPolygon, Polygon, TriangulateEarcut};

use super::projection::{Albers, MapPoint, MapRect};
use crate::model::{Atlas, PlaceId};

/// One area, in map kilometres: triangles to fill and rings to stroke.
#[derive(Clone, Debug)]
pub struct AreaShape {
    pub vertices: Vec<MapPoint>,
    /// Triangles, three indices into `vertices` each.
    pub triangles: Vec<u32>,
    /// Outer and inner rings, closed (last point repeats the first).
    pub rings: Vec<Vec<MapPoint>>,
    pub bounds: MapRect,
    /// A point inside the area's largest polygon, where its label goes.
    pub label_point: MapPoint,
    projected: MultiPolygon<f64>,
}

impl AreaShape {
    /// Projects and triangulates an outline given in degrees.
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
        let mut vertices = Vec::new();
        let mut triangles = Vec::new();
        let mut rings = Vec::new();
        let mut bounds = MapRect::NOTHING;
        for polygon in &projected {
            let raw = polygon.earcut_triangles_raw();
            let offset = vertices.len() as u32;
            vertices.extend(raw.vertices.iter().map(|[x, y]| MapPoint::new(*x as f32, *y as f32)));
            triangles.extend(raw.triangle_indices.iter().map(|&i| offset + i as u32));
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                let points: Vec<MapPoint> = ring.coords().map(|c| MapPoint::new(c.x as f32, c.y as f32)).collect();
                points.iter().for_each(|&p| bounds.extend(p));
                rings.push(points);
            }
        }
        let largest = projected.iter().max_by(|a, b| ring_area(a.exterior()).total_cmp(&ring_area(b.exterior())));
        let label_point = largest
            .and_then(|polygon| polygon.interior_point())
            .map_or(bounds.centre(), |p| MapPoint::new(p.x() as f32, p.y() as f32));
        AreaShape { vertices, triangles, rings, bounds, label_point, projected }
    }

    pub fn contains(&self, point: MapPoint) -> bool {
        self.bounds.contains(point) && self.projected.contains(&geo::Point::new(f64::from(point.x), f64::from(point.y)))
    }

    /// Area on the map in km²; equal to the true area, the projection being equal-area.
    pub fn area_km2(&self) -> f64 {
        self.projected
            .iter()
            .map(|polygon| ring_area(polygon.exterior()) - polygon.interiors().iter().map(ring_area).sum::<f64>())
            .sum()
    }
}

fn ring_area(ring: &LineString<f64>) -> f64 {
    (ring.0.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum::<f64>() / 2.0).abs()
}

/// A river's course, projected once at load: one polyline per part.
#[derive(Clone, Debug)]
pub struct RiverShape {
    pub lines: Vec<Vec<MapPoint>>,
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
        RiverShape { lines, bounds, label_point }
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
}

impl MapGeometry {
    pub fn new(atlas: &Atlas) -> MapGeometry {
        let projection = Albers::kazakhstan();
        let areas: Vec<Option<AreaShape>> = atlas
            .places
            .iter()
            .map(|place| place.area.as_ref().map(|area| AreaShape::new(&projection, area)))
            .collect();
        let points = atlas.places.iter().map(|place| place.location.map(|p| projection.map_from_lonlat(p))).collect();
        let water = atlas.water.iter().map(|body| AreaShape::new(&projection, &body.area)).collect();
        let context = atlas.context.iter().map(|area| AreaShape::new(&projection, &area.area)).collect();
        let rivers = atlas.rivers.iter().map(|river| RiverShape::new(&projection, &river.course)).collect();
        let mut bounds = MapRect::NOTHING;
        for (place, shape) in atlas.places.iter().zip(&areas) {
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
        let modern_borders = atlas.modern_borders.iter().map(|b| RiverShape::new(&projection, &b.course)).collect();
        let ranges = atlas.ranges.iter().map(|label| projection.map_from_lonlat(label.at)).collect();
        let modern_labels = atlas.modern_labels.iter().map(|label| projection.map_from_lonlat(label.at)).collect();
        MapGeometry { projection, areas, points, water, context, rivers, modern_borders, ranges, modern_labels, bounds }
    }

    pub fn area(&self, place: PlaceId) -> Option<&AreaShape> {
        self.areas.get(place.index())?.as_ref()
    }

    pub fn point(&self, place: PlaceId) -> Option<MapPoint> {
        *self.points.get(place.index())?
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
        assert_eq!(shape.rings.len(), 2);
        assert!(shape.triangles.len() >= 8 * 3);
        // The filled triangles add up to the area between the rings.
        let filled: f64 = shape
            .triangles
            .chunks(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| shape.vertices[i as usize]);
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
