//! The presenter view: a second window on the lecturer's laptop with the tour picker, the
//! current and next step, the speaker notes, the clock, a thumbnail of what the hall sees, and
//! every problem with the tour.

use eframe::egui::{self, RichText};

use super::PresentApp;
use super::pointing::Pointing;
use crate::print_frame::Decorations;

/// The red of problems in the presenter view.
const PROBLEM: egui::Color32 = egui::Color32::from_rgb(0xb0, 0x20, 0x10);

impl PresentApp {
    pub(super) fn presenter_viewport(&mut self, ctx: &egui::Context) {
        let id = egui::ViewportId::from_hash_of("presenter_view");
        let builder = egui::ViewportBuilder::default()
            .with_title("Steppe Atlas — presenter view")
            .with_inner_size([1100.0, 720.0]);
        ctx.show_viewport_immediate(id, builder, |ui, _class| {
            let ctx = ui.ctx().clone();
            if ctx.input(|input| input.viewport().close_requested()) {
                self.show_presenter = false;
            }
            // Keys pressed while the laptop's window has focus drive the lecture too.
            if self.handle_keys(&ctx) {
                ctx.send_viewport_cmd_to(egui::ViewportId::ROOT, egui::ViewportCommand::Close);
            }
            egui::CentralPanel::default().show(ui, |ui| self.presenter_ui(ui));
        });
    }

    fn presenter_ui(&mut self, ui: &mut egui::Ui) {
        let (texts, language) = (self.texts.clone(), self.language);
        let tr = |key| texts.tr(language, key);
        let count = self.tour().steps.len();
        let index = self.player.step;
        let elapsed = self.elapsed(ui.ctx()).max(0.0) as u64;
        ui.horizontal(|ui| {
            self.tour_picker_ui(ui);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(format!("{:02}:{:02}", elapsed / 60, elapsed % 60)).size(28.0).monospace())
                    .on_hover_text(tr("present_elapsed"));
                ui.label(RichText::new(format!("{} {} / {count}", tr("present_step"), index + 1)).size(22.0));
            });
        });
        ui.horizontal(|ui| self.open_file_ui(ui));
        self.problems_ui(ui);
        ui.separator();
        let width = ui.available_width();
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.label(RichText::new(tr("present_hall_sees")).strong());
                self.thumbnail_ui(ui, width * 0.45);
                ui.horizontal(|ui| {
                    if ui.button(format!("◀ {}", tr("present_back"))).clicked() {
                        self.go_to(index.saturating_sub(1));
                    }
                    if ui.button(format!("{} ▶", tr("present_next"))).clicked() {
                        self.go_to((index + 1).min(count.saturating_sub(1)));
                    }
                    let black = self.blank == Some(super::Blank::Black);
                    if ui.selectable_label(black, tr("present_black")).clicked() {
                        self.blank = if black { None } else { Some(super::Blank::Black) };
                    }
                    ui.checkbox(&mut self.pointing.spotlight, tr("present_spotlight"));
                    ui.checkbox(&mut self.pointing.pen, tr("present_pen"));
                    ui.checkbox(&mut self.autoplay, tr("present_autoplay"));
                });
                if self.pointing.spotlight {
                    ui.label(RichText::new(tr("present_spotlight_hint")).small().weak());
                }
            });
            ui.vertical(|ui| {
                if let Some(step) = self.tour().steps.get(index) {
                    ui.label(RichText::new(tr("present_now")).strong());
                    ui.label(RichText::new(texts.data_text(language, &step.caption)).size(18.0));
                    ui.add_space(8.0);
                    ui.label(RichText::new(tr("present_notes")).strong());
                    egui::ScrollArea::vertical().id_salt("notes").max_height(260.0).show(ui, |ui| {
                        ui.label(RichText::new(texts.data_text(language, &step.notes)).size(17.0));
                    });
                }
                ui.add_space(8.0);
                ui.label(RichText::new(tr("present_next_step")).strong());
                match self.tour().steps.get(index + 1) {
                    Some(next) => ui.label(RichText::new(texts.data_text(language, &next.caption)).size(15.0).weak()),
                    None => ui.label(RichText::new(tr("present_end")).weak()),
                };
            });
        });
        ui.separator();
        ui.label(RichText::new(tr("present_keys")).small());
    }

    /// Every tour there is to present, by name and title, and a box to open a tour file.
    fn tour_picker_ui(&mut self, ui: &mut egui::Ui) {
        let (texts, language) = (self.texts.clone(), self.language);
        let tr = |key| texts.tr(language, key);
        let built_in = self.atlas.tours.len();
        let entry = |index: usize, tour: &atlas_core::model::Tour| {
            let title = texts.data_text(language, &tour.title);
            if index < built_in { title } else { format!("{title} ({})", tour.file) }
        };
        let mut chosen = None;
        let label = ui.label(tr("present_tour"));
        egui::ComboBox::from_id_salt("tour_picker")
            .selected_text(entry(self.current, self.tour()))
            .width(380.0)
            .show_ui(ui, |ui| {
                for (index, tour) in self.tours.iter().enumerate() {
                    if ui.selectable_label(index == self.current, entry(index, tour)).clicked() {
                        chosen = Some(index);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(index) = chosen {
            self.choose_tour(index);
        }
    }

    /// A box to type a tour file's path into, and Open (or Enter).
    fn open_file_ui(&mut self, ui: &mut egui::Ui) {
        let (texts, language) = (self.texts.clone(), self.language);
        let tr = |key| texts.tr(language, key);
        let open_label = ui.label(tr("present_open_file"));
        let edit = egui::TextEdit::singleline(&mut self.open_path).hint_text("lecture.toml").desired_width(360.0);
        let response = ui.add(edit).labelled_by(open_label.id);
        let entered = response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        let path = self.open_path.trim().to_owned();
        if (ui.add_enabled(!path.is_empty(), egui::Button::new(tr("present_open"))).clicked() || entered)
            && !path.is_empty()
        {
            self.open_tour_file(std::path::Path::new(&path));
        }
    }

    /// The problems with the data and the tours, each with its file, line and kind, in red.
    fn problems_ui(&mut self, ui: &mut egui::Ui) {
        if self.problems.is_empty() {
            return;
        }
        let (texts, language) = (self.texts.clone(), self.language);
        let tr = |key| texts.tr(language, key);
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(RichText::new(tr("present_problems")).strong().color(PROBLEM));
            if self.hall_notice && ui.button(tr("present_hide_notice")).clicked() {
                self.hall_notice = false;
            }
        });
        egui::ScrollArea::vertical().id_salt("problems").max_height(90.0).show(ui, |ui| {
            for problem in &self.problems {
                ui.label(RichText::new(problem.describe(&texts, language)).color(PROBLEM));
            }
        });
    }

    /// The hall's screen in small, framed as the hall frames it; pointing at it moves the
    /// spotlight on the hall.
    fn thumbnail_ui(&mut self, ui: &mut egui::Ui, width: f32) {
        let hall = self.hall_page.map(|page| page.page);
        let aspect = hall.map_or(9.0 / 16.0, |page| page.height() / page.width().max(1.0));
        let size = egui::vec2(width, width * aspect);
        let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
        let label = self.texts.tr(self.language, "present_hall_sees").to_owned();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        child.set_clip_rect(rect);
        match self.blank {
            Some(super::Blank::Black) => {
                child.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
            }
            Some(super::Blank::White) => {
                child.painter().rect_filled(rect, 0.0, egui::Color32::WHITE);
            }
            None => {
                // The hall's text scale, shrunk with the page, so that the column and the
                // subject stand where the hall has them.
                let shrink = hall.map_or(1.0, |page| rect.width() / page.width().max(1.0));
                let scale = hall.map_or(0.7, |page| super::hall_scale(page) * shrink);
                let page = self.map_page_ui(&mut child, scale, Decorations::DateOnly);
                if self.pointing.spotlight {
                    if let Some(pointer) = super::pointing::pointer_over(ui, rect) {
                        self.pointing.point_at(pointer, rect);
                        // The hall's window draws the spotlight where the lecturer now points.
                        ui.ctx().request_repaint_of(egui::ViewportId::ROOT);
                    }
                    let subject = page.map_or(rect.center(), |page| page.subject.center());
                    let centre = self.pointing.spot_in(rect, subject);
                    Pointing::paint_spotlight(&child.painter_at(rect), rect, centre, 160.0 * rect.height() / 1080.0);
                }
            }
        }
    }
}
