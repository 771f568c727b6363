//! The Export window (Ctrl+E): the current view as a PNG at a chosen size, drawn by the same
//! page code as `steppe-atlas render`, with title, date, legend, scale and attribution.

use eframe::egui;

use crate::i18n::Translations;
use crate::model::{Date, Language};

/// The sizes offered; print sizes are landscape at 300 dpi.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ExportSize {
    /// The map's size on screen now.
    Window,
    #[default]
    FullHd,
    Uhd4k,
    A4,
    A3,
}

impl ExportSize {
    pub const ALL: [ExportSize; 5] =
        [ExportSize::Window, ExportSize::FullHd, ExportSize::Uhd4k, ExportSize::A4, ExportSize::A3];

    /// The key of the size's name in the translation table.
    pub fn label_key(self) -> &'static str {
        match self {
            ExportSize::Window => "export_size_window",
            ExportSize::FullHd => "export_size_hd",
            ExportSize::Uhd4k => "export_size_4k",
            ExportSize::A4 => "export_size_a4",
            ExportSize::A3 => "export_size_a3",
        }
    }

    /// Pixels; `window` is the map's size on screen in pixels.
    pub fn pixels(self, window: [u32; 2]) -> [u32; 2] {
        match self {
            ExportSize::Window => window,
            ExportSize::FullHd => [1920, 1080],
            ExportSize::Uhd4k => [3840, 2160],
            ExportSize::A4 => [3508, 2480],
            ExportSize::A3 => [4961, 3508],
        }
    }
}

/// What the user chose, remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExportChoices {
    pub size: ExportSize,
    /// The folder images are saved into; the current folder when empty.
    pub folder: String,
}

#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub choices: ExportChoices,
    /// The file name, filled from the date when the window opens.
    file_name: String,
    /// What happened to the last export, shown under the button.
    pub message: Option<String>,
}

/// A request to export, for the app to carry out.
pub struct ExportRequest {
    pub size: ExportSize,
    pub path: std::path::PathBuf,
}

impl ExportDialog {
    pub fn open(&mut self, date: Date) {
        self.open = true;
        self.file_name = format!("steppe-atlas-{date}.png");
        self.message = None;
    }

    pub fn show(&mut self, ctx: &egui::Context, texts: &Translations, language: Language) -> Option<ExportRequest> {
        let tr = |key| texts.tr(language, key);
        let mut open = self.open;
        let mut request = None;
        egui::Window::new(tr("export")).open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label(tr("export_size"));
            for size in ExportSize::ALL {
                ui.radio_value(&mut self.choices.size, size, tr(size.label_key()));
            }
            ui.add_space(6.0);
            egui::Grid::new("export_paths").num_columns(2).show(ui, |ui| {
                let label = ui.label(tr("export_folder"));
                ui.add(egui::TextEdit::singleline(&mut self.choices.folder).hint_text(".").desired_width(280.0))
                    .labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr("export_file"));
                ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(280.0)).labelled_by(label.id);
                ui.end_row();
            });
            ui.add_space(6.0);
            if ui.button(tr("export_save")).clicked() {
                let name = if self.file_name.trim().is_empty() { "steppe-atlas.png" } else { self.file_name.trim() };
                let mut path = std::path::PathBuf::from(self.choices.folder.trim()).join(name);
                if path.extension().is_none_or(|e| !e.eq_ignore_ascii_case("png")) {
                    path.set_extension("png");
                }
                request = Some(ExportRequest { size: self.choices.size, path });
            }
            if let Some(message) = &self.message {
                ui.label(message);
            }
        });
        self.open = open;
        request
    }
}
