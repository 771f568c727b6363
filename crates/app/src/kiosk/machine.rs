//! The kiosk's screens and the rules that move between them, as plain Rust with no egui and no
//! wall clock: every call takes "now" in seconds, so a test can run a day in a moment.
//!
//! ```text
//!            touch                     language chosen
//! Attract ─────────> ChooseLanguage ─────────────────> Explore <──────┐
//!    ^                    │ untouched LANGUAGE_SECONDS    │ untouched   │ touch
//!    │                    v                               v idle       │
//!    └──────────────── (reset) <──── untouched countdown ─ Countdown ──┘
//! ```
//!
//! ```
//! use atlas_app::kiosk::{KioskMachine, Screen, Timing};
//! let mut machine = KioskMachine::new(Timing { idle_seconds: 90.0, countdown_seconds: 15.0 }, true);
//! machine.touch(0.0);
//! machine.language_chosen(1.0);
//! assert_eq!(machine.screen(), Screen::Explore);
//! machine.tick(91.0);
//! assert_eq!(machine.screen(), Screen::Countdown);
//! machine.tick(106.0);
//! assert_eq!(machine.screen(), Screen::Attract);
//! ```

/// What the kiosk shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Screen {
    /// Nobody is there: the tour plays by itself, with a call to touch.
    Attract,
    /// Someone touched: three big buttons, one per language.
    ChooseLanguage,
    /// A visitor drives the map.
    Explore,
    /// "Still exploring?": the visitor has left, or is reading; a touch goes back to exploring.
    Countdown,
}

impl Screen {
    /// The name in the usage log.
    pub fn id(self) -> &'static str {
        match self {
            Screen::Attract => "attract",
            Screen::ChooseLanguage => "language",
            Screen::Explore => "explore",
            Screen::Countdown => "countdown",
        }
    }
}

/// How long the kiosk waits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// Seconds untouched in Explore before the countdown.
    pub idle_seconds: f64,
    /// Seconds of countdown before the reset.
    pub countdown_seconds: f64,
}

impl Timing {
    /// Seconds the language screen waits for a choice before going back to the tour: there is
    /// nothing to lose there, so no countdown.
    pub fn language_seconds(&self) -> f64 {
        self.idle_seconds.min(30.0)
    }
}

/// A move from one screen to another, for the app to act on (and log).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// A touch on the attract loop.
    Woke,
    /// The visitor entered Explore (a language was chosen, or only one is offered).
    Exploring,
    CountdownStarted,
    /// A touch during the countdown.
    CountdownCancelled,
    /// Back to the attract loop: everything the visitor changed is undone.
    Reset,
}

/// The screens and their timers.
#[derive(Clone, Debug)]
pub struct KioskMachine {
    screen: Screen,
    timing: Timing,
    /// Whether there is a language to choose (more than one is offered).
    choose_language: bool,
    /// When the visitor last touched anything (or the screen was entered).
    last_activity: f64,
}

impl KioskMachine {
    pub fn new(timing: Timing, choose_language: bool) -> KioskMachine {
        KioskMachine { screen: Screen::Attract, timing, choose_language, last_activity: 0.0 }
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn timing(&self) -> Timing {
        self.timing
    }

    /// A touch, a drag, a pinch or a moved mouse at `now`.
    pub fn touch(&mut self, now: f64) -> Option<Change> {
        self.last_activity = now;
        match self.screen {
            Screen::Attract if self.choose_language => {
                self.screen = Screen::ChooseLanguage;
                Some(Change::Woke)
            }
            Screen::Attract => {
                self.screen = Screen::Explore;
                Some(Change::Exploring)
            }
            Screen::Countdown => {
                self.screen = Screen::Explore;
                Some(Change::CountdownCancelled)
            }
            Screen::ChooseLanguage | Screen::Explore => None,
        }
    }

    /// The visitor tapped a language.
    pub fn language_chosen(&mut self, now: f64) -> Option<Change> {
        self.last_activity = now;
        if self.screen == Screen::ChooseLanguage {
            self.screen = Screen::Explore;
            return Some(Change::Exploring);
        }
        None
    }

    /// Lets time pass; returns the change it caused, if any. A long jump (a machine that slept)
    /// goes straight to the reset.
    pub fn tick(&mut self, now: f64) -> Option<Change> {
        if now < self.last_activity {
            // A clock that went backwards: count the idle time from now on.
            self.last_activity = now;
        }
        let idle = now - self.last_activity;
        let timing = self.timing;
        match self.screen {
            Screen::ChooseLanguage if idle >= timing.language_seconds() => Some(self.reset(now)),
            Screen::Explore | Screen::Countdown if idle >= timing.idle_seconds + timing.countdown_seconds => {
                Some(self.reset(now))
            }
            Screen::Explore if idle >= timing.idle_seconds => {
                self.screen = Screen::Countdown;
                Some(Change::CountdownStarted)
            }
            _ => None,
        }
    }

    /// Back to the attract loop at once.
    pub fn reset(&mut self, now: f64) -> Change {
        self.screen = Screen::Attract;
        self.last_activity = now;
        Change::Reset
    }

    /// Seconds left on the countdown, while it runs.
    pub fn countdown_left(&self, now: f64) -> Option<f64> {
        (self.screen == Screen::Countdown).then(|| {
            let end = self.last_activity + self.timing.idle_seconds + self.timing.countdown_seconds;
            (end - now).max(0.0)
        })
    }

    /// When the next change would happen if nobody touched anything: the frame loop sleeps
    /// until then. During the countdown, the next whole second (the number on screen changes).
    pub fn next_deadline(&self, now: f64) -> Option<f64> {
        let timing = self.timing;
        match self.screen {
            Screen::Attract => None,
            Screen::ChooseLanguage => Some(self.last_activity + timing.language_seconds()),
            Screen::Explore => Some(self.last_activity + timing.idle_seconds),
            Screen::Countdown => {
                let left = self.countdown_left(now).unwrap_or(0.0);
                let to_next_second = left - (left.ceil() - 1.0).max(0.0);
                Some(now + to_next_second.max(0.001))
            }
        }
    }

    /// Seconds since the last touch.
    pub fn idle_for(&self, now: f64) -> f64 {
        (now - self.last_activity).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn machine() -> KioskMachine {
        KioskMachine::new(Timing { idle_seconds: 90.0, countdown_seconds: 15.0 }, true)
    }

    #[test]
    fn a_visit_from_touch_to_reset() {
        let mut m = machine();
        assert_eq!(m.tick(1000.0), None, "the attract loop has no timer");
        assert_eq!(m.touch(1000.0), Some(Change::Woke));
        assert_eq!(m.screen(), Screen::ChooseLanguage);
        assert_eq!(m.language_chosen(1002.0), Some(Change::Exploring));
        assert_eq!(m.tick(1091.0), None);
        assert_eq!(m.touch(1050.0), None);
        assert_eq!(m.tick(1139.9), None);
        assert_eq!(m.tick(1140.0), Some(Change::CountdownStarted));
        assert_eq!(m.countdown_left(1145.0), Some(10.0));
        assert_eq!(m.touch(1146.0), Some(Change::CountdownCancelled));
        assert_eq!(m.screen(), Screen::Explore);
        assert_eq!(m.tick(1236.0), Some(Change::CountdownStarted));
        assert_eq!(m.tick(1251.0), Some(Change::Reset));
        assert_eq!(m.screen(), Screen::Attract);
    }

    #[test]
    fn an_abandoned_language_screen_goes_back_to_the_tour() {
        let mut m = machine();
        m.touch(0.0);
        assert_eq!(m.tick(29.0), None);
        assert_eq!(m.tick(30.0), Some(Change::Reset));
    }

    #[test]
    fn a_long_sleep_resets_at_once_and_a_single_language_skips_the_choice() {
        let mut m = KioskMachine::new(Timing { idle_seconds: 90.0, countdown_seconds: 15.0 }, false);
        assert_eq!(m.touch(0.0), Some(Change::Exploring));
        assert_eq!(m.tick(10_000.0), Some(Change::Reset));
    }

    #[test]
    fn the_countdown_wakes_every_second() {
        let mut m = machine();
        m.touch(0.0);
        m.language_chosen(0.0);
        m.tick(90.0);
        let next = m.next_deadline(90.25).unwrap_or_default();
        assert!((next - 91.0).abs() < 1e-9, "{next}");
    }
}
