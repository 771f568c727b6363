//! Names and texts in the atlas's three languages.

use std::fmt;

/// The languages of the interface and of the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Kazakh, the language of the seed text.
    Kk,
    /// Russian, the language of most archival sources.
    Ru,
    /// English.
    #[default]
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Kk, Language::Ru, Language::En];

    /// The ISO 639-1 code: `kk`, `ru`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Kk => "kk",
            Language::Ru => "ru",
            Language::En => "en",
        }
    }

    /// Parses an ISO 639-1 code, or a POSIX locale such as `kk_KZ.UTF-8`.
    pub fn from_code(code: &str) -> Option<Language> {
        let lower = code.trim().to_ascii_lowercase();
        let primary = lower.split(['_', '-', '.', '@']).next().unwrap_or_default();
        Language::ALL.into_iter().find(|language| language.code() == primary)
    }

    /// The language's own name for itself, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Kk => "Қазақша",
            Language::Ru => "Русский",
            Language::En => "English",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One text in Kazakh, Russian and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Names {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl Names {
    /// The text in one language.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Kk => &self.kk,
            Language::Ru => &self.ru,
            Language::En => &self.en,
        }
    }

    pub fn get_mut(&mut self, language: Language) -> &mut String {
        match language {
            Language::Kk => &mut self.kk,
            Language::Ru => &mut self.ru,
            Language::En => &mut self.en,
        }
    }

    /// Whether any of the three texts equals `query`, ignoring case.
    pub fn matches(&self, query: &str) -> bool {
        let query = query.trim().to_lowercase();
        Language::ALL.iter().any(|&language| self.get(language).to_lowercase() == query)
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
    }

    #[test]
    fn names_match_in_any_language_ignoring_case() {
        let names =
            Names { kk: "Семей".into(), ru: "Семипалатинск".into(), en: "Semipalatinsk".into() };
        assert!(names.matches("семей"));
        assert!(names.matches("SEMIPALATINSK"));
        assert!(!names.matches("Omsk"));
    }
}
