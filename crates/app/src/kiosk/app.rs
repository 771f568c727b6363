//! The kiosk application: the state of every screen, the input that moves between them, and
//! the frame loop's pace. Drawing lives beside it: `attract.rs`, `explore.rs`, `overlays.rs`.

use std::path::Path;

use eframe::egui::{self, Color32, CursorIcon, Event, Rect, TouchPhase, ViewportCommand, vec2};

use super::config::{KioskConfig, TourChoice};
use super::exit::{Keypad, KeypadOutcome, LongPress};
use super::machine::{Change, KioskMachine, Screen, Timing};
use super::picker::{PlaceGroup, place_groups};
use super::usage_log::{UsageEvent, UsageLog};
use crate::date_paint::DatePaint;
use crate::map::{MapTextures, MapView};
use crate::place_panel::Selection;
use crate::timeline::Timeline;
use atlas_core::geometry::MapGeometry;
use atlas_core::i18n::Translations;
use atlas_core::layers::LayerSet;
use atlas_core::model::{Atlas, Camera, Date, Language, Names, PlaceId, Tour, TourStep};
use atlas_core::tour_player::TourPlayer;
use atlas_data::{Problem, ProblemKind};

/// Where "now" comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Clock {
    /// egui's input time (seconds since the program started), as in the real kiosk.
    Egui,
    /// A time the caller sets with [`KioskApp::set_now`]: tests run a day in a moment.
    Manual(f64),
}

/// The frame loop's pace while something moves on screen.
pub const ANIMATION_SECONDS: f64 = 1.0 / 30.0;
/// A frame that comes later than this (a machine that slept) counts as this long. Frames are
/// sparse on purpose while the map stands still (the next one is asked for when the step
/// ends), so this is no cap on ordinary gaps; the tour moves at most one step per frame anyway.
const MAX_FRAME_SECONDS: f64 = 60.0;
/// How long the mouse cursor shows after the mouse last moved.
pub const CURSOR_SECONDS: f64 = 3.0;
/// The side of the corner square that opens the hidden keypad on a long press, at 1080p.
pub const CORNER_POINTS: f32 = 96.0;
/// How often to ask the window manager for fullscreen again if it was lost.
const FULLSCREEN_CHECK_SECONDS: f64 = 10.0;

/// Sizes and colours of one frame, scaled to the screen (1 at 1080 points high).
#[derive(Clone, Copy, Debug)]
pub struct Look {
    pub scale: f32,
    pub accent: Color32,
    pub on_accent: Color32,
    /// The map's fills, as `kiosk.toml` sets them: never chosen by the screen's size.
    pub map: crate::DisplayLook,
}

impl Look {
    /// Points at 1080p, scaled.
    pub fn px(&self, points: f32) -> f32 {
        points * self.scale
    }
}

/// The attract loop's own state.
#[derive(Clone, Debug, Default)]
pub(super) struct Attract {
    pub(super) player: TourPlayer,
    /// Steps entered since the loop started, which picks the language of each step.
    pub(super) steps_entered: usize,
}

/// What a visitor has changed, all of it dropped on reset.
pub(super) struct Explore {
    pub(super) language: Language,
    pub(super) timeline: Timeline,
    /// `None` until a frame fits the whole map to the screen.
    pub(super) view: Option<MapView>,
    pub(super) selection: Option<Selection>,
    pub(super) picker_open: bool,
    pub(super) chart_open: bool,
    /// A place picked from the list, to move the map to once the frame knows the map's size.
    pub(super) centre_on: Option<PlaceId>,
    /// The map's rectangle in the last frame: when the card or the chart opens and the map
    /// narrows, the view moves so that the map under the finger stays where it was.
    pub(super) map_rect: Option<Rect>,
    /// The whole screen in the last frame, to tell its left half from its right.
    pub(super) screen_rect: Option<Rect>,
    /// Whether the place's card opens at the left: on the far side from the place tapped, so
    /// that it never covers it.
    pub(super) card_on_left: bool,
    /// Where the card was drawn in the last frame.
    pub(super) card_rect: Option<Rect>,
    /// Where the days lie along the scrubber this frame; the chart draws on the same axis.
    pub(super) time_axis: Option<super::time_axis::TimeAxis>,
    /// Where the chart was drawn in the last frame.
    pub(super) chart_rect: Option<Rect>,
}

impl Explore {
    fn new(language: Language, date: Date) -> Explore {
        Explore {
            language,
            timeline: Timeline::new(date),
            view: None,
            selection: None,
            picker_open: false,
            chart_open: false,
            centre_on: None,
            map_rect: None,
            screen_rect: None,
            card_on_left: false,
            card_rect: None,
            time_axis: None,
            chart_rect: None,
        }
    }
}

/// The museum kiosk: plays a tour by itself, lets a visitor explore, starts over when left alone.
///
/// Call [`crate::setup_context`] on the context first, then [`KioskApp::ui`] every frame.
pub struct KioskApp {
    pub(super) atlas: Atlas,
    pub(super) geometry: MapGeometry,
    pub(super) texts: Translations,
    pub(super) config: KioskConfig,
    problems: Vec<Problem>,
    pub(super) tour: Tour,
    /// The layers each step of the tour shows (a step's changes add up from the first step).
    step_layers: Vec<LayerSet>,
    pub(super) picker_groups: Vec<PlaceGroup>,
    /// Territory shares for the chart, computed the first time it opens.
    pub(super) shares: Option<atlas_core::shares::TerritoryShares>,
    machine: KioskMachine,
    clock: Clock,
    last_now: Option<f64>,
    pub(super) attract: Attract,
    pub(super) explore: Explore,
    pub(super) textures: Option<MapTextures>,
    pub(super) paint: Option<DatePaint>,
    logo_image: Option<egui::ColorImage>,
    pub(super) logo: Option<egui::TextureHandle>,
    long_press: LongPress,
    pub(super) keypad: Option<Keypad>,
    last_mouse_move: Option<f64>,
    log: UsageLog,
    styled_for: Option<f32>,
    fullscreen_checked: f64,
    exiting: bool,
}

impl KioskApp {
    /// Loads the data (embedded, or `data_dir`) and prepares the kiosk. Data problems are kept
    /// (see [`KioskApp::problems`]); the kiosk runs on whatever loaded.
    pub fn new(data_dir: Option<&Path>, config: KioskConfig) -> KioskApp {
        let session = atlas_data::Session::load(data_dir);
        let mut problems = session.all_problems();
        let atlas_data::Session { atlas, geometry, texts, .. } = session;
        let tour = attract_tour(&atlas, &config, &mut problems);
        let step_layers = step_layers(&tour);
        let logo_image = config.logo.as_deref().and_then(|path| match load_logo(path) {
            Ok(image) => Some(image),
            Err(error) => {
                let message = error.to_string();
                problems.push(Problem::of_kind(ProblemKind::Settings, &path.display().to_string(), None, message));
                None
            }
        });
        let picker_groups = place_groups(&atlas);
        let first_language = config.languages.first().copied().unwrap_or_default();
        let first_date = tour.steps.first().map_or(Date::ATLAS_START, |step| step.date);
        let timing = Timing { idle_seconds: config.idle_seconds, countdown_seconds: config.countdown_seconds };
        let mut log = UsageLog::new(config.usage_log.clone());
        log.record(UsageEvent::Start, Screen::Attract.id(), None, &tour.id);
        KioskApp {
            machine: KioskMachine::new(timing, config.languages.len() > 1),
            atlas,
            geometry,
            texts,
            problems,
            tour,
            step_layers,
            picker_groups,
            shares: None,
            clock: Clock::Egui,
            last_now: None,
            attract: Attract::default(),
            explore: Explore::new(first_language, first_date),
            textures: None,
            paint: None,
            logo_image,
            logo: None,
            long_press: LongPress::default(),
            keypad: None,
            last_mouse_move: None,
            log,
            styled_for: None,
            // The first check a second after start, when the window manager has had its say.
            fullscreen_checked: 1.0 - FULLSCREEN_CHECK_SECONDS,
            exiting: false,
            config,
        }
    }

    /// Problems met on the way: the configuration's, the data's, the logo's.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Adds problems found before the app was made (the configuration's).
    pub fn with_problems(mut self, mut problems: Vec<Problem>) -> KioskApp {
        problems.append(&mut self.problems);
        self.problems = problems;
        self
    }

    pub fn config(&self) -> &KioskConfig {
        &self.config
    }

    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    pub fn texts(&self) -> &Translations {
        &self.texts
    }

    /// The tour the attract loop plays.
    pub fn tour(&self) -> &Tour {
        &self.tour
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Sets the manual clock (and switches to it).
    pub fn set_now(&mut self, now: f64) {
        self.clock = Clock::Manual(now);
    }

    pub fn screen(&self) -> Screen {
        self.machine.screen()
    }

    pub fn machine(&self) -> &KioskMachine {
        &self.machine
    }

    /// The language on screen: the attract loop's current one, or the visitor's.
    pub fn language(&self) -> Language {
        match self.screen() {
            Screen::Attract | Screen::ChooseLanguage => self.attract_language(),
            Screen::Explore | Screen::Countdown => self.explore.language,
        }
    }

    pub(super) fn attract_language(&self) -> Language {
        let languages = &self.config.languages;
        languages.get(self.attract.steps_entered % languages.len().max(1)).copied().unwrap_or_default()
    }

    /// The date on screen.
    pub fn date(&self) -> Date {
        match self.screen() {
            Screen::Attract | Screen::ChooseLanguage => self.attract_shot().map_or(Date::ATLAS_START, |s| s.date),
            Screen::Explore | Screen::Countdown => self.explore.timeline.date,
        }
    }

    /// The explore map's view, once a frame has fitted it (`None` after a reset).
    pub fn explore_view(&self) -> Option<MapView> {
        self.explore.view
    }

    /// The place whose card is open.
    pub fn selected(&self) -> Option<PlaceId> {
        self.explore.selection.as_ref().map(|selection| selection.place)
    }

    /// Where the place's card was drawn in the last frame (`None` while it is closed).
    pub fn card_rect(&self) -> Option<Rect> {
        self.explore.card_rect
    }

    /// The scrubber's time axis and where the chart was drawn in the last frame (the chart's
    /// rectangle is `None` while it is closed).
    pub fn time_axis(&self) -> Option<super::time_axis::TimeAxis> {
        self.explore.time_axis
    }

    pub fn chart_rect(&self) -> Option<Rect> {
        self.explore.chart_rect
    }

    pub fn picker_open(&self) -> bool {
        self.explore.picker_open
    }

    pub fn chart_open(&self) -> bool {
        self.explore.chart_open
    }

    /// The attract loop's step (0-based) and seconds into it.
    pub fn tour_step(&self) -> (usize, f32) {
        (self.attract.player.step, self.attract.player.seconds)
    }

    pub fn keypad_open(&self) -> bool {
        self.keypad.is_some()
    }

    /// Whether the kiosk is quitting (by the chord or the PIN).
    pub fn is_exiting(&self) -> bool {
        self.exiting
    }

    pub fn usage_log(&self) -> &UsageLog {
        &self.log
    }

    pub(super) fn attract_shot(&self) -> Option<atlas_core::tour_player::Shot> {
        self.attract.player.shot(&self.tour, &self.geometry)
    }

    pub(super) fn attract_layers(&self) -> LayerSet {
        self.step_layers.get(self.attract.player.step).copied().unwrap_or_default()
    }

    fn now(&self, ctx: &egui::Context) -> f64 {
        match self.clock {
            Clock::Egui => ctx.input(|input| input.time),
            Clock::Manual(now) => now,
        }
    }

    /// Someone touched the screen (or moved a mouse) at `now`; `press` when a finger or button
    /// went down, which alone wakes the attract loop.
    pub fn touch(&mut self, now: f64, press: bool) {
        let screen = self.screen();
        if press {
            self.log.record(UsageEvent::Touch, screen.id(), self.step_for_log(), "");
        }
        if (press || screen != Screen::Attract)
            && let Some(change) = self.machine.touch(now)
        {
            self.on_change(change, screen, now);
        }
    }

    /// Lets time pass to `now`: the screens' timers, the tour, playback. Each frame calls it;
    /// a test may call it alone to run the kiosk without drawing.
    pub fn advance(&mut self, now: f64) {
        let mut seconds = self.last_now.map_or(0.0, |last| (now - last).clamp(0.0, MAX_FRAME_SECONDS));
        self.last_now = Some(now);
        let screen = self.screen();
        if let Some(change) = self.machine.tick(now) {
            self.on_change(change, screen, now);
            if change == Change::Reset {
                // The tour starts from its first moment.
                seconds = 0.0;
            }
        }
        match self.screen() {
            Screen::Attract | Screen::ChooseLanguage => {
                if self.attract.player.advance(&self.tour, &self.geometry, seconds as f32, true) {
                    self.attract.steps_entered = self.attract.steps_entered.wrapping_add(1);
                    if self.screen() == Screen::Attract {
                        let language = self.attract_language().code();
                        self.log.record(
                            UsageEvent::Step,
                            Screen::Attract.id(),
                            Some(self.attract.player.step),
                            language,
                        );
                    }
                }
            }
            Screen::Explore | Screen::Countdown => {
                self.explore.timeline.advance(seconds);
            }
        }
        if let Some(keypad) = &self.keypad
            && keypad.timed_out(now)
        {
            self.keypad = None;
        }
        self.log.flush_if_due(now);
    }

    fn step_for_log(&self) -> Option<usize> {
        matches!(self.screen(), Screen::Attract | Screen::ChooseLanguage).then_some(self.attract.player.step)
    }

    fn on_change(&mut self, change: Change, from: Screen, now: f64) {
        match change {
            Change::Woke | Change::CountdownCancelled => {}
            Change::Exploring => {
                // A single language: the touch went straight to exploring.
                if from == Screen::Attract {
                    let language = self.config.languages.first().copied().unwrap_or_default();
                    self.start_exploring(language);
                }
            }
            Change::CountdownStarted => {
                self.explore.picker_open = false;
                self.log.record(UsageEvent::Countdown, Screen::Explore.id(), None, "");
            }
            Change::Reset => self.reset(from, now),
        }
    }

    /// The visitor chose a language (or there was one): explore from the tour's date.
    fn start_exploring(&mut self, language: Language) {
        let date = self.attract_shot().map_or(Date::ATLAS_START, |shot| shot.date);
        self.explore = Explore::new(language, date);
        self.log.record(UsageEvent::Language, Screen::ChooseLanguage.id(), None, language.code());
    }

    /// The visitor switched language while exploring.
    pub(super) fn switch_language(&mut self, language: Language) {
        self.explore.language = language;
        self.log.record(UsageEvent::Language, Screen::Explore.id(), None, language.code());
    }

    pub(super) fn choose_language(&mut self, language: Language, now: f64) {
        if self.machine.language_chosen(now) == Some(Change::Exploring) {
            self.start_exploring(language);
        }
    }

    /// Everything back as it was when the kiosk started: date, view, language, panels, tour.
    fn reset(&mut self, from: Screen, now: f64) {
        let language = self.config.languages.first().copied().unwrap_or_default();
        let first_date = self.tour.steps.first().map_or(Date::ATLAS_START, |step| step.date);
        self.explore = Explore::new(language, first_date);
        self.attract = Attract::default();
        self.keypad = None;
        self.last_now = Some(now);
        self.log.record(UsageEvent::Reset, from.id(), None, "");
    }

    /// Opens the card of `place` (or closes it with `None`), as a tap on the place's centre
    /// does: the card opens on the far side of the screen from it.
    pub fn select(&mut self, place: Option<PlaceId>) {
        let at = place.and_then(|place| self.place_on_screen(place));
        self.select_at(place, at);
    }

    /// Where a place's centre (a city's point, an area's middle) is on the explore map now.
    fn place_on_screen(&self, place: PlaceId) -> Option<egui::Pos2> {
        let (view, rect) = (self.explore.view?, self.explore.map_rect?);
        let point = self.geometry.point(place).or_else(|| Some(self.geometry.area(place)?.bounds.centre()))?;
        Some(crate::map::Projector::new(rect, view).screen_from_map(point))
    }

    /// Opens the card of `place` (or closes it), touched at `at`: the card goes to the half of
    /// the screen away from the touch, so that the place stays in sight.
    pub(super) fn select_at(&mut self, place: Option<PlaceId>, at: Option<egui::Pos2>) {
        if let (Some(at), Some(screen)) = (at, self.explore.screen_rect) {
            self.explore.card_on_left = at.x > screen.center().x;
        }
        if let Some(place) = place
            && self.selected() != Some(place)
        {
            let screen = self.screen().id();
            self.log.record(UsageEvent::Place, screen, None, &self.atlas.place(place).id);
        }
        self.explore.selection = place.map(|place| Selection::new(&self.atlas, place));
    }

    /// The map's colours for `date`, recomputed only when the date changes.
    pub(super) fn refresh_paint(&mut self, date: Date) {
        if self.paint.as_ref().is_none_or(|paint| paint.date != date) {
            self.paint = Some(DatePaint::compute(&self.atlas, date));
        }
    }

    pub(super) fn look(&self, ctx: &egui::Context) -> Look {
        Look {
            scale: screen_scale(ctx.content_rect()),
            accent: self.config.accent,
            on_accent: self.config.on_accent(),
            map: self.config.look,
        }
    }

    /// Draws one frame of the kiosk over the whole of `ui`.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let now = self.now(&ctx);
        let look = self.look(&ctx);
        self.prepare(&ctx, look);
        self.guard_the_window(&ctx, now);
        self.read_input(&ctx, look, now);
        self.advance(now);

        match self.screen() {
            Screen::Attract => self.attract_ui(ui, look),
            Screen::ChooseLanguage => {
                self.attract_ui(ui, look);
                if let Some(language) = super::overlays::language_overlay_ui(&ctx, &self.texts, &self.config, look) {
                    self.choose_language(language, now);
                }
            }
            Screen::Explore => self.explore_ui(ui, look),
            Screen::Countdown => {
                self.explore_ui(ui, look);
                let left = self.machine.countdown_left(now).unwrap_or(0.0);
                if super::overlays::countdown_overlay_ui(&ctx, &self.texts, self.explore.language, left, look) {
                    let screen = self.screen();
                    if let Some(change) = self.machine.touch(now) {
                        self.on_change(change, screen, now);
                    }
                }
            }
        }
        self.keypad_ui(&ctx, look, now);

        // Lockdown: no link ever opens a browser over the exhibit.
        ctx.output_mut(|output| output.commands.retain(|command| !matches!(command, egui::OutputCommand::OpenUrl(_))));
        let cursor_shown = self.last_mouse_move.is_some_and(|moved| now - moved < CURSOR_SECONDS);
        if !cursor_shown {
            ctx.set_cursor_icon(CursorIcon::None);
        }
        self.log.flush_if_due(now);
        self.schedule_repaint(&ctx, now);
    }

    /// Uploads the textures and sets the style, once (and again if the screen's size changes).
    fn prepare(&mut self, ctx: &egui::Context, look: Look) {
        if self.textures.is_none() {
            self.textures = Some(MapTextures::load(ctx));
        }
        if self.logo.is_none()
            && let Some(image) = self.logo_image.take()
        {
            self.logo = Some(ctx.load_texture("kiosk_logo", image, egui::TextureOptions::LINEAR));
        }
        if self.styled_for != Some(look.scale) {
            self.styled_for = Some(look.scale);
            super::style::apply_kiosk_style(ctx, look);
        }
    }

    /// Keeps the window closed to visitors' ways out: close requests are refused unless staff
    /// quit, and fullscreen is asked for again if the window manager took it away.
    fn guard_the_window(&mut self, ctx: &egui::Context, now: f64) {
        let chord = self.config.exit_chord;
        if ctx.input(|input| chord.pressed_in(&input.events)) {
            self.quit(ctx);
        }
        if ctx.input(|input| input.viewport().close_requested()) && !self.exiting {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        if now - self.fullscreen_checked >= FULLSCREEN_CHECK_SECONDS || now < self.fullscreen_checked {
            self.fullscreen_checked = now;
            let (fullscreen, monitor, inner) = ctx.input(|input| {
                let viewport = input.viewport();
                (viewport.fullscreen, viewport.monitor_size, viewport.inner_rect)
            });
            if fullscreen == Some(false) {
                ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
            }
            // With no window manager (a bare X session) fullscreen is only a wish: cover the
            // monitor by hand, so that no desktop ever shows.
            if let (Some(monitor), Some(inner)) = (monitor, inner)
                && (inner.width() + 1.0 < monitor.x || inner.height() + 1.0 < monitor.y)
            {
                ctx.send_viewport_cmd(ViewportCommand::OuterPosition(egui::Pos2::ZERO));
                ctx.send_viewport_cmd(ViewportCommand::InnerSize(monitor));
            }
        }
    }

    fn quit(&mut self, ctx: &egui::Context) {
        if !self.exiting {
            self.exiting = true;
            self.log.record(UsageEvent::Exit, self.screen().id(), None, "");
            let _ = self.log.flush();
        }
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// Touches, presses, mouse moves and the long press in the corner.
    fn read_input(&mut self, ctx: &egui::Context, look: Look, now: f64) {
        let corner = Rect::from_min_size(ctx.content_rect().min, vec2(1.0, 1.0) * look.px(CORNER_POINTS));
        let (press, moved, mouse_moved, held_in_corner) = ctx.input(|input| {
            let mut touched = false;
            let (mut press, mut moved, mut pointer_moved) = (false, false, false);
            for event in &input.events {
                match event {
                    Event::PointerButton { pressed: true, .. } => press = true,
                    Event::Touch { phase: TouchPhase::Start, .. } => {
                        press = true;
                        touched = true;
                    }
                    Event::Touch { .. } => touched = true,
                    Event::PointerMoved(_) => pointer_moved = true,
                    Event::MouseWheel { .. } | Event::Zoom(_) => moved = true,
                    _ => {}
                }
            }
            let pointer = &input.pointer;
            let held = pointer.any_down()
                && pointer.press_origin().is_some_and(|pos| corner.contains(pos))
                && pointer.latest_pos().is_some_and(|pos| corner.contains(pos));
            (press, moved || pointer_moved, pointer_moved && !touched, held)
        });
        if mouse_moved {
            self.last_mouse_move = Some(now);
        }
        if press || moved {
            self.touch(now, press);
        }
        if self.long_press.update(held_in_corner, now) && self.config.has_pin() {
            self.keypad = Some(Keypad::new(now));
        }
    }

    fn keypad_ui(&mut self, ctx: &egui::Context, look: Look, now: f64) {
        let Some(keypad) = &mut self.keypad else { return };
        let Some(key) = super::overlays::keypad_ui(ctx, keypad.typed(), look) else { return };
        let pin = self.config.exit_pin.clone().unwrap_or_default();
        match keypad.press(key, &pin, now) {
            KeypadOutcome::Open => {}
            KeypadOutcome::Close => self.keypad = None,
            KeypadOutcome::Exit => {
                self.keypad = None;
                self.quit(ctx);
            }
        }
    }

    /// Sleeps until the next thing that will change on screen: 30 frames a second while the
    /// map moves, otherwise only at the next deadline (idle, countdown, cursor, keypad, log).
    fn schedule_repaint(&self, ctx: &egui::Context, now: f64) {
        let mut wake = f64::INFINITY;
        match self.screen() {
            Screen::Attract | Screen::ChooseLanguage => {
                if let Some(step) = self.tour.steps.get(self.attract.player.step) {
                    wake = now + self.attract_frame_seconds(step);
                }
            }
            Screen::Explore | Screen::Countdown => {
                if self.explore.timeline.playing {
                    wake = now + ANIMATION_SECONDS;
                }
            }
        }
        let deadlines = [
            self.machine.next_deadline(now),
            self.last_mouse_move.map(|moved| moved + CURSOR_SECONDS).filter(|&at| at > now),
            self.long_press.seconds_left(now).map(|left| now + left),
            self.keypad.as_ref().map(Keypad::deadline),
            self.log.deadline(),
        ];
        for deadline in deadlines.into_iter().flatten() {
            wake = wake.min(deadline);
        }
        if wake.is_finite() {
            ctx.request_repaint_after_secs((wake - now).clamp(0.0, 3600.0) as f32);
        }
    }
}

impl KioskApp {
    /// Seconds until the attract loop's map next changes: a frame at 30 a second while the
    /// camera moves, one a day shown while only the date runs, else the step's end.
    fn attract_frame_seconds(&self, step: &TourStep) -> f64 {
        let player = &self.attract.player;
        let left = f64::from(step.duration_seconds - player.seconds).max(ANIMATION_SECONDS);
        let entering = player.came_from.is_some();
        if entering && player.seconds < atlas_core::tour_player::TRANSITION_SECONDS {
            return ANIMATION_SECONDS;
        }
        let Some(until) = step.until else { return left };
        let running = step.duration_seconds - if entering { atlas_core::tour_player::TRANSITION_SECONDS } else { 0.0 };
        let days = until.days_since(step.date).max(1) as f32;
        f64::from(running.max(1.0) / days).clamp(ANIMATION_SECONDS, left)
    }
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        KioskApp::ui(self, ui);
    }

    /// Nothing of a visit survives a restart.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn on_exit(&mut self) {
        let _ = self.log.flush();
    }
}

/// How much larger than at 1080p everything is drawn (2 on a 4K screen at 1 pixel per point).
pub fn screen_scale(screen: Rect) -> f32 {
    let scale = screen.height() / 1080.0;
    if scale.is_finite() { scale.clamp(0.5, 4.0) } else { 1.0 }
}

/// The tour the configuration asks for (a built-in tour by name, or a file), every built-in
/// tour in a row by default or when the one asked for cannot be played, or a slow pass over the
/// four years if there is no tour at all. A name or file that fails is reported at its line.
fn attract_tour(atlas: &Atlas, config: &KioskConfig, problems: &mut Vec<Problem>) -> Tour {
    let written = &config.tour_written_at;
    let file = if written.file.is_empty() { "kiosk configuration" } else { written.file.as_str() };
    let mut report =
        |message: String| problems.push(Problem::of_kind(ProblemKind::Settings, file, written.line, message));
    let chosen = match &config.tour {
        TourChoice::Id(name) => match atlas_data::tour_source::built_in(atlas, name) {
            Some(tour) => Some(tour.clone()),
            None => {
                let names = atlas_data::tour_source::built_in_names(atlas).join(", ");
                report(format!("tour `{name}` is not a built-in tour ({names}) nor a file; playing all tours"));
                None
            }
        },
        TourChoice::File(path) => match atlas_data::tour_source::read_file(atlas, path) {
            Ok(found) => {
                // Problems of the museum's own tour name its file and line; the rest plays.
                problems.extend(found.problems);
                Some(found.tour)
            }
            Err(error) => {
                report(format!("tour {}: {error}; playing all tours", path.display()));
                None
            }
        },
        TourChoice::All => None,
    };
    let tour = chosen.unwrap_or_else(|| Tour {
        id: "all".into(),
        title: atlas.tours.first().map(|tour| tour.title.clone()).unwrap_or_default(),
        summary: Names::default(),
        steps: atlas.tours.iter().flat_map(|tour| tour.steps.iter().cloned()).collect(),
        file: String::new(),
    });
    if !tour.steps.is_empty() {
        return tour;
    }
    Tour {
        id: "years".into(),
        title: Names::default(),
        summary: Names::default(),
        steps: vec![TourStep {
            date: Date::ATLAS_START,
            until: Some(Date::ATLAS_END),
            camera: Camera::Fit(Vec::new()),
            highlights: Vec::new(),
            events: Vec::new(),
            layers: Vec::new(),
            caption: Names::default(),
            notes: Names::default(),
            duration_seconds: 90.0,
            line: 0,
        }],
        file: String::new(),
    }
}

/// The layers of each step: the defaults with every step's changes so far applied in order,
/// so that a loop that starts over starts from the defaults.
fn step_layers(tour: &Tour) -> Vec<LayerSet> {
    (0..tour.steps.len()).map(|step| tour.layers_at(step, LayerSet::default())).collect()
}

/// The largest logo accepted, in pixels each way.
const MAX_LOGO_PIXELS: u32 = 2048;

/// Why the exhibit's logo is not shown.
#[derive(Debug, thiserror::Error)]
enum LogoError {
    #[error("cannot read the logo: {0}")]
    Read(#[from] std::io::Error),
    #[error("the logo is not a PNG: {0}")]
    NotPng(png::DecodingError),
    #[error("the logo is {width}x{height}; use at most {MAX_LOGO_PIXELS} pixels each way")]
    TooLarge { width: u32, height: u32 },
    #[error("the logo is too large")]
    NoBuffer,
    #[error("the logo cannot be decoded: {0}")]
    Decode(png::DecodingError),
    #[error("the logo's palette could not be expanded")]
    Palette,
    #[error("the logo's image data is truncated")]
    Truncated,
}

/// Decodes the exhibit's logo (PNG, any colour type).
fn load_logo(path: &Path) -> Result<egui::ColorImage, LogoError> {
    let bytes = std::fs::read(path)?;
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(LogoError::NotPng)?;
    let (width, height) = (reader.info().width, reader.info().height);
    if width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS {
        return Err(LogoError::TooLarge { width, height });
    }
    let mut buffer = vec![0; reader.output_buffer_size().ok_or(LogoError::NoBuffer)?];
    let frame = reader.next_frame(&mut buffer).map_err(LogoError::Decode)?;
    let pixels = (width * height) as usize;
    let data = buffer.get(..frame.buffer_size()).unwrap_or_default();
    let rgba: Vec<u8> = match frame.color_type {
        png::ColorType::Rgba => data.to_vec(),
        png::ColorType::Rgb => data.chunks_exact(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect(),
        png::ColorType::GrayscaleAlpha => data.chunks_exact(2).flat_map(|p| [p[0], p[0], p[0], p[1]]).collect(),
        png::ColorType::Grayscale => data.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err(LogoError::Palette),
    };
    if rgba.len() < pixels * 4 {
        return Err(LogoError::Truncated);
    }
    Ok(egui::ColorImage::from_rgba_unmultiplied([width as usize, height as usize], &rgba[..pixels * 4]))
}
