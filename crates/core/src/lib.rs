//! The core of Steppe Atlas: what the atlas knows and computes, with no egui, no files and no
//! threads, so that the window, the command line, the renderer, the tests and a browser build
//! all share it.
//!
//! - [`model`]: places, forces, control periods, events, people, tours, and [`model::Date`] with
//!   the Old Style calendar.
//! - [`geometry`]: the projection and the projected, triangulated, simplified shapes.
//! - [`layers`]: which optional map layers are on.
//! - [`tour_player`]: a tour's eased date and camera at each moment.
//! - [`changes`], [`shares`], [`coverage`]: what changed between two dates, each side's share of
//!   land and people, what the data leaves uncovered.
//! - [`search`], [`date_input`]: places, events and people by any name; dates as people type them.
//! - [`query`]: the report behind `steppe-atlas query`.
//! - [`i18n`]: the interface's translation table.

pub mod changes;
pub mod colour_science;
pub mod coverage;
pub mod date_input;
pub mod geometry;
pub mod i18n;
pub mod layers;
pub mod model;
pub mod query;
pub mod search;
pub mod shares;
pub mod tour_player;
