//! The card of a selected place, made for a finger: its names, who holds it on the date, a tall
//! strip of who held it over the four years, its periods and its events as big rows that move
//! the date. Sources are named but never linked: nothing here opens a browser.

use eframe::egui::{self, Color32, RichText, Sense, Stroke, vec2};

use super::app::Look;
use super::style::{MIN_TARGET, big_button, bold};
use crate::place_panel::{PlaceAction, Selection, StripLook, no_own_periods_text, paint_strip, strip_day_at};
use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, ControlPeriod, Date, Language, PlaceKind};

pub fn place_card_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    selection: &Selection,
    date: Date,
    look: Look,
) -> PlaceAction {
    let tr = |key| texts.tr(language, key);
    let mut action = PlaceAction::default();
    let place_id = selection.place;
    let place = atlas.place(place_id);
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if big_button(ui, tr("close"), vec2(140.0, 56.0), look, false).clicked() {
                action.close = true;
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let name = RichText::new(place.name.get(language)).font(bold(look.px(36.0)));
                ui.add(egui::Label::new(name).wrap());
            });
        });
    });
    let mut kind_line = tr(PlaceKind::key(place.kind)).to_owned();
    for ancestor in atlas.ancestors(place_id) {
        kind_line += " · ";
        kind_line += atlas.place(ancestor).name.get(language);
    }
    ui.label(RichText::new(kind_line).weak());
    let names = &place.name;
    ui.label(format!("{} · {} · {}", names.kk, names.ru, names.en));
    if let Some(modern) = &place.modern_name {
        ui.label(format!("{}: {}", tr("modern_name"), modern.get(language)));
    }
    ui.add_space(look.px(8.0));

    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        holders_now_ui(ui, atlas, texts, language, place_id, date, look);
        ui.add_space(look.px(10.0));
        ui.label(RichText::new(tr("control_strip")).strong());
        if let Some(day) = strip_ui(ui, selection, date, tr("control_strip"), look) {
            action.go_to = Some(day);
        }
        ui.add_space(look.px(10.0));
        ui.label(RichText::new(tr("periods")).font(bold(look.px(26.0))));
        let own = atlas.periods_of(place_id);
        if let Some(text) = no_own_periods_text(atlas, texts, language, place_id) {
            ui.label(RichText::new(text).weak());
        }
        for &period_id in own {
            let period = atlas.period(period_id);
            if period_row_ui(ui, atlas, texts, language, period, period.contains(date), look) {
                action.go_to = Some(period.start);
            }
        }
        ui.add_space(look.px(10.0));
        ui.label(RichText::new(tr("events_here")).font(bold(look.px(26.0))));
        let mut any = false;
        for event in atlas.events_at(place_id) {
            any = true;
            let when = crate::events::event_date_text(texts, language, event, true);
            let text = format!("{when}\n{}", event.title.get(language));
            let width = ui.available_width();
            let button = egui::Button::new(RichText::new(text).size(look.px(21.0)))
                .wrap()
                .min_size(vec2(width, look.px(MIN_TARGET + 8.0)));
            if ui.add(button).clicked() {
                action.go_to = Some(event.start);
            }
        }
        if !any {
            ui.label(RichText::new(tr("no_events_here")).weak());
        }
    });
    action
}

/// Who holds the place on the date, each holder with its side's colour and role.
fn holders_now_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    place: atlas_core::model::PlaceId,
    date: Date,
    look: Look,
) {
    let tr = |key| texts.tr(language, key);
    egui::Frame::new()
        .fill(Color32::from_rgb(0xff, 0xf8, 0xd8))
        .corner_radius(look.px(10.0))
        .inner_margin(look.px(12.0))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(texts.format_date(language, date.ymd())).font(bold(look.px(24.0))));
            let Some(period) = atlas.control_on(place, date) else {
                ui.label(tr("unknown"));
                return;
            };
            crate::place_info::holders_and_confidence_ui(ui, atlas, texts, language, period);
        });
}

/// The strip of who held the place, tall enough to tap; returns the day tapped.
fn strip_ui(ui: &mut egui::Ui, selection: &Selection, date: Date, label: &str, look: Look) -> Option<Date> {
    let width = ui.available_width().max(look.px(200.0));
    let (rect, response) = ui.allocate_exact_size(vec2(width, look.px(MIN_TARGET + 8.0)), Sense::click_and_drag());
    let day_now = date.days_since(Date::ATLAS_START);
    response.widget_info(|| egui::WidgetInfo::slider(true, f64::from(day_now), label));
    let strip_look = StripLook { line: look.px(1.0), marker: look.px(4.0), overhang: look.px(3.0), year_ticks: false };
    paint_strip(&ui.painter_at(rect.expand(look.px(3.0))), rect, &selection.strip, date, strip_look);
    let moved = response.clicked() || response.dragged();
    let pointer = response.interact_pointer_pos().filter(|_| moved)?;
    Some(strip_day_at(rect, pointer.x))
}

/// One period as a big row: its dates, holders and confidence; returns whether it was tapped.
fn period_row_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    period: &ControlPeriod,
    current: bool,
    look: Look,
) -> bool {
    let tr = |key| texts.tr(language, key);
    let fill = if current { Color32::from_rgb(0xff, 0xf1, 0xb8) } else { Color32::from_gray(0xf2) };
    let frame = egui::Frame::new()
        .fill(fill)
        .stroke(Stroke::new(look.px(1.0), Color32::from_gray(0xb0)))
        .corner_radius(look.px(10.0))
        .inner_margin(look.px(12.0));
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.set_min_height(look.px(MIN_TARGET));
        let range = format!(
            "{} – {}",
            texts.format_date(language, period.start.ymd()),
            texts.format_date(language, period.end.ymd())
        );
        ui.label(RichText::new(&range).strong());
        crate::place_info::holders_ui(ui, atlas, texts, language, period);
        ui.label(RichText::new(tr(period.confidence.key())).italics().small());
        let note = texts.data_text(language, &period.note);
        if !note.is_empty() {
            ui.add(egui::Label::new(RichText::new(note).small()).wrap());
        }
        if !period.sources.is_empty() {
            let titles: Vec<&str> = period.sources.iter().map(|&id| atlas.source(id).title.as_str()).collect();
            ui.add(
                egui::Label::new(RichText::new(format!("{}: {}", tr("sources"), titles.join("; "))).small().weak())
                    .wrap(),
            );
        }
        range
    });
    let range = inner.inner;
    let response =
        ui.interact(inner.response.rect, ui.scope_id().with(("period", period.start, period.end)), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &range));
    response.clicked()
}
