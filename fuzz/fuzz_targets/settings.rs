//! The window's remembered settings: the input is read as `settings.toml` is at start (through
//! `settings_file::parse`, size limit, encoding and all), and as the `app.ron` of versions before
//! it (eframe's RON map of keys to RON strings, the atlas's under `eframe::APP_KEY`). What
//! parses is restored into the window's state and one frame is drawn with it, as at start; what
//! the window would save again must read back.

#![no_main]

use std::cell::RefCell;
use std::collections::HashMap;

use eframe::egui;
use libfuzzer_sys::fuzz_target;
use steppe_atlas::ui::{AtlasApp, SavedState, StartOptions};

struct Window {
    ctx: egui::Context,
    app: AtlasApp,
}

thread_local! {
    static WINDOW: RefCell<Option<Window>> = const { RefCell::new(None) };
}

fn restore_and_draw(saved: SavedState) {
    WINDOW.with_borrow_mut(|window| {
        let window = window.get_or_insert_with(|| {
            let ctx = egui::Context::default();
            steppe_atlas::ui::setup_context(&ctx);
            Window { ctx, app: AtlasApp::new(StartOptions::default()) }
        });
        window.app.restore(saved, &StartOptions::default());
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0))),
            ..Default::default()
        };
        let mut output = window.ctx.run_ui(input, |ui| window.app.ui(ui));
        output.textures_delta.clear(); // no GPU to upload them to
        std::hint::black_box(window.ctx.tessellate(output.shapes, output.pixels_per_point));
        // What is saved again at exit must read back.
        let again = window.app.saved_state();
        if let Ok(text) = steppe_atlas::settings_file::to_text(&again) {
            let back = steppe_atlas::settings_file::parse::<SavedState>("settings.toml", text.as_bytes());
            assert!(back.is_ok(), "saved settings do not read back: {text}\n{back:?}");
        }
    });
}

fuzz_target!(|data: &[u8]| {
    if let Ok(saved) = steppe_atlas::settings_file::parse::<SavedState>("settings.toml", data) {
        restore_and_draw(saved);
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(file) = ron::from_str::<HashMap<String, String>>(text)
        && let Some(saved) = file.get(eframe::APP_KEY)
        && let Ok(saved) = ron::from_str::<SavedState>(saved)
    {
        restore_and_draw(saved);
    }
    if let Ok(saved) = ron::from_str::<SavedState>(text) {
        restore_and_draw(saved);
    }
});
