//! The window's remembered settings as a small TOML file in the user's data folder, read
//! forgivingly and written atomically. eframe's own store (`app.ron`) is rewritten in place, so
//! a power cut during the save every 30 seconds could leave it cut short; a museum PC is
//! switched off at the wall every evening, so the atlas keeps its settings here instead.
//!
//! Settings are a preference, not data: a file that cannot be read is moved aside (nothing is
//! lost), the problem is reported with its line and field, and the atlas starts on defaults.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::LineIndex;
use crate::{Problem, ProblemKind};

/// The file's name in the settings folder.
pub const FILE_NAME: &str = "settings.toml";

/// Settings are a few hundred bytes; anything far larger is not a settings file.
pub const MAX_BYTES: u64 = 64 * 1024;

/// Written at the top of the file, for whoever opens it.
const HEADER: &str = "# Steppe Atlas remembers the last session here. Delete the file to start afresh.\n";

/// What reading the settings file found.
#[derive(Debug)]
pub enum Loaded<T> {
    /// No file yet: the first run.
    Missing,
    Read(T),
    /// The file could not be used; the atlas starts on defaults and shows the problem.
    Broken(Problem),
}

/// Where a settings file is moved when it cannot be read, so that nothing is lost.
pub fn broken_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|name| name.to_os_string()).unwrap_or_default();
    name.push(".broken");
    path.with_file_name(name)
}

/// Reads the settings at `path`. A file whose contents are broken is renamed to
/// [`broken_path`] so the next save starts clean without destroying it.
pub fn load<T: DeserializeOwned>(path: &Path) -> Loaded<T> {
    let label = path.display().to_string();
    let bytes = match read_limited(path) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return Loaded::Missing,
        Err(problem) => return Loaded::Broken(problem),
    };
    match parse(&label, &bytes) {
        Ok(value) => Loaded::Read(value),
        Err(mut problem) => {
            let aside = broken_path(path);
            match std::fs::rename(path, &aside) {
                Ok(()) => problem
                    .message
                    .push_str(&format!("; the file is kept as {}, the atlas starts on its defaults", aside.display())),
                Err(error) => problem.message.push_str(&format!("; it could not be moved aside: {error}")),
            }
            Loaded::Broken(problem)
        }
    }
}

/// Reads at most [`MAX_BYTES`]; `None` when there is no file.
fn read_limited(path: &Path) -> Result<Option<Vec<u8>>, Problem> {
    let label = path.display().to_string();
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(Problem::of_kind(
                ProblemKind::Settings,
                &label,
                None,
                format!("cannot read the settings: {error}"),
            ));
        }
    };
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(|error| {
        Problem::of_kind(ProblemKind::Settings, &label, None, format!("cannot read the settings: {error}"))
    })?;
    Ok(Some(bytes))
}

/// Parses settings text; `file` names it in the problem. Used by [`load`] and the fuzz target.
pub fn parse<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, Problem> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Problem::of_kind(
            ProblemKind::Settings,
            file,
            None,
            format!("the file is larger than {} KiB; a settings file is a few hundred bytes", MAX_BYTES / 1024),
        ));
    }
    let text = crate::text_of(bytes.to_vec()).map_err(|error| error.into_problem(ProblemKind::Settings, file))?;
    toml::from_str(&text).map_err(|error| {
        let index = LineIndex::new(&text);
        let line = error.span().map(|span| index.line_of(span.start));
        let message = error.message().trim().to_owned();
        let message = match line.and_then(|line| key_on_line(&text, line)) {
            Some(key) if !message.contains(&format!("`{key}`")) => format!("field `{key}`: {message}"),
            _ => message,
        };
        Problem::of_kind(ProblemKind::Settings, file, line, message)
    })
}

/// The key a `key = value` line sets, to name the field in a problem.
fn key_on_line(text: &str, line: usize) -> Option<&str> {
    let (key, _) = text.lines().nth(line.checked_sub(1)?)?.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('#') && !key.starts_with('[')).then_some(key)
}

/// Why the settings could not be saved; the file on disk is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write the settings: {0}")]
    Serialize(#[from] toml::ser::Error),
    #[error("{}: {source}", folder.display())]
    Folder { folder: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Write(#[from] crate::atomic_file::WriteError),
}

/// The text [`save`] writes for `value`.
pub fn to_text<T: Serialize>(value: &T) -> Result<String, SaveError> {
    let body = toml::to_string(value)?;
    Ok(format!("{HEADER}{body}"))
}

/// Writes `text` to `path` atomically, making its folder if needed.
pub fn save(path: &Path, text: &str) -> Result<(), SaveError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|source| SaveError::Folder { folder: folder.to_owned(), source })?;
    }
    Ok(crate::atomic_file::write_atomically(path, text.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(default)]
    struct Sample {
        date: String,
        speed: f64,
        view: Option<[f32; 3]>,
    }

    fn sample() -> Sample {
        Sample { date: "1918-07-01".into(), speed: 7.0, view: Some([1.0, 2.0, 3.5]) }
    }

    #[test]
    fn saves_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deeper").join(FILE_NAME);
        assert!(matches!(load::<Sample>(&path), Loaded::Missing));
        save(&path, &to_text(&sample()).unwrap()).unwrap();
        match load::<Sample>(&path) {
            Loaded::Read(read) => assert_eq!(read, sample()),
            other => panic!("{other:?}"),
        }
        let names: Vec<_> =
            std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from(FILE_NAME)], "no temporary left behind");
    }

    #[test]
    fn a_wrong_value_names_line_and_field_and_is_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let text = "date = \"1918-07-01\"\nspeed = \"fast\"\n";
        std::fs::write(&path, text).unwrap();
        let Loaded::Broken(problem) = load::<Sample>(&path) else { panic!("read a broken file") };
        assert_eq!(problem.line, Some(2));
        assert!(problem.message.contains("`speed`"), "{problem}");
        assert!(problem.to_string().starts_with(&format!("{}:2:", path.display())), "{problem}");
        assert!(!path.exists());
        assert_eq!(std::fs::read_to_string(broken_path(&path)).unwrap(), text, "nothing is lost");
    }

    #[test]
    fn truncated_binary_and_huge_files_are_refused() {
        let truncated = parse::<Sample>("s.toml", b"date = \"1918-07-01\"\nview = [1.0, 2.0");
        assert_eq!(truncated.unwrap_err().line, Some(2));
        let latin1 = parse::<Sample>("s.toml", b"date = \"1918\"\n# caf\xe9\n");
        let problem = latin1.unwrap_err();
        assert_eq!(problem.line, Some(2));
        assert!(problem.message.contains("UTF-8"));
        let huge = vec![b' '; MAX_BYTES as usize + 1];
        assert!(parse::<Sample>("s.toml", &huge).unwrap_err().message.contains("KiB"));
        assert_eq!(parse::<Sample>("s.toml", b"").unwrap(), Sample::default(), "an empty file is defaults");
        let bom = parse::<Sample>("s.toml", "\u{feff}speed = 2.0\n".as_bytes()).unwrap();
        assert_eq!(bom.speed, 2.0);
    }
}
