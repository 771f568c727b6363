//! The window's remembered settings, as eframe stores them: a RON file holding a map of keys to
//! RON strings (`app.ron`), the atlas's under `eframe::APP_KEY` as a `SavedState`. The input is
//! tried as the whole file and as the `SavedState` string alone; what parses is restored into
//! the window's state and one frame is drawn with it, as at start.

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
        if let Ok(text) = ron::to_string(&again) {
            assert!(ron::from_str::<SavedState>(&text).is_ok(), "saved settings do not read back: {text}");
        }
    });
}

fuzz_target!(|data: &[u8]| {
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
