//! Which tour a command line or a configuration means: a tour file, or a built-in tour by its
//! name, the stem of its file under `maps/tours/` (`1918`) or its id (`1919_1920`). Shared by
//! `present --tour`, `render --tour` and the kiosk's `tour` setting, so that a name means the
//! same tour everywhere and a name that means nothing is said to mean nothing.

use std::fmt;
use std::path::Path;

use crate::{Dataset, Problem, load_tour};
use atlas_core::model::{Atlas, Tour};

/// A tour found, with the problems of its file (a place it names that is not on the map, ...),
/// which leave the rest of the tour playable. A built-in tour has none: `check` keeps it clean.
#[derive(Clone, Debug)]
pub struct FoundTour {
    pub tour: Tour,
    pub problems: Vec<Problem>,
}

/// Why no tour was found.
#[derive(Clone, Debug, PartialEq)]
pub enum TourError {
    /// Neither a file nor the name of a built-in tour: most likely a typo, so the names are listed.
    Unknown { name: String, built_in: Vec<String> },
    /// A file that cannot be played at all (not TOML, no steps, ...): the problems say where.
    Unusable { file: String, problems: Vec<Problem> },
}

impl fmt::Display for TourError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TourError::Unknown { name, built_in } => {
                let names = if built_in.is_empty() { "none".to_owned() } else { built_in.join(", ") };
                write!(f, "`{name}` is neither a tour file nor the name of a built-in tour (built-in tours: {names})")
            }
            TourError::Unusable { file, problems } => match problems.first() {
                Some(first) if problems.len() > 1 => {
                    write!(f, "{first} (and {} more problems); the tour cannot be played", problems.len() - 1)
                }
                Some(first) => write!(f, "{first}; the tour cannot be played"),
                None => write!(f, "{file}: not a tour"),
            },
        }
    }
}

impl std::error::Error for TourError {}

/// The name a built-in tour goes by: the stem of its file (`maps/tours/1918.toml` → `1918`), or
/// its id when it has no file.
pub fn name_of(tour: &Tour) -> String {
    Path::new(&tour.file)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| tour.id.clone())
}

/// The names of the built-in tours, in the order they play.
pub fn built_in_names(atlas: &Atlas) -> Vec<String> {
    atlas.tours.iter().map(name_of).collect()
}

/// The built-in tour called `name`: its file's stem or its id, in any letter case.
pub fn built_in<'a>(atlas: &'a Atlas, name: &str) -> Option<&'a Tour> {
    let name = name.trim();
    atlas.tours.iter().find(|tour| name_of(tour).eq_ignore_ascii_case(name) || tour.id.eq_ignore_ascii_case(name))
}

/// The tour `spec` means. A file that exists is read (a path says what it means); otherwise
/// `spec` must be a built-in tour's name.
pub fn find(atlas: &Atlas, spec: &Path) -> Result<FoundTour, TourError> {
    if spec.is_file() {
        return read_file(atlas, spec);
    }
    let name = spec.to_string_lossy();
    match built_in(atlas, &name) {
        Some(tour) => Ok(FoundTour { tour: tour.clone(), problems: Vec::new() }),
        None => Err(TourError::Unknown { name: name.into_owned(), built_in: built_in_names(atlas) }),
    }
}

/// Reads and checks a tour file. Missing translations are no problem here: a tour written in
/// one or two languages plays in every language, each text saying which language it shows.
pub fn read_file(atlas: &Atlas, path: &Path) -> Result<FoundTour, TourError> {
    let file = Dataset::read_tour_file(path)
        .map_err(|problem| TourError::Unusable { file: path.display().to_string(), problems: vec![problem] })?;
    let mut problems = Vec::new();
    let tour = load_tour(atlas, &file, &mut problems);
    problems.retain(|problem| !problem.is_translation_gap());
    match tour {
        Some(tour) => Ok(FoundTour { tour, problems }),
        None => Err(TourError::Unusable { file: file.display_name, problems }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Dataset, load};

    fn atlas() -> Atlas {
        load(&Dataset::embedded()).atlas
    }

    #[test]
    fn built_in_tours_answer_to_their_file_stem_and_their_id() {
        let atlas = atlas();
        assert_eq!(built_in_names(&atlas), ["1917", "1918", "1919_1920"]);
        for name in ["1918", " 1918 "] {
            assert_eq!(built_in(&atlas, name).map(|tour| tour.id.as_str()), Some("1918"), "{name:?}");
        }
        assert_eq!(built_in(&atlas, "1919_1920").map(|tour| tour.id.as_str()), Some("1919_1920"));
        assert!(built_in(&atlas, "1921").is_none());
        // Not a file here, so a name; the first tour is never played in its place.
        let found = find(&atlas, Path::new("1918")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(found.tour.id, "1918");
    }

    #[test]
    fn a_name_that_means_nothing_lists_the_built_in_names() {
        let error = find(&atlas(), Path::new("1921")).err().unwrap_or_else(|| panic!("1921 found"));
        let text = error.to_string();
        assert!(text.contains("`1921`") && text.contains("1917, 1918, 1919_1920"), "{text}");
    }

    #[test]
    fn a_file_comes_before_a_name_and_a_broken_one_says_where() {
        let atlas = atlas();
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("1918");
        std::fs::write(&path, "id = \"mine\"\ntitle = { en = \"Mine\" }\n\n[[step]]\ndate = \"1918-06-01\"\nfit = [\"omsk\"]\ncaption = { en = \"Omsk\" }\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(find(&atlas, &path).map(|found| found.tour.id).ok().as_deref(), Some("mine"));
        std::fs::write(&path, "id = \"mine\"\ntitle = { en = \"Mine\" }\n[[step]]\ndate = \n")
            .unwrap_or_else(|e| panic!("{e}"));
        let error = find(&atlas, &path).err().unwrap_or_else(|| panic!("a broken file played"));
        assert!(matches!(&error, TourError::Unusable { problems, .. } if !problems.is_empty()), "{error:?}");
        assert!(error.to_string().starts_with(&format!("{}:", path.display())), "{error}");
    }
}
