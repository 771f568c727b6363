//! What the data does not cover, for curators: `steppe-atlas check` lists it, `--strict` makes
//! it an error.
//!
//! - a **gap**: days on which a place (with everything above it) has no control period at all.
//!   A deliberate gap is written as a period with `forces = []` and a note saying why nobody is
//!   known, and is then no longer a gap;
//! - an **event without places**, or whose places are not on the map.
//!
//! Periods and events without sources cannot exist: the loader refuses them.

use crate::model::{Atlas, Date, EventId, PlaceId, PlaceKind};

/// A run of days with no control data for one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub place: PlaceId,
    pub from: Date,
    /// The last day of the gap (inclusive).
    pub to: Date,
}

impl Gap {
    pub fn days(&self) -> i32 {
        self.to.days_since(self.from) + 1
    }
}

/// What the data leaves uncovered.
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    pub gaps: Vec<Gap>,
    /// Events that name no place on the map.
    pub events_without_places: Vec<EventId>,
}

impl Coverage {
    pub fn is_complete(&self) -> bool {
        self.gaps.is_empty() && self.events_without_places.is_empty()
    }
}

/// Sweeps every day of the atlas for every oblast, uezd and city (free zones exist only while
/// they have periods, so they have no gaps).
pub fn coverage(atlas: &Atlas) -> Coverage {
    let mut gaps = Vec::new();
    let days = Date::ATLAS_END.days_since(Date::ATLAS_START);
    for place in atlas.place_ids().filter(|&id| atlas.place(id).kind != PlaceKind::Zone) {
        let mut open: Option<Date> = None;
        for day in 0..=days {
            let date = Date::ATLAS_START.add_days(day);
            let covered = atlas.resolve(place, date).period.is_some();
            match (covered, open) {
                (false, None) => open = Some(date),
                (true, Some(from)) => {
                    gaps.push(Gap { place, from, to: date.add_days(-1) });
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(from) = open {
            gaps.push(Gap { place, from, to: Date::ATLAS_END });
        }
    }
    let events_without_places = atlas
        .event_ids()
        .zip(atlas.events())
        .filter(|(_, event)| {
            event.places.is_empty()
                || event.places.iter().all(|&place| {
                    let place = atlas.place(place);
                    place.location.is_none() && place.area.is_none()
                })
        })
        .map(|(id, _)| id)
        .collect();
    Coverage { gaps, events_without_places }
}
