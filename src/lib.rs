//! Steppe Atlas: who controlled each place of Kazakhstan and its neighbours on each day of
//! 1917-1920.
//!
//! - [`model`]: places, forces, control periods, events (no UI, no files).
//! - [`data`]: reads the data files into the model, reporting problems by file and line.
//! - [`geometry`]: the projection and the projected, triangulated shapes (no UI).
//! - [`query`]: who holds what on a date, as used by `steppe-atlas query`.
//! - [`i18n`]: the interface's translation table; [`date_input`]: dates as people type them.
//! - [`layers`]: which optional map layers are on (shared by window, `render`, tours, kiosk).
//! - [`tour_source`]: which tour a name or a path means (`present`, `render`, the kiosk).
//! - [`ui`]: the egui application.
//! - [`cli`]: the command line.

pub mod atomic_file;
pub mod changes;
pub mod cli;
#[cfg(test)]
mod colour_science;
pub mod command_error;
pub mod coverage;
pub mod data;
pub mod date_input;
pub mod geometry;
pub mod i18n;
pub mod layers;
pub mod model;
pub mod query;
pub mod relief;
pub mod render;
pub mod search;
pub mod settings_file;
pub mod shares;
pub mod tour_player;
pub mod tour_source;
pub mod ui;
