//! Lecture mode (`steppe-atlas present`): a tour fullscreen on the projector, driven by a
//! presentation clicker, with a presenter view for the lecturer's laptop.
//!
//! The hall sees only the map, drawn by the same page code as exports
//! ([`super::print_frame`]) at twice the desk's text and line sizes. Keys (a clicker sends
//! PageDown/PageUp, arrows or Space): next/back, B or `.` black, W white, Home/End, number keys
//! jump to a step, S spotlight, P pen, A autoplay, Esc leaves.

mod pointing;
mod presenter;

use std::path::PathBuf;

use eframe::egui::{self, Color32, Key};

use super::date_paint::DatePaint;
use super::map::{MapTextures, MapView};
use super::print_frame::{Decorations, PrintFrame, print_frame_ui};
use crate::data::{Dataset, Problem, load_tour};
use crate::geometry::MapGeometry;
use crate::i18n::Translations;
use crate::layers::LayerSet;
use crate::model::{Atlas, Language, PlaceId, Tour};
use crate::tour_player::{Shot, TourPlayer};
use pointing::Pointing;

/// How lecture mode starts, from the command line.
#[derive(Clone, Debug, Default)]
pub struct PresentOptions {
    pub data_dir: Option<PathBuf>,
    /// A tour file; the first built-in tour when `None`.
    pub tour: Option<PathBuf>,
    pub language: Option<Language>,
    /// The monitor to go fullscreen on (0 = the first).
    pub monitor: Option<usize>,
}

/// What covers the hall's screen instead of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// Text and lines on the projector, relative to the desk.
pub const PROJECTOR_SCALE: f32 = 2.0;

/// The state of a lecture.
pub struct PresentApp {
    atlas: Atlas,
    geometry: MapGeometry,
    texts: std::sync::Arc<Translations>,
    language: Language,
    tour: Tour,
    player: TourPlayer,
    blank: Option<Blank>,
    autoplay: bool,
    pointing: Pointing,
    /// egui time of the first frame: the lecture's clock starts there.
    started: Option<f64>,
    last_frame: Option<f64>,
    show_presenter: bool,
    textures: Option<MapTextures>,
    paint: Option<DatePaint>,
    problems: Vec<Problem>,
}

impl PresentApp {
    /// Loads the data and the tour. Problems with the tour file are kept and shown; without any
    /// usable tour the first built-in one plays.
    pub fn new(options: &PresentOptions) -> Result<PresentApp, String> {
        let loaded = crate::cli::load_data(options.data_dir.as_deref());
        let mut problems = loaded.problems;
        let atlas = loaded.atlas;
        let geometry = MapGeometry::new(&atlas);
        let mut tour = None;
        if let Some(path) = &options.tour {
            match Dataset::read_tour_file(path) {
                Ok(file) => {
                    tour = load_tour(&atlas, &file, &mut problems);
                    // A tour in one or two languages plays in every language; each caption
                    // says which language it falls back to.
                    problems.retain(|problem| !problem.is_translation_gap());
                }
                Err(problem) => problems.push(problem),
            }
        }
        let tour = tour.or_else(|| atlas.tours.first().cloned()).ok_or("there is no tour to present")?;
        let language = options.language.or_else(crate::i18n::system_language).unwrap_or_default();
        let texts = std::sync::Arc::new(Translations::embedded().unwrap_or_default());
        Ok(PresentApp {
            atlas,
            geometry,
            texts,
            language,
            tour,
            player: TourPlayer::new(),
            blank: None,
            autoplay: false,
            pointing: Pointing::default(),
            started: None,
            last_frame: None,
            show_presenter: true,
            textures: None,
            paint: None,
            problems,
        })
    }

    pub fn step(&self) -> usize {
        self.player.step
    }

    pub fn tour(&self) -> &Tour {
        &self.tour
    }

    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    pub fn blank(&self) -> Option<Blank> {
        self.blank
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// What the hall sees now.
    pub fn shot(&self) -> Option<Shot> {
        self.player.shot(&self.tour, &self.geometry)
    }

    pub fn highlights(&self) -> &[PlaceId] {
        self.tour.steps.get(self.player.step).map(|step| step.highlights.as_slice()).unwrap_or(&[])
    }

    /// The layers of the current step: the default, changed by each step up to this one.
    pub fn layers(&self) -> LayerSet {
        let mut layers = LayerSet::default();
        for step in self.tour.steps.iter().take(self.player.step + 1) {
            for &(layer, on) in &step.layers {
                layers.set(layer, on);
            }
        }
        layers
    }

    pub fn spotlight_on(&self) -> bool {
        self.pointing.spotlight
    }

    pub fn pen_on(&self) -> bool {
        self.pointing.pen
    }

    /// Opens or closes the presenter view (it reopens with `present`'s next start).
    pub fn show_presenter(&mut self, shown: bool) {
        self.show_presenter = shown;
    }

    /// Lines drawn with the pen on the current step.
    pub fn pen_lines(&self) -> usize {
        self.pointing.line_count()
    }

    fn go_to(&mut self, index: usize) {
        if index != self.player.step {
            self.player.go_to(&self.tour, &self.geometry, index);
            self.pointing.clear_drawing();
        }
    }

    /// The clicker and keyboard. Returns whether the lecturer asked to leave.
    fn handle_keys(&mut self, ctx: &egui::Context) -> bool {
        let pressed = |key: Key| ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, key));
        let last = self.tour.steps.len().saturating_sub(1);
        if pressed(Key::Escape) {
            return true;
        }
        for key in [Key::PageDown, Key::ArrowRight, Key::Space, Key::ArrowDown, Key::Enter] {
            if pressed(key) {
                self.blank = None;
                self.go_to((self.player.step + 1).min(last));
            }
        }
        for key in [Key::PageUp, Key::ArrowLeft, Key::ArrowUp, Key::Backspace] {
            if pressed(key) {
                self.blank = None;
                self.go_to(self.player.step.saturating_sub(1));
            }
        }
        if pressed(Key::Home) {
            self.go_to(0);
        }
        if pressed(Key::End) {
            self.go_to(last);
        }
        // 1-9 jump to that step, 0 to the tenth.
        let numbers = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
            Key::Num0,
        ];
        for (index, key) in numbers.into_iter().enumerate() {
            if pressed(key) && index <= last {
                self.go_to(index);
            }
        }
        for (key, blank) in [(Key::B, Blank::Black), (Key::Period, Blank::Black), (Key::W, Blank::White)] {
            if pressed(key) {
                self.blank = if self.blank == Some(blank) { None } else { Some(blank) };
            }
        }
        if pressed(Key::S) {
            self.pointing.spotlight = !self.pointing.spotlight;
        }
        if pressed(Key::P) {
            self.pointing.pen = !self.pointing.pen;
            self.pointing.clear_drawing();
        }
        if pressed(Key::A) {
            self.autoplay = !self.autoplay;
        }
        false
    }

    /// Moves the tour's clock on; asks for the next frame only while something moves.
    fn advance_clock(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|input| input.time);
        self.started.get_or_insert(now);
        let dt = self.last_frame.map_or(0.0, |last| (now - last) as f32).clamp(0.0, 0.25);
        self.last_frame = Some(now);
        self.player.advance(&self.tour, &self.geometry, dt, self.autoplay);
        if self.player.is_moving(&self.tour) || self.autoplay {
            ctx.request_repaint_after(std::time::Duration::from_millis(16));
        }
    }

    /// Seconds since the lecture began.
    fn elapsed(&self, ctx: &egui::Context) -> f64 {
        self.started.map_or(0.0, |started| ctx.input(|input| input.time) - started)
    }

    /// The whole projector window; the presenter view opens beside it.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.handle_keys(&ctx) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.advance_clock(&ctx);
        egui::CentralPanel::no_frame().show(ui, |ui| self.hall_ui(ui));
        if self.show_presenter {
            self.presenter_viewport(&ctx);
        }
    }

    /// What the hall sees: the map page, or black or white.
    fn hall_ui(&mut self, ui: &mut egui::Ui) {
        let rect = ui.max_rect();
        if let Some(blank) = self.blank {
            let colour = if blank == Blank::Black { Color32::BLACK } else { Color32::WHITE };
            ui.painter().rect_filled(rect, 0.0, colour);
            return;
        }
        self.map_page_ui(ui, PROJECTOR_SCALE, true);
        let step_text = format!("{} / {}", self.player.step + 1, self.tour.steps.len());
        let font = egui::FontId::proportional(14.0 * PROJECTOR_SCALE);
        let at = rect.right_top() + egui::vec2(-16.0, 90.0 * PROJECTOR_SCALE);
        ui.painter().text(at, egui::Align2::RIGHT_TOP, step_text, font, super::style::LABEL);
        let response = ui.interact(rect, ui.scope_id().with("pointing"), egui::Sense::drag());
        self.pointing.ui(ui, &response, rect);
    }

    /// The map of the current shot as a page, at `scale`; with or without the legend and frame.
    fn map_page_ui(&mut self, ui: &mut egui::Ui, scale: f32, full: bool) {
        let Some(shot) = self.shot() else { return };
        if self.paint.as_ref().is_none_or(|paint| paint.date != shot.date) {
            self.paint = Some(DatePaint::compute(&self.atlas, shot.date));
        }
        if self.textures.is_none() {
            self.textures = Some(MapTextures::load(ui.ctx()));
        }
        let (layers, highlights) = (self.layers(), self.highlights());
        let (Some(paint), Some(textures)) = (&self.paint, &self.textures) else { return };
        let size = ui.available_size();
        let caption =
            self.tour.steps.get(self.player.step).map(|step| self.texts.data_text(self.language, &step.caption));
        let frame = PrintFrame {
            atlas: &self.atlas,
            geometry: &self.geometry,
            texts: &self.texts,
            paint,
            language: self.language,
            map_language: self.language,
            layers,
            view: MapView::fit(shot.extent, [size.x, size.y]),
            highlights,
            hatch_texture: textures.hatch.id(),
            relief: textures.relief_id(),
            caption: caption.as_deref(),
            show_old_style: true,
            text_scale: scale,
            decorations: if full { Decorations::Full } else { Decorations::DateOnly },
        };
        print_frame_ui(ui, &frame);
    }
}

impl eframe::App for PresentApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        PresentApp::ui(self, ui);
    }
}

/// Opens the projector window fullscreen (and the presenter view) and runs the lecture.
pub fn run_present(options: PresentOptions) -> anyhow::Result<()> {
    let app = PresentApp::new(&options).map_err(|message| anyhow::anyhow!(message))?;
    for problem in app.problems() {
        eprintln!("{problem}");
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Steppe Atlas — lecture")
        .with_app_id("steppe-atlas-present")
        .with_inner_size([1280.0, 720.0])
        .with_fullscreen(true);
    if let Some(monitor) = options.monitor {
        viewport = viewport.with_monitor(monitor);
    }
    // The lecture window remembers nothing: it always opens full screen on the tour's start.
    let native_options = eframe::NativeOptions { viewport, persist_window: false, ..Default::default() };
    eframe::run_native(
        "Steppe Atlas lecture",
        native_options,
        Box::new(move |creation| {
            super::setup_context(&creation.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
