//! From text files to the model: reading the dataset, reporting problems with file and line.

mod dataset;
mod geojson;
mod load;
mod problem;
mod raw;
mod texts;
mod toml_entries;
pub mod topology;
mod tour_writer;
mod tours;

pub use dataset::{DataFile, Dataset, FILE_NAMES, MAX_FILE_BYTES, text_of};
pub use load::{Loaded, load};
pub use problem::{LineIndex, Problem, ProblemKind};
pub use tour_writer::{StepDraft, TourDraft, tour_to_toml};
pub use tours::{MAX_STEPS, load_tour, load_tours};
