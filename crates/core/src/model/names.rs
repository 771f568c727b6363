//! Names and texts in the atlas's three languages.

use std::fmt;
use std::sync::OnceLock;

/// The languages of the interface and of the data.
///
/// Data is written in three (`Language::WRITTEN`); the interface also offers Kazakh in Latin letters,
/// generated from the Kazakh Cyrillic (see [`super::kazakh_latin`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Kazakh, the language of the seed text.
    Kk,
    /// Kazakh in the Latin letters of 2021, generated from `Kk`.
    #[serde(rename = "kk-latn")]
    KkLatn,
    /// Russian, the language of most archival sources.
    Ru,
    /// English.
    #[default]
    En,
}

impl Language {
    /// Every language a reader can choose, in the order the menus list them.
    pub const ALL: [Language; 4] = [Language::Kk, Language::KkLatn, Language::Ru, Language::En];
    /// The languages data is written in.
    pub const WRITTEN: [Language; 3] = [Language::Kk, Language::Ru, Language::En];

    /// The code: `kk`, `kk-latn`, `ru`, `en` (BCP 47 would write `kk-Latn`; we keep one case).
    pub fn code(self) -> &'static str {
        match self {
            Language::Kk => "kk",
            Language::KkLatn => "kk-latn",
            Language::Ru => "ru",
            Language::En => "en",
        }
    }

    /// Parses a code (`kk`, `kk-latn`, `kk-Latn-KZ`, `ru`, `en`), or a POSIX locale such as
    /// `kk_KZ.UTF-8` or `kk_KZ@latin`.
    pub fn from_code(code: &str) -> Option<Language> {
        let lower = code.trim().to_ascii_lowercase();
        let mut parts = lower.split(['_', '-', '.', '@']);
        let primary = parts.next().unwrap_or_default();
        if primary == "kk" && parts.any(|part| part == "latn" || part == "latin") {
            return Some(Language::KkLatn);
        }
        Language::WRITTEN.into_iter().find(|language| language.code() == primary)
    }

    /// The language's own name for itself, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Kk => "Қазақша",
            Language::KkLatn => "Qazaqşa",
            Language::Ru => "Русский",
            Language::En => "English",
        }
    }

    /// A text in capitals, as map labels write regions: Latin Kazakh keeps its dotted İ and
    /// dotless I apart, which `str::to_uppercase` would merge.
    pub fn uppercase(self, text: &str) -> String {
        match self {
            Language::KkLatn => text
                .chars()
                .map(|c| match c {
                    'i' => 'İ'.to_string(),
                    'ı' => 'I'.to_string(),
                    other => other.to_uppercase().collect(),
                })
                .collect(),
            _ => text.to_uppercase(),
        }
    }

    /// The language the text is written in: Kazakh for Kazakh in Latin letters.
    pub fn written(self) -> Language {
        match self {
            Language::KkLatn => Language::Kk,
            other => other,
        }
    }

    /// The written languages to show, nearest first, when a text lacks this one: a Kazakh reader
    /// gets Russian before English; a Russian or English reader gets the other before Kazakh.
    pub fn nearest(self) -> [Language; 3] {
        match self.written() {
            Language::Ru => [Language::Ru, Language::En, Language::Kk],
            Language::En => [Language::En, Language::Ru, Language::Kk],
            _ => [Language::Kk, Language::Ru, Language::En],
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One text in Kazakh, Russian and English; an empty text is one not written yet.
///
/// The Latin Kazakh is generated from `kk` the first time it is asked for and kept.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Names {
    pub kk: String,
    pub ru: String,
    pub en: String,
    #[serde(skip)]
    kk_latin: OnceLock<String>,
}

impl PartialEq for Names {
    fn eq(&self, other: &Names) -> bool {
        (&self.kk, &self.ru, &self.en) == (&other.kk, &other.ru, &other.en)
    }
}

impl Eq for Names {}

impl Names {
    pub fn new(kk: impl Into<String>, ru: impl Into<String>, en: impl Into<String>) -> Names {
        Names { kk: kk.into(), ru: ru.into(), en: en.into(), kk_latin: OnceLock::new() }
    }

    /// The same text in every language, for data that has only one.
    pub fn same(text: &str) -> Names {
        Names::new(text, text, text)
    }

    /// The text as written in one language, empty when it is not written.
    pub fn written(&self, language: Language) -> &str {
        match language {
            Language::Kk => &self.kk,
            Language::KkLatn => {
                if self.kk.is_empty() {
                    ""
                } else {
                    self.kk_latin.get_or_init(|| super::kazakh_latin::to_latin(&self.kk))
                }
            }
            Language::Ru => &self.ru,
            Language::En => &self.en,
        }
    }

    /// The text in `language`, or in the nearest language that has it, and which language that is.
    pub fn get_with_language(&self, language: Language) -> (&str, Language) {
        let wanted = self.written(language);
        if !wanted.is_empty() {
            return (wanted, language);
        }
        language
            .nearest()
            .into_iter()
            .map(|other| (self.written(other), other))
            .find(|(text, _)| !text.is_empty())
            .unwrap_or(("", language))
    }

    /// The text in one language, or in the nearest language that has it.
    pub fn get(&self, language: Language) -> &str {
        self.get_with_language(language).0
    }

    /// The text of a written language, to edit; Kazakh in Latin letters edits the Kazakh.
    pub fn get_mut(&mut self, language: Language) -> &mut String {
        self.kk_latin = OnceLock::new();
        match language.written() {
            Language::Ru => &mut self.ru,
            Language::En => &mut self.en,
            _ => &mut self.kk,
        }
    }

    /// The written languages that have no text.
    pub fn missing(&self) -> impl Iterator<Item = Language> + '_ {
        Language::WRITTEN.into_iter().filter(|&language| self.written(language).trim().is_empty())
    }

    /// Whether any of the texts (Latin Kazakh too) equals `query`, ignoring case; a name with
    /// another in brackets matches either ("Қызылжар (Петропавл)": "Қызылжар" or "Петропавл").
    pub fn matches(&self, query: &str) -> bool {
        let query = query.trim().to_lowercase();
        Language::ALL.iter().any(|&language| {
            let text = self.written(language).to_lowercase();
            let (before, bracket) = text.split_once(" (").unwrap_or((&text, ""));
            text == query || (!query.is_empty() && (before == query || bracket.trim_end_matches(')') == query))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_posix_locale() {
        assert_eq!(Language::from_code("kk_KZ.UTF-8"), Some(Language::Kk));
        assert_eq!(Language::from_code("ru_RU"), Some(Language::Ru));
        assert_eq!(Language::from_code("en"), Some(Language::En));
        assert_eq!(Language::from_code("de_DE.UTF-8"), None);
        assert_eq!(Language::from_code("C"), None);
        assert_eq!(Language::from_code("kk-latn"), Some(Language::KkLatn));
        assert_eq!(Language::from_code("kk-Latn-KZ"), Some(Language::KkLatn));
        assert_eq!(Language::from_code("kk_KZ.UTF-8@latin"), Some(Language::KkLatn));
    }

    #[test]
    fn names_match_in_any_language_ignoring_case() {
        let names = Names::new("Семей", "Семипалатинск", "Semipalatinsk");
        assert!(names.matches("семей"));
        assert!(names.matches("SEMIPALATINSK"));
        assert!(!names.matches("Omsk"));
        assert!(names.matches("semei"), "Latin Kazakh is searched too");
        let two = Names::new("Қызылжар (Петропавл)", "Петропавловск", "Petropavlovsk");
        assert!(two.matches("Қызылжар") && two.matches("петропавл") && two.matches("Qyzyljar"));
    }

    #[test]
    fn latin_kazakh_is_generated_from_the_cyrillic() {
        let names = Names::new("Ақмола", "Акмолинск", "Akmolinsk");
        assert_eq!(names.get(Language::KkLatn), "Aqmola");
        let mut edited = names.clone();
        *edited.get_mut(Language::Kk) = "Ақмолинск".into();
        assert_eq!(edited.get(Language::KkLatn), "Aqmolinsk", "an edit is not hidden by the kept Latin text");
    }

    #[test]
    fn latin_kazakh_capitals_keep_the_dot() {
        let names = Names::new("Жетісу облысы", "Семиреченская область", "Semirechye Oblast");
        assert_eq!(Language::KkLatn.uppercase(names.get(Language::KkLatn)), "JETISU OBLYSY");
        assert_eq!(Language::KkLatn.uppercase("Qyzyljar, İle"), "QYZYLJAR, İLE");
        assert_eq!(Language::Ru.uppercase("Семиречье"), "СЕМИРЕЧЬЕ");
    }

    #[test]
    fn a_missing_language_falls_back_to_the_nearest_and_says_which() {
        let english_only = Names::new("", "", "Lecture");
        assert_eq!(english_only.get_with_language(Language::Kk), ("Lecture", Language::En));
        let russian_and_english = Names::new("", "Лекция", "Lecture");
        assert_eq!(russian_and_english.get_with_language(Language::Kk), ("Лекция", Language::Ru));
        assert_eq!(russian_and_english.get_with_language(Language::KkLatn), ("Лекция", Language::Ru));
        assert_eq!(russian_and_english.get_with_language(Language::En), ("Lecture", Language::En));
        let kazakh_only = Names::new("Дәріс", "", "");
        assert_eq!(kazakh_only.get_with_language(Language::En), ("Дәріс", Language::Kk));
        assert_eq!(kazakh_only.missing().collect::<Vec<_>>(), [Language::Ru, Language::En]);
    }
}
