//! Reads a TOML file made of `[[kind]]` entries, one entry at a time, so that one broken entry
//! is reported and skipped while the rest of the file still loads.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::problem::{ProblemKind, Reporter};

/// The entries of `[[key]]` in `text`, each with the byte span of its table.
pub fn read_entries<T: DeserializeOwned>(reporter: &mut Reporter<'_>, text: &str, key: &str) -> Vec<(T, Range<usize>)> {
    if text.trim().is_empty() {
        reporter.kind_at(ProblemKind::File, &(0..0), format!("the file is empty: expected `[[{key}]]` entries"));
        return Vec::new();
    }
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            reporter.kind_at(ProblemKind::File, &span, format!("not valid TOML: {}", first_line(error.message())));
            return Vec::new();
        }
    };
    let mut entries = Vec::new();
    for (name, value) in document.get_ref().iter() {
        if name.get_ref().as_ref() != key {
            reporter
                .at(&name.span(), format!("unknown section `{}`: this file holds `[[{key}]]` entries", name.get_ref()));
            continue;
        }
        let DeValue::Array(items) = value.get_ref() else {
            reporter.kind_at(
                ProblemKind::File,
                &value.span(),
                format!("`{key}` must be written as `[[{key}]]` entries"),
            );
            continue;
        };
        for item in items.iter() {
            let span = item.span();
            let deserializer = ValueDeserializer::from(Spanned::new(span.clone(), item.get_ref().clone()));
            match T::deserialize(deserializer) {
                Ok(entry) => entries.push((entry, span)),
                Err(error) => {
                    let at = error.span().unwrap_or_else(|| span.clone());
                    reporter.at(&at, format!("[[{key}]]: {}", first_line(error.message())));
                }
            }
        }
    }
    entries
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

/// A date field, written either as a string (`"1918-06-07"`) or as a TOML date (`1918-06-07`).
#[derive(Clone, Debug)]
pub enum DateField {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateField {
    pub fn text(&self) -> String {
        match self {
            DateField::Text(text) => text.clone(),
            DateField::Toml(datetime) => datetime.to_string(),
        }
    }
}

impl<'de> serde::Deserialize<'de> for DateField {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(text) => Ok(DateField::Text(text)),
            toml::Value::Datetime(datetime) => Ok(DateField::Toml(datetime)),
            other => Err(serde::de::Error::custom(format!(
                "expected a date like \"1918-06-07\", found {}",
                other.type_str()
            ))),
        }
    }
}
