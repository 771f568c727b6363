//! The interface's translation table (`assets/translations.toml`), free of any UI.

use std::collections::HashMap;

use crate::model::{Language, Names, YearMonthDay, kazakh_to_latin};

/// Interface texts by key and language.
#[derive(Clone, Debug, Default)]
pub struct Translations {
    /// Kazakh, Kazakh in Latin letters (generated), Russian, English: the order of `Language::ALL`.
    texts: HashMap<String, [String; 4]>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    kk: String,
    ru: String,
    en: String,
}

/// A translation table that cannot be read: the embedded one is checked by the tests, so this
/// is a build that shipped a broken `assets/translations.toml`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("assets/translations.toml: {}", .0.message())]
pub struct TableError(#[from] toml::de::Error);

impl Translations {
    /// The table shipped in the binary.
    pub fn embedded() -> Result<Translations, TableError> {
        Translations::parse(include_str!("../../../assets/translations.toml"))
    }

    /// Parses a table; every entry must have all three languages.
    pub fn parse(text: &str) -> Result<Translations, TableError> {
        let entries: HashMap<String, Entry> = toml::from_str(text)?;
        let texts = entries
            .into_iter()
            .map(|(key, entry)| {
                let latin = kazakh_to_latin(&entry.kk);
                (key, [entry.kk, latin, entry.ru, entry.en])
            })
            .collect();
        Ok(Translations { texts })
    }

    /// The text of `key` in `language`; the key itself when missing, so a gap shows but never breaks.
    pub fn tr<'a>(&'a self, language: Language, key: &'a str) -> &'a str {
        match self.texts.get(key) {
            Some(texts) => &texts[Language::ALL.iter().position(|&l| l == language).unwrap_or(3)],
            None => key,
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }

    /// A text from the data in the reader's language; when it lacks that language, the nearest one
    /// it has, followed by "(only in Russian)" in the reader's language, so nobody takes it for a
    /// translation.
    pub fn data_text(&self, language: Language, names: &Names) -> String {
        let (text, shown) = names.get_with_language(language);
        if shown.written() == language.written() || text.is_empty() {
            return text.to_owned();
        }
        let shown_key = match shown.written() {
            Language::Ru => "language_in_ru",
            Language::En => "language_in_en",
            _ => "language_in_kk",
        };
        let shown_name = self.tr(language, shown_key);
        let note = self.tr(language, "only_in_language").replace("{language}", shown_name);
        format!("{text} {note}")
    }

    /// A date written the way the language writes it: "6 November 1917", "6 ноября 1917 г.",
    /// "1917 жылғы 6 қараша".
    pub fn format_date(&self, language: Language, date: YearMonthDay) -> String {
        let month = self.tr(language, MONTH_KEYS[(date.month as usize).clamp(1, 12) - 1]);
        self.tr(language, "date_format")
            .replace("{day}", &date.day.to_string())
            .replace("{month}", month)
            .replace("{year}", &date.year.to_string())
    }
}

/// The keys of the months' names, January first.
pub const MONTH_KEYS: [&str; 12] = [
    "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8", "month_9", "month_10",
    "month_11", "month_12",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Translations {
        Translations::embedded().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_entry_is_written_in_every_language() {
        let table = table();
        let mut empty = Vec::new();
        for key in table.keys() {
            for language in Language::ALL {
                let text = table.tr(language, key);
                if text.trim().is_empty() {
                    empty.push(format!("{key}.{language}"));
                }
                // Latin Kazakh is generated: no Cyrillic letter may be left unconverted in it.
                if language == Language::KkLatn && text.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)) {
                    empty.push(format!("{key}.{language} keeps Cyrillic: {text}"));
                }
            }
        }
        assert!(empty.is_empty(), "empty or unconverted texts: {empty:?}");
    }

    #[test]
    fn dates_in_three_languages() {
        let table = table();
        let date = YearMonthDay { year: 1917, month: 11, day: 6 };
        assert_eq!(table.format_date(Language::En, date), "6 November 1917");
        assert_eq!(table.format_date(Language::Ru, date), "6 ноября 1917 г.");
        assert_eq!(table.format_date(Language::Kk, date), "1917 жылғы 6 қараша");
    }

    #[test]
    fn a_text_in_another_language_says_so() {
        let table = table();
        let english_only = Names::new("", "", "A lecture");
        assert_eq!(table.data_text(Language::En, &english_only), "A lecture");
        assert_eq!(table.data_text(Language::Ru, &english_only), "A lecture (только на английском)");
        assert_eq!(table.data_text(Language::Kk, &english_only), "A lecture (тек ағылшын тілінде)");
        assert_eq!(table.data_text(Language::KkLatn, &english_only), "A lecture (tek ağylşyn tılınde)");
        let kazakh = Names::new("Дәріс", "", "");
        assert_eq!(table.data_text(Language::KkLatn, &kazakh), "Därıs", "Latin Kazakh is Kazakh, not a fallback");
    }

    #[test]
    fn latin_kazakh_interface_is_generated() {
        let table = table();
        assert_eq!(table.tr(Language::KkLatn, "app_title"), "Dala atlasy");
        let date = YearMonthDay { year: 1917, month: 11, day: 6 };
        assert_eq!(table.format_date(Language::KkLatn, date), "1917 jylğy 6 qaraşa");
    }

    #[test]
    fn missing_key_shows_itself() {
        assert_eq!(table().tr(Language::Kk, "no-such-key"), "no-such-key");
    }
}
