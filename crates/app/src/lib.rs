//! The eframe shell: the desk's window (panels, timeline, search, export, tour editor, settings,
//! file watcher), the lecture hall (`present`) and the museum kiosk (`kiosk`), all drawing the
//! map through `atlas-map`.

use eframe::egui;

// The map's crate, under the names the interface has always used for its modules.
pub use atlas_map::{
    self as map, DisplayLook, date_paint, display_look, fonts, install_fonts, legend, print_frame, setup_context, style,
};

pub(crate) mod accessible;
mod app;
pub(crate) mod chart;
pub mod command_error;
pub(crate) mod dialog;
pub(crate) mod events;
pub(crate) mod explain;
pub(crate) mod export_dialog;
mod export_job;
pub(crate) mod focus;
pub mod kiosk;
pub(crate) mod person_card;
pub(crate) mod place_info;
pub(crate) mod place_panel;
pub mod present;
pub(crate) mod reload;
pub(crate) mod search_window;
pub(crate) mod timeline;
pub(crate) mod tour_editor;
#[cfg(test)]
mod translation_keys;

#[cfg(test)]
pub(crate) use app::ABOUT_LICENCES;
pub use app::{AtlasApp, DEFAULT_DATE, SavedState, StartOptions};

/// Where the window keeps its settings: `settings.toml` in the user's data folder
/// (`$XDG_DATA_HOME/steppe-atlas/` on Linux, `%APPDATA%\steppe-atlas\data\` on Windows), beside
/// the `app.ron` that eframe keeps for the same app id and that earlier versions used.
pub fn settings_path() -> Option<std::path::PathBuf> {
    eframe::storage_dir("steppe-atlas").map(|dir| dir.join(atlas_data::settings_file::FILE_NAME))
}

/// A window that could not be opened (no graphical session, no graphics driver).
#[derive(Debug, thiserror::Error)]
#[error("cannot open {window}: {source}")]
pub struct WindowError {
    pub window: &'static str,
    pub source: eframe::Error,
}

/// Opens the atlas window and runs it until it is closed.
pub fn run_window(options: StartOptions) -> Result<(), WindowError> {
    // Read before the window opens, so that it opens at the remembered size.
    let settings = settings_path().map(|path| {
        let loaded = atlas_data::settings_file::load::<SavedState>(&path);
        (path, loaded)
    });
    let size = match &settings {
        Some((_, atlas_data::settings_file::Loaded::Read(saved))) => saved.window_size(),
        _ => None,
    };
    let viewport = egui::ViewportBuilder::default()
        .with_title("Steppe Atlas")
        .with_app_id("steppe-atlas")
        .with_inner_size(size.unwrap_or(egui::vec2(1400.0, 900.0)))
        .with_min_inner_size([640.0, 480.0]);
    // eframe would remember the window's place in its own store, which it rewrites in place;
    // the atlas's settings go to an atomically written file instead (see settings_file).
    let native_options = eframe::NativeOptions { viewport, persist_window: false, ..Default::default() };
    let mut settings = settings;
    // The data is read and projected while the window and its graphics device open.
    let data_dir = options.data_dir.clone();
    let preparing =
        std::thread::Builder::new().name("prepare data".into()).spawn(move || app::Prepared::new(data_dir.as_deref()));
    eframe::run_native(
        "Steppe Atlas",
        native_options,
        Box::new(move |creation| {
            setup_context(&creation.egui_ctx);
            let prepared = preparing
                .ok()
                .and_then(|thread| thread.join().ok())
                .unwrap_or_else(|| app::Prepared::new(options.data_dir.as_deref()));
            let mut app = AtlasApp::with_prepared(options.clone(), prepared);
            let found = settings.take().is_some_and(|(path, loaded)| app.use_settings(path, loaded, &options));
            // Versions before settings.toml kept the settings in eframe's app.ron: read them once.
            if !found
                && let Some(saved) = creation.storage.and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            {
                app.restore(saved, &options);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|source| WindowError { window: "the window", source })
}
