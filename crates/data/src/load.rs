//! Turns the texts of a [`Dataset`] into an [`Atlas`], reporting every problem on the way.
//!
//! Loading never stops at the first problem: a broken entry is reported with its file and line
//! and left out, and everything else loads, so that `check` lists all problems at once and the
//! window can keep running on what is good.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use super::dataset::Dataset;
use super::geojson::{self, Outline};
use super::problem::{Problem, ProblemKind, Reporter};
use super::raw::{RawEvent, RawForce, RawHolder, RawPeriod, RawPerson, RawPlace, RawRange, RawSideFrom, RawSource};
use super::texts::names;
use super::toml_entries::{DateField, read_entries};
use super::topology;
use atlas_core::model::{
    Atlas, AtlasParts, Confidence, ControlPeriod, Date, DatePrecision, Event, EventCategory, Force, ForceId, Holder,
    LonLat, PersonId, Place, PlaceId, PlaceKind, Role, Side, SideFrom, Source, SourceId,
};

/// An atlas and the problems met while loading it.
pub struct Loaded {
    pub atlas: Atlas,
    /// Problems that kept data out of the atlas.
    pub problems: Vec<Problem>,
    /// Texts that lack a language: the atlas shows the nearest one; `check --strict` fails on them.
    pub translation_gaps: Vec<Problem>,
}

/// Loads a dataset; problems are collected, never fatal.
pub fn load(dataset: &Dataset) -> Loaded {
    load_after(dataset, Vec::new())
}

/// The embedded data, or the data in `folder` (`--data`), loaded: problems reading the folder's
/// files come first, and a file that could not be read is not reported missing as well.
pub fn load_from(folder: Option<&std::path::Path>) -> Loaded {
    match folder {
        Some(folder) => {
            let (dataset, read_problems) = Dataset::from_dir(folder);
            load_after(&dataset, read_problems)
        }
        None => load(&Dataset::embedded()),
    }
}

/// Loads `dataset` after the problems met reading it, which `need` consults so as not to report
/// an unreadable file a second time as missing.
fn load_after(dataset: &Dataset, mut problems: Vec<Problem>) -> Loaded {
    let problems = &mut problems;
    let (mut places, place_lines, population_sources) = read_file(dataset, "places.toml", problems, build_places);
    let place_ids: HashMap<String, PlaceId> =
        places.iter().enumerate().map(|(i, place)| (place.id.clone(), PlaceId(i as u32))).collect();

    let mut area_lines = vec![None; places.len()];
    read_file(dataset, "areas.geojson", problems, |reporter, text| {
        for outline in geojson::read_outlines(reporter, text) {
            attach_outline(reporter, &mut places, &place_ids, outline, &mut area_lines);
        }
    });
    report_in(dataset, "places.toml", problems, |reporter| {
        for (place, line) in places.iter().zip(&place_lines) {
            if place.kind.is_area() && place.area.is_none() {
                reporter.at_line(
                    Some(*line),
                    format!("{} `{}` has no outline in areas.geojson", place.kind.id(), place.id),
                );
            }
        }
    });

    if let (Some(places_file), Some(areas_file)) = (dataset.file("places.toml"), dataset.file("areas.geojson")) {
        let lines = topology::Lines {
            places_file: &places_file.display_name,
            areas_file: &areas_file.display_name,
            place_lines: &place_lines,
            area_lines: &area_lines,
        };
        topology::check(&places, &lines, problems);
    }

    let water = read_file(dataset, "water.geojson", problems, |reporter, text| {
        named_outlines(reporter, text, |id, name, area| atlas_core::model::WaterBody { id, name, area })
    });
    let rivers = read_file(dataset, "rivers.geojson", problems, |reporter, text| {
        geojson::read_courses(reporter, text)
            .into_iter()
            .map(|course| atlas_core::model::River {
                // without a rank: a named river is a main one, an unnamed stream a lesser one
                rank: course.rank.unwrap_or(if course.name.is_some() { 1 } else { 3 }),
                id: course.id,
                name: course.name.unwrap_or_default(),
                course: course.lines,
            })
            .collect()
    });
    let context = read_file(dataset, "context.geojson", problems, |reporter, text| {
        named_outlines(reporter, text, |id, name, area| atlas_core::model::ContextArea { id, name, area })
    });

    let (forces, force_sources) = read_file(dataset, "forces.toml", problems, build_forces);
    let force_ids: HashMap<String, ForceId> =
        forces.iter().enumerate().map(|(i, force)| (force.id.clone(), ForceId(i as u32))).collect();

    let sources = read_file(dataset, "sources.toml", problems, build_sources);
    let source_ids: HashMap<String, SourceId> =
        sources.iter().enumerate().map(|(i, source)| (source.id.clone(), SourceId(i as u32))).collect();

    // The sources that date a force's change of side, now that the sources are known.
    report_in(dataset, "forces.toml", problems, |reporter| {
        for source in &force_sources {
            if !source_ids.contains_key(source.get_ref()) {
                let message = format!("`sides.sources`: no source has the id `{}` in sources.toml", source.get_ref());
                reporter.kind_at(ProblemKind::Reference, &source.span(), message);
            }
        }
    });
    // The sources of 1897 populations, now that the sources are known: those build_places kept
    // (the file is read once; a place it refused is not checked again).
    report_in(dataset, "places.toml", problems, |reporter| {
        for (place, source) in &population_sources {
            if !source_ids.contains_key(source.get_ref()) {
                let message = format!(
                    "`population_source` of `{place}`: no source has the id `{}` in sources.toml",
                    source.get_ref()
                );
                reporter.kind_at(ProblemKind::Reference, &source.span(), message);
            }
        }
    });
    let people =
        read_file(dataset, "people.toml", problems, |reporter, text| build_people(reporter, text, &source_ids));
    let person_ids: HashMap<String, PersonId> =
        people.iter().enumerate().map(|(i, person)| (person.id.clone(), PersonId(i as u32))).collect();
    let ids = Ids { places: &place_ids, forces: &force_ids, sources: &source_ids, people: &person_ids };
    let periods = read_file(dataset, "control.toml", problems, |reporter, text| {
        build_periods(reporter, text, &ids, &places, &forces)
    });
    let events = read_file(dataset, "events.toml", problems, |reporter, text| build_events(reporter, text, &ids));
    let ranges = read_file(dataset, "ranges.toml", problems, build_ranges);
    let (modern_borders, modern_labels) =
        read_file(dataset, "modern_borders.geojson", problems, geojson::read_modern_borders);
    let atlas = Atlas::new(AtlasParts {
        places,
        forces,
        sources,
        periods,
        events,
        people,
        water,
        rivers,
        context,
        ranges,
        modern_borders,
        modern_labels,
    });
    // Tours name places and events, so they are read against the built atlas.
    let tours = super::tours::load_tours(&atlas, &dataset.tours, problems);
    let atlas = atlas.with_tours(tours);
    let (translation_gaps, problems) = std::mem::take(problems).into_iter().partition(Problem::is_translation_gap);
    Loaded { atlas, problems, translation_gaps }
}

/// The outlines of a file of named areas that carry no history (the water, the neighbours), as
/// `make` builds each from its id, its names (empty when not all three are given) and its area.
fn named_outlines<T>(
    reporter: &mut Reporter<'_>,
    text: &str,
    make: impl Fn(String, atlas_core::model::Names, geo::MultiPolygon<f64>) -> T,
) -> Vec<T> {
    geojson::read_outlines(reporter, text)
        .into_iter()
        .map(|outline| make(outline.id, outline.name.unwrap_or_default(), outline.area))
        .collect()
}

/// Reads the data file `name` with `read`, which gets a reporter at that file and its text; a
/// missing file is reported (once) and reads as `T::default()`. Every file is read this way.
fn read_file<T: Default>(
    dataset: &Dataset,
    name: &str,
    problems: &mut Vec<Problem>,
    read: impl FnOnce(&mut Reporter<'_>, &str) -> T,
) -> T {
    match need(dataset, name, problems) {
        Some(file) => read(&mut Reporter::new(&file.display_name, &file.text, problems), &file.text),
        None => T::default(),
    }
}

/// Runs a later check of the file `name` (once what it cites is known), with a reporter at it;
/// nothing when the file was not read.
fn report_in(dataset: &Dataset, name: &str, problems: &mut Vec<Problem>, check: impl FnOnce(&mut Reporter<'_>)) {
    if let Some(file) = dataset.file(name) {
        check(&mut Reporter::new(&file.display_name, &file.text, problems));
    }
}

fn need<'a>(dataset: &'a Dataset, name: &str, problems: &mut Vec<Problem>) -> Option<&'a super::dataset::DataFile> {
    let file = dataset.file(name);
    if file.is_none() && !problems.iter().any(|problem| problem.file.ends_with(name)) {
        problems.push(Problem::of_kind(ProblemKind::File, name, None, "the file is missing"));
    }
    file
}

/// The id maps every reference is resolved against.
struct Ids<'a> {
    places: &'a HashMap<String, PlaceId>,
    forces: &'a HashMap<String, ForceId>,
    people: &'a HashMap<String, PersonId>,
    sources: &'a HashMap<String, SourceId>,
}

/// Ids are lowercase ASCII words so that they are safe on a command line and in a URL.
fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && id.as_bytes()[0].is_ascii_lowercase()
}

fn check_id(reporter: &mut Reporter<'_>, id: &Spanned<String>, seen: &mut HashMap<String, usize>, what: &str) -> bool {
    let text = id.get_ref();
    if !is_valid_id(text) {
        reporter.at(&id.span(), format!("`id`: {what} id `{text}` must be lowercase letters, digits and _"));
        return false;
    }
    let line = reporter.line_of(&id.span());
    if let Some(first) = seen.insert(text.clone(), line) {
        reporter.kind_at(
            ProblemKind::Duplicate,
            &id.span(),
            format!("`id`: {what} `{text}` is defined twice (first on line {first})"),
        );
        seen.insert(text.clone(), first);
        return false;
    }
    true
}

/// A place's id and the `population_source` it cites, where it cites it.
type PopulationSource = (String, Spanned<String>);

/// The places of `places.toml`, the line of each, and the population sources they cite (checked
/// once the sources are read).
fn build_places(reporter: &mut Reporter<'_>, text: &str) -> (Vec<Place>, Vec<usize>, Vec<PopulationSource>) {
    let entries: Vec<(RawPlace, Range<usize>)> = read_entries(reporter, text, "place");
    let mut seen = HashMap::new();
    let mut places = Vec::new();
    let mut lines = Vec::new();
    let mut parents = Vec::new();
    let mut population_sources = Vec::new();
    for (raw, span) in entries {
        if !check_id(reporter, &raw.id, &mut seen, "place") {
            continue;
        }
        let id = raw.id.get_ref().clone();
        let Some(kind) = PlaceKind::from_id(raw.kind.get_ref()) else {
            reporter.at(
                &raw.kind.span(),
                format!(
                    "`kind` of `{id}`: `{}` is not one of oblast, uezd, city, settlement, zone",
                    raw.kind.get_ref()
                ),
            );
            continue;
        };
        let Some(name) = names(reporter, &raw.name, "name") else {
            continue;
        };
        let modern_name = match &raw.modern_name {
            Some(modern) => match names(reporter, modern, "modern_name") {
                Some(names) => Some(names),
                None => continue,
            },
            None => None,
        };
        let location = match (&raw.lonlat, kind) {
            (Some(lonlat), PlaceKind::City | PlaceKind::Settlement) => match lon_lat(lonlat.get_ref()) {
                Ok(point) => Some(point),
                Err(message) => {
                    reporter.at(&lonlat.span(), format!("`lonlat` of `{id}`: {message}"));
                    continue;
                }
            },
            (None, PlaceKind::City | PlaceKind::Settlement) => {
                reporter.at(&span, format!("{} `{id}` needs `lonlat = [longitude, latitude]`", kind.id()));
                continue;
            }
            (Some(lonlat), _) => {
                reporter.at(
                    &lonlat.span(),
                    format!(
                        "`lonlat` of `{id}`: only cities and settlements have a point; areas take their outline from areas.geojson"
                    ),
                );
                None
            }
            (None, _) => None,
        };
        lines.push(reporter.line_of(&span));
        parents.push(raw.parent);
        let population_1897 = match &raw.population_1897 {
            Some(count) if *count.get_ref() <= 0 || *count.get_ref() > 50_000_000 => {
                reporter
                    .at(&count.span(), format!("`population_1897` of `{id}`: {} is not a population", count.get_ref()));
                None
            }
            Some(count) => u64::try_from(*count.get_ref()).ok(),
            None => None,
        };
        if population_1897.is_some() && raw.population_source.is_none() {
            reporter.at(&span, format!("`population_1897` of `{id}` needs a `population_source`"));
        }
        if let Some(source) = raw.population_source {
            population_sources.push((id.clone(), source));
        }
        places.push(Place { id, kind, name, modern_name, parent: None, location, area: None, population_1897 });
    }
    link_parents(reporter, &mut places, parents);
    (places, lines, population_sources)
}

/// Resolves parent ids, then cuts any cycle so that walking up always ends.
fn link_parents(reporter: &mut Reporter<'_>, places: &mut [Place], parents: Vec<Option<Spanned<String>>>) {
    let index: HashMap<String, PlaceId> =
        places.iter().enumerate().map(|(i, place)| (place.id.clone(), PlaceId(i as u32))).collect();
    let mut spans = Vec::with_capacity(places.len());
    for (place, parent) in places.iter_mut().zip(parents) {
        let Some(parent) = parent else {
            spans.push(None);
            continue;
        };
        match index.get(parent.get_ref()) {
            Some(&id) => place.parent = Some(id),
            None => reporter.kind_at(
                ProblemKind::Reference,
                &parent.span(),
                format!("`parent` of `{}`: no place has the id `{}`", place.id, parent.get_ref()),
            ),
        }
        spans.push(Some(parent.span()));
    }
    for start in 0..places.len() {
        let mut seen = vec![start];
        let mut current = places[start].parent;
        while let Some(parent) = current {
            if parent.index() == start {
                if let Some(Some(span)) = spans.get(start) {
                    let chain: Vec<&str> = seen.iter().map(|&i| places[i].id.as_str()).collect();
                    reporter.at(
                        span,
                        format!(
                            "`parent` of `{}` makes a cycle: {} → {}",
                            places[start].id,
                            chain.join(" → "),
                            places[start].id
                        ),
                    );
                }
                places[start].parent = None;
                break;
            }
            if seen.contains(&parent.index()) {
                break; // a cycle further up; it is cut when its own member is visited
            }
            seen.push(parent.index());
            current = places[parent.index()].parent;
        }
    }
}

/// A position that is not a longitude and a latitude in degrees.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BadPosition {
    #[error("expected [longitude, latitude], found {0} numbers")]
    Count(usize),
    #[error("{0} is not a [longitude, latitude] position")]
    NotAPair(String),
    #[error("[{lon:?}, {lat:?}] is not a longitude and latitude in degrees")]
    OutOfRange { lon: f64, lat: f64 },
}

/// A longitude and latitude in degrees, checked: finite, within ±180° and ±90°.
pub(crate) fn checked_lon_lat(lon: f64, lat: f64) -> Result<LonLat, BadPosition> {
    if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
        return Err(BadPosition::OutOfRange { lon, lat });
    }
    Ok(LonLat { lon, lat })
}

fn lon_lat(values: &[f64]) -> Result<LonLat, BadPosition> {
    let [lon, lat] = values else {
        return Err(BadPosition::Count(values.len()));
    };
    checked_lon_lat(*lon, *lat)
}

fn attach_outline(
    reporter: &mut Reporter<'_>,
    places: &mut [Place],
    place_ids: &HashMap<String, PlaceId>,
    outline: Outline,
    area_lines: &mut [Option<usize>],
) {
    let Some(&id) = place_ids.get(&outline.id) else {
        reporter.kind_at_line(
            ProblemKind::Reference,
            outline.line,
            format!("`properties.id`: no place has the id `{}`", outline.id),
        );
        return;
    };
    let place = &mut places[id.index()];
    if !place.kind.is_area() {
        reporter.at_line(
            outline.line,
            format!("`{}` is a city: cities are points, given by `lonlat` in places.toml", place.id),
        );
    } else if place.area.is_some() {
        reporter.kind_at_line(
            ProblemKind::Duplicate,
            outline.line,
            format!("`properties.id`: `{}` has a second outline", place.id),
        );
    } else {
        place.area = Some(outline.area);
        if let Some(line) = area_lines.get_mut(id.index()) {
            *line = outline.line;
        }
    }
}

fn colour(text: &str) -> Option<[u8; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

fn build_forces(reporter: &mut Reporter<'_>, text: &str) -> (Vec<Force>, Vec<Spanned<String>>) {
    let entries: Vec<(RawForce, Range<usize>)> = read_entries(reporter, text, "force");
    let mut seen = HashMap::new();
    let mut forces = Vec::new();
    let mut cited = Vec::new();
    for (raw, span) in entries {
        if !check_id(reporter, &raw.id, &mut seen, "force") {
            continue;
        }
        let id = raw.id.get_ref().clone();
        let sides = match (&raw.side, &raw.sides) {
            (Some(side), None) => match side_of(reporter, side, &id) {
                Some(side) => vec![SideFrom { from: Date::ATLAS_START, side }],
                None => continue,
            },
            (None, Some(list)) => match sides_of(reporter, list, &id) {
                Some(sides) => sides,
                None => continue,
            },
            (Some(side), Some(_)) => {
                reporter.at(&side.span(), format!("force `{id}` has both `side` and `sides`: keep one"));
                continue;
            }
            (None, None) => {
                reporter.at(&span, format!("force `{id}` needs `side = \"...\"` or a dated `sides` list"));
                continue;
            }
        };
        if let Some(list) = &raw.sides {
            cited.extend(list.get_ref().iter().flat_map(|entry| entry.get_ref().sources.iter().cloned()));
        }
        let Some(name) = names(reporter, &raw.name, "name") else {
            continue;
        };
        let rgb = match &raw.colour {
            Some(text) => match colour(text.get_ref()) {
                Some(rgb) => Some(rgb),
                None => {
                    reporter.at(
                        &text.span(),
                        format!("`colour` of `{id}`: `{}` is not a colour like \"#5b7fb5\"", text.get_ref()),
                    );
                    None
                }
            },
            None => None,
        };
        forces.push(Force { id, sides, name, rgb });
    }
    (forces, cited)
}

fn side_of(reporter: &mut Reporter<'_>, side: &Spanned<String>, id: &str) -> Option<Side> {
    let found = Side::from_id(side.get_ref());
    if found.is_none() {
        let known: Vec<&str> = Side::ALL.iter().map(|side| side.id()).collect();
        reporter.at(&side.span(), format!("`side` of `{id}`: `{}` is not one of {}", side.get_ref(), known.join(", ")));
    }
    found
}

/// A force's dated sides, checked: at least one, dates within the atlas and rising.
fn sides_of(reporter: &mut Reporter<'_>, list: &Spanned<Vec<Spanned<RawSideFrom>>>, id: &str) -> Option<Vec<SideFrom>> {
    let owner = format!("force `{id}`");
    let mut sides: Vec<SideFrom> = Vec::new();
    for entry in list.get_ref() {
        let entry = entry.get_ref();
        let from = date(reporter, &entry.from, "sides.from", &owner)?;
        let side = side_of(reporter, &entry.side, id)?;
        if let Some(previous) = sides.last()
            && previous.from >= from
        {
            reporter.kind_at(
                ProblemKind::Dates,
                &entry.from.span(),
                format!("`sides` of {owner}: {from} does not come after {}", previous.from),
            );
            return None;
        }
        sides.push(SideFrom { from, side });
    }
    if sides.is_empty() {
        reporter.at(&list.span(), format!("`sides` of {owner} is empty"));
        return None;
    }
    Some(sides)
}

fn build_sources(reporter: &mut Reporter<'_>, text: &str) -> Vec<Source> {
    let entries: Vec<(RawSource, Range<usize>)> = read_entries(reporter, text, "source");
    let mut seen = HashMap::new();
    let mut sources = Vec::new();
    for (raw, _) in entries {
        if !check_id(reporter, &raw.id, &mut seen, "source") {
            continue;
        }
        if raw.title.get_ref().trim().is_empty() {
            reporter.at(&raw.title.span(), format!("`title` of source `{}` is empty", raw.id.get_ref()));
            continue;
        }
        sources.push(Source {
            id: raw.id.get_ref().clone(),
            title: raw.title.get_ref().clone(),
            author: raw.author,
            url: raw.url,
            note: super::texts::note(reporter, raw.note.as_ref(), "note"),
        });
    }
    sources
}

/// Parses a date field and checks that it lies within the atlas's years.
fn date(reporter: &mut Reporter<'_>, field: &Spanned<DateField>, name: &str, owner: &str) -> Option<Date> {
    let text = field.get_ref().text();
    match Date::parse(&text).map(Date::in_atlas) {
        Ok(Ok(date)) => Some(date),
        Ok(Err(outside)) => {
            reporter.kind_at(ProblemKind::Dates, &field.span(), format!("`{name}` of {owner}: {outside}"));
            None
        }
        Err(error) => {
            reporter.at(&field.span(), format!("`{name}` of {owner}: {error}"));
            None
        }
    }
}

fn resolve_sources(
    reporter: &mut Reporter<'_>,
    raw: &Spanned<Vec<Spanned<String>>>,
    ids: &Ids<'_>,
    owner: &str,
) -> Option<Vec<SourceId>> {
    if raw.get_ref().is_empty() {
        reporter.at(&raw.span(), format!("`sources` of {owner}: at least one source is needed"));
        return None;
    }
    let mut sources = Vec::new();
    for source in raw.get_ref() {
        match ids.sources.get(source.get_ref()) {
            Some(&id) => sources.push(id),
            None => {
                reporter.kind_at(
                    ProblemKind::Reference,
                    &source.span(),
                    format!("`sources` of {owner}: no source has the id `{}` in sources.toml", source.get_ref()),
                );
                return None;
            }
        }
    }
    Some(sources)
}

fn confidence(reporter: &mut Reporter<'_>, raw: &Spanned<String>, owner: &str) -> Option<Confidence> {
    let confidence = Confidence::from_id(raw.get_ref());
    if confidence.is_none() {
        reporter
            .at(&raw.span(), format!("`confidence` of {owner}: `{}` is not one of high, medium, low", raw.get_ref()));
    }
    confidence
}

fn build_periods(
    reporter: &mut Reporter<'_>,
    text: &str,
    ids: &Ids<'_>,
    places: &[Place],
    forces: &[Force],
) -> Vec<ControlPeriod> {
    let entries: Vec<(RawPeriod, Range<usize>)> = read_entries(reporter, text, "period");
    let mut periods: Vec<(ControlPeriod, Range<usize>)> = Vec::new();
    for (raw, span) in entries {
        let place_name = raw.place.get_ref();
        let owner = format!("period for `{place_name}`");
        let Some(&place) = ids.places.get(place_name) else {
            reporter.kind_at(
                ProblemKind::Reference,
                &raw.place.span(),
                format!("`place`: no place has the id `{place_name}` in places.toml"),
            );
            continue;
        };
        let Some(start) = date(reporter, &raw.start, "start", &owner) else {
            continue;
        };
        let end = match &raw.end {
            Some(end) => match date(reporter, end, "end", &owner) {
                Some(end) => end,
                None => continue,
            },
            None => Date::ATLAS_END,
        };
        if end < start {
            let at = raw.end.as_ref().map_or(span.clone(), |end| end.span());
            reporter.kind_at(ProblemKind::Dates, &at, format!("{owner} ends {end} before it starts {start}"));
            continue;
        }
        // `forces = []` records a known unknown: the sources say nobody of ours held the place (or
        // are silent), and the note must say which, so that `check` no longer calls it a gap.
        let note = super::texts::note(reporter, raw.note.as_ref(), "note");
        if raw.forces.get_ref().is_empty() && note.missing().count() == 3 {
            reporter.at(
                &raw.forces.span(),
                format!("`forces` of {owner}: at least one force is needed, or `forces = []` with a `note` saying why nobody is known"),
            );
            continue;
        }
        let mut holders = Vec::new();
        for holder in raw.forces.get_ref() {
            let holder = holder.get_ref();
            let Some(&force) = ids.forces.get(holder.force.get_ref()) else {
                reporter.kind_at(
                    ProblemKind::Reference,
                    &holder.force.span(),
                    format!("`forces` of {owner}: no force has the id `{}` in forces.toml", holder.force.get_ref()),
                );
                break;
            };
            let Some(role) = Role::from_id(holder.role.get_ref()) else {
                reporter.at(
                    &holder.role.span(),
                    format!("`role` in {owner}: `{}` is not one of military, civil, nominal", holder.role.get_ref()),
                );
                break;
            };
            let Some(side) = side_during(reporter, &forces[force.index()], holder, start, end, &owner) else {
                break;
            };
            holders.push(Holder { force, role, side });
        }
        if holders.len() != raw.forces.get_ref().len() {
            continue;
        }
        let Some(confidence) = confidence(reporter, &raw.confidence, &owner) else {
            continue;
        };
        let Some(sources) = resolve_sources(reporter, &raw.sources, ids, &owner) else {
            continue;
        };
        periods.push((ControlPeriod { place, start, end, holders, confidence, sources, note }, span));
    }
    drop_overlaps(reporter, periods, places)
}

/// The side a force holds for the whole of a period; a period that uses the force before it has
/// a side, or across a change of side, is reported (the fix is to split it on that day).
fn side_during(
    reporter: &mut Reporter<'_>,
    force: &Force,
    holder: &RawHolder,
    start: Date,
    end: Date,
    owner: &str,
) -> Option<Side> {
    let Some(side) = force.side_on(start) else {
        let first = force.sides.first().map_or(Date::ATLAS_END, |entry| entry.from);
        reporter.kind_at(
            ProblemKind::Dates,
            &holder.force.span(),
            format!("`forces` of {owner}: `{}` has no side before {first}, but the period starts {start}", force.id),
        );
        return None;
    };
    if let Some(change) = force.change_within(start, end) {
        reporter.kind_at(ProblemKind::Dates,
            &holder.force.span(),
            format!(
                "`forces` of {owner}: `{}` turns from {} to {} on {}, inside the period ({start} to {end}); split the period on that day",
                force.id,
                side.id(),
                change.side.id(),
                change.from
            ),
        );
        return None;
    }
    Some(side)
}

/// Keeps the first of any two periods of one place that overlap and reports the second.
fn drop_overlaps(
    reporter: &mut Reporter<'_>,
    mut periods: Vec<(ControlPeriod, Range<usize>)>,
    places: &[Place],
) -> Vec<ControlPeriod> {
    periods.sort_by_key(|(period, span)| (period.place, period.start, span.start));
    let mut kept: Vec<(ControlPeriod, Range<usize>)> = Vec::with_capacity(periods.len());
    for (period, span) in periods {
        if let Some((previous, previous_span)) = kept.last()
            && previous.place == period.place
            && period.start <= previous.end
        {
            let previous_line = reporter.line_of(previous_span);
            reporter.kind_at(ProblemKind::Dates,
                &span,
                format!(
                    "period for `{}` ({} to {}) overlaps the period on line {previous_line} ({} to {}); put forces that share a place in one period",
                    places[period.place.index()].id, period.start, period.end, previous.start, previous.end
                ),
            );
            continue;
        }
        kept.push((period, span));
    }
    kept.into_iter().map(|(period, _)| period).collect()
}

fn build_events(reporter: &mut Reporter<'_>, text: &str, ids: &Ids<'_>) -> Vec<Event> {
    let entries: Vec<(RawEvent, Range<usize>)> = read_entries(reporter, text, "event");
    let mut seen = HashMap::new();
    let mut events = Vec::new();
    for (raw, _) in entries {
        if !check_id(reporter, &raw.id, &mut seen, "event") {
            continue;
        }
        let id = raw.id.get_ref().clone();
        let owner = format!("event `{id}`");
        let Some(start) = date(reporter, &raw.date, "date", &owner) else {
            continue;
        };
        let end = match &raw.end {
            Some(end) => match date(reporter, end, "end", &owner) {
                Some(end) => end,
                None => continue,
            },
            None => start,
        };
        if end < start {
            let at = raw.end.as_ref().map_or(raw.date.span(), |end| end.span());
            reporter.kind_at(ProblemKind::Dates, &at, format!("{owner} ends {end} before it starts {start}"));
            continue;
        }
        let Some(precision) = DatePrecision::from_id(raw.precision.get_ref()) else {
            reporter.at(
                &raw.precision.span(),
                format!("`precision` of {owner}: `{}` is not one of day, month, season, year", raw.precision.get_ref()),
            );
            continue;
        };
        let Some(category) = EventCategory::from_id(raw.category.get_ref()) else {
            let known: Vec<&str> = EventCategory::ALL.iter().map(|category| category.id()).collect();
            reporter.at(
                &raw.category.span(),
                format!("`category` of {owner}: `{}` is not one of {}", raw.category.get_ref(), known.join(", ")),
            );
            continue;
        };
        let mut places = Vec::new();
        for place in raw.places.get_ref() {
            match ids.places.get(place.get_ref()) {
                Some(&id) => places.push(id),
                None => reporter.kind_at(
                    ProblemKind::Reference,
                    &place.span(),
                    format!("`places` of {owner}: no place has the id `{}` in places.toml", place.get_ref()),
                ),
            }
        }
        if places.len() != raw.places.get_ref().len() {
            continue;
        }
        let Some(title) = names(reporter, &raw.title, "title") else {
            continue;
        };
        let Some(text) = names(reporter, &raw.text, "text") else {
            continue;
        };
        let Some(confidence) = confidence(reporter, &raw.confidence, &owner) else {
            continue;
        };
        let Some(sources) = resolve_sources(reporter, &raw.sources, ids, &owner) else {
            continue;
        };
        let mut people = Vec::new();
        for person in &raw.people {
            match ids.people.get(person.get_ref()) {
                Some(&index) => people.push(index),
                None => reporter.kind_at(
                    ProblemKind::Reference,
                    &person.span(),
                    format!("`people` of {owner}: no person has the id `{}` in people.toml", person.get_ref()),
                ),
            }
        }
        events.push(Event {
            id,
            start,
            end,
            precision,
            places,
            category,
            title,
            text,
            seed: raw.seed,
            confidence,
            sources,
            people,
        });
    }
    events
}

/// Labels of mountain ranges, deserts and lowlands.
fn build_ranges(reporter: &mut Reporter<'_>, text: &str) -> Vec<atlas_core::model::MapLabel> {
    let entries: Vec<(RawRange, Range<usize>)> = read_entries(reporter, text, "range");
    let mut seen = HashMap::new();
    let mut labels = Vec::new();
    for (raw, _) in entries {
        if !check_id(reporter, &raw.id, &mut seen, "range") {
            continue;
        }
        let Some(name) = names(reporter, &raw.name, "name") else { continue };
        let at = match raw.at.get_ref().as_slice() {
            &[lon, lat] if lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0 => {
                LonLat { lon, lat }
            }
            _ => {
                reporter.at(&raw.at.span(), "`at` must be [longitude, latitude] in degrees");
                continue;
            }
        };
        let angle_degrees = match &raw.angle {
            Some(angle) if !(-90.0..=90.0).contains(angle.get_ref()) => {
                reporter.at(&angle.span(), format!("`angle` {} must be -90 to 90 degrees", angle.get_ref()));
                continue;
            }
            Some(angle) => *angle.get_ref() as f32,
            None => 0.0,
        };
        let Some(kind) = atlas_core::model::LabelKind::from_id(raw.kind.get_ref()) else {
            reporter.at(
                &raw.kind.span(),
                format!("`kind`: `{}` is not mountains, upland, desert or lowland", raw.kind.get_ref()),
            );
            continue;
        };
        labels.push(atlas_core::model::MapLabel { id: raw.id.get_ref().clone(), name, at, angle_degrees, kind });
    }
    labels
}

/// People named in the seed; an unknown birth or death is written as an empty string.
fn build_people(
    reporter: &mut Reporter<'_>,
    text: &str,
    source_ids: &HashMap<String, SourceId>,
) -> Vec<atlas_core::model::Person> {
    let entries: Vec<(RawPerson, Range<usize>)> = read_entries(reporter, text, "person");
    let mut seen = HashMap::new();
    let mut people = Vec::new();
    for (raw, _) in entries {
        if !check_id(reporter, &raw.id, &mut seen, "person") {
            continue;
        }
        let id = raw.id.get_ref().clone();
        let Some(name) = names(reporter, &raw.name, "name") else { continue };
        let Some(summary) = names(reporter, &raw.summary, "summary") else { continue };
        let mut dates = [None, None];
        for (slot, (field, raw_date)) in dates.iter_mut().zip([("born", &raw.born), ("died", &raw.died)]) {
            let Some(raw_date) = raw_date else { continue };
            let value = raw_date.get_ref().trim();
            if value.is_empty() {
                continue;
            }
            match atlas_core::model::PartialDate::parse(value) {
                Some(date) => *slot = Some(date),
                None => reporter.at(
                    &raw_date.span(),
                    format!("`{field}` of person `{id}`: `{value}` is not YYYY, YYYY-MM or YYYY-MM-DD"),
                ),
            }
        }
        let mut sources = Vec::new();
        for source in raw.sources.get_ref() {
            match source_ids.get(source.get_ref()) {
                Some(&source_id) => sources.push(source_id),
                None => reporter.kind_at(
                    ProblemKind::Reference,
                    &source.span(),
                    format!("`sources` of person `{id}`: no source has the id `{}` in sources.toml", source.get_ref()),
                ),
            }
        }
        if sources.is_empty() {
            reporter.at(&raw.sources.span(), format!("`sources` of person `{id}`: at least one source is needed"));
            continue;
        }
        let [born, died] = dates;
        people.push(atlas_core::model::Person { id, name, born, died, summary, sources });
    }
    people
}
