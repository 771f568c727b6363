//! Reads outlines from GeoJSON FeatureCollections (RFC 7946), with a problem per bad feature.

use geo::{LineString, MultiLineString, MultiPolygon, Polygon};
use serde_json::Value;

use super::load::{BadPosition, checked_lon_lat};
use super::problem::{LineIndex, ProblemKind, Reporter};
use atlas_core::model::{LonLat, Names};

/// One feature's outline, keyed by `properties.id`.
pub struct Outline {
    pub id: String,
    /// `properties.name_kk`, `name_ru`, `name_en`, when all three are given.
    pub name: Option<Names>,
    pub area: MultiPolygon<f64>,
    /// The line where the feature's id is written, for messages.
    pub line: Option<usize>,
}

/// One feature of a FeatureCollection that has a string `properties.id`.
struct Feature<'a> {
    id: &'a str,
    /// The line where the id is written, for messages.
    line: Option<usize>,
    properties: Option<&'a Value>,
    geometry: Option<&'a Value>,
}

impl Feature<'_> {
    /// Reports why the feature's `geometry` cannot be used, at the feature's line.
    fn report_geometry(&self, reporter: &mut Reporter<'_>, error: &dyn std::fmt::Display) {
        reporter.at_line(self.line, format!("`geometry` of `{}`: {error}", self.id));
    }
}

/// Calls `each` with every feature of the FeatureCollection in `text` that has a string
/// `properties.id`, in order. Text that is not JSON, JSON that is not a FeatureCollection, and a
/// feature without an id are reported here; what a feature holds is for `each` to check.
fn for_each_feature(reporter: &mut Reporter<'_>, text: &str, mut each: impl FnMut(&mut Reporter<'_>, Feature<'_>)) {
    let document: Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => {
            reporter.kind_at_line(ProblemKind::File, Some(error.line().max(1)), format!("not valid JSON: {error}"));
            return;
        }
    };
    let Some(features) = document.get("features").and_then(Value::as_array) else {
        reporter.kind_at_line(
            ProblemKind::File,
            Some(1),
            "`features`: expected a GeoJSON FeatureCollection with a `features` array",
        );
        return;
    };
    let mut id_lines = IdLines::new(text);
    for (number, feature) in features.iter().enumerate() {
        let properties = feature.get("properties");
        let Some(id) = properties.and_then(|p| p.get("id")).and_then(Value::as_str) else {
            reporter.at_line(None, format!("feature {} has no string `properties.id`", number + 1));
            continue;
        };
        let line = id_lines.next(id);
        each(reporter, Feature { id, line, properties, geometry: feature.get("geometry") });
    }
}

/// The outlines of a FeatureCollection; features that cannot be read are reported and skipped.
pub fn read_outlines(reporter: &mut Reporter<'_>, text: &str) -> Vec<Outline> {
    let mut outlines = Vec::new();
    for_each_feature(reporter, text, |reporter, feature| {
        let name = feature.properties.and_then(names);
        match read_geometry(feature.geometry) {
            Ok(area) => outlines.push(Outline { id: feature.id.to_owned(), name, area, line: feature.line }),
            Err(error) => feature.report_geometry(reporter, &error),
        }
    });
    outlines
}

/// One feature's course (a river), keyed by `properties.id`.
pub struct Course {
    pub id: String,
    pub name: Option<Names>,
    pub lines: MultiLineString<f64>,
    /// `properties.rank` (1 the most important), if given.
    pub rank: Option<u8>,
}

/// The LineString or MultiLineString features of a FeatureCollection; bad features are reported.
pub fn read_courses(reporter: &mut Reporter<'_>, text: &str) -> Vec<Course> {
    let mut courses = Vec::new();
    for_each_feature(reporter, text, |reporter, feature| {
        let (id, line) = (feature.id, feature.line);
        let name = feature.properties.and_then(names);
        let rank = match feature.properties.and_then(|p| p.get("rank")) {
            None => None,
            Some(value) => match value.as_u64().and_then(|n| u8::try_from(n).ok()).filter(|n| (1..=4).contains(n)) {
                Some(rank) => Some(rank),
                None => {
                    reporter.at_line(line, format!("`properties.rank` of `{id}`: {value} is not a rank from 1 to 4"));
                    return;
                }
            },
        };
        match read_line_geometry(feature.geometry) {
            Ok(lines) => courses.push(Course { id: id.to_owned(), name, lines, rank }),
            Err(error) => feature.report_geometry(reporter, &error),
        }
    });
    courses
}

/// Why a feature's `geometry` cannot be used; the message names the part, as in
/// "ring 2: has 3 positions; a closed ring needs at least 4".
#[derive(Debug, thiserror::Error)]
pub(crate) enum GeometryError {
    #[error("missing")]
    Missing,
    #[error("`coordinates` must be an array")]
    NoCoordinates,
    #[error("type `{0}` is not LineString or MultiLineString")]
    NotLines(String),
    #[error("type `{0}` is not Polygon or MultiPolygon")]
    NotPolygons(String),
    #[error("a MultiLineString needs at least one line")]
    NoLines,
    #[error("a MultiPolygon needs at least one polygon")]
    NoPolygons,
    #[error("line {0} must be an array of positions")]
    LineNotArray(usize),
    #[error("line {number}: {error}")]
    InLine { number: usize, error: Box<GeometryError> },
    #[error("has {0} positions; a line needs at least 2")]
    ShortLine(usize),
    #[error("a polygon must be an array of rings")]
    PolygonNotArray,
    #[error("a polygon needs an outer ring")]
    NoOuterRing,
    #[error("ring {number}: {error}")]
    InRing { number: usize, error: Box<GeometryError> },
    #[error("must be an array of positions")]
    RingNotArray,
    #[error("has {0} positions; a closed ring needs at least 4")]
    ShortRing(usize),
    #[error("is not closed: its last position must repeat the first")]
    OpenRing,
    #[error("crosses or touches itself at [{lon}, {lat}]; draw a hole or a second polygon instead")]
    CrossesItself { lon: f64, lat: f64 },
    #[error(transparent)]
    Position(#[from] BadPosition),
}

fn read_line_geometry(geometry: Option<&Value>) -> Result<MultiLineString<f64>, GeometryError> {
    let Some(geometry) = geometry else {
        return Err(GeometryError::Missing);
    };
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or_default();
    let Some(coordinates) = geometry.get("coordinates").and_then(Value::as_array) else {
        return Err(GeometryError::NoCoordinates);
    };
    let lines = match kind {
        "LineString" => vec![line_of(coordinates)?],
        "MultiLineString" => coordinates
            .iter()
            .enumerate()
            .map(|(i, line)| {
                line.as_array().ok_or(GeometryError::LineNotArray(i + 1)).and_then(|line| {
                    line_of(line).map_err(|error| GeometryError::InLine { number: i + 1, error: Box::new(error) })
                })
            })
            .collect::<Result<Vec<_>, _>>()?,
        other => return Err(GeometryError::NotLines(other.to_owned())),
    };
    if lines.is_empty() {
        return Err(GeometryError::NoLines);
    }
    Ok(MultiLineString(lines))
}

fn line_of(positions: &[Value]) -> Result<LineString<f64>, GeometryError> {
    let mut points = Vec::with_capacity(positions.len());
    for position in positions {
        points.push(position_of(position)?);
    }
    if points.len() < 2 {
        return Err(GeometryError::ShortLine(points.len()));
    }
    Ok(LineString::from(points))
}

fn position_of(position: &Value) -> Result<(f64, f64), BadPosition> {
    let pair = position.as_array().map(|p| (p.first().and_then(Value::as_f64), p.get(1).and_then(Value::as_f64)));
    let Some((Some(lon), Some(lat))) = pair else {
        return Err(BadPosition::NotAPair(position.to_string()));
    };
    let LonLat { lon, lat } = checked_lon_lat(lon, lat)?;
    Ok((lon, lat))
}

fn names(properties: &Value) -> Option<Names> {
    let get = |key: &str| properties.get(key).and_then(Value::as_str).map(str::to_owned);
    Some(Names::new(get("name_kk")?, get("name_ru")?, get("name_en")?))
}

/// The lines of the features' `"id"` strings, found in the order the features come: each search
/// starts after the previous feature's id, so that a second feature with the same id gets its
/// own line and a file of many features is read once, not once per feature.
struct IdLines<'a> {
    text: &'a str,
    lines: LineIndex,
    from: usize,
}

impl<'a> IdLines<'a> {
    fn new(text: &'a str) -> IdLines<'a> {
        IdLines { text, lines: LineIndex::new(text), from: 0 }
    }

    /// The line of the next `"id": "<id>"` (GeoJSON values carry no positions of their own).
    fn next(&mut self, id: &str) -> Option<usize> {
        let offset = find_id(self.text, id, self.from).or_else(|| find_id(self.text, id, 0))?;
        self.from = offset + 1;
        Some(self.lines.line_of(offset))
    }
}

fn find_id(text: &str, id: &str, from: usize) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    text.get(from..)?.match_indices(&quoted).map(|(i, _)| from + i).find(|&i| {
        let before = text[..i].trim_end();
        before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("\"id\"")
    })
}

fn read_geometry(geometry: Option<&Value>) -> Result<MultiPolygon<f64>, GeometryError> {
    let Some(geometry) = geometry else {
        return Err(GeometryError::Missing);
    };
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or_default();
    let Some(coordinates) = geometry.get("coordinates").and_then(Value::as_array) else {
        return Err(GeometryError::NoCoordinates);
    };
    match kind {
        "Polygon" => Ok(MultiPolygon(vec![polygon(coordinates)?])),
        "MultiPolygon" => {
            let polygons = coordinates
                .iter()
                .map(|p| p.as_array().ok_or(GeometryError::PolygonNotArray).and_then(|p| polygon(p)))
                .collect::<Result<Vec<_>, _>>()?;
            if polygons.is_empty() {
                return Err(GeometryError::NoPolygons);
            }
            Ok(MultiPolygon(polygons))
        }
        other => Err(GeometryError::NotPolygons(other.to_owned())),
    }
}

fn polygon(rings: &[Value]) -> Result<Polygon<f64>, GeometryError> {
    let mut rings = rings.iter().enumerate().map(|(i, ring)| {
        ring_of(ring).map_err(|error| GeometryError::InRing { number: i + 1, error: Box::new(error) })
    });
    let exterior = rings.next().ok_or(GeometryError::NoOuterRing)??;
    let interiors = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(Polygon::new(exterior, interiors))
}

fn ring_of(ring: &Value) -> Result<LineString<f64>, GeometryError> {
    let positions = ring.as_array().ok_or(GeometryError::RingNotArray)?;
    let mut points = Vec::with_capacity(positions.len());
    for position in positions {
        points.push(position_of(position)?);
    }
    if points.len() < 4 {
        return Err(GeometryError::ShortRing(points.len()));
    }
    if points.first() != points.last() {
        return Err(GeometryError::OpenRing);
    }
    if let Some((lon, lat)) = self_crossing(&points) {
        let (lon, lat) = ((lon * 1e4).round() / 1e4, (lat * 1e4).round() / 1e4);
        return Err(GeometryError::CrossesItself { lon, lat });
    }
    Ok(LineString::from(points))
}

/// Where a closed ring crosses or touches itself, if it does (a figure eight, a bow tie, a
/// spike back along an edge, a ring of fewer than three distinct positions). Such a ring has no
/// one inside: it cannot be filled, measured or checked against its neighbours.
///
/// The segments are swept by their western ends, so a ring of n positions costs about n log n.
fn self_crossing(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    use geo::{Coord, Line, LineIntersection, line_intersection::line_intersection};
    let mut ring: Vec<Coord<f64>> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        if ring.last() != Some(&Coord { x, y }) {
            ring.push(Coord { x, y });
        }
    }
    let segments: Vec<Line<f64>> = ring.windows(2).map(|pair| Line::new(pair[0], pair[1])).collect();
    let count = segments.len();
    if count < 3 {
        return points.first().copied();
    }
    let west = |line: &Line<f64>| line.start.x.min(line.end.x);
    let east = |line: &Line<f64>| line.start.x.max(line.end.x);
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by(|&a, &b| west(&segments[a]).total_cmp(&west(&segments[b])));
    for (k, &i) in order.iter().enumerate() {
        for &j in &order[k + 1..] {
            if west(&segments[j]) > east(&segments[i]) {
                break;
            }
            // Neighbours along the ring share a position; only an overlap beyond it counts.
            let neighbours = i.abs_diff(j) == 1 || i.abs_diff(j) == count - 1;
            match line_intersection(segments[i], segments[j]) {
                Some(LineIntersection::SinglePoint { intersection, .. }) if !neighbours => {
                    return Some((intersection.x, intersection.y));
                }
                Some(LineIntersection::Collinear { intersection }) => {
                    return Some((intersection.start.x, intersection.start.y));
                }
                _ => {}
            }
        }
    }
    None
}

/// The present-day borders (lines) and country names (points with `kind = "label"`) of
/// `modern_borders.geojson`.
pub fn read_modern_borders(
    reporter: &mut Reporter<'_>,
    text: &str,
) -> (Vec<atlas_core::model::BorderLine>, Vec<atlas_core::model::MapLabel>) {
    let (mut borders, mut labels) = (Vec::new(), Vec::new());
    for_each_feature(reporter, text, |reporter, feature| {
        let (id, geometry) = (feature.id, feature.geometry);
        if geometry.and_then(|g| g.get("type")).and_then(Value::as_str) == Some("Point") {
            let position = geometry.and_then(|g| g.get("coordinates")).map(position_of);
            match (position, feature.properties.and_then(names)) {
                (Some(Ok((lon, lat))), Some(name)) => labels.push(atlas_core::model::MapLabel {
                    id: id.to_owned(),
                    name,
                    at: LonLat { lon, lat },
                    angle_degrees: 0.0,
                    kind: atlas_core::model::LabelKind::Country,
                }),
                (Some(Err(error)), _) => feature.report_geometry(reporter, &error),
                _ => reporter
                    .at_line(feature.line, format!("label `{id}` needs coordinates and name_kk, name_ru, name_en")),
            }
            return;
        }
        match read_line_geometry(geometry) {
            Ok(course) => borders.push(atlas_core::model::BorderLine { id: id.to_owned(), course }),
            Err(error) => feature.report_geometry(reporter, &error),
        }
    });
    (borders, labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_a_feature_id() {
        let text = "{\n \"features\": [\n  {\"properties\": {\"id\": \"turgai_oblast\"}}\n ]\n}";
        assert_eq!(IdLines::new(text).next("turgai_oblast"), Some(3));
        assert_eq!(IdLines::new(text).next("omsk"), None);
        let twice = "{\"features\": [\n{\"properties\": {\"id\": \"a\"}},\n{\"properties\": {\"id\": \"a\"}}\n]}";
        let mut lines = IdLines::new(twice);
        assert_eq!([lines.next("a"), lines.next("a")], [Some(2), Some(3)], "a second feature gets its own line");
    }

    #[test]
    fn reads_river_ranks_and_names_a_bad_one_with_its_line() {
        let text = "{\"type\": \"FeatureCollection\", \"features\": [\n\
            {\"properties\": {\"id\": \"ural\", \"rank\": 1}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[51, 51], [52, 47]]}},\n\
            {\"properties\": {\"id\": \"wdb_1\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[60, 50], [61, 50]]}},\n\
            {\"properties\": {\"id\": \"wdb_2\", \"rank\": 9}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[60, 50], [61, 50]]}}\n]}";
        let mut problems = Vec::new();
        let courses = read_courses(&mut Reporter::new("rivers.geojson", text, &mut problems), text);
        assert_eq!(
            courses.iter().map(|c| (c.id.as_str(), c.rank)).collect::<Vec<_>>(),
            [("ural", Some(1)), ("wdb_1", None)]
        );
        assert_eq!(problems.len(), 1);
        let message = problems[0].to_string();
        assert!(
            message.starts_with("rivers.geojson:4:") && message.contains("rank") && message.contains("wdb_2"),
            "{message}"
        );
    }

    #[test]
    fn rejects_unclosed_rings_and_bad_coordinates() {
        let ring = serde_json::json!([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]);
        assert!(ring_of(&ring).unwrap_err().to_string().contains("not closed"));
        let ring = serde_json::json!([[0.0, 0.0], [1.0, 0.0], [1.0, 100.0], [0.0, 0.0]]);
        assert!(ring_of(&ring).unwrap_err().to_string().contains("not a longitude"));
    }

    #[test]
    fn rejects_rings_that_cross_or_touch_themselves() {
        let bow_tie = serde_json::json!([[0.0, 0.0], [2.0, 2.0], [2.0, 0.0], [0.0, 2.0], [0.0, 0.0]]);
        assert!(ring_of(&bow_tie).unwrap_err().to_string().contains("crosses or touches itself at [1, 1]"));
        let spike = serde_json::json!([[0.0, 0.0], [2.0, 0.0], [3.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]);
        assert!(ring_of(&spike).unwrap_err().to_string().contains("crosses or touches itself"));
        let eight =
            serde_json::json!([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0], [2.0, 2.0], [1.0, 1.0], [0.0, 2.0], [0.0, 0.0]]);
        assert!(ring_of(&eight).unwrap_err().to_string().contains("crosses or touches itself at [1, 1]"));
        let collapsed = serde_json::json!([[1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [1.0, 1.0]]);
        assert!(ring_of(&collapsed).is_err());
        let square = serde_json::json!([[0.0, 0.0], [1.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]);
        assert!(ring_of(&square).is_ok(), "a repeated position is not a crossing");
    }
}
