//! The shapes of the TOML entries as written by people, before any checking.

use serde::Deserialize;
use toml::Spanned;

use super::toml_entries::DateField;

/// A text in the three languages; a language left out reads as empty (a translation gap).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawNames {
    #[serde(default)]
    pub kk: String,
    #[serde(default)]
    pub ru: String,
    #[serde(default)]
    pub en: String,
}

impl RawNames {
    /// Whether no language has any text.
    pub fn is_empty(&self) -> bool {
        [&self.kk, &self.ru, &self.en].iter().all(|text| text.trim().is_empty())
    }
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawPlace {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub parent: Option<Spanned<String>>,
    pub name: Spanned<RawNames>,
    pub modern_name: Option<Spanned<RawNames>>,
    pub lonlat: Option<Spanned<Vec<f64>>>,
    /// People counted in the 1897 census (the whole unit for an area, the town for a city).
    pub population_1897: Option<Spanned<i64>>,
    /// The source id of that figure.
    pub population_source: Option<Spanned<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawForce {
    pub id: Spanned<String>,
    /// The force's one side on every day; or else `sides`, when it changed side.
    pub side: Option<Spanned<String>>,
    /// The sides the force took, each from a date; before the first it has none.
    pub sides: Option<Spanned<Vec<Spanned<RawSideFrom>>>>,
    pub name: Spanned<RawNames>,
    pub colour: Option<Spanned<String>>,
}

/// One entry of a force's `sides`: from this day on, this side.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawSideFrom {
    pub from: Spanned<DateField>,
    pub side: Spanned<String>,
    /// Ids from sources.toml that date the change.
    #[serde(default)]
    pub sources: Vec<Spanned<String>>,
}

/// A note in the three languages, or (as older data wrote it) one text.
#[derive(Debug)]
pub enum RawNote {
    Text(String),
    Names(RawNames),
}

impl<'de> Deserialize<'de> for RawNote {
    /// By hand rather than `untagged`, so that a wrong note says what is wrong with it.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<RawNote, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(text) => Ok(RawNote::Text(text)),
            toml::Value::Table(mut table) => {
                // A language left out is a translation gap, reported by the loader, not an error.
                let mut take = |language: &str| match table.remove(language) {
                    Some(toml::Value::String(text)) => Ok(text),
                    Some(_) => Err(D::Error::custom(format!("`note.{language}` must be a text"))),
                    None => Ok(String::new()),
                };
                let names = RawNames { kk: take("kk")?, ru: take("ru")?, en: take("en")? };
                match table.keys().next() {
                    Some(extra) => Err(D::Error::custom(format!("`note` has an unknown language `{extra}`"))),
                    None => Ok(RawNote::Names(names)),
                }
            }
            _ => Err(D::Error::custom("`note` must be a text or `{ kk = \"...\", ru = \"...\", en = \"...\" }`")),
        }
    }
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// What the source is and what the atlas took from it, for readers.
    pub note: Option<Spanned<RawNote>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawHolder {
    pub force: Spanned<String>,
    pub role: Spanned<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub place: Spanned<String>,
    pub start: Spanned<DateField>,
    pub end: Option<Spanned<DateField>>,
    pub forces: Spanned<Vec<Spanned<RawHolder>>>,
    pub confidence: Spanned<String>,
    pub sources: Spanned<Vec<Spanned<String>>>,
    pub note: Option<Spanned<RawNote>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Spanned<String>,
    pub date: Spanned<DateField>,
    pub end: Option<Spanned<DateField>>,
    pub precision: Spanned<String>,
    pub places: Spanned<Vec<Spanned<String>>>,
    pub category: Spanned<String>,
    pub title: Spanned<RawNames>,
    pub text: Spanned<RawNames>,
    pub seed: Option<String>,
    pub confidence: Spanned<String>,
    pub sources: Spanned<Vec<Spanned<String>>>,
    /// Ids of people (people.toml) the event involves.
    #[serde(default)]
    pub people: Vec<Spanned<String>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub id: Spanned<String>,
    pub name: Spanned<RawNames>,
    pub born: Option<Spanned<String>>,
    pub died: Option<Spanned<String>>,
    pub summary: Spanned<RawNames>,
    pub sources: Spanned<Vec<Spanned<String>>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawRange {
    pub id: Spanned<String>,
    pub name: Spanned<RawNames>,
    pub at: Spanned<Vec<f64>>,
    pub angle: Option<Spanned<f64>>,
    pub kind: Spanned<String>,
}
