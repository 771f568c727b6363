//! The search window (Ctrl+F): type a name in any language, maybe with a date, pick a result.

use eframe::egui::{self, RichText};

use crate::i18n::Translations;
use crate::model::{Atlas, Date, Language};
use crate::search::{Target, search};

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
        let tr = |key| texts.tr(language, key);
        let mut open = self.open;
        let mut choice = None;
        egui::Window::new(tr("search")).open(&mut open).default_width(360.0).show(ctx, |ui| {
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
                        Target::Place(id) => tr(crate::model::PlaceKind::key(atlas.place(id).kind)),
                        Target::Event(index) => atlas.events.get(index).map_or("", |_| tr("event")),
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
