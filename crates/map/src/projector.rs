//! Converts between map kilometres and screen points for one frame; every layer draws through it.

use egui::{Pos2, Rect, pos2};

use super::MapView;
use atlas_core::geometry::MapPoint;

#[derive(Clone, Copy, Debug)]
pub struct Projector {
    /// The widget's rectangle on screen.
    pub rect: Rect,
    pub view: MapView,
}

impl Projector {
    pub fn new(rect: Rect, view: MapView) -> Projector {
        Projector { rect, view }
    }

    pub fn screen_from_map(&self, point: MapPoint) -> Pos2 {
        let centre = self.rect.center();
        pos2(
            centre.x + (point.x - self.view.centre.x) / self.view.km_per_point,
            centre.y - (point.y - self.view.centre.y) / self.view.km_per_point,
        )
    }

    pub fn map_from_screen(&self, pos: Pos2) -> MapPoint {
        let centre = self.rect.center();
        MapPoint::new(
            self.view.centre.x + (pos.x - centre.x) * self.view.km_per_point,
            self.view.centre.y - (pos.y - centre.y) * self.view.km_per_point,
        )
    }

    /// Screen points per map kilometre.
    pub fn points_per_km(&self) -> f32 {
        1.0 / self.view.km_per_point
    }

    /// How far (km) outlines may be simplified: half a physical pixel, which no eye can tell
    /// from the full outline (see `geometry::simplify`).
    pub fn tolerance_km(&self, pixels_per_point: f32) -> f32 {
        0.5 * self.view.km_per_point / pixels_per_point.max(0.1)
    }

    /// The screen rectangle of a map rectangle.
    pub fn screen_rect(&self, rect: atlas_core::geometry::MapRect) -> Rect {
        Rect::from_two_pos(self.screen_from_map(rect.min), self.screen_from_map(rect.max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_and_map_round_trip() {
        let projector = Projector::new(
            Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(800.0, 600.0)),
            MapView { centre: MapPoint::new(-300.0, 120.0), km_per_point: 2.5 },
        );
        let point = MapPoint::new(150.0, -80.0);
        let back = projector.map_from_screen(projector.screen_from_map(point));
        assert!((back.x - point.x).abs() < 1e-3 && (back.y - point.y).abs() < 1e-3);
        // North is up: a larger y on the map is higher on screen.
        assert!(
            projector.screen_from_map(MapPoint::new(0.0, 100.0)).y
                < projector.screen_from_map(MapPoint::new(0.0, 0.0)).y
        );
    }
}
