//! The desk's windows (Help, Search, Export, a person's card, Make a tour) share one frame: a
//! title row of their own, with the title as a heading and a close button named in the
//! interface language. egui's title bar names its buttons and resize handles only in English
//! ("Close window", "Resize window right edge"), and its × cannot be reached with Tab.

use eframe::egui::{self, RichText};

use super::accessible;

/// A window with no egui title bar, collapse triangle or resize handles, under a fixed id (the
/// title changes with the language). It moves by dragging anywhere on it.
/// The title names the window's node for screen readers.
pub fn window(id: &str, title: &str) -> egui::Window<'static> {
    egui::Window::new(title.to_owned())
        .id(egui::Id::unique(("dialog", id)))
        .title_bar(false)
        .collapsible(false)
        .resizable(false)
}

/// The title row: the title as a level-1 heading and a close button at the right. Returns
/// whether the button was pressed.
pub fn title_row(ui: &mut egui::Ui, title: &str, close_label: &str) -> bool {
    let pressed = ui
        .horizontal(|ui| {
            let heading = ui.label(RichText::new(title).heading().strong());
            accessible::heading(&heading, 1);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let close = ui.add(egui::Button::new(RichText::new("×").size(18.0)).frame(false));
                accessible::name(&close, egui::Role::Button, close_label);
                close.on_hover_text(close_label).clicked()
            })
            .inner
        })
        .inner;
    ui.separator();
    pressed
}
