//! Places: oblasts, uezds, cities and free zones.

use geo::MultiPolygon;

use super::Names;

/// Index of a place in [`super::Atlas::places`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(pub u32);

impl PlaceId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of place this is; the ids are part of `query --json`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Oblast,
    Uezd,
    City,
    /// A stanitsa, village, aul, fort or railway station: a point like a city, drawn smaller and
    /// labelled only once the towns have their labels.
    Settlement,
    /// An area that follows no administrative boundary, e.g. a partisan district.
    Zone,
}

impl PlaceKind {
    /// Whether a place of this kind takes its parent's control when it has no period of its
    /// own. A free zone (a partisan area, a front zone) does not: it exists only while it has a
    /// period of its own.
    pub fn inherits_control(self) -> bool {
        self != PlaceKind::Zone
    }

    pub const ALL: [PlaceKind; 5] =
        [PlaceKind::Oblast, PlaceKind::Uezd, PlaceKind::City, PlaceKind::Settlement, PlaceKind::Zone];

    pub fn id(self) -> &'static str {
        match self {
            PlaceKind::Oblast => "oblast",
            PlaceKind::Uezd => "uezd",
            PlaceKind::City => "city",
            PlaceKind::Settlement => "settlement",
            PlaceKind::Zone => "zone",
        }
    }

    pub fn from_id(id: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|kind| kind.id() == id)
    }

    /// The key of the kind's name in the translation table.
    pub fn key(self) -> &'static str {
        match self {
            PlaceKind::Oblast => "kind_oblast",
            PlaceKind::Uezd => "kind_uezd",
            PlaceKind::City => "kind_city",
            PlaceKind::Settlement => "kind_settlement",
            PlaceKind::Zone => "kind_zone",
        }
    }

    /// Whether places of this kind are areas (with an outline) rather than points.
    pub fn is_area(self) -> bool {
        !self.is_point()
    }

    /// Whether places of this kind are points (with coordinates): cities and settlements.
    pub fn is_point(self) -> bool {
        matches!(self, PlaceKind::City | PlaceKind::Settlement)
    }
}

/// A longitude and latitude in degrees (WGS84).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A place of the atlas.
#[derive(Clone, Debug)]
pub struct Place {
    /// The stable id used in data files and on the command line.
    pub id: String,
    pub kind: PlaceKind,
    /// The historic name (as of 1917-1920).
    pub name: Names,
    /// The modern name, where it differs from the historic one.
    pub modern_name: Option<Names>,
    pub parent: Option<PlaceId>,
    /// The point of a city.
    pub location: Option<LonLat>,
    /// The outline of an area, in degrees.
    pub area: Option<MultiPolygon<f64>>,
    /// People counted in the 1897 census, where known.
    pub population_1897: Option<u64>,
}
