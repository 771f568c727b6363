//! How every place looks on one date: computed once per date, shared by the window and `render`.

use super::style::ControlPaint;
use atlas_core::model::{Atlas, Confidence, Date, PeriodId};

/// How each place looks on one date, recomputed only when the date or data change.
pub struct DatePaint {
    pub date: Date,
    /// `paints[place]`: the fill and hatch of each place.
    pub paints: Vec<ControlPaint>,
    /// `visible[place]`: whether it is drawn (free zones exist only during their periods).
    pub visible: Vec<bool>,
}

/// How a period is painted: its sides' colours, pale when the holders only claimed the place
/// (nominal control), faded when we are not sure. The map, the legend and the control strips
/// of the side panel and the kiosk's card all paint a period this way.
pub fn period_paint(atlas: &Atlas, period: PeriodId) -> ControlPaint {
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

impl DatePaint {
    pub fn compute(atlas: &Atlas, date: Date) -> DatePaint {
        let mut paints = Vec::with_capacity(atlas.places().len());
        let mut visible = Vec::with_capacity(atlas.places().len());
        for id in atlas.place_ids() {
            let resolution = atlas.resolve(id, date);
            let paint = match resolution.period {
                Some(period) => period_paint(atlas, period),
                None => ControlPaint::of(&[]),
            };
            paints.push(paint);
            visible.push(atlas.is_shown(id, &resolution));
        }
        DatePaint { date, paints, visible }
    }
}
