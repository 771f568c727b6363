//! Which parts of the screen labels and markers already cover, for placing labels without
//! collisions in time that grows with the labels on screen, not with their square.

use std::collections::HashMap;

use egui::Rect;

/// Rectangles in a uniform grid of buckets; a rectangle is kept in every bucket it touches.
pub struct Occupancy {
    cell: f32,
    buckets: HashMap<(i32, i32), Vec<Rect>>,
}

impl Occupancy {
    /// `cell`: the bucket size in points, about the size of a typical label.
    pub fn new(cell: f32) -> Occupancy {
        Occupancy { cell: cell.max(1.0), buckets: HashMap::new() }
    }

    fn cells(&self, rect: Rect) -> impl Iterator<Item = (i32, i32)> + use<> {
        let index = |v: f32| (v / self.cell).floor() as i32;
        let (x0, x1, y0, y1) = (index(rect.min.x), index(rect.max.x), index(rect.min.y), index(rect.max.y));
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    pub fn insert(&mut self, rect: Rect) {
        for cell in self.cells(rect) {
            self.buckets.entry(cell).or_default().push(rect);
        }
    }

    /// Whether `rect` overlaps anything placed, `except` one rectangle (a label's own marker).
    pub fn overlaps(&self, rect: Rect, except: Option<Rect>) -> bool {
        self.cells(rect).any(|cell| {
            self.buckets
                .get(&cell)
                .is_some_and(|placed| placed.iter().any(|other| Some(*other) != except && other.intersects(rect)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    #[test]
    fn finds_overlaps_across_buckets_and_ignores_the_exception() {
        let mut occupancy = Occupancy::new(10.0);
        let marker = Rect::from_center_size(pos2(25.0, 25.0), vec2(10.0, 10.0));
        occupancy.insert(marker);
        occupancy.insert(Rect::from_min_size(pos2(100.0, 0.0), vec2(45.0, 12.0)));
        assert!(occupancy.overlaps(Rect::from_min_size(pos2(140.0, 5.0), vec2(30.0, 10.0)), None));
        assert!(!occupancy.overlaps(Rect::from_min_size(pos2(150.0, 5.0), vec2(30.0, 10.0)), None));
        assert!(occupancy.overlaps(Rect::from_min_size(pos2(28.0, 22.0), vec2(30.0, 10.0)), None));
        assert!(!occupancy.overlaps(Rect::from_min_size(pos2(28.0, 22.0), vec2(30.0, 10.0)), Some(marker)));
        assert!(!occupancy.overlaps(Rect::from_min_size(pos2(-5.0, -5.0), vec2(3.0, 3.0)), None));
    }
}
