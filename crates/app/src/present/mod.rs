//! Lecture mode (`steppe-atlas present`): a tour fullscreen on the projector, driven by a
//! presentation clicker, with a presenter view for the lecturer's laptop.
//!
//! The hall sees only the map, drawn by the same page code as exports
//! ([`super::print_frame`]) with the caption and legend in a column beside the map's subject
//! ([`hall`]). Keys (a clicker sends PageDown/PageUp, arrows or Space): next/back, B or `.`
//! black, W white, Home/End, number keys jump to a step, S spotlight, P pen, A autoplay, Esc
//! leaves. The presenter view ([`presenter`]) picks the tour and shows every problem with it.

mod hall;
mod pointing;
mod presenter;

use std::path::PathBuf;

use eframe::egui::{self, Key};

use super::DisplayLook;
use super::date_paint::DatePaint;
use super::map::MapTextures;
use atlas_core::geometry::MapGeometry;
use atlas_core::i18n::Translations;
use atlas_core::layers::LayerSet;
use atlas_core::model::{Atlas, Language, PlaceId, Tour};
use atlas_core::tour_player::{Shot, TourPlayer};
use atlas_data::Problem;
use atlas_data::tour_source::{self, TourError};
pub use hall::{HallPage, hall_scale};
use pointing::Pointing;
pub use pointing::SPOTLIGHT_DARK;

/// How lecture mode starts, from the command line.
#[derive(Clone, Debug)]
pub struct PresentOptions {
    pub data_dir: Option<PathBuf>,
    /// A tour file or a built-in tour's name (`1918`); the first built-in tour when `None`.
    pub tour: Option<PathBuf>,
    pub language: Option<Language>,
    /// The monitor to go fullscreen on (0 = the first).
    pub monitor: Option<usize>,
    /// The map's fills: a projector's by default.
    pub look: DisplayLook,
}

impl Default for PresentOptions {
    fn default() -> PresentOptions {
        PresentOptions { data_dir: None, tour: None, language: None, monitor: None, look: DisplayLook::Projector }
    }
}

/// Why lecture mode did not start: the command line names no tour there is (exit 2), or
/// nothing could be shown (exit 1).
pub type PresentError = crate::command_error::CommandError;

/// What covers the hall's screen instead of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// Text and lines on a 1080-line projector, relative to the desk; a projector of fewer lines
/// throws the same picture at the same size, so its text is scaled by its lines (see
/// [`hall_scale`]).
pub const PROJECTOR_SCALE: f32 = 2.0;

/// The state of a lecture.
pub struct PresentApp {
    atlas: Atlas,
    geometry: MapGeometry,
    texts: std::sync::Arc<Translations>,
    language: Language,
    look: DisplayLook,
    /// The tours the lecturer can pick: the built-in ones, then each file opened.
    tours: Vec<Tour>,
    current: usize,
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
    /// Problems with the data and the tours: listed in the presenter view.
    problems: Vec<Problem>,
    /// Whether the hall shows a line about the problems, until the lecturer moves on or hides it.
    hall_notice: bool,
    /// The hall's page as last drawn.
    hall_page: Option<HallPage>,
    /// Where the hall's spotlight was last drawn.
    hall_spotlight: Option<egui::Pos2>,
    /// The path typed into the presenter view's "open a tour file".
    open_path: String,
}

impl PresentApp {
    /// Loads the data and the tour. A tour file with problems plays without what is wrong, and a
    /// file that cannot be played leaves the first built-in tour on screen: either way the
    /// problems are shown to the lecturer and, in a line, on the hall's screen. A name that is
    /// neither a file nor a built-in tour is refused.
    pub fn new(options: &PresentOptions) -> Result<PresentApp, PresentError> {
        let session = atlas_data::Session::load(options.data_dir.as_deref());
        // A broken translation table is listed with the problems too (it used to be dropped).
        let mut problems = session.all_problems();
        let atlas_data::Session { atlas, geometry, texts, .. } = session;
        let mut tours = atlas.tours.clone();
        let mut current = 0;
        if let Some(spec) = &options.tour {
            match tour_source::find(&atlas, spec) {
                Ok(found) => {
                    problems.extend(found.problems);
                    current = match tours.iter().position(|tour| tour.file == found.tour.file) {
                        Some(built_in) => built_in,
                        None => {
                            tours.push(found.tour);
                            tours.len() - 1
                        }
                    };
                }
                Err(error @ TourError::Unknown { .. }) => return Err(PresentError::Usage(format!("--tour {error}"))),
                Err(TourError::Unusable { problems: mut unusable, file }) => {
                    if unusable.is_empty() {
                        unusable.push(Problem::of_kind(atlas_data::ProblemKind::File, &file, None, "not a tour"));
                    }
                    problems.append(&mut unusable);
                }
            }
        }
        if tours.is_empty() {
            let why = problems.first().map(|problem| format!(" ({problem})")).unwrap_or_default();
            return Err(PresentError::Failed(format!("there is no tour to present{why}")));
        }
        let language = options.language.or_else(atlas_data::system_language).unwrap_or_default();
        let texts = std::sync::Arc::new(texts);
        Ok(PresentApp {
            atlas,
            geometry,
            texts,
            language,
            look: options.look,
            tours,
            current,
            player: TourPlayer::new(),
            blank: None,
            autoplay: false,
            pointing: Pointing::default(),
            started: None,
            last_frame: None,
            show_presenter: true,
            textures: None,
            paint: None,
            hall_notice: !problems.is_empty(),
            problems,
            hall_page: None,
            hall_spotlight: None,
            open_path: String::new(),
        })
    }

    pub fn step(&self) -> usize {
        self.player.step
    }

    /// The tour being presented.
    pub fn tour(&self) -> &Tour {
        &self.tours[self.current.min(self.tours.len() - 1)]
    }

    /// Every tour the picker offers.
    pub fn tours(&self) -> &[Tour] {
        &self.tours
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

    /// Whether the hall's screen shows the line about problems with the tour.
    pub fn hall_notice_shown(&self) -> bool {
        self.hall_notice && !self.problems.is_empty()
    }

    /// The hall's page as last drawn: where the caption, the legend and the map's subject are.
    pub fn hall_page(&self) -> Option<HallPage> {
        self.hall_page
    }

    /// Where the spotlight was last drawn on the hall's screen (`None` while it is off).
    pub fn hall_spotlight(&self) -> Option<egui::Pos2> {
        self.hall_spotlight
    }

    pub fn look(&self) -> DisplayLook {
        self.look
    }

    /// What the hall sees now.
    pub fn shot(&self) -> Option<Shot> {
        self.player.shot(self.tour(), &self.geometry)
    }

    pub fn highlights(&self) -> &[PlaceId] {
        self.tour().steps.get(self.player.step).map(|step| step.highlights.as_slice()).unwrap_or(&[])
    }

    /// The layers of the current step: the default, changed by each step up to this one.
    pub fn layers(&self) -> LayerSet {
        self.tour().layers_at(self.player.step, LayerSet::default())
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

    /// Presents tour `index` of [`PresentApp::tours`] from its first step.
    pub fn choose_tour(&mut self, index: usize) {
        if index < self.tours.len() && index != self.current {
            self.current = index;
            self.player = TourPlayer::new();
            self.blank = None;
            self.autoplay = false;
            self.pointing.clear_drawing();
        }
    }

    /// Reads a tour file (from the presenter view) and presents it. Its problems join the list;
    /// a file that cannot be played leaves the current tour on screen.
    pub fn open_tour_file(&mut self, path: &std::path::Path) {
        match tour_source::read_file(&self.atlas, path) {
            Ok(found) => {
                self.problems.extend(found.problems);
                self.tours.push(found.tour);
                self.choose_tour(self.tours.len() - 1);
            }
            Err(TourError::Unusable { problems, file }) if problems.is_empty() => {
                self.problems.push(Problem::of_kind(atlas_data::ProblemKind::File, &file, None, "not a tour"));
            }
            Err(TourError::Unusable { mut problems, .. }) => self.problems.append(&mut problems),
            Err(error @ TourError::Unknown { .. }) => {
                let file = path.display().to_string();
                self.problems.push(Problem::of_kind(atlas_data::ProblemKind::File, &file, None, error.to_string()));
            }
        }
        self.hall_notice = !self.problems.is_empty();
    }

    fn go_to(&mut self, index: usize) {
        if index != self.player.step {
            let tour = &self.tours[self.current];
            self.player.go_to(tour, &self.geometry, index);
            self.pointing.clear_drawing();
            // Moving on says the lecturer has seen the notice: the hall is spared it.
            self.hall_notice = false;
        }
    }

    /// The clicker and keyboard. Returns whether the lecturer asked to leave.
    fn handle_keys(&mut self, ctx: &egui::Context) -> bool {
        // A key typed into the presenter view's file box is not a clicker's.
        if ctx.egui_wants_keyboard_input() {
            return false;
        }
        let pressed = |key: Key| ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, key));
        let last = self.tour().steps.len().saturating_sub(1);
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
        let tour = &self.tours[self.current];
        self.player.advance(tour, &self.geometry, dt, self.autoplay);
        if self.player.is_moving(tour) || self.autoplay {
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
}

impl eframe::App for PresentApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        PresentApp::ui(self, ui);
    }
}

/// Opens the projector window fullscreen (and the presenter view) and runs the lecture.
pub fn run_present(options: PresentOptions) -> Result<(), PresentError> {
    let app = PresentApp::new(&options)?;
    // Also on standard error, for a lecture started from a terminal or a desktop file's log.
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
    .map_err(|error| PresentError::Failed(format!("cannot open the window: {error}")))
}
