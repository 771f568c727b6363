//! The desk application: top bar, map, legend, events and timeline in one window.

use std::path::PathBuf;

use eframe::egui::{self, Color32, Key, RichText};

use super::date_paint::DatePaint;
use super::events::events_ui;
use super::legend::legend_for_date_ui;
use super::map::{MapScene, MapView, MapWidget};
use super::place_info::{describe, place_tooltip_ui};
use super::place_panel::{Selection, place_panel_ui};
use super::reload::{DataWatcher, fingerprint};
use super::search_window::SearchWindow;
use super::style::{self, ControlPaint};
use super::timeline::{Timeline, timeline_ui};
use atlas_core::geometry::MapGeometry;
use atlas_core::i18n::Translations;
use atlas_core::layers::{Layer, LayerSet};
use atlas_core::model::{Atlas, Date, Language, PersonId, PlaceId};
use atlas_core::search::Target;
use atlas_data::{Problem, ProblemKind};

/// How the window starts, from the command line.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Load data from this folder instead of the embedded copy.
    pub data_dir: Option<PathBuf>,
    pub date: Option<Date>,
    /// A place id or name to highlight.
    pub place: Option<String>,
    /// Interface language; the system's when it is one of ours, English otherwise.
    pub language: Option<Language>,
    /// The optional map layers; the remembered (or default) ones when not given.
    pub layers: Option<LayerSet>,
}

/// What the window remembers between runs, in `settings.toml` in the user's data folder (see
/// [`atlas_data::settings_file`]). Every field has a default, so a file missing some of them (an
/// older version's, or one edited by hand) still gives back the rest.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SavedState {
    pub date: String,
    pub language: Language,
    /// Centre x, centre y (km) and km per point.
    pub view: Option<[f32; 3]>,
    pub selected: Option<String>,
    pub days_per_second: f64,
    /// The optional map layers that were on (absent in files of earlier versions).
    #[serde(default)]
    pub layers: LayerSet,
    /// The size and folder of the last export.
    #[serde(default)]
    pub export: super::export_dialog::ExportChoices,
    /// The window's inner size in points at 100 % text, to open at the same size next time.
    pub window: Option<[f32; 2]>,
    /// The text size, as a share of the normal (1.0 to 2.0; egui's zoom factor).
    pub text_size: Option<f32>,
}

impl SavedState {
    /// The remembered window size, when it is a size a window can have.
    pub fn window_size(&self) -> Option<egui::Vec2> {
        let [width, height] = self.window?;
        let sane = |n: f32| n.is_finite() && (320.0..=16384.0).contains(&n);
        (sane(width) && sane(height)).then(|| egui::vec2(width, height))
    }
}

/// Licences and attribution, shown in the Help window (and in full in the repository's
/// LICENSE, assets/fonts/LICENSE-NotoSans.txt and maps/LICENSES.md).
pub(crate) const ABOUT_LICENCES: [&str; 7] = [
    "licence_code",
    "licence_fonts",
    "licence_boundaries",
    "licence_gshhg",
    "licence_frontier",
    "licence_relief",
    "licence_history",
];

/// The desk's windows, by the names [`super::focus::WindowFocus`] knows them by.
const SEARCH: &str = "search";
const HELP: &str = "help";
const EXPORT: &str = "export";
const PERSON: &str = "person";
const TOUR_EDITOR: &str = "tour_editor";

/// How long the settings must stay unchanged before they are written.
const SETTINGS_SETTLE_SECONDS: f64 = 2.0;

/// The date the window first opens on when none is asked for (later runs reopen on the date
/// left): 1 July 1918, the war at its widest, with the Whites in Siberia and on the Ural, Alash
/// Orda in the steppe, Soviet Turkestan and Semirechye contested. On 1 February 1917, the
/// atlas's first day, every place is grey, which tells a newcomer nothing.
pub const DEFAULT_DATE: Date = Date::from_ymd_const(1918, 7, 1);

/// The state of "What changed?".
#[derive(Default)]
struct Explain {
    /// The date the changes are counted from.
    since: Option<Date>,
    /// The date they are counted to (the current date when computed).
    until: Option<Date>,
    changes: Vec<atlas_core::changes::Change>,
    /// When the current pulse started (egui time, seconds).
    pulse_started: Option<f64>,
    /// A date the user typed to compare with, instead of the previous step.
    typed_since: String,
}

/// Which of the two maps of the compare view.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MapPane {
    /// The map of the timeline's date.
    Main,
    /// The second map of the compare view, at its own date.
    Compare,
}

/// The atlas window's state. Call [`super::setup_context`] on the context before the first frame.
pub struct AtlasApp {
    atlas: Atlas,
    geometry: MapGeometry,
    problems: Vec<Problem>,
    texts: Translations,
    /// A translation table that could not be read: shown with the problems, and kept when the
    /// data is reloaded.
    texts_problem: Option<Problem>,
    language: Language,
    timeline: Timeline,
    /// `None` until the first frame, which knows the map's size and fits the view to it.
    view: Option<MapView>,
    /// The whole-map view last fitted to the map's size. While `view` equals it, the user has
    /// not moved the map, and it is fitted again whenever the map's size changes (a resized
    /// window, Compare opened or closed); "Whole map" returns to following it.
    home_view: Option<MapView>,
    /// The place whose panel is open and which the map outlines.
    selection: Option<Selection>,
    hovered: Option<PlaceId>,
    show_help: bool,
    search: SearchWindow,
    /// What changed since the date before the last step (or a date the user typed), for the
    /// "What changed?" section and the pulse on the map.
    explain: Explain,
    /// Share of territory per side per day, computed once per dataset.
    shares: atlas_core::shares::TerritoryShares,
    show_chart: bool,
    /// The language of names on the map, when it differs from the interface's.
    map_language: Option<Language>,
    /// The right-hand date of the compare view, when it is open.
    compare_date: Option<Date>,
    compare_paint: Option<DatePaint>,
    show_problems: bool,
    /// The language the window's title bar was last named in.
    titled_in: Option<Language>,
    /// Whether the problems shown are of an edit that was rejected (the last good data stays).
    edit_rejected: bool,
    /// The `--data` folder, watched for edits once the first frame gives a context.
    data_dir: Option<PathBuf>,
    watcher: Option<DataWatcher>,
    textures: Option<super::map::MapTextures>,
    date_paint: Option<DatePaint>,
    /// The optional map layers that are on.
    layers: LayerSet,
    export: super::export_dialog::ExportDialog,
    tour_editor: super::tour_editor::TourEditor,
    /// The chart weighs by the people of 1897 instead of the land.
    chart_by_population: bool,
    population_shares: Option<atlas_core::shares::TerritoryShares>,
    /// The side whose band the pointer is over in the chart: its places are outlined on the map.
    chart_hovered_side: Option<atlas_core::model::Side>,
    /// The person whose card is open.
    person: Option<PersonId>,
    /// The offscreen renderer for exports, made on the first export (away while one runs).
    renderer: Option<atlas_render::Renderer>,
    /// The export being drawn and written on its own thread.
    export_job: Option<super::export_job::ExportJob>,
    /// The id of the node that holds the main map's keyboard focus, once the map is drawn.
    map_id: Option<egui::Id>,
    /// The windows open, in the order they opened, and where the focus goes back to.
    window_focus: super::focus::WindowFocus,
    /// The live region: what a screen reader reads out when the date settles or an export ends.
    announcer: super::accessible::Announcer,
    /// Export was asked for while open: its window takes the focus again.
    export_wants_focus: bool,
    /// The place the side panel showed last frame, to scroll it to the top when another opens.
    panel_place: Option<PlaceId>,
    /// Where the main map was drawn last frame, in points, and the points-to-pixels factor.
    map_rect: Option<(egui::Rect, f32)>,
    /// The settings file this window reads and writes, when it has one.
    settings_path: Option<PathBuf>,
    /// What was last read from or written to it, so that an unchanged session writes nothing.
    settings_saved: Option<SavedState>,
    /// The settings as of the last frame and when (egui time) they last changed: they are
    /// written once they have been still for [`SETTINGS_SETTLE_SECONDS`].
    settings_seen: Option<(SavedState, f64)>,
    /// A settings file that could not be read or written; shown beside the data's problems.
    settings_problems: Vec<Problem>,
    /// The window's inner size last frame (in points at 100 % text), remembered in the settings.
    window_size: Option<egui::Vec2>,
    /// The text size (egui's zoom factor): set from the View menu or Ctrl+Plus, remembered.
    text_size: f32,
    /// Whether the remembered text size has been given to egui (on the first frame).
    text_size_applied: bool,
}

/// The text sizes the View menu offers, and the range a settings file may ask for.
const TEXT_SIZES: [f32; 4] = [1.0, 1.25, 1.5, 2.0];
const TEXT_SIZE_RANGE: std::ops::RangeInclusive<f32> = 0.5..=2.0;

/// What the window shows, read and built from the data: made on another thread while the window
/// and its graphics device open (see `ui::run_window`), so that the two waits overlap.
pub struct Prepared {
    session: atlas_data::Session,
    shares: atlas_core::shares::TerritoryShares,
}

impl Prepared {
    /// Loads the embedded data, or the folder given with `--data`, projects it and works out
    /// each side's share of the land on every day (the chart).
    pub fn new(data_dir: Option<&std::path::Path>) -> Prepared {
        let session = atlas_data::Session::load(data_dir);
        let shares = atlas_core::shares::territory_shares(&session.atlas, &session.geometry);
        Prepared { session, shares }
    }
}

impl AtlasApp {
    pub fn new(options: StartOptions) -> AtlasApp {
        let prepared = Prepared::new(options.data_dir.as_deref());
        AtlasApp::with_prepared(options, prepared)
    }

    /// The app over data already prepared (for the same `options.data_dir`).
    pub fn with_prepared(options: StartOptions, prepared: Prepared) -> AtlasApp {
        let Prepared { session, shares } = prepared;
        let problems = session.all_problems();
        let atlas_data::Session { atlas, geometry, texts, texts_problem, .. } = session;
        let selected = options
            .place
            .as_deref()
            .and_then(|name| atlas_core::search::find_places(&atlas, name).places.first().copied());
        let language = options.language.or_else(atlas_data::system_language).unwrap_or_default();
        AtlasApp {
            atlas,
            geometry,
            problems,
            texts,
            texts_problem,
            language,
            timeline: Timeline::new(options.date.unwrap_or(DEFAULT_DATE)),
            view: None,
            home_view: None,
            selection: None,
            hovered: None,
            show_help: false,
            search: SearchWindow::default(),
            explain: Explain::default(),
            shares,
            show_chart: false,
            map_language: None,
            compare_date: None,
            compare_paint: None,
            show_problems: false,
            titled_in: None,
            edit_rejected: false,
            data_dir: options.data_dir.clone(),
            watcher: None,
            textures: None,
            date_paint: None,
            layers: options.layers.unwrap_or_default(),
            export: Default::default(),
            tour_editor: Default::default(),
            person: None,
            chart_by_population: false,
            population_shares: None,
            chart_hovered_side: None,
            renderer: None,
            map_id: None,
            window_focus: Default::default(),
            announcer: Default::default(),
            panel_place: None,
            export_wants_focus: false,
            export_job: None,
            map_rect: None,
            settings_path: None,
            settings_saved: None,
            settings_seen: None,
            settings_problems: Vec::new(),
            window_size: None,
            text_size: 1.0,
            text_size_applied: false,
        }
        .with_selection(selected)
    }

    /// Reloads the `--data` folder if its files changed since last loaded. An edit with any
    /// problem is rejected: the atlas keeps the last good data and shows the problems, as
    /// `check` would print them. Returns whether the files had changed.
    pub fn reload_if_changed(&mut self) -> bool {
        let Some(watcher) = &mut self.watcher else { return false };
        let now = fingerprint(&watcher.dir);
        if now == watcher.seen {
            return false;
        }
        watcher.seen = now;
        let loaded = atlas_data::load_from(Some(&watcher.dir));
        if loaded.problems.is_empty() {
            self.replace_atlas(loaded.atlas);
            self.problems = self.texts_problem.iter().cloned().collect();
            self.edit_rejected = false;
        } else {
            self.problems = self.texts_problem.iter().cloned().chain(loaded.problems).collect();
            self.edit_rejected = true;
            self.show_problems = true;
            let count = self.problems.len().to_string();
            self.announcer.say(self.tr("edit_rejected").replace("{count}", &count));
        }
        true
    }

    /// Puts a new atlas in place and rebuilds everything derived from it.
    fn replace_atlas(&mut self, atlas: Atlas) {
        let selected_id = self.selected().map(|id| self.atlas.place(id).id.clone());
        // The open person's card follows the person, by id: the new data may order people
        // differently, or no longer have them (the card then closes).
        let person_id = self.person.and_then(|person| self.atlas.people.get(person.index())).map(|p| p.id.clone());
        self.geometry = MapGeometry::new(&atlas);
        self.shares = atlas_core::shares::territory_shares(&atlas, &self.geometry);
        self.population_shares = None;
        self.atlas = atlas;
        self.date_paint = None;
        self.compare_paint = None;
        self.explain = Explain::default();
        let place = selected_id.and_then(|id| self.atlas.place_by_id(&id));
        self.select(place);
        self.person = person_id.and_then(|id| self.atlas.person_by_id(&id));
    }

    /// What to remember of this session.
    pub fn saved_state(&self) -> SavedState {
        SavedState {
            date: self.timeline.date.to_string(),
            language: self.language,
            // The whole map is not a place to return to: the next run fits it to its own window.
            view: self
                .view
                .filter(|&view| Some(view) != self.home_view)
                .map(|v| [v.centre.x, v.centre.y, v.km_per_point]),
            selected: self.selected().map(|id| self.atlas.place(id).id.clone()),
            days_per_second: self.timeline.days_per_second,
            layers: self.layers,
            export: self.export.choices.clone(),
            window: self.window_size.map(|size| [size.x.round(), size.y.round()]),
            text_size: Some(self.text_size).filter(|&size| size != 1.0),
        }
    }

    /// Takes back what an earlier session remembered, except what the command line asks for.
    /// A remembered value that no longer makes sense (a date out of range, a deleted place) is
    /// dropped quietly: it is a preference, not data.
    pub fn restore(&mut self, saved: SavedState, options: &StartOptions) {
        if options.date.is_none()
            && let Ok(date) = Date::parse(&saved.date)
            && date.is_in_atlas()
        {
            self.timeline.set_date(date);
        }
        if options.language.is_none() {
            self.language = saved.language;
        }
        if let Some(size) = saved.text_size.filter(|size| TEXT_SIZE_RANGE.contains(size)) {
            self.text_size = size;
        }
        if options.place.is_none() {
            let place = saved.selected.as_deref().and_then(|id| self.atlas.place_by_id(id));
            self.select(place);
            if let Some([x, y, km_per_point]) = saved.view.filter(|v| v.iter().all(|n| n.is_finite())) {
                let km_per_point = km_per_point.clamp(*MapView::ZOOM_RANGE.start(), *MapView::ZOOM_RANGE.end());
                self.view = Some(MapView { centre: atlas_core::geometry::MapPoint::new(x, y), km_per_point });
            }
        }
        if options.layers.is_none() {
            self.layers = saved.layers;
        }
        self.export.choices = saved.export;
        if super::timeline::SPEEDS.iter().any(|(days, _)| *days == saved.days_per_second) {
            self.timeline.days_per_second = saved.days_per_second;
        }
    }

    /// Reads the settings file at `path`, restores what it remembers (except what the command
    /// line asks for) and keeps the path for [`AtlasApp::save_settings`]. Returns whether a
    /// file was there; a broken one is moved aside and its problem shown in the window.
    pub fn load_settings(&mut self, path: PathBuf, options: &StartOptions) -> bool {
        let loaded = atlas_data::settings_file::load::<SavedState>(&path);
        self.use_settings(path, loaded, options)
    }

    /// [`AtlasApp::load_settings`] for a file already read (the window reads it before it opens,
    /// to open at the remembered size).
    pub fn use_settings(
        &mut self,
        path: PathBuf,
        loaded: atlas_data::settings_file::Loaded<SavedState>,
        options: &StartOptions,
    ) -> bool {
        self.window_size = None;
        let found = match loaded {
            atlas_data::settings_file::Loaded::Missing => false,
            atlas_data::settings_file::Loaded::Read(saved) => {
                self.window_size = saved.window_size();
                self.restore(saved, options);
                true
            }
            atlas_data::settings_file::Loaded::Broken(problem) => {
                self.settings_problems.push(problem);
                true
            }
        };
        // A broken file is not what the session remembers: the next save replaces it, even if
        // nothing changed (the whole map is no longer a saved view that would force a write).
        let broken = !self.settings_problems.is_empty();
        self.settings_saved = if broken { None } else { Some(self.saved_state()) };
        self.settings_path = Some(path);
        found
    }

    /// Writes the settings file if the session changed what it remembers. A failed write is
    /// shown in the window; the file on disk stays as it was.
    pub fn save_settings(&mut self) {
        let Some(path) = &self.settings_path else { return };
        let state = self.saved_state();
        if self.settings_saved.as_ref() == Some(&state) {
            return;
        }
        let written =
            atlas_data::settings_file::to_text(&state).and_then(|text| atlas_data::settings_file::save(path, &text));
        match written {
            Ok(()) => self.settings_saved = Some(state),
            Err(message) => {
                // Not tried again until the settings change again, so a read-only folder does
                // not mean a write every frame.
                self.settings_saved = Some(state);
                self.report_settings_problem(path.display().to_string(), message.to_string());
            }
        }
    }

    /// Saves the settings once they have stopped changing, so that a power cut loses at most
    /// the last few seconds (eframe saves only at exit and on a frame 30 s after the last save,
    /// and an idle window draws no frames). Playback changes the date every frame: nothing is
    /// written until it stops.
    fn save_settings_when_settled(&mut self, ctx: &egui::Context) {
        if self.settings_path.is_none() {
            return;
        }
        let now = ctx.input(|i| i.time);
        let state = self.saved_state();
        let changed_at = match &self.settings_seen {
            Some((seen, at)) if *seen == state => *at,
            _ => now,
        };
        let pending = self.settings_saved.as_ref() != Some(&state);
        self.settings_seen = Some((state, changed_at));
        if !pending {
            return;
        }
        let still = now - changed_at;
        if still >= SETTINGS_SETTLE_SECONDS {
            self.save_settings();
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(SETTINGS_SETTLE_SECONDS - still));
        }
    }

    fn report_settings_problem(&mut self, file: String, message: String) {
        let problem = Problem::of_kind(ProblemKind::Settings, &file, None, message);
        if !self.settings_problems.contains(&problem) {
            self.settings_problems.push(problem);
        }
    }

    /// Problems with the settings file (not the data), shown in the window's problems banner.
    pub fn settings_problems(&self) -> &[Problem] {
        &self.settings_problems
    }

    fn with_selection(mut self, place: Option<PlaceId>) -> AtlasApp {
        self.select(place);
        self
    }

    /// Opens the panel of `place` (or closes it with `None`).
    pub fn select(&mut self, place: Option<PlaceId>) {
        self.selection = place.map(|place| Selection::new(&self.atlas, place));
        // Read out what opened: the place and who held it on the date.
        if let Some(place) = place {
            self.announcer.say(describe(&self.atlas, &self.texts, self.language, place, self.timeline.date));
        }
    }

    pub fn show_chart(&mut self, shown: bool) {
        self.show_chart = shown;
    }

    pub fn selected(&self) -> Option<PlaceId> {
        self.selection.as_ref().map(|selection| selection.place)
    }

    /// Whether the search window is open.
    pub fn search_open(&self) -> bool {
        self.search.open
    }

    /// The projected map, as the window draws it.
    pub fn geometry(&self) -> &MapGeometry {
        &self.geometry
    }

    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    pub fn date(&self) -> Date {
        self.timeline.date
    }

    pub fn set_date(&mut self, date: Date) {
        self.timeline.set_date(date);
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn set_language(&mut self, language: Language) {
        self.language = language;
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The map's view, once the first frame has fitted it.
    pub fn view(&self) -> Option<MapView> {
        self.view
    }

    pub fn hovered(&self) -> Option<PlaceId> {
        self.hovered
    }

    /// How a place is painted on the current date (as last drawn).
    pub fn paint_of(&mut self, place: PlaceId) -> ControlPaint {
        self.refresh_paint();
        self.date_paint.as_ref().and_then(|p| p.paints.get(place.index()).copied()).unwrap_or(ControlPaint::of(&[]))
    }

    fn tr<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts.tr(self.language, key)
    }

    fn refresh_paint(&mut self) {
        let date = self.timeline.date;
        if self.date_paint.as_ref().is_none_or(|paint| paint.date != date) {
            self.date_paint = Some(DatePaint::compute(&self.atlas, date));
        }
        if let Some(compare) = self.compare_date
            && self.compare_paint.as_ref().is_none_or(|paint| paint.date != compare)
        {
            self.compare_paint = Some(DatePaint::compute(&self.atlas, compare));
        }
    }

    fn map_textures(
        &mut self,
        ctx: &egui::Context,
    ) -> (egui::TextureId, Option<(egui::TextureId, atlas_core::geometry::MapRect)>) {
        let textures = self.textures.get_or_insert_with(|| super::map::MapTextures::load(ctx));
        (textures.hatch.id(), textures.relief_id())
    }

    /// Keys that work anywhere in the window (listed in the Help window, F1).
    fn handle_keys(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, Key::F1)) {
            self.show_help = !self.show_help;
        }
        if ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, Key::F11)) {
            let fullscreen = ctx.input(|input| input.viewport().fullscreen.unwrap_or(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!fullscreen));
        }
        if ctx.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, Key::F)) {
            self.search.open();
        }
        if ctx.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, Key::E)) {
            self.export.open(self.timeline.date);
        }
        // Escape closes the nearest thing open, even from inside the search box: an open menu
        // or list (egui closes those itself), then the window opened last, then the selected place.
        if ctx.input(|input| input.key_pressed(Key::Escape)) && !egui::Popup::is_any_open(ctx) {
            match self.window_focus.topmost() {
                Some(SEARCH) => self.search.open = false,
                Some(HELP) => self.show_help = false,
                Some(EXPORT) => self.export.open = false,
                Some(PERSON) => self.person = None,
                Some(TOUR_EDITOR) => self.tour_editor.open = false,
                _ => self.select(None),
            }
            ctx.input_mut(|input| input.consume_key(egui::Modifiers::NONE, Key::Escape));
        }
        // A text box takes every key; the map takes the plain arrows and Enter (to move its
        // cursor and choose a place), and so does a list that is open. Elsewhere (a button, the
        // slider) the arrows step the date, and Space presses a focused button rather than play.
        if ctx.text_edit_focused() {
            return;
        }
        super::focus::keep_date_keys(ctx, &[map_focus_id(MapPane::Main), map_focus_id(MapPane::Compare)]);
        let focused = ctx.memory(|memory| memory.focused());
        let map_focused = [MapPane::Main, MapPane::Compare].into_iter().any(|pane| focused == Some(map_focus_id(pane)));
        let arrows_for_date = !map_focused && !egui::Popup::is_any_open(ctx);
        let shift = egui::Modifiers::SHIFT;
        let none = egui::Modifiers::NONE;
        let pressed = |modifiers, key| ctx.input_mut(|input| input.consume_key(modifiers, key));
        if (focused.is_none() || map_focused) && pressed(none, Key::Space) {
            self.timeline.toggle_play();
        }
        if pressed(shift, Key::ArrowLeft) {
            self.timeline.step_months(-1);
        }
        if pressed(shift, Key::ArrowRight) {
            self.timeline.step_months(1);
        }
        if arrows_for_date && pressed(none, Key::ArrowLeft) {
            self.timeline.step_days(-1);
        }
        if arrows_for_date && pressed(none, Key::ArrowRight) {
            self.timeline.step_days(1);
        }
        if pressed(none, Key::PageUp) {
            self.timeline.step_event(self.atlas.events(), -1);
        }
        if pressed(none, Key::PageDown) {
            self.timeline.step_event(self.atlas.events(), 1);
        }
        let zoom = if pressed(none, Key::Plus) || pressed(none, Key::Equals) {
            1.25
        } else if pressed(none, Key::Minus) {
            0.8
        } else {
            1.0
        };
        if let Some(view) = self.view.as_mut().filter(|_| zoom != 1.0) {
            view.zoom_about(zoom, [0.0, 0.0]);
        }
    }

    fn help_window_ui(&mut self, ctx: &egui::Context) {
        if !self.show_help {
            return;
        }
        let mut open = self.show_help;
        let mut close_now = false;
        let keys: [(&str, &str); 16] = [
            ("Ctrl + F", "key_search"),
            ("Ctrl + E", "key_export"),
            ("Space", "key_space"),
            ("← / →", "key_day"),
            ("Shift + ← / →", "key_month"),
            ("PgDn / PgUp", "key_event"),
            ("Tab", "key_map_focus"),
            ("← ↑ → ↓", "key_map_move"),
            ("Enter", "key_map_choose"),
            ("Ctrl + ← ↑ → ↓", "key_map_pan"),
            ("+ / −", "key_zoom"),
            ("Ctrl + + / − / 0", "key_text_size"),
            ("F11", "key_fullscreen"),
            ("F1", "key_help"),
            ("Esc", "key_escape"),
            ("Enter", "go_to_date"),
        ];
        // Within the window at any text size: the keys and licences scroll under the title,
        // and the Close button stays in sight.
        let screen = ctx.content_rect();
        let width = 560.0_f32.min(screen.width() - 40.0);
        let body_height = (screen.height() - 200.0).max(120.0);
        let window = super::dialog::window(HELP, self.tr("help")).min_width(width).max_width(width);
        window.anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]).show(ctx, |ui| {
            close_now |= super::dialog::title_row(ui, self.tr("help"), self.tr("close"));
            egui::ScrollArea::vertical().max_height(body_height).show(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                super::accessible::heading(&ui.label(RichText::new(self.tr("help_keys")).strong()), 2);
                // A row per key: the key in a column of its own width, the action wrapping in the
                // rest (a grid with wrapping text shrank that column to a few letters).
                let key_width = keys
                    .iter()
                    .map(|(key, _)| {
                        let font = egui::TextStyle::Monospace.resolve(ui.style());
                        ui.painter().layout_no_wrap((*key).to_owned(), font, Color32::BLACK).size().x
                    })
                    .fold(0.0_f32, f32::max);
                for (key, action) in keys {
                    ui.horizontal_top(|ui| {
                        let size = egui::vec2(key_width, ui.spacing().interact_size.y);
                        ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Min), |ui| {
                            ui.set_min_width(key_width);
                            ui.monospace(key);
                        });
                        ui.add(egui::Label::new(self.tr(action)).wrap());
                    });
                }
                ui.label(RichText::new(self.tr("help_focus_note")).small());
                ui.separator();
                super::accessible::heading(&ui.label(RichText::new(self.tr("about")).strong()), 2);
                ui.label(format!("{} {}", self.tr("app_title"), env!("CARGO_PKG_VERSION")));
                for key in ABOUT_LICENCES {
                    ui.label(RichText::new(self.tr(key)).small());
                }
            });
            ui.separator();
            // A button to close with, which takes the focus when Help opens: the title bar's ×
            // cannot be reached with Tab.
            let close = ui.button(self.tr("close"));
            if super::focus::take_focus(ui.ctx(), HELP) {
                close.request_focus();
                // The scroll area learns its content's height from the frame before: draw
                // again, so that the window opens at its full size.
                ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
            }
            if close.clicked() {
                close_now = true;
            }
        });
        if close_now {
            open = false;
        }
        self.show_help = open;
    }

    /// Draws the whole window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let date_before = self.timeline.date;
        if self.titled_in != Some(self.language) {
            self.titled_in = Some(self.language);
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.tr("app_title").to_owned()));
        }
        // A full-screen window's size is the monitor's, not one to reopen at.
        // The remembered text size on the first frame; after that, whatever the View menu or
        // Ctrl+Plus/Minus/0 (egui's own keys) made it.
        if self.text_size_applied {
            // egui's Ctrl+Plus/Minus step by 10 % without end; the layout is made to hold to 200 %.
            let zoom = ctx.zoom_factor();
            self.text_size = zoom.clamp(*TEXT_SIZE_RANGE.start(), *TEXT_SIZE_RANGE.end());
            if zoom != self.text_size {
                ctx.set_zoom_factor(self.text_size);
            }
        } else {
            ctx.set_zoom_factor(self.text_size);
            self.text_size_applied = true;
        }
        if let Some(rect) = ctx.input(|i| i.viewport().inner_rect.filter(|_| i.viewport().fullscreen != Some(true))) {
            self.window_size = Some(rect.size() * ctx.zoom_factor());
        }
        if self.watcher.is_none()
            && let Some(dir) = &self.data_dir
        {
            self.watcher = Some(DataWatcher::new(dir.clone(), Some(ctx.clone())));
        }
        if self.watcher.as_ref().is_some_and(DataWatcher::take_changed) {
            self.reload_if_changed();
        }
        self.window_focus.begin_frame(&ctx);
        self.handle_keys(&ctx);
        if self.timeline.playing {
            let seconds = ctx.input(|input| f64::from(input.stable_dt));
            self.timeline.advance(seconds);
            ctx.request_repaint();
        }

        egui::Panel::top("top_bar").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("timeline").show(ui, |ui| {
            ui.add_space(4.0);
            timeline_ui(ui, &mut self.timeline, self.atlas.events(), &self.texts, self.language);
            ui.add_space(4.0);
        });
        if !self.show_chart {
            self.chart_hovered_side = None;
        }
        if self.show_chart {
            egui::Panel::bottom("chart").resizable(true).default_size(170.0).show(ui, |ui| {
                ui.horizontal(|ui| {
                    let territory = self.texts.tr(self.language, "territory_chart").to_owned();
                    let people = self.texts.tr(self.language, "population_chart").to_owned();
                    // Framed buttons, filled when chosen: egui's selectable text looks like a label.
                    for (by_people, text) in [(false, territory), (true, people)] {
                        let chosen = self.chart_by_population == by_people;
                        if ui.add(egui::Button::new(text).selected(chosen)).clicked() {
                            self.chart_by_population = by_people;
                        }
                    }
                });
                if self.chart_by_population && self.population_shares.is_none() {
                    self.population_shares = Some(atlas_core::shares::population_shares(&self.atlas, &self.geometry));
                }
                let shares = match (&self.population_shares, self.chart_by_population) {
                    (Some(population), true) => population,
                    _ => &self.shares,
                };
                if self.chart_by_population {
                    // Units with no census figure are left out; say how many people are counted.
                    let counted = format!(
                        "{}: {:.2} M",
                        self.texts.tr(self.language, "population_counted"),
                        shares.total_people as f64 / 1e6
                    );
                    ui.label(egui::RichText::new(counted).small().weak());
                }
                let axis = super::chart::TimeAxis { window: self.timeline.window, rail: self.timeline.rail };
                let chart =
                    super::chart::share_chart_ui(ui, shares, self.timeline.date, axis, (&self.texts, self.language));
                if let Some(day) = chart.clicked {
                    self.timeline.set_date(day);
                }
                self.chart_hovered_side = chart.hovered_side;
            });
        }
        // The map comes before the side panel in the Tab order, though egui needs the panel
        // drawn first: the map registers for the focus here.
        super::map::register_for_focus(ui, map_widget_id(MapPane::Main));
        if self.compare_date.is_some() {
            super::map::register_for_focus(ui, map_widget_id(MapPane::Compare));
        }
        // At most two fifths of the window, so that large text leaves room for the map.
        let widest_panel = (ui.available_width() * 0.4).max(220.0);
        egui::Panel::right("side_panel").default_size(340.0).size_range(220.0..=widest_panel).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                // Long lines wrap to the panel (large text makes it narrow) rather than widen it.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                self.side_panel_ui(ui);
                super::focus::scroll_to_new_focus(ui);
            });
        });
        super::accessible::name_panel_resize(ui, "side_panel", self.tr("resize_panel"));
        if self.show_chart {
            super::accessible::name_panel_resize(ui, "chart", self.tr("resize_chart"));
        }
        egui::CentralPanel::no_frame().show(ui, |ui| self.map_ui(ui));
        self.note_date_change(&ctx, date_before);
        let date_text = super::timeline::date_value_text(
            &self.texts,
            self.language,
            self.timeline.date,
            self.timeline.show_old_style,
        );
        self.announcer.say_when_settled(&ctx, date_text);
        super::accessible::name_window(&ctx, self.tr("app_title"), self.language);
        self.help_window_ui(&ctx);
        if let Some(choice) = self.search.show(&ctx, &self.atlas, &self.texts, self.language) {
            self.go_to_search_choice(choice);
        }
        self.poll_export(&ctx);
        let progress = self.export_job.as_ref().map(|job| {
            let stage = job.stage();
            let seconds = ctx.input(|input| input.time) - job.started;
            let text = format!("{} {}×{} · {seconds:.1} s", self.tr(stage.label_key()), job.size[0], job.size[1]);
            super::export_dialog::ExportProgress { fraction: stage.fraction_done(), text }
        });
        if let Some(request) = self.export.show(&ctx, &self.texts, self.language, progress) {
            self.start_export(&ctx, &request);
        }
        if let Some(person) = self.person {
            let mut open = true;
            let go_to =
                super::person_card::person_card(&ctx, &self.atlas, &self.texts, self.language, person, &mut open);
            if let Some(date) = go_to {
                self.timeline.set_date(date);
            }
            if !open {
                self.person = None;
            }
        }
        if let Some(super::tour_editor::EditorAction::AddCurrentView) =
            self.tour_editor.show(&ctx, &self.atlas, &self.texts, self.language)
        {
            self.add_view_as_tour_step();
        }
        self.give_focus_to_windows(&ctx);
        if std::mem::take(&mut self.export_wants_focus) {
            super::focus::give_back_to(&ctx, EXPORT);
        }
        self.save_settings_when_settled(&ctx);
    }

    /// Windows that opened take the focus; those that closed give it back (to the map when
    /// nothing had it, as after a place chosen in Search opened with Ctrl+F).
    fn give_focus_to_windows(&mut self, ctx: &egui::Context) {
        use super::focus::WindowState;
        let windows = [
            WindowState { name: SEARCH, open: self.search.open, fallback: self.map_id },
            WindowState { name: HELP, open: self.show_help, fallback: None },
            WindowState { name: EXPORT, open: self.export.open, fallback: None },
            WindowState { name: PERSON, open: self.person.is_some(), fallback: None },
            WindowState { name: TOUR_EDITOR, open: self.tour_editor.open, fallback: None },
        ];
        self.window_focus.end_frame(ctx, &windows);
    }

    /// Opens or closes "Make a tour".
    pub fn toggle_tour_editor(&mut self) {
        self.tour_editor.toggle();
    }

    /// The tour being made in "Make a tour".
    pub fn tour_draft(&self) -> &atlas_data::TourDraft {
        &self.tour_editor.draft
    }

    pub fn tour_draft_mut(&mut self) -> &mut atlas_data::TourDraft {
        &mut self.tour_editor.draft
    }

    /// Saves the tour being made to `path`; returns what the window would say.
    pub fn save_tour_draft(&mut self, path: &str) -> String {
        self.tour_editor.path = path.to_owned();
        self.tour_editor.save(&self.atlas, &self.texts, self.language)
    }

    /// Adds the map's current date, centre, zoom and selected place as a step of the tour being made.
    pub fn add_view_as_tour_step(&mut self) {
        let (Some(view), Some((rect, _))) = (self.view, self.map_rect) else { return };
        let centre = self.geometry.projection.lonlat_from_map(view.centre);
        let whole = MapView::fit(self.geometry.bounds, [rect.width(), rect.height()]);
        let zoom = f64::from(whole.km_per_point / view.km_per_point).clamp(0.25, 100.0);
        let date = self.timeline.date;
        let date_text = self.texts.format_date(self.language, date.ymd());
        let mut caption = atlas_core::model::Names::default();
        *caption.get_mut(self.language) = date_text;
        self.tour_editor.add_step(atlas_data::StepDraft {
            date: date.to_string(),
            center: [centre.lon, centre.lat],
            zoom,
            highlight: self.selected().map(|place| self.atlas.place(place).id.clone()).into_iter().collect(),
            caption,
            notes: atlas_core::model::Names::default(),
            duration: f64::from(atlas_core::model::DEFAULT_STEP_SECONDS),
        });
    }

    /// Sets the folder exports are saved into (as typed in the Export window).
    pub fn set_export_folder(&mut self, folder: &str) {
        self.export.choices.folder = folder.to_owned();
    }

    /// Opens the Export window, as Ctrl+E does.
    pub fn open_export(&mut self) {
        if self.export.open {
            // Asked for again (Ctrl+E) while open: the focus goes back into it.
            self.export_wants_focus = true;
        }
        self.export.open(self.timeline.date);
    }

    /// Starts saving the main map's current view as a PNG through the offscreen renderer, on
    /// its own thread: the same page code as `steppe-atlas render`, so the file matches the
    /// screen and the command line. Returns false when there is no map yet or one is being saved.
    pub fn start_export(&mut self, ctx: &egui::Context, request: &super::export_dialog::ExportRequest) -> bool {
        let (Some(view), Some((rect, pixels_per_point))) = (self.view, self.map_rect) else { return false };
        if self.export_job.is_some() {
            return false;
        }
        let projector = super::map::Projector::new(rect, view);
        let mut extent = atlas_core::geometry::MapRect::NOTHING;
        extent.extend(projector.map_from_screen(rect.left_top()));
        extent.extend(projector.map_from_screen(rect.right_bottom()));
        let window =
            [(rect.width() * pixels_per_point).round() as u32, (rect.height() * pixels_per_point).round() as u32];
        let size = request.size.pixels(window).map(|side| side.clamp(64, atlas_render::MAX_SIDE));
        let mut render = atlas_render::RenderRequest::new(self.timeline.date, size);
        render.language = self.language;
        render.map_language = self.map_language;
        render.layers = self.layers;
        render.extent = Some(extent);
        render.highlights = self.selected().into_iter().collect();
        render.show_old_style = self.timeline.show_old_style;
        let data = (self.atlas.clone(), self.geometry.clone());
        self.export.message = None;
        self.export_job =
            Some(super::export_job::ExportJob::start(self.renderer.take(), data, render, request.path.clone(), ctx));
        true
    }

    /// Takes the result of a finished export and says what happened.
    fn poll_export(&mut self, ctx: &egui::Context) {
        use super::export_job::JobState;
        let Some(job) = &self.export_job else { return };
        let written = match job.poll() {
            JobState::Running => {
                // Redraw now and then for the elapsed time; the thread wakes the window at each step.
                ctx.request_repaint_after(std::time::Duration::from_millis(250));
                return;
            }
            JobState::Done(outcome) => {
                self.renderer = Some(outcome.renderer);
                outcome.written.map_err(|error| error.to_string())
            }
            JobState::Died => Err(self.tr("export_stopped").to_owned()),
        };
        let (path, size) = (job.path.clone(), job.size);
        self.export_job = None;
        let message = match written {
            Ok(()) => format!("{}: {} ({}×{})", self.tr("export_saved"), path.display(), size[0], size[1]),
            Err(error) => format!("{}: {error}", self.tr("export_failed")),
        };
        self.announcer.say(message.clone());
        self.export.message = Some(message);
        // Save was greyed out while the image was made, which dropped its focus.
        if self.export.open && ctx.memory(|memory| memory.focused()).is_none() {
            super::focus::give_back_to(ctx, EXPORT);
        }
    }

    /// What the live region read out last (the settled date, an export's result, an error).
    pub fn announcement(&self) -> &str {
        self.announcer.text()
    }

    /// Whether an export is being drawn or written.
    pub fn export_busy(&self) -> bool {
        self.export_job.is_some()
    }

    /// What the Export window says about the last export.
    pub fn export_message(&self) -> Option<&str> {
        self.export.message.as_deref()
    }

    /// After a frame that moved the date, recounts what changed (since the previous date unless
    /// the user chose one) and starts the pulse. During playback the pulse follows each step.
    fn note_date_change(&mut self, ctx: &egui::Context, date_before: Date) {
        let now = self.timeline.date;
        if now == date_before && self.explain.until == Some(now) {
            return;
        }
        let typed = atlas_core::date_input::parse_typed_date(&self.explain.typed_since);
        let since = typed.unwrap_or(if now == date_before { self.explain.since.unwrap_or(now) } else { date_before });
        self.explain.changes = atlas_core::changes::changes_between(&self.atlas, since, now);
        self.explain.since = Some(since);
        self.explain.until = Some(now);
        if !self.explain.changes.is_empty() && now != date_before {
            self.explain.pulse_started = Some(ctx.input(|input| input.time));
            ctx.request_repaint();
        }
    }

    fn explain_section_ui(&mut self, ui: &mut egui::Ui) {
        let title = self.tr("explain").to_owned();
        egui::CollapsingHeader::new(title).default_open(true).show(ui, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(self.texts.tr(self.language, "compare_since"));
                let edit = egui::TextEdit::singleline(&mut self.explain.typed_since)
                    .hint_text(self.texts.tr(self.language, "date_hint"))
                    .desired_width(150.0);
                if ui.add(edit.id_salt("explain_since")).labelled_by(label.id).changed() {
                    self.explain.until = None; // recount next frame
                }
            });
            let since = self.explain.since.unwrap_or(self.timeline.date);
            let until = self.explain.until.unwrap_or(self.timeline.date);
            let dates = (since, until);
            if let Some(place) =
                super::explain::explain_ui(ui, &self.atlas, &self.texts, self.language, dates, &self.explain.changes)
            {
                self.select(Some(place));
            }
        });
    }

    fn go_to_search_choice(&mut self, choice: super::search_window::SearchChoice) {
        match choice.target {
            Some(Target::Place(place)) => {
                self.select(Some(place));
                self.centre_on(place);
            }
            Some(Target::Event(id)) => {
                if let Some(event) = self.atlas.events().get(id.index()) {
                    self.timeline.set_date(event.start);
                    if let Some(&place) = event.places.first() {
                        self.select(Some(place));
                        self.centre_on(place);
                    }
                }
            }
            Some(Target::Person(id)) => self.person = Some(id),
            None => {}
        }
        if let Some(date) = choice.date {
            self.timeline.set_date(date);
        }
    }

    /// Moves the map to a place: an area fitted whole (it used to be only centred, at whatever
    /// zoom the map had, though this said "zooming to its extent"), a city close up.
    fn centre_on(&mut self, place: PlaceId) {
        let (Some(view), Some((rect, _))) = (self.view.as_mut(), self.map_rect) else { return };
        view.show_place(&self.geometry, place, [rect.width(), rect.height()]);
    }

    /// The top bar's buttons, the View menu and the language list; returns their width on one row.
    fn tools_ui(&mut self, ui: &mut egui::Ui) -> f32 {
        let spacing = ui.spacing().item_spacing.x;
        let mut width = -spacing;
        let mut measure = |response: &egui::Response| width += response.rect.width() + spacing;
        let reset = ui.button(self.tr("reset_view"));
        measure(&reset);
        if reset.clicked() {
            self.view = None;
        }
        let help = ui.button(self.tr("help"));
        measure(&help);
        if help.clicked() {
            self.show_help = !self.show_help;
        }
        let editor = ui.button(self.tr("tour_editor"));
        measure(&editor);
        if editor.clicked() {
            self.toggle_tour_editor();
        }
        let export = ui.button(self.tr("export")).on_hover_text("Ctrl+E");
        measure(&export);
        if export.clicked() {
            self.open_export();
        }
        let search = ui.button(self.tr("search")).on_hover_text("Ctrl+F");
        measure(&search);
        if search.clicked() {
            self.search.open();
        }
        // Framed like the other buttons (egui's toggle looks like plain text when off), and
        // filled when on.
        let chart = ui.add(egui::Button::new(self.tr("chart")).selected(self.show_chart));
        measure(&chart);
        if chart.clicked() {
            self.show_chart = !self.show_chart;
        }
        let compare = ui.add(egui::Button::new(self.tr("compare")).selected(self.compare_date.is_some()));
        measure(&compare);
        if compare.clicked() {
            self.toggle_compare();
        }
        measure(&self.view_menu_ui(ui));
        let mut language = self.language;
        // A fixed id: the label changes with the language chosen in it.
        let languages = egui::ComboBox::new("language", self.texts.tr(self.language, "language"))
            .selected_text(language.endonym())
            .show_ui(ui, |ui| {
                for option in Language::ALL {
                    let item = ui.selectable_value(&mut language, option, option.endonym());
                    super::accessible::language(&item, option);
                    if item.clicked() {
                        ui.close();
                    }
                }
            });
        // The combo's response covers its label too.
        measure(&languages.response);
        super::accessible::value(&languages.response, language.endonym());
        super::accessible::language(&languages.response, self.language);
        super::focus::return_from_popup(&languages.response, languages.inner.is_some(), "language");
        self.language = language;
        width
    }

    /// The View menu: Old Style dates, the optional layers and the language of map labels.
    fn view_menu_ui(&mut self, ui: &mut egui::Ui) -> egui::Response {
        let title = self.tr("view").to_owned();
        let menu = ui.menu_button(title, |ui| {
            // Within the window at any text size.
            let room = ui.ctx().content_rect().bottom() - ui.cursor().top() - 16.0;
            egui::ScrollArea::vertical().max_height(room.max(120.0)).show(ui, |ui| self.view_menu_items_ui(ui))
        });
        super::focus::return_from_popup(&menu.response, menu.inner.is_some(), "view");
        menu.response
    }

    /// The View menu's items: Old Style dates, the optional layers, the text size and the
    /// language of map labels.
    fn view_menu_items_ui(&mut self, ui: &mut egui::Ui) {
        // egui's menus draw check boxes and radio buttons without an edge (about 1.2:1).
        ui.visuals_mut().widgets.inactive.bg_stroke = egui::Stroke::new(1.0, super::fonts::CONTROL_EDGE);
        {
            let old_style_label = self.tr("show_old_style").to_owned();
            ui.checkbox(&mut self.timeline.show_old_style, old_style_label);
            ui.separator();
            ui.label(self.tr("layers"));
            for layer in Layer::ALL {
                let mut on = self.layers.contains(layer);
                if ui.checkbox(&mut on, self.texts.tr(self.language, layer.label_key())).changed() {
                    self.layers.set(layer, on);
                }
            }
            ui.separator();
            let zoom = ui.ctx().zoom_factor();
            ui.label(format!("{}: {:.0} %", self.tr("text_size"), zoom * 100.0));
            for size in TEXT_SIZES {
                let percent = format!("{:.0} %", size * 100.0);
                if ui.radio((zoom - size).abs() < 0.01, percent).clicked() {
                    ui.ctx().set_zoom_factor(size);
                }
            }
            ui.separator();
            ui.label(self.tr("map_labels"));
            let follow = self.tr("map_labels_follow").to_owned();
            ui.radio_value(&mut self.map_language, None, follow);
            for language in Language::ALL {
                let item = ui.radio_value(&mut self.map_language, Some(language), language.endonym());
                super::accessible::language(&item, language);
            }
        }
    }

    fn side_panel_ui(&mut self, ui: &mut egui::Ui) {
        let date = self.timeline.date;
        egui::CollapsingHeader::new(self.tr("legend")).default_open(true).show(ui, |ui| {
            // With Compare open the legend covers both maps.
            let dates: Vec<Date> = std::iter::once(date).chain(self.compare_date).collect();
            let listed = super::legend::MAX_LISTED_COMBINATIONS;
            legend_for_date_ui(ui, (&self.texts, self.language), &self.atlas, &dates, listed);
            ui.label(egui::RichText::new(self.tr("towns_and_countryside")).small());
        });
        ui.separator();
        if let Some(selection) = &self.selection {
            // A place just opened is shown from its name (under the legend, which at large text
            // fills the panel), not wherever the panel was scrolled.
            let name_top = ui.cursor().top();
            let opened = self.panel_place != Some(selection.place);
            self.panel_place = Some(selection.place);
            let old_style = self.timeline.show_old_style;
            let action = place_panel_ui(ui, &self.atlas, &self.texts, self.language, selection, date, old_style);
            if opened {
                let name = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), name_top..=name_top + 40.0);
                ui.scroll_to_rect(name, Some(egui::Align::TOP));
            }
            if let Some(day) = action.go_to {
                self.timeline.set_date(day);
            }
            if action.close {
                self.select(None);
            }
        } else {
            self.panel_place = None;
            self.explain_section_ui(ui);
            ui.separator();
            if let Some(day) =
                events_ui(ui, &self.atlas, &self.texts, self.language, date, self.timeline.show_old_style)
            {
                self.timeline.set_date(day);
            }
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        // The tools stand at the right of the title when they fit, laid out left to right so
        // that Tab runs in reading order (their natural width from the last frame decides where
        // they start). Where they do not (a narrow window, large text) the subtitle goes first,
        // then the tools wrap onto rows of their own under the title.
        let width_id = ui.scope_id().with("toolbar width");
        let last_width: f32 = ui.ctx().data(|data| data.get_temp(width_id)).unwrap_or(0.0);
        let title_text = RichText::new(self.tr("app_title")).size(20.0).strong();
        let subtitle_text = RichText::new(self.tr("app_subtitle")).size(16.0);
        let spacing = ui.spacing().item_spacing.x;
        let text_width = |text: &RichText| style::text_width(ui, text);
        let (title_width, subtitle_width) = (text_width(&title_text), text_width(&subtitle_text));
        let available = ui.available_width();
        let one_row = title_width + last_width + 2.0 * spacing <= available;
        let with_subtitle = title_width + subtitle_width + last_width + 3.0 * spacing <= available || !one_row;
        let mut width = last_width;
        ui.horizontal(|ui| {
            let title = ui.label(title_text);
            super::accessible::heading(&title, 1);
            if with_subtitle {
                ui.label(subtitle_text);
            }
            if one_row {
                ui.add_space((ui.available_width() - last_width).max(0.0));
                width = self.tools_ui(ui);
            }
        });
        if !one_row {
            ui.horizontal_wrapped(|ui| width = self.tools_ui(ui));
        }
        if (width - last_width).abs() > 0.5 {
            ui.ctx().data_mut(|data| data.insert_temp(width_id, width));
            ui.ctx().request_repaint();
        }
        self.announcer.show(ui);
        if !self.problems.is_empty() || !self.settings_problems.is_empty() {
            ui.horizontal(|ui| {
                let warning = Color32::from_rgb(0xb0, 0x30, 0x10);
                if !self.problems.is_empty() {
                    let key = if self.edit_rejected { "edit_rejected" } else { "data_problems" };
                    let message = self.tr(key).replace("{count}", &self.problems.len().to_string());
                    ui.label(RichText::new(message).color(warning));
                }
                if !self.settings_problems.is_empty() {
                    ui.label(RichText::new(self.tr("settings_problem")).color(warning));
                }
                let mut show = self.show_problems;
                ui.toggle_value(&mut show, self.tr("show_problems"));
                self.show_problems = show;
            });
            if self.show_problems {
                egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                    for problem in self.problems.iter().chain(&self.settings_problems) {
                        ui.monospace(problem.describe(&self.texts, self.language));
                    }
                });
            }
        }
    }

    fn map_ui(&mut self, ui: &mut egui::Ui) {
        self.refresh_paint();
        if self.compare_date.is_none() {
            self.pane_ui(ui, MapPane::Main);
            return;
        }
        ui.columns(2, |columns| {
            let (left, right) = columns.split_at_mut(1);
            self.compare_header_ui(&mut left[0], MapPane::Main);
            self.pane_ui(&mut left[0], MapPane::Main);
            self.compare_header_ui(&mut right[0], MapPane::Compare);
            self.pane_ui(&mut right[0], MapPane::Compare);
        });
    }

    /// The date bar over each map of the compare view: the same height over both, so that the
    /// two maps line up; on the right, buttons step the compared date by a month.
    fn compare_header_ui(&mut self, ui: &mut egui::Ui, pane: MapPane) {
        let Some(compare_date) = self.compare_date else { return };
        let date = if pane == MapPane::Main { self.timeline.date } else { compare_date };
        let width = ui.available_width();
        let frame = egui::Frame::new().fill(style::BACKGROUND).inner_margin(egui::Margin::symmetric(8, 4));
        frame.show(ui, |ui| {
            let size = egui::vec2(width - 16.0, COMPARE_HEADER_HEIGHT);
            let layout = egui::Layout::left_to_right(egui::Align::Center);
            ui.allocate_ui_with_layout(size, layout, |ui| {
                ui.set_min_size(size);
                let step = |ui: &mut egui::Ui, text: &str, hint: &str| {
                    let button = egui::Button::new(text).min_size(egui::vec2(28.0, 28.0));
                    pane == MapPane::Compare && {
                        let response = ui.add(button).on_hover_text(hint);
                        super::accessible::name(&response, egui::Role::Button, hint);
                        response.clicked()
                    }
                };
                if step(ui, "◀", self.tr("previous_month")) {
                    self.compare_date = Some(compare_date.add_months(-1).max(Date::ATLAS_START));
                }
                let text = self.texts.format_date(self.language, date.ymd());
                ui.label(RichText::new(text).size(20.0).strong().color(style::LABEL));
                // Before the calendar reform the date is also given Old Style, as under the slider.
                if let Some(old_style) = date.old_style().filter(|_| self.timeline.show_old_style) {
                    let old =
                        format!("({}: {})", self.tr("old_style"), self.texts.format_date(self.language, old_style));
                    ui.label(RichText::new(old).color(style::LABEL));
                }
                if step(ui, "▶", self.tr("next_month")) {
                    self.compare_date = Some(compare_date.add_months(1).min(Date::ATLAS_END));
                }
            });
        });
    }

    /// One map: the main one at the timeline's date, or the compare one at its own date. Both
    /// share one view, so they pan and zoom together.
    fn pane_ui(&mut self, ui: &mut egui::Ui, pane: MapPane) {
        let pulse = if pane == MapPane::Main { self.pulse(ui.ctx()) } else { None };
        let (hatch_texture, relief) = self.map_textures(ui.ctx());
        let size = ui.available_size();
        let home = MapView::fit(self.geometry.bounds, [size.x, size.y]);
        if self.view.is_none() || self.view == self.home_view {
            self.view = Some(home);
            self.home_view = Some(home);
        }
        let Some(view) = self.view.as_mut() else { return };
        let (paint, date) = match pane {
            MapPane::Main => (&self.date_paint, self.timeline.date),
            MapPane::Compare => (&self.compare_paint, self.compare_date.unwrap_or(self.timeline.date)),
        };
        let Some(date_paint) = paint else { return };
        // Hovering a band of the chart outlines that side's places (areas; cities too).
        let side_places: Vec<PlaceId> = match self.chart_hovered_side {
            Some(side) => self
                .atlas
                .place_ids()
                .filter(|&place| self.atlas.place(place).kind != atlas_core::model::PlaceKind::Zone)
                .filter(|&place| {
                    self.atlas.resolve(place, date).from_place == Some(place)
                        || self.atlas.place(place).kind == atlas_core::model::PlaceKind::Oblast
                })
                .filter(|&place| self.atlas.sides_on(place, date).contains(&side))
                .collect(),
            None => Vec::new(),
        };
        let scene = MapScene {
            atlas: &self.atlas,
            geometry: &self.geometry,
            paints: &date_paint.paints,
            visible: &date_paint.visible,
            language: self.map_language.unwrap_or(self.language),
            hovered: None,
            highlights: if side_places.is_empty() {
                self.selection.as_ref().map(|selection| std::slice::from_ref(&selection.place)).unwrap_or(&[])
            } else {
                &side_places
            },
            hatch_texture,
            text_scale: 1.0,
            layers: self.layers,
            relief,
            look: super::DisplayLook::Screen,
        };
        let (atlas, texts, language) = (&self.atlas, &self.texts, self.language);
        let describe_place = |place| describe(atlas, texts, language, place, date);
        let label = match pane {
            MapPane::Main => texts.tr(language, "map"),
            MapPane::Compare => texts.tr(language, "compare_map"),
        };
        let mut widget = MapWidget::new(scene, view, &describe_place)
            .label(label)
            .places_label(texts.tr(language, "places_on_map"))
            .id(map_widget_id(pane))
            .focus_registered();
        if let Some(pulse) = &pulse {
            widget = widget.with_layer(pulse);
        }
        let map = widget.show(ui);
        if let Some(place) = map.hovered.filter(|_| map.response.hovered()) {
            map.response.clone().on_hover_ui_at_pointer(|ui| place_tooltip_ui(ui, atlas, texts, language, place, date));
        } else if let Some((place, at)) = map.keyboard_cursor {
            // The keyboard's cursor is named beside it. Painted, not an egui tooltip: a new
            // tooltip's first frame is a hidden sizing pass, and in a real window that pass took
            // the focus straight on from the map to the next widget.
            let text = describe(atlas, texts, language, place, date);
            paint_cursor_label(ui, map.response.rect, at, &text);
        }
        if pane == MapPane::Main {
            self.map_id = Some(map.focus);
            self.map_rect = Some((map.response.rect, ui.ctx().pixels_per_point()));
        }
        let clicked = map.clicked;
        self.hovered = map.hovered.or(self.hovered.filter(|_| pane == MapPane::Compare));
        if clicked.is_some() {
            self.select(clicked);
        }
    }

    /// The outline of the places that just changed hands, fading over
    /// [`super::explain::PULSE_SECONDS`], as a layer over the map; `None` once it has faded.
    fn pulse(&mut self, ctx: &egui::Context) -> Option<super::explain::PulseLayer> {
        let started = self.explain.pulse_started?;
        let elapsed = ctx.input(|input| input.time) - started;
        if elapsed >= super::explain::PULSE_SECONDS {
            self.explain.pulse_started = None;
            return None;
        }
        ctx.request_repaint();
        Some(super::explain::PulseLayer {
            places: self.explain.changes.iter().map(|change| change.place).collect(),
            strength: 1.0 - (elapsed / super::explain::PULSE_SECONDS) as f32,
        })
    }

    /// Opens the compare view a year before the current date (or closes it).
    pub fn toggle_compare(&mut self) {
        self.compare_date = match self.compare_date {
            Some(_) => None,
            None => Some(self.timeline.date.add_months(-12).max(Date::ATLAS_START)),
        };
    }

    pub fn compare_date(&self) -> Option<Date> {
        self.compare_date
    }
}

/// The widget id of each map of the desk, known before they are drawn.
fn map_widget_id(pane: MapPane) -> egui::Id {
    match pane {
        MapPane::Main => egui::Id::unique("desk map"),
        MapPane::Compare => egui::Id::unique("desk compare map"),
    }
}

/// The id of the node that holds each map's keyboard focus.
fn map_focus_id(pane: MapPane) -> egui::Id {
    super::map::focus_id(map_widget_id(pane))
}

/// A label box beside the keyboard's place on the map, kept inside the map.
fn paint_cursor_label(ui: &egui::Ui, map: egui::Rect, at: egui::Pos2, text: &str) {
    let painter =
        ui.ctx().layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("map cursor label")));
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = painter.layout(text.to_owned(), font, style::LABEL, 360.0);
    let size = galley.size() + egui::vec2(16.0, 12.0);
    let mut rect = egui::Rect::from_min_size(at + egui::vec2(14.0, 14.0), size);
    // Flip to the other side where the box would leave the map.
    if rect.right() > map.right() {
        rect = rect.translate(egui::vec2(-size.x - 28.0, 0.0));
    }
    if rect.bottom() > map.bottom() {
        rect = rect.translate(egui::vec2(0.0, -size.y - 28.0));
    }
    // And never out at the left or top (a place near the edge, large text).
    rect = rect.translate(egui::vec2((map.left() - rect.left()).max(0.0), (map.top() - rect.top()).max(0.0)));
    let visuals = ui.visuals();
    painter.rect(rect, 6.0, visuals.window_fill, visuals.window_stroke, egui::StrokeKind::Inside);
    painter.galley(rect.min + egui::vec2(8.0, 6.0), galley, style::LABEL);
}

/// The height of the date bar over each map of the compare view, in points.
const COMPARE_HEADER_HEIGHT: f32 = 30.0;

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        AtlasApp::ui(self, ui);
    }

    /// Called by eframe at exit and every 30 seconds. The settings go to our own file, written
    /// atomically; nothing goes into eframe's store, which is written in place.
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings();
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }
}

impl AtlasApp {
    pub fn layers(&self) -> LayerSet {
        self.layers
    }

    pub fn set_layers(&mut self, layers: LayerSet) {
        self.layers = layers;
    }
}

impl AtlasApp {
    /// The days the timeline's slider spans (zoomed with the wheel).
    pub fn timeline_window(&self) -> (i32, i32) {
        self.timeline.window
    }

    /// The side whose band of the chart is under the pointer.
    pub fn chart_hovered_side(&self) -> Option<atlas_core::model::Side> {
        self.chart_hovered_side
    }

    /// The person whose card is open, if any.
    pub fn person_shown(&self) -> Option<PersonId> {
        self.person
    }
}
