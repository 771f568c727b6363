//! The only ways out of the kiosk, both for staff: a key chord on a keyboard plugged in for
//! maintenance, and a PIN typed on a keypad that opens after a long press in the top-left
//! corner. Nothing on screen hints at either.

use std::fmt;

use eframe::egui::{Event, Key, Modifiers};

/// A key with modifiers, as written in `kiosk.toml`: `Ctrl+Alt+Shift+Q`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitChord {
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
    pub key: Key,
}

impl Default for ExitChord {
    /// `Ctrl+Alt+Shift+Q`: four keys that no visitor presses by chance.
    fn default() -> ExitChord {
        ExitChord { ctrl: true, alt: true, shift: true, key: Key::Q }
    }
}

/// Why a written chord is not one the kiosk can use.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChordError {
    #[error("`{0}` has an empty part")]
    EmptyPart(String),
    #[error("`{0}` names more than one key")]
    TwoKeys(String),
    #[error("`{0}` is not a key egui knows")]
    UnknownKey(String),
    #[error("`{0}` names no key")]
    NoKey(String),
    #[error("`{0}` needs Ctrl or Alt, so that no one types it by chance")]
    NoCtrlOrAlt(String),
}

impl ExitChord {
    /// Parses `Ctrl+Alt+Shift+Q`: Ctrl, Alt and Shift in any order and case (Ctrl or Alt at
    /// least), then one key by egui's name for it (`Q`, `F12`, `Escape`). The Super key is not
    /// offered: X11 and Wayland desktops keep it for themselves.
    pub fn parse(text: &str) -> Result<ExitChord, ChordError> {
        let mut chord = ExitChord { ctrl: false, alt: false, shift: false, key: Key::Q };
        let mut key = None;
        for part in text.split('+').map(str::trim) {
            match part.to_ascii_lowercase().as_str() {
                "ctrl" | "control" => chord.ctrl = true,
                "alt" | "option" => chord.alt = true,
                "shift" => chord.shift = true,
                "" => return Err(ChordError::EmptyPart(text.to_owned())),
                _ if key.is_some() => return Err(ChordError::TwoKeys(text.to_owned())),
                _ => {
                    let name = if part.chars().count() == 1 { part.to_ascii_uppercase() } else { part.to_owned() };
                    key = Some(Key::from_name(&name).ok_or_else(|| ChordError::UnknownKey(part.to_owned()))?);
                }
            }
        }
        chord.key = key.ok_or_else(|| ChordError::NoKey(text.to_owned()))?;
        if !(chord.ctrl || chord.alt) {
            return Err(ChordError::NoCtrlOrAlt(text.to_owned()));
        }
        Ok(chord)
    }

    /// Whether this frame's events hold the chord being pressed.
    pub fn pressed_in(&self, events: &[Event]) -> bool {
        events.iter().any(|event| match event {
            Event::Key { key, pressed: true, modifiers, .. } => *key == self.key && self.matches(*modifiers),
            _ => false,
        })
    }

    fn matches(&self, modifiers: Modifiers) -> bool {
        modifiers.ctrl == self.ctrl && modifiers.alt == self.alt && modifiers.shift == self.shift
    }
}

impl fmt::Display for ExitChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names = [(self.ctrl, "Ctrl"), (self.alt, "Alt"), (self.shift, "Shift")];
        for (_, name) in names.iter().filter(|(on, _)| *on) {
            write!(f, "{name}+")?;
        }
        f.write_str(self.key.name())
    }
}

/// How long a finger must rest in the corner to open the keypad.
pub const HOLD_SECONDS: f64 = 5.0;

/// A press held in the corner, timed by the kiosk's clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct LongPress {
    started: Option<f64>,
}

impl LongPress {
    /// Feeds one frame: whether a finger is down in the corner now. Returns `true` once, on the
    /// frame the hold reaches [`HOLD_SECONDS`].
    pub fn update(&mut self, held_in_corner: bool, now: f64) -> bool {
        match (held_in_corner, self.started) {
            (false, _) => {
                self.started = None;
                false
            }
            (true, None) => {
                self.started = Some(now);
                false
            }
            (true, Some(started)) if started.is_finite() && now - started >= HOLD_SECONDS => {
                // Fire once per hold: the finger must lift before the next.
                self.started = Some(f64::INFINITY);
                true
            }
            (true, Some(_)) => false,
        }
    }

    /// Seconds until a hold under way fires, to wake the frame loop then.
    pub fn seconds_left(&self, now: f64) -> Option<f64> {
        self.started.filter(|started| started.is_finite()).map(|started| (started + HOLD_SECONDS - now).max(0.0))
    }
}

/// The keypad closes by itself when left alone this long.
pub const KEYPAD_TIMEOUT_SECONDS: f64 = 30.0;
/// Wrong PINs before the keypad closes.
const MAX_FAILURES: u32 = 3;

/// The hidden keypad's state while open.
#[derive(Clone, Debug)]
pub struct Keypad {
    entered: String,
    last_input: f64,
    failures: u32,
}

/// What a key of the keypad did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeypadOutcome {
    /// Keep it open.
    Open,
    /// The PIN was right: quit.
    Exit,
    /// Cancelled, timed out or too many wrong PINs.
    Close,
}

/// A key of the keypad.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeypadKey {
    Digit(u8),
    Clear,
    Enter,
    Cancel,
}

impl Keypad {
    pub fn new(now: f64) -> Keypad {
        Keypad { entered: String::new(), last_input: now, failures: 0 }
    }

    /// How many digits are typed (the keypad shows dots, never the digits).
    pub fn typed(&self) -> usize {
        self.entered.len()
    }

    pub fn press(&mut self, key: KeypadKey, pin: &str, now: f64) -> KeypadOutcome {
        self.last_input = now;
        match key {
            KeypadKey::Digit(digit) if self.entered.len() < 16 => {
                self.entered.push(char::from(b'0' + digit.min(9)));
                KeypadOutcome::Open
            }
            KeypadKey::Digit(_) => KeypadOutcome::Open,
            KeypadKey::Clear => {
                self.entered.clear();
                KeypadOutcome::Open
            }
            KeypadKey::Cancel => KeypadOutcome::Close,
            KeypadKey::Enter if !pin.is_empty() && self.entered == pin => KeypadOutcome::Exit,
            KeypadKey::Enter => {
                self.entered.clear();
                self.failures += 1;
                if self.failures >= MAX_FAILURES { KeypadOutcome::Close } else { KeypadOutcome::Open }
            }
        }
    }

    /// Whether it has been left alone long enough to close.
    pub fn timed_out(&self, now: f64) -> bool {
        now - self.last_input >= KEYPAD_TIMEOUT_SECONDS
    }

    pub fn deadline(&self) -> f64 {
        self.last_input + KEYPAD_TIMEOUT_SECONDS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_parse_and_print() {
        assert_eq!(ExitChord::parse("Ctrl+Alt+Shift+Q"), Ok(ExitChord::default()));
        assert_eq!(ExitChord::parse(" shift + ctrl + alt + q "), Ok(ExitChord::default()));
        assert_eq!(ExitChord::default().to_string(), "Ctrl+Alt+Shift+Q");
        let f12 = ExitChord::parse("Ctrl+F12").unwrap_or_default();
        assert_eq!((f12.ctrl, f12.alt, f12.key), (true, false, Key::F12));
        assert!(ExitChord::parse("Super+Q").is_err());
        assert!(ExitChord::parse("Q").is_err());
        assert!(ExitChord::parse("Shift+Q").is_err());
        assert!(ExitChord::parse("Ctrl+Q+W").is_err());
        assert!(ExitChord::parse("Ctrl+Banana").is_err());
    }

    #[test]
    fn a_long_press_fires_once() {
        let mut press = LongPress::default();
        assert!(!press.update(true, 10.0));
        assert!(!press.update(true, 14.0));
        assert!(press.update(true, 15.0));
        assert!(!press.update(true, 30.0));
        assert!(!press.update(false, 31.0));
        assert!(!press.update(true, 32.0));
        assert!(!press.update(false, 33.0), "lifted early: nothing");
    }

    #[test]
    fn the_keypad_takes_the_pin_and_gives_up_after_three_tries() {
        let mut keypad = Keypad::new(0.0);
        for digit in [1, 2, 3, 4] {
            keypad.press(KeypadKey::Digit(digit), "2468", 1.0);
        }
        assert_eq!(keypad.press(KeypadKey::Enter, "2468", 2.0), KeypadOutcome::Open);
        for digit in [2, 4, 6, 8] {
            keypad.press(KeypadKey::Digit(digit), "2468", 3.0);
        }
        assert_eq!(keypad.press(KeypadKey::Enter, "2468", 4.0), KeypadOutcome::Exit);
        let mut keypad = Keypad::new(0.0);
        assert_eq!(keypad.press(KeypadKey::Enter, "2468", 1.0), KeypadOutcome::Open);
        assert_eq!(keypad.press(KeypadKey::Enter, "2468", 1.0), KeypadOutcome::Open);
        assert_eq!(keypad.press(KeypadKey::Enter, "2468", 1.0), KeypadOutcome::Close);
        assert!(keypad.timed_out(1.0 + KEYPAD_TIMEOUT_SECONDS));
    }
}
