//! The command line, a contract that scripts and museum staff rely on: keep names and shapes.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::data::{Dataset, Problem};
use crate::layers::LayerSet;
use crate::model::{Date, Language, LonLat};
use crate::query::{self, Selection};

pub mod render_args;

#[derive(Parser, Debug)]
#[command(
    name = "steppe-atlas",
    version,
    about = "An atlas of Kazakhstan in 1917-1920: who held each place on each day."
)]
pub struct Cli {
    /// Load the data files from this folder instead of the data built into the program.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Open the window on this date (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,

    /// Open the window with this place highlighted (an id or a name in any language).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,

    /// Interface language: kk, kk-latn (Kazakh in Latin letters), ru or en (default: the system's, if it is one of these).
    #[arg(long, value_name = "kk|kk-latn|ru|en")]
    pub lang: Option<String>,

    /// Map layers: `rivers,zones` (exactly these), `+modern_borders,-relief` (changes to the
    /// default), `all` or `none`. Layers: relief, neighbours, rivers, uezd_borders, zones,
    /// city_labels, modern_borders, modern_names.
    #[arg(long, global = true, value_name = "LIST", allow_hyphen_values = true)]
    pub layers: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Draw maps as images, with no window: a still PNG, an animated GIF, numbered PNG frames,
    /// a poster of small multiples, or a tour with its subtitles.
    Render(Box<render_args::RenderArgs>),
    /// Lecture mode: a tour fullscreen, driven by a presentation clicker, with a presenter view.
    Present {
        /// The tour to present: a tour file, or a built-in tour's name (1917, 1918, 1919_1920);
        /// the first built-in tour when absent.
        #[arg(long, value_name = "FILE|NAME")]
        tour: Option<PathBuf>,
        /// Which monitor the hall sees (0 = the first).
        #[arg(long, value_name = "N")]
        monitor: Option<usize>,
        /// Language of the captions and the interface: kk, kk-latn, ru or en.
        #[arg(long, value_name = "kk|kk-latn|ru|en")]
        lang: Option<String>,
        /// How the map is coloured: `projector` (the default: fills laid on thick, as projectors
        /// wash colours out) or `screen` (the desk's lighter fills, for a large monitor).
        #[arg(long, value_name = "projector|screen")]
        look: Option<String>,
    },
    /// Museum kiosk mode: fullscreen, plays a tour by itself, resets itself when left alone.
    Kiosk {
        /// The exhibit's configuration (see kiosk.example.toml); built-in defaults when absent.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Check the data files; print one line per problem (file:line: message) and exit 1 if any.
    /// Also lists what the data does not cover (places and days without control data, events
    /// with no place on the map).
    Check {
        /// Treat gaps in coverage and missing translations as problems too (exit 1).
        #[arg(long)]
        strict: bool,
        /// Language of the kinds of problem: kk, kk-latn, ru or en (default: the system's, if it is one of these).
        #[arg(long, value_name = "kk|kk-latn|ru|en")]
        lang: Option<String>,
    },
    /// Tell who holds what on a date.
    Query {
        /// The date, YYYY-MM-DD (Gregorian).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// Only the oblast, uezd and zones containing this point, and the nearest city within 30 km.
        #[arg(long, value_name = "LON,LAT", conflicts_with = "place", allow_hyphen_values = true)]
        near: Option<String>,
        /// Only places whose id or any name (kk, ru, en; historic or modern) is NAME.
        #[arg(long, value_name = "NAME")]
        place: Option<String>,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        /// Language of the text output: kk, kk-latn, ru or en.
        #[arg(long, value_name = "kk|kk-latn|ru|en")]
        lang: Option<String>,
    },
}

/// Runs the command line and returns the process's exit code: 0 when done, 2 when the command
/// line asks for something impossible (a date outside the atlas, a place or tour that does not
/// exist; as for an unknown option), 1 when the work itself failed.
pub fn run(cli: Cli) -> ExitCode {
    if let Some(message) = misplaced_argument(&cli) {
        return refuse(message);
    }
    match cli.command {
        None => run_window(cli.data, cli.date, cli.place, cli.lang, cli.layers),
        Some(Command::Check { strict, lang }) => match parse_language(lang.as_deref()) {
            Ok(language) => {
                let language = language.or_else(crate::data::system_language).unwrap_or_default();
                run_check(cli.data.as_deref(), strict, language)
            }
            Err(message) => refuse(message),
        },
        Some(Command::Present { tour, monitor, lang, look }) => {
            let language = match parse_language(lang.as_deref()) {
                Ok(language) => language,
                Err(message) => return refuse(message),
            };
            let look = match look.as_deref().map(crate::ui::DisplayLook::parse).transpose() {
                Ok(look) => look.unwrap_or(crate::ui::DisplayLook::Projector),
                Err(message) => return refuse(format!("--look {message}")),
            };
            let options = crate::ui::present::PresentOptions { data_dir: cli.data, tour, language, monitor, look };
            match crate::ui::present::run_present(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(crate::ui::present::PresentError::Usage(message)) => refuse(message),
                Err(crate::ui::present::PresentError::Failed(message)) => fail(message),
            }
        }
        Some(Command::Kiosk { config }) => {
            let options = crate::ui::kiosk::KioskOptions { data_dir: cli.data, config };
            match crate::ui::kiosk::run_kiosk(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => fail(format!("{error:#}")),
            }
        }
        Some(Command::Render(args)) => run_render(cli.data.as_deref(), &args, cli.layers.as_deref()),
        Some(Command::Query { date, near, place, json, lang }) => {
            run_query(cli.data.as_deref(), &date, near.as_deref(), place.as_deref(), json, lang.as_deref())
        }
    }
}

/// An argument that the command would ignore: the window's `--date`, `--place` and `--lang`
/// written before another command, or `--layers` for a command that draws no layers.
fn misplaced_argument(cli: &Cli) -> Option<String> {
    let command = cli.command.as_ref()?;
    let name = match command {
        Command::Render(_) => "render",
        Command::Present { .. } => "present",
        Command::Kiosk { .. } => "kiosk",
        Command::Check { .. } => "check",
        Command::Query { .. } => "query",
    };
    let window_only =
        [("--date", cli.date.is_some()), ("--place", cli.place.is_some()), ("--lang", cli.lang.is_some())];
    if let Some((flag, _)) = window_only.iter().find(|(_, given)| *given) {
        return Some(format!(
            "{flag} before `{name}` is the window's; write the command's own options after `{name}` (see `steppe-atlas {name} --help`)"
        ));
    }
    let draws_layers = matches!(command, Command::Render(_));
    (cli.layers.is_some() && !draws_layers)
        .then(|| format!("--layers does not apply to `{name}` (only to the window and `render`)"))
}

/// The work failed (exit 1).
fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("steppe-atlas: {message}");
    ExitCode::FAILURE
}

/// The command line asks for something impossible (exit 2, as clap exits for an unknown option).
fn refuse(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("steppe-atlas: {message}");
    ExitCode::from(USAGE_ERROR)
}

/// The exit code of a command line that cannot be carried out as written.
pub const USAGE_ERROR: u8 = 2;

fn parse_language(code: Option<&str>) -> Result<Option<Language>, String> {
    parse_language_flag("--lang", code)
}

/// The language a flag names (`--lang`, `--map-lang`), if given.
fn parse_language_flag(flag: &str, code: Option<&str>) -> Result<Option<Language>, String> {
    code.map(|code| {
        Language::from_code(code)
            .ok_or_else(|| format!("{flag} {code}: use kk, kk-latn (Kazakh in Latin letters), ru or en"))
    })
    .transpose()
}

fn run_check(data_dir: Option<&std::path::Path>, strict: bool, language: Language) -> ExitCode {
    // The same session the window starts from: a broken translation table is a problem too.
    let session = crate::data::Session::load(data_dir);
    let problems = session.all_problems();
    let texts = &session.texts;
    let mut out = std::io::stdout().lock();
    for problem in &problems {
        let _ = writeln!(out, "{}", problem.describe(texts, language));
    }
    let atlas = &session.atlas;
    let coverage = crate::coverage::coverage(atlas);
    let coverage_lines = coverage_report(data_dir, atlas, &coverage);
    let gap_lines: Vec<String> = session.translation_gaps.iter().map(|gap| gap.describe(texts, language)).collect();
    if strict {
        for line in coverage_lines.iter().chain(&gap_lines) {
            let _ = writeln!(out, "{line}");
        }
    }
    let strict_failures = coverage_lines.len() + gap_lines.len();
    let failed = !problems.is_empty() || (strict && strict_failures > 0);
    if failed && !strict {
        // Errors first, but what --strict would add is not hidden behind them.
        for line in &gap_lines {
            let _ = writeln!(out, "{line}");
        }
        for line in &coverage_lines {
            let _ = writeln!(out, "coverage: {line}");
        }
    }
    if failed {
        let total = problems.len() + if strict { strict_failures } else { 0 };
        let _ = writeln!(out, "{}", texts.tr(language, "check_problems").replace("{count}", &total.to_string()));
        return ExitCode::FAILURE;
    }
    // "ok:" stays as it is in every language: scripts look for it.
    let counts = [
        ("{places}", atlas.places().len()),
        ("{forces}", atlas.forces.len()),
        ("{periods}", atlas.periods().len()),
        ("{events}", atlas.events().len()),
        ("{sources}", atlas.sources.len()),
        ("{tours}", atlas.tours.len()),
        ("{people}", atlas.people.len()),
    ];
    let summary = counts
        .iter()
        .fold(texts.tr(language, "check_ok").to_owned(), |text, (name, count)| text.replace(name, &count.to_string()));
    let _ = writeln!(out, "ok: {summary}");
    if !coverage_lines.is_empty() {
        for line in &coverage_lines {
            let _ = writeln!(out, "coverage: {line}");
        }
        let count = coverage_lines.len().to_string();
        let _ = writeln!(out, "{}", texts.tr(language, "check_coverage_gaps").replace("{count}", &count));
    }
    if !gap_lines.is_empty() {
        for line in &gap_lines {
            let _ = writeln!(out, "{line}");
        }
        let count = gap_lines.len().to_string();
        let _ = writeln!(out, "{}", texts.tr(language, "check_translation_gaps").replace("{count}", &count));
    }
    ExitCode::SUCCESS
}

/// One line per coverage gap, naming the file and line of the place or event.
fn coverage_report(
    data_dir: Option<&std::path::Path>,
    atlas: &crate::model::Atlas,
    coverage: &crate::coverage::Coverage,
) -> Vec<String> {
    let dataset = match data_dir {
        Some(dir) => Dataset::from_dir(dir).0,
        None => Dataset::embedded(),
    };
    let place_of = |id: &str| where_defined(&dataset, "places.toml", id);
    let mut lines = Vec::new();
    for gap in &coverage.gaps {
        let place = atlas.place(gap.place);
        lines.push(format!(
            "{}: `{}` has no control data from {} to {} ({} days); add a period, or one with `forces = []` and a note saying why nobody is known",
            place_of(&place.id),
            place.id,
            gap.from,
            gap.to,
            gap.days()
        ));
    }
    for &id in &coverage.events_without_places {
        let event = atlas.event(id);
        lines.push(format!(
            "{}: event `{}` names no place on the map",
            where_defined(&dataset, "events.toml", &event.id),
            event.id
        ));
    }
    lines
}

/// `maps/places.toml:12` for the entry whose `id` is `id`.
fn where_defined(dataset: &Dataset, file: &str, id: &str) -> String {
    let Some(data_file) = dataset.file(file) else { return file.to_owned() };
    let needle = format!("id = \"{id}\"");
    match data_file.text.lines().position(|line| line.trim() == needle) {
        Some(index) => format!("{}:{}", data_file.display_name, index + 1),
        None => data_file.display_name.clone(),
    }
}

fn run_query(
    data_dir: Option<&std::path::Path>,
    date: &str,
    near: Option<&str>,
    place: Option<&str>,
    json: bool,
    lang: Option<&str>,
) -> ExitCode {
    let date = match parse_atlas_date("--date", date) {
        Ok(date) => date,
        Err(message) => return refuse(message),
    };
    let language = match parse_language(lang) {
        Ok(language) => language.or_else(crate::data::system_language).unwrap_or_default(),
        Err(message) => return refuse(message),
    };
    let selection = match (near, place) {
        (Some(near), _) => match parse_lon_lat(near) {
            Ok(point) => Selection::Near(point),
            Err(message) => return refuse(format!("--near {near}: {message}")),
        },
        (None, Some(name)) => Selection::Named(name.to_owned()),
        (None, None) => Selection::All,
    };
    let loaded = crate::data::load_from(data_dir);
    report_problems(&loaded.problems);
    let atlas = &loaded.atlas;
    if let Selection::Named(name) = &selection
        && let Err(message) = check_place(atlas, name)
    {
        return refuse(message);
    }
    let places = query::select(atlas, &selection);
    let report = query::report(atlas, date, &places);
    let mut out = std::io::stdout().lock();
    let written = if json {
        serde_json::to_string_pretty(&report)
            .map_err(|e| e.to_string())
            .and_then(|text| writeln!(out, "{text}").map_err(|e| e.to_string()))
    } else {
        match crate::i18n::Translations::embedded() {
            Ok(texts) => {
                write!(out, "{}", query::report_text(atlas, &report, &texts, language)).map_err(|e| e.to_string())
            }
            Err(error) => Err(error.to_string()),
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(error),
    }
}

fn run_render(data_dir: Option<&std::path::Path>, args: &render_args::RenderArgs, layers: Option<&str>) -> ExitCode {
    let layers = match layers.map(LayerSet::parse).transpose() {
        Ok(layers) => layers,
        Err(message) => return refuse(format!("--layers: {message}")),
    };
    // A page written with a broken table would show its keys: say so instead.
    let texts = match crate::i18n::Translations::embedded() {
        Ok(texts) => texts,
        Err(error) => return fail(error.to_string()),
    };
    // The renderer's fonts and textures load on the other core while the data loads and is
    // checked.
    let (loaded, renderer) = std::thread::scope(|scope| {
        let for_renderer = texts.clone();
        let renderer = scope.spawn(move || crate::render::Renderer::with_texts(for_renderer));
        let loaded = crate::data::load_from(data_dir);
        (loaded, renderer.join().unwrap_or_else(|_| crate::render::Renderer::with_texts(texts)))
    });
    report_problems(&loaded.problems);
    match render_args::run_with(&loaded.atlas, args, layers, renderer) {
        Ok(files) => {
            let in_frames = |file: &PathBuf| args.frames.as_ref().is_some_and(|dir| file.starts_with(dir));
            let (frames, others): (Vec<&PathBuf>, Vec<&PathBuf>) = files.iter().partition(|file| in_frames(file));
            let mut out = std::io::stdout().lock();
            for file in others {
                let _ = writeln!(out, "wrote {}", file.display());
            }
            if let Some(dir) = &args.frames {
                let _ = writeln!(out, "wrote {} files to {}", frames.len(), dir.display());
            }
            ExitCode::SUCCESS
        }
        Err(crate::command_error::CommandError::Usage(message)) => refuse(message),
        Err(crate::command_error::CommandError::Failed(message)) => fail(message),
    }
}

/// A date given with `flag` (`--date`, `--from`, `--to`): YYYY-MM-DD and within the atlas,
/// never moved into it.
fn parse_atlas_date(flag: &str, text: &str) -> Result<Date, String> {
    let date = Date::parse(text).map_err(|error| format!("{flag} {text}: {error}"))?;
    date.in_atlas().map_err(|_| format!("{flag} {date}: the atlas covers {} to {}", Date::ATLAS_START, Date::ATLAS_END))
}

/// Whether `--place NAME` names a place, as the window's search would find it; a name that is
/// only close to one is answered for that place, and standard error says so.
fn check_place(atlas: &crate::model::Atlas, name: &str) -> Result<(), String> {
    let found = crate::search::find_places(atlas, name);
    if found.places.is_empty() {
        return Err(format!("--place {name}: no place has this id or a name like it"));
    }
    if !found.exact {
        let names: Vec<String> = found
            .places
            .iter()
            .map(|&id| format!("{} ({})", atlas.place(id).name.get(Language::En), atlas.place(id).id))
            .collect();
        eprintln!("steppe-atlas: --place {name}: no place is called exactly this; taking {}", names.join(", "));
    }
    Ok(())
}

/// Data problems go to standard error, so that a query's output stays clean for scripts.
fn report_problems(problems: &[Problem]) {
    if !problems.is_empty() {
        eprintln!("steppe-atlas: {} problem(s) in the data; run `steppe-atlas check` to list them", problems.len());
    }
}

fn parse_lon_lat(text: &str) -> Result<LonLat, String> {
    let mut parts = text.split(',').map(str::trim);
    let (Some(lon), Some(lat), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err("expected LON,LAT in degrees, e.g. 69.15,54.87".into());
    };
    let lon: f64 = lon.parse().map_err(|_| format!("`{lon}` is not a longitude"))?;
    let lat: f64 = lat.parse().map_err(|_| format!("`{lat}` is not a latitude"))?;
    if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
        return Err("longitude must be within ±180 and latitude within ±90".into());
    }
    Ok(LonLat { lon, lat })
}

fn run_window(
    data_dir: Option<PathBuf>,
    date: Option<String>,
    place: Option<String>,
    lang: Option<String>,
    layers: Option<String>,
) -> ExitCode {
    let date = match date.as_deref().map(|text| parse_atlas_date("--date", text)).transpose() {
        Ok(date) => date,
        Err(message) => return refuse(message),
    };
    let language = match parse_language(lang.as_deref()) {
        Ok(language) => language,
        Err(message) => return refuse(message),
    };
    let layers = match layers.as_deref().map(LayerSet::parse).transpose() {
        Ok(layers) => layers,
        Err(message) => return refuse(format!("--layers: {message}")),
    };
    // A place is checked before the window opens (reading the data takes a tenth of a second),
    // so that a typo is said at once rather than silently showing no place.
    if let Some(name) = &place
        && let Err(message) = check_place(&crate::data::load_from(data_dir.as_deref()).atlas, name)
    {
        return refuse(message);
    }
    let options = crate::ui::StartOptions { data_dir, date, place, language, layers };
    match crate::ui::run_window(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(format!("{error:#}")),
    }
}
