//! Writes a tour made in the window ("add this view as a step") as a tour file in the format
//! `load_tour` reads, so that a lecturer's tour is a plain text file like the built-in ones.

use serde::Serialize;

use atlas_core::model::Names;

/// A tour being made, as plain values.
#[derive(Clone, Debug, Default)]
pub struct TourDraft {
    pub id: String,
    pub title: Names,
    pub steps: Vec<StepDraft>,
}

/// One step being made: the date and camera are taken from the window when the step is added.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StepDraft {
    pub date: String,
    /// [longitude, latitude] of the view's centre.
    pub center: [f64; 2],
    /// 1 = the whole atlas.
    pub zoom: f64,
    pub highlight: Vec<String>,
    pub caption: Names,
    pub notes: Names,
    pub duration: f64,
}

#[derive(Serialize)]
struct FileNames<'a> {
    kk: &'a str,
    ru: &'a str,
    en: &'a str,
}

impl<'a> From<&'a Names> for FileNames<'a> {
    fn from(names: &'a Names) -> FileNames<'a> {
        FileNames { kk: &names.kk, ru: &names.ru, en: &names.en }
    }
}

#[derive(Serialize)]
struct FileTour<'a> {
    id: &'a str,
    title: FileNames<'a>,
    step: Vec<FileStep<'a>>,
}

#[derive(Serialize)]
struct FileStep<'a> {
    date: &'a str,
    center: [f64; 2],
    zoom: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    highlight: &'a Vec<String>,
    duration: f64,
    caption: FileNames<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<FileNames<'a>>,
}

/// Rounds to the precision a camera needs (about 100 m), so the file stays readable.
fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

/// The tour as TOML text, with a comment header.
pub fn tour_to_toml(draft: &TourDraft) -> Result<String, toml::ser::Error> {
    let file = FileTour {
        id: &draft.id,
        title: (&draft.title).into(),
        step: draft
            .steps
            .iter()
            .map(|step| FileStep {
                date: &step.date,
                center: [round(step.center[0], 3), round(step.center[1], 3)],
                zoom: round(step.zoom, 2),
                highlight: &step.highlight,
                duration: round(step.duration, 1),
                caption: (&step.caption).into(),
                notes: [&step.notes.kk, &step.notes.ru, &step.notes.en]
                    .iter()
                    .any(|text| !text.trim().is_empty())
                    .then(|| (&step.notes).into()),
            })
            .collect(),
    };
    let body = toml::to_string(&file)?;
    Ok(format!("# A tour made in Steppe Atlas with \"Add this view as a step\". Format: maps/README.md.\n\n{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DataFile, Dataset, load, load_tour};

    fn names(text: &str) -> Names {
        Names::new(format!("{text} (kk)"), format!("{text} (ru)"), text)
    }

    #[test]
    fn a_written_tour_loads_back_with_the_same_steps() {
        let atlas = load(&Dataset::embedded()).atlas;
        let draft = TourDraft {
            id: "my_lecture".into(),
            title: names("My lecture"),
            steps: vec![
                StepDraft {
                    date: "1918-06-01".into(),
                    center: [73.3654, 54.9823],
                    zoom: 3.5,
                    highlight: vec!["omsk".into()],
                    caption: names("Omsk \"falls\"\nto the Whites"),
                    notes: names("Say why."),
                    duration: 10.0,
                },
                StepDraft { date: "1919-07-10".into(), center: [61.5, 50.0], zoom: 1.0, ..Default::default() },
            ],
        };
        let mut draft = draft;
        draft.steps[1].caption = names("Kazrevkom");
        draft.steps[1].duration = 12.0;
        let text = tour_to_toml(&draft).unwrap();
        let mut problems = Vec::new();
        let file = DataFile { display_name: "my_lecture.toml".into(), text };
        let tour = load_tour(&atlas, &file, &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}\n{}", file.text);
        assert_eq!(tour.steps.len(), 2);
        assert_eq!(tour.steps[0].caption.en, "Omsk \"falls\"\nto the Whites");
        assert_eq!(tour.steps[0].highlights, vec![atlas.place_by_id("omsk").unwrap()]);
        assert_eq!(tour.steps[1].date.to_string(), "1919-07-10");
    }
}
