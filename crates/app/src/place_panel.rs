//! The panel of a selected place: its names, a strip of who held it over the four years, its
//! periods with confidence and sources, and the events that happened there.

use eframe::egui::{self, Rect, RichText, Sense, Stroke, pos2, vec2};

use super::date_paint::period_paint;
use super::legend::swatch;
use super::style::{self, ControlPaint};
use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Confidence, ControlPeriod, Date, Language, PlaceId};

/// One stretch of days over which a place looked the same.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StripSegment {
    pub start: Date,
    pub end: Date,
    pub paint: ControlPaint,
    pub confidence: Option<Confidence>,
}

/// Who held `place` on every day of the atlas, merged into runs. Built when a place is selected,
/// not every frame.
pub fn control_strip(atlas: &Atlas, place: PlaceId) -> Vec<StripSegment> {
    let mut segments: Vec<StripSegment> = Vec::new();
    let mut day = Date::ATLAS_START;
    while day <= Date::ATLAS_END {
        let period = atlas.resolve(place, day).period;
        let paint = period.map_or_else(|| ControlPaint::of(&[]), |period| period_paint(atlas, period));
        let confidence = period.map(|period| atlas.period(period).confidence);
        match segments.last_mut() {
            Some(last) if last.paint == paint && last.confidence == confidence => last.end = day,
            _ => segments.push(StripSegment { start: day, end: day, paint, confidence }),
        }
        day = day.add_days(1);
    }
    segments
}

/// A selected place and its control strip, built together when the place is selected.
pub struct Selection {
    pub place: PlaceId,
    pub strip: Vec<StripSegment>,
}

impl Selection {
    pub fn new(atlas: &Atlas, place: PlaceId) -> Selection {
        Selection { place, strip: control_strip(atlas, place) }
    }
}

/// What the user did with a place's history: in the desk's side panel or on the kiosk's card.
#[derive(Default)]
pub struct PlaceAction {
    pub go_to: Option<Date>,
    pub close: bool,
}

/// The panel of the selected place.
pub fn place_panel_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    selection: &Selection,
    date: Date,
    old_style: bool,
) -> PlaceAction {
    let (place_id, strip) = (selection.place, selection.strip.as_slice());
    let tr = |key| texts.tr(language, key);
    let mut action = PlaceAction::default();
    let place = atlas.place(place_id);
    ui.horizontal(|ui| {
        let heading = ui.heading(place.name.get(language));
        super::accessible::heading(&heading, 2);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(tr("close")).clicked() {
                action.close = true;
            }
        });
    });
    names_ui(ui, atlas, texts, language, place_id);
    ui.add_space(6.0);
    if let Some(day) = strip_ui(ui, strip, date, tr("control_strip")) {
        action.go_to = Some(day);
    }
    ui.add_space(6.0);

    section_heading(ui, tr("periods"));
    let own = atlas.periods_of(place_id);
    if let Some(text) = no_own_periods_text(atlas, texts, language, place_id) {
        ui.label(RichText::new(text).weak());
    }
    for &period_id in own {
        let period = atlas.period(period_id);
        if period_ui(ui, atlas, texts, language, period, period.contains(date)) {
            action.go_to = Some(period.start);
        }
    }

    ui.add_space(6.0);
    section_heading(ui, tr("events_here"));
    let mut any = false;
    for event in atlas.events_at(place_id) {
        any = true;
        let text = format!(
            "{} — {}",
            super::events::event_date_text(texts, language, event, old_style),
            event.title.get(language)
        );
        if ui.link(text).clicked() {
            action.go_to = Some(event.start);
        }
    }
    if !any {
        ui.label(RichText::new(tr("no_events_here")).weak());
    }
    action
}

fn names_ui(ui: &mut egui::Ui, atlas: &Atlas, texts: &Translations, language: Language, place_id: PlaceId) {
    let place = atlas.place(place_id);
    // The names in the three languages, each marked with its language for screen readers.
    let all = |ui: &mut egui::Ui, names: &atlas_core::model::Names| {
        for (index, written) in Language::WRITTEN.into_iter().enumerate() {
            if index > 0 {
                ui.label("·");
            }
            let label = ui.label(names.get(written));
            super::accessible::language(&label, written);
        }
    };
    ui.horizontal_wrapped(|ui| all(ui, &place.name));
    if let Some(modern) = &place.modern_name {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}:", texts.tr(language, "modern_name")));
            all(ui, modern);
        });
    }
    let chain: Vec<&str> = atlas.ancestors(place_id).iter().map(|&p| atlas.place(p).name.get(language)).collect();
    if !chain.is_empty() {
        ui.label(RichText::new(chain.join(" › ")).weak());
    }
}

/// The strip: each run of days in its colours, today marked; returns the day clicked.
/// A picture for the pointer, not a stop for the keyboard: the periods listed under it say the
/// same in words, and a screen reader gets it as an image named by `label`.
fn strip_ui(ui: &mut egui::Ui, strip: &[StripSegment], date: Date, label: &str) -> Option<Date> {
    let width = ui.available_width().max(100.0);
    let (rect, response) = ui.allocate_exact_size(vec2(width, 22.0), Sense::CLICK);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, label));
    let look = StripLook { line: 1.0, marker: 3.0, overhang: 2.0, year_ticks: true };
    paint_strip(&ui.painter_at(rect), rect, strip, date, look);
    let pointer = response.interact_pointer_pos().filter(|_| response.clicked())?;
    Some(strip_day_at(rect, pointer.x))
}

/// What to say of a place without periods of its own: whose it takes ("No periods of its own;
/// see Akmolinsk Oblast"), or that nothing is known. `None` when it has periods. The side panel
/// and the kiosk's card say it alike.
pub fn no_own_periods_text(atlas: &Atlas, texts: &Translations, language: Language, place: PlaceId) -> Option<String> {
    if !atlas.periods_of(place).is_empty() {
        return None;
    }
    let inherited = atlas.ancestors(place).into_iter().find(|&p| !atlas.periods_of(p).is_empty());
    Some(match inherited {
        Some(parent) => format!("{} {}", texts.tr(language, "no_own_periods"), atlas.place(parent).name.get(language)),
        None => texts.tr(language, "no_control_data").to_owned(),
    })
}

/// How a control strip is drawn: the desk's is slim with the new years marked, the kiosk's tall.
#[derive(Clone, Copy)]
pub struct StripLook {
    /// The frame's width, in points.
    pub line: f32,
    /// The width of the bar that marks the date.
    pub marker: f32,
    /// How far the bar reaches above and below the strip.
    pub overhang: f32,
    /// Whether 1 January of 1918, 1919 and 1920 are marked.
    pub year_ticks: bool,
}

/// Where `day` lies across a strip drawn in `rect`.
fn strip_x(rect: Rect, day: Date) -> f32 {
    let span = Date::ATLAS_END.days_since(Date::ATLAS_START) as f32 + 1.0;
    rect.left() + rect.width() * day.days_since(Date::ATLAS_START) as f32 / span
}

/// The day under `x` on a strip drawn in `rect` (the first or last day beyond its ends).
pub fn strip_day_at(rect: Rect, x: f32) -> Date {
    let span = Date::ATLAS_END.days_since(Date::ATLAS_START) as f32 + 1.0;
    let fraction = ((x - rect.left()) / rect.width()).clamp(0.0, 1.0);
    Date::ATLAS_START.add_days((fraction * (span - 1.0)).round() as i32)
}

/// Paints a control strip into `rect`: each run of days in its colours (as the map paints them),
/// a frame, and a bar at `date`. The desk's side panel and the kiosk's card both draw it so.
pub fn paint_strip(painter: &egui::Painter, rect: Rect, strip: &[StripSegment], date: Date, look: StripLook) {
    for segment in strip {
        let segment_rect = Rect::from_min_max(
            pos2(strip_x(rect, segment.start), rect.top()),
            pos2(strip_x(rect, segment.end.add_days(1)), rect.bottom()),
        );
        swatch_flat(painter, segment_rect, segment.paint);
    }
    painter.rect_stroke(rect, 0.0, Stroke::new(look.line, style::OBLAST_BORDER), egui::StrokeKind::Inside);
    if look.year_ticks {
        for new_year in (1918..=1920).filter_map(|year| Date::from_ymd(year, 1, 1)) {
            let x = strip_x(rect, new_year);
            painter.line_segment(
                [pos2(x, rect.top()), pos2(x, rect.bottom())],
                Stroke::new(look.line, egui::Color32::from_black_alpha(120)),
            );
        }
    }
    let x = strip_x(rect, date);
    painter.line_segment(
        [pos2(x, rect.top() - look.overhang), pos2(x, rect.bottom() + look.overhang)],
        Stroke::new(look.marker, egui::Color32::BLACK),
    );
}

/// A section's title in the panel, a level-3 heading for screen readers.
fn section_heading(ui: &mut egui::Ui, text: &str) {
    let heading = ui.label(RichText::new(text).strong());
    super::accessible::heading(&heading, 3);
}

fn swatch_flat(painter: &egui::Painter, rect: Rect, paint: ControlPaint) {
    if rect.width() >= 4.0 && !paint.stripes().is_empty() {
        swatch(painter, rect, paint);
    } else {
        painter.rect_filled(rect, 0.0, paint.main_colour());
    }
}

/// One period; returns whether its dates were clicked.
fn period_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    period: &ControlPeriod,
    current: bool,
) -> bool {
    let tr = |key| texts.tr(language, key);
    let frame = egui::Frame::group(ui.style()).fill(if current {
        egui::Color32::from_rgb(0xff, 0xf8, 0xd0)
    } else {
        egui::Color32::TRANSPARENT
    });
    frame
        .show(ui, |ui| {
            let range = format!(
                "{} – {}",
                texts.format_date(language, period.start.ymd()),
                texts.format_date(language, period.end.ymd())
            );
            let clicked = ui.link(RichText::new(range).strong()).clicked();
            super::place_info::holders_and_confidence_ui(ui, atlas, texts, language, period);
            let note = texts.data_text(language, &period.note);
            if !note.is_empty() {
                ui.label(RichText::new(note).small());
            }
            ui.label(RichText::new(tr("sources")).small().strong());
            for &source_id in &period.sources {
                let source = atlas.source(source_id);
                let title = match &source.author {
                    Some(author) => format!("{} ({author})", source.title),
                    None => source.title.clone(),
                };
                // What the source is and what was taken from it, in the reader's language.
                let note = texts.data_text(language, &source.note);
                let response = match &source.url {
                    Some(url) => ui.hyperlink_to(RichText::new(title).small(), url),
                    None => ui.label(RichText::new(title).small()),
                };
                if !note.is_empty() {
                    response.on_hover_text(note);
                }
            }
            clicked
        })
        .inner
}

#[cfg(test)]
mod tests {
    use super::*;
    use atlas_data::{Dataset, load};

    #[test]
    fn strip_covers_every_day_once() {
        let atlas = load(&Dataset::embedded()).atlas;
        let Some(omsk) = atlas.place_by_id("omsk") else { panic!("no omsk") };
        let strip = control_strip(&atlas, omsk);
        assert_eq!(strip.first().map(|s| s.start), Some(Date::ATLAS_START));
        assert_eq!(strip.last().map(|s| s.end), Some(Date::ATLAS_END));
        for pair in strip.windows(2) {
            assert_eq!(pair[0].end.add_days(1), pair[1].start);
            assert!(pair[0].paint != pair[1].paint || pair[0].confidence != pair[1].confidence);
        }
        // Omsk changed hands at least twice: Soviet, White, Soviet again.
        assert!(strip.len() >= 3);
        assert!(strip.iter().any(|s| s.paint.fill == style::side_colour(atlas_core::model::Side::White)));
    }
}
