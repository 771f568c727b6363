//! The Export window (Ctrl+E): the current view as a PNG at a chosen size, drawn by the same
//! page code as `steppe-atlas render`, with title, date, legend, scale and attribution.
//! "Save as…" opens the desktop's own file dialog (through `rfd`, on its own thread); "Save
//! PNG" writes to the folder and name shown, which start in the user's Pictures folder.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui;

use atlas_core::i18n::Translations;
use atlas_core::model::{Date, Language};
use atlas_render::SizePreset;

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
            ExportSize::FullHd => SizePreset::FullHd.pixels(),
            ExportSize::Uhd4k => SizePreset::Uhd4k.pixels(),
            ExportSize::A4 => SizePreset::A4.pixels(),
            ExportSize::A3 => SizePreset::A3.pixels(),
        }
    }
}

/// What the user chose, remembered between runs.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ExportChoices {
    pub size: ExportSize,
    /// The folder images are saved into; the user's Pictures folder when empty.
    pub folder: String,
}

#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub choices: ExportChoices,
    /// The file name, filled from the date when the window opens.
    file_name: String,
    /// What happened to the last export, shown under the buttons.
    pub message: Option<String>,
    /// The desktop's save dialog while it is open: it answers with the path chosen, or none.
    picking: Option<mpsc::Receiver<Option<PathBuf>>>,
}

/// A request to export, for the app to carry out.
pub struct ExportRequest {
    pub size: ExportSize,
    pub path: std::path::PathBuf,
}

/// How far an export under way has got, for the window to show.
pub struct ExportProgress {
    /// 0 to 1.
    pub fraction: f32,
    /// What it is doing, in the interface language.
    pub text: String,
}

impl ExportDialog {
    pub fn open(&mut self, date: Date) {
        self.open = true;
        self.file_name = format!("steppe-atlas-{date}.png");
        self.message = None;
        if self.choices.folder.trim().is_empty() {
            self.choices.folder = pictures_folder().display().to_string();
        }
    }

    /// Draws the window; `progress` is the export under way, if any (the buttons wait for it).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        texts: &Translations,
        language: Language,
        progress: Option<ExportProgress>,
    ) -> Option<ExportRequest> {
        let tr = |key| texts.tr(language, key);
        let mut open = self.open;
        let mut request = self.take_picked();
        if !open {
            return request;
        }
        super::dialog::window("export", tr("export")).show(ctx, |ui| {
            if super::dialog::title_row(ui, tr("export"), tr("close")) {
                open = false;
            }
            ui.label(tr("export_size"));
            for size in ExportSize::ALL {
                ui.radio_value(&mut self.choices.size, size, tr(size.label_key()));
            }
            ui.add_space(6.0);
            egui::Grid::new("export_paths").num_columns(2).show(ui, |ui| {
                let label = ui.label(tr("export_folder"));
                ui.add(egui::TextEdit::singleline(&mut self.choices.folder).desired_width(280.0)).labelled_by(label.id);
                ui.end_row();
                let label = ui.label(tr("export_file"));
                ui.add(egui::TextEdit::singleline(&mut self.file_name).desired_width(280.0)).labelled_by(label.id);
                ui.end_row();
            });
            ui.add_space(6.0);
            let idle = progress.is_none() && self.picking.is_none();
            ui.horizontal(|ui| {
                let save = ui.add_enabled(idle, egui::Button::new(tr("export_save")));
                // Opened, the window puts the focus on its main button: Enter saves.
                if super::focus::take_focus(ctx, "export") {
                    save.request_focus();
                }
                if save.clicked() {
                    request = Some(ExportRequest { size: self.choices.size, path: self.typed_path() });
                }
                let dialog = desktop_dialog_available();
                let save_as = ui.add_enabled(idle && dialog, egui::Button::new(tr("export_save_as")));
                let save_as = if dialog { save_as } else { save_as.on_disabled_hover_text(tr("export_no_dialog")) };
                if save_as.clicked() {
                    self.pick_path(ctx, tr("export"));
                }
            });
            if self.picking.is_some() {
                ui.label(egui::RichText::new(tr("export_dialog_open")).weak());
            }
            if let Some(progress) = progress {
                ui.add(
                    egui::ProgressBar::new(progress.fraction).text(progress.text).desired_width(ui.available_width()),
                );
            } else if let Some(message) = &self.message {
                ui.label(message);
            }
        });
        self.open = open;
        request
    }

    /// The folder and name as typed, with ".png" added when missing.
    fn typed_path(&self) -> PathBuf {
        let name = if self.file_name.trim().is_empty() { "steppe-atlas.png" } else { self.file_name.trim() };
        let folder = self.choices.folder.trim();
        with_png_extension(if folder.is_empty() { pictures_folder() } else { PathBuf::from(folder) }.join(name))
    }

    /// Opens the desktop's save dialog on its own thread, starting in the folder shown.
    fn pick_path(&mut self, ctx: &egui::Context, title: &str) {
        let (send, receive) = mpsc::channel();
        let path = self.typed_path();
        let folder = path.parent().map_or_else(pictures_folder, Path::to_path_buf);
        // A Pictures folder that does not exist yet is made, so that the dialog can open in it.
        let _ = std::fs::create_dir_all(&folder);
        // The portal takes the folder and the name apart; zenity, which rfd runs when there is
        // no session bus, takes only a name, so it gets the whole path to open in the folder.
        let name = if session_bus() { self.file_name.trim().to_owned() } else { path.display().to_string() };
        let dialog = rfd::FileDialog::new()
            .set_title(title)
            .set_directory(&folder)
            .set_file_name(name)
            .add_filter("PNG", &["png"]);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            // The window may be gone by the time the user answers; nobody is then waiting.
            let _ = send.send(dialog.save_file());
            ctx.request_repaint();
        });
        self.picking = Some(receive);
    }

    /// The path chosen in the desktop's dialog, once it has closed, as a request to save there.
    fn take_picked(&mut self) -> Option<ExportRequest> {
        let picked = match self.picking.as_ref()?.try_recv() {
            Ok(picked) => picked,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        self.picking = None;
        let path = with_png_extension(picked?);
        if let Some(folder) = path.parent() {
            self.choices.folder = folder.display().to_string();
        }
        if let Some(name) = path.file_name() {
            self.file_name = name.to_string_lossy().into_owned();
        }
        Some(ExportRequest { size: self.choices.size, path })
    }
}

/// The path with ".png" at its end, added when missing (or replacing another extension).
fn with_png_extension(mut path: PathBuf) -> PathBuf {
    if path.extension().is_none_or(|e| !e.eq_ignore_ascii_case("png")) {
        path.set_extension("png");
    }
    path
}

/// Whether a desktop file dialog can open: through the desktop portal (a session bus) or
/// zenity, which is what `rfd` tries in turn. Without either, "Save as…" is greyed out.
fn desktop_dialog_available() -> bool {
    if cfg!(not(target_os = "linux")) {
        return true;
    }
    session_bus()
        || std::env::var_os("PATH")
            .is_some_and(|path| std::env::split_paths(&path).any(|folder| folder.join("zenity").is_file()))
}

/// Whether there is a desktop session bus, through which `rfd` reaches the file dialog portal.
fn session_bus() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|address| !address.is_empty())
}

/// The user's Pictures folder: the desktop's own setting (XDG user dirs) where there is one,
/// else "Pictures" in the home folder (made at the first export if missing), else the current
/// folder when there is no home.
pub fn pictures_folder() -> PathBuf {
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE")).map(PathBuf::from);
    if let Some(folder) = std::env::var_os("XDG_PICTURES_DIR").filter(|folder| !folder.is_empty()) {
        return PathBuf::from(folder);
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|folder| !folder.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|home| home.join(".config")));
    if let (Some(config), Some(home)) = (config, home.as_ref())
        && let Ok(text) = std::fs::read_to_string(config.join("user-dirs.dirs"))
        && let Some(folder) = pictures_from_user_dirs(&text, home)
    {
        return folder;
    }
    home.map_or_else(|| PathBuf::from("."), |home| home.join("Pictures"))
}

/// Reads `XDG_PICTURES_DIR="$HOME/Pictures"` from the text of `user-dirs.dirs`.
fn pictures_from_user_dirs(text: &str, home: &Path) -> Option<PathBuf> {
    let line = text.lines().map(str::trim).find(|line| line.starts_with("XDG_PICTURES_DIR="))?;
    let value = line.trim_start_matches("XDG_PICTURES_DIR=").trim_matches('"');
    let folder = match value.strip_prefix("$HOME") {
        Some(rest) => home.join(rest.trim_start_matches('/')),
        None => PathBuf::from(value),
    };
    // "$HOME/" alone means the desktop has no Pictures folder of its own.
    (folder != home && !value.is_empty()).then_some(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pictures_folder_is_read_from_the_desktops_user_dirs() {
        let home = Path::new("/home/aigerim");
        let text = "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_PICTURES_DIR=\"$HOME/Суреттер\"\n";
        assert_eq!(pictures_from_user_dirs(text, home), Some(home.join("Суреттер")));
        assert_eq!(
            pictures_from_user_dirs("XDG_PICTURES_DIR=\"/data/images\"", home),
            Some(PathBuf::from("/data/images"))
        );
        assert_eq!(pictures_from_user_dirs("XDG_PICTURES_DIR=\"$HOME/\"", home), None);
        assert_eq!(pictures_from_user_dirs("XDG_MUSIC_DIR=\"$HOME/Music\"", home), None);
    }

    #[test]
    fn a_typed_name_gets_its_extension_and_an_empty_folder_means_pictures() {
        let mut dialog = ExportDialog::default();
        dialog.choices.folder = "/tmp/maps".to_owned();
        dialog.file_name = "uralsk 1919".to_owned();
        assert_eq!(dialog.typed_path(), PathBuf::from("/tmp/maps/uralsk 1919.png"));
        dialog.choices.folder = " ".to_owned();
        dialog.file_name = String::new();
        assert_eq!(dialog.typed_path(), pictures_folder().join("steppe-atlas.png"));
    }
}
