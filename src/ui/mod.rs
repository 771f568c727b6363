//! The egui application: the window, the map widget, the timeline and the legend.

use eframe::egui;

mod app;
pub(crate) mod chart;
pub mod date_paint;
pub(crate) mod events;
pub(crate) mod explain;
pub(crate) mod export_dialog;
pub(crate) mod fonts;
pub mod kiosk;
pub(crate) mod legend;
pub mod map;
pub(crate) mod person_card;
pub(crate) mod place_info;
pub(crate) mod place_panel;
pub mod present;
pub mod print_frame;
pub(crate) mod reload;
pub(crate) mod search_window;
pub mod style;
pub(crate) mod timeline;
pub(crate) mod tour_editor;

pub use app::{AtlasApp, SavedState, StartOptions};
pub use fonts::{install_fonts, setup_context};

/// Opens the atlas window and runs it until it is closed.
pub fn run_window(options: StartOptions) -> anyhow::Result<()> {
    let viewport = egui::ViewportBuilder::default()
        .with_title("Steppe Atlas")
        .with_app_id("steppe-atlas")
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 480.0]);
    let native_options = eframe::NativeOptions { viewport, ..Default::default() };
    eframe::run_native(
        "Steppe Atlas",
        native_options,
        Box::new(move |creation| {
            setup_context(&creation.egui_ctx);
            let mut app = AtlasApp::new(options.clone());
            if let Some(saved) = creation.storage.and_then(|storage| eframe::get_value(storage, eframe::APP_KEY)) {
                app.restore(saved, &options);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
