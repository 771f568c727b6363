//! The historical model: places, forces, control periods, events and sources.
//!
//! Nothing here knows about egui, files or threads: the UI, the command line, the tests and the
//! benchmarks all read the same [`Atlas`]. It is built once by `atlas_data::load`, which turns
//! text into these types, so that an `Atlas` can never hold a dangling id or a reversed period.

mod atlas;
mod control;
mod date;
mod event;
mod force;
mod kazakh_latin;
mod names;
mod person;
mod place;
mod tour;

pub use atlas::{Atlas, AtlasParts, BorderLine, ContextArea, LabelKind, MapLabel, River, Source, SourceId, WaterBody};
pub use control::{Confidence, ControlIndex, ControlPeriod, Holder, PeriodId, Resolution, Role};
pub use date::{Date, DateError, OutsideAtlas, YearMonthDay};
pub use event::{DatePrecision, Event, EventCategory, EventId};
pub use force::{Force, ForceId, Side, SideFrom};
pub use kazakh_latin::to_latin as kazakh_to_latin;
pub use names::{Language, Names};
pub use person::{PartialDate, Person, PersonId};
pub use place::{LonLat, Place, PlaceId, PlaceKind};
pub use tour::{Camera, DEFAULT_STEP_SECONDS, Tour, TourStep};
