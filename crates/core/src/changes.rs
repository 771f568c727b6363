//! What changed between two dates: the places whose holders differ, with the period that says so.
//! Free of any UI; the "Explain this date" panel and the map's pulse read it.

use crate::model::{Atlas, Date, PeriodId, PlaceId, Side};

/// One place that changed hands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub place: PlaceId,
    pub before: Vec<Side>,
    pub after: Vec<Side>,
    /// The period in force at the later date (its sources explain the change), or the one that
    /// ended, when nothing is known at the later date.
    pub period: Option<PeriodId>,
}

/// The places whose sides differ between `from` and `to` (in either order), in atlas order.
pub fn changes_between(atlas: &Atlas, from: Date, to: Date) -> Vec<Change> {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    atlas
        .place_ids()
        .filter_map(|place| {
            let before_period = atlas.resolve(place, from).period;
            let after_period = atlas.resolve(place, to).period;
            if before_period == after_period {
                return None; // the same period on both dates: nothing changed (and it is cheap to tell)
            }
            let sides = |period: Option<PeriodId>| period.map(|id| atlas.sides_of_period(id)).unwrap_or_default();
            let (before, after) = (sides(before_period), sides(after_period));
            (before != after).then(|| Change {
                place,
                before: before.to_vec(),
                after: after.to_vec(),
                period: after_period.or(before_period),
            })
        })
        .collect()
}
