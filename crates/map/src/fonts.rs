//! Fonts shipped in the binary: Noto Sans covers every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І).

use egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// Prepares a context for the atlas: its fonts and its light theme, which matches a printed
/// atlas page and keeps the map's colours true. Call once, before the first frame.
pub fn setup_context(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.set_theme(egui::Theme::Light);
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.weak_text_color = Some(WEAK_TEXT);
        style.visuals.hyperlink_color = LINK;
        // Check boxes, radio buttons, text boxes and buttons get an edge of 3:1 (egui draws them
        // about 1.2:1 on the panel, text boxes with no edge at all).
        style.visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, CONTROL_EDGE);
    });
    // No text under 12 points at 100 % (egui's small text is 9, its body 12.5), in either theme
    // (a test harness may choose the dark one after this).
    ctx.all_styles_mut(|style| {
        for font in style.text_styles.values_mut() {
            font.size = font.size.max(MIN_TEXT_SIZE);
        }
    });
}

/// Secondary text (source lines, hints, dates over events): egui's default, the text colour at
/// 60 % alpha, is about 2.9:1 on the panel, under the 4.5:1 that WCAG asks of small text.
pub const WEAK_TEXT: egui::Color32 = egui::Color32::from_rgb(0x5a, 0x5a, 0x5a);
/// The edge of controls at rest.
pub const CONTROL_EDGE: egui::Color32 = egui::Color32::from_rgb(0x76, 0x76, 0x76);
/// Links: egui's light blue is about 2.7:1 on the panel.
pub const LINK: egui::Color32 = egui::Color32::from_rgb(0x0b, 0x57, 0xa4);

/// The smallest text the interface draws, in points at 100 %.
pub const MIN_TEXT_SIZE: f32 = 12.0;

/// The bold face, for the date and titles.
pub const BOLD: &str = "bold";

/// Puts Noto Sans first in the proportional family, keeping egui's fonts as fallbacks, with its
/// monospace Hack last for the symbols the others lack (◀ ▶ ‖), and registers a bold family.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto_sans".into(),
        Arc::new(FontData::from_static(include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"))),
    );
    fonts.font_data.insert(
        "noto_sans_bold".into(),
        Arc::new(FontData::from_static(include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"))),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 contrast ratio of two opaque colours.
    fn contrast(a: egui::Color32, b: egui::Color32) -> f64 {
        atlas_core::colour_science::contrast_ratio([a.r(), a.g(), a.b()], [b.r(), b.g(), b.b()])
    }

    #[test]
    fn text_weak_text_and_links_are_at_least_4_5_to_1_on_every_background() {
        let ctx = egui::Context::default();
        setup_context(&ctx);
        let visuals = ctx.global_style().visuals.clone();
        // The grounds text stands on: panels, windows and text boxes (faint_bg_color is a tint over them).
        let backgrounds = [visuals.panel_fill, visuals.window_fill, visuals.extreme_bg_color];
        for background in backgrounds {
            for (name, text) in [
                ("text", visuals.text_color()),
                ("weak text", visuals.weak_text_color()),
                ("links", visuals.hyperlink_color),
            ] {
                let ratio = contrast(text, background);
                assert!(ratio >= 4.5, "{name} {text:?} on {background:?}: {ratio:.2}:1");
            }
        }
        // Controls' edges, 3:1 as WCAG asks of what is not text.
        for background in backgrounds {
            let ratio = contrast(visuals.widgets.inactive.bg_stroke.color, background);
            assert!(ratio >= 3.0, "control edges on {background:?}: {ratio:.2}:1");
        }
        // The map's own label colour on its lightest ground.
        assert!(contrast(crate::style::LABEL, crate::style::BACKGROUND) >= 4.5);
    }

    #[test]
    fn no_text_style_is_under_12_points() {
        let ctx = egui::Context::default();
        setup_context(&ctx);
        for (text_style, font) in &ctx.global_style().text_styles {
            assert!(font.size >= MIN_TEXT_SIZE, "{text_style:?} is {} points", font.size);
        }
    }
}
