//! Problems found in data files, each pointing at a file and line.

use std::fmt;

/// A problem in a data file: where it is and what is wrong.
///
/// Displayed as `maps/control.toml:212: period for `kustanai`: ...`, the form editors and
/// terminals turn into a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user named it, e.g. `maps/control.toml`.
    pub file: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// What kind of problem, shown to readers in their language before the message.
    pub kind: ProblemKind,
    pub message: String,
}

/// The kinds of problem, each with a name in the interface's table (`problem_kind_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file is missing, unreadable, or not valid TOML or JSON.
    File,
    /// An entry lacks a field or has a wrong value.
    Entry,
    /// An entry names an id that nothing defines.
    Reference,
    /// An id is defined twice.
    Duplicate,
    /// Dates out of order, overlapping, or outside what the field allows.
    Dates,
    /// A text lacks one of the three languages. Not an error: the atlas shows the nearest
    /// language; `check` lists it and `check --strict` fails on it.
    Translation,
    /// The settings or the kiosk's configuration, not the data.
    Settings,
}

impl ProblemKind {
    pub const ALL: [ProblemKind; 7] = [
        ProblemKind::File,
        ProblemKind::Entry,
        ProblemKind::Reference,
        ProblemKind::Duplicate,
        ProblemKind::Dates,
        ProblemKind::Translation,
        ProblemKind::Settings,
    ];

    /// The key of the kind's name in the interface's translation table.
    pub fn key(self) -> &'static str {
        match self {
            ProblemKind::File => "problem_kind_file",
            ProblemKind::Entry => "problem_kind_entry",
            ProblemKind::Reference => "problem_kind_reference",
            ProblemKind::Duplicate => "problem_kind_duplicate",
            ProblemKind::Dates => "problem_kind_dates",
            ProblemKind::Translation => "problem_kind_translation",
            ProblemKind::Settings => "problem_kind_settings",
        }
    }
}

impl Problem {
    /// The problem as `check` and the problems banner show it: file and line as they are, then
    /// the kind of problem in the reader's language, then the details.
    pub fn describe(&self, texts: &atlas_core::i18n::Translations, language: atlas_core::model::Language) -> String {
        let place = match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        };
        format!("{place}: {}: {}", texts.tr(language, self.kind.key()), self.message)
    }

    /// A problem with an entry (the most common kind); see [`Problem::of_kind`] for the others.
    pub fn new(file: &str, line: Option<usize>, message: impl Into<String>) -> Problem {
        Problem::of_kind(ProblemKind::Entry, file, line, message)
    }

    pub fn of_kind(kind: ProblemKind, file: &str, line: Option<usize>, message: impl Into<String>) -> Problem {
        Problem { file: file.to_owned(), line, kind, message: message.into() }
    }

    /// A missing translation, which the atlas shows around; every other kind keeps data out.
    pub fn is_translation_gap(&self) -> bool {
        self.kind == ProblemKind::Translation
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Turns byte offsets into 1-based line numbers.
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { line_starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset).max(1)
    }
}

/// Collects problems for one file.
pub struct Reporter<'a> {
    pub file: &'a str,
    lines: LineIndex,
    pub problems: &'a mut Vec<Problem>,
}

impl<'a> Reporter<'a> {
    pub fn new(file: &'a str, text: &str, problems: &'a mut Vec<Problem>) -> Reporter<'a> {
        Reporter { file, lines: LineIndex::new(text), problems }
    }

    /// Reports a problem with an entry at a byte span of the file.
    pub fn at(&mut self, span: &std::ops::Range<usize>, message: impl Into<String>) {
        self.kind_at(ProblemKind::Entry, span, message);
    }

    /// Reports a problem of a given kind at a byte span of the file.
    pub fn kind_at(&mut self, kind: ProblemKind, span: &std::ops::Range<usize>, message: impl Into<String>) {
        let line = self.lines.line_of(span.start);
        self.problems.push(Problem::of_kind(kind, self.file, Some(line), message));
    }

    /// Reports a problem with an entry at a 1-based line.
    pub fn at_line(&mut self, line: Option<usize>, message: impl Into<String>) {
        self.kind_at_line(ProblemKind::Entry, line, message);
    }

    /// Reports a problem of a given kind at a 1-based line.
    pub fn kind_at_line(&mut self, kind: ProblemKind, line: Option<usize>, message: impl Into<String>) {
        self.problems.push(Problem::of_kind(kind, self.file, line, message));
    }

    pub fn line_of(&self, span: &std::ops::Range<usize>) -> usize {
        self.lines.line_of(span.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_one_based() {
        let lines = LineIndex::new("a\nbb\n\nccc");
        assert_eq!(lines.line_of(0), 1);
        assert_eq!(lines.line_of(1), 1);
        assert_eq!(lines.line_of(2), 2);
        assert_eq!(lines.line_of(5), 3);
        assert_eq!(lines.line_of(6), 4);
        assert_eq!(lines.line_of(100), 4);
    }

    #[test]
    fn displays_as_file_line_message() {
        let problem = Problem::new("maps/control.toml", Some(212), "period for `kustanai`: bad");
        assert_eq!(problem.to_string(), "maps/control.toml:212: period for `kustanai`: bad");
    }
}
