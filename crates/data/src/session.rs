//! What every front end starts from, built once in one place: the atlas read (embedded or from
//! `--data`) and projected, the interface's translation table, and every problem met on the
//! way. The desk, the lecture hall, the kiosk and `check` each take one; like rerun's
//! `ViewerContext`, it is handed on, not rebuilt.

use std::path::Path;

use atlas_core::geometry::MapGeometry;
use atlas_core::i18n::Translations;
use atlas_core::model::Atlas;

use crate::{Problem, ProblemKind, load_from};

/// The atlas, its shapes, the interface's texts and the problems found reading them.
pub struct Session {
    pub atlas: Atlas,
    pub geometry: MapGeometry,
    pub texts: Translations,
    /// Problems with the data, each with its file and line; the atlas holds what loaded.
    pub problems: Vec<Problem>,
    /// Texts of the data that lack a language (shown in the nearest one, and said so).
    pub translation_gaps: Vec<Problem>,
    /// A translation table that could not be read (the interface then shows its keys). Kept
    /// apart from the data's problems, so that reloading the data does not make it vanish.
    pub texts_problem: Option<Problem>,
}

impl Session {
    /// Reads the embedded data, or the data in `folder`, projects it and reads the table.
    pub fn load(folder: Option<&Path>) -> Session {
        let loaded = load_from(folder);
        let geometry = MapGeometry::new(&loaded.atlas);
        let (texts, texts_problem) = match Translations::embedded() {
            Ok(texts) => (texts, None),
            Err(error) => {
                let problem = Problem::of_kind(ProblemKind::File, "assets/translations.toml", None, error.to_string());
                (Translations::default(), Some(problem))
            }
        };
        Session {
            atlas: loaded.atlas,
            geometry,
            texts,
            problems: loaded.problems,
            translation_gaps: loaded.translation_gaps,
            texts_problem,
        }
    }

    /// Every problem a reader should see: the table's first, then the data's.
    pub fn all_problems(&self) -> Vec<Problem> {
        self.texts_problem.iter().chain(&self.problems).cloned().collect()
    }
}
