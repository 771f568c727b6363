//! From text and files to the core's model: the dataset (embedded or a folder given with
//! `--data`), the loader that reports every problem by file and line, tours read and written,
//! the settings file, and files written so that a power cut leaves the old or the new one.

pub mod atomic_file;
mod dataset;
mod geojson;
mod load;
mod problem;
mod raw;
mod session;
pub mod settings_file;
mod texts;
mod toml_entries;
pub mod topology;
pub mod tour_source;
mod tour_writer;
mod tours;

pub use dataset::{DataFile, Dataset, FILE_NAMES, FileError, MAX_FILE_BYTES, text_of};
pub use load::{Loaded, load, load_from};
pub use problem::{LineIndex, Problem, ProblemKind};
pub use session::Session;
pub use tour_writer::{StepDraft, TourDraft, tour_to_toml};
pub use tours::{MAX_STEPS, load_tour, load_tours};

use atlas_core::model::Language;

/// The interface language the system asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`, `LANGUAGE`),
/// when it is one of ours.
pub fn system_language() -> Option<Language> {
    ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| value.split(':').find_map(Language::from_code))
}
