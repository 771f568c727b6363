//! "Make a tour" (desk mode): a lecturer adds the current view as a step, writes its caption in
//! one, two or three languages and saves the tour as a file that `present` plays.

use eframe::egui::{self, RichText};

use atlas_core::i18n::Translations;
use atlas_core::model::{Atlas, Language, Names};
use atlas_data::{DataFile, StepDraft, TourDraft, load_tour, tour_to_toml};

#[derive(Default)]
pub struct TourEditor {
    pub open: bool,
    pub draft: TourDraft,
    /// Where the tour is saved.
    pub path: String,
    /// What happened to the last save.
    pub message: Option<String>,
}

/// What the window asks the app to do.
pub enum EditorAction {
    /// Add the current view as a new step.
    AddCurrentView,
}

/// One text in the three written languages; any may stay empty (the tour then shows the nearest
/// language it has, and says so).
/// One box per language, shown with the language's code and named for screen readers with
/// what it is and the language's own name ("Title: Қазақша").
fn names_editor(ui: &mut egui::Ui, names: &mut Names, id: &str, what: &str) {
    for language in Language::WRITTEN {
        let code = language.code();
        ui.horizontal(|ui| {
            ui.label(code);
            let text = names.get_mut(language);
            let edit = ui.add(egui::TextEdit::multiline(text).id_salt((id, code)).desired_rows(1).desired_width(330.0));
            super::accessible::name(&edit, egui::Role::MultilineTextInput, &format!("{what}: {}", language.endonym()));
        });
    }
}

impl TourEditor {
    pub fn toggle(&mut self) {
        self.open = !self.open;
        if self.draft.id.is_empty() {
            self.draft.id = "my_tour".into();
            self.path = "my_tour.toml".into();
        }
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        atlas: &Atlas,
        texts: &Translations,
        language: Language,
    ) -> Option<EditorAction> {
        if !self.open {
            return None;
        }
        let tr = |key| texts.tr(language, key);
        let mut action = None;
        let mut open = self.open;
        let mut cancel = false;
        super::dialog::window("tour_editor", tr("tour_editor")).default_width(420.0).show(ctx, |ui| {
            if super::dialog::title_row(ui, tr("tour_editor"), tr("close")) {
                open = false;
            }
            ui.horizontal(|ui| {
                let label = ui.label(tr("tour_id"));
                let id_box =
                    ui.add(egui::TextEdit::singleline(&mut self.draft.id).desired_width(200.0)).labelled_by(label.id);
                if super::focus::take_focus(ctx, "tour_editor") {
                    id_box.request_focus();
                }
            });
            ui.label(RichText::new(tr("tour_languages_hint")).small().weak());
            ui.label(tr("tour_title"));
            names_editor(ui, &mut self.draft.title, "title", tr("tour_title"));
            ui.separator();
            // Saving comes before the steps, which grow without end: however many there are,
            // Save and Cancel stay in sight.
            ui.horizontal(|ui| {
                let label = ui.label(tr("export_file"));
                ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(260.0)).labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                let can_save = !self.draft.steps.is_empty();
                if ui.add_enabled(can_save, egui::Button::new(tr("tour_save"))).clicked() {
                    self.message = Some(self.save(atlas, texts, language));
                }
                cancel = ui.button(tr("tour_cancel")).on_hover_text(tr("tour_cancel_hint")).clicked();
            });
            if let Some(message) = &self.message {
                ui.label(message);
            }
            ui.separator();
            if ui.button(tr("tour_add_view")).clicked() {
                action = Some(EditorAction::AddCurrentView);
            }
            let mut remove = None;
            let mut swap = None;
            // The steps scroll in what is left of the screen, so that the window never runs off it.
            let room = ctx.content_rect().bottom() - ui.cursor().top() - 32.0;
            egui::ScrollArea::vertical().max_height(room.clamp(120.0, 480.0)).show(ui, |ui| {
                let count = self.draft.steps.len();
                for (index, step) in self.draft.steps.iter_mut().enumerate() {
                    ui.push_id(index, |ui| {
                        ui.horizontal(|ui| {
                            ui.label(
                                RichText::new(format!("{} {} · {}", tr("present_step"), index + 1, step.date)).strong(),
                            );
                            // Glyph buttons, named in words for screen readers.
                            let glyph_button = |ui: &mut egui::Ui, glyph: &str, key: &'static str| {
                                let button = ui.small_button(glyph).on_hover_text(tr(key));
                                super::accessible::name(&button, egui::Role::Button, tr(key));
                                button.clicked()
                            };
                            if index > 0 && glyph_button(ui, "↑", "tour_move_up") {
                                swap = Some((index - 1, index));
                            }
                            if index + 1 < count && glyph_button(ui, "↓", "tour_move_down") {
                                swap = Some((index, index + 1));
                            }
                            if glyph_button(ui, "×", "tour_remove_step") {
                                remove = Some(index);
                            }
                        });
                        ui.label(tr("tour_caption"));
                        names_editor(ui, &mut step.caption, "caption", tr("tour_caption"));
                        let label = ui.label(tr("present_notes"));
                        ui.add(
                            egui::TextEdit::multiline(step.notes.get_mut(language))
                                .id_salt("notes")
                                .desired_rows(2)
                                .desired_width(360.0),
                        )
                        .labelled_by(label.id);
                        ui.separator();
                    });
                }
            });
            if let Some(index) = remove {
                self.draft.steps.remove(index);
            }
            if let Some((a, b)) = swap {
                self.draft.steps.swap(a, b);
            }
        });
        if cancel {
            // Cancel drops the tour being made; the window's × only hides it.
            *self = TourEditor::default();
            return action;
        }
        self.open = open;
        action
    }

    /// Adds a step; its caption starts as the date, to be rewritten.
    pub fn add_step(&mut self, step: StepDraft) {
        self.draft.steps.push(step);
    }

    /// Writes the tour atomically and reads it back with the same loader as `check`; returns
    /// what to tell the lecturer.
    pub fn save(&mut self, atlas: &Atlas, texts: &Translations, language: Language) -> String {
        let tr = |key| texts.tr(language, key);
        let text = match tour_to_toml(&self.draft) {
            Ok(text) => text,
            Err(error) => return format!("{}: {error}", tr("export_failed")),
        };
        let mut problems = Vec::new();
        let file = DataFile { display_name: self.path.clone(), text };
        load_tour(atlas, &file, &mut problems);
        // A tour in one or two languages plays in every language, showing the nearest text it has.
        problems.retain(|problem| !problem.is_translation_gap());
        let path = std::path::PathBuf::from(self.path.trim());
        if let Err(error) = atlas_data::atomic_file::write_atomically(&path, file.text.as_bytes()) {
            return format!("{}: {error}", tr("export_failed"));
        }
        match problems.first() {
            None => format!("{}: {}", tr("export_saved"), path.display()),
            Some(problem) => {
                format!("{}: {}. {}: {problem}", tr("export_saved"), path.display(), tr("tour_check_says"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use atlas_data::StepDraft;

    fn step(date: &str) -> StepDraft {
        StepDraft {
            date: date.into(),
            center: [70.0, 50.0],
            zoom: 1.0,
            highlight: Vec::new(),
            caption: Names::same("Two lines of caption\nfor the hall"),
            notes: Names::default(),
            duration: 12.0,
        }
    }

    /// On a laptop's 600 lines, with more steps than fit, Save and Cancel are on the screen; and
    /// Cancel drops the tour being made.
    #[test]
    fn save_and_cancel_stay_in_sight_however_many_steps() {
        let atlas = atlas_data::load(&atlas_data::Dataset::embedded()).atlas;
        let texts = Translations::embedded().unwrap_or_else(|e| panic!("{e}"));
        let mut editor = TourEditor::default();
        editor.toggle();
        for day in 1..=8 {
            editor.add_step(step(&format!("1918-07-{day:02}")));
        }
        let screen = egui::vec2(1024.0, 600.0);
        let mut harness = Harness::builder().with_size(screen).with_context_setup(crate::setup_context).build_ui_state(
            move |ui, editor: &mut TourEditor| {
                editor.show(ui.ctx(), &atlas, &texts, Language::En);
            },
            editor,
        );
        harness.run();
        for label in ["Save the tour", "Cancel"] {
            let rect = harness.get_by_label(label).rect();
            assert!(rect.top() >= 0.0 && rect.bottom() <= screen.y, "{label} is off the screen at {rect:?}");
        }
        // The last step is reached by scrolling; it is there to scroll to.
        assert!(harness.query_by_label("Step 8 · 1918-07-08").is_some());
        harness.get_by_label("Cancel").click();
        harness.run();
        assert!(!harness.state().open, "Cancel closes the window");
        assert!(harness.state().draft.steps.is_empty(), "Cancel drops the steps");
    }
}
