//! The search window (Ctrl+F): type a name in any language, maybe with a date, pick a result.

use eframe::egui::{self, RichText};

use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Date, Language};
use atlas_core::search::{Target, search};

/// The window's state, kept between frames.
#[derive(Default)]
pub struct SearchWindow {
    pub open: bool,
    query: String,
    /// Focus the text box on the frame after opening.
    focus_pending: bool,
}

/// What the user chose.
pub struct SearchChoice {
    pub target: Option<Target>,
    pub date: Option<Date>,
}

impl SearchWindow {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_pending = true;
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        atlas: &Atlas,
        texts: &Translations,
        language: Language,
    ) -> Option<SearchChoice> {
        if !self.open {
            return None;
        }
        let tr = |key| texts.tr(language, key);
        let mut open = self.open;
        let mut choice = None;
        super::dialog::window("search", tr("search")).default_width(360.0).show(ctx, |ui| {
            if super::dialog::title_row(ui, tr("search"), tr("close")) {
                open = false;
            }
            let edit =
                egui::TextEdit::singleline(&mut self.query).hint_text(tr("search_hint")).desired_width(f32::INFINITY);
            let response = ui.add(edit.id_salt("search_box"));
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::SearchInput, true, tr("search")));
            if std::mem::take(&mut self.focus_pending) {
                response.request_focus();
            }
            let result = search(atlas, &self.query, language);
            let enter = response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
            if let Some(date) = result.date {
                ui.label(RichText::new(format!("→ {}", texts.format_date(language, date.ymd()))).weak());
            }
            if enter && (result.date.is_some() || !result.hits.is_empty()) {
                choice = Some(SearchChoice { target: result.hits.first().map(|hit| hit.target), date: result.date });
            }
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                for hit in &result.hits {
                    let kind = match hit.target {
                        Target::Place(id) => tr(atlas_core::model::PlaceKind::key(atlas.place(id).kind)),
                        Target::Event(_) => tr("event"),
                        Target::Person(_) => tr("person"),
                    };
                    if ui.selectable_label(false, format!("{}  ·  {kind}", hit.label)).clicked() {
                        choice = Some(SearchChoice { target: Some(hit.target), date: result.date });
                    }
                }
                if result.hits.is_empty() && !self.query.trim().is_empty() && result.date.is_none() {
                    ui.label(RichText::new(tr("nothing_found")).weak());
                }
            });
        });
        self.open = open && choice.is_none();
        choice
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;

    struct State {
        window: SearchWindow,
        atlas: Atlas,
        texts: Translations,
        language: Language,
        chosen: Option<Option<Target>>,
    }

    /// Types `query` into the search window and presses Enter; returns what was chosen.
    fn choose(query: &str, language: Language) -> (Option<Target>, Atlas) {
        let atlas = atlas_data::load(&atlas_data::Dataset::embedded()).atlas;
        let texts = Translations::embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut window = SearchWindow::default();
        window.open();
        let state = State { window, atlas, texts, language, chosen: None };
        let mut harness =
            Harness::builder().with_size([900.0, 700.0]).with_context_setup(crate::setup_context).build_ui_state(
                |ui, state: &mut State| {
                    if let Some(choice) = state.window.show(ui.ctx(), &state.atlas, &state.texts, state.language) {
                        state.chosen = Some(choice.target);
                    }
                },
                state,
            );
        harness.run_steps(2);
        harness
            .query_all_by(|node| node.role() == egui::accesskit::Role::SearchInput)
            .next()
            .unwrap_or_else(|| panic!("no search box"))
            .type_text(query);
        harness.run_steps(2);
        harness.key_press(egui::Key::Enter);
        harness.run_steps(2);
        let state = harness.into_state();
        (state.chosen.unwrap_or_else(|| panic!("{query}: nothing chosen")), state.atlas)
    }

    /// Enter on "Аманкелді" (as many Kazakh readers spell him) or "Амангельды" opens Imanov's
    /// card; on an event's title, the event (the app then goes to its date and place).
    #[test]
    fn enter_picks_the_person_or_the_event_the_words_name() {
        for (query, language) in
            [("Аманкелді", Language::Kk), ("Амангельды", Language::Ru), ("Amankeldi", Language::KkLatn)]
        {
            let (chosen, atlas) = choose(query, language);
            let person = atlas.person_by_id("imanov");
            assert_eq!(chosen, person.map(Target::Person), "{query}");
        }
        let (chosen, atlas) = choose("Death of Amangeldy", Language::En);
        let event = atlas.event_by_id("turgai_imanov_killed");
        assert_eq!(chosen, event.map(Target::Event));
    }
}
