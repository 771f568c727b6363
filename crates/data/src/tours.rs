//! Reads tour files (`maps/tours/*.toml`): one tour a file, its steps as `[[step]]` entries.
//! Every reference (places, events, layers) is checked; a problem names the file and line.

use serde::Deserialize;
use toml::Spanned;

use super::dataset::DataFile;
use super::problem::{Problem, ProblemKind, Reporter};
use super::raw::RawNames;
use super::texts::names;
use super::toml_entries::DateField;
use atlas_core::layers::Layer;
use atlas_core::model::{Atlas, Camera, DEFAULT_STEP_SECONDS, Date, LonLat, Names, PlaceId, Tour, TourStep};

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct RawTour {
    id: Spanned<String>,
    title: Spanned<RawNames>,
    summary: Option<Spanned<RawNames>>,
    #[serde(default)]
    step: Vec<Spanned<RawStep>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct RawStep {
    date: Spanned<DateField>,
    until: Option<Spanned<DateField>>,
    fit: Option<Spanned<Vec<Spanned<String>>>>,
    center: Option<Spanned<Vec<f64>>>,
    zoom: Option<Spanned<f64>>,
    #[serde(default)]
    highlight: Vec<Spanned<String>>,
    #[serde(default)]
    events: Vec<Spanned<String>>,
    layers: Option<Spanned<std::collections::BTreeMap<String, bool>>>,
    caption: Spanned<RawNames>,
    notes: Option<Spanned<RawNames>>,
    duration: Option<Spanned<f64>>,
}

/// The most steps a tour may have: enough for any lecture, small enough to read.
pub const MAX_STEPS: usize = 200;

/// Loads one tour file against `atlas`. A tour that cannot be used (not TOML, no steps, a step
/// without a date or camera) is `None`; a reference to a missing place or event is reported and
/// left out of its step, so the rest of the tour still plays.
pub fn load_tour(atlas: &Atlas, file: &DataFile, problems: &mut Vec<Problem>) -> Option<Tour> {
    let mut reporter = Reporter::new(&file.display_name, &file.text, problems);
    let raw: RawTour = match toml::from_str(&file.text) {
        Ok(raw) => raw,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().lines().next().unwrap_or_default().to_owned();
            reporter.kind_at(ProblemKind::File, &span, format!("not a valid tour: {message}"));
            return None;
        }
    };
    let title = names(&mut reporter, &raw.title, "title")?;
    let summary = match &raw.summary {
        Some(summary) => names(&mut reporter, summary, "summary")?,
        None => Names::default(),
    };
    if raw.step.is_empty() {
        reporter.at(&raw.id.span(), "the tour has no `[[step]]`");
        return None;
    }
    if raw.step.len() > MAX_STEPS {
        reporter.at(&raw.id.span(), format!("the tour has {} steps, more than {MAX_STEPS}", raw.step.len()));
        return None;
    }
    let mut steps = Vec::new();
    for step in &raw.step {
        steps.push(build_step(&mut reporter, atlas, step)?);
    }
    Some(Tour { id: raw.id.get_ref().clone(), title, summary, steps, file: file.display_name.clone() })
}

fn build_step(reporter: &mut Reporter<'_>, atlas: &Atlas, raw: &Spanned<RawStep>) -> Option<TourStep> {
    let line = reporter.line_of(&raw.span());
    let step = raw.get_ref();
    let date = date_field(reporter, &step.date, "date")?;
    let until = match &step.until {
        Some(until) => {
            let until = date_field(reporter, until, "until")?;
            if until <= date {
                reporter.kind_at(
                    ProblemKind::Dates,
                    &step.until.as_ref()?.span(),
                    format!("`until` {until} is not after `date` {date}"),
                );
                return None;
            }
            Some(until)
        }
        None => None,
    };
    let camera = camera(reporter, atlas, raw)?;
    let highlights = place_list(reporter, atlas, &step.highlight, "highlight");
    let mut events = Vec::new();
    for id in &step.events {
        match atlas.event_by_id(id.get_ref()) {
            Some(event) => events.push(event),
            None => reporter.kind_at(
                ProblemKind::Reference,
                &id.span(),
                format!("`events`: no event has the id `{}`", id.get_ref()),
            ),
        }
    }
    let mut layers = Vec::new();
    if let Some(raw_layers) = &step.layers {
        for (name, &on) in raw_layers.get_ref() {
            match Layer::from_id(name) {
                Some(layer) => layers.push((layer, on)),
                None => reporter.kind_at(
                    ProblemKind::Reference,
                    &raw_layers.span(),
                    format!("`layers`: unknown layer `{name}`"),
                ),
            }
        }
    }
    let caption = names(reporter, &step.caption, "caption")?;
    // Speaker notes may be in only the lecturer's language.
    // Speaker notes are optional: empty ones are no problem, and some are reported as gaps.
    let notes = match &step.notes {
        Some(notes) if !notes.get_ref().is_empty() => names(reporter, notes, "notes").unwrap_or_default(),
        _ => Names::default(),
    };
    let duration_seconds = match &step.duration {
        Some(duration) if !(1.0..=600.0).contains(duration.get_ref()) => {
            reporter.at(&duration.span(), format!("`duration` {} must be 1 to 600 seconds", duration.get_ref()));
            DEFAULT_STEP_SECONDS
        }
        Some(duration) => *duration.get_ref() as f32,
        None => DEFAULT_STEP_SECONDS,
    };
    Some(TourStep { date, until, camera, highlights, events, layers, caption, notes, duration_seconds, line })
}

fn camera(reporter: &mut Reporter<'_>, atlas: &Atlas, raw: &Spanned<RawStep>) -> Option<Camera> {
    let step = raw.get_ref();
    match (&step.fit, &step.center, &step.zoom) {
        (Some(fit), None, None) => {
            let places = place_list(reporter, atlas, fit.get_ref(), "fit");
            if places.is_empty() {
                reporter.at(&fit.span(), "`fit` names no place on the map");
                return None;
            }
            Some(Camera::Fit(places))
        }
        (None, Some(center), Some(zoom)) => {
            let (lon, lat) = match center.get_ref().as_slice() {
                &[lon, lat] if lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() < 90.0 => {
                    (lon, lat)
                }
                _ => {
                    reporter.at(&center.span(), "`center` must be [longitude, latitude] in degrees");
                    return None;
                }
            };
            let zoom = *zoom.get_ref();
            if !(zoom.is_finite() && (0.25..=100.0).contains(&zoom)) {
                reporter.at(
                    &step.zoom.as_ref()?.span(),
                    format!("`zoom` {zoom} must be 0.25 to 100 (1 = the whole atlas)"),
                );
                return None;
            }
            Some(Camera::Centre { centre: LonLat { lon, lat }, zoom: zoom as f32 })
        }
        _ => {
            reporter.at(&raw.span(), "a step needs a camera: `fit = [places]`, or `center = [lon, lat]` with `zoom`");
            None
        }
    }
}

fn place_list(reporter: &mut Reporter<'_>, atlas: &Atlas, ids: &[Spanned<String>], field: &str) -> Vec<PlaceId> {
    let mut places = Vec::new();
    for id in ids {
        match atlas.place_by_id(id.get_ref()) {
            Some(place) => places.push(place),
            None => reporter.kind_at(
                ProblemKind::Reference,
                &id.span(),
                format!("`{field}`: no place has the id `{}`", id.get_ref()),
            ),
        }
    }
    places
}

fn date_field(reporter: &mut Reporter<'_>, raw: &Spanned<DateField>, field: &str) -> Option<Date> {
    let text = raw.get_ref().text();
    match Date::parse(&text).map(Date::in_atlas) {
        Ok(Ok(date)) => Some(date),
        Ok(Err(outside)) => {
            // A date problem, as in the other data files (`check` counts them apart).
            reporter.kind_at(ProblemKind::Dates, &raw.span(), format!("`{field}` {outside}"));
            None
        }
        Err(error) => {
            reporter.at(&raw.span(), format!("`{field}`: {error}"));
            None
        }
    }
}

/// Loads every tour file; tours with the same id as an earlier one are reported and left out.
pub fn load_tours(atlas: &Atlas, files: &[DataFile], problems: &mut Vec<Problem>) -> Vec<Tour> {
    let mut tours: Vec<Tour> = Vec::new();
    for file in files {
        let Some(tour) = load_tour(atlas, file, problems) else { continue };
        if let Some(first) = tours.iter().find(|other| other.id == tour.id) {
            let message = format!("`id`: a tour `{}` is already defined in {}", tour.id, first.file);
            problems.push(Problem::of_kind(ProblemKind::Duplicate, &file.display_name, Some(1), message));
            continue;
        }
        tours.push(tour);
    }
    tours
}
