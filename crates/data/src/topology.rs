//! Checks of the map's topology and of where the cities lie, run once after loading.
//!
//! Areas are compared with geo's boolean operations and measured geodesically (WGS84), so the
//! tolerance is in square kilometres: shared borders drawn over the same nodes leave only slivers
//! of floating-point noise, far below it.

use geo::{BooleanOps, BoundingRect, Contains, GeodesicArea, Intersects, MultiPolygon, Point, Polygon};

use super::problem::Problem;
use atlas_core::model::{Place, PlaceId, PlaceKind};

/// Overlaps, gaps and differences smaller than this (km²) are taken as rounding, not as errors.
pub const TOLERANCE_KM2: f64 = 1.0;

/// Geodesic area of a shape in km².
pub fn area_km2(shape: &MultiPolygon<f64>) -> f64 {
    shape.geodesic_area_unsigned() / 1e6
}

/// Where the problems of the topology are reported: the two files and the line of each place.
pub struct Lines<'a> {
    pub places_file: &'a str,
    pub areas_file: &'a str,
    /// The line of each place's entry in places.toml, by place index.
    pub place_lines: &'a [usize],
    /// The line of each area's feature in areas.geojson, by place index.
    pub area_lines: &'a [Option<usize>],
}

/// Reports cities outside their parent areas, overlapping units, gaps between oblasts and uezds
/// whose union is not their oblast.
pub fn check(places: &[Place], lines: &Lines<'_>, problems: &mut Vec<Problem>) {
    check_cities(places, lines, problems);
    check_overlaps(places, lines, problems);
    check_gaps(places, lines, problems);
    check_uezd_unions(places, lines, problems);
}

fn area_line(lines: &Lines<'_>, index: usize) -> Option<usize> {
    lines.area_lines.get(index).copied().flatten()
}

fn check_cities(places: &[Place], lines: &Lines<'_>, problems: &mut Vec<Problem>) {
    for (index, city) in places.iter().enumerate() {
        let Some(location) = city.location else {
            continue;
        };
        let point = Point::new(location.lon, location.lat);
        let mut current = city.parent;
        let mut steps = 0;
        while let Some(parent) = current {
            let area_place = &places[parent.index()];
            if area_place.kind != PlaceKind::Zone
                && let Some(area) = &area_place.area
                && !area.contains(&point)
            {
                problems.push(Problem::new(
                    lines.places_file,
                    lines.place_lines.get(index).copied(),
                    format!("city `{}` lies outside its {} `{}`", city.id, area_place.kind.id(), area_place.id),
                ));
            }
            current = area_place.parent;
            steps += 1;
            if steps > places.len() {
                break;
            }
        }
    }
}

/// Pairs of units of one level that may not overlap: oblast-level units, and uezds of one oblast.
fn check_overlaps(places: &[Place], lines: &Lines<'_>, problems: &mut Vec<Problem>) {
    let units: Vec<(usize, &Place, &MultiPolygon<f64>)> = places
        .iter()
        .enumerate()
        .filter(|(_, place)| matches!(place.kind, PlaceKind::Oblast | PlaceKind::Uezd))
        .filter_map(|(index, place)| Some((index, place, place.area.as_ref()?)))
        .collect();
    for (i, &(_, a, area_a)) in units.iter().enumerate() {
        for &(index_b, b, area_b) in &units[i + 1..] {
            let same_level = a.kind == b.kind && (a.kind == PlaceKind::Oblast || a.parent == b.parent);
            if !same_level || !bounds_meet(area_a, area_b) {
                continue;
            }
            let overlap = area_km2(&area_a.intersection(area_b));
            if overlap > TOLERANCE_KM2 {
                problems.push(Problem::new(
                    lines.areas_file,
                    area_line(lines, index_b),
                    format!("{} `{}` overlaps {} `{}` by {overlap:.0} km²", b.kind.id(), b.id, a.kind.id(), a.id),
                ));
            }
        }
    }
}

fn bounds_meet(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> bool {
    match (a.bounding_rect(), b.bounding_rect()) {
        (Some(a), Some(b)) => a.intersects(&b),
        _ => false,
    }
}

/// Holes in the union of the oblast-level units are gaps between neighbours.
fn check_gaps(places: &[Place], lines: &Lines<'_>, problems: &mut Vec<Problem>) {
    let oblasts: Vec<&MultiPolygon<f64>> =
        places.iter().filter(|place| place.kind == PlaceKind::Oblast).filter_map(|place| place.area.as_ref()).collect();
    let union = geo::unary_union(oblasts);
    for polygon in &union.0 {
        for hole in polygon.interiors() {
            let gap = area_km2(&MultiPolygon(vec![Polygon::new(hole.clone(), vec![])]));
            if gap > TOLERANCE_KM2 {
                let at = hole.0.first().map(|c| format!(" near {:.2}, {:.2}", c.x, c.y)).unwrap_or_default();
                problems.push(Problem::new(
                    lines.areas_file,
                    None,
                    format!("the oblasts leave a gap of {gap:.0} km² between them{at}"),
                ));
            }
        }
    }
}

/// The uezds of an oblast must cover it exactly: nothing of it left out, nothing outside it.
fn check_uezd_unions(places: &[Place], lines: &Lines<'_>, problems: &mut Vec<Problem>) {
    for (index, oblast) in places.iter().enumerate() {
        let Some(outline) = &oblast.area else {
            continue;
        };
        let id = PlaceId(index as u32);
        let uezds: Vec<&MultiPolygon<f64>> = places
            .iter()
            .filter(|place| place.kind == PlaceKind::Uezd && place.parent == Some(id))
            .filter_map(|place| place.area.as_ref())
            .collect();
        if uezds.is_empty() {
            continue;
        }
        let union = geo::unary_union(uezds);
        let uncovered = area_km2(&outline.difference(&union));
        let outside = area_km2(&union.difference(outline));
        if uncovered > TOLERANCE_KM2 || outside > TOLERANCE_KM2 {
            problems.push(Problem::new(
                lines.areas_file,
                area_line(lines, index),
                format!(
                    "the uezds of `{}` do not make up its outline: {uncovered:.0} km² of it in no uezd, {outside:.0} km² of uezds outside it",
                    oblast.id
                ),
            ));
        }
    }
}
