//! What comes over the map: the language choice, "Still exploring?" and the hidden keypad.
//! Each covers the whole screen, so that a touch meant for it never reaches the map beneath.

use eframe::egui::{self, Color32, RichText, Sense, vec2};

use super::app::Look;
use super::config::KioskConfig;
use super::exit::KeypadKey;
use super::style::{big_button, bold, card_frame, sized_button};
use atlas_core::i18n::Translations;
use atlas_core::model::Language;

/// Dims the screen in a foreground layer and shows `add_card` in a card at its centre.
fn modal_ui<R>(ctx: &egui::Context, id: &str, dim: u8, look: Look, add_card: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let screen = ctx.content_rect();
    egui::Area::new(egui::Id::unique(id))
        .fixed_pos(screen.min)
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            ui.allocate_rect(screen, Sense::click_and_drag());
            ui.painter().rect_filled(screen, 0.0, Color32::from_black_alpha(dim));
            let card = screen.shrink2(vec2(screen.width() * 0.18, screen.height() * 0.2));
            ui.scope_builder(
                egui::UiBuilder::new().max_rect(card).layout(egui::Layout::top_down(egui::Align::Center)),
                |ui| {
                    card_frame(look).inner_margin(look.px(36.0)).show(ui, |ui| {
                        ui.set_width(card.width() - look.px(72.0));
                        ui.vertical_centered(add_card).inner
                    })
                },
            )
            .inner
            .inner
        })
        .inner
}

/// Three big buttons, each language in itself; returns the one tapped.
pub fn language_overlay_ui(
    ctx: &egui::Context,
    texts: &Translations,
    config: &KioskConfig,
    look: Look,
) -> Option<Language> {
    modal_ui(ctx, "kiosk_languages", 110, look, |ui| {
        for &language in &config.languages {
            ui.label(RichText::new(texts.tr(language, "kiosk_choose_language")).size(look.px(30.0)));
        }
        ui.add_space(look.px(28.0));
        let mut chosen = None;
        let count = config.languages.len() as f32;
        let spacing = look.px(28.0);
        let width = ((ui.available_width() - spacing * (count - 1.0)) / count / look.scale).min(380.0);
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = spacing;
            let used = count * look.px(width) + spacing * (count - 1.0);
            ui.add_space(((ui.available_width() - used) / 2.0).max(0.0));
            for &language in &config.languages {
                if sized_button(ui, language.endonym(), 40.0, vec2(width, 130.0), look, true).clicked() {
                    chosen = Some(language);
                }
            }
        });
        ui.add_space(look.px(8.0));
        chosen
    })
}

/// "Still exploring?" with the seconds left; returns whether "Continue" was tapped (any touch
/// anywhere continues too: the kiosk counts it before drawing).
pub fn countdown_overlay_ui(
    ctx: &egui::Context,
    texts: &Translations,
    language: Language,
    seconds_left: f64,
    look: Look,
) -> bool {
    let tr = |key| texts.tr(language, key);
    modal_ui(ctx, "kiosk_countdown", 140, look, |ui| {
        ui.label(RichText::new(tr("kiosk_still_there")).font(bold(look.px(52.0))));
        ui.add_space(look.px(12.0));
        let seconds = seconds_left.ceil().max(0.0) as u32;
        let text = tr("kiosk_starting_over").replace("{seconds}", &seconds.to_string());
        ui.label(RichText::new(text).size(look.px(30.0)));
        ui.add_space(look.px(24.0));
        let continue_tapped = sized_button(ui, tr("kiosk_continue"), 36.0, vec2(420.0, 110.0), look, true).clicked();
        ui.add_space(look.px(8.0));
        continue_tapped
    })
}

/// The staff keypad: dots for the digits typed, never the digits; returns the key tapped.
pub fn keypad_ui(ctx: &egui::Context, typed: usize, look: Look) -> Option<KeypadKey> {
    let screen = ctx.content_rect();
    let mut pressed = None;
    egui::Area::new(egui::Id::unique("kiosk_keypad")).fixed_pos(screen.min).order(egui::Order::Tooltip).show(
        ctx,
        |ui| {
            ui.allocate_rect(screen, Sense::click_and_drag());
            ui.painter().rect_filled(screen, 0.0, Color32::from_black_alpha(170));
            let size = vec2(look.px(420.0), look.px(620.0));
            let card = egui::Rect::from_center_size(screen.center(), size);
            ui.scope_builder(egui::UiBuilder::new().max_rect(card), |ui| {
                card_frame(look).show(ui, |ui| {
                    ui.vertical_centered(|ui| {
                        let dots = if typed == 0 { "–".to_owned() } else { "•".repeat(typed) };
                        ui.label(RichText::new("PIN").font(bold(look.px(30.0))));
                        ui.label(RichText::new(dots).size(look.px(34.0)));
                    });
                    ui.add_space(look.px(10.0));
                    let rows: [[(&str, KeypadKey); 3]; 4] = [
                        [("1", KeypadKey::Digit(1)), ("2", KeypadKey::Digit(2)), ("3", KeypadKey::Digit(3))],
                        [("4", KeypadKey::Digit(4)), ("5", KeypadKey::Digit(5)), ("6", KeypadKey::Digit(6))],
                        [("7", KeypadKey::Digit(7)), ("8", KeypadKey::Digit(8)), ("9", KeypadKey::Digit(9))],
                        [("C", KeypadKey::Clear), ("0", KeypadKey::Digit(0)), ("OK", KeypadKey::Enter)],
                    ];
                    egui::Grid::new("kiosk_keypad_keys").spacing(vec2(look.px(12.0), look.px(12.0))).show(ui, |ui| {
                        for row in rows {
                            for (label, key) in row {
                                if big_button(ui, label, vec2(108.0, 84.0), look, false).clicked() {
                                    pressed = Some(key);
                                }
                            }
                            ui.end_row();
                        }
                    });
                    ui.add_space(look.px(10.0));
                    ui.vertical_centered(|ui| {
                        if big_button(ui, "×", vec2(348.0, 64.0), look, false).clicked() {
                            pressed = Some(KeypadKey::Cancel);
                        }
                    });
                });
            });
        },
    );
    pressed
}
