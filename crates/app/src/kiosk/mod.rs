//! Museum kiosk mode (`steppe-atlas kiosk`): fullscreen, plays a tour by itself, lets a visitor
//! explore by touch, starts over when left alone, and offers visitors no way out.
//!
//! - [`machine`]: the screens (attract, language, explore, countdown) and their timers, free of
//!   egui and of the wall clock, so that a test can run a day in a moment.
//! - [`config`]: `kiosk.toml`; every problem at its line, never fatal.
//! - [`app`]: the [`KioskApp`] that egui draws; `attract`, `explore`, `overlays`, `picker`,
//!   `place_card` and `scrubber` draw its parts.
//! - [`exit`]: the staff's ways out (a key chord, a PIN on a hidden keypad).
//! - [`usage_log`]: the CSV of what visitors did, with nothing about who they were.

pub mod app;
mod attract;
pub mod config;
pub mod exit;
mod explore;
pub mod machine;
mod overlays;
mod picker;
mod place_card;
mod scrubber;
mod share_chart;
mod style;
pub mod time_axis;
pub mod usage_log;

use std::path::PathBuf;

use eframe::egui;

pub use app::{Clock, KioskApp, Look, screen_scale};
pub use config::{DEFAULT_LANGUAGES, KioskConfig, TourChoice};
pub use exit::ExitChord;
pub use machine::{Change, KioskMachine, Screen, Timing};
pub use time_axis::TimeAxis;
pub use usage_log::{UsageEvent, UsageLog};

/// How the kiosk starts, from the command line.
#[derive(Clone, Debug, Default)]
pub struct KioskOptions {
    /// Load data from this folder instead of the embedded copy.
    pub data_dir: Option<PathBuf>,
    /// The kiosk configuration file (`kiosk.toml`); the built-in defaults when `None`.
    pub config: Option<PathBuf>,
}

/// Reads the configuration named in `options` (defaults when none), printing each problem as
/// `file:line: message` to standard error, where the system journal keeps it.
pub fn load_config(options: &KioskOptions) -> (KioskConfig, Vec<atlas_data::Problem>) {
    match &options.config {
        Some(path) => KioskConfig::load(path),
        None => (KioskConfig::default(), Vec::new()),
    }
}

/// Opens the kiosk fullscreen and runs it until the exit chord or PIN.
pub fn run_kiosk(options: KioskOptions) -> Result<(), crate::WindowError> {
    let (config, config_problems) = load_config(&options);
    let app = KioskApp::new(options.data_dir.as_deref(), config).with_problems(config_problems);
    for problem in app.problems() {
        eprintln!("steppe-atlas kiosk: {problem}");
    }
    let viewport = egui::ViewportBuilder::default()
        .with_title("Steppe Atlas")
        .with_app_id("steppe-atlas-kiosk")
        .with_fullscreen(true)
        .with_decorations(false)
        .with_resizable(false)
        .with_close_button(false)
        .with_minimize_button(false)
        .with_maximize_button(false);
    let native_options = eframe::NativeOptions { viewport, persist_window: false, ..Default::default() };
    eframe::run_native(
        "Steppe Atlas kiosk",
        native_options,
        Box::new(move |creation| {
            crate::setup_context(&creation.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|source| crate::WindowError { window: "the kiosk window", source })
}
