//! The interface's translation table (`assets/translations.toml`), free of any UI.

use std::collections::HashMap;

use crate::model::{Language, YearMonthDay};

/// Interface texts by key and language.
#[derive(Clone, Debug, Default)]
pub struct Translations {
    texts: HashMap<String, [String; 3]>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    kk: String,
    ru: String,
    en: String,
}

impl Translations {
    /// The table shipped in the binary.
    pub fn embedded() -> Result<Translations, String> {
        Translations::parse(include_str!("../assets/translations.toml"))
    }

    /// Parses a table; every entry must have all three languages.
    pub fn parse(text: &str) -> Result<Translations, String> {
        let entries: HashMap<String, Entry> =
            toml::from_str(text).map_err(|e| format!("assets/translations.toml: {}", e.message()))?;
        let texts = entries.into_iter().map(|(key, entry)| (key, [entry.kk, entry.ru, entry.en])).collect();
        Ok(Translations { texts })
    }

    /// The text of `key` in `language`; the key itself when missing, so a gap shows but never breaks.
    pub fn tr<'a>(&'a self, language: Language, key: &'a str) -> &'a str {
        match self.texts.get(key) {
            Some(texts) => &texts[Language::ALL.iter().position(|&l| l == language).unwrap_or(2)],
            None => key,
        }
    }

    pub fn has(&self, key: &str) -> bool {
        self.texts.contains_key(key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
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

const MONTH_KEYS: [&str; 12] = [
    "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8", "month_9", "month_10",
    "month_11", "month_12",
];

/// The interface language the system asks for, when it is one of ours.
pub fn system_language() -> Option<Language> {
    ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| value.split(':').find_map(Language::from_code))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Translations {
        Translations::embedded().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_key_the_code_uses_is_translated() {
        let table = table();
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    stack.push(entry.path());
                }
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (offset, _) in text.match_indices("tr(\"") {
                let rest = &text[offset + 4..];
                let key = &rest[..rest.find('"').unwrap_or(0)];
                if !key.is_empty() && !table.has(key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
        assert!(missing.is_empty(), "untranslated keys: {missing:?}");
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
    fn missing_key_shows_itself() {
        assert_eq!(table().tr(Language::Kk, "no_such_key"), "no_such_key");
    }
}
