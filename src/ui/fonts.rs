//! Fonts shipped in the binary: Noto Sans covers every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І).

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The bold face, for the date and titles.
pub const BOLD: &str = "bold";

/// Puts Noto Sans first in the proportional family, keeping egui's fonts as fallbacks (for
/// symbols such as ▶ and ⏸), and registers a bold family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto_sans".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Regular.ttf"
        ))),
    );
    fonts.font_data.insert(
        "noto_sans_bold".into(),
        Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/NotoSans-Bold.ttf"
        ))),
    );
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    if let Some(proportional) = fonts.families.get_mut(&FontFamily::Proportional) {
        proportional.insert(0, "noto_sans".into());
    }
    let mut bold = vec!["noto_sans_bold".to_owned()];
    bold.extend(fallbacks);
    fonts.families.insert(FontFamily::Name(BOLD.into()), bold);
    ctx.set_fonts(fonts);
}
