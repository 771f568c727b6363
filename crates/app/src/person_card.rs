//! A person's card: names, dates, the short entry, sources and the events that involve them.

use eframe::egui::{self, RichText};

use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Date, Language, PersonId};

/// Shows the card of `person`; returns a date to go to when an event is clicked. A person the
/// atlas does not have closes the card.
pub fn person_card(
    ctx: &egui::Context,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    id: PersonId,
    open: &mut bool,
) -> Option<Date> {
    let Some(person) = atlas.people.get(id.index()) else {
        *open = false;
        return None;
    };
    let tr = |key| texts.tr(language, key);
    let mut go_to = None;
    // Opened, the card puts the focus on its first link, so that Tab goes on through it.
    let mut take_focus = super::focus::take_focus(ctx, "person");
    let mut focus_first = |response: &egui::Response| {
        if std::mem::take(&mut take_focus) {
            response.request_focus();
        }
    };
    super::dialog::window("person", person.name.get(language)).default_width(380.0).show(ctx, |ui| {
        if super::dialog::title_row(ui, person.name.get(language), tr("close")) {
            *open = false;
        }
        // The name in the other languages, each marked with its language for screen readers.
        let others: Vec<(Language, &str)> = Language::WRITTEN
            .into_iter()
            .filter(|&l| l != language.written())
            .map(|l| (l, person.name.get(l)))
            .filter(|(_, name)| *name != person.name.get(language))
            .collect();
        if !others.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for (other, name) in others {
                    let label = ui.label(RichText::new(name).weak());
                    super::accessible::language(&label, other);
                }
            });
        }
        let born = person.born.map_or_else(|| "?".to_owned(), |date| date.to_string());
        let died = person.died.map_or_else(|| "?".to_owned(), |date| date.to_string());
        ui.label(format!("{born} – {died}"));
        ui.add(egui::Label::new(texts.data_text(language, &person.summary)).wrap());
        let events: Vec<_> = atlas.events().iter().filter(|event| event.people.contains(&id)).collect();
        if !events.is_empty() {
            ui.separator();
            ui.label(RichText::new(tr("person_events")).strong());
            for event in events {
                let date = texts.format_date(language, event.start.ymd());
                let link = ui.link(format!("{date} · {}", event.title.get(language)));
                focus_first(&link);
                if link.clicked() {
                    go_to = Some(event.start);
                }
            }
        }
        ui.separator();
        ui.label(RichText::new(tr("sources")).strong());
        for &source in &person.sources {
            let source = atlas.source(source);
            match &source.url {
                Some(url) => {
                    focus_first(&ui.hyperlink_to(&source.title, url));
                }
                None => {
                    ui.label(&source.title);
                }
            }
        }
    });
    go_to
}
