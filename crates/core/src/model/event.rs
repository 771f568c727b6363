//! Dated events.

use super::{Confidence, Date, Names, PlaceId, SourceId};

/// How exactly an event's date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DatePrecision {
    Day,
    Month,
    Season,
    Year,
}

impl DatePrecision {
    pub const ALL: [DatePrecision; 4] =
        [DatePrecision::Day, DatePrecision::Month, DatePrecision::Season, DatePrecision::Year];

    pub fn id(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Season => "season",
            DatePrecision::Year => "year",
        }
    }

    pub fn from_id(id: &str) -> Option<DatePrecision> {
        DatePrecision::ALL.into_iter().find(|precision| precision.id() == id)
    }
}

/// Index of an event in [`super::Atlas::events`] (valid once the atlas is built: it sorts them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventId(pub u32);

impl EventId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of event this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventCategory {
    Congress,
    Decree,
    Uprising,
    Battle,
    Declaration,
    Political,
    Government,
    Repression,
}

impl EventCategory {
    pub const ALL: [EventCategory; 8] = [
        EventCategory::Congress,
        EventCategory::Decree,
        EventCategory::Uprising,
        EventCategory::Battle,
        EventCategory::Declaration,
        EventCategory::Political,
        EventCategory::Government,
        EventCategory::Repression,
    ];

    pub fn id(self) -> &'static str {
        match self {
            EventCategory::Congress => "congress",
            EventCategory::Decree => "decree",
            EventCategory::Uprising => "uprising",
            EventCategory::Battle => "battle",
            EventCategory::Declaration => "declaration",
            EventCategory::Political => "political",
            EventCategory::Government => "government",
            EventCategory::Repression => "repression",
        }
    }

    pub fn from_id(id: &str) -> Option<EventCategory> {
        EventCategory::ALL.into_iter().find(|category| category.id() == id)
    }
}

/// Something that happened, on a day or over a range of days.
#[derive(Clone, Debug)]
pub struct Event {
    pub id: String,
    /// The first day (Gregorian).
    pub start: Date,
    /// The last day; equal to `start` for a one-day event.
    pub end: Date,
    pub precision: DatePrecision,
    pub places: Vec<PlaceId>,
    pub category: EventCategory,
    pub title: Names,
    pub text: Names,
    /// The seed text's sentence, verbatim, where the event comes from it.
    pub seed: Option<String>,
    pub confidence: Confidence,
    pub sources: Vec<SourceId>,
    /// The people the event involves.
    pub people: Vec<super::PersonId>,
}

impl Event {
    pub fn is_on(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}
