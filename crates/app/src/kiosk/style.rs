//! The kiosk's look: text large enough to read standing, targets large enough for a finger
//! (48 points at 1080p and more, scaled with the screen), the exhibit's accent colour.

use eframe::egui::{self, Color32, FontFamily, FontId, RichText, TextStyle, vec2};

use super::app::Look;

/// The smallest side of anything a finger must hit, at 1080p.
pub const MIN_TARGET: f32 = 48.0;

/// Sets text sizes, spacing and colours for the whole context (the kiosk owns its window).
pub fn apply_kiosk_style(ctx: &egui::Context, look: Look) {
    let px = |points: f32| look.px(points);
    ctx.options_mut(|options| {
        options.zoom_with_keyboard = false;
        // Fingers are slower and less steady than a mouse: a tap may last two seconds (a
        // child's, or a frame late on a busy machine) and wander a few points, and still count.
        options.input_options.max_click_duration = 2.0;
        options.input_options.max_click_dist = px(12.0);
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(px(17.0))),
            (TextStyle::Body, FontId::proportional(px(22.0))),
            (TextStyle::Button, FontId::proportional(px(24.0))),
            (TextStyle::Heading, FontId::new(px(34.0), FontFamily::Name(crate::fonts::BOLD.into()))),
            (TextStyle::Monospace, FontId::monospace(px(20.0))),
        ]
        .into();
        let spacing = &mut style.spacing;
        spacing.interact_size = vec2(px(MIN_TARGET), px(MIN_TARGET));
        spacing.button_padding = vec2(px(18.0), px(10.0));
        spacing.item_spacing = vec2(px(12.0), px(10.0));
        spacing.window_margin = egui::Margin::same(px(16.0) as i8);
        spacing.scroll = egui::style::ScrollStyle::solid();
        spacing.scroll.bar_width = px(16.0);
        spacing.scroll.handle_min_length = px(MIN_TARGET);
        style.visuals.selection.bg_fill = look.accent;
        style.visuals.selection.stroke = egui::Stroke::new(px(1.0), look.on_accent);
        let radius = egui::CornerRadius::same(px(10.0) as u8);
        for widget in [
            &mut style.visuals.widgets.inactive,
            &mut style.visuals.widgets.hovered,
            &mut style.visuals.widgets.active,
            &mut style.visuals.widgets.open,
        ] {
            widget.corner_radius = radius;
        }
        // No widget animations: they cost frames and a kiosk has no use for them.
        style.animation_time = 0.0;
        // Touch has no hover: tooltips would only ever flash.
        style.interaction.show_tooltips_only_when_still = true;
        style.interaction.tooltip_delay = 10.0;
        // Text is to read, not to select and copy.
        style.interaction.selectable_labels = false;
    });
}

/// A button at least `size` large (at 1080p, scaled), filled with the accent when `accent`.
pub fn big_button(ui: &mut egui::Ui, text: &str, size: egui::Vec2, look: Look, accent: bool) -> egui::Response {
    sized_button(ui, text, 26.0, size, look, accent)
}

/// [`big_button`] with its text `text_size` points high at 1080p.
pub fn sized_button(
    ui: &mut egui::Ui,
    text: &str,
    text_size: f32,
    size: egui::Vec2,
    look: Look,
    accent: bool,
) -> egui::Response {
    let size = vec2(size.x.max(MIN_TARGET), size.y.max(MIN_TARGET)) * look.scale;
    let mut label = RichText::new(text).size(look.px(text_size));
    if accent {
        label = label.color(look.on_accent);
    }
    let mut button = egui::Button::new(label).min_size(size).corner_radius(look.px(12.0));
    if accent {
        button = button.fill(look.accent);
    }
    ui.add(button)
}

/// The card behind overlays and boxes over the map.
pub fn card_frame(look: Look) -> egui::Frame {
    egui::Frame::new()
        .fill(Color32::from_rgba_unmultiplied(0xfb, 0xf9, 0xf4, 0xfa))
        .stroke(egui::Stroke::new(look.px(1.0), Color32::from_gray(0xa8)))
        .corner_radius(look.px(16.0))
        .inner_margin(look.px(24.0))
        .shadow(egui::Shadow { offset: [0, 4], blur: 18, spread: 0, color: Color32::from_black_alpha(60) })
}

/// The bold family, for dates and titles.
pub fn bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(crate::fonts::BOLD.into()))
}
