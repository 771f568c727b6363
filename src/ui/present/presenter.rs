//! The presenter view: a second window on the lecturer's laptop with the current and next step,
//! the speaker notes, the clock and a thumbnail of what the hall sees.

use eframe::egui::{self, RichText};

use super::PresentApp;

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
        let count = self.tour.steps.len();
        let index = self.player.step;
        let elapsed = self.elapsed(ui.ctx()).max(0.0) as u64;
        ui.horizontal(|ui| {
            ui.heading(texts.data_text(language, &self.tour.title));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(format!("{:02}:{:02}", elapsed / 60, elapsed % 60)).size(28.0).monospace())
                    .on_hover_text(tr("present_elapsed"));
                ui.label(RichText::new(format!("{} {} / {count}", tr("present_step"), index + 1)).size(22.0));
            });
        });
        ui.separator();
        let width = ui.available_width();
        ui.horizontal_top(|ui| {
            // The thumbnail of the hall's screen, at a third of the width.
            let thumb_size = egui::vec2(width * 0.45, width * 0.45 * 9.0 / 16.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(tr("present_hall_sees")).strong());
                let (rect, _) = ui.allocate_exact_size(thumb_size, egui::Sense::hover());
                let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
                child.set_clip_rect(rect);
                match self.blank {
                    Some(super::Blank::Black) => {
                        child.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
                    }
                    Some(super::Blank::White) => {
                        child.painter().rect_filled(rect, 0.0, egui::Color32::WHITE);
                    }
                    None => self.map_page_ui(&mut child, 0.7, false),
                }
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
            });
            ui.vertical(|ui| {
                if let Some(step) = self.tour.steps.get(index) {
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
                match self.tour.steps.get(index + 1) {
                    Some(next) => ui.label(RichText::new(texts.data_text(language, &next.caption)).size(15.0).weak()),
                    None => ui.label(RichText::new(tr("present_end")).weak()),
                };
            });
        });
        ui.separator();
        ui.label(RichText::new(tr("present_keys")).small());
    }
}
