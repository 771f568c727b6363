//! Fonts shipped in the binary: Noto Sans covers every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І).

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// Prepares a context for the atlas: its fonts and its light theme, which matches a printed
/// atlas page and keeps the map's colours true. Call once, before the first frame.
pub fn setup_context(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
}

/// The bold face, for the date and titles.
pub const BOLD: &str = "bold";

/// Puts Noto Sans first in the proportional family, keeping egui's fonts as fallbacks, with its
/// monospace Hack last for the symbols the others lack (◀ ▶ ‖), and registers a bold family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto_sans".into(),
        Arc::new(FontData::from_static(include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"))),
    );
    fonts.font_data.insert(
        "noto_sans_bold".into(),
        Arc::new(FontData::from_static(include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"))),
    );
    // egui's own fonts stay as fallbacks, its monospace Hack last for ◀ ▶ ‖.
    let mut fallbacks = fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    for name in fonts.families.get(&FontFamily::Monospace).cloned().unwrap_or_default() {
        if !fallbacks.contains(&name) {
            fallbacks.push(name);
        }
    }
    let family = |first: &str| std::iter::once(first.to_owned()).chain(fallbacks.iter().cloned()).collect::<Vec<_>>();
    fonts.families.insert(FontFamily::Proportional, family("noto_sans"));
    fonts.families.insert(FontFamily::Name(BOLD.into()), family("noto_sans_bold"));
    ctx.set_fonts(fonts);
}
