//! Steppe Atlas: who controlled each place of Kazakhstan and its neighbours on each day of
//! 1917-1920.
//!
//! The workspace's layers are crates of their own (see ARCHITECTURE.md); this crate is the
//! program (`main.rs` and the command line, [`cli`]) and re-exports the layers under the paths
//! they have always had, so that the tests and benchmarks name everything from one place:
//! - `atlas-core`: [`model`], [`geometry`], [`layers`], [`tour_player`], [`changes`], [`shares`],
//!   [`coverage`], [`search`], [`date_input`], [`query`], [`i18n`] (no egui, no files, no threads);
//! - `atlas-data`: [`data`] (reading the dataset), [`settings_file`], [`tour_source`],
//!   [`atomic_file`];
//! - `atlas-map`: the map widget, its layers, palette, fonts, legend, [`relief`] and the printed
//!   page, re-exported in [`ui`] as `ui::map`, `ui::style`, `ui::legend`, …;
//! - `atlas-render`: [`render`], images with no window and no GPU;
//! - `atlas-app`: [`ui`], the eframe shell (desk, lecture hall, kiosk);
//! - [`cli`]: the command line, clap's parsing and `check`/`query` output.

pub use atlas_core::{
    changes, colour_science, coverage, date_input, geometry, i18n, layers, model, query, search, shares, tour_player,
};
pub use atlas_data as data;
pub use atlas_data::{atomic_file, settings_file, tour_source};
pub use atlas_map::relief;
pub use atlas_render as render;

pub use atlas_app as ui;
pub use atlas_app::command_error;

pub mod cli;
