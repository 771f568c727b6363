//! The map's view state: where it looks and how close. Owned by the app, not by the widget, so
//! that it can be saved, restored, animated or driven by a tour.

use atlas_core::geometry::{MapPoint, MapRect};

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
}
