//! How every place looks on one date: computed once per date, shared by the window and `render`.

use super::style::ControlPaint;
use crate::model::{Atlas, Confidence, Date, PlaceKind};

/// How each place looks on one date, recomputed only when the date or data change.
pub struct DatePaint {
    pub date: Date,
    /// `paints[place]`: the fill and hatch of each place.
    pub paints: Vec<ControlPaint>,
    /// `visible[place]`: whether it is drawn (free zones exist only during their periods).
    pub visible: Vec<bool>,
}

impl DatePaint {
    pub fn compute(atlas: &Atlas, date: Date) -> DatePaint {
        let paints = atlas
            .place_ids()
            .map(|id| match atlas.control_on(id, date) {
                Some(period) if period.confidence == Confidence::Low => {
                    ControlPaint::of(&atlas.sides_of(period)).faded()
                }
                Some(period) => ControlPaint::of(&atlas.sides_of(period)),
                None => ControlPaint::of(&[]),
            })
            .collect();
        // A free zone exists only while it has a period of its own.
        let visible = atlas
            .place_ids()
            .map(|id| atlas.place(id).kind != PlaceKind::Zone || atlas.resolve(id, date).from_place == Some(id))
            .collect();
        DatePaint { date, paints, visible }
    }
}
