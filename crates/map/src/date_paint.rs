//! How every place looks on one date: computed once per date, shared by the window and `render`.

use super::style::ControlPaint;
use atlas_core::model::{Atlas, Confidence, Date, PlaceKind};

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
        let mut paints = Vec::with_capacity(atlas.places.len());
        let mut visible = Vec::with_capacity(atlas.places.len());
        for id in atlas.place_ids() {
            let resolution = atlas.resolve(id, date);
            let paint = match resolution.period {
                Some(period) => {
                    let paint = ControlPaint::of(atlas.sides_of_period(period));
                    let period = atlas.period(period);
                    if period.is_nominal_only() {
                        paint.claimed()
                    } else if period.confidence == Confidence::Low {
                        paint.faded()
                    } else {
                        paint
                    }
                }
                None => ControlPaint::of(&[]),
            };
            paints.push(paint);
            // A free zone exists only while it has a period of its own.
            visible.push(atlas.place(id).kind != PlaceKind::Zone || resolution.from_place == Some(id));
        }
        DatePaint { date, paints, visible }
    }
}
