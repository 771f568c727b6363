//! The exhibit's configuration (`kiosk.toml`, documented in `kiosk.example.toml`).
//!
//! The file is written by museum staff, so nothing in it may stop the kiosk: a file that cannot
//! be read or parsed gives one problem (`kiosk.toml:7: ...`) and the built-in defaults; a value
//! that makes no sense, or a setting the kiosk does not know (a typo), gives a problem at its
//! line and costs only itself: the rest of the file, PIN and title included, still applies.
//!
//! ```
//! use atlas_app::kiosk::KioskConfig;
//! let (config, problems) = KioskConfig::parse("idle_seconds = 120\n", "kiosk.toml", None);
//! assert!(problems.is_empty());
//! assert_eq!(config.idle_seconds, 120.0);
//! ```

use std::path::{Path, PathBuf};

use eframe::egui::Color32;
use toml::Spanned;

use super::exit::ExitChord;
use atlas_core::model::{Language, Names};
use atlas_data::{LineIndex, Problem, ProblemKind};

/// Which tour the attract loop plays.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum TourChoice {
    /// Every built-in tour, one after the other: the whole story from 1917 to 1920.
    #[default]
    All,
    /// The built-in tour with this name, its file's stem or its id (`1917`, `1918`, `1919_1920`).
    Id(String),
    /// A tour file of the museum's own (a value ending in `.toml`, or with a folder in it).
    File(PathBuf),
}

/// Where a setting was written, to name it in a problem found only later (a tour's name is
/// checked once the data is loaded). Not a setting itself: two configurations that differ only
/// in where they were written are the same configuration.
#[derive(Clone, Debug, Default)]
pub struct WrittenAt {
    pub file: String,
    pub line: Option<usize>,
}

impl PartialEq for WrittenAt {
    fn eq(&self, _: &WrittenAt) -> bool {
        true
    }
}

/// The kiosk's settings, every one with a default.
#[derive(Clone, Debug, PartialEq)]
pub struct KioskConfig {
    /// The languages offered to visitors, in the order the attract loop cycles them; the first
    /// is the one the kiosk starts and resets to.
    pub languages: Vec<Language>,
    /// Seconds untouched before "Still exploring?" appears.
    pub idle_seconds: f64,
    /// Seconds the "Still exploring?" countdown lasts before the kiosk starts over.
    pub countdown_seconds: f64,
    pub tour: TourChoice,
    /// Where `tour` was set.
    pub tour_written_at: WrittenAt,
    /// The map's fills: `screen` unless the kiosk is projected.
    pub look: crate::DisplayLook,
    /// The exhibition's title over the map; the atlas's own title when `None`.
    pub title: Option<Names>,
    /// A PNG shown beside the title.
    pub logo: Option<PathBuf>,
    /// The colour of buttons, the scrubber and the call to touch.
    pub accent: Color32,
    /// The key chord that quits the kiosk.
    pub exit_chord: ExitChord,
    /// Digits typed on the hidden keypad to quit; no keypad when `None`.
    pub exit_pin: Option<String>,
    /// A CSV file to which usage is appended; no log when `None`.
    pub usage_log: Option<PathBuf>,
}

/// The accent colour when none is configured: the blue of the Kazakh flag, darkened for white text.
pub const DEFAULT_ACCENT: Color32 = Color32::from_rgb(0x00, 0x7c, 0xa8);

/// Allowed ranges, wide enough for any exhibit, narrow enough to catch a typo.
/// Kazakh first (the kiosk starts and resets to it), then Russian and English; Kazakh in Latin
/// letters is offered last, so that the attract loop does not say the same twice in a row.
pub const DEFAULT_LANGUAGES: [Language; 4] = [Language::Kk, Language::Ru, Language::En, Language::KkLatn];

const IDLE_RANGE: std::ops::RangeInclusive<f64> = 5.0..=86_400.0;
const COUNTDOWN_RANGE: std::ops::RangeInclusive<f64> = 3.0..=600.0;
const PIN_LENGTH: std::ops::RangeInclusive<usize> = 4..=12;

impl Default for KioskConfig {
    fn default() -> KioskConfig {
        KioskConfig {
            languages: DEFAULT_LANGUAGES.to_vec(),
            idle_seconds: 90.0,
            countdown_seconds: 15.0,
            tour: TourChoice::All,
            tour_written_at: WrittenAt::default(),
            look: crate::DisplayLook::Screen,
            title: None,
            logo: None,
            accent: DEFAULT_ACCENT,
            exit_chord: ExitChord::default(),
            exit_pin: None,
            usage_log: None,
        }
    }
}

/// The file as written: every setting optional, each value kept with its place in the text and
/// of any type, so that a value of the wrong type costs only itself.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    languages: Option<Spanned<toml::Value>>,
    idle_seconds: Option<Spanned<toml::Value>>,
    countdown_seconds: Option<Spanned<toml::Value>>,
    tour: Option<Spanned<toml::Value>>,
    title: Option<Spanned<toml::Value>>,
    logo: Option<Spanned<toml::Value>>,
    accent: Option<Spanned<toml::Value>>,
    exit_chord: Option<Spanned<toml::Value>>,
    exit_pin: Option<Spanned<toml::Value>>,
    usage_log: Option<Spanned<toml::Value>>,
    look: Option<Spanned<toml::Value>>,
}

/// The settings `kiosk.toml` knows, as [`RawConfig`] names them.
pub const SETTINGS: [&str; 11] = [
    "languages",
    "idle_seconds",
    "countdown_seconds",
    "tour",
    "title",
    "logo",
    "accent",
    "exit_chord",
    "exit_pin",
    "usage_log",
    "look",
];

/// Why a setting of `kiosk.toml` is refused; the kiosk keeps that setting's default, and the
/// message (at the setting's line) says why.
#[derive(Debug, thiserror::Error)]
enum SettingError {
    #[error("{setting}: expected text in quotes, found {found}")]
    NotText { setting: String, found: &'static str },
    #[error("languages: expected a list such as [\"kk\", \"ru\", \"en\"], found {0}")]
    NotAList(&'static str),
    #[error("language `{0}`: use kk, kk-latn (Kazakh in Latin letters), ru or en")]
    UnknownLanguage(String),
    #[error("languages: name at least one of kk, kk-latn, ru, en")]
    NoLanguage,
    #[error("expected a number of seconds, found {0}")]
    NotSeconds(&'static str),
    #[error("{seconds} is outside {start}..={end}")]
    SecondsOutside { seconds: f64, start: f64, end: f64 },
    #[error("title: `{0}` is not one of kk, ru, en")]
    TitleLanguage(String),
    #[error("title: give the title as text in kk, ru and/or en")]
    NoTitle,
    #[error("title: expected text or a table of kk, ru, en, found {0}")]
    TitleNotText(&'static str),
    #[error("write the PIN in quotes, e.g. \"2468\"")]
    PinNotQuoted,
    #[error("expected digits in quotes, found {0}")]
    PinNotText(&'static str),
    #[error("use {} to {} digits", PIN_LENGTH.start(), PIN_LENGTH.end())]
    PinDigits,
}

/// A text setting, or why it is not one.
fn text_of(value: &toml::Value, setting: &str) -> Result<String, SettingError> {
    match value {
        toml::Value::String(text) => Ok(text.trim().to_owned()),
        other => Err(SettingError::NotText { setting: setting.to_owned(), found: other.type_str() }),
    }
}

/// Reports problems at the line of a value.
struct Lines<'a> {
    file: &'a str,
    index: LineIndex,
    problems: Vec<Problem>,
}

impl Lines<'_> {
    fn report<T>(&mut self, value: &Spanned<T>, message: impl Into<String>) {
        let line = self.index.line_of(value.span().start);
        self.problems.push(Problem::of_kind(ProblemKind::Settings, self.file, Some(line), message));
    }
}

impl KioskConfig {
    /// Reads and parses a configuration file. Never fails: problems come back with the
    /// settings, which fall back to the defaults where the file is wrong.
    pub fn load(path: &Path) -> (KioskConfig, Vec<Problem>) {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => KioskConfig::parse(&text, &file, path.parent()),
            Err(error) => {
                let problem = Problem::of_kind(
                    ProblemKind::Settings,
                    &file,
                    None,
                    format!("cannot read the kiosk configuration: {error}"),
                );
                (KioskConfig::default(), vec![problem])
            }
        }
    }

    /// Parses the text of a configuration; `file` names it in problems, and relative paths in
    /// it (logo, usage log) are taken from `base_dir`.
    pub fn parse(text: &str, file: &str, base_dir: Option<&Path>) -> (KioskConfig, Vec<Problem>) {
        let mut lines = Lines { file, index: LineIndex::new(text), problems: Vec::new() };
        let unreadable = |lines: &Lines<'_>, error: toml::de::Error| {
            let line = error.span().map(|span| lines.index.line_of(span.start));
            let message = format!("{}; the kiosk starts on its defaults", error.message().trim_end());
            (KioskConfig::default(), vec![Problem::of_kind(ProblemKind::Settings, file, line, message)])
        };
        let mut table = match toml::de::DeTable::parse(text) {
            Ok(table) => table,
            Err(error) => return unreadable(&lines, error),
        };
        // A setting the kiosk does not know is most likely a typo: say where, leave it out, and
        // keep the rest of the file.
        let unknown: Vec<(String, std::ops::Range<usize>)> = table
            .get_ref()
            .iter()
            .filter(|(key, _)| !SETTINGS.contains(&key.get_ref().as_ref()))
            .map(|(key, _)| (key.get_ref().to_string(), key.span()))
            .collect();
        for (key, span) in unknown {
            let message = format!("unknown setting `{key}`, left out (the settings are: {})", SETTINGS.join(", "));
            lines.report(&Spanned::new(span, ()), message);
            table.get_mut().remove(key.as_str());
        }
        let raw = match <RawConfig as serde::Deserialize>::deserialize(toml::de::Deserializer::from(table)) {
            Ok(raw) => raw,
            Err(error) => return unreadable(&lines, error),
        };
        let config = KioskConfig::from_raw(raw, &mut lines, file, base_dir);
        (config, lines.problems)
    }

    fn from_raw(raw: RawConfig, lines: &mut Lines<'_>, file: &str, base_dir: Option<&Path>) -> KioskConfig {
        let mut config = KioskConfig::default();
        let resolve = |path: &str| match base_dir {
            Some(dir) if Path::new(path).is_relative() => dir.join(path),
            _ => PathBuf::from(path),
        };
        // A text setting, reported at its line when it is not text.
        let text = |value: Option<Spanned<toml::Value>>, setting: &str, lines: &mut Lines<'_>| {
            let value = value?;
            match text_of(value.get_ref(), setting) {
                Ok(text) => Some(Spanned::new(value.span(), text)),
                Err(error) => {
                    lines.report(&value, error.to_string());
                    None
                }
            }
        };
        if let Some(value) = raw.languages {
            match parse_languages(value.get_ref()).map_err(|error| error.to_string()) {
                Ok(languages) => config.languages = languages,
                Err(message) => lines.report(&value, message),
            }
        }
        if let Some(value) = raw.idle_seconds {
            match seconds_in(value.get_ref(), IDLE_RANGE) {
                Ok(seconds) => config.idle_seconds = seconds,
                Err(message) => lines.report(&value, format!("idle_seconds: {message}")),
            }
        }
        if let Some(value) = raw.countdown_seconds {
            match seconds_in(value.get_ref(), COUNTDOWN_RANGE) {
                Ok(seconds) => config.countdown_seconds = seconds,
                Err(message) => lines.report(&value, format!("countdown_seconds: {message}")),
            }
        }
        if let Some(value) = text(raw.tour, "tour", lines) {
            let name = value.get_ref().as_str();
            config.tour = if name.is_empty() || name == "all" {
                TourChoice::All
            } else if name.ends_with(".toml") || name.contains(['/', '\\']) {
                TourChoice::File(resolve(name))
            } else {
                TourChoice::Id(name.to_owned())
            };
            config.tour_written_at =
                WrittenAt { file: file.to_owned(), line: Some(lines.index.line_of(value.span().start)) };
        }
        if let Some(value) = text(raw.look, "look", lines) {
            match crate::DisplayLook::parse(value.get_ref()) {
                Ok(look) => config.look = look,
                Err(message) => lines.report(&value, format!("look {message}")),
            }
        }
        if let Some(value) = raw.title {
            match parse_title(value.get_ref()).map_err(|error| error.to_string()) {
                Ok(title) => config.title = Some(title),
                Err(message) => lines.report(&value, message),
            }
        }
        if let Some(value) = text(raw.logo, "logo", lines).filter(|value| !value.get_ref().is_empty()) {
            config.logo = Some(resolve(value.get_ref()));
        }
        if let Some(value) = text(raw.accent, "accent", lines) {
            match parse_colour(value.get_ref()) {
                Some(colour) => config.accent = colour,
                None => {
                    lines.report(&value, format!("accent `{}` is not a colour of the form #rrggbb", value.get_ref()))
                }
            }
        }
        if let Some(value) = text(raw.exit_chord, "exit_chord", lines) {
            match ExitChord::parse(value.get_ref()) {
                Ok(chord) => config.exit_chord = chord,
                Err(message) => lines.report(&value, format!("exit_chord: {message}; using {}", config.exit_chord)),
            }
        }
        if let Some(value) = raw.exit_pin {
            match parse_pin(value.get_ref()) {
                Ok(pin) => config.exit_pin = Some(pin),
                Err(message) => lines.report(&value, format!("exit_pin: {message}; the keypad is off")),
            }
        }
        if let Some(value) = text(raw.usage_log, "usage_log", lines).filter(|value| !value.get_ref().is_empty()) {
            config.usage_log = Some(resolve(value.get_ref()));
        }
        config
    }
}

fn parse_languages(value: &toml::Value) -> Result<Vec<Language>, SettingError> {
    let toml::Value::Array(values) = value else {
        return Err(SettingError::NotAList(value.type_str()));
    };
    let mut languages = Vec::new();
    for value in values {
        let code = text_of(value, "languages")?;
        let language = Language::from_code(&code).ok_or(SettingError::UnknownLanguage(code))?;
        if !languages.contains(&language) {
            languages.push(language);
        }
    }
    if languages.is_empty() {
        return Err(SettingError::NoLanguage);
    }
    Ok(languages)
}

fn seconds_in(value: &toml::Value, range: std::ops::RangeInclusive<f64>) -> Result<f64, SettingError> {
    let seconds = match value {
        toml::Value::Integer(n) => *n as f64,
        toml::Value::Float(x) => *x,
        other => return Err(SettingError::NotSeconds(other.type_str())),
    };
    if !seconds.is_finite() || !range.contains(&seconds) {
        return Err(SettingError::SecondsOutside { seconds, start: *range.start(), end: *range.end() });
    }
    Ok(seconds)
}

/// A title: one text for every language, or a table `{ kk = "...", ru = "...", en = "..." }`
/// (a missing language takes the first one given).
fn parse_title(value: &toml::Value) -> Result<Names, SettingError> {
    match value {
        toml::Value::String(text) => Ok(Names::same(text)),
        toml::Value::Table(table) => {
            if let Some(key) = table.keys().find(|key| Language::from_code(key).is_none_or(|l| l.code() != *key)) {
                return Err(SettingError::TitleLanguage(key.clone()));
            }
            let text = |code: &str| table.get(code).and_then(toml::Value::as_str).map(str::to_owned);
            let fallback = ["kk", "ru", "en"].iter().find_map(|code| text(code)).ok_or(SettingError::NoTitle)?;
            Ok(Names::new(
                text("kk").unwrap_or_else(|| fallback.clone()),
                text("ru").unwrap_or_else(|| fallback.clone()),
                text("en").unwrap_or(fallback),
            ))
        }
        other => Err(SettingError::TitleNotText(other.type_str())),
    }
}

/// `#rrggbb` (the `#` may be left out).
pub fn parse_colour(text: &str) -> Option<Color32> {
    let hex = text.trim().trim_start_matches('#');
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some(Color32::from_rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// Digits only; written as a string or a number (a number loses leading zeros, so say so).
fn parse_pin(value: &toml::Value) -> Result<String, SettingError> {
    let pin = match value {
        toml::Value::String(text) => text.trim().to_owned(),
        toml::Value::Integer(_) => return Err(SettingError::PinNotQuoted),
        other => return Err(SettingError::PinNotText(other.type_str())),
    };
    if !pin.chars().all(|c| c.is_ascii_digit()) || !PIN_LENGTH.contains(&pin.len()) {
        return Err(SettingError::PinDigits);
    }
    Ok(pin)
}

impl KioskConfig {
    /// Whether the hidden keypad can quit the kiosk.
    pub fn has_pin(&self) -> bool {
        self.exit_pin.is_some()
    }

    /// The accent with readable text on it: white unless the accent is light.
    pub fn on_accent(&self) -> Color32 {
        let [r, g, b, _] = self.accent.to_array();
        let luma = 0.299 * f32::from(r) + 0.587 * f32::from(g) + 0.114 * f32::from(b);
        if luma > 160.0 { Color32::from_gray(0x14) } else { Color32::WHITE }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse() {
        assert_eq!(parse_colour("#ff8000"), Some(Color32::from_rgb(0xff, 0x80, 0x00)));
        assert_eq!(parse_colour("00Aa10"), Some(Color32::from_rgb(0x00, 0xaa, 0x10)));
        assert_eq!(parse_colour("#fff"), None);
        assert_eq!(parse_colour("#gg0000"), None);
    }

    #[test]
    fn a_bad_value_costs_only_itself() {
        let text = "idle_seconds = 60\naccent = \"blue\"\nexit_pin = 1234\n";
        let (config, problems) = KioskConfig::parse(text, "k.toml", None);
        assert_eq!(config.idle_seconds, 60.0);
        assert_eq!(config.accent, DEFAULT_ACCENT);
        assert_eq!(config.exit_pin, None);
        let lines: Vec<Option<usize>> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(2), Some(3)]);
    }

    #[test]
    fn titles_in_one_or_three_languages() {
        let (config, problems) = KioskConfig::parse("title = { kk = \"Алаш\", en = \"Alash\" }", "k.toml", None);
        assert!(problems.is_empty(), "{problems:?}");
        let title = config.title.unwrap_or_default();
        assert_eq!((title.kk.as_str(), title.ru.as_str(), title.en.as_str()), ("Алаш", "Алаш", "Alash"));
    }
}
