//! `steppe-atlas render`'s arguments: parsed and checked here, on the command line, into the
//! renderer's typed [`RenderJob`], so that a wrong one costs no time and leaves no file behind.

use std::path::{Path, PathBuf};

use crate::command_error::CommandError;
use crate::geometry::{MapGeometry, MapRect};
use crate::layers::LayerSet;
use crate::model::{Atlas, Date, LonLat};
use crate::render::job::{COLUMNS, ImageFormat, MAX_POSTER_MAPS, RenderJob, SequenceOutput, Step, dates};
use crate::render::{RenderRequest, Renderer};

/// The arguments of `steppe-atlas render`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct RenderArgs {
    /// The date of a still image, YYYY-MM-DD (Gregorian).
    #[arg(long, value_name = "YYYY-MM-DD", conflicts_with_all = ["from", "to"])]
    pub date: Option<String>,
    /// The first date of an animation, a frame sequence or a poster.
    #[arg(long, value_name = "YYYY-MM-DD", requires = "to")]
    pub from: Option<String>,
    /// The last date of an animation, a frame sequence or a poster (included).
    #[arg(long, value_name = "YYYY-MM-DD", requires = "from")]
    pub to: Option<String>,
    /// The step between frames: a number and d, w or m (days, weeks, months), e.g. 1d, 1w, 3m
    /// [default: 1m].
    #[arg(long, value_name = "STEP")]
    pub step: Option<String>,
    /// The image to write, in the format its extension names: .png, .jpg (.jpeg) or .gif for a
    /// still or a poster; .gif for an animation or a tour.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Also (or instead) write every frame as a numbered PNG into this folder.
    #[arg(long, value_name = "DIR")]
    pub frames: Option<PathBuf>,
    /// WIDTHxHEIGHT in pixels, or a preset: hd (1920x1080), 4k (3840x2160), a4, a3, a2 (landscape,
    /// 300 dpi; add -portrait for portrait).
    #[arg(long, value_name = "WxH", default_value = "1920x1080")]
    pub size: String,
    /// Language of the title, date and legend: kk, kk-latn, ru or en.
    #[arg(long, value_name = "kk|kk-latn|ru|en")]
    pub lang: Option<String>,
    /// Language of the names on the map, when it should differ from --lang.
    #[arg(long, value_name = "kk|kk-latn|ru|en")]
    pub map_lang: Option<String>,
    /// What to show: a place (id or any name, e.g. semirechye_oblast, "Верный") or a box
    /// LON1,LAT1,LON2,LAT2 in degrees. The whole atlas when absent.
    #[arg(long, value_name = "PLACE|BBOX", allow_hyphen_values = true)]
    pub view: Option<String>,
    /// Places to outline (ids or names, comma-separated).
    #[arg(long, value_name = "LIST")]
    pub highlight: Option<String>,
    /// Make a poster: one image with a grid of maps from --from to --to every --step.
    #[arg(long, requires = "from")]
    pub poster: bool,
    /// Columns of a poster's grid, 1 to 12 [default: 4].
    #[arg(long, value_name = "N")]
    pub columns: Option<u32>,
    /// Seconds each frame of an animation stays on screen, 0.02 to 600 [default: 0.5].
    #[arg(long, value_name = "SECONDS")]
    pub frame_seconds: Option<f32>,
    /// Hide the Old Style date that is shown beside dates before 14 February 1918.
    #[arg(long)]
    pub no_old_style: bool,
    /// Render a tour, as `present` plays it, with an SRT file of its captions beside --out: a
    /// tour file, or a built-in tour's name (1917, 1918, 1919_1920).
    #[arg(long, value_name = "FILE|NAME", conflicts_with_all = ["date", "from", "poster"])]
    pub tour: Option<PathBuf>,
}

/// The columns of a poster when `--columns` is not given.
pub const DEFAULT_COLUMNS: u32 = 4;
/// Seconds a frame of an animation stays on screen when `--frame-seconds` is not given.
pub const DEFAULT_FRAME_SECONDS: f32 = 0.5;
/// What a GIF can say: a frame's delay is 1 to 65535 hundredths of a second, and browsers show
/// anything under 2 hundredths as 10.
const FRAME_SECONDS: std::ops::RangeInclusive<f32> = 0.02..=600.0;

/// A wrong argument, with what to tell the user.
type ArgResult<T> = Result<T, String>;

/// The format of a still image or a poster, from its `--out`.
fn still_format(out: &Path) -> ArgResult<ImageFormat> {
    ImageFormat::of(out).ok_or_else(|| {
        format!("--out {}: name the format by the extension: .png, .jpg (or .jpeg) or .gif", out.display())
    })
}

/// Parses `1920x1080` or a preset name.
pub fn parse_size(text: &str) -> ArgResult<[u32; 2]> {
    let lower = text.trim().to_ascii_lowercase();
    let (name, portrait) = match lower.strip_suffix("-portrait") {
        Some(name) => (name, true),
        None => (lower.as_str(), false),
    };
    let preset = crate::render::SizePreset::from_name(name).map(crate::render::SizePreset::pixels);
    let size = match preset {
        Some(size) => size,
        None => {
            let mut parts = name.split('x');
            let (Some(w), Some(h), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("--size {text}: expected WIDTHxHEIGHT (e.g. 1920x1080) or hd, 4k, a4, a3, a2"));
            };
            let parse = |part: &str| {
                part.trim().parse::<u32>().map_err(|_| format!("--size {text}: `{part}` is not a number of pixels"))
            };
            [parse(w)?, parse(h)?]
        }
    };
    if size.iter().any(|&side| !(64..=crate::render::MAX_SIDE).contains(&side)) {
        return Err(format!("--size {text}: each side must be 64 to {} pixels", crate::render::MAX_SIDE));
    }
    Ok(if portrait { [size[1], size[0]] } else { size })
}

/// Parses `--step`: a number and d, w or m.
pub fn parse_step(text: &str) -> ArgResult<Step> {
    let text = text.trim();
    let error = || format!("--step {text}: expected a number and d, w or m, e.g. 1d, 2w, 3m");
    let unit = text.chars().last().ok_or_else(error)?;
    let count: i32 = text[..text.len() - unit.len_utf8()].parse().map_err(|_| error())?;
    if !(1..=1000).contains(&count) {
        return Err(error());
    }
    match unit.to_ascii_lowercase() {
        'd' => Ok(Step::Days(count)),
        'w' => Ok(Step::Days(count * 7)),
        'm' => Ok(Step::Months(count)),
        _ => Err(error()),
    }
}

/// The map extent of `--view`: a place's outline (or surroundings), or a lon/lat box.
pub fn parse_view(atlas: &Atlas, geometry: &MapGeometry, text: &str) -> ArgResult<MapRect> {
    let numbers: Vec<f64> = text.split(',').filter_map(|part| part.trim().parse().ok()).collect();
    if numbers.len() == 4 && text.split(',').count() == 4 {
        let [lon1, lat1, lon2, lat2] = [numbers[0], numbers[1], numbers[2], numbers[3]];
        let valid = numbers.iter().all(|n| n.is_finite())
            && lon1.abs() <= 180.0
            && lon2.abs() <= 180.0
            && lat1.abs() < 90.0
            && lat2.abs() < 90.0
            && lon1 != lon2
            && lat1 != lat2;
        if !valid {
            return Err(format!("--view {text}: a box is LON1,LAT1,LON2,LAT2 in degrees, with two different corners"));
        }
        // A box of meridians and parallels is curved in a conic projection: take its edges.
        let albers = &geometry.projection;
        let mut extent = MapRect::NOTHING;
        for i in 0..=16 {
            let t = f64::from(i) / 16.0;
            for (lon, lat) in [
                (lon1 + (lon2 - lon1) * t, lat1),
                (lon1 + (lon2 - lon1) * t, lat2),
                (lon1, lat1 + (lat2 - lat1) * t),
                (lon2, lat1 + (lat2 - lat1) * t),
            ] {
                extent.extend(albers.map_from_lonlat(LonLat { lon, lat }));
            }
        }
        return Ok(extent);
    }
    let places = find_places(atlas, text)?;
    geometry.extent_of(&places).ok_or_else(|| format!("--view {text}: the place has no outline or location on the map"))
}

/// Places named in a comma-separated list of ids or names, found as the window's search finds
/// them; each must name something.
fn find_places(atlas: &Atlas, list: &str) -> ArgResult<Vec<crate::model::PlaceId>> {
    let mut places = Vec::new();
    for name in list.split(',').map(str::trim).filter(|name| !name.is_empty()) {
        let found = crate::search::find_places(atlas, name).places;
        if found.is_empty() {
            return Err(format!("`{name}`: no place has this id or a name like it"));
        }
        places.extend(found);
    }
    Ok(places)
}

/// Runs `steppe-atlas render` with a renderer made beforehand (`render` makes it while the
/// data loads); returns the files written. Every argument is checked before the first image is
/// drawn.
pub fn run_with(
    atlas: &Atlas,
    args: &RenderArgs,
    default_layers: Option<LayerSet>,
    mut renderer: Renderer,
) -> Result<Vec<PathBuf>, CommandError> {
    let geometry = MapGeometry::new(atlas);
    let job = plan(atlas, &geometry, args, default_layers)?;
    crate::render::execute(atlas, &geometry, &mut renderer, job)
        .map_err(|error| CommandError::Failed(error.to_string()))
}

/// Which kind of image the arguments ask for, to say which arguments apply to it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Still,
    Poster,
    Animation,
    Tour,
}

/// Refuses an argument that the chosen kind of image would ignore: a run that quietly drops
/// what was asked for is worse than one that says so.
fn refuse_ignored(args: &RenderArgs, mode: Mode) -> ArgResult<()> {
    let ignored: [(bool, &str, &[Mode]); 6] = [
        (args.frames.is_some(), "--frames", &[Mode::Animation, Mode::Tour]),
        (args.step.is_some(), "--step", &[Mode::Poster, Mode::Animation]),
        (args.columns.is_some(), "--columns", &[Mode::Poster]),
        (args.frame_seconds.is_some(), "--frame-seconds", &[Mode::Animation]),
        (args.view.is_some(), "--view", &[Mode::Still, Mode::Poster, Mode::Animation]),
        (args.highlight.is_some(), "--highlight", &[Mode::Still, Mode::Poster, Mode::Animation]),
    ];
    let what = match mode {
        Mode::Still => "a still image (--date)",
        Mode::Poster => "a poster",
        Mode::Animation => "an animation (--from, --to)",
        Mode::Tour => "a tour, which sets its own views, highlights and pace",
    };
    match ignored.iter().find(|(given, _, applies)| *given && !applies.contains(&mode)) {
        Some((_, flag, _)) => Err(format!("{flag} does not apply to {what}")),
        None => Ok(()),
    }
}

/// Checks every argument and says what to make.
fn plan(
    atlas: &Atlas,
    geometry: &MapGeometry,
    args: &RenderArgs,
    default_layers: Option<LayerSet>,
) -> Result<RenderJob, CommandError> {
    let usage = CommandError::Usage;
    let mode = match (&args.tour, &args.date, &args.from, &args.to, args.poster) {
        (Some(_), ..) => Mode::Tour,
        (None, Some(_), _, _, _) => Mode::Still,
        (None, None, Some(_), Some(_), true) => Mode::Poster,
        (None, None, Some(_), Some(_), false) => Mode::Animation,
        _ => {
            return Err(usage(
                "give --date for a still image, --from and --to for an animation or poster, or --tour".into(),
            ));
        }
    };
    refuse_ignored(args, mode).map_err(usage)?;
    let size = parse_size(&args.size).map_err(usage)?;
    let language = super::parse_language_flag("--lang", args.lang.as_deref())
        .map_err(usage)?
        .or_else(crate::data::system_language)
        .unwrap_or_default();
    let mut request = RenderRequest::new(Date::ATLAS_START, size);
    request.language = language;
    request.map_language = super::parse_language_flag("--map-lang", args.map_lang.as_deref()).map_err(usage)?;
    request.layers = default_layers.unwrap_or_default();
    request.show_old_style = !args.no_old_style;
    if let Some(view) = &args.view {
        request.extent = Some(parse_view(atlas, geometry, view).map_err(usage)?);
    }
    if let Some(list) = &args.highlight {
        request.highlights = find_places(atlas, list).map_err(|e| usage(format!("--highlight {e}")))?;
    }
    let frame_seconds = match args.frame_seconds {
        Some(seconds) if !FRAME_SECONDS.contains(&seconds) => {
            return Err(usage(format!(
                "--frame-seconds {seconds}: give {} to {} seconds",
                FRAME_SECONDS.start(),
                FRAME_SECONDS.end()
            )));
        }
        Some(seconds) => seconds,
        None => DEFAULT_FRAME_SECONDS,
    };
    match mode {
        Mode::Tour => {
            check_sequence_outputs(args).map_err(usage)?;
            let spec = args.tour.as_deref().unwrap_or(Path::new(""));
            let found = crate::tour_source::find(atlas, spec).map_err(|error| match error {
                crate::tour_source::TourError::Unknown { .. } => usage(format!("--tour {error}")),
                crate::tour_source::TourError::Unusable { .. } => CommandError::Failed(error.to_string()),
            })?;
            if let Some(problem) = found.problems.first() {
                let more = match found.problems.len() {
                    1 => String::new(),
                    count => format!(" (and {} more problems)", count - 1),
                };
                return Err(CommandError::Failed(format!("{problem}{more}")));
            }
            Ok(RenderJob::Tour {
                request,
                tour: Box::new(found.tour),
                output: sequence_output(args, DEFAULT_FRAME_SECONDS),
            })
        }
        Mode::Still => {
            request.date =
                super::parse_atlas_date("--date", args.date.as_deref().unwrap_or_default()).map_err(usage)?;
            let out = args.out.clone().ok_or_else(|| usage("--out FILE is needed for a still image".into()))?;
            let format = still_format(&out).map_err(usage)?;
            Ok(RenderJob::Still { request, out, format })
        }
        Mode::Poster | Mode::Animation => {
            let from = super::parse_atlas_date("--from", args.from.as_deref().unwrap_or_default()).map_err(usage)?;
            let to = super::parse_atlas_date("--to", args.to.as_deref().unwrap_or_default()).map_err(usage)?;
            if to < from {
                return Err(usage(format!("--to {to} is before --from {from}")));
            }
            let dates = dates(from, to, parse_step(args.step.as_deref().unwrap_or("1m")).map_err(usage)?);
            if mode == Mode::Animation {
                check_sequence_outputs(args).map_err(usage)?;
                let frames = dates.iter().map(|&date| RenderRequest { date, ..request.clone() }).collect();
                return Ok(RenderJob::Animation { frames, output: sequence_output(args, frame_seconds) });
            }
            let out = args.out.clone().ok_or_else(|| usage("--out FILE.png is needed for a poster".into()))?;
            let format = still_format(&out).map_err(usage)?;
            if dates.len() > MAX_POSTER_MAPS {
                return Err(usage(format!(
                    "a poster of {} maps is too many; use a larger --step (at most {MAX_POSTER_MAPS} maps)",
                    dates.len()
                )));
            }
            let columns = args.columns.unwrap_or(DEFAULT_COLUMNS);
            if !COLUMNS.contains(&columns) {
                return Err(usage(format!("--columns {columns}: give {} to {}", COLUMNS.start(), COLUMNS.end())));
            }
            Ok(RenderJob::Poster { request, dates, columns, out, format })
        }
    }
}

/// An animation or a tour needs `--out FILE.gif` or `--frames DIR`, or both.
fn check_sequence_outputs(args: &RenderArgs) -> ArgResult<()> {
    match &args.out {
        Some(out) if ImageFormat::of(out) != Some(ImageFormat::Gif) => {
            Err(format!("--out {}: an animation is written as .gif (use --frames DIR for PNGs)", out.display()))
        }
        None if args.frames.is_none() => Err("give --out FILE.gif or --frames DIR (or both) for an animation".into()),
        _ => Ok(()),
    }
}

/// Where an animation's or a tour's frames go, as the arguments say.
fn sequence_output(args: &RenderArgs, frame_seconds: f32) -> SequenceOutput {
    SequenceOutput { gif: args.out.clone(), frames_folder: args.frames.clone(), frame_seconds }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_presets_parse() {
        assert_eq!(parse_size("800x600"), Ok([800, 600]));
        assert_eq!(parse_size("4K"), Ok([3840, 2160]));
        assert_eq!(parse_size("a4-portrait"), Ok([2480, 3508]));
        assert!(parse_size("10x10").is_err());
        assert!(parse_size("big").unwrap_err().contains("WIDTHxHEIGHT"));
    }

    #[test]
    fn steps_parse() {
        assert_eq!(parse_step("2w"), Ok(Step::Days(14)));
        assert_eq!(parse_step("3m"), Ok(Step::Months(3)));
        assert!(parse_step("0d").is_err());
        assert!(parse_step("1y").is_err());
    }
}
