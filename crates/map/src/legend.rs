//! The legend: what each colour and pattern means.

use egui::{self, Color32, Rect, Sense, Stroke, vec2};

use super::style::{self, ControlPaint};
use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Confidence, Date, Language, Side};

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

/// At most this many combinations of sides are listed in the window's legend; the rest are
/// counted. A printed page, which cannot be scrolled or asked, lists them all.
pub const MAX_LISTED_COMBINATIONS: usize = 6;

/// What a date's map shows, for its legend.
#[derive(Debug, Default, PartialEq)]
pub struct DateLegend {
    /// Sides holding something alone, in [`Side::ALL`] order.
    pub sides: Vec<Side>,
    /// Sets of sides holding places together, as the map stripes them (military first), most
    /// places first, with the number of places.
    pub combinations: Vec<(Vec<Side>, usize)>,
    pub unknown: bool,
    pub faded: bool,
    pub claimed: bool,
    /// A Cossack host still counted with the Provisional Government (before its break).
    pub hosts: bool,
}

impl DateLegend {
    /// What the maps of several dates show together (the two panes of Compare).
    pub fn of_dates(atlas: &Atlas, dates: &[Date]) -> DateLegend {
        let mut legend = DateLegend::default();
        for (&date, place) in dates.iter().flat_map(|date| atlas.place_ids().map(move |place| (date, place))) {
            let resolution = atlas.resolve(place, date);
            if !atlas.is_shown(place, &resolution) {
                continue;
            }
            let Some(period_id) = resolution.period else {
                legend.unknown = true;
                continue;
            };
            let period = atlas.period(period_id);
            let sides = atlas.sides_of_period(period_id);
            // As the map paints it (`period_paint`): a claim is pale whatever our confidence, so
            // it asks for the "claimed" row and not the "low confidence" one.
            legend.claimed |= period.is_nominal_only();
            legend.faded |= !period.is_nominal_only() && period.confidence == Confidence::Low;
            legend.hosts |= period
                .holders
                .iter()
                .any(|holder| holder.side == Side::Provisional && atlas.force(holder.force).sides.len() > 1);
            match sides {
                [] => legend.unknown = true,
                [only] if !legend.sides.contains(only) => legend.sides.push(*only),
                [_] => {}
                several => {
                    // One row per set of sides: "Soviet + White" and "White + Soviet" differ
                    // only in which stripe comes first, and one swatch reads for both.
                    let shown = &several[..several.len().min(style::MAX_STRIPES)];
                    let same_set =
                        |sides: &Vec<Side>| sides.len() == shown.len() && shown.iter().all(|s| sides.contains(s));
                    match legend.combinations.iter_mut().find(|(sides, _)| same_set(sides)) {
                        Some((_, count)) => *count += 1,
                        None => legend.combinations.push((shown.to_vec(), 1)),
                    }
                }
            }
        }
        legend.sides.sort_by_key(|side| Side::ALL.iter().position(|s| s == side));
        legend.combinations.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.len().cmp(&b.0.len())));
        legend
    }
}

/// The legend of the maps of some dates (one, or the two of Compare): only the sides that hold
/// something on them, and each set of sides holding places together with its stripes as the map
/// draws them.
pub fn legend_for_date_ui(
    ui: &mut egui::Ui,
    (texts, language): (&Translations, Language),
    atlas: &Atlas,
    dates: &[Date],
    listed: usize,
) {
    let tr = |key| texts.tr(language, key);
    let legend = DateLegend::of_dates(atlas, dates);
    for &side in &legend.sides {
        swatch_row_ui(ui, ControlPaint::of(&[side]), tr(side.key()));
    }
    if !legend.combinations.is_empty() {
        ui.label(tr("several_heading"));
        for (sides, _) in legend.combinations.iter().take(listed) {
            swatch_row_ui(ui, ControlPaint::of(sides), &sides_label(texts, language, sides));
        }
        let more = legend.combinations.len().saturating_sub(listed);
        if more > 0 {
            ui.label(egui::RichText::new(tr("more_combinations").replace("{n}", &more.to_string())).small());
        }
    }
    if legend.unknown {
        swatch_row_ui(ui, ControlPaint::of(&[]), tr("unknown"));
    }
    if legend.faded {
        swatch_row_ui(ui, ControlPaint::of(&[Side::Soviet]).faded(), tr("low_confidence_faded"));
    }
    if legend.claimed {
        swatch_row_ui(ui, ControlPaint::of(&[Side::Soviet]).claimed(), tr("nominal_pale"));
    }
    if legend.hosts {
        ui.label(egui::RichText::new(tr("hosts_with_provisional")).small());
    }
}

/// "Soviet + White": the sides of a combination in the order of its stripes.
pub fn sides_label(texts: &Translations, language: Language, sides: &[Side]) -> String {
    if sides.is_empty() {
        return texts.tr(language, "unknown").to_owned();
    }
    sides.iter().map(|&side| texts.tr(language, side.key())).collect::<Vec<_>>().join(" + ")
}

/// A legend swatch: wide enough to show at least one band of every stripe of four sides.
pub const SWATCH_SIZE: egui::Vec2 = vec2(36.0, 16.0);

fn swatch_row_ui(ui: &mut egui::Ui, paint: ControlPaint, label: &str) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(SWATCH_SIZE, Sense::hover());
        swatch(ui.painter(), rect, paint);
        ui.label(label);
    });
}

/// A small rectangle painted as the map paints a place: its colour, or the same stripes (width,
/// angle, dark lines between them, fixed to the screen) where several sides hold it.
pub fn swatch(painter: &egui::Painter, rect: Rect, paint: ControlPaint) {
    painter.rect_filled(rect, 2.0, paint.fill);
    let stripes = paint.stripes();
    if !stripes.is_empty() {
        let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
        let count = stripes.len();
        let period = count as f32 * style::STRIPE_BAND;
        let width = (1.0 - style::STRIPE_SEPARATOR_SHARE) * style::STRIPE_BAND;
        // Band `k` covers the points where x + y lies in [start, start + width), as on the map.
        let (top, bottom) = (rect.top(), rect.bottom());
        let mut cycle = ((rect.left() + top) / period).floor() - 1.0;
        while cycle * period < rect.right() + bottom {
            for (band, &colour) in stripes.iter().enumerate() {
                let start = (cycle + style::band_phase(band, count)) * period;
                let end = start + width;
                let corners = vec![
                    egui::pos2(start - top, top),
                    egui::pos2(end - top, top),
                    egui::pos2(end - bottom, bottom),
                    egui::pos2(start - bottom, bottom),
                ];
                painter.add(egui::Shape::convex_polygon(corners, colour, Stroke::NONE));
            }
            cycle += 1.0;
        }
    }
    painter.rect_stroke(rect, 2.0, Stroke::new(1.0, style::OBLAST_BORDER), egui::StrokeKind::Inside);
}

/// A dot in a side's colour, for lists of holders.
pub fn side_dot(ui: &mut egui::Ui, colour: Color32) {
    let (rect, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
    ui.painter().circle(rect.center(), 5.0, colour, Stroke::new(1.0, style::OBLAST_BORDER));
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_data::{Dataset, load};

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_legend_of_two_dates_lists_what_either_map_shows_once() {
        let atlas = load(&Dataset::embedded()).atlas;
        let (first, second) = (day("1918-07-01"), day("1919-07-01"));
        let both = DateLegend::of_dates(&atlas, &[first, second]);
        let same_set = |a: &[Side], b: &[Side]| a.len() == b.len() && a.iter().all(|side| b.contains(side));
        for date in [first, second] {
            let one = DateLegend::of_dates(&atlas, &[date]);
            assert!(one.sides.iter().all(|side| both.sides.contains(side)), "{date}: {one:?}");
            for (sides, _) in &one.combinations {
                let rows = both.combinations.iter().filter(|(other, _)| same_set(sides, other)).count();
                assert_eq!(rows, 1, "{date}: {sides:?} is listed {rows} times for both dates");
            }
            assert!(!one.unknown || both.unknown);
        }
        let only_first = DateLegend::of_dates(&atlas, &[first]);
        assert!(both.combinations.len() > only_first.combinations.len(), "1919 adds no combination to 1918");
    }
}
