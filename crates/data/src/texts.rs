//! Texts in three languages as data files write them: a missing language is a translation gap
//! (reported, shown around), a text in no language at all is a problem with the entry.

use toml::Spanned;

use super::problem::{ProblemKind, Reporter};
use super::raw::{RawNames, RawNote};
use atlas_core::model::Names;

/// Reads `field = { kk, ru, en }`. Every language left out or empty is reported as a translation
/// gap naming `field.language`; a text with no language at all is reported and gives `None`.
pub fn names(reporter: &mut Reporter<'_>, raw: &Spanned<RawNames>, field: &str) -> Option<Names> {
    let RawNames { kk, ru, en } = raw.get_ref();
    let names = Names::new(kk.trim(), ru.trim(), en.trim());
    if names.missing().count() == 3 {
        reporter.at(&raw.span(), format!("`{field}` is empty: write it in at least one of kk, ru, en"));
        return None;
    }
    report_gaps(reporter, &raw.span(), &names, field);
    Some(names)
}

/// Reads an optional note: a table of languages, or (as older data wrote it) one text that is
/// shown in every language and reported as not yet translated.
pub fn note(reporter: &mut Reporter<'_>, raw: Option<&Spanned<RawNote>>, field: &str) -> Names {
    let Some(raw) = raw else { return Names::default() };
    match raw.get_ref() {
        RawNote::Text(text) => {
            if !text.trim().is_empty() {
                let message = format!(
                    "`{field}` is one text: write it as `{field} = {{ kk = \"...\", ru = \"...\", en = \"...\" }}`"
                );
                reporter.kind_at(ProblemKind::Translation, &raw.span(), message);
            }
            Names::same(text.trim())
        }
        RawNote::Names(RawNames { kk, ru, en }) => {
            let names = Names::new(kk.trim(), ru.trim(), en.trim());
            report_gaps(reporter, &raw.span(), &names, field);
            names
        }
    }
}

fn report_gaps(reporter: &mut Reporter<'_>, span: &std::ops::Range<usize>, names: &Names, field: &str) {
    for language in names.missing() {
        let shown = names.get_with_language(language).1;
        let message = format!("`{field}.{language}` is missing or empty; readers in {language} see the {shown} text");
        reporter.kind_at(ProblemKind::Translation, span, message);
    }
}
