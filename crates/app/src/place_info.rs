//! What the atlas says about one place on one date: the hover tooltip and the accessible label.

use eframe::egui::{self, RichText};

use super::legend::side_dot;
use super::style::side_colour;
use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, ControlPeriod, Date, Language, PlaceId};

/// One holder as the place panel, tooltip and kiosk card show it: the force, its role and the
/// side it was on then ("Ural Cossack Host — civil administration (Provisional Government)"), so
/// that a host counted with the Provisional Government before its break says so in words.
pub fn holder_line(
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    holder: &atlas_core::model::Holder,
) -> String {
    format!(
        "{} — {} ({})",
        atlas.force(holder.force).name.get(language),
        texts.tr(language, holder.role.key()),
        texts.tr(language, holder.side.key())
    )
}

/// Who held the place in `period`, a row each (a dot of the side's colour, then
/// [`holder_line`]), as the tooltip, the side panel and the kiosk's card show them.
pub fn holders_ui(ui: &mut egui::Ui, atlas: &Atlas, texts: &Translations, language: Language, period: &ControlPeriod) {
    for holder in &period.holders {
        ui.horizontal_wrapped(|ui| {
            side_dot(ui, side_colour(holder.side));
            ui.label(holder_line(atlas, texts, language, holder));
        });
    }
}

/// [`holders_ui`], then how sure we are of them, in italics.
pub fn holders_and_confidence_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    period: &ControlPeriod,
) {
    holders_ui(ui, atlas, texts, language, period);
    ui.label(RichText::new(texts.tr(language, period.confidence.key())).italics());
}

/// One line for screen readers and the map's keyboard cursor: the place, each holder's side,
/// force and role, and the confidence ("Irgiz: White (Orenburg Cossack Host, military control);
/// medium confidence"), or "Fort Alexandrovsk: unknown" where nobody is known to have held it.
/// Areas add their kind: "Turgai (oblast): …".
pub fn describe(atlas: &Atlas, texts: &Translations, language: Language, place: PlaceId, date: Date) -> String {
    let tr = |key| texts.tr(language, key);
    // Areas say what they are: an oblast and its town often share a name (Semipalatinsk).
    let place_data = atlas.place(place);
    let own_name = place_data.name.get(language);
    let kind = tr(place_data.kind.key());
    // "Turgai Oblast" says it already; "Торғай облысы" does too, in its own words.
    let says_kind = own_name.to_lowercase().contains(&kind.to_lowercase())
        || (language.written() == Language::Kk
            && ["облыс", "уез"].iter().any(|word| own_name.to_lowercase().contains(word)));
    let name =
        if place_data.kind.is_area() && !says_kind { format!("{own_name} ({kind})") } else { own_name.to_owned() };
    let Some(period) = atlas.control_on(place, date).filter(|period| !period.holders.is_empty()) else {
        return format!("{name}: {}", tr("unknown"));
    };
    let mut holders: Vec<String> = Vec::new();
    for holder in &period.holders {
        let line = format!(
            "{} ({}, {})",
            tr(holder.side.key()),
            atlas.force(holder.force).name.get(language),
            tr(holder.role.key())
        );
        if !holders.contains(&line) {
            holders.push(line);
        }
    }
    format!("{name}: {}; {}", holders.join("; "), tr(period.confidence.key()))
}

/// The tooltip of a hovered place.
pub fn place_tooltip_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    texts: &Translations,
    language: Language,
    place_id: PlaceId,
    date: Date,
) {
    let tr = |key| texts.tr(language, key);
    let place = atlas.place(place_id);
    ui.label(RichText::new(place.name.get(language)).strong().size(16.0));
    if let Some(modern) = &place.modern_name {
        ui.label(format!("{}: {}", tr("modern_name"), modern.get(language)));
    }
    if let Some(parent) = place.parent {
        ui.label(RichText::new(atlas.place(parent).name.get(language)).weak());
    }
    ui.separator();
    let resolution = atlas.resolve(place_id, date);
    let Some(period) = resolution.period.map(|id| atlas.period(id)) else {
        ui.label(tr("no_control_data"));
        return;
    };
    holders_and_confidence_ui(ui, atlas, texts, language, period);
    if let Some(from) = resolution.from_place.filter(|&from| from != place_id) {
        ui.label(RichText::new(format!("{} {}", tr("inherited_from"), atlas.place(from).name.get(language))).weak());
    }
    let note = texts.data_text(language, &period.note);
    if !note.is_empty() {
        ui.label(RichText::new(note).small());
    }
    let titles: Vec<&str> = period.sources.iter().map(|&id| atlas.source(id).title.as_str()).collect();
    ui.label(RichText::new(format!("{}: {}", tr("sources"), titles.join("; "))).small().weak());
}
