//! The map projection: Albers equal-area conic, fitted to Kazakhstan.
//!
//! Equal-area because the atlas compares territory (who held how much land), conic with standard
//! parallels at 42° and 54° N because the region is wide in longitude and spans those latitudes,
//! so shapes stay true where it matters; Web Mercator would inflate the north by half.

use crate::model::LonLat;

/// A point on the projected map, in kilometres east and north of the projection's origin.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct MapPoint {
    pub x: f32,
    pub y: f32,
}

impl MapPoint {
    pub const fn new(x: f32, y: f32) -> MapPoint {
        MapPoint { x, y }
    }

    pub fn distance(self, other: MapPoint) -> f32 {
        ((self.x - other.x).powi(2) + (self.y - other.y).powi(2)).sqrt()
    }
}

/// An axis-aligned rectangle on the map, in kilometres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapRect {
    pub min: MapPoint,
    pub max: MapPoint,
}

impl MapRect {
    pub const NOTHING: MapRect = MapRect {
        min: MapPoint::new(f32::INFINITY, f32::INFINITY),
        max: MapPoint::new(f32::NEG_INFINITY, f32::NEG_INFINITY),
    };

    pub fn extend(&mut self, point: MapPoint) {
        self.min.x = self.min.x.min(point.x);
        self.min.y = self.min.y.min(point.y);
        self.max.x = self.max.x.max(point.x);
        self.max.y = self.max.y.max(point.y);
    }

    pub fn union(self, other: MapRect) -> MapRect {
        let mut rect = self;
        rect.extend(other.min);
        rect.extend(other.max);
        rect
    }

    pub fn is_empty(&self) -> bool {
        !(self.min.x <= self.max.x && self.min.y <= self.max.y)
    }

    pub fn centre(&self) -> MapPoint {
        MapPoint::new((self.min.x + self.max.x) / 2.0, (self.min.y + self.max.y) / 2.0)
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn contains(&self, point: MapPoint) -> bool {
        self.min.x <= point.x && point.x <= self.max.x && self.min.y <= point.y && point.y <= self.max.y
    }
}

/// Spherical Albers equal-area conic projection.
#[derive(Clone, Copy, Debug)]
pub struct Albers {
    central_meridian: f64,
    n: f64,
    c: f64,
    rho0: f64,
}

/// The authalic radius of the Earth in kilometres.
const EARTH_RADIUS_KM: f64 = 6371.0072;

impl Albers {
    /// Standard parallels 42° and 54° N, origin 48° N 67° E: the centre of Kazakhstan.
    pub fn kazakhstan() -> Albers {
        Albers::new(42.0, 54.0, 48.0, 67.0)
    }

    pub fn new(parallel_1: f64, parallel_2: f64, origin_lat: f64, central_meridian: f64) -> Albers {
        let (phi1, phi2, phi0) = (parallel_1.to_radians(), parallel_2.to_radians(), origin_lat.to_radians());
        let n = (phi1.sin() + phi2.sin()) / 2.0;
        let c = phi1.cos().powi(2) + 2.0 * n * phi1.sin();
        let rho0 = EARTH_RADIUS_KM * (c - 2.0 * n * phi0.sin()).sqrt() / n;
        Albers { central_meridian, n, c, rho0 }
    }

    /// Projects a longitude and latitude to kilometres on the map.
    pub fn map_from_lonlat(&self, lonlat: LonLat) -> MapPoint {
        let (x, y) = self.project(lonlat.lon, lonlat.lat);
        MapPoint::new(x as f32, y as f32)
    }

    /// Projects in double precision (for areas and distances).
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let rho = EARTH_RADIUS_KM * (self.c - 2.0 * self.n * lat.to_radians().sin()).max(0.0).sqrt() / self.n;
        let theta = self.n * (lon - self.central_meridian).to_radians();
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// The longitude and latitude of a map point.
    pub fn lonlat_from_map(&self, point: MapPoint) -> LonLat {
        let (x, y) = (f64::from(point.x), f64::from(point.y));
        let rho = (x * x + (self.rho0 - y).powi(2)).sqrt();
        let theta = x.atan2(self.rho0 - y);
        let sin_lat = ((self.c - (rho * self.n / EARTH_RADIUS_KM).powi(2)) / (2.0 * self.n)).clamp(-1.0, 1.0);
        LonLat { lon: self.central_meridian + (theta / self.n).to_degrees(), lat: sin_lat.asin().to_degrees() }
    }
}

/// Great-circle distance in kilometres: geo's haversine, on the sphere the projection uses (the
/// GRS80 sphere of equal area, whose radius is geo's `GRS80_EQUAL_AREA`, in kilometres here).
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    use geo::{Distance, HaversineMeasure, Point};
    HaversineMeasure::new(EARTH_RADIUS_KM).distance(Point::new(a.lon, a.lat), Point::new(b.lon, b.lat))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_projects_to_zero_and_round_trips() {
        let albers = Albers::kazakhstan();
        let origin = albers.map_from_lonlat(LonLat { lon: 67.0, lat: 48.0 });
        assert!(origin.x.abs() < 1e-3 && origin.y.abs() < 1e-3);
        for (lon, lat) in [(51.37, 51.23), (76.95, 43.25), (30.32, 59.94), (90.0, 38.0)] {
            let back = albers.lonlat_from_map(albers.map_from_lonlat(LonLat { lon, lat }));
            assert!((back.lon - lon).abs() < 1e-3 && (back.lat - lat).abs() < 1e-3, "{lon},{lat} -> {back:?}");
        }
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let albers = Albers::kazakhstan();
        let omsk = albers.map_from_lonlat(LonLat { lon: 73.37, lat: 54.99 });
        let tashkent = albers.map_from_lonlat(LonLat { lon: 69.24, lat: 41.30 });
        let uralsk = albers.map_from_lonlat(LonLat { lon: 51.37, lat: 51.23 });
        assert!(omsk.y > tashkent.y);
        assert!(omsk.x > uralsk.x);
    }

    #[test]
    fn projection_preserves_area() {
        // A 1°x1° cell at 45° N has 7,860 km² on the sphere; the projection must keep it.
        let albers = Albers::kazakhstan();
        let corners =
            [(60.0, 45.0), (61.0, 45.0), (61.0, 46.0), (60.0, 46.0)].map(|(lon, lat)| albers.project(lon, lat));
        let mut twice_area = 0.0;
        for i in 0..4 {
            let (a, b) = (corners[i], corners[(i + 1) % 4]);
            twice_area += a.0 * b.1 - b.0 * a.1;
        }
        let sphere =
            EARTH_RADIUS_KM.powi(2) * 1f64.to_radians() * (46f64.to_radians().sin() - 45f64.to_radians().sin());
        assert!(((twice_area / 2.0) / sphere - 1.0).abs() < 0.002, "{} vs {sphere}", twice_area / 2.0);
    }

    #[test]
    fn great_circle_distance() {
        // Omsk to Petropavlovsk is about 260 km.
        let d = distance_km(LonLat { lon: 73.37, lat: 54.99 }, LonLat { lon: 69.15, lat: 54.87 });
        assert!((255.0..275.0).contains(&d), "{d}");
    }
}
