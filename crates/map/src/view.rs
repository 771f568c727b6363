//! The map's view state: where it looks and how close. Owned by the app, not by the widget, so
//! that it can be saved, restored, animated or driven by a tour.

use atlas_core::geometry::{MapGeometry, MapPoint, MapRect};
use atlas_core::model::PlaceId;

/// Centre and scale of the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    /// The map point at the centre of the widget, in kilometres.
    pub centre: MapPoint,
    /// Kilometres per screen point: larger is farther out.
    pub km_per_point: f32,
}

impl MapView {
    /// The closest and farthest the map can zoom, in kilometres per point.
    pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.05..=20.0;

    /// The view that shows all of `bounds` in a widget of `size` points, with a margin: the
    /// names at the edge (the Bukey Horde's, the Ryn sands') stay inside too.
    pub fn fit(bounds: MapRect, size: [f32; 2]) -> MapView {
        const MARGIN: f32 = 24.0;
        let inner = |side: f32| (side - 2.0 * MARGIN).max(side / 2.0).max(1.0);
        let [width, height] = [inner(size[0]), inner(size[1])];
        let km_per_point = (bounds.width() / width).max(bounds.height() / height) * 1.04;
        MapView {
            centre: bounds.centre(),
            km_per_point: km_per_point.clamp(*Self::ZOOM_RANGE.start(), *Self::ZOOM_RANGE.end()),
        }
    }

    /// The closest a chosen city is shown, in kilometres per point: its uezd around it.
    pub const CITY_KM_PER_POINT: f32 = 1.5;

    /// Moves the view to a place chosen in a search or a list, in a widget of `size` points:
    /// an area fitted whole, a city centred and brought at least as close as
    /// [`MapView::CITY_KM_PER_POINT`]. The desk and the kiosk both show a choice this way.
    pub fn show_place(&mut self, geometry: &MapGeometry, place: PlaceId, size: [f32; 2]) {
        if let Some(shape) = geometry.area(place) {
            *self = MapView::fit(shape.bounds, size);
        } else if let Some(point) = geometry.point(place) {
            self.centre = point;
            self.km_per_point = self.km_per_point.min(Self::CITY_KM_PER_POINT);
        }
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the map point under `anchor` in place;
    /// `anchor` is an offset in points from the widget's centre.
    pub fn zoom_about(&mut self, factor: f32, anchor: [f32; 2]) {
        if !factor.is_finite() || factor <= 0.0 {
            return;
        }
        let old = self.km_per_point;
        let new = (old / factor).clamp(*Self::ZOOM_RANGE.start(), *Self::ZOOM_RANGE.end());
        // The map point under the anchor: centre + anchor * old (y flipped: screen y grows downwards).
        self.centre.x += anchor[0] * (old - new);
        self.centre.y -= anchor[1] * (old - new);
        self.km_per_point = new;
    }

    /// Moves the map by a screen drag of `delta` points.
    pub fn pan_by(&mut self, delta: [f32; 2]) {
        self.centre.x -= delta[0] * self.km_per_point;
        self.centre.y += delta[1] * self.km_per_point;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_still() {
        let mut view = MapView { centre: MapPoint::new(100.0, 50.0), km_per_point: 2.0 };
        let anchor = [30.0, -20.0];
        let under = |v: &MapView| (v.centre.x + anchor[0] * v.km_per_point, v.centre.y - anchor[1] * v.km_per_point);
        let before = under(&view);
        view.zoom_about(1.7, anchor);
        let after = under(&view);
        assert!((before.0 - after.0).abs() < 1e-3 && (before.1 - after.1).abs() < 1e-3);
        assert!((view.km_per_point - 2.0 / 1.7).abs() < 1e-5);
    }

    #[test]
    fn fit_shows_the_whole_extent() {
        let bounds = MapRect { min: MapPoint::new(-1000.0, -500.0), max: MapPoint::new(1000.0, 500.0) };
        let view = MapView::fit(bounds, [1000.0, 1000.0]);
        assert!(view.km_per_point >= 2.0);
        assert_eq!(view.centre, MapPoint::new(0.0, 0.0));
    }

    #[test]
    fn a_chosen_area_is_fitted_whole_and_a_city_brought_close() {
        let atlas = atlas_data::load(&atlas_data::Dataset::embedded()).atlas;
        let geometry = MapGeometry::new(&atlas);
        let place = |id: &str| atlas.place_by_id(id).unwrap_or_else(|| panic!("no {id}"));
        let size = [800.0, 600.0];
        // Zoomed in on Verny, the search picks the Turgai oblast: all of it comes into view.
        let mut view = MapView { centre: MapPoint::new(700.0, -600.0), km_per_point: 0.3 };
        view.show_place(&geometry, place("turgai_oblast"), size);
        let bounds = geometry.area(place("turgai_oblast")).map(|area| area.bounds).unwrap_or(MapRect::NOTHING);
        let half = [size[0] / 2.0 * view.km_per_point, size[1] / 2.0 * view.km_per_point];
        assert!(bounds.width() <= 2.0 * half[0] && bounds.height() <= 2.0 * half[1], "{view:?}");
        assert_eq!(view.centre, bounds.centre());
        // Then a city: centred, and close.
        view.show_place(&geometry, place("omsk"), size);
        assert_eq!(Some(view.centre), geometry.point(place("omsk")));
        assert!(view.km_per_point <= MapView::CITY_KM_PER_POINT);
    }
}
