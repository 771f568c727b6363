//! The legend: what each colour and pattern means.

use eframe::egui::{self, Color32, Rect, Sense, Stroke, vec2};

use super::style::{self, ControlPaint};
use crate::i18n::Translations;
use crate::model::{Language, Side};

pub fn legend_ui(ui: &mut egui::Ui, texts: &Translations, language: Language) {
    let tr = |key| texts.tr(language, key);
    for side in Side::ALL {
        swatch_row_ui(ui, ControlPaint::of(&[side]), tr(side.key()));
    }
    swatch_row_ui(ui, ControlPaint::of(&[Side::White, Side::Alash]), tr("several"));
    swatch_row_ui(ui, ControlPaint::of(&[]), tr("unknown"));
    swatch_row_ui(ui, ControlPaint::of(&[Side::Soviet]).faded(), tr("low_confidence_faded"));
    swatch_row_ui(ui, ControlPaint::of(&[Side::Soviet]).claimed(), tr("nominal_pale"));
    ui.label(egui::RichText::new(tr("towns_and_countryside")).small());
    ui.label(egui::RichText::new(tr("hosts_with_provisional")).small());
}

/// The legend of one map on one date: only the sides that hold something on it (and the
/// patterns that appear), so that a projected legend stays short.
pub fn legend_for_date_ui(
    ui: &mut egui::Ui,
    texts: &Translations,
    language: Language,
    atlas: &crate::model::Atlas,
    date: crate::model::Date,
) {
    let tr = |key| texts.tr(language, key);
    let (mut seen, mut several, mut unknown, mut faded, mut claimed, mut hosts) =
        (Vec::new(), false, false, false, false, false);
    for place in atlas.place_ids() {
        match atlas.control_on(place, date) {
            Some(period) => {
                let sides = atlas.sides_of(period);
                several |= sides.len() > 1;
                faded |= period.confidence == crate::model::Confidence::Low;
                claimed |= period.is_nominal_only();
                // A Cossack host still counted with the Provisional Government (before its break).
                hosts |= period
                    .holders
                    .iter()
                    .any(|holder| holder.side == Side::Provisional && atlas.force(holder.force).sides.len() > 1);
                for side in sides {
                    if !seen.contains(&side) {
                        seen.push(side);
                    }
                }
            }
            None => unknown = true,
        }
    }
    for side in Side::ALL.into_iter().filter(|side| seen.contains(side)) {
        swatch_row_ui(ui, ControlPaint::of(&[side]), tr(side.key()));
    }
    if several {
        swatch_row_ui(ui, ControlPaint::of(&[Side::White, Side::Alash]), tr("several"));
    }
    if unknown {
        swatch_row_ui(ui, ControlPaint::of(&[]), tr("unknown"));
    }
    if faded {
        swatch_row_ui(ui, ControlPaint::of(&[Side::Soviet]).faded(), tr("low_confidence_faded"));
    }
    if claimed {
        swatch_row_ui(ui, ControlPaint::of(&[Side::Soviet]).claimed(), tr("nominal_pale"));
    }
    if hosts {
        ui.label(egui::RichText::new(tr("hosts_with_provisional")).small());
    }
}

fn swatch_row_ui(ui: &mut egui::Ui, paint: ControlPaint, label: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
        swatch(ui.painter(), rect, paint);
        ui.label(label);
    });
}

/// A small rectangle painted like a place on the map: fill, and stripes where several sides hold it.
pub fn swatch(painter: &egui::Painter, rect: Rect, paint: ControlPaint) {
    painter.rect_filled(rect, 2.0, paint.fill);
    if let Some(hatch) = paint.hatch {
        let painter = painter.with_clip_rect(rect);
        let mut x = rect.left() - rect.height();
        while x < rect.right() {
            painter.line_segment(
                [egui::pos2(x, rect.bottom()), egui::pos2(x + rect.height(), rect.top())],
                Stroke::new(2.5, hatch),
            );
            x += 6.0;
        }
    }
    painter.rect_stroke(rect, 2.0, Stroke::new(1.0, style::OBLAST_BORDER), egui::StrokeKind::Inside);
}

/// A dot in a side's colour, for lists of holders.
pub fn side_dot(ui: &mut egui::Ui, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter().circle(rect.center(), 5.0, colour, Stroke::new(1.0, style::OBLAST_BORDER));
}
