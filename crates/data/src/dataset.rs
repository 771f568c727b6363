//! The data files, embedded in the binary or read from a folder given with `--data`.

use std::path::Path;

use super::{Problem, ProblemKind};

/// The files a dataset consists of, in the order they are loaded.
pub const FILE_NAMES: [&str; 12] = [
    "places.toml",
    "areas.geojson",
    "water.geojson",
    "rivers.geojson",
    "context.geojson",
    "forces.toml",
    "sources.toml",
    "control.toml",
    "events.toml",
    "ranges.toml",
    "modern_borders.geojson",
    "people.toml",
];

/// Files larger than this are refused rather than read: the shipped data is well under 1 MB,
/// and a mistaken multi-gigabyte file must not exhaust a museum PC's memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One data file's text and the name to show in messages.
#[derive(Clone, Debug)]
pub struct DataFile {
    /// As shown to the user: `maps/control.toml` or the path under `--data`.
    pub display_name: String,
    pub text: String,
}

/// The texts of all data files; a missing or unreadable file is absent and reported.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    files: Vec<(&'static str, DataFile)>,
    /// Tour files, in file-name order.
    pub tours: Vec<DataFile>,
}

/// The built-in tours, embedded like the rest of the data.
const EMBEDDED_TOURS: [(&str, &str); 3] = [
    ("1917.toml", include_str!("../../../maps/tours/1917.toml")),
    ("1918.toml", include_str!("../../../maps/tours/1918.toml")),
    ("1919_1920.toml", include_str!("../../../maps/tours/1919_1920.toml")),
];

impl Dataset {
    /// The data shipped inside the binary.
    pub fn embedded() -> Dataset {
        let texts: [&str; 12] = [
            include_str!("../../../maps/places.toml"),
            include_str!("../../../maps/areas.geojson"),
            include_str!("../../../maps/water.geojson"),
            include_str!("../../../maps/rivers.geojson"),
            include_str!("../../../maps/context.geojson"),
            include_str!("../../../maps/forces.toml"),
            include_str!("../../../maps/sources.toml"),
            include_str!("../../../maps/control.toml"),
            include_str!("../../../maps/events.toml"),
            include_str!("../../../maps/ranges.toml"),
            include_str!("../../../maps/modern_borders.geojson"),
            include_str!("../../../maps/people.toml"),
        ];
        let files = FILE_NAMES
            .iter()
            .zip(texts)
            .map(|(&name, text)| (name, DataFile { display_name: format!("maps/{name}"), text: text.to_owned() }))
            .collect();
        let tours = EMBEDDED_TOURS
            .iter()
            .map(|(name, text)| DataFile { display_name: format!("maps/tours/{name}"), text: (*text).to_owned() })
            .collect();
        Dataset { files, tours }
    }

    /// Reads the data files from a folder; problems name the files that could not be read.
    pub fn from_dir(dir: &Path) -> (Dataset, Vec<Problem>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for name in FILE_NAMES {
            let path = dir.join(name);
            let display_name = path.display().to_string();
            match read_limited(&path) {
                Ok(text) => files.push((name, DataFile { display_name, text })),
                Err(error) => problems.push(error.into_problem(ProblemKind::File, &display_name)),
            }
        }
        let tours = read_tours(&dir.join("tours"), &mut problems);
        (Dataset { files, tours }, problems)
    }

    /// Reads one tour file given on the command line (`--tour FILE`).
    pub fn read_tour_file(path: &Path) -> Result<DataFile, Problem> {
        let display_name = path.display().to_string();
        read_limited(path)
            .map(|text| DataFile { display_name: display_name.clone(), text })
            .map_err(|error| error.into_problem(ProblemKind::File, &display_name))
    }

    /// A dataset from texts in memory, keyed by file name (for tests and benchmarks).
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = (&'a str, String)>) -> Dataset {
        let mut files = Vec::new();
        for (name, text) in texts {
            if let Some(&known) = FILE_NAMES.iter().find(|&&known| known == name) {
                files.push((known, DataFile { display_name: format!("maps/{known}"), text }));
            }
        }
        Dataset { files, tours: Vec::new() }
    }

    /// The file with this name (one of [`FILE_NAMES`]), if it was read.
    pub fn file(&self, name: &str) -> Option<&DataFile> {
        self.files.iter().find(|(known, _)| *known == name).map(|(_, file)| file)
    }

    /// Replaces one file's text, keeping its display name (used to try an edit).
    pub fn with_text(mut self, name: &str, text: String) -> Dataset {
        if let Some((_, file)) = self.files.iter_mut().find(|(known, _)| *known == name) {
            file.text = text;
        }
        self
    }
}

/// The `*.toml` files of a tours folder, sorted by name; no folder means no tours.
fn read_tours(dir: &Path, problems: &mut Vec<Problem>) -> Vec<DataFile> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    let mut tours = Vec::new();
    for path in paths {
        match Dataset::read_tour_file(&path) {
            Ok(file) => tours.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    tours
}

/// Why a file's bytes cannot be used as text; [`FileError::line`] says where, when it can.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read the file: {0}")]
    Read(#[from] std::io::Error),
    #[error("the file is {size_mb} MB, more than the {max_mb} MB a data file may have")]
    TooLarge { size_mb: u64, max_mb: u64 },
    #[error("the file is UTF-16 text; save it as UTF-8")]
    Utf16,
    #[error("the file holds NUL bytes: is it UTF-16 text? Save it as UTF-8")]
    Nul { line: usize },
    #[error(
        "the file is not UTF-8 text: byte 0x{byte:02X} at column {column} (Latin-1 or Windows-1251?); save it as UTF-8"
    )]
    NotUtf8 { line: usize, column: usize, byte: u8 },
}

impl FileError {
    /// The line the problem is on, when it is on one.
    pub fn line(&self) -> Option<usize> {
        match self {
            FileError::Read(_) | FileError::TooLarge { .. } => None,
            FileError::Utf16 => Some(1),
            FileError::Nul { line } | FileError::NotUtf8 { line, .. } => Some(*line),
        }
    }

    /// The problem with `file` that this is, of `kind`.
    pub fn into_problem(self, kind: ProblemKind, file: &str) -> Problem {
        Problem::of_kind(kind, file, self.line(), self.to_string())
    }
}

/// The text of a file, or why it cannot be used.
fn read_limited(path: &Path) -> Result<String, FileError> {
    let metadata = std::fs::metadata(path)?;
    if metadata.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            size_mb: metadata.len() / (1024 * 1024),
            max_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    text_of(std::fs::read(path)?)
}

/// Checks that a file's bytes are UTF-8 text, naming the line of the first that is not; a UTF-8
/// byte order mark (as Windows editors write) is dropped.
pub fn text_of(bytes: Vec<u8>) -> Result<String, FileError> {
    let line_at = |bytes: &[u8], offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(FileError::Utf16);
    }
    // UTF-16 without a byte order mark: its ASCII is valid UTF-8, with a NUL after every letter.
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(FileError::Nul { line: line_at(&bytes, offset) });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let line = line_at(bytes, offset);
            let column = offset - bytes[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
            return Err(FileError::NotUtf8 { line, column, byte: bytes[offset] });
        }
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_line_of_text_that_is_not_utf8() {
        let error = text_of(b"a = 1\nb = \"caf\xE9\"\n".to_vec()).unwrap_err();
        let (line, message) = (error.line(), error.to_string());
        assert_eq!(line, Some(2));
        assert!(message.contains("byte 0xE9 at column 9"), "{message}");
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("a = 1".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(text_of(utf16).unwrap_err().to_string().contains("UTF-16"));
        let no_bom: Vec<u8> = "a = 1\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(text_of(no_bom).unwrap_err().to_string().contains("NUL bytes"));
        assert_eq!(text_of("\u{feff}a = 1".as_bytes().to_vec()).unwrap(), "a = 1");
    }
}
