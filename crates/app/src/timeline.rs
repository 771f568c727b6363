//! The timeline: the date large with the Old Style beside it, play forwards or backwards at three
//! speeds, steps by day and by event, a box to type a date, and the slider with event marks.

use eframe::egui::{self, RichText, Stroke, pos2};

use atlas_core::i18n::Translations;
use atlas_core::model::{Date, Event, EventCategory, Language};

/// Playback speeds in days per second, with their translation keys.
pub const SPEEDS: [(f64, &str); 3] = [(1.0, "speed_day"), (7.0, "speed_week"), (30.0, "speed_month")];

/// The timeline's state: the current date and how it plays.
#[derive(Clone, Debug)]
pub struct Timeline {
    pub date: Date,
    pub playing: bool,
    /// +1 plays forwards, -1 backwards.
    pub direction: i32,
    /// Days to advance per second of playback.
    pub days_per_second: f64,
    /// Whether Old Style dates are shown beside New Style ones (before 14 February 1918).
    pub show_old_style: bool,
    /// Fractions of a day played but not yet shown.
    carried_days: f64,
    /// What the user is typing into the date box.
    typed: String,
    typed_rejected: bool,
    /// The date the box last went to and the calendar it read it in, for the note under it.
    typed_went_to: Option<atlas_core::date_input::TypedDate>,
    /// The date shown when the box last acted (went to a date or refused the text).
    typed_at: Option<Date>,
    /// The days the slider spans, counted from [`Date::ATLAS_START`]: the whole period, or a
    /// stretch zoomed into with the mouse wheel (down to two weeks).
    pub window: (i32, i32),
    /// Where on screen the slider's handle stands at the window's first and last day, as last
    /// drawn: the chart lines its time axis up with it.
    pub rail: Option<(f32, f32)>,
}

/// The shortest stretch the slider zooms to, in days.
pub const MIN_WINDOW_DAYS: i32 = 14;

fn last_day() -> i32 {
    Date::ATLAS_END.days_since(Date::ATLAS_START)
}

impl Timeline {
    pub fn new(date: Date) -> Timeline {
        Timeline {
            date: date.clamp(Date::ATLAS_START, Date::ATLAS_END),
            playing: false,
            direction: 1,
            days_per_second: 30.0,
            show_old_style: true,
            carried_days: 0.0,
            typed: String::new(),
            typed_rejected: false,
            typed_went_to: None,
            typed_at: None,
            window: (0, last_day()),
            rail: None,
        }
    }

    /// Zooms the slider by `factor` (> 1 closer) keeping the day `anchor` where it is.
    pub fn zoom_window(&mut self, factor: f32, anchor: i32) {
        let (start, end) = self.window;
        let span = (end - start) as f32;
        let new_span = (span / factor).clamp(MIN_WINDOW_DAYS as f32, last_day() as f32);
        let anchor_fraction = if span > 0.0 { (anchor - start) as f32 / span } else { 0.5 };
        let new_start = (anchor as f32 - anchor_fraction * new_span).round() as i32;
        let new_start = new_start.clamp(0, (last_day() - new_span.round() as i32).max(0));
        self.window = (new_start, (new_start + new_span.round() as i32).min(last_day()));
    }

    pub fn is_zoomed(&self) -> bool {
        self.window != (0, last_day())
    }

    /// Keeps the current date inside the zoomed window, sliding it along during playback.
    fn follow_date(&mut self) {
        let day = self.date.days_since(Date::ATLAS_START);
        let (start, end) = self.window;
        let span = end - start;
        if day < start {
            self.window = (day, day + span);
        } else if day > end {
            self.window = (day - span, day);
        }
    }

    pub fn set_date(&mut self, date: Date) {
        self.date = date.clamp(Date::ATLAS_START, Date::ATLAS_END);
    }

    pub fn step_days(&mut self, days: i32) {
        self.set_date(self.date.add_days(days));
    }

    pub fn step_months(&mut self, months: i32) {
        self.set_date(self.date.add_months(months));
    }

    /// Starts or stops playing in `direction`; pressing the other direction while playing turns.
    pub fn toggle_play_in(&mut self, direction: i32) {
        let at_end = if direction > 0 { self.date >= Date::ATLAS_END } else { self.date <= Date::ATLAS_START };
        if self.playing && self.direction == direction {
            self.playing = false;
        } else {
            if !self.playing && at_end {
                // Playing from the end starts over.
                self.date = if direction > 0 { Date::ATLAS_START } else { Date::ATLAS_END };
            }
            self.playing = true;
            self.direction = direction;
        }
        self.carried_days = 0.0;
    }

    /// Space and the kiosk's play: pauses whatever plays, and always starts forwards (a
    /// reader who once played backwards does not expect Space to go on doing so).
    pub fn toggle_play(&mut self) {
        if self.playing {
            self.playing = false;
            self.carried_days = 0.0;
        } else {
            self.toggle_play_in(1);
        }
    }

    /// Advances playback by `seconds` of wall time; stops at either end. Returns whether the date changed.
    pub fn advance(&mut self, seconds: f64) -> bool {
        if !self.playing {
            return false;
        }
        self.carried_days += seconds.clamp(0.0, 0.25) * self.days_per_second;
        let whole = self.carried_days.floor();
        self.carried_days -= whole;
        let before = self.date;
        self.set_date(self.date.add_days(whole as i32 * self.direction));
        if self.date >= Date::ATLAS_END && self.direction > 0 || self.date <= Date::ATLAS_START && self.direction < 0 {
            self.playing = false;
        }
        self.date != before
    }

    /// Jumps to the start of the next event after the current date (`direction` +1) or the last
    /// one before it (-1). `events` are sorted by start.
    pub fn step_event(&mut self, events: &[Event], direction: i32) {
        let target = if direction > 0 {
            events.iter().map(|e| e.start).find(|&start| start > self.date)
        } else {
            events.iter().rev().map(|e| e.start).find(|&start| start < self.date)
        };
        if let Some(date) = target {
            self.set_date(date);
        }
    }
}

fn category_colour(category: EventCategory) -> egui::Color32 {
    use egui::Color32;
    match category {
        EventCategory::Congress | EventCategory::Declaration => Color32::from_rgb(0x1f, 0x9e, 0x89),
        EventCategory::Decree | EventCategory::Government => Color32::from_rgb(0x55, 0x55, 0x99),
        EventCategory::Uprising | EventCategory::Battle => Color32::from_rgb(0xb0, 0x30, 0x20),
        EventCategory::Political | EventCategory::Repression => Color32::from_rgb(0x80, 0x60, 0x30),
    }
}

/// A button whose text starts or ends with a glyph ("▶ Play", "Next event ›"): a screen reader
/// gets the words alone, not "black right-pointing triangle".
fn worded_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let button = ui.button(text);
    let words = text.trim_matches(|c: char| "◀▶‹›‖ ".contains(c));
    super::accessible::name(&button, egui::Role::Button, words);
    button
}

/// The width of the "Go to date" box, in points.
const DATE_BOX_WIDTH: f32 = 190.0;

/// Draws the timeline; returns whether the user changed the date.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    timeline: &mut Timeline,
    events: &[Event],
    texts: &Translations,
    language: Language,
) -> bool {
    let tr = |key| texts.tr(language, key);
    let before = timeline.date;
    let date_text = RichText::new(texts.format_date(language, timeline.date.ymd()))
        .size(30.0)
        .strong()
        .family(egui::FontFamily::Name(super::fonts::BOLD.into()));
    let old_text = timeline.date.old_style().filter(|_| timeline.show_old_style).map(|old_style| {
        RichText::new(format!("({}: {})", tr("old_style"), texts.format_date(language, old_style))).size(18.0).italics()
    });
    // The date box stands at the right of the date when both fit (large text, a narrow window,
    // a long Old Style date may not): else on a row of its own.
    let width_of = |text: &RichText| super::style::text_width(ui, text);
    let dates_width = width_of(&date_text) + old_text.as_ref().map_or(0.0, |text| width_of(text) + 8.0);
    let box_room = DATE_BOX_WIDTH + width_of(&RichText::new(tr("go_to_date"))) + 40.0;
    let one_row = dates_width + box_room <= ui.available_width();
    let dates = |ui: &mut egui::Ui| {
        ui.label(date_text);
        if let Some(old_text) = old_text {
            ui.label(old_text);
        }
    };
    let date_box = |ui: &mut egui::Ui, timeline: &mut Timeline| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            date_box_ui(ui, timeline, texts, language)
        });
    };
    if one_row {
        ui.horizontal(|ui| {
            dates(ui);
            date_box(ui, timeline);
        });
    } else {
        ui.horizontal_wrapped(dates);
        ui.horizontal(|ui| date_box(ui, timeline));
    }
    date_box_note_ui(ui, timeline, texts, language);
    // The buttons wrap onto a second row rather than widen the window's bottom panel.
    ui.horizontal_wrapped(|ui| {
        if worded_button(ui, tr("previous_event")).clicked() {
            timeline.step_event(events, -1);
        }
        let previous_day = ui.button("◀").on_hover_text(tr("previous_day"));
        super::accessible::name(&previous_day, egui::Role::Button, tr("previous_day"));
        if previous_day.clicked() {
            timeline.step_days(-1);
        }
        let backwards_playing = timeline.playing && timeline.direction < 0;
        if worded_button(ui, if backwards_playing { tr("pause") } else { tr("play_backwards") }).clicked() {
            timeline.toggle_play_in(-1);
        }
        let forwards_playing = timeline.playing && timeline.direction > 0;
        if worded_button(ui, if forwards_playing { tr("pause") } else { tr("play") }).clicked() {
            timeline.toggle_play_in(1);
        }
        let next_day = ui.button("▶").on_hover_text(tr("next_day"));
        super::accessible::name(&next_day, egui::Role::Button, tr("next_day"));
        if next_day.clicked() {
            timeline.step_days(1);
        }
        if worded_button(ui, tr("next_event")).clicked() {
            timeline.step_event(events, 1);
        }
        let speed_key =
            SPEEDS.iter().find(|(days, _)| *days == timeline.days_per_second).map_or("speed_month", |s| s.1);
        let speed = egui::ComboBox::new("speed", tr("speed")).selected_text(tr(speed_key)).show_ui(ui, |ui| {
            for (days, key) in SPEEDS {
                if ui.selectable_value(&mut timeline.days_per_second, days, tr(key)).clicked() {
                    ui.close();
                }
            }
        });
        super::accessible::value(&speed.response, tr(speed_key));
        super::focus::return_from_popup(&speed.response, speed.inner.is_some(), "speed");
    });
    timeline.follow_date();
    ui.horizontal(|ui| {
        let (start, end) = timeline.window;
        let mut day = timeline.date.days_since(Date::ATLAS_START);
        let reset_width = if timeline.is_zoomed() { 110.0 } else { 0.0 };
        ui.spacing_mut().slider_width = (ui.available_width() - 80.0 - reset_width).max(100.0);
        // The name beside the slider, not in it: a slider's response with text covers the text
        // too, and the chart and the event ticks need the rail alone.
        let slider = egui::Slider::new(&mut day, start..=end).show_value(false);
        let response = ui.add(slider);
        response.widget_info(|| egui::WidgetInfo::slider(true, f64::from(day), tr("date")));
        // A screen reader reads the day as a date, not as the day's number since 1917.
        super::accessible::value(&response, &date_value_text(texts, language, timeline.date, timeline.show_old_style));
        // Painted, not a label widget: the slider already carries the name for screen readers.
        let galley = ui.painter().layout_no_wrap(
            tr("date").to_owned(),
            egui::TextStyle::Body.resolve(ui.style()),
            ui.visuals().text_color(),
        );
        let (rect, _) = ui.allocate_exact_size(galley.size(), egui::Sense::hover());
        ui.painter().galley(rect.min, galley, ui.visuals().text_color());
        if response.changed() {
            timeline.set_date(Date::ATLAS_START.add_days(day));
        }
        // The wheel over the slider zooms it from the four years down to two weeks, about the
        // day under the pointer.
        if let Some(pointer) = response.hover_pos() {
            let scroll = ui.input(|input| input.smooth_scroll_delta.y + input.smooth_scroll_delta.x);
            if scroll != 0.0 {
                let fraction = ((pointer.x - response.rect.left()) / response.rect.width()).clamp(0.0, 1.0);
                let anchor = start + ((end - start) as f32 * fraction).round() as i32;
                timeline.zoom_window((scroll * 0.004).exp(), anchor);
            }
        }
        timeline.rail = Some(handle_travel(response.rect));
        event_marks_ui(ui, response.rect, events, language, (start, end));
        if timeline.is_zoomed() && ui.button(tr("timeline_whole")).clicked() {
            timeline.window = (0, last_day());
        }
    });
    if timeline.is_zoomed() {
        let (start, end) = timeline.window;
        let format = |day: i32| texts.format_date(language, Date::ATLAS_START.add_days(day).ymd());
        ui.label(RichText::new(format!("{} – {}", format(start), format(end))).small().weak());
    }
    timeline.date != before
}

/// The date as a screen reader reads it and the live region announces it: "10 July 1919", and
/// before the calendar reform "1 February 1918 (Old Style: 19 January 1918)".
pub fn date_value_text(texts: &Translations, language: Language, date: Date, show_old_style: bool) -> String {
    let text = texts.format_date(language, date.ymd());
    match date.old_style().filter(|_| show_old_style) {
        Some(old_style) => {
            format!("{text} ({}: {})", texts.tr(language, "old_style"), texts.format_date(language, old_style))
        }
        None => text,
    }
}

/// The screen x of the slider's handle at its first and last value: its ends, inset by the
/// handle's radius.
fn handle_travel(slider: egui::Rect) -> (f32, f32) {
    let inset = slider.height() / 2.5;
    (slider.left() + inset, slider.right() - inset)
}

/// Ticks above the slider's rail at each event, coloured by category, with the title on hover.
fn event_marks_ui(ui: &mut egui::Ui, slider: egui::Rect, events: &[Event], language: Language, window: (i32, i32)) {
    let (left, right) = handle_travel(slider);
    let painter = ui.painter();
    let pointer = ui.ctx().pointer_hover_pos();
    let mut hovered = None;
    let (start, end) = window;
    // Events of one category on the same pixel share one tick (a large atlas has thousands).
    let mut drawn = std::collections::HashSet::new();
    for event in events {
        let day = event.start.days_since(Date::ATLAS_START);
        if day < start || day > end {
            continue;
        }
        let fraction = (day - start) as f32 / (end - start).max(1) as f32;
        let x = left + (right - left) * fraction;
        let top = slider.top() - 1.0;
        if pointer.is_some_and(|p| (p.x - x).abs() < 3.0 && (p.y - top).abs() < 8.0) {
            hovered = Some(event);
        }
        if !drawn.insert((x.round() as i32, event.category)) {
            continue;
        }
        painter.line_segment([pos2(x, top), pos2(x, top + 6.0)], Stroke::new(2.0, category_colour(event.category)));
    }
    if let Some(event) = hovered {
        egui::Tooltip::always_open(
            ui.ctx().clone(),
            ui.layer_id(),
            ui.scope_id().with("event_mark"),
            egui::PopupAnchor::Pointer,
        )
        .show(|ui| ui.label(event.title.get(language)));
    }
}

fn date_box_ui(ui: &mut egui::Ui, timeline: &mut Timeline, texts: &Translations, language: Language) {
    let tr = |key| texts.tr(language, key);
    // Laid out right to left: the box first, so that Tab reaches it before its button.
    let edit = egui::TextEdit::singleline(&mut timeline.typed).hint_text(tr("date_hint")).desired_width(DATE_BOX_WIDTH);
    let response = ui.add(edit.id_salt("date_box"));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, tr("go_to_date")));
    if response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
        go_to_typed(timeline);
        // egui lets go of a one-line box on Enter; the focus stays, to type the next date.
        response.request_focus();
    }
    if ui.button(tr("go_to_date")).clicked() {
        go_to_typed(timeline);
    }
    // Once the date moves another way (slider, keys, play, a click), the box's text, error and
    // note are about a date no longer shown: they go, unless the user is typing.
    if !response.has_focus() && timeline.typed_at.is_some_and(|at| at != timeline.date) {
        timeline.typed.clear();
        timeline.typed_rejected = false;
        timeline.typed_went_to = None;
        timeline.typed_at = None;
    }
}

/// What the date box says about the text typed in it (not understood; which calendar it was
/// read in): on a row of its own under the box, wrapping, so that it never pushes the date
/// bar off the window at large text.
fn date_box_note_ui(ui: &mut egui::Ui, timeline: &Timeline, texts: &Translations, language: Language) {
    let note = if timeline.typed_rejected {
        RichText::new(texts.tr(language, "date_not_understood")).color(egui::Color32::from_rgb(0xb0, 0x30, 0x10))
    } else if let Some(note) = timeline.typed_went_to.and_then(|typed| style_note(texts, language, typed)) {
        RichText::new(note).small()
    } else {
        return;
    };
    ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| ui.add(egui::Label::new(note).wrap()));
}

/// Which calendar a typed date before the reform of February 1918 was read in.
fn style_note(texts: &Translations, language: Language, typed: atlas_core::date_input::TypedDate) -> Option<String> {
    use atlas_core::date_input::TypedStyle;
    let old = typed.date.old_style()?;
    let date = |ymd| texts.format_date(language, ymd);
    Some(match typed.style {
        TypedStyle::Old => {
            texts.tr(language, "typed_old_style").replace("{old}", &date(old)).replace("{new}", &date(typed.date.ymd()))
        }
        TypedStyle::New => texts.tr(language, "typed_new_style").replace("{old}", &date(old)),
        TypedStyle::AssumedNew => texts.tr(language, "typed_assumed_new_style").replace("{old}", &date(old)),
    })
}

fn go_to_typed(timeline: &mut Timeline) {
    match atlas_core::date_input::parse_typed_date_with_style(&timeline.typed) {
        Some(typed) if typed.date.is_in_atlas() => {
            timeline.set_date(typed.date);
            timeline.typed_rejected = false;
            timeline.typed_went_to = Some(typed);
        }
        _ => {
            timeline.typed_rejected = true;
            timeline.typed_went_to = None;
        }
    }
    timeline.typed_at = Some(timeline.date);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playback_advances_whole_days_and_stops_at_the_end() {
        let mut timeline = Timeline::new(Date::ATLAS_START);
        timeline.toggle_play();
        assert!(!timeline.advance(0.01)); // 0.3 days: nothing to show yet
        assert!(timeline.advance(0.03)); // 1.2 days in all
        assert_eq!(timeline.date, Date::ATLAS_START.add_days(1));
        timeline.set_date(Date::ATLAS_END.add_days(-2));
        timeline.advance(0.2);
        assert_eq!(timeline.date, Date::ATLAS_END);
        assert!(!timeline.playing);
        timeline.toggle_play();
        assert_eq!(timeline.date, Date::ATLAS_START);
    }

    #[test]
    fn space_pauses_either_way_and_always_starts_forwards() {
        let mut timeline = Timeline::new(date_of("1918-07-01"));
        timeline.toggle_play_in(-1);
        timeline.toggle_play();
        assert!(!timeline.playing, "Space pauses playing backwards");
        timeline.toggle_play();
        assert!(timeline.playing && timeline.direction > 0, "and then plays forwards");
    }

    fn date_of(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_slider_zooms_to_two_weeks_about_a_day_and_follows_playback() {
        let mut timeline = Timeline::new(Date::ATLAS_START);
        let anchor = 500;
        for _ in 0..40 {
            timeline.zoom_window(1.5, anchor);
        }
        let (start, end) = timeline.window;
        assert_eq!(end - start, MIN_WINDOW_DAYS);
        assert!(start <= anchor && anchor <= end, "{start}..{end}");
        timeline.set_date(Date::ATLAS_START.add_days(end + 10));
        timeline.follow_date();
        assert_eq!(timeline.window.1, end + 10);
        timeline.zoom_window(0.001, 0);
        assert!(!timeline.is_zoomed());
    }

    #[test]
    fn plays_backwards_at_a_chosen_speed() {
        let mut timeline = Timeline::new(Date::ATLAS_END);
        timeline.days_per_second = 7.0;
        timeline.toggle_play_in(-1);
        timeline.advance(0.2); // 1.4 days
        timeline.advance(0.2); // 2.8 days
        assert_eq!(timeline.date, Date::ATLAS_END.add_days(-2));
        timeline.toggle_play_in(-1);
        assert!(!timeline.playing);
    }
}
