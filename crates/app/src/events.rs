//! The events under way on the current date, or else the latest one before it.

use eframe::egui::{self, RichText};

use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Date, DatePrecision, Event, Language};

/// Lists the events of `date`; returns an event the user clicked, to jump to its date.
pub fn events_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    date: Date,
    old_style: bool,
) -> Option<Date> {
    let tr = |key| texts.tr(language, key);
    let mut today: Vec<&Event> = atlas.events_on(date).collect();
    // The day's own events first; those that span months or years (the background) after them.
    today.sort_by_key(|event| event.end.days_since(event.start));
    let mut jump = None;
    if today.is_empty() {
        super::accessible::heading(&ui.heading(tr("events_today")), 2);
        ui.label(RichText::new(tr("no_events_today")).weak());
        if let Some(latest) = atlas.events().iter().rev().find(|event| event.end < date) {
            ui.add_space(6.0);
            ui.label(RichText::new(tr("latest_event")).strong());
            jump = event_ui(ui, atlas, texts, language, latest, old_style);
        }
    } else {
        super::accessible::heading(&ui.heading(tr("events_today")), 2);
        for event in today {
            jump = jump.or(event_ui(ui, atlas, texts, language, event, old_style));
            ui.separator();
        }
    }
    jump
}

/// The date of an event as a reader should see it: a range, and how precise it is.
/// The Old Style date of the start is added when `old_style` is on and it applies.
pub fn event_date_text(texts: &Translations, language: Language, event: &Event, old_style: bool) -> String {
    let start = texts.format_date(language, event.start.ymd());
    let mut text = if event.end != event.start {
        format!("{start} – {}", texts.format_date(language, event.end.ymd()))
    } else {
        start
    };
    let precision_key = match event.precision {
        DatePrecision::Day => None,
        DatePrecision::Month => Some("precision_month"),
        DatePrecision::Season => Some("precision_season"),
        DatePrecision::Year => Some("precision_year"),
    };
    if let Some(key) = precision_key {
        text.push(' ');
        text.push_str(texts.tr(language, key));
    }
    if let Some(old_style) = event.start.old_style().filter(|_| old_style) {
        text.push_str(&format!(" ({}: {})", texts.tr(language, "old_style"), texts.format_date(language, old_style)));
    }
    text
}

fn event_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    event: &Event,
    old_style: bool,
) -> Option<Date> {
    let date_text = event_date_text(texts, language, event, old_style);
    let link = ui.link(RichText::new(&date_text).small());
    // Named with the title too: two events can share a date.
    let name = format!("{date_text}: {}", texts.data_text(language, &event.title));
    super::accessible::name(&link, egui::Role::Link, &name);
    let clicked = link.clicked();
    ui.label(RichText::new(texts.data_text(language, &event.title)).strong());
    ui.label(texts.data_text(language, &event.text));
    if language == Language::Kk
        && let Some(seed) = &event.seed
        && seed != event.text.get(language)
    {
        ui.label(RichText::new(format!("«{seed}»")).italics().weak());
    }
    let titles: Vec<&str> = event.sources.iter().map(|&id| atlas.source(id).title.as_str()).collect();
    ui.label(RichText::new(format!("{}: {}", texts.tr(language, "sources"), titles.join("; "))).small().weak());
    clicked.then_some(event.start)
}
